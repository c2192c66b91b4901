"""HTML to clean paragraphs: block elements become paragraphs, chrome is dropped, links kept."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from html.parser import HTMLParser

from newsterm.extract.text import clean_paragraph, sanitize

BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "br",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "hr",
    "address",
    "center",
}
SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "math",
    "object",
    "embed",
    "nav",
    "form",
    "button",
    "select",
    "textarea",
    "head",
    "aside",
    "footer",
}
_VOID = {
    *("br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "base", "col"),
    "embed",  # void in HTML: the text after an <embed> is not inside it
}
_LINK_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(slots=True)
class HtmlText:
    """Paragraphs, title and links found in an HTML document or fragment."""

    title: str = ""
    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = HtmlText()
        self._buffer: list[str] = []
        self._skip_depth = 0
        self._skipped: list[tuple[str, dict[str, int]]] = []
        """Open skipped elements, each with the other tags opened inside it and still open."""
        self._open: list[str] = []
        self._open_count: dict[str, int] = {}
        """The elements open outside the skipped ones, and how many of each name."""
        self._in_title = False
        self._title: list[str] = []
        self._heading_open = False
        self._heading: list[str] = []

    def _flush(self) -> None:
        text = clean_paragraph("".join(self._buffer))
        self._buffer.clear()
        if not text:
            return
        if self._heading_open and not self.result.heading:
            self.result.heading = text
        self.result.paragraphs.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            if tag not in _VOID:
                self._skipped.append((tag, {}))
                self._skip_depth += 1
            return
        if self._skipped:
            if tag == "body":
                self._end_skipped("head")  # an unclosed <head> ends where <body> starts
            elif tag not in _VOID:
                inside = self._skipped[-1][1]
                inside[tag] = inside.get(tag, 0) + 1
        elif tag not in _VOID:
            self._open.append(tag)
            self._open_count[tag] = self._open_count.get(tag, 0) + 1
        if tag == "title":
            self._in_title = True
            return
        if tag in BLOCK_TAGS:
            self._flush()
        if tag == "h1":
            self._heading_open = True
        if tag == "a" and not self._skip_depth:
            href = (dict(attrs).get("href") or "").strip()
            if href.lower().startswith(_LINK_SCHEMES) and href not in self.result.links:
                self.result.links.append(sanitize(href))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
        elif tag == "a":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._skipped and not self._end_skipped(tag):
            return
        if tag in SKIP_TAGS:
            return
        if self._open_count.get(tag):
            while (name := self._open.pop()) != tag:
                self._open_count[name] -= 1
            self._open_count[tag] -= 1
        if tag in BLOCK_TAGS:
            self._flush()
        if tag == "h1":
            self._heading_open = False

    def _end_skipped(self, tag: str) -> bool:
        """Account for the end tag ``tag`` met while skipping; True when it ends the skipping.

        The end tag of an element opened before a skipped one closes it, as in a browser: an
        unclosed ``<object>`` or ``<aside>`` does not swallow the rest of the page. An end tag
        that matches no open element is ignored.
        """
        levels = self._skipped
        for index in range(len(levels) - 1, -1, -1):
            name, inside = levels[index]
            if name == tag:
                del levels[index:]
                break
            if inside.get(tag):
                inside[tag] -= 1
                del levels[index + 1 :]
                break
        else:
            if not self._open_count.get(tag):
                return False  # a stray end tag
            levels.clear()
            self._skip_depth = 0
            return True
        self._skip_depth = len(levels)
        return False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skip_depth:
            self._buffer.append(data)

    def finish(self) -> HtmlText:
        self.close()
        self._flush()
        self.result.title = clean_paragraph("".join(self._title))
        return self.result


def html_to_text(markup: str) -> HtmlText:
    """Extract the title, first heading, paragraphs and http(s)/mailto links from HTML."""
    collector = _Collector()
    # html.parser gives up on some malformed declarations; keep what was read until then.
    with contextlib.suppress(AssertionError, ValueError):
        collector.feed(markup)
    return collector.finish()


def html_paragraphs(markup: str) -> list[str]:
    """The paragraphs of an HTML fragment (a feed item's content or summary)."""
    return html_to_text(markup).paragraphs
