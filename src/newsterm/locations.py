"""Where newsterm keeps its files: XDG paths with environment and flag overrides.

Functions, not constants: nothing is computed or created at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "newsterm"
CONFIG_ENV = "NEWSTERM_CONFIG"
DB_ENV = "NEWSTERM_DB"


def config_dir() -> Path:
    """The user's newsterm configuration folder (``$XDG_CONFIG_HOME/newsterm``)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The user's newsterm data folder (``$XDG_DATA_HOME/newsterm``)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The user's newsterm cache folder (``$XDG_CACHE_HOME/newsterm``): what can be rebuilt."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def _named(value: str | Path) -> Path:
    """A path named by a flag or variable, made absolute against the working folder: the
    sources feeds.toml lists are relative to its folder, and a relative one would be stored
    relative to wherever the command ran (one folder, two sources)."""
    return Path(value).expanduser().absolute()


def config_file(override: str | Path | None = None) -> Path:
    """The feeds.toml in use: the flag, else ``$NEWSTERM_CONFIG``, else the config folder's."""
    if override:
        return _named(override)
    if env := os.environ.get(CONFIG_ENV):
        return _named(env)
    return config_dir() / "feeds.toml"


def db_file(override: str | Path | None = None) -> Path:
    """The cache database in use: the flag, else ``$NEWSTERM_DB``, else the data folder's."""
    if override:
        return _named(override)
    if env := os.environ.get(DB_ENV):
        return _named(env)
    return data_dir() / "newsterm.db"


def shipped_file(name: str) -> Path | None:
    """A file shipped with newsterm (feeds.toml, samples/): package data or the source tree."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "data" / name, package.parents[1] / name):
        if candidate.exists():
            return candidate
    return None
