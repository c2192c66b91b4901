"""Human formats of dates and counts, shared by the CLI and the app."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_DURATION = re.compile(r"(\d{1,6})([mhdwy])")
_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400, "y": 365 * 86400}


def parse_duration(text: str) -> float | None:
    """Seconds in a duration such as "30m", "2h", "30d", "1w" or "1y" (None if it is not one):
    ``age:`` in queries and the schedule and retention settings of feeds.toml."""
    found = _DURATION.fullmatch(text.strip().lower())
    return None if found is None else float(int(found.group(1)) * _SECONDS[found.group(2)])


def current() -> datetime:
    """The time now: the one place the app and the CLI read the clock for dates they show
    (tests replace it with a fixed moment)."""
    return datetime.now(UTC)


def relative(value: datetime | None, now: datetime | None = None) -> str:
    """A short relative date: "now", "5m", "3h", "2d", else "12 Mar" or "12 Mar 2024"."""
    if value is None:
        return ""
    now = now or current()
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    seconds = (now - value).total_seconds()
    if -60 < seconds < 60:
        return "now"
    if 0 < seconds < 3600:
        return f"{int(seconds // 60)}m"
    if 0 < seconds < 86400:
        return f"{int(seconds // 3600)}h"
    if 0 < seconds < 7 * 86400:
        return f"{int(seconds // 86400)}d"
    local = value.astimezone()
    if local.year == now.astimezone().year:
        return local.strftime("%d %b")
    return local.strftime("%d %b %Y")


def full(value: datetime | None) -> str:
    """A full local date and time, e.g. "Tue 3 Mar 2026, 14:05"."""
    if value is None:
        return ""
    local = value.astimezone()
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M}"


def counted(count: int, noun: str) -> str:
    """``1 source``, ``2 sources``, ``10,000 articles``: a count with its noun (plural by a
    final s)."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"
