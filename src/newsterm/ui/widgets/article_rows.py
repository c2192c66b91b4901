"""Where the article list's rows come from: a filter's articles paged from the cache, search
hits, or nothing yet. No Textual here: the list widget asks these for a window of rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from newsterm.models import ArticleSummary
from newsterm.store import ArticleFilter, Store

if TYPE_CHECKING:
    from newsterm.config_rules import HighlightEntry
    from newsterm.store.results import SearchHit


class Row:
    """One article in the list, with search matches when the list shows results.

    (A plain class: a dataclass costs ~3 M instructions to define, on the way to the first
    frame.)"""

    __slots__ = ("article", "highlight", "snippet", "snippet_matches", "title_matches")

    def __init__(
        self,
        article: ArticleSummary,
        title_matches: Sequence[tuple[int, int]] = (),
        snippet: str = "",
        snippet_matches: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.article = article
        self.title_matches = title_matches
        self.snippet = snippet
        self.snippet_matches = snippet_matches
        self.highlight: str | None = None
        """The style of the first ``[[highlight]]`` rule that matches it, if any."""


class Rows(Protocol):
    """Where the list's rows come from."""

    row_height: int
    """Screen lines per row."""

    def count(self) -> int:
        """How many rows there are."""

    def fetch(self, offset: int, limit: int) -> list[Row]:
        """A window of rows."""

    def position(self, article_id: int) -> int | None:
        """The index of an article, or None when it is not in the list."""


class NoRows:
    """An empty list (before the cache is read)."""

    row_height = 1

    def count(self) -> int:
        return 0

    def fetch(self, offset: int, limit: int) -> list[Row]:
        return []

    def position(self, article_id: int) -> int | None:
        return None


class FilterRows:
    """A filter's articles, newest first, paged from the cache."""

    row_height = 1

    def __init__(
        self, store: Store, flt: ArticleFilter, highlights: Sequence[HighlightEntry] = ()
    ) -> None:
        self.store = store
        self.filter = flt
        self.highlights = highlights
        """feeds.toml's ``[[highlight]]`` rules, applied to each page fetched."""
        self.total = 0
        """The count, as last read (rows are fetched from whichever end is nearer)."""

    def count(self) -> int:
        self.total = self.store.count_articles(self.filter, keep=True)
        return self.total

    def fetch(self, offset: int, limit: int) -> list[Row]:
        found = self.store.list_articles_window(
            self.filter, offset=offset, limit=limit, total=self.total
        )
        return self._styled([Row(a) for a in found])

    def fetch_next_to(self, article_id: int, limit: int, older: bool) -> list[Row]:
        """The rows right after (older) or before (newer) an article: keyset paging."""
        found = self.store.list_articles_after(self.filter, article_id, limit=limit, older=older)
        return self._styled([Row(a) for a in found])

    def _styled(self, rows: list[Row]) -> list[Row]:
        """Rows with the style of the first highlight rule each matches."""
        if self.highlights:
            from newsterm.store.search import first_matching

            ids = [r.article.id for r in rows]
            queries = [h.query for h in self.highlights]
            found = first_matching(self.store, ids, queries, now=self.filter.now)
            for row in rows:
                rule = found.get(row.article.id)
                if rule is not None:
                    row.highlight = self.highlights[rule].style
        return rows

    def position(self, article_id: int) -> int | None:
        index = self.store.article_position(article_id, self.filter)
        if index is None:
            return None
        found = self.store.list_articles(self.filter, limit=1, offset=index)
        return index if found and found[0].id == article_id else None


class SearchRows:
    """Full-text search results, best first, two lines each (title, then snippet)."""

    row_height = 2

    def __init__(self, hits: Sequence[SearchHit]) -> None:
        self.rows = [Row(h.article, h.title_matches, h.snippet, h.snippet_matches) for h in hits]

    def count(self) -> int:
        return len(self.rows)

    def fetch(self, offset: int, limit: int) -> list[Row]:
        return self.rows[offset : offset + limit]

    def position(self, article_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.article.id == article_id), None)
