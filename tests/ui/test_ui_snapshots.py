"""SVG snapshots of what a person sees (pytest-textual-snapshot; update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import AppFactory, build_cache, tolls_cache
from helpers import settle

from newsterm.config import Config
from newsterm.ui.app import NewstermApp, make_app


async def settled(pilot: Any) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


async def open_council(pilot: Any) -> None:
    await settle(pilot)
    await pilot.press("j", "enter")
    await settled(pilot)


class TestMainScreen:
    def test_wide(self, snap_compare: Any, make: AppFactory) -> None:
        assert snap_compare(make(), terminal_size=(160, 45), run_before=settled)

    def test_narrow_80x24(self, snap_compare: Any, make: AppFactory) -> None:
        assert snap_compare(make(), terminal_size=(80, 24), run_before=settled)

    def test_narrow_80x24_reading(self, snap_compare: Any, make: AppFactory) -> None:
        # the focused reader takes the room; the list keeps the open article's row in view
        assert snap_compare(make(), terminal_size=(80, 24), run_before=open_council)

    def test_tiny_60x16_reading(self, snap_compare: Any, make: AppFactory) -> None:
        # one list row above a reader of most of the screen; "? Help" still in the status bar
        assert snap_compare(make(), terminal_size=(60, 16), run_before=open_council)


class TestReader:
    def test_quotations_highlighted_in_place(self, snap_compare: Any, make: AppFactory) -> None:
        assert snap_compare(make(), terminal_size=(160, 45), run_before=open_council)

    def test_quote_selected(self, snap_compare: Any, make: AppFactory) -> None:
        async def run_before(pilot: Any) -> None:
            await open_council(pilot)
            await pilot.press("4", "j", "j", "enter")
            await settled(pilot)

        assert snap_compare(make(), terminal_size=(160, 45), run_before=run_before)

    def test_speakers_in_the_margin(
        self, snap_compare: Any, make: AppFactory, tmp_path: Path
    ) -> None:
        # who said what where the text does not say it: beside the quotation, never in it
        async def run_before(pilot: Any) -> None:
            await settle(pilot)
            await pilot.press("enter")
            await settled(pilot)

        app = make(db_path=tolls_cache(tmp_path / "tolls.db"))
        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)

    def test_maximised_reader_keeps_its_measure(self, snap_compare: Any, make: AppFactory) -> None:
        # lines of at most 80 columns (and the speakers' margin), centred in 156
        async def run_before(pilot: Any) -> None:
            await open_council(pilot)
            await pilot.press("z")
            await settled(pilot)

        assert snap_compare(make(), terminal_size=(160, 45), run_before=run_before)

    def test_quote_chosen_at_80x24_shows_the_reader(
        self, snap_compare: Any, make: AppFactory
    ) -> None:
        async def run_before(pilot: Any) -> None:
            await open_council(pilot)
            await pilot.press("4")
            await pilot.pause()
            await pilot.press("G", "enter")
            await settled(pilot)

        assert snap_compare(make(), terminal_size=(80, 24), run_before=run_before)


class TestPanes:
    def test_sources_maximised(self, snap_compare: Any, make: AppFactory) -> None:
        # z gives any pane the whole screen (the sources pane used to stay 28 columns wide)
        async def run_before(pilot: Any) -> None:
            await settled(pilot)
            await pilot.press("1", "z")
            await settled(pilot)

        assert snap_compare(make(), terminal_size=(100, 24), run_before=run_before)

    def test_one_source_list_has_no_source_column(
        self, snap_compare: Any, make: AppFactory
    ) -> None:
        async def run_before(pilot: Any) -> None:
            await settled(pilot)
            pilot.app.screen.sources.choose("source:1")
            await settled(pilot)

        assert snap_compare(make(), terminal_size=(160, 45), run_before=run_before)


class TestContacts:
    def test_contacts_pane(self, snap_compare: Any, make: AppFactory) -> None:
        async def run_before(pilot: Any) -> None:
            await open_council(pilot)
            await pilot.press("5", "j")
            await settled(pilot)

        assert snap_compare(make(), terminal_size=(160, 45), run_before=run_before)


class TestHelp:
    def test_help(self, snap_compare: Any, make: AppFactory) -> None:
        async def run_before(pilot: Any) -> None:
            await settled(pilot)
            await pilot.press("question_mark")
            await pilot.pause()

        assert snap_compare(make(), terminal_size=(160, 45), run_before=run_before)


class TestSearch:
    def test_results(self, snap_compare: Any, make: AppFactory) -> None:
        async def run_before(pilot: Any) -> None:
            await settled(pilot)
            await pilot.press("slash", *"storm", "enter")
            await settled(pilot)

        assert snap_compare(make(), terminal_size=(160, 45), run_before=run_before)


class TestStates:
    """Paths in these screens are relative (cwd is tmp_path) so the snapshots are stable."""

    def test_empty_first_run(self, snap_compare: Any, tmp_path: Path, monkeypatch: Any) -> None:
        monkeypatch.chdir(tmp_path)
        config = Config(path=Path("feeds.toml"))
        app = NewstermApp(db_path=Path("new.db"), config=config)
        assert snap_compare(app, terminal_size=(120, 30), run_before=settled)

    def test_unreadable_cache(
        self, snap_compare: Any, tmp_path: Path, config: Config, monkeypatch: Any
    ) -> None:
        monkeypatch.chdir(tmp_path)
        Path("bad.db").write_text("not a database\n", encoding="utf-8")
        app = NewstermApp(db_path=Path("bad.db"), config=config)
        assert snap_compare(app, terminal_size=(100, 24))

    def test_broken_feeds_toml(
        self, snap_compare: Any, tmp_path: Path, cache: Path, monkeypatch: Any
    ) -> None:
        from newsterm.config_load import load_config

        monkeypatch.chdir(tmp_path)
        path = Path("feeds.toml")
        path.write_text("[settings]\nrefresh_on_start = maybe\n", encoding="utf-8")
        app = make_app(config_path=path, db_path=cache, load_config=lambda: load_config(path))
        assert snap_compare(app, terminal_size=(120, 30), run_before=settled)

    def test_hostile_text_shows_literally(
        self, snap_compare: Any, tmp_path: Path, config: Config
    ) -> None:
        db = build_cache(tmp_path / "hostile.db", hostile=True)
        app = NewstermApp(db_path=db, config=config)

        async def run_before(pilot: Any) -> None:
            await settle(pilot)
            await pilot.press("enter")
            await settled(pilot)

        assert snap_compare(app, terminal_size=(160, 45), run_before=run_before)


class TestPeopleScreen:
    def test_people_wide(self, snap_compare: Any, make: AppFactory, tmp_path: Path) -> None:
        from test_ui_people import people_cache

        async def people(pilot: Any) -> None:
            await settled(pilot)
            await pilot.press("P")
            await settled(pilot)

        app = make(db_path=people_cache(tmp_path / "people.db"))
        assert snap_compare(app, terminal_size=(160, 45), run_before=people)
