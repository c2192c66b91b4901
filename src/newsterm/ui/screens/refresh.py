"""Refreshing from the main screen: start the worker, show progress, reload as articles land.

Loaded on the first refresh (``MainScreen.refresher``), after the first frame, with the
workers, messages and status widget it imports.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from newsterm.config import Config
from newsterm.timefmt import counted
from newsterm.ui import workers
from newsterm.ui.messages import RefreshFailed, RefreshFinished, RefreshProgress, RefreshStarted
from newsterm.ui.widgets.refresh_status import RefreshStatus

if TYPE_CHECKING:
    from textual.timer import Timer

    from newsterm.ui.screens.main import MainScreen

RefreshMessage = RefreshStarted | RefreshProgress | RefreshFinished | RefreshFailed

REPORTED_KEY = "reported_failures"
"""Where the cache keeps the failures last told, as JSON [[title, error], ...]."""
RELOAD_DELAY = 0.5
"""Seconds between list reloads while new articles arrive (one reload per burst)."""
SCHEDULE_CHECK = 60.0
"""Seconds between the schedule's checks for sources whose ``refresh_every`` has passed."""


class Refresher:
    """The screen's refresh: one worker at a time; the screen forwards the messages it posts."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.on_start = False
        """The running refresh is the one on start (its failures are told once, not on every
        start while they stay the same)."""
        self._seen_new = 0
        self._reload_pending = False
        self._schedule: Timer | None = None

    @property
    def status(self) -> RefreshStatus:
        """The status bar's refresh status (mounted after the first frame: see
        ``MainScreen.panes_ready``)."""
        return self.screen.query_one(RefreshStatus)

    def schedule(self) -> None:
        """Start the one timer of the schedule (once): every ``SCHEDULE_CHECK`` seconds it
        looks for sources whose ``refresh_every`` has passed, and those due are refreshed
        together by the one refresh there ever is (:meth:`start_due`)."""
        if self._schedule is None:
            self._schedule = self.screen.set_interval(SCHEDULE_CHECK, self.check_due)

    def check_due(self, now: datetime | None = None) -> None:
        """Look for due sources (in a worker) unless a refresh is running."""
        screen = self.screen
        config = screen.newsterm.config
        if self.status.running or config is None or screen.newsterm.config_error is not None:
            return
        screen.run_worker(
            partial(
                workers.due_sources,
                screen.post_message,
                screen.store.path,
                config,
                now or datetime.now(UTC),
            ),
            thread=True,
            exclusive=True,
            group="schedule",
            exit_on_error=False,
        )

    def start_due(self, source_ids: list[int]) -> None:
        """Refresh the sources the schedule found due, unless a refresh started meanwhile
        (it fetches them too: never two fetches of one feed at once)."""
        if not self.status.running:
            self.start(reread=False, only=source_ids)

    def start(self, *, reread: bool = True, only: list[int] | None = None) -> None:
        """Refresh every source (or those whose ids are in ``only``), reading feeds.toml
        again first unless ``reread`` is False (the refresh on start: the app has just read
        it). A broken file shows a banner and refreshes what is cached."""
        screen = self.screen
        if self.status.running:
            screen.notify("A refresh is already running.", timeout=2)
            return
        app = screen.newsterm
        if reread:
            app.reload_config()
            screen.show_banner(app.config_banner())
        self._seen_new = 0
        self.on_start = not reread
        self.status.started(0)
        readable = app.config is not None and app.config_error is None
        screen.run_worker(
            partial(
                workers.refresh,
                screen.post_message,
                screen.store.path,
                app.config or Config(path=Path(app.config_path or "feeds.toml")),
                sync=readable,
                cancel=app.cancel_event,
                only=only,
            ),
            thread=True,
            exclusive=True,
            group="refresh",
            exit_on_error=False,
        )

    def handle(self, event: RefreshMessage) -> None:
        """Show a refresh message in the status bar; reload the list when new articles land."""
        status = self.status
        if isinstance(event, RefreshStarted):
            status.started(event.total)
        elif isinstance(event, RefreshProgress):
            status.progress(event.done, event.total, event.source_title, event.new_total)
            if event.new_total > self._seen_new and not self._reload_pending:
                self._reload_pending = True
                self.screen.set_timer(RELOAD_DELAY, self._reload)
            self._seen_new = event.new_total
        elif isinstance(event, RefreshFinished):
            status.finished(event.new, len(event.failed), event.cancelled)
            self._reload()
            if not event.cancelled:  # what the refresh's own pass left (an upgrade's backlog)
                self.screen.call_later(self.screen.analyse_backlog)
            self._report_failures(event.failed)
        else:
            status.failed(event.error)
            self.screen.notify(event.error, title="Refresh failed", severity="error", markup=False)

    def _reload(self) -> None:
        self._reload_pending = False
        self.screen.reload_list()

    def _report_failures(self, failures: list[tuple[str, str]]) -> None:
        """Tell the failures, except (on start) those told before and unchanged since: the
        cache remembers the last ones (an offline start does not toast them every time)."""
        screen = self.screen
        failed = failures
        if self.on_start:
            told = screen.store.get_meta(REPORTED_KEY)
            known = {tuple(pair) for pair in json.loads(told)} if told else set()
            failed = [pair for pair in failures if tuple(pair) not in known]
        current = json.dumps(sorted([list(pair) for pair in failures]))
        screen.newsterm.writer.submit(lambda store: store.set_meta(REPORTED_KEY, current))
        if not failed:
            return
        lines = [f"{title}: {error}" for title, error in failed[:5]]
        if len(failed) > 5:
            lines.append(f"… and {len(failed) - 5} more (see the sources pane)")
        self.screen.notify(
            "\n".join(lines),
            title=f"{counted(len(failed), 'source')} failed",
            severity="warning",
            markup=False,
            timeout=8,
        )
