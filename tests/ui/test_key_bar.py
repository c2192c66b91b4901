"""The status bar's keys (KeyBar): the focused pane's keys, pressed by a click, compact when
narrow."""

from __future__ import annotations

from conftest import AppFactory
from helpers import settle

from newsterm.ui.widgets.key_bar import KeyBar


def keys_text(app: object) -> str:
    bar = app.screen.query_one(KeyBar)  # type: ignore[attr-defined]
    return bar.render().plain


async def test_the_keys_follow_the_focus(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        shown = keys_text(app)
        assert shown.startswith(" ⏎ Open  n Next unread ")
        assert "q Quit" in shown and shown.rstrip().endswith("▏^p Commands")
        await pilot.press("1")
        await settle(pilot)
        assert keys_text(app).startswith(" ⏎ Show  n Next unread ")


async def test_a_click_on_a_key_presses_it(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        assert not screen.unread_only
        column = keys_text(app).index("u Unread only")
        await pilot.click(KeyBar, offset=(column + 2, 0))
        await settle(pilot)
        assert screen.unread_only


async def test_compact_when_narrow(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        shown = keys_text(app)
        assert shown.startswith("⏎ Open n Next unread ")
        assert "^p" not in shown
        await pilot.resize_terminal(160, 45)
        await settle(pilot)
        assert "▏^p Commands" in keys_text(app)
