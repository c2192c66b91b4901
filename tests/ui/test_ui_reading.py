"""Reading at every size: the measure, the room the reader gets, the summary line, quotations
shown from a stacked layout, and keys that jump."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import NOW, AppFactory, tolls_cache
from helpers import settle

from newsterm.analysis import Analysis, RawArticle
from newsterm.config import Config, Settings
from newsterm.models import SourceKind
from newsterm.store import Store
from newsterm.ui.widgets.reader_paragraph import ReaderParagraph
from tests.cached import save_analysed


def page_width(app: Any) -> int:
    return int(app.screen.reader.query_one(".page").region.width)


async def test_speakers_not_named_in_the_text_sit_in_the_margin(
    make: AppFactory, tmp_path: Path
) -> None:
    app: Any = make(db_path=tolls_cache(tmp_path / "tolls.db"))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "z")
        await settle(pilot)
        paragraphs = list(app.screen.reader.query(ReaderParagraph))
        lines = [[line.plain for line in p._lay_out(p.content_region.width)[0]] for p in paragraphs]
        gutter = len("Councillor Ben Hart") + 2  # as wide as the longest name needs
        assert page_width(app) == 80 + gutter
        # the quotation's first line carries the name, right-aligned in the margin, whole
        assert lines[1][0][:gutter].strip() == "Councillor Ben Hart"
        assert lines[1][0][gutter:].startswith("“Residents are already paying")
        assert lines[2][0][:gutter].strip() == "Mayor Ana Ruiz"
        # named in its own sentence ("said Hart"): no margin note
        assert lines[3][0][:gutter].strip() == ""
        # the text never carries a tag
        assert all("Ben Hart" not in line[gutter:] for line in lines[1])


async def test_a_maximised_reader_keeps_an_80_column_measure_centred(make: AppFactory) -> None:
    app: Any = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter", "z")
        await settle(pilot)
        reader = app.screen.reader
        page = reader.query_one(".page")
        assert page_width(app) == 80  # the council article needs no margin
        left = page.region.x - reader.content_region.x
        right = reader.content_region.right - page.region.right
        assert left > 30 and abs(left - right) <= 2


async def test_the_measure_is_a_setting(make: AppFactory, tmp_path: Path) -> None:
    wide = Config(path=tmp_path / "feeds.toml", settings=Settings(reader_width=0))
    app: Any = make(config=wide)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter", "z")
        await settle(pilot)
        assert page_width(app) == app.screen.reader.content_region.width


async def test_small_terminals_give_the_focused_reader_the_room(make: AppFactory) -> None:
    app: Any = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("j", "enter")
        await settle(pilot)
        assert screen.focused is screen.reader
        assert screen.reader.region.height >= 16  # of 22 rows between header and footer
        # the open article's row stays in view in the three rows the list keeps
        assert screen.articles.current_id == screen.opened.id
        row = screen.articles.cursor * screen.articles.row_height - screen.articles.scroll_y
        assert 0 <= row < screen.articles.scrollable_content_region.height
        hint = screen.query_one("#help-hint")
        assert hint.region.right <= 80 and "? Help" in str(hint.render())
        await pilot.press("2")  # the list focused takes its room back
        await pilot.pause()
        assert screen.articles.region.height >= 8
        await pilot.resize_terminal(60, 16)
        await pilot.press("3")
        await settle(pilot)
        assert screen.reader.region.height >= 10  # of 14
        assert hint.region.right <= 60 and hint.region.width > 0


async def test_enter_on_a_quotation_at_80x24_shows_the_reader_there(make: AppFactory) -> None:
    app: Any = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("j", "enter", "4")
        await settle(pilot)
        assert not screen.reader.display  # stacked: the quotations took the reader's place
        await pilot.press("G", "enter")
        await settle(pilot)
        reader = screen.reader
        assert reader.display and screen.focused is reader
        assert reader.active_quote == 4
        paragraph = reader.query(ReaderParagraph)[4]
        assert paragraph.region.overlaps(reader.content_region)  # the quotation is on screen
        assert reader.scroll_y > 0


async def test_g_G_and_space_jump_at_once(make: AppFactory, tmp_path: Path) -> None:
    app: Any = make(db_path=tolls_cache(tmp_path / "tolls.db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.reader
        assert reader.max_scroll_y > 10
        await pilot.press("G")
        assert reader.scroll_y == reader.max_scroll_y  # no animation: there on the keypress
        await pilot.press("g")
        assert reader.scroll_y == 0
        await pilot.press("space")
        assert reader.scroll_y == reader.scrollable_content_region.height
        assert app.animation_level == "none"


async def test_smooth_scrolling_is_a_setting(make: AppFactory, tmp_path: Path) -> None:
    smooth = Config(path=tmp_path / "feeds.toml", settings=Settings(animate=True))
    app: Any = make(config=smooth, db_path=tolls_cache(tmp_path / "tolls.db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.animation_level == "full"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.reader.smooth


def summary_cache(path: Path, *, kind: SourceKind, url: str | None) -> Path:
    text = "The lighthouse on Marrow Point will be restored, the county said on Friday."
    with Store.open(path) as store:
        source = store.upsert_source(kind, "https://coast.example.com/rss", title="Coast")
        raw = RawArticle(
            guid="lighthouse",
            title="Lighthouse to be restored",
            paragraphs=[text],
            url=url,
            summary=text,
            published=NOW,
            content_hash="lighthouse",
        )
        analysis = Analysis(raw.title, [text], word_count=13, reading_minutes=1)
        save_analysed(store, source.id, [(raw, analysis)], fetched_at=NOW)
    return path


async def reader_notes(app: Any) -> list[str]:
    return [str(w.render()) for w in app.screen.reader.query(".status")]


async def test_a_summary_only_item_says_so_before_f(make: AppFactory, tmp_path: Path) -> None:
    db = summary_cache(tmp_path / "s.db", kind=SourceKind.FEED, url="https://coast.example.com/l")
    app: Any = make(db_path=db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert await reader_notes(app) == ["Summary only · 13 words · f: whole article"]
        # the note sits right under the byline
        kinds = [w.classes for w in app.screen.reader.query(".page > *")][:3]
        assert "meta" in kinds[1] and "status" in kinds[2]


async def test_without_a_link_the_note_and_o_use_one_wording(
    make: AppFactory, tmp_path: Path
) -> None:
    app: Any = make(db_path=summary_cache(tmp_path / "s.db", kind=SourceKind.FEED, url=None))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert await reader_notes(app) == ["Summary only · 13 words · the article has no web link"]
        await pilot.press("o")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "The article has no web link." in messages
        await pilot.press("f")  # the full text cannot be fetched: the same words, no "f" hint
        await settle(pilot)
        assert await reader_notes(app) == ["Summary only: the article has no web link"]
        assert any("the article has no web link" in str(n.message) for n in app._notifications)


async def test_a_local_file_is_never_called_a_summary(make: AppFactory, tmp_path: Path) -> None:
    app: Any = make(db_path=summary_cache(tmp_path / "s.db", kind=SourceKind.FILES, url=None))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert await reader_notes(app) == []


async def test_an_article_with_its_whole_text_has_no_note(make: AppFactory) -> None:
    app: Any = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert await reader_notes(app) == []
