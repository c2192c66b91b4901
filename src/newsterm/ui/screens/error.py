"""Shown instead of the main screen when the cache cannot be opened."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static


class ErrorScreen(Screen[None]):
    """What went wrong, and how to fix it."""

    BINDINGS = [Binding("q,escape", "app.quit", "Quit", id="error-quit", tooltip="Quit newsterm")]

    def __init__(self, title: str, message: str, hint: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static(Content.styled(self.title_text, "bold $text-error"), id="error-title")
            yield Static(Content(self.message), id="error-message")
            yield Static(Content(self.hint), id="error-hint")
        yield Footer()
