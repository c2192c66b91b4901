"""The app open and refreshing while the CLI adds and refreshes: nobody sees "database is
locked", the app shows what the CLI stored, and two CLI refreshes at once duplicate nothing."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from helpers import notes, settle, settle_until

from newsterm.config_load import load_config
from newsterm.store import Store
from newsterm.ui.app import make_app
from newsterm.ui.screens.main import MainScreen
from tests.feedserver import Answer, FeedServer, Handler

FEEDS = 8
ITEMS = 40


def feed(n: int) -> bytes:
    items = "".join(
        f"<item><title>Feed {n} item {i}</title><guid>f{n}-{i}</guid>"
        f"<description>&lt;p&gt;“Item {i},” said Ada Brook.&lt;/p&gt;</description></item>"
        for i in range(ITEMS)
    )
    return f"<rss version='2.0'><channel><title>Feed {n}</title>{items}</channel></rss>".encode()


def setup(tmp_path: Path, server: FeedServer, count: int) -> tuple[Path, Path]:
    for n in range(FEEDS):
        server.routes[f"/f{n}"] = Answer(feed(n))
    config = tmp_path / "feeds.toml"
    config.write_text(
        f"[settings]\nrefresh_on_start = false\nper_host_concurrency = {FEEDS}\n"
        + "".join(f'\n[[feeds]]\nurl = "{server.url(f"/f{n}")}"\n' for n in range(count)),
        encoding="utf-8",
    )
    return config, tmp_path / "cache.db"


async def cli(config: Path, db: Path, *args: str) -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "newsterm",
        "--config",
        str(config),
        "--db",
        str(db),
        *args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    return proc.returncode or 0, (out + err).decode()


async def test_cli_add_and_refresh_while_the_app_refreshes(tmp_path: Path) -> None:
    server = FeedServer().start()
    try:
        config, db = setup(tmp_path, server, FEEDS - 1)
        first = subprocess.run(
            [sys.executable, "-m", "newsterm", "--config", str(config), "--db", str(db), "refresh"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert first.returncode == 0, first.stderr
        # New items everywhere, so each refresh below has writes to make.
        for n in range(FEEDS):
            server.routes[f"/f{n}"] = Answer(feed(n).replace(b"item ", b"item new "))
        app = make_app(config_path=config, db_path=db, load_config=lambda: load_config(config))
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, MainScreen)
            assert screen.articles.count == (FEEDS - 1) * ITEMS
            await pilot.press("R")
            results = await asyncio.gather(
                cli(config, db, "add", server.url(f"/f{FEEDS - 1}")),
                cli(config, db, "refresh"),
                cli(config, db, "refresh"),
            )
            for code, output in results:
                assert code == 0, output
                assert "locked" not in output
            await settle(pilot)  # the app's refresh is over
            await pilot.press("R")
            await settle_until(pilot, lambda: screen.articles.count == FEEDS * ITEMS)
            assert "locked" not in notes(app) and "failed" not in notes(app), notes(app)
        with Store.open(db) as store:
            total, distinct = store.conn.execute(
                "SELECT COUNT(*), COUNT(DISTINCT source_id || ' ' || guid) FROM articles"
            ).fetchone()
        assert total == distinct == FEEDS * ITEMS
    finally:
        server.stop()


def in_step(answer: Answer, both: threading.Barrier, met: list[str]) -> Handler:
    """A handler that answers once both refreshes have asked (so they run side by side on
    any machine); ``met`` records each request that found the other one there."""

    def handler(request: BaseHTTPRequestHandler) -> None:
        with contextlib.suppress(threading.BrokenBarrierError):
            both.wait(timeout=120)  # a hang guard: the other refresh asks as soon as it runs
            met.append(request.path)
        request._send(answer)  # type: ignore[attr-defined]

    return handler


def test_two_cli_refreshes_at_once_duplicate_nothing(tmp_path: Path) -> None:
    server = FeedServer().start()
    try:
        config, db = setup(tmp_path, server, FEEDS)
        met: list[str] = []
        for n in range(FEEDS):
            answer = server.routes[f"/f{n}"]
            assert isinstance(answer, Answer)
            server.routes[f"/f{n}"] = in_step(answer, threading.Barrier(2), met)
        command = [sys.executable, "-m", "newsterm", "--config", str(config), "--db", str(db)]
        procs = [
            subprocess.Popen(
                [*command, "refresh"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        for proc in procs:
            out, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, err
            assert "locked" not in out + err
        assert sorted(met) == sorted(f"/f{n}" for n in range(FEEDS) for _ in range(2))
        with Store.open(db) as store:
            total, distinct = store.conn.execute(
                "SELECT COUNT(*), COUNT(DISTINCT guid) FROM articles"
            ).fetchone()
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert total == distinct == FEEDS * ITEMS
    finally:
        server.stop()
