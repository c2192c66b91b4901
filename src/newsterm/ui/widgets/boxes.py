"""The main screen's layout boxes, drawn cheaply: the first frame draws every one of them.

Textual draws each widget's whole region line by line, even where its children cover it: a
plain container cost as much to draw as a screenful of the article list. A box has no content
of its own and no padding, so only its top and bottom lines (a border, a title) can differ
from the others: those are drawn, and the one line between them is drawn once and repeated.
"""

from __future__ import annotations

from textual.containers import Container
from textual.geometry import Region
from textual.strip import Strip


class Box(Container):
    """A container, or the empty box a pane is mounted in place of (its style must give it no
    padding)."""

    def render_lines(self, crop: Region) -> list[Strip]:
        last = self.outer_size.height - 1
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
