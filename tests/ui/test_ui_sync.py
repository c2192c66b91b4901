"""The app with sync: read and star changes of synced articles are queued in the cache, and the
status bar says how many wait for the server."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
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
            link(
                conn, [(1000 + n, article_id, None, None, None) for n, article_id in enumerate(ids)]
            )


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
    from newsterm.config_load import load_config

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


async def test_the_app_works_on_the_cache_while_the_sync_server_hangs_then_fails_in_one_line(
    make: AppFactory,
    cache: Path,
    feeds: FeedServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Offline first: the sync server takes its time (until the test lets it answer, 503); the
    app lists the cached articles and takes changes meanwhile, then says the failure in one
    line on the sync source, every article and queued change kept."""
    from newsterm.config_load import load_config
    from newsterm.sync.account import ACCOUNT_KEY, SESSION_KEY

    release = threading.Event()

    def slow_then_503(request: BaseHTTPRequestHandler) -> None:
        release.wait(60)  # a hang guard only: the test releases it
        request.send_response(503)
        request.send_header("Content-Length", "0")
        request.end_headers()

    api = feeds.url("/api/greader.php")
    for path in ("reader/api/0/token", "reader/api/0/subscription/list?output=json"):
        feeds.routes[f"/api/greader.php/{path}"] = slow_then_503
    link_every_article(cache)
    with Store.open(cache) as store:
        store.set_meta(ACCOUNT_KEY, f"{api} me")  # a kept session: no password asked
        store.set_meta(SESSION_KEY, "kept-session")
        first, second = [a.id for a in store.list_articles(limit=2)]
        store.set_read([first], True)
        cached = store.count_articles()
    path = tmp_path / "sync.toml"
    path.write_text(
        "[settings]\nrefresh_on_start = true\nmark_read_on_open = false\nread_timeout = 300.0\n\n"
        f'[sync]\nurl = "{api}"\nuser = "me"\n',
        encoding="utf-8",
    )
    monkeypatch.delenv("NEWSTERM_SYNC_PASSWORD", raising=False)
    app = make(config=load_config(path), config_path=path)
    try:
        async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]

            async def until(condition: Callable[[], bool]) -> None:
                """Wait without waiting for the workers (the sync's is held by the server)."""
                deadline = time.monotonic() + 120  # a hang guard only
                while not condition():
                    assert time.monotonic() < deadline, "still false"
                    await pilot.pause()
                    await asyncio.sleep(0.05)

            screen = app.screen  # type: ignore[attr-defined]
            await until(lambda: len(feeds.requests) > 0 and screen.articles.count == cached)
            status = screen.query_one(RefreshStatus)
            assert status.running  # the sync waits on the server
            assert screen.articles.select_article(second)
            await pilot.press("r")  # a change made while the sync waits
            await asyncio.to_thread(app.writer.flush)
            await until(lambda: str(status.render()).endswith(" · 2 to sync"))
            assert status.running
            release.set()
            await settle_until(pilot, lambda: not status.running)
            await settle(pilot)
            assert str(status.render()).endswith(" · 2 to sync")
            assert screen.articles.count == cached
    finally:
        release.set()
    with Store.open(cache) as store:
        assert pending_count(store.conn) == 2 and store.count_articles() == cached
        (account,) = [s for s in store.sources() if s.location == api]
    assert account.last_error == (
        f"sync: 127.0.0.1:{feeds.base.rsplit(':', 1)[1]}: server error (HTTP 503); try again later"
    )
