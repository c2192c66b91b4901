"""A Google Reader item read: its article (sanitised, without paragraphs yet) and HTML, and
its read and starred state from its categories."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from newsterm.analysis import RawArticle

MAX_HTML = 2_000_000
"""Characters of an item's HTML kept (a body keeps at most 500,000 of text)."""


def item_article(item: dict[str, Any]) -> tuple[RawArticle, str]:
    """A Google Reader item as a sanitised RawArticle without paragraphs (its title, link and
    authors cleaned as a feed item's), and its HTML (at most ``MAX_HTML`` characters) to turn
    into them later (``store.sync_html``). Its identity is the item id; its content hash
    covers the HTML."""
    from newsterm.ingest.feed_item import bylines, clean_link, clean_title, untitled

    link, url = clean_link(
        _first_href(item.get("canonical")) or _first_href(item.get("alternate")), ""
    )
    body = item.get("summary") or item.get("content") or {}
    content = body.get("content", "") if isinstance(body, dict) else ""
    html = content[:MAX_HTML] if isinstance(content, str) else ""
    published = item.get("published")
    when = (
        datetime.fromtimestamp(published, UTC)
        if isinstance(published, (int, float)) and 0 < published < 1e11  # (a tuple: no union)
        else None
    )
    author = item.get("author")
    authors = bylines([(author, "")]) if isinstance(author, str) and author else []
    title = clean_title(str(item.get("title") or ""), True)
    hashed = "\n".join((title, link, html, "\x00", *authors)) + "\n"  # each part and "\n"
    return (
        RawArticle(
            guid=str(item.get("id", "")),
            title=title or untitled(html, is_html=True),
            paragraphs=[],
            url=url,
            published=when,
            authors=authors,
            content_hash=hashlib.sha256(hashed.encode("utf-8", "surrogatepass")).hexdigest(),
        ),
        html,
    )


def _first_href(value: Any) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        href = value[0].get("href")
        return href if isinstance(href, str) else ""
    return ""


READ_FLAG, STARRED_FLAG = 1, 2
UNKNOWN_STATE = -1
"""An item whose categories do not say its state (no reading-list state among them)."""


def item_state(item: dict[str, Any]) -> int:
    """An item's read and starred state from its categories (``READ_FLAG | STARRED_FLAG``;
    servers write the user as ``-`` or as a number), or ``UNKNOWN_STATE``."""
    categories = item.get("categories")
    if not isinstance(categories, list):
        return UNKNOWN_STATE
    try:  # one search in the joined categories: each one's end, or the whole
        joined = "\n" + "\n".join(categories) + "\n"
    except TypeError:
        joined = ""
    if joined.count("\n") == len(categories) + 1:  # no category holds a line break
        if not _holds(joined, "reading-list"):
            return UNKNOWN_STATE
        return _holds(joined, "read") * READ_FLAG | _holds(joined, "starred") * STARRED_FLAG
    states = {c.rpartition("/state/")[2] for c in categories if isinstance(c, str)}
    if "com.google/reading-list" not in states:
        return UNKNOWN_STATE
    read = "com.google/read" in states
    return read * READ_FLAG | ("com.google/starred" in states) * STARRED_FLAG


_STATE_ENDS = {
    name: (f"/state/com.google/{name}\n", f"\ncom.google/{name}\n")
    for name in ("reading-list", "read", "starred")
}


def _holds(joined: str, name: str) -> bool:
    """Whether categories joined by line breaks (one at each end) hold this state."""
    after_state, whole = _STATE_ENDS[name]
    return after_state in joined or whole in joined
