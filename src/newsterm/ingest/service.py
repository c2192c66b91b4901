"""The one ingest API: the CLI and the app both add and refresh sources through it."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsterm import config_edit, paths
from newsterm.analysis import RawArticle
from newsterm.config import Config, FeedEntry
from newsterm.errors import NewstermError, UsageError
from newsterm.models import Source, SourceKind
from newsterm.store import Store

if TYPE_CHECKING:
    from newsterm.config import Settings
    from newsterm.ingest import files as files_mod
    from newsterm.ingest.backlog import BacklogProgress
    from newsterm.ingest.feed_model import FeedResult
    from newsterm.ingest.fulltext import FullTextOutcome, PageLimits

FEED_SCHEMES = ("http", "https")
MAX_URL_LENGTH = 8192
"""Longest feed URL accepted (HTTP libraries refuse 64 KiB)."""


@dataclass(slots=True)
class SourceOutcome:
    """What one refresh did to one source."""

    source: Source
    new: int = 0
    updated: int = 0
    gone: int = 0
    error: str | None = None
    """One line saying why the source failed, or None."""
    notice: str | None = None
    """Something the user should know that is not a failure (moved, not modified, ...)."""
    new_ids: list[int] = field(default_factory=list)


@dataclass(slots=True)
class RefreshReport:
    """The outcome of refreshing some sources."""

    outcomes: list[SourceOutcome] = field(default_factory=list)
    full_text: list[FullTextOutcome] = field(default_factory=list)
    dropped: int = 0
    """Read, unstarred articles that the feeds' ``keep`` and ``max_articles`` dropped."""
    """Full-text fetches made after the refresh (feeds that want full text)."""
    analysed: int = 0
    """Articles analysed after the feeds (``analyse``)."""

    @property
    def new(self) -> int:
        """New articles over all sources."""
        return sum(o.new for o in self.outcomes)

    @property
    def updated(self) -> int:
        """Updated articles over all sources."""
        return sum(o.updated for o in self.outcomes)

    @property
    def failed(self) -> list[SourceOutcome]:
        """The sources that failed."""
        return [o for o in self.outcomes if o.error]


Progress = Callable[[SourceOutcome, int, int], None]
"""Called after each source with its outcome, the number done and the total."""


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


_HOST_LIKE = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[:/]|$)", re.I)
"""A scheme-less address ("example.com/feed.xml"), as opposed to a file name."""


def is_url(target: str) -> bool:
    """Whether a CLI argument names a URL (any scheme) rather than an existing path."""
    return bool(_SCHEME.match(target)) and not paths.exists(Path(target))


def check_feed_url(url: str) -> str:
    """Validate a feed URL: http or https with a host. ``feed://`` becomes ``https://``."""
    url = url.strip()
    if url.lower().startswith("feed://"):
        url = "https://" + url[len("feed://") :]
    elif url.lower().startswith("feed:"):
        url = url[len("feed:") :]
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[x": an unclosed IPv6 address
        raise UsageError(f"{url}: not a valid URL") from None
    if parts.scheme.lower() not in FEED_SCHEMES:
        raise UsageError(f"{url}: only http and https feeds are supported")
    if len(url) > MAX_URL_LENGTH:
        raise UsageError(f"{url[:100]}…: longer than {MAX_URL_LENGTH} characters")
    if not parts.hostname or any(c.isspace() or ord(c) < 32 for c in url):
        raise UsageError(f"{url}: not a valid URL")
    return url


def check_article_path(target: str) -> Path:
    """Validate an article file or folder path and make it absolute."""
    from newsterm.ingest import files

    try:
        path = Path(target).expanduser().resolve(strict=True)
    except FileNotFoundError:
        if _HOST_LIKE.match(target):
            raise UsageError(
                f"{target}: no such file or folder; for a feed, give its address with the "
                f"scheme: newsterm add https://{target}"
            ) from None
        raise UsageError(f"{target}: no such file or folder") from None
    except OSError as exc:
        raise UsageError(f"{target}: cannot use this path: {paths.reason(exc)}") from None
    except (RuntimeError, ValueError) as exc:  # a symlink loop; a NUL byte
        raise UsageError(f"{target!r}: cannot use this path: {exc}") from None
    if path.is_file():
        if not files.is_article_file(path) and not files.is_feed_file(path):
            kinds = ", ".join(sorted(files.ARTICLE_SUFFIXES | files.FEED_SUFFIXES))
            raise UsageError(f"{target}: unsupported file type (newsterm reads {kinds})")
    elif not path.is_dir():
        raise UsageError(f"{target}: not a regular file or folder")
    return path


def sync_sources(store: Store, cfg: Config) -> list[Source]:
    """Make sure every feeds.toml entry has a source in the cache; return them in file order.

    Sources that are in the cache but no longer in feeds.toml are kept (with their reading
    history) until ``newsterm remove`` deletes them.
    """
    entries = [
        (*cfg.source_of(entry), entry.title, entry.tags, entry.full_text) for entry in cfg.feeds
    ]
    sources = store.upsert_sources(entries) if entries else []  # one transaction
    if cfg.sync is not None:
        from newsterm.sync.engine import account_source

        sources.append(account_source(store, cfg.sync))
    return sources


SAVE_BATCH = 100
"""Articles saved per transaction: a killed refresh keeps every batch it committed."""


def _save(
    store: Store, source_id: int, items: list[RawArticle], now: datetime, outcome: SourceOutcome
) -> None:
    """Save a batch of articles, add the counts to ``outcome``, empty the batch."""
    if not items:
        return
    result = store.save_articles(source_id, items, fetched_at=now)
    outcome.new += result.new
    outcome.updated += result.updated
    outcome.new_ids += result.new_ids
    items.clear()


def read_feed_file(path: Path, known: dict[str, str] | None = None) -> FeedResult:
    """Parse a feed file on disk into its new and changed items; raise NewstermError
    when it cannot be read or is no feed."""
    from newsterm.ingest import files
    from newsterm.ingest.feed_model import FeedJob
    from newsterm.ingest.feed_parse import process_feed

    data = paths.read_regular(path, files.MAX_FILE_BYTES, NewstermError)
    try:
        return process_feed(FeedJob(url=path.as_uri(), body=data, known=known or {}))
    except NewstermError as exc:
        raise NewstermError(f"{path}: {exc.message}") from None


def refresh_files(
    store: Store, source: Source, limits: files_mod.FolderLimits | None = None
) -> SourceOutcome:
    """Re-read a files source: new and changed files are stored (to be analysed), deleted ones
    marked gone
    (a feed file: its new and changed items).

    A folder over ``limits`` is an error and changes nothing; unreadable files and folders are
    skipped and named in the error, the rest is read.
    """
    from newsterm.ingest import files

    outcome = SourceOutcome(source)
    root = Path(source.location)
    now = datetime.now(UTC)
    if not root.exists():
        outcome.error = f"{root}: no such file or folder"
        store.record_check(source.id, outcome.error, now)
        return outcome
    if files.is_feed_file(root):
        try:
            parsed = read_feed_file(root, store.known_hashes(source.id))
        except NewstermError as exc:
            outcome.error = exc.message
        else:
            _save(store, source.id, parsed.items, now, outcome)
        store.record_check(source.id, outcome.error, now)
        return outcome
    try:
        scan = files.article_files(root, limits)
    except files.FolderTooLarge as exc:
        outcome.error = exc.message
        store.record_check(source.id, outcome.error, now)
        return outcome
    known = store.known_hashes(source.id)
    present: list[str] = []
    items: list[RawArticle] = []
    problems: list[str] = list(scan.skipped)
    for path in scan.files:
        guid = str(path.resolve())
        present.append(guid)
        try:
            data = paths.read_regular(path, files.MAX_FILE_BYTES)
        except NewstermError as exc:
            problems.append(f"{exc.message}, skipped")
            continue
        if known.get(guid) != files.content_hash(data):
            items.append(files.read_article(path, data))
        if len(items) >= SAVE_BATCH:
            _save(store, source.id, items, now, outcome)
    _save(store, source.id, items, now, outcome)
    outcome.gone = store.mark_gone(source.id, present)
    outcome.error = "; ".join(problems) or None
    store.record_check(source.id, outcome.error, now)
    return outcome


def refresh(
    store: Store,
    sources: Sequence[Source],
    cfg: Config,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    full_text: bool = False,
    full_text_progress: FullTextProgress | None = None,
    analyse: bool = False,
    analysis_progress: BacklogProgress | None = None,
) -> RefreshReport:
    """Refresh sources: file sources re-read from disk, feed sources fetched over HTTP.

    Articles are stored unanalysed; with ``analyse``, when anything new or changed was stored,
    the parse workers then analyse the cache's backlog (:mod:`newsterm.ingest.backlog`). Then
    the feeds that want full text (``full_text = true``, ``[settings] full_text``, or
    every feed when ``full_text`` is asked for) get their new items' pages; failures are
    recorded and never retried here. Blocking, and safe to call from a worker thread that owns
    ``store``. Setting ``cancel`` stops it soon after: sources not done by then are reported
    with the notice "cancelled".
    """
    report = RefreshReport()
    file_sources = [s for s in sources if s.kind is SourceKind.FILES]
    feed_sources = [s for s in sources if s.kind is SourceKind.FEED]
    wants_sync = cfg.sync is not None and any(s.kind is SourceKind.SYNC for s in sources)
    total = len(file_sources) + len(feed_sources) + int(wants_sync)

    def record(outcome: SourceOutcome) -> None:
        report.outcomes.append(outcome)
        if progress is not None:
            progress(outcome, len(report.outcomes), total)

    from newsterm.ingest.parse_pool import ParsePool  # asyncio and multiprocessing: here only

    pool = ParsePool.for_feeds(len(feed_sources))
    if any(_expects_body(s) for s in feed_sources):
        # The parse workers start first, and load while the files are read and the HTTP stack
        # is imported. (Otherwise they start with the first body: a refresh where every feed
        # answers 304, or fails as it did last time, needs none.)
        pool.start_soon()
    try:
        for source in file_sources:
            if cancel is not None and cancel.is_set():
                record(SourceOutcome(source, notice="cancelled"))
                continue
            from newsterm.ingest.files import FolderLimits  # the article readers: files only

            record(refresh_files(store, source, FolderLimits.of(cfg.settings)))
        if feed_sources:
            from newsterm.ingest.feeds import refresh_feeds

            refresh_feeds(store, feed_sources, cfg, record, pool, cancel=cancel)
        store.index_pending()  # the feeds' new articles left to index (and a killed refresh's)
        if wants_sync:  # before the analysis, which then takes the synced items too
            record(_sync_outcome(store, cfg, cancel))
        stopped = cancel is not None and cancel.is_set()
        if analyse and not stopped and (report.new or report.updated):
            from newsterm.ingest import backlog

            report.analysed = backlog.finish(
                store.path, pool=pool, progress=analysis_progress, cancel=cancel
            )
            store.checkpoint()  # what the workers wrote (they leave the checkpoints to us)
    finally:
        pool.close(cancel=cancel is not None and cancel.is_set())
    from newsterm.ingest.schedule import apply_retention

    report.dropped = apply_retention(store, cfg, sources, datetime.now(UTC))
    wanting = full_text_sources(sources, cfg.settings, requested=full_text)
    if wanting and not (cancel is not None and cancel.is_set()):
        report.full_text = fetch_missing_full_text(
            store, wanting, cfg.settings, full_text_progress, untrusted=cfg.imported_urls
        )
    return report


def _sync_outcome(store: Store, cfg: Config, cancel: threading.Event | None) -> SourceOutcome:
    """Sync with the server (after the local feeds, so that an item that also arrives through
    one of them is recognised by its link and not stored twice)."""
    from newsterm.sync.engine import account_source, run_sync

    assert cfg.sync is not None
    if cancel is not None and cancel.is_set():
        return SourceOutcome(account_source(store, cfg.sync), notice="cancelled")
    synced = run_sync(store, cfg)
    notice = f"{synced.waiting} changes wait for the server" if synced.waiting else None
    return SourceOutcome(
        synced.source,
        new=synced.new,
        updated=synced.updated,
        error=synced.error,
        notice=notice,
        new_ids=synced.new_ids,
    )


def _expects_body(source: Source) -> bool:
    """Whether a feed is sure to answer with a body: never fetched, or fetched fine last time
    from a server that sends no validators (so no 304 is possible)."""
    if source.last_checked is None:
        return True
    return source.last_error is None and source.etag is None and source.last_modified is None


def update_moved(store: Store, cfg: Config) -> list[tuple[str, str]]:
    """Move every feed that answered a permanent redirect to its new URL.

    feeds.toml is rewritten (comments kept) and the cached source relocated, its articles and
    reading history kept. Returns the (old, new) URLs.
    """
    moved = []
    for source in store.sources():
        if source.kind is not SourceKind.FEED or not source.moved_to:
            continue
        old, new = source.location, source.moved_to
        if cfg.path.exists():
            config_edit.replace_url(cfg.path, old, new)
        store.relocate_source(source.id, new)
        moved.append((old, new))
    return moved


@dataclass(slots=True)
class ImportReport:
    """What ``import_subscriptions`` did."""

    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


MAX_IMPORT_BYTES = 16 * 1024 * 1024
"""Largest OPML or urls file read by ``import``."""


def import_subscriptions(store: Store, cfg: Config, path: Path) -> ImportReport:
    """Subscribe to the feeds of an OPML file or a newsboat urls file (idempotent, no fetch).

    Nothing is fetched (``newsterm refresh`` does that); nothing in the file is ever run.
    """
    from newsterm.ingest.opml import OpmlError, read_opml
    from newsterm.ingest.urlsfile import read_urls

    data = paths.read_regular(path, MAX_IMPORT_BYTES)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if head.startswith(b"<"):
        try:
            found = read_opml(data)
        except OpmlError as exc:
            raise UsageError(f"{path}: {exc}") from None
    else:
        found = read_urls(data)
    from newsterm.ingest import netguard

    report = ImportReport(warnings=list(found.warnings))
    known = {entry.url for entry in cfg.feeds if entry.url}
    allowed = {netguard.normal_host(h) for h in cfg.settings.allow_private_hosts}
    entries: list[FeedEntry] = []
    for feed in found.feeds:
        try:
            url = check_feed_url(feed.url)
        except UsageError as exc:
            report.warnings.append(exc.message)
            continue
        host = netguard.host_of(url)
        if (kind := netguard.named_kind(host)) and host not in allowed:
            report.warnings.append(
                f"skipped {url}: a {kind} address; an imported list may not point newsterm "
                f'there (allow it with allow_private_hosts = ["{host}"] in [settings])'
            )
            continue
        if url in known:
            report.already.append(url)
            continue
        known.add(url)
        entries.append(FeedEntry(url=url, title=feed.title, tags=feed.tags, imported=True))
    if entries:
        config_edit.add_feeds(cfg.path, entries)
        for entry in entries:
            assert entry.url is not None
            store.upsert_source(SourceKind.FEED, entry.url, title=entry.title, tags=entry.tags)
            report.added.append(entry.url)
    return report


EXPORT_FORMATS = ("opml", "urls")


def export_subscriptions(store: Store, cfg: Config, fmt: str = "opml") -> str:
    """The feed subscriptions of feeds.toml as OPML 2.0 or a newsboat urls file.

    Titles missing from feeds.toml come from the cache; file sources are not feeds and are left
    out.
    """
    from newsterm.ingest.opml import Subscription, write_opml
    from newsterm.ingest.urlsfile import write_urls

    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"{fmt}: unknown export format (use opml or urls)")
    feeds = []
    for entry in cfg.feeds:
        if not entry.url:
            continue
        cached = store.source_by_location(entry.url)
        title = entry.title or (cached.title if cached else None)
        feeds.append(Subscription(entry.url, title, entry.tags))
    return write_opml(feeds) if fmt == "opml" else write_urls(feeds)


@dataclass(slots=True)
class AddOutcome:
    """What ``add`` did."""

    source: Source
    added: bool
    """False when the source was already subscribed (nothing changed)."""
    refresh: SourceOutcome | None = None
    message: str = ""


def add(
    store: Store,
    cfg: Config,
    target: str,
    *,
    title: str | None = None,
    tags: Sequence[str] = (),
    fetch: bool = True,
    local: bool = False,
) -> AddOutcome:
    """Subscribe to a feed URL or an article file/folder; record it in feeds.toml and ingest it.

    With ``[sync]`` on, a feed URL is subscribed on the server (``local`` keeps it in
    feeds.toml instead). Validation happens first: on any error neither feeds.toml nor the
    cache is changed.
    """
    if is_url(target):
        url = check_feed_url(target)
        if cfg.sync is not None and not local:
            from newsterm.sync.engine import subscribe

            source = subscribe(store, cfg, url)
            message = f"subscribed on {urlsplit(cfg.sync.url).hostname}: {source.display_title}"
            return AddOutcome(source, added=True, message=message)
        if any(entry.url == url for entry in cfg.feeds):
            source = store.upsert_source(SourceKind.FEED, url)
            return AddOutcome(source, added=False, message=f"{url} is already subscribed")
        from newsterm.ingest.feeds import add_feed

        return add_feed(store, cfg, url, title=title, tags=tags, fetch=fetch)
    from newsterm.ingest import files

    path = check_article_path(target)
    if any(entry.path and cfg.resolve_path(entry).resolve() == path for entry in cfg.feeds):
        source = store.upsert_source(SourceKind.FILES, str(path))
        return AddOutcome(source, added=False, message=f"{path} is already subscribed")
    limits = files.FolderLimits.of(cfg.settings)
    if files.is_feed_file(path):
        try:  # checked before anything is written
            title = title or read_feed_file(path).title or path.stem
        except NewstermError as exc:
            raise UsageError(exc.message) from None
    else:
        files.article_files(path, limits)  # a folder too large is refused before any change
    title = title or path.stem
    entry = FeedEntry(path=str(path), title=title, tags=tuple(tags))
    config_edit.add_feed(cfg.path, entry)
    source = store.upsert_source(SourceKind.FILES, str(path), title=title, tags=tags)
    outcome = refresh_files(store, source, limits)
    return AddOutcome(source, added=True, refresh=outcome, message=f"added {path}")


def remove(store: Store, cfg: Config, ref: str) -> Source:
    """Unsubscribe: remove the source from feeds.toml (or the sync server) and its articles
    from the cache."""
    source = store.find_source(ref)
    if source is None and len(titled := store.sources_titled(ref)) > 1:
        ids = ", ".join(str(s.id) for s in titled)
        raise UsageError(f"{ref}: {len(titled)} sources have this title (ids {ids}); give the id")
    if source is None:
        candidate = ref
        if not is_url(ref):
            with contextlib.suppress(OSError, RuntimeError, ValueError):  # long, looping, NUL
                candidate = str(Path(ref).expanduser().resolve())
        source = store.source_by_location(candidate)
    if source is None:
        raise UsageError(f"{ref}: no such source (see `newsterm sources`)")
    if source.kind is SourceKind.SYNC:
        from newsterm.sync.engine import is_subscription, unsubscribe

        if not is_subscription(source):
            raise UsageError(f"{ref}: the sync server itself; remove the [sync] table instead")
        unsubscribe(store, cfg, source)
        return source
    in_config = [
        e.location
        for e in cfg.feeds
        if e.url == source.location
        or (e.path and str(cfg.resolve_path(e).resolve()) == source.location)
    ]
    if in_config and cfg.path.exists():
        config_edit.remove_feed(cfg.path, in_config[0])
    store.remove_source(source.id)
    return source


# -- full text (issue 7) ----------------------------------------------------------------------

FullTextProgress = Callable[["FullTextOutcome", int, int], None]
"""Called after each full-text fetch with its outcome, the number done and the total."""


def full_text_sources(
    sources: Sequence[Source], settings: Settings, *, requested: bool = False
) -> list[Source]:
    """The feed sources whose new articles get their full text at refresh.

    Every feed when the user asked (``refresh --full-text``) or ``[settings] full_text`` is
    on; otherwise the feeds with ``full_text = true`` in feeds.toml.
    """
    every = requested or settings.full_text
    return [s for s in sources if s.kind is SourceKind.FEED and (every or s.full_text)]


def fetch_missing_full_text(
    store: Store,
    sources: Sequence[Source],
    settings: Settings,
    progress: FullTextProgress | None = None,
    *,
    limit: int = 50,
    limits: PageLimits | None = None,
    untrusted: frozenset[str] = frozenset(),
) -> list[FullTextOutcome]:
    """Fetch the full text of these sources' articles that never had it tried (newest first).

    At most ``limit`` articles a call, politely (one request at a time per host). Articles
    whose earlier attempt failed are not retried here; only an explicit request does that.
    """
    import asyncio

    from newsterm.ingest.fulltext import fetch_full_texts

    ids = store.articles_needing_full_text([s.id for s in sources], limit)
    if not ids:
        return []
    return asyncio.run(
        fetch_full_texts(
            store, ids, settings, limits=limits, progress=progress, untrusted=untrusted
        )
    )


__all__ = [
    "AddOutcome",
    "ImportReport",
    "NewstermError",
    "RefreshReport",
    "SourceOutcome",
    "add",
    "export_subscriptions",
    "fetch_missing_full_text",
    "full_text_sources",
    "import_subscriptions",
    "refresh",
    "refresh_files",
    "remove",
    "sync_sources",
    "update_moved",
]
