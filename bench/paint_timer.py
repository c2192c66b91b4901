"""Time a TUI in tmux from launch until what it shows meets each of a set of conditions.

The shared harness (``tui_first_paint.sh``) waits for one string; "the whole screen" is several
at once (a pane's rows with their counts, the status bar, ...), so this polls ``tmux
capture-pane`` the same way and notes when each named condition first holds. Launch time is
stamped inside the pane right before ``exec`` of the command, as the shared harness does.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from common import wait_quiet

Conditions = Mapping[str, re.Pattern[str]]
"""Name -> a pattern the captured screen must match (``re.search``, multi-line text)."""


def peak_rss_kb(pid: int) -> int:
    """The largest peak RSS (VmHWM) of a process and its descendants, in KiB."""
    peak, queue = 0, [pid]
    while queue:
        current = queue.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        if match := re.search(r"VmHWM:\s+(\d+)", status):
            peak = max(peak, int(match.group(1)))
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                queue += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
    return peak


def time_screen(
    command: str,
    conditions: Conditions,
    *,
    cols: int = 200,
    rows: int = 50,
    timeout: float = 60.0,
    poll: float = 0.01,
    settle: float = 1.0,
    quiet: float = 20.0,
) -> dict[str, object]:
    """One launch of ``command``: ms from launch to each condition's first match (absent when
    it never held), ``all`` when every one held at once, the busy cores before the launch
    (idle gate), and the peak RSS ``settle`` s after ``all`` (``rss_mb``)."""
    busy = wait_quiet(quiet)
    sock = f"paint-{os.getpid()}"
    with tempfile.TemporaryDirectory() as tmp:
        stamp = Path(tmp) / "stamp"
        wrapper = f"date +%s%N > {shlex.quote(str(stamp))}; exec {command}"

        def tm(*args: str) -> str:
            return subprocess.run(
                ["tmux", "-L", sock, "-f", "/dev/null", *args], capture_output=True, text=True
            ).stdout

        tm("new-session", "-d", "-s", "p", "-x", str(cols), "-y", str(rows), wrapper)
        seen: dict[str, int] = {}
        screen = ""
        try:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                screen = tm("capture-pane", "-p", "-t", "p")
                now = time.time_ns()
                for name, pattern in conditions.items():
                    if name not in seen and pattern.search(screen):
                        seen[name] = now
                if all(pattern.search(screen) for pattern in conditions.values()):
                    seen["all"] = now
                    break
                time.sleep(poll)
            start = int(stamp.read_text()) if stamp.exists() else 0
            result: dict[str, object] = {
                name: round((at - start) / 1e6) for name, at in seen.items()
            }
            result["busy_cores"] = round(busy, 2)
            if "all" in seen:
                time.sleep(settle)
                pid = int(tm("display-message", "-p", "-t", "p", "#{pane_pid}").strip() or 0)
                result["rss_mb"] = round(peak_rss_kb(pid) / 1024, 1) if pid else None
            else:
                result["screen"] = screen
            return result
        finally:
            tm("kill-server")
