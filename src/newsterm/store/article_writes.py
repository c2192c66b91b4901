"""Articles written: a feed's or folder's items saved (new, changed, adopted, unchanged), their
search index then or later, and what a source keeps (gone, trimmed, retained)."""

from __future__ import annotations

import json
import math
import sqlite3
import time
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newsterm.store import search_index, sync_queue
from newsterm.store.analysis_input import input_json
from newsterm.store.columns import PARAGRAPH_SEPARATOR, to_timestamp
from newsterm.store.connection import StoreBase

if TYPE_CHECKING:
    from newsterm.analysis import RawArticle
    from newsterm.store.results import SaveResult


class ArticleWrites(StoreBase):
    """The ``articles`` table's rows as feeds and folders give them."""

    def known_hashes(self, source_id: int) -> dict[str, str]:
        """guid -> content hash of the articles cached for a source."""
        rows = self.conn.execute(
            "SELECT guid, content_hash FROM articles WHERE source_id = ?", (source_id,)
        )
        return {guid: content_hash for guid, content_hash in rows}

    def save_articles(
        self,
        source_id: int,
        items: Iterable[RawArticle],
        *,
        fetched_at: datetime | None = None,
        whole_feed: bool = False,
        index_later: bool = False,
    ) -> SaveResult:
        """Insert new articles and update changed ones, in one transaction, not analysed yet.

        ``index_later``: new articles are marked for :meth:`index_pending` instead of being
        indexed for search now (a refresh indexes many feeds' at once).

        ``whole_feed``: the items are every new or changed item of the feed as served, so a
        dropped article (``retain``) still listed is among them, being no longer cached; the
        dropped guids not among them are forgotten (they cannot come back, and the table
        would only grow).

        An article is matched by (source, guid); a new one of a local source whose link is that
        of a synced article takes that article over (read state and server item kept: an item
        is stored once); one whose content hash is unchanged is left alone; a changed one is
        rewritten with its read and starred state kept, its analysis dropped (the backlog has it
        again) and its full text to be fetched again (the body is the feed's text once more).
        Its paragraphs are the body until the analysis cleans it.

        An undated article sorts at the time it was first seen (kept when it changes), but
        never above dated news: just below the newest dated article when that is older.
        """
        from newsterm.store.results import SaveResult  # here: the app's first frame saves nothing

        now = to_timestamp(fetched_at) or time.time()
        result = SaveResult()
        items = list(items)
        if not items:
            return result
        with self.write() as conn:
            existing = {
                guid: (article_id, content_hash, gone, sort_key)
                for article_id, guid, content_hash, gone, sort_key in conn.execute(
                    """SELECT id, guid, content_hash, gone, sort_key FROM articles
                       WHERE source_id = ?""",
                    (source_id,),
                )
            }
            dropped = {
                str(guid)
                for (guid,) in conn.execute(
                    "SELECT guid FROM dropped_articles WHERE source_id = ?", (source_id,)
                )
            }
            if whole_feed and dropped:
                unlisted = dropped - {raw.guid for raw in items}
                conn.executemany(
                    "DELETE FROM dropped_articles WHERE source_id = ? AND guid = ?",
                    [(source_id, guid) for guid in unlisted],
                )
            adopting = sync_queue.has_synced_items(conn, source_id)
            undated_key = now
            if any(raw.published is None for raw in items):
                newest = conn.execute(  # the newest dated article, found by articles_by_time
                    """SELECT sort_key FROM articles WHERE published IS NOT NULL
                       ORDER BY sort_key DESC, id DESC LIMIT 1"""
                ).fetchone()
                dated = [to_timestamp(raw.published) for raw in items]
                known = [key for key in (newest and newest[0], *dated) if key is not None]
                undated_key = min(now, math.nextafter(max(known), 0)) if known else now
            inserts: list[tuple[Any, ...]] = []
            updates: list[tuple[Any, ...]] = []
            for raw in items:
                if raw.guid in dropped:  # kept no longer (Store.retain): not new again
                    result.unchanged += 1
                    continue
                row = existing.get(raw.guid)
                if row is None and adopting and raw.url:
                    row = sync_queue.adopt(conn, source_id, raw.guid, raw.url)
                if row is not None and row[1] == raw.content_hash:
                    if row[2]:
                        conn.execute("UPDATE articles SET gone = 0 WHERE id = ?", (row[0],))
                    result.unchanged += 1
                    continue
                published = to_timestamp(raw.published)
                values = (
                    raw.url,
                    raw.title,
                    json.dumps(raw.authors) if raw.authors else "[]",
                    published,
                    now,
                    published
                    if published is not None
                    else (undated_key if row is None else row[3]),
                    raw.summary,
                    PARAGRAPH_SEPARATOR.join(raw.paragraphs),
                    raw.content_hash,
                    input_json(None, raw.authors, raw.contacts),
                )
                if row is None:
                    inserts.append((*values, source_id, raw.guid))
                    existing[raw.guid] = (0, raw.content_hash, 0, values[5])
                else:
                    updates.append((*values, row[0]))
                    existing[raw.guid] = (row[0], raw.content_hash, 0, values[5])
                    result.ids[raw.guid] = row[0]
            if updates:
                changed = [u[-1] for u in updates]
                search_index.unindex(conn, changed)
                conn.executemany(
                    """UPDATE articles SET url = ?, title = ?, authors = ?, published = ?,
                         fetched_at = ?, sort_key = ?, summary = ?, body = ?, content_hash = ?,
                         analysis_input = ?, credits = '[]', dateline = NULL, word_count = 0,
                         reading_minutes = 1, analysed_version = 0, gone = 0,
                         full_text_status = NULL
                       WHERE id = ?""",
                    updates,
                )
                marks = json.dumps(changed)
                conn.execute(
                    "DELETE FROM quotes WHERE article_id IN (SELECT value FROM json_each(?))",
                    (marks,),
                )
                conn.execute(
                    "DELETE FROM contacts WHERE article_id IN (SELECT value FROM json_each(?))",
                    (marks,),
                )
                search_index.index(conn, changed)
                result.updated = len(updates)
            for insert in inserts:
                # OR IGNORE, then the check: an insert that cannot abort needs no statement
                # journal where foreign keys are off (``write(unchecked=True)``)
                cursor = conn.execute(
                    """INSERT OR IGNORE INTO articles (url, title, authors, published,
                         fetched_at, sort_key, summary, body, content_hash, analysis_input,
                         source_id, guid)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    insert,
                )
                if cursor.rowcount != 1:
                    raise sqlite3.IntegrityError(f"article {insert[-1]!r} not inserted")
                result.new_ids.append(int(cursor.lastrowid or 0))
                result.ids[insert[-1]] = result.new_ids[-1]
            result.new = len(inserts)
            if index_later:
                conn.execute(
                    "INSERT INTO fts_pending (article_id) SELECT value FROM json_each(?)",
                    (json.dumps(result.new_ids),),
                )
            else:
                search_index.index(conn, result.new_ids)
        return result

    def pending_index(self) -> int:
        """How many articles wait to be indexed for search (:meth:`index_pending`)."""
        return int(self.conn.execute("SELECT COUNT(*) FROM fts_pending").fetchone()[0])

    def index_pending(self) -> int:
        """Index for search, in one statement, every article marked for it (``index_later``
        of :meth:`save_articles`, or left by a killed refresh); return how many. No write
        when none is marked."""
        if self.conn.execute("SELECT 1 FROM fts_pending LIMIT 1").fetchone() is None:
            return 0
        with self.write() as conn:
            done = conn.execute(
                """INSERT INTO articles_fts (rowid, title, body)
                   SELECT id, title, body FROM fts_pending CROSS JOIN articles ON id = article_id
                   ORDER BY article_id"""  # (CROSS: the marks first, not a scan of articles)
            ).rowcount
            conn.execute("DELETE FROM fts_pending")
        return int(done)

    def mark_gone(self, source_id: int, present_guids: Iterable[str]) -> int:
        """Mark a source's articles whose guid is not in ``present_guids`` as gone."""
        present = set(present_guids)
        with self.write() as conn:
            rows = conn.execute(
                "SELECT id, guid FROM articles WHERE source_id = ? AND gone = 0", (source_id,)
            ).fetchall()
            gone = [(article_id,) for article_id, guid in rows if guid not in present]
            conn.executemany("UPDATE articles SET gone = 1 WHERE id = ?", gone)
        return len(gone)

    def trim(self, source_id: int, keep: int) -> int:
        """Delete the oldest read, unstarred articles of a source beyond ``keep``."""
        return self.retain(source_id, max_articles=keep)

    def retain(self, source_id: int, *, max_articles: int = 0, before: float | None = None) -> int:
        """Delete a source's read, unstarred articles that are beyond its newest
        ``max_articles`` (0: no limit) or dated before ``before`` (epoch seconds; None: no
        limit); unread and starred articles are never deleted. Returns how many."""
        if max_articles <= 0 and before is None:
            return 0
        with self.write() as conn:
            dropped = [
                int(r[0])
                for r in conn.execute(
                    """SELECT id FROM articles WHERE source_id = ? AND read = 1 AND starred = 0
                       AND ((? IS NOT NULL AND sort_key < ?)
                            OR (? > 0 AND id NOT IN (
                                  SELECT id FROM articles WHERE source_id = ?
                                  ORDER BY sort_key DESC, id DESC LIMIT ?)))""",
                    (source_id, before, before, max_articles, source_id, max_articles),
                )
            ]
            ids = json.dumps(dropped)
            conn.execute(
                """INSERT OR IGNORE INTO dropped_articles (source_id, guid)
                   SELECT source_id, guid FROM articles
                   WHERE id IN (SELECT value FROM json_each(?))""",
                (ids,),
            )
            conn.execute(
                "DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))", (ids,)
            )
        return len(dropped)
