"""The command palette: every main-screen action by name, and ``Go to <source>``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:
    from newsterm.ui.screens.main import MainScreen


def main_screen_commands(screen: MainScreen) -> Iterable[SystemCommand]:
    """Every action of the panes, for the command palette."""
    from newsterm.ui.screens.main_keys import PANE_TITLES, PANES

    def run(action: str, pane: str | None = None) -> Callable[[], Any]:
        def go() -> Any:
            target: Widget = screen.query_one(f"#{pane}") if pane else screen
            return screen.app.run_action(action, target)

        return go

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
    yield SystemCommand("Toggle read", "Mark the article read or unread (r)", run("toggle_read"))
    yield SystemCommand("Toggle star", "Star or unstar the article (s)", run("toggle_star"))
    yield SystemCommand(
        "Mark all read", "Mark every article of this source read (A)", run("mark_read")
    )
    yield SystemCommand("Open link", "Open the article's link in the browser (o)", run("open_link"))
    yield SystemCommand(
        "Unread only", "Show only unread articles, or all (u)", run("toggle_unread_only")
    )
    yield SystemCommand(
        "Maximise pane", "Maximise the focused pane or restore it (z)", run("toggle_maximize")
    )
    yield SystemCommand(
        "Copy quotation",
        "Copy the highlighted quotation with its citation (y)",
        run("copy_quote", "quotes"),
    )
    yield SystemCommand(
        "Write to author",
        "Open a mailto: link for the highlighted contact (Enter)",
        run("write", "contacts"),
    )
    yield SystemCommand(
        "Copy address",
        "Copy the highlighted contact's address (c)",
        run("copy_address", "contacts"),
    )
    for number, pane in enumerate(PANES, 1):
        yield SystemCommand(
            f"Focus {PANE_TITLES[pane].lower()}",
            f"Move to the {PANE_TITLES[pane].lower()} pane ({number})",
            run(f"focus_pane('{pane}')"),
        )
    yield SystemCommand("Help", "List every key (?)", run("app.help"))


class SourceCommands(Provider):
    """``Go to <source>`` for every source (titles come from feeds: shown as plain text)."""

    async def _sources(self) -> list[tuple[str, str]]:
        from newsterm.ui.screens.main import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen):
            return []
        await screen.panes_ready()
        found = []
        sources = screen.sources
        for index in range(sources.option_count):
            option = sources.get_option_at_index(index)
            choice = sources._choices.get(option.id or "")
            if choice is not None:
                found.append((option.id or "", choice.title))
        return found

    def _go(self, key: str) -> None:
        from newsterm.ui.screens.main import MainScreen

        screen = self.screen
        if isinstance(screen, MainScreen):
            screen.sources.choose(key)
            screen.articles.focus()

    async def discover(self) -> Hits:
        for key, title in await self._sources():
            yield DiscoveryHit(
                Content("Go to ") + Content(title), partial(self._go, key), text=f"Go to {title}"
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for key, title in await self._sources():
            text = f"Go to {title}"
            score = matcher.match(text)
            if score > 0:
                display = Content(text)
                for offset in matcher.fuzzy_search.match(query, text)[1]:
                    display = display.stylize("underline", offset, offset + 1)
                yield Hit(score, display, partial(self._go, key), text=text)
