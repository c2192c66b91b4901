"""A help screen listing every binding, with the keys in effect (after the user's keymap)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

Section = tuple[str, Sequence[Binding]]


def key_names(binding: Binding, keymap: Mapping[str, str], display: object) -> str:
    """The keys of a binding after the keymap, as the user would type them."""
    keys = keymap.get(binding.id or "", binding.key) if binding.id else binding.key
    get_display = getattr(display, "get_key_display", None)
    names = []
    for key in keys.split(","):
        key = key.strip()
        if not key:
            continue
        names.append(get_display(Binding(key, "")) if get_display else key)
    return " ".join(names)


class HelpScreen(ModalScreen[None]):
    """Every binding by pane: keys, what they do, and the id to use in ``[keymap]``."""

    BINDINGS = [
        Binding(
            "escape,q,question_mark", "dismiss", "Close", id="close-help", tooltip="Close help"
        ),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="help-down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="help-up"),
    ]

    def __init__(self, sections: Sequence[Section], keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.sections = sections
        self.keymap = keymap
        self.rows: list[tuple[str, str, str, str]] = []
        """(section, keys, action, id) for every binding listed."""

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("Keys", no_wrap=True, style="bold", min_width=14)
        table.add_column("Action", ratio=1)
        table.add_column("Keymap id", no_wrap=True, style="dim")
        seen: set[str] = set()
        for title, bindings in self.sections:
            listed = [b for b in bindings if b.id and b.id not in seen]
            if not listed:
                continue
            table.add_row(Text(""), Text(""), Text(""))
            table.add_row(Text(title, style="bold underline"), Text(""), Text(""))
            for binding in listed:
                seen.add(binding.id or "")
                keys = key_names(binding, self.keymap, self.app)
                action = binding.tooltip or binding.description
                self.rows.append((title, keys, action, binding.id or ""))
                table.add_row(Text(keys), Text(action), Text(binding.id or ""))
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = Content("Keys · Esc to close")
            yield Static(
                Content(
                    'Remap any key in the [keymap] table of feeds.toml, e.g.  refresh = "ctrl+r"'
                ),
                classes="help-intro",
            )
            yield Static(table)

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one("#help", VerticalScroll)
        if direction == "down":
            scroll.scroll_down()
        else:
            scroll.scroll_up()
