"""The HTTP fetcher against a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import gzip
import subprocess
import sys
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import pytest

from newsterm.config import Settings
from newsterm.ingest.fetch import Fetcher, FetchError, FetchResult, parse_retry_after
from tests.feedserver import Answer, FeedServer, drip, endless, fixture, hang

FAST = Settings(connect_timeout=1.0, read_timeout=0.5, feed_timeout=3.0, max_feed_bytes=200_000)


def get(url: str, settings: Settings = FAST, **kwargs: str | None) -> FetchResult:
    async def run() -> FetchResult:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url, **kwargs)

    return asyncio.run(run())


def test_200_returns_body_and_validators(server: FeedServer) -> None:
    body = fixture("rss.xml")
    server.routes["/rss"] = Answer(body, etag='"v1"', headers={"Last-Modified": "Mon, 03 Jun"})
    result = get(server.url("/rss"))
    assert result.status == 200
    assert result.body == body
    assert result.etag == '"v1"'
    assert result.last_modified == "Mon, 03 Jun"
    headers = server.requests[0][1]
    assert headers["User-Agent"].startswith("newsterm/")
    assert "gzip" in headers["Accept-Encoding"] and "br" in headers["Accept-Encoding"]


def test_conditional_get_gives_304(server: FeedServer) -> None:
    server.routes["/rss"] = Answer(fixture("rss.xml"), etag='"v1"')
    result = get(server.url("/rss"), etag='"v1"', last_modified="Mon, 03 Jun 2024 08:00:00 GMT")
    assert result.status == 304
    assert result.body == b""
    headers = server.requests[0][1]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Mon, 03 Jun 2024 08:00:00 GMT"


@pytest.mark.parametrize(
    ("codec", "encode"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("br", brotli.compress)],
)
def test_compressed_bodies_are_decoded(server: FeedServer, codec: str, encode: object) -> None:
    body = fixture("atom.xml")
    assert callable(encode)
    server.routes["/f"] = Answer(encode(body), headers={"Content-Encoding": codec})
    assert get(server.url("/f")).body == body


def test_raw_deflate_is_accepted(server: FeedServer) -> None:
    body = fixture("atom.xml")
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    raw = packer.compress(body) + packer.flush()
    server.routes["/f"] = Answer(raw, headers={"Content-Encoding": "deflate"})
    assert get(server.url("/f")).body == body


@pytest.mark.parametrize("codec", ["gzip", "br"])
def test_compression_bomb_stops_at_the_cap(server: FeedServer, codec: str) -> None:
    inflated = b"<rss>" + b" " * (64 * 1024 * 1024)  # 64 MiB of spaces, cap is 200 kB
    bomb = gzip.compress(inflated, 1) if codec == "gzip" else brotli.compress(inflated, quality=1)
    assert len(bomb) < 1024 * 1024
    server.routes["/bomb"] = Answer(bomb, headers={"Content-Encoding": codec})
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="feed too large"):
            get(server.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # never inflated beyond the cap and a chunk or two


def test_endless_body_is_aborted(server: FeedServer) -> None:
    server.routes["/endless"] = endless(server)
    with pytest.raises(FetchError, match="feed too large"):
        get(server.url("/endless"))


def test_declared_length_over_the_cap_is_refused_early(server: FeedServer) -> None:
    server.routes["/big"] = Answer(b"x" * 300_000)
    with pytest.raises(FetchError, match="feed too large"):
        get(server.url("/big"))


def test_server_that_never_answers_times_out(server: FeedServer) -> None:
    server.routes["/hang"] = hang(server)
    with pytest.raises(FetchError, match="timed out"):
        get(server.url("/hang"))


def test_total_time_per_feed_is_bounded(server: FeedServer) -> None:
    server.routes["/drip"] = drip(server, every=0.05)
    settings = Settings(read_timeout=1.0, feed_timeout=0.6, max_feed_bytes=10_000_000)
    with pytest.raises(FetchError, match=r"took longer than 0\.6 s"):
        get(server.url("/drip"), settings)


def test_connection_refused_is_one_line() -> None:
    with pytest.raises(FetchError, match="connection refused"):
        get("http://127.0.0.1:9/feed.xml")


def test_a_tls_failure_is_one_line(server: FeedServer) -> None:
    """https:// to a server that speaks plain HTTP: the handshake fails, said in one line."""
    url = server.url("/rss").replace("http://", "https://")
    with pytest.raises(FetchError) as raised:
        get(url)
    assert raised.value.message.startswith("TLS error"), raised.value.message
    assert "\n" not in raised.value.message


TLS_LATE = """
import asyncio, ssl, sys
from newsterm.config import Settings
from newsterm.ingest import tls
from newsterm.ingest.fetch import Fetcher, FetchError
import aiohttp.connector

async def fetch(url):
    async with Fetcher(Settings(feed_timeout=5.0)) as fetcher:
        try:
            return (await fetcher.fetch(url)).status
        except FetchError as exc:
            return exc.message

verified = aiohttp.connector._SSL_CONTEXT_VERIFIED
assert verified.verify_mode == ssl.CERT_REQUIRED and verified.check_hostname
assert tls.waiting(), "the import loaded the certificates"
assert asyncio.run(fetch(sys.argv[1])) == 200
assert tls.waiting(), "a plain-HTTP fetch loaded the certificates"
assert asyncio.run(fetch(sys.argv[1].replace("http://", "https://"))).startswith("TLS error")
assert not tls.waiting()
assert verified.cert_store_stats() == ssl.create_default_context().cert_store_stats()
print("ok")
"""


def test_certificates_are_loaded_before_the_first_tls_request(
    server: FeedServer, tmp_path: Path
) -> None:
    """aiohttp's TLS contexts are made without the system's certificates when it is imported
    (a plain-HTTP refresh never reads them), and get them before the first https request."""
    server.routes["/rss"] = Answer(fixture("rss.xml"))
    script = tmp_path / "tls_late.py"
    script.write_text(TLS_LATE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), server.url("/rss")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.stdout.strip() == "ok", done.stderr


def test_permanent_redirect_reports_the_new_url(server: FeedServer) -> None:
    server.routes["/old"] = Answer(status=301, headers={"Location": "/new"})
    server.routes["/new"] = Answer(fixture("rss.xml"))
    result = get(server.url("/old"))
    assert result.status == 200
    assert result.moved_to == server.url("/new")
    assert result.url == server.url("/new")


def test_temporary_redirect_is_not_a_move(server: FeedServer) -> None:
    server.routes["/old"] = Answer(status=301, headers={"Location": "/mid"})
    server.routes["/mid"] = Answer(status=302, headers={"Location": "/new"})
    server.routes["/new"] = Answer(fixture("rss.xml"))
    result = get(server.url("/old"))
    assert result.moved_to == server.url("/mid")  # only the permanent part of the chain
    assert get(server.url("/mid")).moved_to is None


def test_redirect_loop_stops_after_five(server: FeedServer) -> None:
    server.routes["/a"] = Answer(status=302, headers={"Location": "/b"})
    server.routes["/b"] = Answer(status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        get(server.url("/a"))
    assert len(server.requests) == 6


def test_redirect_to_another_scheme_is_refused(server: FeedServer) -> None:
    server.routes["/a"] = Answer(status=301, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="non-HTTP"):
        get(server.url("/a"))


def test_error_statuses_are_returned_with_retry_after(server: FeedServer) -> None:
    server.routes["/busy"] = Answer(b"slow down", 429, headers={"Retry-After": "120"})
    result = get(server.url("/busy"))
    assert result.status == 429
    assert result.retry_after is not None
    assert result.retry_after > datetime.now(UTC) + timedelta(seconds=100)


def test_retry_after_forms() -> None:
    now = datetime(2024, 6, 1, tzinfo=UTC)
    assert parse_retry_after("60", now) == now + timedelta(seconds=60)
    assert parse_retry_after("Sat, 01 Jun 2024 01:00:00 GMT", now) == now + timedelta(hours=1)
    assert parse_retry_after("99999999", now) == now + timedelta(days=7)
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_per_host_concurrency_is_respected(server: FeedServer) -> None:
    import contextlib
    import threading

    active = 0
    peak = 0
    lock = threading.Lock()
    pairs = threading.Barrier(2)  # each request waits for a second one: two at once, always

    def slow(request: object) -> None:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        with contextlib.suppress(threading.BrokenBarrierError):
            pairs.wait(timeout=60)  # a hang guard; with a limit of one the test fails here
        with lock:
            active -= 1
        handler = request
        handler.send_response(200)  # type: ignore[attr-defined]
        handler.send_header("Content-Length", "0")  # type: ignore[attr-defined]
        handler.end_headers()  # type: ignore[attr-defined]

    for i in range(8):
        server.routes[f"/s{i}"] = slow
    settings = Settings(concurrency=16, per_host_concurrency=2, read_timeout=120.0)

    async def run() -> None:
        async with Fetcher(settings) as fetcher:

            async def one(i: int) -> None:
                url = server.url(f"/s{i}")
                async with fetcher.slot(url):
                    await fetcher.fetch(url)

            await asyncio.gather(*(one(i) for i in range(8)))

    asyncio.run(run())
    assert peak == 2
