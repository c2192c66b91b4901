"""Per-feed schedule and retention: which sources are due for a refresh, and which read,
unstarred articles a source no longer keeps.

A feed's own ``refresh_every``, ``keep`` and ``max_articles`` come first, then the first of
its tags (in the order the feed lists them) whose ``[tags.NAME]`` table sets the key, then
``[settings]``. A feed asking to wait (``Retry-After``) or saying its answer stays fresh
(``Cache-Control: max-age``, RSS ``<ttl>``) is never due on the schedule before then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from newsterm.config import Config, FeedEntry
    from newsterm.models import Source
    from newsterm.store import Store


@dataclass(frozen=True, slots=True)
class Policy:
    """How one source is refreshed and kept (seconds; 0: not limited)."""

    refresh_every: float = 0.0
    """0: no schedule (refreshed when asked, and at every ``refresh --due``)."""
    keep: float = 0.0
    max_articles: int = 0


def _entries(cfg: Config) -> dict[str, FeedEntry]:
    """feeds.toml's entries by the location their source has in the cache."""
    return {(e.url or str(cfg.resolve_path(e))): e for e in cfg.feeds}


def policy(cfg: Config, source: Source, entry: FeedEntry | None = None) -> Policy:
    """A source's schedule and retention, from its entry, its tags and ``[settings]``."""
    if entry is None:
        entry = _entries(cfg).get(source.location)
    tags = entry.tags if entry is not None else tuple(source.tags)
    settings = cfg.settings

    def pick(name: str, default: float) -> float:
        own = getattr(entry, name) if entry is not None else None
        if own is not None:
            return float(own)
        for tag in tags:
            value = getattr(cfg.tags[tag], name) if tag in cfg.tags else None
            if value is not None:
                return float(value)
        return default

    return Policy(
        refresh_every=pick("refresh_every", settings.refresh_every),
        keep=pick("keep", settings.keep),
        max_articles=int(pick("max_articles", settings.max_articles_per_feed)),
    )


def has_schedule(cfg: Config) -> bool:
    """Whether feeds.toml gives any source a ``refresh_every`` (the app's timer is needed)."""
    return (
        cfg.settings.refresh_every > 0
        or any(e.refresh_every for e in cfg.feeds)
        or any(t.refresh_every for t in cfg.tags.values())
    )


def next_refresh(source: Source, rule: Policy) -> datetime | None:
    """When a source is next due on its schedule (None: it has none)."""
    if rule.refresh_every <= 0:
        return None
    if source.last_checked is None:
        return source.retry_after or datetime.min.replace(tzinfo=UTC)  # due at once
    when = source.last_checked + timedelta(seconds=rule.refresh_every)
    for floor in (source.retry_after, source.fresh_until):
        if floor is not None and floor > when:
            when = floor
    return when


def due(cfg: Config, sources: Iterable[Source], now: datetime, *, scheduled: bool) -> list[Source]:
    """The sources to refresh at ``now``: those whose time has come. ``scheduled`` (the app's
    timer) leaves out sources without ``refresh_every``; ``newsterm refresh --due`` (cron)
    takes them every time, as long as they are not asked to wait (Retry-After)."""
    entries = _entries(cfg)
    found = []
    for source in sources:
        when = next_refresh(source, policy(cfg, source, entries.get(source.location)))
        if when is None:
            waiting = source.retry_after is not None and source.retry_after > now
            if not scheduled and not waiting:
                found.append(source)
        elif when <= now:
            found.append(source)
    return found


def next_wake(cfg: Config, sources: Iterable[Source]) -> datetime | None:
    """The earliest time any source is due on its schedule (None: no source has one)."""
    entries = _entries(cfg)
    times = [
        when
        for source in sources
        if (when := next_refresh(source, policy(cfg, source, entries.get(source.location))))
        is not None
    ]
    return min(times, default=None)


def apply_retention(store: Store, cfg: Config, sources: Sequence[Source], now: datetime) -> int:
    """Drop what each source no longer keeps (read, unstarred articles older than ``keep`` or
    beyond ``max_articles``; starred and unread ones never); returns how many."""
    entries = _entries(cfg)
    dropped = 0
    for source in sources:
        rule = policy(cfg, source, entries.get(source.location))
        if rule.keep > 0 or rule.max_articles > 0:
            before = now.timestamp() - rule.keep if rule.keep > 0 else None
            dropped += store.retain(source.id, max_articles=rule.max_articles, before=before)
    return dropped
