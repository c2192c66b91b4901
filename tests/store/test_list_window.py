"""list_articles_window: the same rows as list_articles, read from the nearer end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.analysis import Analysis, RawArticle
from newsterm.models import SourceKind
from newsterm.store import ArticleFilter, Store
from tests.cached import save_analysed


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "cache.db")
    source = store.upsert_source(SourceKind.FEED, "https://example.com/rss", title="Example")
    base = datetime(2026, 3, 3, tzinfo=UTC)
    items = []
    for i in range(57):
        # pairs share a date, so the id tie-break matters
        raw = RawArticle(
            guid=f"g{i}",
            title=f"t{i}",
            paragraphs=["x"],
            published=base - timedelta(hours=i // 2),
            content_hash=str(i),
        )
        items.append((raw, Analysis(title=raw.title, paragraphs=["x"])))
    save_analysed(store, source.id, items)
    store.set_read([1, 5, 9, 30, 44], True)
    return store


@pytest.mark.parametrize("flt", [ArticleFilter(), ArticleFilter(unread_only=True)])
def test_windows_match_list_articles_everywhere(store: Store, flt: ArticleFilter) -> None:
    total = store.count_articles(flt)
    expected = [a.id for a in store.list_articles(flt, limit=1000)]
    for limit in (1, 7, 10, 100):
        for offset in range(0, total + 2):
            got = store.list_articles_window(flt, offset=offset, limit=limit, total=total)
            assert [a.id for a in got] == expected[offset : offset + limit], (offset, limit)


@pytest.mark.parametrize("flt", [ArticleFilter(), ArticleFilter(unread_only=True)])
def test_keyset_pages_match_offsets(store: Store, flt: ArticleFilter) -> None:
    expected = [a.id for a in store.list_articles(flt, limit=1000)]
    for index, article_id in enumerate(expected):
        older = store.list_articles_after(flt, article_id, limit=6)
        assert [a.id for a in older] == expected[index + 1 : index + 7]
        newer = store.list_articles_after(flt, article_id, limit=6, older=False)
        assert [a.id for a in newer] == expected[max(0, index - 6) : index]
