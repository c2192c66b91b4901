"""Full-text fetch (issue 7) against pages served on 127.0.0.1 by the test itself."""

from __future__ import annotations

import asyncio
import gzip
import itertools
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from newsterm import __version__
from newsterm.analysis import RawArticle
from newsterm.cli import main
from newsterm.config import Settings
from newsterm.extract import analyse
from newsterm.ingest import service
from newsterm.ingest.fulltext import (
    USER_AGENT,
    FullTextOutcome,
    PageLimits,
    Status,
    describe,
    fetch_full_text,
    fetch_full_texts,
    make_client,
)
from newsterm.models import Source, SourceKind
from newsterm.store import Store
from tests.cached import save_analysed

PAGES = Path(__file__).parent / "fixtures" / "pages"
SUMMARY = (
    "The ferry to Ostrel Island sailed again on Monday after a three-week pause for repairs "
    "to the loading ramp at Calvenby."
)
SETTINGS = Settings(connect_timeout=2.0, read_timeout=2.0, max_feed_bytes=200_000)
FAST = PageLimits(per_host=1, host_delay=0.0, concurrency=4)
PAYWALL_PAGE = """<!DOCTYPE html><html><head><title>Ferry Service Resumes</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry Service to Ostrel Island Resumes After Three-Week Pause</h1>
<p>The ferry linking the mainland port of Calvenby with Ostrel Island sailed again on Monday.</p>
<div class="paywall"><h2>Subscribe to continue reading</h2>
<p>Get unlimited access to local journalism for 1 pound a week. Already a subscriber?
<a href="/login">Log in</a>.</p></div></article>
<footer>© 2026 The Vell Valley Courier</footer></body></html>"""


@pytest.fixture(scope="module")
def running_server() -> Iterator[HTTPServer]:
    """A threaded HTTP server on 127.0.0.1 (never the network), started once per module."""
    httpserver = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    httpserver.start()
    yield httpserver
    httpserver.stop()


@pytest.fixture
def server(running_server: HTTPServer) -> Iterator[HTTPServer]:
    """The server with no handlers and an empty log."""
    running_server.clear()
    yield running_server
    running_server.clear()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "cache.db") as opened:
        yield opened


def page(name: str) -> str:
    return (PAGES / f"{name}.html").read_text(encoding="utf-8")


def known(name: str) -> list[str]:
    return (PAGES / f"{name}.txt").read_text(encoding="utf-8").strip().split("\n\n")


def body(name: str) -> list[str]:
    """The known page text as the analysis leaves it: the "Write to" trailer becomes contacts."""
    return [p for p in known(name) if not p.startswith("Write to ")]


def feed_source(store: Store, location: str = "http://127.0.0.1/feed.xml") -> Source:
    return store.upsert_source(SourceKind.FEED, location, title="Courier")


def add_article(
    store: Store,
    url: str | None,
    *,
    source: Source | None = None,
    guid: str | None = None,
    title: str = "Ferry Service to Ostrel Island Resumes After Three-Week Pause",
    authors: tuple[str, ...] = ("Marta Kellner",),
) -> int:
    """A feed item whose body is only its summary, as a summary-only feed gives it."""
    source = source or feed_source(store)
    raw = RawArticle(
        guid=guid or url or "no-url",
        title=title,
        paragraphs=[SUMMARY],
        url=url,
        authors=list(authors),
        summary=SUMMARY,
        content_hash=guid or url or "x",
    )
    result = save_analysed(store, source.id, [(raw, analyse(raw.title, [SUMMARY]))])
    return result.new_ids[0]


def assert_summary_kept(store: Store, article_id: int, status: Status) -> None:
    article = store.article(article_id)
    assert article is not None
    assert article.paragraphs == [SUMMARY]
    assert article.summary == SUMMARY
    assert article.full_text_status == status.value


# -- success ----------------------------------------------------------------------------------


def test_full_text_replaces_the_summary_and_is_analysed(server: HTTPServer, store: Store) -> None:
    server.expect_request("/2026/ferry").respond_with_data(
        page("harbour_ferry"), content_type="text/html; charset=utf-8"
    )
    article_id = add_article(store, server.url_for("/2026/ferry"))

    outcome = fetch_full_text(store, article_id, SETTINGS)

    assert outcome == FullTextOutcome(article_id, Status.OK, paragraphs=6)
    article = store.article(article_id)
    assert article is not None
    trailer = "Write to Marta Kellner at marta.kellner@example.com"
    assert known("harbour_ferry")[-1] == trailer
    # The analysis took the "Write to" trailer out of the body and made it a contact.
    assert article.paragraphs == body("harbour_ferry")
    assert article.summary == SUMMARY
    assert article.full_text_status == "ok"
    assert article.authors == ["Marta Kellner"]
    assert article.word_count > 150
    assert [(c.name, c.email) for c in article.contacts] == [
        ("Marta Kellner", "marta.kellner@example.com")
    ]
    # The body is what search finds now.
    assert [h.article.id for h in store.search("Brannstrom bakery")] == [article_id]


def test_request_names_newsterm_and_accepts_html(server: HTTPServer, store: Store) -> None:
    server.expect_request("/a").respond_with_data(page("bakery_prize"), content_type="text/html")
    fetch_full_text(store, add_article(store, server.url_for("/a")), SETTINGS)
    request, _ = server.log[0]
    assert request.headers["User-Agent"] == USER_AGENT
    assert f"newsterm/{__version__}" in USER_AGENT
    assert "text/html" in request.headers["Accept"]


def test_follows_a_redirect_and_decodes_a_gzipped_page(server: HTTPServer, store: Store) -> None:
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_data(
        gzip.compress(page("orchard_frost").encode("utf-8")),
        headers={"Content-Encoding": "gzip", "Content-Type": "text/html; charset=utf-8"},
    )
    outcome = fetch_full_text(store, add_article(store, server.url_for("/old")), SETTINGS)
    assert outcome.ok, outcome.error
    assert outcome.paragraphs == len(body("orchard_frost"))


def test_page_charset_from_meta_when_the_header_has_none(server: HTTPServer, store: Store) -> None:
    text = page("museum_coins").replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    text = text.replace("Ashby Museum on Saturday", "Ashby Muséum on Saturday")
    server.expect_request("/latin").respond_with_data(
        text.encode("iso-8859-1", errors="replace"), content_type="text/html"
    )
    article_id = add_article(store, server.url_for("/latin"))
    assert fetch_full_text(store, article_id, SETTINGS).ok
    article = store.article(article_id)
    assert article is not None
    assert "Ashby Muséum on Saturday" in article.paragraphs[0]


def test_injected_client_is_used_and_left_open(server: HTTPServer, store: Store) -> None:
    server.expect_request("/a").respond_with_data(page("chess_club"), content_type="text/html")
    article_id = add_article(store, server.url_for("/a"))

    async def run() -> tuple[list[FullTextOutcome], bool]:
        client = make_client(SETTINGS, user_agent="shared-client")
        try:
            outcomes = await fetch_full_texts(store, [article_id], SETTINGS, client, limits=FAST)
            return outcomes, client.closed
        finally:
            await client.aclose()

    outcomes, closed = asyncio.run(run())
    assert outcomes[0].ok
    assert not closed
    assert server.log[0][0].headers["User-Agent"] == "shared-client"


# -- honest failure ---------------------------------------------------------------------------


def test_paywalled_page_keeps_the_summary(server: HTTPServer, store: Store) -> None:
    server.expect_request("/pay").respond_with_data(PAYWALL_PAGE, content_type="text/html")
    article_id = add_article(store, server.url_for("/pay"))
    outcome = fetch_full_text(store, article_id, SETTINGS)
    assert outcome.status is Status.PAYWALLED
    assert outcome.error and "subscribe to continue reading" in outcome.error
    assert "\n" not in outcome.error
    assert_summary_kept(store, article_id, Status.PAYWALLED)


def test_teaser_shorter_than_the_summary_keeps_the_summary(
    server: HTTPServer, store: Store
) -> None:
    server.expect_request("/teaser").respond_with_data(
        "<html><body><article><p>The ferry sailed.</p></article></body></html>",
        content_type="text/html",
    )
    article_id = add_article(store, server.url_for("/teaser"))
    assert fetch_full_text(store, article_id, SETTINGS).status is Status.PAYWALLED
    assert_summary_kept(store, article_id, Status.PAYWALLED)


@pytest.mark.parametrize(
    ("code", "status"),
    [
        (401, Status.BLOCKED),
        (403, Status.BLOCKED),
        (429, Status.BLOCKED),
        (404, Status.NOT_FOUND),
        (410, Status.NOT_FOUND),
        (500, Status.SERVER_ERROR),
        (503, Status.SERVER_ERROR),
        (204, Status.HTTP_ERROR),
    ],
)
def test_http_errors_keep_the_summary(
    server: HTTPServer, store: Store, code: int, status: Status
) -> None:
    server.expect_request("/e").respond_with_data("nope", status=code, content_type="text/html")
    article_id = add_article(store, server.url_for("/e"))
    outcome = fetch_full_text(store, article_id, SETTINGS)
    assert outcome.status is status
    assert outcome.error and str(code) in outcome.error
    assert_summary_kept(store, article_id, status)


def test_non_html_content_keeps_the_summary(server: HTTPServer, store: Store) -> None:
    server.expect_request("/paper.pdf").respond_with_data(
        b"%PDF-1.7 ...", content_type="application/pdf"
    )
    article_id = add_article(store, server.url_for("/paper.pdf"))
    outcome = fetch_full_text(store, article_id, SETTINGS)
    assert outcome.status is Status.NOT_HTML
    assert outcome.error and "application/pdf" in outcome.error
    assert_summary_kept(store, article_id, Status.NOT_HTML)


def test_page_over_the_cap_keeps_the_summary(server: HTTPServer, store: Store) -> None:
    huge = page("harbour_ferry").replace("</body>", "<p>filler</p>" * 30_000 + "</body>")
    server.expect_request("/huge").respond_with_data(huge, content_type="text/html")
    article_id = add_article(store, server.url_for("/huge"))
    outcome = fetch_full_text(store, article_id, SETTINGS)
    assert outcome.status is Status.TOO_LARGE
    assert_summary_kept(store, article_id, Status.TOO_LARGE)


def test_cap_counts_bytes_after_decompression(server: HTTPServer, store: Store) -> None:
    bomb = gzip.compress(b"<html><body>" + b"<p>aaaa</p>" * 100_000 + b"</body></html>")
    assert len(bomb) < SETTINGS.max_feed_bytes
    server.expect_request("/bomb").respond_with_data(
        bomb, headers={"Content-Encoding": "gzip", "Content-Type": "text/html"}
    )
    article_id = add_article(store, server.url_for("/bomb"))
    assert fetch_full_text(store, article_id, SETTINGS).status is Status.TOO_LARGE


def test_too_many_redirects(server: HTTPServer, store: Store) -> None:
    for hop in range(8):
        server.expect_request(f"/r{hop}").respond_with_data(
            "", status=302, headers={"Location": f"/r{hop + 1}"}
        )
    article_id = add_article(store, server.url_for("/r0"))
    outcome = fetch_full_text(store, article_id, SETTINGS)
    assert outcome.status is Status.HTTP_ERROR
    assert outcome.error and "redirects" in outcome.error
    assert len(server.log) == 6  # the first request and five redirects, no more


def test_unreachable_and_missing_urls(store: Store) -> None:
    closed = add_article(store, "http://127.0.0.1:9/nothing-listens-here")
    outcome = fetch_full_text(store, closed, SETTINGS)
    assert outcome.status is Status.UNREACHABLE
    assert_summary_kept(store, closed, Status.UNREACHABLE)
    for url in (None, "ftp://example.com/a", "javascript:alert(1)"):
        article_id = add_article(store, url, guid=f"guid-{url}")
        assert fetch_full_text(store, article_id, SETTINGS).status is Status.NO_URL


def test_slow_page_times_out(server: HTTPServer, store: Store) -> None:
    given_up = threading.Event()
    answered = threading.Event()

    def slow(_: Request) -> Response:
        given_up.wait(60)  # answers only once the fetch has timed out (a hang guard of 60 s)
        answered.set()
        return Response(page("harbour_ferry"), content_type="text/html")

    server.expect_request("/slow").respond_with_handler(slow)
    article_id = add_article(store, server.url_for("/slow"))
    settings = Settings(connect_timeout=1.0, read_timeout=0.5)
    try:
        assert fetch_full_text(store, article_id, settings).status is Status.TIMEOUT
        assert_summary_kept(store, article_id, Status.TIMEOUT)
    finally:
        given_up.set()
    answered.wait(60)  # let the handler finish before the next test clears the server log
    time.sleep(0.05)


def test_an_explicit_request_retries_a_failed_article(server: HTTPServer, store: Store) -> None:
    server.expect_oneshot_request("/later").respond_with_data("busy", status=503)
    server.expect_request("/later").respond_with_data(
        page("bus_timetable"), content_type="text/html"
    )
    article_id = add_article(store, server.url_for("/later"))
    assert fetch_full_text(store, article_id, SETTINGS).status is Status.SERVER_ERROR
    assert fetch_full_text(store, article_id, SETTINGS).ok
    # Once stored, it is not fetched again unless forced.
    assert fetch_full_text(store, article_id, SETTINGS, force=False).ok
    assert len(server.log) == 2


# -- the automatic path -----------------------------------------------------------------------


def test_articles_needing_full_text(store: Store) -> None:
    source = feed_source(store)
    other = feed_source(store, "http://127.0.0.1/other.xml")
    first = add_article(store, "https://example.com/1", source=source)
    second = add_article(store, "http://example.com/2", source=source)
    add_article(store, None, source=source, guid="no-link")
    add_article(store, "ftp://example.com/3", source=source)
    failed = add_article(store, "https://example.com/4", source=source)
    done = add_article(store, "https://example.com/5", source=source)
    elsewhere = add_article(store, "https://example.com/6", source=other)
    store.set_full_text_status(failed, "blocked")
    store.set_full_text_status(done, "ok")

    assert store.articles_needing_full_text([source.id]) == [second, first]
    assert store.articles_needing_full_text([source.id], limit=1) == [second]
    assert store.articles_needing_full_text([source.id, other.id]) == [elsewhere, second, first]
    assert store.articles_needing_full_text([]) == []


def test_fetch_missing_full_text_does_not_retry_failures(server: HTTPServer, store: Store) -> None:
    server.expect_request("/good").respond_with_data(page("school_meals"), content_type="text/html")
    server.expect_request("/gone").respond_with_data("gone", status=404)
    server.expect_request("/pay").respond_with_data(PAYWALL_PAGE, content_type="text/html")
    server.expect_request("/big").respond_with_data("<p>x</p>" * 50_000, content_type="text/html")
    server.expect_request("/pdf").respond_with_data(b"%PDF", content_type="application/pdf")
    source = feed_source(store)
    ids = {
        path: add_article(store, server.url_for(path), source=source)
        for path in ("/good", "/gone", "/pay", "/big", "/pdf")
    }
    seen: list[tuple[int, int]] = []

    outcomes = service.fetch_missing_full_text(
        store, [source], SETTINGS, lambda o, done, total: seen.append((done, total)), limits=FAST
    )

    assert {o.article_id: o.status for o in outcomes} == {
        ids["/good"]: Status.OK,
        ids["/gone"]: Status.NOT_FOUND,
        ids["/pay"]: Status.PAYWALLED,
        ids["/big"]: Status.TOO_LARGE,
        ids["/pdf"]: Status.NOT_HTML,
    }
    assert seen[-1] == (5, 5)
    requests = len(server.log)
    assert requests == 5
    # A second refresh asks for nothing: failures are marked, the success is stored.
    assert service.fetch_missing_full_text(store, [source], SETTINGS, limits=FAST) == []
    assert len(server.log) == requests
    assert store.articles_needing_full_text([source.id]) == []


def test_one_request_at_a_time_per_host_with_a_delay(server: HTTPServer, store: Store) -> None:
    active = 0
    peak = 0
    starts: list[float] = []
    lock = threading.Lock()

    def handler(_: Request) -> Response:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
            starts.append(time.monotonic())
        time.sleep(0.05)
        with lock:
            active -= 1
        return Response(page("theatre_reopens"), content_type="text/html")

    server.expect_request("/p").respond_with_handler(handler)
    source = feed_source(store)
    ids = [add_article(store, server.url_for("/p") + f"?n={n}", source=source) for n in range(3)]
    limits = PageLimits(per_host=1, host_delay=0.2, concurrency=8)
    outcomes = asyncio.run(fetch_full_texts(store, ids, SETTINGS, limits=limits))
    assert all(o.ok for o in outcomes)
    assert peak == 1
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert all(gap >= 0.2 for gap in gaps), gaps


def test_full_text_sources() -> None:
    feed = Source(1, SourceKind.FEED, "https://a.example.com/feed")
    wants = Source(2, SourceKind.FEED, "https://b.example.com/feed", full_text=True)
    files = Source(3, SourceKind.FILES, "/tmp/articles", full_text=True)
    assert service.full_text_sources([feed, wants, files], Settings()) == [wants]
    assert service.full_text_sources([feed, wants, files], Settings(), requested=True) == [
        feed,
        wants,
    ]
    assert service.full_text_sources([feed, files], Settings(full_text=True)) == [feed]


def test_describe() -> None:
    assert describe(None) == "full text not fetched"
    assert describe("paywalled") == "the page is behind a paywall"
    assert describe("something new") == "something new"


# -- CLI --------------------------------------------------------------------------------------


def run_cli(args: list[str]) -> int:
    try:
        main(args)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_cli_fulltext(
    server: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.expect_request("/ok").respond_with_data(page("flood_defences"), content_type="text/html")
    server.expect_request("/no").respond_with_data("no", status=403)
    db = tmp_path / "cache.db"
    with Store.open(db) as store:
        good = add_article(store, server.url_for("/ok"))
        bad = add_article(store, server.url_for("/no"))
    common = ["--db", str(db), "--config", str(tmp_path / "feeds.toml")]

    assert run_cli(["fulltext", str(good), *common]) == 0
    count = len(body("flood_defences"))
    assert capsys.readouterr().out == f"{good}: fetched {count} paragraphs\n"
    assert run_cli(["fulltext", str(good), *common]) == 0
    assert "already fetched" in capsys.readouterr().out
    assert run_cli(["fulltext", "--again", str(good), *common]) == 0
    assert capsys.readouterr().out == f"{good}: fetched {count} paragraphs\n"
    assert len(server.log) == 2

    assert run_cli(["fulltext", str(bad), *common]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "refused" in err and "403" in err

    assert run_cli(["fulltext", "999", *common]) == 2
    assert "no such article" in capsys.readouterr().err


def test_cli_refresh_fetches_full_text_for_feeds_that_want_it(
    server: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.expect_request("/story").respond_with_data(
        page("marathon_weather"), content_type="text/html"
    )
    server.expect_request("/other").respond_with_data("gone", status=404)
    empty_feed = '<rss version="2.0"><channel><title>Courier</title></channel></rss>'
    for feed in ("/wants.xml", "/plain.xml"):
        server.expect_request(feed).respond_with_data(
            empty_feed, content_type="application/rss+xml"
        )
    wants = server.url_for("/wants.xml")
    plain = server.url_for("/plain.xml")
    config = tmp_path / "feeds.toml"
    config.write_text(
        f'[[feeds]]\nurl = "{wants}"\nfull_text = true\n\n[[feeds]]\nurl = "{plain}"\n',
        encoding="utf-8",
    )
    db = tmp_path / "cache.db"
    with Store.open(db) as store:
        # Items a feed refresh stored earlier, each with only its summary.
        story = add_article(store, server.url_for("/story"), source=feed_source(store, wants))
        other = add_article(store, server.url_for("/other"), source=feed_source(store, plain))
    common = ["--db", str(db), "--config", str(config)]

    assert run_cli(["refresh", *common]) == 0
    assert "full text: 1 fetched, 0 kept the summary" in capsys.readouterr().out
    with Store.open(db) as store:
        fetched = store.article(story)
        untouched = store.article(other)
        assert fetched is not None and untouched is not None
        assert fetched.paragraphs == body("marathon_weather")
        assert untouched.full_text_status is None
    pages = [r.path for r, _ in server.log if not r.path.endswith(".xml")]
    assert pages == ["/story"]

    # --full-text takes every feed; /other is missing, which keeps its summary.
    assert run_cli(["refresh", "--full-text", *common]) == 0
    out = capsys.readouterr()
    assert "full text: 0 fetched, 1 kept the summary" in out.out
    assert "page not found" in out.err
    with Store.open(db) as store:
        assert store.articles_needing_full_text([1, 2]) == []


def test_a_changed_feed_item_gets_its_full_text_again(server: HTTPServer, store: Store) -> None:
    server.expect_request("/a").respond_with_data(page("harbour_ferry"), content_type="text/html")
    source = feed_source(store)
    article_id = add_article(store, server.url_for("/a"), source=source, guid="item-1")
    assert fetch_full_text(store, article_id, SETTINGS).ok
    # An unchanged item leaves the full text alone.
    same = RawArticle(guid="item-1", title="T", paragraphs=[SUMMARY], content_hash="item-1")
    assert save_analysed(store, source.id, [(same, analyse("T", [SUMMARY]))]).unchanged == 1
    assert store.articles_needing_full_text([source.id]) == []
    # The feed rewrites the item: its body is the feed's text again, so fetch it again.
    raw = RawArticle(
        guid="item-1",
        title="Corrected title",
        paragraphs=[SUMMARY],
        url=server.url_for("/a"),
        summary=SUMMARY,
        content_hash="changed",
    )
    save_analysed(store, source.id, [(raw, analyse(raw.title, [SUMMARY]))])
    article = store.article(article_id)
    assert article is not None and article.full_text_status is None
    assert store.articles_needing_full_text([source.id]) == [article_id]
