"""Typed queries over the cache. Callers get models, never rows or cursors."""

from __future__ import annotations

import json
import math
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsterm.errors import CacheError
from newsterm.models import Article, ArticleSummary, Source, SourceKind, SourceStatus
from newsterm.store import db, sync_html, sync_queue

if TYPE_CHECKING:
    from newsterm.analysis import Analysis, AnalysisInput, Contact, RawArticle
    from newsterm.store.people import Person
    from newsterm.store.results import QuoteHit, SaveResult, SearchHit
    from newsterm.store.search import Plan as SearchPlan

PARAGRAPH_SEPARATOR = "\n\n"
MATCH_START = "\x01"
MATCH_END = "\x02"
"""Markers around full-text matches; sanitised text never contains control characters."""


def to_timestamp(value: datetime | None) -> float | None:
    """A datetime as UTC epoch seconds (naive datetimes are taken as UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def from_timestamp(value: float | None) -> datetime | None:
    """UTC epoch seconds as an aware datetime."""
    return None if value is None else datetime.fromtimestamp(value, UTC)


class TooSlow(Exception):
    """A read given up because it took more than its time (:meth:`Store.cpu_limit`)."""


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Which articles a list shows."""

    source_id: int | None = None
    tag: str | None = None
    unread_only: bool = False
    starred_only: bool = False
    query: str | None = None
    """A query in the query language (docs/queries.md): a view's, or ``--query``."""
    now: float | None = None
    """The time ``age:`` counts from (epoch seconds; None: the clock's)."""
    hide: tuple[str, ...] = ()
    """Queries whose articles are left out (feeds.toml's ``[[ignore]]``)."""


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


def _input_json(
    paragraphs: Sequence[str | int] | None, authors: Sequence[str], contacts: Sequence[Contact]
) -> str | None:
    """``articles.analysis_input``: what the analysis starts from besides the title and, when
    ``paragraphs`` is None, the body (see the migration that added it). In ``paragraphs`` an
    integer stands for that paragraph of the stored body (see :func:`_body_refs`)."""
    extra: dict[str, Any] = {}
    if paragraphs is not None:
        extra["paragraphs"] = list(paragraphs)
    if authors:
        extra["authors"] = list(authors)
    if contacts:
        extra["contacts"] = [[c.name, c.email, c.url, c.handle] for c in contacts]
    return json.dumps(extra) if extra else None


def _body_refs(paragraphs: Sequence[str], body: Sequence[str]) -> list[str | int]:
    """The analysis input ``paragraphs`` as stored beside the analysed ``body`` paragraphs:
    each input paragraph found as it is in the body becomes the index of that body paragraph,
    the rest stay text. The analysis keeps most paragraphs as they are and drops some, so this
    keeps the input without writing the article's text twice."""
    index: dict[str, int] = {}
    for i, paragraph in enumerate(body):
        index.setdefault(paragraph, i)
    return [index.get(paragraph, paragraph) for paragraph in paragraphs]


def _input_paragraphs(refs: Sequence[str | int], body: str) -> list[str]:
    """The analysis input's paragraphs from their stored form (:func:`_body_refs`)."""
    if all(isinstance(ref, str) for ref in refs):
        return [str(ref) for ref in refs]
    kept = body.split(PARAGRAPH_SEPARATOR)
    return [kept[ref] if isinstance(ref, int) else ref for ref in refs]


def _stored_input(item: AnalysisInput, analysis: Analysis, body: str) -> list[str | int] | None:
    """The input paragraphs to keep beside the analysed ``body``: None when they are the body;
    as references to its paragraphs where they can be read back from it."""
    if analysis.paragraphs == item.paragraphs:
        return None
    if body.split(PARAGRAPH_SEPARATOR) != analysis.paragraphs:  # a paragraph holds the separator
        return list(item.paragraphs)
    return _body_refs(item.paragraphs, analysis.paragraphs)


def _index(conn: sqlite3.Connection, article_ids: Sequence[int]) -> None:
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


def _unindex(conn: sqlite3.Connection, article_ids: Sequence[int]) -> None:
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


SUMMARY_COLUMNS = """
    a.id, a.source_id, COALESCE(s.title, s.location), a.title, a.published, a.read, a.starred,
    a.gone
"""


_UNINDEXED = ("SELECT", "a.authors")
"""Conditions that no index of ``articles`` reads in list order (full text, quotations,
sources and tags, authors): lists of those are sorted or walked. Flags and dates have
indexes that do."""

_WALK_FULL_TEXT = 20
"""How much cheaper a step of the time index is than a row read when the step is tested
against a list of full-text hits (measured about 40; see ``Store._by_time``)."""


class Store:
    """The cache: one connection, used from one thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._writing = False
        """Inside :meth:`write`: a nested write joins its transaction."""

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open the cache at ``path``, creating and migrating it as needed."""
        return cls(db.connect(path), path)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def leave_checkpoints(self) -> None:
        """Let other connections copy the log into the cache file: this one's commits never
        checkpoint (a parse worker's, so that its cores parse while the refreshing process
        does the copying and syncing; see :meth:`checkpoint`)."""
        self.conn.execute("PRAGMA wal_autocheckpoint = 0")

    def checkpoint(self) -> None:
        """Copy what the write-ahead log holds into the cache file, without waiting for or
        holding up readers and writers (a passive checkpoint)."""
        with suppress(sqlite3.Error):  # best effort: the next one copies it all
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    @contextmanager
    def cpu_limit(self, seconds: float) -> Iterator[None]:
        """Give up this connection's queries once they have used ``seconds`` of this
        thread's CPU (raises :class:`TooSlow`): a read the UI thread tries itself, when it is
        cheap, before handing it to a worker."""
        deadline = time.thread_time() + seconds
        self.conn.set_progress_handler(lambda: time.thread_time() > deadline, 1000)
        try:
            yield
        except sqlite3.OperationalError as exc:
            if time.thread_time() > deadline and "interrupt" in str(exc):
                raise TooSlow(str(exc)) from None
            raise
        finally:
            self.conn.set_progress_handler(None, 0)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self, *, unchecked: bool = False) -> Iterator[sqlite3.Connection]:
        """A write transaction; turns SQLite failures into CacheError. A write inside another
        is part of the outer one (committed, or rolled back, with it).

        ``unchecked``: foreign keys are not enforced in it, for a caller that writes only rows
        whose references it has checked and deletes nothing: an insert into a table with a
        trigger then needs no statement journal (a row of ``articles``: half its CPU)."""
        if self._writing:
            yield self.conn
            return
        self._writing = True
        if unchecked:
            self.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with db.transaction(self.conn) as conn:
                yield conn
        except sqlite3.OperationalError as exc:
            raise CacheError(f"{self.path}: cannot write to the cache: {exc}") from None
        finally:
            self._writing = False
            if unchecked:
                self.conn.execute("PRAGMA foreign_keys = ON")

    # -- meta -------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        """A stored preference (theme, ...), or None."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Store a preference."""
        with self.write() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- sources ----------------------------------------------------------------------------

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
        unread, unread_params = self._where(ArticleFilter(unread_only=True, hide=hide))
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

    # -- writing articles -------------------------------------------------------------------

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
                    _input_json(None, raw.authors, raw.contacts),
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
                _unindex(conn, changed)
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
                _index(conn, changed)
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
                _index(conn, result.new_ids)
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

    # -- the analysis -----------------------------------------------------------------------

    def count_unanalysed(self, version: int, *, part: int = 0, parts: int = 1) -> int:
        """How many articles no analysis of ``version`` (or later) has seen (in one part of
        ``parts``, by id)."""
        row = self.conn.execute(
            "SELECT COUNT(*) FROM articles WHERE analysed_version < ? AND id % ? = ?",
            (version, parts, part),
        ).fetchone()
        return int(row[0])

    def has_unanalysed(self) -> bool:
        """Whether any article waits for its first analysis (cheap: no version needed)."""
        row = self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE analysed_version = 0)"
        ).fetchone()
        return bool(row[0])

    def unanalysed(self, version: int, limit: int, *, part: int = 0, parts: int = 1) -> list[int]:
        """The backlog: articles analysed by no version or an older one, the oldest version
        first and within it the newest articles (in one part of ``parts``, by id)."""
        rows = self.conn.execute(
            """SELECT id FROM articles WHERE analysed_version < ? AND id % ? = ?
               ORDER BY analysed_version, sort_key DESC, id DESC LIMIT ?""",
            (version, parts, part, limit),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def analysed_version(self, article_id: int) -> int | None:
        """The analysis version an article was analysed by (0: none), or None if not cached."""
        row = self.conn.execute(
            "SELECT analysed_version FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else int(row[0])

    def analysis_inputs(self, article_ids: Sequence[int]) -> list[AnalysisInput]:
        """What the analysis of these articles starts from (missing ids are left out)."""
        from newsterm.analysis import AnalysisInput, Contact

        rows = self.conn.execute(
            """SELECT id, content_hash, title, body, analysis_input FROM articles
               WHERE id IN (SELECT value FROM json_each(?))""",
            (json.dumps(list(article_ids)),),
        ).fetchall()
        waiting = sync_html.html_of(self.conn, article_ids) if sync_html.waiting(self.conn) else {}
        found = []
        for article_id, content_hash, title, body, stored in rows:
            extra = json.loads(stored) if stored else {}
            refs = extra.get("paragraphs")
            if article_id in waiting:  # a synced item's HTML, turned into paragraphs now
                paragraphs, contacts = sync_html.paragraphs(waiting[article_id])
                extra = sync_html.with_contacts(stored, contacts)
            elif refs is None:
                paragraphs = body.split(PARAGRAPH_SEPARATOR) if body else []
            else:
                paragraphs = _input_paragraphs(refs, body)
            found.append(
                AnalysisInput(
                    article_id=article_id,
                    content_hash=content_hash,
                    title=title,
                    paragraphs=paragraphs,
                    authors=extra.get("authors") or [],
                    contacts=[Contact(*c) for c in extra.get("contacts") or []],
                )
            )
        return found

    def save_analyses(
        self, analysed: Sequence[tuple[AnalysisInput, Analysis]], version: int
    ) -> int:
        """Write the analyses of a batch in one transaction; returns how many were written.

        An article changed since its input was read, or analysed by ``version`` meanwhile, is
        left alone. Bodies the analysis changed are indexed again for search.
        """
        if not analysed:
            return 0
        with self.write() as conn:
            return self._apply_analyses(conn, analysed, version, check=True)

    def _apply_analyses(
        self,
        conn: sqlite3.Connection,
        analysed: Sequence[tuple[AnalysisInput, Analysis]],
        version: int,
        *,
        check: bool,
    ) -> int:
        """Write analyses (body, authors, quotations, contacts, input, version) in the open
        transaction; with ``check``, only for articles unchanged and not analysed meanwhile."""
        current = {
            article_id: (content_hash, seen, body)
            for article_id, content_hash, seen, body in conn.execute(
                """SELECT id, content_hash, analysed_version, body FROM articles
                   WHERE id IN (SELECT value FROM json_each(?))""",
                (json.dumps([item.article_id for item, _ in analysed]),),
            )
        }
        todo = []
        for item, analysis in analysed:
            row = current.get(item.article_id)
            if row is None or (check and (row[0] != item.content_hash or row[1] >= version)):
                continue
            todo.append((item, analysis, PARAGRAPH_SEPARATOR.join(analysis.paragraphs)))
        changed = [item.article_id for item, _, body in todo if body != current[item.article_id][2]]
        _unindex(conn, changed)
        conn.executemany(
            """UPDATE articles SET body = ?, authors = ?, credits = ?, dateline = ?,
                 word_count = ?, reading_minutes = ?, analysis_input = ?, analysed_version = ?
               WHERE id = ?""",
            [
                (
                    body,
                    json.dumps(analysis.authors),
                    json.dumps(analysis.credits),
                    analysis.dateline,
                    analysis.word_count,
                    analysis.reading_minutes,
                    _input_json(_stored_input(item, analysis, body), item.authors, item.contacts),
                    version,
                    item.article_id,
                )
                for item, analysis, body in todo
            ],
        )
        _index(conn, changed)
        self._write_analyses(conn, [(item.article_id, analysis) for item, analysis, _ in todo])
        sync_html.forget(conn, [item.article_id for item, _, _ in todo])  # the body is derived
        return len(todo)

    @staticmethod
    def _write_analyses(conn: sqlite3.Connection, analysed: Sequence[tuple[int, Analysis]]) -> None:
        """Replace the quotations and contacts of these articles (ids with their analysis)."""
        ids = json.dumps([article_id for article_id, _ in analysed])
        conn.execute(
            "DELETE FROM quotes WHERE article_id IN (SELECT value FROM json_each(?))", (ids,)
        )
        conn.execute(
            "DELETE FROM contacts WHERE article_id IN (SELECT value FROM json_each(?))", (ids,)
        )
        conn.executemany(
            """INSERT INTO quotes
                 (article_id, position, text, speaker, paragraph, fragment, start, person)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (article_id, i, q.text, q.speaker, q.paragraph, int(q.fragment), q.start, q.person)
                for article_id, analysis in analysed
                for i, q in enumerate(analysis.quotes)
            ],
        )
        conn.executemany(
            """INSERT INTO contacts (article_id, position, name, email, url, handle)
               VALUES (?, ?, ?, ?, ?, ?)""",
            [
                (article_id, i, c.name, c.email, c.url, c.handle)
                for article_id, analysis in analysed
                for i, c in enumerate(analysis.contacts)
            ],
        )

    def replace_body(
        self,
        article_id: int,
        analysis: Analysis,
        status: str = "ok",
        *,
        source: AnalysisInput,
        version: int,
    ) -> None:
        """Replace an article's body and analysis (full text fetched); the summary stays.

        ``source`` is what ``analysis`` was made from (the page's paragraphs), kept for the
        next analysis version; ``version`` is the analysis version that made it.
        """
        with self.write() as conn:
            conn.execute(
                "UPDATE articles SET full_text_status = ? WHERE id = ?", (status, article_id)
            )
            self._apply_analyses(conn, [(source, analysis)], version, check=False)

    def set_full_text_status(self, article_id: int, status: str) -> None:
        """Record the outcome of a full-text fetch that did not replace the body."""
        with self.write() as conn:
            conn.execute(
                "UPDATE articles SET full_text_status = ? WHERE id = ?", (status, article_id)
            )

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
        where, params = self._where(flt, per_row=True)
        among = "a.id IN (SELECT value FROM json_each(?))"
        where = f"{where} AND {among}" if where else f"WHERE {among}"
        row = self.conn.execute(f"SELECT COUNT(*) FROM articles a {where}", (*params, ids))
        return int(row.fetchone()[0])

    def mark_all_read(self, flt: ArticleFilter) -> int:
        """Mark every article a filter shows as read; returns how many changed."""
        where, params = self._where(flt)
        where = f"{where} AND a.read = 0" if where else "WHERE a.read = 0"
        chosen = f"SELECT a.id FROM articles a {where}"
        with self.write() as conn:
            sync_queue.enqueue(conn, "read", True, chosen, params)
            cursor = conn.execute(f"UPDATE articles SET read = 1 WHERE id IN ({chosen})", params)
        return cursor.rowcount

    # -- reading articles -------------------------------------------------------------------

    @staticmethod
    def _where(
        flt: ArticleFilter, *, per_row: bool = False, in_newest: bool = False
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if flt.source_id is not None:
            clauses.append("a.source_id = ?")
            params.append(flt.source_id)
        if flt.tag is not None:
            clauses.append(
                "a.source_id IN (SELECT s2.id FROM sources s2, json_each(s2.tags) t "
                "WHERE t.value = ?)"
            )
            params.append(flt.tag)
        if flt.unread_only:
            clauses.append("a.read = 0")
        if flt.starred_only:
            clauses.append("a.starred = 1")
        if flt.query is not None or flt.hide:
            from newsterm.query import compile_any, compile_query

            now = time.time() if flt.now is None else flt.now
            if flt.query is not None:
                compiled = compile_query(flt.query, now, per_row=per_row, in_newest=in_newest)
                clauses.append(compiled.where)
                params.extend(compiled.params)
            if flt.hide:
                hidden = compile_any(flt.hide, now, per_row=per_row, in_newest=in_newest)
                clauses.append(f"NOT ({hidden.where})")
                params.extend(hidden.params)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    @staticmethod
    def summary_row(row: Sequence[Any]) -> ArticleSummary:
        return ArticleSummary(
            id=row[0],
            source_id=row[1],
            source_title=row[2],
            title=row[3],
            published=from_timestamp(row[4]),
            read=bool(row[5]),
            starred=bool(row[6]),
            gone=bool(row[7]),
        )

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
        where, params = self._where(flt)
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
        where, _ = self._where(flt)
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
        where, params = self._where(flt)
        walk = self._by_time(flt, limit + offset)
        rows = self.conn.execute(
            f"""SELECT {SUMMARY_COLUMNS} FROM articles a {walk}
                JOIN sources s ON s.id = a.source_id
                {where} ORDER BY a.sort_key DESC, a.id DESC LIMIT ? OFFSET ?""",
            (*params, limit, offset),
        ).fetchall()
        return [self.summary_row(r) for r in rows]

    def article_position(self, article_id: int, flt: ArticleFilter = ArticleFilter()) -> int | None:
        """The index of an article in a filter's list, or None when it is not shown."""
        row = self.conn.execute(
            "SELECT sort_key, id FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        where, params = self._where(flt)
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

    def quotations(
        self,
        *,
        speaker: str | None = None,
        person: Sequence[str] = (),
        limit: int = 50,
    ) -> list[QuoteHit]:
        """Quotations across the cache, newest articles first; with ``speaker``, those whose
        speaker contains it (any case); with ``person``, those of the people index's person
        with one of these names (see :meth:`people`)."""
        from newsterm.store.results import QuoteHit  # here: the app's first frame needs none

        where, params = "", []
        if speaker is not None:
            where, params = "WHERE instr(lower(q.speaker), lower(?)) > 0", [speaker]
        elif person:
            where, params = (
                "WHERE q.person IN (SELECT value FROM json_each(?))",
                [json.dumps(list(person))],
            )
        rows = self.conn.execute(
            f"""SELECT a.id, a.title, q.text, q.speaker, q.fragment, q.position
                FROM quotes q JOIN articles a ON a.id = q.article_id {where}
                ORDER BY a.sort_key DESC, a.id DESC, q.position LIMIT ?""",
            (*params, limit),
        ).fetchall()
        return [QuoteHit(r[0], r[1], r[2], r[3], bool(r[4]), r[5]) for r in rows]

    def person_names(self) -> list[str]:
        """Every name in the people index as the quotations spell it, the most quoted first."""
        from newsterm.store import people

        return people.names(self.conn)

    def people(
        self,
        aliases: Mapping[str, str],
        *,
        containing: str | None = None,
        limit: int | None = 50,
        details: bool = True,
    ) -> list[Person]:
        """Everyone quoted across all sources, the most widely quoted first; ``aliases`` maps
        names to the one they stand for (``extract.people.merge_names`` of
        :meth:`person_names`); ``details``: their sources and when last quoted too."""
        from newsterm.store import people

        return people.people(
            self.conn, aliases, containing=containing, limit=limit, details=details
        )

    def search(
        self,
        text: str,
        *,
        limit: int = 100,
        offset: int = 0,
        now: float | None = None,
        hide: tuple[str, ...] = (),
    ) -> list[SearchHit]:
        """Search with the query language (docs/queries.md): best matches first, their matches
        marked, what the ``hide`` queries match left out; raises ``QueryError`` for a bad
        query."""
        from newsterm.store import search  # here: the app's first frame searches nothing

        return search.search(self, text, limit=limit, offset=offset, now=now, hide=hide)

    def search_newest(
        self,
        text: str,
        *,
        limit: int = 50,
        now: float | None = None,
        hide: tuple[str, ...] = (),
        plan: SearchPlan | None = None,
    ) -> list[SearchHit]:
        """A query's newest ``limit`` articles with their matches marked (the search as
        typed: it costs about ``limit`` rows whatever the query matches); ``plan``: see
        :class:`newsterm.store.search.Plan`."""
        from newsterm.store import search

        return search.newest(self, text, limit=limit, now=now, hide=hide, plan=plan)

    def match_spans(self, article_id: int, text: str) -> list[tuple[int, int, int]]:
        """Where a query's full-text terms match in an article's body: (paragraph, start,
        end) character offsets."""
        from newsterm.store import search

        return search.match_spans(self.conn, article_id, text)

    # -- full text (issue 7) ----------------------------------------------------------------

    def articles_needing_full_text(self, source_ids: Sequence[int], limit: int = 50) -> list[int]:
        """Newest first, the articles of these sources whose full text was never tried.

        An article with a web link and no ``full_text_status``; one that failed before has a
        status and is left to an explicit request, so a refresh never retries it.
        """
        if not source_ids:
            return []
        marks = ", ".join("?" for _ in source_ids)
        rows = self.conn.execute(
            f"""SELECT id FROM articles
                WHERE source_id IN ({marks}) AND full_text_status IS NULL AND gone = 0
                  AND (url LIKE 'http://%' OR url LIKE 'https://%')
                ORDER BY sort_key DESC, id DESC LIMIT ?""",
            (*source_ids, limit),
        ).fetchall()
        return [int(r[0]) for r in rows]

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
        where, params = self._where(flt)
        rows = self.conn.execute(
            f"""SELECT {SUMMARY_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id
                {where} ORDER BY a.sort_key ASC, a.id ASC LIMIT ? OFFSET ?""",
            (*params, count, total - offset - count),
        ).fetchall()
        return [self.summary_row(r) for r in reversed(rows)]

    def list_articles_after(
        self, flt: ArticleFilter, article_id: int, *, limit: int = 100, older: bool = True
    ) -> list[ArticleSummary]:
        """Keyset paging: the ``limit`` articles of a filter right after (older than) or right
        before (newer than) ``article_id``, in list order. Costs the same at any depth."""
        where, params = self._where(flt)
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
        found = [self.summary_row(r) for r in rows]
        return found if older else found[::-1]
