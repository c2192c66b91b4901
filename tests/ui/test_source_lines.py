"""The sources pane's lines: a name and its count laid out for the width they are drawn at."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsterm.ui.widgets.source_list import CountLine


def _as_rich_grid(name: str, count: int | None, width: int) -> str:
    """The line as the pane drew it before, with a Rich grid (name, then count right-aligned)."""
    grid = Table.grid(expand=True, padding=(0, 0, 0, 1))
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    grid.add_row(Text(name), Text(str(count) if count else ""))
    console = Console(width=width, file=None, color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(grid, end="")
    return capture.get().rstrip("\n")


def test_a_line_fills_its_width_with_the_count_right_aligned() -> None:
    assert CountLine("  City Hall", 12, "", "bold").line(20).plain == "  City Hall       12"
    assert CountLine("All", None, "bold", "").line(10).plain == "All       "


def test_a_long_name_is_cut_with_an_ellipsis_and_keeps_its_count() -> None:
    line = CountLine("  A very long feed title indeed", 345, "", "bold").line(20)
    assert line.plain == "  A very long f… 345"
    assert line.cell_length == 20


def test_lines_match_the_rich_grid_they_replace() -> None:
    for name in ("All", "  City Hall", "  長い名前のフィード", "  " + "x" * 40):
        for count in (None, 0, 7, 1234):
            for width in (8, 12, 24, 26):
                ours = CountLine(name, count, "", "").line(width).plain
                assert ours == _as_rich_grid(name, count, width), (name, count, width)


def test_plain_is_the_name_and_the_count() -> None:
    assert CountLine("  Storms", 2, "", "bold").plain == "  Storms 2"
    assert CountLine("★ Starred", 0, "bold", "").plain == "★ Starred"
