"""Bylines ("By Jane Roe and John Doe", "By JANE ROE, Associated Press") and datelines."""

from __future__ import annotations

import re

from newsterm.extract.lexicon import PARTICLES

_MAX_BYLINE = 200

_BYLINE = re.compile(r"by[\s:]+(?P<names>\S.*?)[\s.]*", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:[,;|]|\s-\s|\s—\s)\s*")
_AND = re.compile(r"\s+(?:and|&)\s+|\s*&\s*", re.IGNORECASE)
_PLACE_SUFFIX = re.compile(r"\s+(?:in|from)\s+[A-Z][\w .'’-]*$")
_PARTICLES = PARTICLES
_NOT_NAMES = frozenset(
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "the", "a", "an", "staff",
        "writer", "reporter", "correspondent", "editor", "bureau", "associated", "press",
        "reuters", "afp", "ap", "news", "service", "agency", "wire", "times", "post",
        "journal", "guardian", "herald", "tribune", "daily", "chief", "senior", "special",
        "contributor", "columnist", "team", "desk", "staffers", "today", "tomorrow",
        "yesterday", "noon", "now", "then", "this", "that", "far", "contrast",
    ]
)  # fmt: skip
_NAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*|[A-Z]\.|(?:al|el)-[A-Z][\w'’-]*")

_ORG_SUFFIX = re.compile(
    r"[\s,]+(?:the\s+)?(?:associated\s+press|ap|reuters|afp|bloomberg(?:\s+news)?|"
    r"staff\s+writers?|staff)\s*$",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]+")

_DATELINE = re.compile(
    r"""
    (?P<dateline>
      [A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,3}          # LAGOS, NEW YORK, RIO DE JANEIRO
      (?:,\s+[A-Z][A-Za-z.'’-]*(?:\s+[A-Z0-9][A-Za-z0-9.'’-]*){0,3})?   # , Nigeria / , May 3
      (?:\s+\([A-Z][\w .&-]{0,30}\))?                          # (AP) / (Reuters)
    )
    \s*(?:—|–|--|-)\s+
    """,
    re.VERBOSE,
)


def _title_case(name: str) -> str:
    """Turn an all-capitals name ("JANE O'ROE") into "Jane O'Roe"; leave others alone."""
    if name.isascii() and not name.isupper():
        return name  # an ASCII name with a lower-case letter, or none: the usual case, at once
    letters = "".join(filter(str.isalpha, name))
    if letters and all(map(str.isupper, letters)) and len(letters) > 2:
        words = []
        for index, word in enumerate(name.split()):
            if index and word.lower() in _PARTICLES:
                words.append(word.lower())
            else:
                words.append(_LETTERS.sub(lambda m: m.group().capitalize(), word))
        return " ".join(words)
    return name


def clean_name(text: str) -> str | None:
    """Return ``text`` as a person's name if it looks like one ("Jane Roe"), else None."""
    text = text.strip(" .,;:")
    if "in" in text or "from" in text:  # what _PLACE_SUFFIX needs
        text = _PLACE_SUFFIX.sub("", text)
    words = text.split()
    if not 1 <= len(words) <= 5:
        return None
    capitals = 0
    for word in words:
        if word.lower() in _PARTICLES and capitals:
            continue
        if word.lower().strip(".") in _NOT_NAMES or not _NAME_TOKEN.fullmatch(word):
            return None
        capitals += 1
    if capitals == 0 or (len(words) == 1 and len(text) < 3):
        return None
    return _title_case(text)


def parse_byline(paragraph: str) -> list[str] | None:
    """Return the author names of a byline paragraph, or None if it is not a byline.

    An organisation or role after a comma ("By Jane Roe, Associated Press") is dropped.
    """
    text = paragraph.strip()
    if len(text) > _MAX_BYLINE:
        return None
    match = _BYLINE.fullmatch(text)
    if match is None:
        return None
    names: list[str] = []
    listed = _ORG_SUFFIX.sub("", match.group("names"))
    for index, segment in enumerate(_SEPARATORS.split(listed)):
        segment = re.sub(r"^(?:and|&)\s+", "", segment.strip(), flags=re.IGNORECASE)
        if not segment:
            continue
        found = [clean_name(part) for part in _AND.split(segment)]
        if all(found):
            names.extend(n for n in found if n)
        elif index == 0:
            return None
        else:
            break  # an organisation or a role: the names are over
    return list(dict.fromkeys(names)) or None


def find_dateline(paragraph: str) -> str | None:
    """Return the dateline that opens a paragraph ("WASHINGTON (AP)"), or None."""
    match = _DATELINE.match(paragraph[:120])
    return match.group("dateline") if match else None
