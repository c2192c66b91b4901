"""What to search while a query is being typed: its last word as a prefix, from its first
letter (the index keeps every term's first 1, 2 and 3 letters, so ``h*`` reads one list:
store/db.py ``_FTS_PREFIXES``)."""

from __future__ import annotations

import re

_LAST_WORD = re.compile(r"(?:^|(?<=[\s(]))(?:title:)?(\w+)$")
"""A bare word (or ``title:`` word) at the end of what is typed, still being typed."""
_OPERATORS = {"and", "or", "not"}


def as_typed(text: str) -> str:
    """The query to search for ``text`` as typed so far: a last word still being typed
    becomes a prefix (``harbour t`` -> ``harbour t*``); anything else is searched as it is."""
    query = text.strip()
    if text != text.rstrip() or query.count('"') % 2:
        return query  # a finished word, or a phrase still open
    found = _LAST_WORD.search(query)
    if found is None or found.group(1).lower() in _OPERATORS:
        return query
    return query + "*"
