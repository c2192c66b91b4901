"""The sync account: the source that stands for it, the client that logs in to it, and its
session and sync point kept in the cache's meta table."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from newsterm.config import Config, SyncConfig
from newsterm.errors import UsageError
from newsterm.models import Source, SourceKind
from newsterm.store import Store
from newsterm.sync.client import AuthError, GReaderClient

SINCE_KEY = "sync.since"
"""meta: the server's clock (seconds) at the start of the last complete item pull."""
ACCOUNT_KEY = "sync.account"
"""meta: the URL and user the cache was synced with (another account starts afresh)."""
SESSION_KEY = "sync.session"
"""meta: the session token of the last login (as a browser keeps a cookie; never the
password), so that a sync needs no login, and no password, while the server accepts it."""

ClientFactory = Callable[[SyncConfig, Config], GReaderClient]


def server_host(sync: SyncConfig) -> str:
    """The server's host for titles and messages."""
    return urlsplit(sync.url).hostname or sync.url


def account_source(store: Store, sync: SyncConfig) -> Source:
    """The source that stands for the server account (its status is the sync's status)."""
    title = f"{sync.user} @ {server_host(sync)} (sync)"
    return store.upsert_source(SourceKind.SYNC, sync.url, title=title)


def open_client(sync: SyncConfig, cfg: Config) -> GReaderClient:
    """A client for the server; it logs in when first needed, and only then asks for the
    password (kept in memory only)."""
    from newsterm.sync.password import sync_password

    return GReaderClient(
        sync.url,
        sync.user,
        lambda: sync_password(sync),
        timeout=max(cfg.settings.read_timeout, 1.0),
        connect_timeout=max(cfg.settings.connect_timeout, 1.0),
    )


def check_login(store: Store, cfg: Config, factory: ClientFactory = open_client) -> str:
    """``newsterm sync login``: log in afresh and say in one line what the account holds.

    The new session is kept for the next syncs; a refused login forgets the old one.
    """
    sync = require_sync(cfg)
    with factory(sync, cfg) as client:
        try:
            client.login()
        except AuthError:
            keep_session(store, sync, None)
            raise
        count = len(client.subscriptions())
        client.token()
        keep_session(store, sync, client.session)
    return f"logged in to {server_host(sync)} as {sync.user}: {count} subscriptions"


def require_sync(cfg: Config) -> SyncConfig:
    if cfg.sync is None:
        raise UsageError(f"{cfg.path}: sync is off (add a [sync] table; see README, Sync)")
    return cfg.sync


def account_name(sync: SyncConfig) -> str:
    return f"{sync.url} {sync.user}"


def kept_session(store: Store, sync: SyncConfig) -> str | None:
    if store.get_meta(ACCOUNT_KEY) != account_name(sync):
        return None
    return store.get_meta(SESSION_KEY) or None


def keep_session(store: Store, sync: SyncConfig, session: str | None) -> None:
    if session is None:
        with store.write() as conn:
            conn.execute("DELETE FROM meta WHERE key = ?", (SESSION_KEY,))
        return
    if store.get_meta(ACCOUNT_KEY) != account_name(sync):
        store.set_meta(ACCOUNT_KEY, account_name(sync))
        with store.write() as conn:  # another account: its items are fetched afresh
            conn.execute("DELETE FROM meta WHERE key = ?", (SINCE_KEY,))
    if store.get_meta(SESSION_KEY) != session:
        store.set_meta(SESSION_KEY, session)
