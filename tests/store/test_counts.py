"""Kept counts of query filters (store/counts.py): used while current, adjusted by read and
star toggles, counted again after any other write, never kept for ``age:``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.analysis import Analysis, Quote, RawArticle
from newsterm.models import SourceKind
from newsterm.store import ArticleFilter, Store, counts
from tests.cached import save_analysed

BASE = datetime(2026, 3, 3, tzinfo=UTC)


def raw_item(i: int, body: str) -> tuple[RawArticle, Analysis]:
    raw = RawArticle(
        guid=f"g{i}",
        title=f"t{i}",
        paragraphs=[body],
        published=BASE - timedelta(hours=i // 2),
        content_hash=str(i),
    )
    quotes = [Quote(text="we will", speaker="Ben Hart", paragraph=0, start=0)] if i % 3 else []
    return raw, Analysis(title=raw.title, paragraphs=[body], quotes=quotes)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "cache.db")
    source = store.upsert_source(SourceKind.FEED, "https://example.com/rss", title="Example")
    bodies = ("storm over the harbour", "calm harbour", "storm warning")
    save_analysed(store, source.id, [raw_item(i, bodies[i % 3]) for i in range(60)])
    return store


def kept(store: Store, flt: ArticleFilter) -> int | None:
    key = counts.key(flt)
    assert key is not None
    return counts.cached(store.conn, key, counts.generation(store.conn))


def brute(store: Store, flt: ArticleFilter) -> int:
    """The count without the cache."""
    return store._count(flt)


VIEWS = (
    ArticleFilter(query="storm", unread_only=True),
    ArticleFilter(query="storm is:unread"),
    ArticleFilter(query="harbour -storm"),
    ArticleFilter(query='speaker:"Ben Hart" is:starred'),
    ArticleFilter(query="is:unread", hide=("calm",)),
)


def test_a_query_count_is_kept_and_then_read_from_the_cache(store: Store) -> None:
    flt = VIEWS[0]
    assert kept(store, flt) is None
    assert store.count_articles(flt, keep=True) == 40
    assert kept(store, flt) == 40
    key = counts.key(flt)
    store.conn.execute("UPDATE count_cache SET count = 1234 WHERE key = ?", (key,))
    assert store.count_articles(flt, keep=True) == 1234  # the kept figure, not a recount


def test_read_and_star_toggles_adjust_every_kept_count(store: Store) -> None:
    for flt in VIEWS:
        store.count_articles(flt, keep=True)
    ids = [a.id for a in store.list_articles(limit=7)]
    store.set_read(ids[:5])
    store.set_starred(ids[1], True)
    store.set_read(ids[3:4], False)
    store.set_starred(ids[2], True)
    for flt in VIEWS:
        assert kept(store, flt) == brute(store, flt), flt  # adjusted, still current
        assert store.count_articles(flt, keep=True) == brute(store, flt)


def test_any_other_write_makes_the_count_be_counted_again(store: Store) -> None:
    flt = VIEWS[0]
    assert store.count_articles(flt, keep=True) == 40
    source = store.sources()[0]
    save_analysed(store, source.id, [raw_item(100, "storm again")])
    assert kept(store, flt) is None
    assert store.count_articles(flt, keep=True) == 41
    store.conn.execute("UPDATE articles SET read = 1 WHERE guid = 'g0'")
    assert kept(store, flt) is None
    assert store.count_articles(flt, keep=True) == 40  # a write no method adjusts for
    store.remove_source(source.id)
    assert store.count_articles(flt, keep=True) == 0


def test_a_write_of_many_articles_is_counted_again_not_adjusted(store: Store) -> None:
    flt = VIEWS[0]
    store.count_articles(flt, keep=True)
    store.set_read([a.id for a in store.list_articles(limit=counts.ADJUST_AT_MOST + 1)])
    assert kept(store, flt) is None
    assert store.count_articles(flt, keep=True) == brute(store, flt)


def test_queries_that_move_with_the_clock_are_not_kept(store: Store) -> None:
    assert counts.key(ArticleFilter(query="storm age:<7d")) is None
    assert counts.key(ArticleFilter(query="storm", hide=("age:>30d",))) is None
    assert counts.key(ArticleFilter(source_id=1)) is None


def test_a_large_view_walks_the_time_index_and_lists_the_same_rows(store: Store) -> None:
    flt = ArticleFilter(query="storm")
    expected = [a.id for a in store.list_articles(flt, limit=5)]  # no kept count: sorted
    assert store._by_time(flt, 5) == ""
    store.count_articles(flt, keep=True)
    assert store._by_time(flt, 5) == "INDEXED BY articles_by_time"  # 40 of 60, 40² ≥ 60·5
    assert store._by_time(flt, 1000) == ""  # 20·40² < 60·1000
    assert [a.id for a in store.list_articles(flt, limit=5)] == expected
    assert [a.id for a in store.list_articles(flt, limit=4, offset=1)] == expected[1:5]
    after = store.list_articles_after(flt, expected[0], limit=4)
    assert [a.id for a in after] == expected[1:5]


def test_a_view_of_flags_keeps_its_own_index(store: Store) -> None:
    flt = ArticleFilter(query="words:>1 is:unread")
    store.count_articles(flt, keep=True)
    assert store._by_time(flt, 5) == ""


def test_a_full_text_view_walks_from_a_smaller_count_than_other_conditions(
    store: Store,
) -> None:
    """Walking tests each index entry against the full-text hits before reading its row, so
    a full-text view walks where a view of quotations (a row read per step) sorts."""
    words, speakers = ArticleFilter(query="storm"), ArticleFilter(query='speaker:"Ben Hart"')
    expected = [a.id for a in store.list_articles(words, limit=100)]  # not kept yet: sorted
    assert store.count_articles(words, keep=True) == store.count_articles(speakers, keep=True) == 40
    assert store._by_time(words, 100) == "INDEXED BY articles_by_time"  # 20·40² ≥ 60·100
    assert store._by_time(speakers, 100) == ""  # 40² < 60·100
    assert [a.id for a in store.list_articles(words, limit=100)] == expected


def test_a_plain_count_writes_nothing(store: Store) -> None:
    """Reads do not write (a CLI's count, a read-only cache): only ``keep`` keeps a count."""
    flt = VIEWS[0]
    before = store.conn.total_changes
    assert store.count_articles(flt) == 40
    assert store.conn.total_changes == before and kept(store, flt) is None
    assert store.count_articles(flt, keep=True) == 40
    assert kept(store, flt) == 40


def test_a_write_of_many_rows_moves_the_generation_once(store: Store) -> None:
    """The triggers move the generation once a write while a count is kept at it, not once
    a row; a later write finds nothing current and moves it no more, and the count is
    counted again all the same."""
    flt = VIEWS[0]
    store.count_articles(flt, keep=True)
    at = counts.generation(store.conn)
    assert store.mark_all_read(ArticleFilter()) == 60
    assert counts.generation(store.conn) == at + 1
    assert kept(store, flt) is None
    store.conn.execute("UPDATE articles SET read = 0")
    assert counts.generation(store.conn) == at + 1  # nothing was kept at at + 1
    assert store.count_articles(flt, keep=True) == brute(store, flt) == 40
    store.conn.execute("UPDATE articles SET read = 1 WHERE id % 2 = 0")
    assert counts.generation(store.conn) == at + 2 and kept(store, flt) is None
    assert store.count_articles(flt) == brute(store, flt)
