"""What the main screen's article keys do: read, star, mark all read, open the link, full text.

Writes go to the app's cache writer thread, which posts ``StoreWritten`` or ``StoreFailed``.
Loaded on the first use (``MainScreen.article_actions``), after the first frame, with the
workers and messages it imports.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from newsterm.config import Settings
from newsterm.models import NO_LINK, Article, ArticleSummary
from newsterm.ui import workers
from newsterm.ui.messages import FullTextFinished, StoreFailed, StoreWritten

if TYPE_CHECKING:
    from newsterm.ui.screens.main import MainScreen


class ArticleActions:
    """The article actions of the main screen (which keeps their bindings)."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def target(self) -> ArticleSummary | Article | None:
        """The article an action applies to: the highlighted row, or the open article."""
        screen = self.screen
        if screen.focused is screen.articles or screen.opened is None:
            return screen.articles.current
        return screen.opened

    def write_read(self, ids: list[int], read: bool) -> None:
        screen = self.screen
        for article_id in ids:
            screen.articles.update_article(article_id, read=read)
        screen.newsterm.writer.submit(
            lambda store: store.set_read(ids, read),
            done=lambda _: screen.post_message(StoreWritten("read")),
            failed=lambda error: screen.post_message(StoreFailed(error)),
        )

    def toggle_read(self) -> None:
        target = self.target()
        if target is None:
            return
        read = not target.read
        target.read = read
        opened = self.screen.opened
        if opened is not None and opened.id == target.id:
            opened.read = read
        self.write_read([target.id], read)

    def toggle_star(self) -> None:
        screen = self.screen
        target = self.target()
        if target is None:
            return
        starred = not target.starred
        target.starred = starred
        if screen.opened is not None and screen.opened.id == target.id:
            screen.opened.starred = starred
        screen.articles.update_article(target.id, starred=starred)
        article_id = target.id
        screen.newsterm.writer.submit(
            lambda store: store.set_starred(article_id, starred),
            done=lambda _: screen.post_message(StoreWritten("star")),
            failed=lambda error: screen.post_message(StoreFailed(error)),
        )
        screen.notify("Starred." if starred else "Unstarred.", timeout=2)

    def mark_all_read(self) -> None:
        screen = self.screen
        if screen.search_query is not None:
            screen.notify("Leave the search (Esc) to mark a source read.", severity="warning")
            return
        flt = screen.filter
        screen.articles.mark_all_read()
        screen.newsterm.writer.submit(
            lambda store: store.mark_all_read(flt),
            done=lambda n: screen.post_message(StoreWritten("mark-all", n)),
            failed=lambda error: screen.post_message(StoreFailed(error)),
        )

    def open_link(self) -> None:
        screen = self.screen
        target = self.target()
        if target is None:
            return
        url = getattr(target, "url", None)
        if url is None and isinstance(target, ArticleSummary):
            article = screen.store.article(target.id)
            url = article.url if article else None
        if not url:
            screen.notify(NO_LINK[:1].upper() + NO_LINK[1:] + ".", severity="warning")
            return
        screen.newsterm.open_link(url)

    def full_text(self) -> None:
        screen = self.screen
        target = self.target()
        if target is None:
            screen.notify("Open an article first.", severity="warning", timeout=3)
            return
        screen.notify("Fetching the full article…", timeout=3)
        settings = screen.config.settings if screen.config else Settings()
        untrusted = screen.config.imported_urls if screen.config else frozenset()
        screen.run_worker(
            partial(
                workers.full_text,
                screen.post_message,
                screen.store.path,
                target.id,
                settings,
                untrusted,
            ),
            thread=True,
            group="full-text",
            exit_on_error=False,
        )

    async def full_text_finished(self, event: FullTextFinished) -> None:
        screen = self.screen
        if event.error:
            screen.notify(event.error, title="Full text", severity="warning", markup=False)
        else:
            screen.notify(f"Full text: {event.paragraphs} paragraphs.", timeout=3)
        if screen.opened is not None and screen.opened.id == event.article_id:
            await screen.open_article(event.article_id, focus_reader=False)
