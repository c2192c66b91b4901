"""The query language on the command line: ``search`` and ``articles --query``."""

from __future__ import annotations

from pathlib import Path

from tests import test_cli

run = test_cli.run
"""The command-line runner fixture, shared with test_cli."""

BRIDGE = "Riverside Bridge Reopens After Two-Year Repair"
ORCHARD = "Orchard Harvest Festival Draws Record Crowd"


def _titles(result) -> list[str]:  # type: ignore[no-untyped-def]
    assert result.code == 0, result.err
    return sorted(h["title"] for h in result.json())


def test_search_speaks_or_not_phrases_and_prefixes(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", str(fixtures / "files")).code == 0
    assert _titles(run("search", "corroded OR cider", "--json")) == [ORCHARD, BRIDGE]
    assert _titles(run("search", "corrod*", "--json")) == [BRIDGE]
    assert _titles(run("search", '"corroded steel deck"', "--json")) == [BRIDGE]
    assert _titles(run("search", '"steel corroded"', "--json")) == []
    assert _titles(run("search", "record NOT cider", "--json")) == []
    assert _titles(run("search", "record -cider", "--json")) == []
    assert ORCHARD in _titles(run("search", "record", "--json"))
    assert _titles(run("search", 'speaker:"Tomas Leclerc"', "--json")) == [BRIDGE]
    human = run("search", "corroded")
    assert BRIDGE in human.out and "corroded" in human.out


def test_an_empty_or_bad_query_is_one_line_and_exit_2(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", str(fixtures / "files")).code == 0
    empty = run("search", "")
    assert empty.code == 2 and "search needs a query" in empty.err
    assert run("search", "   ").code == 2
    bad = run("search", "bridge (repair")
    assert bad.code == 2
    assert bad.err.strip() == "newsterm: query column 8: this ( is not closed"
    assert "Traceback" not in bad.err
    listed = run("articles", "--query", "title:bridge is:unread", "--json")
    assert listed.code == 0, listed.err
    bad_list = run("articles", "--query", "is:fresh")
    assert bad_list.code == 2 and bad_list.err.count("\n") == 1


def test_articles_query_filters_the_list(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", str(fixtures / "files")).code == 0
    assert _titles(run("articles", "--query", "title:bridge", "--json")) == [BRIDGE]
    assert _titles(run("articles", "--query", "has:quotes -bridge", "--json")) != []
    assert BRIDGE not in _titles(run("articles", "--query", "has:quotes -bridge", "--json"))
    none = run("articles", "--query", "zeppelin")
    assert none.code == 0 and "No articles match the query." in none.out


def test_list_is_articles(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", str(fixtures / "files")).code == 0
    listed = run("list", "--query", "title:bridge", "--json")
    assert _titles(listed) == [BRIDGE]
    assert listed.out == run("articles", "--query", "title:bridge", "--json").out
