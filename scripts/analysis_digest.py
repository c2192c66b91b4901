"""Print a digest of the whole analysis output over several corpora, to prove that a change
leaves ``analyse`` giving the same result on every input.

    uv run python scripts/analysis_digest.py [--src OTHER_CHECKOUT/src] [--fuzz N] [--texts DIR]

Each corpus is analysed and every :class:`~newsterm.analysis.Analysis` (cleaned body,
authors, quotations with speakers, paragraphs, fragment flags and offsets, contacts, credits,
dateline, word count) is hashed in order: one line per corpus (its size and digest) and a total.
Run it at two commits (``--src`` imports ``newsterm`` from another checkout, the corpora stay
this checkout's) and compare the lines.

Corpora: the labelled articles (``tests/fixtures/articles``); the hostile texts of the
property tests; the real news set (each labelled article file, and each of the benchmark
pages as ``newsterm parse`` reads it) and ``genfeeds.py`` items read by the feed parser, both
when ``../shared`` is present; ``bench/analysis.py``'s generated articles; and random
articles made of the words, marks and names the rules look at (``--fuzz``); and, with
``--texts DIR`` (repeatable), every ``*/article.txt`` under DIR read as a saved text article
(the unseen real sets kept outside the repository).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

Article = tuple[str, list[str], list[str], list[Any]]
"""title, paragraphs, authors, contacts (as ``analyse`` takes them)."""


def labelled_articles() -> Iterator[Article]:
    from newsterm.extract.text import decode, parse_article_text

    for path in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt")):
        title, paragraphs = parse_article_text(decode(path.read_bytes()))
        yield title, paragraphs, [], []


def text_files(folders: Sequence[Path]) -> Iterator[Article]:
    from newsterm.extract.text import decode, parse_article_text

    for folder in folders:
        for path in sorted(folder.glob("*/article.txt")):
            title, paragraphs = parse_article_text(decode(path.read_bytes()))
            yield title, paragraphs, [], []


def hostile_texts() -> Iterator[Article]:
    from tests.test_extract_properties import ADVERSARIAL, hostile_paragraphs

    for name in sorted(ADVERSARIAL):
        for paragraphs in hostile_paragraphs(name):
            yield "Title", paragraphs, [], []


def realnews_files() -> Iterator[Article]:
    from newsterm.extract.text import parse_article_text
    from tests.realnews_set import article_text, keys, shared_aeb

    aeb = shared_aeb()
    if aeb is None:
        return
    for key in keys("all"):
        title, paragraphs = parse_article_text(article_text(aeb, key))
        yield title, paragraphs, [], []


def realnews_pages() -> Iterator[Article]:
    from newsterm.ingest.files import parse_article_bytes
    from tests.realnews_set import page_markup, shared_aeb

    aeb = shared_aeb()
    if aeb is None:
        return
    for page in sorted((aeb / "html").glob("*.html.gz")):
        markup = page_markup(aeb, page.name.removesuffix(".html.gz"))
        title, paragraphs, authors = parse_article_bytes(markup.encode("utf-8"), ".html")
        yield title, paragraphs, authors, []


def genfeeds_items() -> Iterator[Article]:
    from newsterm.ingest.feed_item import item_to_article
    from newsterm.ingest.feed_parse import parse_feed
    from tests.realnews_set import shared_aeb

    aeb = shared_aeb()
    script = aeb.parents[1] / "bench" / "genfeeds.py" if aeb is not None else None
    if script is None or not script.is_file():
        return
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, str(script), "--feeds", "20", "--items", "50", "--out", out],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for number in range(1, 21):
            feed = parse_feed((Path(out) / f"feed-{number}.xml").read_bytes(), "http://x/")
            for item in feed.items:
                raw = item_to_article(item, "http://x/")
                yield raw.title, raw.paragraphs, raw.authors, raw.contacts


def generated_articles(count: int = 2000) -> Iterator[Article]:
    sys.path.insert(0, str(ROOT / "bench"))
    from analysis import make_article

    rng = random.Random(3)
    for _ in range(count):
        title, paragraphs = make_article(rng)
        yield title, paragraphs, [], []


_FUZZ_WORDS = str.split(
    "the a an of in on at for by to with and but so he she they it we I you his her their its"
    " said says told added asked noted warned according to pointed out put it saying adding"
    " called described urged pledged telling Mr. Mrs. Ms. Dr. Gov. Sen. Rep. St. U.S. Jr."
    " Ana Ruiz Tom Reid Ida Berg Omar Haddad May June Long He Trump Macron O'Neil McDonald"
    " de van al-Assad the company the council officials police residents spokesperson analyst"
    " chief executive director minister 42 2020 Tuesday January — – - ... … , , , . . . ; : ?"
    " ! ( ) [ ] @ @ana_ruiz ana@example.com ruiz@news.example.org https://example.com/x"
    " By BY Reporting Editing by Writing Associated Press Reuters AP Staff Reports Photo:"
    " Getty Images Advertisement Read more: Related: Sign up newsletter Copyright © Tags:"
    " Email Follow Twitter (@news) Write to at dot don’t it’s ’90s players’ rock’n’roll"
    " so-called known as dubbed film book “Red Dawn” Story continues below ___"
)
_FUZZ_MARKS = ("“", "”", '"', "‘", "’", "'", "«", "»", "’’")


def _fuzz_paragraph(rng: random.Random) -> str:
    out: list[str] = []
    for _ in range(rng.randint(1, 60)):
        roll = rng.random()
        if roll < 0.12:
            mark = rng.choice(_FUZZ_MARKS)
            out.append(mark + rng.choice(_FUZZ_WORDS) if rng.random() < 0.5 else mark)
        elif roll < 0.2 and out:
            out[-1] += rng.choice((*_FUZZ_MARKS, ",", ".", ",”", ".”", "?”", ":"))
        else:
            out.append(rng.choice(_FUZZ_WORDS))
    text = " ".join(out)
    if rng.random() < 0.3:
        text = text[:1].upper() + text[1:]
    return text


def fuzz_articles(count: int) -> Iterator[Article]:
    rng = random.Random(16)
    templates = (
        "By {0}",
        "{0} said.",
        "“{1},” {0} said.",
        "{0} told reporters: “{1}.”",
        "Write to {0} at {2}",
        "Email {0} at {2} or follow @{3}",
        "Reporting by {0}; Editing by {4}",
        "— {0}",
        "{0}, 47, a teacher, said",
        "“{1}",
    )
    for _ in range(count):
        paragraphs = []
        for _ in range(rng.randint(1, 14)):
            if rng.random() < 0.25:
                name = " ".join(rng.sample(["Ana", "Ruiz", "Tom", "Reid", "Dr.", "Lind"], 2))
                paragraphs.append(
                    rng.choice(templates).format(
                        name,
                        _fuzz_paragraph(rng),
                        f"{name.split()[0].lower()}@example.com",
                        name.split()[-1].lower(),
                        rng.choice(["Ida Berg", "Omar Haddad"]),
                    )
                )
            else:
                paragraphs.append(_fuzz_paragraph(rng))
        authors = ["Ana Ruiz"] if rng.random() < 0.2 else []
        yield _fuzz_paragraph(rng)[:80], paragraphs, authors, []


def digest(articles: Iterable[Article], analyse: Callable[..., Any]) -> tuple[int, str]:
    """How many articles, and the digest of their analyses in order."""
    hasher = hashlib.sha256()
    count = 0
    for title, paragraphs, authors, contacts in articles:
        analysis = analyse(title, paragraphs, authors=authors, contacts=contacts)
        hasher.update(repr(analysis).encode("utf-8", "surrogatepass"))
        count += 1
    return count, hasher.hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="newsterm's src folder")
    parser.add_argument("--fuzz", type=int, default=5000, help="random articles (5000)")
    parser.add_argument(
        "--texts", type=Path, action="append", default=[], help="folders of */article.txt"
    )
    args = parser.parse_args()
    sys.path[:0] = [str(args.src.resolve()), str(ROOT)]
    from newsterm.extract import analyse

    corpora: list[tuple[str, Iterable[Article]]] = [
        ("labelled articles", labelled_articles()),
        ("hostile texts", hostile_texts()),
        ("real news files", realnews_files()),
        ("real news pages", realnews_pages()),
        ("genfeeds items", genfeeds_items()),
        ("generated articles", generated_articles()),
        ("fuzz articles", fuzz_articles(args.fuzz)),
    ]
    if args.texts:
        corpora.append(("text files", text_files(args.texts)))
    total = hashlib.sha256()
    for name, articles in corpora:
        count, value = digest(articles, analyse)
        total.update(value.encode())
        print(f"{name}: {count} {value}")
    print(f"total: {total.hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
