"""The read of the sources and their counts, which the whole screen waits for, with its messages.

Apart from ``ui.workers`` and ``ui.messages`` (the other workers' bodies and messages, ~20
dataclasses and the modules they need), which load with the first worker after the first frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from newsterm.errors import NewstermError
from newsterm.store import ArticleFilter, Store
from newsterm.store.sync_queue import pending_count

if TYPE_CHECKING:
    from newsterm.config import Config
    from newsterm.config_rules import ViewEntry
    from newsterm.models import Source

Post = Callable[[Message], object]
"""Where a worker sends its results (a widget's ``post_message``; safe from any thread)."""


@dataclass
class SourcesLoaded(Message):
    """Sources with their counts were read from the cache."""

    sources: list[Source]
    """Every source, in the order added, with unread and total counts."""
    total: int
    """Articles in the cache."""
    unread: int
    """Unread articles in the cache."""
    starred: int
    """Starred articles in the cache."""
    views: list[tuple[str, str, int]] = field(default_factory=list)
    """Each view of feeds.toml, in order: its title, query and unread count."""
    ignored: int = 0
    """Articles that feeds.toml's ``[[ignore]]`` queries hide."""
    waiting: int = 0
    """Read/starred changes queued for the sync server."""


@dataclass
class StoreFailed(Message):
    """Reading or writing the cache failed in a worker."""

    error: str
    """One line saying why."""


def load_sources(
    post: Post,
    db_path: Path,
    sync: Config | None = None,
    views: Sequence[ViewEntry] = (),
    hide: tuple[str, ...] = (),
) -> None:
    """Read sources and counts (counting 100k rows is not for the UI thread): the views'
    unread counts, and every count without what ``hide`` matches."""
    try:
        with Store.open(db_path) as store:
            sources = store.sources(hide)  # each count what its list shows
            if sync is not None and sync.feeds and not in_sync(sources, sync):
                from newsterm.ingest.service import sync_sources

                sync_sources(store, sync)
                sources = store.sources(hide)
            count = partial(store.count_articles, keep=True)  # (kept for the next start)
            total = count(ArticleFilter(hide=hide))
            unread = count(ArticleFilter(unread_only=True, hide=hide))
            starred = count(ArticleFilter(starred_only=True, hide=hide))
            counts = [(view.title, view.query, count(view_filter(view, hide))) for view in views]
            ignored = count() - total if hide else 0
            waiting = pending_count(store.conn)
    except NewstermError as exc:
        post(StoreFailed(exc.message))
        return
    post(SourcesLoaded(sources, total, unread, starred, counts, ignored, waiting))


def in_sync(sources: Sequence[Source], config: Config) -> bool:
    """Whether the cache already holds every feeds.toml entry as written (kind, title, tags,
    full text) and no account to sync: then a start-up writes nothing (``sync_sources`` would
    update 200 rows for a 200-feed file, and move the count cache's generation on)."""
    if config.sync is not None:
        return False
    by_location = {s.location: s for s in sources}
    for entry in config.feeds:
        kind, location = config.source_of(entry)
        source = by_location.get(location)
        if (
            source is None
            or source.kind != kind
            or (entry.title is not None and source.title != entry.title)
            or source.tags != list(entry.tags)
            or source.full_text != entry.full_text
        ):
            return False
    return True


def view_filter(view: ViewEntry, hide: tuple[str, ...]) -> ArticleFilter:
    """A view's unread articles (what its count in the sources pane counts)."""
    return ArticleFilter(query=view.query, hide=hide, unread_only=True)
