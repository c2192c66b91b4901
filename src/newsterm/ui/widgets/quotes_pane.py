"""The quotations pane: each quotation with its speaker; choosing one shows it in the reader."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsterm.models import Article

MAX_QUOTE = 2000


class QuotesPane(OptionList):
    """Every quotation in the open article, in order."""

    ALLOW_MAXIMIZE = True

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="quotes-down"),
        Binding("k", "cursor_up", "Up", show=False, id="quotes-up"),
        Binding("g", "first", "First", show=False, id="quotes-first"),
        Binding("G", "last", "Last", show=False, id="quotes-last"),
        Binding(
            "enter",
            "select",
            "Show",
            id="show-quote",
            tooltip="Scroll the reader to this quotation",
        ),
        Binding(
            "y",
            "copy_quote",
            "Copy quote",
            id="copy-quote",
            tooltip="Copy the quotation with its speaker and source",
        ),
    ]

    class QuoteChosen(Message):
        """A quotation was selected."""

        def __init__(self, pane: QuotesPane, index: int) -> None:
            super().__init__()
            self.pane = pane
            self.index = index
            """Position of the quotation in the article."""

        @property
        def control(self) -> QuotesPane:
            return self.pane

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.article: Article | None = None

    def on_mount(self) -> None:
        self.show(None)

    def show(self, article: Article | None) -> None:
        """List an article's quotations."""
        self.article = article
        self.clear_options()
        quotes = article.quotes if article is not None else []
        if not quotes:
            text = "No quotations in this article." if article else "No article open."
            self.add_option(Option(Content.styled(text, "italic $text-muted"), disabled=True))
            return
        options: list[Option | None] = []
        for index, quote in enumerate(quotes):
            if options:
                options.append(None)  # a divider, drawn as a blank line (panes.tcss)
            prompt = Content.assemble(
                ("“", "$text-accent"),
                (quote.text[:MAX_QUOTE], "$text-accent"),
                ("”", "$text-accent"),
                "\n  — ",
                (
                    quote.speaker or "unattributed",
                    "italic $text-secondary" if quote.speaker else "italic $text-muted",
                ),
            )
            options.append(Option(prompt, id=str(index)))
        self.add_options(options)
        self.highlighted = 0

    @property
    def quote_index(self) -> int | None:
        """Index of the highlighted quotation."""
        if self.article is None or not self.article.quotes or self.highlighted is None:
            return None
        return self.highlighted

    def action_copy_quote(self) -> None:
        index = self.quote_index
        if self.article is None or index is None:
            self.notify("No quotation to copy.", severity="warning", markup=False)
            return
        from newsterm.citation import citation  # (on the first copy)

        text = citation(self.article, self.article.quotes[index])
        self.app.copy_to_clipboard(text)
        self.notify(text, title="Copied", markup=False)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.QuoteChosen(self, int(event.option.id)))
