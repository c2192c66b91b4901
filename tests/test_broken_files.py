"""Broken config and cache files: one clear message, exit 1 or 2, and the files untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsterm.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    err = capsys.readouterr().err.strip()
    return code, err


@pytest.fixture
def good_cache(tmp_path: Path, fixtures: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "good.db"
    main(["add", str(fixtures / "files"), "--config", str(tmp_path / "ok.toml"), "--db", str(db)])
    capsys.readouterr()
    # Fold the WAL into the main file so the bytes below are the whole cache.
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db


def assert_one_line(err: str, *needles: str) -> None:
    assert len(err.splitlines()) == 1, err
    assert err.startswith("newsterm: ")
    for needle in needles:
        assert needle in err


def test_fifo_config_and_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "feeds.toml"
    os.mkfifo(fifo)
    code, err = run(capsys, "sources", "--config", str(fifo), "--db", str(tmp_path / "c.db"))
    assert code == 1
    assert_one_line(err, str(fifo), "not a regular file")
    cache_fifo = tmp_path / "cache.db"
    os.mkfifo(cache_fifo)
    code, err = run(
        capsys, "sources", "--config", str(tmp_path / "n.toml"), "--db", str(cache_fifo)
    )
    assert code == 1
    assert_one_line(err, str(cache_fifo), "not a regular file")


def test_symlink_loops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    code, err = run(
        capsys, "sources", "--config", str(tmp_path / "a"), "--db", str(tmp_path / "c.db")
    )
    assert code == 1
    assert_one_line(err, str(tmp_path / "a"), "symbolic links")
    code, err = run(
        capsys, "articles", "--config", str(tmp_path / "n.toml"), "--db", str(tmp_path / "a")
    )
    assert code == 1
    assert_one_line(err, str(tmp_path / "a"), "symbolic links")
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_damaged_cache(
    tmp_path: Path, good_cache: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    data = good_cache.read_bytes()
    broken = tmp_path / f"{damage}.db"
    if damage == "truncated":
        broken.write_bytes(data[:5000])
    else:
        body = bytearray(data)
        body[4096:12288] = b"\xff" * 8192
        broken.write_bytes(bytes(body))
    before = broken.read_bytes()
    code, err = run(capsys, "articles", "--config", str(tmp_path / "ok.toml"), "--db", str(broken))
    assert code == 1
    assert_one_line(err, str(broken), "damaged or unreadable")
    assert broken.read_bytes() == before


@pytest.mark.parametrize(
    "text",
    [
        '[settings]\nread_timeout = "fast"\n',
        "[[feeds]]\nurl = 5\n",
        '[[feeds]]\nurl = "https://a.example/"\ntags = "x"\n',
        "[settings]\nnonsense = 1\n[[feeds]]\npath = []\n",
        "feeds = 3\n",
    ],
)
def test_feeds_toml_with_wrong_types(
    tmp_path: Path, good_cache: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text(text, encoding="utf-8")
    cache_before = good_cache.read_bytes()
    for command in (["refresh"], ["add", "https://b.example/feed", "--no-fetch"], ["articles"]):
        code, err = run(capsys, *command, "--config", str(config), "--db", str(good_cache))
        if command == ["articles"] and code == 0:
            continue  # listing the cache does not need feeds.toml
        assert code in (1, 2), (command, err)
        assert_one_line(err, str(config))
    assert config.read_text(encoding="utf-8") == text
    assert good_cache.read_bytes() == cache_before
