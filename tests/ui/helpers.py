"""Helpers shared by the app tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerCancelled


async def wait_for_workers(app: Any) -> None:
    """Wait for every worker; one cancelled because a newer exclusive one replaced it is fine
    (the app does that on purpose: a second source reload supersedes the first)."""
    results = await asyncio.gather(
        *(worker.wait() for worker in list(app.workers)), return_exceptions=True
    )
    for result in results:
        if isinstance(result, BaseException) and not isinstance(result, WorkerCancelled):
            raise result


async def settle(pilot: Pilot[Any], rounds: int = 3) -> None:
    """Let queued writes, workers and the messages they post all finish."""
    app: Any = pilot.app
    for _ in range(rounds):
        await asyncio.to_thread(app.writer.flush)
        await wait_for_workers(app)
        await pilot.pause()


async def settle_until(
    pilot: Pilot[Any], condition: Callable[[], bool], *, timeout: float = 120.0
) -> None:
    """Settle until ``condition()`` holds; fail after ``timeout`` seconds.

    For outcomes that arrive through a chain of workers and timers, which a fixed number of
    settle rounds may not cover on a loaded machine.
    """
    deadline = time.monotonic() + timeout
    while True:
        await settle(pilot, rounds=1)
        if condition():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout:g} s: {condition}")
        await asyncio.sleep(0.05)


def notes(app: Any) -> str:
    """Every notification the app shows, one "title message" a line (they stay for the whole
    test: see the ``notifications_stay`` fixture)."""
    return "\n".join(f"{n.title} {n.message}" for n in app._notifications)


def line_text(widget: Any, y: int) -> str:
    """The text of one rendered line of a Line-API widget."""
    return widget.render_line(y).text
