"""Searching from the main screen: the search field, the worker, and leaving the results.

The field is mounted the first time it is opened: a start-up without it draws its first
frame sooner (the Input's styles and widgets cost about as much as a pane). The list follows
what is typed: its last word searched as a prefix once it has ``MIN_PREFIX`` letters (shorter,
it is left out and the field says so), newest matches first, a screenful (a cost of the rows
listed, not of the rows matched: bench/views.py). The search starts once the keys already
queued are handled (``debounce``: a burst of keys starts one search), each search supersedes
and interrupts the ones before it (their results are dropped), and Enter searches at once,
every match, best first.

A search as typed runs on the UI thread, on the screen's own connection, when it is cheap:
it is given ``HERE_CPU`` of CPU and the list takes its rows before the next frame is drawn,
so that frame shows the key and its results together (a worker's result arrives a frame or
more later). A search that needs more is given up and handed to a worker, as Enter's are,
with what it learnt of the query's plan (the worker does not read that again).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from newsterm.ui.widgets.article_rows import SearchRows

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.timer import Timer

    from newsterm.store.results import SearchHit
    from newsterm.store.search import Plan
    from newsterm.ui.messages import SearchFinished
    from newsterm.ui.screens.main import MainScreen
    from newsterm.ui.widgets.search_bar import SearchBar
    from newsterm.ui.workers import Interrupt

HERE_CPU = 0.008
"""Seconds of CPU a search as typed may take on the UI thread before it goes to a worker
(half a frame at 60 Hz; the worst 3-letter prefix on 100,000 articles takes 6 ms)."""


class Searcher:
    """The screen's search: while ``query`` is set the article list shows its results."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.query: str | None = None
        """The search whose results the list shows, or None."""
        self.debounce = 0.0
        """Seconds after the last key before what is typed is searched (0: as soon as the
        keys already queued are handled, each of which restarts the wait)."""
        self.newest_only = False
        """The list shows a search as typed (its newest matches), not every match."""
        self._timer: Timer | None = None
        self._pending: str | None = None
        """What was typed last, not searched yet."""
        self._queued = False
        """A search of ``_pending`` is queued after the keys already queued."""
        self._started = 0
        """Searches started so far: a result answering an earlier one is dropped."""
        self._stop: Interrupt | None = None
        """Interrupts the running search's query."""

    @property
    def bar(self) -> SearchBar:
        from newsterm.ui.widgets.search_bar import SearchBar

        return self.screen.query_one("#search", SearchBar)

    async def open(self) -> None:
        """Show the search field (mounting it the first time) and focus it."""
        screen = self.screen
        screen.newsterm.load_pane_styles()
        middle = screen.query_one("#middle")
        if not middle.query("#search"):
            from newsterm.ui.widgets.search_bar import SearchBar

            await middle.mount(SearchBar(id="search"), before="#articles")
        middle.add_class("-searching")
        if screen.maximized is not None:
            screen.minimize()
        # Focus now (Widget.focus waits for the keys already queued): the keys typed right
        # after "/" must reach the field, which "/" being a priority binding makes possible.
        self.bar.display = True
        screen.set_focus(self.bar)

    def hide_bar(self) -> None:
        """Close the field; a search still running is dropped when it ends."""
        self._stop_timer()
        self._started += 1
        self._interrupt()
        from newsterm.ui.widgets.search_bar import SearchBar

        middle = self.screen.query_one("#middle")
        for held in middle.query(SearchBar):
            held.release()
        middle.remove_class("-searching")
        for bar in middle.query("#search"):
            bar.display = False
            bar.border_subtitle = ""  # (the prefix hint belongs to what was typed)

    def cancel(self) -> None:
        """Esc in the field: close it unless results are shown, and go back to the list."""
        self._stop_timer()
        if self.query is None:
            self.hide_bar()
        self.screen.focus_now(self.screen.articles)

    def typed(self, value: str) -> None:
        """A key changed the field: search what it holds once the keys already queued are
        handled (a burst starts one search), if it parses (an unfinished query, such as an
        open phrase, waits for more keys)."""
        from newsterm.query import QueryError, parse
        from newsterm.query.typed import MIN_PREFIX, as_typed

        self._stop_timer()
        try:
            query, short = as_typed(value)
            self.bar.border_subtitle = f"{MIN_PREFIX} letters search a prefix" if short else ""
            if not query:
                return
            try:
                parse(query)
            except QueryError:
                return
            self._pending = query
            if self.debounce > 0:
                self._timer = self.screen.set_timer(self.debounce, self._start_pending)
            elif not self._queued:
                self._queued = True
                self.screen.call_later(self._start_pending)
        finally:
            if not self._queued:
                self.bar.release()  # (else once the search has started)

    def _start_pending(self) -> None:
        """Search what was typed last (the keys before it started nothing)."""
        self._queued = False
        query, self._pending = self._pending, None
        try:
            if query is not None:
                self._start(query, True)
        finally:
            self.bar.release()  # the frame shows the keys and, if searched here, the list

    def submit(self, value: str) -> None:
        self._stop_timer()
        self.bar.border_subtitle = ""
        query = value.strip()
        if not query:
            self.cancel()
            return
        self._start(query, False)

    def _stop_timer(self) -> None:
        self._pending = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _interrupt(self) -> None:
        """Give up the running search (a later one supersedes it, or the field closed)."""
        if self._stop is not None:
            self._stop.interrupt()
            self._stop = None

    def _start(self, query: str, live: bool) -> None:
        from newsterm.ui import workers  # (loaded after the first frame)

        self._timer = None
        self._started += 1
        self._interrupt()
        plan = None
        if live:
            from newsterm.store.search import Plan

            plan = Plan()
            if self._search_here(query, plan):
                return
        self._stop = workers.Interrupt()
        screen = self.screen
        screen.run_worker(
            partial(
                workers.search,
                screen.post_message,
                screen.store.path,
                query,
                screen.hidden_queries(),
                self._started,
                live,
                self._stop,
                plan,
            ),
            thread=True,
            exclusive=True,  # (its SQLite query is interrupted; a late result is dropped)
            group="search",
            exit_on_error=False,
        )

    def _search_here(self, query: str, plan: Plan) -> bool:
        """Search as typed on the UI thread if it takes at most ``HERE_CPU``; False when it
        did not (too slow, or it failed: the worker it is handed to reports that). What it
        learnt before it gave up is in ``plan``, for the worker."""
        from newsterm.ui.workers import LIVE_ROWS

        screen = self.screen
        store = screen.store
        hide = screen.hidden_queries()
        try:
            with store.cpu_limit(HERE_CPU):
                hits = store.search_newest(query, limit=LIVE_ROWS, hide=hide, plan=plan)
        except Exception:
            return False
        self._show(query, hits, live=True)
        return True

    def finished(self, event: SearchFinished) -> None:
        if event.number != self._started:
            return  # superseded by a later search
        if event.error:
            if not event.live:
                self.screen.notify(
                    event.error, title="Search failed", severity="error", markup=False
                )
            return
        self._show(event.query, event.hits, event.live)

    def _show(self, query: str, hits: Sequence[SearchHit], live: bool) -> None:
        """List a search's results (``live``: as typed, the field keeps the focus)."""
        screen = self.screen
        self.query = query
        self.newest_only = live
        screen.articles.set_rows(SearchRows(hits))
        screen.articles_changed()
        screen.articles.repaint_in_next_frame()  # (the frame that shows the key)
        if not live:
            screen.focus_now(screen.articles)

    def leave(self) -> None:
        """Go back from search results to the filter that was shown."""
        screen = self.screen
        keep = screen.articles.current_id
        self.bar.value = ""
        screen.apply_filter(screen.filter, screen.filter_title, keep_id=keep)
