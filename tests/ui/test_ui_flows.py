"""Pilot tests: search, quotations, contacts, links, help, palette, themes, keymap, refresh,
empty and error states, and untrusted text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import HOSTILE, AppFactory, Opened, build_cache
from helpers import line_text, settle, settle_until
from textual.command import CommandPalette
from textual.geometry import Region
from textual.widgets import OptionList

from newsterm.config import Config
from newsterm.store import ArticleFilter, Store
from newsterm.ui.app import NewstermApp, make_app
from newsterm.ui.screens.error import ErrorScreen
from newsterm.ui.screens.help import HelpScreen
from newsterm.ui.screens.main import MainScreen


async def open_council(pilot: object) -> None:
    await pilot.press("j", "enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


async def test_search_lists_matches_and_escape_goes_back(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        # typed straight after "/" (as a paste or a fast typist would): every key must land
        await pilot.press("slash", *"storm")
        assert app.focused.id == "search"  # type: ignore[attr-defined]
        assert screen.query_one("#search").value == "storm"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.search_query == "storm"
        assert screen.articles.count == 2
        assert app.focused is screen.articles  # type: ignore[attr-defined]
        row = screen.articles.row(0)
        assert row.title_matches and row.snippet
        assert "Search “storm” · 2 results" in str(screen.articles.border_title)
        assert "storm" in line_text(screen.articles, 1).lower()
        await pilot.press("enter")
        await settle(pilot)
        assert "storm" in screen.opened.title.lower()
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert screen.search_query is None
        assert screen.articles.count == 7


async def test_search_without_matches_says_so(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("slash", *"zebra", "enter")
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        assert screen.articles.count == 0
        assert "No articles match" in line_text(screen.articles, 1)


async def test_quotes_scroll_the_reader_and_y_copies_a_citation(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(160, 30)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        await open_council(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        await pilot.press("4", "j", "j", "enter")
        await pilot.pause()
        assert screen.reader.active_quote == 2
        await pilot.press("y")
        assert app.clipboard == (  # type: ignore[attr-defined]
            "“Nobody has told them what comes next.” — Tom Becker, in “Harbour city votes to "
            "close its coal plant by 2030” (City Hall, 3 Mar 2026), "
            "https://news.example.com/eastport/coal"
        )
        assert '"' not in app.clipboard  # type: ignore[attr-defined]  # one quote style
        await pilot.press("G", "enter")
        await pilot.pause()
        await pilot.pause()
        assert screen.reader.active_quote == 4
        assert screen.reader.scroll_y > 0


async def test_contacts_enter_writes_and_c_copies(make: AppFactory, opened: Opened) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        await open_council(pilot)
        await pilot.press("5", "enter")
        await settle(pilot)
        assert opened == ["mailto:jane.doe@example.com"]
        await pilot.press("j", "c")
        assert app.clipboard == "john.roe@example.org"  # type: ignore[attr-defined]


async def test_o_opens_http_links_only(tmp_path: Path, opened: Opened, config: Config) -> None:
    db = build_cache(tmp_path / "hostile.db", hostile=True)
    app = NewstermApp(db_path=db, config=config, opener=opened)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.articles.current is not None
        assert screen.articles.current.title == HOSTILE
        await pilot.press("o")
        await settle(pilot)
        assert opened == []
        assert any("only http, https and mailto" in str(n.message) for n in app._notifications)
        await pilot.press("j", "o")
        await settle(pilot)
        assert opened == ["https://news.example.com/w1"]


def said(app: NewstermApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every notification the app posts, kept (toasts expire; this list does not)."""
    messages: list[str] = []
    notify = app.notify

    def record(message: str, **options: Any) -> None:
        messages.append(str(message))
        notify(message, **options)

    monkeypatch.setattr(app, "notify", record)
    return messages


async def test_a_link_nothing_can_open_is_copied_instead(
    tmp_path: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No browser (webbrowser.open is False, as in a container): the app says so and copies
    the link; it never claims the link opened."""
    import webbrowser

    asked: list[str] = []

    def no_browser(url: str, new: int = 0, autoraise: bool = True) -> bool:
        asked.append(url)
        return False

    monkeypatch.setattr(webbrowser, "open", no_browser)
    db = build_cache(tmp_path / "hostile.db", hostile=True)
    app = NewstermApp(db_path=db, config=config)  # the real opener: links.open_in_browser
    messages = said(app, monkeypatch)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("j", "o")
        await settle(pilot)
        assert asked == ["https://news.example.com/w1"]
        assert app.clipboard == "https://news.example.com/w1"
        assert any("No browser could open" in m and "copied" in m for m in messages), messages
        assert not any(m.startswith(("Opened", "Opening")) for m in messages), messages


async def test_a_link_that_opens_says_so(
    tmp_path: Path, config: Config, opened: Opened, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = build_cache(tmp_path / "hostile.db", hostile=True)
    app = NewstermApp(db_path=db, config=config, opener=opened)
    messages = said(app, monkeypatch)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("j", "o")
        await settle(pilot)
        assert opened == ["https://news.example.com/w1"]
        assert app.clipboard == ""
        assert "Opened https://news.example.com/w1" in messages


async def test_untrusted_text_is_shown_literally_and_clicks_do_nothing(
    tmp_path: Path, config: Config
) -> None:
    db = build_cache(tmp_path / "hostile.db", hostile=True)
    app = NewstermApp(db_path=db, config=config)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert "[bold red]pwned[/] [@click=app.quit]" in line_text(screen.articles, 0)
        await pilot.press("enter")
        await settle(pilot)
        title = screen.reader.query_one(".title")
        assert str(title.render()) == HOSTILE  # type: ignore[attr-defined]
        await pilot.click(title, offset=(25, 0))
        await pilot.click(screen.articles, offset=(30, 0))
        await settle(pilot)
        assert app.is_running
        assert HOSTILE in str(app.format_title(app.title, app.sub_title))
        sources = "\n".join(line_text(screen.sources, y) for y in range(20))
        assert "[b]Evil[/b] feed" in sources


async def test_help_lists_every_binding(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)  # type: ignore[attr-defined]
        ids = {b.id for _, bindings in app.binding_sections() for b in bindings}  # type: ignore[attr-defined]
        listed = {row[3] for row in app.screen.rows}  # type: ignore[attr-defined]
        assert listed == ids - {None}
        keys = {row[3]: row[1] for row in app.screen.rows}  # type: ignore[attr-defined]
        assert keys["refresh"] == "R" and keys["search"] == "/"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)  # type: ignore[attr-defined]


def test_every_binding_has_an_id_and_a_tooltip_or_description() -> None:
    app = NewstermApp(db_path=Path("unused.db"))
    ids: list[str] = []
    for _, bindings in app.binding_sections():
        for binding in bindings:
            assert binding.id, binding
            assert binding.tooltip or binding.description, binding
            ids.append(binding.id)
    assert len(ids) == len(set(ids))


async def test_command_palette_runs_actions(make: AppFactory, cache: Path) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}  # type: ignore[attr-defined]
        for expected in (
            "Refresh",
            "Search",
            "Next unread",
            "Toggle read",
            "Toggle star",
            "Mark all read",
            "Open link",
            "Unread only",
            "Copy quotation",
            "Write to author",
            "Copy address",
            "Focus reader",
            "Theme",
            "Help",
        ):
            assert expected in titles
        await pilot.press("ctrl+p")
        await settle_until(pilot, lambda: isinstance(app.screen, CommandPalette))  # type: ignore[attr-defined]
        await pilot.press(*"toggle star")
        results = app.screen.query_one(OptionList)  # type: ignore[attr-defined]

        def first_hit() -> str:
            return str(results.get_option_at_index(0).prompt) if results.option_count else ""

        await settle_until(pilot, lambda: first_hit().startswith("Toggle star"))
        await pilot.press("enter")
        await settle_until(pilot, lambda: isinstance(app.screen, MainScreen))  # type: ignore[attr-defined]
        await settle(pilot)
        with Store.open(cache) as store:
            assert store.count_articles(ArticleFilter(starred_only=True)) == 1


async def test_theme_is_remembered(make: AppFactory, cache: Path) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        app.theme = "nord"  # type: ignore[attr-defined]
        await settle(pilot)
    with Store.open(cache) as store:
        assert store.get_meta("theme") == "nord"
    again = make()
    async with again.run_test(size=(120, 40)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        assert again.theme == "nord"  # type: ignore[attr-defined]


async def test_keymap_remaps_bindings(make: AppFactory, cache: Path, config: Config) -> None:
    remapped = Config(
        path=config.path,
        settings=config.settings,
        keymap={"toggle-star": "x", "article-down": "ctrl+n", "no-such-binding": "f9"},
    )
    app = make(config=remapped)
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("ctrl+n", "x")
        await settle(pilot)
        assert app.screen.articles.cursor == 1  # type: ignore[attr-defined]
        with Store.open(cache) as store:
            assert store.count_articles(ArticleFilter(starred_only=True)) == 1
        assert any("no-such-binding" in str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


def write_articles(folder: Path, count: int, start: int = 0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        (folder / f"note-{i:02d}.txt").write_text(
            f"Local note number {i}\n\nThe body of note {i}.\n", encoding="utf-8"
        )


def files_config(tmp_path: Path, folder: Path, refresh_on_start: bool) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(
        f"[settings]\nrefresh_on_start = {str(refresh_on_start).lower()}\n\n"
        f'[[feeds]]\npath = "{folder}"\ntitle = "Notes"\ntags = ["notes"]\n',
        encoding="utf-8",
    )
    return path


async def test_a_search_typed_in_one_burst_lands_in_the_field(
    make: AppFactory, opened: Opened
) -> None:
    from textual import events

    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]

        def states() -> list[tuple[bool, bool]]:
            rows = [screen.articles.row(i) for i in range(screen.articles.count)]
            return [(r.article.read, r.article.starred) for r in rows if r is not None]

        before = states()
        # as a terminal delivers a paste (or tmux send-keys): every key queued before the first
        # is handled, so "/" must have moved the focus before "s", "t", "o", "r", "m" arrive
        keys = [events.Key("slash", "/"), *(events.Key(c, c) for c in "storm")]
        for key in [*keys, events.Key("enter", "\r")]:
            app.post_message(key)  # type: ignore[attr-defined]
        await settle(pilot)
        assert screen.search_query == "storm"
        assert screen.articles.count == 2
        assert not opened  # "o" did not open a link, nor "s" star, nor "r" mark read
        await pilot.press("escape")
        await settle(pilot)
        assert states() == before
        await pilot.press("slash", "a", "/", "b")  # and "/" in the field is typed, not bound
        assert screen.query_one("#search").value == "a/b"


async def test_refresh_adds_new_articles_and_keeps_the_selection(
    tmp_path: Path, cache: Path, opened: Opened
) -> None:
    from newsterm.config_load import load_config

    folder = tmp_path / "notes"
    write_articles(folder, 2)
    path = files_config(tmp_path, folder, refresh_on_start=False)
    app = make_app(config_path=path, db_path=cache, load_config=lambda: load_config(path))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("j", "j")
        selected = screen.articles.current_id
        await pilot.press("R")
        await settle_until(pilot, lambda: screen.articles.count == 9)
        assert screen.articles.current_id == selected
        assert "2 new" in str(screen.query_one("#refresh-status").render())
        keys = [
            screen.sources.get_option_at_index(i).id for i in range(screen.sources.option_count)
        ]
        assert "tag:notes" in keys


async def test_refresh_on_start_and_errors_on_the_source(tmp_path: Path, cache: Path) -> None:
    from newsterm.config_load import load_config

    folder = tmp_path / "notes"
    write_articles(folder, 3)
    path = files_config(tmp_path, folder, refresh_on_start=True)
    reads: list[Path] = []

    def read() -> Config:
        reads.append(path)
        return load_config(path)

    app = make_app(config_path=path, db_path=cache, load_config=read)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await settle_until(pilot, lambda: screen.articles.count == 10)
        assert len(reads) == 1  # the refresh on start uses what the app has just read
        for note in folder.iterdir():
            note.unlink()
        folder.rmdir()
        await pilot.press("R")

        def sources_text() -> str:  # wrapped lines joined back (a long path wraps the error)
            return " ".join(line_text(screen.sources, y).strip() for y in range(40))

        await settle_until(pilot, lambda: "no such file or folder" in sources_text())
        assert len(reads) == 2  # R reads it again
        assert "⚠ Notes" in sources_text()
        assert "1 source failed" in [n.title for n in app._notifications]


async def test_feeds_toml_is_read_once_before_the_first_frame_and_applied(
    cache: Path, config: Config
) -> None:
    # (read as the screen mounts: the sources pane, in the first frame, needs its sources)
    frames: list[object] = []
    frames_when_read: list[int] = []

    def load_config() -> Config:
        frames_when_read.append(len(frames))
        return replace(config, keymap={"toggle-star": "x"})

    app = make_app(config_path=config.path, db_path=cache, load_config=load_config)
    display = app._display

    def counting(screen: object, renderable: object) -> None:
        if renderable is not None:
            frames.append(renderable)
        display(screen, renderable)  # type: ignore[arg-type]

    app._display = counting  # type: ignore[method-assign]
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert frames_when_read == [0]  # once, before any frame
        assert len(frames) >= 1
        assert app.keymap == {"toggle-star": "x"}  # and applied
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("x")
        assert screen.articles.row(0).article.starred  # type: ignore[union-attr]


async def test_first_run_says_what_to_do(tmp_path: Path, config: Config) -> None:
    app = NewstermApp(db_path=tmp_path / "new.db", config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        text = "\n".join(line_text(screen.articles, y) for y in range(12))
        assert "Nothing here yet" in text and "newsterm add" in text


async def test_broken_feeds_toml_opens_the_cache_with_a_banner(tmp_path: Path, cache: Path) -> None:
    from newsterm.config_load import load_config

    path = tmp_path / "feeds.toml"
    path.write_text("[settings]\nrefresh_on_start = maybe\n", encoding="utf-8")
    app = make_app(config_path=path, db_path=cache, load_config=lambda: load_config(path))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        banner = screen.query_one("#banner")
        assert banner.display and "feeds.toml" in str(banner.render())
        assert screen.articles.count == 7
        path.write_text("[settings]\nrefresh_on_start = false\n", encoding="utf-8")
        await pilot.press("R")
        await settle(pilot)
        assert not banner.display


async def test_unreadable_cache_shows_an_error_screen(tmp_path: Path, config: Config) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("this is not a database\n", encoding="utf-8")
    app = NewstermApp(db_path=bad, config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        assert "not a newsterm cache" in app.screen.message
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


def test_cli_stays_free_of_textual() -> None:
    import subprocess
    import sys

    code = "import sys, newsterm.cli; assert 'textual' not in sys.modules, 'textual imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


async def test_the_app_refreshes_on_start_by_default(tmp_path: Path, cache: Path) -> None:
    from newsterm.config_load import load_config

    folder = tmp_path / "notes"
    write_articles(folder, 2)
    path = tmp_path / "feeds.toml"  # no [settings]: the defaults
    path.write_text(f'[[feeds]]\npath = "{folder}"\ntitle = "Notes"\n', encoding="utf-8")
    app = make_app(config_path=path, db_path=cache, load_config=lambda: load_config(path))
    async with app.run_test(size=(160, 45)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await settle_until(pilot, lambda: screen.articles.count == 9)  # the 2 notes are read


async def test_the_header_icon_opens_the_palette_and_the_title_follows_the_article(
    make: AppFactory,
) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        header = app.screen.query_one("#header")  # type: ignore[attr-defined]

        def drawn() -> str:
            return str(header.render_lines(Region(0, 0, header.size.width, 1))[0].text)

        assert drawn().startswith(" ⭘      ") and "newsterm" in drawn()
        await pilot.press("enter")
        await settle_until(pilot, lambda: bool(app.sub_title))  # type: ignore[attr-defined]
        await settle(pilot)
        assert f"newsterm — {app.sub_title}" in drawn()  # type: ignore[attr-defined]
        await pilot.click("#header", offset=(1, 0))
        await settle_until(pilot, lambda: isinstance(app.screen, CommandPalette))  # type: ignore[attr-defined]
