"""Sync state in the cache: which server item each synced article is, and the read/starred
changes made here that the server has not had yet (the queue).

A change is queued in the transaction that makes it (:func:`enqueue`, called by the store's
``set_read``/``set_starred``/``mark_all_read``), so a crash or SIGKILL loses neither or both.
The queue keeps one row per item and state, the latest change.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from newsterm.store.db import transaction

STATES = ("read", "starred")


@dataclass(frozen=True, slots=True)
class Change:
    """A queued change: set ``state`` of server ``item`` to ``value``."""

    item: int
    state: str
    value: bool
    changed_at: float


def enqueue(
    conn: sqlite3.Connection, state: str, value: bool, chosen: str, params: Sequence[Any]
) -> None:
    """Queue ``state = value`` for the synced articles among ``chosen`` (an SQL SELECT of
    article ids) whose state differs; call inside the write transaction of the change."""
    assert state in STATES
    conn.execute(
        f"""INSERT OR REPLACE INTO sync_queue (item, state, value, changed_at)
            SELECT si.item, ?, ?, ? FROM sync_items si JOIN articles a ON a.id = si.article_id
            WHERE si.article_id IN ({chosen}) AND a.{state} != ?""",
        (state, int(value), time.time(), *params, int(value)),
    )


def pending_count(conn: sqlite3.Connection) -> int:
    """How many changes wait for the server."""
    return int(conn.execute("SELECT COUNT(*) FROM sync_queue").fetchone()[0])


def pending(conn: sqlite3.Connection) -> list[Change]:
    """Every queued change, oldest first."""
    rows = conn.execute(
        "SELECT item, state, value, changed_at FROM sync_queue ORDER BY changed_at, item"
    )
    return [Change(item, state, bool(value), changed_at) for item, state, value, changed_at in rows]


def drop_sent(conn: sqlite3.Connection, sent: Iterable[Change]) -> None:
    """Forget changes the server accepted; one changed again meanwhile stays queued."""
    with transaction(conn):
        conn.executemany(
            "DELETE FROM sync_queue WHERE item = ? AND state = ? AND value = ? AND changed_at = ?",
            [(c.item, c.state, int(c.value), c.changed_at) for c in sent],
        )


Link = tuple[int, int, str | None, int | None, int | None]
"""A server item's row: (item, article id, canonical link, seen read, seen starred); the
states are those the server sent with the item (None: not known yet, see :func:`apply_remote`)."""


def link(conn: sqlite3.Connection, links: Iterable[Link]) -> None:
    """Record server items' rows (:data:`Link`); an item keeps its first article and state."""
    conn.executemany(
        """INSERT OR IGNORE INTO sync_items (item, article_id, url, seen_read, seen_starred)
           VALUES (?, ?, ?, ?, ?)""",
        list(links),
    )


def known_items(conn: sqlite3.Connection, items: Sequence[int]) -> dict[int, bool]:
    """item -> whether its article is stored under a sync source (False: under a local feed,
    which also brings it), for the items already in the cache."""
    rows = conn.execute(
        """SELECT si.item, s.kind = 'sync' FROM sync_items si
           JOIN articles a ON a.id = si.article_id JOIN sources s ON s.id = a.source_id
           WHERE si.item IN (SELECT value FROM json_each(?))""",
        (json.dumps(list(items)),),
    )
    return {item: bool(synced) for item, synced in rows}


def articles_by_url(
    conn: sqlite3.Connection, urls: Sequence[str], exclude_kind: str
) -> dict[str, int]:
    """url -> article id of articles with these links in sources not of ``exclude_kind``
    (an item that also arrives through a local feed). No lookup when no such source has an
    article (a first sync into a cache of synced sources only)."""
    if not conn.execute(
        """SELECT EXISTS (SELECT 1 FROM sources s WHERE s.kind != ?
                            AND EXISTS (SELECT 1 FROM articles WHERE source_id = s.id))""",
        (exclude_kind,),
    ).fetchone()[0]:
        return {}
    rows = conn.execute(
        """SELECT a.url, MIN(a.id) FROM articles a JOIN sources s ON s.id = a.source_id
           WHERE a.url IN (SELECT value FROM json_each(?)) AND s.kind != ?
           GROUP BY a.url""",
        (json.dumps(list(urls)), exclude_kind),
    )
    return {url: article_id for url, article_id in rows}


def has_synced_items(conn: sqlite3.Connection, source_id: int) -> bool:
    """Whether saving to this source may meet items the sync stored: it is a local source and
    the cache has synced items."""
    row = conn.execute(
        """SELECT EXISTS (SELECT 1 FROM sync_items)
             AND (SELECT kind FROM sources WHERE id = ?) != 'sync'""",
        (source_id,),
    ).fetchone()
    return bool(row[0])


def adopt(
    conn: sqlite3.Connection, source_id: int, guid: str, url: str
) -> tuple[int, str, int, float] | None:
    """Move the synced article with this link (stored by the sync under a server subscription)
    to a local source that has just met the same item; returns its (id, content hash, gone,
    sort key) for the caller to update, or None."""
    row = conn.execute(
        """SELECT a.id, a.content_hash, a.gone, a.sort_key FROM sync_items si
           JOIN articles a ON a.id = si.article_id JOIN sources s ON s.id = a.source_id
           WHERE si.url = ? AND s.kind = 'sync' LIMIT 1""",
        (url,),
    ).fetchone()
    if row is None:
        return None
    conn.execute(
        "UPDATE articles SET source_id = ?, guid = ?, content_hash = '' WHERE id = ?",
        (source_id, guid, row[0]),
    )
    return int(row[0]), "", int(row[2]), float(row[3])


def drop_undone(conn: sqlite3.Connection) -> int:
    """Forget queued changes back to the state the server had at the last sync: the item was
    changed here and changed back, which is no change to send (a change made elsewhere since
    then is the only one, and the next state pull brings it). Returns how many."""
    with transaction(conn):
        cursor = conn.execute(
            """DELETE FROM sync_queue WHERE EXISTS (
                 SELECT 1 FROM sync_items si WHERE si.item = sync_queue.item
                   AND CASE sync_queue.state WHEN 'read' THEN si.seen_read
                                             ELSE si.seen_starred END = sync_queue.value)"""
        )
    return cursor.rowcount


def apply_remote(conn: sqlite3.Connection, state: str, on: set[int]) -> int:
    """Set ``state`` from the server: on for the items in ``on``, off for the other known items,
    and remember it as the state seen at this sync (the base :func:`drop_undone` compares with).
    Items with a queued change of this state keep the local value (it was made here after the
    server's state was last seen, and the server had not changed it when the change was sent).
    Returns how many articles changed; nothing is queued."""
    assert state in STATES
    with transaction(conn):
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_on (item INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM sync_on")
        conn.executemany("INSERT OR IGNORE INTO sync_on VALUES (?)", [(i,) for i in on])
        cursor = conn.execute(
            f"""UPDATE articles SET {state} = NOT {state} WHERE id IN (
                  SELECT si.article_id FROM sync_items si JOIN articles a ON a.id = si.article_id
                  WHERE a.{state} != (si.item IN (SELECT item FROM sync_on))
                    AND NOT EXISTS (SELECT 1 FROM sync_queue q
                                    WHERE q.item = si.item AND q.state = ?))""",
            (state,),
        )
        changed = cursor.rowcount
        conn.execute(
            f"""UPDATE sync_items SET seen_{state} = (item IN (SELECT item FROM sync_on))
                WHERE seen_{state} IS NOT (item IN (SELECT item FROM sync_on))"""
        )
        conn.execute("DELETE FROM sync_on")
    return changed
