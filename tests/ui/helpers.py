"""Helpers shared by the app tests."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.pilot import Pilot


async def settle(pilot: Pilot[Any], rounds: int = 3) -> None:
    """Let queued writes, workers and the messages they post all finish."""
    app: Any = pilot.app
    for _ in range(rounds):
        await asyncio.to_thread(app.writer.flush)
        await app.workers.wait_for_complete()
        await pilot.pause()


def line_text(widget: Any, y: int) -> str:
    """The text of one rendered line of a Line-API widget."""
    return widget.render_line(y).text
