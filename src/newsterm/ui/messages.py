"""Messages posted by workers (from threads) and handled by the main screen (the sources read's,
which the first frame waits for, are in ``ui.sources_read``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from newsterm.store.people import Person
from newsterm.store.results import QuoteHit, SearchHit
from newsterm.ui.sources_read import SourcesLoaded as SourcesLoaded
from newsterm.ui.sources_read import StoreFailed as StoreFailed


@dataclass
class StoreWritten(Message):
    """A write to the cache (read state, stars, mark all read) has been committed."""

    what: str
    """What changed: "read", "star", "mark-all" or "meta"."""
    changed: int = 0
    """How many articles changed (for "mark-all")."""


@dataclass
class SourcesDue(Message):
    """The schedule's check found sources whose ``refresh_every`` has passed."""

    source_ids: list[int]


@dataclass
class RefreshStarted(Message):
    """A refresh has synced feeds.toml and is about to refresh ``total`` sources."""

    total: int


@dataclass
class RefreshProgress(Message):
    """One more source has been refreshed (errors are read back from the cache)."""

    done: int
    """Sources refreshed so far."""
    total: int
    """Sources to refresh."""
    source_title: str
    """The title of the source just refreshed."""
    new_total: int
    """New articles so far, over every source refreshed."""

    def can_replace(self, message: Message) -> bool:
        """Counts are cumulative, so a newer progress message makes an older one redundant."""
        return isinstance(message, RefreshProgress)


@dataclass
class RefreshFinished(Message):
    """A refresh ended."""

    new: int
    updated: int
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(source title, error) of every source that failed."""
    cancelled: bool = False


@dataclass
class AnalysisProgress(Message):
    """More of the analysis backlog is done (after a refresh, or at start after an upgrade)."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        """Counts are cumulative, so a newer progress message makes an older one redundant."""
        return isinstance(message, AnalysisProgress)


@dataclass
class AnalysisFinished(Message):
    """The background analysis of the backlog ended (not after a refresh: that one ends with
    the refresh's own message)."""

    analysed: int
    error: str | None = None


@dataclass
class RefreshFailed(Message):
    """A refresh could not run at all (broken feeds.toml, unreadable cache)."""

    error: str


@dataclass
class SearchFinished(Message):
    """A full-text search finished."""

    query: str
    hits: list[SearchHit]
    error: str | None = None
    number: int = 0
    """Which search of the screen's this answers (a later one supersedes it)."""
    live: bool = False
    """Started while typing (the focus stays in the field; an error waits for Enter)."""


@dataclass
class FullTextFinished(Message):
    """A full-text fetch for one article ended (the cache holds the result)."""

    article_id: int
    """The article whose page was fetched."""
    error: str | None
    """One line saying why the summary stayed, or None when the full text replaced it."""
    paragraphs: int = 0
    """How many paragraphs the body has now."""


@dataclass
class PeopleLoaded(Message):
    """The people index was read from the cache (for the people screen)."""

    people: list[Person]
    """Everyone quoted, the most widely quoted first."""
    aliases: dict[str, str]
    """Names merged into another (``extract.people.merge_names``)."""
    waiting: int
    """Articles the analysis has not reached yet (their quotations are not counted)."""


@dataclass
class PersonQuotesLoaded(Message):
    """One person's quotations were read from the cache."""

    name: str
    hits: list[QuoteHit]
