"""Parse one fetched feed and write it to the cache, in the process that parsed it.

A refresh's parse workers write their own feed (one connection each, WAL): the parsed items
never cross a process boundary, so nothing is pickled twice, and the cache
writes (FTS indexing most of all) run on the workers' cores instead of queueing in the
process that fetches. Nothing here imports the HTTP stack.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsterm.ingest.feed_model import FeedJob, FeedResult
from newsterm.models import Source, SourceStatus
from newsterm.store import Store
from newsterm.store.search_index import INDEX_LATER_BATCH

if TYPE_CHECKING:
    from multiprocessing.synchronize import Lock


def moved_notice(url: str) -> str:
    """What a refresh says about a feed that moved permanently."""
    return f"moved permanently to {url}; `newsterm refresh --update-moved` updates feeds.toml"


@dataclass(slots=True)
class Answer:
    """What the server said about a feed that came back 200, besides the body."""

    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None
    """The new address after a permanent redirect in this fetch."""
    max_age: float | None = None
    """Seconds the answer stays fresh (``Cache-Control: max-age``)."""


@dataclass(slots=True)
class SavedFeed:
    """What writing one feed did (picklable)."""

    new: int = 0
    updated: int = 0
    new_ids: list[int] = field(default_factory=list)
    title: str | None = None
    """The feed's title, when the source had none and now has this one."""
    notice: str | None = None


@dataclass(slots=True)
class SaveJob:
    """A fetched feed for a worker to parse and write (picklable)."""

    db_path: Path
    source: Source
    feed: FeedJob
    answer: Answer
    now: datetime
    max_articles: int = 0
    """Keep at most this many articles of the feed (0: all)."""


def fetched_values(
    source: Source, answer: Answer, now: datetime
) -> tuple[dict[str, Any], str | None]:
    """What a fetch that worked (200 or 304) records on its source, and the notice of a move.

    Errors and waits are cleared; the validators are left to the caller (a 200 replaces them,
    a 304 keeps those it does not repeat).
    """
    moved_to = answer.moved_to or source.moved_to
    values: dict[str, Any] = {
        "last_checked": now,
        "last_error": None,
        "retry_after": None,
        "status": SourceStatus.MOVED if moved_to else SourceStatus.OK,
        "fresh_until": now + timedelta(seconds=answer.max_age) if answer.max_age else None,
    }
    notice = None
    if answer.moved_to:
        values["moved_to"] = answer.moved_to
        notice = moved_notice(answer.moved_to)
    return values, notice


def save_feed(
    store: Store,
    source: Source,
    parsed: FeedResult,
    answer: Answer,
    now: datetime,
    max_articles: int = 0,
    *,
    index_later: bool = False,
) -> SavedFeed:
    """Store a parsed feed's items, trim it to ``max_articles``, record its validators: one
    transaction (one turn of the write lock the parse workers share; a killed refresh keeps
    a feed's articles and its validators together, or neither).

    ``index_later`` (a refresh): the new articles are marked to be indexed for search with
    other feeds' (``Store.index_pending``), here once ``INDEX_LATER_BATCH`` of them wait, and
    at the end of the refresh (``service.refresh``) for the rest.
    """
    with writing_turn(), store.write():
        saved = _save_feed(store, source, parsed, answer, now, max_articles, index_later)
        if index_later and saved.new_ids and store.pending_index() >= INDEX_LATER_BATCH:
            store.index_pending()
        return saved


def _save_feed(
    store: Store,
    source: Source,
    parsed: FeedResult,
    answer: Answer,
    now: datetime,
    max_articles: int,
    index_later: bool,
) -> SavedFeed:
    saved = store.save_articles(
        source.id, parsed.items, fetched_at=now, whole_feed=True, index_later=index_later
    )
    outcome = SavedFeed(new=saved.new, updated=saved.updated, new_ids=saved.new_ids)
    if max_articles:
        store.trim(source.id, max_articles)
    values, outcome.notice = fetched_values(source, answer, now)
    values.update(etag=answer.etag, last_modified=answer.last_modified, parse_note=parsed.warning)
    if parsed.ttl and (values["fresh_until"] or now) < now + timedelta(seconds=parsed.ttl):
        values["fresh_until"] = now + timedelta(seconds=parsed.ttl)  # <ttl>: a lower bound too
    if parsed.title and not source.title:
        values["title"] = outcome.title = parsed.title
    store.update_source(source.id, **values)
    return outcome


_worker_stores: dict[Path, Store] | None = None
"""In a parse worker process: its connection to each cache, kept across feeds."""
_write_turn: Lock | None = None
"""In a parse worker process: the lock the workers take turns to write with."""
TURN_WAIT = 30.0
"""Seconds a worker waits for its turn before it writes anyway (SQLite's own lock, with its
busy timeout, still keeps the writes apart): a worker that died holding the turn must not
stop the others."""


def init_worker(turn: Lock | None = None) -> None:
    """Make this process a parse worker: load the parsers now (while the refreshing process
    loads its HTTP stack and fetches the first feeds), and keep its cache connections open
    between feeds. The analysis loads with the first backlog job: a refresh does not need it.
    ``turn``: the lock the pool's workers write in turn with (see :func:`writing_turn`)."""
    global _worker_stores, _write_turn
    _worker_stores = {}
    _write_turn = turn
    import newsterm.ingest.feed_parse  # noqa: F401


@contextlib.contextmanager
def writing_turn() -> Iterator[None]:
    """Wait for this worker's turn to write. The workers of a pool write one at a time, and
    SQLite's busy handler would have a waiting one sleep in steps of up to 100 ms, polling,
    long after the other's commit; a shared lock wakes it at once."""
    if _write_turn is None:
        yield
        return
    held = _write_turn.acquire(timeout=TURN_WAIT)
    try:
        yield
    finally:
        if held:
            _write_turn.release()


def ready() -> None:
    """Nothing: a job submitted once per worker, to start them all at once."""


@contextlib.contextmanager
def worker_store(path: Path) -> Iterator[Store]:
    """The cache at ``path``: a parse worker's own connection, kept across jobs; in a thread
    of the refreshing process, a connection for this job."""
    if _worker_stores is None:  # a thread of the refreshing process: a connection per feed
        with Store.open(path) as store:
            _journal_in_memory(store)
            yield store
        return
    if path not in _worker_stores:
        store = _worker_stores[path] = Store.open(path)
        store.leave_checkpoints()  # the refreshing process does them (FeedLoop's owner)
        _journal_in_memory(store)
    yield _worker_stores[path]


def _journal_in_memory(store: Store) -> None:
    """Keep the statement journal of each article's insert in memory. It is there because
    the insert checks the article's feed (a foreign key) inside the feed's transaction, and
    SQLite spills it to a temporary file past 64 KiB: about one feed in four opened, wrote
    and deleted one (~100 in a first refresh of 200 feeds, 2 in a backlog of 2,000). One
    insert's journal is a few pages; the writers run no big sorts that would now stay in
    memory (``temp_store`` covers both)."""
    store.conn.execute("PRAGMA temp_store = MEMORY")


def parse_and_save(job: SaveJob) -> SavedFeed:
    """Parse a feed body, then write its new and changed items to the cache (not analysed:
    see :mod:`newsterm.ingest.backlog`).

    Raises FeedError for a body that is no feed, CacheError when the cache cannot be written.
    """
    from newsterm.ingest.feed_parse import process_feed  # workers only: parsers and analysis

    with worker_store(job.db_path) as store:
        job.feed.known = store.known_hashes(job.source.id)
        parsed = process_feed(job.feed)
        return save_feed(
            store, job.source, parsed, job.answer, job.now, job.max_articles, index_later=True
        )
