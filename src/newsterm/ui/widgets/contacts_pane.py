"""The contacts pane: each author with an address and handle; Enter writes, c copies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from newsterm.models import Article

if TYPE_CHECKING:  # (the analysis records load with the first article shown)
    from newsterm.analysis import Contact

MAX_CELL = 200


def contacts_of(article: Article) -> list[Contact]:
    """The article's contacts, then its authors who have none."""
    from newsterm.analysis import Contact

    found = list(article.contacts)
    named = {c.name.casefold() for c in found if c.name}
    for author in article.authors:
        if author.casefold() not in named:
            found.append(Contact(name=author))
    return found


def contact_cell(contact: Contact) -> Text:
    """A contact as lines: the name (bold), the e-mail address, then a handle or link (dim)."""
    lines = [Text((contact.name or contact.email or "")[:MAX_CELL], style="bold")]
    if contact.email and contact.name:
        lines.append(Text(contact.email[:MAX_CELL]))
    if contact.handle or contact.url:
        lines.append(Text((contact.handle or contact.url or "")[:MAX_CELL], style="dim"))
    if len(lines) == 1:
        lines.append(Text("no address", style="italic dim"))
    return Text("\n").join(lines)


class ContactsPane(DataTable[Text]):
    """The authors of the open article and how to reach them."""

    ALLOW_MAXIMIZE = True

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="contacts-down"),
        Binding("k", "cursor_up", "Up", show=False, id="contacts-up"),
        Binding(
            "enter",
            "write",
            "Write",
            id="mail-contact",
            tooltip="Write to this author (opens a mailto: link in your mail program)",
        ),
        Binding(
            "c",
            "copy_address",
            "Copy address",
            id="copy-address",
            tooltip="Copy this author's e-mail address (or handle)",
        ),
    ]

    class OpenRequested(Message):
        """Open a link (a mailto: address) through the system's handler."""

        def __init__(self, pane: ContactsPane, url: str) -> None:
            super().__init__()
            self.pane = pane
            self.url = url
            """The link, checked by the app before it opens."""

        @property
        def control(self) -> ContactsPane:
            return self.pane

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(
            id=id, classes=classes, cursor_type="row", zebra_stripes=False, show_header=False
        )
        self.contacts: list[Contact] = []

    def on_mount(self) -> None:
        self.show(None)

    def show(self, article: Article | None) -> None:
        """List an article's contacts, one per row: the name, then each address on its own line.

        One column, so an address gets the pane's whole width instead of sharing it with the
        name and a mostly empty handle column (a 30-column pane cut addresses off).
        """
        self.clear(columns=True)
        self.add_column(Text("Contact"), key="contact")  # (a str label is parsed as markup)
        self.contacts = contacts_of(article) if article is not None else []
        self.set_class(not self.contacts, "-empty")
        self.show_cursor = bool(self.contacts)  # no highlight on the "No contacts" line
        if not self.contacts:
            text = "No contacts in this article." if article else "No article open."
            self.add_row(Text(text, style="italic dim"))
            return
        for contact in self.contacts:
            cell = contact_cell(contact)
            self.add_row(cell, height=len(cell.split()))

    @property
    def contact(self) -> Contact | None:
        """The highlighted contact."""
        if not self.contacts or not 0 <= self.cursor_row < len(self.contacts):
            return None
        return self.contacts[self.cursor_row]

    def action_write(self) -> None:
        from newsterm.links import mailto  # (on the first use)

        contact = self.contact
        link = mailto(contact.email) if contact else None
        if link is None:
            name = (contact.name if contact else None) or "this author"
            self.notify(f"No e-mail address for {name}.", severity="warning", markup=False)
            return
        self.post_message(self.OpenRequested(self, link))

    def action_copy_address(self) -> None:
        contact = self.contact
        address = contact and (contact.email or contact.handle or contact.url)
        if not address:
            self.notify("No address to copy.", severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(address)
        self.notify(address, title="Copied", markup=False)
