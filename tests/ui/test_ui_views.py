"""Pilot tests for views and ignore rules: views under their own heading in the sources pane
with live unread counts, a view listing its articles, ignored articles hidden with a count and
``I`` to show them."""

from __future__ import annotations

from dataclasses import replace

from conftest import AppFactory
from helpers import settle

from newsterm.config import Config
from newsterm.config_rules import ViewEntry
from newsterm.store import Store


def _titles(screen: object) -> set[str]:
    articles = screen.articles  # type: ignore[attr-defined]
    return {articles.row(i).article.title for i in range(articles.count)}


def _prompt_text(sources: object, key: str) -> str:
    option = sources.get_option(key)  # type: ignore[attr-defined]
    return str(option.prompt.plain)


async def test_views_show_under_their_heading_and_list_their_articles(
    make: AppFactory, config: Config
) -> None:
    views = (ViewEntry("Storms", "storm"), ViewEntry("Unread world", "tag:world is:unread"))
    app = make(config=replace(config, views=views))
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        sources = screen.sources
        prompts = [str(sources.get_option_at_index(i).prompt) for i in range(sources.option_count)]
        assert "Views" in prompts  # the heading, above the views
        assert _prompt_text(sources, "view:0") == "  Storms 2"  # both storm articles unread
        assert _prompt_text(sources, "view:1") == "  Unread world 2"
        await pilot.press("1")
        await pilot.pause()
        sources.choose("view:0")
        await settle(pilot)
        assert _titles(screen) == {
            "Storm closes northern ports for a second day",
            "Why the storm knocked out the ferry app",
        }
        assert "Storms · 2" in str(screen.articles.border_title)
        # reading one updates the view's count (the counts are live)
        await pilot.press("2", "enter")
        await settle(pilot)
        assert _prompt_text(sources, "view:0") == "  Storms 1"


async def test_ignored_articles_are_hidden_counted_and_shown_with_I(
    make: AppFactory, config: Config, cache: object
) -> None:
    app = make(config=replace(config, ignore=("storm",)))
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        titles = _titles(screen)
        assert len(titles) == 5 and not any("storm" in t.lower() for t in titles)
        assert "2 ignored (I shows)" in str(screen.articles.border_title)
        await pilot.press("I")
        await settle(pilot)
        assert len(_titles(screen)) == 7
        assert "ignored shown" in str(screen.articles.border_title)
        await pilot.press("I")
        await settle(pilot)
        assert len(_titles(screen)) == 5
    with Store.open(cache) as store:  # type: ignore[arg-type]
        assert store.count_articles() == 7  # kept in the cache


async def test_each_sources_count_leaves_out_its_ignored_articles(
    make: AppFactory, config: Config, cache: object
) -> None:
    """A source's count in the sources pane is what its list shows: ignored articles left
    out, as they are from the list and the All count."""
    from newsterm.store.repo import ArticleFilter

    with Store.open(cache) as store:  # type: ignore[arg-type]
        sources = store.sources()
        expected = {
            s.id: store.count_articles(
                ArticleFilter(source_id=s.id, unread_only=True, hide=("storm",))
            )
            for s in sources
        }
        unignored = {s.id: s.unread for s in sources}
    assert any(expected[i] < unignored[i] for i in expected)  # the storms are in some source
    app = make(config=replace(config, ignore=("storm",)))
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        pane = app.screen.sources  # type: ignore[attr-defined]
        shown: dict[int, int] = {}
        for index in range(pane.option_count):
            option = pane.get_option_at_index(index)
            # (a source with an error note is drawn as a grid of two lines: not compared)
            if option.id and option.id.startswith("source:") and hasattr(option.prompt, "count"):
                count = option.prompt.count.plain
                shown[int(option.id.split(":")[1])] = int(count) if count else 0
        assert shown == {i: expected[i] for i in shown}
        assert any(expected[i] < unignored[i] for i in shown)  # a count that went down


async def test_highlight_rules_colour_matching_rows_only(make: AppFactory, config: Config) -> None:
    from newsterm.config_rules import HighlightEntry

    rules = (HighlightEntry("title:storm", "italic $error"),)
    app = make(config=replace(config, highlight=rules))
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        articles = screen.articles
        error = app.theme_variables["error"]  # type: ignore[attr-defined]
        seen = {}
        for index in range(articles.count):
            row = articles.row(index)
            strip = articles._render_row(row, 0, 120, False, articles.visual_style.rich_style)
            title = next(seg for seg in strip if row.article.title[:10] in seg.text)
            seen[row.article.title] = (
                bool(title.style.italic),
                title.style.color is not None and title.style.color.name == error.lower(),
            )
        storms = {t for t in seen if "storm" in t.lower()}
        assert len(storms) == 2
        assert all(seen[t] == (True, True) for t in storms)
        assert not any(seen[t][0] for t in seen if t not in storms)


async def test_search_leaves_ignored_articles_out_until_I(make: AppFactory, config: Config) -> None:
    app = make(config=replace(config, ignore=("title:ferry",)))
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        await pilot.press("slash", *"storm", "enter")
        await settle(pilot)
        assert _titles(screen) == {"Storm closes northern ports for a second day"}
        await pilot.press("escape", "I", "slash", *"storm", "enter")
        await settle(pilot)
        assert len(_titles(screen)) == 2
