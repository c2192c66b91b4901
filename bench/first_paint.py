"""First paint of the whole screen, keypress latency and memory of the app on article caches.

    uv run python bench/first_paint.py [--sizes 10000] [--runs 5] [--no-newsboat]
        [--configs bench,feeds200,shipped] [--compare OTHER_SRC]

Builds the caches with direct inserts (bench/out/; 200 sources, every article analysed, as
after the background analysis), compiles the bytecode, then times launches in a 200x50 tmux
pane (``paint_timer.py``): launch -> the newest title in the list (``list``) and launch -> the
whole screen (``all``), which is every one of ``WHOLE_SCREEN`` at once: the header, the sources
pane's rows with their counts, the list, the reader's and the quotations' and contacts' empty
messages, and the status bar's keys. Each feeds.toml of ``--configs`` is timed: ``bench`` (no
sources, refresh off), ``feeds200`` (the cache's 200 feeds with their titles and tags) and
``shipped`` (the feeds.toml newsterm installs on first run); each with refresh on start off,
as a bench fetches nothing. The floor (``floor_app.py``: Textual and a Line-API ScrollView of
as many rows, nothing else; its whole screen is its list) is launched in the same rounds, one
launch in turn with newsterm's, so both see the same minutes of a shared machine; the ratio
is newsterm's whole screen over the floor's (the aim: <= 1.3, peak RSS <= 80 MB).
``--compare`` launches another checkout's ``src`` (e.g. ``git archive`` of the commit before a
change) in the same rounds. newsboat (when installed) is timed to its feed list with the shared
harness (``tui_first_paint.sh``), and ``j`` keypress -> repaint on the largest cache.
Writes bench/out/first_paint.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from common import ROOT, compile_bytecode, shared_dir
from paint_timer import Conditions, time_screen

OUT = ROOT / "bench" / "out"
FEEDS = 200
BASE = datetime(2026, 3, 3, 12, 0, tzinfo=UTC).timestamp()
_VOCABULARY = (
    "council vote harbour plant coal minister said river treaty storm ports ferry grain "
    "harvest election observers calm talks resume northern coast prices forecast union "
    "steward families jobs decade mayor deciding review decision carefully banner hall"
)
WORDS = _VOCABULARY.split()


def title_of(i: int) -> str:
    return f"Bench story {i:06d} {WORDS[i % len(WORDS)]} {WORDS[(i * 7) % len(WORDS)]}"


def body_of(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(150))


def build_newsterm(path: Path, count: int) -> None:
    """A newsterm cache of ``count`` articles over FEEDS sources, by direct inserts."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsterm.extract.pipeline import ANALYSIS_VERSION
    from newsterm.models import SourceKind
    from newsterm.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(5)
    with Store.open(path) as store:
        ids = [
            store.upsert_source(
                SourceKind.FEED,
                feed_location(f),
                title=f"Bench Feed {f:04d}",
                tags=[f"tag{f % 8}"],
            ).id
            for f in range(FEEDS)
        ]
        conn = store.conn
        conn.execute("BEGIN")
        rows = []
        for i in range(count):
            published = BASE - i * 60
            rows.append(
                (
                    ids[i % FEEDS],
                    f"g{i}",
                    f"http://127.0.0.1/{i}",
                    title_of(i),
                    published,
                    published,
                    published,
                    body_of(rng),
                    int(rng.random() < 0.3),
                )
            )
            if len(rows) == 5000:
                _insert(conn, rows, ANALYSIS_VERSION)
                rows = []
        _insert(conn, rows, ANALYSIS_VERSION)
        conn.execute("COMMIT")


def _insert(conn: sqlite3.Connection, rows: list[tuple[object, ...]], analysed: int) -> None:
    conn.executemany(
        f"""INSERT INTO articles (source_id, guid, url, title, published, fetched_at, sort_key,
             body, read, word_count, reading_minutes, analysed_version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 150, 1, {int(analysed)})""",
        rows,
    )


def feed_location(f: int) -> str:
    return f"file:///bench/feed{f:04d}.xml"


def write_configs(folder: Path) -> dict[str, Path]:
    """The feeds.toml files timed, each with refresh on start off (a bench fetches nothing):
    none, the cache's 200 feeds, and the one newsterm installs on first run."""
    off = "[settings]\nrefresh_on_start = false\n"
    feeds = [
        f'[[feeds]]\nurl = "{feed_location(f)}"\ntitle = "Bench Feed {f:04d}"\n'
        f'tags = ["tag{f % 8}"]\n'
        for f in range(FEEDS)
    ]
    shipped = (ROOT / "feeds.toml").read_text(encoding="utf-8")
    shipped = shipped.replace("# refresh_on_start = true", "refresh_on_start = false")
    assert "refresh_on_start = false" in shipped
    texts = {"bench": off, "feeds200": off + "\n" + "\n".join(feeds), "shipped": shipped}
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / f"feeds-{name}.toml"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def build_newsboat(folder: Path, count: int, analyze: bool) -> Path:
    """A newsboat cache with the same articles: schema from newsboat itself, rows inserted."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("cache.db", "cache.db.lock"):
        (folder / name).unlink(missing_ok=True)
    seed = folder / "seed.xml"
    seed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>seed</title>'
        "<link>http://127.0.0.1/</link><description>x</description></channel></rss>",
        encoding="utf-8",
    )
    (folder / "config").write_text("max-items 0\n", encoding="utf-8")
    (folder / "seed-urls").write_text(f"file://{seed}\n", encoding="utf-8")
    subprocess.run(
        [
            "newsboat",
            "-u",
            str(folder / "seed-urls"),
            "-c",
            str(folder / "cache.db"),
            "-C",
            str(folder / "config"),
            "-x",
            "reload",
        ],
        check=True,
        capture_output=True,
    )
    urls = [feed_location(f) for f in range(FEEDS)]
    (folder / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
    rng = random.Random(5)
    conn = sqlite3.connect(folder / "cache.db")
    with conn:
        conn.execute("DELETE FROM rss_feed")
        conn.execute("DELETE FROM rss_item")
        conn.execute("DELETE FROM sqlite_stat1")
        conn.executemany(
            "INSERT INTO rss_feed (rssurl, url, title) VALUES (?, ?, ?)",
            [(u, "http://127.0.0.1/", f"Bench Feed {f:04d}") for f, u in enumerate(urls)],
        )
        conn.executemany(
            """INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread)
               VALUES (?, ?, '', ?, ?, ?, ?, ?)""",
            (
                (
                    f"g{i}",
                    title_of(i),
                    f"http://127.0.0.1/{i}",
                    urls[i % FEEDS],
                    int(BASE - i * 60),
                    body_of(rng),
                    int(rng.random() >= 0.3),
                )
                for i in range(count)
            ),
        )
    if analyze:
        conn.execute("ANALYZE")
    conn.close()
    return folder


def harness(command: str, text: str, runs: int, cols: int = 200, rows: int = 50) -> str:
    """The shared harness's output for ``runs`` launches of ``command`` (a line per run)."""
    script = shared_dir() / "bench" / "tui_first_paint.sh"
    env = {
        **os.environ,
        "RUNS": str(runs),
        "COLS": str(cols),
        "ROWS": str(rows),
        "QUIET_WAIT_S": os.environ.get("QUIET_WAIT_S", "20"),
        "TIMEOUT_S": "120",
    }
    result = subprocess.run(
        ["bash", str(script), command, text], capture_output=True, text=True, env=env
    )
    return "\n".join(ln for ln in result.stdout.splitlines() if ln.startswith("run="))


def summary(raw: str) -> dict:
    """Median, min and max first paint and median RSS of the harness's run lines."""
    times = [int(v) for v in re.findall(r"first_paint_ms=(\d+)", raw)]
    rss = [int(v) for v in re.findall(r"rss_main_kb=(\d+)", raw)]
    return {
        "first_paint_ms": int(statistics.median(times)) if times else -1,
        "min_ms": min(times, default=-1),
        "max_ms": max(times, default=-1),
        "rss_mb": round(statistics.median(rss) / 1024, 1) if rss else None,
        "raw": raw,
    }


def first_paint(command: str, text: str, runs: int) -> dict:
    """``runs`` launches of one command in a row."""
    return summary(harness(command, text, runs))


WHOLE_SCREEN = {
    "header": re.compile(r"\A[^\n]*newsterm"),
    "sources": re.compile(r"^│ All +[\d,]+ .*\n│ Unread +[\d,]+ ", re.M),
    "source_rows": re.compile(r"^│ +Bench Feed \d{4} +\d+", re.M),
    "list": re.compile(re.escape(title_of(0))),
    "reader": re.compile(r"Select an article and press Enter"),
    "extras": re.compile(r"No article open\.[^\n]*No article open\."),
    "status": re.compile(r"q Quit[^\n]*\? Help\s*\Z"),
}
"""What the whole screen shows at 200x50 (three columns): each must be on it at once."""


def interleaved(
    commands: dict[str, tuple[str, Conditions]], runs: int, quiet: float = 20
) -> dict[str, dict]:
    """``runs`` rounds of one launch of each command in turn: a shared machine's speed drifts
    by tens of milliseconds from one minute to the next, and so it drifts for all alike."""
    launches: dict[str, list[dict]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, conditions) in commands.items():
            launches[name].append(time_screen(command, conditions, quiet=quiet))
    out = {}
    for name, runs_of in launches.items():
        done = [r for r in runs_of if "all" in r]
        entry: dict[str, object] = {"runs": runs_of, "timeouts": len(runs_of) - len(done)}
        for key in ("list", "all"):
            values = [int(r[key]) for r in done]
            if values:
                entry[key] = _spread(values)
        rss = [float(r["rss_mb"]) for r in done if r.get("rss_mb")]
        entry["peak_rss_mb"] = max(rss, default=None)
        out[name] = entry
    return out


def _spread(values: list[int]) -> dict[str, int]:
    return {"median": int(statistics.median(values)), "min": min(values), "max": max(values)}


def ratios(timed: dict[str, dict], floor: str = "floor") -> dict[str, float]:
    """Each command's whole screen over the floor's: the ratio of the medians, and the median
    of the per-round ratios (launches of one round are seconds apart)."""
    out = {}
    floor_runs = timed[floor]["runs"]
    for name, entry in timed.items():
        if name == floor or "all" not in entry:
            continue
        pairs = [
            int(r["all"]) / int(f["all"])
            for r, f in zip(entry["runs"], floor_runs, strict=True)
            if "all" in r and "all" in f
        ]
        out[name] = round(entry["all"]["median"] / timed[floor]["all"]["median"], 2)
        out[name + " (per round)"] = round(statistics.median(pairs), 2) if pairs else -1
    return out


def key_latency(command: str, wait_text: str, presses: int = 30) -> dict:
    """Median time from ``tmux send-keys j`` to a changed screen (attributes included)."""
    sock = f"nt-key-{os.getpid()}"

    def tm(*args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", sock, "-f", "/dev/null", *args], capture_output=True, text=True
        ).stdout

    tm("new-session", "-d", "-s", "k", "-x", "200", "-y", "50", command)
    try:
        deadline = time.monotonic() + 60
        while wait_text not in tm("capture-pane", "-p", "-t", "k"):
            if time.monotonic() > deadline:
                return {"error": "never painted"}
            time.sleep(0.05)
        time.sleep(1.0)
        timings = []
        for _ in range(presses):
            before = tm("capture-pane", "-e", "-p", "-t", "k")
            start = time.perf_counter()
            tm("send-keys", "-t", "k", "j")
            while tm("capture-pane", "-e", "-p", "-t", "k") == before:
                if time.perf_counter() - start > 2:
                    break
            timings.append((time.perf_counter() - start) * 1000)
            time.sleep(0.05)
        # capture-pane itself costs a few ms: report it so the figure can be read honestly
        probe = time.perf_counter()
        for _ in range(10):
            tm("capture-pane", "-e", "-p", "-t", "k")
        capture_ms = (time.perf_counter() - probe) * 100
        return {
            "j_median_ms": round(statistics.median(timings), 1),
            "j_p90_ms": round(sorted(timings)[int(len(timings) * 0.9) - 1], 1),
            "capture_ms": round(capture_ms, 1),
        }
    finally:
        tm("kill-server")


def in_process(path: Path) -> dict:
    """Times of the queries the list makes on the UI thread."""
    from newsterm.store import ArticleFilter, Store

    with Store.open(path) as store:
        out = {}
        store_count = store.count_articles()
        for name, call in {
            "count_all_ms": lambda: store.count_articles(),
            "count_unread_ms": lambda: store.count_articles(ArticleFilter(unread_only=True)),
            "first_page_ms": lambda: store.list_articles(limit=100),
            "last_page_ms": lambda: store.list_articles_window(
                ArticleFilter(), offset=store_count - 100, limit=100, total=store_count
            ),
            "middle_page_keyset_ms": lambda: store.list_articles_after(
                ArticleFilter(), store_count // 2, limit=100
            ),
            "source_page_ms": lambda: store.list_articles(ArticleFilter(source_id=1), limit=100),
            "search_ms": lambda: store.search("harbour treaty", limit=500),
        }.items():
            start = time.perf_counter()
            call()
            out[name] = round((time.perf_counter() - start) * 1000, 1)
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--configs", default="bench,feeds200,shipped")
    parser.add_argument("--compare", type=Path, help="another checkout's src, in the same rounds")
    parser.add_argument("--no-newsboat", action="store_true")
    parser.add_argument("--no-keys", action="store_true")
    parser.add_argument("--quiet", type=float, default=20, help="idle gate: seconds at most")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    OUT.mkdir(parents=True, exist_ok=True)
    python = ROOT / ".venv" / "bin" / "python"
    newsterm = ROOT / ".venv" / "bin" / "newsterm"
    compile_bytecode()
    if args.compare:
        subprocess.run([sys.executable, "-m", "compileall", "-q", "-j", "0", str(args.compare)])
    configs = write_configs(OUT)
    use_newsboat = not args.no_newsboat and shutil.which("newsboat") is not None
    results: dict[str, object] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}",
        "load_before": os.getloadavg(),
        "sizes": {},
    }
    for count in sizes:
        db = OUT / f"bench-{count}.db"
        start = time.perf_counter()
        build_newsterm(db, count)
        build_s = time.perf_counter() - start
        # The build leaves up to 150 MB of dirty pages: written back while the app opens the
        # cache, they cost its first paints ~75 ms at 100k (none once on disk, as a user's is).
        os.sync()
        print(f"built {db.name} in {build_s:.1f}s", flush=True)
        newest = title_of(0)
        floor = shlex.join([str(python), str(ROOT / "bench" / "floor_app.py"), str(count), newest])
        commands: dict[str, tuple[str, Conditions]] = {
            "floor": (floor, {"list": WHOLE_SCREEN["list"]})
        }
        for name in args.configs.split(","):
            argv = [str(newsterm), "--config", str(configs[name]), "--db", str(db)]
            commands[name] = (shlex.join(argv), WHOLE_SCREEN)
            if args.compare:
                other = shlex.join(["env", f"PYTHONPATH={args.compare.resolve()}", *argv])
                commands[f"{name} (compared)"] = (other, WHOLE_SCREEN)
        entry: dict[str, object] = {"build_s": round(build_s, 1)}
        timed = interleaved(commands, args.runs, args.quiet)
        entry["screen"] = timed
        entry["ratios"] = ratios(timed)
        entry["queries"] = in_process(db)
        for name, one in timed.items():
            print(count, name, {k: one.get(k) for k in ("list", "all", "peak_rss_mb", "timeouts")})
        print(count, "whole screen / floor:", entry["ratios"], flush=True)
        if use_newsboat:
            for analyze in (False, True):
                folder = build_newsboat(OUT / f"newsboat-{count}-{int(analyze)}", count, analyze)
                nb = f"newsboat -u {folder}/urls -c {folder}/cache.db -C {folder}/config"
                runs = 1 if (count >= 100_000 and not analyze) else args.runs
                key = "newsboat_analyzed" if analyze else "newsboat"
                entry[key] = first_paint(nb, "Bench Feed 0000", runs)
                print(count, key, entry[key]["first_paint_ms"], flush=True)  # type: ignore[index]
        if count == max(sizes) and not args.no_keys:
            command = shlex.join(
                [str(newsterm), "--config", str(configs["bench"]), "--db", str(db)]
            )
            entry["keys"] = key_latency(command, newest)
            print(count, "keys", entry["keys"], flush=True)
        results["sizes"][str(count)] = entry  # type: ignore[index]
    results["load_after"] = os.getloadavg()
    (OUT / "first_paint.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print("load average before / after:", results["load_before"], results["load_after"])


if __name__ == "__main__":
    tempfile.tempdir = str(OUT)
    main()
