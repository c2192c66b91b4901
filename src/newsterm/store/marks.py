"""Read and starred marks: set on articles, queued for the sync server and the kept view counts
adjusted, in the transaction of the change."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from newsterm.store import sync_queue
from newsterm.store.connection import StoreBase
from newsterm.store.filters import ArticleFilter, filter_where


class Marks(StoreBase):
    """The articles' ``read`` and ``starred`` columns."""

    def set_read(self, article_ids: Sequence[int], read: bool = True) -> None:
        """Mark articles read or unread (queued for the sync server, and the kept view counts
        adjusted, in the same transaction)."""
        ids = json.dumps(list(article_ids))
        with self.write() as conn, self._adjusting_counts(article_ids):
            sync_queue.enqueue(conn, "read", read, "SELECT value FROM json_each(?)", (ids,))
            conn.execute(
                "UPDATE articles SET read = ? WHERE id IN (SELECT value FROM json_each(?))",
                (int(read), ids),
            )

    def set_starred(self, article_id: int, starred: bool) -> None:
        """Star or unstar an article (queued for the sync server, and the kept view counts
        adjusted, in the same transaction)."""
        with self.write() as conn, self._adjusting_counts([article_id]):
            sync_queue.enqueue(conn, "starred", starred, "SELECT ?", (article_id,))
            conn.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))

    @contextmanager
    def _adjusting_counts(self, article_ids: Sequence[int]) -> Iterator[None]:
        """Inside a write: adjust the kept counts (store/counts.py) for what the enclosed
        statements do to these few articles, by counting them before and after."""
        from newsterm.store import counts

        ids = json.dumps(sorted(set(article_ids)))
        before_at = counts.generation(self.conn)
        keys = counts.current_keys(self.conn, before_at)
        if len(article_ids) > counts.ADJUST_AT_MOST:
            keys = []
        before = {k: self._count_among(counts.filter_of(k), ids) for k in keys}
        yield
        if keys:
            deltas = {k: self._count_among(counts.filter_of(k), ids) - before[k] for k in keys}
            counts.adjust(self.conn, deltas, counts.generation(self.conn))

    def _count_among(self, flt: ArticleFilter, ids: str) -> int:
        """How many of the articles ``ids`` (a JSON list) a filter shows."""
        where, params = filter_where(flt, per_row=True)
        among = "a.id IN (SELECT value FROM json_each(?))"
        where = f"{where} AND {among}" if where else f"WHERE {among}"
        row = self.conn.execute(f"SELECT COUNT(*) FROM articles a {where}", (*params, ids))
        return int(row.fetchone()[0])

    def mark_all_read(self, flt: ArticleFilter) -> int:
        """Mark every article a filter shows as read; returns how many changed."""
        where, params = filter_where(flt)
        where = f"{where} AND a.read = 0" if where else "WHERE a.read = 0"
        chosen = f"SELECT a.id FROM articles a {where}"
        with self.write() as conn:
            sync_queue.enqueue(conn, "read", True, chosen, params)
            cursor = conn.execute(f"UPDATE articles SET read = 1 WHERE id IN ({chosen})", params)
        return cursor.rowcount
