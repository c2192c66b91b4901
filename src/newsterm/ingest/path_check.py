"""Read one feed through both parsers and list where they disagree (tests, corpus_check).

The fast path and feedparser must give every item the same identity, title, link, date,
authors and body; a difference is a bug or one of the documented choices in
docs/architecture.md ("Two parsers, one reading").
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from newsterm.analysis import RawArticle
from newsterm.ingest.feed_bytes import fast_bytes
from newsterm.ingest.feed_fast import parse_xml
from newsterm.ingest.feed_item import item_to_article
from newsterm.ingest.feed_model import NotAFeed
from newsterm.ingest.feed_parse import parse_with_feedparser
from newsterm.ingest.identity import keep_richer
from newsterm.ingest.safexml import guard_xml

FIELDS = ("identity", "title", "link", "date", "authors", "body")


@dataclass(slots=True)
class PathComparison:
    """What each path made of one feed."""

    fast: list[RawArticle] | None
    """The fast path's articles, or None when it could not read the feed."""
    slow: list[RawArticle]
    differences: list[tuple[str, int, str, str]] = field(default_factory=list)
    """(field, item index, fast value, feedparser value); field "items" for a count."""

    def fields(self) -> set[str]:
        """The fields that differ somewhere."""
        return {name for name, *_ in self.differences}


def _values(article: RawArticle) -> dict[str, str]:
    return {
        "identity": article.guid,
        "title": article.title,
        "link": article.url or "",
        "date": article.published.isoformat() if article.published else "",
        "authors": " | ".join(article.authors),
        "body": "\n".join(article.paragraphs),
    }


def compare_paths(data: bytes, url: str, content_type: str = "") -> PathComparison:
    """Parse ``data`` with the fast XML path (when it can) and with feedparser, and compare.

    Raises UnsafeXml as :func:`guard_xml` does, and NotAFeed when feedparser finds no feed.
    """
    data = guard_xml(data)
    slow = keep_richer(
        [item_to_article(i, url) for i in parse_with_feedparser(data, url, content_type).items]
    )
    fast_data = fast_bytes(data, content_type)
    fast: list[RawArticle] | None = None
    if fast_data is not None:
        try:
            fast = keep_richer([item_to_article(i, url) for i in parse_xml(fast_data, url).items])
        except (ET.ParseError, NotAFeed, LookupError, ValueError):
            fast = None
    result = PathComparison(fast, slow)
    if fast is None:
        return result
    if len(fast) != len(slow):
        result.differences.append(("items", -1, str(len(fast)), str(len(slow))))
    for index, (a, b) in enumerate(zip(fast, slow, strict=False)):
        mine, theirs = _values(a), _values(b)
        for name in FIELDS:
            if mine[name] != theirs[name]:
                result.differences.append((name, index, mine[name][:200], theirs[name][:200]))
    return result
