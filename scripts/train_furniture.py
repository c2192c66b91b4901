"""Train the furniture model (``src/newsterm/extract/furniture_weights.py``) on the labelled sets.

Rows: every labelled article of every set, analysed as the scorer analyses it (``tests/
realnews_set.py``) with the rules alone; each paragraph the rules keep is furniture (a labelled
furniture line, a paragraph mostly outside an aeb page's true body, or one outside the labelled
first..last body range) or body. Training: logistic regression by Adagrad, a fixed order and a
fixed number of passes (pure Python, deterministic). ``--loso`` scores each set with a model
trained on the others (first / last paragraph, furniture left, story paragraphs dropped) for a
grid of thresholds; ``--write`` writes the model trained on every set.

Run: uv run python scripts/train_furniture.py --loso
     uv run python scripts/train_furniture.py --write [--drop-above P --body-below P]
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from furniture_rows import EVERY, Article, all_sets, load  # noqa: E402

from newsterm.extract.furniture import features, furniture_places  # noqa: E402
from tests.realnews_set import norm  # noqa: E402

OUT = ROOT / "src" / "newsterm" / "extract" / "furniture_weights.py"
EPOCHS = 8
RATE = 0.2
L2 = 1e-4
ALLOWED = False
MOST = 0.34
HEAD = True
LONGEST = 30
Sets = dict[str, dict[str, list[Article]]]


Row = tuple[dict[str, float], int]


def rows_of(articles: Sequence[Article]) -> list[Row]:
    """Each paragraph's features and label; the byline, trailer and standfirst lines the scorer
    sets aside are neither, and left out when ``ALLOWED`` is false."""
    return [
        (features(a.paragraphs, i), int(a.furniture[i]))
        for a in articles
        for i in range(len(a.paragraphs))
        if ALLOWED or not a.allowed[i]
    ]


def train(rows: Sequence[Row], epochs: int = EPOCHS) -> dict[str, float]:
    """Logistic regression by Adagrad over ``rows`` in their order: the same rows give the same
    weights on every run."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    for _ in range(epochs):
        for found, target in rows:
            total = sum(v * weights.get(k, 0.0) for k, v in found.items())
            chance = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
            error = chance - target
            for name, value in found.items():
                grad = error * value + L2 * weights.get(name, 0.0)
                squares[name] = squares.get(name, 0.0) + grad * grad
                weights[name] = weights.get(name, 0.0) - RATE * grad / math.sqrt(
                    squares[name] + 1e-8
                )
    return {k: round(v, 4) for k, v in sorted(weights.items()) if round(v, 4)}


@dataclass
class Score:
    articles: int = 0
    first: int = 0
    last: int = 0
    left: int = 0
    left_articles: int = 0
    dropped_body: int = 0
    dropped_quoted: int = 0
    dropped_furniture: int = 0

    def add(self, article: Article, drop: set[int]) -> None:
        self.articles += 1
        body = [
            i
            for i in range(len(article.paragraphs))
            if i not in drop and not (article.allowed[i] and norm(article.paragraphs[i]))
        ]
        texts = [norm(article.paragraphs[i]) for i in body]
        self.first += bool(texts) and texts[0].startswith(article.first)
        self.last += bool(texts) and texts[-1].startswith(article.last)
        left = sum(article.left[i] for i in body)
        self.left += left
        self.left_articles += bool(left)
        for i in drop:
            if article.furniture[i]:
                self.dropped_furniture += 1
            else:
                self.dropped_body += 1
                self.dropped_quoted += any(q in article.paragraphs[i] for q in '“”"')

    def merge(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        n = self.articles or 1
        return (
            f"first {self.first / n:.3f} last {self.last / n:.3f} "
            f"furniture {self.left} in {self.left_articles} "
            f"dropped: furniture {self.dropped_furniture}, story {self.dropped_body} "
            f"(quoted {self.dropped_quoted})"
        )


Pair = tuple[float, float, float, bool]
GRID: list[Pair] = [
    (a, 0.2, c, h) for a in (0.5, 0.7, 0.9) for c in (1.0, 0.34) for h in (True, False)
]


def training_articles(
    sets: Sets, views: Sequence[str], leave: str = "", also: Sequence[str] = ()
) -> list[Article]:
    """The articles of every set but ``leave`` (and ``also``), in the given views, in a fixed
    order."""
    return [
        article
        for name, set_views in sets.items()
        if name != leave and name not in also
        for view in views
        for article in set_views.get(view, [])
    ]


def _score(articles: Sequence[Article], weights: dict[str, float] | None, pair: Pair) -> Score:
    score = Score()
    for article in articles:
        drop = (
            furniture_places(
                article.paragraphs,
                weights,
                drop_above=pair[0],
                body_below=pair[1],
                most=pair[2],
                head=pair[3],
                longest=LONGEST,
            )
            if weights is not None
            else set()
        )
        score.add(article, drop)
    return score


def loso(sets: Sets, views: Sequence[str], judged: Sets, skip: Sequence[str] = ()) -> None:
    """Each set of ``judged`` (its ``kept`` view) scored by a model trained on every other set
    of ``sets``, for each threshold pair."""
    totals = {pair: Score() for pair in GRID}
    base = Score()
    for name, judged_views in judged.items():
        articles = judged_views["kept"]
        weights = train(rows_of(training_articles(sets, views, leave=name, also=skip)))
        rules = _score(articles, None, GRID[0])
        print(f"\n## {name} ({len(articles)} articles)\n   rules only:  {rules.line()}")
        base.merge(rules)
        for pair in GRID:
            score = _score(articles, weights, pair)
            totals[pair].merge(score)
            print(f"   {pair}: {score.line()}", flush=True)
    print(f"\n## every set, left out in turn\n   rules only:  {base.line()}")
    for pair in GRID:
        print(f"   {pair}: {totals[pair].line()}")


def write(weights: dict[str, float], drop_above: float, body_below: float, path: Path) -> None:
    lines = [
        '"""The furniture model\'s weights, written by scripts/train_furniture.py: do not edit."""',
        "",
        f"DROP_ABOVE = {drop_above}",
        f"BODY_BELOW = {body_below}",
        f"MOST = {MOST}",
        f"HEAD = {HEAD}",
        f"LONGEST = {LONGEST}",
        "WEIGHTS: dict[str, float] = {",
        *(f'    "{k}": {v},' for k, v in weights.items()),
        "}",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loso", action="store_true", help="leave one set out, every set")
    parser.add_argument("--write", action="store_true", help="write the model from every set")
    parser.add_argument("--drop-above", type=float, default=0.7)
    parser.add_argument("--body-below", type=float, default=0.2)
    parser.add_argument("--sets", default=",".join(EVERY))
    parser.add_argument("--views", default="raw,kept", help="the views trained on")
    parser.add_argument("--not-trained", default="aeb", help="sets judged but never trained on")
    parser.add_argument("--rows", help="the rows dumped by furniture_rows.py (else built now)")
    parser.add_argument("--judge", help="judge the left-out set's kept view from these rows")
    args = parser.parse_args(argv)
    names = args.sets.split(",")
    sets = load(Path(args.rows)) if args.rows else all_sets(names)
    sets = {n: v for n, v in sets.items() if n in names}
    views = args.views.split(",")
    skip = [n for n in args.not_trained.split(",") if n]
    if args.loso:
        judged = load(Path(args.judge)) if args.judge else sets
        loso(sets, views, {n: v for n, v in judged.items() if n in sets}, skip)
    if args.write:
        weights = train(rows_of(training_articles(sets, views, also=skip)))
        write(weights, args.drop_above, args.body_below, OUT)
        print(f"wrote {OUT} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
