"""aiohttp, imported without loading the system's CA certificates until TLS is used.

Importing aiohttp makes two TLS contexts, each loading the system's certificate store: on
the bench machine 40-100 ms apiece, the largest part of the import and of a refresh where
every feed answers 304, which over plain HTTP never needs them. Imported from here (every
module that uses aiohttp does: ``from newsterm.ingest.tls import aiohttp``), the contexts are
made without their certificates, which :func:`ready` loads into those same contexts before
the first request that can use TLS (:class:`newsterm.ingest.http.HttpClient` calls it).
Until then the verifying context trusts no certificate: a TLS connection made too early
fails; it is never left unchecked.
"""

from __future__ import annotations

import ssl
import sys
import threading

_load_paths = ssl.SSLContext.set_default_verify_paths
_deferred: list[ssl.SSLContext] = []
_lock = threading.Lock()


def _defer(context: ssl.SSLContext) -> None:
    _deferred.append(context)


def _import() -> None:
    if "aiohttp" in sys.modules:  # imported elsewhere first: its contexts are complete
        return
    ssl.SSLContext.set_default_verify_paths = _defer  # type: ignore[method-assign,assignment]
    try:
        import aiohttp.abc  # noqa: F401
    finally:
        ssl.SSLContext.set_default_verify_paths = _load_paths  # type: ignore[method-assign]


_import()

import aiohttp  # noqa: E402
import aiohttp.abc  # noqa: E402

__all__ = ["aiohttp", "ready", "waiting"]


def waiting() -> bool:
    """Whether contexts made at import still wait for their certificates."""
    return bool(_deferred)


def ready() -> None:
    """Load the certificates the import left out (once; reads files: call it off the event
    loop)."""
    with _lock:
        while _deferred:
            _load_paths(_deferred.pop())
