"""The reader's paragraph text: quotations highlighted, speakers shown once, in the margin."""

from __future__ import annotations

from newsterm.analysis import Quote
from newsterm.ui.widgets.reader_paragraph import (
    NAMED_STYLE,
    MarginNote,
    ReaderParagraph,
    gutter_width,
    margin_for,
    paragraph_content,
)


def quotes_of(paragraph: str, *said: tuple[str, str | None]) -> list[tuple[int, Quote]]:
    return [
        (i, Quote(text=text, speaker=who, paragraph=0, start=paragraph.index(text)))
        for i, (text, who) in enumerate(said)
    ]


def render(
    paragraph: str, *said: tuple[str, str | None]
) -> tuple[str, list[tuple[str, str]], list[MarginNote]]:
    annotated = paragraph_content(paragraph, quotes_of(paragraph, *said))
    content = annotated.content
    spans = [(content.plain[s.start : s.end], str(s.style)) for s in content.spans]
    return content.plain, spans, annotated.notes


def test_the_text_is_never_changed_speakers_go_to_the_margin() -> None:
    text = "Tom Becker spoke first. Later: “Nobody has told them what comes next.”"
    plain, _, notes = render(text, ("Nobody has told them what comes next.", "Tom Becker"))
    assert plain == text
    assert notes == []  # the paragraph names him
    text = "“Nobody has told them what comes next.”"
    plain, _, notes = render(text, ("Nobody has told them what comes next.", "Tom Becker"))
    assert plain == text
    assert [(n.offset, n.label) for n in notes] == [(1, "Tom Becker")]


def test_a_speaker_named_after_the_quote_is_not_repeated_but_styled() -> None:
    text = "“We will appeal,” a State Department spokesperson said on Friday."
    plain, spans, notes = render(text, ("We will appeal,", "a State Department spokesperson"))
    assert plain == text and notes == []
    assert ("a State Department spokesperson", NAMED_STYLE) in spans


def test_a_surname_counts_and_so_does_a_name_earlier_in_the_sentence() -> None:
    text = "“Prices are rising,” Ruiz said."
    plain, spans, notes = render(text, ("Prices are rising,", "Ana Ruiz"))
    assert "Ana Ruiz" not in plain and ("Ruiz", NAMED_STYLE) in spans and notes == []
    text = "The utility said it would “review the decision” before commenting."
    plain, spans, notes = render(text, ("review the decision", "The utility"))
    assert plain == text and ("The utility", NAMED_STYLE) in spans and notes == []


def test_a_second_quotation_of_the_same_speaker_gets_no_tag() -> None:
    # the seed article's pattern: the tag used to land after the second quotation, mid-text
    text = (
        "“We welcome the release,” a State Department spokesperson said. "
        "“This is an important step in the right direction.”"
    )
    plain, _, notes = render(
        text,
        ("We welcome the release,", "a State Department spokesperson"),
        ("This is an important step in the right direction.", "a State Department spokesperson"),
    )
    assert plain == text and notes == []


def test_an_unattributed_quote_gets_no_tag_as_in_print() -> None:
    plain, _, notes = render("“Not going anywhere,” read a banner.", ("Not going anywhere,", None))
    assert plain == "“Not going anywhere,” read a banner." and notes == []


def lay_out(paragraph: ReaderParagraph, width: int) -> list[str]:
    return [line.plain for line in paragraph._lay_out(width)[0]]


def test_the_margin_name_sits_beside_the_first_line_of_its_quotation_never_split() -> None:
    text = (
        "Residents packed the hall on Monday night to hear the plan. “We are paying for them, "
        "and we deserve to know what they cost before anyone signs anything at all,” he said."
    )
    quote = "We are paying for them, and we deserve to know what they cost"
    widget = ReaderParagraph(
        text, quotes_of(text, (quote, "Councillor Ben Hartington-Smythe")), margin=12
    )
    lines = lay_out(widget, 56)
    text_lines = [line[12:] for line in lines]
    assert " ".join(t.strip() for t in text_lines if t.strip()) == text  # the text is whole
    start_row = next(i for i, line in enumerate(text_lines) if "“We" in line)
    margin = [line[:12].strip() for line in lines]
    # the label starts on the quotation's first line; words stay whole, the name together
    assert margin[start_row] == "Councillor"
    assert margin[start_row + 1] == "Ben"
    assert margin[start_row + 2].startswith("Hartingto") and margin[start_row + 2].endswith("…")
    widget = ReaderParagraph(text, quotes_of(text, (quote, "Councillor Ben Hart")), margin=12)
    margin = [line[:12].strip() for line in lay_out(widget, 56)]
    assert margin[start_row : start_row + 2] == ["Councillor", "Ben Hart"]
    assert all(len(line) <= 56 for line in lines)


def test_the_margin_is_as_wide_as_the_longest_speaker_needs_within_limits() -> None:
    assert margin_for([]) == 0
    assert margin_for(["Ana Ruiz"]) == 12  # at least
    assert margin_for(["Ana Ruiz", "Councillor Ben Hart"]) == 21  # one line for the longest
    assert margin_for(["a spokesperson for the State Department of the US"]) == 26  # at most
    assert gutter_width(160, 21) == 21
    assert gutter_width(62, 21) == 15  # a quarter of a narrow reader
    assert gutter_width(56, 21) == 12
    assert gutter_width(30, 21) == 0  # no room: no margin


def test_no_margin_without_notes_keeps_the_full_width() -> None:
    text = "A plain paragraph. " * 10
    widget = ReaderParagraph(text, [], margin=False)
    lines = lay_out(widget, 40)
    assert lines[0].startswith("A plain paragraph.")
    assert max(len(line.rstrip()) for line in lines) > 30
