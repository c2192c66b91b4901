"""The ``newsterm`` console script, and what every run shares (:class:`Context`, errors).

``newsterm`` with no command opens the app, and how soon it shows the articles is what a
reader feels, so that path imports no more than the app needs: not click (the CLI, ~60 ms of
imports), nor feeds.toml's parser (the app reads it as its screen mounts), and with the
garbage collector paused until that frame is on screen (the app resumes it; see
``NewstermApp._first_frame_drawn``). Anything else goes to :mod:`newsterm.cli`.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from newsterm import locations
from newsterm.errors import NewstermError
from newsterm.store import Store

if TYPE_CHECKING:
    from newsterm.config import Config

APP_OPTIONS = ("--config", "--db")
"""The only options the app takes (the rest of the CLI's are the commands')."""

_opened: list[Path | None] = [None]
"""The cache this run opened, to name it if SQLite reports damage mid-command."""


class Context:
    """What every command needs: where feeds.toml and the cache are, opened on demand.

    A plain class: it is state, not a value, and a dataclass would cost the app's start-up
    ~2 ms to define."""

    def __init__(self, config_override: str | None = None, db_override: str | None = None) -> None:
        self.config_override = config_override
        self.db_override = db_override
        self.note_missing_config = False
        """Say on stderr when ``--config`` names a file that does not exist (the commands
        that list or fetch the sources do; ``add`` and ``import`` create it)."""
        self._store: Store | None = None

    @property
    def config_path(self) -> Path:
        """The feeds.toml in use."""
        return locations.config_file(self.config_override)

    @property
    def db_path(self) -> Path:
        """The cache in use."""
        return locations.db_file(self.db_override)

    def config(self) -> Config:
        """Read feeds.toml; on first run at the default location, install the shipped one."""
        from newsterm.config import Config
        from newsterm.config_load import ensure_config, load_config  # (the app reads it late)
        from newsterm.errors import ConfigError
        from newsterm.paths import stat_or_none

        path = self.config_path
        explicit = bool(self.config_override or os.environ.get(locations.CONFIG_ENV))
        if not explicit:
            ensure_config(path)
        if stat_or_none(path, ConfigError) is None and not path.is_symlink():
            if self.note_missing_config and self.config_override:
                _say(f"{path}: no such file (named by --config): no sources configured")
            return Config(path=path, missing=True)
        from newsterm.config_memo import memo_file

        return load_config(path, memo=memo_file(path))

    def store(self) -> Store:
        """The cache, opened once per command."""
        if self._store is None:
            self._store = Store.open(self.db_path)
            _opened[0] = self.db_path
        return self._store

    def open_app(self) -> None:
        """Run the reading app on this feeds.toml and cache."""
        from newsterm.ui.app import run

        run(config_path=self.config_path, db_path=self.db_path, load_config=self.config)

    def close(self) -> None:
        """Close the cache if it was opened."""
        if self._store is not None:
            self._store.close()
            self._store = None


def _say(message: str) -> None:
    from newsterm.output import fail  # Rich: only when there is an error to report

    fail(message)


@contextmanager
def report_errors() -> Iterator[None]:
    """Turn every user error into one line on stderr and an exit code."""
    try:
        yield
    except NewstermError as exc:
        _say(exc.message)
        sys.exit(exc.exit_code)
    except sqlite3.DatabaseError as exc:
        where = f"{_opened[0]}: " if _opened[0] else ""
        _say(
            f"{where}the cache is damaged or unreadable ({exc}); move it away and "
            "run `newsterm refresh` to rebuild it"
        )
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:  # a path problem no command foresaw: still one line, not a trace
        where = f"{exc.filename}: " if exc.filename else ""
        _say(f"{where}{exc.strerror or exc}")
        sys.exit(1)


def app_options(args: Sequence[str]) -> dict[str, str] | None:
    """The ``--config``/``--db`` values when ``args`` only open the app (no command, or
    ``tui``), else None: then the CLI reads them, help, errors and all."""
    options: dict[str, str] = {}
    rest = list(args)
    if rest.count("tui") > 1:
        return None
    while rest:
        arg = rest.pop(0)
        if arg == "tui":
            continue
        name, equals, value = arg.partition("=")
        if name not in APP_OPTIONS:
            return None
        if not equals:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        options[name.removeprefix("--")] = value
    return options


def freeze_imports() -> None:
    """Move everything the imports built out of the collector's reach.

    Modules, classes and compiled patterns live as long as the process; without this every full
    collection during a long command (a refresh, a first sync: 31-40 ms of CPU for 10,000 items)
    walks them again. The app does the same after its first frame.
    """
    gc.freeze()


def main(argv: Sequence[str] | None = None) -> None:
    """The console script: the app straight away, or the CLI for anything else."""
    args = list(sys.argv[1:] if argv is None else argv)
    options = app_options(args)
    if options is None:
        from newsterm.cli import main as cli_main

        freeze_imports()
        cli_main(args)
        return
    # A start-up builds some 90,000 long-lived objects (modules, classes, styles, widgets)
    # and little garbage: the collector would scan them again and again before the first
    # frame (~10 % of the start-up). The app turns it back on after that frame.
    gc.disable()
    with report_errors():
        Context(config_override=options.get("config"), db_override=options.get("db")).open_app()
