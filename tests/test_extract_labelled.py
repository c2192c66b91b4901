"""The analysis pipeline scored against the labelled article set in tests/fixtures/articles."""

from __future__ import annotations

import pytest

from newsterm.extract import analyse
from newsterm.extract.text import count_words, decode, parse_article_text
from tests.conftest import SHARED_HINT, shared_file
from tests.extract_scoring import Scores, load, names, score_all, score_article


def test_the_labelled_set_is_big_enough() -> None:
    assert len(names()) >= 30


def test_quotation_scores_over_the_whole_set() -> None:
    scores = score_all()
    report = "\n".join(scores.lines())
    assert scores.precision >= 0.95, report
    assert scores.recall >= 0.90, report
    assert scores.speaker_accuracy >= 0.90, report


@pytest.mark.parametrize("name", names())
def test_article_exact_fields(name: str) -> None:
    """Authors, contacts, credits, dateline, title and boilerplate are exact on every file."""
    scores = Scores()
    score_article(name, scores)
    exact = [p for p in scores.problems if "quote" not in p and "speaker" not in p]
    assert exact == []


@pytest.mark.parametrize("name", names())
def test_quote_offsets_point_into_the_body(name: str) -> None:
    result, _expected = load(name)
    for quote in result.quotes:
        paragraph = result.paragraphs[quote.paragraph]
        first = quote.text.split(" ")[0]
        assert paragraph[quote.start :].startswith(first)


def test_word_count_and_reading_time_use_the_clean_body() -> None:
    result, _expected = load("wsj_port_strike")
    assert result.word_count == count_words(result.paragraphs)
    assert 100 < result.word_count < 238
    assert result.reading_minutes == 1


SEED = shared_file("seeds/000_8e6d8826c2cc55b4.txt")


@pytest.mark.skipif(SEED is None, reason=f"no {SHARED_HINT}/seeds (a user's checkout has none)")
def test_the_real_seed_article() -> None:
    assert SEED is not None
    title, paragraphs = parse_article_text(decode(SEED.read_bytes()))
    result = analyse(title, paragraphs)
    assert result.title == (
        "Venezuela Frees Detained Americans in Slow Release of Political Prisoners"
    )
    assert result.authors == ["Robbie Gramer", "Michael Amon"]
    assert {(c.name, c.email) for c in result.contacts} == {
        ("Robbie Gramer", "robbie.gramer@wsj.com"),
        ("Michael Amon", "michael.amon@wsj.com"),
    }
    speakers = [q.speaker for q in result.quotes]
    assert speakers == [
        "a State Department spokesperson",
        "a State Department spokesperson",
        "Trump",
        "the mission",
        "the mission",
    ]
    assert [q.fragment for q in result.quotes] == [False, False, False, False, True]
    assert result.quotes[-1].text == "arbitrary detention as a tool of repression."
    body = "\n".join(result.paragraphs)
    assert "A vigil was held" not in body  # the lead photo's bare caption
    assert result.paragraphs[1].startswith("U.S. officials released few details")
    assert "Write to" not in body
    assert "Leave a Comment" not in body
