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
from pathlib import Path

from aeb import folder_files, report_pages
from common import ROOT


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT.parent / "_data" / "newspaper-html")
    parser.add_argument("--worst", type=int, default=0, help="list newsterm's N worst pages")
    args = parser.parse_args()
    found = folder_files(args.dir, "page.html", "expected.txt")
    if not found:
        print(f"no pages in {args.dir}")
        return 1
    names = list(found)
    pages = {n: texts[0] for n, texts in found.items()}
    truth = {n: texts[1] for n, texts in found.items()}
    print(f"pages: {len(names)} ({', '.join(names)}); truth: newspaper's own output")
    report_pages(pages, truth, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
