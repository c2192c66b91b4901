"""What to search while a query is being typed: its last word as a prefix, once it is long
enough that the prefix does not match most of the cache."""

from __future__ import annotations

import re

MIN_PREFIX = 3
"""Letters a word needs before it is searched as a prefix while typing: one or two letters
match most articles (``h*``: 99,000 of 100,000), three already narrow them."""

_LAST_WORD = re.compile(r"(?:^|(?<=[\s(]))(?:title:)?(\w+)$")
"""A bare word (or ``title:`` word) at the end of what is typed, still being typed."""
_OPERATORS = {"and", "or", "not"}


def as_typed(text: str) -> tuple[str, bool]:
    """The query to search for ``text`` as typed so far, and whether a short last word was
    left out (so the field can say why it is not searched yet). A last word of
    ``MIN_PREFIX`` letters or more becomes a prefix (``harb`` -> ``harb*``); a shorter one is
    left out (``harbour t`` -> ``harbour``); anything else is searched as it is."""
    query = text.strip()
    if text != text.rstrip() or query.count('"') % 2:
        return query, False  # a finished word, or a phrase still open
    found = _LAST_WORD.search(query)
    if found is None or found.group(1).lower() in _OPERATORS:
        return query, False
    if len(found.group(1)) >= MIN_PREFIX:
        return query + "*", False
    return query[: found.start()].strip(), True
