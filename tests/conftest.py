"""Every test runs isolated from the developer's machine: its own config, data and cache."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point XDG folders and newsterm's overrides at a temporary folder."""
    home = tmp_path / "home"
    for name, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.delenv("NEWSTERM_CONFIG", raising=False)
    monkeypatch.delenv("NEWSTERM_DB", raising=False)
    return home


@pytest.fixture
def fixtures() -> Path:
    """The folder of fixture files the project wrote itself."""
    return FIXTURES
