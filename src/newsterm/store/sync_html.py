"""Synced items' HTML waiting to become paragraphs (the ``sync_html`` table).

The sync stores each new or changed item with an empty body and its HTML here, in the same
transaction: turning HTML into paragraphs was a third of a first sync's CPU. The paragraphs are
derived after, in the transaction that writes them: by the analysis, which reads them through
``Store.analysis_inputs``, or by :func:`convert`, which commands that search run first so that
the text is in the search index. A killed process leaves either the HTML or the body, never
half of a batch. A row whose hash is no longer its article's (the article was rewritten since,
by a local feed taking it over) is stale: never converted, dropped by :func:`convert`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsterm.analysis import Contact
    from newsterm.store import Store

BATCH = 1000
"""Articles converted per transaction by :func:`convert`."""


def keep(conn: sqlite3.Connection, rows: Iterable[tuple[int, str, str]]) -> None:
    """Keep (article id, content hash, HTML) rows to convert later (replacing older ones)."""
    conn.executemany(
        "INSERT OR REPLACE INTO sync_html (article_id, content_hash, html) VALUES (?, ?, ?)",
        list(rows),
    )


def waiting(conn: sqlite3.Connection) -> bool:
    """Whether any synced article's HTML waits for its conversion."""
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM sync_html)").fetchone()[0])


def html_of(conn: sqlite3.Connection, article_ids: Sequence[int]) -> dict[int, str]:
    """article id -> its HTML still to convert, for those of these articles that have one."""
    rows = conn.execute(
        """SELECT h.article_id, h.html FROM sync_html h
           JOIN articles a ON a.id = h.article_id AND a.content_hash = h.content_hash
           WHERE h.article_id IN (SELECT value FROM json_each(?))""",
        (json.dumps(list(article_ids)),),
    )
    return {int(article_id): str(html) for article_id, html in rows}


def forget(conn: sqlite3.Connection, article_ids: Sequence[int]) -> None:
    """Drop the HTML of these articles (their body has been derived, or replaced)."""
    conn.execute(
        "DELETE FROM sync_html WHERE article_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(article_ids)),),
    )


def paragraphs(html: str) -> tuple[list[str], list[Contact]]:
    """An item's HTML as clean paragraphs and the contacts of its mailto: links."""
    from newsterm.ingest.feed_item import html_body  # the feed HTML path: not for a first frame

    return html_body(html)


def with_contacts(stored: str | None, contacts: Sequence[Contact]) -> dict[str, object]:
    """An article's ``analysis_input`` (JSON or NULL) as a dict, these contacts added after its
    own (addresses already there left out)."""
    extra: dict[str, object] = json.loads(stored) if stored else {}
    if contacts:
        known = extra.get("contacts")
        rows = [list(c) for c in known] if isinstance(known, list) else []
        emails = {str(row[1]).lower() for row in rows if len(row) > 1 and row[1]}
        for c in contacts:
            if c.email is None or c.email.lower() not in emails:
                rows.append([c.name, c.email, c.url, c.handle])
        extra["contacts"] = rows
    return extra


def convert(store: Store, limit: int = BATCH) -> int:
    """Turn the HTML of up to ``limit`` synced articles into their body (indexed for search),
    in one transaction; returns how many bodies were written (0: nothing is left)."""
    from newsterm.store import search_index
    from newsterm.store.columns import PARAGRAPH_SEPARATOR

    with store.write() as conn:
        rows = conn.execute(
            """SELECT h.article_id, h.content_hash, h.html, a.content_hash, a.analysis_input
               FROM sync_html h LEFT JOIN articles a ON a.id = h.article_id
               ORDER BY h.article_id DESC LIMIT ?""",
            (limit,),
        ).fetchall()
        if not rows:
            return 0
        updates = []
        for article_id, digest, html, current, stored in rows:
            if digest != current:
                continue  # rewritten meanwhile: the row is stale
            body, contacts = paragraphs(html)
            extra = with_contacts(stored, contacts)
            updates.append(
                (PARAGRAPH_SEPARATOR.join(body), json.dumps(extra) if extra else None, article_id)
            )
        ids = [u[-1] for u in updates]
        search_index.unindex(conn, ids)
        conn.executemany("UPDATE articles SET body = ?, analysis_input = ? WHERE id = ?", updates)
        search_index.index(conn, ids)
        forget(conn, [row[0] for row in rows])
        return len(updates)


def convert_all(store: Store) -> int:
    """Convert every synced article's HTML still waiting (see :func:`convert`)."""
    done = 0
    while waiting(store.conn):  # each batch drops the rows it read, stale ones too
        done += convert(store)
    return done
