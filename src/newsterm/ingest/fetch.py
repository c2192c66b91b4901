"""Fetch feeds over HTTP: bounded concurrency, conditional GET, redirects, capped bodies.

Bodies are read raw and decompressed here, chunk by chunk with a bounded output, so a gzip or
brotli bomb stops at ``max_feed_bytes`` instead of inflating in memory (:func:`read_body`,
also used for article pages). Redirects are followed here, hop by hop (:func:`follow`).
"""

from __future__ import annotations

import asyncio
import email.utils
import re
import zlib
from collections.abc import AsyncIterator, Collection, Iterable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol
from urllib.parse import urljoin, urlsplit

from newsterm import __version__
from newsterm.config import Settings
from newsterm.errors import NewstermError
from newsterm.ingest import netguard
from newsterm.ingest.http import HttpClient, describe
from newsterm.ingest.tls import aiohttp

USER_AGENT = f"newsterm/{__version__} (terminal news reader; +https://github.com/newsterm)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1"
)
MAX_REDIRECTS = 5
PERMANENT = (301, 308)
REDIRECTS = (301, 302, 303, 307, 308)
MAX_RETRY_AFTER = timedelta(days=7)
CHUNK = 256 * 1024


class FetchError(NewstermError):
    """A fetch that failed: one line saying why (timeout, refused, too large, ...)."""


@dataclass(slots=True)
class FetchResult:
    """The answer to one feed request, after redirects."""

    url: str
    """The URL that answered (after redirects)."""
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None
    """The new URL when every redirect on the way was permanent (301/308)."""
    retry_after: datetime | None = None
    reason: str = ""
    max_age: float | None = None
    """Seconds the answer stays fresh (``Cache-Control: max-age``, at most a week)."""


_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d{1,9})", re.IGNORECASE)


def parse_max_age(value: str | None) -> float | None:
    """A ``Cache-Control`` header's ``max-age`` in seconds (capped at a week), or None."""
    found = _MAX_AGE.search(value or "")
    if found is None or "no-cache" in (value or "").lower():
        return None
    return min(float(found.group(1)), MAX_RETRY_AFTER.total_seconds())


def parse_retry_after(value: str | None, now: datetime | None = None) -> datetime | None:
    """A Retry-After header (seconds or an HTTP date) as a UTC time, capped at a week."""
    if not value:
        return None
    now = now or datetime.now(UTC)
    value = value.strip()
    if value.isdigit():
        when = now + timedelta(seconds=int(value[:9]))
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
    return min(when, now + MAX_RETRY_AFTER)


class _Decoder(Protocol):
    def feed(self, data: bytes, limit: int) -> list[bytes]: ...


class _Identity:
    def feed(self, data: bytes, limit: int) -> list[bytes]:
        return [data] if data else []


class _Zlib:
    """gzip or deflate (zlib-wrapped or raw), with output bounded per call."""

    def __init__(self, wbits: int) -> None:
        self._wbits = wbits
        self._obj = zlib.decompressobj(wbits)
        self._started = False

    def feed(self, data: bytes, limit: int) -> list[bytes]:
        out = []
        total = 0
        try:
            while data and total <= limit:
                chunk = self._obj.decompress(data, min(CHUNK, limit - total + 1))
                self._started = True
                total += len(chunk)
                out.append(chunk)
                data = self._obj.unconsumed_tail
                if self._obj.eof:
                    break
        except zlib.error:
            if self._wbits == zlib.MAX_WBITS and not self._started:
                self._wbits = -zlib.MAX_WBITS  # "deflate" sent without the zlib wrapper
                self._obj = zlib.decompressobj(self._wbits)
                return self.feed(data, limit)
            raise FetchError("the response is not valid compressed data") from None
        return out


class _Brotli:
    def __init__(self) -> None:
        import brotli  # type: ignore[import-untyped]

        self._error = brotli.error
        self._obj = brotli.Decompressor()

    def feed(self, data: bytes, limit: int) -> list[bytes]:
        out = []
        total = 0
        try:
            chunk = self._obj.process(data, output_buffer_limit=min(CHUNK, limit + 1))
            while True:
                total += len(chunk)
                out.append(chunk)
                if total > limit or self._obj.can_accept_more_data():
                    break
                chunk = self._obj.process(b"", output_buffer_limit=min(CHUNK, limit + 1))
        except self._error:
            raise FetchError("the response is not valid brotli data") from None
        return out


def _decoder(encoding: str) -> _Decoder:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return _Identity()
    if encoding in ("gzip", "x-gzip"):
        return _Zlib(zlib.MAX_WBITS | 16)
    if encoding == "deflate":
        return _Zlib(zlib.MAX_WBITS)
    if encoding == "br":
        return _Brotli()
    raise FetchError(f"unsupported content encoding {encoding!r}")


class Fetcher:
    """An HTTP client for feeds, shared by the feeds of one refresh."""

    def __init__(self, settings: Settings, *, untrusted: Collection[str] = ()):
        self.settings = settings
        self._untrusted = untrusted
        """Feed URLs whose own host is not trusted (they came from an imported list)."""
        self._global = asyncio.Semaphore(max(1, settings.concurrency))
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._client = HttpClient(
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
            connect_timeout=settings.connect_timeout,
            read_timeout=settings.read_timeout,
            allowed=settings.allow_private_hosts,
            limit=settings.concurrency,
        )

    async def aclose(self) -> None:
        """Close the connections."""
        await self._client.aclose()

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    @asynccontextmanager
    async def slot(self, url: str) -> AsyncIterator[None]:
        """Hold one of the global and one of the per-host fetch slots."""
        host = urlsplit(url).netloc.lower()
        per_host = self._hosts.setdefault(
            host, asyncio.Semaphore(max(1, self.settings.per_host_concurrency))
        )
        async with self._global, per_host:
            yield

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        trusted: Iterable[str] | None = None,
    ) -> FetchResult:
        """GET a feed with conditional headers, following at most 5 redirects.

        Non-2xx/304 answers are returned (the caller decides what 410 or 429 mean); transport
        failures, oversized bodies, redirect loops and links to private addresses raise
        FetchError. The whole exchange is bounded by ``feed_timeout``. ``trusted`` are the
        hosts the user named (default: the URL's own, unless it came from an imported list).
        """
        if trusted is None:
            trusted = () if url in self._untrusted else (netguard.host_of(url),)
        try:
            with netguard.trusting(trusted):
                async with asyncio.timeout(self.settings.feed_timeout or None):
                    return await self._fetch(url, etag, last_modified)
        except netguard.BlockedAddress as exc:
            raise FetchError(exc.message) from None
        except aiohttp.InvalidURL as exc:
            raise FetchError(f"not a valid URL ({exc})") from None
        except TimeoutError as exc:
            if isinstance(exc, aiohttp.ClientError):  # a connect or read timeout
                raise FetchError(describe(exc)) from None
            raise FetchError(
                f"took longer than {self.settings.feed_timeout:g} s in total (gave up)"
            ) from None
        except (aiohttp.ClientError, OSError, ValueError) as exc:
            raise FetchError(describe(exc)) from None

    async def _fetch(self, url: str, etag: str | None, last_modified: str | None) -> FetchResult:
        headers = {"Accept-Encoding": "gzip, deflate, br"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        async with follow(self._client, url, headers) as (response, moved_to):
            status = response.status
            result = FetchResult(
                url=str(response.url),
                status=status,
                content_type=response.headers.get("content-type", ""),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                moved_to=moved_to,
                retry_after=parse_retry_after(response.headers.get("retry-after")),
                reason=response.reason or "",
                max_age=parse_max_age(response.headers.get("cache-control")),
            )
            if status == 200:
                result.body = await read_body(response, self.settings.max_feed_bytes)
            return result


@asynccontextmanager
async def follow(
    client: HttpClient, url: str, headers: Mapping[str, str]
) -> AsyncIterator[tuple[aiohttp.ClientResponse, str | None]]:
    """GET ``url``, following at most 5 redirects to http(s) URLs, each hop checked by the
    client's guard; yields the last answer and the new URL when every hop was permanent."""
    moved_to: str | None = None
    permanent = True
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        async with client.request("GET", current, headers=headers) as response:
            if response.status in REDIRECTS and "location" in response.headers:
                target = urljoin(current, response.headers["location"].strip())
                if urlsplit(target).scheme.lower() not in ("http", "https"):
                    raise FetchError(f"redirected to a non-HTTP URL: {target[:200]}")
                permanent = permanent and response.status in PERMANENT
                if permanent:
                    moved_to = target
                current = target
                continue
            yield response, moved_to
            return
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


async def read_body(
    response: aiohttp.ClientResponse, cap: int, too_large: Exception | None = None
) -> bytes:
    """The body, decompressed, aborting (``too_large``, else a FetchError) past ``cap`` bytes."""
    error = too_large or _too_large(cap)
    encodings = [e for e in response.headers.get("content-encoding", "").split(",") if e]
    if len(encodings) > 1:
        raise FetchError("unsupported content encoding (more than one)")
    decoder = _decoder(encodings[0] if encodings else "")
    length = response.headers.get("content-length", "")
    if not encodings and length.isdigit() and int(length) > cap:
        raise error
    parts: list[bytes] = []
    total = 0
    async for raw in response.content.iter_chunked(CHUNK):
        for chunk in decoder.feed(raw, cap - total):
            total += len(chunk)
            if total > cap:
                raise error
            parts.append(chunk)
    return b"".join(parts)


def _too_large(cap: int) -> FetchError:
    return FetchError(f"feed too large (more than {_size(cap)}; see max_feed_bytes)")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:g} MiB" if n >= 1024 * 1024 else f"{n} bytes"


def status_message(result: FetchResult) -> str:
    """One line for an HTTP answer that is not a feed."""
    reason = f" {result.reason}" if result.reason else ""
    return f"HTTP {result.status}{reason}"
