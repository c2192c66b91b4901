"""The search field shown above the article list while searching."""

from __future__ import annotations

from contextlib import AbstractContextManager

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input


class SearchBar(Input):
    """Type words, press Enter: full-text search over titles and bodies."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-search", tooltip="Close the search"),
    ]

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """The typed text's width (Input sets it at every key). Textual's declares a new layout
    of the screen when it changes, about 10 ms at every key for a field whose own size never
    follows its text: here a key repaints the field, and the frame that shows it is not late
    for the list searched as typed."""

    class Cancelled(Message):
        """The user closed the search field."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(
            placeholder='Search: words, "phrases", prefix*, OR, -word, title: … then Enter',
            id=id,
            classes=classes,
            select_on_focus=True,
        )
        self._held: AbstractContextManager[None] | None = None

    def watch_value(self, value: str) -> None:
        """Hold the screen's frames from a typed change until the screen has searched it
        (:meth:`release`): ``Changed`` reaches the screen a few message hops later, and a
        frame drawn between would show the key without its results, putting them a frame
        later."""
        if self.has_focus and self._held is None:
            self._held = self.app.batch_update()
            self._held.__enter__()

    def release(self) -> None:
        """Let frames be drawn again: the screen has handled what was typed."""
        if self._held is not None:
            held, self._held = self._held, None
            held.__exit__(None, None, None)

    def _on_blur(self, event: events.Blur) -> None:
        self.release()

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
