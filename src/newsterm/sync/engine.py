"""One sync with a Google Reader API server: push the queued changes, then pull subscriptions,
new items and every item's read/starred state into the cache.

Offline first: any failure stops the sync with one line recorded on the sync source; what was
queued and not accepted stays queued, and nothing cached is removed.

Conflicts: the Google Reader API gives no time for a read or star change (items carry only the
time they arrived), so each state is merged against the one the server had at the last sync
(``sync_items.seen_*``): a side that changed it since wins over a side that did not. A change
here that was undone here is no change (dropped before the push), so the server's state
stands; one that was not is pushed before the state is read back (the server can only have
changed that item the same way). A change made during the sync stays queued.
"""

from __future__ import annotations

import hashlib
import json
import queue
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from newsterm.analysis import RawArticle
from newsterm.config import Config, SyncConfig
from newsterm.errors import UsageError
from newsterm.models import Source, SourceKind, SourceStatus
from newsterm.store import Store, sync_html, sync_queue
from newsterm.sync.client import (
    EDIT_BATCH,
    READ,
    READING_LIST,
    STARRED,
    AuthError,
    GReaderClient,
    Page,
    Subscription,
    SyncError,
    item_number,
)

SINCE_KEY = "sync.since"
"""meta: the server's clock (seconds) at the start of the last complete item pull."""
ACCOUNT_KEY = "sync.account"
"""meta: the URL and user the cache was synced with (another account starts afresh)."""
SESSION_KEY = "sync.session"
"""meta: the session token of the last login (as a browser keeps a cookie; never the
password), so that a sync needs no login, and no password, while the server accepts it."""
OVERLAP = 120
"""Seconds of items fetched again on each sync, for items the server stored while it answered
(their content is compared by hash: an unchanged item costs no analysis and no write)."""
INCREMENTAL_LIMIT = 100_000
"""Items at most in one incremental sync."""
STATE_TAGS = {"read": READ, "starred": STARRED}
MAX_HTML = 2_000_000
"""Characters of an item's HTML kept (a body keeps at most 500,000 of text)."""

ClientFactory = Callable[[SyncConfig, Config], GReaderClient]


@dataclass(slots=True)
class SyncReport:
    """What one sync did."""

    source: Source
    """The sync source (the server account)."""
    new: int = 0
    updated: int = 0
    sent: int = 0
    """Queued changes the server accepted."""
    received: int = 0
    """Read/starred changes made elsewhere and applied here."""
    subscriptions: int = 0
    waiting: int = 0
    """Changes still queued afterwards."""
    error: str | None = None
    new_ids: list[int] = field(default_factory=list)


def server_host(sync: SyncConfig) -> str:
    """The server's host for titles and messages."""
    return urlsplit(sync.url).hostname or sync.url


def account_source(store: Store, sync: SyncConfig) -> Source:
    """The source that stands for the server account (its status is the sync's status)."""
    title = f"{sync.user} @ {server_host(sync)} (sync)"
    return store.upsert_source(SourceKind.SYNC, sync.url, title=title)


def subscription_location(sync: SyncConfig, stream_id: str) -> str:
    """The cache location of a server subscription."""
    return f"{sync.url}#{stream_id}"


def is_subscription(source: Source) -> bool:
    """Whether a source is a subscription on a sync server (not the account itself)."""
    return source.kind is SourceKind.SYNC and "#" in source.location


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
    sync = _require(cfg)
    with factory(sync, cfg) as client:
        try:
            client.login()
        except AuthError:
            _keep_session(store, sync, None)
            raise
        count = len(client.subscriptions())
        client.token()
        _keep_session(store, sync, client.session)
    return f"logged in to {server_host(sync)} as {sync.user}: {count} subscriptions"


def _require(cfg: Config) -> SyncConfig:
    if cfg.sync is None:
        raise UsageError(f"{cfg.path}: sync is off (add a [sync] table; see README, Sync)")
    return cfg.sync


def _account_id(sync: SyncConfig) -> str:
    return f"{sync.url} {sync.user}"


def _kept_session(store: Store, sync: SyncConfig) -> str | None:
    if store.get_meta(ACCOUNT_KEY) != _account_id(sync):
        return None
    return store.get_meta(SESSION_KEY) or None


def _keep_session(store: Store, sync: SyncConfig, session: str | None) -> None:
    if session is None:
        with store.write() as conn:
            conn.execute("DELETE FROM meta WHERE key = ?", (SESSION_KEY,))
        return
    if store.get_meta(ACCOUNT_KEY) != _account_id(sync):
        store.set_meta(ACCOUNT_KEY, _account_id(sync))
        with store.write() as conn:  # another account: its items are fetched afresh
            conn.execute("DELETE FROM meta WHERE key = ?", (SINCE_KEY,))
    if store.get_meta(SESSION_KEY) != session:
        store.set_meta(SESSION_KEY, session)


def run_sync(store: Store, cfg: Config, factory: ClientFactory = open_client) -> SyncReport:
    """Sync once; failures are recorded on the sync source and reported, never raised."""
    sync = _require(cfg)
    source = account_source(store, sync)
    report = SyncReport(source)
    now = datetime.now(UTC)
    subscriptions: list[int] = []
    try:
        with factory(sync, cfg) as client:
            if session := _kept_session(store, sync):
                client.resume(session)
            try:
                report.sent = push(store, client)
                streams = pull_subscriptions(store, client, sync)
                report.subscriptions = len(streams)
                states = pull_items(store, client, sync, source, streams, report)
                report.received = pull_state(store, client, states)
                subscriptions = list(streams.values())  # checked by this sync, with it
            except AuthError:
                _keep_session(store, sync, None)
                raise
            except SyncError:
                if client.session:
                    _keep_session(store, sync, client.session)
                raise
            _keep_session(store, sync, client.session)
    except SyncError as exc:
        report.error = exc.message
    report.waiting = sync_queue.pending_count(store.conn)
    store.record_check(source.id, report.error, now, also=() if report.error else subscriptions)
    return report


def push(store: Store, client: GReaderClient) -> int:
    """Send the queued changes in batches (one request per state, value and 1,000 items);
    changes back to the state the server had at the last sync are dropped, not sent."""
    sync_queue.drop_undone(store.conn)
    groups: dict[tuple[str, bool], list[sync_queue.Change]] = defaultdict(list)
    for change in sync_queue.pending(store.conn):
        groups[(change.state, change.value)].append(change)
    sent = 0
    for (state, value), changes in groups.items():
        tag = STATE_TAGS[state]
        for start in range(0, len(changes), EDIT_BATCH):
            batch = changes[start : start + EDIT_BATCH]
            items = [c.item for c in batch]
            if value:
                client.edit_tag(items, add=tag)
            else:
                client.edit_tag(items, remove=tag)
            sync_queue.drop_sent(store.conn, batch)
            sent += len(batch)
    return sent


def pull_subscriptions(store: Store, client: GReaderClient, sync: SyncConfig) -> dict[str, int]:
    """Mirror the server's subscriptions as sources (folders as tags); stream id -> source id.

    A subscription the server no longer lists is marked gone, its articles kept (as a feed
    answering 410 is): a server's passing glitch must not cost the reading history;
    ``newsterm remove`` deletes it.
    """
    subscriptions = client.subscriptions()
    sources = (
        store.upsert_sources([_subscription_entry(sync, sub) for sub in subscriptions])
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


def _subscription_entry(
    sync: SyncConfig, sub: Subscription
) -> tuple[SourceKind, str, str | None, list[str], bool]:
    """A subscription as a source entry for ``Store.upsert_sources`` (folders as tags)."""
    from newsterm.extract.text import sanitize_line

    folders = [sanitize_line(f, 100) for f in sub.folders if f]
    title = sanitize_line(sub.title, 300) or sanitize_line(sub.url, 300) or None
    tags = [f for f in folders if f]
    return (SourceKind.SYNC, subscription_location(sync, sub.id), title, tags, False)


def _subscription_source(store: Store, sync: SyncConfig, sub: Subscription) -> Source:
    return store.upsert_sources([_subscription_entry(sync, sub)])[0]


def pull_items(
    store: Store,
    client: GReaderClient,
    sync: SyncConfig,
    account: Source,
    streams: dict[str, int],
    report: SyncReport,
) -> dict[int, int] | None:
    """Fetch new and changed items since the last sync (at most ``max_items`` the first time)
    and save them as articles; the point to continue from is saved only once all pages are in.

    On a first sync, returns the read/starred state each item carries (:func:`item_state`)."""
    account_id = _account_id(sync)
    since_text = store.get_meta(SINCE_KEY) if store.get_meta(ACCOUNT_KEY) == account_id else None
    since = int(float(since_text)) - OVERLAP if since_text else None
    limit = sync.max_items if since is None else INCREMENTAL_LIMIT
    started: float | None = None
    states: dict[int, int] | None = {} if since is None else None
    fresh = _empty_sources(store.conn, set(streams.values()) | {account.id})
    for page in _ahead(client.pages(limit, since=since)):
        if started is None:
            started = page.updated
        _save_page(store, page.items, account.id, streams, report, states, fresh)
    if started is not None:
        store.set_meta(ACCOUNT_KEY, account_id)
        store.set_meta(SINCE_KEY, str(started))
    return states


def _ahead(pages: Iterator[Page]) -> Iterator[Page]:
    """The pages, the next one fetched in a thread while the caller stores this one (the
    server works while newsterm analyses); errors arrive in order."""
    slot: queue.Queue[Page | BaseException | None] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def offer(value: Page | BaseException | None) -> bool:
        while not stop.is_set():
            try:
                slot.put(value, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def fetch() -> None:
        try:
            for page in pages:
                if not offer(page):
                    return
        except BaseException as exc:  # handed to the caller, raised there
            offer(exc)
            return
        offer(None)

    thread = threading.Thread(target=fetch, name="sync-pages", daemon=True)
    thread.start()
    try:
        while True:
            value = slot.get()
            if value is None:
                return
            if isinstance(value, BaseException):
                raise value
            yield value
    finally:
        stop.set()
        thread.join()


def _save_page(
    store: Store,
    items: list[dict[str, Any]],
    account_id: int,
    streams: dict[str, int],
    report: SyncReport,
    states: dict[int, int] | None = None,
    fresh: frozenset[int] = frozenset(),
) -> None:
    """Store one page of items in one transaction: new and changed ones as articles with an
    empty body and their HTML kept to convert later (``store.sync_html``), each linked to its
    server item; one that a local feed also brings is linked to that feed's article. Each
    item's state from its categories goes into ``states`` (see :func:`item_state`), and, on a
    first sync, into its item's row as the state seen (``sync_queue.Link``).

    ``fresh``: sources that had no article when the sync began (:func:`_empty_sources`):
    their items are not looked up before the save (``Store.save_articles`` matches them).

    Foreign keys are not enforced in it (``Store.write(unchecked=True)``: half an article
    insert's CPU): the sources are checked here, and every other row refers to an article
    just looked up or written; no source or article is deleted."""
    parsed: list[tuple[int, int, RawArticle, str]] = []
    for item in items:
        try:
            number = item_number(str(item["id"]))
        except (KeyError, ValueError):
            continue
        if states is not None:
            states[number] = item_state(item)
        origin = item.get("origin")
        stream = origin.get("streamId", "") if isinstance(origin, dict) else ""
        source_id = streams.get(str(stream), account_id)
        parsed.append((number, source_id, *item_article(item)))
    with store.write(unchecked=True) as conn:  # its references are checked here
        sources = {source_id for _, source_id, _, _ in parsed}
        present = _present_sources(conn, sources)
        if present != sources:  # a source removed meanwhile
            parsed = [entry for entry in parsed if entry[1] in present]
        known = sync_queue.known_items(conn, [n for n, _, _, _ in parsed])
        local = sync_queue.articles_by_url(
            conn,
            [raw.url for n, _, raw, _ in parsed if n not in known and raw.url],
            SourceKind.SYNC.value,
        )
        stored = _stored(conn, [(s, raw.guid) for _, s, raw, _ in parsed if s not in fresh])
        links: list[sync_queue.Link] = []
        wanted: list[tuple[int, RawArticle, str]] = []
        for number, source_id, raw, html in parsed:
            if known.get(number) is False:
                continue  # stored once, under the local feed that also brings it
            if number not in known and raw.url in local:  # also arrives through a local feed
                links.append(_link(number, local[raw.url], raw.url, states))
                continue
            if stored.get((source_id, raw.guid), (0, None))[1] == raw.content_hash:
                continue
            wanted.append((source_id, raw, html))
        by_source: dict[int, list[RawArticle]] = defaultdict(list)
        for source_id, raw, _ in wanted:  # stored unanalysed: the analysis backlog follows
            by_source[source_id].append(raw)
        written: dict[int, dict[str, int]] = {}  # source -> guid -> id of each article saved
        for source_id, batch in by_source.items():
            result = store.save_articles(source_id, batch)
            report.new += result.new
            report.updated += result.updated
            report.new_ids += result.new_ids
            written[source_id] = result.ids
        for number, source_id, raw, _ in parsed:
            if number not in known:
                article = written.get(source_id, {}).get(raw.guid)
                if article is None:
                    article = stored.get((source_id, raw.guid), (None, ""))[0]
                if article is not None:
                    links.append(_link(number, article, raw.url, states))
        sync_queue.link(conn, links)
        sync_html.keep(
            conn,
            [
                (written[source_id][raw.guid], raw.content_hash, html)
                for source_id, raw, html in wanted
                if raw.guid in written[source_id]
            ],
        )


def _link(
    number: int, article_id: int, url: str | None, states: dict[int, int] | None
) -> sync_queue.Link:
    """An item's row for ``sync_queue.link``, with the state its categories gave (a first
    sync's: ``states``), the base of the next merge, so that :func:`pull_state` writes no
    row of an item whose state did not change."""
    state = UNKNOWN_STATE if states is None else states.get(number, UNKNOWN_STATE)
    if state == UNKNOWN_STATE:
        return (number, article_id, url, None, None)
    return (number, article_id, url, state & READ_FLAG and 1, state & STARRED_FLAG and 1)


def _empty_sources(conn: sqlite3.Connection, source_ids: set[int]) -> frozenset[int]:
    """Those of these sources without any article in the cache."""
    rows = conn.execute(
        """SELECT value FROM json_each(?)
           WHERE NOT EXISTS (SELECT 1 FROM articles WHERE source_id = value)""",
        (json.dumps(sorted(source_ids)),),
    )
    return frozenset(int(source_id) for (source_id,) in rows)


def _present_sources(conn: sqlite3.Connection, source_ids: set[int]) -> set[int]:
    """Those of these sources that are still in the cache."""
    rows = conn.execute(
        "SELECT id FROM sources WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(source_ids)),),
    )
    return {int(source_id) for (source_id,) in rows}


def _stored(
    conn: sqlite3.Connection, keys: list[tuple[int, str]]
) -> dict[tuple[int, str], tuple[int, str]]:
    """The cached articles with these (source, guid) keys: (id, content hash) by key."""
    rows = conn.execute(
        """SELECT a.source_id, a.guid, a.id, a.content_hash FROM json_each(?) k
           JOIN articles a ON a.source_id = k.value ->> 0 AND a.guid = k.value ->> 1""",
        (json.dumps(keys),),
    )
    return {(source_id, guid): (article_id, digest) for source_id, guid, article_id, digest in rows}


def item_article(item: dict[str, Any]) -> tuple[RawArticle, str]:
    """A Google Reader item as a sanitised RawArticle without paragraphs (its title, link and
    authors cleaned as a feed item's), and its HTML (at most ``MAX_HTML`` characters) to turn
    into them later (``store.sync_html``). Its identity is the item id; its content hash
    covers the HTML."""
    from newsterm.ingest.feed_item import bylines, clean_link, clean_title, untitled

    link, url = clean_link(
        _first_href(item.get("canonical")) or _first_href(item.get("alternate")), ""
    )
    body = item.get("summary") or item.get("content") or {}
    content = body.get("content", "") if isinstance(body, dict) else ""
    html = content[:MAX_HTML] if isinstance(content, str) else ""
    published = item.get("published")
    when = (
        datetime.fromtimestamp(published, UTC)
        if isinstance(published, (int, float)) and 0 < published < 1e11  # (a tuple: no union)
        else None
    )
    author = item.get("author")
    authors = bylines([(author, "")]) if isinstance(author, str) and author else []
    title = clean_title(str(item.get("title") or ""), True)
    hashed = "\n".join((title, link, html, "\x00", *authors)) + "\n"  # each part and "\n"
    return (
        RawArticle(
            guid=str(item.get("id", "")),
            title=title or untitled(html, is_html=True),
            paragraphs=[],
            url=url,
            published=when,
            authors=authors,
            content_hash=hashlib.sha256(hashed.encode("utf-8", "surrogatepass")).hexdigest(),
        ),
        html,
    )


def _first_href(value: Any) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        href = value[0].get("href")
        return href if isinstance(href, str) else ""
    return ""


READ_FLAG, STARRED_FLAG = 1, 2
UNKNOWN_STATE = -1
"""An item whose categories do not say its state (no reading-list state among them)."""


def item_state(item: dict[str, Any]) -> int:
    """An item's read and starred state from its categories (``READ_FLAG | STARRED_FLAG``;
    servers write the user as ``-`` or as a number), or ``UNKNOWN_STATE``."""
    categories = item.get("categories")
    if not isinstance(categories, list):
        return UNKNOWN_STATE
    try:  # one search in the joined categories: each one's end, or the whole
        joined = "\n" + "\n".join(categories) + "\n"
    except TypeError:
        joined = ""
    if joined.count("\n") == len(categories) + 1:  # no category holds a line break
        if not _holds(joined, "reading-list"):
            return UNKNOWN_STATE
        return _holds(joined, "read") * READ_FLAG | _holds(joined, "starred") * STARRED_FLAG
    states = {c.rpartition("/state/")[2] for c in categories if isinstance(c, str)}
    if "com.google/reading-list" not in states:
        return UNKNOWN_STATE
    read = "com.google/read" in states
    return read * READ_FLAG | ("com.google/starred" in states) * STARRED_FLAG


_STATE_ENDS = {
    name: (f"/state/com.google/{name}\n", f"\ncom.google/{name}\n")
    for name in ("reading-list", "read", "starred")
}


def _holds(joined: str, name: str) -> bool:
    """Whether categories joined by line breaks (one at each end) hold this state."""
    after_state, whole = _STATE_ENDS[name]
    return after_state in joined or whole in joined


def pull_state(store: Store, client: GReaderClient, states: dict[int, int] | None = None) -> int:
    """Read the server's unread and starred item lists, apply them to every synced article (a
    change still queued here keeps its local value) and keep them as the base of the next
    merge. Returns how many articles changed.

    ``states``: the state the items of a first sync carried (their categories). When they
    cover every synced article, they are the lists, and the server is not asked for them
    (two requests of every item id fewer on a first sync)."""
    known = {int(row[0]) for row in store.conn.execute("SELECT item FROM sync_items")}
    if (
        states is not None
        and known <= states.keys()
        and all(states[item] != UNKNOWN_STATE for item in known)
    ):
        read = {item for item in known if states[item] & READ_FLAG}
        starred = {item for item in known if states[item] & STARRED_FLAG}
    else:
        read = known - client.item_ids(READING_LIST, exclude=READ)
        starred = client.item_ids(STARRED) & known
    changed = sync_queue.apply_remote(store.conn, "read", read)
    changed += sync_queue.apply_remote(store.conn, "starred", starred)
    return changed


# -- subscriptions ------------------------------------------------------------------------------


def subscribe(
    store: Store, cfg: Config, feed_url: str, factory: ClientFactory = open_client
) -> Source:
    """Subscribe the server account to a feed and mirror it as a source (nothing is fetched
    here: the server fetches it, and the next sync brings its items)."""
    sync = _require(cfg)
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
    sync = _require(cfg)
    prefix = subscription_location(sync, "")
    if not source.location.startswith(prefix):
        raise UsageError(f"{source.display_title}: not a subscription of {server_host(sync)}")
    with factory(sync, cfg) as client:
        client.unsubscribe(source.location[len(prefix) :])
    store.remove_source(source.id)
