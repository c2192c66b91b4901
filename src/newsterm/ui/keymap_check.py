"""The ``[keymap]`` check: a remapped key that another action already uses is named."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.binding import Binding

GLOBAL = "Everywhere"
"""The section whose keys work in every pane (so they clash with every pane's keys)."""
PANES = ("Articles", "Sources", "Reader", "Quotations", "Contacts")
"""The sections whose keys are live together with the global ones (search and help are not:
the search field types its keys, the help screen covers the rest)."""


def _keys(keys: str) -> set[str]:
    return {key.strip() for key in keys.split(",") if key.strip()}


def key_clashes(
    sections: Sequence[tuple[str, Sequence[Binding]]], keymap: Mapping[str, str]
) -> list[str]:
    """One line per remapped binding whose key another action also uses, saying which.

    Two bindings clash when they share a key and live in the same pane, or one of them is
    global; only clashes a remapped binding takes part in are reported (the defaults share
    keys on purpose, such as ``j`` in every pane).
    """
    live = [(name, b) for name, bindings in sections for b in bindings if b.id]
    live = [(name, b) for name, b in live if name == GLOBAL or name.startswith(PANES)]

    def keys_of(binding: Binding) -> set[str]:
        remapped = keymap.get(binding.id or "")
        return _keys(remapped) if remapped is not None else _keys(binding.key)

    lines: list[str] = []
    for name, binding in live:
        if binding.id not in keymap:
            continue
        for key in sorted(keys_of(binding)):
            others = [
                f"{other.description or other.action} ({other.id}, {where})"
                for where, other in live
                if other is not binding
                and key in keys_of(other)
                and (where == name or GLOBAL in (where, name))
            ]
            if others:
                lines.append(f"{binding.id} = {key!r} is also {', '.join(others)}")
    return lines
