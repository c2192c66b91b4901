"""Speakers as the article introduces them (issue 14, session 13): general forms, each on
invented text, not one page's wording."""

from __future__ import annotations

from newsterm.extract.quotes import find_quotes


def said(*paragraphs: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(list(paragraphs))]


def test_a_quotation_after_a_paragraph_about_one_person_quoted_before_is_theirs() -> None:
    """A paragraph of narration about one person already quoted, naming nobody else, hands
    the unattributed quotation after it to them; a paragraph about no one does not."""
    assert said(
        "“The nets came up empty,” said Oriel Vantongeren, who has fished the bay since 1980.",
        "For Vantongeren and his crew the lost season is personal, and the debt is growing.",
        "“We cannot wait for another year. The bank will not wait either.”",
    )[1] == ("We cannot wait for another year. The bank will not wait either.", "Oriel Vantongeren")
    assert said(
        "“The nets came up empty,” said Oriel Vantongeren, who has fished the bay since 1980.",
        "The harbour board has promised new moorings by the end of the decade.",
        "“We cannot wait for another year. The bank will not wait either.”",
    )[1] == ("We cannot wait for another year. The bank will not wait either.", None)
    assert said(
        "“The nets came up empty,” said Oriel Vantongeren, who has fished the bay since 1980.",
        "In March the board wrote to Vantongeren and to Mira Osei about the moorings.",
        "“We cannot wait for another year. The bank will not wait either.”",
    )[1] == ("We cannot wait for another year. The bank will not wait either.", None)
