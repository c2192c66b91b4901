"""The people index in the cache: everyone quoted, across all sources.

Each quotation row carries its ``person`` (the analysis's one name a person, see
``extract/people.py``). Names that stand for one person across articles ("Obama" and
"Barack Obama") are merged by an alias map the caller makes from :func:`names`, so the store
keeps no rule of its own about names.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
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
    sources: int
    """Sources those articles come from."""
    last_quoted: datetime
    """The time of the newest article quoting them."""


def names(conn: sqlite3.Connection) -> list[str]:
    """Every person's name as the quotations spell it, the most quoted first."""
    return [
        row[0]
        for row in conn.execute(
            """SELECT person FROM quotes WHERE person IS NOT NULL
               GROUP BY person ORDER BY COUNT(*) DESC, person"""
        )
    ]


_MAPPED = """WITH alias (name, person) AS (
        SELECT key, value FROM json_each(:aliases)
    ), named AS (
        SELECT q.article_id, q.position, COALESCE(alias.person, q.person) AS person
        FROM quotes q LEFT JOIN alias ON alias.name = q.person
        WHERE q.person IS NOT NULL
    )"""
"""Each quotation's person with the aliases applied (``:aliases``: a JSON object)."""


def people(
    conn: sqlite3.Connection,
    aliases: Mapping[str, str],
    *,
    containing: str | None = None,
    limit: int = 50,
) -> list[Person]:
    """People quoted, the most widely quoted first (by articles, then quotations); with
    ``containing``, those whose name contains it (any case)."""
    rows = conn.execute(
        _MAPPED
        + """SELECT n.person, COUNT(*), COUNT(DISTINCT n.article_id),
                    COUNT(DISTINCT a.source_id), MAX(a.sort_key)
             FROM named n JOIN articles a ON a.id = n.article_id
             WHERE :containing IS NULL OR instr(lower(n.person), lower(:containing)) > 0
             GROUP BY n.person
             ORDER BY COUNT(DISTINCT n.article_id) DESC, COUNT(*) DESC, n.person
             LIMIT :limit""",
        {"aliases": json.dumps(dict(aliases)), "containing": containing, "limit": limit},
    )
    return [
        Person(name, quotations, articles, sources, datetime.fromtimestamp(last, UTC))
        for name, quotations, articles, sources, last in rows
    ]


def spellings(aliases: Mapping[str, str], person: str) -> list[str]:
    """The names the quotations give ``person`` (their own, and those merged into it)."""
    return [person, *(name for name, target in aliases.items() if target == person)]
