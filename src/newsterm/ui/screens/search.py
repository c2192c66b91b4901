"""Searching from the main screen: the search field, the worker, and leaving the results.

The field is mounted the first time it is opened: a start-up without it draws its first
frame sooner (the Input's styles and widgets cost about as much as a pane). The list follows
what is typed: a query that parses is searched ``debounce`` seconds after the last key, each
search supersedes the ones before it (their results are dropped), and Enter searches at once.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from newsterm.ui.widgets.article_rows import SearchRows

if TYPE_CHECKING:
    from textual.timer import Timer

    from newsterm.ui.messages import SearchFinished
    from newsterm.ui.screens.main import MainScreen
    from newsterm.ui.widgets.search_bar import SearchBar
    from newsterm.ui.workers import Interrupt


class Searcher:
    """The screen's search: while ``query`` is set the article list shows its results."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.query: str | None = None
        """The search whose results the list shows, or None."""
        self.debounce = 0.15
        """Seconds after the last key before what is typed is searched."""
        self._timer: Timer | None = None
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
        middle = self.screen.query_one("#middle")
        middle.remove_class("-searching")
        for bar in middle.query("#search"):
            bar.display = False

    def cancel(self) -> None:
        """Esc in the field: close it unless results are shown, and go back to the list."""
        self._stop_timer()
        if self.query is None:
            self.hide_bar()
        self.screen.articles.focus()

    def typed(self, value: str) -> None:
        """A key changed the field: search what it holds once typing pauses, if it parses (an
        unfinished query, such as an open phrase, waits for more keys)."""
        from newsterm.query import QueryError, parse

        self._stop_timer()
        query = value.strip()
        if not query:
            return
        try:
            parse(query)
        except QueryError:
            return
        self._timer = self.screen.set_timer(self.debounce, partial(self._start, query, True))

    def submit(self, value: str) -> None:
        self._stop_timer()
        query = value.strip()
        if not query:
            self.cancel()
            return
        self._start(query, False)

    def _stop_timer(self) -> None:
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
            ),
            thread=True,
            exclusive=True,  # (its SQLite query is interrupted; a late result is dropped)
            group="search",
            exit_on_error=False,
        )

    def finished(self, event: SearchFinished) -> None:
        if event.number != self._started:
            return  # superseded by a later search
        screen = self.screen
        if event.error:
            if not event.live:
                screen.notify(event.error, title="Search failed", severity="error", markup=False)
            return
        self.query = event.query
        screen.articles.set_rows(SearchRows(event.hits))
        screen.articles_changed()
        if not event.live:
            screen.articles.focus()

    def leave(self) -> None:
        """Go back from search results to the filter that was shown."""
        screen = self.screen
        keep = screen.articles.current_id
        self.bar.value = ""
        screen.apply_filter(screen.filter, screen.filter_title, keep_id=keep)
