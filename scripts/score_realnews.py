"""Score the analysis on the hand-labelled real news set (tests/fixtures/realnews/labels.json).

Reads the pages from ``<repo>/../shared/realnews/aeb`` (or ``$NEWSTERM_SHARED``). The tuned part
is what the analysis was developed against; the held-out parts (held-out: 13 pages, held-out-2:
25 pages drawn later) were scored apart, once each, and are tuned material since session 7
(``--part all`` is the whole tuned material). held-out-3 is 21 news pages of mozilla/readability's
test set, labelled in ``tests/fixtures/realnews/labels_readability.json``; its article files are
read from the folder given with ``--folder`` (or ``$NEWSTERM_READABILITY``). held-out-4 is 15 news
articles of codelucas/newspaper's test data, labelled in
``tests/fixtures/realnews/labels_newspaper.json``, read the same way (or ``$NEWSTERM_NEWSPAPER``).

A held-out part whose labels must stay out of the repo (so that no one tunes on them) is scored
from its labels file's path, with ``--labels PATH --folder DIR``; the file has the structure of
``labels_newspaper.json``.

Run: uv run python scripts/score_realnews.py [--part tuned|held-out|held-out-2|all] [--problems]
     uv run python scripts/score_realnews.py --part held-out-3|held-out-4 --folder DIR [--problems]
     uv run python scripts/score_realnews.py --labels PATH --folder DIR [--problems]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.realnews_set import (  # noqa: E402
    FOLDER_PARTS,
    PARTS,
    Tally,
    anchors_missing,
    files_missing,
    folder_labels,
    labels_file,
    part_folder,
    score,
    score_folder,
    shared_aeb,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--part", choices=(*PARTS, *FOLDER_PARTS), default="tuned")
    which.add_argument(
        "--labels", metavar="PATH", help="a labels file kept outside the repo (needs --folder)"
    )
    parser.add_argument(
        "--folder", help="held-out-3/4 or --labels: the folder of NAME/article.txt files"
    )
    parser.add_argument("--problems", action="store_true", help="list every mismatch")
    args = parser.parse_args(argv)
    if args.labels:
        return _score_labels_file(Path(args.labels), args.folder, problems=args.problems)
    if args.part in FOLDER_PARTS:
        folder = part_folder(args.part, args.folder)
        if folder is None:
            print(f"{args.part}'s article files are not there (--folder DIR with NAME/article.txt)")
            return 1
        return _score_folder(args.part, folder_labels(args.part), folder, problems=args.problems)
    aeb = shared_aeb()
    if aeb is None:
        print("the shared real news pages are not present (../shared/realnews/aeb)")
        return 1
    return _report(args.part, score(aeb, args.part), problems=args.problems)


def _score_labels_file(path: Path, folder: str | None, *, problems: bool) -> int:
    if not folder or not Path(folder).is_dir():
        print("--labels needs --folder DIR, the folder of the labelled NAME/article.txt files")
        return 1
    try:
        labels = labels_file(path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"cannot read the labels file {path}: {error}")
        return 1
    if not isinstance(labels, dict) or not isinstance(labels.get("articles"), dict):
        print(f'{path} is not a labels file (no "articles")')
        return 1
    if missing := files_missing(labels, Path(folder)):
        print(f"no article file in {folder} for: {', '.join(missing)}")
        return 1
    return _score_folder(path.name, labels, Path(folder), problems=problems)


def _score_folder(part: str, labels: dict[str, Any], folder: Path, *, problems: bool) -> int:
    """Score a part read from a folder, once its files are checked against the frozen anchors."""
    if missing := anchors_missing(labels, folder):
        for name, anchor in missing:
            print(f"{name}: anchor not in its article file: {anchor!r}")
        return 1
    return _report(part, score_folder(labels, folder), problems=problems)


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
