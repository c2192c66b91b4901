"""The refresh, the one way the CLI and the app bring sources up to date: feeds.toml's entries
made sources, then files, feeds, the sync server, the analysis and the full text in turn."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newsterm.config import Config
from newsterm.ingest.file_refresh import refresh_files
from newsterm.ingest.outcomes import Progress, RefreshReport, SourceOutcome
from newsterm.models import Source, SourceKind
from newsterm.store import Store

if TYPE_CHECKING:
    from newsterm.config import Settings
    from newsterm.ingest.backlog import BacklogProgress
    from newsterm.ingest.fulltext import FullTextOutcome, PageLimits


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
        from newsterm.sync.account import account_source

        sources.append(account_source(store, cfg.sync))
    return sources


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
    from newsterm.sync.account import account_source
    from newsterm.sync.engine import run_sync

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
    "fetch_missing_full_text",
    "full_text_sources",
    "refresh",
    "sync_sources",
]
