"""The analysis on the hand-labelled real news set (tests/fixtures/realnews, pages in ../shared).

Only the tuned part is scored here; the held-out parts are scored apart by
``scripts/score_realnews.py --part held-out`` and ``--part held-out-2``. The floors are the
scores reached, less a small margin, so that a change that loses ground fails.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.realnews_set import keys, labels, score, shared_aeb

AEB = shared_aeb()
FLOORS = {
    "precision": 0.94,
    "recall": 0.95,
    "speakers": 0.93,
    "authors": 0.96,
    "first": 0.90,
    "last": 0.80,
}
"""The tuned part's scores (65 pages) on 5 December 2026: quotations, speakers and authors
at s8-realnews's rules (0.963, 0.963, 0.944, 0.976), first and last paragraph at s7-text's
(0.938, 0.892), less a margin. The last paragraph's floor went from 0.85 to 0.80 on
6 December 2026 with the learned furniture model (0.831 there): the benchmark's bodies end
on lines the other sets' labellers count as furniture ("Contributing: …", "Follow … on
Facebook"), and the model, trained on those sets, drops them; its leave-one-set-out gain on
the other sets is in bench/RESULTS.md."""
needs_pages = pytest.mark.skipif(
    AEB is None, reason="the shared real news pages (../shared/realnews/aeb) are not present"
)


def test_the_labelled_set_is_big_enough_with_a_fifth_held_out() -> None:
    articles = labels()["articles"]
    assert len(articles) >= 60
    held = set(keys("held-out")) | set(keys("held-out-2"))
    assert len(keys("held-out")) == 13
    assert len(keys("held-out-2")) == 25
    assert len(held) >= len(articles) // 5
    assert held <= set(articles)
    assert not held & set(keys("tuned"))
    assert len(keys("tuned")) + len(held) == len(articles)


def test_labels_keep_only_short_anchors() -> None:
    """No page text is copied: quotations are anchors of at most six words."""
    for article in labels()["articles"].values():
        for quote in article["quotes"]:
            assert len(quote["anchor"].split()) <= 6
            assert quote["words"] >= len(quote["anchor"].split())


@needs_pages
def test_the_tuned_part_scores() -> None:
    assert AEB is not None
    tally = score(AEB, "tuned")
    report = "\n".join(tally.lines())
    precision, recall, _f1 = tally.quote_prf()
    assert precision >= FLOORS["precision"], report
    assert recall >= FLOORS["recall"], report
    assert tally.speaker_accuracy >= FLOORS["speakers"], report
    tp, fp, fn = tally.authors
    assert 2 * tp / (2 * tp + fp + fn) >= FLOORS["authors"], report
    assert tally.first_right / tally.articles >= FLOORS["first"], report
    assert tally.last_right / tally.articles >= FLOORS["last"], report


@needs_pages
def test_every_labelled_page_builds_its_article_file() -> None:
    from tests.realnews_set import article_text

    assert AEB is not None
    for key in keys("all"):
        text = article_text(AEB, key)
        for anchor in labels()["articles"][key]["byline"]:
            assert anchor in text


@pytest.mark.parametrize(
    ("part", "repo", "size", "quotes"),
    [
        ("held-out-3", "mozilla/readability", 20, 140),
        ("held-out-4", "codelucas/newspaper", 15, 100),
    ],
)
def test_folder_part_labels_keep_short_anchors_and_their_sources(
    part: str, repo: str, size: int, quotes: int
) -> None:
    """held-out-3 and held-out-4 copy no article text and say where each article came from."""
    from tests.realnews_set import folder_labels

    articles = folder_labels(part)["articles"]
    assert len(articles) >= size
    assert sum(len(a["quotes"]) for a in articles.values()) >= quotes
    for article in articles.values():
        assert article["source"]["repo"] == repo
        assert len(article["source"]["commit"]) == 40
        anchors = [q["anchor"] for q in article["quotes"]]
        anchors += article["byline"] + article["trailer"] + article["furniture"]
        assert all(len(anchor.split()) <= 6 for anchor in anchors)
        for quote in article["quotes"]:
            assert quote["speaker"] and quote["words"] >= len(quote["anchor"].split())


def test_held_out_4_was_frozen_before_the_analysis_ran_on_it() -> None:
    from tests.realnews_set import folder_labels

    assert folder_labels("held-out-4")["frozen"] == "2026-12-05T15:35Z"


def _labelled(paragraph: int, anchor: str, words: int) -> dict[str, object]:
    return {
        "paragraph": paragraph,
        "anchor": anchor,
        "words": words,
        "speaker": ["Ann Vale"],
        "fragment": False,
    }


def test_a_quotation_continued_over_paragraphs_counts_once_however_it_is_split() -> None:
    """Labels that split a quotation running over two paragraphs match the one quotation the
    analysis finds, and the other way round; one found and one wanted either way."""
    from newsterm.analysis import Analysis, Quote
    from tests.realnews_set import Tally, score_analysis

    first = "We planted the orchard in a single wet spring and lost half of it"
    second = "By autumn the rest had taken and we knew it would hold"
    split = [_labelled(2, "We planted the orchard", 14), _labelled(3, "By autumn the rest", 12)]
    whole = Quote(text=f"{first} {second}", speaker="Ann Vale", paragraph=2)
    label = {"quotes": split, "authors": [], "emails": []}
    tally = Tally()
    score_analysis(Analysis(title="t", paragraphs=[], quotes=[whole]), label, "t", tally)
    assert (tally.quotes_found, tally.quotes_wanted, tally.quotes_matched) == (1, 1, 1)
    assert tally.speakers_right == 1

    parts = [
        Quote(text=first, speaker="Vale", paragraph=2),
        Quote(text=second, speaker="Vale", paragraph=3),
    ]
    one = {"quotes": [_labelled(2, "We planted the orchard", 26)], "authors": [], "emails": []}
    tally = Tally()
    score_analysis(Analysis(title="t", paragraphs=[], quotes=parts), one, "t", tally)
    assert (tally.quotes_found, tally.quotes_wanted, tally.quotes_matched) == (1, 1, 1)


def test_two_quotations_of_consecutive_paragraphs_are_not_taken_for_one() -> None:
    """Only a found quotation that holds both labelled ones, at their joint length, merges them."""
    from newsterm.analysis import Analysis, Quote
    from tests.realnews_set import Tally, score_analysis

    split = [_labelled(2, "We planted the orchard", 14), _labelled(3, "By autumn the rest", 12)]
    short = Quote(
        text="We planted the orchard in a single wet spring and lost half of it",
        speaker="Ann Vale",
        paragraph=2,
    )
    tally = Tally()
    score_analysis(
        Analysis(title="t", paragraphs=[], quotes=[short]),
        {"quotes": split, "authors": [], "emails": []},
        "t",
        tally,
    )
    assert (tally.quotes_found, tally.quotes_wanted, tally.quotes_matched) == (1, 2, 1)


def test_a_byline_the_labeller_built_is_not_scored_as_authors() -> None:
    """Authors count where the byline is as the page printed it, and not where the labeller
    wrote it from a parser's author list ("byline_synthetic")."""
    from newsterm.analysis import Analysis
    from tests.realnews_set import Tally, score_analysis

    result = Analysis(title="t", paragraphs=[], authors=["Ann Vale"])
    printed = {"quotes": [], "authors": ["Ann Vale", "Tom Reed"], "emails": []}
    tally = Tally()
    score_analysis(result, printed, "t", tally)
    assert tally.authors == [1, 0, 1]
    built = {**printed, "byline_synthetic": True}
    tally = Tally()
    score_analysis(result, built, "t", tally)
    assert tally.authors == [0, 0, 0]


def _score_realnews_main() -> Callable[[list[str]], int]:
    """``main`` of scripts/score_realnews.py (a script, not a module of the package)."""
    path = Path(__file__).resolve().parents[1] / "scripts" / "score_realnews.py"
    spec = importlib.util.spec_from_file_location("score_realnews", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    main: Callable[[list[str]], int] = module.main
    return main


_INVENTED_ARTICLE = """Harbour lights return

By Ann Vale

The harbour lights came back on Tuesday after a winter in the dark.

"We waited a long winter for this," said Tom Reed, the harbour master.

Contact Ann Vale at ann.vale@example.org.
"""


def _invented_labels(anchor: str) -> dict[str, object]:
    quote = {
        "paragraph": 1,
        "anchor": anchor,
        "words": 7,
        "speaker": ["Tom Reed", "Reed"],
        "fragment": False,
    }
    article = {
        "source": {"repo": "invented/test", "path": "harbour.txt", "commit": "0" * 40},
        "byline": ["By Ann Vale"],
        "trailer": ["Contact Ann Vale at"],
        "standfirst": [],
        "authors": ["Ann Vale"],
        "emails": ["ann.vale@example.org"],
        "first": "The harbour lights came back",
        "last": "We waited a long winter",
        "furniture": [],
        "quotes": [quote],
    }
    return {"about": "invented", "frozen": "2026-12-05T18:00Z", "articles": {"harbour": article}}


def test_score_realnews_scores_a_labels_file_given_by_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A held-out part whose labels live outside the repo is scored from --labels PATH, with
    its article files from --folder; the counts come from that file."""
    (tmp_path / "harbour").mkdir()
    (tmp_path / "harbour" / "article.txt").write_text(_INVENTED_ARTICLE, encoding="utf-8")
    labels = tmp_path / "labels_invented.json"
    labels.write_text(json.dumps(_invented_labels("We waited a long winter for")), "utf-8")
    main = _score_realnews_main()

    assert main(["--labels", str(labels), "--folder", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "part: labels_invented.json" in out
    assert "articles: 1" in out
    assert "quotations: wanted 1," in out


def test_score_realnews_refuses_a_labels_file_its_folder_does_not_match(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No folder, a folder without the article, or an anchor the file lacks: one line, exit 1,
    and no scoring."""
    labels = tmp_path / "labels_invented.json"
    labels.write_text(json.dumps(_invented_labels("Nobody said this at all")), "utf-8")
    main = _score_realnews_main()

    assert main(["--labels", str(labels)]) == 1
    assert "--labels needs --folder" in capsys.readouterr().out
    assert main(["--labels", str(labels), "--folder", str(tmp_path)]) == 1
    assert "no article file in" in capsys.readouterr().out
    (tmp_path / "harbour").mkdir()
    (tmp_path / "harbour" / "article.txt").write_text(_INVENTED_ARTICLE, encoding="utf-8")
    assert main(["--labels", str(labels), "--folder", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "harbour: anchor not in its article file: 'Nobody said this at all'" in out
    assert "articles:" not in out
