"""Run the real CLI in-process on a feeds.toml and a cache of a test's own, as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm.cli import main


class CliRun:
    """``newsterm ARGS --config FILE --db FILE``: the exit code, stdout and stderr."""

    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str) -> None:
        self.config = tmp_path / "feeds.toml"
        self.db = tmp_path / "cache.db"
        self.capsys = capsys
        self.config.write_text(config, encoding="utf-8")

    def __call__(
        self, *args: str, config: str | None = None, db: str | None = None
    ) -> tuple[int, str, str]:
        argv = [*args, "--config", config or str(self.config), "--db", db or str(self.db)]
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err

    def files(self) -> tuple[bytes, bytes]:
        """feeds.toml and the cache, byte for byte (to show a failure changed nothing)."""
        return self.config.read_bytes(), self.db.read_bytes() if self.db.exists() else b""
