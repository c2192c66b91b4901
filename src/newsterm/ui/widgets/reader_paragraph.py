"""One paragraph of the reader: quotations highlighted in the text, speakers in the margin.

Print puts who said what in the sentence ("said Ana Ruiz") and nowhere else. Where the text
names the speaker near the quotation, that name is styled as the speaker; where it does not
(a quotation in a paragraph of its own, "he said" two quotations later), the speaker's name
sits in a left margin beside the line the quotation starts on, on a line of its own, never
inside the running text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

if TYPE_CHECKING:  # (the analysis records load with the first article shown)
    from newsterm.analysis import Quote


MAX_PARAGRAPH = 20_000
"""Characters of one paragraph ever rendered."""
QUOTE_STYLE = "$text-accent"
ACTIVE_STYLE = "bold $text-accent on $accent-muted"
SPEAKER_STYLE = "italic $text-secondary"
"""A speaker's name in the margin."""
MATCH_STYLE = "bold $text-warning on $warning-muted"
"""A search's matches, in an article opened from its results."""
NAMED_STYLE = "italic $text-secondary"
"""The speaker's name where the text gives it next to the quotation."""
NAME_WINDOW = 60
"""Characters after a quotation (and before it, in its sentence) searched for the speaker."""
SENTENCE_END = re.compile(r"[.!?][’”\"»]?\s")
GUTTER = 12
"""Fewest columns of the speakers' margin (its last two are the gap before the text)."""
MAX_GUTTER = 26
"""Most columns of the margin: it is as wide as the article's longest speaker needs (so that a
name stays on one line), up to this and a quarter of the reader."""
NARROW_GUTTER = 12
"""The margin when the reader has fewer than ``NARROW_FROM`` columns."""
NARROW_FROM = 60
MIN_TEXT = 20
"""Fewest columns of text beside the margin."""


def quote_span(paragraph: str, quote: Quote) -> tuple[int, int] | None:
    """Where a quotation sits in its paragraph: its recorded offset, else the first match."""
    start = quote.start
    if start < 0 or paragraph[start : start + len(quote.text)] != quote.text:
        start = paragraph.find(quote.text)
    if start < 0 or not quote.text:
        return None
    return start, start + len(quote.text)


def _names(speaker: str) -> list[str]:
    """The speaker, then (for a name) the surname alone ("said Ruiz")."""
    words = speaker.split()
    names = [speaker]
    if len(words) > 1 and words[-1][:1].isupper() and len(words[-1]) >= 3:
        names.append(words[-1])
    return names


def speaker_mention(
    paragraph: str, speaker: str, start: int, end: int, limit: int | None = None
) -> tuple[int, int] | None:
    """Where the text names a quotation's speaker next to it, or None.

    Looks in the ``NAME_WINDOW`` characters after the quotation (up to ``limit``, the next
    quotation) and earlier in its own sentence, for the whole speaker or, for a name, the
    surname.
    """
    stop = min(end + NAME_WINDOW, len(paragraph) if limit is None else limit)
    ends = list(SENTENCE_END.finditer(paragraph, max(0, start - NAME_WINDOW), start))
    sentence = ends[-1].end() if ends else max(0, start - NAME_WINDOW)
    for name in _names(speaker):
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        found = pattern.search(paragraph, end, stop)
        if found is None:
            found = next(reversed(list(pattern.finditer(paragraph, sentence, start))), None)
        if found is not None:
            return found.span()
    return None


def _named_in(paragraph: str, speaker: str) -> bool:
    """Whether the paragraph names the speaker anywhere (the whole name, or the surname)."""
    return any(
        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", paragraph, re.IGNORECASE)
        for name in _names(speaker)
    )


@dataclass(frozen=True, slots=True)
class MarginNote:
    """A speaker's name for the margin, beside the quotation starting at ``offset``."""

    offset: int
    label: str
    style: str


@dataclass(frozen=True, slots=True)
class Annotated:
    """A paragraph's text with its quotations styled, and the speakers for its margin."""

    content: Content
    notes: list[MarginNote] = field(default_factory=list)


def paragraph_content(
    paragraph: str,
    quotes: Sequence[tuple[int, Quote]],
    active: int | None = None,
    matches: Sequence[tuple[int, int]] = (),
) -> Annotated:
    """A paragraph with each quotation highlighted and its speaker made plain, once, and a
    search's ``matches`` (character spans) marked.

    A speaker the text names next to the quotation is styled there; a speaker the paragraph
    names elsewhere, or who also said the quotation before in this paragraph ("… ,” he
    said. “…”), needs no note; any other speaker is a margin note. A quotation without a
    speaker has none, as in print (the quotations pane says "unattributed").
    """
    paragraph = paragraph[:MAX_PARAGRAPH]
    placed = []
    for index, quote in quotes:
        span = quote_span(paragraph, quote)
        if span is not None:
            placed.append((span, index, quote))
    placed.sort(key=lambda item: item[0])
    content = Content(paragraph)
    notes: list[MarginNote] = []
    position = 0
    previous: list[str] = []  # the last quotation's speaker ("" for none), once there is one
    for number, ((start, end), index, quote) in enumerate(placed):
        if start < position:
            continue
        content = content.stylize(ACTIVE_STYLE if index == active else QUOTE_STYLE, start, end)
        following = next((s for (s, _), _, _ in placed[number + 1 :] if s >= end), None)
        speaker = quote.speaker[:200] if quote.speaker else None
        same = previous == [(speaker or "").lower()]
        if speaker:
            mention = speaker_mention(paragraph, speaker, start, end, following)
            if mention is not None:
                content = content.stylize(NAMED_STYLE, *mention)
            elif not same and not _named_in(paragraph, speaker):
                notes.append(MarginNote(start, speaker, SPEAKER_STYLE))
        previous = [(speaker or "").lower()]
        position = end
    for start, end in matches:
        content = content.stylize(MATCH_STYLE, start, min(end, len(paragraph)))
    return Annotated(content, notes)


def margin_for(labels: Sequence[str]) -> int:
    """The margin an article's speakers want: room for the longest on one line (0: none)."""
    if not labels:
        return 0
    return max(GUTTER, min(MAX_GUTTER, max(len(label) for label in labels) + 2))


def gutter_width(width: int, wanted: int) -> int:
    """The margin's columns for a reader ``width`` columns wide that wants ``wanted`` (0 when
    there is no room)."""
    if width < NARROW_FROM:
        gutter = min(wanted, NARROW_GUTTER)
    else:
        gutter = min(wanted, max(GUTTER, width // 4))
    return gutter if gutter and width - gutter >= MIN_TEXT else 0


def _label_lines(label: str, width: int) -> list[str]:
    """A margin label in lines of at most ``width`` cells, broken between words only and
    filled from the end, so that a name stays whole ("Councillor / Ben Hart"); a word too
    long for the margin is cut with an ellipsis."""
    lines: list[str] = []
    for word in reversed(label.split()):
        if len(word) > width:
            word = word[: width - 1] + "…"
        if lines and len(lines[0]) + 1 + len(word) <= width:
            lines[0] = word + " " + lines[0]
        else:
            lines.insert(0, word)
    return lines


def _right(label: Content, width: int) -> Content:
    return label.pad_left(max(0, width - label.cell_length))


class ReaderParagraph(Widget):
    """A paragraph laid out beside its speakers' margin (when the article has one)."""

    DEFAULT_CLASSES = "paragraph"

    def __init__(
        self,
        text: str,
        quotes: Sequence[tuple[int, Quote]],
        *,
        margin: int = 0,
        matches: Sequence[tuple[int, int]] = (),
    ) -> None:
        super().__init__()
        self.text = text[:MAX_PARAGRAPH]
        self.quotes = list(quotes)
        self.matches = list(matches)
        """A search's matches in this paragraph (character spans)."""
        self.margin = margin
        """The speakers' margin wanted, in columns (0: none; the same for every paragraph of an
        article: see ``margin_for``)."""
        self.active: int | None = None
        """The quotation highlighted as the one jumped to."""
        self._laid_out: tuple[int, list[Content], list[int]] | None = None

    def set_active(self, active: int | None) -> None:
        """Highlight another quotation (or none)."""
        if active != self.active:
            self.active = active
            self._laid_out = None
            self.refresh(layout=True)

    def annotated(self) -> Annotated:
        return paragraph_content(self.text, self.quotes, self.active, self.matches)

    def _lay_out(self, width: int) -> tuple[list[Content], list[int]]:
        """The lines at ``width`` columns, and the text offset each line of text starts at."""
        if self._laid_out is not None and self._laid_out[0] == width:
            return self._laid_out[1], self._laid_out[2]
        annotated = self.annotated()
        gutter = gutter_width(width, self.margin)
        text_lines = annotated.content.wrap(max(1, width - gutter))
        starts: list[int] = []
        offset = 0
        for line in text_lines:
            found = self.text.find(line.plain.strip()[:40], offset) if line.plain.strip() else -1
            offset = found if found >= 0 else offset
            starts.append(offset)
        lines = list(text_lines)
        if gutter:
            margin: dict[int, Content] = {}
            free = 0
            for note in annotated.notes:
                row = max(free, self._row(starts, note.offset))
                for part in _label_lines(note.label, gutter - 2):
                    margin[row] = Content.styled(part, note.style)
                    row += 1
                free = row
            height = max(len(lines), free)
            lines = [
                _right(margin.get(row, Content("")), gutter - 2)
                + Content("  ")
                + (text_lines[row] if row < len(text_lines) else Content(""))
                for row in range(height)
            ]
        self._laid_out = (width, lines, starts)
        return lines, starts

    @staticmethod
    def _row(starts: list[int], offset: int) -> int:
        row = 0
        for number, start in enumerate(starts):
            if start <= offset:
                row = number
        return row

    def row_of(self, offset: int) -> int:
        """The line (from 0) the text at ``offset`` is on, at the current width."""
        _, starts = self._lay_out(self.content_region.width or self.size.width)
        return self._row(starts, offset)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lay_out(width)[0])

    def render(self) -> Content:
        lines, _ = self._lay_out(self.content_region.width or self.size.width)
        return Content("\n").join(lines)
