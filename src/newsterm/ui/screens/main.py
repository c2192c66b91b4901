"""The main screen: five panes that talk to each other only through this screen.

The screen coordinates; the work behind its keys lives beside it: ``article_actions``
(read, star, link, full text), ``search`` and ``refresh`` (their workers are in ``ui.workers``),
and the command palette in ``ui.commands``. The screen itself is built in layers, one module
each: ``main_base`` (its state, the list and sources it shows), ``main_panes`` (composed,
mounted, laid out), ``main_reading`` (opening what is chosen), ``main_results`` (what the
workers post), and here the start-up and the keys' actions.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import OptionList

from newsterm.store import ArticleFilter
from newsterm.ui.screens.main_keys import MAIN_BINDINGS
from newsterm.ui.screens.main_results import ResultsScreen
from newsterm.ui.screens.unread import unread_target

if TYPE_CHECKING:
    from newsterm.ui.screens.people import QuotePlace


class MainScreen(ResultsScreen):
    """Sources, articles, reader, quotations and contacts."""

    BINDINGS = MAIN_BINDINGS
    BLANK = True
    """Its panes and bars cover it: its own lines are drawn as blank (see ``ui.widgets.boxes``)."""

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "/" is a priority binding (see main_keys): in the search field it is typed, not bound
        return not (action == "search" and self.focused is not None and self.focused.id == "search")

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
