"""feeds.toml read from disk (through the memo when given one) and, on first run, copied from
the shipped file and its samples."""

from __future__ import annotations

import shutil
from pathlib import Path

from newsterm import locations
from newsterm.config import Config
from newsterm.config_parse import parse_config, parse_toml
from newsterm.errors import ConfigError
from newsterm.paths import read_regular, write_atomically

MAX_CONFIG_BYTES = 16 * 1024 * 1024
"""Largest feeds.toml read."""


def read_text(path: Path) -> str:
    """Read feeds.toml as text, turning OS errors into one-line ConfigErrors."""
    try:
        return read_regular(path, MAX_CONFIG_BYTES, ConfigError).decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None


def load_config(path: Path, memo: Path | None = None) -> Config:
    """Read and validate feeds.toml; with ``memo`` (``config_memo.memo_file``), its TOML as
    parsed last time is recalled from there when the text is the same, and kept there after
    a parse of a valid file."""
    text = read_text(path)
    if memo is None:
        return parse_config(text, path)
    from newsterm import config_memo

    data = config_memo.recall(memo, text)
    if data is not None:
        return parse_config(text, path, data)
    data = parse_toml(text, path)
    encoded = config_memo.encode(text, data)  # (before the checks, which may read it)
    config = parse_config(text, path, data)
    if encoded is not None:
        config_memo.keep(memo, encoded)
    return config


def ensure_config(path: Path) -> bool:
    """On first run, copy the shipped feeds.toml (and its samples) to ``path``.

    Returns True when it created the file. Never overwrites anything.
    """
    if path.exists() or path.is_symlink():
        return False
    shipped = locations.shipped_file("feeds.toml")
    path.parent.mkdir(parents=True, exist_ok=True)
    text = shipped.read_text(encoding="utf-8") if shipped else EMPTY_CONFIG
    samples = locations.shipped_file("samples")
    target_samples = path.parent / "samples"
    if samples and samples.is_dir() and not target_samples.exists():
        shutil.copytree(samples, target_samples)
    write_atomically(path, text)
    return True


EMPTY_CONFIG = """\
# newsterm subscriptions. Add feeds with `newsterm add URL` or by hand:
#
# [[feeds]]
# url = "https://example.com/feed.xml"
# tags = ["news"]

[settings]
"""
