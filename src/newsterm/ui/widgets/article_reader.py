"""The reader: title, byline, source, date and link, then the body with quotations in place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from newsterm.models import NO_LINK, Article, FullTextStatus, describe_full_text
from newsterm.timefmt import counted, full

if TYPE_CHECKING:  # (these load with the first article shown: the whole screen has none)
    from newsterm.analysis import Quote
    from newsterm.ui.widgets.reader_paragraph import ReaderParagraph

MAX_PARAGRAPHS = 2000
MEASURE = 80
"""Columns of text a line holds at most, unless the settings say otherwise (0: no cap)."""


def summary_note(article: Article) -> str | None:
    """The quiet line under the byline saying the text is a summary (or why it still is)."""
    status = article.full_text_status
    if status is not None and status != FullTextStatus.OK and not article.from_disk:
        again = "" if status == FullTextStatus.NO_URL else " · f: try again"
        return f"Summary only: {describe_full_text(status)}{again}"
    if article.summary_only:
        words = counted(article.word_count, "word")
        hint = "f: whole article" if article.url else NO_LINK
        return f"Summary only · {words} · {hint}"
    return None


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
    """One article, with its quotations highlighted where they are said.

    The text sits in a page at most ``measure`` columns wide (plus the speakers' margin when
    an article needs one), centred in the pane.
    """

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
        self.measure = MEASURE
        """Columns of text a line holds at most (0: the pane's width)."""
        self.smooth = False
        """Whether the keys scroll smoothly (the ``animate`` setting); else they jump."""
        self.matches: dict[int, list[tuple[int, int]]] = {}
        """A search's matches in the article, by paragraph (opened from search results)."""
        self._paragraphs: list[ReaderParagraph] = []

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(
            Content("Select an article and press Enter to read it here."), classes="placeholder"
        )

    async def show(
        self, article: Article | None, matches: dict[int, list[tuple[int, int]]] | None = None
    ) -> None:
        """Show an article (None clears the reader), with a search's ``matches`` marked and
        the first of them scrolled into view."""
        self.article = article
        self.active_quote = None
        self.matches = matches or {}
        await self.remove_children()
        self._paragraphs = []
        if article is None:
            await self.mount(Static(Content("Select an article."), classes="placeholder"))
            return
        from newsterm.ui.widgets.reader_paragraph import (
            ReaderParagraph,
            margin_for,
            paragraph_content,
        )

        widgets: list[Widget] = [Static(Content(article.title[:2000]), classes="title")]
        byline = ", ".join(article.authors)
        meta = [
            f"By {byline}" if byline else "",
            article.source_title,
            full(article.published),
            f"{article.reading_minutes} min read",
        ]
        widgets.append(Static(Content(" · ".join(m for m in meta if m)), classes="meta"))
        note = summary_note(article)
        if note is not None:
            widgets.append(Static(Content(note), classes="status"))
        if article.url:
            widgets.append(LinkLine(article.url))
        by_paragraph: dict[int, list[tuple[int, Quote]]] = {}
        for index, quote in enumerate(article.quotes):
            by_paragraph.setdefault(quote.paragraph, []).append((index, quote))
        paragraphs = article.paragraphs[:MAX_PARAGRAPHS] or [article.summary]
        margin = margin_for(
            [
                note.label
                for number, text in enumerate(paragraphs)
                if number in by_paragraph
                for note in paragraph_content(text, by_paragraph[number]).notes
            ]
        )
        for number, text in enumerate(paragraphs):
            widget = ReaderParagraph(
                text,
                by_paragraph.get(number, []),
                margin=margin,
                matches=self.matches.get(number, ()),
            )
            self._paragraphs.append(widget)
        widgets += self._paragraphs
        if article.credits:
            widgets.append(Static(Content("\n".join(article.credits)), classes="credits"))
        if article.gone:
            widgets.append(
                Static(Content("This article is no longer in its feed."), classes="credits")
            )
        page = Vertical(*widgets, classes="page")
        if self.measure:
            # the measure is a setting, so it is set here rather than in the stylesheet
            page.styles.max_width = self.measure + margin
        page.set_class(bool(margin), "-margin")
        await self.mount(page)
        self.scroll_home(animate=False, immediate=True)
        first = min(((p, spans[0][0]) for p, spans in self.matches.items() if spans), default=None)
        if first is not None:
            self.scroll_to_offset(*first)

    def scroll_to_offset(self, number: int, offset: int) -> None:
        """Scroll so that a character of a paragraph shows near the top (once laid out: a
        reader hidden a moment ago, stacked, has no region yet)."""
        if not 0 <= number < len(self._paragraphs):
            return
        widget = self._paragraphs[number]

        def scroll(tries: int = 5) -> None:
            if not self.region and tries:
                self.call_after_refresh(scroll, tries - 1)
                return
            top = widget.virtual_region.y + widget.row_of(offset)
            if isinstance(widget.parent, Widget):
                top += widget.parent.virtual_region.y
            self.scroll_to(y=max(0, top - 2), animate=False, immediate=True)

        self.call_after_refresh(scroll)

    def show_quote(self, index: int) -> None:
        """Highlight one quotation and scroll it into view."""
        article = self.article
        if article is None or not 0 <= index < len(article.quotes):
            return
        self.active_quote = index
        for widget in self._paragraphs:
            widget.set_active(index)
        quote = article.quotes[index]
        if not 0 <= quote.paragraph < len(self._paragraphs):
            return
        from newsterm.ui.widgets.reader_paragraph import quote_span

        span = quote_span(self._paragraphs[quote.paragraph].text, quote)
        self.scroll_to_offset(quote.paragraph, span[0] if span is not None else 0)

    # The keys jump unless the settings ask for smooth scrolling.
    def action_scroll_home(self) -> None:
        self.scroll_to(y=0, animate=self.smooth, immediate=not self.smooth)

    def action_scroll_end(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=self.smooth, immediate=not self.smooth)

    def action_page_down(self) -> None:
        y = min(self.max_scroll_y, self.scroll_y + self.scrollable_content_region.height)
        self.scroll_to(y=y, animate=self.smooth, immediate=not self.smooth)

    def action_page_up(self) -> None:
        y = max(0, self.scroll_y - self.scrollable_content_region.height)
        self.scroll_to(y=y, animate=self.smooth, immediate=not self.smooth)
