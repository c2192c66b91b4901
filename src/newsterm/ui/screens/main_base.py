"""The main screen's state and its panes as the rest of it reaches them: the filter shown, the
article list's heading, the sources and counts read in a worker, the banner.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from functools import cached_property, partial
from typing import TYPE_CHECKING, cast

from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from newsterm.models import Article
from newsterm.store import ArticleFilter, Store
from newsterm.ui.screens.list_heading import list_heading
from newsterm.ui.screens.main_keys import PANE_TITLES, PANES
from newsterm.ui.screens.search import Searcher
from newsterm.ui.widgets.article_list import ArticleList
from newsterm.ui.widgets.article_rows import FilterRows

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from newsterm.config import Config
    from newsterm.ui.app import NewstermApp
    from newsterm.ui.screens.article_actions import ArticleActions
    from newsterm.ui.screens.main import MainScreen
    from newsterm.ui.screens.refresh import Refresher
    from newsterm.ui.sources_read import SourcesLoaded
    from newsterm.ui.widgets.article_reader import ArticleReader
    from newsterm.ui.widgets.contacts_pane import ContactsPane
    from newsterm.ui.widgets.quotes_pane import QuotesPane
    from newsterm.ui.widgets.source_list import SourceList


class MainScreenBase(Screen[None]):
    """What the main screen holds, and the list and sources it shows."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        """The UI thread's connection (small indexed queries only)."""
        self.filter = ArticleFilter()
        """The articles the list shows (outside search)."""
        self.filter_title = "All"
        self.unread_only = False
        """The ``u`` switch, kept across sources."""
        self.opened: Article | None = None
        """The article in the reader."""
        self.source_count = 0
        self.show_ignored = False
        """The ``I`` switch: show what feeds.toml's ``[[ignore]]`` queries hide."""
        self.ignored_count = 0
        """Articles those queries hide (as last counted)."""
        self.source_errors: dict[int, str] = {}
        """The last error of each source whose last refresh failed."""
        self.searcher = Searcher(cast("MainScreen", self))  # (each layer is a MainScreen's)
        self._panes_mounted: asyncio.Task[None] | None = None
        self._panes_ready = False
        self._first_sources: asyncio.Future[list[Message]] | None = None
        """The first read of the sources (``load_sources``), shown with the panes."""
        self._keys_after_open: list[Callable[[], Awaitable[None]]] = []
        """Keys typed while an Enter's article was opening (and back and pane actions asked
        for then), replayed in order once it is shown."""
        self._replaying = False
        """One of ``_keys_after_open`` is acting now (the keys after it still wait)."""
        self._resumed = False
        self._holding_frame = False
        """True while the panes are mounted in their batch (see ``_compositor_refresh``)."""

    @property
    def newsterm(self) -> NewstermApp:
        return cast("NewstermApp", self.app)

    @property
    def config(self) -> Config | None:
        """The app's feeds.toml: None until read (as the screen mounts), or when broken."""
        return self.newsterm.config

    @cached_property
    def article_actions(self) -> ArticleActions:
        """Read, star, links and full text (loaded on first use)."""
        from newsterm.ui.screens.article_actions import ArticleActions

        return ArticleActions(cast("MainScreen", self))

    @cached_property
    def refresher(self) -> Refresher:
        """The refresh and its progress (loaded on first use)."""
        from newsterm.ui.screens.refresh import Refresher

        return Refresher(cast("MainScreen", self))

    @property
    def search_query(self) -> str | None:
        """The search whose results the list shows, or None."""
        return self.searcher.query

    @property
    def articles(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    @property
    def sources(self) -> SourceList:
        """The sources pane (mounted as the screen mounts: see ``panes_ready``)."""
        from newsterm.ui.widgets.source_list import SourceList

        return self.query_one("#sources", SourceList)

    @property
    def reader(self) -> ArticleReader:
        """The reader (mounted as the screen mounts: see ``panes_ready``)."""
        from newsterm.ui.widgets.article_reader import ArticleReader

        return self.query_one("#reader", ArticleReader)

    @property
    def quotes(self) -> QuotesPane:
        """The quotations pane (mounted as the screen mounts: see ``panes_ready``)."""
        from newsterm.ui.widgets.quotes_pane import QuotesPane

        return self.query_one("#quotes", QuotesPane)

    @property
    def contacts(self) -> ContactsPane:
        """The contacts pane (mounted as the screen mounts: see ``panes_ready``)."""
        from newsterm.ui.widgets.contacts_pane import ContactsPane

        return self.query_one("#contacts", ContactsPane)

    @staticmethod
    def _title_pane(widget: Widget, pane: str) -> None:
        number = PANES.index(pane) + 1
        widget.border_title = Content(f"{number} {PANE_TITLES[pane]}")

    def focus_now(self, widget: Widget) -> None:
        """Focus ``widget`` at once, when it can take the focus: ``Widget.focus`` moves it on a
        later turn of the app's queue, after the keys already typed, which would then act on
        the pane being left (``1 j j j Enter`` typed in one burst opened an article)."""
        if widget.focusable:
            self.set_focus(widget)
        else:  # (a pane being shown takes it once its styles show it)
            widget.focus()

    def show_banner(self, message: str | None) -> None:
        """Show (or hide, with None) a one-line problem above the panes
        (``NewstermApp.config_banner``)."""
        found = self.query("#banner")
        if not found and not message:
            return
        if found:
            banner = found.first(Static)
        else:  # made the first time there is a problem to show
            banner = Static(Content(""), id="banner", markup=False)
            self.mount(banner, before="#panes")
        banner.set_class(bool(message), "-visible")
        if message:
            banner.update(Content(f"⚠ {message}"))

    def articles_changed(self) -> None:
        """Update the list's title and its empty message."""
        articles = self.articles
        title, empty = list_heading(
            articles.count,
            search_query=self.search_query,
            flt=self.filter,
            filter_title=self.filter_title,
            unread_only=self.unread_only,
            source_count=self.source_count,
            config_path=self.newsterm.config_path,
            ignored=self.ignored_count,
            show_ignored=self.show_ignored,
            source_error=self.source_errors.get(self.filter.source_id or 0),
            newest_only=self.searcher.newest_only,
        )
        articles.border_title = Content(title)
        articles.empty_message = Content(empty)
        articles.refresh()

    def apply_filter(self, flt: ArticleFilter, title: str, *, keep_id: int | None = None) -> None:
        """Show a filter's articles (leaving search)."""
        self.searcher.query = None
        self.searcher.hide_bar()
        self.filter = replace(
            flt, unread_only=self.unread_only or flt.unread_only, hide=self.hidden_queries()
        )
        self.filter_title = title
        self.articles.set_rows(self.filter_rows(), keep_id=keep_id)
        self.articles_changed()

    def filter_rows(self) -> FilterRows:
        """The list's rows for the filter shown, coloured by feeds.toml's highlight rules."""
        highlights = self.config.highlight if self.config is not None else ()
        return FilterRows(self.store, self.filter, highlights)

    def hidden_queries(self) -> tuple[str, ...]:
        """The ``[[ignore]]`` queries the lists leave out (none while ``I`` shows them)."""
        if self.show_ignored or self.config is None:
            return ()
        return self.config.ignore

    def load_sources(self, sync: Config | None = None) -> None:
        """Read sources and counts in a thread (counting 100k rows is not for the UI thread).

        The first read, as the screen mounts, is awaited by ``mount_panes``, so that the sources
        come in the same frame as the panes; the later ones run as workers and post their
        results."""
        from newsterm.ui.sources_read import load_sources

        views = self.config.views if self.config is not None else ()
        read = partial(load_sources, db_path=self.store.path, sync=sync, views=views)
        read = partial(read, hide=self.hidden_queries())
        if self._panes_mounted is None and self._first_sources is None:
            posted: list[Message] = []
            self._first_sources = asyncio.get_running_loop().run_in_executor(
                None, lambda: (read(posted.append), posted)[1]
            )
            return
        self.run_worker(
            partial(read, self.post_message),
            thread=True,
            exclusive=True,
            group="sources",
            exit_on_error=False,
        )

    def show_sources(self, event: SourcesLoaded) -> None:
        """Show the sources and counts a worker read (``load_sources``)."""
        first = self.source_count == 0 and event.sources
        self.source_count = len(event.sources)
        self.ignored_count = event.ignored
        self.source_errors = {s.id: s.last_error for s in event.sources if s.last_error}
        names = [len(s.title or s.location) for s in event.sources if s.total]  # (in the list)
        self.articles.set_source_names(max(names) if len(names) > 1 else 0)
        self.sources.show_sources(
            event.sources,
            total=event.total,
            unread=event.unread,
            starred=event.starred,
            views=event.views,
        )
        from newsterm.ui.widgets.refresh_status import RefreshStatus  # (not the refresher yet)

        self.query_one(RefreshStatus).waiting(event.waiting)
        if first and self.articles.count == 0:
            self.articles.reload()
        self.articles_changed()
