"""Print docs/keys.md: every binding of the app, from the code (so the table cannot drift).

uv run python scripts/keys_table.py > docs/keys.md
"""

from __future__ import annotations

from pathlib import Path

from newsterm.ui.app import NewstermApp

app = NewstermApp(db_path=Path("unused.db"))
print("# Keys\n")
print("Every key can be remapped by its id in the `[keymap]` table of feeds.toml, e.g.")
print('`refresh = "ctrl+r"` (several keys: `"j,down"`). `?` shows this table in the app.\n')
print("| where | keys | action | keymap id |")
print("|---|---|---|---|")
for section, bindings in app.binding_sections():
    for binding in bindings:
        keys = " / ".join(f"`{k.strip()}`" for k in binding.key.split(","))
        action = binding.tooltip or binding.description
        print(f"| {section} | {keys} | {action} | `{binding.id}` |")
    if section == "Everywhere":
        print("| Everywhere | `tab` / `shift+tab` | Focus the next / previous pane (Textual) | — |")
