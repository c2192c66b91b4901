"""Which articles a list shows: ``ArticleFilter`` and its SQL condition."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Which articles a list shows."""

    source_id: int | None = None
    tag: str | None = None
    unread_only: bool = False
    starred_only: bool = False
    query: str | None = None
    """A query in the query language (docs/queries.md): a view's, or ``--query``."""
    now: float | None = None
    """The time ``age:`` counts from (epoch seconds; None: the clock's)."""
    hide: tuple[str, ...] = ()
    """Queries whose articles are left out (feeds.toml's ``[[ignore]]``)."""


def filter_where(
    flt: ArticleFilter, *, per_row: bool = False, in_newest: bool = False
) -> tuple[str, list[Any]]:
    """The SQL condition (``WHERE …``, or empty) over ``articles a`` of the articles a filter
    shows, and its parameters; ``per_row`` and ``in_newest`` are the query compiler's."""
    clauses: list[str] = []
    params: list[Any] = []
    if flt.source_id is not None:
        clauses.append("a.source_id = ?")
        params.append(flt.source_id)
    if flt.tag is not None:
        clauses.append(
            "a.source_id IN (SELECT s2.id FROM sources s2, json_each(s2.tags) t WHERE t.value = ?)"
        )
        params.append(flt.tag)
    if flt.unread_only:
        clauses.append("a.read = 0")
    if flt.starred_only:
        clauses.append("a.starred = 1")
    if flt.query is not None or flt.hide:
        from newsterm.query import compile_any, compile_query

        now = time.time() if flt.now is None else flt.now
        if flt.query is not None:
            compiled = compile_query(flt.query, now, per_row=per_row, in_newest=in_newest)
            clauses.append(compiled.where)
            params.extend(compiled.params)
        if flt.hide:
            hidden = compile_any(flt.hide, now, per_row=per_row, in_newest=in_newest)
            clauses.append(f"NOT ({hidden.where})")
            params.extend(hidden.params)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params
