"""Refreshing feed sources through the service API, against a local server."""

from __future__ import annotations

import contextlib
import multiprocessing
import select
import socket
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from newsterm.config_load import load_config
from newsterm.errors import CacheError
from newsterm.ingest import feed_save, feeds, service, subscriptions
from newsterm.ingest.feed_model import FeedResult
from newsterm.ingest.outcomes import RefreshReport
from newsterm.models import Source, SourceKind, SourceStatus
from newsterm.store import ArticleFilter, Store
from tests.conftest import write_feeds
from tests.feedserver import Answer, FeedServer, endless, fixture, hang

pytestmark = pytest.mark.usefixtures("in_threads")


def refresh_all(store: Store, config_path: Path) -> RefreshReport:
    cfg = load_config(config_path)
    return service.refresh(store, service.sync_sources(store, cfg), cfg)


def test_first_refresh_stores_items_and_title_then_304(
    server: FeedServer, store: Store, config_path: Path
) -> None:
    server.routes["/rss"] = Answer(fixture("rss.xml"), etag='"a"')
    write_feeds(config_path, [server.url("/rss")])
    report = refresh_all(store, config_path)
    assert report.new == 3 and not report.failed
    source = store.sources()[0]
    assert source.title == "Harbour Town Gazette"
    assert source.etag == '"a"' and source.status is SourceStatus.OK
    store.update_source(source.id, status=SourceStatus.ERROR, last_error="an old failure")
    again = refresh_all(store, config_path)
    assert again.new == 0 and again.outcomes[0].notice == "not modified"
    assert server.requests[-1][1]["If-None-Match"] == '"a"'
    after = store.sources()[0]  # the 304's state was written (in the batch of unchanged feeds)
    assert after.status is SourceStatus.OK and after.last_error is None and after.etag == '"a"'


def test_changed_item_is_updated_keeping_read_state(
    server: FeedServer, store: Store, config_path: Path
) -> None:
    server.routes["/rss"] = Answer(fixture("rss.xml"))
    write_feeds(config_path, [server.url("/rss")])
    refresh_all(store, config_path)
    ids = [a.id for a in store.list_articles(ArticleFilter())]
    store.set_read(ids)
    changed = fixture("rss.xml").replace(b"new ferry timetable", b"revised ferry timetable")
    server.routes["/rss"] = Answer(changed)
    report = refresh_all(store, config_path)
    assert (report.new, report.updated) == (0, 1)
    assert store.count_articles(ArticleFilter()) == 3
    assert store.count_articles(ArticleFilter(unread_only=True)) == 0
    bodies = [store.article(i) for i in ids]
    assert any(a and "revised" in a.paragraphs[0] for a in bodies)


def test_duplicate_items_are_stored_once(
    server: FeedServer, store: Store, config_path: Path
) -> None:
    body = fixture("atom.xml")
    entry = body[body.index(b"<entry>") : body.index(b"</entry>") + 8]
    server.routes["/atom"] = Answer(body.replace(b"</feed>", entry + entry + b"</feed>"))
    write_feeds(config_path, [server.url("/atom")])
    assert refresh_all(store, config_path).new == 2


def test_gone_feed_is_marked_and_no_longer_fetched(
    server: FeedServer, store: Store, config_path: Path
) -> None:
    server.routes["/gone"] = Answer(b"", 410)
    write_feeds(config_path, [server.url("/gone")])
    report = refresh_all(store, config_path)
    assert report.failed and "410" in (report.failed[0].error or "")
    assert store.sources()[0].status is SourceStatus.GONE
    again = refresh_all(store, config_path)
    assert not again.failed and "gone" in (again.outcomes[0].notice or "")
    assert len(server.requests) == 1


def test_retry_after_skips_the_feed_until_then(
    server: FeedServer, store: Store, config_path: Path
) -> None:
    server.routes["/busy"] = Answer(b"", 503, headers={"Retry-After": "3600"})
    write_feeds(config_path, [server.url("/busy")])
    assert refresh_all(store, config_path).failed
    assert store.sources()[0].retry_after is not None
    again = refresh_all(store, config_path)
    assert not again.failed and "skipped" in (again.outcomes[0].notice or "")
    assert len(server.requests) == 1


def test_permanent_redirect_is_remembered_and_update_moved_rewrites(
    server: FeedServer, store: Store, config_path: Path
) -> None:
    server.routes["/old"] = Answer(status=301, headers={"Location": "/new"})
    server.routes["/new"] = Answer(fixture("rss.xml"))
    write_feeds(config_path, [server.url("/old")])
    report = refresh_all(store, config_path)
    assert report.new == 3
    assert "moved permanently" in (report.outcomes[0].notice or "")
    source = store.sources()[0]
    assert source.moved_to == server.url("/new") and source.status is SourceStatus.MOVED
    server.requests.clear()
    refresh_all(store, config_path)
    assert [path for path, _ in server.requests] == ["/new"]  # the feed keeps working
    cfg = load_config(config_path)
    assert subscriptions.update_moved(store, cfg) == [(server.url("/old"), server.url("/new"))]
    assert load_config(config_path).feeds[0].url == server.url("/new")
    moved = store.sources()
    assert len(moved) == 1 and moved[0].location == server.url("/new") and moved[0].total == 3


def test_broken_and_slow_feeds_do_not_stall_the_others(
    server: FeedServer, store: Store, config_path: Path
) -> None:
    good_while_hanging = threading.Event()

    def hang_and_watch(request: BaseHTTPRequestHandler) -> None:
        """Never answer; note whether /good is asked for before the refresh gives up here."""
        while not server.stopping.is_set():
            if any(path == "/good" for path, _ in server.requests):
                good_while_hanging.set()
            ready, _, _ = select.select([request.connection], [], [], 0.02)
            if ready and not request.connection.recv(1, socket.MSG_PEEK):
                return  # the refresh closed this request (its read timeout)

    server.routes["/good"] = Answer(fixture("atom.xml"))
    server.routes["/hang"] = hang_and_watch
    server.routes["/endless"] = endless(server)
    server.routes["/broken"] = Answer(b"<rss><channel><title>x</title><item>", 200)
    server.routes["/html"] = Answer(fixture("plain.html"), content_type="text/html")
    server.routes["/missing"] = Answer(b"no", 404)
    paths = ["/hang", "/good", "/endless", "/broken", "/html", "/missing"]
    write_feeds(config_path, [server.url(p) for p in paths], "max_feed_bytes = 100000\n")
    # A short read timeout for /hang (it never answers), long enough for /good to be asked
    # for first on a loaded machine.
    config_path.write_text(
        config_path.read_text().replace("read_timeout = 30.0", "read_timeout = 2.0")
    )
    report = refresh_all(store, config_path)
    assert good_while_hanging.is_set()  # fetched side by side, not after the hang
    by_path = {o.source.location.rsplit("/", 1)[1]: o for o in report.outcomes}
    assert by_path["good"].new == 2 and not by_path["good"].error
    assert "timed out" in (by_path["hang"].error or "")
    assert "too large" in (by_path["endless"].error or "")
    assert "HTML page" in (by_path["html"].error or "")
    assert "HTTP 404" in (by_path["missing"].error or "")
    # A truncated feed is read as far as it goes (leniently, as feedparser does): no error.
    assert by_path["broken"].error is None and by_path["broken"].source.title == "x"
    errored = {s.location.rsplit("/", 1)[1]: s for s in store.sources()}
    assert errored["hang"].status is SourceStatus.ERROR and errored["hang"].last_error


def test_failed_parse_keeps_the_old_validators(
    server: FeedServer, store: Store, config_path: Path
) -> None:
    server.routes["/f"] = Answer(fixture("rss.xml"), etag='"1"')
    write_feeds(config_path, [server.url("/f")])
    refresh_all(store, config_path)
    server.routes["/f"] = Answer(fixture("plain.html"), etag='"2"', content_type="text/html")
    assert refresh_all(store, config_path).failed
    assert store.sources()[0].etag == '"1"'


def test_max_articles_per_feed_trims_oldest_read(
    server: FeedServer, store: Store, config_path: Path
) -> None:
    server.routes["/rss"] = Answer(fixture("rss.xml"))
    write_feeds(config_path, [server.url("/rss")], "max_articles_per_feed = 1\n")
    refresh_all(store, config_path)
    assert store.count_articles(ArticleFilter()) == 3  # unread articles are never trimmed
    store.set_read([a.id for a in store.list_articles(ArticleFilter())])
    server.routes["/rss"] = Answer(fixture("rss.xml").replace(b"approved", b"passed"))
    refresh_all(store, config_path)
    assert store.count_articles(ArticleFilter()) == 1


def test_cancel_stops_a_refresh(server: FeedServer, store: Store, config_path: Path) -> None:
    server.routes["/hang"] = hang(server)
    write_feeds(config_path, [server.url("/hang")])
    # the timeouts (conftest's hang guards) are long: only the cancel can end this refresh early
    cancel = threading.Event()

    def cancelled_while_waiting(request: BaseHTTPRequestHandler) -> None:
        cancel.set()  # the refresh is waiting for this answer: cancel it now
        hang(server)(request)

    server.routes["/hang"] = cancelled_while_waiting
    cfg = load_config(config_path)
    report = service.refresh(store, service.sync_sources(store, cfg), cfg, cancel=cancel)
    # Stopped by the cancel, not by a timeout (that would be an error).
    assert report.outcomes[0].notice == "cancelled" and report.outcomes[0].error is None


def test_refresh_from_a_worker_thread_with_processes(
    server: FeedServer, tmp_path: Path, config_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app calls refresh in a thread worker; parsing then uses real worker processes."""
    from newsterm.ingest import parse_pool

    monkeypatch.setattr(parse_pool, "default_workers", lambda: 2)
    monkeypatch.setattr(feeds, "CHECKPOINT_EVERY", 2)
    checkpoints: list[Path] = []
    monkeypatch.setattr(Store, "checkpoint", lambda self: checkpoints.append(self.path))
    server.routes["/a"] = Answer(fixture("rss.xml"))
    server.routes["/b"] = Answer(fixture("atom.xml"))
    server.routes["/c"] = Answer(fixture("feed.json"), content_type="application/feed+json")
    write_feeds(config_path, [server.url(p) for p in ("/a", "/b", "/c")])
    results: list[RefreshReport] = []
    progress: list[tuple[int, int]] = []

    def work() -> None:
        with Store.open(tmp_path / "thread.db") as store:
            cfg = load_config(config_path)
            sources = service.sync_sources(store, cfg)
            results.append(
                service.refresh(
                    store, sources, cfg, progress=lambda o, d, t: progress.append((d, t))
                )
            )

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert results and results[0].new == 7 and not results[0].failed
    assert progress[-1] == (3, 3)
    # The workers leave checkpoints to the refreshing thread: one per two feeds stored.
    assert checkpoints == [tmp_path / "thread.db"]
    # The worker processes wrote the feeds: articles searchable, titles and state recorded.
    with Store.open(tmp_path / "thread.db") as store:
        assert store.count_articles() == 7
        assert store.search("ferry"), "new articles are in the search index"
        assert all(s.title and s.status is SourceStatus.OK for s in store.sources())
    # A second refresh: the workers read what is cached and store nothing twice.
    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert len(results) == 2 and results[1].new == 0 and results[1].updated == 0
    with Store.open(tmp_path / "thread.db") as store:
        assert store.count_articles() == 7


def test_checkpoints_keep_the_workers_from_writing(
    server: FeedServer, store: Store, config_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The refreshing thread checkpoints holding the workers' turn to write, so that each
    checkpoint copies the whole log and the next write starts it again (a log the workers
    kept writing to grew to 106 MB in a first refresh of 200 feeds)."""
    from newsterm.ingest import parse_pool

    monkeypatch.setattr(parse_pool, "default_workers", lambda: 2)
    monkeypatch.setattr(feeds, "CHECKPOINT_EVERY", 1)
    holding: list[bool] = []
    held: list[bool] = []
    real_held = parse_pool.ParsePool.writers_held

    @contextlib.contextmanager
    def recording(self: parse_pool.ParsePool) -> Iterator[None]:
        with real_held(self):
            assert self._turn is not None and not self._turn.acquire(block=False)
            holding.append(True)
            yield
            holding.pop()

    monkeypatch.setattr(parse_pool.ParsePool, "writers_held", recording)
    monkeypatch.setattr(Store, "checkpoint", lambda self: held.append(bool(holding)))
    server.routes["/a"] = Answer(fixture("rss.xml"))
    server.routes["/b"] = Answer(fixture("atom.xml"))
    write_feeds(config_path, [server.url("/a"), server.url("/b")])
    report = refresh_all(store, config_path)
    assert report.new == 5 and not report.failed
    assert held == [True, True], "a checkpoint made while the workers could write"


def test_writers_held_takes_the_workers_turn() -> None:
    """``writers_held`` holds the lock the workers write in turn with, and lets it go; a pool
    without worker processes (or not started) has none to hold."""
    from newsterm.ingest import parse_pool

    pool = parse_pool.ParsePool(2)
    with pool.writers_held():  # not started: nothing to hold, nothing to wait for
        pass
    pool.start()
    try:
        turn = pool._turn
        assert turn is not None
        with pool.writers_held():
            assert not turn.acquire(block=False)
        assert turn.acquire(block=False)
        turn.release()
    finally:
        pool.close()
    with parse_pool.ParsePool(0).writers_held():
        pass


def test_worker_processes_start_only_when_bodies_are_coming(
    server: FeedServer, store: Store, config_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first refresh starts the parse processes up front; one where every feed answers 304
    starts none."""
    from newsterm.ingest import parse_pool

    monkeypatch.setattr(parse_pool, "default_workers", lambda: 2)
    started: list[int] = []
    real_executor = parse_pool.ProcessPoolExecutor

    def counting_executor(workers: int, **kwargs: object) -> object:
        started.append(workers)
        return real_executor(workers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parse_pool, "ProcessPoolExecutor", counting_executor)
    server.routes["/a"] = Answer(fixture("rss.xml"), etag='"a1"')
    server.routes["/b"] = Answer(fixture("atom.xml"), etag='"b1"')
    write_feeds(config_path, [server.url("/a"), server.url("/b")])
    first = refresh_all(store, config_path)
    assert first.new == 5 and started == [2]
    second = refresh_all(store, config_path)
    assert second.new == 0 and not second.failed
    assert [o.notice for o in second.outcomes] == ["not modified", "not modified"]
    assert started == [2], "an all-304 refresh started worker processes"
    # Feeds that failed last time (offline, say) start none before a body arrives either.
    write_feeds(config_path, [server.url("/a"), "http://127.0.0.1:9/down.xml"])
    failing = refresh_all(store, config_path)
    assert len(failing.failed) == 1 and started == [2, 2]  # new feed: expected a body
    again = refresh_all(store, config_path)
    assert len(again.failed) == 1 and started == [2, 2], "a failing feed started workers"


def _parsed_fixture(store: Store) -> tuple[Source, FeedResult]:
    from newsterm.ingest.feed_model import FeedJob
    from newsterm.ingest.feed_parse import process_feed

    source = store.upsert_source(SourceKind.FEED, "http://127.0.0.1:9/rss")
    return source, process_feed(FeedJob("http://127.0.0.1:9/rss", fixture("rss.xml")))


def test_a_feed_and_its_validators_are_stored_together(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker stores a feed's articles and its source's validators in one transaction: a
    failure recording the source keeps none of the articles (the next refresh, asking without
    the validators, stores them then)."""
    source, parsed = _parsed_fixture(store)
    answer = feed_save.Answer(etag='"v1"')
    now = datetime(2026, 1, 2, tzinfo=UTC)

    def broken(*args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as patch:
        patch.setattr(Store, "update_sources", lambda self, updates: broken())
        with pytest.raises(CacheError):
            feed_save.save_feed(store, source, parsed, answer, now)
    assert store.count_articles() == 0 and store.sources()[0].etag is None
    saved = feed_save.save_feed(store, source, parsed, answer, now)
    assert saved.new == 3 and store.count_articles() == 3
    assert store.sources()[0].etag == '"v1"'


def test_parse_workers_write_in_turn(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker given the pool's lock writes a feed holding it; one that cannot get it in
    time writes anyway (SQLite's own lock still keeps the writes apart)."""
    turn = multiprocessing.get_context("spawn").Lock()
    monkeypatch.setattr(feed_save, "_worker_stores", None)  # a thread's store, not a worker's
    monkeypatch.setattr(feed_save, "_write_turn", turn)
    source, parsed = _parsed_fixture(store)
    seen: list[bool] = []
    real = Store.save_articles

    def saving(self: Store, *args: object, **kwargs: object) -> object:
        seen.append(turn.acquire(block=False))  # False: the writer holds the turn
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "save_articles", saving)
    now = datetime(2026, 1, 2, tzinfo=UTC)
    feed_save.save_feed(store, source, parsed, feed_save.Answer(), now)
    assert seen == [False]
    assert turn.acquire(block=False), "the turn was not given back"
    monkeypatch.setattr(feed_save, "TURN_WAIT", 0.01)  # held (just above) and never freed
    assert feed_save.save_feed(store, source, parsed, feed_save.Answer(), now).new == 0
    assert seen == [False, False] and store.count_articles() == 3


@pytest.mark.parametrize("in_worker", [False, True])
def test_a_writer_keeps_its_statement_journals_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_worker: bool
) -> None:
    """Each article's insert checks its feed (a foreign key) and so keeps a statement journal,
    which SQLite spilled to a temporary file past 64 KiB (~100 in a first refresh): a worker's
    connection, and a thread's, keep it in memory (``temp_store`` 2)."""
    Store.open(tmp_path / "cache.db").close()
    monkeypatch.setattr(feed_save, "_worker_stores", {} if in_worker else None)
    with feed_save.worker_store(tmp_path / "cache.db") as store:
        assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 2
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # still checked
    if in_worker:
        store.close()
