"""A sync page's write: foreign keys off inside it (cheaper inserts), its references checked by
the sync itself, and the connection as it was after it, whatever happened."""

from __future__ import annotations

import sqlite3

import pytest

from newsterm.models import SourceKind
from newsterm.store import Store, sync_queue
from newsterm.sync import engine, subscriptions
from newsterm.sync.account import account_source
from newsterm.sync.items import READ_FLAG
from tests.test_sync_html import STREAM, SYNC, body, item, save


def foreign_keys(store: Store) -> int:
    return int(store.conn.execute("PRAGMA foreign_keys").fetchone()[0])


def test_a_page_is_written_without_foreign_key_checks_and_they_come_back_on(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    link = sync_queue.link

    def spy(conn: sqlite3.Connection, links: object) -> None:
        seen.append(int(conn.execute("PRAGMA foreign_keys").fetchone()[0]))
        link(conn, links)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_queue, "link", spy)
    report = save(store, [item(n, f"Story {n}", body(n)) for n in range(1, 4)])
    assert report.new == 3 and seen == [0]
    assert foreign_keys(store) == 1
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_failed_page_leaves_nothing_and_foreign_keys_on(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(conn: sqlite3.Connection, links: object) -> None:
        raise sqlite3.IntegrityError("the disk said no")

    monkeypatch.setattr(sync_queue, "link", broken)
    with pytest.raises(sqlite3.IntegrityError):
        save(store, [item(1, "Story 1", body(1))])
    assert foreign_keys(store) == 1
    assert store.count_articles() == 0
    assert store.conn.execute("SELECT COUNT(*) FROM sync_html").fetchone()[0] == 0


def test_items_of_a_subscription_removed_during_the_sync_are_not_stored(store: Store) -> None:
    account = account_source(store, SYNC)
    kept = store.upsert_source(SourceKind.SYNC, subscriptions.subscription_location(SYNC, STREAM))
    gone = store.upsert_source(SourceKind.SYNC, subscriptions.subscription_location(SYNC, "feed/8"))
    store.remove_source(gone.id)  # by another process, after the sync listed it
    other = {**item(2, "Gone story", body(2)), "origin": {"streamId": "feed/8"}}
    report = engine.SyncReport(account)
    engine._save_page(
        store,
        [item(1, "Kept story", body(1)), other],
        account.id,
        {STREAM: kept.id, "feed/8": gone.id},
        report,
    )
    assert report.new == 1
    rows = store.conn.execute("SELECT source_id, title FROM articles").fetchall()
    assert rows == [(kept.id, "Kept story")]
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


# -- a first sync's page: the state with the item's row, no lookups for sources it fills ------

READ_ITEM = "user/-/state/com.google/read"
LISTED = "user/-/state/com.google/reading-list"


def with_categories(entry: dict[str, object], *categories: str) -> dict[str, object]:
    return {**entry, "categories": [LISTED, *categories]}


def seen(store: Store) -> dict[str, tuple[int | None, int | None]]:
    rows = store.conn.execute(
        """SELECT a.title, si.seen_read, si.seen_starred FROM sync_items si
           JOIN articles a ON a.id = si.article_id"""
    )
    return {title: (seen_read, seen_starred) for title, seen_read, seen_starred in rows}


def first_sync_page(
    store: Store, items: list[dict[str, object]], fresh: bool = True
) -> tuple[engine.SyncReport, dict[int, int], int]:
    """Store a page as a first sync does (states gathered; the feed empty when it began)."""
    account = account_source(store, SYNC)
    feed = store.upsert_source(SourceKind.SYNC, subscriptions.subscription_location(SYNC, STREAM))
    empty = engine._empty_sources(store.conn, {feed.id, account.id})
    assert (feed.id in empty) == fresh
    report, states = engine.SyncReport(account), {}
    engine._save_page(store, items, account.id, {STREAM: feed.id}, report, states, empty)
    return report, states, feed.id


def test_a_first_sync_writes_each_items_state_seen_with_its_row(store: Store) -> None:
    """The state the item carried is the base of the next merge from its first write, so the
    state pull after the pages rewrites no row; an incremental sync's rows wait for the pull."""
    items = [
        with_categories(item(1, "Read story", body(1)), READ_ITEM),
        with_categories(item(2, "Starred story", body(2)), "user/-/state/com.google/starred"),
        with_categories(item(3, "Plain story", body(3))),
        item(4, "Story of no state", body(4)),  # no categories: the lists will be asked
    ]
    _, states, _ = first_sync_page(store, items)
    assert seen(store) == {
        "Read story": (1, 0),
        "Starred story": (0, 1),
        "Plain story": (0, 0),
        "Story of no state": (None, None),
    }
    assert states[item_number_of(1)] == READ_FLAG
    save(store, [item(5, "Incremental story", body(5))])  # no states: an incremental sync
    assert seen(store)["Incremental story"] == (None, None)


def test_the_state_pull_after_a_first_sync_changes_only_what_differs(store: Store) -> None:
    """pull_state with the items' states: the read item is marked read, the rows' seen state
    stays, and a change queued here meanwhile keeps its local value (point 4's rule)."""
    items = [
        with_categories(item(1, "Read story", body(1)), READ_ITEM),
        with_categories(item(2, "Plain story", body(2))),
    ]
    _, states, _ = first_sync_page(store, items)
    ids = {a.title: a.id for a in store.list_articles(limit=10)}
    store.set_starred(ids["Plain story"], True)  # made here during the sync: queued
    changed = engine.pull_state(store, None, states)  # type: ignore[arg-type]
    assert changed == 1
    read = dict(store.conn.execute("SELECT title, read FROM articles").fetchall())
    starred = dict(store.conn.execute("SELECT title, starred FROM articles").fetchall())
    assert read == {"Read story": 1, "Plain story": 0}
    assert starred == {"Read story": 0, "Plain story": 1}  # the queued change stands
    assert seen(store) == {"Read story": (1, 0), "Plain story": (0, 0)}
    assert sync_queue.pending_count(store.conn) == 1


def test_a_source_filled_by_this_sync_still_stores_an_item_once(store: Store) -> None:
    """Items of a source empty when the sync began are not looked up before the save; an item
    sent again (unchanged, then changed) is still one article, its HTML kept only when new or
    changed, and linked once."""
    first_sync_page(store, [item(1, "Story", body(1))])
    account = account_source(store, SYNC)
    feed_id = store.upsert_source(
        SourceKind.SYNC, subscriptions.subscription_location(SYNC, STREAM)
    ).id
    report = engine.SyncReport(account)
    fresh = frozenset({feed_id})  # as the sync that began before the first page has it
    engine._save_page(store, [item(1, "Story", body(1))], account.id, {STREAM: feed_id}, report)
    engine._save_page(
        store, [item(1, "Story", body(1))], account.id, {STREAM: feed_id}, report, None, fresh
    )
    assert (report.new, report.updated) == (0, 0)
    assert store.conn.execute("SELECT COUNT(*) FROM sync_html").fetchone()[0] == 1
    engine._save_page(
        store,
        [item(1, "Story", "<p>Changed.</p>")],
        account.id,
        {STREAM: feed_id},
        report,
        None,
        fresh,
    )
    assert (report.new, report.updated) == (0, 1)
    assert store.count_articles() == 1
    rows = store.conn.execute("SELECT article_id, html FROM sync_html").fetchall()
    assert [html for _, html in rows] == ["<p>Changed.</p>"]
    assert store.conn.execute("SELECT COUNT(*) FROM sync_items").fetchone()[0] == 1


def test_an_item_a_local_feed_brings_is_linked_to_it_not_stored_again(store: Store) -> None:
    """The lookup of links is skipped only while no local source has an article."""
    from newsterm.analysis import RawArticle

    local = store.upsert_source(SourceKind.FEED, "http://news.example/feed.xml")
    (local_id,) = store.save_articles(
        local.id,
        [RawArticle(guid="l1", title="Local", paragraphs=[], url="http://news.example/1")],
    ).new_ids
    report, _, _ = first_sync_page(store, [with_categories(item(1, "Story", body(1)), READ_ITEM)])
    assert report.new == 0 and store.count_articles() == 1
    linked = store.conn.execute("SELECT item, article_id, seen_read FROM sync_items").fetchall()
    assert linked == [(item_number_of(1), local_id, 1)]


def test_save_articles_gives_the_id_of_each_article_it_wrote(store: Store) -> None:
    from newsterm.analysis import RawArticle

    source = store.upsert_source(SourceKind.FEED, "http://news.example/feed.xml")
    raws = [RawArticle(guid=g, title=g, paragraphs=[], content_hash=g) for g in ("a", "b")]
    first = store.save_articles(source.id, raws)
    assert first.ids == dict(zip(["a", "b"], first.new_ids, strict=True))
    changed = RawArticle(guid="b", title="b2", paragraphs=[], content_hash="b2")
    again = store.save_articles(source.id, [raws[0], changed])
    assert again.ids == {"b": first.ids["b"]} and again.new_ids == []


def test_an_items_state_is_read_alike_whatever_its_categories_hold() -> None:
    """The joined search gives what each category's part after its last "/state/" gives."""
    from newsterm.sync.items import UNKNOWN_STATE, item_state

    assert item_state({"categories": ["com.google/reading-list", "com.google/read"]}) == READ_FLAG
    assert item_state({"categories": [LISTED, f"{READ_ITEM}/state/x"]}) == 0
    assert item_state({"categories": [LISTED, f"x/state/y/{READ_ITEM}"]}) == READ_FLAG
    assert item_state({"categories": [LISTED, 7, READ_ITEM]}) == READ_FLAG  # not text: skipped
    assert item_state({"categories": [LISTED, f"{READ_ITEM}\nx"]}) == 0  # a line break in one
    assert item_state({"categories": [f"x\n{LISTED}"]}) == 0
    assert item_state({"categories": []}) == UNKNOWN_STATE


def item_number_of(number: int) -> int:
    from newsterm.sync.client import item_long_id, item_number

    return item_number(item_long_id(number))
