"""Helpers shared by the app tests."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerCancelled


async def settle(pilot: Pilot[Any], rounds: int = 3) -> None:
    """Let queued writes, workers and the messages they post all finish."""
    app: Any = pilot.app
    for _ in range(rounds):
        await asyncio.to_thread(app.writer.flush)
        for worker in list(app.workers):
            # an exclusive worker superseded by a newer one (a second sources load) is
            # cancelled: that is the app working, not a failure to report
            with contextlib.suppress(WorkerCancelled):
                await worker.wait()
        await pilot.pause()


def line_text(widget: Any, y: int) -> str:
    """The text of one rendered line of a Line-API widget."""
    return widget.render_line(y).text
