"""The Rich consoles of the command line (see :mod:`newsterm.output`, which loads this module
at the first use of one: Rich is imported only by commands that need it)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from newsterm.safe_text import clean


class SafeConsole(Console):
    """A Rich console that sanitises the text of every segment it renders.

    Rich's own control segments (cursor moves of a live progress bar) pass untouched; styles
    are added after this, so colours and bold still work.
    """

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        """Render as Rich does, then clean every text segment."""
        for segment in super().render(renderable, options):
            if segment.control:
                yield segment
                continue
            text = clean(segment.text)  # the same string back when there was nothing to clean
            yield segment if text is segment.text else Segment(text, segment.style)


console = SafeConsole(highlight=False)
"""Rich output on stdout."""
err_console = SafeConsole(stderr=True, highlight=False)
"""Rich output on stderr (the refresh progress bar)."""
