"""Score ``newsterm.extract.pipeline`` against the labelled article set.

Shared by ``tests/test_extract_labelled.py`` and ``bench/analysis.py``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsterm.analysis import Analysis, Contact
from newsterm.extract import analyse
from newsterm.extract.text import decode, parse_article_text

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"

_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def normalise(text: str) -> str:
    """Quote text for matching: one kind of apostrophe, no edge punctuation, lower case."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _PUNCT.sub("", " ".join(text.split())).casefold()


def speaker_key(speaker: str | None) -> str:
    return normalise(speaker or "")


def contact_key(contact: Contact | dict[str, Any]) -> tuple[str, str, str, str]:
    if isinstance(contact, Contact):
        fields = (contact.name, contact.email, contact.url, contact.handle)
    else:
        fields = (contact["name"], contact["email"], contact["url"], contact["handle"])
    return tuple((f or "").casefold() for f in fields)  # type: ignore[return-value]


def load(name: str) -> tuple[Analysis, dict[str, Any]]:
    """Analyse one fixture article and load its expectations."""
    title, paragraphs = parse_article_text(decode((ARTICLES / f"{name}.txt").read_bytes()))
    expected = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))
    return analyse(title, paragraphs), expected


def names() -> list[str]:
    return sorted(p.stem for p in ARTICLES.glob("*.txt"))


@dataclass
class Scores:
    """Totals over the labelled set."""

    articles: int = 0
    expected_quotes: int = 0
    found_quotes: int = 0
    matched: int = 0
    speakers_right: int = 0
    paragraphs_right: int = 0
    fragments_right: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found_quotes if self.found_quotes else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected_quotes if self.expected_quotes else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.matched if self.matched else 1.0

    def lines(self) -> list[str]:
        return [
            f"articles: {self.articles}",
            f"quotations: expected {self.expected_quotes}, found {self.found_quotes}, "
            f"matched {self.matched}",
            f"quotation precision: {self.precision:.3f}",
            f"quotation recall: {self.recall:.3f}",
            f"speaker accuracy: {self.speaker_accuracy:.3f}",
            f"paragraph index accuracy: {self.paragraphs_right / max(1, self.matched):.3f}",
            f"fragment flag accuracy: {self.fragments_right / max(1, self.matched):.3f}",
            f"other problems (authors, contacts, boilerplate, title): {len(self.problems)}",
        ]


def score_article(name: str, scores: Scores) -> None:
    """Add one article's results to ``scores`` and record any exact-match problems."""
    result, expected = load(name)
    scores.articles += 1
    wanted = {normalise(q["text"]): q for q in expected["quotes"]}
    scores.expected_quotes += len(wanted)
    scores.found_quotes += len(result.quotes)
    for quote in result.quotes:
        want = wanted.pop(normalise(quote.text), None)
        if want is None:
            scores.problems.append(f"{name}: unexpected quote {quote.text[:50]!r}")
            continue
        scores.matched += 1
        if speaker_key(quote.speaker) == speaker_key(want["speaker"]):
            scores.speakers_right += 1
        else:
            scores.problems.append(
                f"{name}: speaker {quote.speaker!r} != {want['speaker']!r} ({quote.text[:30]!r})"
            )
        scores.paragraphs_right += quote.paragraph == want["paragraph"]
        scores.fragments_right += quote.fragment == want["fragment"]
    for text in wanted:
        scores.problems.append(f"{name}: missed quote {text[:50]!r}")
    if result.title != expected["title"]:
        scores.problems.append(f"{name}: title {result.title!r}")
    if result.authors != expected["authors"]:
        scores.problems.append(f"{name}: authors {result.authors} != {expected['authors']}")
    got = sorted(contact_key(c) for c in result.contacts)
    want_contacts = sorted(contact_key(c) for c in expected["contacts"])
    if got != want_contacts:
        scores.problems.append(f"{name}: contacts {got} != {want_contacts}")
    for line in expected["boilerplate"]:
        if any(line.strip() in p for p in result.paragraphs):
            scores.problems.append(f"{name}: boilerplate left: {line[:50]!r}")
    if "credits" in expected and result.credits != expected["credits"]:
        scores.problems.append(f"{name}: credits {result.credits} != {expected['credits']}")
    if "dateline" in expected and result.dateline != expected["dateline"]:
        scores.problems.append(f"{name}: dateline {result.dateline!r}")


def score_all() -> Scores:
    scores = Scores()
    for name in names():
        score_article(name, scores)
    return scores
