"""n and p: from the list cursor when the list is focused, wrapping around with a note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import AppFactory
from helpers import line_text, settle

from newsterm.store import ArticleFilter, Store
from newsterm.ui.screens.main_keys import PANES


def notes(app: Any) -> list[str]:
    return [n.message for n in app._notifications]


def unread_count_shown(app: Any) -> int:
    sources = app.screen.sources
    lines = [line_text(sources, y) for y in range(sources.scrollable_content_region.height)]
    return int(next(line for line in lines if "Unread" in line).split()[-1])


async def test_n_wraps_to_the_newest_unread_with_a_note(make: AppFactory, cache: Path) -> None:
    app: Any = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("G")  # the oldest article, read: no unread after it
        await pilot.press("n")
        await settle(pilot)
        assert screen.opened.title == "Talks resume on the river treaty"  # the newest unread
        assert "Wrapped to the newest unread." in notes(app)
        with Store.open(cache) as store:
            left = store.count_articles(ArticleFilter(unread_only=True))
        assert left == 4 and unread_count_shown(app) == left


async def test_n_and_p_start_from_the_list_cursor(make: AppFactory) -> None:
    app: Any = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("j", "enter")  # the council article, open in the reader
        await settle(pilot)
        await pilot.press("2", "j", "j")  # back in the list, two rows further down
        await settle(pilot)
        assert screen.focused is screen.articles
        assert screen.articles.current.title == "Storm closes northern ports for a second day"
        await pilot.press("n")  # the cursor's row is unread: that one, not the one after
        await settle(pilot)
        assert screen.opened.title == "Storm closes northern ports for a second day"
        await pilot.press("p")  # from the cursor (now on the storm, read): the next newer
        await settle(pilot)
        assert screen.opened.title == "A faster way to search old newspapers"
        await pilot.press("p")  # the council article is read: past it
        await settle(pilot)
        assert screen.opened.title == "Talks resume on the river treaty"
        await pilot.press("p")  # nothing newer is unread: round to the oldest unread
        await settle(pilot)
        assert screen.opened.title == "Why the storm knocked out the ferry app"
        assert "Wrapped to the oldest unread." in notes(app)


async def test_n_with_nothing_unread_says_so(make: AppFactory) -> None:
    app: Any = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert "No unread articles." in notes(app)
        assert app.screen.opened is None


async def test_z_maximises_every_pane_to_the_whole_screen(make: AppFactory) -> None:
    app: Any = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        screen = app.screen
        for key, pane in zip("12345", PANES, strict=True):
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("z")
            await pilot.pause()
            widget = screen.query_one(f"#{pane}")
            assert screen.maximized is widget, pane
            assert widget.region.width == 160 and widget.region.height >= 40, pane
            await pilot.press("z")
            await pilot.pause()
            assert screen.maximized is None
