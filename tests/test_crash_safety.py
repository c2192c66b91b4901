"""A refresh killed with SIGKILL at random moments loses nothing it committed."""

from __future__ import annotations

import contextlib
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from newsterm.ingest.file_refresh import SAVE_BATCH
from newsterm.store import Store
from tests.cached import check_search_index
from tests.feedserver import Answer, FeedServer, Handler

ARTICLES = 600
ADDED_PER_ROUND = 150
CHANGED_PER_ROUND = 100
KILLS = 20
WRITE_BATCHES = (ADDED_PER_ROUND + CHANGED_PER_ROUND) // SAVE_BATCH + 1
"""Write transactions a round takes at least (the refresh saves files in batches of
SAVE_BATCH), each indexing its rows for search once or twice before it commits."""


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


STOPPING_REFRESH = textwrap.dedent("""
    import os, sys, threading
    from newsterm.ingest import files
    from newsterm.store import search_index

    fd, where, nth = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    calls = 0

    def stopping(original):
        def wrapped(*args, **kwargs):
            global calls
            calls += 1
            if calls == nth:
                os.write(fd, f"stopped at {where} {nth}\\n".encode())
                threading.Event().wait()  # until the test kills this process
            return original(*args, **kwargs)
        return wrapped

    if where == "read":  # between commits: articles read wait in memory for their batch
        files.read_article = stopping(files.read_article)
    else:  # inside a write transaction: rows written, their search index next, not committed
        search_index.index = stopping(search_index.index)
    sys.argv = ["newsterm", *sys.argv[4:]]
    from newsterm.launch import main
    main()
""")
"""The real ``newsterm refresh``, stopped when it reaches the n-th article file read or the
n-th batch being indexed inside its write transaction: the test kills it there, so every
kill lands mid-work on any machine."""


def read_line(fd: int, within: float = 300) -> str:
    """One line from a pipe (empty at end of file); fails if none comes in ``within`` s
    (a hang guard only: the line comes as soon as the refresh reaches its stop)."""
    data = b""
    while not data.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], within)
        assert ready, f"no line in {within:g} s"
        chunk = os.read(fd, 1)
        if not chunk:
            break
        data += chunk
    return data.decode()


def refresh_to_the_end(arguments: list[str]) -> None:
    """``newsterm`` with these arguments, run to its end; it must succeed."""
    final = subprocess.run(
        [sys.executable, "-m", "newsterm", *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert final.returncode == 0, final.stderr


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_during_refresh(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, range(ARTICLES))
    total = ARTICLES
    config = tmp_path / "feeds.toml"
    config.write_text(f'[[feeds]]\npath = "{folder}"\n', encoding="utf-8")
    db = tmp_path / "cache.db"
    arguments = ["--config", str(config), "--db", str(db), "refresh"]
    rng = random.Random(20261129)
    committed: dict[int, bool] = {}
    for round_number in range(1, KILLS + 1):
        # Every round has work to interrupt: new files, and changed files (some of them read).
        write_articles(folder, range(total, total + ADDED_PER_ROUND))
        total += ADDED_PER_ROUND
        changed = rng.sample(range(total - ADDED_PER_ROUND), CHANGED_PER_ROUND)
        for n in changed:
            write_articles(folder, range(n, n + 1), version=round_number)
        # At least ADDED_PER_ROUND + CHANGED_PER_ROUND articles to read and write this round,
        # in at least WRITE_BATCHES transactions: stop before the last of them, at a point
        # drawn from the refresh's progress (before the first commit, between commits, inside
        # a transaction).
        where = "read" if round_number % 2 else "write"
        last = ADDED_PER_ROUND + CHANGED_PER_ROUND - 1 if where == "read" else WRITE_BATCHES
        nth = rng.randint(1, last)
        read_end, write_end = os.pipe()
        proc = subprocess.Popen(
            [sys.executable, "-c", STOPPING_REFRESH, str(write_end), where, str(nth), *arguments],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(write_end,),
        )
        os.close(write_end)
        try:
            line = read_line(read_end)
        finally:
            os.close(read_end)
            proc.send_signal(signal.SIGKILL)
        assert line == f"stopped at {where} {nth}\n", f"round {round_number}: the refresh ended"
        assert proc.wait() == -signal.SIGKILL
        with Store.open(db) as store:
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            rows = dict(store.conn.execute("SELECT id, read FROM articles").fetchall())
        assert len(rows) < total, "the killed refresh had nothing left to do"
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
    # Each of the KILLS rounds above was killed mid-work: stopped before its last article.
    refresh_to_the_end(arguments)
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


GATED = 3
"""Feeds whose answer is held back until the kill: the refresh always has work left."""


def held_back(release: threading.Event) -> Handler:
    """A handler that keeps the request waiting until ``release`` is set (after the kill)."""

    def handler(request: BaseHTTPRequestHandler) -> None:
        release.wait(600)
        with contextlib.suppress(OSError):  # the refresh that asked is gone
            request.wfile.write(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")

    return handler


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_during_a_large_feed_refresh(tmp_path: Path) -> None:
    server = FeedServer().start()
    try:
        newest = dict.fromkeys(range(FEEDS), ITEMS)
        config = tmp_path / "feeds.toml"
        config.write_text(  # long timeouts: a held-back feed stays pending until the kill
            "[settings]\nconnect_timeout = 60.0\nread_timeout = 600.0\nfeed_timeout = 600.0\n"
            + "".join(f'\n[[feeds]]\nurl = "{server.url(f"/feed{n}")}"\n' for n in range(FEEDS)),
            encoding="utf-8",
        )
        db = tmp_path / "cache.db"
        command = [sys.executable, "-m", "newsterm", "--config", str(config), "--db", str(db)]
        rng = random.Random(20261130)
        committed: dict[str, bool] = {}
        for round_number in range(FEED_KILLS):
            for feed in range(FEEDS):
                if round_number:  # new items on every feed: every round has writes to interrupt
                    newest[feed] += 5
                body = feed_body(feed, range(newest[feed] - ITEMS, newest[feed]))
                server.routes[f"/feed{feed}"] = Answer(body)
            release = threading.Event()
            for feed in rng.sample(range(FEEDS), GATED):
                server.routes[f"/feed{feed}"] = held_back(release)
            # Kill once the k-th feed's new items are committed (k drawn per round; every
            # feed brings at least 5 new items), while the held-back feeds are still pending.
            target = article_count(db) + 5 * rng.randint(0, FEEDS - GATED)
            proc = subprocess.Popen(
                [*command, "refresh"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            deadline = time.monotonic() + 300  # a hang guard, far beyond any machine's pace
            while article_count(db) < target:
                assert proc.poll() is None, f"round {round_number}: the refresh ended early"
                assert time.monotonic() < deadline, f"round {round_number}: no progress"
                time.sleep(0.01)
            assert proc.poll() is None, f"round {round_number}: nothing left to interrupt"
            os.killpg(proc.pid, signal.SIGKILL)  # the refresh and its parse workers
            assert proc.wait() == -signal.SIGKILL
            release.set()
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
        for feed in range(FEEDS):  # the last refresh gets every feed
            body = feed_body(feed, range(newest[feed] - ITEMS, newest[feed]))
            server.routes[f"/feed{feed}"] = Answer(body)
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
            # The search index holds exactly the articles (none lost to a kill, none twice).
            assert store.pending_index() == 0
            check_search_index(store)
        assert duplicates == 0
        for feed, top in newest.items():
            for i in range(top - ITEMS, top):
                assert f"f{feed}-i{i}" in rows
        for guid, read in committed.items():
            assert guid in rows and bool(rows[guid]) == read
    finally:
        server.stop()


STOPPED_BEFORE_INDEXING = textwrap.dedent("""
    import os, sys, threading
    from newsterm.store import repo

    fd = int(sys.argv[1])

    def stopped(store):
        os.write(fd, f"stopped with {store.pending_index()} to index\\n".encode())
        threading.Event().wait()  # until the test kills this process

    repo.Store.index_pending = stopped
    sys.argv = ["newsterm", *sys.argv[2:]]
    from newsterm.launch import main
    main()
""")
"""The real ``newsterm refresh``, stopped where the refreshing process would index for search
what its workers stored (every feed committed by then)."""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_refresh_killed_before_indexing_leaves_its_articles_to_the_next(
    tmp_path: Path,
) -> None:
    server = FeedServer().start()
    try:
        for feed in range(4):
            server.routes[f"/feed{feed}"] = Answer(feed_body(feed, range(5)))
        config = tmp_path / "feeds.toml"
        config.write_text(
            "".join(f'[[feeds]]\nurl = "{server.url(f"/feed{n}")}"\n\n' for n in range(4)),
            encoding="utf-8",
        )
        db = tmp_path / "cache.db"
        arguments = ["--config", str(config), "--db", str(db), "refresh"]
        read_end, write_end = os.pipe()
        proc = subprocess.Popen(
            [sys.executable, "-c", STOPPED_BEFORE_INDEXING, str(write_end), *arguments],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(write_end,),
            start_new_session=True,
        )
        os.close(write_end)
        try:
            line = read_line(read_end)
        finally:
            os.close(read_end)
            os.killpg(proc.pid, signal.SIGKILL)  # the refresh and its parse workers
        assert line == "stopped with 20 to index\n"
        assert proc.wait() == -signal.SIGKILL
        with Store.open(db) as store:
            assert store.count_articles() == 20  # stored, listed
            assert store.pending_index() == 20  # the marks survived the kill
            assert store.search("meeting") == []  # not searchable yet
        refresh_to_the_end(arguments)
        with Store.open(db) as store:
            assert store.pending_index() == 0
            assert len(store.search("meeting", limit=100)) == 20
            check_search_index(store)
    finally:
        server.stop()
