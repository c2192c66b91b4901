"""The app open and refreshing while the CLI adds and refreshes: nobody sees "database is
locked", the app shows what the CLI stored, and two CLI refreshes at once duplicate nothing."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Any

from helpers import settle

from newsterm.config import load_config
from newsterm.store import Store
from newsterm.ui.app import make_app
from newsterm.ui.screens.main import MainScreen
from tests.feedserver import Answer, FeedServer

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
        "[settings]\nrefresh_on_start = false\nread_timeout = 2.0\n"
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


def notes(app: Any) -> str:
    return "\n".join(f"{n.title} {n.message}" for n in app._notifications)


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
            for _ in range(10):
                await settle(pilot)
            await pilot.press("R")
            for _ in range(10):
                await settle(pilot)
            assert "locked" not in notes(app) and "failed" not in notes(app), notes(app)
            assert screen.articles.count == FEEDS * ITEMS
        with Store.open(db) as store:
            total, distinct = store.conn.execute(
                "SELECT COUNT(*), COUNT(DISTINCT source_id || ' ' || guid) FROM articles"
            ).fetchone()
        assert total == distinct == FEEDS * ITEMS
    finally:
        server.stop()


def test_two_cli_refreshes_at_once_duplicate_nothing(tmp_path: Path) -> None:
    server = FeedServer().start()
    try:
        config, db = setup(tmp_path, server, FEEDS)
        command = [sys.executable, "-m", "newsterm", "--config", str(config), "--db", str(db)]
        procs = [
            subprocess.Popen(
                [*command, "refresh"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        for proc in procs:
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
            assert "locked" not in out + err
        with Store.open(db) as store:
            total, distinct = store.conn.execute(
                "SELECT COUNT(*), COUNT(DISTINCT guid) FROM articles"
            ).fetchone()
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert total == distinct == FEEDS * ITEMS
    finally:
        server.stop()
