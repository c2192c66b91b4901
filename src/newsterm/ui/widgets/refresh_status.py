"""Refresh progress, shown at the right of the footer."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class RefreshStatus(Static):
    """``Refreshing 3/12 · BBC News`` while a refresh runs; its outcome afterwards."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Content(""), id=id, markup=False)
        self.running = False
        """True while a refresh runs."""
        self.analysing_shown = False
        """True while the status shows the background analysis's progress."""

    def started(self, total: int) -> None:
        """A refresh of ``total`` sources began."""
        self.running = True
        self.update(Content.styled(f"⟳ Refreshing 0/{total}", "$text-accent"))

    def progress(self, done: int, total: int, title: str, new: int) -> None:
        """Another source is done."""
        text = Content.styled(f"⟳ Refreshing {done}/{total}", "$text-accent")
        text = text + Content(f" · {new} new · " + title[:40])
        self.update(text)

    def analysing(self, done: int, total: int) -> None:
        """The analysis after a refresh (or after an upgrade) has done ``done`` of ``total``."""
        self.analysing_shown = True
        self.update(Content.styled(f"analysing {done:,}/{total:,}", "$text-muted"))

    def analysed(self) -> None:
        """The background analysis ended: its note goes (a refresh's outcome stays)."""
        if self.analysing_shown and not self.running:
            self.update(Content(""))
        self.analysing_shown = False

    def finished(self, new: int, failed: int, cancelled: bool = False) -> None:
        """The refresh ended."""
        self.running = False
        self.analysing_shown = False
        if cancelled:
            self.update(Content.styled("Refresh cancelled", "$text-warning"))
            return
        text = Content(f"✓ {new} new")
        if failed:
            text = text + Content.styled(f" · {failed} failed", "$text-error")
        self.update(text)

    def failed(self, message: str) -> None:
        """The refresh could not run."""
        self.running = False
        self.update(Content.styled("Refresh failed", "$text-error"))
