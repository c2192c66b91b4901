"""Benchmark the analysis pipeline (issue 3): labelled-set scores, articles per second, and the
CPU time of ten thousand hostile characters (each should take well under 100 ms).

Run: uv run python bench/analysis.py [--articles N]
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from newsterm.extract import analyse  # noqa: E402
from tests.extract_scoring import score_all  # noqa: E402
from tests.test_extract_properties import ADVERSARIAL, hostile_paragraphs  # noqa: E402

_WORDS = str.split(
    "the council said on Tuesday that its budget would rise as officials in the city warned"
    " of higher costs for schools roads and hospitals while residents who spoke at a meeting"
    " asked for more time to study plans that could change how services are paid for next year"
)
_NAMES = ["Ana Lima", "Tom Reid", "Ida Berg", "Omar Haddad", "Lena Holt", "Kwame Asante"]


def _sentence(rng: random.Random, size: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(size)]
    return " ".join(words).capitalize() + "."


def make_article(rng: random.Random) -> tuple[str, list[str]]:
    """A typical ~600-word article: byline, dateline, quotes, boilerplate, Write to line."""
    author, other = rng.sample(_NAMES, 2)
    paragraphs = [f"By {author.upper()}, Associated Press"]
    paragraphs.append("WASHINGTON (AP) — " + _sentence(rng, 30))
    words = 30
    while words < 560:
        kind = rng.random()
        if kind < 0.25:
            text = f"“{_sentence(rng, 18)[:-1]},” {other} said. “{_sentence(rng, 12)}”"
        elif kind < 0.35:
            text = f"{_sentence(rng, 14)} In a statement, she said, “{_sentence(rng, 16)}”"
        elif kind < 0.42:
            text = (
                f"Officials called it a so-called “{rng.choice(_WORDS)}” and {_sentence(rng, 10)}"
            )
        elif kind < 0.47:
            text = rng.choice(["Advertisement", "Sign up for our newsletter", "Read more: x"])
        else:
            text = " ".join(_sentence(rng, rng.randint(12, 24)) for _ in range(2))
        paragraphs.append(text)
        words += len(text.split())
    paragraphs.append(f"Write to {author} at {author.split()[0].lower()}@example.com")
    paragraphs.append("Leave a Comment")
    return "Council budget rises as costs climb", paragraphs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()

    print(f"python {platform.python_version()} on {platform.machine()}")
    print("## Labelled set (tests/fixtures/articles)")
    scores = score_all()
    for line in scores.lines():
        print(line)
    for problem in scores.problems:
        print("  problem:", problem)

    rng = random.Random(3)
    corpus = [make_article(rng) for _ in range(args.articles)]
    words = sum(len(" ".join(p).split()) for _t, p in corpus)
    for title, paragraphs in corpus[:50]:
        analyse(title, paragraphs)  # warm up
    best = float("inf")
    for _round in range(3):
        started = time.perf_counter()
        for title, paragraphs in corpus:
            analyse(title, paragraphs)
        best = min(best, time.perf_counter() - started)
    print("## Throughput (one core, generated corpus)")
    print(f"articles: {len(corpus)}, mean words: {words / len(corpus):.0f}")
    print(f"throughput: {len(corpus) / best:.0f} articles/second (best of 3)")
    print(f"mean time per article: {best / len(corpus) * 1000:.2f} ms")
    print(
        "## Hostile text (10,000 characters; CPU ms, best of 3; one paragraph / paragraphs of 500)"
    )
    for name in sorted(ADVERSARIAL):
        timings = []
        for paragraphs in hostile_paragraphs(name):
            analyse("Title", paragraphs)  # warm up
            fastest = float("inf")
            for _round in range(3):
                started = time.process_time()
                analyse("Title", paragraphs)
                fastest = min(fastest, time.process_time() - started)
            timings.append(f"{fastest * 1000:.1f}")
        print(f"{name}: {' / '.join(timings)} ms")


if __name__ == "__main__":
    main()
