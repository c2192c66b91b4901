"""The keys of the focused pane, on one line of the status bar (in place of Textual's Footer).

Textual's ``Footer`` mounts one widget per key and composes them again on every focus change;
this bar is one widget that draws the same keys as one line and redraws on those changes.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

KEY = "bold $footer-key-foreground"
DESCRIPTION = "$footer-description-foreground"


class KeyBar(Widget):
    """The shown keys of the focused widget and its screen, ``q Quit`` style; a click on one
    presses it. Unless compact, the keys are spaced out and the command palette's key shows
    at the right."""

    ALLOW_SELECT = False
    compact = reactive(False)

    def __init__(self, *, compact: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(KeyBar.compact, compact)
        self._spans: list[tuple[int, int, Binding, str]] = []
        """Each drawn key: its first and last column, its binding and tooltip."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def render(self) -> Content:
        wide = not self.compact
        active = self.screen.active_bindings
        parts: list[Content] = []
        spans: list[tuple[int, int, Binding, str]] = []
        x = 0
        seen: set[str] = set()
        for _node, binding, enabled, tooltip in active.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)  # (one key an action, as the Footer shows)
            key = self.app.get_key_display(binding)
            if wide:
                part = Content.assemble((f" {key} ", KEY), (f"{binding.description} ", DESCRIPTION))
            else:
                part = Content.assemble((key, KEY), (f" {binding.description}", DESCRIPTION), " ")
            if not enabled:
                part = part.stylize("dim")
            spans.append((x, x + part.cell_length, binding, tooltip or binding.tooltip))
            parts.append(part)
            x += part.cell_length
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if wide and palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            _node, binding, enabled, tooltip = palette
            part = Content.assemble(
                ("▏", "$foreground 20%"),
                (self.app.get_key_display(binding), KEY),
                (f" {binding.description}", DESCRIPTION),
                " ",
            )
            start = max(x, self.size.width - part.cell_length)
            parts.append(Content(" " * (start - x)))
            spans.append((start + 1, start + part.cell_length, binding, binding.tooltip))
            parts.append(part)
        self._spans = spans
        return Content("").join(parts)

    def _binding_at(self, x: int) -> tuple[Binding, str] | None:
        for start, end, binding, tooltip in self._spans:
            if start <= x < end:
                return binding, tooltip
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        found = self._binding_at(event.x)
        self.tooltip = found[1] or found[0].description if found else None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        found = self._binding_at(event.x)
        if found is not None:
            self.app.simulate_key(found[0].key.split(",")[0])
