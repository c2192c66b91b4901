"""Counts of query filters kept in the cache (table ``count_cache``), so that the sources
pane's view counts and a view's total cost a lookup, not a pass over every matching article.

A count is stored with the generation it was counted at (``count_generation``, moved on by
triggers at every write that can change what a query matches: see ``_V7_COUNT_CACHE``) and
used only while that generation is the current one. The triggers move it once a write, while
``counted`` says some count is kept at the current generation (``_V11_COUNT_GENERATION_ONCE``):
keeping or adjusting a count sets it. Store's read and star toggles adjust the
counts in their own transaction (:func:`Store._adjusting_counts`); any other write leaves them
stale, and they are counted again when next asked for.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import suppress

from newsterm.store.filters import ArticleFilter

ADJUST_AT_MOST = 50
"""A write touching more articles than this leaves the counts to be counted again (testing
each article against every view would cost more than counting)."""


def key(flt: ArticleFilter) -> str | None:
    """The cache key of a filter, or None when its count is not kept: no query (the indexes
    answer those at once), or a query whose matches move with the clock (``age:``)."""
    if flt.query is None and not flt.hide:
        return None
    queries = ([flt.query] if flt.query is not None else []) + list(flt.hide)
    from newsterm.query import uses_clock  # (the query parser: only for filters with queries)

    if any(uses_clock(q) for q in queries):
        return None
    fields = [flt.source_id, flt.tag, flt.unread_only, flt.starred_only, flt.query, flt.hide]
    return json.dumps(fields)


def filter_of(cache_key: str) -> ArticleFilter:
    """The filter a key was made from."""
    source_id, tag, unread_only, starred_only, query, hide = json.loads(cache_key)
    return ArticleFilter(source_id, tag, unread_only, starred_only, query, hide=tuple(hide))


def generation(conn: sqlite3.Connection) -> int:
    """The current generation of the articles."""
    return int(conn.execute("SELECT value FROM count_generation").fetchone()[0])


def cached(conn: sqlite3.Connection, cache_key: str, current: int) -> int | None:
    """A kept count, if it was counted at the ``current`` generation."""
    row = conn.execute(
        "SELECT count FROM count_cache WHERE key = ? AND generation = ?", (cache_key, current)
    ).fetchone()
    return None if row is None else int(row[0])


def current_keys(conn: sqlite3.Connection, current: int) -> list[str]:
    """The keys whose counts are up to date."""
    rows = conn.execute("SELECT key FROM count_cache WHERE generation = ?", (current,))
    return [str(r[0]) for r in rows]


def remember(conn: sqlite3.Connection, cache_key: str, count: int, counted_at: int) -> None:
    """Keep a count (best effort: never waits for a writer, and drops stale counts)."""
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        with suppress(sqlite3.Error):
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("DELETE FROM count_cache WHERE generation < ?", (counted_at,))
                conn.execute(
                    "INSERT OR REPLACE INTO count_cache (key, count, generation) VALUES (?, ?, ?)",
                    (cache_key, count, counted_at),
                )
                _counted(conn, counted_at)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")


def adjust(conn: sqlite3.Connection, deltas: dict[str, int], now_at: int) -> None:
    """Add ``deltas`` to kept counts and mark them current at generation ``now_at``."""
    conn.executemany(
        "UPDATE count_cache SET count = count + ?, generation = ? WHERE key = ?",
        [(delta, now_at, cache_key) for cache_key, delta in deltas.items()],
    )
    _counted(conn, now_at)


def _counted(conn: sqlite3.Connection, at: int) -> None:
    """A count is kept at generation ``at``: the next write moves the generation on (if
    ``at`` is still the current one; else nothing is kept at the current one)."""
    conn.execute("UPDATE count_generation SET counted = 1 WHERE value = ?", (at,))
