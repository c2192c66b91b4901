"""The store's connection: opening and closing the cache, write transactions, checkpoints, a CPU
limit for the reads the UI thread tries itself, and the meta table's preferences."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Self

from newsterm.errors import CacheError
from newsterm.store import db


class TooSlow(Exception):
    """A read given up because it took more than its time (:meth:`Store.cpu_limit`)."""


class StoreBase:
    """The cache: one connection, used from one thread (what every part of ``Store`` shares)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._writing = False
        """Inside :meth:`write`: a nested write joins its transaction."""

    @classmethod
    def open(cls, path: Path) -> Self:
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

    def __enter__(self) -> Self:
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
