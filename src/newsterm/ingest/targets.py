"""What a CLI argument names: a feed URL or an article file or folder, checked before anything
changes."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from newsterm import paths
from newsterm.errors import UsageError

FEED_SCHEMES = ("http", "https")
MAX_URL_LENGTH = 8192
"""Longest feed URL accepted (HTTP libraries refuse 64 KiB)."""

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


_HOST_LIKE = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[:/]|$)", re.I)
"""A scheme-less address ("example.com/feed.xml"), as opposed to a file name."""


def is_url(target: str) -> bool:
    """Whether a CLI argument names a URL (any scheme) rather than an existing path."""
    return bool(_SCHEME.match(target)) and not paths.exists(Path(target))


def check_feed_url(url: str) -> str:
    """Validate a feed URL: http or https with a host. ``feed://`` becomes ``https://``."""
    url = url.strip()
    if url.lower().startswith("feed://"):
        url = "https://" + url[len("feed://") :]
    elif url.lower().startswith("feed:"):
        url = url[len("feed:") :]
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[x": an unclosed IPv6 address
        raise UsageError(f"{url}: not a valid URL") from None
    if parts.scheme.lower() not in FEED_SCHEMES:
        raise UsageError(f"{url}: only http and https feeds are supported")
    if len(url) > MAX_URL_LENGTH:
        raise UsageError(f"{url[:100]}…: longer than {MAX_URL_LENGTH} characters")
    if not parts.hostname or any(c.isspace() or ord(c) < 32 for c in url):
        raise UsageError(f"{url}: not a valid URL")
    return url


def check_article_path(target: str) -> Path:
    """Validate an article file or folder path and make it absolute."""
    from newsterm.ingest import files

    try:
        path = Path(target).expanduser().resolve(strict=True)
    except FileNotFoundError:
        if _HOST_LIKE.match(target):
            raise UsageError(
                f"{target}: no such file or folder; for a feed, give its address with the "
                f"scheme: newsterm add https://{target}"
            ) from None
        raise UsageError(f"{target}: no such file or folder") from None
    except OSError as exc:
        raise UsageError(f"{target}: cannot use this path: {paths.reason(exc)}") from None
    except (RuntimeError, ValueError) as exc:  # a symlink loop; a NUL byte
        raise UsageError(f"{target!r}: cannot use this path: {exc}") from None
    if path.is_file():
        if not files.is_article_file(path) and not files.is_feed_file(path):
            kinds = ", ".join(sorted(files.ARTICLE_SUFFIXES | files.FEED_SUFFIXES))
            raise UsageError(f"{target}: unsupported file type (newsterm reads {kinds})")
    elif not path.is_dir():
        raise UsageError(f"{target}: not a regular file or folder")
    return path
