"""The floor for first paint: a bare Textual app whose one widget is a Line-API ScrollView
of N rows, drawn from nothing but an index (no cache, no styles of its own).

    python bench/floor_app.py [ROWS [FIRST-ROW-TEXT]]

The issue's reference point ("a bare Line-API ScrollView holding 100k rows painted in
0.46 s"): interpreter start, Textual's import and one frame. ``first_paint.py`` times it
with the same harness, one run in turn with newsterm's, so both see the same machine.
"""

from __future__ import annotations

import gc
import sys

gc.disable()  # as newsterm's launcher does until its first frame

from rich.segment import Segment  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.geometry import Size  # noqa: E402
from textual.scroll_view import ScrollView  # noqa: E402
from textual.strip import Strip  # noqa: E402


class Rows(ScrollView):
    """``count`` rows ("Bench story NNNNNN", the first one ``first``), drawn where visible."""

    def __init__(self, count: int, first: str) -> None:
        super().__init__()
        self.virtual_size = Size(80, count)
        self.first = first

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        if index >= self.virtual_size.height:
            return Strip.blank(self.size.width)
        text = self.first if index == 0 else f"Bench story {index:06d}"
        return Strip([Segment(text)]).adjust_cell_length(self.size.width)


class Floor(App[None]):
    def __init__(self, count: int, first: str) -> None:
        super().__init__()
        self.count = count
        self.first = first

    def compose(self) -> ComposeResult:
        yield Rows(self.count, self.first)

    def on_mount(self) -> None:
        self.call_after_refresh(gc.enable)  # after the first frame, as newsterm does


if __name__ == "__main__":
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    Floor(rows, sys.argv[2] if len(sys.argv) > 2 else "Bench story 000000").run()
