"""A [keymap] entry that takes a key another action uses is reported, naming that action."""

from __future__ import annotations

from typing import Any

from conftest import AppFactory
from helpers import settle

from newsterm.config import Config
from newsterm.ui.app import NewstermApp
from newsterm.ui.keymap_check import key_clashes


def sections() -> Any:
    return NewstermApp(db_path=None).binding_sections()  # type: ignore[arg-type]


def test_a_global_key_taken_by_a_remap_is_named() -> None:
    clashes = key_clashes(sections(), {"toggle-star": "n"})
    assert clashes == ["toggle-star = 'n' is also Next unread (next-unread, Everywhere)"]


def test_a_pane_key_clashes_with_a_global_one_both_ways() -> None:
    clashes = key_clashes(sections(), {"refresh": "j"})
    assert len(clashes) == 1 and clashes[0].startswith("refresh = 'j' is also ")
    assert "(article-down, Articles" in clashes[0] and "(reader-down, Reader" in clashes[0]


def test_free_keys_and_shared_defaults_are_quiet() -> None:
    assert key_clashes(sections(), {"toggle-star": "x", "article-down": "ctrl+n"}) == []
    assert key_clashes(sections(), {}) == []


async def test_the_app_warns_on_start(make: AppFactory, config: Config) -> None:
    clashing = Config(path=config.path, settings=config.settings, keymap={"toggle-star": "n"})
    app: Any = make(config=clashing)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("toggle-star = 'n' is also Next unread" in m for m in messages)
