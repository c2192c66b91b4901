"""newsterm's main-text extraction on the article-extraction-benchmark pages in ../shared.

Scores with the benchmark's own metric (its ``evaluate.py``): each text is split into ``\\w+``
tokens and counted as shingles of 4 consecutive tokens (multisets); per page the true
positives, false positives and false negatives are scaled to sum to 1; precision is the mean of
the pages' precisions, recall the mean of their recalls, F1 comes from those two. "Accuracy" is
the share of pages whose prediction has exactly the truth's tokens.

Three readings of every page, as a saved ``.html`` file is read (no URL):

- newsterm: the body newsterm shows (main-text extraction, then the analysis, which takes
  the byline, contact and credit lines and the furniture out of the body);
- newsterm extraction: the main-text extraction alone;
- trafilatura: plain ``trafilatura.extract`` with its defaults.

Pages are split in two (drawn before the session-7 tuning): the "final" part is every page of
the hand-labelled set's held-out parts (tests/fixtures/realnews/labels.json) and 5 of the 18
unlabelled pages drawn with ``random.Random(SPLIT_SEED)``; the rest is the "tuning" part.

Run: uv run python bench/aeb.py [--part tuning|final|all] [--keys FILE] [--worst N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from common import ROOT, shared_dir

from newsterm.extract import analyse
from newsterm.extract.fulltext import extract_full_text

_TOKEN = re.compile(r"\w+")
SPLIT_SEED = 20261205
"""Draws the unlabelled pages of the final part (see the module docstring)."""
FINAL_UNLABELLED = 5
Counts = tuple[float, float, float]


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of ``size`` consecutive tokens (one shorter shingle for a short text)."""
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)))


def page_counts(true: str, pred: str) -> Counts:
    """tp, fp, fn of one page, scaled to sum to 1."""
    want, got = shingles(true), shingles(pred)
    want.pop((), None)
    got.pop((), None)
    tp = float(sum((want & got).values()))
    fp = float(sum((got - want).values()))
    fn = float(sum((want - got).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def metrics(counts: list[Counts]) -> tuple[float, float, float]:
    """Precision, recall and F1 as the benchmark computes them."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return precision, recall, 2 * precision * recall / (precision + recall)


def newsterm_body(markup: str) -> str:
    page = extract_full_text(markup)
    return "\n".join(analyse(page.title, page.paragraphs, authors=page.authors).paragraphs)


def newsterm_extraction(markup: str) -> str:
    return "\n".join(extract_full_text(markup).paragraphs)


def plain_trafilatura(markup: str) -> str:
    import trafilatura

    return trafilatura.extract(markup) or ""


READERS: dict[str, Callable[[str], str]] = {
    "newsterm": newsterm_body,
    "newsterm extraction": newsterm_extraction,
    "trafilatura (plain)": plain_trafilatura,
}


def folder_files(directory: Path, *files: str) -> dict[str, list[str]]:
    """The folder checks' pages: for each ``directory/NAME/`` holding every one of ``files``,
    their texts in that order (by NAME, sorted)."""
    names = sorted(p.name for p in directory.glob("*") if all((p / f).is_file() for f in files))
    return {n: [(directory / n / f).read_text("utf-8", "replace") for f in files] for n in names}


def report_pages(pages: dict[str, str], truth: dict[str, str], worst: int = 0) -> None:
    """Print each reader's precision, recall and F1 over named pages against their true
    text, and newsterm's ``worst`` pages (the folder checks' shared report)."""
    names = sorted(pages)
    print(f"{'reader':<22} {'precision':>9} {'recall':>7} {'F1':>6} {'s':>6}")
    lowest: list[tuple[float, str]] = []
    for name, reader in READERS.items():
        started = time.perf_counter()
        counts: list[Counts] = [page_counts(truth[n], reader(pages[n])) for n in names]
        seconds = time.perf_counter() - started
        precision, recall, f1 = metrics(counts)
        print(f"{name:<22} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {seconds:>6.1f}")
        if name == "newsterm":
            lowest = sorted((c[0], n) for c, n in zip(counts, names, strict=True))
    for share, name in lowest[:worst]:
        print(f"  {share:.3f} {name}")


def final_keys(keys: list[str]) -> set[str]:
    """The pages scored only at the end: the labelled set's held-out parts and a few others."""
    labels = json.loads((ROOT / "tests/fixtures/realnews/labels.json").read_text("utf-8"))
    held = set(labels["held_out"]) | set(labels["held_out_2"])
    unlabelled = [k for k in keys if k not in labels["articles"]]
    return held | set(random.Random(SPLIT_SEED).sample(unlabelled, FINAL_UNLABELLED))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("tuning", "final", "all"), default="tuning")
    parser.add_argument("--keys", type=Path, help="score only the keys listed in this file")
    parser.add_argument("--worst", type=int, default=0, help="list newsterm's N worst pages")
    args = parser.parse_args()
    aeb = shared_dir() / "realnews" / "aeb"
    truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    final = final_keys(keys)
    if args.part != "all":
        keys = [k for k in keys if (k in final) == (args.part == "final")]
    if args.keys:
        keys = [k for k in args.keys.read_text().split() if k in truth]
    pages = {k: gzip.decompress((aeb / "html" / f"{k}.html.gz").read_bytes()) for k in keys}
    machine = f"python {platform.python_version()}  {platform.machine()}"
    print(f"part: {args.part}  pages: {len(keys)}  {machine}")
    print(f"{'reader':<22} {'precision':>9} {'recall':>7} {'F1':>6} {'accuracy':>8} {'s':>6}")
    per_page: dict[str, list[tuple[float, str]]] = {}
    for name, reader in READERS.items():
        counts: list[Counts] = []
        exact = 0
        started = time.perf_counter()
        for key in keys:
            pred = reader(pages[key].decode("utf-8", "replace"))
            true = truth[key]["articleBody"]
            counts.append(page_counts(true, pred))
            exact += _TOKEN.findall(true) == _TOKEN.findall(pred)
            per_page.setdefault(name, []).append((counts[-1][0], key))
        seconds = time.perf_counter() - started
        precision, recall, f1 = metrics(counts)
        print(
            f"{name:<22} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} "
            f"{exact / len(keys):>8.3f} {seconds:>6.1f}"
        )
    for share, key in sorted(per_page["newsterm"])[: args.worst]:
        print(f"  {share:.3f} {key[:12]} {truth[key]['url'][:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
