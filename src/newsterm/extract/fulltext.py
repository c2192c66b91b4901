"""A web page's main text: the article body without navigation, ads, related links or comments.

Pure: HTML text in, sanitised paragraphs (and author hints) out. The extraction library,
trafilatura, is imported inside :func:`extract_full_text` so that ``newsterm --help`` and the
app's start-up do not pay for it (it takes about 0.7 s to import).
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsterm.extract.boilerplate import credit_clauses, drop_story_links, is_boilerplate
from newsterm.extract.byline import page_byline
from newsterm.extract.lexicon import words
from newsterm.extract.text import normalize_paragraph, sanitize, sanitize_line

MAX_PARAGRAPHS = 2000
"""Paragraphs kept from one page; a longer page is cut there."""
MAX_PARAGRAPH_CHARS = 20_000
"""Characters kept in one paragraph."""

WRITE_TO = re.compile(
    r"^(?:write|e-?mail|contact|reach)\s+(?:to\s+)?\S.{0,300}?\s+at\s+\S+@\S+", re.IGNORECASE
)
"""A "Write to NAME at ADDRESS" trailer: it must reach the analysis (it becomes contacts)."""

PAYWALL_MARKERS = (
    "subscribe to continue reading",
    "subscribe to keep reading",
    "subscribe to read the full",
    "subscribe to read this",
    "subscribe now to continue",
    "subscribe now to read",
    "to continue reading, subscribe",
    "to continue reading this article",
    "continue reading with a subscription",
    "this article is for subscribers",
    "this content is for subscribers",
    "exclusive to subscribers",
    "subscribers only",
    "already a subscriber? log in to continue",
    "log in or subscribe to continue",
    "create a free account to continue reading",
    "register to continue reading",
    "you have reached your limit of free articles",
    "you've reached your free article limit",
    "you have read all your free articles",
)
"""Phrases that pages show in place of the rest of an article, lower-case."""

PRECISE_SHARE = 0.3
"""The library's precise extraction is kept unless it finds less than this share of the text
its default extraction finds (chosen on the benchmark pages in ../shared, bench/aeb.py)."""

LAYOUT_CELL_CHARS = 1000
_BYLINE = re.compile(
    r"^[Bb][Yy]\s+(?:[A-Z][\w'’.\-]*\s*){1,4}(?:$|[·|,—–:(]|\s-\s|\band\b|\d)", re.UNICODE
)
"""A byline: "By" and one to four capitalised words, then the end, a separator or a date."""
_INLINE_CHROME = re.compile(
    r"^(?:read more|read also|also read|related|see also|recommended|more on this story"
    r"|watch|listen)\s*[:|]",
    re.IGNORECASE,
)
_AD_LINE = re.compile(r"^(?:advertisement|advert|sponsored|ad)\b", re.IGNORECASE)


@dataclass(slots=True)
class FullText:
    """What a page's main text extraction found."""

    paragraphs: list[str] = field(default_factory=list)
    """The article body, sanitised, one paragraph a string, the headline left out."""
    title: str = ""
    """The page's headline, if the library found one."""
    authors: list[str] = field(default_factory=list)
    """Author names from the page's metadata (meta author, JSON-LD, byline)."""


def extract_full_text(
    markup: str, *, url: str | None = None, title: str = "", tidy: bool = True
) -> FullText:
    """Extract the main text of an article page.

    ``title`` (the headline the feed gave) is dropped from the paragraphs when the page repeats
    it. With ``tidy`` (off only to measure the library alone) the furniture the library lets
    through is dropped (:func:`drop_chrome`) and a "Write to … at …" trailer it left out is
    taken back from the page.

    The library's precise mode leaves out more furniture but, on some pages, most of the
    article: its default mode is taken instead when the precise one keeps less than
    PRECISE_SHARE of what the default one finds.
    """
    markup = without_related(without_popups(markup))
    precise = _extract(markup, url, title, tidy, precise=True)
    plain = _extract(markup, url, title, tidy, precise=False)
    kept = sum(map(len, precise.paragraphs))
    page = precise if kept >= PRECISE_SHARE * sum(map(len, plain.paragraphs)) else plain
    if tidy and page.paragraphs:
        page.paragraphs = continued_body(page.paragraphs, markup)
    return page


_POPUP_WORD = re.compile(r"rollover|hover-?card|tool-?tip|pop-?over", re.IGNORECASE)
_CLASS_VALUE = re.compile(r"class\s*=\s*[\"']([^\"'<>]*)")
_POPUP_CLASS = re.compile(
    r"(?:rollover|hover-?card|tool-?tip|pop-?over)(?:[\w-]*[-_])?"
    r"(?:block|content|body|box|text|popup|panel|inner)\Z",
    re.IGNORECASE,
)
"""A class of the hidden box a link or a word opens on hover ("rollover-people-block",
"tooltiptext", "popover-body"): text a reader never sees in the line."""


def without_popups(markup: str) -> str:
    """The page without the boxes its links open on hover (a person's card with their latest
    headlines, a tooltip), which the library would run into the sentence; the link stays.

    A box is cut from its opening tag to the tag that closes it (same name, nesting counted,
    looked for within POPUP_MAX_CHARS); one left unclosed stays.
    """
    if not any(map(_POPUP_WORD.search, _CLASS_VALUE.findall(markup))):
        return markup
    parts: list[str] = []
    done = 0
    for tag in _CLASSED_TAG.finditer(markup):
        if tag.start() < done or not any(
            _POPUP_CLASS.search(token) for token in tag.group("css").split()
        ):
            continue
        end = _closing_end(markup, tag.group("name"), tag.end())
        if end is not None:
            parts.append(markup[done : tag.start()])
            done = end
    if not parts:
        return markup
    parts.append(markup[done:])
    return "".join(parts)


_CLASSED_TAG = re.compile(
    r"<(?P<name>[a-zA-Z][\w-]*)\b[^<>]*?\bclass\s*=\s*[\"'](?P<css>[^\"'<>]*)[\"'][^<>]*>"
)
POPUP_MAX_CHARS = 20_000
"""How far after a hover box's opening tag its closing tag is looked for."""


def _closing_end(markup: str, name: str, start: int) -> int | None:
    """Where the element whose opening tag ends at ``start`` ends, or None when it is not
    closed within POPUP_MAX_CHARS."""
    depth = 1
    pattern = re.compile(rf"<(/?){re.escape(name)}\b[^<>]*>", re.IGNORECASE)
    for tag in pattern.finditer(markup, start, start + POPUP_MAX_CHARS):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return None


_RELATED_PHRASES = (
    r"you (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)"
    r"|you (?:may|might) also be interested in|related (?:posts|articles|stories|content|news)"
    r"|more stories|read next|what to read next|recommended (?:for you|stories|articles)"
    r"|suggested (?:articles|stories|posts)|(?:voc[eê] )?(?:tamb[eé]m )?pode gostar"
    r"|(?:not[ií]cias|posts|artigos|art[ií]culos) relacionad[oa]s"
    r"|(?:tambi[eé]n )?te puede interesar"
    r"|das k[oö]nnte sie auch interessieren|[aä]hnliche (?:beitr[aä]ge|artikel)"
    r"|articles similaires|vous aimerez aussi"
)
_RELATED_HEADING = re.compile(rf">\s*(?:{_RELATED_PHRASES})\s*[.…:!?]*\s*<", re.IGNORECASE)
_RELATED_TEXT = re.compile(rf"(?:{_RELATED_PHRASES})\s*[.…:!?]*", re.IGNORECASE)
RELATED_STOP_PS = 3
"""``<p>`` elements a block after a related-stories heading holds when it is taken to be more
of the article (the cut stops there)."""


def without_related(markup: str) -> str:
    """The page without the blocks a "You may also like…" heading announces.

    A heading whose whole text says other stories follow ("Related posts", "You may also be
    interested in…", "Você pode gostar…") is cut with the blocks after it in its parent, up to
    the first one that reads as more of the article: a ``<p>`` (a "Related:" line inside a
    body, then the story goes on) or a block holding RELATED_STOP_PS paragraphs or more.
    A heading wrapped alone in an element counts as that element.
    """
    if _RELATED_HEADING.search(markup) is None:
        return markup
    from lxml import html as lxml_html  # type: ignore[import-untyped]
    from trafilatura.utils import load_html

    tree = load_html(markup)
    if tree is None:
        return markup
    cut = False
    headings = [
        element
        for element in tree.iter("h2", "h3", "h4", "h5", "h6", "div", "p", "span", "strong")
        if _RELATED_TEXT.search(element.text or "") and _RELATED_TEXT.fullmatch(_p_text(element))
    ]
    for element in headings:
        while (parent := element.getparent()) is not None and _p_text(parent) == _p_text(element):
            element = parent
        parent = element.getparent()
        if parent is None:
            continue
        doomed = [element]
        for sibling in element.itersiblings():
            if sibling.tag == "p" or len(list(sibling.iter("p"))) >= RELATED_STOP_PS:
                break
            doomed.append(sibling)
        for node in doomed:
            _drop_keeping_tail(node)
        cut = True
    if not cut:
        return markup
    return str(lxml_html.tostring(tree, encoding="unicode"))


def _drop_keeping_tail(element: Any) -> None:
    """Remove an element from its tree; the text after it stays."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _extract(markup: str, url: str | None, title: str, tidy: bool, *, precise: bool) -> FullText:
    import trafilatura

    _quiet_library_logs()

    def run(tables: bool) -> Any:
        return trafilatura.bare_extraction(
            markup,
            url=url,
            include_comments=False,
            include_tables=tables,
            include_images=False,
            include_links=False,
            with_metadata=True,
            deduplicate=False,
            favor_precision=precise,
        )

    document = run(tables=True)
    if document is not None and _layout_table(document.text or ""):
        # The page is laid out with a table: its cells are navigation, not data.
        document = run(tables=False)
    if document is None or isinstance(document, dict):
        return FullText()
    page_title = sanitize_line(document.title or "")
    lines = (document.text or "").split("\n")
    paragraphs = clean_paragraphs(lines, (title, page_title))
    if tidy:
        paragraphs = keep_write_to(drop_chrome(paragraphs), markup)
    return FullText(
        paragraphs=paragraphs, title=page_title, authors=split_authors(document.author or "")
    )


def _quiet_library_logs() -> None:
    """Keep the library's log records (it logs broken pages as errors) off the terminal.

    A logger tree without a handler falls back to Python's last-resort handler, which prints
    on stderr, over the app's screen. trafilatura and htmldate add a NullHandler themselves;
    courlan and justext do not. Records still reach the root logger if the app sets one up.
    """
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())


def _layout_table(text: str) -> bool:
    """Whether extracted text holds a table row too long to be data (a page laid out in cells)."""
    return any(line.startswith("|") and len(line) > LAYOUT_CELL_CHARS for line in text.split("\n"))


def drop_chrome(paragraphs: list[str]) -> list[str]:
    """Drop the page furniture extraction libraries let through around a body.

    At the top: a byline, a section label ("Review"), a run of other stories' headlines or
    a standfirst without a full stop; a dateline run into the text gets its space back.
    Inside: "Read more: …" and "Advertisement" lines. At the end: a list of related links
    (before at most two short closing lines), a heading left without its section, and
    short lines after the "Write to" trailer (which ends an article).
    """
    out = [
        p
        for index, p in enumerate(drop_story_links(paragraphs))
        if not (index < 3 and _BYLINE.match(p) and len(p.split()) <= 15)
        and not _INLINE_CHROME.match(p)
        and not (_AD_LINE.match(p) and len(p.split()) <= 12)
    ]
    out = _drop_lead(out)
    if out:
        out[0] = _GLUED_DATELINE.sub(r"\1 ", out[0], count=1)
    out = _drop_link_list(out)
    for _ in range(2):
        # The heading of a section the extraction left out, before any closing furniture.
        last = max((i for i, p in enumerate(out) if not is_boilerplate(p)), default=-1)
        if last > 1 and _is_heading(out[last]):
            del out[last]
    trailer = max((i for i, p in enumerate(out) if WRITE_TO.match(p)), default=-1)
    if trailer >= 0 and all(len(p.split()) < 25 for p in out[trailer + 1 :]):
        out = out[: trailer + 1]
    return out


_GLUED_DATELINE = re.compile(r"^((?:[A-Z][\w.,'’ -]{0,40})?\([A-Z][\w .]{0,30}\))(?=[A-Z])")
"""A dateline the page runs into the first word: "(CNN)President", "Paris (AFP)The"."""
_SECTION_LABELS = words(
    """review analysis opinion exclusive breaking live commentary editorial explainer
    interview watch video photos sponsored perspective essay column obituary news feature
    podcast comment sport sports business politics world tech science health entertainment
    culture"""
) | {"breaking news", "fact check", "news analysis", "first look"}
"""Section labels ("kickers") that pages print above a headline, lower-case."""
_END_MARKS = tuple('.!?…:;,"”’)»。！？')
_CREDIT_LINE = re.compile(r"(?:with\b|contribut|(?:additional\s+)?reporting\b|editing\b)", re.I)
LINK_LIST_WORDS = 16
"""Words a line of a closing list of related links holds at most."""
LINK_LIST_TAIL_WORDS = 60
"""Words each of the (at most two) lines after such a list may hold: credits, a short bio."""
HEADING_WORDS = 10
"""Words a heading left at the end of a body holds at most."""


_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?]\s")
_NOT_IN_HEADLINES = ("@", "www.", "://", "- ")


def _is_headline(paragraph: str) -> bool:
    """Whether a line reads as a headline: 6 to 25 words, one sentence without a closing
    mark, no address or list mark, not a byline."""
    words = paragraph.split()
    return (
        6 <= len(words) <= 25
        and not paragraph.endswith(_END_MARKS)
        and words[0].casefold() != "by"
        and not any(mark in paragraph for mark in _NOT_IN_HEADLINES)
        and _SENTENCE_BREAK.search(paragraph) is None
    )


def _title_case(paragraph: str) -> bool:
    """Whether most of a line's longer words (after the first) are capitalised."""
    longer = [w for w in paragraph.split()[1:] if len(w) >= 4 and w[0].isalpha()]
    return bool(longer) and sum(w[0].isupper() for w in longer) >= 0.7 * len(longer)


def _drop_lead(paragraphs: list[str]) -> list[str]:
    """Without a section label, other stories' headlines and a standfirst at the top.

    A short first line counts as a label when headlines follow it; a line that reads as a
    byline is never dropped (the analysis takes the authors from it).
    """

    def headline(index: int) -> bool:
        line = paragraphs[index]
        return _is_headline(line) and page_byline(line) is None

    start = 0
    if len(paragraphs) > 4:
        first = paragraphs[0]
        label = first.casefold().strip(" :|") in _SECTION_LABELS
        if (label and not paragraphs[1][:1].islower()) or (
            len(first.split()) <= 4
            and not first.endswith(_END_MARKS)
            and page_byline(first) is None
            and headline(1)
            and headline(2)
        ):
            start = 1
    end = start
    while end < len(paragraphs) - 2 and end - start < 6 and headline(end):
        end += 1
    return paragraphs[end:] if len(paragraphs) - end >= 3 else paragraphs


def _drop_link_list(paragraphs: list[str]) -> list[str]:
    """Without a closing list of related links ("- Headline" lines), which may be followed
    by up to two short lines (a credit, "Originally published on …"): those stay, and the
    list's lines must then be headlines in title case."""
    end = len(paragraphs)
    tail = 0
    while tail < 2 and end - tail > 0 and not paragraphs[end - tail - 1].startswith("- "):
        if len(paragraphs[end - tail - 1].split()) > LINK_LIST_TAIL_WORDS:
            return paragraphs
        tail += 1
    start = end - tail
    while (
        start > 0
        and paragraphs[start - 1].startswith("- ")
        and len(paragraphs[start - 1].split()) <= LINK_LIST_WORDS
        and _title_case(paragraphs[start - 1][2:])
    ):
        start -= 1
    items = end - tail - start
    if items == 0 or (tail and items < 2):
        return paragraphs
    return [*paragraphs[:start], *paragraphs[end - tail :]]


def _is_heading(paragraph: str) -> bool:
    """A short line without a closing mark, digits, commas, dots or an address, and not a
    credit ("With wires", "Contributing: …"): a heading."""
    return (
        len(paragraph.split()) <= HEADING_WORDS
        and not paragraph.endswith(_END_MARKS)
        and not any(c.isdigit() or c in ",.@" for c in paragraph)
        and not WRITE_TO.match(paragraph)
        and not _CREDIT_LINE.match(paragraph)
        and credit_clauses(paragraph) is None
    )


_OUTSIDE_BODY = frozenset(
    ["figure", "figcaption", "aside", "blockquote", "nav", "footer", "form", "header", "table"]
)
CONTINUED_MIN_WORDS = 30
"""Words a further body container must hold to be taken as the article's continuation."""
CONTINUED_MEAN_WORDS = 15
"""Words its paragraphs must hold on average."""


def continued_body(paragraphs: list[str], markup: str) -> list[str]:
    """Take back the parts of a body the page split into several containers.

    Pages break a long article with advertisements into sibling containers of one class
    (``<div class="article-body">`` … ad … ``<div class="article-body">``); the library
    keeps the first one. The container holding most of the extracted paragraphs is found,
    and the ``<p>`` text of the later elements of its tag and class is put after it, when it
    reads as prose (CONTINUED_MIN_WORDS in all, paragraphs of CONTINUED_MEAN_WORDS on
    average: a notice or a list of links is neither) and is not in a comments section.
    """
    from trafilatura.utils import load_html

    tree = load_html(markup)
    if tree is None:
        return paragraphs
    known = set(paragraphs)
    holders: dict[Any, int] = {}
    for element in tree.iter("p"):
        parent = element.getparent()
        if parent is not None and _p_text(element) in known:
            holders[parent] = holders.get(parent, 0) + 1
    if not holders:
        return paragraphs
    body = max(holders, key=holders.__getitem__)
    css = body.get("class")
    if not css or holders[body] < 2:
        return paragraphs
    after: list[str] = []
    seen_body = False
    for element in tree.iter(body.tag):
        if element is body:
            seen_body = True
            continue
        if (
            not seen_body
            or element.get("class") != css
            or _related(element, body)
            or _in_comments(element)
        ):
            continue
        found = [
            text
            for text in clean_paragraphs(map(_p_text, _body_ps(element)))
            if text not in known and not is_boilerplate(text) and not _INLINE_CHROME.match(text)
        ]
        words = sum(len(text.split()) for text in found)
        if words >= CONTINUED_MIN_WORDS and words >= CONTINUED_MEAN_WORDS * len(found):
            after.extend(found)
            known.update(found)
    after = after[: max(0, MAX_PARAGRAPHS - len(paragraphs))]
    if not after:
        return paragraphs
    in_body = set(map(_p_text, body.iter("p")))
    last = max(i for i, p in enumerate(paragraphs) if p in in_body)
    return [*paragraphs[: last + 1], *after, *paragraphs[last + 1 :]]


_COMMENTS = re.compile(r"comment|repl(?:y|ies)|respond|discussion|disqus", re.IGNORECASE)


def _in_comments(element: Any) -> bool:
    """Whether an element is (inside) a comments section, by its or an ancestor's class or id."""
    for node in (element, *element.iterancestors()):
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if marks.strip() and _COMMENTS.search(marks):
            return True
    return False


def _p_text(element: Any) -> str:
    return normalize_paragraph(sanitize(element.text_content()))


def _related(one: Any, other: Any) -> bool:
    """Whether one element holds the other or is inside it."""
    return any(a is other for a in one.iterancestors()) or any(
        a is one for a in other.iterancestors()
    )


def _body_ps(container: Any) -> list[Any]:
    """The ``<p>`` elements of a body container, less those in figures, asides and quotes."""
    out = []
    for element in container.iter("p"):
        ancestors = []
        for ancestor in element.iterancestors():
            if ancestor is container:
                break
            ancestors.append(ancestor)
        if not any(a.tag in _OUTSIDE_BODY for a in ancestors):
            out.append(element)
    return out


def clean_paragraphs(lines: Iterable[str], titles: Sequence[str] = ()) -> list[str]:
    """Sanitise and normalise extracted lines; drop empty ones, repeats and the headline."""
    drop = {key for t in titles if t for key in _title_keys(t)}
    out: list[str] = []
    for line in lines:
        text = normalize_paragraph(sanitize(line))[:MAX_PARAGRAPH_CHARS]
        if not text or _title_key(text) in drop or (out and out[-1] == text):
            continue
        out.append(text)
        if len(out) >= MAX_PARAGRAPHS:
            break
    return out


_SITE_SUFFIX = re.compile(r"\s+[|—–-]\s+[^|—–]{1,60}\Z")
"""A site name after the headline in a page title: "Headline — Example News"."""


def _title_key(text: str) -> str:
    """A line compared with a headline: case and "..." against "…" do not count."""
    return text.replace("...", "…").casefold()


def _title_keys(title: str) -> set[str]:
    """The keys of a page title and of the headline before its site name."""
    text = normalize_paragraph(sanitize(title))
    headline = _SITE_SUFFIX.sub("", text)
    return {_title_key(text), _title_key(headline)} if headline else {_title_key(text)}


def keep_write_to(paragraphs: list[str], markup: str) -> list[str]:
    """Append the page's "Write to … at …" line when the extraction dropped it."""
    if any(WRITE_TO.match(p) for p in paragraphs[-3:]):
        return paragraphs
    trailers = [p for p in text_blocks(markup) if WRITE_TO.match(p)]
    if trailers and trailers[-1] not in paragraphs:
        return [*paragraphs, trailers[-1][:MAX_PARAGRAPH_CHARS]]
    return paragraphs


_SCRIPT = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:p|div|aside|footer|section|article|li|br|h[1-6]|td|tr|address"
    r"|blockquote|header|main|figure|figcaption|dd|dt|table|ul|ol)\b[^>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")


def text_blocks(markup: str) -> list[str]:
    """Every block of text on a page, asides and footers included (to find a trailer line)."""
    text = _BLOCK_TAG.sub("\n", _SCRIPT.sub("", markup))
    text = html.unescape(_TAG.sub("", text))
    return [b for b in (normalize_paragraph(sanitize(line)) for line in text.split("\n")) if b]


def split_authors(value: str) -> list[str]:
    """Author names from a metadata string such as "Ana Ruiz; Ben Cole" or "By A and B"."""
    value = sanitize_line(value, limit=300)
    value = re.sub(r"^by\s+", "", value, flags=re.IGNORECASE)
    names = re.split(r"\s*(?:;|,|\band\b|&|\|)\s*", value)
    return list(dict.fromkeys(n for n in (sanitize_line(n, limit=100) for n in names) if n))


def paywall_marker(text: str) -> str | None:
    """The paywall phrase found in ``text``, or None."""
    folded = " ".join(text.replace("’", "'").casefold().split())
    for marker in PAYWALL_MARKERS:
        if marker in folded:
            return marker
    return None
