"""The sources in the cache: created and updated from feeds.toml, their refresh state, and read
back with their unread and total counts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from newsterm.errors import CacheError
from newsterm.models import Source, SourceKind, SourceStatus
from newsterm.store.columns import from_timestamp, to_timestamp
from newsterm.store.connection import StoreBase
from newsterm.store.filters import ArticleFilter, filter_where


class SourceRows(StoreBase):
    """The ``sources`` table's rows."""

    def upsert_source(
        self,
        kind: SourceKind,
        location: str,
        *,
        title: str | None = None,
        tags: Sequence[str] = (),
        full_text: bool = False,
    ) -> Source:
        """Create the source at ``location``, or update its title, tags and options."""
        return self.upsert_sources([(kind, location, title, tags, full_text)])[0]

    def upsert_sources(
        self, entries: Sequence[tuple[SourceKind, str, str | None, Sequence[str], bool]]
    ) -> list[Source]:
        """:meth:`upsert_source` for many (kind, location, title, tags, full_text) in one
        transaction; a source whose fields did not change is not written. Returns them in
        order."""
        with self.write() as conn:
            conn.executemany(
                """INSERT INTO sources (kind, location, title, tags, full_text)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (location) DO UPDATE SET
                     title = COALESCE(excluded.title, sources.title),
                     tags = excluded.tags, full_text = excluded.full_text
                   WHERE sources.title IS NOT COALESCE(excluded.title, sources.title)
                     OR sources.tags IS NOT excluded.tags
                     OR sources.full_text IS NOT excluded.full_text""",
                [
                    (kind.value, location, title, json.dumps(list(tags)), int(full_text))
                    for kind, location, title, tags, full_text in entries
                ],
            )
        if len(entries) == 1:
            found = self.source_by_location(entries[0][1])
            assert found is not None
            return [found]
        by_location = {source.location: source for source in self._sources()}
        return [by_location[entry[1]] for entry in entries]

    def update_source(self, source_id: int, **values: Any) -> None:
        """Set refresh state on a source (etag, last_modified, last_error, status, ...)."""
        self.update_sources([(source_id, values)])

    def record_check(
        self, source_id: int, error: str | None, checked: datetime, *, also: Sequence[int] = ()
    ) -> None:
        """Record a source's refresh: its error (None: it went well) and when it ran; ``also``:
        sources refreshed with it (a sync's subscriptions), in the same transaction."""
        values = {
            "status": SourceStatus.ERROR if error else SourceStatus.OK,
            "last_error": error,
            "last_checked": checked,
        }
        self.update_sources([(i, values) for i in (source_id, *also)])

    def update_sources(self, updates: Sequence[tuple[int, dict[str, Any]]]) -> None:
        """:meth:`update_source` for many sources, in one transaction."""
        allowed = {
            "title",
            "status",
            "last_error",
            "last_checked",
            "etag",
            "last_modified",
            "moved_to",
            "retry_after",
            "parse_note",
            "fresh_until",
        }
        statements = []
        for source_id, values in updates:
            unknown = set(values) - allowed
            if unknown:
                raise ValueError(f"unknown source fields: {sorted(unknown)}")
            if not values:
                continue
            params = [
                to_timestamp(v) if isinstance(v, datetime) else getattr(v, "value", v)
                for v in values.values()
            ]
            assignments = ", ".join(f"{name} = ?" for name in values)
            statements.append(
                (f"UPDATE sources SET {assignments} WHERE id = ?", (*params, source_id))
            )
        if not statements:
            return
        with self.write() as conn:
            for sql, bound in statements:
                conn.execute(sql, bound)

    def relocate_source(self, source_id: int, location: str) -> None:
        """Give a source its new URL (after a permanent redirect), clearing ``moved_to``."""
        try:
            with self.write() as conn:
                conn.execute(
                    """UPDATE sources SET location = ?, moved_to = NULL,
                         status = CASE WHEN status = 'moved' THEN 'ok' ELSE status END
                       WHERE id = ?""",
                    (location, source_id),
                )
        except sqlite3.IntegrityError:
            raise CacheError(f"{location}: another source already has this location") from None

    def remove_source(self, source_id: int) -> None:
        """Delete a source and its articles."""
        with self.write() as conn:
            conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))

    def _sources(
        self, where: str = "", params: Sequence[Any] = (), hide: tuple[str, ...] = ()
    ) -> list[Source]:
        # the unread count leaves out what ``hide``'s queries match, as the lists do
        unread, unread_params = filter_where(ArticleFilter(unread_only=True, hide=hide))
        rows = self.conn.execute(
            f"""SELECT s.id, s.kind, s.location, s.title, s.tags, s.status, s.last_error,
                       s.last_checked, s.etag, s.last_modified, s.moved_to, s.retry_after,
                       s.full_text,
                       (SELECT COUNT(*) FROM articles a {unread} AND a.source_id = s.id),
                       (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id),
                       s.parse_note, s.fresh_until
                FROM sources s {where} ORDER BY s.id""",
            [*unread_params, *params],
        ).fetchall()
        return [
            Source(
                id=r[0],
                kind=SourceKind(r[1]),
                location=r[2],
                title=r[3],
                tags=json.loads(r[4]),
                status=SourceStatus(r[5]),
                last_error=r[6],
                last_checked=from_timestamp(r[7]),
                etag=r[8],
                last_modified=r[9],
                moved_to=r[10],
                retry_after=from_timestamp(r[11]),
                full_text=bool(r[12]),
                unread=r[13],
                total=r[14],
                parse_note=r[15],
                fresh_until=from_timestamp(r[16]),
            )
            for r in rows
        ]

    def sources(self, hide: tuple[str, ...] = ()) -> list[Source]:
        """Every source with its unread and total counts, in the order they were added; the
        unread counts without what ``hide``'s queries match (feeds.toml's ``[[ignore]]``, as
        the lists leave it out)."""
        return self._sources(hide=hide)

    def source(self, source_id: int) -> Source | None:
        """One source by id."""
        found = self._sources("WHERE s.id = ?", (source_id,))
        return found[0] if found else None

    def source_by_location(self, location: str) -> Source | None:
        """One source by its URL or absolute path."""
        found = self._sources("WHERE s.location = ?", (location,))
        return found[0] if found else None

    def find_source(self, ref: str) -> Source | None:
        """A source by id, location or (case-insensitive) title."""
        if ref.isdigit() and (found := self.source(int(ref))):
            return found
        if found := self.source_by_location(ref):
            return found
        matches = self.sources_titled(ref)
        return matches[0] if len(matches) == 1 else None

    def sources_titled(self, title: str) -> list[Source]:
        """The sources with this title, in any case."""
        return self._sources("WHERE lower(s.title) = lower(?)", (title,))
