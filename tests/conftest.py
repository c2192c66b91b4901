"""Shared fixtures: every test runs isolated from the developer's machine (its own config,
data and cache, no proxies); a local feed server; a config and a cache in tmp_path."""

from __future__ import annotations

import gc
import os
from collections.abc import Generator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings

from newsterm import timefmt
from newsterm.config import Config
from newsterm.config_load import load_config
from newsterm.ingest import parse_pool
from newsterm.store import Store
from tests.feedserver import FeedServer, serving

# Property tests draw the same examples on every run and machine (a suite that fails on one
# run in fifty is a broken suite); a failure found this way gets an @example of its own.
settings.register_profile("newsterm", derandomize=True, deadline=None, print_blob=True)
settings.load_profile("newsterm")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point XDG folders and newsterm's overrides at a temporary folder; drop proxies."""
    home = tmp_path / "home"
    for name, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    for name in ("NEWSTERM_CONFIG", "NEWSTERM_DB", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return home


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, None]:
    """With ``NEWSTERM_NO_SKIPS=1`` (``.ci/run`` sets it: CI has ../shared and runs on Linux,
    so no skip is expected there), a skipped test fails, with its reason."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.skipped and os.environ.get("NEWSTERM_NO_SKIPS") and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped where no skip is expected (NEWSTERM_NO_SKIPS): {reason}"


GARBAGE_ROUNDS = 5
"""Collections at most before a worker's end, as many as pytest's own at its clean-up."""


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """In a pytest-xdist worker: collect the garbage now, then freeze what is left.

    The controller ends a worker as soon as it says it has finished (after this hook); execnet
    then gives the worker 5 s to return before it sends it SIGINT. In that time pytest's
    clean-up runs 5 full collections to report the exceptions raised in finalisers; over a
    worker's some 440,000 live objects on a loaded machine they took 9 s (1.5 s of CPU), and the
    KeyboardInterrupt landed in Hypothesis's gc callback ("Exception ignored in: gc_callback").
    Collected here, before the worker says it has finished, the garbage's finalisers still run
    under pytest's hook (so their exceptions are still reported), and the clean-up's
    collections walk only what was made after the freeze."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return  # (a serial run has no deadline: pytest's clean-up as it is)
    for _ in range(GARBAGE_ROUNDS):
        if not gc.collect():
            break
    gc.freeze()


@pytest.fixture(autouse=True)
def no_pool_left_open(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a ParsePool's worker processes running: their queues' and
    turn's named semaphores then outlive it, and multiprocessing's resource tracker reports
    them as leaked when the run ends."""
    started: list[parse_pool.ParsePool] = []
    start = parse_pool.ParsePool.start

    def recorded(self: parse_pool.ParsePool) -> None:
        start(self)
        if self._pool is not None and self not in started:
            started.append(self)

    monkeypatch.setattr(parse_pool.ParsePool, "start", recorded)
    yield
    open_pools = [pool for pool in started if pool._pool is not None]
    for pool in open_pools:
        pool.close(cancel=True)
    assert not open_pools, f"{len(open_pools)} ParsePool(s) left open (close() them)"


NOW = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
"""The fixed "now" of every test: dates shown never depend on the day the suite runs."""


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Freeze the clock that relative dates read (``timefmt.current``) at ``NOW``."""
    monkeypatch.setattr(timefmt, "current", lambda: NOW)


SHARED_HINT = "../shared"


def shared_file(name: str) -> Path | None:
    """A file of the shared test data beside the checkout (``$NEWSTERM_SHARED``, else
    ``<repo>/../shared``, or ``../../shared`` from a git worktree under the checkout), or None:
    it is there in CI, not on a user's machine."""
    root = Path(__file__).resolve().parents[1]
    env = os.environ.get("NEWSTERM_SHARED")
    candidates = [Path(env)] if env else [root.parent / "shared", root.parent.parent / "shared"]
    for folder in candidates:
        if (folder / name).exists():
            return folder / name
    return None


@pytest.fixture
def fixtures() -> Path:
    """The folder of fixture files the project wrote itself."""
    return FIXTURES


@pytest.fixture
def in_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse in threads instead of worker processes (faster tests; same code path otherwise)."""
    monkeypatch.setattr(parse_pool, "default_workers", lambda: 0)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    yield from serving()


FAST_SETTINGS = """\
[settings]
connect_timeout = 30.0
read_timeout = 30.0
feed_timeout = 120.0
parse_timeout = 120.0
"""
"""Timeouts for the tests' feeds.toml: only hang guards, far beyond what a local server takes on
the slowest, busiest machine (at 0.5 s a loaded machine failed a test with "timed out"); a
test that wants a timeout sets a short one itself against a server that never answers."""


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(FAST_SETTINGS, encoding="utf-8")
    return path


def write_feeds(path: Path, urls: list[str], extra_settings: str = "") -> Config:
    """Write a feeds.toml with these feed URLs (and short timeouts); return it loaded."""
    text = FAST_SETTINGS + extra_settings
    for url in urls:
        text += f'\n[[feeds]]\nurl = "{url}"\n'
    path.write_text(text, encoding="utf-8")
    return load_config(path)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "cache.db") as opened:
        yield opened
