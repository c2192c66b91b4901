"""Full-text extraction benchmark: trafilatura vs readability-lxml on tests/fixtures/pages.

For every NAME.html the extracted paragraphs are compared with NAME.txt, the known body text,
by token-level precision and recall (multiset overlap of lower-cased words). Both libraries get
the same post-processing (newsterm.extract.fulltext: sanitise, drop the headline, keep the
"Write to" trailer), so the figures compare what the libraries find. Also printed: time per
page (median of repeated runs), import time in a fresh interpreter, and installed size of each
library with the dependencies it brings.

Run: uv run python bench/fulltext.py [--repeat N]
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from newsterm.extract.fulltext import (
    clean_paragraphs,
    drop_chrome,
    extract_full_text,
    keep_write_to,
)
from newsterm.extract.html import html_to_text

PAGES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pages"
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    """Lower-cased word tokens with their counts."""
    return Counter(_TOKEN.findall(text.casefold()))


def scores(extracted: str, known: str) -> tuple[float, float]:
    """Token precision and recall of ``extracted`` against ``known``."""
    got, want = tokens(extracted), tokens(known)
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 1.0
    return precision, recall


def run_trafilatura(markup: str, tidy: bool) -> list[str]:
    """newsterm's extraction (trafilatura)."""
    return extract_full_text(markup, tidy=tidy).paragraphs


def run_readability(markup: str, tidy: bool) -> list[str]:
    """readability-lxml's summary, turned into paragraphs by newsterm's HTML reader."""
    from readability import Document

    doc = Document(markup)
    summary = doc.summary(html_partial=True)
    lines = html_to_text(summary).paragraphs
    paragraphs = clean_paragraphs(lines, (doc.short_title(), doc.title()))
    return keep_write_to(drop_chrome(paragraphs), markup) if tidy else paragraphs


LIBRARIES: dict[str, tuple[str, str, Callable[[str, bool], list[str]]]] = {
    "trafilatura": ("trafilatura", "import trafilatura", run_trafilatura),
    "readability-lxml": ("readability-lxml", "from readability import Document", run_readability),
}


def import_seconds(statement: str, runs: int = 3) -> float:
    """Median wall time of ``statement`` in a fresh interpreter."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times)


def _requirements(name: str) -> list[str]:
    names = []
    for req in md.requires(name) or []:
        if "extra ==" in req:
            continue
        match = re.match(r"[A-Za-z0-9_.\-]+", req)
        if match:
            names.append(match.group(0))
    return names


def installed_mb(name: str) -> tuple[float, int]:
    """Size on disk of a distribution and everything it requires, and how many there are."""
    seen: set[str] = set()
    todo = [name]
    total = 0
    while todo:
        current = todo.pop()
        key = current.lower().replace("_", "-")
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = md.distribution(current)
        except md.PackageNotFoundError:
            continue
        for file in dist.files or []:
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                total += path.stat().st_size
        todo.extend(_requirements(current))
    return total / 1e6, len(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per page")
    args = parser.parse_args()
    pages = sorted(PAGES.glob("*.html"))
    print(
        f"{len(pages)} pages; {platform.machine()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores"
    )
    available = {}
    for label, (dist, statement, run) in LIBRARIES.items():
        try:
            available[label] = (md.version(dist), dist, statement, run)
        except md.PackageNotFoundError:
            print(f"\n{label}: not installed (uv sync --group bench)")
    # Timed runs alternate between the libraries page by page, so that load from other work
    # on this shared machine falls on both alike; compare the two figures of one run.
    times: dict[str, dict[str, list[float]]] = {label: {} for label in available}
    for page in pages:
        markup = page.read_text(encoding="utf-8")
        for _, _, _, run in available.values():
            run(markup, True)  # warm-up: the first call pays for imports and caches
        for _ in range(args.repeat):
            for label, (_, _, _, run) in available.items():
                start = time.perf_counter()
                run(markup, True)
                times[label].setdefault(page.stem, []).append(time.perf_counter() - start)
    summary: list[tuple[str, str, float, float, float, float, float, float, float, int]] = []
    for label, (version, dist, statement, run) in available.items():
        print(f"\n{label} {version}")
        print(f"  {'page':<20} {'prec':>6} {'rec':>6} {'ms':>7}   raw: {'prec':>6} {'rec':>6}")
        rows = []
        for page in pages:
            markup = page.read_text(encoding="utf-8")
            known = page.with_suffix(".txt").read_text(encoding="utf-8")
            precision, recall = scores("\n".join(run(markup, True)), known)
            raw_p, raw_r = scores("\n".join(run(markup, False)), known)
            ms = statistics.median(times[label][page.stem]) * 1000
            rows.append((precision, recall, ms, raw_p, raw_r))
            print(
                f"  {page.stem:<20} {precision:6.3f} {recall:6.3f} {ms:7.1f}"
                f"        {raw_p:6.3f} {raw_r:6.3f}"
            )
        means = [statistics.mean(r[i] for r in rows) for i in range(5)]
        imp = import_seconds(statement)
        size, count = installed_mb(dist)
        print(
            f"  {'mean':<20} {means[0]:6.3f} {means[1]:6.3f} {means[2]:7.1f}"
            f"        {means[3]:6.3f} {means[4]:6.3f}"
        )
        print(
            f"  min precision {min(r[0] for r in rows):.3f}, min recall "
            f"{min(r[1] for r in rows):.3f}"
        )
        p, r, ms, raw_p, raw_r = means
        summary.append((label, version, p, r, ms, raw_p, raw_r, imp, size, count))
    print(
        "\n| library | precision | recall | raw precision | raw recall | ms/page | import s "
        "| installed MB (dists) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for label, version, p, r, ms, raw_p, raw_r, imp, size, count in summary:
        print(
            f"| {label} {version} | {p:.3f} | {r:.3f} | {raw_p:.3f} | {raw_r:.3f} | {ms:.1f} "
            f"| {imp:.2f} | {size:.0f} ({count}) |"
        )


if __name__ == "__main__":
    main()
