"""The search as typed: its last word a prefix once long enough, and the newest matches read
without ranking every hit, the same rows whichever plan reads them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.analysis import Analysis, RawArticle
from newsterm.models import SourceKind
from newsterm.query.typed import as_typed
from newsterm.store import ArticleFilter, Store
from newsterm.store import search as search_module
from tests.cached import save_analysed

BASE = datetime(2026, 3, 3, tzinfo=UTC)
BODIES = ("storm over the harbour", "calm harbour", "storm warning ferry")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "cache.db")
    source = store.upsert_source(SourceKind.FEED, "https://example.com/rss", title="Example")
    items = []
    for i in range(60):
        body = BODIES[i % 3]
        raw = RawArticle(
            guid=f"g{i}",
            title=f"t{i}",
            paragraphs=[body],
            # dates out of id order: later ids are sometimes newer, sometimes older
            published=BASE - timedelta(hours=(i * 37) % 60),
            content_hash=str(i),
        )
        items.append((raw, Analysis(title=raw.title, paragraphs=[body])))
    save_analysed(store, source.id, items)
    return store


@pytest.mark.parametrize(
    ("typed", "searched", "short"),
    [
        ("h", "", True),
        ("ha", "", True),
        ("har", "har*", False),
        ("harbour t", "harbour", True),
        ("harbour tun", "harbour tun*", False),
        ("harbour ", "harbour", False),  # a finished word is not a prefix
        ("title:min", "title:min*", False),
        ('"coal pl', '"coal pl', False),  # an open phrase: searched as it is (or not at all)
        ("storm and", "storm and", False),  # an operator is no word
        ("tag:tag1", "tag:tag1", False),  # nor a field other than the title
        ("storm*", "storm*", False),
    ],
)
def test_what_is_searched_as_a_query_is_typed(typed: str, searched: str, short: bool) -> None:
    assert as_typed(typed) == (searched, short)


PLANS = {
    "newest first": (0.0, 10_000, 2),  # among the newest articles, whatever the words' share
    "walked": (2.0, 0, 0),  # the time index walked, each step tested against the hits
    "sorted": (2.0, 10_000, 0),  # every hit read and sorted
}


@pytest.mark.parametrize("plan", PLANS)
def test_the_newest_matches_are_the_list_order_whichever_plan_reads_them(
    store: Store, monkeypatch: pytest.MonkeyPatch, plan: str
) -> None:
    share, walk_from, fields_window = PLANS[plan]
    monkeypatch.setattr(search_module, "FIELDS_WINDOW", fields_window)
    monkeypatch.setattr(search_module, "WINDOW_FROM_SHARE", share)
    monkeypatch.setattr(search_module, "WALK_FROM_HITS", walk_from)
    answered: list[bool] = []
    in_newest = search_module._in_newest
    monkeypatch.setattr(
        search_module,
        "_in_newest",
        lambda *args: answered.append((rows := in_newest(*args)) is not None) or rows,
    )
    newest_read = [a.id for a in store.list_articles(limit=12)]
    store.set_read(newest_read)  # so that "is:unread" is rare among the newest articles
    queries = ("storm", "harb*", "h*", "s*", "c*", "storm -ferry", "harbour is:unread", "t1*")
    fields = ("is:unread", "is:read", "is:starred", "-is:unread")
    for query in (
        *queries,
        *fields,
        "storm is:unread",
        "w*",
        "title:t5*",
        "(calm OR ferry) -storm",
    ):
        every = store.list_articles(ArticleFilter(query=query), limit=100)
        for limit in (7, 100):
            hits = store.search_newest(query, limit=limit)
            assert [h.article.id for h in hits] == [a.id for a in every[:limit]], (query, limit)
            for hit in hits:  # the matches marked in the snippet or the title
                text = query not in fields
                assert hit.snippet_matches or hit.title_matches or not text, (query, hit.snippet)
    hidden = store.search_newest("harbour", limit=100, hide=("calm",))
    assert hidden and all("calm" not in h.snippet for h in hidden)
    assert len(hidden) == store.count_articles(ArticleFilter(query="harbour -calm"))
    hidden = store.search_newest("h*", limit=7, hide=("calm",))
    every = store.list_articles(ArticleFilter(query="h*", hide=("calm",)), limit=7)
    assert [h.article.id for h in hidden] == [a.id for a in every]
    if plan == "newest first":  # it answered some queries and handed others on
        assert True in answered and False in answered
    else:
        assert True not in answered


def test_cpu_limit_gives_up_a_long_read_and_leaves_the_connection_as_it_was(
    store: Store,
) -> None:
    from newsterm.store.repo import TooSlow

    endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT max(x) FROM n"
    with pytest.raises(TooSlow), store.cpu_limit(0.001):
        store.conn.execute(endless).fetchone()
    with store.cpu_limit(60.0):  # a read within its time answers as without the limit
        hits = store.search_newest("storm", limit=5)
    assert [h.article.id for h in hits] == [
        h.article.id for h in store.search_newest("storm", limit=5)
    ]
    counted = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000) "
    assert store.conn.execute(counted + "SELECT max(x) FROM n").fetchone() == (
        200000,
    )  # no limit left
