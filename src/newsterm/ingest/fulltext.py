"""Fetch an article's web page and make its main text the article body (issue 7).

Feeds that carry only a summary point at the article page. This module downloads that page
(no JavaScript, the same client and limits as feeds), extracts its main text
(:mod:`newsterm.extract.fulltext`), analyses it and stores it with ``Store.replace_body``; the
summary stays in its own column. Every failure leaves the summary as the body, records a
reason with ``Store.set_full_text_status`` (so the automatic path does not try again) and says
why in one line.

Two entry points: :func:`fetch_full_texts` runs inside an event loop (a refresh) and can share
its ``HttpClient``; :func:`fetch_full_text` is the synchronous one-article call for a worker
thread or the CLI.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable, Collection, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsterm import __version__
from newsterm.analysis import AnalysisInput
from newsterm.config import Settings
from newsterm.extract import ANALYSIS_VERSION, analyse
from newsterm.extract.fulltext import FullText, extract_full_text, paywall_marker
from newsterm.extract.html import html_to_text
from newsterm.extract.text import count_words, decode, split_paragraphs
from newsterm.ingest import netguard
from newsterm.ingest.fetch import FetchError, follow, read_body
from newsterm.ingest.http import HttpClient
from newsterm.ingest.http import describe as describe_error
from newsterm.ingest.tls import aiohttp
from newsterm.models import NO_LINK, Article, FullTextStatus, describe_full_text
from newsterm.store import Store

USER_AGENT = f"newsterm/{__version__} (+https://github.com/newsterm)"
"""Who is asking: newsterm and its version."""
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""Content types read as article pages."""
SCHEMES = ("http", "https")


Status = FullTextStatus
describe = describe_full_text


@dataclass(slots=True)
class FullTextOutcome:
    """What one full-text fetch did."""

    article_id: int
    status: Status
    paragraphs: int = 0
    """How many paragraphs the body has now (0 when the summary stayed)."""
    error: str | None = None
    """One line saying why the summary stayed, or None on success."""

    @property
    def ok(self) -> bool:
        """Whether the body is now the page's full text."""
        return self.status is Status.OK


Progress = Callable[[FullTextOutcome, int, int], None]
"""Called after each article with its outcome, the number done and the total."""


@dataclass(frozen=True, slots=True)
class PageLimits:
    """Politeness limits for article pages (stricter than for feeds: one site, many pages)."""

    per_host: int = 1
    """Pages fetched at once from one host."""
    host_delay: float = 1.0
    """Seconds between the end of one request and the start of the next to the same host."""
    concurrency: int = 4
    """Pages fetched at once over all hosts."""


class _Failed(Exception):
    def __init__(self, status: Status, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def make_client(settings: Settings, *, user_agent: str = USER_AGENT) -> HttpClient:
    """The HTTP client for page fetches (open it inside the event loop that uses it).

    Guarded (``netguard``): pages may not lead to private addresses the user did not name.
    """
    return HttpClient(
        headers={"User-Agent": user_agent, "Accept": ACCEPT},
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.read_timeout,
        allowed=settings.allow_private_hosts,
    )


class HostGate:
    """Per-host concurrency and spacing of requests, plus an overall limit."""

    def __init__(self, limits: PageLimits) -> None:
        self.limits = limits
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._last: dict[str, float] = {}
        self._all = asyncio.Semaphore(max(1, limits.concurrency))

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold a slot for one request to ``host``, waiting for the host's delay first."""
        loop = asyncio.get_running_loop()
        semaphore = self._hosts.setdefault(host, asyncio.Semaphore(max(1, self.limits.per_host)))
        async with semaphore:
            last = self._last.get(host)
            if last is not None:
                wait = last + self.limits.host_delay - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
            async with self._all:
                try:
                    yield
                finally:
                    self._last[host] = loop.time()


# -- fetching ---------------------------------------------------------------------------------


def check_page_url(url: str | None) -> str:
    """The article's URL if it is http(s) with a host; else raise _Failed(NO_URL)."""
    if not url:
        raise _Failed(Status.NO_URL, NO_LINK)
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        raise _Failed(Status.NO_URL, f"{url}: only http and https pages are fetched")
    return url.strip()


def _status_failure(code: int, url: str) -> _Failed:
    if code in (401, 402, 403, 429, 451):
        return _Failed(Status.BLOCKED, f"{url}: the site refused the request (HTTP {code})")
    if code in (404, 410):
        return _Failed(Status.NOT_FOUND, f"{url}: page not found (HTTP {code})")
    if code >= 500:
        return _Failed(Status.SERVER_ERROR, f"{url}: server error (HTTP {code})")
    return _Failed(Status.HTTP_ERROR, f"{url}: unexpected HTTP status {code}")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def decode_page(data: bytes, charset: str | None) -> str:
    """Page bytes as text: the header's charset, else a <meta> charset, else UTF-8/cp1252."""
    if not charset:
        match = _META_CHARSET.search(data[:4096])
        charset = match.group(1).decode("ascii") if match else None
    if charset:
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            pass
    return decode(data)


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")) or (
        b"<p" in head or b"<div" in head
    )


async def download_page(client: HttpClient, url: str, max_bytes: int) -> str:
    """GET an article page: an HTML body of at most ``max_bytes`` (after decompression)."""
    too_large = _Failed(Status.TOO_LARGE, f"{url}: page larger than {max_bytes} bytes")
    headers = {"Accept-Encoding": "gzip, deflate, br"}
    try:
        async with follow(client, url, headers) as (response, _moved):
            if response.status != 200:
                raise _status_failure(response.status, url)
            media = (response.content_type or "").strip().lower()
            if "content-type" not in response.headers:
                media = ""
            if media and media not in PAGE_TYPES:
                raise _Failed(Status.NOT_HTML, f"{url}: not a web page ({media})")
            data = await read_body(response, max_bytes, too_large)
            if not media and not _looks_like_html(data):
                raise _Failed(Status.NOT_HTML, f"{url}: not a web page (no content type)")
            return decode_page(data, response.charset)
    except netguard.BlockedAddress as exc:
        raise _Failed(Status.UNREACHABLE, f"{url}: {exc.message}") from None
    except FetchError as exc:
        if "redirected to a non-HTTP" in exc.message:
            raise _Failed(
                Status.NO_URL, f"{url}: redirected to a link that is not http(s)"
            ) from None
        if "compress" in exc.message or "encoding" in exc.message or "brotli" in exc.message:
            raise _Failed(Status.NO_TEXT, f"{url}: the page's compression is broken") from None
        raise _Failed(Status.HTTP_ERROR, f"{url}: {exc.message}") from None
    except aiohttp.InvalidURL:
        raise _Failed(Status.NO_URL, f"{url}: not a valid URL") from None
    except TimeoutError:
        raise _Failed(Status.TIMEOUT, f"{url}: timed out") from None
    except (aiohttp.ClientError, OSError, ValueError) as exc:
        raise _Failed(Status.UNREACHABLE, f"{url}: cannot connect: {describe_error(exc)}") from None


# -- judging and storing ----------------------------------------------------------------------

LONG_ENOUGH_WORDS = 600
"""Text this long is taken as the article even if a subscribe prompt follows it."""
MIN_WORDS = 150
"""Below this, a page that mentions a paywall is taken as a teaser."""


def summary_words(article: Article) -> int:
    """Words in what the feed gave: the summary, else the current body."""
    paragraphs = split_paragraphs(article.summary) if article.summary else article.paragraphs
    if article.summary and "<" in article.summary:
        paragraphs = html_to_text(article.summary).paragraphs
    return count_words(paragraphs)


def judge(extracted: FullText, markup: str, article: Article, url: str) -> list[str]:
    """The paragraphs to keep, or raise _Failed when the page is not the whole article."""
    paragraphs = extracted.paragraphs
    if not paragraphs:
        raise _Failed(Status.NO_TEXT, f"{url}: no article text found on the page")
    words = count_words(paragraphs)
    known = summary_words(article)
    in_text = paywall_marker("\n".join(paragraphs))
    if in_text and words < LONG_ENOUGH_WORDS:
        raise _Failed(Status.PAYWALLED, f"{url}: paywalled (the page says “{in_text}”)")
    if words < max(MIN_WORDS, 2 * known):
        on_page = paywall_marker(" ".join(html_to_text(markup).paragraphs))
        if on_page:
            raise _Failed(Status.PAYWALLED, f"{url}: paywalled (the page says “{on_page}”)")
    if words < known:
        raise _Failed(
            Status.PAYWALLED,
            f"{url}: the page has less text than the summary ({words} vs {known} words); "
            "paywall or teaser",
        )
    if in_text:
        paragraphs = [p for p in paragraphs if not paywall_marker(p)]
    return paragraphs


def _trusted_hosts(store: Store, article: Article, untrusted: Collection[str]) -> tuple[str, ...]:
    """The host the user named for this article: its feed's, unless the feed was imported."""
    source = store.source(article.source_id)
    if source is None or source.location in untrusted:
        return ()
    return (netguard.host_of(source.location),)


async def _fetch_article(
    store: Store,
    article: Article,
    client: HttpClient,
    gate: HostGate,
    settings: Settings,
    untrusted: Collection[str] = (),
) -> FullTextOutcome:
    try:
        url = check_page_url(article.url)
        host = (urlsplit(url).hostname or "").lower()
        async with gate.slot(host):
            with netguard.trusting(_trusted_hosts(store, article, untrusted)):
                markup = await download_page(client, url, settings.max_feed_bytes)
        try:
            extracted = await asyncio.to_thread(
                extract_full_text, markup, url=url, title=article.title
            )
        except Exception as exc:  # a parser failure on hostile markup is the page's fault
            raise _Failed(Status.NO_TEXT, f"{url}: cannot parse the page ({exc})") from None
        paragraphs = judge(extracted, markup, article, url)
    except _Failed as failed:
        store.set_full_text_status(article.id, failed.status.value)
        return FullTextOutcome(article.id, failed.status, error=failed.message)
    source = AnalysisInput(
        article.id, "", article.title, paragraphs, authors=article.authors or extracted.authors
    )
    analysis = analyse(source.title, source.paragraphs, authors=source.authors)
    store.replace_body(
        article.id, analysis, status=Status.OK.value, source=source, version=ANALYSIS_VERSION
    )
    return FullTextOutcome(article.id, Status.OK, paragraphs=len(analysis.paragraphs))


async def fetch_full_texts(
    store: Store,
    article_ids: Sequence[int],
    settings: Settings,
    client: HttpClient | None = None,
    *,
    limits: PageLimits | None = None,
    progress: Progress | None = None,
    untrusted: Collection[str] = (),
) -> list[FullTextOutcome]:
    """Fetch the full text of articles, politely (see PageLimits); outcomes in input order.

    Runs in the caller's event loop; ``store`` is used from this loop's thread only (page
    parsing runs in worker threads). Pass the refresh's ``client`` to share its connections;
    without one a client from :func:`make_client` is opened and closed here (a client passed in
    should come from it too: it is the guarded one). An article page is trusted to be on a
    private address only on its feed's host, and not when the feed URL is in ``untrusted``
    (imported). Articles are
    fetched whatever their status: choosing which to fetch is the caller's business
    (``Store.articles_needing_full_text`` for the automatic path).
    """
    gate = HostGate(limits or PageLimits())
    own_client = client is None
    http = make_client(settings) if client is None else client
    done = 0
    total = len(article_ids)

    async def one(article_id: int) -> FullTextOutcome:
        nonlocal done
        article = store.article(article_id)
        if article is None:
            outcome = FullTextOutcome(
                article_id, Status.NO_URL, error=f"{article_id}: no such article"
            )
        else:
            outcome = await _fetch_article(store, article, http, gate, settings, untrusted)
        done += 1
        if progress is not None:
            progress(outcome, done, total)
        return outcome

    try:
        return list(await asyncio.gather(*(one(i) for i in article_ids)))
    finally:
        if own_client:
            await http.aclose()


def fetch_full_text(
    store: Store,
    article_id: int,
    settings: Settings,
    *,
    force: bool = True,
    untrusted: Collection[str] = (),
) -> FullTextOutcome:
    """Fetch one article's full text now (an explicit request: failures are retried).

    Synchronous: call it from a worker thread (with that thread's own Store) or the CLI, not
    from inside a running event loop (use :func:`fetch_full_texts` there). Without ``force``
    an article whose full text is already stored is left alone.
    """
    article = store.article(article_id)
    if article is None:
        return FullTextOutcome(article_id, Status.NO_URL, error=f"{article_id}: no such article")
    if not force and article.full_text_status == Status.OK.value:
        return FullTextOutcome(article_id, Status.OK, paragraphs=len(article.paragraphs))
    return asyncio.run(fetch_full_texts(store, [article_id], settings, untrusted=untrusted))[0]
