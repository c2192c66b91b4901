"""Where newsterm keeps its files: the XDG folders, as platformdirs would name them."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from newsterm import locations

pytestmark = pytest.mark.skipif(
    sys.platform in ("darwin", "win32"), reason="the XDG folders are for Linux and the BSDs"
)


@pytest.mark.parametrize("xdg", [None, "", "   ", "/srv/xdg"])
def test_xdg_folders_match_platformdirs(
    xdg: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        if xdg is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, xdg)
    config = Path(platformdirs.user_config_dir("newsterm", appauthor=False))
    data = Path(platformdirs.user_data_dir("newsterm", appauthor=False))
    assert locations.config_dir() == config
    assert locations.data_dir() == data
    expected_base = tmp_path / ".config" if not (xdg or "").strip() else Path("/srv/xdg")
    assert config == expected_base / "newsterm"


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


def test_the_launch_path_does_not_import_platformdirs() -> None:
    import subprocess

    code = "import sys, newsterm.launch; print('platformdirs' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
