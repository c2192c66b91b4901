"""Pilot tests for search (issue 17, point 8): the query language in ``/``, snippets centred on
the first match, the reader scrolled to the match with every hit marked, and esc back to the
results."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import AppFactory, simple_article
from helpers import line_text, settle, settle_until

from newsterm.store import Store
from newsterm.ui.widgets.reader_paragraph import MATCH_STYLE
from tests.cached import save_analysed

HIT = "At last the old lighthouse keeper spoke: the lighthouse will stay lit."
FILLER = " ".join(["Quiet weather along the coast is forecast for the week."] * 12)


def _add_long_article(cache: Path) -> None:
    """An article whose only mention of the lighthouse is deep in its body."""
    paragraphs = [FILLER] * 6 + [HIT, FILLER]
    raw, analysis = simple_article("long", "Coastal week ahead", 2)
    raw.paragraphs = paragraphs
    analysis.paragraphs = paragraphs
    with Store.open(cache) as store:
        source = store.sources()[0]
        save_analysed(store, source.id, [(raw, analysis)])


async def test_snippet_centres_the_match_and_the_reader_marks_every_hit(
    make: AppFactory, cache: Path
) -> None:
    _add_long_article(cache)
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        await pilot.press("slash", *"lighthouse", "enter")
        await settle(pilot)
        assert screen.articles.count == 1
        snippet_line = next(
            line_text(screen.articles, y)
            for y in range(4)
            if "lighthouse" in line_text(screen.articles, y)
        )
        assert "…" in snippet_line  # cut before the match: the body starts far earlier
        row = screen.articles.row(0)
        assert row.snippet_matches
        await pilot.press("enter")
        await settle(pilot)
        reader = screen.reader
        assert screen.opened.title == "Coastal week ahead"
        first = HIT.index("lighthouse")
        second = HIT.index("lighthouse", first + 1)
        assert reader.matches == {6: [(first, first + 10), (second, second + 10)]}
        paragraph = reader._paragraphs[6].annotated().content  # what is rendered
        styled = [
            str(paragraph)[span.start : span.end]
            for span in paragraph.spans
            if str(span.style) == MATCH_STYLE
        ]
        assert styled == ["lighthouse", "lighthouse"]
        assert reader.scroll_y > 0  # scrolled down to the match
        shown = reader._paragraphs[6]
        top = shown.virtual_region.y + shown.parent.virtual_region.y  # in the reader's page
        assert reader.scroll_y <= top <= reader.scroll_y + reader.size.height

        # esc from the article goes back to the results, a second esc leaves the search
        reader.focus()
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is screen.articles  # type: ignore[attr-defined]
        assert screen.search_query == "lighthouse" and screen.articles.count == 1
        await pilot.press("escape")
        await settle(pilot)
        assert screen.search_query is None
        assert screen.articles.count == 8


async def test_the_query_language_in_slash_and_a_bad_query_in_one_line(
    make: AppFactory,
) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        await pilot.press("slash", *"storm -ferry", "enter")
        await settle(pilot)
        assert screen.search_query == "storm -ferry"
        titles = {screen.articles.row(i).article.title for i in range(screen.articles.count)}
        assert titles == {"Storm closes northern ports for a second day"}  # not the ferry app
        await pilot.press("slash", *'"northern ports" OR newspap*', "enter")
        await settle(pilot)
        titles = {screen.articles.row(i).article.title for i in range(screen.articles.count)}
        assert titles == {
            "Storm closes northern ports for a second day",
            "A faster way to search old newspapers",
        }
        screen.searcher.debounce = 3600.0  # what is typed is searched on Enter only
        notes: list[str] = []
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[attr-defined,method-assign]
        await pilot.press("slash", *"storm (ferry", "enter")
        await settle(pilot)
        assert notes == ["query column 7: this ( is not closed"]
        assert screen.search_query == '"northern ports" OR newspap*'  # the results stay


async def test_the_list_follows_what_is_typed_and_keeps_the_focus_in_the_field(
    make: AppFactory,
) -> None:
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        searcher = screen.searcher
        await pilot.press("slash", *"newspap*")
        await settle_until(pilot, lambda: screen.search_query == "newspap*")
        assert screen.articles.count == 1
        assert app.focused.id == "search"  # type: ignore[attr-defined]
        # an unfinished query (an open phrase) is not searched, nor reported, until Enter
        # (a long pause: a slow machine between two keys must not start the one before it)
        searcher.debounce = 3600.0
        started = searcher._started
        await pilot.press("space", '"', "n")
        await settle(pilot)
        assert searcher._started == started and searcher._timer is None
        assert screen.search_query == "newspap*"
        # a search answered after a later one started is dropped
        from newsterm.ui.messages import SearchFinished

        stale = SearchFinished("zebra", [], number=searcher._started - 1, live=True)
        searcher.finished(stale)
        assert screen.search_query == "newspap*" and screen.articles.count == 1
        # (typing pauses no more: Enter searches at once)
        await pilot.press("backspace", "backspace", *"OR storm", "enter")
        await settle(pilot)
        assert screen.search_query == "newspap* OR storm"
        assert screen.articles.count == 3
        assert app.focused is screen.articles  # type: ignore[attr-defined]


async def test_keys_queued_together_start_one_search_newest_first(make: AppFactory) -> None:
    """Keys handled in one turn (a paste, a fast typist on a busy machine) start one search,
    of what was typed last; a short last word is left out and the field says why."""
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        searcher = screen.searcher
        await pilot.press("slash")
        started: list[str] = []
        start = searcher._start
        searcher._start = lambda query, live: (started.append(query), start(query, live))
        for value in ("s", "st", "sto", "stor", "storm"):
            searcher.typed(value)  # (as the field's changes do, before the loop turns)
        await settle_until(pilot, lambda: screen.search_query == "storm*")
        assert started == ["storm*"]
        assert screen.searcher.newest_only
        assert "newest" in str(screen.articles.border_title)
        dates = [screen.articles.row(i).article.published for i in range(screen.articles.count)]
        assert dates == sorted(dates, reverse=True) and dates
        searcher.typed("storm cl")
        assert searcher.bar.border_subtitle == "3 letters search a prefix"
        await settle_until(pilot, lambda: started[-1:] == ["storm"])
        searcher.typed("storm clo")
        assert searcher.bar.border_subtitle == ""
        searcher.typed("storm c")
        assert searcher.bar.border_subtitle == "3 letters search a prefix"
        searcher.hide_bar()  # closing the field takes its hint away
        assert searcher.bar.border_subtitle == ""


async def test_a_search_as_typed_too_slow_for_the_field_goes_to_a_worker_and_is_shown(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cheap search as typed is listed by the UI thread itself, before the next frame; one
    that runs over its time there is given up and handed to a worker, with the same result;
    the frames the field holds while the screen searches are always let go."""
    from contextlib import contextmanager

    from newsterm.store.repo import TooSlow

    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        searcher = screen.searcher
        workers: list[str] = []
        run_worker = screen.run_worker
        screen.run_worker = lambda work, **kw: (
            workers.append(kw["group"]),
            run_worker(work, **kw),
        )[1]
        await pilot.press("slash", *"newspap*")
        await settle_until(pilot, lambda: screen.search_query == "newspap*")
        assert workers == []  # searched on the UI thread
        assert screen.articles.count == 1 and app.focused.id == "search"  # type: ignore[attr-defined]

        @contextmanager
        def too_slow(seconds: float) -> Iterator[None]:
            raise TooSlow("interrupted")
            yield

        monkeypatch.setattr(screen.store, "cpu_limit", too_slow)
        await pilot.press("space", *"OR storm")
        await settle_until(pilot, lambda: screen.search_query == "newspap* OR storm*")
        assert workers and set(workers) == {"search"}
        assert screen.articles.count == 3 and searcher.newest_only
        await pilot.press("space", '"', "n", "backspace", "backspace", "x")  # unparsed, short
        await settle(pilot)
        assert app._batch_count == 0  # type: ignore[attr-defined]


async def test_the_field_scrolls_to_its_cursor_when_the_text_is_wider(make: AppFactory) -> None:
    """(The field's text width no longer lays the screen out again at every key.)"""
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        await pilot.press("slash")
        bar = screen.searcher.bar
        screen.searcher.debounce = 3600.0
        bar.insert_text_at_cursor("word " * 60)
        await pilot.press("x", "end")
        await settle(pilot)
        assert bar.scroll_x > 0
        assert bar.cursor_screen_offset.x < bar.region.right
        await pilot.press("home")
        await settle(pilot)
        assert bar.scroll_x == 0


async def test_the_frame_that_shows_a_typed_key_shows_its_list(make: AppFactory) -> None:
    """The key and the list it searched are drawn in one frame: the list hands its repaint to
    the screen with its rows, before the screen can draw (Textual hands it over when the
    list's own queue next goes idle, which can be after a frame of the field alone)."""
    from textual.messages import Update

    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        await pilot.press("slash", *"newspa")
        await settle_until(pilot, lambda: screen.search_query == "newspa*")
        bar, articles = screen.searcher.bar, screen.articles
        frames: list[tuple[str | None, str | None]] = []
        drawn: list[str | None] = [None, None]  # the field's text, the list's query

        def bar_line(y: int, render_line=bar.render_line):  # type: ignore[no-untyped-def]
            drawn[0] = bar.value
            return render_line(y)

        def list_lines(crop, render_lines=articles.render_lines):  # type: ignore[no-untyped-def]
            drawn[1] = screen.search_query
            return render_lines(crop)

        def display(target, update, show=app._display):  # type: ignore[no-untyped-def]
            if update is not None and drawn != [None, None]:
                frames.append((drawn[0], drawn[1]))
                drawn[:] = [None, None]
            show(target, update)

        bar.render_line, articles.render_lines, app._display = bar_line, list_lines, display
        await pilot.press("p")
        await settle_until(pilot, lambda: screen.search_query == "newspap*")
        await settle(pilot)
        shown = [frame for frame in frames if frame[0] == "newspap"]
        assert shown and shown[0] == ("newspap", "newspap*")
        # the repaint is with the screen when the rows are set, whatever the loop does next
        posted: list[object] = []
        post = screen.post_message
        screen.post_message = lambda message: (posted.append(message), post(message))[1]
        hits = screen.store.search_newest("storm", limit=50)
        screen.searcher._show("storm", hits, live=True)
        screen.post_message = post
        assert any(isinstance(m, Update) and m.widget is articles for m in posted)
        await settle(pilot)
        assert articles.count == len(hits) > 0


async def test_a_search_given_up_on_the_ui_thread_hands_its_plan_to_the_worker(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search as typed that runs over its time on the UI thread after learning how common
    its words are is not started again from nothing: the worker takes that on, reads it no
    more, and lists the same rows."""
    import threading

    from newsterm.store import search
    from newsterm.store.repo import TooSlow

    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        expected = [hit.article.id for hit in screen.store.search_newest("newspap*")]
        shares: list[str] = []
        share, in_newest = search._share, search._in_newest

        def counted(store: Store, match: str, newest_id: int) -> float:
            shares.append(threading.current_thread().name)
            return share(store, match, newest_id)

        def given_up_here(*args: object) -> object:
            if threading.current_thread() is threading.main_thread():
                raise TooSlow("interrupted")  # (as cpu_limit's interrupt, after the share)
            return in_newest(*args)  # type: ignore[arg-type]

        await pilot.press("slash", *"newspa")
        await settle_until(pilot, lambda: screen.search_query == "newspa*")
        monkeypatch.setattr(search, "_share", counted)
        monkeypatch.setattr(search, "_in_newest", given_up_here)
        await pilot.press("p")
        await settle_until(pilot, lambda: screen.search_query == "newspap*")
        assert len(shares) == 1 and shares[0] == threading.main_thread().name
        assert [screen.articles.row(i).article.id for i in range(screen.articles.count)] == (
            expected
        )
        assert expected and screen.searcher.newest_only
