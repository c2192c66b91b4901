"""How the cache keeps values in its columns: times as UTC epoch seconds, a body's paragraphs
joined by one separator, and the columns of an article's list row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from newsterm.models import ArticleSummary

PARAGRAPH_SEPARATOR = "\n\n"


def to_timestamp(value: datetime | None) -> float | None:
    """A datetime as UTC epoch seconds (naive datetimes are taken as UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def from_timestamp(value: float | None) -> datetime | None:
    """UTC epoch seconds as an aware datetime."""
    return None if value is None else datetime.fromtimestamp(value, UTC)


SUMMARY_COLUMNS = """
    a.id, a.source_id, COALESCE(s.title, s.location), a.title, a.published, a.read, a.starred,
    a.gone
"""


def summary_row(row: Sequence[Any]) -> ArticleSummary:
    """An article's list row from its ``SUMMARY_COLUMNS``."""
    return ArticleSummary(
        id=row[0],
        source_id=row[1],
        source_title=row[2],
        title=row[3],
        published=from_timestamp(row[4]),
        read=bool(row[5]),
        starred=bool(row[6]),
        gone=bool(row[7]),
    )
