"""Private addresses are the user's choice, never a stranger's (server-side request forgery).

A URL the user named (typed to ``add``, written in feeds.toml) may be on 127.0.0.1 or the LAN:
it is trusted for its own host. Where it leads elsewhere (a redirect, a feed-discovery link, an
article page fetched for full text) and every URL of an imported OPML or urls file is not: such
a host may not be reached on a loopback, private, link-local (cloud metadata), CGNAT,
unspecified, multicast or reserved address, IPv4-mapped and 6to4/NAT64 forms included, unless
``[settings] allow_private_hosts`` names it.

The check is made on the address actually connected to: :class:`GuardedResolver` is the
connector's resolver, so the addresses it returns, checked, are the ones connected to (no
DNS-rebinding gap between check and connect; TLS still verifies the host name). A request hook
checks each request first (every hop of a redirect is a request of its own: redirects are never
followed by the HTTP library) so a pooled connection opened for a trusted host is not reused by
a stranger's link. Through an HTTP proxy (``HTTP(S)_PROXY``, ``NO_PROXY``) the proxy connects,
so the hook resolves the host itself and checks those addresses before handing the request on;
the proxy's own lookup may differ (see docs/security.md).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import urlsplit

from newsterm.errors import NewstermError
from newsterm.ingest.tls import aiohttp

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}

_trusted: ContextVar[frozenset[str]] = ContextVar("newsterm_trusted_hosts", default=frozenset())
"""The hosts the user named for the fetch running in this task."""


class BlockedAddress(NewstermError):
    """A link led to a private address the user did not name."""


def host_of(url: str) -> str:
    """The host of a URL, normalised for comparison ("" when there is none)."""
    try:
        return normal_host(urlsplit(url.strip()).hostname or "")
    except (TypeError, ValueError):
        return ""


def normal_host(host: str) -> str:
    """Lower case, no trailing dot, no IPv6 brackets."""
    return host.strip("[]").rstrip(".").lower()


def _embedded(ip: Address) -> Address:
    """The IPv4 address inside an IPv4-mapped, 6to4 or NAT64 IPv6 address, else ``ip``."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def private_kind(ip: Address) -> str | None:
    """What kind of non-public address ``ip`` is ("loopback", ...), or None if public."""
    address = _embedded(ip)  # a wrapped IPv4 address is judged as itself
    if address in _METADATA:
        return "cloud metadata"
    if address.is_loopback:
        return "loopback"
    if address.is_unspecified:
        return "unspecified"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return "shared (CGNAT)"
    if address.is_reserved:
        return "reserved"
    if address.is_private or not address.is_global:
        return "private"
    return None


def _literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def named_kind(host: str) -> str | None:
    """What kind of private address a host names without any lookup (a literal address,
    ``localhost``), or None; names that resolve to one are caught when connecting."""
    host = normal_host(host)
    if host == "localhost" or host.endswith(".localhost"):
        return "loopback"
    ip = _literal(host)
    return private_kind(ip) if ip is not None else None


class Guard:
    """The policy of one HTTP client: which hosts may be reached on private addresses."""

    def __init__(self, allowed: Iterable[str] = ()) -> None:
        self.allowed = frozenset(normal_host(h) for h in allowed)
        self._private_seen: set[str] = set()
        """Hosts this client reached on a private address (their pooled connections are
        refused to fetches that do not trust them)."""

    def trusts(self, host: str) -> bool:
        """Whether ``host`` may be reached on a private address by the running fetch."""
        host = normal_host(host)
        return host in self.allowed or host in _trusted.get()

    def refuse(self, host: str, ip: Address, kind: str) -> BlockedAddress:
        """The error for a refused address, saying why and what allows it."""
        shown = host if normal_host(host) == str(ip) else f"{host} ({ip})"
        return BlockedAddress(
            f"refused to connect to {shown}: a {kind} address that a link led to, not one you "
            f'named (allow it with allow_private_hosts = ["{normal_host(host)}"] in [settings])'
        )

    def check_request(self, host: str) -> None:
        """Before any request (redirects too): refuse a literal private address, or a host
        already seen on one, unless trusted."""
        if self.trusts(host):
            return
        ip = _literal(normal_host(host))
        if ip is not None and (kind := private_kind(ip)):
            raise self.refuse(host, ip, kind)
        if normal_host(host) in self._private_seen:
            raise BlockedAddress(
                f"refused to connect to {host}: it is on a private address and a link led to "
                "it (allow it with allow_private_hosts in [settings])"
            )

    def choose(self, host: str, addresses: Iterable[str]) -> list[str]:
        """The addresses of ``host`` that may be connected to, in order; raise if none."""
        trusted = self.trusts(host)
        usable: list[str] = []
        refused: BlockedAddress | None = None
        for text in addresses:
            ip = ipaddress.ip_address(text.split("%")[0])
            kind = private_kind(ip)
            if kind is None or trusted:
                usable.append(str(ip))
                if kind is not None:
                    self._private_seen.add(normal_host(host))
            elif refused is None:
                refused = self.refuse(host, ip, kind)
        if not usable and refused is not None:
            raise refused
        return usable


@contextmanager
def trusting(hosts: Iterable[str]) -> Iterator[None]:
    """Trust ``hosts`` (the ones the user named) for the fetches made inside, in this task."""
    token = _trusted.set(frozenset(normal_host(h) for h in hosts if h))
    try:
        yield
    finally:
        _trusted.reset(token)


async def lookup(host: str, port: int) -> list[tuple[int, str]]:
    """The (family, address) pairs ``host`` resolves to (the system resolver, in a thread)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [(int(family), str(sockaddr[0])) for family, _, _, _, sockaddr in infos]


class GuardedResolver(aiohttp.abc.AbstractResolver):
    """The connector's resolver: resolves a host once and returns only the addresses the
    guard allows, which are the ones the connector then connects to."""

    def __init__(self, guard: Guard) -> None:
        self._guard = guard

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[aiohttp.abc.ResolveResult]:
        """Resolve, check and keep the allowed addresses (raise BlockedAddress if none)."""
        found = await lookup(host, port)
        families = {address: fam for fam, address in found}
        chosen = self._guard.choose(host, list(families))
        return [
            aiohttp.abc.ResolveResult(
                hostname=host,
                host=address,
                port=port,
                family=families.get(address, socket.AF_INET6 if ":" in address else socket.AF_INET),
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
            for address in chosen
        ]

    async def close(self) -> None:
        """Nothing to release."""


async def check_request(guard: Guard, url: str, *, proxied: bool = False) -> None:
    """Before any request (every hop of a redirect too): the guard's check of the host; and
    when the request goes through a proxy (which resolves names itself), a lookup here whose
    addresses must pass too."""
    host = host_of(url)
    guard.check_request(host)
    if not proxied or guard.trusts(host) or _literal(host) is not None:
        return  # a literal address was judged as itself just above
    if named_kind(host) is not None:
        raise guard.refuse(host, ipaddress.ip_address("127.0.0.1"), "loopback")
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        found = await lookup(host, port)
    except OSError:
        return  # unknown here: the proxy answers for it in its own words
    guard.choose(host, [address for _, address in found])
