"""Which links newsterm will hand to the system: http, https and clean mailto only.

Links come from feeds and files, so they are hostile until checked. Nothing here runs a
shell; callers pass the checked URL to ``webbrowser``.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit

_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
    r"[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f]")
MAX_URL_LENGTH = 2048


def is_valid_email(address: str) -> bool:
    """Whether ``address`` is a plain e-mail address (no display name, no headers)."""
    return len(address) <= 254 and bool(_EMAIL.match(address))


def mailto(address: str | None) -> str | None:
    """A mailto: URL for a plain address, or None if the address is not valid."""
    if not address:
        return None
    address = address.strip()
    return f"mailto:{quote(address, safe='@')}" if is_valid_email(address) else None


def safe_url(url: str | None) -> str | None:
    """The URL if it may be opened, else None.

    Allowed: http and https with a host, and mailto with one valid address; query parts of a
    mailto (``?bcc=``, ``&body=``) are dropped so a link cannot add recipients or text. URLs
    that start with ``-`` or hold whitespace or control characters are refused.
    """
    if not url or len(url) > MAX_URL_LENGTH or url.startswith("-") or _UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return url if parts.hostname else None
    if scheme == "mailto":
        address = unquote(parts.path)
        if _UNSAFE.search(address) or "," in address:
            return None
        return mailto(address)
    return None


def open_in_browser(url: str | None) -> bool:
    """Hand a safe URL to the system's handler (``webbrowser``, never a shell).

    False when the URL is refused or nothing could open it (no browser or mail program, as on
    a server or in a container): the caller then says so instead of claiming it opened.
    """
    checked = safe_url(url)
    if checked is None:
        return False
    import webbrowser

    try:
        return webbrowser.open(checked, new=2)
    except (webbrowser.Error, OSError):
        return False
