"""Links from feeds are untrusted: only http, https and mailto ever reach the system's handler."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f]")
_EMAIL = re.compile(r"^[^@\s<>\"'`]+@[^@\s<>\"'`]+\.[^@\s<>\"'`]+$")


def safe_url(url: str | None) -> str | None:
    """``url`` if it may be opened (http/https with a host, or mailto), else None."""
    if not url:
        return None
    url = url.strip()
    if _UNSAFE_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES:
        return None
    if scheme in ("http", "https") and not parts.hostname:
        return None
    if scheme == "mailto" and not parts.path:
        return None
    return url


def mailto(address: str | None) -> str | None:
    """A mailto: link for a plain e-mail address, or None if it does not look like one."""
    if not address or not _EMAIL.match(address.strip()):
        return None
    return "mailto:" + quote(address.strip(), safe="@.+-_")


def open_in_browser(url: str) -> bool:
    """Hand a safe URL to the system's handler (``webbrowser``, never a shell)."""
    checked = safe_url(url)
    if checked is None:
        return False
    import webbrowser

    return webbrowser.open(checked, new=2)
