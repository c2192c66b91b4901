"""Fast feed parsers: RSS 0.9x/2.0, RDF (RSS 0.90/1.0) and Atom 1.0 with expat, and JSON Feed.

About 1 ms for a 50-item feed, against feedparser's 50-90 ms. They read well-formed documents
only and raise NotAFeed (or ET.ParseError) for anything else, so feedparser can take over.
The input must already have passed :func:`newsterm.ingest.safexml.guard_xml`.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import parseaddr, parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from newsterm.ingest.feed_model import FeedItem, NotAFeed, ParsedFeed, ttl_seconds

ATOM = "{http://www.w3.org/2005/Atom}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
RSS10 = "{http://purl.org/rss/1.0/}"
RSS090 = "{http://my.netscape.com/rdf/simple/0.9/}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"

_PUBLISHED = ("pubDate", "published", "issued", f"{DCTERMS}issued")
_UPDATED = ("updated", "modified", f"{DC}date", f"{DCTERMS}modified")
_PREFIX = re.compile(r"<(/?)[A-Za-z_][\w.-]*:")
_XMLNS = re.compile(r"\s+xmlns(?::[\w.-]+)?=\"[^\"]*\"")


def resolve(base: str, href: str) -> str:
    """``href`` made absolute against ``base`` (absolute http(s) URLs are kept as written)."""
    href = href.strip()
    if not href or href.lower().startswith(("http://", "https://")):
        return href
    return urljoin(base, href)


def parse_date(text: str) -> datetime | None:
    """An RFC 822 or ISO 8601 date as an aware UTC datetime, or None."""
    text = text.strip()
    if not text:
        return None
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def _inner_markup(elem: ET.Element) -> str:
    """The content of an element that holds child elements, as HTML without namespaces."""
    parts = [elem.text or ""]
    for child in elem:
        parts.append(ET.tostring(child, encoding="unicode"))
    markup = "".join(parts)
    return _XMLNS.sub("", _PREFIX.sub(r"<\1", markup))


def _text(elem: ET.Element | None) -> str:
    if elem is None:
        return ""
    if len(elem):
        return _inner_markup(elem)
    return elem.text or ""


def _first(parent: ET.Element, *tags: str) -> ET.Element | None:
    for tag in tags:
        found = parent.find(tag)
        if found is not None:
            return found
    return None


def _first_text(parent: ET.Element, *tags: str) -> str:
    for tag in tags:
        found = parent.find(tag)
        if found is not None and (value := _text(found).strip()):
            return value
    return ""


def parse_person(text: str) -> tuple[str, str]:
    """An RSS author as written ("mail (Name)", "Name <mail>", "Name" or "mail")."""
    text = " ".join(text.split())
    if match := re.fullmatch(r"(\S+@\S+)\s*\((.*)\)", text):
        return match.group(2).strip(), match.group(1)
    if match := re.fullmatch(r"(.*?)\s*\((\S+@\S+)\)", text):
        return match.group(1).strip(), match.group(2)
    if "<" in text and "@" in text:
        name, email = parseaddr(text)
        if email:
            return name.strip(), email
    if re.fullmatch(r"\S+@\S+\.\w+", text):
        return "", text
    return text, ""


def _rss_item(item: ET.Element, ns: str, base: str) -> FeedItem:
    guid = _first(item, f"{ns}guid", "guid")
    about = item.get(f"{RDF}about", "")
    link = _first_text(item, f"{ns}link")
    ident = _text(guid).strip() if guid is not None else about.strip()
    if not link and guid is not None and guid.get("isPermaLink", "true") == "true":
        link = ident
    published = _first_text(item, *(t if t.startswith("{") else ns + t for t in _PUBLISHED))
    updated = _first_text(item, *(t if t.startswith("{") else ns + t for t in _UPDATED))
    authors = [parse_person(_text(a)) for a in item.findall(f"{ns}author") if _text(a).strip()]
    authors += [(_text(c).strip(), "") for c in item.findall(f"{DC}creator") if _text(c).strip()]
    content = _first_text(item, f"{CONTENT}encoded")
    return FeedItem(
        id=ident,
        link=resolve(base, link),
        title=_first_text(item, f"{ns}title", f"{DC}title"),
        date_text=published or updated,
        published=parse_date(published or updated),
        authors=authors,
        content=content,
        summary=_first_text(item, f"{ns}description", f"{DC}description"),
    )


def _atom_text(elem: ET.Element | None) -> tuple[str, bool]:
    """An Atom text construct as (text, is_html)."""
    if elem is None:
        return "", False
    kind = (elem.get("type") or "text").lower()
    if kind == "xhtml" or len(elem):
        return _inner_markup(elem), True
    return elem.text or "", kind in ("html", "text/html")


def _atom_link(entry: ET.Element, base: str) -> str:
    for link in entry.findall(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return resolve(base, link.get("href", ""))
    return ""


def _atom_people(parent: ET.Element) -> list[tuple[str, str]]:
    people = []
    for person in parent.findall(f"{ATOM}author"):
        name = _first_text(person, f"{ATOM}name")
        email = _first_text(person, f"{ATOM}email")
        if name or email:
            people.append((name, email))
    return people


def _atom(root: ET.Element, url: str) -> ParsedFeed:
    base = urljoin(url, root.get(XML_BASE, ""))
    title, _ = _atom_text(root.find(f"{ATOM}title"))
    feed = ParsedFeed("atom", title=title.strip(), link=_atom_link(root, base))
    feed_authors = _atom_people(root)
    for entry in root.findall(f"{ATOM}entry"):
        entry_base = resolve(base, entry.get(XML_BASE, "")) or base
        title, title_html = _atom_text(entry.find(f"{ATOM}title"))
        content, content_html = _atom_text(entry.find(f"{ATOM}content"))
        summary, summary_html = _atom_text(entry.find(f"{ATOM}summary"))
        published = _first_text(entry, f"{ATOM}published", f"{DCTERMS}issued")
        updated = _first_text(entry, f"{ATOM}updated", f"{DC}date", f"{DCTERMS}modified")
        feed.items.append(
            FeedItem(
                id=_first_text(entry, f"{ATOM}id"),
                link=_atom_link(entry, entry_base),
                title=title.strip(),
                title_is_html=title_html,
                date_text=published or updated,
                published=parse_date(published or updated),
                authors=_atom_people(entry) or list(feed_authors),
                content=content,
                content_is_html=content_html,
                summary=summary,
                summary_is_html=summary_html,
            )
        )
    return feed


def parse_xml(data: bytes, url: str) -> ParsedFeed:
    """Parse a well-formed RSS, RDF or Atom 1.0 feed (raises ET.ParseError or NotAFeed)."""
    root = ET.fromstring(data)
    tag = root.tag
    if tag == f"{ATOM}feed":
        return _atom(root, url)
    if tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise NotAFeed("<rss> without <channel>")
        items = [_rss_item(i, "", url) for i in channel.findall("item")]
        feed = ParsedFeed("rss", _first_text(channel, "title"), _first_text(channel, "link"), items)
        feed.ttl = ttl_seconds(_first_text(channel, "ttl"))
        return feed
    if tag == f"{RDF}RDF":
        for ns in (RSS10, RSS090):
            channel = root.find(f"{ns}channel")
            if channel is not None or root.find(f"{ns}item") is not None:
                chan = channel if channel is not None else root
                items = [_rss_item(i, ns, url) for i in root.findall(f"{ns}item")]
                title = _first_text(chan, f"{ns}title", f"{DC}title")
                return ParsedFeed("rdf", title, _first_text(chan, f"{ns}link"), items)
    raise NotAFeed(f"unknown root element {tag!r}")


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _json_people(value: Any) -> list[tuple[str, str]]:
    people = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
    out = []
    for person in people:
        if isinstance(person, dict):
            name = _str(person.get("name"))
            url = _str(person.get("url"))
            email = url[len("mailto:") :] if url.lower().startswith("mailto:") else ""
            if name or email:
                out.append((name, email))
    return out


def parse_json(data: bytes, url: str) -> ParsedFeed:
    """Parse a JSON Feed 1.0 or 1.1 document (raises NotAFeed for other JSON)."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise NotAFeed(f"not JSON: {exc}") from None
    if not isinstance(doc, dict) or "jsonfeed.org/version/" not in _str(doc.get("version")):
        raise NotAFeed("JSON without a jsonfeed.org version")
    feed = ParsedFeed("json", _str(doc.get("title")).strip(), _str(doc.get("home_page_url")))
    feed_authors = _json_people(doc.get("authors") or doc.get("author"))
    items = doc.get("items")
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        html = _str(item.get("content_html"))
        published = _str(item.get("date_published"))
        updated = _str(item.get("date_modified"))
        link = _str(item.get("url")) or _str(item.get("external_url"))
        ident = item.get("id")
        feed.items.append(
            FeedItem(
                id=str(ident) if isinstance(ident, str | int) else "",
                link=resolve(url, link),
                title=_str(item.get("title")).strip(),
                date_text=published or updated,
                published=parse_date(published or updated),
                authors=_json_people(item.get("authors") or item.get("author"))
                or list(feed_authors),
                content=html or _str(item.get("content_text")),
                content_is_html=bool(html),
                summary=_str(item.get("summary")),
                summary_is_html=False,
            )
        )
    return feed
