"""A learned second opinion on page furniture at the head and tail of an article's body.

The rules in ``boilerplate`` decide first; this model (a logistic regression over cheap shape
features, trained by ``scripts/train_furniture.py`` on the hand-labelled real articles) then
looks at the body's head and tail only: the paragraphs above the first and below the last one it
is confident is story, and drops those among them it is confident are furniture. The weights are
numbers and hashed buckets in ``furniture_weights``; no publisher text ships.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Collection, Sequence
from itertools import repeat
from operator import itemgetter, mul

from newsterm.extract import furniture_weights as shipped
from newsterm.extract.given_names import GIVEN_NAMES
from newsterm.extract.lexicon import MONTHS, OPENING_QUOTES, words

_SAYING = words(
    "said says say told tells according added adds explained explains noted notes wrote writes"
    " asked asks stated states announced announces recalled"
)
_CUES = {
    "photo": ("photo", "photograph", "image", "picture", "getty", "credit", "caption"),
    "read": ("read", "see", "watch", "listen", "more", "related", "recommended", "also"),
    "social": ("follow", "share", "sign", "subscribe", "newsletter", "email", "tweet", "like"),
    "legal": ("copyright", "©", "all rights", "reprint", "terms", "privacy", "cookie"),
    "advert": ("advert", "advertisement", "sponsored", "promoted", "ad"),
    "tags": ("tags", "topics", "filed", "posted", "category", "categories", "source"),
}
_CUE_OF = {word: cue for cue, cue_words in _CUES.items() for word in cue_words}
_NUMBERED = re.compile(r"\d{1,2}[.)] ")
_URL = re.compile(r"https?://|www\.|\.com\b|\.org\b|\.co\.uk\b")
_URL_PARTS = ("http", "www.", ".co", ".org")
"""Every ``_URL`` match holds one of these: the cheap test before the regex."""
_EMAIL = re.compile(r"\S@\S+\.\w")
_HANDLE = re.compile(r"(?:^|\s)@\w")
_SHAPES = ("|", "»", "©", "•", "·", "→", ">>", "▶")
_QUOTES = (*OPENING_QUOTES, "”")
_ENDS = (".", "?", "!", "”", '"', "’", ".)", "…")
_CROSSED = (
    "ends",
    "short",
    "medium",
    "title_case",
    "caps_share",
    "list_item",
    "digits",
    "saying",
    "quotes",
    "colon_end",
    "upper",
)
"""Features also taken apart when the paragraph is among the first or last three."""
_CROSSED_NAMES = {zone: tuple((n, f"{zone}_{n}") for n in _CROSSED) for zone in ("top3", "bottom3")}
_STRIP_SAYING = '.,:;”"'
_FIRST = itemgetter(0)
_SIDES = tuple(
    (step, f"{side}_log_words", f"{side}_ends", f"{side}_none")
    for side, step in (("prev", -1), ("next", 1))
)
BUCKETS = 0
"""Hashed buckets of a paragraph's first word, lower-cased (crc32: the same on every run)."""


def _bucket(text: str) -> str:
    return f"w{zlib.crc32(text.encode('utf-8')) % BUCKETS}"


def _shape(paragraph: str) -> dict[str, float]:
    """Features of one paragraph alone."""
    tokens = paragraph.split()
    count = len(tokens)
    letters = list(filter(str.isalpha, map(_FIRST, tokens)))  # each word's first letter
    capitals = sum(map(str.isupper, letters))
    lowered = [t.strip(".,:;!?()[]“”\"'’‘").casefold() for t in tokens[:4]]
    stripped = paragraph.rstrip()
    ends = stripped.endswith(_ENDS)
    found: dict[str, float] = {
        "bias": 1.0,
        "log_words": math.log1p(count),
        "log_chars": math.log1p(len(paragraph)) / 2,
        "ends": float(ends),
        "short": float(count <= 4),
        "medium": float(4 < count <= 12),
        "caps_share": capitals / len(letters) if letters else 0.0,
        "digits": float(any(map(str.isdigit, paragraph))),
        "quotes": float(any(q in paragraph for q in _QUOTES)),
        "saying": float(
            not _SAYING.isdisjoint(map(str.casefold, map(str.strip, tokens, repeat(_STRIP_SAYING))))
        ),
        "upper": float(paragraph.isupper()),
        "shape": float(any(s in paragraph for s in _SHAPES)),
        "url": float(
            any(part in paragraph for part in _URL_PARTS) and _URL.search(paragraph) is not None
        ),
        "email": float("@" in paragraph and _EMAIL.search(paragraph) is not None),
        "handle": float("@" in paragraph and _HANDLE.search(paragraph) is not None),
        "colon_end": float(stripped.endswith(":")),
        "colon_head": float(":" in " ".join(tokens[:3])),
        "title_case": float(
            not ends and 2 <= count <= 15 and bool(letters) and capitals >= 0.6 * len(letters)
        ),
        "list_item": float(
            paragraph.startswith(("- ", "• ", "* ", "– ")) or _NUMBERED.match(paragraph) is not None
        ),
        "table": float(paragraph.startswith("|")),
        "lone_name": float(
            2 <= count <= 3 and not ends and bool(lowered) and lowered[0] in GIVEN_NAMES
        ),
    }
    for word in lowered[:2]:
        cue = _CUE_OF.get(word)
        if cue is not None:
            found[f"cue_{cue}"] = 1.0
    if BUCKETS and lowered:
        found[_bucket(lowered[0])] = 1.0
    return found


def _lead(paragraph: str) -> str:
    """The shape of a paragraph's opening: its first character's class, and a month's name."""
    first = paragraph[:1]
    if first.isdigit():
        return "digit"
    if first.isalpha():
        word = paragraph.split(maxsplit=1)[0].strip(".").casefold()
        return "month" if word in MONTHS else ""
    return first


def features(paragraphs: Sequence[str], index: int) -> dict[str, float]:
    """The features of ``paragraphs[index]``: its shape, its place and its neighbours'."""
    found = _shape(paragraphs[index])
    size = len(paragraphs)
    found["from_top"] = index / size
    found["from_bottom"] = (size - 1 - index) / size
    found["first"] = float(index == 0)
    found["last"] = float(index == size - 1)
    found["top3"] = float(index < 3)
    found["bottom3"] = float(size - 1 - index < 3)
    for zone, crossed in _CROSSED_NAMES.items():
        if found[zone]:
            for name, taken_apart in crossed:
                found[taken_apart] = found[name]  # every crossed feature is a shape's
    head = _lead(paragraphs[index])
    for step, log_words, ends, none in _SIDES:
        at = index + step
        if 0 <= at < size:
            neighbour = paragraphs[at]
            if head and _lead(neighbour) == head:
                found["same_lead"] = 1.0  # an item of a list: its neighbour opens alike
            found[log_words] = math.log1p(len(neighbour.split()))
            found[ends] = float(neighbour.rstrip().endswith(_ENDS))
        else:
            found[none] = 1.0
    return found


def furniture_probability(found: dict[str, float], weights: dict[str, float]) -> float:
    """The model's probability that a paragraph with these features is furniture."""
    total = sum(map(mul, found.values(), map(weights.get, found, repeat(0.0))))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def chances(paragraphs: Sequence[str], weights: dict[str, float]) -> list[float]:
    """Each paragraph's probability of being furniture."""
    return [furniture_probability(features(paragraphs, i), weights) for i in range(len(paragraphs))]


SMALLEST = 5
"""A body of fewer paragraphs is left as the rules leave it."""


def _listed(found: dict[str, float]) -> bool:
    """An item of a list or a table's row: the story's own, as often as the page's."""
    return "list_item" in found and bool(
        found["list_item"] or found["table"] or found.get("same_lead")
    )


def furniture_places(
    paragraphs: Sequence[str],
    weights: dict[str, float],
    *,
    drop_above: float,
    body_below: float,
    most: float = 1.0,
    head: bool = True,
    longest: int = 1000,
) -> set[int]:
    """The places of the head's and tail's paragraphs the model takes for furniture: those above
    ``drop_above`` before the first (unless ``head`` is false) and after the last paragraph
    below ``body_below``, of ``longest`` words at most and no list's item; none when they would
    be more than ``most`` of the paragraphs, or the body has fewer than ``SMALLEST``."""
    size = len(paragraphs)
    if size < SMALLEST:
        return set()
    found: dict[int, dict[str, float]] = {}
    chance: dict[int, float] = {}

    def story(index: int) -> bool:  # the features of the head and tail only: they cost
        found[index] = features(paragraphs, index)
        chance[index] = furniture_probability(found[index], weights)
        return chance[index] < body_below

    first = next((i for i in range(size) if story(i)), None)
    if first is None:
        return set()
    last = next(i for i in range(size - 1, first - 1, -1) if i == first or story(i))
    edges = [*range(first if head else 0), *range(last + 1, size)]
    places = {
        i
        for i in edges
        if chance[i] > drop_above
        and not _listed(found[i])
        and len(paragraphs[i].split()) <= longest
    }
    return places if len(places) <= max(1, most * size) else set()


def drop_furniture(paragraphs: list[str], spared: Collection[str] = ()) -> list[str]:
    """The body without the head and tail paragraphs the shipped model takes for furniture,
    except the ``spared`` lines (those the rules keep on purpose)."""
    places = furniture_places(
        paragraphs,
        shipped.WEIGHTS,
        drop_above=shipped.DROP_ABOVE,
        body_below=shipped.BODY_BELOW,
        most=shipped.MOST,
        head=shipped.HEAD,
        longest=shipped.LONGEST,
    )
    places = {i for i in places if paragraphs[i] not in spared}
    if not places:
        return paragraphs
    return [p for i, p in enumerate(paragraphs) if i not in places]
