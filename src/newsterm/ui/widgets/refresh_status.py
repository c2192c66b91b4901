"""Refresh progress, shown at the right of the footer, with the sync changes still to send."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class RefreshStatus(Static):
    """``Refreshing 3/12 · BBC News`` while a refresh runs; its outcome afterwards; and
    ``· 3 to sync`` while changes made here wait for the sync server."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Content(""), id=id, markup=False)
        self.running = False
        """True while a refresh runs."""
        self._text = Content("")
        self._waiting = 0

        self.analysing_shown = False
        """True while the status shows the background analysis's progress."""

    def _show(self, text: Content) -> None:
        self._text = text
        if self._waiting:
            text = text + Content.styled(f" · {self._waiting} to sync", "$text-warning")
        self.update(text)

    def waiting(self, count: int) -> None:
        """How many read/starred changes wait for the sync server."""
        if count != self._waiting:
            self._waiting = count
            self._show(self._text)

    def started(self, total: int) -> None:
        """A refresh of ``total`` sources began."""
        self.running = True
        self._show(Content.styled(f"⟳ Refreshing 0/{total}", "$text-accent"))

    def progress(self, done: int, total: int, title: str, new: int) -> None:
        """Another source is done."""
        text = Content.styled(f"⟳ Refreshing {done}/{total}", "$text-accent")
        text = text + Content(f" · {new} new · " + title[:40])
        self._show(text)

    def analysing(self, done: int, total: int) -> None:
        """The analysis after a refresh (or after an upgrade) has done ``done`` of ``total``."""
        self.analysing_shown = True
        self._show(Content.styled(f"analysing {done:,}/{total:,}", "$text-muted"))

    def analysed(self) -> None:
        """The background analysis ended: its note goes (a refresh's outcome stays)."""
        if self.analysing_shown and not self.running:
            self._show(Content(""))
        self.analysing_shown = False

    def finished(self, new: int, failed: int, cancelled: bool = False) -> None:
        """The refresh ended."""
        self.running = False
        self.analysing_shown = False
        if cancelled:
            self._show(Content.styled("Refresh cancelled", "$text-warning"))
            return
        text = Content(f"✓ {new} new")
        if failed:
            text = text + Content.styled(f" · {failed} failed", "$text-error")
        self._show(text)

    def failed(self, message: str) -> None:
        """The refresh could not run."""
        self.running = False
        self._show(Content.styled("Refresh failed", "$text-error"))
