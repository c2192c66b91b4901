"""Agreement of newsterm's main text with newspaper's on newspaper's own test pages.

Each ``DIR/NAME/`` holds ``page.html`` (a news page from codelucas/newspaper's test data,
``tests/data/html``) and ``expected.txt`` (the text newspaper extracted from it,
``tests/data/text``). That text is newspaper's output, not a human label: it keeps some furniture
and drops some paragraphs (each folder's ``note.txt`` says where), so the figures measure
agreement with newspaper, not correctness. Scored with the metric of bench/aeb.py (4-token
shingles, per-page precision and recall averaged over the pages).

The pages are their publishers' copyright: they are kept outside the repository (default
``<repo>/../_data/newspaper-html``) and never committed.

Run: uv run python bench/newspaper_pages.py [--dir DIR] [--worst N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from aeb import READERS, Counts, metrics, page_counts
from common import ROOT


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT.parent / "_data" / "newspaper-html")
    parser.add_argument("--worst", type=int, default=0, help="list newsterm's N worst pages")
    args = parser.parse_args()
    names = sorted(
        p.name
        for p in args.dir.glob("*")
        if (p / "page.html").is_file() and (p / "expected.txt").is_file()
    )
    if not names:
        print(f"no pages in {args.dir}")
        return 1
    pages = {n: (args.dir / n / "page.html").read_text("utf-8", "replace") for n in names}
    truth = {n: (args.dir / n / "expected.txt").read_text("utf-8", "replace") for n in names}
    print(f"pages: {len(names)} ({', '.join(names)}); truth: newspaper's own output")
    print(f"{'reader':<22} {'precision':>9} {'recall':>7} {'F1':>6} {'s':>6}")
    worst: list[tuple[float, str]] = []
    for name, reader in READERS.items():
        started = time.perf_counter()
        counts: list[Counts] = [page_counts(truth[n], reader(pages[n])) for n in names]
        seconds = time.perf_counter() - started
        precision, recall, f1 = metrics(counts)
        print(f"{name:<22} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {seconds:>6.1f}")
        if name == "newsterm":
            worst = sorted((c[0], n) for c, n in zip(counts, names, strict=True))
    for share, name in worst[: args.worst]:
        print(f"  {share:.3f} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
