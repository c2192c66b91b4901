"""A refresh killed with SIGKILL at random moments loses nothing it committed."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsterm.store import Store

ARTICLES = 600
ADDED_PER_ROUND = 150
CHANGED_PER_ROUND = 100
KILLS = 20


def write_articles(folder: Path, numbers: range, version: int = 0) -> None:
    folder.mkdir(exist_ok=True)
    for n in numbers:
        (folder / f"a{n:05d}.txt").write_text(
            f"Council story number {n} (version {version})\n\n"
            f"“We will decide on item {n} next week,” said Councillor Ada Brook.\n\n"
            "The meeting ran late. Residents asked questions about parking and trees.\n\n"
            f"Write to Sam Reporter at sam{n}@example.com\n",
            encoding="utf-8",
        )


def article_count(db: Path) -> int:
    """Articles committed so far, read without locking the writer (WAL)."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_during_refresh(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, range(ARTICLES))
    total = ARTICLES
    config = tmp_path / "feeds.toml"
    config.write_text(f'[[feeds]]\npath = "{folder}"\n', encoding="utf-8")
    db = tmp_path / "cache.db"
    command = [
        sys.executable,
        "-m",
        "newsterm",
        "--config",
        str(config),
        "--db",
        str(db),
        "refresh",
    ]
    rng = random.Random(20261129)
    committed: dict[int, bool] = {}
    killed = 0
    for round_number in range(1, KILLS + 1):
        # Every round has work to interrupt: new files, and changed files (some of them read).
        write_articles(folder, range(total, total + ADDED_PER_ROUND))
        total += ADDED_PER_ROUND
        changed = rng.sample(range(total - ADDED_PER_ROUND), CHANGED_PER_ROUND)
        for n in changed:
            write_articles(folder, range(n, n + 1), version=round_number)
        before = article_count(db)
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Kill mid-work, whatever the machine's speed: once this refresh has committed a
        # batch, after a random extra moment.
        deadline = time.monotonic() + 60
        while proc.poll() is None and article_count(db) <= before:
            assert time.monotonic() < deadline, "the refresh committed nothing in 60 s"
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        killed += proc.wait() == -signal.SIGKILL
        with Store.open(db) as store:
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            rows = dict(store.conn.execute("SELECT id, read FROM articles").fetchall())
        # Everything committed before this kill survived, read state included.
        for article_id, read in committed.items():
            assert article_id in rows, f"article {article_id} lost"
            assert bool(rows[article_id]) == read, f"read state of {article_id} lost"
        committed = {article_id: bool(read) for article_id, read in rows.items()}
        # The reader marks a few articles read between refreshes, as a person would.
        unread = [i for i, read in committed.items() if not read][:20]
        if unread:
            with Store.open(db) as store:
                store.set_read(unread)
            committed.update(dict.fromkeys(unread, True))
    assert killed >= KILLS // 2, f"only {killed} of {KILLS} refreshes were killed mid-work"
    final = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert final.returncode == 0, final.stderr
    with Store.open(db) as store:
        assert store.count_articles() == total
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        read_now = {r.id for r in store.list_articles(limit=total) if r.read}
        changed_titles = store.conn.execute(
            "SELECT COUNT(*) FROM articles WHERE title LIKE '%(version 0)'"
        ).fetchone()[0]
    assert {i for i, read in committed.items() if read} <= read_now
    assert len(read_now) >= 20
    assert changed_titles < total  # changed files were re-read


FEEDS = 60
ITEMS = 50
FEED_KILLS = 20


def feed_body(feed: int, items: range) -> bytes:
    """A deterministic RSS feed: item ``i`` of feed ``feed`` always reads the same."""
    entries = "".join(
        f"<item><title>Feed {feed} story {i}</title><guid>f{feed}-i{i}</guid>"
        f"<link>https://feeds.example/{feed}/{i}</link>"
        f"<description>&lt;p&gt;“Item {i} matters,” said Ada Brook of feed {feed}.&lt;/p&gt;"
        f"&lt;p&gt;The meeting ran late; residents asked about parking.&lt;/p&gt;</description>"
        "</item>"
        for i in reversed(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"{entries}</channel></rss>"
    ).encode()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_during_a_large_feed_refresh(tmp_path: Path) -> None:
    import os

    from tests.feedserver import Answer, FeedServer

    server = FeedServer().start()
    try:
        newest = dict.fromkeys(range(FEEDS), ITEMS)
        for feed in range(FEEDS):
            server.routes[f"/feed{feed}"] = Answer(feed_body(feed, range(ITEMS)))
        config = tmp_path / "feeds.toml"
        config.write_text(
            "[settings]\nconnect_timeout = 2.0\nread_timeout = 2.0\n"
            + "".join(f'\n[[feeds]]\nurl = "{server.url(f"/feed{n}")}"\n' for n in range(FEEDS)),
            encoding="utf-8",
        )
        db = tmp_path / "cache.db"
        command = [sys.executable, "-m", "newsterm", "--config", str(config), "--db", str(db)]
        rng = random.Random(20261130)
        committed: dict[str, bool] = {}
        for round_number in range(FEED_KILLS):
            if round_number:
                # New items on every feed, so every round has writes to interrupt.
                for feed in range(FEEDS):
                    newest[feed] += 5
                    body = feed_body(feed, range(newest[feed] - ITEMS, newest[feed]))
                    server.routes[f"/feed{feed}"] = Answer(body)
            proc = subprocess.Popen(
                [*command, "refresh"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            # Startup and the first fetches take about 1.5 s; then a commit a feed.
            time.sleep(rng.uniform(1.2, 2.1))
            os.killpg(proc.pid, signal.SIGKILL)  # the refresh and its parse workers
            proc.wait()
            if not db.exists():
                continue
            with Store.open(db) as store:
                assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                rows = dict(store.conn.execute("SELECT guid, read FROM articles").fetchall())
            for guid, read in committed.items():
                assert guid in rows, f"article {guid} lost in round {round_number}"
                assert bool(rows[guid]) == read, f"read state of {guid} lost"
            committed = {guid: bool(read) for guid, read in rows.items()}
            unread = [g for g, read in committed.items() if not read][:15]
            if unread:
                with Store.open(db) as store:
                    marks = ",".join("?" * len(unread))
                    ids = [
                        r[0]
                        for r in store.conn.execute(
                            f"SELECT id FROM articles WHERE guid IN ({marks})", unread
                        )
                    ]
                    store.set_read(ids)
                committed.update(dict.fromkeys(unread, True))
        assert committed, "no kill landed after a commit"
        final = subprocess.run(
            [*command, "refresh"], capture_output=True, text=True, timeout=120, check=False
        )
        assert final.returncode == 0, final.stderr
        with Store.open(db) as store:
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            rows = dict(store.conn.execute("SELECT guid, read FROM articles").fetchall())
            duplicates = store.conn.execute(
                "SELECT COUNT(*) - COUNT(DISTINCT guid) FROM articles"
            ).fetchone()[0]
        assert duplicates == 0
        for feed, top in newest.items():
            for i in range(top - ITEMS, top):
                assert f"f{feed}-i{i}" in rows
        for guid, read in committed.items():
            assert guid in rows and bool(rows[guid]) == read
    finally:
        server.stop()
