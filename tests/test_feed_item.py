"""The one normaliser of feed items: each text cleaned once, the same as cleaning it whole."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsterm.extract.text import clean_paragraph, sanitize_line
from newsterm.ingest import feed_item
from newsterm.ingest.feed_item import SUMMARY_LIMIT, item_to_article
from newsterm.ingest.feed_model import FeedItem

# Words, the spaces clean paragraphs may still hold (a line separator, an ogham space), and
# the ones cleaning collapses; repeated, so that paragraphs reach and pass the summary's limit.
_PIECE = st.sampled_from(["word", "“quoted”", " ", "  ", "\u2028", "\u1680 ", "\t", "é", "x" * 97])
_PARAGRAPH = st.tuples(st.lists(_PIECE, max_size=12).map("".join), st.integers(1, 60)).map(
    lambda pair: clean_paragraph(pair[0] * pair[1])
)
_PARAGRAPHS = st.lists(_PARAGRAPH, max_size=8).map(lambda ps: [p for p in ps if p])


@given(_PARAGRAPHS)
def test_a_summary_read_from_the_first_paragraphs_is_the_whole_body_on_one_line(
    paragraphs: list[str],
) -> None:
    expected = sanitize_line(" ".join(paragraphs), SUMMARY_LIMIT)
    assert feed_item._summary_of(paragraphs) == expected


def test_a_body_only_item_has_its_first_600_characters_as_summary() -> None:
    body = "".join(f"<p>Paragraph {n} " + "word " * 40 + "</p>" for n in range(20))
    article = item_to_article(FeedItem(title="T", summary=body), "https://feeds.example/")
    assert len(article.paragraphs) == 20
    assert article.summary == sanitize_line(" ".join(article.paragraphs), SUMMARY_LIMIT)
    assert len(article.summary) == SUMMARY_LIMIT and article.summary.endswith("…")
