"""Instructions from launch to the first frame that shows the newest title (callgrind).

    python bench/first_frame_instructions.py [--db bench/out/bench-10000.db] [--floor]
        [--config FEEDS.TOML] [--whole]

``--whole``: until the whole screen has been drawn (``WHOLE``: the sources, reader,
quotations and status bar too, in that frame or an earlier one).

Wall-clock first paints move by tens of milliseconds on a shared machine; instruction
counts do not (±0.1 %). The app runs in a 200x50 tmux pane (a real terminal, as in
``first_paint.py``) under ``valgrind --tool=callgrind``, exactly as ``newsterm --config
--db`` starts it, except that ``App._display`` is wrapped: the process exits as soon as a
frame holding the title has been handed to the terminal. ``--floor`` measures the floor
(``floor_app.py``: Textual and one Line-API ScrollView of 10,000 rows) the same way. Needs
valgrind and tmux, and the caches ``first_paint.py`` builds; the bytecode is compiled first,
or the count would include the compiler.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, compile_bytecode

TITLE = "Bench story 000000"

RUNNER = """
import os, sys
from textual.app import App

_display = App._display

def display(self, screen, renderable):
    driver, seen = self._driver, []
    if driver is not None:
        write = driver.write
        driver.write = lambda data: (seen.append(data), write(data))[1]
    try:
        _display(self, screen, renderable)
    finally:
        if driver is not None:
            driver.write = write
    for marker in list(MARKERS):
        if any(marker in data for data in seen):
            MARKERS.remove(marker)
    if not MARKERS:
        getattr(self.stylesheet, "keep", lambda: None)()  # (as the app does after its frame)
        os._exit(0)

App._display = display

def _stop_at(where):
    # exit as `where` ("module:Class.method") is first called: the count to that point
    module, _, path = where.partition(":")
    owner_path, _, name = path.rpartition(".")

    def patch(mod):
        owner = mod
        for part in filter(None, owner_path.split(".")):
            owner = getattr(owner, part)
        setattr(owner, name, lambda *args, **kwargs: os._exit(0))

    if module in sys.modules:
        return patch(sys.modules[module])

    class Finder:
        @staticmethod
        def find_spec(fullname, path=None, target=None):
            if fullname != module:
                return None
            sys.meta_path.remove(Finder)
            import importlib.util

            spec = importlib.util.find_spec(fullname)
            exec_module = spec.loader.exec_module

            def run(mod):
                exec_module(mod)
                patch(mod)

            spec.loader.exec_module = run
            return spec

    sys.meta_path.insert(0, Finder)

if STOP:
    _stop_at(STOP)
"""

NEWSTERM = """
from newsterm.launch import main
main(sys.argv[1:])
"""

FLOOR = """
sys.path.insert(0, BENCH)
from floor_app import Floor

Floor(10_000, TITLE).run()
"""


WHOLE = ["#tag0", "Select an article and press Enter", "No article open.", "Quit", "Help"]
"""With ``--whole``, what else must have been drawn: a tag of the sources pane (there once the
sources are read), the reader's and the quotations' empty messages and the status bar's keys."""


def measure(
    args: list[str],
    floor: bool,
    title: str,
    whole: bool = False,
    stop: str | None = None,
    keep: Path | None = None,
) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "runner.py"
        body = FLOOR if floor else NEWSTERM
        markers = [title, *WHOLE] if whole and not floor else [title]
        header = f"TITLE = {title!r}\nBENCH = {str(ROOT / 'bench')!r}\nMARKERS = {markers!r}\n"
        header += f"STOP = {stop!r}\n"
        script.write_text(header + RUNNER + body, encoding="utf-8")
        out = Path(tmp) / "callgrind.out"
        command = shlex.join(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                "--separate-threads=yes",
                f"--log-file={Path(tmp) / 'valgrind.log'}",
                sys.executable,
                str(script),
                *args,
            ]
        )
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONHASHSEED"] = "0"
        sock = f"ffi-{os.getpid()}"
        tmux = ["tmux", "-L", sock, "-f", "/dev/null"]
        subprocess.run(
            [*tmux, "new-session", "-d", "-s", "m", "-x", "200", "-y", "50", command],
            check=True,
            env=env,
        )
        try:
            while (
                subprocess.run([*tmux, "has-session", "-t", "m"], capture_output=True).returncode
                == 0
            ):
                time.sleep(0.5)
        finally:
            subprocess.run([*tmux, "kill-server"], capture_output=True)
        outs = sorted(Path(tmp).glob("callgrind.out*"))
        counts = []
        for one in outs:  # one file a thread (the main thread's, then the sources reader's...)
            found = re.search(r"^summary: (\d+)", one.read_text(errors="replace"), re.M)
            counts += [int(found.group(1))] if found else []
            if keep is not None:
                shutil.copy(one, keep.with_name(keep.name + one.name.removeprefix("callgrind.out")))
        if not counts:
            raise SystemExit("no callgrind summary: did the app draw the title?")
        if len(counts) > 1:
            print("by thread: " + ", ".join(f"{c / 1e6:,.1f} M" for c in counts))
        return sum(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=str(ROOT / "bench" / "out" / "bench-10000.db"))
    parser.add_argument("--config", default=str(ROOT / "bench" / "out" / "feeds-bench.toml"))
    parser.add_argument("--floor", action="store_true", help="the floor app (floor_app.py)")
    parser.add_argument("--title", default=TITLE)
    parser.add_argument("--whole", action="store_true", help="until the whole screen is drawn")
    parser.add_argument(
        "--stop-at",
        metavar="MODULE:QUALNAME",
        help="exit when this function is first called instead (a phase's cumulative count, "
        "e.g. newsterm.ui.screens.main:MainScreen.on_mount)",
    )
    parser.add_argument("--keep", type=Path, help="keep callgrind's output files, as KEEP-NN")
    options = parser.parse_args()
    compile_bytecode()
    args = [] if options.floor else ["--config", options.config, "--db", options.db]
    count = measure(
        args, options.floor, options.title, options.whole, options.stop_at, options.keep
    )
    print(f"{'floor' if options.floor else options.db}: {count / 1e6:,.1f} M instructions")


if __name__ == "__main__":
    main()
