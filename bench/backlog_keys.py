"""`j` in the app while the analysis backlog runs: how long a keypress takes to show.

    uv run python bench/backlog_keys.py [--feeds 200] [--items 50] [--runs 2] [--presses 60]
        [--compare OTHER_CHECKOUT]

The cache is a refresh's (bench/backlog.py makes it: generated feeds served on 127.0.0.1,
every article stored and none analysed). The app is driven by Textual's Pilot at 160x45, in
a process of its own per run and checkout (interleaved): it starts over the cache and begins
the background analysis in its worker processes; once that runs, `j` is pressed ``--presses``
times, 30 ms apart, and each press is timed from the key to the screen's next composed update
(Pilot's press, then a forced refresh of the screen). The same is then measured over a cache
with no backlog (already analysed) for the figure to read it against. A bench, not a test:
nothing here asserts a time.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from backlog import fresh_copy, make_caches, parser_for, variants_of
from common import ROOT, compile_bytecode

DRIVE = """
import asyncio, json, sys, time
from datetime import UTC, datetime
from pathlib import Path
from newsterm.config import Config, Settings
from newsterm.ui.app import NewstermApp

async def main(db: Path, config_path: Path, presses: int) -> None:
    config = Config(path=config_path, settings=Settings(refresh_on_start=False))
    app = NewstermApp(db_path=db, config=config, config_path=config_path,
                      clock=lambda: datetime(2026, 12, 5, 12, tzinfo=UTC), opener=lambda u: True)

    def analysing() -> bool:
        return any(w.group == "analysis" and not w.is_finished for w in app.workers)

    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        deadline = time.monotonic() + 20
        while not analysing() and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.5)  # the workers started and busy
        times, during = [], 0
        for _ in range(presses):
            start = time.perf_counter()
            await pilot.press("j")
            await pilot.pause(0)
            times.append(time.perf_counter() - start)
            during += analysing()
            await asyncio.sleep(0.03)
        print(json.dumps({"ms": [t * 1000 for t in times], "during": during}))

asyncio.run(main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])))
"""


def drive(db: Path, config: Path, presses: int, src: Path | None) -> tuple[list[float], int]:
    """The press times (ms) of one app run, and how many came while the backlog ran."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join([str(src or ROOT / "src"), str(ROOT)])
    out = subprocess.run(
        [sys.executable, "-c", DRIVE, str(db), str(config), str(presses)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    found = json.loads(out.stdout.strip().splitlines()[-1])
    return found["ms"], int(found["during"])


def analyse_all(db: Path, src: Path | None) -> None:
    """Finish the backlog of ``db`` (for the no-backlog figure)."""
    env = dict(os.environ, PYTHONPATH=str(src or ROOT / "src"))
    code = "import sys; from pathlib import Path; from newsterm.ingest import backlog; "
    code += "backlog.finish(Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", code, str(db)], env=env, check=True)


def p90(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.9) - 1)]


def main() -> None:
    parser = parser_for(__doc__, runs=2)
    parser.add_argument("--presses", type=int, default=60)
    args = parser.parse_args()
    compile_bytecode()
    variants = variants_of(args.compare)
    tmp = Path(tempfile.mkdtemp(prefix="newsterm-keys-"))
    make_caches(tmp, args.feeds, args.items, variants)
    config = tmp / "feeds.toml"
    config.write_text("[settings]\nrefresh_on_start = false\n", encoding="utf-8")
    busy: dict[str, list[float]] = {name: [] for name, _ in variants}
    idle: dict[str, list[float]] = {name: [] for name, _ in variants}
    during: dict[str, list[int]] = {name: [] for name, _ in variants}
    for name, src in variants:
        fresh_copy(tmp / f"{name}.db", tmp / f"{name}-analysed.db")
        analyse_all(tmp / f"{name}-analysed.db", src)
    for _ in range(args.runs):
        for name, src in variants:
            run_db = tmp / f"{name}-run.db"
            fresh_copy(tmp / f"{name}.db", run_db)
            times, seen = drive(run_db, config, args.presses, src)
            busy[name] += times
            during[name].append(seen)
            fresh_copy(tmp / f"{name}-analysed.db", run_db)
            times, _ = drive(run_db, config, args.presses, src)
            idle[name] += times
    print(f"`j` on a {args.feeds * args.items:,}-article list, {args.presses} presses a run, ")
    print(f"{args.runs} runs, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    for name, _ in variants:
        b, i = busy[name], idle[name]
        print(
            f"{name:>8}: while the backlog runs median {statistics.median(b):.1f} ms, "
            f"p90 {p90(b):.1f} ms, max {max(b):.1f} ms (presses during it: {during[name]}); "
            f"no backlog median {statistics.median(i):.1f} ms, p90 {p90(i):.1f} ms"
        )
    print(f"  load average at the end: {os.getloadavg()[0]:.1f} (2 cores, shared)")


if __name__ == "__main__":
    main()
