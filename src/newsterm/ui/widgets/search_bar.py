"""The search field shown above the article list while searching."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Type words, press Enter: full-text search over titles and bodies."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-search", tooltip="Close the search"),
    ]

    class Cancelled(Message):
        """The user closed the search field."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(
            placeholder='Search: words, "phrases", prefix*, OR, -word, title: … then Enter',
            id=id,
            classes=classes,
            select_on_focus=True,
        )

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
