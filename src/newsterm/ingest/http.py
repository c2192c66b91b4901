"""The one HTTP client newsterm uses (aiohttp): feeds, article pages and the sync server.

:class:`HttpClient` sends every request itself, one hop at a time (the library never follows
a redirect, so each hop is checked by ``netguard`` before it is sent), through the proxy the
environment names (``HTTP(S)_PROXY``, ``NO_PROXY``), with bodies left compressed for the
caller to read with a bound (:func:`newsterm.ingest.fetch.read_body`). Transport failures are
told in one line by :func:`describe`.
"""

from __future__ import annotations

import asyncio
import errno
import ssl
import urllib.request
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

from newsterm.ingest import netguard, tls
from newsterm.ingest.tls import aiohttp


class Proxies:
    """The proxies of the environment (``http_proxy``, ``https_proxy``, ``no_proxy``), read
    once."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        if environ is None:
            found = urllib.request.getproxies_environment()
        else:
            found = {
                key.lower().removesuffix("_proxy"): value
                for key, value in environ.items()
                if key.lower().endswith("_proxy") and value
            }
        self._proxies = {
            key: value if key == "no" or "://" in value else f"http://{value}"
            for key, value in found.items()
        }

    def hosts(self) -> set[str]:
        """The proxies' own hosts (the user named them: they may be private)."""
        return {netguard.host_of(url) for key, url in self._proxies.items() if key != "no"}

    def for_url(self, url: str) -> str | None:
        """The proxy a request to ``url`` goes through, or None."""
        parts = urlsplit(url)
        proxy = self._proxies.get(parts.scheme.lower())
        if not proxy or not parts.hostname:
            return None
        no_proxy = self._proxies.get("no")
        bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]
        if no_proxy and bypass(parts.netloc, {"no": no_proxy}):
            return None
        return proxy


class HttpClient:
    """An aiohttp session with newsterm's rules; open and close it inside one event loop.

    ``guarded``: links may not lead to private addresses the user did not name
    (:mod:`newsterm.ingest.netguard`); ``allowed`` are the hosts ``allow_private_hosts``
    names. The sync server, which the user names in ``[sync]``, is reached unguarded.
    """

    def __init__(
        self,
        *,
        headers: Mapping[str, str],
        connect_timeout: float,
        read_timeout: float,
        allowed: Iterable[str] = (),
        limit: int = 100,
        guarded: bool = True,
        verify: bool = True,
    ) -> None:
        self.proxies = Proxies()
        self.guard = netguard.Guard([*allowed, *self.proxies.hosts()]) if guarded else None
        resolver = (
            netguard.GuardedResolver(self.guard)
            if self.guard is not None
            else aiohttp.ThreadedResolver()
        )
        connector = aiohttp.TCPConnector(
            limit=max(1, limit),
            resolver=resolver,
            # each connection's addresses are checked when it is made: no cached lookups
            use_dns_cache=self.guard is None,
            ssl=verify,
        )
        self.session = aiohttp.ClientSession(
            connector=connector,
            headers=dict(headers),
            timeout=aiohttp.ClientTimeout(
                total=None, sock_connect=connect_timeout, sock_read=read_timeout
            ),
            auto_decompress=False,
            trust_env=False,  # the proxies are ours to choose (and to check): see request()
        )

    @asynccontextmanager
    async def request(
        self, method: str, url: str, *, headers: Mapping[str, str] | None = None, **kwargs: Any
    ) -> AsyncIterator[aiohttp.ClientResponse]:
        """One request, one hop: checked first, never redirected by the library."""
        proxy = self.proxies.for_url(url)
        if tls.waiting() and any(u.lower().startswith("https:") for u in (url, proxy or "")):
            await asyncio.to_thread(tls.ready)  # before the first TLS handshake
        if self.guard is not None:
            await netguard.check_request(self.guard, url, proxied=proxy is not None)
        async with self.session.request(
            method, url, headers=headers, allow_redirects=False, proxy=proxy, **kwargs
        ) as response:
            yield response

    async def aclose(self) -> None:
        """Close the connections."""
        await self.session.close()

    @property
    def closed(self) -> bool:
        """Whether :meth:`aclose` was called."""
        return self.session.closed


def describe(exc: BaseException) -> str:
    """One line for a transport error (TLS, timeouts, refused, unknown host, bad HTTP)."""
    if isinstance(exc, aiohttp.ClientConnectorCertificateError | aiohttp.ClientSSLError):
        return "TLS error (certificate or protocol): the connection is not trusted"
    if isinstance(exc, ssl.SSLError):
        return "TLS error (certificate or protocol): the connection is not trusted"
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return "timed out connecting"
    if isinstance(exc, aiohttp.SocketTimeoutError):
        return "timed out waiting for data"
    if isinstance(exc, asyncio.TimeoutError | aiohttp.ServerTimeoutError):
        return "timed out"
    if isinstance(exc, aiohttp.ClientProxyConnectionError):
        return f"cannot connect to the proxy: {_os_reason(exc)}"
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return "host not found"
    if isinstance(exc, aiohttp.ClientConnectorError):
        reason = _os_reason(exc)
        if exc.os_error.errno == errno.ECONNREFUSED or "refused" in reason.lower():
            return "connection refused"
        if "name or service not known" in reason.lower() or "nodename nor servname" in reason:
            return "host not found"
        return f"cannot connect: {reason}"
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return "the server closed the connection"
    if isinstance(exc, aiohttp.ClientResponseError):  # an answer aiohttp could not read
        message = str(exc.message).splitlines()[0] if exc.message else ""
        return f"the server broke the HTTP protocol: {message or exc.status}"
    if isinstance(exc, aiohttp.ClientPayloadError):
        return "the server broke the HTTP protocol: the body was cut short or malformed"
    if isinstance(exc, aiohttp.InvalidURL):
        return "not a valid URL"
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _os_reason(exc: aiohttp.ClientConnectorError) -> str:
    error = exc.os_error
    return (error.strerror or str(error)) if error is not None else str(exc)
