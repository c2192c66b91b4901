"""A superseded search is given up: its SQLite query interrupted, its result never posted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.message import Message

from newsterm.ui.workers import Interrupt, search


def test_an_interrupted_search_posts_nothing(cache: Path) -> None:
    posted: list[Message] = []
    search(posted.append, cache, "storm", number=1)
    assert len(posted) == 1  # the same search, not interrupted, answers
    stop = Interrupt()
    stop.interrupt()
    search(posted.append, cache, "storm", number=2, stop=stop)
    assert len(posted) == 1


def test_interrupt_stops_a_running_query(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.db")
    stop = Interrupt()
    assert stop.attach(conn)

    def tick(x: int) -> int:
        if x == 10:
            stop.interrupt()  # as the UI thread does when a later search starts
        return x

    conn.create_function("tick", 1, tick)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        conn.execute(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000) "
            "SELECT COUNT(tick(x)) FROM c"
        ).fetchone()
    stop.detach()
    assert not stop.attach(conn)  # interrupted for good: a late start does no work
