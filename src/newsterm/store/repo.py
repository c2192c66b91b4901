"""Typed queries over the cache. Callers get models, never rows or cursors.

``Store`` is one class built from parts, one module each, all on ``connection.StoreBase``:
``sources.SourceRows``, ``article_writes.ArticleWrites``, ``analyses.AnalysisRows``,
``marks.Marks`` and ``article_reads.ArticleReads``; here, what it hands to the search and the
people index."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from newsterm.store.analyses import AnalysisRows
from newsterm.store.article_reads import ArticleReads
from newsterm.store.article_writes import ArticleWrites
from newsterm.store.connection import TooSlow
from newsterm.store.filters import ArticleFilter
from newsterm.store.marks import Marks
from newsterm.store.sources import SourceRows

if TYPE_CHECKING:
    from newsterm.store.people import Person
    from newsterm.store.results import QuoteHit, SearchHit
    from newsterm.store.search import Plan as SearchPlan

__all__ = ["ArticleFilter", "Store", "TooSlow"]


class Store(SourceRows, ArticleWrites, AnalysisRows, Marks, ArticleReads):
    """The cache: one connection, used from one thread."""

    def quotations(
        self,
        *,
        speaker: str | None = None,
        person: Sequence[str] = (),
        limit: int = 50,
    ) -> list[QuoteHit]:
        """Quotations across the cache, newest articles first; with ``speaker``, those whose
        speaker contains it (any case); with ``person``, those of the people index's person
        with one of these names (see :meth:`people`)."""
        from newsterm.store.results import QuoteHit  # here: the app's first frame needs none

        where, params = "", []
        if speaker is not None:
            where, params = "WHERE instr(lower(q.speaker), lower(?)) > 0", [speaker]
        elif person:
            where, params = (
                "WHERE q.person IN (SELECT value FROM json_each(?))",
                [json.dumps(list(person))],
            )
        rows = self.conn.execute(
            f"""SELECT a.id, a.title, q.text, q.speaker, q.fragment, q.position
                FROM quotes q JOIN articles a ON a.id = q.article_id {where}
                ORDER BY a.sort_key DESC, a.id DESC, q.position LIMIT ?""",
            (*params, limit),
        ).fetchall()
        return [QuoteHit(r[0], r[1], r[2], r[3], bool(r[4]), r[5]) for r in rows]

    def person_names(self) -> list[str]:
        """Every name in the people index as the quotations spell it, the most quoted first."""
        from newsterm.store import people

        return people.names(self.conn)

    def people(
        self,
        aliases: Mapping[str, str],
        *,
        containing: str | None = None,
        limit: int | None = 50,
        details: bool = True,
    ) -> list[Person]:
        """Everyone quoted across all sources, the most widely quoted first; ``aliases`` maps
        names to the one they stand for (``extract.people.merge_names`` of
        :meth:`person_names`); ``details``: their sources and when last quoted too."""
        from newsterm.store import people

        return people.people(
            self.conn, aliases, containing=containing, limit=limit, details=details
        )

    def search(
        self,
        text: str,
        *,
        limit: int = 100,
        offset: int = 0,
        now: float | None = None,
        hide: tuple[str, ...] = (),
    ) -> list[SearchHit]:
        """Search with the query language (docs/queries.md): best matches first, their matches
        marked, what the ``hide`` queries match left out; raises ``QueryError`` for a bad
        query."""
        from newsterm.store import search  # here: the app's first frame searches nothing

        return search.search(self, text, limit=limit, offset=offset, now=now, hide=hide)

    def search_newest(
        self,
        text: str,
        *,
        limit: int = 50,
        now: float | None = None,
        hide: tuple[str, ...] = (),
        plan: SearchPlan | None = None,
    ) -> list[SearchHit]:
        """A query's newest ``limit`` articles with their matches marked (the search as
        typed: it costs about ``limit`` rows whatever the query matches); ``plan``: see
        :class:`newsterm.store.search.Plan`."""
        from newsterm.store import search

        return search.newest(self, text, limit=limit, now=now, hide=hide, plan=plan)

    def match_spans(self, article_id: int, text: str) -> list[tuple[int, int, int]]:
        """Where a query's full-text terms match in an article's body: (paragraph, start,
        end) character offsets."""
        from newsterm.store import search

        return search.match_spans(self.conn, article_id, text)
