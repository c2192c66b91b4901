"""Articles read: counts and pages of a filter's list (windowed and keyset), an article whole,
its place in a list and the next unread one."""

from __future__ import annotations

import json

from newsterm.models import Article, ArticleSummary, SourceKind
from newsterm.store.columns import (
    PARAGRAPH_SEPARATOR,
    SUMMARY_COLUMNS,
    from_timestamp,
    summary_row,
)
from newsterm.store.connection import StoreBase
from newsterm.store.filters import ArticleFilter, filter_where

_UNINDEXED = ("SELECT", "a.authors")
"""Conditions that no index of ``articles`` reads in list order (full text, quotations,
sources and tags, authors): lists of those are sorted or walked. Flags and dates have
indexes that do."""

_WALK_FULL_TEXT = 20
"""How much cheaper a step of the time index is than a row read when the step is tested
against a list of full-text hits (measured about 40; see ``Store._by_time``)."""


class ArticleReads(StoreBase):
    """The articles as lists and the reader show them."""

    def count_articles(self, flt: ArticleFilter = ArticleFilter(), *, keep: bool = False) -> int:
        """How many articles a filter shows: a query's kept count while no write has changed
        it (store/counts.py), else counted; ``keep`` keeps what was counted (the app's
        lists and sources pane: a write, best effort; a plain read writes nothing)."""
        from newsterm.store import counts

        key = counts.key(flt)
        if key is None or self.conn.in_transaction:
            return self._count(flt)
        self.conn.execute("BEGIN")  # the count and its generation from one snapshot
        try:
            counted_at = counts.generation(self.conn)
            found = counts.cached(self.conn, key, counted_at)
            fresh = found is None
            if found is None:
                found = self._count(flt)
        finally:
            self.conn.execute("COMMIT")
        if fresh and keep:
            counts.remember(self.conn, key, found, counted_at)
        return found

    def _count(self, flt: ArticleFilter) -> int:
        where, params = filter_where(flt)
        row = self.conn.execute(f"SELECT COUNT(*) FROM articles a {where}", params).fetchone()
        return int(row[0])

    def _by_time(self, flt: ArticleFilter, limit: int) -> str:
        """How to read a query's articles in list order: when its count is kept and large,
        walking the time index until ``limit`` of them are found beats sorting every match
        (a common word: 40 ms against 6 ms at 100k articles); a rare one is sorted.

        Sorting reads every match's row (about 4 µs each); the walk steps over
        ``limit * articles / count`` index entries and reads only the rows its conditions
        need. For a full-text query an entry is tested against the list of full-text hits
        (about 0.1 µs) before its row is read, so walking wins from a count
        ``_WALK_FULL_TEXT`` times smaller: ``title:minister is:unread`` (2,000 of 100,000)
        11 ms sorted, 1.3 ms walked."""
        from newsterm.store import counts

        key = counts.key(flt)
        if key is None or self.conn.in_transaction:
            return ""
        where, _ = filter_where(flt)
        if not any(table in where for table in _UNINDEXED):
            return ""  # flags and dates: their own indexes read them in order
        found = counts.cached(self.conn, key, counts.generation(self.conn))
        newest = self.conn.execute("SELECT MAX(id) FROM articles").fetchone()[0] or 0
        cheaper = _WALK_FULL_TEXT if "articles_fts" in where else 1
        if found is None or found * found * cheaper < newest * max(limit, 1):
            return ""
        return "INDEXED BY articles_by_time"

    def list_articles(
        self, flt: ArticleFilter = ArticleFilter(), *, limit: int = 100, offset: int = 0
    ) -> list[ArticleSummary]:
        """A window of a filter's articles, newest first."""
        where, params = filter_where(flt)
        walk = self._by_time(flt, limit + offset)
        rows = self.conn.execute(
            f"""SELECT {SUMMARY_COLUMNS} FROM articles a {walk}
                JOIN sources s ON s.id = a.source_id
                {where} ORDER BY a.sort_key DESC, a.id DESC LIMIT ? OFFSET ?""",
            (*params, limit, offset),
        ).fetchall()
        return [summary_row(r) for r in rows]

    def article_position(self, article_id: int, flt: ArticleFilter = ArticleFilter()) -> int | None:
        """The index of an article in a filter's list, or None when it is not shown."""
        row = self.conn.execute(
            "SELECT sort_key, id FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        where, params = filter_where(flt)
        ahead = "(a.sort_key > ? OR (a.sort_key = ? AND a.id > ?))"
        where = f"{where} AND {ahead}" if where else f"WHERE {ahead}"
        count = self.conn.execute(
            f"SELECT COUNT(*) FROM articles a {where}", (*params, row[0], row[0], row[1])
        ).fetchone()[0]
        return int(count)

    def article(self, article_id: int) -> Article | None:
        """One article with its body, quotations and contacts."""
        from newsterm.analysis import Contact, Quote  # here: the app's first frame needs neither

        row = self.conn.execute(
            """SELECT a.id, a.source_id, COALESCE(s.title, s.location), a.guid, a.url, a.title,
                      a.authors, a.published, a.fetched_at, a.summary, a.body, a.credits,
                      a.dateline, a.word_count, a.reading_minutes, a.read, a.starred, a.gone,
                      a.full_text_status, s.kind, a.analysed_version
               FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?""",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        quotes = [
            Quote(text=t, speaker=sp, paragraph=p, fragment=bool(f), start=st, person=pe)
            for t, sp, p, f, st, pe in self.conn.execute(
                """SELECT text, speaker, paragraph, fragment, start, person FROM quotes
                   WHERE article_id = ? ORDER BY position""",
                (article_id,),
            )
        ]
        contacts = [
            Contact(name=n, email=e, url=u, handle=h)
            for n, e, u, h in self.conn.execute(
                """SELECT name, email, url, handle FROM contacts
                   WHERE article_id = ? ORDER BY position""",
                (article_id,),
            )
        ]
        fetched_at = from_timestamp(row[8])
        assert fetched_at is not None
        return Article(
            id=row[0],
            source_id=row[1],
            source_title=row[2],
            guid=row[3],
            url=row[4],
            title=row[5],
            authors=json.loads(row[6]),
            published=from_timestamp(row[7]),
            fetched_at=fetched_at,
            summary=row[9],
            paragraphs=row[10].split(PARAGRAPH_SEPARATOR) if row[10] else [],
            quotes=quotes,
            contacts=contacts,
            credits=json.loads(row[11]),
            dateline=row[12],
            word_count=row[13],
            reading_minutes=row[14],
            read=bool(row[15]),
            starred=bool(row[16]),
            gone=bool(row[17]),
            full_text_status=row[18],
            from_disk=row[19] == SourceKind.FILES.value,
            analysed_version=row[20],
        )

    def adjacent_unread(self, article_id: int | None, forward: bool = True) -> int | None:
        """The next (older) or previous (newer) unread article across all sources."""
        if article_id is None:
            order = "DESC" if forward else "ASC"
            row = self.conn.execute(
                f"SELECT id FROM articles WHERE read = 0 ORDER BY sort_key {order}, id {order} "
                "LIMIT 1"
            ).fetchone()
            return None if row is None else int(row[0])
        current = self.conn.execute(
            "SELECT sort_key, id FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if current is None:
            return None
        if forward:
            query = """SELECT id FROM articles WHERE read = 0 AND id != ? AND
                       (sort_key < ? OR (sort_key = ? AND id < ?))
                       ORDER BY sort_key DESC, id DESC LIMIT 1"""
        else:
            query = """SELECT id FROM articles WHERE read = 0 AND id != ? AND
                       (sort_key > ? OR (sort_key = ? AND id > ?))
                       ORDER BY sort_key ASC, id ASC LIMIT 1"""
        row = self.conn.execute(query, (article_id, current[0], current[0], current[1])).fetchone()
        return None if row is None else int(row[0])

    def list_articles_window(
        self, flt: ArticleFilter, *, offset: int, limit: int, total: int
    ) -> list[ArticleSummary]:
        """``list_articles`` for a virtual list that knows the ``total``: a window in the older
        half is read from the oldest end, so its OFFSET (which SQLite walks) stays under half
        the list and the last page of 100,000 costs what the first does."""
        if offset < 0 or limit <= 0 or offset >= total:
            return []
        if offset <= total - offset - limit:
            return self.list_articles(flt, limit=limit, offset=offset)
        count = min(limit, total - offset)
        where, params = filter_where(flt)
        rows = self.conn.execute(
            f"""SELECT {SUMMARY_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id
                {where} ORDER BY a.sort_key ASC, a.id ASC LIMIT ? OFFSET ?""",
            (*params, count, total - offset - count),
        ).fetchall()
        return [summary_row(r) for r in reversed(rows)]

    def list_articles_after(
        self, flt: ArticleFilter, article_id: int, *, limit: int = 100, older: bool = True
    ) -> list[ArticleSummary]:
        """Keyset paging: the ``limit`` articles of a filter right after (older than) or right
        before (newer than) ``article_id``, in list order. Costs the same at any depth."""
        where, params = filter_where(flt)
        walk = self._by_time(flt, limit)
        op, order = ("<", "DESC") if older else (">", "ASC")
        keyset = f"(a.sort_key, a.id) {op} (SELECT sort_key, id FROM articles WHERE id = ?)"
        where = f"{where} AND {keyset}" if where else f"WHERE {keyset}"
        rows = self.conn.execute(
            f"""SELECT {SUMMARY_COLUMNS} FROM articles a {walk}
                JOIN sources s ON s.id = a.source_id
                {where} ORDER BY a.sort_key {order}, a.id {order} LIMIT ?""",
            (*params, article_id, limit),
        ).fetchall()
        found = [summary_row(r) for r in rows]
        return found if older else found[::-1]
