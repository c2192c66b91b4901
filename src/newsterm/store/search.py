"""Search the cache with the query language: ranked hits with their matches marked, and the
matches inside one article (for the reader)."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsterm.query import compile_any, compile_query
from newsterm.query.snippet import centre
from newsterm.store.columns import PARAGRAPH_SEPARATOR, SUMMARY_COLUMNS, summary_row
from newsterm.store.filters import ArticleFilter, filter_where
from newsterm.store.repo import Store
from newsterm.store.results import SearchHit

MATCH_START = "\x01"
MATCH_END = "\x02"
"""Markers around full-text matches; sanitised text never contains control characters."""

SNIPPET_CHARS = 400
"""Characters of text kept around a hit's first match (the list and the CLI centre it again
to the width they have)."""


def search(
    store: Store,
    text: str,
    *,
    limit: int = 100,
    offset: int = 0,
    now: float | None = None,
    hide: tuple[str, ...] = (),
) -> list[SearchHit]:
    """A query's articles: best matches first when it has full-text terms, else newest first;
    those the ``hide`` queries match (feeds.toml's ``[[ignore]]``) left out."""
    moment = time.time() if now is None else now
    compiled = compile_query(text, moment)
    hidden = ""
    hidden_params: tuple[object, ...] = ()
    if hide:
        rule = compile_any(hide, moment)
        hidden, hidden_params = f"AND NOT ({rule.where})", rule.params
    if compiled.match is None:
        rows = store.conn.execute(
            f"""SELECT {SUMMARY_COLUMNS}, a.title, substr(a.body, 1, ?)
                FROM articles a JOIN sources s ON s.id = a.source_id
                WHERE {compiled.where} {hidden}
                ORDER BY a.sort_key DESC, a.id DESC LIMIT ? OFFSET ?""",
            (SNIPPET_CHARS, *compiled.params, *hidden_params, limit, offset),
        ).fetchall()
    else:
        where = "" if compiled.match_is_query else f"AND {compiled.where}"
        where += f" {hidden}"
        params = (() if compiled.match_is_query else compiled.params) + hidden_params
        marks = (MATCH_START, MATCH_END)
        rows = store.conn.execute(
            f"""SELECT {SUMMARY_COLUMNS}, highlight(articles_fts, 0, ?, ?),
                       highlight(articles_fts, 1, ?, ?)
                FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                JOIN sources s ON s.id = a.source_id
                WHERE articles_fts MATCH ? {where} ORDER BY rank LIMIT ? OFFSET ?""",
            (*marks, *marks, compiled.match, *params, limit, offset),
        ).fetchall()
    return [_hit(row, row[8], row[9]) for row in rows]


def _hit(row: Sequence[Any], title: str, body: str) -> SearchHit:
    """A hit from its summary columns and its title and body with their matches marked."""
    _, title_spans = split_marked(title)
    text, body_spans = split_marked(body)
    snippet, snippet_spans = centre(text.replace("\n", " "), body_spans, SNIPPET_CHARS)
    return SearchHit(summary_row(row), title_spans, snippet, snippet_spans)


_MARKED = re.compile(f"{MATCH_START}[^{MATCH_START}{MATCH_END}]*{MATCH_END}")


def split_marked(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove match markers from FTS5 output, returning the text and the matched spans."""
    plain = text.replace(MATCH_START, "").replace(MATCH_END, "")
    spans = [  # each pair's place once the pairs before it are taken out
        (found.start() - 2 * n, found.end() - 2 * n - 2)
        for n, found in enumerate(_MARKED.finditer(text))
    ]
    if 2 * len(spans) == len(text) - len(plain):
        return plain, spans  # (every marker is in a pair, as FTS5 writes them)
    return _split_marked_one_by_one(text)


def _split_marked_one_by_one(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``split_marked`` for markers not in pairs (a stray one is dropped)."""
    spans: list[tuple[int, int]] = []
    out: list[str] = []
    length = 0
    start = -1
    for part in re.split(f"([{MATCH_START}{MATCH_END}])", text):
        if part == MATCH_START:
            start = length
        elif part == MATCH_END:
            if start >= 0:
                spans.append((start, length))
            start = -1
        else:
            out.append(part)
            length += len(part)
    return "".join(out), spans


WALK_FROM_HITS = 2_000
"""Full-text hits from which a newest-first search walks the time index (testing each step
against the hits) rather than reading and sorting every hit's row (see ``Store._by_time``)."""
SAMPLE = 500
"""The newest article ids whose full-text hits estimate how common a query's words are."""
FIELDS_WINDOW = 20
"""For a query of fields and flags only, how many times ``limit`` newest articles are looked
through first (``has:quotes``, one article in ten: 500 steps of the time index rather than
10,000 rows read and sorted, 20 ms)."""
WINDOW_FROM_SHARE = 0.02
"""The share of the ``SAMPLE`` a query's words must have for its newest matches to be
looked for among the newest articles first (``_in_newest``): at 2 %, the newest 3,750."""


@dataclass(slots=True)
class Plan:
    """What a search as typed has learnt of its query's plan (see :func:`newest`). A search
    the UI thread gave up hands it to the worker that runs it again, which then skips those
    reads: without a prefix index each reads every term a short prefix starts (~7 ms for
    ``sto*`` on 100,000 articles). Only the choice of plan, never rows: the worker reads
    its own, so they are as new as its read."""

    share: float | None = None
    """The share of the newest articles the words match (:func:`_share`)."""
    window_short: bool = False
    """The newest articles held too few matches (:func:`_in_newest` answered None)."""
    many: bool | None = None
    """The query has ``WALK_FROM_HITS`` hits or more."""


def newest(
    store: Store,
    text: str,
    *,
    limit: int = 50,
    now: float | None = None,
    hide: tuple[str, ...] = (),
    plan: Plan | None = None,
) -> list[SearchHit]:
    """A query's newest ``limit`` articles (what ``hide`` matches left out), their matches
    marked: the search as typed, which reads about ``limit`` rows whatever the query matches
    (no ranking, which would read every hit), and no count (the heading says "newest N").

    Three plans, the same rows in the same order. A query whose words are in more than
    ``WINDOW_FROM_SHARE`` of articles (or that has no words) looks among the newest
    articles for its newest matches, reading only the part of the index between their ids
    (``_in_newest``: ``h*``, ``the``); failing that (a condition besides the words is
    rare), a query with many hits walks the time index testing each step against the list
    of its hits, and one with few sorts them. ``plan``: what an earlier try of this query
    learnt of that choice, and is filled in as this one learns it."""
    moment = time.time() if now is None else now
    compiled = compile_query(text, moment)
    flt = ArticleFilter(query=text, now=moment, hide=hide)
    plan = Plan() if plan is None else plan  # (filled in as it is learnt: see Plan)
    rows = None
    walk = ""
    if compiled.match is not None:
        newest_id = store.conn.execute("SELECT MAX(id) FROM articles").fetchone()[0] or 0
        if plan.share is None:
            plan.share = _share(store, compiled.match, newest_id)
        share = plan.share
        if share > 0 and share >= WINDOW_FROM_SHARE and not plan.window_short:
            rows = _in_newest(store, flt, limit, int(1.5 * limit / share) + 1, newest_id)
            plan.window_short = rows is None
        if rows is None:
            if plan.many is None:
                plan.many = (
                    store.conn.execute(
                        "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1 OFFSET ?",
                        (compiled.match, WALK_FROM_HITS),
                    ).fetchone()
                    is not None
                )
            walk = "INDEXED BY articles_by_time" if plan.many else ""
    else:  # fields and flags: SQLite sorts every match of one without an index in time order
        newest_id = store.conn.execute("SELECT MAX(id) FROM articles").fetchone()[0] or 0
        rows = _in_newest(store, flt, limit, FIELDS_WINDOW * max(limit, 1), newest_id)
    if rows is None:
        where, params = filter_where(flt)
        rows = store.conn.execute(
            f"""SELECT {SUMMARY_COLUMNS}, a.title, substr(a.body, 1, ?)
                FROM articles a {walk} JOIN sources s ON s.id = a.source_id
                {where} ORDER BY a.sort_key DESC, a.id DESC LIMIT ?""",
            (SNIPPET_CHARS, *params, limit),
        ).fetchall()
    if compiled.match is None or not rows:
        return [_hit(row, row[8], row[9]) for row in rows]
    ids = [int(row[0]) for row in rows]
    marks = (MATCH_START, MATCH_END)
    marked = {
        int(found[0]): (str(found[1]), str(found[2]))
        for found in store.conn.execute(
            """SELECT rowid, highlight(articles_fts, 0, ?, ?), highlight(articles_fts, 1, ?, ?)
               FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? AND rowid <= ?
                 AND +rowid IN (SELECT value FROM json_each(?))""",
            (*marks, *marks, compiled.match, min(ids), max(ids), json.dumps(ids)),
        )
    }
    return [_hit(row, *marked.get(int(row[0]), (row[8], row[9]))) for row in rows]


def _share(store: Store, match: str, newest_id: int) -> float:
    """The share of the ``SAMPLE`` newest ids that ``match`` finds: how common its words are
    (a bounded read of the index)."""
    sample = min(SAMPLE, newest_id)
    if sample == 0:
        return 0.0
    (found,) = store.conn.execute(
        """SELECT count(*) FROM (SELECT 1 FROM articles_fts
           WHERE articles_fts MATCH ? AND rowid > ? LIMIT ?)""",
        (match, newest_id - sample, sample),
    ).fetchone()
    return float(found) / sample


def _in_newest(
    store: Store, flt: ArticleFilter, limit: int, window: int, newest_id: int
) -> list[Any] | None:
    """The newest ``limit`` matches among the ``window`` newest articles, their full-text
    hits read from the part of the index between those articles' ids (ids follow the
    fetches, so that part is about the window), or None when fewer match and older
    articles may (the caller then reads every hit). When it answers, these are exactly the
    newest matches."""
    where, params = filter_where(flt, in_newest=True)
    rows = store.conn.execute(
        f"""WITH newest AS (SELECT id FROM articles INDEXED BY articles_by_time
                            ORDER BY sort_key DESC, id DESC LIMIT ?)
            SELECT {SUMMARY_COLUMNS}, a.title, substr(a.body, 1, ?)
            FROM newest JOIN articles a ON a.id = newest.id JOIN sources s ON s.id = a.source_id
            {where} ORDER BY a.sort_key DESC, a.id DESC LIMIT ?""",
        (window, SNIPPET_CHARS, *params, limit),
    ).fetchall()
    every = window >= newest_id  # (ids are distinct and at most the newest)
    return rows if len(rows) == limit or every else None


def match_spans(
    conn: sqlite3.Connection, article_id: int, text: str, *, now: float | None = None
) -> list[tuple[int, int, int]]:
    """Where a query's full-text terms match in an article's body: (paragraph, start, end)."""
    compiled = compile_query(text, time.time() if now is None else now)
    if compiled.match is None:
        return []
    row = conn.execute(
        """SELECT highlight(articles_fts, 1, ?, ?) FROM articles_fts
           WHERE articles_fts MATCH ? AND rowid = ?""",
        (MATCH_START, MATCH_END, compiled.match, article_id),
    ).fetchone()
    if row is None or not row[0]:
        return []
    found: list[tuple[int, int, int]] = []
    for number, paragraph in enumerate(str(row[0]).split(PARAGRAPH_SEPARATOR)):
        found.extend((number, start, end) for start, end in split_marked(paragraph)[1])
    return found


def spans_by_paragraph(
    spans: Sequence[tuple[int, int, int]],
) -> dict[int, list[tuple[int, int]]]:
    """``match_spans`` grouped by paragraph."""
    grouped: dict[int, list[tuple[int, int]]] = {}
    for paragraph, start, end in spans:
        grouped.setdefault(paragraph, []).append((start, end))
    return grouped


def first_matching(
    store: Store, article_ids: Sequence[int], queries: Sequence[str], *, now: float | None = None
) -> dict[int, int]:
    """For the articles of one page, the index of the first query each matches (those that
    match none are left out): one indexed query per rule, over that page only."""
    found: dict[int, int] = {}
    if not article_ids:
        return found
    marks = ", ".join("?" for _ in article_ids)
    moment = time.time() if now is None else now
    for index, query in enumerate(queries):
        compiled = compile_query(query, moment)
        rows = store.conn.execute(
            f"SELECT a.id FROM articles a WHERE a.id IN ({marks}) AND {compiled.where}",
            (*article_ids, *compiled.params),
        )
        for (article_id,) in rows:
            found.setdefault(int(article_id), index)
    return found
