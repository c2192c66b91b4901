"""Writes to the cache run one after another on a dedicated thread with its own connection.

The UI thread never waits for SQLite's write lock (a refresh or a CLI may hold it), and two
quick keypresses (read, then unread) commit in the order they were pressed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from newsterm.errors import NewstermError
from newsterm.store import Store

Job = Callable[[Store], Any]
Done = Callable[[Any], object]
Failed = Callable[[str], object]


class StoreThread:
    """A single worker thread owning a Store; jobs run in submission order."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._local = threading.local()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsterm-store")

    def _store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.db_path)
            self._local.store = store
        return store

    def _run(self, job: Job, done: Done | None, failed: Failed | None) -> None:
        try:
            result = job(self._store())
        except NewstermError as exc:
            if failed is not None:
                failed(exc.message)
            return
        except Exception as exc:  # a write must never take the app down
            if failed is not None:
                failed(f"{type(exc).__name__}: {exc}")
            return
        if done is not None:
            done(result)

    def submit(
        self, job: Job, done: Done | None = None, failed: Failed | None = None
    ) -> Future[None]:
        """Queue ``job(store)``; ``done(result)`` or ``failed(message)`` runs on the thread."""
        return self._executor.submit(self._run, job, done, failed)

    def flush(self) -> None:
        """Wait until every queued job has run (tests, and before the app exits)."""
        try:
            self._executor.submit(lambda: None).result()
        except RuntimeError:
            return

    def _close(self) -> None:
        store: Store | None = getattr(self._local, "store", None)
        if store is not None:
            store.close()
            self._local.store = None

    def shutdown(self) -> None:
        """Finish queued writes and close the connection."""
        try:
            self._executor.submit(self._close)
        except RuntimeError:
            return
        self._executor.shutdown(wait=True)
