"""Thread-worker bodies: each opens its own connection, calls the core and only posts messages.

The screen starts them with ``run_worker(partial(...), thread=True, ...)``; nothing here touches
a widget, so every widget and reactive change stays in an ``@on`` handler on the UI thread.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from newsterm.config import Config, Settings
from newsterm.errors import NewstermError
from newsterm.store import Store
from newsterm.ui.messages import (
    AnalysisFinished,
    AnalysisProgress,
    FullTextFinished,
    RefreshFailed,
    RefreshFinished,
    RefreshProgress,
    RefreshStarted,
    SearchFinished,
    SourcesDue,
    StoreFailed,
)
from newsterm.ui.sources_read import Post

if TYPE_CHECKING:
    from newsterm.store.search import Plan as SearchPlan


SEARCH_LIMIT = 500
LIVE_ROWS = 50
"""Rows a search as typed lists: its newest matches, more than a screen holds."""


class Interrupt:
    """Stops one worker's SQLite query from the UI thread: a superseded search's work is
    given up (``sqlite3.Connection.interrupt``), not only its result dropped."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self.interrupted = False

    def attach(self, conn: sqlite3.Connection) -> bool:
        """The worker's connection; False when already interrupted (do no work)."""
        with self._lock:
            self._conn = conn
            return not self.interrupted

    def detach(self) -> None:
        with self._lock:
            self._conn = None

    def interrupt(self) -> None:
        with self._lock:
            self.interrupted = True
            if self._conn is not None:
                self._conn.interrupt()


def search(
    post: Post,
    db_path: Path,
    query: str,
    hide: tuple[str, ...] = (),
    number: int = 0,
    live: bool = False,
    stop: Interrupt | None = None,
    plan: SearchPlan | None = None,
) -> None:
    """Search with the query language (FTS5 can take a while on big caches): ``live`` (as
    typed) its newest ``LIVE_ROWS`` matches, else every match best first; what ``hide``
    matches is left out. ``number`` and ``live`` go back with the result; once ``stop`` is
    interrupted the search ends at once and posts nothing. ``plan``: what the UI thread's
    try of a search as typed learnt before it gave up (not read again)."""
    stop = stop or Interrupt()
    try:
        with Store.open(db_path) as store:
            if not stop.attach(store.conn):
                return
            try:
                if live:  # newest first: costs the rows listed, not the rows matched
                    hits = store.search_newest(query, limit=LIVE_ROWS, hide=hide, plan=plan)
                else:
                    hits = store.search(query, limit=SEARCH_LIMIT, hide=hide)
            finally:
                stop.detach()
    except Exception as exc:
        if not stop.interrupted:
            post(SearchFinished(query, [], error=str(exc), number=number, live=live))
        return
    if not stop.interrupted:
        post(SearchFinished(query, hits, number=number, live=live))


def full_text(
    post: Post,
    db_path: Path,
    article_id: int,
    settings: Settings,
    untrusted: frozenset[str] = frozenset(),
) -> None:
    """Fetch one article's page through the ingest API (``untrusted``: imported feed URLs)."""
    from newsterm.ingest.fulltext import fetch_full_text

    try:
        with Store.open(db_path) as store:
            outcome = fetch_full_text(store, article_id, settings, untrusted=untrusted)
    except NewstermError as exc:
        post(FullTextFinished(article_id, exc.message))
        return
    except Exception as exc:  # a failed fetch must never take the app down
        post(FullTextFinished(article_id, f"{type(exc).__name__}: {exc}"))
        return
    post(FullTextFinished(article_id, outcome.error, outcome.paragraphs))


def due_sources(post: Post, db_path: Path, config: Config, now: datetime) -> None:
    """The schedule's check: post :class:`SourcesDue` when some source's ``refresh_every``
    has passed at ``now`` (nothing when none has, or the cache cannot be read)."""
    from newsterm.ingest.schedule import due

    try:
        with Store.open(db_path) as store:
            found = due(config, store.sources(), now, scheduled=True)
    except NewstermError:
        return  # the next check, or a refresh asked for, reports it
    if found:
        post(SourcesDue([s.id for s in found]))


def refresh(
    post: Post,
    db_path: Path,
    config: Config,
    *,
    sync: bool,
    cancel: threading.Event,
    only: Sequence[int] | None = None,
) -> None:
    """Refresh every source (or those whose ids are in ``only``) with the shared ingest API,
    as ``newsterm refresh`` does."""
    from newsterm.ingest import service
    from newsterm.ingest.outcomes import SourceOutcome

    worker = get_current_worker()
    new_total = 0
    try:
        with Store.open(db_path) as store:
            sources = service.sync_sources(store, config) if sync else store.sources()
            if only is not None:
                sources = [s for s in sources if s.id in only]
            post(RefreshStarted(len(sources)))

            def progress(outcome: SourceOutcome, done: int, total: int) -> None:
                nonlocal new_total
                new_total += outcome.new
                post(RefreshProgress(done, total, outcome.source.display_title, new_total))

            report = service.refresh(
                store,
                sources,
                config,
                progress=progress,
                cancel=cancel,
                analyse=True,
                analysis_progress=lambda done, total: post(AnalysisProgress(done, total)),
            )
    except NewstermError as exc:
        post(RefreshFailed(exc.message))
        return
    except Exception as exc:  # never let a refresh take the app down
        post(RefreshFailed(f"{type(exc).__name__}: {exc}"))
        return
    failed = [(o.source.display_title, o.error or "") for o in report.failed]
    post(RefreshFinished(report.new, report.updated, failed, cancelled=worker.is_cancelled))


CHECKED_KEY = "analysis-checked-by"
"""meta: the newsterm version whose analysis last went over the whole cache in the app."""


def analyse_backlog(post: Post, db_path: Path, cancel: threading.Event) -> None:
    """Analyse the articles the current analysis has not seen (a CLI refresh's, or all of them
    after an upgrade), in worker processes: the UI thread keeps the interpreter to itself.

    Loading the analysis to read its version holds the interpreter for a few tenths of a
    second, so it is skipped when no article waits for a first analysis and this version of
    newsterm has been over the cache before (``newsterm reanalyse`` and every refresh with
    new articles check the version itself).
    """
    from newsterm import __version__

    try:
        with Store.open(db_path) as store:
            store.index_pending()  # what a killed refresh left unsearchable
            if not store.has_unanalysed() and store.get_meta(CHECKED_KEY) == __version__:
                return
            from newsterm.extract import ANALYSIS_VERSION
            from newsterm.ingest import backlog
            from newsterm.ingest.parse_pool import ParsePool, default_workers

            done = 0
            if store.count_unanalysed(ANALYSIS_VERSION):
                pool = ParsePool(default_workers(), analysis=True)
                try:
                    done = backlog.finish(
                        db_path,
                        pool=pool,
                        progress=lambda done, total: post(AnalysisProgress(done, total)),
                        cancel=cancel,
                        background=True,
                    )
                finally:
                    pool.close(cancel=cancel.is_set())
                store.checkpoint()
            if not cancel.is_set():
                store.set_meta(CHECKED_KEY, __version__)
    except Exception as exc:  # the analysis must never take the app down
        post(AnalysisFinished(0, f"{type(exc).__name__}: {exc}"))
        return
    post(AnalysisFinished(done))


PEOPLE_LIMIT = 500
"""People the people screen lists (the most widely quoted; the filter reaches the rest)."""


def load_people(post: Post, db_path: Path) -> None:
    """Read the whole people index, with its counts (the screen filters it as typed)."""
    from newsterm.extract import ANALYSIS_VERSION
    from newsterm.extract.people import merge_names
    from newsterm.ui.messages import PeopleLoaded

    try:
        with Store.open(db_path) as store:
            aliases = merge_names(store.person_names())
            found = store.people(aliases, limit=None, details=False)
            waiting = store.count_unanalysed(ANALYSIS_VERSION)
    except (NewstermError, sqlite3.Error) as exc:
        post(StoreFailed(getattr(exc, "message", str(exc))))
        return
    post(PeopleLoaded(found, aliases, waiting))


def load_person_quotes(post: Post, db_path: Path, name: str, spellings: list[str]) -> None:
    """Read one person's quotations (every spelling the people index merged), newest first."""
    from newsterm.ui.messages import PersonQuotesLoaded

    try:
        with Store.open(db_path) as store:
            hits = store.quotations(person=spellings, limit=PEOPLE_LIMIT)
    except (NewstermError, sqlite3.Error) as exc:
        post(StoreFailed(getattr(exc, "message", str(exc))))
        return
    post(PersonQuotesLoaded(name, hits))
