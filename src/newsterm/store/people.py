"""The people index in the cache: everyone quoted, across all sources.

Each quotation row carries its ``person`` (the analysis's one name a person, see
``extract/people.py``). Names that stand for one person across articles ("Obama" and
"Barack Obama") are merged by an alias map the caller makes from :func:`names`, so the store
keeps no rule of its own about names.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class Person:
    """Someone quoted in the cache."""

    name: str
    quotations: int
    """Quotations attributed to them."""
    articles: int
    """Articles quoting them."""
    sources: int | None = None
    """Sources those articles come from (None: not asked for)."""
    last_quoted: datetime | None = None
    """The time of the newest article quoting them (None: not asked for)."""


def names(conn: sqlite3.Connection) -> list[str]:
    """Every person's name as the quotations spell it, the most quoted first."""
    return [
        row[0]
        for row in conn.execute(
            """SELECT person FROM quotes WHERE person IS NOT NULL
               GROUP BY person ORDER BY COUNT(*) DESC, person"""
        )
    ]


def people(
    conn: sqlite3.Connection,
    aliases: Mapping[str, str],
    *,
    containing: str | None = None,
    limit: int | None = 50,
    details: bool = True,
) -> list[Person]:
    """People quoted, the most widely quoted first (by articles, then quotations); with
    ``containing``, those whose name contains it (any case); ``limit`` None: all of them;
    with ``details``, their sources and when they were last quoted.

    Counted from the quotations index alone, then merged by ``aliases`` (an article quoting
    one person under two spellings that merge counts twice: the analysis gives one spelling
    an article, so that takes a name it could not tell apart within the article); the
    details are read for the listed people only.
    """
    quotations: dict[str, int] = {}
    articles: dict[str, int] = {}
    for name, quoted, articles_of in conn.execute(
        """SELECT person, COUNT(*), COUNT(DISTINCT article_id) FROM quotes
           WHERE person IS NOT NULL GROUP BY person"""
    ):
        person = aliases.get(name, name)
        quotations[person] = quotations.get(person, 0) + quoted
        articles[person] = articles.get(person, 0) + articles_of
    wanted = containing.casefold() if containing else None
    ranked = sorted(
        (name for name in quotations if wanted is None or wanted in name.casefold()),
        key=lambda name: (-articles[name], -quotations[name], name),
    )[:limit]
    if not details:
        return [Person(name, quotations[name], articles[name]) for name in ranked]
    sources: dict[str, set[int]] = {name: set() for name in ranked}
    last: dict[str, float] = {}
    merged = _merged_into(aliases)
    asked = {spelling: name for name in ranked for spelling in [name, *merged.get(name, ())]}
    for spelling, source_id, newest in conn.execute(
        """SELECT q.person, a.source_id, MAX(a.sort_key)
           FROM quotes q JOIN articles a ON a.id = q.article_id
           WHERE q.person IN (SELECT value FROM json_each(?))
           GROUP BY q.person, a.source_id""",
        (json.dumps(list(asked)),),
    ):
        name = asked[spelling]
        sources[name].add(source_id)
        last[name] = max(last.get(name, newest), newest)
    return [
        Person(
            name,
            quotations[name],
            articles[name],
            len(sources[name]),
            datetime.fromtimestamp(last[name], UTC) if name in last else None,
        )
        for name in ranked
    ]


def named(everyone: Sequence[Person], folded: Sequence[str], containing: str) -> list[Person]:
    """Those of ``everyone`` whose name contains ``containing`` (any case), in their order;
    ``folded`` holds their names casefolded, made once for many filters."""
    wanted = containing.casefold()
    return [person for person, name in zip(everyone, folded, strict=True) if wanted in name]


def _merged_into(aliases: Mapping[str, str]) -> dict[str, list[str]]:
    """Each person with the names merged into theirs."""
    merged: dict[str, list[str]] = {}
    for spelling, name in aliases.items():
        merged.setdefault(name, []).append(spelling)
    return merged


def spellings(aliases: Mapping[str, str], person: str) -> list[str]:
    """The names the quotations give ``person`` (their own, and those merged into it)."""
    return [person, *_merged_into(aliases).get(person, ())]
