"""Find the feeds an HTML page advertises with ``<link rel="alternate" type="...">``."""

from __future__ import annotations

import contextlib
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from newsterm.extract.text import decode, sanitize_line

FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "text/xml",
    "application/xml",
}
SCAN_LIMIT = 512 * 1024
"""Only the start of a page is read: feed links sit in its <head>."""


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base = ""
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: (v or "") for k, v in attrs}
        if tag == "base" and not self.base:
            self.base = values.get("href", "").strip()
        if tag not in ("link", "a"):
            return
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        href = values.get("href", "").strip()
        if "alternate" in rels and kind in FEED_TYPES and href:
            self.found.append(href)


def discover_feeds(body: bytes, page_url: str) -> list[str]:
    """The absolute http(s) feed URLs a page links to, in page order, without duplicates."""
    parser = _Links()
    with contextlib.suppress(AssertionError, ValueError):
        parser.feed(decode(body[:SCAN_LIMIT]))
    base = urljoin(page_url, parser.base) if parser.base else page_url
    urls: list[str] = []
    for href in parser.found:
        url = sanitize_line(urljoin(base, href), 2000)
        if urlsplit(url).scheme.lower() in ("http", "https") and url not in urls:
            urls.append(url)
    return urls
