"""Feed sources: refresh many feeds at once, and add one after checking it is a feed.

An event loop in a helper thread fetches (:mod:`newsterm.ingest.fetch_loop`); worker processes
parse, analyse and store each feed (:mod:`newsterm.ingest.parse_pool`,
:mod:`newsterm.ingest.feed_save`); answers without a body (304, 410, failures) are recorded
from the calling thread. One slow or broken feed never holds up or fails the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import queue
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from newsterm import config_edit
from newsterm.config import Config, FeedEntry, Settings
from newsterm.errors import NewstermError
from newsterm.ingest.feed_model import FeedError, FeedJob, FeedResult
from newsterm.ingest.feed_save import Answer, SavedFeed, fetched_values, save_feed
from newsterm.ingest.fetch import Fetcher, FetchError, FetchResult, status_message
from newsterm.ingest.fetch_loop import FeedLoop, FeedWrite
from newsterm.ingest.netguard import host_of
from newsterm.ingest.parse_pool import ParsePool
from newsterm.models import Source, SourceKind, SourceStatus
from newsterm.store import Store

if TYPE_CHECKING:
    from newsterm.ingest.outcomes import SourceOutcome
    from newsterm.ingest.subscriptions import AddOutcome


CHECKPOINT_EVERY = 16
"""Feeds stored by the parse workers between two checkpoints of the refreshing process (about
what SQLite's own automatic checkpoint would do, 4 MB of log, on the bench's feeds)."""
UNCHANGED_BATCH = 64
"""Feeds that answered 304 whose state (checked, validators) is written in one transaction;
a killed refresh loses at most this many, which the next refresh asks again the same way."""


def refresh_feeds(
    store: Store,
    sources: Sequence[Source],
    cfg: Config,
    record: Callable[[SourceOutcome], None],
    pool: ParsePool,
    *,
    cancel: threading.Event | None = None,
) -> None:
    """Fetch feed sources and store their new items, reporting each outcome to ``record``.

    Blocking, and callable from any thread that owns ``store``: the event loop (fetching,
    handing bodies to ``pool``, whose workers store them) runs in a helper thread and sends
    back each outcome, recorded here, where the log the workers write is also checkpointed.
    Setting ``cancel`` stops the refresh soon after; feeds not reported by then are reported
    "cancelled" (a worker may still finish writing the feed it was on: its transaction is
    whole either way).
    """
    from newsterm.ingest.outcomes import SourceOutcome

    now = datetime.now(UTC)
    todo: list[Source] = []
    for source in sources:
        if source.status is SourceStatus.GONE:
            notice = "gone (HTTP 410), not fetched; `newsterm remove` unsubscribes"
            record(SourceOutcome(source, notice=notice))
        elif source.retry_after is not None and source.retry_after > now:
            when = source.retry_after.strftime("%Y-%m-%d %H:%M UTC")
            record(SourceOutcome(source, notice=f"skipped: the server asked to wait until {when}"))
        else:
            todo.append(source)
    if not todo:
        return
    loop = FeedLoop(store.path, todo, cfg.settings, pool, cfg.imported_urls)
    loop.start()
    pending = {s.id for s in todo}
    stored = 0
    unchanged: list[tuple[SourceOutcome, dict[str, Any]]] = []
    try:
        while pending:
            if cancel is not None and cancel.is_set():
                break
            try:
                write = loop.writes.get(timeout=0.05)
            except queue.Empty:
                if not loop.is_alive() and loop.writes.empty():
                    break
                continue
            loop.done(write)
            if write.source.id not in pending:
                continue  # already written (a crashed loop reports every feed)
            pending.discard(write.source.id)
            if write.error is None and write.saved is None and _is_304(write.result):
                unchanged.append(_not_modified(write))
                if len(unchanged) >= UNCHANGED_BATCH:
                    _write_unchanged(store, unchanged, record)
                continue
            record(_apply(store, write))
            if write.saved is not None:
                stored += 1
                if stored % CHECKPOINT_EVERY == 0:
                    with pool.writers_held():  # the whole log copied: the next write restarts it
                        store.checkpoint()
    finally:
        loop.cancel()
        loop.join()
        _write_unchanged(store, unchanged, record)
    for source in todo:
        if source.id in pending:
            record(SourceOutcome(source, notice="cancelled"))


def _apply(store: Store, write: FeedWrite) -> SourceOutcome:
    """Write one feed's outcome to the cache, in the thread that owns ``store``."""
    from newsterm.ingest.outcomes import SourceOutcome

    outcome = SourceOutcome(write.source)
    try:
        if write.error is not None:
            _failed(store, write.source, outcome, write.error, write.now)
        elif write.saved is not None:
            _took(outcome, write.saved)
        elif write.result is not None:
            _answer(store, write.source, write.result, outcome, write.now)
    except NewstermError as exc:
        outcome.error = exc.message
    return outcome


def _is_304(result: FetchResult | None) -> bool:
    return result is not None and result.status == 304


def _not_modified(write: FeedWrite) -> tuple[SourceOutcome, dict[str, Any]]:
    """A 304's outcome, and what it records on its source (checked now, validators kept)."""
    from newsterm.ingest.outcomes import SourceOutcome

    result = write.result
    assert result is not None
    answer = Answer(result.etag, result.last_modified, result.moved_to, result.max_age)
    values, notice = fetched_values(write.source, answer, write.now)
    if result.etag:
        values["etag"] = result.etag
    if result.last_modified:
        values["last_modified"] = result.last_modified
    return SourceOutcome(write.source, notice=notice or "not modified"), values


def _write_unchanged(
    store: Store,
    unchanged: list[tuple[SourceOutcome, dict[str, Any]]],
    record: Callable[[SourceOutcome], None],
) -> None:
    """Write the state of the feeds that answered 304 in one transaction, then report them."""
    if not unchanged:
        return
    try:
        store.update_sources([(outcome.source.id, values) for outcome, values in unchanged])
    except NewstermError as exc:
        for outcome, _ in unchanged:
            outcome.error = exc.message
    for outcome, _ in unchanged:
        record(outcome)
    unchanged.clear()


def _failed(
    store: Store, source: Source, outcome: SourceOutcome, error: str, now: datetime
) -> None:
    outcome.error = error
    with contextlib.suppress(NewstermError):
        store.record_check(source.id, error, now)


def _took(outcome: SourceOutcome, saved: SavedFeed) -> None:
    """Fill a source's outcome from what writing its feed did."""
    outcome.new, outcome.updated, outcome.new_ids = saved.new, saved.updated, saved.new_ids
    outcome.notice = saved.notice
    if saved.title:
        outcome.source = dataclasses.replace(outcome.source, title=saved.title)


def _answer(
    store: Store, source: Source, result: FetchResult, outcome: SourceOutcome, now: datetime
) -> None:
    """Record what an answer other than 200 or 304 means: gone, or come back later."""
    if result.status == 410:
        outcome.error = "gone (HTTP 410): not fetched again; `newsterm remove` unsubscribes"
        store.update_source(
            source.id, status=SourceStatus.GONE, last_error=outcome.error, last_checked=now
        )
        return
    error = status_message(result)
    if result.status in (429, 503) and result.retry_after is not None:
        when = result.retry_after.strftime("%Y-%m-%d %H:%M:%S UTC")
        error += f"; not fetched again before {when}"
        store.update_source(source.id, retry_after=result.retry_after)
    _failed(store, source, outcome, error, now)


# -- add --------------------------------------------------------------------------------------


async def _probe(url: str, settings: Settings) -> tuple[str, FetchResult, FeedResult, list[str]]:
    """Fetch a URL and make sure it is a feed, or an HTML page that links to one.

    Returns the feed URL to subscribe to, its fetch and parse results, and the page's other
    feeds. Raises NewstermError with a clear reason otherwise.
    """
    from newsterm.ingest.discover import discover_feeds
    from newsterm.ingest.feed_parse import looks_like_html, process_feed

    async with Fetcher(settings) as fetcher:
        result = await _get(fetcher, url)
        try:
            parsed = await asyncio.to_thread(process_feed, _job(result, settings))
            return result.moved_to or url, result, parsed, []
        except FeedError as exc:
            if not looks_like_html(result.body) and "html" not in result.content_type.lower():
                raise NewstermError(f"{url}: not a feed: {exc.message}") from None
        found = discover_feeds(result.body, result.url)
        if not found:
            raise NewstermError(
                f'{url}: an HTML page that links to no feed (no <link rel="alternate">)'
            )
        feed_url = found[0]
        # The page's link is the page's word, not the user's: only the typed host is trusted.
        feed_result = await _get(fetcher, feed_url, trusted=(host_of(url),))
        try:
            parsed = await asyncio.to_thread(process_feed, _job(feed_result, settings))
        except FeedError as exc:
            raise NewstermError(f"{feed_url} (linked from {url}): {exc.message}") from None
        return feed_result.moved_to or feed_url, feed_result, parsed, found[1:]


async def _get(fetcher: Fetcher, url: str, trusted: Sequence[str] | None = None) -> FetchResult:
    try:
        result = await fetcher.fetch(url, trusted=trusted)
    except FetchError as exc:
        raise NewstermError(f"{url}: {exc.message}") from None
    if result.status != 200:
        raise NewstermError(f"{url}: {status_message(result)}")
    return result


def _job(result: FetchResult, settings: Settings) -> FeedJob:
    return FeedJob(
        result.url,
        result.body,
        result.content_type,
        {},
        settings.parse_timeout,
        settings.max_body_chars,
    )


def add_feed(
    store: Store,
    cfg: Config,
    url: str,
    *,
    title: str | None,
    tags: Sequence[str],
    fetch: bool,
) -> AddOutcome:
    """Subscribe to a feed: check it is one (unless ``fetch`` is False), then record and store it.

    Given an HTML page, subscribes to the first feed it advertises and names the others. On any
    error neither feeds.toml nor the cache is changed.
    """
    from newsterm.ingest.outcomes import SourceOutcome
    from newsterm.ingest.subscriptions import AddOutcome

    if not fetch:
        config_edit.add_feed(cfg.path, FeedEntry(url=url, title=title, tags=tuple(tags)))
        source = store.upsert_source(SourceKind.FEED, url, title=title, tags=tags)
        return AddOutcome(source, added=True, message=f"added {url} (not fetched)")
    feed_url, result, parsed, others = asyncio.run(_probe(url, cfg.settings))
    if feed_url != url and any(entry.url == feed_url for entry in cfg.feeds):
        source = store.upsert_source(SourceKind.FEED, feed_url)
        return AddOutcome(source, added=False, message=f"{feed_url} is already subscribed")
    config_edit.add_feed(cfg.path, FeedEntry(url=feed_url, title=title, tags=tuple(tags)))
    source = store.upsert_source(
        SourceKind.FEED, feed_url, title=title or parsed.title or None, tags=tags
    )
    outcome = SourceOutcome(source)
    now = datetime.now(UTC)
    answer = Answer(result.etag, result.last_modified)  # already subscribed at the new address
    saved = save_feed(store, source, parsed, answer, now, cfg.settings.max_articles_per_feed)
    _took(outcome, saved)
    name = parsed.title or feed_url
    message = f"added {name} ({feed_url})"
    if feed_url != url:
        message += f", found on {url}"
    if others:
        message += "; the page also offers: " + ", ".join(others)
    source = store.source(source.id) or source
    return AddOutcome(source, added=True, refresh=outcome, message=message)
