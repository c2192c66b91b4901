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
from newsterm.extract.text import clean_paragraph, sanitize

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
KNOWN = BLOCK | INLINE
LINK_SCHEMES = ("http://", "https://", "mailto:")


def _simple(markup: str) -> tuple[list[str], list[str]] | None:
    """Paragraphs and links of simple markup, or None when the reference must do it.

    One ``_TAG.split`` cuts the markup into texts and tags in C; the checks that send the
    markup to the reference (a stray ``<``, an unknown tag, odd attributes, two hrefs) then
    run over those lists, and the paragraphs are the texts between block tags.
    """
    if "<!" in markup or "<?" in markup:
        return None
    # [text, closing, name, attrs, text, closing, name, attrs, ..., text]
    parts = _TAG.split(markup)
    texts = parts[0::4]
    names = [name.lower() for name in parts[2::4]]
    if markup.count("<") != len(names):
        return None  # a "<" outside a tag (each tag holds exactly one)
    if not KNOWN.issuperset(names):
        return None
    for attrs in parts[3::4]:
        if attrs and (attrs.count('"') % 2 or attrs.count("'") % 2 or "&" in attrs):
            return None
    links: list[str] = []
    for index, name in enumerate(names):
        if name == "a" and not parts[4 * index + 1]:
            found = _HREF.findall(parts[4 * index + 3] or "")
            if len(found) > 1:
                return None
            href = "".join(found[0]).strip() if found else ""
            if href.lower().startswith(LINK_SCHEMES) and href not in links:
                links.append(sanitize(href))
    paragraphs: list[str] = []
    # texts[i] stands before tag i: a block tag at i closes the paragraph texts[..i] make.
    cuts = [index + 1 for index, name in enumerate(names) if name in BLOCK]
    for first, last in zip([0, *cuts], [*cuts, len(texts)], strict=True):
        text = "".join(texts[first:last])
        if not text or text.isspace():
            continue
        if "&" in text:
            # Entities are decoded text by text: one cut by a tag is not an entity.
            text = "".join([html.unescape(part) for part in texts[first:last]])
            if not text or text.isspace():
                continue
        text = clean_paragraph(text)
        if text:
            paragraphs.append(text)
    return paragraphs, links


_STYLE_TEXT = re.compile(r"<(style|script)\b[^>]*>.*?(?:</\1\s*>|$)", re.I | re.S)
_CSS_AT_RULE = re.compile(r"\s*@(?:font-face|media|import|charset|keyframes|supports|page)\b")
_CSS_BLOCK = re.compile(r"\{[^{}]*:[^{}]*\}")


def drop_style_text(paragraphs: list[str]) -> list[str]:
    """Paragraphs without text that is clearly a style sheet or a script: an escaped
    ``<style>`` block shown as text, an ``@font-face`` rule, a run of ``{prop: value}`` rules."""
    out = []
    for paragraph in paragraphs:
        if "<" in paragraph and _STYLE_TEXT.search(paragraph):
            paragraph = " ".join(_STYLE_TEXT.sub(" ", paragraph).split())
        if not paragraph or ("@" in paragraph and _CSS_AT_RULE.match(paragraph)):
            continue
        if "{" in paragraph and "}" in paragraph:
            rules = sum(len(block) for block in _CSS_BLOCK.findall(paragraph))
            if rules * 2 > len(paragraph):
                continue
        out.append(paragraph)
    return out


def paragraphs_and_links(markup: str) -> tuple[list[str], list[str]]:
    """Clean paragraphs and http(s)/mailto links of an item's HTML."""
    fast = _simple(markup)
    if fast is not None:
        return fast
    result = html_to_text(markup)
    return result.paragraphs, result.links
