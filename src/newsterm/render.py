"""Rich renderings of articles for the CLI: text built as Text, never parsed as markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from newsterm.analysis import Analysis, Contact, Quote
from newsterm.models import Article
from newsterm.timefmt import full

QUOTE_STYLE = "italic cyan"
SPEAKER_STYLE = "bold magenta"


def highlight_quotes(paragraph: str, quotes: Sequence[Quote]) -> Text:
    """A paragraph as Text with its quotations styled in place."""
    text = Text(paragraph)
    for quote in quotes:
        start = quote.start if quote.start >= 0 else paragraph.find(quote.text)
        if start < 0:
            continue
        end = min(len(paragraph), start + len(quote.text))
        text.stylize(QUOTE_STYLE, start, end)
    return text


def contact_line(contact: Contact) -> Text:
    """One contact: name, then address, link and handle."""
    parts = [p for p in (contact.email, contact.url, contact.handle) if p]
    line = Text(contact.name or "", style="bold")
    if parts:
        line.append((" " if contact.name else "") + " · ".join(parts))
    return line


def _body(
    title: str,
    meta: Text,
    paragraphs: Sequence[str],
    quotes: Sequence[Quote],
    contacts: Sequence[Contact],
) -> Group:
    parts: list[RenderableType] = [Text(title, style="bold underline"), meta, Text("")]
    for index, paragraph in enumerate(paragraphs):
        mine = [q for q in quotes if q.paragraph == index]
        parts += [highlight_quotes(paragraph, mine), Text("")]
    if quotes:
        parts.append(Text("Quotations", style="bold"))
        for number, quote in enumerate(quotes, 1):
            line = Text(f"  {number}. “") + Text(quote.text, style=QUOTE_STYLE) + Text("” — ")
            line.append(quote.speaker or "unattributed", style=SPEAKER_STYLE)
            parts.append(line)
        parts.append(Text(""))
    if contacts:
        parts.append(Text("Contacts", style="bold"))
        parts += [Text("  ") + contact_line(c) for c in contacts]
    return Group(*parts)


def render_article(article: Article) -> Group:
    """A cached article, for ``newsterm show``."""
    meta = Text(style="dim")
    bits = [
        ("By " + ", ".join(article.authors)) if article.authors else "",
        article.source_title,
        full(article.published),
        f"{article.reading_minutes} min read",
        article.url or "",
    ]
    meta.append(" · ".join(b for b in bits if b))
    return _body(article.title, meta, article.paragraphs, article.quotes, article.contacts)


def render_analysis(analysis: Analysis) -> Group:
    """An analysed file, for ``newsterm parse``."""
    bits = [
        ("By " + ", ".join(analysis.authors)) if analysis.authors else "",
        f"{analysis.word_count} words",
        f"{analysis.reading_minutes} min read",
    ]
    meta = Text(" · ".join(b for b in bits if b), style="dim")
    return _body(analysis.title, meta, analysis.paragraphs, analysis.quotes, analysis.contacts)
