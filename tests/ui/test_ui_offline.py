"""Starting with a source that fails: told once, not on every start; its error in the list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import settle, settle_until

from newsterm.config_load import load_config
from newsterm.ui.app import make_app


def failing_config(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_on_start = true\n\n"
        f'[[feeds]]\npath = "{tmp_path / "gone"}"\ntitle = "Gone"\n',
        encoding="utf-8",
    )
    (tmp_path / "gone").mkdir()
    return path


def failure_toasts(app: Any) -> list[str]:
    return [str(n.title) for n in app._notifications if "failed" in str(n.title)]


async def start(path: Path, db: Path, *, press_r: bool = False) -> tuple[list[str], str]:
    """Start the app (it refreshes on start), let the refresh end; the failure toasts, and the
    list's empty message for the failed source."""
    app: Any = make_app(config_path=path, db_path=db, load_config=lambda: load_config(path))
    async with app.run_test(size=(160, 45)) as pilot:
        screen = app.screen

        def finished() -> bool:
            status = screen.query("#refresh-status")
            return bool(status) and "✓" in str(status.first().render())

        await settle_until(pilot, finished)
        await settle(pilot)
        if press_r:
            await pilot.press("R")
            await settle_until(pilot, lambda: len(failure_toasts(app)) > 0)
        source = next(s for s in screen.store.sources() if s.title == "Gone")
        screen.sources.choose(f"source:{source.id}")
        await settle(pilot)
        return failure_toasts(app), str(screen.articles.empty_message)


async def test_an_unchanged_failure_is_told_once_across_starts(tmp_path: Path, cache: Path) -> None:
    path = failing_config(tmp_path)
    await start(path, cache)  # the folder is there: the source reads (no articles)
    (tmp_path / "gone").rmdir()
    toasts, empty = await start(path, cache)
    assert toasts == ["1 source failed"]
    assert "This source failed:" in empty and "no such file or folder" in empty
    toasts, empty = await start(path, cache)  # offline again, the same failure: no toast
    assert toasts == []
    assert "This source failed:" in empty  # but the list still says why it is empty
    toasts, _ = await start(path, cache, press_r=True)  # R asks: it is told
    assert toasts == ["1 source failed"]
