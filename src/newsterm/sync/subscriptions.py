"""The account's subscriptions: mirrored as sources (folders as tags), subscribed to and
unsubscribed from on the server."""

from __future__ import annotations

from newsterm.config import Config, SyncConfig
from newsterm.errors import UsageError
from newsterm.models import Source, SourceKind, SourceStatus
from newsterm.store import Store
from newsterm.sync.account import (
    ClientFactory,
    account_source,
    open_client,
    require_sync,
    server_host,
)
from newsterm.sync.client import GReaderClient, Subscription


def subscription_location(sync: SyncConfig, stream_id: str) -> str:
    """The cache location of a server subscription."""
    return f"{sync.url}#{stream_id}"


def is_subscription(source: Source) -> bool:
    """Whether a source is a subscription on a sync server (not the account itself)."""
    return source.kind is SourceKind.SYNC and "#" in source.location


def pull_subscriptions(store: Store, client: GReaderClient, sync: SyncConfig) -> dict[str, int]:
    """Mirror the server's subscriptions as sources (folders as tags); stream id -> source id.

    A subscription the server no longer lists is marked gone, its articles kept (as a feed
    answering 410 is): a server's passing glitch must not cost the reading history;
    ``newsterm remove`` deletes it.
    """
    subscriptions = client.subscriptions()
    sources = (
        store.upsert_sources([subscription_entry(sync, sub) for sub in subscriptions])
        if subscriptions
        else []
    )  # one transaction
    streams = {sub.id: source.id for sub, source in zip(subscriptions, sources, strict=True)}
    prefix = subscription_location(sync, "")
    for source in store.sources():
        listed = source.id in streams.values()
        if (
            source.location.startswith(prefix)
            and not listed
            and source.status is not SourceStatus.GONE
        ):
            store.update_source(
                source.id, status=SourceStatus.GONE, last_error="no longer subscribed on the server"
            )
    return streams


def subscription_entry(
    sync: SyncConfig, sub: Subscription
) -> tuple[SourceKind, str, str | None, list[str], bool]:
    """A subscription as a source entry for ``Store.upsert_sources`` (folders as tags)."""
    from newsterm.extract.text import sanitize_line

    folders = [sanitize_line(f, 100) for f in sub.folders if f]
    title = sanitize_line(sub.title, 300) or sanitize_line(sub.url, 300) or None
    tags = [f for f in folders if f]
    return (SourceKind.SYNC, subscription_location(sync, sub.id), title, tags, False)


def _subscription_source(store: Store, sync: SyncConfig, sub: Subscription) -> Source:
    return store.upsert_sources([subscription_entry(sync, sub)])[0]


def subscribe(
    store: Store, cfg: Config, feed_url: str, factory: ClientFactory = open_client
) -> Source:
    """Subscribe the server account to a feed and mirror it as a source (nothing is fetched
    here: the server fetches it, and the next sync brings its items)."""
    sync = require_sync(cfg)
    account_source(store, sync)
    with factory(sync, cfg) as client:
        stream = client.quickadd(feed_url)
        found = {sub.id: sub for sub in client.subscriptions()}
    sub = found.get(stream) or Subscription(stream, feed_url, feed_url)
    return _subscription_source(store, sync, sub)


def unsubscribe(
    store: Store, cfg: Config, source: Source, factory: ClientFactory = open_client
) -> None:
    """Unsubscribe the server account from a subscription source and drop it from the cache."""
    sync = require_sync(cfg)
    prefix = subscription_location(sync, "")
    if not source.location.startswith(prefix):
        raise UsageError(f"{source.display_title}: not a subscription of {server_host(sync)}")
    with factory(sync, cfg) as client:
        client.unsubscribe(source.location[len(prefix) :])
    store.remove_source(source.id)
