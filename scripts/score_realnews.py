"""Score the analysis on the hand-labelled real news set (tests/fixtures/realnews/labels.json).

Reads the pages from ``<repo>/../shared/realnews/aeb`` (or ``$NEWSTERM_SHARED``). The tuned part
is what the analysis was developed against; the held-out parts (held-out: 13 pages, held-out-2:
25 pages drawn later) were scored apart, once each, and are tuned material since session 7
(``--part all`` is the whole tuned material). held-out-3 is 21 news pages of mozilla/readability's
test set, labelled in ``tests/fixtures/realnews/labels_readability.json``; its article files are
read from the folder given with ``--folder`` (or ``$NEWSTERM_READABILITY``). held-out-4 is 15 news
articles of codelucas/newspaper's test data, labelled in
``tests/fixtures/realnews/labels_newspaper.json``, read the same way (or ``$NEWSTERM_NEWSPAPER``).

Run: uv run python scripts/score_realnews.py [--part tuned|held-out|held-out-2|all] [--problems]
     uv run python scripts/score_realnews.py --part held-out-3|held-out-4 --folder DIR [--problems]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.realnews_set import (  # noqa: E402
    FOLDER_PARTS,
    PARTS,
    Tally,
    anchors_missing,
    part_folder,
    score,
    score_folder,
    shared_aeb,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=(*PARTS, *FOLDER_PARTS), default="tuned")
    parser.add_argument("--folder", help="held-out-3/4: the folder of NAME/article.txt files")
    parser.add_argument("--problems", action="store_true", help="list every mismatch")
    args = parser.parse_args()
    if args.part in FOLDER_PARTS:
        folder = part_folder(args.part, args.folder)
        if folder is None:
            print(f"{args.part}'s article files are not there (--folder DIR with NAME/article.txt)")
            return 1
        if missing := anchors_missing(args.part, folder):
            for name, anchor in missing:
                print(f"{name}: anchor not in its article file: {anchor!r}")
            return 1
        return _report(args.part, score_folder(args.part, folder), problems=args.problems)
    aeb = shared_aeb()
    if aeb is None:
        print("the shared real news pages are not present (../shared/realnews/aeb)")
        return 1
    return _report(args.part, score(aeb, args.part), problems=args.problems)


def _report(part: str, tally: Tally, *, problems: bool) -> int:
    print(f"part: {part}")
    for line in tally.lines():
        print(line)
    if problems:
        print()
        print("\n".join(tally.problems))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
