"""newsterm's main-text extraction on mozilla/readability's test pages, an unseen second check.

Each ``DIR/NAME/`` holds ``source.html`` (the page) and ``expected.html`` (readability's
expected article). The expected article's text (its block elements as paragraphs) is the
truth; newsterm's body and plain trafilatura are scored against it with the metric of
bench/aeb.py (4-token shingles, per-page precision and recall averaged over the pages).

The pages are their publishers' copyright: they are kept outside the repository (default
``<repo>/../_data/readability-src``) and never committed.

Run: uv run python bench/readability_pages.py [--dir DIR] [--worst N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aeb import folder_files, report_pages
from common import ROOT

from newsterm.extract.html import html_to_text


def expected_text(markup: str) -> str:
    """The text of readability's expected article, one block element a line."""
    return "\n".join(html_to_text(markup).paragraphs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT.parent / "_data" / "readability-src")
    parser.add_argument("--worst", type=int, default=0, help="list newsterm's N worst pages")
    args = parser.parse_args()
    found = folder_files(args.dir, "source.html", "expected.html")
    if not found:
        print(f"no pages in {args.dir}")
        return 1
    names = list(found)
    pages = {n: texts[0] for n, texts in found.items()}
    truth = {n: expected_text(texts[1]) for n, texts in found.items()}
    print(f"pages: {len(names)} ({', '.join(names)})")
    report_pages(pages, truth, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
