"""Filling a test cache with articles already analysed (as a refresh and its backlog would)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from newsterm.analysis import Analysis, AnalysisInput, RawArticle
from newsterm.extract import ANALYSIS_VERSION
from newsterm.extract.people import quote_people
from newsterm.store import Store
from newsterm.store.results import SaveResult


def save_analysed(
    store: Store,
    source_id: int,
    items: Sequence[tuple[RawArticle, Analysis]],
    *,
    fetched_at: datetime | None = None,
    version: int = ANALYSIS_VERSION,
) -> SaveResult:
    """Save articles, then write the given analyses for those new or changed (by ``version``);
    quotations written without a person get the one the analysis would give them."""
    result = store.save_articles(source_id, [raw for raw, _ in items], fetched_at=fetched_at)
    ids = dict(
        store.conn.execute("SELECT guid, id FROM articles WHERE source_id = ?", (source_id,))
    )
    analysed = [
        (
            AnalysisInput(ids[raw.guid], raw.content_hash, raw.title, raw.paragraphs),
            _with_people(analysis),
        )
        for raw, analysis in items
        if raw.guid in ids  # (one the store did not keep, as retention drops, has none)
    ]
    store.save_analyses(analysed, version)
    return result


def _with_people(analysis: Analysis) -> Analysis:
    people = quote_people(analysis.quotes, analysis.paragraphs)
    quotes = [
        q if q.person is not None else replace(q, person=p)
        for q, p in zip(analysis.quotes, people, strict=True)
    ]
    return replace(analysis, quotes=quotes)


def check_search_index(store: Store) -> None:
    """FTS5's own check that the search index holds exactly the articles' titles and bodies
    (raises ``sqlite3.DatabaseError`` when it does not)."""
    store.conn.execute(
        "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"
    )
