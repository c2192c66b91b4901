"""Instructions an article for ``analyse`` (callgrind), on generated and on real articles: a
load-proof way to compare two checkouts, or a rule before and after its cheap pre-check.

    uv run python bench/analysis_instructions.py [--src OTHER/src] [--articles 100]
        [--texts DIR]...

Each corpus is pickled, then analysed under ``valgrind --tool=callgrind`` twice, with N
articles and with none: the difference over N is the count an article (start-up and imports
fall out). Counts move by about 0.3 % between runs; the machine's load does not change them.
Corpora: ``bench/analysis.py``'s articles (seed 3, the first N), and real ones: the labelled
``tests/fixtures/articles``, the real news files built from ``../shared/realnews/aeb`` (when
present) and every ``DIR/*/article.txt`` given with ``--texts``. ``--src`` imports
``newsterm`` from another checkout (the corpora stay this one's). Needs valgrind.
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT

RUNNER = """
import pickle, sys
sys.path.insert(0, sys.argv[3])
corpus = pickle.load(open(sys.argv[1], "rb"))
from newsterm.extract import analyse
analyse(*corpus[0])
for title, paragraphs in corpus[: int(sys.argv[2])]:
    analyse(title, paragraphs)
"""


def corpora(count: int, texts: list[Path]) -> dict[str, list[tuple[str, list[str]]]]:
    """The generated articles and the real ones, as (title, paragraphs)."""
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    from analysis import make_article

    from newsterm.extract.text import decode, parse_article_text
    from tests.realnews_set import article_text, keys, shared_aeb

    rng = random.Random(3)
    real = [
        parse_article_text(decode(path.read_bytes()))
        for path in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
    ]
    aeb = shared_aeb()
    if aeb is not None:
        real += [parse_article_text(article_text(aeb, key)) for key in keys("all")]
    for folder in texts:
        real += [
            parse_article_text(decode(path.read_bytes()))
            for path in sorted(folder.glob("*/article.txt"))
        ]
    return {"generated": [make_article(rng) for _ in range(count)], "real": real}


def collected(src: Path, corpus: Path, count: int) -> int:
    """Instructions callgrind counts for a process analysing ``count`` articles."""
    run = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            RUNNER,
            str(corpus),
            str(count),
            str(src),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        check=True,
    )
    found = re.search(r"Collected : (\d+)", run.stderr)
    if found is None:
        sys.exit(f"no count from callgrind: {run.stderr[-500:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="newsterm's src folder")
    parser.add_argument("--articles", type=int, default=100, help="generated articles (100)")
    parser.add_argument(
        "--texts", type=Path, action="append", default=[], help="folders of */article.txt"
    )
    args = parser.parse_args()
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(args.src)], check=True, capture_output=True
    )
    with tempfile.TemporaryDirectory() as out:
        for name, articles in corpora(args.articles, args.texts).items():
            path = Path(out) / f"{name}.pkl"
            path.write_bytes(pickle.dumps(articles))
            cost = collected(args.src, path, len(articles)) - collected(args.src, path, 0)
            each = cost / len(articles) / 1e6
            print(f"{name}: {len(articles)} articles, {each:.3f} M instructions an article")


if __name__ == "__main__":
    main()
