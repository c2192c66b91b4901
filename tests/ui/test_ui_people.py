"""The people screen (P): everyone quoted across all sources, and opening what one of them said."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import NOW, AppFactory, build_cache, tolls_article
from helpers import settle

from newsterm.models import SourceKind
from newsterm.store import Store
from newsterm.ui.screens.main import MainScreen
from newsterm.ui.screens.people import PeopleScreen
from tests.cached import save_analysed


def people_cache(path: Path) -> Path:
    """The fixture cache, and the tolls article from another source: Ana Ruiz is quoted in
    both ("Mayor Ana Ruiz" there), Ben Hart and Tom Becker in one each."""
    build_cache(path)
    with Store.open(path) as store:
        council = store.upsert_source(SourceKind.FEED, "https://council.example.com/rss")
        save_analysed(store, council.id, [tolls_article()], fetched_at=NOW)
    return path


def listed(app: Any, widget_id: str) -> list[str]:
    widget = app.screen.query_one(f"#{widget_id}")
    return [
        str(widget.get_option_at_index(i).prompt).split("\n")[0]
        for i in range(widget.option_count)
        if not widget.get_option_at_index(i).disabled
    ]


async def test_people_lists_everyone_quoted_and_opens_a_quotation(
    make: AppFactory, tmp_path: Path
) -> None:
    app: Any = make(db_path=people_cache(tmp_path / "people.db"))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        # the most widely quoted first; "The utility" and an unattributed banner name no one
        assert listed(app, "people-list") == ["Ana Ruiz", "Ben Hart", "Tom Becker"]
        assert str(app.screen.query_one("#people-note").render()) == "3 people quoted"
        # the highlighted person's quotations, newest article first, each as its article put it
        assert listed(app, "person-quotes") == [
            "“The tunnel pays for itself within twenty years,”",
            "“This is the day we stopped arguing about whether and started arguing about how,”",
        ]

        await pilot.press("slash", "b", "e")
        await settle(pilot)
        assert listed(app, "people-list") == ["Ben Hart", "Tom Becker"]
        await pilot.press("enter", "j", "enter")  # to the list, Tom Becker, his quotations
        await settle(pilot)
        assert listed(app, "person-quotes") == [
            "“Four hundred families depend on that plant,”",
            "“Nobody has told them what comes next.”",
        ]
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.opened.title == "Harbour city votes to close its coal plant by 2030"
        assert app.screen.focused is app.screen.reader
        assert app.screen.articles.current_id == app.screen.opened.id


async def test_escape_closes_people_and_changes_nothing(make: AppFactory) -> None:
    app: Any = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        focused = app.screen.focused
        await pilot.press("P")
        await settle(pilot)
        assert listed(app, "people-list") == ["Tom Becker", "Ana Ruiz"]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.opened is None and app.screen.focused is focused


async def test_a_name_no_one_has_empties_both_lists(make: AppFactory) -> None:
    app: Any = make()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        await pilot.press("slash", *"zed")
        await settle(pilot)
        assert listed(app, "people-list") == [] and listed(app, "person-quotes") == []
        assert "0 people quoted with “zed” in their name" in str(
            app.screen.query_one("#people-note").render()
        )


async def test_a_filter_typed_in_one_burst_lands_in_the_field(make: AppFactory) -> None:
    """``/ b e`` as a terminal delivers them, at once: the letters go to the filter."""
    from textual import events

    app: Any = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        for key, char in (("slash", "/"), ("b", "b"), ("e", "e")):
            app.post_message(events.Key(key, char))
        await settle(pilot)
        assert app.screen.query_one("#people-filter").value == "be"
        assert listed(app, "people-list") == ["Tom Becker"]


async def test_the_filter_reaches_past_the_people_listed(
    make: AppFactory, tmp_path: Path, monkeypatch: Any
) -> None:
    """The list shows the most quoted few; the filter searches everyone the index holds."""
    monkeypatch.setattr("newsterm.ui.screens.people.PEOPLE_LIMIT", 1)
    app: Any = make(db_path=people_cache(tmp_path / "people.db"))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert listed(app, "people-list") == ["Ana Ruiz"]
        note = str(app.screen.query_one("#people-note").render())
        assert note == "3 people quoted · the 1 most quoted shown"
        await pilot.press("slash", *"becker")
        await settle(pilot)
        assert listed(app, "people-list") == ["Tom Becker"]
        assert listed(app, "person-quotes")[0] == "“Four hundred families depend on that plant,”"
