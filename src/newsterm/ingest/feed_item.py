"""A parsed feed item to clean fields: the one place an item's text is made safe.

Both parsers (the expat fast path and feedparser) yield :class:`FeedItem`\\ s holding text as
the feed wrote it; :func:`item_to_article` turns one into a sanitised RawArticle with a
parser-independent identity, once per item. Each text is cleaned once, here: the body's HTML
or text into clean paragraphs and links (:mod:`newsterm.ingest.feed_html`), every one-line
field (title, link, id, date, names and addresses, the body's links) by ``sanitize_line``; a
summary made of the body's clean paragraphs is read only as far as it is kept.
"""

from __future__ import annotations

import hashlib
import html
import re
import sys
from urllib.parse import urljoin

from newsterm.analysis import Contact, RawArticle
from newsterm.extract.html import html_to_text
from newsterm.extract.text import cut_line, sanitize, sanitize_line, split_paragraphs
from newsterm.ingest.feed_html import drop_style_text, paragraphs_and_links
from newsterm.ingest.feed_model import BODY_LIMIT, FeedItem
from newsterm.ingest.identity import article_identity

SUMMARY_LIMIT = 600
TITLE_LIMIT = 1000
LINK_LIMIT = 2000
NAME_LIMIT = 200
EMAIL_LIMIT = 254
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_SKIPPED = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_EMAIL = re.compile(r"[^@\s<>()\"',;:]+@[^@\s<>()\"',;:]+\.[^@\s<>()\"',;:]+")
_ABSOLUTE = ("http://", "https://")


def _reduce(text: str, is_html: bool) -> tuple[list[str], list[str]]:
    """Clean paragraphs and links of an item's text, HTML or plain."""
    if not text.strip():
        return [], []
    if is_html or _TAG.search(text):
        paragraphs, links = paragraphs_and_links(text)
    else:
        paragraphs, links = split_paragraphs(sanitize(text)), []
    return drop_style_text(paragraphs), links


def bounded(paragraphs: list[str], limit: int) -> list[str]:
    """The paragraphs cut to ``limit`` characters in all (0: no limit), the last one short."""
    if limit <= 0 or sum(map(len, paragraphs)) <= limit:
        return paragraphs
    out: list[str] = []
    for paragraph in paragraphs:
        if len(paragraph) >= limit:
            out.append(paragraph[:limit].rstrip() + "…")
            break
        out.append(paragraph)
        limit -= len(paragraph)
    return out


def _summary_text(text: str, is_html: bool) -> str:
    """A summary's text on one line, before cleaning; tags are simply dropped (cheaper than a
    full HTML pass)."""
    if text and (is_html or "<" in text):
        return html.unescape(_TAG.sub(" ", _SKIPPED.sub(" ", text)))
    return text


def _summary_of(paragraphs: list[str]) -> str:
    """``sanitize_line`` of clean paragraphs joined, reading only as many as the summary
    needs: they hold nothing that sanitising removes, so the paragraphs past the cut only
    add text after it (unless collapsing spaces took the first ones under the limit)."""
    count, size = 0, -1
    for count, paragraph in enumerate(paragraphs, 1):  # noqa: B007 (count is used after)
        size += len(paragraph) + 1
        if size > SUMMARY_LIMIT:
            break
    line = sanitize_line(" ".join(paragraphs[:count]), sys.maxsize)
    if len(line) <= SUMMARY_LIMIT and count < len(paragraphs):
        line = sanitize_line(" ".join(paragraphs), sys.maxsize)
    return cut_line(line, SUMMARY_LIMIT)


def _email(value: str) -> str | None:
    """The address in an author's e-mail or a mailto: link, or None when it is none."""
    value = sanitize_line(value, EMAIL_LIMIT).removeprefix("mailto:").split("?")[0]
    return value if _EMAIL.fullmatch(value) else None


def _people(people: list[tuple[str, str]], links: list[str]) -> tuple[list[str], list[Contact]]:
    """Bylines and contacts of an item: its authors (an address alone is the byline too) and
    the mailto: links of its body."""
    authors: list[str] = []
    contacts: list[Contact] = []
    seen_emails: set[str] = set()
    for raw_name, raw_email in people:
        name = sanitize_line(raw_name, NAME_LIMIT)
        email = _email(raw_email) if raw_email else None
        byline = name or email or ""
        if byline and byline not in authors:
            authors.append(byline)
        if email and email.lower() not in seen_emails:
            seen_emails.add(email.lower())
            contacts.append(Contact(name=name or None, email=email))
    for href in links:
        if href.lower().startswith("mailto:"):
            email = _email(href)
            if email and email.lower() not in seen_emails:
                seen_emails.add(email.lower())
                contacts.append(Contact(email=email))
    return authors, contacts


def clean_title(title: str, is_html: bool) -> str:
    """An item's title as one clean line."""
    if is_html and ("<" in title or "&" in title):
        title = " ".join(html_to_text(title).paragraphs)
    return sanitize_line(title, TITLE_LIMIT)


def clean_link(link: str, base_url: str) -> tuple[str, str | None]:
    """An item's link as one clean line (made absolute against ``base_url``), and as the
    article's URL when it is http(s)."""
    link = link.strip()
    if link and not link.lower().startswith(_ABSOLUTE):
        link = urljoin(base_url, link)
    link = sanitize_line(link, LINK_LIMIT)
    return link, link if link.lower().startswith(_ABSOLUTE) else None


def untitled(text: str, is_html: bool = False) -> str:
    """The title of an item that has none: the start of its text (one clean line)."""
    return sanitize_line(_summary_text(text, True) if is_html else text, 80) or "(untitled)"


def bylines(people: list[tuple[str, str]]) -> list[str]:
    """An item's authors (names, or addresses alone) as bylines."""
    return _people(people, [])[0]


def html_body(content: str, body_limit: int = BODY_LIMIT) -> tuple[list[str], list[Contact]]:
    """An item's HTML body as :func:`item_to_article` makes it: clean paragraphs (at most
    ``body_limit`` characters) and the contacts of its mailto: links."""
    paragraphs, links = _reduce(content, True)
    return bounded(paragraphs, body_limit), _people([], links)[1]


def item_to_article(item: FeedItem, base_url: str, body_limit: int = BODY_LIMIT) -> RawArticle:
    """Turn a parsed item into a sanitised RawArticle with a parser-independent identity.

    The body keeps at most ``body_limit`` characters (0: no limit).
    """
    title = clean_title(item.title, item.title_is_html)
    link, url = clean_link(item.link, base_url)
    paragraphs, links = _reduce(item.content, item.content_is_html)
    if paragraphs:
        summary = sanitize_line(_summary_text(item.summary, item.summary_is_html), SUMMARY_LIMIT)
    else:
        paragraphs, links = _reduce(item.summary, item.summary_is_html)
        summary = _summary_of(paragraphs)
    paragraphs = bounded(paragraphs, body_limit)
    authors, contacts = _people(item.authors, links)
    date_text = sanitize_line(item.date_text, NAME_LIMIT)
    # Each part and a newline, hashed in one call (the encoding is character by character).
    hashed = "".join([f"{part}\n" for part in (title, link, *paragraphs, "\x00", *authors)])
    digest = hashlib.sha256(hashed.encode("utf-8", "surrogatepass")).hexdigest()
    raw_id = sanitize_line(item.id, LINK_LIMIT)
    guid = article_identity(raw_id, link, title, date_text, digest)
    if not title:
        title = untitled(paragraphs[0] if paragraphs else "")
    return RawArticle(
        guid=guid,
        title=title,
        paragraphs=paragraphs,
        url=url,
        published=item.published,
        authors=authors,
        contacts=contacts,
        summary=summary,
        content_hash=digest,
        links=[sanitize_line(href, LINK_LIMIT) for href in links],
    )
