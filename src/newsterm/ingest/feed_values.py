"""Values both feed parsers read the same way: dates (RFC 822, ISO 8601), RSS authors, links
made absolute, an Atom id that is a link."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parseaddr, parsedate_to_datetime
from urllib.parse import urljoin


def resolve(base: str, href: str) -> str:
    """``href`` made absolute against ``base`` (absolute http(s) URLs are kept as written)."""
    href = href.strip()
    if not href or href.lower().startswith(("http://", "https://")):
        return href
    return urljoin(base, href)


_RFC822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]\d{3}) (\d\d):(\d\d):(\d\d) "
    r"(?:([+-])(\d\d)(\d\d)|GMT|UTC?)"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _usual_date(text: str) -> datetime | None:
    """The two forms nearly every feed writes (``Sat, 01 Jun 2024 11:55:00 +0000``, ISO 8601
    ``2024-06-01T09:14:00Z``) read directly (``parse_date`` then costs half as much), with
    the general path's result; None for any other text or value (the general path decides).
    An ISO day is never a date ``email.utils`` reads (it needs a month's name), so reading it
    first changes nothing; a year under 1000 is left to it (it reads ``0024`` as 2024)."""
    try:
        if match := _RFC822.fullmatch(text):
            day, month, year, hour, minute, second, sign, hours, minutes = match.groups()
            zone = UTC
            if sign is not None and (hours != "00" or minutes != "00"):
                offset = timedelta(hours=int(hours), minutes=int(minutes))
                zone = timezone(-offset if sign == "-" else offset)
            return datetime(
                int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second), 0, zone
            )
        if _ISO_DAY.match(text):
            return datetime.fromisoformat(text)
    except ValueError:
        pass
    return None


def parse_date(text: str) -> datetime | None:
    """An RFC 822 or ISO 8601 date as an aware UTC datetime, or None."""
    text = text.strip()
    if not text:
        return None
    value = _usual_date(text)
    if value is None:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            try:
                value = datetime.fromisoformat(text)
            except ValueError:
                return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:  # to the second, as feedparser reads dates
        return value.astimezone(UTC).replace(microsecond=0)
    except (OverflowError, ValueError):
        return None


def parse_person(text: str) -> tuple[str, str]:
    """An RSS author as written ("mail (Name)", "Name <mail>", "Name" or "mail")."""
    text = " ".join(text.split())
    if match := re.fullmatch(r"(\S+@\S+)\s*\((.*)\)", text):
        return match.group(2).strip(), match.group(1)
    if match := re.fullmatch(r"(.*?)\s*\((\S+@\S+)\)", text):
        return match.group(1).strip(), match.group(2)
    if "<" in text and "@" in text:
        name, email = parseaddr(text)
        if email:
            return name.strip(), email
    if re.fullmatch(r"\S+@\S+\.\w+", text):
        return "", text
    return text, ""


def id_as_link(ident: str) -> str:
    """An Atom id that is an http(s) URL serves as the link of an entry that has none."""
    return ident if ident.lower().startswith(("http://", "https://")) else ""
