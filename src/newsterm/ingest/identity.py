"""An article's identity within its feed, computed from the values the feed wrote.

Every parser hands over the raw id as written (an RSS ``<guid>``, an Atom ``<id>``, an RDF
``rdf:about``, a JSON Feed ``id``): never resolved against the feed URL or ``xml:base``, never
rewritten. :func:`article_identity` is the one function that turns those values into the
``guid`` a cache keys articles by, so the fast path and feedparser agree by construction. The
last resort, a content hash, is taken over the text both paths make of the markup as written
(feedparser's sanitiser is off), so it does not depend on the parser either.

Until issue 15 feedparser resolved a relative id (``12345``, ``t3_abc``) against the feed URL;
:func:`legacy_identities` names that older form, so a cache that stored it keeps matching the
article instead of adding it again (:func:`known_identity`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urljoin

from newsterm.analysis import RawArticle

_ABSOLUTE_SCHEMES = ("http://", "https://")
_EXTRA_SLASHES = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")


def article_identity(raw_id: str, link: str, title: str, date_text: str, digest: str) -> str:
    """The identity of an item: its id as written, else its link, else title and date, else
    ``sha256:`` and the digest of its content. All arguments are already sanitised text."""
    return raw_id or link or f"{title} {date_text}".strip() or f"sha256:{digest}"


def legacy_identities(identity: str, feed_url: str) -> list[str]:
    """Other forms an older newsterm may have stored for ``identity`` (feedparser's resolution
    of a relative id against the feed URL), most likely first; empty when there are none."""
    if not identity or not feed_url:
        return []
    try:  # what feedparser's _urljoin did (absolute ids, urn: and tag: come back unchanged)
        resolved = urljoin(feed_url, _EXTRA_SLASHES.sub(r"\1\3", identity))
    except ValueError:
        return []
    return [resolved] if resolved != identity and resolved.startswith(_ABSOLUTE_SCHEMES) else []


def known_identity(article: RawArticle, feed_url: str, known: Mapping[str, str]) -> str:
    """The identity under which the cache (``known``: guid -> content hash) already holds
    ``article``: its own when known or new, else the first known legacy form, else its link
    (the identity before the fast path read ``<atom:id>`` inside RSS items)."""
    if article.guid in known or not known:
        return article.guid
    for legacy in legacy_identities(article.guid, feed_url):
        if legacy in known:
            return legacy
    if article.url and article.url in known:
        return article.url
    return article.guid


def keep_richer(articles: list[RawArticle]) -> list[RawArticle]:
    """One article per identity, in feed order: of two items sharing an identity (a link,
    with no id), the one with the longer body wins, the first on a tie."""
    chosen: dict[str, int] = {}
    out: list[RawArticle] = []
    for article in articles:
        index = chosen.get(article.guid)
        if index is None:
            chosen[article.guid] = len(out)
            out.append(article)
        elif _size(article) > _size(out[index]):
            out[index] = article
    return out


def _size(article: RawArticle) -> int:
    return sum(len(p) for p in article.paragraphs)
