"""The reader: title, byline, source, date and link, then the body with quotations in place."""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from newsterm.analysis import Quote
from newsterm.models import Article, FullTextStatus, describe_full_text
from newsterm.timefmt import full

MAX_PARAGRAPHS = 2000
MAX_PARAGRAPH = 20_000
"""Characters of one paragraph ever rendered."""
CLOSING = ',.;:!?’”"»'
QUOTE_STYLE = "$text-accent"
ACTIVE_STYLE = "bold $text-accent on $accent-muted"
SPEAKER_STYLE = "italic $text-secondary on $secondary-muted"
NO_SPEAKER_STYLE = "italic $text-muted"
MATCH_STYLE = "bold $text-warning on $warning-muted"
"""A search's matches, in an article opened from its results."""
NAMED_STYLE = "italic $text-secondary"
"""The speaker's name where the text gives it next to the quotation."""
NAME_WINDOW = 60
"""Characters after a quotation (and before it, in its sentence) searched for the speaker."""
SENTENCE_END = re.compile(r"[.!?][’”\"»]?\s")


def quote_span(paragraph: str, quote: Quote) -> tuple[int, int] | None:
    """Where a quotation sits in its paragraph: its recorded offset, else the first match."""
    start = quote.start
    if start < 0 or paragraph[start : start + len(quote.text)] != quote.text:
        start = paragraph.find(quote.text)
    if start < 0 or not quote.text:
        return None
    return start, start + len(quote.text)


def speaker_mention(
    paragraph: str, speaker: str, start: int, end: int, limit: int | None = None
) -> tuple[int, int] | None:
    """Where the text names a quotation's speaker next to it, or None.

    Looks in the ``NAME_WINDOW`` characters after the quotation (up to ``limit``, the next
    quotation) and earlier in its own sentence, for the whole speaker or, for a name, the
    surname ("said Ruiz").
    """
    words = speaker.split()
    names = [speaker]
    if len(words) > 1 and words[-1][:1].isupper() and len(words[-1]) >= 3:
        names.append(words[-1])
    stop = min(end + NAME_WINDOW, len(paragraph) if limit is None else limit)
    ends = list(SENTENCE_END.finditer(paragraph, max(0, start - NAME_WINDOW), start))
    sentence = ends[-1].end() if ends else max(0, start - NAME_WINDOW)
    for name in names:
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        found = pattern.search(paragraph, end, stop)
        if found is None:
            found = next(reversed(list(pattern.finditer(paragraph, sentence, start))), None)
        if found is not None:
            return found.span()
    return None


def paragraph_content(
    paragraph: str,
    quotes: Sequence[tuple[int, Quote]],
    active: int | None = None,
    matches: Sequence[tuple[int, int]] = (),
) -> Content:
    """A paragraph with each quotation highlighted and its speaker made plain, and a
    search's ``matches`` (character spans) marked.

    When the text names the speaker next to the quotation, that name is styled as the
    speaker; otherwise a speaker tag follows the quotation (no "“…,” [Ana Ruiz] said Ana
    Ruiz" stutter).
    """
    paragraph = paragraph[:MAX_PARAGRAPH]
    placed = []
    for index, quote in quotes:
        span = quote_span(paragraph, quote)
        if span is not None:
            placed.append((span, index, quote))
    placed.sort(key=lambda item: item[0])
    content = Content(paragraph)
    tags: list[tuple[int, Content]] = []
    position = 0
    for number, ((start, end), index, quote) in enumerate(placed):
        if start < position:
            continue
        after = end
        while after < len(paragraph) and after - end < 3 and paragraph[after] in CLOSING:
            after += 1
        content = content.stylize(ACTIVE_STYLE if index == active else QUOTE_STYLE, start, end)
        following = next((s for (s, _), _, _ in placed[number + 1 :] if s >= after), None)
        mention = None
        if quote.speaker:
            mention = speaker_mention(paragraph, quote.speaker, start, end, following)
        if mention is not None and mention[0] >= position:
            content = content.stylize(NAMED_STYLE, *mention)
        elif quote.speaker:
            tags.append(
                (after, Content(" ") + Content.styled(f" {quote.speaker[:200]} ", SPEAKER_STYLE))
            )
        else:
            tags.append((after, Content(" ") + Content.styled("(unattributed)", NO_SPEAKER_STYLE)))
        position = after
    for start, end in matches:
        content = content.stylize(MATCH_STYLE, start, min(end, len(paragraph)))
    parts: list[Content] = []
    previous = 0
    for offset, tag in tags:
        parts += [content[previous:offset], tag]
        previous = offset
    parts.append(content[previous:])
    return Content.assemble(*parts)


class LinkLine(Static):
    """The article's address; a click asks to open it (only http, https and mailto open)."""

    class Clicked(Message):
        """The link was clicked."""

        def __init__(self, url: str) -> None:
            super().__init__()
            self.url = url
            """The address, as the feed gave it."""

    def __init__(self, url: str) -> None:
        super().__init__(Content(url[:2000]), classes="link", markup=False)
        self.url = url

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self.url))


class ArticleReader(VerticalScroll):
    """One article, with its quotations highlighted where they are said."""

    ALLOW_MAXIMIZE = True

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="reader-down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="reader-up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="reader-top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="reader-bottom"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="reader-page-down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="reader-page-up"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        """The article shown, or None."""
        self.active_quote: int | None = None
        """The quotation last jumped to."""
        self.matches: dict[int, list[tuple[int, int]]] = {}
        """A search's matches in the article, by paragraph (opened from search results)."""
        self._paragraphs: list[Static] = []

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(
            Content("Select an article and press Enter to read it here."), classes="placeholder"
        )

    async def show(
        self, article: Article | None, matches: dict[int, list[tuple[int, int]]] | None = None
    ) -> None:
        """Show an article (None clears the reader); with a search's ``matches`` (spans by
        paragraph), mark every one and scroll to the first."""
        self.article = article
        self.active_quote = None
        self.matches = matches or {}
        await self.remove_children()
        self._paragraphs = []
        if article is None:
            await self.mount(Static(Content("Select an article."), classes="placeholder"))
            return
        widgets: list[Static] = [Static(Content(article.title[:2000]), classes="title")]
        byline = ", ".join(article.authors)
        meta = [
            f"By {byline}" if byline else "",
            article.source_title,
            full(article.published),
            f"{article.reading_minutes} min read",
        ]
        widgets.append(Static(Content(" · ".join(m for m in meta if m)), classes="meta"))
        if article.url:
            widgets.append(LinkLine(article.url))
        status = article.full_text_status
        if status is not None and status != FullTextStatus.OK:
            note = f"Summary only: {describe_full_text(status)} (f tries again)."
            widgets.append(Static(Content(note), classes="status"))
        by_paragraph: dict[int, list[tuple[int, Quote]]] = {}
        for index, quote in enumerate(article.quotes):
            by_paragraph.setdefault(quote.paragraph, []).append((index, quote))
        paragraphs = article.paragraphs[:MAX_PARAGRAPHS] or [article.summary]
        for number, text in enumerate(paragraphs):
            found = self.matches.get(number, ())
            widget = Static(
                paragraph_content(text, by_paragraph.get(number, []), None, found),
                classes="paragraph",
            )
            self._paragraphs.append(widget)
            widgets.append(widget)
        if article.credits:
            widgets.append(Static(Content("\n".join(article.credits)), classes="credits"))
        if article.gone:
            widgets.append(
                Static(Content("This article is no longer in its feed."), classes="credits")
            )
        await self.mount_all(widgets)
        self.scroll_home(animate=False, immediate=True)
        first = min(((p, spans[0][0]) for p, spans in self.matches.items() if spans), default=None)
        if first is not None:
            self.scroll_to_offset(*first)

    def scroll_to_offset(self, number: int, offset: int) -> None:
        """Scroll so that a character of a paragraph shows near the top (after a refresh:
        the paragraph must be laid out)."""
        article = self.article
        if article is None or not 0 <= number < len(self._paragraphs):
            return
        widget = self._paragraphs[number]
        text = article.paragraphs[number] if number < len(article.paragraphs) else ""

        def scroll() -> None:
            lines_before = 0
            if widget.content_region.width > 0:
                prefix = paragraph_content(text[:offset] + "x", [])
                lines_before = max(0, len(prefix.wrap(widget.content_region.width)) - 1)
            target = widget.virtual_region.y + lines_before - 2
            self.scroll_to(y=max(0, target), animate=False, immediate=True)

        self.call_after_refresh(scroll)

    def show_quote(self, index: int) -> None:
        """Highlight one quotation and scroll it into view."""
        article = self.article
        if article is None or not 0 <= index < len(article.quotes):
            return
        previous, self.active_quote = self.active_quote, index
        for number in {article.quotes[index].paragraph} | (
            {article.quotes[previous].paragraph} if previous is not None else set()
        ):
            self._rerender(number)
        quote = article.quotes[index]
        if not 0 <= quote.paragraph < len(article.paragraphs):
            return
        span = quote_span(article.paragraphs[quote.paragraph], quote)
        self.scroll_to_offset(quote.paragraph, span[0] if span is not None else 0)

    def _rerender(self, number: int) -> None:
        article = self.article
        if article is None or not 0 <= number < len(self._paragraphs):
            return
        quotes = [(i, q) for i, q in enumerate(article.quotes) if q.paragraph == number]
        self._paragraphs[number].update(
            paragraph_content(
                article.paragraphs[number], quotes, self.active_quote, self.matches.get(number, ())
            )
        )
