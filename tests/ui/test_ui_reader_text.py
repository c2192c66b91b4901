"""The reader's paragraph text: quotations highlighted, speakers shown once (no stutter)."""

from __future__ import annotations

from newsterm.analysis import Quote
from newsterm.ui.widgets.article_reader import NAMED_STYLE, SPEAKER_STYLE, paragraph_content


def render(paragraph: str, *said: tuple[str, str | None]) -> tuple[str, list[tuple[str, str]]]:
    quotes = [
        (i, Quote(text=text, speaker=who, paragraph=0, start=paragraph.index(text)))
        for i, (text, who) in enumerate(said)
    ]
    content = paragraph_content(paragraph, quotes)
    spans = [(content.plain[s.start : s.end], str(s.style)) for s in content.spans]
    return content.plain, spans


def test_a_speaker_named_after_the_quote_is_not_repeated_but_styled() -> None:
    text = "“We will appeal,” a State Department spokesperson said on Friday."
    plain, spans = render(text, ("We will appeal,", "a State Department spokesperson"))
    assert plain == text
    assert ("a State Department spokesperson", NAMED_STYLE) in spans


def test_a_surname_counts_and_so_does_a_name_earlier_in_the_sentence() -> None:
    plain, spans = render("“Prices are rising,” Ruiz said.", ("Prices are rising,", "Ana Ruiz"))
    assert "Ana Ruiz" not in plain and ("Ruiz", NAMED_STYLE) in spans
    text = "The utility said it would “review the decision” before commenting."
    plain, spans = render(text, ("review the decision", "The utility"))
    assert plain == text and ("The utility", NAMED_STYLE) in spans


def test_a_speaker_not_named_nearby_gets_a_tag() -> None:
    text = "Tom Becker spoke first. “Nobody has told them what comes next.”"
    plain, spans = render(text, ("Nobody has told them what comes next.", "Tom Becker"))
    assert plain.endswith("next.”  Tom Becker ")
    assert (" Tom Becker ", SPEAKER_STYLE) in spans


def test_an_unattributed_quote_says_so() -> None:
    plain, _ = render("“Not going anywhere,” read a banner.", ("Not going anywhere,", None))
    assert plain == "“Not going anywhere,” (unattributed) read a banner."
