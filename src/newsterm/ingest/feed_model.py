"""What every feed parser yields (a feed title and its items, as written, before cleaning), and
what a parse job takes and gives back. Light on purpose: the refreshing process imports this,
not the parsers and the analysis, which only its workers need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from newsterm.analysis import RawArticle
from newsterm.errors import NewstermError

BODY_LIMIT = 500_000
"""Characters kept of an item's body by default (``max_body_chars``): a long read is 100,000."""


def ttl_seconds(minutes: object) -> float | None:
    """An RSS ``<ttl>`` (whole minutes) in seconds, at most a week; None when it is not one."""
    text = str(minutes or "").strip()
    if not text.isdigit() or len(text) > 9:
        return None
    return min(int(text) * 60.0, 7 * 86400.0) or None


class NotAFeed(ValueError):
    """The bytes are no feed this parser understands (the next parser may)."""


@dataclass(slots=True)
class FeedItem:
    """One item or entry, with text as the feed wrote it (HTML not yet reduced)."""

    id: str = ""
    link: str = ""
    title: str = ""
    title_is_html: bool = False
    date_text: str = ""
    """The published date as written, else the updated date: part of the fallback identity."""
    published: datetime | None = None
    authors: list[tuple[str, str]] = field(default_factory=list)
    """(name, e-mail) pairs; either may be empty."""
    content: str = ""
    content_is_html: bool = True
    summary: str = ""
    summary_is_html: bool = True


@dataclass(slots=True)
class ParsedFeed:
    """A feed as one of the parsers read it."""

    format: str
    """"rss", "rdf", "atom", "json" (fast paths) or "feedparser:<version>"."""
    title: str = ""
    link: str = ""
    items: list[FeedItem] = field(default_factory=list)
    warning: str | None = None
    """Why a fallback parser had to be lenient (ill-formed XML, encoding guessed), or None."""
    ttl: float | None = None
    """Seconds the feed says it stays fresh (RSS ``<ttl>``, given in minutes)."""


class FeedError(NewstermError):
    """A feed body that cannot be read: one line saying why."""


@dataclass(slots=True)
class FeedJob:
    """What a worker needs to parse one feed body (picklable)."""

    url: str
    body: bytes
    content_type: str = ""
    known: dict[str, str] = field(default_factory=dict)
    """guid -> content hash already cached: unchanged items are not stored again."""
    time_limit: float = 0.0
    """Seconds allowed for parsing (0: no limit)."""
    body_limit: int = BODY_LIMIT
    """Characters kept of an item's body (``max_body_chars``; 0: no limit)."""


@dataclass(slots=True)
class FeedResult:
    """A parsed feed: its title and its new or changed items (not analysed yet)."""

    title: str
    format: str
    items: list[RawArticle]
    seen: int
    """Items in the feed, changed or not."""
    warning: str | None = None
    seconds: float = 0.0
    ttl: float | None = None
    """Seconds the feed says it stays fresh (``ParsedFeed.ttl``)."""
