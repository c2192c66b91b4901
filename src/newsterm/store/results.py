"""What a save and a search give back (the app's first frame needs neither)."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsterm.models import ArticleSummary


@dataclass(slots=True)
class SaveResult:
    """What a save did to the cache."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    new_ids: list[int] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)
    """guid -> id of each article the save wrote (new or changed)."""


@dataclass(slots=True)
class SearchHit:
    """A search result: the article row and where the query matched."""

    article: ArticleSummary
    title_matches: list[tuple[int, int]]
    """(start, end) offsets of matches in the title."""
    snippet: str
    snippet_matches: list[tuple[int, int]]


@dataclass(slots=True)
class QuoteHit:
    """A quotation found across the cache, with the article it is in."""

    article_id: int
    title: str
    text: str
    speaker: str | None
    fragment: bool
    position: int = 0
    """The quotation's place among its article's quotations."""
