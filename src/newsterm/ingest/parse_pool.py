"""Where feed bodies are parsed and written, and then the analysis backlog analysed: worker
processes, or a thread for one feed."""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, TypeVar

from newsterm.ingest.feed_model import FeedError
from newsterm.ingest.feed_save import (
    TURN_WAIT,
    SavedFeed,
    SaveJob,
    init_worker,
    parse_and_save,
    ready,
)

if TYPE_CHECKING:
    from multiprocessing.synchronize import Lock

J = TypeVar("J")
R = TypeVar("R")

MAX_WORKERS = 2
"""Parse processes: parsing and analysis are CPU-bound; two cover the machines we target."""


def default_workers() -> int:
    """How many parse processes a refresh of many feeds uses."""
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr.

    The tracker is spawned with ``sys.stderr.fileno()`` among the descriptors it keeps; under
    the app, Textual captures stderr with an object whose ``fileno()`` is -1, so spawning
    failed ("bad value(s) in fds_to_keep") and every feed of the app's refresh failed.
    """
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        resource_tracker.ensure_running()
        return
    saved = sys.stderr
    try:
        sys.stderr = sys.__stderr__ or open(os.devnull, "w")  # noqa: SIM115
        resource_tracker.ensure_running()
    finally:
        sys.stderr = saved


PRELOAD = ("newsterm.ingest.feed_parse", "newsterm.ingest.backlog")
"""What the fork server imports once, so that each worker it forks starts with it loaded. The
analysis (``newsterm.extract.pipeline``, ~50 ms of pattern compiling) only for a pool made to
analyse: a refresh does not, and a worker of its pool loads it with its first backlog job."""
ANALYSIS_PRELOAD = "newsterm.extract.pipeline"


def start_context(*, analysis: bool = False) -> multiprocessing.context.BaseContext:
    """How workers start: forked from a fork server that has loaded the parsers, and with
    ``analysis`` the analysis (where there is one; a fork server already running keeps what
    it loaded), else spawned.

    Never forked from the refreshing process itself: the app's has a UI thread, and a child
    forked with an open SQLite connection in its memory shares that connection's lock records
    while holding none of its locks, which SQLite warns can corrupt the cache.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([*PRELOAD, ANALYSIS_PRELOAD] if analysis else list(PRELOAD))
    return context


class ParsePool:
    """Runs :func:`parse_and_save` in worker processes (see :meth:`start`); 0 workers: a thread.

    Workers come from a fork server (:func:`start_context`), never forked from the calling
    process: the app calls refresh from a thread, and forking a threaded process can deadlock
    the child.
    """

    def __init__(self, workers: int, *, analysis: bool = False) -> None:
        self.workers = workers
        self.analysis = analysis
        """Made to analyse the backlog: the fork server loads the analysis once for all."""
        self._pool: Executor | None = None
        self._starting: threading.Thread | None = None
        self._turn: Lock | None = None
        """The lock the workers take turns to write with (:func:`feed_save.writing_turn`)."""

    @classmethod
    def for_feeds(cls, count: int) -> ParsePool:
        """The pool for a refresh of ``count`` feeds: processes for many, a thread for one."""
        return cls(default_workers() if count > 1 else 0)

    def start(self) -> None:
        """Start every worker now: each takes ~0.3 s to load Python and the parsers (and the
        analysis, for a pool made to analyse), which then overlaps the refreshing process
        loading its HTTP stack."""
        self._wait_started()
        if self.workers <= 0 or self._pool is not None:
            return
        start_resource_tracker()
        context = start_context(analysis=self.analysis)
        self._turn = context.Lock()
        pool = ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=init_worker,
            initargs=(self._turn,),  # the workers' turns to write (feed_save.writing_turn)
        )
        for _ in range(self.workers):  # a spawned pool starts a process per job it waits on
            pool.submit(ready)
        self._pool = pool

    def start_soon(self) -> None:
        """:meth:`start` in a helper thread: starting a worker waits for the fork server to
        load the parsers (~0.1-0.3 s), time the caller spends loading its HTTP stack instead.
        The pool's other methods wait for it."""
        if self.workers <= 0 or self._pool is not None or self._starting is not None:
            return
        self._starting = threading.Thread(target=self.start, name="newsterm-pool", daemon=True)
        self._starting.start()

    def _wait_started(self) -> None:
        """Wait for :meth:`start_soon`'s thread (unless called from it)."""
        starting = self._starting
        if starting is not None and starting is not threading.current_thread():
            starting.join()
            self._starting = None

    @contextlib.contextmanager
    def writers_held(self) -> Iterator[None]:
        """Keep the workers from writing meanwhile (a turn of theirs; at once when there are no
        worker processes). A checkpoint made so copies the whole log, and the next write
        starts the log again from its beginning: with the workers committing all the time
        a passive checkpoint rarely got to the end, and a first refresh of 200 feeds left a
        106 MB log to copy and delete at the end."""
        turn = self._turn  # None until the pool has started (nothing written yet)
        held = turn is not None and turn.acquire(timeout=TURN_WAIT)
        try:
            yield
        finally:
            if held:
                assert turn is not None
                turn.release()

    def submit(self, func: Callable[[J], R], job: J) -> Future[R]:
        """Run ``func(job)`` in a worker (the pool is started if it was not); a process pool
        only (``workers`` > 0)."""
        assert self.workers > 0
        self.start()
        assert self._pool is not None
        return self._pool.submit(func, job)

    async def run(self, job: SaveJob, timeout: float) -> SavedFeed:
        """Parse and store one feed; a worker that hangs past ``timeout`` (+ slack) fails just
        this feed."""
        loop = asyncio.get_running_loop()
        future: Awaitable[SavedFeed]
        if self.workers <= 0:
            future = asyncio.to_thread(parse_and_save, job)
        else:
            if self._starting is not None:  # start_soon's thread: wait off the event loop
                await asyncio.to_thread(self._wait_started)
            self.start()
            assert self._pool is not None
            future = loop.run_in_executor(self._pool, parse_and_save, job)
        try:
            async with asyncio.timeout(timeout + 5 if timeout > 0 else None):
                return await future
        except TimeoutError:
            raise FeedError(f"parsing took longer than {timeout:g} s (gave up)") from None
        except BrokenProcessPool:
            self.close(cancel=True)
            raise FeedError("the parser process died on this feed") from None

    def close(self, *, cancel: bool = False) -> None:
        """Stop the workers (at once, dropping queued work, when ``cancel``)."""
        self._wait_started()
        if self._pool is not None:
            self._pool.shutdown(wait=not cancel, cancel_futures=True)
            self._pool = None
            self._turn = None
