"""The app with sync: read and star changes of synced articles are queued in the cache, and the
status bar says how many wait for the server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import AppFactory
from helpers import settle, settle_until

from newsterm.store import Store
from newsterm.store.sync_queue import link, pending_count
from newsterm.ui.widgets.refresh_status import RefreshStatus
from tests.feedserver import Answer, FeedServer, serving
from tests.freshrss import READ, READING_LIST, FreshRSS, unavailable


def link_every_article(cache: Path) -> None:
    """Make every cached article a synced one (server items 1000, 1001, ...)."""
    with Store.open(cache) as store:
        ids = [a.id for a in store.list_articles(limit=100)]
        with store.write() as conn:
            link(conn, [(1000 + n, article_id, None) for n, article_id in enumerate(ids)])


async def test_r_and_s_queue_changes_and_the_status_bar_counts_them(
    make: AppFactory, cache: Path
) -> None:
    link_every_article(cache)
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        status = app.screen.query_one(RefreshStatus)  # type: ignore[attr-defined]
        assert "to sync" not in str(status.render())
        await pilot.press("r", "s")
        await settle(pilot)
        with Store.open(cache) as store:
            assert pending_count(store.conn) == 2
        assert str(status.render()).endswith(" · 2 to sync")
        await pilot.press("s")  # unstarring replaces the queued star: still one change for it
        await settle(pilot)
        assert str(status.render()).endswith(" · 2 to sync")


@pytest.fixture(scope="module")
def freshrss(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FreshRSS]:
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    server = FreshRSS(tmp_path_factory.mktemp("freshrss") / "app")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    yield from serving()


FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Synced Desk</title>'
    b"<item><title>Synced story</title><link>http://synced.example/1</link><guid>s1</guid>"
    b"<description>&lt;p&gt;A story from the sync server.&lt;/p&gt;</description></item>"
    b"</channel></rss>"
)


async def test_r_syncs_through_the_ingest_service_and_r_marks_read_there(
    make: AppFactory,
    freshrss: FreshRSS,
    feeds: FeedServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsterm.config import load_config

    account = freshrss.account()
    feeds.routes["/synced.xml"] = Answer(FEED)
    account.subscribe(feeds.url("/synced.xml"))
    path = tmp_path / "sync.toml"
    path.write_text(
        "[settings]\nrefresh_on_start = false\nmark_read_on_open = false\n\n"
        f'[sync]\nurl = "{freshrss.api}"\nuser = "{account.user}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("NEWSTERM_SYNC_PASSWORD", account.password)
    app = make(config=load_config(path), config_path=path)
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        status = screen.query_one(RefreshStatus)
        before = screen.articles.count
        await pilot.press("R")
        await settle_until(
            pilot, lambda: not status.running and screen.articles.count == before + 1
        )
        assert "1 new" in str(status.render())
        with Store.open(tmp_path / "cache.db") as store:
            (synced,) = [a for a in store.list_articles(limit=20) if a.title == "Synced story"]
        assert screen.articles.select_article(synced.id)
        await settle(pilot)
        assert screen.articles.current_id == synced.id
        await pilot.press("r")
        await settle(pilot)
        assert str(status.render()).endswith(" · 1 to sync")
        await pilot.press("R")
        await settle_until(pilot, lambda: "to sync" not in str(status.render()))
    assert account.ids(READING_LIST, exclude=READ) == set()
