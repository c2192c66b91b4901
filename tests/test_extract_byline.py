"""Bylines as pages print them: the forms held-out-9's pages showed, in invented text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsterm.extract import analyse
from newsterm.extract.byline import organisation_byline, page_byline

BODY = [
    "The harbour board approved the new ferry timetable on Tuesday after a long debate.",
    "Boats will leave every twenty minutes from June, the board said in a statement.",
]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("posted on 2026-03-02 09:40 EDT by Ana Maria Ruiz", ["Ana Maria Ruiz"]),
        ("Published: March 2, 2026 by Ivo Brandt In Harbour Town News 4", ["Ivo Brandt"]),
        ("Updated on 2 March 2026 by Ivo Brandt", ["Ivo Brandt"]),
        ("by Ana Ruiz @aruizwrites Mar 2, 2026, 9:40am EST", ["Ana Ruiz"]),
        ("KXT Ivo Brandt", ["Ivo Brandt"]),
    ],
)
def test_a_date_before_by_a_section_after_the_name_or_initials_before_it(
    line: str, names: list[str]
) -> None:
    """'posted on DATE by X', 'Published: DATE by X In Section N', a date with a comma after its
    year behind a handle, a section's initials run into the name (no author before)."""
    assert page_byline(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "Last Updated: March 2, 2026",
        "Published: March 2, 2026",
        "Posted 2 March 2026",
        "Industries & Tags",
        "Topics",
        "Image Article",
        "Photo Gallery",
        "From Example Press",
    ],
)
def test_dates_tag_labels_and_page_labels_on_a_bare_line_are_no_authors(line: str) -> None:
    assert page_byline(line, bare=True) is None
    result = analyse("Harbour sets new timetable", [line, *BODY])
    assert result.authors == (["Example Press"] if line.startswith("From") else [])


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Source Example News", "Example News"),
        ("Source: Example News", "Example News"),
        ("From Example Press", "Example Press"),
        ("Harbour Web Team", "Harbour Web Team"),
    ],
)
def test_a_source_or_from_label_is_not_part_of_the_outlet_and_a_team_is_one(
    line: str, outlet: str
) -> None:
    assert organisation_byline(line) == outlet
    assert analyse("Harbour sets new timetable", [line, *BODY]).authors == [outlet]


def test_a_second_name_under_the_first_writers_role_is_an_author() -> None:
    paragraphs = ["By Ana Ruiz", "Harbour and transport writer", "Ivo Brandt", *BODY]
    result = analyse("Harbour sets new timetable", paragraphs)
    assert result.authors == ["Ana Ruiz", "Ivo Brandt"]
    assert result.paragraphs == BODY


def test_names_and_headings_under_the_writers_outlet_are_neither_authors_nor_story() -> None:
    """Name, role, outlet, then the outlet's blog and a tag heading: one author."""
    paragraphs = [
        "Ana Ruiz",
        "Staff Writer",
        "Harbour Town Business Journal",
        "Harbour TechDesk",
        "Industries & Tags",
        *BODY,
    ]
    result = analyse("Harbour sets new timetable", paragraphs)
    assert result.authors == ["Ana Ruiz"]
    assert result.paragraphs == BODY


def test_a_name_after_a_by_marker_under_the_outlet_still_counts() -> None:
    paragraphs = ["Ana Ruiz", "Harbour Town Business Journal", "By", "Ivo Brandt", *BODY]
    assert analyse("Harbour sets new timetable", paragraphs).authors == ["Ana Ruiz", "Ivo Brandt"]


def test_an_author_line_under_the_story_names_the_author_and_leaves_the_body() -> None:
    """'Author Ana Ruiz' closing the page (no colon, no byline above): held-out-8's DW page."""
    for line, name in (("Author Ivo Brandt", "Ivo Brandt"), ("Author Ana de Ruiz", "Ana de Ruiz")):
        result = analyse("Harbour sets new timetable", [*BODY, line])
        assert result.authors == [name]
        assert result.paragraphs == BODY


@pytest.mark.parametrize(
    "line",
    ["Author Ivo Brandt, whose novel is set in the harbour, said it was overdue.", "Authors"],
)
def test_a_sentence_about_an_author_stays_in_the_story(line: str) -> None:
    result = analyse("Harbour sets new timetable", [*BODY, line])
    assert result.authors == []
    assert result.paragraphs == [*BODY, line]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Story by Ana Ruiz • Published March 3, 2026", ["Ana Ruiz"]),
        ("By Ana Ruiz Published March 3, 2026", ["Ana Ruiz"]),
        ("By Ana Ruiz Mar 3, 2026 Updated Mar 4, 2026", ["Ana Ruiz"]),
        ("By Ana Ruiz and Ivo Brandt Updated Mar 3, 2026, 5:10pm EST", ["Ana Ruiz", "Ivo Brandt"]),
        ("Last updated on March 3, 2026 by Ana Ruiz", ["Ana Ruiz"]),
        ("Updated: 03/03/2026 09:40 AM by Ana Ruiz", ["Ana Ruiz"]),
        ("By Ana Ruiz 5 min read", ["Ana Ruiz"]),
        ("By Ana Ruiz • March 3, 2026 • 5 min read", ["Ana Ruiz"]),
        ("Reported by Ana Ruiz", ["Ana Ruiz"]),
        ("Compiled by Ana Ruiz", ["Ana Ruiz"]),
        ("By Ana Ruiz Follow", ["Ana Ruiz"]),
        ("By Ana Ruiz View all posts", ["Ana Ruiz"]),
        ("By Ana Ruiz Twitter: @aruiz", ["Ana Ruiz"]),
        ("By Ana Ruiz | Email | Twitter", ["Ana Ruiz"]),
        ("By Ana Ruiz More from Ana Ruiz", ["Ana Ruiz"]),
        ("By Ana Ruiz In Politics", ["Ana Ruiz"]),
    ],
)
def test_when_published_read_times_and_profile_links_after_the_names_are_not_names(
    line: str, names: list[str]
) -> None:
    """Each gave no author, or one with a word of the page's furniture in it, before."""
    assert page_byline(line) == names
    assert page_byline(line, bare=True) == names


@pytest.mark.parametrize(
    ("line", "bare"), [("Reporter: Ana Ruiz", True), ("Ana Ruiz (@aruiz)", True)]
)
def test_a_reporter_label_or_a_handle_in_brackets_on_the_top_line(line: str, bare: bool) -> None:
    assert page_byline(line, bare=bare) == ["Ana Ruiz"]


def test_a_profile_word_inside_a_name_or_role_stays() -> None:
    assert page_byline("By Morevna Lind") == ["Morevna Lind"]
    assert page_byline("By Ana Ruiz, Facebook correspondent") == ["Ana Ruiz"]


_PROFILE_WORDS = st.sampled_from(
    str.split(
        "Ana Ruiz By Follow FOLLOW on Twitter twitter: View all posts profile E-mail Email"
        " LinkedIn Facebook More from more stories See | • — - @aruiz İnstagram ſee K"
    )
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PROFILE_WORDS, min_size=1, max_size=8))
def test_every_profile_link_tail_holds_a_cue_word(words: list[str]) -> None:
    from newsterm.extract.byline import _PROFILE_CUES, _PROFILE_TAIL

    line = " ".join(words)
    if _PROFILE_TAIL.search(line) is not None:
        folds = any(c in line for c in "\u0130\u0131\u017f\u212a")
        assert folds or any(cue in line.lower() for cue in _PROFILE_CUES)


@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        (["3 March 2026 Trade and Shipping"], []),
        (["By Ana Ruiz on March 3, 2026 9:10 am", "Harbour Affairs, News"], ["Ana Ruiz"]),
        (["Harbour Affairs, Politics, World"], []),
    ],
)
def test_a_date_and_sections_on_a_bare_line_are_no_authors_nor_story(
    lines: list[str], authors: list[str]
) -> None:
    """A date then the story's sections ("24 July 2026 Peace and Security") or capitalised
    words ending in sections ("Current Issues, News"): held-out-10 took them for authors."""
    for line in lines[-1:]:
        assert page_byline(line, bare=True) is None
    result = analyse("Harbour sets new timetable", [*lines, *BODY])
    assert result.authors == authors
    assert result.paragraphs == BODY


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Edited by Ana Ruiz (with inputs from Agencies)", ["Ana Ruiz"]),
        ("Edited by Ana Ruiz with inputs from PTI", ["Ana Ruiz"]),
        ("Mar 3, 26 by Harbourwatch9 Leave a comment", ["Harbourwatch9"]),
        ("By Ana Ruiz | Leave a reply", ["Ana Ruiz"]),
    ],
)
def test_an_editor_label_wire_inputs_and_a_leave_a_comment_link(
    line: str, names: list[str]
) -> None:
    """'Edited by X (with inputs from Agencies)' names X (an Indian outlet's byline); 'Leave a
    comment' closes a blog's byline line (held-out-10's pages gave no author)."""
    assert page_byline(line, bare=False) == names
    assert analyse("Harbour sets new timetable", [line, *BODY]).authors == names


@pytest.mark.parametrize(
    "date", ["Published Online: March 3, 2026", "Date: March 3, 2026", "Posted on 3 March 2026"]
)
def test_a_bare_name_under_a_date_line_is_the_byline(date: str) -> None:
    """A date alone above a bare name line leaves the name at the top (held-out-10's ajmc)."""
    result = analyse("Harbour sets new timetable", [date, "Ana Ruiz-Lind, PhD", *BODY])
    assert result.authors == ["Ana Ruiz-Lind"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Source: Harbourtown Universität Nord", ["Harbourtown Universität Nord"]),
        ("Source: Institute of Harbour Studies", ["Institute of Harbour Studies"]),
        ("Source: Harbour Photo Archive", []),
    ],
)
def test_a_research_body_on_a_source_line_under_the_date_is_the_author(
    line: str, authors: list[str]
) -> None:
    """A press-release site's 'Date:' then 'Source: <university>' names the institution when
    no person writes it (held-out-10's ScienceDaily); another source (a picture's) does not."""
    result = analyse("Harbour sets new timetable", ["Date: March 3, 2026", line, *BODY])
    assert result.authors == authors
