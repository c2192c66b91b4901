"""The feeds.toml model: what the file says, as frozen dataclasses (read by ``config_load``,
checked by ``config_parse``, edited by ``config_edit``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsterm.config_rules import HighlightEntry, ViewEntry
    from newsterm.models import SourceKind


@dataclass(frozen=True, slots=True)
class Settings:
    """The ``[settings]`` table of feeds.toml."""

    mark_read_on_open: bool = True
    """Opening an article marks it read."""
    refresh_on_start: bool = True
    """The app refreshes every source in the background when it starts."""
    concurrency: int = 16
    """Feeds fetched at once."""
    per_host_concurrency: int = 4
    """Feeds fetched at once from one host."""
    connect_timeout: float = 10.0
    """Seconds to wait for a connection."""
    read_timeout: float = 30.0
    """Seconds to wait for data."""
    feed_timeout: float = 60.0
    """Seconds one feed may take in total (connect, redirects, download); 0 for no limit."""
    parse_timeout: float = 30.0
    """Seconds parsing and analysing one feed may take; 0 for no limit."""
    max_feed_bytes: int = 10 * 1024 * 1024
    """Largest feed body accepted, after decompression."""
    max_body_chars: int = 500_000
    """Characters kept of one feed item's body (a long read is 100,000); 0 for no limit."""
    max_articles_per_feed: int = 0
    """Keep at most this many articles a feed, trimming the oldest read ones (0 keeps all)."""
    refresh_every: float = 0.0
    """Seconds between refreshes of a feed (``"30m"`` in the file); 0: only when asked."""
    keep: float = 0.0
    """Seconds a read, unstarred article is kept (``"30d"`` in the file); 0: for ever."""
    full_text: bool = False
    """Fetch the full article page for new items of every feed at refresh."""
    reader_width: int = 80
    """Columns of text a line of the reader holds at most, centred (0: the pane's width)."""
    animate: bool = False
    """Scroll smoothly in the app; by default the keys jump at once."""
    max_folder_files: int = 10_000
    """Files and folders a folder source may hold; a larger one is refused (``add /``)."""
    max_folder_depth: int = 8
    """Folders a folder source may nest; a deeper one is refused."""
    allow_private_hosts: tuple[str, ...] = ()
    """Hosts that links from elsewhere (redirects, discovery, OPML, article pages) may lead to
    even though they are private, loopback or link-local (a NAS, a home server)."""


@dataclass(frozen=True, slots=True)
class TagPolicy:
    """A ``[tags.NAME]`` table: the feeds of a tag refreshed and kept alike."""

    refresh_every: float | None = None
    keep: float | None = None
    max_articles: int | None = None


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One ``[[feeds]]`` table: a feed ``url`` or an article file/folder ``path``."""

    url: str | None = None
    path: str | None = None
    title: str | None = None
    tags: tuple[str, ...] = ()
    full_text: bool = False
    imported: bool = False
    """Came from an imported OPML or urls file (a stranger's list): its host is not trusted to
    be private (see ``ingest.netguard``); deleting the line trusts it."""
    refresh_every: float | None = None
    """Seconds between refreshes, over ``[settings]`` and ``[tags.NAME]`` (None: theirs)."""
    keep: float | None = None
    """Seconds a read, unstarred article is kept (None: the tag's or the setting's)."""
    max_articles: int | None = None
    """Read, unstarred articles kept at most (None: the tag's or ``max_articles_per_feed``)."""

    @property
    def location(self) -> str:
        """The URL, or the path as written."""
        return self.url or self.path or ""


SYNC_SERVICES = ("greader",)
SYNC_MAX_ITEMS = 1000


@dataclass(frozen=True, slots=True)
class SyncConfig:
    """The ``[sync]`` table: a Google Reader API server. The password is never stored here:
    it comes from ``password_command`` or ``$NEWSTERM_SYNC_PASSWORD`` when needed."""

    url: str
    """The API base, e.g. ``https://rss.example.org/api/greader.php``."""
    user: str
    service: str = "greader"
    password_command: str | None = None
    max_items: int = SYNC_MAX_ITEMS
    """Items fetched at most on the first sync (``SYNC_MAX_ITEMS`` unless set)."""


@dataclass(frozen=True, slots=True)
class Config:
    """Everything feeds.toml says."""

    path: Path
    settings: Settings = field(default_factory=Settings)
    feeds: tuple[FeedEntry, ...] = ()
    keymap: dict[str, str] = field(default_factory=dict)
    views: tuple[ViewEntry, ...] = ()
    """Saved queries shown as sources (``[[views]]``)."""
    ignore: tuple[str, ...] = ()
    """Queries whose articles every list hides (``[[ignore]]``)."""
    highlight: tuple[HighlightEntry, ...] = ()
    """Queries whose rows the list draws in a style (``[[highlight]]``)."""
    sync: SyncConfig | None = None

    tags: dict[str, TagPolicy] = field(default_factory=dict)
    """Schedule and retention for the feeds of a tag (``[tags.NAME]``)."""
    missing: bool = False
    """The file does not exist (named by ``--config`` or ``NEWSTERM_CONFIG``): no sources."""

    @property
    def imported_urls(self) -> frozenset[str]:
        """The feed URLs that came from an imported list, not from the user."""
        return frozenset(e.url for e in self.feeds if e.url and e.imported)

    def resolve_path(self, entry: FeedEntry) -> Path:
        """An entry's path made absolute, relative to the folder of feeds.toml."""
        assert entry.path is not None
        path = Path(entry.path).expanduser()
        return path if path.is_absolute() else (self.path.parent / path)

    def source_of(self, entry: FeedEntry) -> tuple[SourceKind, str]:
        """The kind and location of the source an entry stands for in the cache (a feed's URL,
        or a folder's or file's absolute path)."""
        from newsterm.models import SourceKind

        if entry.url:
            return SourceKind.FEED, entry.url
        return SourceKind.FILES, str(self.resolve_path(entry))
