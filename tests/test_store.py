"""The SQLite cache: schema, WAL, versioning, saves that keep read state, search."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsterm.analysis import Analysis, Contact, Quote, RawArticle
from newsterm.errors import CacheError
from newsterm.models import SourceKind
from newsterm.query import QueryError
from newsterm.store import ArticleFilter, Store
from newsterm.store.db import SCHEMA_VERSION
from tests.cached import save_analysed
from tests.schema import rewind


def item(
    guid: str, title: str, body: str, *, when: int = 1, version: str = "v1"
) -> tuple[RawArticle, Analysis]:
    raw = RawArticle(
        guid=guid,
        title=title,
        paragraphs=[body],
        content_hash=version,
        published=datetime(2026, 3, when, tzinfo=UTC),
    )
    analysis = Analysis(
        title=title,
        paragraphs=[body],
        authors=["Ada Reporter"],
        quotes=[Quote(text="words", speaker="Someone", paragraph=0, start=0)],
        contacts=[Contact(name="Ada Reporter", email="ada@example.com")],
        word_count=len(body.split()),
        reading_minutes=1,
    )
    return raw, analysis


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "cache.db")


def test_new_cache_is_wal_and_versioned(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_a_connection_that_leaves_checkpoints_lets_another_do_them(tmp_path: Path) -> None:
    """A parse worker's commits never copy the log into the cache file; the refreshing
    process's checkpoint does, and every committed article is then in the file."""
    path = tmp_path / "cache.db"
    with Store.open(path) as worker, Store.open(path) as owner:
        worker.leave_checkpoints()
        source = worker.upsert_source(SourceKind.FEED, "https://example.com/rss")
        body = "word " * 20_000  # ~100 kB an article: 60 articles pass SQLite's 4 MB default
        for n in range(60):
            save_analysed(worker, source.id, [item(f"g{n}", f"Title {n}", body)])
        owner.checkpoint()
        busy, frames, copied = worker.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        # An automatic checkpoint would have restarted the log at its 1000th page.
        assert frames > 1000, "the worker's commits checkpointed the log themselves"
        assert (busy, copied) == (0, frames), "the owner's checkpoint copied every page"
    reopened = sqlite3.connect(path)  # the log was merged on close: the file holds it all
    assert reopened.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 60
    reopened.close()


def test_save_then_update_keeps_read_and_star(store: Store) -> None:
    source = store.upsert_source(SourceKind.FEED, "https://example.com/rss", title="Ex")
    first = save_analysed(store, source.id, [item("a", "Alpha", "words one")])
    assert (first.new, first.updated) == (1, 0)
    article_id = first.new_ids[0]
    store.set_read([article_id])
    store.set_starred(article_id, True)
    again = save_analysed(store, source.id, [item("a", "Alpha", "words one")])
    assert (again.new, again.updated, again.unchanged) == (0, 0, 1)
    changed = save_analysed(store, source.id, [item("a", "Alpha 2", "new words", version="v2")])
    assert changed.updated == 1
    article = store.article(article_id)
    assert article is not None
    assert (article.title, article.paragraphs, article.read, article.starred) == (
        "Alpha 2",
        ["new words"],
        True,
        True,
    )
    assert article.quotes == [
        Quote(text="words", speaker="Someone", paragraph=0, start=0, person="Someone")
    ]
    assert article.contacts == [Contact(name="Ada Reporter", email="ada@example.com")]
    assert store.count_articles() == 1


def test_lists_filter_and_order(store: Store) -> None:
    a = store.upsert_source(SourceKind.FEED, "https://a.example/rss", tags=["world"])
    b = store.upsert_source(SourceKind.FEED, "https://b.example/rss", tags=["tech"])
    save_analysed(store, a.id, [item("1", "Old", "x", when=1), item("2", "New", "y", when=5)])
    result = save_analysed(store, b.id, [item("3", "Middle", "z", when=3)])
    titles = [r.title for r in store.list_articles()]
    assert titles == ["New", "Middle", "Old"]
    assert [r.title for r in store.list_articles(ArticleFilter(tag="world"))] == ["New", "Old"]
    store.set_starred(result.new_ids[0], True)
    assert [r.title for r in store.list_articles(ArticleFilter(starred_only=True))] == ["Middle"]
    assert store.mark_all_read(ArticleFilter(source_id=a.id)) == 2
    assert [r.title for r in store.list_articles(ArticleFilter(unread_only=True))] == ["Middle"]
    assert [(s.unread, s.total) for s in store.sources()] == [(0, 2), (1, 1)]
    assert [r.title for r in store.list_articles(limit=1, offset=1)] == ["Middle"]
    assert store.article_position(result.new_ids[0]) == 1


def test_next_unread_walks_across_sources(store: Store) -> None:
    a = store.upsert_source(SourceKind.FEED, "https://a.example/rss")
    b = store.upsert_source(SourceKind.FEED, "https://b.example/rss")
    ids = save_analysed(store, a.id, [item("1", "One", "x", when=9), item("2", "Two", "x", when=5)])
    other = save_analysed(store, b.id, [item("3", "Three", "x", when=7)])
    first = store.adjacent_unread(None)
    assert first == ids.new_ids[0]
    assert store.adjacent_unread(first) == other.new_ids[0]
    assert store.adjacent_unread(other.new_ids[0]) == ids.new_ids[1]
    assert store.adjacent_unread(ids.new_ids[1]) is None
    assert store.adjacent_unread(ids.new_ids[1], forward=False) == other.new_ids[0]


def test_search_finds_body_and_title_with_spans(store: Store) -> None:
    source = store.upsert_source(SourceKind.FEED, "https://a.example/rss")
    save_analysed(
        store,
        source.id,
        [
            item("1", "Harbor tunnel approved", "The council approved the tunnel."),
            item("2", "Weather", "A calm weekend with clear skies."),
        ],
    )
    hits = store.search("tunnel")
    assert [h.article.title for h in hits] == ["Harbor tunnel approved"]
    assert hits[0].title_matches == [(7, 13)]
    assert hits[0].snippet[slice(*hits[0].snippet_matches[0])].lower() == "tunnel"
    assert [h.article.title for h in store.search("clea*")] == ["Weather"]  # prefix
    assert store.search('"; DROP TABLE articles; --"') == []
    assert store.count_articles() == 2
    with pytest.raises(QueryError, match="column 1: the query is empty"):
        store.search("")


def test_search_index_follows_inserts_updates_and_later_saves(store: Store) -> None:
    source = store.upsert_source(SourceKind.FEED, "https://a.example/rss")
    save_analysed(store, source.id, [item("1", "Ferry timetable", "Boats leave at dawn.")])
    save_analysed(
        store,
        source.id,
        [
            item("1", "Ferry timetable", "Boats now leave at noon.", version="v2"),
            item("2", "Grain harvest", "A record harvest in the north."),
        ],
    )
    assert [h.article.title for h in store.search("noon")] == ["Ferry timetable"]
    assert store.search("dawn") == []
    assert [h.article.title for h in store.search("harvest")] == ["Grain harvest"]
    integrity = "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"
    store.conn.execute(integrity)  # raises when the index and the articles disagree


def test_a_version_1_cache_is_migrated_and_stays_searchable(tmp_path: Path) -> None:
    from newsterm.store import db

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in db._statements(db.MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO sources (id, kind, location) VALUES (1, 'feed', 'https://o/rss')")
    conn.execute(
        "INSERT INTO articles (source_id, guid, title, body, fetched_at, sort_key)"
        " VALUES (1, 'g', 'Lighthouse restored', 'The old lamp shines again.', 1, 1)"
    )
    conn.close()
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        save_analysed(store, 1, [item("h", "Lamp makers", "A new lamp for the pier.")])
        titles = sorted(h.article.title for h in store.search("lamp"))
        assert titles == ["Lamp makers", "Lighthouse restored"]


def test_remove_source_cascades(store: Store) -> None:
    source = store.upsert_source(SourceKind.FEED, "https://a.example/rss")
    save_analysed(store, source.id, [item("1", "One", "x")])
    store.remove_source(source.id)
    assert store.count_articles() == 0
    assert store.conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0] == 0
    assert store.search("One") == []


def test_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    path.write_bytes(b"this is my diary\n" * 10)
    with pytest.raises(CacheError, match="not a newsterm cache"):
        Store.open(path)
    assert path.read_bytes() == b"this is my diary\n" * 10


def test_refuses_a_newer_schema_without_touching_it(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CacheError, match="newer newsterm"):
        Store.open(path)
    assert path.read_bytes() == before


def test_a_version_2_cache_is_upgraded_and_counts_sources_from_an_index(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    with Store.open(path) as store:
        source = store.upsert_source(SourceKind.FEED, "https://a.example/rss")
        save_analysed(store, source.id, [item("1", "One", "x"), item("2", "Two", "y", when=2)])
        store.set_read([store.list_articles(limit=1)[0].id])
        rewind(store.conn, 2)
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        [counted] = store.sources()
        assert (counted.unread, counted.total) == (1, 2)
        assert counted.parse_note is None
        store.update_source(counted.id, parse_note="not well-formed")
        assert store.sources()[0].parse_note == "not well-formed"
        plan = " ".join(
            str(row[3])
            for row in store.conn.execute(
                "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM articles a "
                "WHERE a.source_id = 1 AND a.read = 0"
            )
        )
        assert "COVERING INDEX articles_by_source_read" in plan


def test_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(CacheError, match="not a regular file"):
        Store.open(tmp_path)


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from newsterm.analysis import RawArticle
    from newsterm.models import SourceKind
    from newsterm.store import Store
    store = Store.open(Path(sys.argv[1]))
    print("ready", flush=True)  # the writes start now
    source = store.upsert_source(SourceKind.FEED, "https://w.example/" + sys.argv[2])
    for n in range(60):
        raw = RawArticle(guid=f"{sys.argv[2]}-{n}", title=f"t{n}", paragraphs=["b"])
        store.save_articles(source.id, [raw])
""")


def test_concurrent_processes_never_see_database_locked(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    Store.open(path).close()
    reader = Store.open(path)
    with reader.write() as conn:
        # The writers start under a held write lock: each opens the cache, then waits for the
        # lock with its first writes (the lock is held a second past the last one's "ready",
        # far inside the busy timeout), and none may see "database is locked".
        conn.execute("INSERT INTO meta (key, value) VALUES ('held', 'yes')")
        writers = [
            subprocess.Popen(
                [sys.executable, "-c", WRITER, str(path), name],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for name in ("one", "two", "three")
        ]
        for proc in writers:
            assert proc.stdout is not None
            assert proc.stdout.readline() == "ready\n", proc.communicate(timeout=60)[1]
        time.sleep(1.0)
    for _ in range(50):
        reader.list_articles(limit=20)
        reader.search("t1")
    for proc in writers:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    assert reader.count_articles() == 180


def test_upsert_sources_in_one_transaction_writes_only_what_changed(store: Store) -> None:
    entries = [
        (SourceKind.FEED, f"https://example.com/{i}.xml", f"Feed {i}", ("news",), False)
        for i in range(3)
    ]
    first = store.upsert_sources(entries)
    assert [s.location for s in first] == [e[1] for e in entries]
    assert [s.title for s in first] == ["Feed 0", "Feed 1", "Feed 2"]
    before = store.conn.total_changes
    again = store.upsert_sources(entries)
    assert [s.id for s in again] == [s.id for s in first]
    assert store.conn.total_changes == before  # nothing changed: no row rewritten
    changed = [entries[0], (*entries[1][:4], True), entries[2]]
    assert [s.full_text for s in store.upsert_sources(changed)] == [False, True, False]
    assert store.conn.total_changes > before  # the changed one was written
