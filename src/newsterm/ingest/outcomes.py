"""What a refresh reports: each source's outcome, and all of them together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsterm.models import Source

if TYPE_CHECKING:
    from newsterm.ingest.fulltext import FullTextOutcome


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
