"""Score the analysis on the hand-labelled real news set (tests/fixtures/realnews/labels.json).

Reads the pages from ``<repo>/../shared/realnews/aeb`` (or ``$NEWSTERM_SHARED``). The tuned part
is what the analysis was developed against; the held-out parts (held-out: 13 pages, held-out-2:
25 pages drawn later) are scored apart, once each, at the end.

Run: uv run python scripts/score_realnews.py [--part tuned|held-out|held-out-2|all] [--problems]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.realnews_set import PARTS, score, shared_aeb  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=PARTS, default="tuned")
    parser.add_argument("--problems", action="store_true", help="list every mismatch")
    args = parser.parse_args()
    aeb = shared_aeb()
    if aeb is None:
        print("the shared real news pages are not present (../shared/realnews/aeb)")
        return 1
    tally = score(aeb, args.part)
    print(f"part: {args.part}")
    for line in tally.lines():
        print(line)
    if args.problems:
        print()
        print("\n".join(tally.problems))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
