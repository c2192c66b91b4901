"""The main screen's key table (the actions are on ``MainScreen``; ids are the keymap's)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

PANES = ("sources", "articles", "reader", "quotes", "contacts")
PANE_TITLES = {
    "sources": "Sources",
    "articles": "Articles",
    "reader": "Reader",
    "quotes": "Quotations",
    "contacts": "Contacts",
}


def _focus_binding(number: int, pane: str) -> Binding:
    return Binding(
        str(number),
        f"focus_pane('{pane}')",
        PANE_TITLES[pane],
        show=False,
        id=f"focus-{pane}",
        tooltip=f"Focus the {PANE_TITLES[pane].lower()} pane",
    )


MAIN_BINDINGS: list[BindingType] = [
    *(_focus_binding(n, pane) for n, pane in enumerate(PANES, 1)),
    Binding(
        "n",
        "next_unread",
        "Next unread",
        id="next-unread",
        tooltip="Open the next unread article (across sources)",
    ),
    Binding(
        "p",
        "previous_unread",
        "Prev unread",
        show=False,
        id="previous-unread",
        tooltip="Open the previous unread article (across sources)",
    ),
    Binding(
        "r",
        "toggle_read",
        "Read",
        show=False,
        id="toggle-read",
        tooltip="Mark the article read or unread",
    ),
    Binding("s", "toggle_star", "Star", id="toggle-star", tooltip="Star or unstar the article"),
    Binding(
        "A",
        "mark_read",
        "Mark all read",
        show=False,
        id="mark-source-read",
        tooltip="Mark every article of this source (or view) read",
    ),
    Binding(
        "o",
        "open_link",
        "Open link",
        show=False,
        id="open-link",
        tooltip="Open the article's link in the browser",
    ),
    Binding(
        "f",
        "full_text",
        "Full text",
        show=False,
        id="full-text",
        tooltip="Fetch the whole article when the feed carried only a summary",
    ),
    Binding(
        "slash",
        "search",
        "Search",
        id="search",
        tooltip="Full-text search over titles and text",
        # Handled as it arrives, ahead of the keys after it: otherwise those are already queued
        # to the article list, not the search field, when "/" and a query come as one burst (a
        # paste, a fast typist). MainScreen.check_action lets "/" through in the field.
        priority=True,
    ),
    Binding(
        "P",
        "people",
        "People",
        show=False,
        id="people",
        tooltip="Everyone quoted across all sources, and what each said",
    ),
    Binding(
        "R",
        "refresh",
        "Refresh",
        id="refresh",
        tooltip="Re-read feeds.toml, fetch feeds and re-read article files",
    ),
    Binding(
        "u",
        "toggle_unread_only",
        "Unread only",
        id="unread-only",
        tooltip="Show only unread articles, or all of them",
    ),
    Binding(
        "I",
        "toggle_ignored",
        "Ignored",
        show=False,
        id="show-ignored",
        tooltip="Show or hide the articles feeds.toml's [[ignore]] queries hide",
    ),
    Binding(
        "z",
        "toggle_maximize",
        "Maximise",
        show=False,
        id="maximize",
        tooltip="Maximise the focused pane, or restore it",
    ),
    Binding(
        "q",
        "back(True)",
        "Quit",
        id="back-quit",
        tooltip="Go back (restore, leave search, return to the list), else quit",
    ),
    Binding(
        "escape",
        "back(False)",
        "Back",
        show=False,
        id="back",
        tooltip="Go back: restore a maximised pane, leave search, return to the list",
    ),
]
