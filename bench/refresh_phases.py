"""Where a first refresh's time goes: CPU per process and the refreshing process's timeline.

    uv run python bench/refresh_phases.py [--feeds 200] [--items 50] [--rounds 2] [SRC ...]

Each round refreshes a fresh cache of the same generated feeds (0 ms, the shared serve.py on
127.0.0.1) once per ``SRC`` (a checkout's ``src``; default this tree's), the trees alternating.
Prints the wall time, the CPU of the whole process tree and of each process in it (the
refreshing process, multiprocessing's resource tracker, the fork server, the parse workers:
sampled from /proc), and the refreshing process's marks (wall and its own CPU, every thread):
imports done, the refresh called, the first fetch, the last feed recorded, the size of the
write-ahead log when the cache is closed, the exit. (The tracer imports the feed path before
the CLI starts, to wrap it: the HTTP stack loads before the parse pool starts, not beside it.)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, compile_bytecode, generate_feeds, shared_dir
from refresh import Server, TreeMemory, free_port, fresh_newsterm, stored_articles

TRACER = r"""
import os, sys, time
if __name__ == "__main__":
    T0, C0 = time.perf_counter(), time.process_time()
    marks = []
    def mark(what):
        marks.append((time.perf_counter() - T0, time.process_time() - C0, what))
    import newsterm.launch as launch
    from newsterm.store import repo
    from newsterm.ingest import feeds, fetch, service
    mark("imports done")
    real_refresh, real_fetch, real_apply, real_close = (
        service.refresh, fetch.Fetcher.fetch, feeds._apply, repo.Store.close)
    def refresh(*args, **kwargs):
        mark("refresh called"); return real_refresh(*args, **kwargs)
    async def first_fetch(self, *args, **kwargs):
        if not any(what == "first fetch" for _, _, what in marks): mark("first fetch")
        return await real_fetch(self, *args, **kwargs)
    last = []
    def apply(store, write):
        outcome = real_apply(store, write)
        last[:] = [(time.perf_counter() - T0, time.process_time() - C0, "last feed recorded")]
        return outcome
    def close(self):
        wal = Path(str(self.path) + "-wal")
        marks.extend(last)
        mark(f"closing, log {wal.stat().st_size / 1e6 if wal.exists() else 0:.1f} MB")
        real_close(self)
    from pathlib import Path
    service.refresh, fetch.Fetcher.fetch, feeds._apply, repo.Store.close = (
        refresh, first_fetch, apply, close)
    try:
        launch.main(sys.argv[1:])
    finally:
        mark("exit")
        for wall, cpu, what in marks:
            print(f"MARK {wall:.3f} {cpu:.3f} {what}", file=sys.stderr)
"""


def one(work: Path, feeds: Path, src: Path, port: int, bench: Path) -> None:
    fresh_newsterm(work, feeds, src)
    tracer = work / "tracer.py"
    tracer.write_text(TRACER, encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(src))
    command = [sys.executable, str(tracer), "--config", str(work / "feeds.toml")]
    command += ["--db", str(work / "cache.db"), "refresh"]
    server = Server(bench, feeds, port, 0)
    try:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True
        )
        names: dict[int, str] = {}
        with TreeMemory(process.pid) as memory:
            while process.poll() is None:
                for pid in memory._tree():
                    if pid not in names:
                        with contextlib.suppress(OSError):
                            names[pid] = Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
                time.sleep(0.02)
            _, err = process.communicate()
        wall = time.perf_counter() - start
    finally:
        server.stop()
    ticks = os.sysconf("SC_CLK_TCK")
    total = sum(memory.cpu_ticks.values()) / ticks
    print(
        f"{src}: wall {wall:.2f} s, CPU {total:.2f} s (tree), peak {memory.peak_kb / 1024:.0f} MB,"
        f" {stored_articles(work)} articles, load {os.getloadavg()[0]:.1f}"
    )
    for pid, used in sorted(memory.cpu_ticks.items()):
        name = names.get(pid, "")
        role = (
            "refreshing process"
            if pid == process.pid
            else "resource tracker"
            if "resource_tracker" in name
            else "fork server or worker"
            if "forkserver" in name
            else name[:40]
        )
        print(f"  {used / ticks:5.2f} s  {role}")
    for line in err.splitlines():
        if line.startswith("MARK "):
            _, wall_at, cpu_at, what = line.split(" ", 3)
            print(f"  {float(wall_at):6.3f} s wall {float(cpu_at):6.3f} s CPU  {what}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("src", nargs="*", type=Path, default=[ROOT / "src"])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    bench = shared_dir() / "bench"
    compile_bytecode()  # each tree's bytecode written once, not compiled by every process
    for src in args.src:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True)
    with tempfile.TemporaryDirectory(prefix="newsterm-phases-") as tmp:
        port = free_port()
        feeds = Path(tmp) / "feeds"
        generate_feeds(bench, feeds, args.feeds, args.items, port)
        for _ in range(args.rounds):
            for src in args.src:
                one(Path(tmp) / "work", feeds, src.resolve(), port, bench)


if __name__ == "__main__":
    main()
