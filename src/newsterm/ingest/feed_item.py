"""A parsed feed item to clean fields: the one place an item's text is made safe.

Both parsers (the expat fast path and feedparser) yield :class:`FeedItem`\\ s holding text as
the feed wrote it; :func:`item_to_article` turns one into a sanitised RawArticle with a
parser-independent identity, once per item. Each text is cleaned once: the body's HTML or
text into clean paragraphs and links (:mod:`newsterm.ingest.feed_html`), and every one-line
field (title, link, id, date, names and addresses, the summary, the body's links) in one pass
(:func:`newsterm.extract.text.sanitize_lines`).
"""

from __future__ import annotations

import hashlib
import html
import re
from urllib.parse import urljoin

from newsterm.analysis import Contact, RawArticle
from newsterm.extract.html import html_to_text
from newsterm.extract.text import sanitize, sanitize_line, sanitize_lines, split_paragraphs
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


def _email(clean: str) -> str | None:
    """The address in a cleaned author e-mail or mailto: link, or None when it is none."""
    value = clean.removeprefix("mailto:").split("?")[0]
    return value if _EMAIL.fullmatch(value) else None


def item_to_article(item: FeedItem, base_url: str, body_limit: int = BODY_LIMIT) -> RawArticle:
    """Turn a parsed item into a sanitised RawArticle with a parser-independent identity.

    The body keeps at most ``body_limit`` characters (0: no limit).
    """
    title = item.title
    if item.title_is_html and ("<" in title or "&" in title):
        title = " ".join(html_to_text(title).paragraphs)
    link = item.link.strip()
    if link and not link.lower().startswith(_ABSOLUTE):
        link = urljoin(base_url, link)
    paragraphs, links = _reduce(item.content, item.content_is_html)
    if paragraphs:
        summary = _summary_text(item.summary, item.summary_is_html)
    else:
        paragraphs, links = _reduce(item.summary, item.summary_is_html)
        summary = " ".join(paragraphs)
    paragraphs = bounded(paragraphs, body_limit)
    mailto = [href for href in links if href.lower().startswith("mailto:")]
    # Every one-line text of the item, cleaned in one pass: title, link, summary, id, date,
    # then each author's name and address, the body's links, and its mailto: links as
    # addresses.
    people = [part for pair in item.authors for part in pair]
    texts = [title, link, summary, item.id, item.date_text, *people, *links, *mailto]
    limits = [TITLE_LIMIT, LINK_LIMIT, SUMMARY_LIMIT, LINK_LIMIT, NAME_LIMIT]
    limits += [NAME_LIMIT, EMAIL_LIMIT] * len(item.authors)
    limits += [LINK_LIMIT] * len(links) + [EMAIL_LIMIT] * len(mailto)
    clean = sanitize_lines(texts, limits)
    title, link, summary, raw_id, date_text = clean[:5]
    people = clean[5 : 5 + len(people)]
    links = clean[5 + len(people) : 5 + len(people) + len(links)]
    mail_links = clean[len(clean) - len(mailto) :]
    url = link if link.lower().startswith(_ABSOLUTE) else None
    authors: list[str] = []
    contacts: list[Contact] = []
    seen_emails: set[str] = set()
    for (_name, raw_email), name, clean_email in zip(
        item.authors, people[0::2], people[1::2], strict=True
    ):
        email = _email(clean_email) if raw_email else None
        byline = name or email or ""  # an address alone is the byline too
        if byline and byline not in authors:
            authors.append(byline)
        if email and email.lower() not in seen_emails:
            seen_emails.add(email.lower())
            contacts.append(Contact(name=name or None, email=email))
    for address in mail_links:
        email = _email(address)
        if email and email.lower() not in seen_emails:
            seen_emails.add(email.lower())
            contacts.append(Contact(email=email))
    # Each part and a newline, hashed in one call (the encoding is character by character).
    hashed = "".join([f"{part}\n" for part in (title, link, *paragraphs, "\x00", *authors)])
    digest = hashlib.sha256(hashed.encode("utf-8", "surrogatepass")).hexdigest()
    guid = article_identity(raw_id, link, title, date_text, digest)
    if not title:
        first = paragraphs[0] if paragraphs else ""
        title = sanitize_line(first, 80) if first else "(untitled)"
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
        links=links,
    )
