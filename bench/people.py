"""The people index on a big cache: `newsterm people`, its filter and one person's quotations.

    uv run python bench/people.py [--count 100000] [--rounds 5]

Builds a cache of ``--count`` articles with first_paint's direct inserts
(bench/out/people-N.db), then gives 40 % of them 1-8 quotations each from 20,000 invented
people drawn by Zipf's law (as news quotes a few people often and most once), a third of the
quotations under a surname alone ("Okafor") where the person has a full name elsewhere, as
the analysis leaves a speaker the article never names in full. Then times, in one process,
the store calls the CLI and the people screen make (best and median of the rounds), and
prints them as JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
from pathlib import Path

from common import ROOT, timed
from first_paint import build_newsterm

sys.path.insert(0, str(ROOT / "src"))

from newsterm.extract.people import merge_names
from newsterm.store import Store
from newsterm.store.people import named, spellings

FIRST = [
    "Ana",
    "Ben",
    "Carla",
    "Dev",
    "Elif",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Kofi",
    "Lena",
    "Mateo",
    "Nia",
    "Omar",
    "Pia",
]
LAST = [f"{a}{b}" for a in ("Ok", "Brand", "Lind", "Mor", "Hal", "Vos", "Rey") for b in range(400)]


def fill_quotes(path: Path, seed: int = 7) -> int:
    """Give 40 % of the articles quotations by Zipf-drawn people; returns the quotations."""
    rng = random.Random(seed)
    people = [f"{rng.choice(FIRST)} {last}" for last in rng.sample(LAST, len(LAST))][:20000]
    weights = [1 / (rank + 1) for rank in range(len(people))]
    with Store.open(path) as store:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
        rows = []
        for article_id in ids:
            if rng.random() >= 0.4:
                continue
            quoted = rng.choices(people, weights, k=rng.randint(1, 4))
            position = 0
            for person in quoted:
                for _ in range(rng.randint(1, 2)):
                    name = person.split()[-1] if rng.random() < 0.33 else person
                    rows.append((article_id, position, f"words {position}", name, 0, 0, -1, name))
                    position += 1
        with store.write() as conn:
            conn.execute("DELETE FROM quotes")
            conn.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        store.conn.execute("ANALYZE")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    path = ROOT / "bench" / "out" / f"people-{args.count}.db"
    path.parent.mkdir(exist_ok=True)
    build_newsterm(path, args.count)
    quotations = fill_quotes(path)
    with Store.open(path) as store:
        aliases = merge_names(store.person_names())
        top = store.people(aliases, limit=1)[0].name
        everyone = store.people(aliases, limit=None, details=False)
        folded = [person.name.casefold() for person in everyone]
        figures = {
            "machine": f"{platform.machine()}, Python {platform.python_version()}",
            "articles": args.count,
            "quotations": quotations,
            "names": len(store.person_names()),
            "aliases": len(aliases),
            "names and merge": timed(args.rounds, lambda: merge_names(store.person_names())),
            "people, first 50 with details (CLI)": timed(
                args.rounds, lambda: store.people(aliases, limit=50)
            ),
            "everyone (the people screen, once when it opens)": timed(
                args.rounds, lambda: store.people(aliases, limit=None, details=False)
            ),
            "the screen's filter as typed, 'ok' (in memory)": timed(
                args.rounds, lambda: named(everyone, folded, "ok")
            ),
            "one person's quotations": timed(
                args.rounds,
                lambda: store.quotations(person=spellings(aliases, top), limit=500),
            ),
        }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
