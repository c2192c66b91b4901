"""A sync page's write: foreign keys off inside it (cheaper inserts), its references checked by
the sync itself, and the connection as it was after it, whatever happened."""

from __future__ import annotations

import sqlite3

import pytest

from newsterm.models import SourceKind
from newsterm.store import Store, sync_queue
from newsterm.sync import engine
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
    account = engine.account_source(store, SYNC)
    kept = store.upsert_source(SourceKind.SYNC, engine.subscription_location(SYNC, STREAM))
    gone = store.upsert_source(SourceKind.SYNC, engine.subscription_location(SYNC, "feed/8"))
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
