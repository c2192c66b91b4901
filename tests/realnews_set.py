"""The labelled real news set: article files built at test time from ``../shared/realnews/aeb``.

``tests/fixtures/realnews/labels.json`` holds, per benchmark page, only short anchors (the
pages are their publishers' copyright and stay in the shared folder): the byline and trailer
lines the page prints (found in the page by their first words), the authors and e-mails, each
quotation by its first words and its length in words with its speaker and fragment flag, and
the first words of the first and last body paragraphs.

Two things are scored:

- the **article file** (headline, byline lines, the benchmark's true body, trailer lines), read
  as a saved ``.txt`` article is read: quotations, speakers, authors and contacts;
- the **page** itself, through newsterm's one main-text extractor and the analysis: the first
  and last body paragraphs and the furniture lines left (paragraphs that are mostly not in the
  true body and are not byline or trailer lines).

Shared by ``scripts/score_realnews.py`` and ``tests/test_realnews.py``.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from newsterm.analysis import Analysis, Quote
from newsterm.extract import analyse
from newsterm.extract.fulltext import text_blocks
from newsterm.extract.html import html_to_text
from newsterm.extract.text import parse_article_text

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "fixtures" / "realnews" / "labels.json"


def shared_aeb() -> Path | None:
    """``$NEWSTERM_SHARED/realnews/aeb`` or ``<repo>/../shared/realnews/aeb``, if present."""
    env = os.environ.get("NEWSTERM_SHARED")
    bases = [Path(env)] if env else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    for base in bases:
        aeb = base / "realnews" / "aeb"
        if (aeb / "ground-truth.json").is_file():
            return aeb
    return None


@cache
def labels() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(LABELS.read_text(encoding="utf-8"))
    return data


PARTS = ("tuned", "held-out", "held-out-2", "all")
"""The parts of the set: each held-out part is scored apart, once, at the end."""


def keys(part: str) -> list[str]:
    """The labelled keys of one of ``PARTS``."""
    held = {"held-out": set(labels()["held_out"]), "held-out-2": set(labels()["held_out_2"])}
    every = list(labels()["articles"])
    if part in held:
        return [k for k in every if k in held[part]]
    if part == "tuned":
        return [k for k in every if not any(k in part_keys for part_keys in held.values())]
    return every


@cache
def _truth(aeb: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    return data


def page_markup(aeb: Path, key: str) -> str:
    return gzip.decompress((aeb / "html" / f"{key}.html.gz").read_bytes()).decode(
        "utf-8", "replace"
    )


def true_body(aeb: Path, key: str) -> list[str]:
    return [p.strip() for p in _truth(aeb)[key]["articleBody"].split("\n") if p.strip()]


def _find_block(blocks: list[str], anchor: str) -> str:
    for block in blocks:
        if block == anchor:
            return block
    for block in blocks:
        if block.startswith(anchor):
            return block
    raise LookupError(f"no page line starts with {anchor!r}")


def article_text(aeb: Path, key: str) -> str:
    """The article file for one page: headline, byline lines, true body, trailer lines."""
    label = labels()["articles"][key]
    markup = page_markup(aeb, key)
    page = html_to_text(markup)
    blocks = text_blocks(markup)
    parts = [page.heading or page.title or key]
    parts += [_find_block(blocks, anchor) for anchor in label["byline"]]
    parts += true_body(aeb, key)
    parts += [_find_block(blocks, anchor) for anchor in label["trailer"]]
    return "\n\n".join(parts) + "\n"


def analyse_file(aeb: Path, key: str) -> Analysis:
    title, paragraphs = parse_article_text(article_text(aeb, key))
    return analyse(title, paragraphs)


def analyse_page(aeb: Path, key: str) -> Analysis:
    """The page as ``newsterm parse PAGE.html`` reads it."""
    from newsterm.ingest.files import parse_article_bytes

    markup = page_markup(aeb, key)
    title, paragraphs, authors = parse_article_bytes(markup.encode("utf-8"), ".html")
    return analyse(title, paragraphs, authors=authors)


_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_TITLES = frozenset(
    str.split(
        "mr mrs ms miss dr prof sir dame gov governor sen senator rep president ceo judge"
        " coach chairman minister secretary"
    )
)


_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))


def norm(text: str) -> str:
    """Text for matching: one kind of each quote mark, no edge punctuation, lower case."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _EDGE.sub("", " ".join(text.split())).casefold()


def _name_tokens(name: str) -> list[str]:
    tokens = [t.strip(".,'\"") for t in norm(name).replace("'s ", " ").split()]
    tokens = [t for t in tokens if t]
    while tokens and (tokens[0] in _TITLES or tokens[0] in ("the", "a", "an")):
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens = tokens[:-1]  # "Kennedy" names "James P. Kennedy Jr."
    return tokens


def speaker_right(found: str | None, wanted: list[str]) -> bool:
    """A found speaker is right when it is one of the wanted forms, a run of a wanted name's
    words that keeps its last word ("Noem" or "Kristi Noem" for "Kristi Noem"), the name
    with the role the article puts before it ("Gov. Kristi Noem"), a lower-case description
    with the surname ("the 14th-ranked Noem") or a labelled description said more fully ("the
    authors of the study" for "the authors"): the analysis writes speakers as the article
    does. A description alone ("the governor") is right only when it is a labelled form."""
    got = _name_tokens(found or "")
    if not got:
        return False
    for want in wanted:
        tokens = _name_tokens(want)
        if got == tokens:
            return True
        size = len(got)
        if size <= len(tokens) and tokens[-size:] == got:
            return True
        if tokens and len(got) > len(tokens) and got[-len(tokens) :] == tokens:
            return True  # a role before the name, as the analysis writes speakers
        if len(tokens) >= 2 and got[-1] == tokens[-1] and _described(found or ""):
            return True  # a description and the surname: "the 14th-ranked Schwartzman"
        if got[: len(tokens)] == tokens and got[len(tokens)] in _PREPOSITIONS:
            return True  # the labelled description, said more fully: "the authors of the study"
    return False


_PREPOSITIONS = frozenset(("of", "at", "for", "in", "from", "with", "on"))


def _described(found: str) -> bool:
    """Every word before the last is lower case (a description, not another first name)."""
    words = found.split()[:-1]
    return (
        bool(words)
        and all(not w[:1].isupper() for w in words[1:])
        and (words[0].lower() in ("the", "a", "an") or not words[0][:1].isupper())
    )


def quote_matches(text: str, label: dict[str, Any]) -> bool:
    """A found quotation is the labelled one when it starts with the anchor and its length is
    within a quarter (at least two words) of the labelled length."""
    if not norm(text).startswith(norm(label["anchor"])):
        return False
    words = len(text.split())
    return abs(words - label["words"]) <= max(2, label["words"] // 4)


def _person_key(name: str) -> str:
    return " ".join(name.replace(".", " ").casefold().split())


_TOKEN = re.compile(r"\w+")


def _mostly_in(paragraph: str, body: Counter[str]) -> bool:
    tokens = Counter(_TOKEN.findall(paragraph.casefold()))
    total = sum(tokens.values())
    return total > 0 and sum((tokens & body).values()) >= total / 2


@dataclass
class Tally:
    """Counts over a part of the set."""

    articles: int = 0
    quotes_wanted: int = 0
    quotes_found: int = 0
    quotes_matched: int = 0
    speakers_right: int = 0
    fragments_right: int = 0
    authors: list[int] = field(default_factory=lambda: [0, 0, 0])
    emails: list[int] = field(default_factory=lambda: [0, 0, 0])
    first_right: int = 0
    last_right: int = 0
    furniture_lines: int = 0
    furniture_articles: int = 0
    problems: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def quote_prf(self) -> tuple[float, float, float]:
        tp = self.quotes_matched
        return self._f1(tp, self.quotes_found - tp, self.quotes_wanted - tp)

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.quotes_matched if self.quotes_matched else 1.0

    def lines(self) -> list[str]:
        p, r, f = self.quote_prf()
        _ap, _ar, af = self._f1(*self.authors)
        ep, er, ef = self._f1(*self.emails)
        n = max(1, self.articles)
        return [
            f"articles: {self.articles}",
            f"quotations: wanted {self.quotes_wanted}, found {self.quotes_found}, "
            f"matched {self.quotes_matched}",
            f"quotation precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}",
            f"speaker accuracy (of matched): {self.speaker_accuracy:.3f}",
            f"fragment flag accuracy (of matched): "
            f"{self.fragments_right / max(1, self.quotes_matched):.3f}",
            f"authors F1: {af:.3f}  (tp {self.authors[0]}, fp {self.authors[1]}, "
            f"fn {self.authors[2]})",
            f"contacts (e-mail) P {ep:.3f} R {er:.3f} F1 {ef:.3f}  (tp {self.emails[0]}, "
            f"fp {self.emails[1]}, fn {self.emails[2]})",
            f"first paragraph right: {self.first_right / n:.3f}  last paragraph right: "
            f"{self.last_right / n:.3f}",
            f"furniture lines left: {self.furniture_lines} in {self.furniture_articles} articles",
        ]


def score_file(aeb: Path, key: str, tally: Tally) -> None:
    """Quotations, speakers, authors and contacts of one article file."""
    score_analysis(analyse_file(aeb, key), labels()["articles"][key], key[:10], tally)


def _continued(found: list[str], labels: list[dict[str, Any]]) -> bool:
    """Quotations that run on over paragraphs, counted once whichever way they were split:
    the found texts in order (one, or several the analysis split) are the labelled ones in
    order (one, or several in consecutive paragraphs with one speaker that the labels split)
    when the joined text starts with the first anchor, holds every later anchor in order and
    its length is the labelled length, within the same margin as one quotation."""
    if len(found) + len(labels) < 3:
        return False
    first = labels[0]
    for before, after in itertools.pairwise(labels):
        if after["paragraph"] != before["paragraph"] + 1 or after["speaker"] != first["speaker"]:
            return False
    text = norm(" ".join(found))
    at = 0
    for label in labels:
        at = text.find(norm(label["anchor"]), at)
        if at < 0 or (label is first and at != 0):
            return False
    words = sum(len(t.split()) for t in found)
    want = sum(int(label["words"]) for label in labels)
    return abs(words - want) <= max(2, want // 4)


def _match_continued(
    quotes: list[Quote], wanted: list[dict[str, Any]]
) -> list[tuple[list[Quote], list[dict[str, Any]]]]:
    """Runs of unmatched found quotations and unmatched labels that are one quotation
    continued over paragraphs (see ``_continued``); each run is taken out of both lists."""
    runs = []
    for size_found in range(1, 4):
        for size_wanted in range(1, 5):
            i = 0
            while i + size_found <= len(quotes):
                part = quotes[i : i + size_found]
                texts = [q.text for q in part]
                hit = next(
                    (
                        j
                        for j in range(len(wanted) - size_wanted + 1)
                        if _continued(texts, wanted[j : j + size_wanted])
                    ),
                    None,
                )
                if hit is None:
                    i += 1
                    continue
                runs.append((part, wanted[hit : hit + size_wanted]))
                del quotes[i : i + size_found]
                del wanted[hit : hit + size_wanted]
    return runs


def score_analysis(result: Analysis, label: dict[str, Any], tag: str, tally: Tally) -> None:
    """Count one analysed article's quotations, speakers, authors and e-mails against its label.

    A quotation that runs on over paragraphs counts as one, found and wanted, however the
    analysis and the labels split it (``_continued``): the labels of held-out-3 split such a
    quotation where the analysis and the aeb labels keep one."""
    wanted = list(label["quotes"])
    tally.quotes_wanted += len(wanted)
    tally.quotes_found += len(result.quotes)
    pairs: list[tuple[Quote, dict[str, Any]]] = []
    unmatched: list[Quote] = []
    for quote in result.quotes:
        match = next((w for w in wanted if quote_matches(quote.text, w)), None)
        if match is None:
            unmatched.append(quote)
        else:
            wanted.remove(match)
            pairs.append((quote, match))
    for found, labels_run in _match_continued(unmatched, wanted):
        tally.quotes_found -= len(found) - 1
        tally.quotes_wanted -= len(labels_run) - 1
        pairs.append((found[0], labels_run[0]))
    for quote in unmatched:
        tally.problems.append(f"{tag}: unexpected quote {quote.text[:60]!r}")
    for quote, match in pairs:
        tally.quotes_matched += 1
        tally.fragments_right += quote.fragment == match["fragment"]
        if speaker_right(quote.speaker, match["speaker"]):
            tally.speakers_right += 1
        else:
            tally.problems.append(
                f"{tag}: speaker {quote.speaker!r} != {match['speaker'][0]!r} ({quote.text[:40]!r})"
            )
    for miss in wanted:
        tally.problems.append(f"{tag}: missed P{miss['paragraph']} {miss['anchor']!r}")
    _score_authors(result, label, tag, tally)
    got_mail = {c.email.casefold() for c in result.contacts if c.email}
    want_mail = {e.casefold() for e in label["emails"]}
    tally.emails[0] += len(got_mail & want_mail)
    tally.emails[1] += len(got_mail - want_mail)
    tally.emails[2] += len(want_mail - got_mail)
    if got_mail != want_mail:
        tally.problems.append(f"{tag}: e-mails {sorted(got_mail)} != {sorted(want_mail)}")


def _score_authors(result: Analysis, label: dict[str, Any], tag: str, tally: Tally) -> None:
    """Count the authors, unless the labeller wrote the byline ("byline_synthetic"): a byline
    built from a parser's author list is not as the page printed it, so it measures nothing."""
    if label.get("byline_synthetic"):
        return
    got_authors = {_person_key(a) for a in result.authors}
    want_authors = {_person_key(a) for a in label["authors"]}
    tally.authors[0] += len(got_authors & want_authors)
    tally.authors[1] += len(got_authors - want_authors)
    tally.authors[2] += len(want_authors - got_authors)
    if got_authors != want_authors:
        tally.problems.append(f"{tag}: authors {sorted(got_authors)} != {sorted(want_authors)}")


def score_ends(paragraphs: list[str], label: dict[str, Any], tag: str, tally: Tally) -> None:
    """Count whether the body's first and last paragraphs are the labelled ones."""
    first = bool(paragraphs) and norm(paragraphs[0]).startswith(norm(label["first"]))
    last = bool(paragraphs) and norm(paragraphs[-1]).startswith(norm(label["last"]))
    tally.first_right += first
    tally.last_right += last
    if not first:
        tally.problems.append(f"{tag}: first paragraph {paragraphs[:1]!r:.80}")
    if not last:
        tally.problems.append(f"{tag}: last paragraph {paragraphs[-1:]!r:.80}")


def score_page(aeb: Path, key: str, tally: Tally) -> None:
    """First and last body paragraph and furniture left, reading the page itself."""
    label = labels()["articles"][key]
    result = analyse_page(aeb, key)
    tag = key[:10]
    paragraphs = result.paragraphs
    score_ends(paragraphs, label, tag, tally)
    body = Counter(_TOKEN.findall(" ".join(true_body(aeb, key)).casefold()))
    allowed = [norm(a) for a in label["byline"] + label["trailer"]]
    left = [
        p
        for p in paragraphs
        if not _mostly_in(p, body) and not any(norm(p).startswith(a) for a in allowed)
    ]
    tally.furniture_lines += len(left)
    tally.furniture_articles += bool(left)
    tally.problems.extend(f"{tag}: furniture {p[:60]!r}" for p in left)


def score(aeb: Path, part: str, *, pages: bool = True) -> Tally:
    tally = Tally()
    for key in keys(part):
        tally.articles += 1
        score_file(aeb, key, tally)
        if pages:
            score_page(aeb, key, tally)
    return tally


READABILITY_LABELS = ROOT / "tests" / "fixtures" / "realnews" / "labels_readability.json"
"""held-out-3: labels for news pages of mozilla/readability's test set (see its "about")."""
NEWSPAPER_LABELS = ROOT / "tests" / "fixtures" / "realnews" / "labels_newspaper.json"
"""held-out-4: labels for news articles of codelucas/newspaper's test data (see its "about")."""

FOLDER_PARTS = {
    "held-out-3": (READABILITY_LABELS, "NEWSTERM_READABILITY", "bbc-1"),
    "held-out-4": (NEWSPAPER_LABELS, "NEWSTERM_NEWSPAPER", "al.com1"),
}
"""The parts whose article files are read from a folder outside the repo: their labels, the
environment variable naming the folder, and one article the folder must hold."""


def labels_file(path: Path) -> dict[str, Any]:
    """A labels file in the structure of ``labels_newspaper.json`` (a held-out part kept
    outside the repo is scored from its path: ``score_realnews.py --labels``)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def folder_labels(part: str) -> dict[str, Any]:
    return labels_file(FOLDER_PARTS[part][0])


def readability_labels() -> dict[str, Any]:
    return folder_labels("held-out-3")


def part_folder(part: str, given: str | None = None) -> Path | None:
    """The folder of a part's article files (``NAME/article.txt``): the one given, else the
    part's environment variable, if it holds them."""
    _labels, variable, probe = FOLDER_PARTS[part]
    where = given or os.environ.get(variable)
    if not where:
        return None
    folder = Path(where)
    return folder if (folder / probe / "article.txt").is_file() else None


def folder_article(folder: Path, name: str) -> str:
    return (folder / name / "article.txt").read_text(encoding="utf-8")


def files_missing(labels: dict[str, Any], folder: Path) -> list[str]:
    """The labelled articles whose ``NAME/article.txt`` the folder lacks."""
    return [name for name in labels["articles"] if not (folder / name / "article.txt").is_file()]


def anchors_missing(labels: dict[str, Any], folder: Path) -> list[tuple[str, str]]:
    """(article, anchor) of each quotation or byline anchor its article file lacks: files that
    do not match the frozen labels (checked before scoring, with no analysis)."""
    missing = []
    for name, article in labels["articles"].items():
        text = norm(folder_article(folder, name))
        for anchor in [q["anchor"] for q in article["quotes"]] + article["byline"]:
            if norm(anchor) not in text:
                missing.append((name, anchor))
    return missing


def _starts(paragraph: str, anchors: list[str]) -> bool:
    """A paragraph is one of the lines labelled by these anchors: the whole line, or its start
    when the anchor has three words or more."""
    text = norm(paragraph)
    if not text:
        return True  # a separator line ("___") is furniture wherever it is
    return any(
        text == norm(a) or (len(a.split()) >= 3 and text.startswith(norm(a))) for a in anchors
    )


def score_folder(labels: dict[str, Any], folder: Path) -> Tally:
    """A part read from a folder (held-out-3, held-out-4, or a labels file given by path): every
    article file analysed as a saved ``.txt`` article is;
    quotations, speakers, authors and contacts as for the other parts; the first and last body
    paragraph and the labelled furniture lines left, with byline, trailer and standfirst lines
    set aside."""
    tally = Tally()
    for name, label in labels["articles"].items():
        tally.articles += 1
        title, paragraphs = parse_article_text(folder_article(folder, name))
        result = analyse(title, paragraphs)
        tag = name[:10]
        score_analysis(result, label, tag, tally)
        allowed = label["byline"] + label["trailer"] + label["standfirst"]
        body = [p for p in result.paragraphs if not (norm(p) and _starts(p, allowed))]
        score_ends(body, label, tag, tally)
        left = [p for p in body if _starts(p, label["furniture"])]
        tally.furniture_lines += len(left)
        tally.furniture_articles += bool(left)
        tally.problems.extend(f"{tag}: furniture {p[:60]!r}" for p in left)
    return tally
