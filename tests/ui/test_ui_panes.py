"""Pilot tests: the panes, navigation, opening, read state and the layout."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import NOW, AppFactory, article_id
from helpers import line_text, settle

from newsterm.store import ArticleFilter, Store
from newsterm.ui.screens.main import MainScreen
from newsterm.ui.widgets.article_list import ArticleList


def titles(app: object) -> list[str]:
    screen = app.screen  # type: ignore[attr-defined]
    articles: ArticleList = screen.articles
    return [articles.row(i).article.title for i in range(articles.count)]  # type: ignore[union-attr]


def source_lines(app: object) -> list[str]:
    sources = app.screen.sources  # type: ignore[attr-defined]
    out = []
    for index in range(sources.option_count):
        option = sources.get_option_at_index(index)
        out.append(option.id or "")
    return out


async def test_opens_on_the_cache_with_every_pane(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        assert isinstance(screen, MainScreen)
        for pane in ("#sources", "#articles", "#reader", "#quotes", "#contacts"):
            assert screen.query_one(pane).display
        assert screen.query_one("#panes").has_class("-wide")
        assert titles(app) == [
            "Talks resume on the river treaty",
            "Harbour city votes to close its coal plant by 2030",
            "A faster way to search old newspapers",
            "Storm closes northern ports for a second day",
            "Why the storm knocked out the ferry app",
            "Grain prices fall as harvest beats forecasts",
            "Election observers report a calm vote",
        ]
        keys = source_lines(app)
        assert keys[:3] == ["all", "unread", "starred"]
        assert "tag:local" in keys and "tag:tech" in keys and "tag:world" in keys
        assert keys.index("tag:local") < keys.index("tag:tech") < keys.index("tag:world")
        assert focused_id(app) == "articles"
        first = line_text(screen.articles, 0)
        assert "●" in first and "Talks resume" in first and "World Desk" in first and "1h" in first
        read_row = line_text(screen.articles, 5)
        assert "●" not in read_row and "1d" in read_row


async def test_keys_typed_during_start_up_reach_the_quotations_and_contacts(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The quotations and contacts panes are mounted as the screen mounts, in a task; a reader
    # who presses 5 or Enter before it is done must not lose the key (or crash the app). The
    # task is held until the key's action is running, as on a slow machine. The start-up's
    # own work that needs the panes (the background analysis) is already waiting for them
    # when the key comes: it must not hold the screen's messages (Enter's article) meanwhile.
    gate, acting, deferred = asyncio.Event(), asyncio.Event(), asyncio.Event()
    mount, after_panes = MainScreen._mount_panes, MainScreen.after_panes
    focus_pane, open_article = MainScreen.action_focus_pane, MainScreen.open_article

    async def held(screen: MainScreen) -> None:
        await gate.wait()
        await mount(screen)

    def waiting(screen: MainScreen, callback: Callable[..., object], *args: object) -> None:
        after_panes(screen, callback, *args)
        deferred.set()

    async def focusing(screen: MainScreen, pane: str) -> None:
        acting.set()
        await focus_pane(screen, pane)

    async def opening(screen: MainScreen, article_id: int, *, focus_reader: bool) -> None:
        acting.set()
        await open_article(screen, article_id, focus_reader=focus_reader)

    monkeypatch.setattr(MainScreen, "_mount_panes", held)
    monkeypatch.setattr(MainScreen, "after_panes", waiting)
    monkeypatch.setattr(MainScreen, "action_focus_pane", focusing)
    monkeypatch.setattr(MainScreen, "open_article", opening)
    for key in ("5", "enter"):
        gate.clear()
        acting.clear()
        deferred.clear()
        app = make()
        async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
            screen = app.screen  # type: ignore[attr-defined]
            await deferred.wait()  # the background analysis waits for the panes
            press = asyncio.create_task(pilot.press(key))
            try:
                await asyncio.wait_for(acting.wait(), 60)  # (a hang guard only)
                assert not screen.query("#quotes")  # the key came before the panes
            finally:
                gate.set()  # (never left held: the app could not close)
            await press
            await settle(pilot)
            if key == "5":
                assert focused_id(app) == "contacts"
                assert str(screen.query_one("#contacts").border_title) == "5 Contacts"
            else:
                assert screen.quotes.article is not None
                assert screen.quotes.article.title == "Talks resume on the river treaty"
                assert str(screen.quotes.border_title) == "4 Quotations"


def focused_id(app: object) -> str | None:
    focused = app.focused  # type: ignore[attr-defined]
    return None if focused is None else focused.id


async def test_unread_counts_and_source_errors_show_in_the_sources_pane(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        sources = app.screen.sources  # type: ignore[attr-defined]
        text = "\n".join(
            line_text(sources, y) for y in range(sources.scrollable_content_region.height)
        )
        assert "All" in text and "5" in text
        assert "⚠ Tech Notes" in text
        assert "connection refused" in text


async def test_keys_move_through_the_list(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        articles = app.screen.articles  # type: ignore[attr-defined]
        await pilot.press("j", "j", "down")
        assert articles.cursor == 3
        await pilot.press("k", "up")
        assert articles.cursor == 1
        await pilot.press("G")
        assert articles.cursor == articles.count - 1
        await pilot.press("g")
        assert articles.cursor == 0
        await pilot.press("end")
        assert articles.cursor == 6
        await pilot.press("home", "pagedown")
        assert articles.cursor > 0
        await pilot.press("pageup")
        assert articles.cursor == 0


async def test_enter_opens_the_article_and_marks_it_read(make: AppFactory, cache: Path) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        await pilot.press("j", "enter")
        await settle(pilot)
        assert screen.reader.article.title.startswith("Harbour city")
        assert focused_id(app) == "reader"
        assert app.sub_title.startswith("Harbour city")  # type: ignore[attr-defined]
        assert len(screen.quotes.article.quotes) == 5
        assert screen.contacts.row_count == 2
        with Store.open(cache) as store:
            assert store.article(article_id(cache, "council")).read  # type: ignore[union-attr]
            assert store.count_articles(ArticleFilter(unread_only=True)) == 4
        assert "●" not in line_text(screen.articles, 1)
        # the unread count in the sources pane followed
        local = screen.sources
        index = local.get_option_index("tag:local")
        assert local.get_option_at_index(index).prompt.count.plain == ""
        await pilot.press("q")
        assert focused_id(app) == "articles"
        assert app.is_running  # type: ignore[attr-defined]


async def test_opening_can_leave_the_article_unread(make: AppFactory, cache: Path) -> None:
    from newsterm.config import Config, Settings

    config = Config(
        path=cache.parent / "feeds.toml",
        settings=Settings(mark_read_on_open=False, refresh_on_start=False),
    )
    app = make(config=config)
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        with Store.open(cache) as store:
            assert store.count_articles(ArticleFilter(unread_only=True)) == 5


async def test_r_toggles_read_and_s_stars(make: AppFactory, cache: Path) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        first = screen.articles.current_id
        await pilot.press("r")
        await settle(pilot)
        with Store.open(cache) as store:
            assert store.article(first).read  # type: ignore[union-attr]
        await pilot.press("r", "s")
        await settle(pilot)
        with Store.open(cache) as store:
            article = store.article(first)
            assert article is not None and not article.read and article.starred
        assert "★" in line_text(screen.articles, 0)
        starred = screen.sources.get_option_index("starred")
        screen.sources.highlighted = starred
        await settle(pilot)
        assert [r for r in titles(app)] == ["Talks resume on the river treaty"]


async def test_n_and_p_walk_unread_articles_across_sources(make: AppFactory, cache: Path) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        # start in one source: n follows unread articles into the others
        screen.sources.highlighted = screen.sources.get_option_index("tag:local")
        await settle(pilot)
        assert titles(app) == ["Harbour city votes to close its coal plant by 2030"]
        await pilot.press("n")
        await settle(pilot)
        assert screen.opened.title == "Harbour city votes to close its coal plant by 2030"
        await pilot.press("n")
        await settle(pilot)
        assert screen.opened.title == "A faster way to search old newspapers"
        assert screen.articles.current_id == screen.opened.id
        await pilot.press("p")
        await settle(pilot)
        assert screen.opened.title == "Talks resume on the river treaty"
        with Store.open(cache) as store:
            assert store.count_articles(ArticleFilter(unread_only=True)) == 2


async def test_A_marks_the_source_read(make: AppFactory, cache: Path) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        screen.sources.highlighted = screen.sources.get_option_index("tag:world")
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        with Store.open(cache) as store:
            assert store.count_articles(ArticleFilter(unread_only=True)) == 3
            assert store.count_articles(ArticleFilter(tag="world", unread_only=True)) == 0


async def test_u_shows_only_unread(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert len(titles(app)) == 5
        assert "unread only" in str(app.screen.articles.border_title)  # type: ignore[attr-defined]
        await pilot.press("u")
        assert len(titles(app)) == 7


async def test_focus_keys_tab_and_maximise(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        for key, pane in zip(
            "12345", ("sources", "articles", "reader", "quotes", "contacts"), strict=True
        ):
            await pilot.press(key)
            await pilot.pause()
            assert focused_id(app) == pane
        await pilot.press("2", "tab")
        assert focused_id(app) == "reader"
        await pilot.press("shift+tab")
        assert focused_id(app) == "articles"
        screen = app.screen  # type: ignore[attr-defined]
        await pilot.press("z")
        assert screen.maximized is screen.articles
        await pilot.press("escape")
        assert screen.maximized is None
        await pilot.press("3", "z")
        await pilot.pause()
        assert screen.maximized is screen.reader
        await pilot.press("q")
        assert screen.maximized is None
        assert app.is_running  # type: ignore[attr-defined]


async def test_layout_stacks_on_narrow_terminals(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        panes = screen.query_one("#panes")
        assert panes.has_class("-narrow") and panes.has_class("-short")
        assert screen.articles.region.width > 40
        assert screen.reader.region.y > screen.articles.region.y
        await pilot.press("enter")
        await settle(pilot)
        assert screen.reader.region.height >= 8
        await pilot.press("4")
        await pilot.pause()
        assert focused_id(app) == "quotes"
        assert screen.quotes.region.height >= 5
        await pilot.press("2")
        await pilot.pause()
        assert screen.reader.display
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        assert panes.has_class("-wide")


async def test_q_quits_from_the_list(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running  # type: ignore[attr-defined]


def test_now_is_frozen() -> None:
    assert NOW.year == 2026


async def test_contacts_show_a_whole_address_at_160x45(make: AppFactory) -> None:
    from dataclasses import replace

    from newsterm.analysis import Contact

    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        await pilot.press("j", "enter")
        await settle(pilot)
        address = "marta.quinlan@harbourtimes.com"  # 30 characters
        contact = Contact(name="Marta Quinlan", email=address, handle="@mquinlan")
        screen.contacts.show(replace(screen.opened, contacts=[contact], authors=[]))
        await pilot.pause()
        lines = [screen.contacts.render_line(y).text for y in range(4)]
        assert any(address in line for line in lines), lines
        assert any("@mquinlan" in line for line in lines), lines


async def test_a_feed_read_leniently_has_a_quiet_note_in_the_sources_pane(
    make: AppFactory, cache: Path
) -> None:
    with Store.open(cache) as store:
        world = next(s for s in store.sources() if s.title == "World Desk")
        store.update_source(world.id, parse_note="not well-formed (invalid token)")
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        sources = app.screen.sources  # type: ignore[attr-defined]
        lines = [line_text(sources, y) for y in range(sources.scrollable_content_region.height)]
        at = next(i for i, line in enumerate(lines) if "World Desk" in line)
        assert "⚠" not in lines[at]
        assert lines[at + 1].strip().startswith("read leniently: not w")  # cut to the pane


async def test_q_typed_while_an_article_opens_goes_back_instead_of_quitting(
    make: AppFactory,
) -> None:
    """Enter and q arrive together (a fast typist): q acts on the opened article, as if typed
    after it appeared: back to the list, the app still running; a second q then quits."""
    from textual import events

    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen: MainScreen = app.screen  # type: ignore[attr-defined]
        first = titles(app)[0]
        for key in ("enter", "q"):  # both queued before the app handles either
            app.post_message(events.Key(key, "\r" if key == "enter" else key))  # type: ignore[attr-defined]
        await settle(pilot)
        assert app.is_running  # type: ignore[attr-defined]
        assert screen.opened is not None and screen.opened.title == first
        assert focused_id(app) == "articles"
        await pilot.press("q")
        assert not app.is_running  # type: ignore[attr-defined]


async def test_keys_typed_in_a_burst_act_on_the_pane_they_chose(make: AppFactory) -> None:
    """``1 j j j Enter`` typed in one burst (a terminal delivers it at once) moves in the
    sources pane and chooses a source: the keys after ``1`` must not go to the article list,
    which had the focus, and open an article."""
    from textual import events

    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        for key, char in (("1", "1"), ("j", "j"), ("j", "j"), ("j", "j"), ("enter", "\r")):
            app.post_message(events.Key(key, char))  # type: ignore[attr-defined]
        await settle(pilot)
        assert screen.opened is None and screen.articles.opening == 0  # nothing opened
        assert screen.sources.highlighted == 3  # j j j moved in the sources pane
        assert screen.filter.tag == "local" and screen.filter_title == "#local"  # Enter chose it
        assert focused_id(app) == "articles"  # (and went on to its articles, as Enter does)


async def test_back_and_pane_keys_typed_while_an_article_opens_act_after_it_in_order(
    make: AppFactory,
) -> None:
    """``Enter q 1`` in one burst: the article opens, ``q`` goes back from it to the list, and
    ``1`` then focuses the sources: the pane key must not act before the article is shown
    (the back key's focus change, replayed after it, would undo it)."""
    from textual import events

    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        for key, char in (("enter", "\r"), ("q", "q"), ("1", "1")):
            app.post_message(events.Key(key, char))  # type: ignore[attr-defined]
        await settle(pilot)
        assert screen.opened is not None  # Enter opened the article
        assert app.is_running  # type: ignore[attr-defined]  # q went back, not quit
        assert focused_id(app) == "sources"


async def test_keys_typed_in_the_burst_of_an_enter_act_on_the_article_it_opens(
    make: AppFactory,
) -> None:
    """``Enter j j s`` in one burst: the article opens, ``j j`` scroll the reader (which has
    the focus once it is shown) and ``s`` stars the article, as if typed after it appeared;
    the list, which had the focus while it opened, does not move."""
    from textual import events

    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        first = titles(app)[0]
        scrolled: list[str] = []
        screen.reader.action_scroll_down = lambda: scrolled.append("down")
        for key, char in (("enter", "\r"), ("j", "j"), ("j", "j"), ("s", "s")):
            app.post_message(events.Key(key, char))  # type: ignore[attr-defined]
        await settle(pilot)
        assert screen.opened is not None and screen.opened.title == first
        assert screen.articles.cursor == 0  # j j did not move the list
        assert scrolled == ["down", "down"]  # they scrolled the reader
        assert focused_id(app) == "reader"
        assert screen.opened.starred
        assert screen.store.article(screen.opened.id).starred
        await pilot.press("j")  # and a key typed after acts at once
        assert scrolled == ["down", "down", "down"]


async def test_the_start_up_renders_no_frame_it_does_not_draw(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # While the panes are mounted in one batch, Textual would render a whole frame at each
    # layout refresh and drop it (App._display draws nothing in a batch): the screen holds
    # those frames until the batch ends, and then renders the whole screen once.
    from textual._compositor import Compositor

    render_update = Compositor.render_update
    batches: list[int] = []
    app = make()

    def rendering(self: Compositor, *args: object, **kwargs: object) -> object:
        batches.append(app._batch_count)  # type: ignore[attr-defined]
        return render_update(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Compositor, "render_update", rendering)
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        assert app.screen.query("#quotes")  # type: ignore[attr-defined]
    assert 0 in batches  # (the whole screen, once the batch ended)
    assert [b for b in batches if b] == []  # nothing rendered inside the batch
