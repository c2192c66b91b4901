"""The network half of a refresh: an event loop in its own thread fetches feeds, has the parse
pool read and store them, and hands each feed's outcome back as a :class:`FeedWrite`; the
thread that owns the cache records answers without a body (304, 410, errors). SQLite work
therefore never holds up the sockets.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsterm.config import Settings
from newsterm.errors import NewstermError
from newsterm.ingest import parse_pool
from newsterm.ingest.feed_model import FeedJob
from newsterm.ingest.feed_save import Answer, SavedFeed, SaveJob
from newsterm.ingest.fetch import Fetcher, FetchResult
from newsterm.models import Source


@dataclass(slots=True)
class FeedWrite:
    """One feed's outcome, for the owner thread to record: a stored feed, an answer, an error."""

    source: Source
    now: datetime
    result: FetchResult | None = None
    saved: SavedFeed | None = None
    error: str | None = None
    holds_slot: bool = False
    """The feed still holds a refresh slot, released once its write is done (bounds memory)."""


class FeedLoop(threading.Thread):
    """Fetch and parse ``sources`` on an event loop in this thread; results go to ``writes``."""

    def __init__(
        self,
        db_path: Path,
        sources: list[Source],
        settings: Settings,
        pool: parse_pool.ParsePool,
        untrusted: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(name="newsterm-fetch", daemon=True)
        self.db_path = db_path
        self.sources = sources
        self.settings = settings
        self.untrusted = untrusted
        """Feed URLs from an imported list: their hosts are not trusted (``netguard``)."""
        self.pool = pool
        """Where fetched bodies are parsed and stored (its owner starts and closes it)."""
        self.writes: queue.Queue[FeedWrite] = queue.Queue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots: asyncio.Semaphore | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._stopping = threading.Event()

    def run(self) -> None:
        try:
            asyncio.run(self._main())
        except Exception as exc:  # never leave the owner thread waiting for nothing
            now = datetime.now(UTC)
            error = f"internal error: {type(exc).__name__}: {exc}"
            for source in self.sources:
                self.writes.put(FeedWrite(source, now, error=error))

    def cancel(self) -> None:
        """Stop fetching (thread-safe); feeds not written yet are left alone."""
        self._stopping.set()
        if self._loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop already finished
                self._loop.call_soon_threadsafe(self._cancel_tasks)

    def done(self, write: FeedWrite) -> None:
        """The owner thread wrote ``write``: free its slot (thread-safe)."""
        if write.holds_slot and self._loop is not None and self._slots is not None:
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._slots.release)

    def _cancel_tasks(self) -> None:
        for task in self._tasks:
            task.cancel()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._slots = asyncio.Semaphore(max(1, self.settings.concurrency))
        async with Fetcher(self.settings, untrusted=self.untrusted) as fetcher:
            self._tasks = [
                asyncio.create_task(self._one(source, fetcher)) for source in self.sources
            ]
            if self._stopping.is_set():
                self._cancel_tasks()
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _one(self, source: Source, fetcher: Fetcher) -> None:
        assert self._slots is not None
        now = datetime.now(UTC)
        url = source.moved_to or source.location
        await self._slots.acquire()
        write = FeedWrite(source, now, holds_slot=True)
        try:
            async with fetcher.slot(url):
                result = await fetcher.fetch(
                    url, etag=source.etag, last_modified=source.last_modified
                )
            write.result = result
            if result.status == 200:
                feed = FeedJob(
                    result.url,
                    result.body,
                    result.content_type,
                    {},
                    self.settings.parse_timeout,
                    self.settings.max_body_chars,
                )
                result.body = b""
                answer = Answer(result.etag, result.last_modified, result.moved_to, result.max_age)
                # no trim here: a refresh ends with each feed's own retention (schedule.py)
                job = SaveJob(self.db_path, source, feed, answer, now)
                write.saved = await self.pool.run(job, self.settings.parse_timeout)
        except asyncio.CancelledError:
            self._slots.release()
            raise
        except NewstermError as exc:  # FetchError, FeedError, UnsafeXml, CacheError
            write.error = exc.message
        except Exception as exc:  # a bug must not take the other feeds down
            write.error = f"internal error: {type(exc).__name__}: {exc}"
        self.writes.put(write)
