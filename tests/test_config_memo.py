"""feeds.toml's parse recalled from the cache folder: used only for the very same text."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsterm import config_load, config_memo, config_parse
from newsterm.errors import ConfigError

TEXT = """\
[settings]
concurrency = 8

[[feeds]]
url = "https://news.example.com/rss"
title = "Example News"
tags = ["world"]
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "feeds.toml"
    path.write_text(TEXT, encoding="utf-8")
    return path, tmp_path / "cache" / "feeds-toml.json"


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the TOML parses (recalled loads make none)."""
    parsed: list[str] = []
    parse = config_load.parse_toml

    def counting(text: str, path: Path) -> dict[str, Any]:
        parsed.append(text)
        return parse(text, path)

    monkeypatch.setattr(config_load, "parse_toml", counting)
    return parsed


def test_an_unchanged_file_is_recalled_not_parsed(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, memo = files
    parsed = _parses(monkeypatch)
    first = config_load.load_config(path, memo=memo)
    assert memo.exists() and len(parsed) == 1
    again = config_load.load_config(path, memo=memo)
    assert len(parsed) == 1  # recalled
    assert again == first == config_load.load_config(path)
    assert again.feeds[0].title == "Example News" and again.settings.concurrency == 8


def test_an_edit_of_the_same_size_is_parsed_afresh(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, memo = files
    parsed = _parses(monkeypatch)
    config_load.load_config(path, memo=memo)
    edited = TEXT.replace("concurrency = 8", "concurrency = 9")
    assert len(edited) == len(TEXT)
    path.write_text(edited, encoding="utf-8")
    assert config_load.load_config(path, memo=memo).settings.concurrency == 9
    assert len(parsed) == 2
    assert json.loads(memo.read_text(encoding="utf-8"))["text"] == edited


def test_a_damaged_memo_is_ignored_and_replaced(files: tuple[Path, Path]) -> None:
    path, memo = files
    for damage in (b"\x00garbage", b"[1, 2]", b'{"text": 3}', json.dumps({"text": TEXT}).encode()):
        memo.parent.mkdir(parents=True, exist_ok=True)
        memo.write_bytes(damage)
        assert config_load.load_config(path, memo=memo).settings.concurrency == 8
        assert config_memo.recall(memo, TEXT) is not None  # replaced by a good one


def test_a_memo_saying_otherwise_for_other_text_is_not_used(files: tuple[Path, Path]) -> None:
    path, memo = files
    memo.parent.mkdir(parents=True)
    lie = {"text": TEXT + "\n", "data": {"settings": {"concurrency": 1}}}
    memo.write_text(json.dumps(lie), encoding="utf-8")
    assert config_load.load_config(path, memo=memo).settings.concurrency == 8


def test_a_bad_file_writes_no_memo_and_fails_as_before(files: tuple[Path, Path]) -> None:
    path, memo = files
    for bad, message in (
        ("[[feeds]\nurl = 1\n", "invalid TOML"),
        ('[settings]\nconcurrency = "many"\n', "concurrency"),
    ):
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(ConfigError, match=message):
            config_load.load_config(path, memo=memo)
        assert not memo.exists()


def test_what_json_cannot_hold_exactly_is_not_kept() -> None:
    assert config_memo.encode("x = 1979-05-27", {"x": date(1979, 5, 27)}) is None
    assert config_memo.encode("x = 1.5", {"x": 1.5}) is not None


def test_an_unwritable_cache_folder_only_means_no_memo(files: tuple[Path, Path]) -> None:
    path, memo = files
    memo.parent.parent.joinpath("cache").write_text("a file where the folder would be")
    assert config_load.load_config(path, memo=memo).settings.concurrency == 8
    assert not memo.exists()


def test_every_command_and_the_app_read_through_the_memo(
    files: tuple[Path, Path], isolated_home: Path
) -> None:
    from newsterm.launch import Context

    path, _ = files
    assert Context(config_override=str(path)).config().settings.concurrency == 8
    kept = config_memo.memo_file(path)
    assert kept.parent == isolated_home / "cache" / "newsterm"
    assert config_memo.recall(kept, TEXT) == config_parse.parse_toml(TEXT, path)


def test_each_feeds_toml_has_its_own_memo(files: tuple[Path, Path], tmp_path: Path) -> None:
    # (starts on two files in turn recall each one's parse)
    path, _ = files
    other = tmp_path / "other.toml"
    other.write_text(TEXT.replace("concurrency = 8", "concurrency = 3"), encoding="utf-8")
    assert config_memo.memo_file(path) != config_memo.memo_file(other)
    for feeds, concurrency in ((path, 8), (other, 3), (path, 8)):
        memo = config_memo.memo_file(feeds)
        assert config_load.load_config(feeds, memo=memo).settings.concurrency == concurrency
    assert config_memo.recall(config_memo.memo_file(path), TEXT) is not None


def test_a_memo_from_another_python_is_ignored_and_replaced(files: tuple[Path, Path]) -> None:
    # (its tomllib may read the same text otherwise: TOML 1.1 in a later Python)
    path, memo = files
    memo.parent.mkdir(parents=True)
    foreign = {"python": "2.7.18", "text": TEXT, "data": {"settings": {"concurrency": 1}}}
    memo.write_text(json.dumps(foreign), encoding="utf-8")
    assert config_memo.recall(memo, TEXT) is None
    assert config_load.load_config(path, memo=memo).settings.concurrency == 8
    assert json.loads(memo.read_text(encoding="utf-8"))["python"] == sys.version


def _memos(folder: Path) -> set[str]:
    return {child.name for child in folder.iterdir() if child.name.startswith("feeds-toml")}


def test_the_folder_keeps_only_the_memos_used_last(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    path, memo = files
    folder = memo.parent
    folder.mkdir(parents=True)
    (folder / "stylesheet.pickle").write_bytes(b"not a feeds.toml memo")
    old = [folder / f"feeds-toml-{n:08x}.json" for n in range(config_memo.KEPT + 3)]
    for age, stale in enumerate(old):  # old[0] used last, the rest longer ago
        stale.write_text("{}", encoding="utf-8")
        os.utime(stale, ns=(10**18 - age * 10**12,) * 2)
    config_load.load_config(path, memo=memo)  # parsed: kept, then the folder pruned
    assert _memos(folder) == {memo.name, *(stale.name for stale in old[: config_memo.KEPT - 1])}
    assert (folder / "stylesheet.pickle").exists()


def test_a_recalled_memo_counts_as_used_and_outlives_newer_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _parses(monkeypatch)
    folder = tmp_path / "cache"
    feeds = []
    for n in range(config_memo.KEPT + 2):
        feeds.append(tmp_path / f"feeds{n}.toml")
        feeds[n].write_text(TEXT.replace("= 8", f"= {n + 1}"), encoding="utf-8")
    first = folder / "feeds-toml-first.json"
    config_load.load_config(feeds[0], memo=first)
    os.utime(first, ns=(1, 1))  # written long ago
    for n, other in enumerate(feeds[1:], start=1):
        assert config_load.load_config(feeds[0], memo=first).settings.concurrency == 1  # recalled
        config_load.load_config(other, memo=folder / f"feeds-toml-{n}.json")
    assert parsed.count(feeds[0].read_text(encoding="utf-8")) == 1  # never pruned
    assert len(_memos(folder)) == config_memo.KEPT


def test_an_unreadable_folder_only_means_no_pruning(files: tuple[Path, Path]) -> None:
    path, memo = files
    config_memo.prune(memo)  # (the folder does not exist: nothing happens)
    assert config_load.load_config(path, memo=memo).settings.concurrency == 8
