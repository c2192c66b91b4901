"""Open the cache: WAL mode, a busy timeout, and forward migrations by ``PRAGMA user_version``."""

from __future__ import annotations

import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsterm.errors import CacheError

BUSY_TIMEOUT_MS = 30_000

_SCHEMA_V1 = """
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    location TEXT NOT NULL UNIQUE,
    title TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'ok',
    last_error TEXT,
    last_checked REAL,
    etag TEXT,
    last_modified TEXT,
    moved_to TEXT,
    retry_after REAL,
    full_text INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    url TEXT,
    title TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]',
    published REAL,
    fetched_at REAL NOT NULL,
    sort_key REAL NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    credits TEXT NOT NULL DEFAULT '[]',
    dateline TEXT,
    content_hash TEXT NOT NULL DEFAULT '',
    word_count INTEGER NOT NULL DEFAULT 0,
    reading_minutes INTEGER NOT NULL DEFAULT 1,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    gone INTEGER NOT NULL DEFAULT 0,
    full_text_status TEXT,
    UNIQUE (source_id, guid)
);
CREATE INDEX articles_by_time ON articles (sort_key DESC, id DESC);
CREATE INDEX articles_by_source ON articles (source_id, sort_key DESC, id DESC);
CREATE INDEX articles_unread ON articles (sort_key DESC, id DESC) WHERE read = 0;
CREATE INDEX articles_starred ON articles (sort_key DESC, id DESC) WHERE starred = 1;
CREATE TABLE quotes (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    paragraph INTEGER NOT NULL,
    fragment INTEGER NOT NULL DEFAULT 0,
    start INTEGER NOT NULL DEFAULT -1,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
CREATE TABLE contacts (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT,
    email TEXT,
    url TEXT,
    handle TEXT,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
"""

_V2_FTS_BY_STATEMENT = """
DROP TRIGGER IF EXISTS articles_fts_insert;
"""
# New articles are indexed by one INSERT ... SELECT per transaction (Store.save_articles), not
# by a trigger per row: FTS5 flushes its pending terms at every statement savepoint, so a
# trigger wrote one index segment per article and spent most of a refresh merging them
# (13 ms against 5 ms for 50 articles).

_V3_SOURCE_COUNTS = """
CREATE INDEX articles_by_source_read ON articles (source_id, read);
"""
"""Each source's unread and total counts read from this index alone: without it they read
every article row (bodies and all), 0.3 s for 100k articles; with it, under 10 ms."""

_V4_ANALYSIS_VERSION = """
ALTER TABLE articles ADD COLUMN analysed_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN analysis_input TEXT;
CREATE INDEX articles_unanalysed ON articles (analysed_version, sort_key DESC, id DESC);
DROP TRIGGER IF EXISTS articles_fts_update;
UPDATE articles SET analysis_input = json_object(
    'authors', json(authors),
    'contacts', (SELECT json_group_array(json_array(name, email, url, handle))
                 FROM (SELECT * FROM contacts c WHERE c.article_id = articles.id
                       ORDER BY position))
);
"""
"""The analysis is versioned (``extract.pipeline.ANALYSIS_VERSION``) and runs after the refresh.

``analysed_version``: the analysis version that wrote the article's body, authors, quotations
and contacts (0: not analysed yet; older than the current one: analysed again). The index
lists that backlog newest first. ``analysis_input``: JSON ``{"paragraphs", "authors",
"contacts"}``, what the analysis starts from besides the title; "paragraphs" is absent while
the body is still the input, and NULL means the body with no metadata. Articles cached before
this version keep what their analysis found as its input. The update trigger goes: the store
re-indexes changed bodies with one statement per transaction, as it indexes new ones.
"""

_V5_SYNC = """
CREATE TABLE IF NOT EXISTS sync_items (
    item INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT
);
CREATE INDEX IF NOT EXISTS sync_items_by_article ON sync_items (article_id);
CREATE INDEX IF NOT EXISTS sync_items_by_url ON sync_items (url);
CREATE TABLE IF NOT EXISTS sync_queue (
    item INTEGER NOT NULL,
    state TEXT NOT NULL,
    value INTEGER NOT NULL,
    changed_at REAL NOT NULL,
    PRIMARY KEY (item, state)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS articles_by_url ON articles (url);
"""
"""Two-way sync (issue 18): which server item each synced article is (``item``: the Google
Reader item id as a signed 64-bit integer), and the read/starred changes made here that the
server has not had yet, one row per item and state (the latest change wins), written in the
same transaction as the change itself."""
_V6_SOURCE_PARSE_NOTE = """
ALTER TABLE sources ADD COLUMN parse_note TEXT;
"""
"""Why the last refresh could read a feed only leniently (feedparser's "bozo" reason), or NULL."""
_COUNT_WRITES = (
    ("article_insert", "INSERT ON articles"),
    ("article_delete", "DELETE ON articles"),
    (
        "article_update",
        "UPDATE OF source_id, title, authors, sort_key, summary, body, word_count, read, "
        "starred, full_text_status ON articles",
    ),
    ("quote_insert", "INSERT ON quotes"),
    ("quote_delete", "DELETE ON quotes"),
    ("contact_insert", "INSERT ON contacts"),
    ("contact_delete", "DELETE ON contacts"),
    ("source_update", "UPDATE OF kind, location, title, tags ON sources"),
)
_V7_COUNT_CACHE = """
CREATE TABLE count_cache (
    key TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    generation INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE count_generation (value INTEGER NOT NULL);
INSERT INTO count_generation VALUES (0);
""" + "".join(
    f"CREATE TRIGGER count_generation_{name} AFTER {event} BEGIN\n"
    "    UPDATE count_generation SET value = value + 1;\nEND;\n"
    for name, event in _COUNT_WRITES
)
"""Counts of query filters (views, ignore rules) kept between runs (store/counts.py). Every
write that can change what a query matches moves the generation on, so a count is used only
while its generation is the current one: a write that store/counts.py does not adjust for
(another process's, or a new write path) leaves the count stale, never wrong."""

_V8_DROPPED_ARTICLES = """
CREATE TABLE dropped_articles (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    PRIMARY KEY (source_id, guid)
) WITHOUT ROWID;
"""
"""The guids of the articles that ``keep`` and ``max_articles`` dropped (Store.retain), so
that a feed still listing one does not bring it back as new at the next refresh."""

_V9_SOURCE_FRESH_UNTIL = """
ALTER TABLE sources ADD COLUMN fresh_until REAL;
"""
"""Until when a feed said its answer stays fresh (``Cache-Control: max-age``): the schedule
never refreshes it before then."""

_V10_SYNC_SEEN_STATE = """
ALTER TABLE sync_items ADD COLUMN seen_read INTEGER;
ALTER TABLE sync_items ADD COLUMN seen_starred INTEGER;
"""
"""Each synced item's read and starred state on the server at the last sync (NULL: not seen
yet), the base of the two-way merge: a queued change back to it is no change (sync_queue)."""

_V11_COUNT_GENERATION_ONCE = """
ALTER TABLE count_generation ADD COLUMN counted INTEGER NOT NULL DEFAULT 1;
""" + "".join(
    f"DROP TRIGGER count_generation_{name};\n"
    f"CREATE TRIGGER count_generation_{name} AFTER {event}\n"
    "WHEN (SELECT counted FROM count_generation) BEGIN\n"
    "    UPDATE count_generation SET value = value + 1, counted = 0;\nEND;\n"
    for name, event in _COUNT_WRITES
)
"""The generation moves on once for a write, not once a row: only while some count is kept
at the current generation (``counted``, set by store/counts.py as it keeps or adjusts one),
since after that every count is stale already. Marking 100,000 articles read wrote the
generation 100,000 times (0.18 s of 1.08 s)."""

_V12_QUOTE_PEOPLE = """
ALTER TABLE quotes ADD COLUMN person TEXT;
CREATE INDEX quotes_by_person ON quotes (person, article_id) WHERE person IS NOT NULL;
"""
"""The people index: each quotation's speaker as one name a person (extract/people.py),
filled by the analysis (from its version 7), so ``newsterm people`` groups without reading text."""

_V13_SYNC_HTML = """
CREATE TABLE sync_html (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    html TEXT NOT NULL
);
"""
"""A synced item's HTML as the server sent it, kept until it is turned into paragraphs
(store/sync_html.py): the sync stores the article with an empty body and this row, and the
analysis (or the conversion that searches run first) derives the body from it. A row whose
hash is not its article's any more is stale (the article was rewritten meanwhile)."""

_V14_FTS_PENDING = """
CREATE TABLE fts_pending (article_id INTEGER PRIMARY KEY);
DROP TRIGGER IF EXISTS articles_fts_delete;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    SELECT 'delete', old.id, old.title, old.body
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = old.id);
    DELETE FROM fts_pending WHERE article_id = old.id;
END;
"""
"""Articles stored but not yet in the search index (``articles_fts``): a refresh's parse
workers mark their new articles here, in the transaction that stores them, and index them
many feeds at a time (``Store.index_pending``), where a statement a feed wrote one small
index segment each and spent twice the CPU merging them. A killed refresh leaves its marks,
and the next refresh (or the app's start) indexes them. An article is in the index exactly
when it exists and is not marked: a marked one is never taken out of the index (deleted,
changed) since it is not in it."""

MIGRATIONS: tuple[str, ...] = (
    _SCHEMA_V1,
    _V2_FTS_BY_STATEMENT,
    _V3_SOURCE_COUNTS,
    _V4_ANALYSIS_VERSION,
    _V5_SYNC,
    _V6_SOURCE_PARSE_NOTE,
    _V7_COUNT_CACHE,
    _V8_DROPPED_ARTICLES,
    _V9_SOURCE_FRESH_UNTIL,
    _V10_SYNC_SEEN_STATE,
    _V11_COUNT_GENERATION_ONCE,
    _V12_QUOTE_PEOPLE,
    _V13_SYNC_HTML,
    _V14_FTS_PENDING,
)
"""Migration N (1-based) brings a cache from user_version N-1 to N. Only ever append."""
SCHEMA_VERSION = len(MIGRATIONS)


def _check_file(path: Path) -> None:
    """Refuse paths that are not regular files (FIFOs, folders, symlink loops) before SQLite
    opens them.

    Only ``stat``: the file itself is never opened here. Closing any descriptor of a database
    file drops every POSIX lock this process holds on it, including those of connections that
    other threads have open, which lets other processes write under them and corrupts the
    cache. SQLite itself tells a file that is not a database (see :func:`connect`).
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:  # symlink loops, permission problems, a name too long
        raise CacheError(f"{path}: cannot open the cache: {exc.strerror}") from None
    except ValueError:  # a NUL byte
        raise CacheError(f"{path!r}: cannot open the cache: not a valid path") from None
    if not stat.S_ISREG(info.st_mode):
        raise CacheError(f"{path}: the cache is not a regular file")


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the cache at ``path``."""
    _check_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CacheError(f"{path.parent}: cannot create the cache folder: {exc.strerror}") from None
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return _open(path)
        except sqlite3.OperationalError as exc:
            # Two processes creating the cache at once: switching a new file to WAL takes an
            # exclusive lock that SQLite refuses at once rather than waiting for. Wait here.
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise CacheError(f"{path}: cannot open the cache: {exc}") from None
            time.sleep(0.05)


def _open(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise CacheError(f"{path}: cannot open the cache: {exc}") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if "not a database" not in str(exc):
                raise
            raise CacheError(
                f"{path}: not a newsterm cache (not an SQLite database); "
                "move it away or choose another file with --db"
            ) from None
        if version > SCHEMA_VERSION:
            raise CacheError(
                f"{path}: the cache was written by a newer newsterm (schema {version}, this "
                f"version knows {SCHEMA_VERSION}); upgrade newsterm or use another --db"
            )
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            _migrate(conn, version)
    except sqlite3.OperationalError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise CacheError(f"{path}: the cache is damaged or unreadable: {exc}") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    with transaction(conn):
        # Re-read under the write lock: another process may have migrated meanwhile.
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        for number in range(current, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into statements (trigger bodies kept whole)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction that takes the write lock up front (no upgrade deadlocks)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
