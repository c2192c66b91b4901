"""Feed HTML to paragraphs and links, fast for the simple markup most feed items carry.

:func:`newsterm.extract.html.html_to_text` (html.parser, pure Python) costs ~0.3 ms an item,
the largest share of a refresh. Most item HTML is a few paragraphs with inline emphasis and
links: a regex scan handles that about ten times faster and gives the same result. Anything
else (scripts, comments, stray ``<``, unknown or namespaced tags, odd attributes) goes to
html_to_text, which stays the reference; a test checks both agree.
"""

from __future__ import annotations

import html
import re

from newsterm.extract.html import BLOCK_TAGS, html_to_text
from newsterm.extract.text import normalize_paragraph, sanitize

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)(\s[^<>]*)?>")
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
BLOCK = frozenset(BLOCK_TAGS - {"h1"})
"""Block tags (the reference's, less h1 whose text it also keeps as the heading)."""
INLINE = frozenset(
    [
        "a",
        "b",
        "i",
        "em",
        "strong",
        "span",
        "u",
        "small",
        "sub",
        "sup",
        "code",
        "abbr",
        "cite",
        "q",
        "s",
        "mark",
        "time",
        "font",
        "img",
        "tt",
        "big",
        "strike",
        "del",
        "ins",
        "kbd",
        "var",
        "dfn",
        "bdi",
        "wbr",
    ]
)
LINK_SCHEMES = ("http://", "https://", "mailto:")


def _simple(markup: str) -> tuple[list[str], list[str]] | None:
    """Paragraphs and links of simple markup, or None when the reference must do it."""
    if "<!" in markup or "<?" in markup:
        return None
    paragraphs: list[str] = []
    links: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = "".join(buffer)
        buffer.clear()
        if not text or text.isspace():
            return
        text = normalize_paragraph(sanitize(text))
        if text:
            paragraphs.append(text)

    position = 0
    for match in _TAG.finditer(markup):
        text = markup[position : match.start()]
        if "<" in text:
            return None
        if text:
            buffer.append(html.unescape(text))
        position = match.end()
        closing, tag, attrs = match.group(1), match.group(2).lower(), match.group(3) or ""
        if attrs and (attrs.count('"') % 2 or attrs.count("'") % 2 or "&" in attrs):
            return None
        if tag in BLOCK:
            flush()
        elif tag not in INLINE:
            return None
        elif tag == "a" and not closing:
            found = _HREF.findall(attrs)
            if len(found) > 1:
                return None
            href = "".join(found[0]).strip() if found else ""
            if href.lower().startswith(LINK_SCHEMES) and href not in links:
                links.append(sanitize(href))
    tail = markup[position:]
    if "<" in tail:
        return None
    if tail:
        buffer.append(html.unescape(tail))
    flush()
    return paragraphs, links


def paragraphs_and_links(markup: str) -> tuple[list[str], list[str]]:
    """Clean paragraphs and http(s)/mailto links of an item's HTML."""
    fast = _simple(markup)
    if fast is not None:
        return fast
    result = html_to_text(markup)
    return result.paragraphs, result.links
