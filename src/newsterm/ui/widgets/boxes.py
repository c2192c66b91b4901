"""The main screen's layout boxes, drawn cheaply: the first frame draws every one of them.

Textual draws each widget's whole region, line by line, even where its children cover it: a
plain container cost as much to draw as a screenful of the article list. These boxes have no
content of their own, so their lines are alike and are drawn once.
"""

from __future__ import annotations

from textual.containers import Container, Horizontal, Vertical
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class BlankContainer(Container):
    """A container with no border or padding (drawn as blank lines: ``Widget.BLANK``)."""

    BLANK = True


class BlankVertical(Vertical):
    """A vertical box with no border or padding (drawn as blank lines: ``Widget.BLANK``)."""

    BLANK = True


class BlankHorizontal(Horizontal):
    """A horizontal box with no border or padding (drawn as blank lines: ``Widget.BLANK``)."""

    BLANK = True


class PaneBox(Widget):
    """Where a pane goes until it is mounted: its border and title around nothing.

    Only the top and bottom lines differ (the border's edges and title); the one line
    between them is drawn once and repeated. Its style must give it no padding.
    """

    def render_lines(self, crop: Region) -> list[Strip]:
        last = self.size.height - 1
        inner: Strip | None = None
        lines: list[Strip] = []
        for y in crop.line_range:
            if y in (0, last):
                lines += super().render_lines(Region(crop.x, y, crop.width, 1))
                continue
            if inner is None:
                inner = super().render_lines(Region(crop.x, y, crop.width, 1))[0]
            lines.append(inner)
        return lines
