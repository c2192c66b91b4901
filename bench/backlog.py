"""Analysis backlog benchmark: how long the analysis of a refresh's whole backlog takes.

    uv run python bench/backlog.py [--feeds 200] [--items 50] [--runs 3] [--workers 2]
        [--compare OTHER_CHECKOUT] [--instructions N]

Makes a cache the way a user gets one: the shared harness's ``genfeeds.py`` writes
feeds x items generated articles, ``serve.py`` serves them on 127.0.0.1, and ``newsterm
refresh`` (which stores articles unanalysed) fills the cache. Then, for each run and each
checkout in turn (interleaved, on a copy of that checkout's cache), it measures:

- ``newsterm reanalyse``: the whole command, as a user runs it (wall, CPU of the process
  tree with its workers, articles a second);
- ``backlog.finish`` alone on ``--workers`` worker processes (the app's background pass),
  timed inside its process: the pool's start and the backlog, not the interpreter's start.

It checks that every article was analysed, and that both checkouts left the same analysis
(bodies, authors, quotations and contacts, compared by article guid). Prints medians.

``--instructions N`` instead counts the instructions an article takes (valgrind's callgrind,
which a loaded machine does not move): ``backlog.finish`` in one thread over N of the
articles, less its start-up.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, compile_bytecode, shared_dir
from refresh import Server, TreeMemory, free_port, fresh_newsterm, newsterm, wait_quiet

FINISH = """
import sys, time
from pathlib import Path
start = time.perf_counter()
from newsterm.ingest import backlog
from newsterm.ingest.parse_pool import ParsePool
pool = ParsePool(int(sys.argv[2]))
try:
    done = backlog.finish(Path(sys.argv[1]), pool=pool)
finally:
    pool.close()
print(done, time.perf_counter() - start)
"""


def run_finish(db: Path, workers: int, src: Path | None) -> tuple[float, float, int]:
    """``backlog.finish`` in a fresh process: its own wall time (imports excluded), the CPU
    of the process tree, and how many articles it analysed."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(src if src is not None else ROOT / "src")
    process = subprocess.Popen(
        [sys.executable, "-c", FINISH, str(db), str(workers)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    with TreeMemory(process.pid) as tree:
        out, _ = process.communicate()
    assert process.returncode == 0, "backlog.finish failed"
    done, wall = out.split()
    cpu = sum(tree.cpu_ticks.values()) / os.sysconf("SC_CLK_TCK")
    return float(wall), cpu, int(done)


CALLGRIND = ("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null")
FINISH_HERE = """
import sys
from pathlib import Path
from newsterm.ingest import backlog
backlog.finish(Path(sys.argv[1]))
"""


def instructions(template: Path, work: Path, articles: int, src: Path | None) -> float:
    """Instructions an article of ``backlog.finish`` in the calling thread (no workers)
    takes, under callgrind: a run with ``articles`` waiting less one with none (the start-up).
    The rest of the cache is marked as analysed by a later version, so it is left alone."""

    def count(waiting: int) -> int:
        fresh_copy(template, work)
        with sqlite3.connect(work) as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
            conn.executemany(
                "UPDATE articles SET analysed_version = 1000 WHERE id = ?",
                [(i,) for i in ids[waiting:]],
            )
        done = subprocess.run(
            [*CALLGRIND, sys.executable, "-c", FINISH_HERE, str(work)],
            capture_output=True,
            text=True,
            check=True,
            env={
                "PYTHONPATH": str(src or ROOT / "src"),
                "PATH": "/usr/bin:/bin",
                "PYTHONHASHSEED": "0",
            },
        )
        found = re.search(r"Collected : (\d+)", done.stderr)
        assert found, done.stderr[-500:]
        return int(found.group(1))

    return (count(articles) - count(0)) / articles


def analysis_digest(db: Path) -> tuple[int, str]:
    """Articles left unanalysed, and a digest of every article's analysis keyed by guid (the
    search index is checked against the bodies first: it raises when they disagree)."""
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        left = conn.execute("SELECT COUNT(*) FROM articles WHERE analysed_version = 0").fetchone()[
            0
        ]
        digest = hashlib.sha256()
        rows = conn.execute(
            """SELECT a.guid, a.body, a.authors, a.credits, a.dateline, a.word_count,
                 (SELECT json_group_array(json_array(q.text, q.speaker, q.paragraph,
                         q.fragment, q.start)) FROM (SELECT * FROM quotes
                         WHERE article_id = a.id ORDER BY position) q),
                 (SELECT json_group_array(json_array(c.name, c.email, c.url, c.handle))
                    FROM (SELECT * FROM contacts WHERE article_id = a.id ORDER BY position) c)
               FROM articles a ORDER BY a.guid"""
        )
        for row in rows:
            digest.update(repr(row).encode())
    return int(left), digest.hexdigest()[:16]


def checkpointed_copy(source: Path, target: Path) -> None:
    """Copy a cache (its WAL folded in first)."""
    with sqlite3.connect(source) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(source, target)


def variants_of(compare: Path | None) -> list[tuple[str, Path | None]]:
    """This checkout (its name "this") and, with ``compare``, another's ``src`` first."""
    variants: list[tuple[str, Path | None]] = [("this", None)]
    if compare is not None:
        other = compare.resolve() / "src"
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(other)], check=True)
        variants.insert(0, ("compare", other))
    return variants


def make_caches(tmp: Path, feeds: int, items: int, variants: list[tuple[str, Path | None]]) -> None:
    """Write ``tmp/NAME.db`` for each variant: its own refresh of the generated feeds, every
    article stored and none analysed (``tmp/NAME`` is the folder its feeds.toml is in)."""
    bench = shared_dir() / "bench"
    port = free_port()
    subprocess.run(
        [sys.executable, str(bench / "genfeeds.py"), "--feeds", str(feeds), "--items",
         str(items), "--out", str(tmp / "feeds"), "--port", str(port)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    server = Server(bench, tmp / "feeds", port, 0)
    try:
        for name, src in variants:
            work = tmp / name
            fresh_newsterm(work, tmp / "feeds", src)
            _, _, code, _ = newsterm(work, "refresh", src=src)
            assert code == 0, "the refresh failed"
            checkpointed_copy(work / "cache.db", tmp / f"{name}.db")
    finally:
        server.stop()
    for name, _ in variants:
        left, _ = analysis_digest(tmp / f"{name}.db")
        assert left == feeds * items, f"{name}: {left} unanalysed articles, not {feeds * items}"


def fresh_copy(template: Path, target: Path) -> None:
    """``target`` (and no WAL of an earlier run) as a copy of ``template``."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, target)


def parser_for(description: str, runs: int) -> argparse.ArgumentParser:
    """The options of a backlog bench: the cache's size, the runs, the checkout compared."""
    parser = argparse.ArgumentParser(description=description.split("\n", 1)[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--compare", type=Path, help="another checkout to run interleaved")
    return parser


def main() -> None:
    parser = parser_for(__doc__, runs=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--instructions",
        type=int,
        default=0,
        metavar="N",
        help="count instructions an article over N articles, in one thread (callgrind)",
    )
    args = parser.parse_args()
    compile_bytecode()
    variants = variants_of(args.compare)
    tmp = Path(tempfile.mkdtemp(prefix="newsterm-backlog-"))
    articles = args.feeds * args.items
    if args.instructions:
        try:
            make_caches(tmp, args.feeds, args.items, variants)
            print(f"instructions an article, {args.instructions} articles, one thread:")
            for name, src in variants:
                per = instructions(tmp / f"{name}.db", tmp / "count.db", args.instructions, src)
                print(f"{name:>8}: {per / 1e6:.2f} million")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    figures: dict[str, dict[str, list[float]]] = {}
    digests: dict[str, set[tuple[int, str]]] = {}
    try:
        make_caches(tmp, args.feeds, args.items, variants)
        for name, _ in variants:
            figures[name] = {k: [] for k in ("wall", "cpu", "finish", "finish_cpu")}
            digests[name] = set()
        for _ in range(args.runs):
            for name, src in variants:
                work = tmp / name
                fresh_copy(tmp / f"{name}.db", work / "cache.db")
                wait_quiet(30)
                wall, _, code, cpu = newsterm(work, "reanalyse", src=src)
                assert code == 0, "reanalyse failed"
                digests[name].add(analysis_digest(work / "cache.db"))
                figures[name]["wall"].append(wall)
                figures[name]["cpu"].append(cpu)
                run_db = tmp / f"{name}-run.db"
                fresh_copy(tmp / f"{name}.db", run_db)
                wait_quiet(30)
                finish, finish_cpu, done = run_finish(run_db, args.workers, src)
                assert done == articles, f"{name}: backlog.finish analysed {done}"
                figures[name]["finish"].append(finish)
                figures[name]["finish_cpu"].append(finish_cpu)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{articles} articles ({args.feeds} feeds x {args.items}), median of {args.runs} runs")
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, ")
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    for name, row in figures.items():
        wall, cpu = statistics.median(row["wall"]), statistics.median(row["cpu"])
        finish = statistics.median(row["finish"])
        finish_cpu = statistics.median(row["finish_cpu"])
        print(
            f"{name:>8}: reanalyse {wall:.2f} s wall, {cpu:.2f} s CPU (tree), "
            f"{articles / wall:,.0f} articles/s; backlog.finish on {args.workers} workers "
            f"{finish:.2f} s wall, {finish_cpu:.2f} s CPU, {articles / finish:,.0f} articles/s"
        )
        print(f"          runs: {', '.join(f'{w:.2f}' for w in row['wall'])} / "
              f"{', '.join(f'{w:.2f}' for w in row['finish'])}")  # fmt: skip
    for name, seen in digests.items():
        for left, digest in seen:
            print(f"  {name}: {left} unanalysed after reanalyse; analysis digest {digest}")
    if len(digests) > 1:
        same = len({d for seen in digests.values() for _, d in seen}) == 1
        print(f"  same analysis in every checkout and run: {'yes' if same else 'NO'}")
    print(f"  load average at the end: {os.getloadavg()[0]:.1f} (2 cores, shared)")


if __name__ == "__main__":
    main()
