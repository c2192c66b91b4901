"""The main screen: five panes that talk to each other only through this screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.worker import get_current_worker

from newsterm.config import Config
from newsterm.errors import NewstermError
from newsterm.models import Article, ArticleSummary
from newsterm.store import ArticleFilter, Store
from newsterm.ui.messages import (
    FullTextFinished,
    RefreshFailed,
    RefreshFinished,
    RefreshProgress,
    RefreshStarted,
    SearchFinished,
    SourcesLoaded,
    StoreFailed,
    StoreWritten,
)
from newsterm.ui.widgets.article_list import ArticleList, FilterRows, SearchRows
from newsterm.ui.widgets.article_reader import ArticleReader, LinkLine
from newsterm.ui.widgets.contacts_pane import ContactsPane
from newsterm.ui.widgets.quotes_pane import QuotesPane
from newsterm.ui.widgets.refresh_status import RefreshStatus
from newsterm.ui.widgets.search_bar import SearchBar
from newsterm.ui.widgets.source_list import SourceList

if TYPE_CHECKING:
    from newsterm.ui.app import NewstermApp

PANES = ("sources", "articles", "reader", "quotes", "contacts")
PANE_TITLES = {
    "sources": "Sources",
    "articles": "Articles",
    "reader": "Reader",
    "quotes": "Quotations",
    "contacts": "Contacts",
}
WIDE = 120
"""Columns from which the panes sit side by side."""
SHORT = 32
"""Rows under which quotes and contacts show only when focused (narrow layout)."""
SEARCH_LIMIT = 500


def _focus_binding(number: int, pane: str) -> Binding:
    return Binding(
        str(number),
        f"focus_pane('{pane}')",
        PANE_TITLES[pane],
        show=False,
        id=f"focus-{pane}",
        tooltip=f"Focus the {PANE_TITLES[pane].lower()} pane",
    )


class MainScreen(Screen[None]):
    """Sources, articles, reader, quotations and contacts."""

    BINDINGS = [
        *(_focus_binding(n, pane) for n, pane in enumerate(PANES, 1)),
        Binding(
            "n",
            "next_unread",
            "Next unread",
            id="next-unread",
            tooltip="Open the next unread article (across sources)",
        ),
        Binding(
            "p",
            "previous_unread",
            "Prev unread",
            show=False,
            id="previous-unread",
            tooltip="Open the previous unread article (across sources)",
        ),
        Binding(
            "r",
            "toggle_read",
            "Read",
            show=False,
            id="toggle-read",
            tooltip="Mark the article read or unread",
        ),
        Binding("s", "toggle_star", "Star", id="toggle-star", tooltip="Star or unstar the article"),
        Binding(
            "A",
            "mark_read",
            "Mark all read",
            show=False,
            id="mark-source-read",
            tooltip="Mark every article of this source (or view) read",
        ),
        Binding(
            "o",
            "open_link",
            "Open link",
            show=False,
            id="open-link",
            tooltip="Open the article's link in the browser",
        ),
        Binding(
            "f",
            "full_text",
            "Full text",
            show=False,
            id="full-text",
            tooltip="Fetch the whole article when the feed carried only a summary",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            id="search",
            tooltip="Full-text search over titles and text",
        ),
        Binding(
            "R",
            "refresh",
            "Refresh",
            id="refresh",
            tooltip="Re-read feeds.toml, fetch feeds and re-read article files",
        ),
        Binding(
            "u",
            "toggle_unread_only",
            "Unread only",
            id="unread-only",
            tooltip="Show only unread articles, or all of them",
        ),
        Binding(
            "z",
            "toggle_maximize",
            "Maximise",
            show=False,
            id="maximize",
            tooltip="Maximise the focused pane, or restore it",
        ),
        Binding(
            "q",
            "back(True)",
            "Quit",
            id="back-quit",
            tooltip="Go back (restore, leave search, return to the list), else quit",
        ),
        Binding(
            "escape",
            "back(False)",
            "Back",
            show=False,
            id="back",
            tooltip="Go back: restore a maximised pane, leave search, return to the list",
        ),
    ]

    def __init__(self, store: Store, config: Config | None) -> None:
        super().__init__()
        self.store = store
        """The UI thread's connection (small indexed queries only)."""
        self.config = config
        self.filter = ArticleFilter()
        """The articles the list shows (outside search)."""
        self.filter_title = "All"
        self.unread_only = False
        """The ``u`` switch, kept across sources."""
        self.search_query: str | None = None
        """The search whose results the list shows, or None."""
        self.opened: Article | None = None
        """The article in the reader."""
        self.source_count = 0
        self._seen_new = 0
        self._reload_pending = False

    @property
    def newsterm(self) -> NewstermApp:
        return cast("NewstermApp", self.app)

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(""), id="banner", markup=False)
        with Container(id="panes"):
            yield SourceList(id="sources")
            with Vertical(id="middle"):
                yield SearchBar(id="search")
                yield ArticleList(id="articles", clock=self.newsterm.clock)
            with Vertical(id="right"):
                yield ArticleReader(id="reader")
                with Horizontal(id="extras"):
                    yield QuotesPane(id="quotes")
                    yield ContactsPane(id="contacts")
        with Horizontal(id="statusbar"):
            yield Footer()
            yield RefreshStatus(id="refresh-status")

    @property
    def articles(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    @property
    def sources(self) -> SourceList:
        return self.query_one("#sources", SourceList)

    @property
    def reader(self) -> ArticleReader:
        return self.query_one("#reader", ArticleReader)

    @property
    def quotes(self) -> QuotesPane:
        return self.query_one("#quotes", QuotesPane)

    @property
    def contacts(self) -> ContactsPane:
        return self.query_one("#contacts", ContactsPane)

    def on_mount(self) -> None:
        for number, pane in enumerate(PANES, 1):
            widget = self.query_one(f"#{pane}")
            widget.border_title = Content(f"{number} {PANE_TITLES[pane]}")
        self._layout(self.size.width, self.size.height)
        self.articles.set_rows(FilterRows(self.store, self.filter))
        self._articles_changed()
        self.articles.focus()
        # counts over the whole cache wait until the list is on screen
        self.set_timer(0.05, lambda: self.load_sources(sync=self.config))
        if self.newsterm.config_error:
            self.show_banner(self.newsterm.config_error)
        if self.config is not None and self.config.settings.refresh_on_start:
            self.call_after_refresh(self.action_refresh)

    def on_resize(self) -> None:
        self._layout(self.size.width, self.size.height)

    def _layout(self, width: int, height: int) -> None:
        panes = self.query_one("#panes")
        panes.set_class(width >= WIDE, "-wide")
        panes.set_class(width < WIDE, "-narrow")
        panes.set_class(height < SHORT, "-short")

    def on_descendant_focus(self) -> None:
        focused = self.focused
        extras = self.query_one("#extras")
        in_extras = focused is not None and extras in focused.ancestors_with_self
        self.query_one("#panes").set_class(in_extras, "-extras")

    def show_banner(self, message: str | None) -> None:
        """Show (or hide, with None) a one-line problem above the panes."""
        banner = self.query_one("#banner", Static)
        banner.set_class(bool(message), "-visible")
        if message:
            banner.update(
                Content(f"⚠ {message}  — fix feeds.toml and press R; showing the cache meanwhile.")
            )

    # -- the article list -------------------------------------------------------------------

    def _articles_changed(self) -> None:
        """Update the list's title and its empty message."""
        articles = self.articles
        count = articles.count
        if self.search_query is not None:
            title = f"2 Search “{self.search_query[:60]}” · {count:,} result{'s' * (count != 1)}"
            empty = f"No articles match “{self.search_query}”. Press Esc to go back."
        else:
            title = f"2 {self.filter_title[:60]} · {count:,}"
            if self.unread_only:
                title += " · unread only"
            if self.filter == ArticleFilter() and self.source_count == 0:
                empty = (
                    "Nothing here yet.\n\nAdd a feed or a folder of articles from a shell:\n"
                    "  newsterm add https://example.com/feed.xml\n"
                    "  newsterm add ~/articles\n\n"
                    "or list them in feeds.toml, then press R to refresh."
                )
                if self.config is not None:
                    empty += f"\n\nfeeds.toml: {self.config.path}"
            elif self.filter.unread_only:
                empty = "No unread articles here. Press u to show every article."
            elif self.filter.starred_only:
                empty = "No starred articles yet. Press s on an article to star it."
            else:
                empty = "No articles in this source yet. Press R to refresh."
        articles.border_title = Content(title)
        articles.empty_message = Content(empty)
        articles.refresh()

    def apply_filter(self, flt: ArticleFilter, title: str, *, keep_id: int | None = None) -> None:
        """Show a filter's articles (leaving search)."""
        self.search_query = None
        self.query_one("#middle").remove_class("-searching")
        self.query_one(SearchBar).display = False
        self.filter = replace(flt, unread_only=self.unread_only or flt.unread_only)
        self.filter_title = title
        self.articles.set_rows(FilterRows(self.store, self.filter), keep_id=keep_id)
        self._articles_changed()

    @on(SourceList.Chosen)
    def source_chosen(self, event: SourceList.Chosen) -> None:
        self.apply_filter(event.choice.filter, event.choice.title)
        if event.activate:
            self.articles.focus()

    @on(ArticleList.Selected)
    async def article_selected(self, event: ArticleList.Selected) -> None:
        await self.open_article(event.article_id, focus_reader=event.focus_reader)

    async def open_article(self, article_id: int, *, focus_reader: bool) -> None:
        """Show an article in the reader, quotes and contacts panes; mark it read."""
        article = self.store.article(article_id)
        if article is None:
            self.notify("That article is no longer in the cache.", severity="warning")
            return
        if not article.read and self.config_settings_mark_read():
            article.read = True
            self._write_read([article.id], True)
        self.opened = article
        await self.reader.show(article)
        self.quotes.show(article)
        self.contacts.show(article)
        self.app.sub_title = article.title[:200]
        if focus_reader:
            self.reader.focus()

    def config_settings_mark_read(self) -> bool:
        return self.config.settings.mark_read_on_open if self.config else True

    # -- quotes and contacts ----------------------------------------------------------------

    @on(QuotesPane.QuoteChosen)
    def quote_chosen(self, event: QuotesPane.QuoteChosen) -> None:
        self.reader.show_quote(event.index)

    @on(ContactsPane.OpenRequested)
    def contact_open(self, event: ContactsPane.OpenRequested) -> None:
        self.newsterm.open_link(event.url)

    @on(LinkLine.Clicked)
    def link_clicked(self, event: LinkLine.Clicked) -> None:
        self.newsterm.open_link(event.url)

    # -- actions ----------------------------------------------------------------------------

    def action_focus_pane(self, pane: str) -> None:
        panes = self.query_one("#panes")
        if pane in ("quotes", "contacts"):
            panes.add_class("-extras")
        widget = self.query_one(f"#{pane}", Widget)
        if self.maximized is not None and self.maximized is not widget:
            self.minimize()
        self.call_after_refresh(widget.focus)

    def _target(self) -> ArticleSummary | Article | None:
        """The article an action applies to: the highlighted row, or the open article."""
        if self.focused is self.articles or self.opened is None:
            return self.articles.current
        return self.opened

    def _write_read(self, ids: list[int], read: bool) -> None:
        for article_id in ids:
            self.articles.update_article(article_id, read=read)
        self.newsterm.writer.submit(
            lambda store: store.set_read(ids, read),
            done=lambda _: self.post_message(StoreWritten("read")),
            failed=lambda error: self.post_message(StoreFailed(error)),
        )

    def action_toggle_read(self) -> None:
        target = self._target()
        if target is None:
            return
        read = not target.read
        target.read = read
        if self.opened is not None and self.opened.id == target.id:
            self.opened.read = read
        self._write_read([target.id], read)

    def action_toggle_star(self) -> None:
        target = self._target()
        if target is None:
            return
        starred = not target.starred
        target.starred = starred
        if self.opened is not None and self.opened.id == target.id:
            self.opened.starred = starred
        self.articles.update_article(target.id, starred=starred)
        article_id = target.id
        self.newsterm.writer.submit(
            lambda store: store.set_starred(article_id, starred),
            done=lambda _: self.post_message(StoreWritten("star")),
            failed=lambda error: self.post_message(StoreFailed(error)),
        )
        self.notify("Starred." if starred else "Unstarred.", timeout=2)

    def action_mark_read(self) -> None:
        if self.search_query is not None:
            self.notify("Leave the search (Esc) to mark a source read.", severity="warning")
            return
        flt = self.filter
        self.articles.mark_all_read()
        self.newsterm.writer.submit(
            lambda store: store.mark_all_read(flt),
            done=lambda n: self.post_message(StoreWritten("mark-all", n)),
            failed=lambda error: self.post_message(StoreFailed(error)),
        )

    def action_open_link(self) -> None:
        target = self._target()
        if target is None:
            return
        url = getattr(target, "url", None)
        if url is None and isinstance(target, ArticleSummary):
            article = self.store.article(target.id)
            url = article.url if article else None
        if not url:
            self.notify("This article has no link.", severity="warning")
            return
        self.newsterm.open_link(url)

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        keep = self.articles.current_id
        if self.search_query is not None:
            self.notify("Unread only applies when you leave the search.", timeout=3)
            return
        self.filter = replace(self.filter, unread_only=self.unread_only)
        self.articles.set_rows(FilterRows(self.store, self.filter), keep_id=keep)
        self._articles_changed()

    async def action_next_unread(self, forward: bool = True) -> None:
        highlighted = self.articles.current
        if self.opened is None and highlighted is not None and not highlighted.read:
            target: int | None = highlighted.id  # nothing open yet: start where the cursor is
        else:
            current = self.opened.id if self.opened is not None else self.articles.current_id
            target = self.store.adjacent_unread(current, forward)
        if target is None:
            self.notify("No more unread articles." if forward else "No earlier unread articles.")
            return
        if self.search_query is not None:
            self.apply_filter(self.filter, self.filter_title)
        else:
            self.articles.reload()
            self._articles_changed()
        if not self.articles.select_article(target):
            with self.sources.prevent(OptionList.OptionHighlighted):
                self.sources.choose("all")
            self.apply_filter(ArticleFilter(), "All", keep_id=target)
        await self.open_article(target, focus_reader=False)

    async def action_previous_unread(self) -> None:
        await self.action_next_unread(forward=False)

    def action_search(self) -> None:
        middle = self.query_one("#middle")
        middle.add_class("-searching")
        if self.maximized is not None:
            self.minimize()
        # focus now, not after a refresh: keys typed right after "/" must reach the field
        search = self.query_one(SearchBar)
        search.display = True
        search.focus()

    @on(SearchBar.Cancelled)
    def search_cancelled(self) -> None:
        if self.search_query is None:
            self.query_one("#middle").remove_class("-searching")
            self.query_one(SearchBar).display = False
        self.articles.focus()

    @on(Input.Submitted, "#search")
    def search_submitted(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        if not query:
            self.search_cancelled()
            return
        self.run_search(query)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        """Search in a worker with its own connection (FTS5 can take a while on big caches)."""
        try:
            with Store.open(self.store.path) as store:
                hits = store.search(query, limit=SEARCH_LIMIT)
        except Exception as exc:
            self.post_message(SearchFinished(query, [], error=str(exc)))
            return
        self.post_message(SearchFinished(query, hits))

    @on(SearchFinished)
    def search_finished(self, event: SearchFinished) -> None:
        if event.error:
            self.notify(event.error, title="Search failed", severity="error", markup=False)
            return
        self.search_query = event.query
        self.articles.set_rows(SearchRows(event.hits))
        self._articles_changed()
        self.articles.focus()

    def leave_search(self) -> None:
        """Go back from search results to the filter that was shown."""
        keep = self.articles.current_id
        self.query_one(SearchBar).value = ""
        self.apply_filter(self.filter, self.filter_title, keep_id=keep)

    def action_toggle_maximize(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        focused = self.focused
        if isinstance(focused, SearchBar):
            focused = self.articles
        if focused is not None:
            self.maximize(focused, container=False)

    def action_back(self, quit: bool = False) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        if self.search_query is not None:
            self.leave_search()
            self.articles.focus()
            return
        focused = self.focused
        if focused in (self.reader, self.quotes, self.contacts) or (
            focused is not None and self.reader in focused.ancestors
        ):
            self.articles.focus()
            return
        if quit:
            self.app.exit()

    # -- sources and counts -----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="sources", exit_on_error=False)
    def load_sources(self, sync: Config | None = None) -> None:
        """Read sources and counts in a worker (counting 100k rows is not for the UI thread)."""
        try:
            with Store.open(self.store.path) as store:
                if sync is not None and sync.feeds:
                    from newsterm.ingest.service import sync_sources

                    sync_sources(store, sync)
                sources = store.sources()
                total = store.count_articles()
                unread = store.count_articles(ArticleFilter(unread_only=True))
                starred = store.count_articles(ArticleFilter(starred_only=True))
        except NewstermError as exc:
            self.post_message(StoreFailed(exc.message))
            return
        self.post_message(SourcesLoaded(sources, total, unread, starred))

    @on(SourcesLoaded)
    def sources_loaded(self, event: SourcesLoaded) -> None:
        first = self.source_count == 0 and event.sources
        self.source_count = len(event.sources)
        self.sources.show_sources(
            event.sources, total=event.total, unread=event.unread, starred=event.starred
        )
        if first and self.articles.count == 0:
            self.articles.reload()
        self._articles_changed()

    @on(StoreWritten)
    def store_written(self, event: StoreWritten) -> None:
        if event.what == "mark-all":
            self.notify(f"Marked {event.changed:,} article(s) read.", timeout=3)
            self.articles.reload()
            self._articles_changed()
        self.load_sources()

    @on(StoreFailed)
    def store_failed(self, event: StoreFailed) -> None:
        self.notify(event.error, title="Cache", severity="error", markup=False)

    # -- full text --------------------------------------------------------------------------

    def action_full_text(self) -> None:
        target = self._target()
        if target is None:
            self.notify("Open an article first.", severity="warning", timeout=3)
            return
        self.notify("Fetching the full article…", timeout=3)
        self.fetch_full_text(target.id)

    @work(thread=True, group="full-text", exit_on_error=False)
    def fetch_full_text(self, article_id: int) -> None:
        """Fetch an article's page through the ingest API, with this thread's own connection."""
        from newsterm.config import Settings
        from newsterm.ingest.fulltext import fetch_full_text

        settings = self.config.settings if self.config else Settings()
        try:
            with Store.open(self.store.path) as store:
                outcome = fetch_full_text(store, article_id, settings)
        except NewstermError as exc:
            self.post_message(FullTextFinished(article_id, exc.message))
            return
        except Exception as exc:  # a failed fetch must never take the app down
            self.post_message(FullTextFinished(article_id, f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(FullTextFinished(article_id, outcome.error, outcome.paragraphs))

    @on(FullTextFinished)
    async def full_text_finished(self, event: FullTextFinished) -> None:
        if event.error:
            self.notify(event.error, title="Full text", severity="warning", markup=False)
        else:
            self.notify(f"Full text: {event.paragraphs} paragraphs.", timeout=3)
        if self.opened is not None and self.opened.id == event.article_id:
            await self.open_article(event.article_id, focus_reader=False)

    # -- refresh ----------------------------------------------------------------------------

    def action_refresh(self) -> None:
        status = self.query_one(RefreshStatus)
        if status.running:
            self.notify("A refresh is already running.", timeout=2)
            return
        config, error = self.newsterm.reload_config()
        self.show_banner(error)
        if config is not None:
            self.config = config
        self._seen_new = 0
        status.started(0)
        self.run_refresh(config or self.config, sync=config is not None)

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def run_refresh(self, config: Config | None, sync: bool) -> None:
        """Refresh every source with the shared ingest API, in a worker with its own connection."""
        from newsterm.ingest import service

        worker = get_current_worker()
        cfg = config or Config(path=Path(self.newsterm.config_path or "feeds.toml"))
        new_total = 0
        try:
            with Store.open(self.store.path) as store:
                sources = service.sync_sources(store, cfg) if sync else store.sources()
                self.post_message(RefreshStarted(len(sources)))

                def progress(outcome: service.SourceOutcome, done: int, total: int) -> None:
                    nonlocal new_total
                    new_total += outcome.new
                    title = outcome.source.display_title
                    self.post_message(RefreshProgress(done, total, title, new_total))

                cancel = self.newsterm.cancel_event
                report = service.refresh(store, sources, cfg, progress=progress, cancel=cancel)
                # Feeds with `full_text = true` (or [settings] full_text) get their new items'
                # pages, as `newsterm refresh` does; failures are never retried automatically.
                wanting = service.full_text_sources(sources, cfg.settings)
                if wanting and not cancel.is_set():
                    service.fetch_missing_full_text(store, wanting, cfg.settings)
        except NewstermError as exc:
            self.post_message(RefreshFailed(exc.message))
            return
        except Exception as exc:  # never let a refresh take the app down
            self.post_message(RefreshFailed(f"{type(exc).__name__}: {exc}"))
            return
        failed = [(o.source.display_title, o.error or "") for o in report.failed]
        self.post_message(
            RefreshFinished(report.new, report.updated, failed, cancelled=worker.is_cancelled)
        )

    @on(RefreshStarted)
    def refresh_started(self, event: RefreshStarted) -> None:
        self.query_one(RefreshStatus).started(event.total)

    @on(RefreshProgress)
    def refresh_progress(self, event: RefreshProgress) -> None:
        self.query_one(RefreshStatus).progress(
            event.done, event.total, event.source_title, event.new_total
        )
        if event.new_total > self._seen_new and not self._reload_pending:
            self._reload_pending = True
            self.set_timer(0.5, self._reload_after_refresh)
        self._seen_new = event.new_total

    def _reload_after_refresh(self) -> None:
        self._reload_pending = False
        if self.search_query is None:
            self.articles.reload()
            self._articles_changed()
        self.load_sources()

    @on(RefreshFinished)
    def refresh_finished(self, event: RefreshFinished) -> None:
        self.query_one(RefreshStatus).finished(event.new, len(event.failed), event.cancelled)
        self._reload_after_refresh()
        if event.failed:
            lines = [f"{title}: {error}" for title, error in event.failed[:5]]
            if len(event.failed) > 5:
                lines.append(f"… and {len(event.failed) - 5} more (see the sources pane)")
            self.notify(
                "\n".join(lines),
                title=f"{len(event.failed)} source(s) failed",
                severity="warning",
                markup=False,
                timeout=8,
            )

    @on(RefreshFailed)
    def refresh_failed(self, event: RefreshFailed) -> None:
        self.query_one(RefreshStatus).failed(event.error)
        self.notify(event.error, title="Refresh failed", severity="error", markup=False)

    # -- command palette --------------------------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Every action of the panes, for the command palette."""

        def run(action: str, target: Widget | None = None) -> Callable[[], Any]:
            return lambda: self.app.run_action(action, target or self)

        yield SystemCommand("Refresh", "Fetch feeds and re-read article files (R)", run("refresh"))
        yield SystemCommand("Search", "Full-text search over titles and text (/)", run("search"))
        yield SystemCommand(
            "Full text",
            "Fetch the whole article when the feed had a summary (f)",
            run("full_text"),
        )
        yield SystemCommand("Next unread", "Open the next unread article (n)", run("next_unread"))
        yield SystemCommand(
            "Previous unread", "Open the previous unread article (p)", run("previous_unread")
        )
        yield SystemCommand(
            "Toggle read", "Mark the article read or unread (r)", run("toggle_read")
        )
        yield SystemCommand("Toggle star", "Star or unstar the article (s)", run("toggle_star"))
        yield SystemCommand(
            "Mark all read", "Mark every article of this source read (A)", run("mark_read")
        )
        yield SystemCommand(
            "Open link", "Open the article's link in the browser (o)", run("open_link")
        )
        yield SystemCommand(
            "Unread only", "Show only unread articles, or all (u)", run("toggle_unread_only")
        )
        yield SystemCommand(
            "Maximise pane", "Maximise the focused pane or restore it (z)", run("toggle_maximize")
        )
        yield SystemCommand(
            "Copy quotation",
            "Copy the highlighted quotation with its citation (y)",
            run("copy_quote", self.quotes),
        )
        yield SystemCommand(
            "Write to author",
            "Open a mailto: link for the highlighted contact (Enter)",
            run("write", self.contacts),
        )
        yield SystemCommand(
            "Copy address",
            "Copy the highlighted contact's address (c)",
            run("copy_address", self.contacts),
        )
        for number, pane in enumerate(PANES, 1):
            yield SystemCommand(
                f"Focus {PANE_TITLES[pane].lower()}",
                f"Move to the {PANE_TITLES[pane].lower()} pane ({number})",
                run(f"focus_pane('{pane}')"),
            )
        yield SystemCommand("Help", "List every key (?)", run("app.help"))
