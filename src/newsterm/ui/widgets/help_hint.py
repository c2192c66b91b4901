"""The `? Help` hint at the right of the status bar, shown at every width."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static


class HelpHint(Static):
    """``? Help``: the one key a narrow footer must never lose (a click opens the help too)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Content.assemble(("?", "bold $footer-key-foreground"), " Help"), id=id)

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.app.run_action("help")
