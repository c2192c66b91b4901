"""Hostile article files: nothing a terminal could act on survives ingest."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsterm.cli import main

TERMINAL_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b]")


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    main(list(args))
    return json.loads(capsys.readouterr().out)


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def test_no_escape_or_control_survives_ingest(
    tmp_path: Path, fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opts = ["--config", str(tmp_path / "f.toml"), "--db", str(tmp_path / "c.db")]
    main(["add", str(fixtures / "hostile"), *opts])
    capsys.readouterr()
    rows = run_json(capsys, "articles", "--json", *opts)
    assert isinstance(rows, list) and len(rows) == 3
    for row in rows:
        article = run_json(capsys, "show", str(row["id"]), "--json", *opts)
        for text in strings(article):
            assert not TERMINAL_UNSAFE.search(text), repr(text)
    titles = {row["title"] for row in rows}
    assert any(t.startswith("Council Votes") and "EVIL" in t and "safe" not in t for t in titles)
    assert (
        "[bold red]pwned[/] [@click=app.quit]x[/] [link=file:///etc/passwd]y[/link] "
        "[unbalanced" in titles
    )
    # Python's HTML unescaping drops character references to control characters.
    assert any(t.startswith("Escaped") and t.endswith("heading") for t in titles)


def test_human_output_shows_markup_literally(
    tmp_path: Path, fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opts = ["--config", str(tmp_path / "f.toml"), "--db", str(tmp_path / "c.db")]
    main(["add", str(fixtures / "hostile" / "markup.txt"), *opts])
    capsys.readouterr()
    main(["show", "1", *opts])
    out = capsys.readouterr().out
    assert "[bold red]pwned[/]" in out and "[@click=app.quit]x[/]" in out
    assert "[b]markup[/b]" in out
    assert "\x1b" not in out


def test_huge_title_is_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "huge.txt"
    article.write_text("A" * (1024 * 1024) + "\n\nBody.\n", encoding="utf-8")
    main(["parse", str(article), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert len(data["title"]) <= 1000
