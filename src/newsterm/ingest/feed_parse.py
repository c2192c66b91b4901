"""Feed bytes to RawArticles: the CPU-bound half of a refresh.

Runs in a worker process. The fast parsers (:mod:`newsterm.ingest.feed_fast`) take well-formed
RSS, RDF, Atom 1.0 and JSON Feed; feedparser takes what they cannot (ill-formed XML, CDF,
Atom 0.3, odd encodings). Both yield :class:`FeedItem`, and one function
(:func:`newsterm.ingest.feed_item.item_to_article`) turns an item into clean fields, so an
item's identity and text do not depend on which parser read it.
"""

from __future__ import annotations

import io
import re
import signal
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from newsterm.analysis import RawArticle
from newsterm.extract.text import sanitize_line
from newsterm.ingest.feed_bytes import fast_bytes
from newsterm.ingest.feed_fast import parse_json, parse_xml
from newsterm.ingest.feed_item import item_to_article
from newsterm.ingest.feed_model import (
    FeedError,
    FeedItem,
    FeedJob,
    FeedResult,
    NotAFeed,
    ParsedFeed,
    ttl_seconds,
)
from newsterm.ingest.feed_values import id_as_link, parse_date, parse_person
from newsterm.ingest.identity import keep_richer, known_identity
from newsterm.ingest.safexml import guard_xml

# feedparser looks for an e-mail address in author text with a backtracking regex that takes
# quadratic time (20,000 letters: seconds; a 10 MiB feed: hours). Person fields are cut to
# PERSON_LIMIT bytes before feedparser sees them; newsterm keeps at most 200 characters anyway.
PERSON_LIMIT = 256
_LONG_PERSON = re.compile(
    rb"(<(?:[A-Za-z_][\w.-]*:)?(?:author|creator|contributor|publisher|managingEditor|webMaster"
    rb"|name|email)\b[^<>]*>(?:<!\[CDATA\[)?)([^<\]]{%d})[^<\]]*" % PERSON_LIMIT,
    re.IGNORECASE,
)
_SAX_PLACE = re.compile(r"<unknown>:(\d+):(\d+):\s*(.*)")
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


class ParseTimeout(Exception):
    """Parsing and analysing a feed took longer than allowed."""


def looks_like_html(data: bytes) -> bool:
    """Whether a body is an HTML page rather than a feed."""
    return bool(_HTML_START.match(data[:4096]))


def _feedparser() -> Any:
    """feedparser, told to read items as the fast path does (once per process).

    Ids are kept as written (not resolved against the feed URL or ``xml:base``), so
    :func:`newsterm.ingest.identity.article_identity` sees the same raw id from both paths;
    ``<media:description>`` (a photo caption) is ignored instead of becoming the item body,
    and so is the title of an ``<image>`` inside an item (it is not the item's title).
    """
    import feedparser
    from feedparser.mixin import _FeedParserMixin
    from feedparser.namespaces._base import Namespace as Base
    from feedparser.namespaces.mediarss import Namespace as MediaRss

    if "id" in _FeedParserMixin.can_be_relative_uri:
        _FeedParserMixin.can_be_relative_uri = _FeedParserMixin.can_be_relative_uri - {"id"}
        MediaRss._start_media_description = _skip_start
        MediaRss._end_media_description = _skip_end
        start_title, end_title = Base._start_title, Base._end_title

        def _start_title(parser: Any, attrs: Any) -> Any:
            if parser.inentry and parser.inimage:
                return _skip_start(parser, attrs)
            return start_title(parser, attrs)

        def _end_title(parser: Any) -> Any:
            if parser.inentry and parser.inimage:
                return _skip_end(parser)
            return end_title(parser)

        Base._start_title, Base._end_title = _start_title, _end_title
    return feedparser


def _skip_start(parser: Any, attrs: Any) -> None:
    parser.push("newsterm_ignored", 0)


def _skip_end(parser: Any) -> None:
    parser.pop("newsterm_ignored")


def _fp_atom_link(entry: Any) -> str:
    """An Atom entry's alternate link, an HTML one first, as the fast path picks it (feedparser
    takes the last ``<link>`` holding its URL as text, an enclosure's too)."""
    alternates = [
        (link.get("type") or "text/html", link.get("href") or "")
        for link in entry.get("links") or []
        if (link.get("rel") or "alternate") == "alternate" and link.get("href")
    ]
    for kind, href in alternates:
        if kind in ("text/html", "application/xhtml+xml"):
            return str(href)
    return str(alternates[0][1]) if alternates else ""


def parse_with_feedparser(data: bytes, url: str, content_type: str) -> ParsedFeed:
    """The lenient path: feedparser over the (already guarded) bytes; it never fetches."""
    feedparser = _feedparser()
    data = _LONG_PERSON.sub(rb"\1\2", data)
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    # Markup as written: feedparser's sanitiser and URL resolution would hand over other text
    # than the fast path reads, and so another content hash (the identity of an item with no
    # id, link or title). Both paths' markup goes through the same reduction to text.
    doc = feedparser.parse(
        io.BytesIO(data),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    version = doc.get("version") or ""
    if not version and not doc.entries and not doc.feed:
        reason = doc.get("bozo_exception")
        raise NotAFeed(f"not a feed ({reason})" if reason else "not a feed")
    feed = ParsedFeed(
        f"feedparser:{version or 'unknown'}",
        title=_fp_text(doc.feed.get("title_detail"), doc.feed.get("title", ""))[0],
        link=doc.feed.get("link", ""),
        ttl=ttl_seconds(doc.feed.get("ttl")),
    )
    if doc.get("bozo"):
        feed.warning = lenient_note(doc.get("bozo_exception"))
    # An Atom feed's authors stand for its entries'; an RSS channel's editor does not.
    atom = version.startswith("atom")
    feed_authors = _fp_people(doc.feed) if atom else []
    for entry in doc.entries:
        title, title_html = _fp_text(entry.get("title_detail"), entry.get("title", ""))
        contents = entry.get("content") or []
        content, content_html = ("", True)
        if contents:
            chosen = next((c for c in contents if "html" in (c.get("type") or "")), contents[0])
            content, content_html = _fp_text(chosen, chosen.get("value", ""))
        summary, summary_html = _fp_text(entry.get("summary_detail"), entry.get("summary", ""))
        if content and content == summary:
            summary = ""
        date_text = entry.get("published") or entry.get("updated") or ""
        # dict.get: FeedParserDict.get warns when it maps a missing key to another
        parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
        link = entry.get("link", "") or ""
        if atom:
            link = _fp_atom_link(entry) or (id_as_link(link) if entry.get("guidislink") else "")
        feed.items.append(
            FeedItem(
                id=entry.get("id", "") or "",
                link=link,
                title=title,
                title_is_html=title_html,
                date_text=date_text,
                # a date feedparser cannot read (day names in Italian) is read as the fast
                # path reads it
                published=_fp_date(parsed) or parse_date(date_text),
                authors=_fp_people(entry) or list(feed_authors),
                content=content,
                content_is_html=content_html,
                summary=summary,
                summary_is_html=summary_html,
            )
        )
    return feed


def lenient_note(reason: object) -> str:
    """feedparser's reason for reading a feed leniently, as one short line."""
    text = sanitize_line(str(reason or "ill-formed feed"), 300)
    if match := _SAX_PLACE.match(text):
        text = f"{match.group(3)} (line {match.group(1)}, column {match.group(2)})"
    return text[:200]


def _fp_text(detail: Any, value: str) -> tuple[str, bool]:
    kind = (detail or {}).get("type") or "text/html"
    return value or "", "html" in kind


def _fp_date(parsed: Any) -> datetime | None:
    try:
        if not parsed:
            return None
        year, month, day, hour, minute, second = parsed[:6]
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _fp_people(entry: Any) -> list[tuple[str, str]]:
    raw = entry.get("author") or ""
    if "@" in raw and len(entry.get("authors") or []) <= 1:
        # feedparser's own split truncates long TLDs ("a@b.example" -> "a@b.exam")
        return [parse_person(raw)]
    people = []
    for person in entry.get("authors") or []:
        name, email = person.get("name") or "", person.get("email") or ""
        if name or email:
            people.append((name, email))
    if not people and entry.get("author"):
        detail = entry.get("author_detail") or {}
        people.append((detail.get("name") or entry.get("author"), detail.get("email") or ""))
    return people


def parse_feed(data: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Parse feed bytes: JSON Feed, else the fast XML path, else feedparser.

    Raises FeedError when the bytes are no feed at all (an HTML page, empty, unsafe XML).
    """
    if not data.strip():
        raise FeedError("the feed is empty")
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"["):
        try:
            return parse_json(data, url)
        except NotAFeed as exc:
            raise FeedError(f"not a JSON Feed ({exc})") from None
    if looks_like_html(data):
        raise FeedError("not a feed (an HTML page)")
    data = guard_xml(data)
    fast = fast_bytes(data, content_type)
    if fast is not None:
        try:
            return parse_xml(fast, url)
        except (ET.ParseError, NotAFeed, LookupError, ValueError):
            pass
    try:
        return parse_with_feedparser(data, url, content_type)
    except NotAFeed as exc:
        raise FeedError(str(exc)) from None


# -- the worker job -------------------------------------------------------------------------


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread of a process only, else no limit)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise ParseTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_feed(job: FeedJob) -> FeedResult:
    """Parse a feed body into its new and changed items; raise FeedError on failure."""
    start = time.perf_counter()
    deadline = start + job.time_limit if job.time_limit > 0 else float("inf")
    try:
        with time_limit(job.time_limit):
            feed = parse_feed(job.body, job.url, job.content_type)
            items: list[RawArticle] = []
            raws = keep_richer([item_to_article(i, job.url, job.body_limit) for i in feed.items])
            for raw in raws:
                # The alarm can be swallowed (raised inside a GC callback): check here too.
                if time.perf_counter() > deadline:
                    raise ParseTimeout
                raw.guid = known_identity(raw, job.url, job.known)
                if job.known.get(raw.guid) == raw.content_hash:
                    continue
                items.append(raw)
    except ParseTimeout:
        raise FeedError(f"parsing took longer than {job.time_limit:g} s (gave up)") from None
    except RecursionError:
        raise FeedError("the feed is nested too deeply to parse") from None
    return FeedResult(
        title=sanitize_line(feed.title, 300),
        format=feed.format,
        items=items,
        seen=len(raws),
        warning=feed.warning,
        seconds=time.perf_counter() - start,
        ttl=feed.ttl,
    )
