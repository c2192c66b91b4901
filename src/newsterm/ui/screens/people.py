"""The people screen: everyone quoted across all sources, and what each of them said.

Type to filter by name (the index is read once, when the screen opens, and filtered in
memory); the highlighted person's quotations show beside the list, newest first; Enter on a
quotation opens its article at that quotation (the screen's result).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from newsterm.store.people import Person, named, spellings
from newsterm.store.results import QuoteHit
from newsterm.timefmt import counted
from newsterm.ui.messages import PeopleLoaded, PersonQuotesLoaded, StoreFailed
from newsterm.ui.workers import PEOPLE_LIMIT, load_people, load_person_quotes

MAX_QUOTE = 600


@dataclass(frozen=True, slots=True)
class QuotePlace:
    """Where a chosen quotation is: its article and its place among the article's quotations."""

    article_id: int
    position: int


class PeopleList(OptionList):
    """The people quoted, with how widely."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="people-down"),
        Binding("k", "cursor_up", "Up", show=False, id="people-up"),
        Binding(
            "enter,l,right",
            "screen.go('person-quotes')",
            "Quotations",
            id="people-quotes",
            tooltip="Go to this person's quotations",
        ),
    ]


class PersonQuotes(OptionList):
    """The highlighted person's quotations, newest first."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="person-quotes-down"),
        Binding("k", "cursor_up", "Up", show=False, id="person-quotes-up"),
        Binding(
            "h,left",
            "screen.go('people-list')",
            "People",
            show=False,
            id="person-quotes-back",
            tooltip="Back to the people",
        ),
        Binding(
            "enter",
            "select",
            "Open",
            id="person-quote-open",
            tooltip="Open the article at this quotation",
        ),
    ]


class PeopleScreen(ModalScreen[QuotePlace | None]):
    """Everyone quoted across all sources (the people index)."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="close-people", tooltip="Close"),
        Binding(
            "slash",
            "go('people-filter')",
            "Filter",
            show=False,
            id="people-filter",
            tooltip="Filter the people by name",
            # handled as it arrives: the letters typed after it in one burst are already
            # queued for the focused list otherwise (names have no "/" to type in the field)
            priority=True,
        ),
    ]

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.everyone: list[Person] = []
        """The whole index, the most widely quoted first."""
        self.folded: list[str] = []
        """Their names casefolded, for the filter."""
        self.people: list[Person] = []
        """Those the filter lets through (the list shows the first ``PEOPLE_LIMIT``)."""
        self.loaded = False
        self.waiting = 0
        self.aliases: dict[str, str] = {}
        self.hits: list[QuoteHit] = []
        self.shown: str | None = None
        """The person whose quotations are listed (or asked for)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="people-box") as box:
            box.border_title = Content("People quoted · Esc to close")
            yield Input(placeholder="Filter by name", id="people-filter", compact=True)
            yield Static("Reading the people index…", id="people-note", markup=False)
            with Horizontal(id="people-panes"):
                yield PeopleList(id="people-list", markup=False)
                yield PersonQuotes(id="person-quotes", markup=False)

    def on_mount(self) -> None:
        self.run_worker(
            partial(load_people, self.post_message, self.db_path),
            thread=True,
            group="people",
            exit_on_error=False,
        )
        self.query_one("#people-list").focus()

    def action_go(self, widget_id: str) -> None:
        """Focus the filter, the people or the quotations at once (``Widget.focus`` moves it
        after the keys already typed: "/oba" in one burst would miss the filter)."""
        self.set_focus(self.query_one(f"#{widget_id}"))

    @on(Input.Changed, "#people-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        if self.loaded:
            self._show_people(event.value.strip())

    @on(Input.Submitted, "#people-filter")
    def _filter_done(self) -> None:
        self.action_go("people-list")

    def on_people_loaded(self, event: PeopleLoaded) -> None:
        self.everyone, self.aliases, self.waiting = event.people, event.aliases, event.waiting
        self.folded = [person.name.casefold() for person in event.people]
        self.loaded = True
        self._show_people(self.query_one("#people-filter", Input).value.strip())

    def _show_people(self, containing: str) -> None:
        """List the people whose name contains ``containing`` (any case; all when empty)."""
        self.people = named(self.everyone, self.folded, containing)
        found = len(self.people)
        note = f"{found} {'person' if found == 1 else 'people'} quoted"
        if containing:
            note += f" with “{containing}” in their name"
        if found > PEOPLE_LIMIT:
            note += f" · the {PEOPLE_LIMIT} most quoted shown"
        if self.waiting:
            note += f" · {counted(self.waiting, 'article')} not analysed yet"
        self.query_one("#people-note", Static).update(Content(note))
        listing = self.query_one("#people-list", PeopleList)
        listing.clear_options()
        listing.add_options(
            Option(
                Content.assemble(
                    (person.name, "bold"),
                    (
                        f"\n  {counted(person.quotations, 'quote')}, "
                        f"{counted(person.articles, 'article')}",
                        "$text-muted",
                    ),
                ),
                id=person.name,
            )
            for person in self.people[:PEOPLE_LIMIT]
        )
        if self.people:
            listing.highlighted = 0
        else:
            self.shown = None
            self._show_hits([])

    @on(OptionList.OptionHighlighted, "#people-list")
    def _person_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        name = event.option.id
        if name is None or name == self.shown:
            return
        self.shown = name
        self.run_worker(
            partial(
                load_person_quotes,
                self.post_message,
                self.db_path,
                name,
                spellings(self.aliases, name),
            ),
            thread=True,
            group="person-quotes",
            exit_on_error=False,
        )

    def on_person_quotes_loaded(self, event: PersonQuotesLoaded) -> None:
        if event.name == self.shown:
            self._show_hits(event.hits)

    def _show_hits(self, hits: list[QuoteHit]) -> None:
        self.hits = hits
        quotes = self.query_one("#person-quotes", PersonQuotes)
        quotes.clear_options()
        options: list[Option | None] = []
        for index, hit in enumerate(hits):
            if options:
                options.append(None)
            options.append(
                Option(
                    Content.assemble(
                        ("“", "$text-accent"),
                        (hit.text[:MAX_QUOTE], "$text-accent"),
                        ("”", "$text-accent"),
                        "\n  — ",
                        (hit.speaker or "", "italic $text-secondary"),
                        (f", in {hit.title}", "$text-muted"),
                    ),
                    id=str(index),
                )
            )
        quotes.add_options(options)
        if hits:
            quotes.highlighted = 0

    @on(OptionList.OptionSelected, "#person-quotes")
    def _quote_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            hit = self.hits[int(event.option.id)]
            self.dismiss(QuotePlace(hit.article_id, hit.position))

    def on_store_failed(self, event: StoreFailed) -> None:
        self.query_one("#people-note", Static).update(Content(event.error))
