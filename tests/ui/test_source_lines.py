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


async def test_the_pane_draws_a_line_as_option_list_would() -> None:
    # SourceList draws its one-line names and counts itself (cheaper than OptionList's generic
    # path): the same segments, styles and offsets, for every state an option can be drawn in.
    from textual.app import App, ComposeResult
    from textual.widgets import OptionList
    from textual.widgets.option_list import Option

    from newsterm.ui.widgets.source_list import SourceList

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield SourceList(id="sources")

    lines = [
        CountLine(name, count, style, count_style)
        for name in ("All", "  City Hall", "  長い名前のフィード", "  " + "x" * 40)
        for count in (None, 7, 1234)
        for style, count_style in (("", "bold"), ("dim", "bold"), ("bold italic", ""))
    ]
    app = One()
    async with app.run_test(size=(40, 60)) as pilot:
        pane = app.query_one(SourceList)
        pane.clear_options()
        pane.add_options([Option(line, id=str(i)) for i, line in enumerate(lines)])
        await pilot.pause()
        width = pane.scrollable_content_region.width
        fast = [
            line.option_strip(
                width, pane.get_visual_style("option-list--option"), 1, 1, pane._get_style
            )
            for line in lines
        ]
        assert all(strip is not None for strip in fast)  # (the path compared below is ours)
        drawn = 0
        for component in (
            ("option-list--option",),
            ("option-list--option", "option-list--option-highlighted"),
        ):
            style = pane.get_visual_style(*component)
            for option in pane.options:
                pane._option_render_cache.clear()
                ours = pane._get_option_render(option, style)
                pane._option_render_cache.clear()
                theirs = OptionList._get_option_render(pane, option, style)
                assert [list(s) for s in ours] == [list(s) for s in theirs], option.prompt.plain
                drawn += 1
        assert drawn == 2 * len(lines)
