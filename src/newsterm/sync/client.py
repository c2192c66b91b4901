"""A Google Reader API client (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux) on
newsterm's one HTTP client (:mod:`newsterm.ingest.http`).

Every failure is a :class:`SyncError` whose one line names the host and what went wrong; it
never holds the password, the session token or a response body.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from newsterm.errors import NewstermError
from newsterm.ingest.fetch import USER_AGENT, FetchError, read_body
from newsterm.ingest.http import HttpClient, describe
from newsterm.ingest.tls import aiohttp

READING_LIST = "user/-/state/com.google/reading-list"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
LABEL_PREFIX = "user/-/label/"
ITEM_PREFIX = "tag:google.com,2005:reader/item/"
PAGE_ITEMS = 1000
"""Items a stream/contents page asks for."""
EDIT_BATCH = 1000
"""Items one edit-tag request carries (about 60 KB of form; FreshRSS reads up to 1 MiB)."""
IDS_PAGE = 10000
"""Item ids a stream/items/ids page asks for."""
MAX_ANSWER_BYTES = 256 * 1024 * 1024
"""Largest answer read from the server (decompressed)."""


class SyncError(NewstermError):
    """The sync server could not be used: one line, never a secret."""


class AuthError(SyncError):
    """The server refused the user name or password (or the session)."""


def item_number(item_id: str) -> int:
    """A Google Reader item id (long ``tag:…/item/<16 hex>`` or decimal) as a signed 64-bit
    integer, the way the cache keys it."""
    text = item_id.strip()
    value = int(text.rsplit("/", 1)[-1], 16) if text.startswith(ITEM_PREFIX) else int(text)
    return value - (1 << 64) if value >= 1 << 63 else value


def item_long_id(number: int) -> str:
    """The long form of an item id, which every server accepts."""
    return f"{ITEM_PREFIX}{number & ((1 << 64) - 1):016x}"


@dataclass(frozen=True, slots=True)
class Subscription:
    """A feed the server account is subscribed to."""

    id: str
    """The stream id, ``feed/…``."""
    title: str
    url: str
    folders: tuple[str, ...] = ()


@dataclass(slots=True)
class Page:
    """One stream/contents answer."""

    items: list[dict[str, Any]]
    continuation: str | None
    updated: float | None
    """The server's clock when it answered (seconds), if it said."""


@dataclass(frozen=True, slots=True)
class Reply:
    """A server's answer, read whole."""

    status_code: int
    headers: Mapping[str, str]
    """Case-insensitive."""
    content: bytes

    @property
    def text(self) -> str:
        """The body as text (UTF-8, bad bytes replaced)."""
        return self.content.decode("utf-8", errors="replace")


@dataclass(slots=True)
class GReaderClient:
    """A logged-in session with one server (call :meth:`login` first)."""

    url: str
    user: str
    password: str | Callable[[], str] = field(repr=False)
    """The password, or how to get it (asked only when a login is needed)."""
    timeout: float = 30.0
    connect_timeout: float = 10.0
    requests: int = 0
    """HTTP requests made (for the benchmark)."""
    _auth: str | None = field(default=None, repr=False)
    _resumed: bool = field(default=False, repr=False)
    _token: str | None = field(default=None, repr=False)
    _http: HttpClient | None = field(default=None, repr=False)
    _loop: asyncio.AbstractEventLoop | None = field(default=None, repr=False)
    """The client's own event loop: its methods are synchronous."""

    @property
    def host(self) -> str:
        """The server's host (and port), for messages."""
        parts = urlsplit(self.url)
        return parts.hostname + (f":{parts.port}" if parts.port else "") if parts.hostname else "?"

    def _client(self) -> HttpClient:
        if self._http is None:
            plain = urlsplit(self.url).scheme.lower() == "http"
            self._http = HttpClient(
                headers={"User-Agent": USER_AGENT},
                connect_timeout=self.connect_timeout,
                read_timeout=self.timeout,
                guarded=False,  # the user named this server in [sync]
                # a plain-HTTP server (redirects are not followed) needs no certificates
                verify=not plain,
            )
        return self._http

    def _request(self, method: str, url: str, headers: dict[str, str], **kwargs: Any) -> Reply:
        """One request on the client's own event loop, its answer read whole."""
        if "content" in kwargs:
            kwargs["data"] = kwargs.pop("content")
        headers.setdefault("Accept-Encoding", "gzip, deflate, br")

        async def send() -> Reply:
            async with self._client().request(method, url, headers=headers, **kwargs) as answer:
                body = await read_body(answer, MAX_ANSWER_BYTES)
                return Reply(answer.status, answer.headers, body)

        if self._loop is None:
            self._loop = asyncio.new_event_loop()
        return self._loop.run_until_complete(send())

    def close(self) -> None:
        """Close the connections."""
        if self._loop is not None:
            if self._http is not None:
                self._loop.run_until_complete(self._http.aclose())
            self._loop.close()
        self._http = None
        self._loop = None

    def __enter__(self) -> GReaderClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transport ------------------------------------------------------------------------

    def _fail(self, message: str, kind: type[SyncError] = SyncError) -> SyncError:
        return kind(f"sync: {self.host}: {message}")

    @property
    def session(self) -> str | None:
        """The session token of the last login (for the cache to resume from), or None."""
        return self._auth

    def resume(self, session: str) -> None:
        """Use a session token kept from an earlier sync; a 401 logs in again once."""
        self._auth = session
        self._resumed = True
        self._token = None

    def _send(
        self, method: str, path: str, *, extra_headers: dict[str, str] | None = None, **kwargs: Any
    ) -> Reply:
        login = path.startswith("accounts/")
        if not login and self._auth is None:
            self.login()
        headers = {"Authorization": f"GoogleLogin auth={self._auth}"} if self._auth else {}
        headers.update(extra_headers or {})
        self.requests += 1
        try:
            response = self._request(method, f"{self.url}/{path}", headers, **kwargs)
        except FetchError as exc:
            raise self._fail(exc.message) from None
        except (aiohttp.ClientError, OSError, TimeoutError, ValueError) as exc:
            raise self._fail(_transport_message(exc)) from None
        if response.status_code == 401 and not login and self._resumed:
            self._resumed = False  # the kept session expired (a password change): log in again
            self.login()
            if "data" in kwargs or "content" in kwargs:
                kwargs = self._retokened(kwargs)
            return self._send(method, path, extra_headers=extra_headers, **kwargs)
        if response.status_code in (401, 403):
            what = "the user name or password" if path.startswith("accounts/") else "the login"
            raise self._fail(
                f"the server refused {what} (HTTP {response.status_code}); check [sync] user "
                "and the password",
                AuthError,
            )
        if response.status_code in (405, 501):
            raise self._fail(
                f"HTTP {response.status_code} for {path.split('?')[0]}: not a Google Reader API "
                "(check [sync] url)"
            )
        if response.status_code >= 500:
            raise self._fail(f"server error (HTTP {response.status_code}); try again later")
        if 300 <= response.status_code < 400:
            where = response.headers.get("Location", "")
            raise self._fail(
                f"redirected (HTTP {response.status_code}) to {urlsplit(where).path or '?'}: "
                "not a Google Reader API URL (it ends in /api/greader.php for FreshRSS)"
            )
        if response.status_code >= 400:
            raise self._fail(
                f"HTTP {response.status_code} for {path.split('?')[0]}: not a Google Reader API "
                "(check [sync] url)"
            )
        return response

    def _json(self, path: str, params: dict[str, Any]) -> Any:
        response = self._send("GET", path, params={**params, "output": "json"})
        return self._decode(response)

    def _decode(self, response: Reply) -> Any:
        body = response.content
        if body.lstrip()[:1] == b"<":
            raise self._fail("the server answered HTML, not JSON: not a Google Reader API?")
        try:
            return json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise self._fail("the answer is not valid JSON (truncated?)") from None

    # -- the API --------------------------------------------------------------------------

    def _retokened(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        """A write's form with the token of the new session."""
        old = self._token
        self._token = None
        body = kwargs["content"].decode("ascii")
        if old:
            body = body.replace(urlencode([("T", old)]), urlencode([("T", self.token())]))
        return {**kwargs, "content": body.encode("ascii")}

    def login(self) -> None:
        """ClientLogin: exchange the user name and password for a session token."""
        self._auth = None
        self._resumed = False
        self._token = None
        password = self.password() if callable(self.password) else self.password
        response = self._send(
            "POST", "accounts/ClientLogin", data={"Email": self.user, "Passwd": password}
        )
        for line in response.text.splitlines():
            if line.startswith("Auth="):
                self._auth = line[len("Auth=") :].strip()
        if not self._auth:
            raise self._fail("no Auth= in the ClientLogin answer: not a Google Reader API")

    def token(self) -> str:
        """The write token (fetched once a session)."""
        if self._token is None:
            text = self._send("GET", "reader/api/0/token").text.strip()
            if not text or "<" in text or len(text) > 200:
                raise self._fail("no write token in the answer: not a Google Reader API?")
            self._token = text
        return self._token

    def subscriptions(self) -> list[Subscription]:
        """The account's subscriptions, with their folders."""
        data = self._json("reader/api/0/subscription/list", {})
        try:
            return [
                Subscription(
                    id=str(sub["id"]),
                    title=str(sub.get("title") or ""),
                    url=str(sub.get("url") or ""),
                    folders=tuple(
                        str(c.get("label") or str(c.get("id", "")).removeprefix(LABEL_PREFIX))
                        for c in sub.get("categories") or []
                    ),
                )
                for sub in data["subscriptions"]
            ]
        except (KeyError, TypeError, AttributeError):
            raise self._fail("unexpected subscription list: not a Google Reader API?") from None

    def quickadd(self, feed_url: str) -> str:
        """Subscribe the account to a feed; returns its stream id."""
        text = self._post_form("reader/api/0/subscription/quickadd", [("quickadd", feed_url)])
        try:
            data = json.loads(text)
            stream = data.get("streamId")
        except (ValueError, AttributeError):
            stream = None
        if not stream:
            raise self._fail(f"the server did not subscribe to {feed_url}")
        return str(stream)

    def unsubscribe(self, stream_id: str) -> None:
        """Unsubscribe the account from a feed."""
        self._post_form("reader/api/0/subscription/edit", [("ac", "unsubscribe"), ("s", stream_id)])

    def contents(
        self, count: int, *, since: int | None = None, continuation: str | None = None
    ) -> Page:
        """One page of the reading list, newest first (``since``: crawled at or after)."""
        params: dict[str, Any] = {"n": count}
        if since is not None:
            params["ot"] = since
        if continuation:
            params["c"] = continuation
        data = self._json(f"reader/api/0/stream/contents/{READING_LIST}", params)
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise self._fail("unexpected stream answer: not a Google Reader API?")
        updated = data.get("updated")
        return Page(
            items=[i for i in data["items"] if isinstance(i, dict)],
            continuation=str(data["continuation"]) if data.get("continuation") else None,
            updated=float(updated) if isinstance(updated, int | float) else None,
        )

    def pages(self, limit: int, *, since: int | None = None) -> Iterator[Page]:
        """Pages of the reading list until ``limit`` items or the end."""
        continuation = None
        left = limit
        while left > 0:
            page = self.contents(min(PAGE_ITEMS, left), since=since, continuation=continuation)
            page.items = page.items[:left]
            left -= len(page.items)
            yield page
            if not page.continuation or not page.items:
                return
            continuation = page.continuation

    def item_ids(self, stream: str, *, exclude: str | None = None) -> set[int]:
        """Every item id of a stream (all pages)."""
        found: set[int] = set()
        continuation = None
        while True:
            params: dict[str, Any] = {"s": stream, "n": IDS_PAGE}
            if exclude:
                params["xt"] = exclude
            if continuation:
                params["c"] = continuation
            data = self._json("reader/api/0/stream/items/ids", params)
            try:
                refs = data.get("itemRefs") or []
                found.update(item_number(str(ref["id"])) for ref in refs)
            except (AttributeError, KeyError, TypeError, ValueError):
                raise self._fail("unexpected item id list: not a Google Reader API?") from None
            continuation = data.get("continuation")
            if not continuation or not refs:
                return found

    def edit_tag(
        self, items: Sequence[int], *, add: str | None = None, remove: str | None = None
    ) -> None:
        """Set or clear a state on many items in one request."""
        form = [("i", item_long_id(i)) for i in items]
        if add:
            form.append(("a", add))
        if remove:
            form.append(("r", remove))
        text = self._post_form("reader/api/0/edit-tag", form)
        if text.strip() != "OK":
            raise self._fail("edit-tag was not accepted")

    def _post_form(self, path: str, form: list[tuple[str, str]]) -> str:
        """POST a form (keys may repeat) with the write token."""
        body = urlencode([*form, ("T", self.token())])
        response = self._send(
            "POST",
            path,
            content=body.encode("ascii"),
            extra_headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        return response.text


def _transport_message(exc: BaseException) -> str:
    """One line for a transport failure, TLS told apart."""
    reason = describe(exc)
    if isinstance(exc, aiohttp.ClientConnectorError) and not reason.startswith("TLS"):
        return f"unreachable: {reason}"
    return reason
