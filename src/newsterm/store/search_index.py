"""The articles' search index (FTS5's ``articles_fts``): articles indexed, or taken out before
their title or body changes, in one statement each."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence


def index(conn: sqlite3.Connection, article_ids: Sequence[int]) -> None:
    """Index these articles' titles and bodies for search, in one statement: FTS5 writes an
    index segment per statement, so a row at a time would write (and later merge) one each.
    Articles marked for a later indexing (``fts_pending``) are left to it."""
    if article_ids:
        conn.execute(
            """INSERT INTO articles_fts (rowid, title, body)
               SELECT id, title, body FROM articles WHERE id IN (SELECT value FROM json_each(?))
               AND id NOT IN (SELECT article_id FROM fts_pending)""",
            (json.dumps(list(article_ids)),),
        )


def unindex(conn: sqlite3.Connection, article_ids: Sequence[int]) -> None:
    """Take these articles out of the search index, before their title or body changes
    (those marked for a later indexing are not in it)."""
    if article_ids:
        conn.execute(
            """INSERT INTO articles_fts (articles_fts, rowid, title, body)
               SELECT 'delete', id, title, body FROM articles
               WHERE id IN (SELECT value FROM json_each(?))
               AND id NOT IN (SELECT article_id FROM fts_pending)""",
            (json.dumps(list(article_ids)),),
        )


INDEX_LATER_BATCH = 2000
"""Marked articles a refresh's worker indexes at once (``Store.index_pending``), once that
many wait: one statement over 2,000 articles costs about half the CPU of 40 statements of 50
(measured), and a worker's transaction stays short."""
