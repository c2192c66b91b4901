"""Feed sources: fetching over HTTP arrives with the feeds issue; adding records the URL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsterm import config as config_mod
from newsterm.config import Config, FeedEntry
from newsterm.models import Source, SourceKind
from newsterm.store import Store

if TYPE_CHECKING:
    from newsterm.ingest.service import AddOutcome, SourceOutcome


def refresh_feeds(
    store: Store,
    sources: Sequence[Source],
    cfg: Config,
    record: Callable[[SourceOutcome], None],
) -> None:
    """Fetch feed sources and store their new items, reporting each outcome to ``record``."""
    from newsterm.ingest.service import SourceOutcome

    for source in sources:
        record(SourceOutcome(source, notice="feed fetching is not available yet"))


def add_feed(
    store: Store,
    cfg: Config,
    url: str,
    *,
    title: str | None,
    tags: Sequence[str],
    fetch: bool,
) -> AddOutcome:
    """Record a feed URL in feeds.toml and in the cache."""
    from newsterm.ingest.service import AddOutcome

    config_mod.add_feed(cfg.path, FeedEntry(url=url, title=title, tags=tuple(tags)))
    source = store.upsert_source(SourceKind.FEED, url, title=title, tags=tags)
    return AddOutcome(source, added=True, message=f"added {url}")
