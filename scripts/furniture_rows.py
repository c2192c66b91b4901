"""The furniture model's rows: every labelled article's paragraphs, each furniture or body.

For every labelled article of every set, two views of its paragraphs: ``raw`` (what the reader
hands the analysis) and ``kept`` (what the analysis keeps after its rules: the path the scorer
takes, ``tests/realnews_set.py``). A paragraph is furniture when it is a labelled furniture line
(folder sets), mostly outside the true body (aeb pages), or outside the labelled first..last body
range; byline, trailer and standfirst lines the scorer sets aside are marked ``allowed``.

Runs against whichever ``newsterm`` is imported (``PYTHONPATH=OTHER/src`` gives an older tree's
rules), with the learned model off. ``--dump PATH`` writes the rows as JSON.

Run: uv run python scripts/furniture_rows.py [--sets held5,aeb,...] [--dump PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import newsterm.extract.pipeline as pipeline  # noqa: E402
from newsterm.extract.text import parse_article_text  # noqa: E402
from tests.realnews_set import (  # noqa: E402
    _TOKEN,
    _mostly_in,
    _starts,
    folder_article,
    keys,
    labels,
    labels_file,
    norm,
    page_markup,
    shared_aeb,
    true_body,
)

DATA = Path("/work/wt/_data")
SETS = {
    "held5": ("held5", "labels_held5.json"),
    "held6": ("held6", "labels_held6.json"),
    "held6b": ("held6b", "labels_held6b.json"),
    "held7": ("held7", "labels_held7_all.json"),
    "held8": ("held8", "labels_held8_all.json"),
    "held9": ("held9", "labels_held9_all.json"),
    "held10": ("held10", "labels_held10_all.json"),
    "held-out-3": ("readability", str(ROOT / "tests/fixtures/realnews/labels_readability.json")),
    "held-out-4": ("newspaper", str(ROOT / "tests/fixtures/realnews/labels_newspaper.json")),
    "held11": ("held11", "labels_held11_all.json"),
}
EVERY = (*SETS, "aeb")


@dataclass
class Article:
    """One labelled article's paragraphs in one view, with what the scorer counts."""

    name: str
    paragraphs: list[str]
    furniture: list[bool]  # the training label
    left: list[bool]  # what the scorer counts as furniture left
    allowed: list[bool]  # byline, trailer and standfirst lines the scorer sets aside
    first: str
    last: str


def _article(
    name: str, paragraphs: list[str], left: list[bool], allowed: list[bool], label: dict[str, Any]
) -> Article:
    first = norm(label["first"])
    last = norm(label["last"])
    starts = [i for i, p in enumerate(paragraphs) if norm(p).startswith(first)]
    ends = [i for i, p in enumerate(paragraphs) if norm(p).startswith(last)]
    low = starts[0] if starts else 0
    high = ends[-1] if ends and ends[-1] >= low else len(paragraphs) - 1
    furniture = [left[i] or allowed[i] or not low <= i <= high for i in range(len(paragraphs))]
    return Article(name, paragraphs, furniture, left, allowed, first, last)


def _rules_only() -> None:
    """The analysis with its rules alone (the learned model off, where a tree calls it)."""
    if hasattr(pipeline, "drop_furniture"):
        pipeline.drop_furniture = lambda body: body


def _folder_view(paragraphs: list[str], label: dict[str, Any], name: str) -> Article:
    allowed_lines = label["byline"] + label["trailer"] + label["standfirst"]
    allowed = [bool(norm(p)) and _starts(p, allowed_lines) for p in paragraphs]
    left = [
        not a and _starts(p, label["furniture"]) for p, a in zip(paragraphs, allowed, strict=True)
    ]
    return _article(name, paragraphs, left, allowed, label)


def folder_set(folder: Path, label_path: Path) -> tuple[dict[str, list[Article]], int, int]:
    """A folder set's articles in both views; its labelled furniture lines and how many the
    rules leave."""
    _rules_only()
    data = labels_file(label_path)
    views: dict[str, list[Article]] = {"raw": [], "kept": []}
    labelled = left = 0
    for name, label in data["articles"].items():
        title, paragraphs = parse_article_text(folder_article(folder, name))
        raw = [p.strip() for p in paragraphs if p.strip()]
        kept = pipeline.analyse(title, paragraphs).paragraphs
        views["raw"].append(_folder_view(raw, label, name))
        views["kept"].append(_folder_view(kept, label, name))
        labelled += len(label["furniture"])
        left += sum(views["kept"][-1].left)
    return views, labelled, left


def _aeb_view(
    paragraphs: list[str], truth: Counter[str], label: dict[str, Any], key: str
) -> Article:
    allowed_lines = [norm(a) for a in label["byline"] + label["trailer"]]
    allowed = [any(norm(p).startswith(a) for a in allowed_lines) for p in paragraphs]
    left = [not a and not _mostly_in(p, truth) for p, a in zip(paragraphs, allowed, strict=True)]
    return _article(key, paragraphs, left, allowed, label)


def aeb_set() -> dict[str, list[Article]]:
    """The aeb pages, read as ``newsterm parse PAGE.html`` reads them, in both views."""
    from newsterm.ingest.files import parse_article_bytes

    _rules_only()
    aeb = shared_aeb()
    if aeb is None:
        return {"raw": [], "kept": []}
    views: dict[str, list[Article]] = {"raw": [], "kept": []}
    for key in keys("all"):
        label = labels()["articles"][key]
        markup = page_markup(aeb, key).encode("utf-8")
        title, paragraphs, authors = parse_article_bytes(markup, ".html")
        kept = pipeline.analyse(title, paragraphs, authors=authors).paragraphs
        truth = Counter(_TOKEN.findall(" ".join(true_body(aeb, key)).casefold()))
        raw = [p.strip() for p in paragraphs if p.strip()]
        views["raw"].append(_aeb_view(raw, truth, label, key))
        views["kept"].append(_aeb_view(kept, truth, label, key))
    return views


def all_sets(names: Sequence[str]) -> dict[str, dict[str, list[Article]]]:
    """Each named set's articles in both views (a set whose labels are absent is left out)."""
    sets: dict[str, dict[str, list[Article]]] = {}
    for name in names:
        if name == "aeb":
            sets[name] = aeb_set()
            continue
        folder, label_file = SETS[name]
        label_path = Path(label_file) if label_file.startswith("/") else DATA / folder / label_file
        if not label_path.is_file():
            continue
        sets[name], labelled, left = folder_set(DATA / folder, label_path)
        print(f"{name}: {labelled} furniture lines labelled, {left} left by the rules", flush=True)
    return sets


def load(path: Path) -> dict[str, dict[str, list[Article]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: {view: [Article(**a) for a in arts] for view, arts in views.items()}
        for name, views in data.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(EVERY))
    parser.add_argument("--dump", help="write the rows as JSON to this path")
    args = parser.parse_args(argv)
    sets = all_sets(args.sets.split(","))
    if args.dump:
        data = {
            n: {v: [asdict(a) for a in arts] for v, arts in vs.items()} for n, vs in sets.items()
        }
        Path(args.dump).write_text(json.dumps(data), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
