"""The reading app: setup, global keys, theme, keymap and the cache writer (panes: screens/)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from newsterm.errors import CacheError, NewstermError
from newsterm.store import Store
from newsterm.ui.css_memo import MemoStylesheet, memo_file

if TYPE_CHECKING:
    from textual.command import Provider

    from newsterm.config import Config
    from newsterm.ui.screens.help import Section
    from newsterm.ui.store_thread import StoreThread

Opener = Callable[[str], bool]

PANE_STYLES = Path(__file__).with_name("panes.tcss")
"""The styles of what the first frame does not show (see ``NewstermApp.load_pane_styles``)."""


def source_commands() -> type[Provider]:
    """The palette's ``Go to <source>`` provider, imported when the palette first opens."""
    from newsterm.ui.commands import SourceCommands

    return SourceCommands


class NewstermApp(App[None]):
    """A terminal news reader over the newsterm cache."""

    CSS_PATH = "newsterm.tcss"
    TITLE = "newsterm"
    COMMANDS = App.COMMANDS | {source_commands}
    BINDINGS = [
        Binding(
            "question_mark,f1",
            "help",
            "Help",
            show=False,  # the status bar's HelpHint shows it at every width
            id="help",
            tooltip="List every key",
        ),
        Binding(
            "ctrl+q", "quit", "Quit", show=False, priority=True, id="quit", tooltip="Quit newsterm"
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            id="command-palette",
            tooltip="Every action, sources and themes, by name",
        ),
    ]

    def __init__(
        self,
        *,
        db_path: Path,
        config: Config | None = None,
        config_path: Path | None = None,
        load_config: Callable[[], Config] | None = None,
        clock: Callable[[], datetime] | None = None,
        opener: Opener | None = None,
    ) -> None:
        super().__init__()
        # (Textual parses its stylesheet afresh at every start; this one keeps what it parsed)
        self.stylesheet = MemoStylesheet(variables=self.get_css_variables(), memo=memo_file())
        self.db_path = db_path
        self.config = config
        self.config_path = config_path or (config.path if config else None)
        self.config_error: str | None = None
        """Why feeds.toml could not be read, or None."""
        self._load_config = load_config
        self.clock = clock
        """Where "now" comes from for relative dates (frozen in tests)."""
        self.opener: Opener | None = opener
        """Opens a checked link (None: the system's handler, ``links.open_in_browser``)."""
        self.cancel_event = threading.Event()
        """Set when the app quits, so a running refresh stops early."""
        self._writer: StoreThread | None = None
        self.store: Store | None = None
        self.keymap: dict[str, str] = {}
        self._theme_preset = False
        self.animation_level = "none"  # until feeds.toml says otherwise (settings.animate)

    @property
    def writer(self) -> StoreThread:
        """The cache writer thread (made on first use: the first frame writes nothing)."""
        if self._writer is None:
            from newsterm.ui.store_thread import StoreThread

            self._writer = StoreThread(self.db_path)
        return self._writer

    def get_default_screen(self) -> Screen[Any]:
        """The main screen, composed with the app so its first frame is the first one drawn;
        the error screen when the cache cannot be opened."""
        try:
            self.store = Store.open(self.db_path)
        except CacheError as exc:
            from newsterm.ui.screens.error import ErrorScreen

            self.load_pane_styles()
            return ErrorScreen(
                "newsterm cannot open its cache",
                exc.message,
                "Move the file away (newsterm starts a new cache), choose another one with "
                "--db FILE or $NEWSTERM_DB, or upgrade newsterm if a newer version wrote it. "
                "Press q to quit.",
            )
        theme = self.store.get_meta("theme")
        if theme and theme in self.available_themes:
            # Before anything is styled. Textual also queues a re-parse of the whole stylesheet
            # and a restyle of everything for the new theme (refresh_css), which would parse it
            # three times before the first frame: give the stylesheet the theme's variables
            # before its first parse instead, and skip that one refresh.
            self.theme = theme
            self.stylesheet.set_variables(self.get_css_variables())
            self._theme_preset = True
        from newsterm.ui.screens.main import MainScreen

        return MainScreen(self.store)

    def refresh_css(self, animate: bool = True) -> None:
        if self._theme_preset:  # the saved theme, set before the stylesheet was first parsed
            self._theme_preset = False
            return
        super().refresh_css(animate)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and event.is_forwarded:  # (back from the focus)
            from newsterm.ui.screens.main import MainScreen

            screen = self.screen
            if isinstance(screen, MainScreen) and screen.keep_key(event.key):
                return  # for after the article being opened (its bindings then)
        await super().on_event(event)

    def on_mount(self) -> None:
        self.call_after_refresh(self._first_frame_drawn)
        if self.store is None:
            return
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def settle_config(self) -> Config | None:
        """Read feeds.toml, unless given, and apply its keymap or report what is wrong with it:
        the config, or None when it is broken (the cache still shows).

        The main screen calls this as it mounts: the sources pane, which the whole screen waits
        for, needs the file's sources.
        """
        if self.config is None and self.config_error is None:
            self.reload_config()
        if self.config is not None:
            self.animation_level = "full" if self.config.settings.animate else "none"
        if self.config is not None and self.config.keymap:
            self.apply_keymap(self.config.keymap)
        if self.config_error:
            self.notify(
                self.config_error, title="feeds.toml", severity="error", markup=False, timeout=10
            )
        return self.config

    def load_pane_styles(self) -> None:
        """Add the styles of the panes, search field and screens the first frame does not show
        (``panes.tcss``): called before any of them is mounted, so that the first frame's
        stylesheet is smaller. Parsed once, with the rest of the stylesheet, on the next
        styling."""
        stylesheet, path = self.stylesheet, str(PANE_STYLES)
        if not stylesheet.has_source(path):
            css = PANE_STYLES.read_text(encoding="utf-8")
            stylesheet.add_source(css, read_from=(path, ""), is_default_css=False)

    def _first_frame_drawn(self) -> None:
        """Resume the garbage collector if the launcher paused it for the start-up, and keep
        the stylesheet as parsed for the next start.

        What the start-up built (modules, classes, styles, the screen) lives as long as the
        app: frozen, it is left out of every later collection, which keeps those short. Its
        little cyclic garbage (~8,000 objects; RSS the same either way) is left in place: a
        collection to free it first would stall the app for 50-150 ms.
        """
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        if isinstance(self.stylesheet, MemoStylesheet):  # (what the first start parsed)
            self.call_later(self.stylesheet.keep)

    def apply_keymap(self, keymap: dict[str, str]) -> None:
        """Remap keys by binding id; unknown ids are reported, not fatal."""
        known = {b.id for _, bindings in self.binding_sections() for b in bindings if b.id}
        unknown = sorted(set(keymap) - known)
        if unknown:
            self.notify(
                f"Unknown binding id(s) in [keymap]: {', '.join(unknown)} (see ? for the ids)",
                severity="warning",
                markup=False,
            )
        self.keymap = {k: v for k, v in keymap.items() if k in known}
        self.set_keymap(self.keymap)
        from newsterm.ui.keymap_check import key_clashes

        clashes = key_clashes(self.binding_sections(), self.keymap)
        if clashes:
            self.notify(
                "\n".join(clashes),
                title="[keymap]: a key does two things",
                severity="warning",
                markup=False,
                timeout=15,
            )

    def _remember_theme(self, theme: Theme) -> None:
        name = theme.name
        self.writer.submit(lambda store: store.set_meta("theme", name))

    def config_banner(self) -> str | None:
        """The one line the main screen shows above the panes about feeds.toml: why it cannot
        be read, or that the one named (``--config``, ``NEWSTERM_CONFIG``) does not exist."""
        if self.config_error:
            return (
                f"{self.config_error}  — fix feeds.toml and press R; showing the cache meanwhile."
            )
        if self.config is not None and self.config.missing:
            return f"{self.config.path}: no such file: no sources configured"
        return None

    def reload_config(self) -> tuple[Config | None, str | None]:
        """Read feeds.toml again (R): the config, or None and the error to show."""
        if self._load_config is None:
            return self.config, None
        try:
            config = self._load_config()
        except NewstermError as exc:
            self.config_error = exc.message
            return None, exc.message
        self.config = config
        self.config_error = None
        return config, None

    def open_link(self, url: str) -> bool:
        """Open an http, https or mailto link with the system's handler; refuse anything else."""
        from newsterm.links import open_in_browser, safe_url

        checked = safe_url(url)
        if checked is None:
            self.notify(
                f"Not opening {url[:200]!r}: only http, https and mailto links open.",
                severity="warning",
                markup=False,
            )
            return False
        self.run_worker(
            partial(
                self._open_checked, open_in_browser if self.opener is None else self.opener, checked
            ),
            thread=True,
            group="open",
            exit_on_error=False,
        )
        return True

    def _open_checked(self, opener: Opener, url: str) -> None:
        """In a worker thread: hand ``url`` to the system, then say what came of it."""
        try:
            opened = opener(url)
        except Exception:  # a broken browser setup is "nothing opened", not a crash
            opened = False
        self.call_from_thread(self._link_opened, url, opened)

    def _link_opened(self, url: str, opened: bool) -> None:
        """Say a link opened, or copy it to the clipboard when nothing could open it."""
        if opened:
            self.notify(f"Opened {url[:200]}", timeout=3, markup=False)
            return
        self.copy_to_clipboard(url)
        kind = "mail program" if url.startswith("mailto:") else "browser"
        self.notify(
            f"No {kind} could open {url[:200]}; the link is copied to the clipboard.",
            severity="warning",
            markup=False,
        )

    def binding_sections(self) -> list[Section]:
        """Every binding, by where it applies (for help, the keymap check and docs)."""
        from newsterm.ui.screens.help import HelpScreen
        from newsterm.ui.screens.main import MainScreen
        from newsterm.ui.screens.people import PeopleList, PeopleScreen, PersonQuotes
        from newsterm.ui.widgets.article_list import ArticleList
        from newsterm.ui.widgets.article_reader import ArticleReader
        from newsterm.ui.widgets.contacts_pane import ContactsPane
        from newsterm.ui.widgets.quotes_pane import QuotesPane
        from newsterm.ui.widgets.search_bar import SearchBar
        from newsterm.ui.widgets.source_list import SourceList

        def own(cls: type) -> list[Binding]:
            return [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]

        return [
            ("Everywhere", [*own(MainScreen), *own(NewstermApp)]),
            ("Articles (2)", own(ArticleList)),
            ("Sources (1)", own(SourceList)),
            ("Reader (3)", own(ArticleReader)),
            ("Quotations (4)", own(QuotesPane)),
            ("Contacts (5)", own(ContactsPane)),
            ("Search", own(SearchBar)),
            ("People (P)", [*own(PeopleScreen), *own(PeopleList), *own(PersonQuotes)]),
            ("Help", own(HelpScreen)),
        ]

    def action_help(self) -> None:
        from newsterm.ui.screens.help import HelpScreen

        self.load_pane_styles()
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.binding_sections(), self.keymap))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        from newsterm.ui.commands import main_screen_commands
        from newsterm.ui.screens.main import MainScreen

        if isinstance(screen, MainScreen):
            yield from main_screen_commands(screen)

    def on_unmount(self) -> None:
        self.cancel_event.set()
        if isinstance(self.stylesheet, MemoStylesheet):  # (Textual may have replaced it)
            self.stylesheet.keep()
        if self._writer is not None:
            self._writer.shutdown()
        if self.store is not None:
            self.store.close()


def make_app(
    *,
    config_path: Path,
    db_path: Path,
    load_config: Callable[[], Config] | None = None,
    clock: Callable[[], datetime] | None = None,
    opener: Opener | None = None,
) -> NewstermApp:
    """Build the app; it reads feeds.toml with ``load_config`` as its main screen mounts
    (``NewstermApp.settle_config``), and a broken one does not stop it (the cache still opens)."""
    return NewstermApp(
        db_path=db_path,
        config_path=config_path,
        load_config=load_config,
        clock=clock,
        opener=opener,
    )


def run(config_path: Path, db_path: Path, load_config: Callable[[], Config]) -> None:
    """Open the app."""
    make_app(config_path=config_path, db_path=db_path, load_config=load_config).run()
