"""Views, ignore and highlight rules in feeds.toml: validation, ``newsterm view`` and
``articles`` hiding what ``[[ignore]]`` matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm.config_load import load_config
from newsterm.config_parse import parse_config
from newsterm.config_rules import HighlightEntry, ViewEntry, check_style
from newsterm.errors import ConfigError
from tests import test_cli

run = test_cli.run
"""The command-line runner fixture, shared with test_cli."""

BRIDGE = "Riverside Bridge Reopens After Two-Year Repair"


def test_rule_tables_are_read_and_checked() -> None:
    text = """# my reading
[[views]]
title = "Tariffs, unread"
query = "tariff is:unread"

[[ignore]]
query = "title:horoscope"

[[highlight]]
query = "speaker:becker"
style = "bold $warning"
"""
    config = parse_config(text, Path("feeds.toml"))
    assert config.views == (ViewEntry("Tariffs, unread", "tariff is:unread"),)
    assert config.ignore == ("title:horoscope",)
    assert config.highlight == (HighlightEntry("speaker:becker", "bold $warning"),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[views]]\ntitle = "A"\nquery = "x (y"\n',
            "line 3, column 1: [[views]] #1: this ( is not closed (query column 12)",
        ),
        ('[[views]]\ntitle = "A"\n', "line 1, column 1: [[views]] #1 needs 'query'"),
        (
            '[[views]]\ntitle = "A"\nquery = "x"\n[[views]]\ntitle = "a"\nquery = "y"\n',
            "line 4, column 1: [[views]] #2: a view titled 'a' comes earlier",
        ),
        (
            '[[views]]\ntitle = "A"\nquery = "x"\nsort = 1\n',
            "line 4, column 1: unknown key 'sort' in [[views]] #1",
        ),
        (
            '[[ignore]]\nquery = "is:fresh"\n',
            "line 2, column 1: [[ignore]] #1: is:fresh is not known",
        ),
        (
            '[[highlight]]\nquery = "x"\nstyle = "[b]x[/b]"\n',
            "line 3, column 1: [[highlight]] #1: style:",
        ),
        ('[[highlight]]\nquery = "x"\nstyle = "bold $nonsense"\n', "unknown theme variable"),
        ('[[highlight]]\nquery = "x"\nstyle = "blinky"\n', "not a style"),
    ],
)
def test_a_bad_rule_is_one_line_at_its_place(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, Path("feeds.toml"))
    assert message in caught.value.message
    assert "\n" not in caught.value.message


def test_styles_are_rich_styles_or_theme_variables() -> None:
    assert check_style("bold $warning") is None
    assert check_style("italic red on $panel") is None
    assert check_style("$text-accent") is None
    assert check_style("[@click=app.quit]") is not None
    assert check_style("") is not None


def test_view_add_list_remove_keeps_comments_and_order(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", str(fixtures / "files")).code == 0
    config: Path = run.config
    config.write_text("# keep me\n" + config.read_text() + "\n# and me at the end\n")
    added = run("view", "add", "Bridges", "title:bridge")
    assert added.code == 0, added.err
    assert run("view", "add", "Quoted", "has:quotes is:unread").code == 0
    text = config.read_text()
    assert text.startswith("# keep me\n") and "# and me at the end" in text
    assert text.index("Bridges") < text.index("Quoted")
    assert '\n\n[[views]]\ntitle = "Bridges"' in text  # each view after a blank line
    assert '"title:bridge"\n\n[[views]]\ntitle = "Quoted"' in text
    assert load_config(config).views == (
        ViewEntry("Bridges", "title:bridge"),
        ViewEntry("Quoted", "has:quotes is:unread"),
    )
    listed = run("view", "list", "--json").json()
    assert listed[0] == {"title": "Bridges", "query": "title:bridge", "unread": 1, "total": 1}
    assert listed[1]["total"] >= 1

    before = config.read_bytes()
    bad = run("view", "add", "Broken", "bridge (")
    assert (
        bad.code == 2
        and bad.err.strip() == "newsterm: query column 9: the query ends too soon, after ("
    )
    taken = run("view", "add", "bridges", "x")
    assert taken.code == 2 and "there is a view of that title already" in taken.err
    missing = run("view", "remove", "Nope")
    assert missing.code == 2 and "no such view" in missing.err
    assert config.read_bytes() == before  # nothing changed

    assert run("view", "remove", "BRIDGES").code == 0
    assert [v.title for v in load_config(config).views] == ["Quoted"]
    assert "# keep me" in config.read_text()


def test_ignore_hides_articles_from_lists_but_keeps_them(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", str(fixtures / "files")).code == 0
    config: Path = run.config
    before = {a["title"] for a in run("articles", "--json").json()}
    assert BRIDGE in before
    with config.open("a", encoding="utf-8") as handle:
        handle.write('\n[[ignore]]\nquery = "title:bridge"\n')
    after = {a["title"] for a in run("articles", "--json").json()}
    assert after == before - {BRIDGE}
    revealed = {a["title"] for a in run("articles", "--include-ignored", "--json").json()}
    assert revealed == before


def test_sources_count_unread_without_the_ignored_as_the_app_does(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    from newsterm.store import Store

    assert run("add", str(fixtures / "files")).code == 0
    before = {s["id"]: s["unread"] for s in run("sources", "--json").json()}
    with run.config.open("a", encoding="utf-8") as handle:
        handle.write('\n[[ignore]]\nquery = "title:bridge"\n')
    after = {s["id"]: s["unread"] for s in run("sources", "--json").json()}
    assert sum(after.values()) == sum(before.values()) - 1  # the bridge article
    with Store.open(run.db) as store:  # what the app's sources pane is given
        pane = {s.id: s.unread for s in store.sources(load_config(run.config).ignore)}
    assert after == pane
    rows = [line.split() for line in run("sources").out.splitlines()[1:] if line.strip()]
    assert {int(r[0]): int(r[1]) for r in rows} == after  # (id, unread, …) as in --json
    shown = {s["id"]: s["unread"] for s in run("sources", "--include-ignored", "--json").json()}
    assert shown == before
