"""Hostile text and links in the app: markup shows literally everywhere (panes, notifications,
title bar, command palette), dangerous links open nothing, broken config and caches are
reported without touching the files."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import NOW, Opened, council_article
from helpers import line_text, notes, settle, settle_until
from textual.command import CommandPalette
from textual.widgets import Input, OptionList

from newsterm.analysis import Contact, Quote
from newsterm.config import Config
from newsterm.config_load import load_config
from newsterm.models import SourceKind
from newsterm.store import Store
from newsterm.ui.app import NewstermApp, make_app
from newsterm.ui.screens.error import ErrorScreen
from newsterm.ui.screens.main import MainScreen
from tests.cached import save_analysed
from tests.feedserver import Answer, FeedServer

MARKUP = "[bold]b[/] [/] [link=file:///etc/passwd]l[/link] [@click=app.quit]q[/] [unbalanced"


def hostile_cache(path: Path, feed_url: str = "https://evil.example/rss") -> Path:
    raw, analysis = council_article()
    paragraphs = [MARKUP + " opens the story.", *analysis.paragraphs]
    quote = Quote(text=MARKUP, speaker=MARKUP, paragraph=0, start=0)
    contacts = [
        Contact(name=MARKUP, email="jane@example.com\r\nBcc: spy@evil.example"),
        Contact(name="Ed", email="ed@example.com?bcc=spy@evil.example&body=hi"),
    ]
    links = ["file:///etc/passwd", "-xdanger", "javascript:alert(1)", " https://x.example/"]
    with Store.open(path) as store:
        evil = store.upsert_source(SourceKind.FEED, feed_url, title=MARKUP)
        articles = []
        for n, link in enumerate(links):
            articles.append(
                (
                    replace(
                        raw,
                        guid=f"evil{n}",
                        title=MARKUP,
                        url=link,
                        authors=[MARKUP],
                        published=NOW - timedelta(minutes=n + 1),
                    ),
                    replace(
                        analysis,
                        title=MARKUP,
                        paragraphs=paragraphs,
                        authors=[MARKUP],
                        quotes=[quote],
                        contacts=contacts,
                    ),
                )
            )
        save_analysed(store, evil.id, articles, fetched_at=NOW)
        # The link checker is the app's last line: put the raw links back as a feed might.
        for n, link in enumerate(links):
            store.conn.execute("UPDATE articles SET url = ? WHERE guid = ?", (link, f"evil{n}"))
        store.conn.commit()
    return path


async def test_markup_shows_literally_in_every_pane_and_links_open_nothing(
    tmp_path: Path, config: Config, opened: Opened
) -> None:
    db = hostile_cache(tmp_path / "hostile.db")
    app = NewstermApp(db_path=db, config=config, opener=opened)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        sources = "\n".join(line_text(screen.sources, y) for y in range(10))
        assert "/] [/] [lin…" in sources  # truncated to the pane, but literal
        assert "[bold]b[/]" in line_text(screen.articles, 0)
        await pilot.press("enter")
        await settle(pilot)
        assert str(screen.reader.query_one(".title").render()) == MARKUP
        assert app.sub_title.startswith(MARKUP)
        quotes = "\n".join(line_text(screen.quotes, y) for y in range(6))
        assert "[@click=app.quit]q[/]" in quotes
        contacts = "\n".join(line_text(screen.contacts, y) for y in range(4))
        assert "[link=file:///etc/passwd]" in contacts
        # o on file:, -x, javascript: and a space-led link: nothing opens, and the app says why.
        for _ in range(4):
            await pilot.press("q", "o")
            await settle(pilot)
            await pilot.press("j", "enter")
            await settle(pilot)
        assert opened == []
        assert notes(app).count("only http, https and mailto links open") == 4
        # Enter on a contact whose address carries a header injection: nothing opens.
        await pilot.press("5", "enter")
        await settle(pilot)
        assert opened == []
        assert "No e-mail address for [bold]b[/]" in notes(app)
        # An address carrying a mailto query (?bcc=, &body=) is refused too.
        await pilot.press("j", "enter")
        await settle(pilot)
        assert opened == [] and "No e-mail address for Ed" in notes(app)
        await pilot.press("escape", "escape")
        # The command palette: discovery and every search list the source by its literal
        # title, and choosing it goes there ("[@click=app.quit]" quits nothing).
        await pilot.press("ctrl+p")
        await settle_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        results = palette.query_one(OptionList)

        def prompts() -> list[str]:
            return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]

        wanted = f"Go to {MARKUP}"

        def listed(only_the_source: bool) -> bool:
            """The source is listed; with only_the_source, nothing else is (the search of
            what was typed has run), else the discovery list with every action is back."""
            found = prompts()
            others = [p for p in found if not p.startswith(wanted)]
            return len(found) > len(others) and (not others if only_the_source else bool(others))

        await settle_until(pilot, lambda: listed(only_the_source=False))
        for query in ("go to [bold", "[", "[/", "[@click"):
            await pilot.press(*query)
            assert palette.query_one(Input).value == query
            await settle_until(pilot, lambda: listed(only_the_source=True))
            if query != "[@click":
                await pilot.press(*["backspace"] * len(query))
                await settle_until(pilot, lambda: listed(only_the_source=False))
        await pilot.press("down")  # the first hit is highlighted: choose the source
        await settle_until(pilot, lambda: results.highlighted is not None)
        assert prompts()[results.highlighted or 0].startswith(wanted)
        await pilot.press("enter")
        await settle_until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        assert app.is_running
        assert screen.articles.count == 4 and screen.articles.row(0).article.title == MARKUP


async def test_refresh_error_naming_a_hostile_feed_is_literal(tmp_path: Path) -> None:
    server = FeedServer().start()
    try:
        server.routes["/rss"] = Answer(b"[bold]oops[/] [@click=app.quit]", 500)
        url = server.url("/rss")
        db = hostile_cache(tmp_path / "hostile.db", feed_url=url)
        path = tmp_path / "feeds.toml"
        path.write_text(
            "[settings]\nrefresh_on_start = false\nread_timeout = 30.0\n\n"
            f'[[feeds]]\nurl = "{url}"\n',
            encoding="utf-8",
        )
        app = make_app(config_path=path, db_path=db, load_config=lambda: load_config(path))
        async with app.run_test(size=(160, 45), notifications=True) as pilot:
            await settle(pilot)
            await pilot.press("R")
            await settle_until(pilot, lambda: "failed" in notes(app))
            assert f"{MARKUP}: HTTP 500" in notes(app), notes(app)
            # The toast is drawn, literally: no MarkupError, no click acts.
            await settle_until(
                pilot, lambda: any(MARKUP in str(t.render()) for t in app.screen.query("Toast"))
            )
            assert app.is_running
    finally:
        server.stop()


async def test_newer_cache_schema_is_refused_by_the_app_untouched(
    tmp_path: Path, config: Config
) -> None:
    db = hostile_cache(tmp_path / "newer.db")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = db.read_bytes()
    app = NewstermApp(db_path=db, config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        assert "newer" in app.screen.message and str(db) in app.screen.message
        await pilot.press("q")
        await pilot.pause()
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0


async def test_feeds_toml_with_wrong_types_opens_the_cache_with_a_banner(
    tmp_path: Path, cache: Path
) -> None:
    path = tmp_path / "feeds.toml"
    text = (
        '[settings]\nread_timeout = "fast"\nnonsense = 1\n\n'
        '[[feeds]]\nurl = 5\ntags = "x"\n[bold]\n'
    )
    for broken in (text, '[settings]\nbogus_key = true\n[[feeds]]\nurl = "https://a.example/"\n'):
        path.write_text(broken, encoding="utf-8")
        app = make_app(config_path=path, db_path=cache, load_config=lambda: load_config(path))
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, MainScreen)
            banner = screen.query_one("#banner")
            if broken is text:
                assert banner.display and "feeds.toml" in str(banner.render())
            assert screen.articles.count == 7
            await pilot.press("R")
            await settle(pilot)
            assert app.is_running
        assert path.read_text(encoding="utf-8") == broken


async def test_a_missing_feeds_toml_named_by_config_or_env_is_said_in_the_banner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsterm.launch import Context

    missing = tmp_path / "nowhere" / "feeds.toml"
    db = tmp_path / "new.db"
    for context in (Context(config_override=str(missing)), None):
        if context is None:  # NEWSTERM_CONFIG instead of --config
            monkeypatch.setenv("NEWSTERM_CONFIG", str(missing))
            context = Context()
        app = make_app(config_path=context.config_path, db_path=db, load_config=context.config)
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            banner = app.screen.query_one("#banner")
            text = str(banner.render())
            assert banner.display and "\n" not in text
            assert f"{missing}: no such file" in text and "no sources configured" in text
            assert not missing.exists()  # said, not created
            if context.config_override is None:  # once it exists, R reads it: no banner
                missing.parent.mkdir()
                missing.write_text("[settings]\nrefresh_on_start = false\n", encoding="utf-8")
                await pilot.press("R")
                await settle(pilot)
                assert not banner.display


async def test_an_existing_feeds_toml_shows_no_banner(tmp_path: Path) -> None:
    from newsterm.launch import Context

    path = tmp_path / "feeds.toml"
    path.write_text("[settings]\nrefresh_on_start = false\n", encoding="utf-8")
    context = Context(config_override=str(path))
    app = make_app(config_path=path, db_path=tmp_path / "new.db", load_config=context.config)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert not app.screen.query("#banner.-visible")
