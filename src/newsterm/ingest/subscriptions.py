"""Subscriptions changed: feeds.toml and the cache together (``add``, ``remove``, ``import``,
``export``, and feeds that moved for good)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from newsterm import config_edit, paths
from newsterm.config import Config, FeedEntry
from newsterm.errors import NewstermError, UsageError
from newsterm.ingest.file_refresh import read_feed_file, refresh_files
from newsterm.ingest.outcomes import SourceOutcome
from newsterm.ingest.targets import check_article_path, check_feed_url, is_url
from newsterm.models import Source, SourceKind
from newsterm.store import Store


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
            from newsterm.sync.subscriptions import subscribe

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
        from newsterm.sync.subscriptions import is_subscription, unsubscribe

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
