"""The people index: one name a person across articles, `newsterm people`, `quotes --person`."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm.analysis import Quote
from newsterm.extract import analyse
from newsterm.extract.people import merge_names, person_name, quote_people
from tests import test_cli

run = test_cli.run
"""The command-line runner fixture, shared with test_cli."""


@pytest.mark.parametrize(
    ("speaker", "person"),
    [
        ("Senator Dana Whitlock", "Dana Whitlock"),
        ("Councilmember Dev Anand", "Dev Anand"),
        ("Council President Amara Obi", "Amara Obi"),
        ("Mr. Okafor", "Okafor"),
        ("Ms Brandt", "Brandt"),
        ("chief inspector Rosa Lindqvist", "Rosa Lindqvist"),
        ("Opposition Leader Tamsin Hale", "Tamsin Hale"),
        ("C. Maxwell Ibe", "C. Maxwell Ibe"),
        ("Émile Varga", "Émile Varga"),
        ("Siobhan O'Rourke", "Siobhan O'Rourke"),
        ("Jean-Paul Amadou", "Jean-Paul Amadou"),
        ("de Vries", "de Vries"),
        ("the company", None),
        ("a senior official", None),
        ("the ministry's spokesman", None),
        ("He", None),
        ("That", None),
        ("Northwind Freight’s", None),
        ("The Harbour Authority", None),
        ("Uber stepped in and", None),
        (None, None),
    ],
)
def test_a_speaker_names_a_person_without_titles_or_not_at_all(
    speaker: str | None, person: str | None
) -> None:
    assert person_name(speaker) == person


def test_a_surname_alone_becomes_the_full_name_the_article_gives() -> None:
    paragraphs = [
        "Harbour Commissioner Ines Okafor met Dr. Pavel Brandt on Monday.",
        "“We will reopen the quay,” Okafor said.",
        "But port engineer Lukas Moreau disagreed. Mr. Moreau said it was “far too early.”",
        "“Not this winter,” said Pavel.",
    ]
    quotes = [
        Quote("We will reopen the quay", "Okafor", 1),
        Quote("far too early", "Mr. Moreau", 2, fragment=True),
        Quote("Not this winter", "Pavel", 3),
        Quote("Soon", "Lukas Moreau", 2),
    ]
    assert quote_people(quotes, paragraphs) == [
        "Ines Okafor",  # from the text: "Commissioner" is a title, not a name
        "Lukas Moreau",  # from the other speakers first
        "Pavel Brandt",  # a first name alone, after "Dr."
        "Lukas Moreau",
    ]


def test_a_surname_shared_by_two_speakers_stays_as_written() -> None:
    quotes = [
        Quote("a", "Anna Kessler", 0),
        Quote("b", "Tom Kessler", 0),
        Quote("c", "Kessler", 1),
    ]
    assert quote_people(quotes, ["Anna Kessler and Tom Kessler spoke."]) == [
        "Anna Kessler",
        "Tom Kessler",
        "Kessler",
    ]


def test_names_merge_across_articles_only_when_one_person_fits() -> None:
    names = ["Dana Whitlock", "Whitlock", "Okafor", "Ines Okafor", "Femi Okafor"]
    merged = merge_names([*names, "de Vries", "De Vries"])
    assert merged == {"Whitlock": "Dana Whitlock", "De Vries": "de Vries"}


def test_the_analysis_gives_each_quotation_its_person() -> None:
    analysis = analyse(
        "Quay closed",
        [
            "Harbour Commissioner Ines Okafor closed the quay on Monday.",
            "“The deck is not safe,” Ms. Okafor said.",
            "“We were told nothing,” said a fisherman.",
        ],
    )
    assert [(q.speaker, q.person) for q in analysis.quotes] == [
        ("Ms. Okafor", "Ines Okafor"),
        ("a fisherman", None),
    ]


def _article(folder: Path, name: str, title: str, *paragraphs: str) -> None:
    (folder / f"{name}.txt").write_text("\n\n".join([title, *paragraphs]) + "\n", encoding="utf-8")


@pytest.fixture
def two_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    _article(
        folder,
        "quay",
        "Quay Closed For Repairs",
        "Harbour Commissioner Ines Okafor closed the quay on Monday.",
        "“The deck is not safe,” Ms. Okafor said. “We will not take chances.”",
        "“We were told nothing,” said a fisherman.",
    )
    _article(
        folder,
        "ferry",
        "Ferry Timetable Changes",
        "The ferry will stop at the north pier until spring.",
        "“Passengers should allow ten more minutes,” Okafor said.",
        "“It is a long walk,” said commuter Theo Lambert.",
    )
    return folder


def test_people_lists_everyone_quoted_once_however_named(run, two_articles: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", str(two_articles)).code == 0
    people = run("people", "--json")
    assert people.code == 0, people.err
    rows = {p["name"]: p for p in people.json()}  # type: ignore[attr-defined]
    assert set(rows) == {"Ines Okafor", "Theo Lambert"}  # "a fisherman" names no one
    okafor = rows["Ines Okafor"]
    assert (okafor["quotations"], okafor["articles"], okafor["sources"]) == (3, 2, 1)
    assert run("people").out.index("Ines Okafor") < run("people").out.index("Theo Lambert")
    assert [p["name"] for p in run("people", "lamb", "--json").json()] == ["Theo Lambert"]  # type: ignore[attr-defined]
    assert "No one quoted named like 'zed'" in run("people", "zed").out


def test_quotes_of_a_person_include_every_spelling(run, two_articles: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", str(two_articles)).code == 0
    found = run("quotes", "--person", "ines okafor", "--json").json()
    assert sorted(q["text"] for q in found) == [  # type: ignore[attr-defined]
        "Passengers should allow ten more minutes",
        "The deck is not safe",
        "We will not take chances.",
    ]
    assert {q["speaker"] for q in found} == {"Ms. Okafor", "Okafor"}  # type: ignore[attr-defined]
    missing = run("quotes", "--person", "Nobody Here")
    assert missing.code == 2 and "no one quoted by that name" in missing.err
    both = run("quotes", "--person", "Okafor", "--speaker", "Okafor")
    assert both.code == 2 and "not both" in both.err


def test_speaker_queries_find_the_person_however_the_article_named_them(  # type: ignore[no-untyped-def]
    run, two_articles: Path
) -> None:
    assert run("add", str(two_articles)).code == 0
    hits = run("search", 'speaker:"Ines Okafor"', "--json").json()
    assert [h["title"] for h in hits] == ["Quay Closed For Repairs"]  # type: ignore[attr-defined]
    shown = run("show", str(hits[0]["id"]), "--json").json()  # type: ignore[index]
    assert [q["person"] for q in shown["quotes"]] == ["Ines Okafor", "Ines Okafor", None]  # type: ignore[index]


def test_cite_prints_quotations_as_citations(run, two_articles: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", str(two_articles)).code == 0
    quay = run("search", "quay", "--json").json()[0]["id"]  # type: ignore[index]
    shown = run("show", str(quay)).out
    assert "1. “The deck is not safe” — Ms. Okafor" in shown  # the numbers cite takes
    cited = run("cite", str(quay), "3")
    assert cited.code == 0, cited.err
    assert cited.out.startswith(  # (the file's date follows the source's name)
        "“We were told nothing” — a fisherman, in “Quay Closed For Repairs” (articles"
    )
    assert len(run("cite", str(quay)).out.strip().splitlines()) == 3
    beyond = run("cite", str(quay), "4")
    assert beyond.code == 2 and "4: no such quotation; article" in beyond.err
    assert run("cite", "999").code == 2
