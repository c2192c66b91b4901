"""Where a byline sits and what it looks like on a page no rule has met (invented text)."""

from __future__ import annotations

import pytest

from newsterm.extract import analyse
from newsterm.extract.byline import organisation_byline, page_byline

TITLE = "Harbour board approves new ferry timetable"
STANDFIRST = "Boats will run every twenty minutes, and the night service comes back."
BODY = [
    "The harbour board approved the new ferry timetable after a long debate that ran late.",
    "Boats will leave every twenty minutes from the first week, the board said in a statement.",
]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Words: Tavi Okonjo", ["Tavi Okonjo"]),
        ("Text: Tavi Okonjo", ["Tavi Okonjo"]),
        ("Contributor: Tavi Okonjo", ["Tavi Okonjo"]),
        ("Authors: Tavi Okonjo and Ruth Lindqvist", ["Tavi Okonjo", "Ruth Lindqvist"]),
        ("Interview by Tavi Okonjo", ["Tavi Okonjo"]),
        ("Report by Tavi Okonjo", ["Tavi Okonjo"]),
    ],
)
def test_a_label_before_the_names_on_top_or_under_the_standfirst(
    line: str, names: list[str]
) -> None:
    """Labels besides "By" and "Author:" name the writers, wherever the byline zone puts them."""
    assert page_byline(line, bare=False) == names
    assert analyse(TITLE, [line, *BODY]).authors == names
    assert analyse(TITLE, [STANDFIRST, line, *BODY]).authors == names


@pytest.mark.parametrize(
    "line",
    ["Tavi Okonjo 3 March 2026", "Tavi Okonjo / 3 March 2026", "By Tavi Okonjo 3rd March 2026"],
)
def test_a_day_month_year_date_after_the_name(line: str) -> None:
    """A date printed day first after the name, with or without a slash, is not a name."""
    assert analyse(TITLE, [line, *BODY]).authors == ["Tavi Okonjo"]


@pytest.mark.parametrize(
    "line",
    [
        "Climate Change",
        "Real Estate",
        "New York",
        "Getty Images",
        "Mayor Tavi Okonjo",
        "Local News",
        "Press Release",
        "Breaking News",
        "Tavi Okonjo/Harbour Gazette",
    ],
)
def test_a_heading_a_section_a_place_or_a_credit_on_top_is_no_author(line: str) -> None:
    """A bare line at the top whose first word is no given name is a person only if none of
    its words names a section, a heading, a place, an outlet or a title."""
    assert analyse(TITLE, [line, *BODY]).authors == []
    assert analyse(TITLE, ["3 March 2026", line, *BODY]).authors == []


def test_a_section_label_on_top_is_no_organisation_and_leaves_the_body() -> None:
    assert organisation_byline("Local News") is None
    assert organisation_byline("Press Release") is None
    assert organisation_byline("Harbour Gazette Staff") == "Harbour Gazette Staff"
    result = analyse(TITLE, ["Sports", "Tavi Okonjo", *BODY])
    assert result.authors == ["Tavi Okonjo"]
    assert result.paragraphs == BODY


@pytest.mark.parametrize("line", ["Tavi Okonjo", "Umair Lindqvist", "TAVI OKONJO"])
def test_a_name_no_census_lists_stays_a_bare_byline(line: str) -> None:
    """Names from anywhere (no given-name list knows "Tavi") still count at the very top."""
    assert analyse(TITLE, [line, *BODY]).authors == [line.title()]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Ruth Lindqvist", ["Ruth Lindqvist"]),
        ("Ruth Lindqvist, Staff Writer", ["Ruth Lindqvist"]),
        ("Ruth Lindqvist and Tavi Okonjo", ["Ruth Lindqvist", "Tavi Okonjo"]),
        ("Ruth Lindqvist | March 3, 2026", ["Ruth Lindqvist"]),
    ],
)
def test_a_bare_name_under_the_standfirst_opening_with_a_given_name(
    line: str, names: list[str]
) -> None:
    result = analyse(TITLE, [STANDFIRST, line, *BODY])
    assert result.authors == names
    assert line not in result.paragraphs


def test_a_name_under_a_photo_caption_is_no_byline() -> None:
    """A caption (a place, a date or a photo word) then a name alone: the photo's credit."""
    caption = "Ferries wait at the quay in Harbourtown on Tuesday."
    assert analyse(TITLE, [caption, "Ruth Lindqvist", *BODY]).authors == []


@pytest.mark.parametrize(
    "line", ["By Ruth Lindqvist", "Ruth Lindqvist", "Ruth Lindqvist, Reporter"]
)
def test_a_byline_under_a_sections_label(line: str) -> None:
    """ "Harbours" above the byline: the name under it is still the byline (and "By Ruth
    Lindqvist" is no section's label)."""
    name = line.removeprefix("By ").removesuffix(", Reporter")
    assert analyse(TITLE, ["Harbours", line, *BODY]).authors == [name]


LONG_BODY = [
    *BODY,
    "Night crossings will return in the autumn, once the new crews have finished training.",
    "Fares stay the same for now, though the board will look at them again next spring.",
    "Residents on the islands had asked for more boats for years, and most welcomed the plan.",
]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Tavi Okonjo, tokonjo@gazette.example", ["Tavi Okonjo"]),
        ("News by Tavi Okonjo Reporter", ["Tavi Okonjo"]),
        ("Opinion by Tavi Okonjo", ["Tavi Okonjo"]),
        ("By Tavi Okonjo • Mar 3, 2026 — 9:57 AM ET • 4", ["Tavi Okonjo"]),
    ],
)
def test_an_address_a_section_before_by_a_dash_and_a_comment_count(
    line: str, names: list[str]
) -> None:
    """A bare name with its address after a comma; a section's word before "by"; a time
    zone, a dash and the comments' count after the date."""
    result = analyse(TITLE, [line, *BODY])
    assert result.authors == names
    assert result.paragraphs == BODY


def test_a_bare_name_in_the_headline_is_its_subject_not_a_second_author() -> None:
    """A profile names its subject under the byline as a heading; a page title may end with
    its writer after a separator ("… | Ana Ruiz"), which stays the byline."""
    lines = ["Ruth Lindqvist March 3, 2026", "Maria Okonjo", *BODY]
    result = analyse("Meet harbour pilot Maria Okonjo", lines)
    assert result.authors == ["Ruth Lindqvist"]
    assert result.paragraphs == BODY
    credited = analyse("Ferries are back | Ruth Lindqvist", ["Ruth Lindqvist", *BODY])
    assert credited.authors == ["Ruth Lindqvist"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Written by: Tavi Okonjo", ["Tavi Okonjo"]),
        ("By Tavi Okonjo and Ruth Lindqvist", ["Tavi Okonjo", "Ruth Lindqvist"]),
        ("Words: Ruth Lindqvist", ["Ruth Lindqvist"]),
        ("By Ruth Lindqvist for the Harbour Gazette, 3 March 2026", ["Ruth Lindqvist"]),
        ("By Christmas Eve the ferries had stopped.", []),
        ("By then, the Harbour Board had voted.", []),
    ],
)
def test_a_labelled_byline_below_the_top_names_the_author(line: str, names: list[str]) -> None:
    """Below the byline's zone (after the story or inside it) a labelled line of names only
    names the writers when nothing else does; a sentence opening with "By" stays story."""
    result = analyse(TITLE, [*LONG_BODY, line])
    assert result.authors == names
    assert (line in result.paragraphs) == (not names)


@pytest.mark.parametrize(
    "closing",
    [
        "Email Ruth at rlindqvist@gazette.example or follow her @rlind.",
        "Questions? Email the reporter at rlindqvist@gazette.example",
    ],
)
def test_a_closing_address_given_to_the_author_by_her_given_name_or_role(closing: str) -> None:
    """ "Email Ruth at …" is the author Ruth Lindqvist's address, and "Questions?" before "the
    reporter" is nobody's name."""
    result = analyse(TITLE, ["By Ruth Lindqvist", *BODY, closing])
    named = {c.email: c.name for c in result.contacts if c.email}
    assert named == {"rlindqvist@gazette.example": "Ruth Lindqvist"}


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Tavi Okonjo • 12 shares", ["Tavi Okonjo"]),
        ("By Tavi Okonjo ✉", ["Tavi Okonjo"]),
        ("By Tavi Okonjo · Harbour Gazette · 3 March 2026", ["Tavi Okonjo"]),
        (
            "By Tavi Okonjo and Ruth Lindqvist • 3 min read • Share",
            ["Tavi Okonjo", "Ruth Lindqvist"],
        ),
        ("By Tavi Okonjo 2026-03-03", ["Tavi Okonjo"]),
        ("By Tavi Okonjo Last updated on 3rd March 2026", ["Tavi Okonjo"]),
        ("By Tavi Okonjo Photos by Ruth Lindqvist", ["Tavi Okonjo"]),
        ("By Christmas Eve the ferries had stopped", None),
        ("By Tuesday", None),
    ],
)
def test_the_names_after_by_whatever_page_fields_follow(line: str, names: list[str] | None) -> None:
    """After "By", the names run up to the first word that is none (a symbol, a number, a
    field's label); a lower-case word after them makes the line a sentence."""
    assert page_byline(line, bare=False) == names
