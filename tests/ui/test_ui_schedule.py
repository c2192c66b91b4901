"""The app's schedule: one timer; a check on a fixed clock refreshes only the sources whose
refresh_every has passed, and never while a refresh runs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from helpers import settle

from newsterm.config_load import load_config
from newsterm.store import Store
from newsterm.ui.app import make_app
from newsterm.ui.screens.main import MainScreen

LATER = datetime(2030, 1, 1, tzinfo=UTC)


def notes(folder: Path, name: str) -> None:
    folder.mkdir(parents=True)
    (folder / f"{name}.txt").write_text(f"{name} note\n\nThe body of {name}.\n", encoding="utf-8")


async def test_a_check_refreshes_only_the_due_sources(tmp_path: Path) -> None:
    notes(tmp_path / "often", "often")
    notes(tmp_path / "never", "never")
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_on_start = false\n\n"
        f'[[feeds]]\npath = "{tmp_path / "often"}"\nrefresh_every = "30m"\n\n'
        f'[[feeds]]\npath = "{tmp_path / "never"}"\n',
        encoding="utf-8",
    )
    db = tmp_path / "cache.db"
    app = make_app(config_path=path, db_path=db, load_config=lambda: load_config(path))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        refresher = screen.refresher
        timer = refresher._schedule
        assert timer is not None  # a feed has refresh_every: the one timer runs
        refresher.schedule()
        assert refresher._schedule is timer
        refresher.check_due(now=LATER)
        await settle(pilot, rounds=5)
        with Store.open(db) as store:
            titles = {a.title for a in store.list_articles(limit=10)}
        assert titles == {"often note"}  # the other has no refresh_every: not scheduled

        refresher.start(reread=False)  # a refresh runs: the check and a due start wait
        refresher.check_due(now=LATER)
        refresher.start_due([1, 2])
        assert [w.group for w in screen.workers if w.group in ("schedule", "refresh")] == [
            "refresh"
        ]
        await settle(pilot, rounds=5)
