"""The main screen: five panes that talk to each other only through this screen.

The screen coordinates; the work behind its keys lives beside it: ``article_actions``
(read, star, link, full text), ``search`` and ``refresh`` (their workers are in ``ui.workers``),
and the command palette in ``ui.commands``.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from functools import cached_property, partial
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static

from newsterm.models import Article
from newsterm.store import ArticleFilter, Store
from newsterm.timefmt import counted
from newsterm.ui.screens.list_heading import list_heading
from newsterm.ui.screens.main_keys import MAIN_BINDINGS, PANE_TITLES, PANES
from newsterm.ui.screens.search import Searcher
from newsterm.ui.screens.unread import unread_target
from newsterm.ui.widgets.article_list import ArticleList
from newsterm.ui.widgets.article_rows import FilterRows
from newsterm.ui.widgets.boxes import Box

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from newsterm.config import Config
    from newsterm.ui.app import NewstermApp
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
        StoreWritten,
    )
    from newsterm.ui.screens.article_actions import ArticleActions
    from newsterm.ui.screens.people import QuotePlace
    from newsterm.ui.screens.refresh import Refresher
    from newsterm.ui.sources_read import SourcesLoaded, StoreFailed
    from newsterm.ui.widgets.article_reader import ArticleReader, LinkLine
    from newsterm.ui.widgets.contacts_pane import ContactsPane
    from newsterm.ui.widgets.quotes_pane import QuotesPane
    from newsterm.ui.widgets.search_bar import SearchBar
    from newsterm.ui.widgets.source_list import SourceList

WIDE = 120
"""Columns from which the panes sit side by side."""
SHORT = 32
"""Rows under which quotes and contacts show only when focused (narrow layout)."""
TINY = 20
"""Rows under which the list keeps one row while the reader is focused (narrow layout)."""


def narrow_footer(width: int) -> bool:
    """Whether the status bar's keys are compact at this width: tighter, and no ^p hint."""
    return width < WIDE


def layout_classes(width: int, height: int) -> list[str]:
    """The classes of #panes for a terminal size: side by side or stacked, and short."""
    classes = ["-wide" if width >= WIDE else "-narrow"]
    if height < SHORT:
        classes.append("-short")
    if height < TINY:
        classes.append("-tiny")
    return classes


class MainScreen(Screen[None]):
    """Sources, articles, reader, quotations and contacts."""

    BINDINGS = MAIN_BINDINGS
    BLANK = True
    """Its panes and bars cover it: its own lines are drawn as blank (see ``ui.widgets.boxes``)."""

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
        self.searcher = Searcher(self)
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

        return ArticleActions(self)

    @cached_property
    def refresher(self) -> Refresher:
        """The refresh and its progress (loaded on first use)."""
        from newsterm.ui.screens.refresh import Refresher

        return Refresher(self)

    @property
    def search_query(self) -> str | None:
        """The search whose results the list shows, or None."""
        return self.searcher.query

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The layout classes are set here rather than on mount: changing a class on #panes
        # restyles every pane, which cost the first frame as much as composing two of them.
        # The article list is composed; every other pane is mounted as the screen mounts
        # (mount_panes) into a box laid out from the start, drawn as the empty pane it becomes.
        width, height = self.app.size
        yield Box(id="header-box")  # the TitleBar
        with Box(id="panes", classes=" ".join(layout_classes(width, height))):
            yield self._box("sources")  # the SourceList
            with Box(id="middle"):  # the search field goes on top when first opened
                yield ArticleList(id="articles", clock=self.newsterm.clock)
            with Box(id="right"):
                yield self._box("reader")  # the ArticleReader
                yield Box(id="extras")  # the quotations and contacts
        yield Box(id="statusbar")  # the keys, the refresh status and the help hint

    def _box(self, pane: str) -> Widget:
        """The box a pane is mounted in place of: its size, border and title, empty."""
        box = Box(id=f"{pane}-box", classes="pane-box")
        self._title_pane(box, pane)
        return box

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

    def on_mount(self) -> None:
        # The whole screen is what a reader waits for, so nothing waits for the first frame:
        # feeds.toml is read (its ignore and highlight rules shape the list, read once), a
        # worker reads the sources and their counts, and the other panes are mounted into
        # their boxes meanwhile (mount_panes), in the first frame or the one after.
        self._title_pane(self.articles, "articles")
        self.settle_config()
        self.apply_filter(self.filter, self.filter_title)
        self.articles.focus()
        self.mount_panes()

    def settle_config(self) -> None:
        """Act on feeds.toml once the app has read it: its problem in the banner, its sources
        synced with the cache's (and counted), and a refresh if it asks for one."""
        config = self.newsterm.settle_config()
        self.show_banner(self.newsterm.config_banner())
        self.load_sources(sync=config)
        if config is not None and config.settings.refresh_on_start:
            self.after_panes(self.action_refresh, reread=False)
        else:  # (a refresh analyses the backlog after its feeds, and then what is left)
            self.after_panes(self.analyse_backlog)
        if config is not None:
            from newsterm.ingest.schedule import has_schedule

            if has_schedule(config):
                self.refresher.schedule()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles a resuming screen and all it holds, for styles that changed while
        # it was covered. On the first resume nothing has: every widget was styled as it was
        # mounted, a moment before. (This handler runs before Screen's own.)
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def _compositor_refresh(self) -> None:
        # While the panes are mounted (in one batch, spanning several turns of the loop), each
        # layout refresh (the screen's resume, the terminal's size events) schedules a frame
        # that Textual renders in full and then drops (``App._display`` draws nothing in a
        # batch): the start-up rendered the whole screen twice. The frame is left for after
        # that batch (``_mount_panes`` asks for it).
        if self._holding_frame and self.app._batch_count:
            self._repaint_required = True
            return
        super()._compositor_refresh()

    @staticmethod
    def _title_pane(widget: Widget, pane: str) -> None:
        number = PANES.index(pane) + 1
        widget.border_title = Content(f"{number} {PANE_TITLES[pane]}")

    def mount_panes(self) -> asyncio.Task[None]:
        """Mount the panes the screen does not compose, in place of their boxes: the header,
        sources, reader, quotations, contacts and footer (the first call does)."""
        if self._panes_mounted is None:
            self._panes_mounted = asyncio.create_task(self._mount_panes())
        return self._panes_mounted

    async def _mount_panes(self) -> None:
        from newsterm.ui.sources_read import SourcesLoaded
        from newsterm.ui.widgets.article_reader import ArticleReader
        from newsterm.ui.widgets.contacts_pane import ContactsPane
        from newsterm.ui.widgets.help_hint import HelpHint
        from newsterm.ui.widgets.key_bar import KeyBar
        from newsterm.ui.widgets.quotes_pane import QuotesPane
        from newsterm.ui.widgets.refresh_status import RefreshStatus
        from newsterm.ui.widgets.source_list import SourceList
        from newsterm.ui.widgets.title_bar import TitleBar

        self.newsterm.load_pane_styles()
        narrow = narrow_footer(self.app.size.width)
        panes: dict[str, Widget] = {
            "sources": SourceList(id="sources"),
            "reader": ArticleReader(id="reader"),
            "quotes": QuotesPane(id="quotes"),
            "contacts": ContactsPane(id="contacts"),
        }
        for name, pane in panes.items():
            self._title_pane(pane, name)
        footer = KeyBar(compact=narrow, id="keys")
        header_box = self.query_one("#header-box")
        sources_box = self.query_one("#sources-box")
        reader_box = self.query_one("#reader-box")
        self._holding_frame = True
        try:
            with self.app.batch_update():  # one frame swaps every box for its pane
                await asyncio.gather(
                    self.mount(TitleBar(id="header"), before=header_box),
                    self.query_one("#panes").mount(panes["sources"], before=sources_box),
                    self.query_one("#right").mount(panes["reader"], before=reader_box),
                    self.query_one("#extras").mount(panes["quotes"], panes["contacts"]),
                    self.query_one("#statusbar").mount(
                        footer,
                        RefreshStatus(id="refresh-status"),
                        HelpHint(id="help-hint"),
                    ),
                    header_box.remove(),
                    sources_box.remove(),
                    reader_box.remove(),
                )
                self._panes_ready = True
                if self._first_sources is not None:  # read while the panes were mounted
                    try:
                        messages = await self._first_sources
                    except (
                        Exception
                    ):  # (as a worker's, with exit_on_error off: the pane stays empty)
                        messages = []
                    for message in messages:
                        if isinstance(message, SourcesLoaded):
                            self.show_sources(message)
                        else:
                            self.post_message(message)
        finally:
            self._holding_frame = False
            self.refresh()  # (the frame held meanwhile)
        self._layout(self.size.width, self.size.height)  # (in case it was resized meanwhile)
        # That frame now, not on the screen's next update tick (up to 1/60 s later): what
        # the tick would call.
        self._on_timer_update()

    def focus_now(self, widget: Widget) -> None:
        """Focus ``widget`` at once, when it can take the focus: ``Widget.focus`` moves it on a
        later turn of the app's queue, after the keys already typed, which would then act on
        the pane being left (``1 j j j Enter`` typed in one burst opened an article)."""
        if widget.focusable:
            self.set_focus(widget)
        else:  # (a pane being shown takes it once its styles show it)
            widget.focus()

    def after_panes(self, callback: Callable[..., object], *args: object, **kwargs: object) -> None:
        """Call ``callback`` once every pane is mounted, without holding this screen's messages
        meanwhile (as awaiting ``panes_ready`` in a handler would: a key typed during the
        start-up would wait for the panes, and for the start-up's own work before it)."""
        if self._panes_ready:
            self.call_later(callback, *args, **kwargs)
            return
        self.mount_panes().add_done_callback(lambda _: self.call_later(callback, *args, **kwargs))

    async def panes_ready(self) -> None:
        """Wait until every pane is mounted (a key typed during the start-up can ask for one
        before they are)."""
        if not self._panes_ready:
            await self.mount_panes()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "/" is a priority binding (see main_keys): in the search field it is typed, not bound
        return not (action == "search" and self.focused is not None and self.focused.id == "search")

    def on_resize(self) -> None:
        self._layout(self.size.width, self.size.height)

    def _layout(self, width: int, height: int) -> None:
        panes = self.query_one("#panes")
        wanted = layout_classes(width, height)
        for name in ("-wide", "-narrow", "-short", "-tiny"):
            panes.set_class(name in wanted, name)
        if not self._panes_ready:
            return  # the footer is made for the size of the moment (mount_panes)
        from newsterm.ui.widgets.key_bar import KeyBar

        self.query_one(KeyBar).compact = narrow_footer(width)

    def on_descendant_focus(self) -> None:
        focused = self.focused
        extras = self.query_one("#extras")
        in_extras = focused is not None and extras in focused.ancestors_with_self
        reading = focused is not None and focused.id == "reader"
        panes = self.query_one("#panes")
        panes.set_class(in_extras, "-extras")
        panes.set_class(reading, "-reading")  # the focused reader takes the room (stacked)

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

    # -- the article list -------------------------------------------------------------------

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

    def reload_list(self) -> None:
        """Re-read the list (search results stay as they are) and the sources' counts."""
        if self.search_query is None:
            self.articles.reload()
            self.articles_changed()
        self.load_sources()

    # (handled by name, as are the quotations' and contacts' messages and the reader's links:
    # the panes' modules load as the panes are mounted)
    def on_source_list_chosen(self, event: SourceList.Chosen) -> None:
        self.apply_filter(event.choice.filter, event.choice.title)
        if event.activate:
            self.focus_now(self.articles)

    @on(ArticleList.Selected)
    async def article_selected(self, event: ArticleList.Selected) -> None:
        try:
            await self.open_article(event.article_id, focus_reader=event.focus_reader)
        finally:
            if event.focus_reader:  # Enter, counted by the list: done once the focus moved
                self.app.call_later(self._opened_by_key)

    async def _opened_by_key(self) -> None:
        self.articles.opening -= 1
        await self._replay_keys()

    async def _replay_keys(self) -> None:
        """Replay the keys typed while an article opened, in order, each on its own turn of
        the app's queue (after the last one's focus change)."""
        if self._keys_after_open and not self.articles.opening:
            self._replaying = True
            try:
                await self._keys_after_open.pop(0)()
            finally:
                self._replaying = False
            if self._keys_after_open:
                self.app.call_later(self._replay_keys)

    def _opening(self) -> bool:
        """An Enter's article is being opened, or keys typed meanwhile wait their turn: a
        key or action now is for after them."""
        return bool(self.articles.opening or self._keys_after_open) and not self._replaying

    def keep_key(self, key: str) -> bool:
        """Keep a key for after the article an Enter is opening is shown (``Enter j j`` in one
        burst), if it is: it then acts on what has the focus (the reader), as if typed after
        the article appeared, not on the list that has the focus meanwhile. Asked by the app
        as the key reaches it, before its bindings (the screen sees a key before the app runs
        the bindings of the keys ahead of it, such as that Enter's)."""
        if not self.is_mounted:
            return False  # (no article opens before; the list may not be composed yet)
        if not (self._opening() or (self._replaying and self._keys_after_open)):
            return False
        self._keys_after_open.append(partial(self._replay_key, key))
        return True

    async def _replay_key(self, key: str) -> None:
        """Act on a key as its binding for what has the focus now (none: it does nothing)."""
        active = self.active_bindings.get(key)
        if active is not None and active.enabled:
            await self.app.run_action(active.binding.action, active.node)

    async def open_article(self, article_id: int, *, focus_reader: bool) -> None:
        """Show an article in the reader, quotes and contacts panes; mark it read (analysed
        now, in memory, if the background analysis has not reached it yet)."""
        from newsterm.ingest.backlog import analysed_article

        article = analysed_article(self.store, article_id)
        if article is None:
            self.notify("That article is no longer in the cache.", severity="warning")
            return
        mark_read = self.config.settings.mark_read_on_open if self.config else True
        if not article.read and mark_read:
            article.read = True
            self.article_actions.write_read([article.id], True)
        self.opened = article
        await self.panes_ready()
        if self.config is not None:
            self.reader.measure = self.config.settings.reader_width
            self.reader.smooth = self.config.settings.animate
        matches = None
        if self.search_query is not None:  # opened from search results: mark the matches
            from newsterm.store.search import spans_by_paragraph

            matches = spans_by_paragraph(self.store.match_spans(article.id, self.search_query))
        await self.reader.show(article, matches)
        self.quotes.show(article)
        self.contacts.show(article)
        self.app.sub_title = article.title[:200]
        if focus_reader:
            self.focus_now(self.reader)

    # -- quotes, contacts and links ---------------------------------------------------------

    def on_quotes_pane_quote_chosen(self, event: QuotesPane.QuoteChosen) -> None:
        panes = self.query_one("#panes")
        if self.maximized is not None or panes.has_class("-short", "-narrow"):
            # the reader is hidden (stacked on a short terminal, or a pane maximised): show it
            if self.maximized is not None:
                self.minimize()
            self.focus_now(self.reader)
        self.reader.show_quote(event.index)

    def on_contacts_pane_open_requested(self, event: ContactsPane.OpenRequested) -> None:
        self.newsterm.open_link(event.url)

    def on_link_line_clicked(self, event: LinkLine.Clicked) -> None:
        self.newsterm.open_link(event.url)

    # -- actions ----------------------------------------------------------------------------

    async def action_focus_pane(self, pane: str) -> None:
        if self._opening():
            # typed right after Enter: for after the article is shown (and the keys before it)
            self._keys_after_open.append(partial(self._focus_pane, pane))
        else:
            await self._focus_pane(pane)

    async def _focus_pane(self, pane: str) -> None:
        await self.panes_ready()
        panes = self.query_one("#panes")
        widget = self.query_one(f"#{pane}", Widget)
        if self.maximized is not None and self.maximized is not widget:
            self.minimize()
        if pane in ("quotes", "contacts") and not panes.has_class("-extras"):
            panes.add_class("-extras")
            self.call_after_refresh(widget.focus)  # (focusable once its styles show it)
            return
        self.focus_now(widget)  # the keys typed right after this one are for this pane

    def action_toggle_read(self) -> None:
        self.article_actions.toggle_read()

    def action_toggle_star(self) -> None:
        self.article_actions.toggle_star()

    def action_mark_read(self) -> None:
        self.article_actions.mark_all_read()

    def action_open_link(self) -> None:
        self.article_actions.open_link()

    def action_full_text(self) -> None:
        self.article_actions.full_text()

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        keep = self.articles.current_id
        if self.search_query is not None:
            self.notify("Unread only applies when you leave the search.", timeout=3)
            return
        self.filter = replace(self.filter, unread_only=self.unread_only)
        self.articles.set_rows(self.filter_rows(), keep_id=keep)
        self.articles_changed()

    async def action_next_unread(self, forward: bool = True) -> None:
        await self.panes_ready()
        target, note = unread_target(
            self.store,
            opened=self.opened.id if self.opened is not None else None,
            cursor=self.articles.current,
            from_list=self.focused is self.articles,
            forward=forward,
        )
        if target is None:
            self.notify(note or "No unread articles.", timeout=3)
            return
        if note:
            self.notify(note, timeout=3)
        await self._open_in_list(target)

    async def _open_in_list(self, target: int) -> None:
        """Open an article chosen from elsewhere (next unread, the people screen), its row
        selected in the list (the list shows "All" when its source or view leaves it out)."""
        if self.search_query is not None:
            self.apply_filter(self.filter, self.filter_title)
        else:
            self.articles.reload()
            self.articles_changed()
        if not self.articles.select_article(target):
            with self.sources.prevent(OptionList.OptionHighlighted):
                self.sources.choose("all")
            self.apply_filter(ArticleFilter(), "All", keep_id=target)
        await self.open_article(target, focus_reader=False)

    def action_toggle_ignored(self) -> None:
        if self.config is None or not self.config.ignore:
            self.notify("No [[ignore]] queries in feeds.toml.", timeout=3)
            return
        self.show_ignored = not self.show_ignored
        if self.search_query is None:
            self.apply_filter(self.filter, self.filter_title, keep_id=self.articles.current_id)
        self.load_sources()

    async def action_previous_unread(self) -> None:
        await self.action_next_unread(forward=False)

    def action_people(self) -> None:
        from newsterm.ui.screens.people import PeopleScreen

        self.newsterm.load_pane_styles()
        self.app.push_screen(PeopleScreen(self.newsterm.db_path), self._person_quote_chosen)

    async def _person_quote_chosen(self, place: QuotePlace | None) -> None:
        """Open the article of a quotation chosen on the people screen, at the quotation."""
        if place is None:
            return
        await self.panes_ready()
        await self._open_in_list(place.article_id)
        if self.opened is not None and self.opened.id == place.article_id:
            self.focus_now(self.reader)
            self.reader.show_quote(place.position)

    async def action_search(self) -> None:
        await self.searcher.open()

    async def action_refresh(self, reread: bool = True) -> None:
        await self.panes_ready()  # (its progress shows in the status bar)
        self.refresher.start(reread=reread)

    def action_toggle_maximize(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        focused = self.focused
        if focused is not None and focused.id == "search":
            focused = self.articles
        if focused is not None:
            self.maximize(focused, container=False)

    async def action_back(self, quit: bool = False) -> None:
        if self._opening():
            # typed right after Enter: act on the opened article, not quit from the list
            self._keys_after_open.append(partial(self._back, quit))
        else:
            await self._back(quit)

    async def _back(self, quit: bool) -> None:
        await self.panes_ready()
        if self.maximized is not None:
            self.minimize()
            return
        focused = self.focused
        if focused is not None and (
            focused is self.reader
            or self.reader in focused.ancestors
            or self.query_one("#extras") in focused.ancestors
        ):
            self.focus_now(self.articles)  # (to the search results, if it came from them)
            return
        if self.search_query is not None:
            self.searcher.leave()
            self.focus_now(self.articles)
            return
        if quit:
            self.app.exit()

    # -- search -----------------------------------------------------------------------------

    def on_search_bar_cancelled(self, event: SearchBar.Cancelled) -> None:
        self.searcher.cancel()

    @on(Input.Submitted, "#search")
    def search_submitted(self, event: Input.Submitted) -> None:
        self.searcher.submit(event.value)

    @on(Input.Changed, "#search")
    def search_typed(self, event: Input.Changed) -> None:
        self.searcher.typed(event.value)

    # -- worker results ---------------------------------------------------------------------
    # (handled by name: the workers and their messages load with the first worker)

    def on_search_finished(self, event: SearchFinished) -> None:
        self.searcher.finished(event)

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

    async def on_sources_loaded(self, event: SourcesLoaded) -> None:
        await self.panes_ready()
        self.show_sources(event)

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

    def on_store_written(self, event: StoreWritten) -> None:
        if event.what == "mark-all":
            self.notify(f"Marked {counted(event.changed, 'article')} read.", timeout=3)
            self.articles.reload()
            self.articles_changed()
        self.load_sources()

    def on_store_failed(self, event: StoreFailed) -> None:
        self.notify(event.error, title="Cache", severity="error", markup=False)

    async def on_full_text_finished(self, event: FullTextFinished) -> None:
        await self.article_actions.full_text_finished(event)

    async def analyse_backlog(self) -> None:
        """Analyse what the current analysis has not seen, in the background."""
        from newsterm.ui import workers

        await self.panes_ready()  # (its progress shows in the status bar)
        self.run_worker(
            partial(
                workers.analyse_backlog,
                self.post_message,
                self.store.path,
                self.newsterm.cancel_event,
            ),
            thread=True,
            exclusive=True,
            group="analysis",
            exit_on_error=False,
        )

    def on_analysis_progress(self, event: AnalysisProgress) -> None:
        self.refresher.status.analysing(event.done, event.total)

    def on_analysis_finished(self, event: AnalysisFinished) -> None:
        self.refresher.status.analysed()
        if event.error:
            self.notify(event.error, title="Analysis", severity="error", markup=False)

    def on_sources_due(self, event: SourcesDue) -> None:
        self.refresher.start_due(event.source_ids)

    def on_refresh_started(self, event: RefreshStarted) -> None:
        self.refresher.handle(event)

    def on_refresh_progress(self, event: RefreshProgress) -> None:
        self.refresher.handle(event)

    def on_refresh_finished(self, event: RefreshFinished) -> None:
        self.refresher.handle(event)

    def on_refresh_failed(self, event: RefreshFailed) -> None:
        self.refresher.handle(event)
