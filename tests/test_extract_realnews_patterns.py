"""One regression test per pattern seen on real news pages (issue 14), on invented text."""

from __future__ import annotations

import pytest

from newsterm.extract import analyse
from newsterm.extract.analyse import ANALYSIS_VERSION

BODY = [
    "The harbour board approved the new ferry timetable on Tuesday after a long meeting.",
    "Boats will leave every twenty minutes in the summer and every forty in the winter.",
]


def authors(*lines: str) -> list[str]:
    return analyse("Ferry timetable approved", [*lines, *BODY]).authors


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("Maren Holt",), ["Maren Holt"]),  # a bare name, no "By"
        (("Maren Holt and Tobias K. Wren",), ["Maren Holt", "Tobias K. Wren"]),
        (("By", "Maren Holt"), ["Maren Holt"]),  # "By" on its own line
        (("Posted by", "Quillfeather"), ["Quillfeather"]),  # a one-word pen name
        (("Author:", "The Morning Harbour Desk"), ["The Morning Harbour Desk"]),
        (("Maren Holt, Harbour Gazette",), ["Maren Holt"]),  # name, then the paper
        (("Maren Holt | Harbour Gazette",), ["Maren Holt"]),
        (("Maren Holt - Staff Writer",), ["Maren Holt"]),
        (("By Maren HoltStaff Writer",), ["Maren Holt"]),  # role run into the name
        (("Maren Holt@marenwrites",), ["Maren Holt"]),  # handle run into the name
        (("By Maren Holt Maren Holt",), ["Maren Holt"]),  # printed twice
        (("Posted by Maren Holt on March 3, 2021, 6:21 AM EST",), ["Maren Holt"]),
        (("Tuesday March 2, 2021 7:45 am PST by Maren Holt",), ["Maren Holt"]),
        (("March 2, 2021 | by Maren Holt",), ["Maren Holt"]),
        (("Written by Maren Holt, MS, RD on March 2, 2021",), ["Maren Holt"]),
        (("By Maren Holt - 03/02/21 11:04 PM EST",), ["Maren Holt"]),
        (("2021-03-02 17:27:46 Marius Van Holt",), ["Marius Van Holt"]),  # "Mar" is no month
        (("Julian Holt | Harbour Gazette",), ["Julian Holt"]),  # "Jul" is no month either
        (("By Staff Reports",), ["Staff Reports"]),  # a staff credit, kept as printed
        (("Harbour Press",), ["Harbour Press"]),  # an organisation as the only author
        (("REUTERS",), ["Reuters"]),
    ],
)
def test_bylines_as_pages_print_them(lines: tuple[str, ...], expected: list[str]) -> None:
    assert authors(*lines) == expected


def test_a_person_beats_an_organisation_line() -> None:
    assert authors("Maren Holt", "Harbour Press") == ["Maren Holt"]


def test_wire_credit_line_names_the_author_over_the_agency_byline() -> None:
    result = analyse(
        "Ferry timetable approved",
        ["REUTERS", *BODY, "(Reporting by Maren Holt; Editing by Tobias Wren)"],
    )
    assert result.authors == ["Maren Holt"]


@pytest.mark.parametrize(
    "first",
    [
        "Pittsburgh",  # a dateline on its own line
        "LAGOS, Nigeria – The harbour board approved the timetable.",
        "Key Points",
        "Mayor Ana Ruiz said the city would act.",
        "Harbour Board, the agency in charge, met on Tuesday.",
    ],
)
def test_an_opening_line_that_is_not_a_byline(first: str) -> None:
    result = analyse("Ferry timetable approved", [first, *BODY])
    assert result.authors == []
    assert result.paragraphs[0] == first


def test_analysis_version_is_a_positive_int() -> None:
    assert isinstance(ANALYSIS_VERSION, int)
    assert ANALYSIS_VERSION >= 2
