"""Refresh benchmark: newsterm against newsboat on the same 200 feeds x 50 items, same run.

    uv run python bench/refresh.py [--feeds 200] [--items 50] [--runs 3] [--no-newsboat]
        [--delays 0,50] [--no-304] [--compare OTHER_CHECKOUT] [--no-reanalyse] [--quiet-wait S]

Uses the shared harness (``$NEWSTERM_SHARED/bench`` or ``<repo>/../shared/bench``): genfeeds.py
writes the feeds, serve.py serves them on 127.0.0.1 with ETag/304 and simulated latency, and
newsboat_reload.sh times newsboat (``apt-get install newsboat time sqlite3 bc``). Measures:

- first refresh (fresh cache) at 0 ms and 50 ms latency per request;
- a refresh where every feed answers 304 (newsboat: its third reload, see the harness README);
- newsterm's peak resident memory, summed over its process tree (parse workers included),
  and the CPU time (user + system) of that tree;
- after each first refresh at 0 ms, ``newsterm reanalyse``: the analysis of the backlog the
  refresh left (every article), as the app does it in the background.

``--compare`` runs another checkout of newsterm (its ``src``, e.g. the commit before a change)
in the same runs, interleaved, so that its ratios come from the same moments of a busy machine.

Prints each median and ratio, and writes them as JSON to ``bench/out/refresh.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import resource
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import ROOT, compile_bytecode, generate_feeds, shared_dir, wait_quiet

AIMS = {"first_0ms": 0.5, "first_50ms": 0.25, "all_304": 0.3}  # issue 16
MEMORY_AIM_MB = 150


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TreeMemory:
    """Samples the summed RSS of a process and all its descendants every 20 ms, and the CPU
    time each has used (for processes the run's own rusage does not count: a fork server's
    children, which the process never waits for)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self.cpu_ticks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _tree(self) -> list[int]:
        pids, queue = [], [self.pid]
        while queue:
            pid = queue.pop()
            pids.append(pid)
            with contextlib.suppress(OSError):  # a process that has just ended
                for task in Path(f"/proc/{pid}/task").glob("*"):
                    with contextlib.suppress(OSError):
                        queue += [int(c) for c in (task / "children").read_text().split()]
        return pids

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                if match := re.search(r"VmRSS:\s+(\d+)", status):
                    total += int(match.group(1))
                with contextlib.suppress(OSError, IndexError, ValueError):
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    self.cpu_ticks[pid] = int(fields[11]) + int(fields[12])
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(0.02)


class Server:
    """serve.py in the background."""

    def __init__(self, bench: Path, feeds: Path, port: int, delay_ms: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(bench / "serve.py"), str(feeds), "--port", str(port),
             "--delay-ms", str(delay_ms), "--max-seconds", "1800"],
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(200):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.02)
        raise RuntimeError("serve.py did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def newsterm(work: Path, *args: str, src: Path | None = None) -> tuple[float, int, int, float]:
    """Run the newsterm CLI (this checkout's, or the one in ``src``); return wall seconds, peak
    tree RSS (kB), the exit code and the CPU seconds (user + system) of its process tree, parse
    workers included."""
    env = dict(os.environ, NO_COLOR="1")
    if src is not None:
        env["PYTHONPATH"] = str(src)
    for name in (
        "PYTHONDONTWRITEBYTECODE",
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
    ):
        env.pop(name, None)
    command = [sys.executable, "-m", "newsterm", "--config", str(work / "feeds.toml")]
    command += ["--db", str(work / "cache.db"), *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True
    )
    with TreeMemory(process.pid) as memory:
        _, err = process.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # The larger of what the kernel counted for waited-for processes and what the samples saw
    # the whole tree use (a sample misses at most the last 20 ms of each process).
    cpu = max(cpu, sum(memory.cpu_ticks.values()) / os.sysconf("SC_CLK_TCK"))
    if process.returncode not in (0,):
        print(f"newsterm {' '.join(args)} exited {process.returncode}: {err[-500:]}")
    return wall, memory.peak_kb, process.returncode, cpu


def fresh_newsterm(work: Path, feeds: Path, src: Path | None = None) -> None:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    # An imported list's feeds may not be on a private address unless named: the bench's
    # server is on 127.0.0.1, so name it (without this every feed is refused in a blink).
    (work / "feeds.toml").write_text(
        '[settings]\nallow_private_hosts = ["127.0.0.1"]\n', encoding="utf-8"
    )
    _, _, code, _ = newsterm(work, "import", str(feeds / "urls"), src=src)
    assert code == 0


def stored_articles(work: Path) -> int:
    """How many articles the cache holds: a refresh that stored nothing is not a result."""
    with sqlite3.connect(work / "cache.db") as db:
        return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def newsboat(
    bench: Path, feeds: Path, delay_ms: int, quiet_wait: float, cache_dir: Path | None = None
) -> float:
    """newsboat's wall time for one reload, after waiting (at most ``quiet_wait`` s, as the
    newsterm runs do) for an idle machine."""
    env = dict(os.environ, DELAY_MS=str(delay_ms), SERVE="yes", QUIET_WAIT_S=str(round(quiet_wait)))
    if cache_dir is not None:
        env["CACHE_DIR"] = str(cache_dir)
    out = subprocess.run(
        ["bash", str(bench / "newsboat_reload.sh"), str(feeds)],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    match = re.search(r"wall_s=([\d.]+)", out.stdout)
    if not match:
        raise RuntimeError(f"newsboat_reload.sh failed: {out.stdout} {out.stderr}")
    return float(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-newsboat", action="store_true")
    parser.add_argument("--delays", default="0,50", help="latencies in ms, comma-separated")
    parser.add_argument("--no-304", action="store_true", help="skip the all-304 refresh")
    parser.add_argument("--compare", type=Path, help="another checkout to run interleaved")
    parser.add_argument(
        "--no-reanalyse", action="store_true", help="skip `reanalyse` after the 0 ms refreshes"
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=30,
        help="seconds to wait for an idle machine before each timed run (0: none)",
    )
    args = parser.parse_args()
    bench = shared_dir() / "bench"
    compile_bytecode()
    other = args.compare.resolve() / "src" if args.compare else None
    if other is not None:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(other)], check=True)
    variants: list[tuple[str, Path | None]] = [("newsterm", None)]
    if other is not None:
        variants.insert(0, ("compare", other))
    have_newsboat = not args.no_newsboat and shutil.which("newsboat") is not None
    tmp = Path(tempfile.mkdtemp(prefix="newsterm-bench-"))
    port = free_port()
    feeds = tmp / "feeds"
    generate_feeds(bench, feeds, args.feeds, args.items, port)
    results: dict[str, dict[str, float]] = {}
    peak_kb: dict[str, int] = dict.fromkeys((name for name, _ in variants), 0)
    work = tmp / "newsterm"
    try:
        for delay in (int(d) for d in args.delays.split(",")):
            theirs: list[float] = []
            walls: dict[str, list[float]] = {name: [] for name, _ in variants}
            cpus: dict[str, list[float]] = {name: [] for name, _ in variants}
            analysis: dict[str, list[float]] = {name: [] for name, _ in variants}
            for _ in range(args.runs):
                if have_newsboat:
                    theirs.append(newsboat(bench, feeds, delay, args.quiet_wait))
                for name, src in variants:
                    fresh_newsterm(work, feeds, src)
                    server = Server(bench, feeds, port, delay)
                    try:
                        wait_quiet(args.quiet_wait)
                        wall, kb, code, seconds = newsterm(work, "refresh", src=src)
                    finally:
                        server.stop()
                    assert code == 0, "the first refresh failed"
                    stored = stored_articles(work)
                    assert stored == args.feeds * args.items, f"the refresh stored {stored}"
                    walls[name].append(wall)
                    cpus[name].append(seconds)
                    peak_kb[name] = max(peak_kb[name], kb)
                    if delay == 0 and src is None and not args.no_reanalyse:
                        wall, kb, code, seconds = newsterm(work, "reanalyse", src=src)
                        assert code == 0, "reanalyse failed"
                        analysis[name].append(wall)
                        peak_kb[name] = max(peak_kb[name], kb)
            for name, _ in variants:
                key = f"first_{delay}ms" + ("" if name == "newsterm" else "_compare")
                results[key] = _summary(walls[name], theirs, cpus[name])
                if analysis[name]:
                    results[key]["backlog_analysis_s"] = round(statistics.median(analysis[name]), 3)
        if not args.no_304:
            theirs = []
            walls = {name: [] for name, _ in variants}
            cpus = {name: [] for name, _ in variants}
            for _ in range(args.runs):
                if have_newsboat:
                    cache = tmp / "newsboat-cache"
                    shutil.rmtree(cache, ignore_errors=True)
                    for _ in range(2):
                        newsboat(bench, feeds, 0, args.quiet_wait, cache)
                    theirs.append(newsboat(bench, feeds, 0, args.quiet_wait, cache))
                for name, src in variants:
                    fresh_newsterm(work, feeds, src)
                    server = Server(bench, feeds, port, 0)
                    try:
                        newsterm(work, "refresh", src=src)
                        wait_quiet(args.quiet_wait)
                        wall, kb, code, seconds = newsterm(work, "refresh", src=src)
                    finally:
                        server.stop()
                    walls[name].append(wall)
                    cpus[name].append(seconds)
                    peak_kb[name] = max(peak_kb[name], kb)
            for name, _ in variants:
                key = "all_304" + ("" if name == "newsterm" else "_compare")
                results[key] = _summary(walls[name], theirs, cpus[name])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        "feeds": args.feeds,
        "items": args.items,
        "runs": args.runs,
        "results": results,
        "peak_rss_mb": {name: round(kb / 1024, 1) for name, kb in peak_kb.items()},
        "load_average": os.getloadavg()[0],
    }
    _print(report)
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "refresh.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def _summary(ours: list[float], theirs: list[float], cpu: list[float]) -> dict[str, float]:
    summary = {"newsterm_s": round(statistics.median(ours), 3)}
    summary["newsterm_cpu_s"] = round(statistics.median(cpu), 2)
    if theirs:
        summary["newsboat_s"] = round(statistics.median(theirs), 3)
        summary["ratio"] = round(summary["newsterm_s"] / summary["newsboat_s"], 3)
    return summary


def _print(report: dict[str, object]) -> None:
    print(f"{report['feeds']} feeds x {report['items']} items, median of {report['runs']} runs")
    print(f"{report['machine']}, Python {report['python']}, {report['date']}")
    results = report["results"]
    assert isinstance(results, dict)
    for name, row in results.items():
        line = f"{name:>19}: newsterm {row['newsterm_s']:.2f} s ({row['newsterm_cpu_s']:.1f} s CPU)"
        if "ratio" in row:
            aim = AIMS[name.removesuffix("_compare")]
            verdict = "ok" if row["ratio"] <= aim else "MISSED"
            line += f", newsboat {row['newsboat_s']:.2f} s, ratio {row['ratio']:.2f}"
            line += f" (aim <= {aim}: {verdict})"
        if "backlog_analysis_s" in row:
            line += f"; then reanalyse {row['backlog_analysis_s']:.2f} s"
        print(line)
    peaks = report["peak_rss_mb"]
    assert isinstance(peaks, dict)
    for name, peak in peaks.items():
        verdict = "ok" if peak <= MEMORY_AIM_MB else "MISSED"
        print(
            f"  peak RSS ({name}): {peak:.0f} MB with workers (aim <= {MEMORY_AIM_MB}: {verdict})"
        )
    print(f"  load average at the end: {report['load_average']:.1f} (2 cores, shared)")


if __name__ == "__main__":
    main()
