"""The reading app (placeholder until the app issue lands: a list of cached articles)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from newsterm.config import Config
from newsterm.store import Store


class NewstermApp(App[None]):
    """Lists cached articles."""

    TITLE = "newsterm"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        yield Header()
        with Store.open(self.db_path) as store:
            rows = store.list_articles(limit=500)
        yield OptionList(*[Option(r.title, id=str(r.id)) for r in rows], markup=False)
        yield Footer()


def run(config_path: Path, db_path: Path, load_config: Callable[[], Config]) -> None:
    """Open the app."""
    load_config()
    NewstermApp(db_path).run()
