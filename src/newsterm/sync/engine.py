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

import json
import queue
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newsterm.analysis import RawArticle
from newsterm.config import Config, SyncConfig
from newsterm.models import Source, SourceKind
from newsterm.store import Store, sync_html, sync_queue
from newsterm.sync.account import (
    ACCOUNT_KEY,
    SINCE_KEY,
    ClientFactory,
    account_name,
    account_source,
    keep_session,
    kept_session,
    open_client,
    require_sync,
)
from newsterm.sync.client import (
    EDIT_BATCH,
    READ,
    READING_LIST,
    STARRED,
    AuthError,
    GReaderClient,
    Page,
    SyncError,
    item_number,
)
from newsterm.sync.items import READ_FLAG, STARRED_FLAG, UNKNOWN_STATE, item_article, item_state
from newsterm.sync.subscriptions import pull_subscriptions

OVERLAP = 120
"""Seconds of items fetched again on each sync, for items the server stored while it answered
(their content is compared by hash: an unchanged item costs no analysis and no write)."""
INCREMENTAL_LIMIT = 100_000
"""Items at most in one incremental sync."""
STATE_TAGS = {"read": READ, "starred": STARRED}


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


def run_sync(store: Store, cfg: Config, factory: ClientFactory = open_client) -> SyncReport:
    """Sync once; failures are recorded on the sync source and reported, never raised."""
    sync = require_sync(cfg)
    source = account_source(store, sync)
    report = SyncReport(source)
    now = datetime.now(UTC)
    subscriptions: list[int] = []
    try:
        with factory(sync, cfg) as client:
            if session := kept_session(store, sync):
                client.resume(session)
            try:
                report.sent = push(store, client)
                streams = pull_subscriptions(store, client, sync)
                report.subscriptions = len(streams)
                states = pull_items(store, client, sync, source, streams, report)
                report.received = pull_state(store, client, states)
                subscriptions = list(streams.values())  # checked by this sync, with it
            except AuthError:
                keep_session(store, sync, None)
                raise
            except SyncError:
                if client.session:
                    keep_session(store, sync, client.session)
                raise
            keep_session(store, sync, client.session)
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
    account_id = account_name(sync)
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
