"""Main text on trafilatura's own hand-labelled evaluation pages, an unseen check by snippets.

Each ``DIR/NAME/`` holds ``page.html`` (an English news or magazine page from adbar/trafilatura's
``tests/cache``) and ``labels.json`` with that project's labels from ``tests/evaldata.py``:
``with`` (snippets the main text must contain) and ``without`` (snippets it must not). A reader
scores the share of ``with`` snippets it keeps (recall-like) and the share of ``without``
snippets it wrongly keeps (leaks). Whitespace is collapsed and curly quotes made straight on
both sides before the substring test, so that a reader is not judged on typography.

The pages are their publishers' copyright: they are kept outside the repository (default
``<repo>/../_data/trafilatura-eval``) and never committed.

Run: uv run python bench/trafilatura_eval.py [--dir DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from aeb import READERS, folder_files
from common import ROOT

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def normalised(text: str) -> str:
    """Text with whitespace collapsed and curly quotes made straight."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT.parent / "_data" / "trafilatura-eval")
    parser.add_argument("--verbose", action="store_true", help="name every miss and leak")
    args = parser.parse_args()
    found = folder_files(args.dir, "page.html", "labels.json")
    if not found:
        print(f"no pages in {args.dir}")
        return 1
    names = list(found)
    pages = {n: texts[0] for n, texts in found.items()}
    labels = {n: json.loads(texts[1]) for n, texts in found.items()}
    wanted = sum(len(labels[n]["with"]) for n in names)
    unwanted = sum(len(labels[n]["without"]) for n in names)
    print(f"pages: {len(names)} ({', '.join(names)}); {wanted} with, {unwanted} without")
    print(f"{'reader':<22} {'with kept':>10} {'without kept':>13} {'s':>6}")
    for name, reader in READERS.items():
        kept = leaked = 0
        notes: list[str] = []
        started = time.perf_counter()
        for page in names:
            text = normalised(reader(pages[page]))
            for snippet in labels[page]["with"]:
                if normalised(snippet) in text:
                    kept += 1
                else:
                    notes.append(f"  missed {page}: {snippet!r}")
            for snippet in labels[page]["without"]:
                if normalised(snippet) in text:
                    leaked += 1
                    notes.append(f"  leaked {page}: {snippet!r}")
        seconds = time.perf_counter() - started
        print(
            f"{name:<22} {kept:>4}/{wanted:<3} {kept / wanted:.2f} "
            f"{leaked:>3}/{unwanted:<3} {leaked / unwanted:.2f} {seconds:>6.1f}"
        )
        if args.verbose:
            print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
