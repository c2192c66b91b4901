"""The header line: Textual's ``Header`` drawn by one widget.

``Header`` is four widgets (the icon, the title, the clock's space and itself), each styled,
laid out and drawn, with its own module and four default stylesheets to parse: ~27 M
instructions of the whole screen's first frame (bench/RESULTS.md, session 9). This draws the
same line: the icon in its 8 cells at the left, the app's title and sub-title centred between
it and the clock's 10 empty cells (the padding), cut with an ellipsis when too long.
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

ICON = "⭘"
ICON_CELLS = 8
"""The icon's cells at the left (a click there opens the command palette)."""


class TitleBar(Widget):
    """The app's title and the open article's title, with the command palette's icon."""

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._retitle, init=False)
        self.watch(self.app, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        return self.app.format_title(self.app.title, self.app.sub_title)

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        if crop.y == 0 and crop.x <= 1 < crop.right and lines:
            first = lines[0]
            x = 1 - crop.x  # the icon's cell in this crop (Header pads it by one)
            icon = Strip([Segment(ICON, self.rich_style)], 1)  # (the title's colours)
            lines[0] = Strip.join([first.crop(0, x), icon, first.crop(x + 1, first.cell_length)])
        return lines

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
