"""The quotations, contacts and article list use their room steadily from article to article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import AppFactory
from helpers import line_text, settle

from newsterm.models import SourceKind
from newsterm.store import Store


def list_lines(app: Any) -> list[str]:
    articles = app.screen.articles
    return [line_text(articles, y) for y in range(articles.count)]


async def test_quotations_and_contacts_keep_their_widths_across_articles(
    make: AppFactory,
) -> None:
    app: Any = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("j", "enter")  # quotations and contacts
        await settle(pilot)
        widths = (screen.quotes.region.width, screen.contacts.region.width)
        assert screen.contacts.contacts
        await pilot.press("2", "k", "enter")  # neither
        await settle(pilot)
        assert not screen.contacts.contacts
        assert (screen.quotes.region.width, screen.contacts.region.width) == widths


async def test_a_blank_line_separates_quotations(make: AppFactory) -> None:
    app: Any = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        quotes = app.screen.quotes
        lines = [line_text(quotes, y).strip() for y in range(12)]
        speaker = lines.index("— Ana Ruiz")
        assert lines[speaker + 2].startswith("“Four hundred")
        # between them, a divider drawn in the pane's background colour: a blank line
        strip = quotes.render_line(speaker + 1)
        inked = [seg for seg in strip if seg.text.strip()]
        assert inked and all(seg.style.color == seg.style.bgcolor for seg in inked)
        # every quotation after the first has its divider above it (none pushed out of view
        # by a line that wraps once a scrollbar takes a column)
        await pilot.press("4", "z")
        await settle(pilot)
        rows = [line_text(quotes, y).strip() for y in range(quotes.virtual_size.height)]
        starts = [y for y, row in enumerate(rows) if row.startswith("“")]
        assert len(starts) == 5 and all(set(rows[y - 1]) == {"─"} for y in starts[1:])


async def test_one_source_lists_drop_the_source_column_for_the_title(
    make: AppFactory, cache: Path
) -> None:
    with Store.open(cache) as store:
        world = next(s.id for s in store.sources() if s.title == "World Desk")
    app: Any = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        storm = "Storm closes northern ports for a second day"
        row = next(line for line in list_lines(app) if "Storm closes" in line)
        assert "World Desk" in row and storm not in row  # All: a source column, a cut title
        screen.sources.choose(f"source:{world}")
        await settle(pilot)
        lines = list_lines(app)
        assert screen.filter.source_id == world
        assert all("World Desk" not in line for line in lines)
        row = next(line for line in lines if "Storm closes" in line)
        assert storm in row and row.rstrip().endswith("5h")


async def test_all_view_titles_take_the_room_the_columns_leave(
    make: AppFactory, cache: Path
) -> None:
    with Store.open(cache) as store:  # a source with no articles does not widen the column
        store.upsert_source(SourceKind.FEED, "https://x.example/rss", title="Long " * 8)
    app: Any = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        width = app.screen.articles.scrollable_content_region.width
        lines = list_lines(app)
        assert all(len(line) == width for line in lines)
        # the source column is as wide as the longest source title, the date column as its
        # longest date ("22 Feb"), each one space apart: the title has the rest
        assert lines[-1].endswith("  World Desk 22 Feb")
        talks = next(line for line in lines if "Talks" in line)
        assert "Talks resume on the river treaty " in talks and "…" not in talks
        storm = next(line for line in lines if "Storm" in line)
        title_room = width - len(" ●  ") - len("  World Desk") - len(" 22 Feb")
        assert (
            storm[4 : 4 + title_room]
            == "Storm closes northern ports for a second day"[: title_room - 1] + "…"
        )
    # without the nine-day-old article every date is short ("8h"): the title gains 3 cells,
    # and the storm title fits whole
    with Store.open(cache) as store:
        store.conn.execute("DELETE FROM articles WHERE guid = 'w4'")
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        storm = next(line for line in list_lines(app) if "Storm" in line)
        assert (
            storm[4 : 4 + title_room + 3].rstrip() == "Storm closes northern ports for a second day"
        )
        assert "…" not in storm and storm.endswith("  World Desk  5h")
