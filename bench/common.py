"""What the benchmarks share: where the repository and the shared harness are, and the
bytecode an installed newsterm runs from. (The scripts run as ``python bench/NAME.py``, so
this module is imported as ``common``.)"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The shared folder (``$NEWSTERM_SHARED``, else ``<repo>/../shared``; a git worktree under
    ``<project>/wt/NAME`` looks two levels up as well); exits when it has no ``bench/``."""
    env = os.environ.get("NEWSTERM_SHARED")
    candidates = [Path(env)] if env else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    for candidate in candidates:
        if (candidate / "bench").is_dir():
            return candidate.resolve()
    sys.exit("the shared bench harness was not found: set NEWSTERM_SHARED")


def compile_bytecode() -> None:
    """Write .pyc files, as an installed package has them. With ``PYTHONDONTWRITEBYTECODE`` set
    (as on this machine), every process, parse workers too, would otherwise compile newsterm,
    Textual, aiohttp and feedparser from source again: 0.5-1 s each, which a bench would report
    as start-up or refresh time."""
    paths = [str(ROOT / "src"), sysconfig.get_paths()["purelib"]]
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "-j", "0", *paths],
        check=True,
        capture_output=True,
    )


def generate_feeds(bench: Path, out: Path, feeds: int, items: int, port: int) -> None:
    """Write ``feeds`` x ``items`` generated feeds to ``out`` with the shared ``genfeeds.py``,
    their links on 127.0.0.1:``port``."""
    subprocess.run(
        [sys.executable, str(bench / "genfeeds.py"), "--feeds", str(feeds), "--items",
         str(items), "--out", str(out), "--port", str(port)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def busy_cores(seconds: float = 1.0) -> float:
    def sample() -> tuple[int, int]:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
        values = [int(v) for v in fields]
        return sum(values[:3]) + values[5] + values[6], 0

    a, _ = sample()
    time.sleep(seconds)
    b, _ = sample()
    return (b - a) / os.sysconf("SC_CLK_TCK") / seconds


def wait_quiet(limit: float = 60.0) -> float:
    """Wait (at most ``limit`` s) until the shared machine is idle; return the busy cores seen."""
    start = time.monotonic()
    while True:
        busy = busy_cores()
        if busy <= 0.3 or time.monotonic() - start > limit:
            return busy


def timed(rounds: int, call: Callable[[], object]) -> dict[str, float]:
    """Best and median milliseconds of ``rounds`` calls (after one warm-up)."""
    call()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return {"best_ms": round(min(times), 2), "median_ms": round(statistics.median(times), 2)}
