"""The main screen's reading: a source or an article chosen, the article shown in the reader,
quotations and contacts panes, and the keys typed while it opens replayed after it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import on

from newsterm.ui.screens.main_panes import PanesScreen
from newsterm.ui.widgets.article_list import ArticleList

if TYPE_CHECKING:
    from newsterm.ui.widgets.article_reader import LinkLine
    from newsterm.ui.widgets.contacts_pane import ContactsPane
    from newsterm.ui.widgets.quotes_pane import QuotesPane
    from newsterm.ui.widgets.source_list import SourceList


class ReadingScreen(PanesScreen):
    """The main screen, opening what is chosen in its panes."""

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
