"""Where newsterm keeps its files: the XDG folders, and the flags and variables over them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsterm import locations

pytestmark = pytest.mark.skipif(
    sys.platform in ("darwin", "win32"), reason="the XDG folders are for Linux and the BSDs"
)


def test_flags_and_environment_override_the_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv(locations.CONFIG_ENV, raising=False)
    monkeypatch.delenv(locations.DB_ENV, raising=False)
    assert locations.config_file() == tmp_path / "cfg" / "newsterm" / "feeds.toml"
    assert locations.db_file() == tmp_path / "data" / "newsterm" / "newsterm.db"
    monkeypatch.setenv(locations.DB_ENV, str(tmp_path / "elsewhere.db"))
    assert locations.db_file() == tmp_path / "elsewhere.db"
    assert locations.db_file("~/flag.db") == Path("~/flag.db").expanduser()
