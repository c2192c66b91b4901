"""Articles a refresh stores are indexed for search later, many feeds at once: marked in the
transaction that stores them, and never lost from search (a killed refresh's marks stay)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsterm.analysis import Analysis, AnalysisInput, RawArticle
from newsterm.models import SourceKind
from newsterm.store import Store
from newsterm.ui import workers
from tests.cached import check_search_index


def raw(guid: str, title: str, body: str, version: str = "v1", day: int = 1) -> RawArticle:
    return RawArticle(
        guid=guid,
        title=title,
        paragraphs=[body],
        content_hash=version,
        published=datetime(2026, 3, day, tzinfo=UTC),
    )


def found(store: Store, word: str) -> set[str]:
    return {hit.article.title for hit in store.search(word)}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "cache.db")


def test_marked_articles_are_found_once_indexed(store: Store) -> None:
    source = store.upsert_source(SourceKind.FEED, "https://a.example/rss")
    items = [raw(f"g{n}", f"Story {n}", f"The harbour plan, part {n}.") for n in range(3)]
    saved = store.save_articles(source.id, items, index_later=True)
    assert saved.new == 3
    assert store.pending_index() == 3
    assert found(store, "harbour") == set()  # stored, listed, not searchable yet
    assert store.count_articles() == 3
    assert store.index_pending() == 3
    assert store.pending_index() == 0
    assert found(store, "harbour") == {"Story 0", "Story 1", "Story 2"}
    check_search_index(store)
    assert store.index_pending() == 0  # nothing marked: nothing done


def test_a_marked_article_changed_or_deleted_keeps_the_index_true(store: Store) -> None:
    """A marked article is not in the index: changing it (a feed's new version, its
    analysis) or deleting it (retention) must not take it out of the index."""
    source = store.upsert_source(SourceKind.FEED, "https://a.example/rss")
    store.save_articles(
        source.id,
        [raw("keep", "Kept", "Old ferry timetable.", day=2), raw("drop", "Dropped", "A strike.")],
        index_later=True,
    )
    ids = dict(store.conn.execute("SELECT guid, id FROM articles"))
    # A new version of one, saved the way files and sync save (indexed now, unless marked).
    store.save_articles(source.id, [raw("keep", "Kept", "New tram timetable.", "v2", day=2)])
    # Its analysis rewrites its body.
    item = AnalysisInput(ids["keep"], "v2", "Kept", ["New tram timetable."])
    analysis = Analysis(title="Kept", paragraphs=["New tram timetable, cleaned."])
    assert store.save_analyses([(item, analysis)], 1) == 1
    store.set_read([ids["drop"]])
    assert store.retain(source.id, max_articles=1) == 1  # the other goes
    assert store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
    assert store.index_pending() == 1
    check_search_index(store)
    assert found(store, "tram") == {"Kept"}
    assert found(store, "ferry") == found(store, "strike") == set()


def test_articles_indexed_now_and_later_share_the_index(store: Store) -> None:
    source = store.upsert_source(SourceKind.FEED, "https://a.example/rss")
    store.save_articles(source.id, [raw("now", "Now", "Budget vote today.")])
    store.save_articles(
        source.id, [raw("later", "Later", "Budget vote tomorrow.")], index_later=True
    )
    assert found(store, "budget") == {"Now"}
    store.index_pending()
    assert found(store, "budget") == {"Now", "Later"}
    check_search_index(store)


def test_the_apps_start_indexes_what_a_killed_refresh_marked(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    with Store.open(db) as store:
        source = store.upsert_source(SourceKind.FEED, "https://a.example/rss")
        store.save_articles(source.id, [raw("g", "Marked", "Library hours.")], index_later=True)
    posted: list[object] = []
    workers.analyse_backlog(posted.append, db, threading.Event())
    with Store.open(db) as store:
        assert store.pending_index() == 0
        assert found(store, "library") == {"Marked"}
        check_search_index(store)
