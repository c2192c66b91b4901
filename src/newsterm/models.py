"""Plain dataclasses and enums that flow between ingest, store, CLI and UI: sources, list rows,
cached articles.

What extraction makes of an article (``Analysis``, ``Quote``, ``Contact``) and the raw article
it starts from (``RawArticle``) are in ``newsterm.analysis``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from newsterm.safe_text import one_line

if TYPE_CHECKING:
    from newsterm.analysis import Contact, Quote


class SourceKind(StrEnum):
    """Where a source's articles come from."""

    FEED = "feed"
    """An RSS, Atom, RDF or JSON feed over HTTP(S)."""
    FILES = "files"
    """An article file, or a folder of them, on the local disk."""
    SYNC = "sync"
    """A sync server (its location is the API URL) or one of its subscriptions (the API URL,
    ``#`` and the stream id): articles arrive through ``newsterm.sync``, not a fetch."""


class SourceStatus(StrEnum):
    """The health of a source, as last seen by a refresh."""

    OK = "ok"
    ERROR = "error"
    MOVED = "moved"
    GONE = "gone"


class FullTextStatus(StrEnum):
    """What ``articles.full_text_status`` records: "ok", or why the page was not used."""

    OK = "ok"
    PAYWALLED = "paywalled"
    """The page asks to subscribe, or has less text than the feed's summary."""
    BLOCKED = "blocked"
    """The site refused us (401, 403, 429)."""
    NOT_FOUND = "not-found"
    """404 or 410."""
    SERVER_ERROR = "server-error"
    """5xx."""
    HTTP_ERROR = "http-error"
    """Another unexpected HTTP status, or too many redirects."""
    NOT_HTML = "not-html"
    """The URL is not a web page (PDF, image, feed, ...)."""
    TOO_LARGE = "too-large"
    """The page is larger than ``max_feed_bytes``."""
    UNREACHABLE = "unreachable"
    """DNS, connection or TLS failure."""
    TIMEOUT = "timeout"
    NO_TEXT = "no-text"
    """The page could not be read, or no article text was found in it."""
    NO_URL = "no-url"
    """The article has no http(s) link."""


NO_LINK = "the article has no web link"
"""The one wording, everywhere, for an article without an http(s) address."""

_FULL_TEXT_DESCRIPTIONS = {
    FullTextStatus.OK: "full text fetched",
    FullTextStatus.PAYWALLED: "the page is behind a paywall",
    FullTextStatus.BLOCKED: "the site refused the request",
    FullTextStatus.NOT_FOUND: "the page was not found",
    FullTextStatus.SERVER_ERROR: "the site had a server error",
    FullTextStatus.HTTP_ERROR: "the site answered with an unexpected HTTP status",
    FullTextStatus.NOT_HTML: "the link is not a web page",
    FullTextStatus.TOO_LARGE: "the page is too large",
    FullTextStatus.UNREACHABLE: "the site could not be reached",
    FullTextStatus.TIMEOUT: "the site did not answer in time",
    FullTextStatus.NO_TEXT: "no article text was found on the page",
    FullTextStatus.NO_URL: NO_LINK,
}


def describe_full_text(status: str | None) -> str:
    """One line for a stored ``full_text_status`` (for the reader pane)."""
    if status is None:
        return "full text not fetched"
    try:
        return _FULL_TEXT_DESCRIPTIONS[FullTextStatus(status)]
    except ValueError:
        return status


@dataclass(slots=True)
class Source:
    """A subscription: a feed URL or a path, with its refresh state."""

    id: int
    kind: SourceKind
    location: str
    """The feed URL, or the absolute path of the file or folder."""
    title: str | None = None
    tags: list[str] = field(default_factory=list)
    status: SourceStatus = SourceStatus.OK
    last_error: str | None = None
    last_checked: datetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None
    retry_after: datetime | None = None
    full_text: bool = False
    fresh_until: datetime | None = None
    """The feed's last answer is fresh until then (``Cache-Control: max-age``)."""
    unread: int = 0
    total: int = 0
    parse_note: str | None = None
    """Why the last refresh read the feed only leniently (ill-formed XML, encoding guessed)."""

    @property
    def display_title(self) -> str:
        """The title (cleaned before it was stored: at ingest, or when feeds.toml was read),
        else the location made terminal-safe (a URL or path as feeds.toml holds it)."""
        return self.title or one_line(self.location)


@dataclass(slots=True)
class ArticleSummary:
    """One row of an article list: what a list needs, without the body."""

    id: int
    source_id: int
    source_title: str
    title: str
    published: datetime | None
    read: bool
    starred: bool
    gone: bool = False


@dataclass(slots=True)
class Article:
    """A cached article with its analysis."""

    id: int
    source_id: int
    source_title: str
    guid: str
    url: str | None
    title: str
    authors: list[str]
    published: datetime | None
    fetched_at: datetime
    summary: str
    paragraphs: list[str]
    quotes: list[Quote]
    contacts: list[Contact]
    credits: list[str] = field(default_factory=list)
    dateline: str | None = None
    word_count: int = 0
    reading_minutes: int = 1
    read: bool = False
    starred: bool = False
    gone: bool = False
    full_text_status: str | None = None
    """None (never tried), "ok", or the reason the last full-text fetch failed."""
    from_disk: bool = False
    """Read from a file on disk (an article file), not from a feed over the network."""

    analysed_version: int = 0
    """The analysis version that found its quotations and contacts (0: not analysed yet)."""

    @property
    def summary_only(self) -> bool:
        """A feed item that carried only its summary, its page not fetched: the feed gave no
        body apart from the summary, which is then the start of the text."""
        if self.from_disk or self.full_text_status == FullTextStatus.OK or not self.summary:
            return False
        body = " ".join(self.paragraphs)
        head = self.summary.rstrip("…").strip()[:200]
        return not body or body.startswith(head)
