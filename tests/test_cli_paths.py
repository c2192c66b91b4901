"""Paths are bounded and every OS error is one line (issue 13, point 4), through the real CLI.

A FIFO or a device is never opened, a name too long or a path through a file is one line,
``add`` of a huge or looping folder is refused or bounded, and a failure changes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.clirun import CliRun

LONG = "a" * 100_000
ARTICLE = "A Title\n\nThe first paragraph of the article, with some words in it.\n"


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> CliRun:
    runner = CliRun(tmp_path, capsys, "# mine\n[settings]\n")
    runner("sources")  # the cache exists: failures below must leave it as it is
    return runner


def one_error_line(code: int, err: str, *expected: str) -> None:
    assert code in (1, 2), (code, err[:300])
    assert err.startswith("newsterm: ") and err.count("\n") == 1, err[:300]
    assert "Traceback" not in err and len(err) < 700, err[:300]
    for text in expected:
        assert text in err, (text, err[:300])


@pytest.fixture
def odd(tmp_path: Path) -> dict[str, str]:
    """Paths that are not files to read: a FIFO, devices, a path through a file, too long."""
    fifo = tmp_path / "pipe.opml"
    os.mkfifo(fifo)
    plain = tmp_path / "plain.txt"
    plain.write_text(ARTICLE, encoding="utf-8")
    return {
        "fifo": str(fifo),
        "/dev/null": "/dev/null",
        "/dev/zero": "/dev/zero",
        "through a file": str(plain / "inside.txt"),
        "too long": LONG,
        "too long with a suffix": LONG + ".txt",
        "a NUL byte": str(tmp_path / "nul\x00.txt"),
    }


@pytest.mark.parametrize("command", ["add", "parse", "import"])
def test_every_odd_path_is_one_line_and_changes_nothing(
    run: CliRun, odd: dict[str, str], command: str
) -> None:
    before = run.files()
    for kind, path in odd.items():
        code, _out, err = run(command, path)
        one_error_line(code, err)
        assert run.files() == before, (command, kind)


def test_export_to_an_odd_place_fails_and_creates_nothing(
    run: CliRun, odd: dict[str, str], tmp_path: Path
) -> None:
    before = run.files()
    for kind, path in odd.items():
        code, _out, err = run("export", "-o", path)
        one_error_line(code, err)
        assert run.files() == before, kind
    assert Path("/dev/null").is_char_device() and Path("/dev/zero").is_char_device()
    assert Path(odd["fifo"]).is_fifo()  # not replaced by a regular file
    code, _out, err = run("export", "-o", str(tmp_path / "missing" / "subs.opml"))
    one_error_line(code, err, "no such folder")
    assert not (tmp_path / "missing").exists()
    code, _out, err = run("export", "-o", str(tmp_path / "subs.opml"))
    assert code == 0 and (tmp_path / "subs.opml").read_text().startswith("<?xml")


def test_odd_config_and_cache_paths_are_one_line(run: CliRun, odd: dict[str, str]) -> None:
    before = run.files()
    for kind, path in odd.items():
        if kind != "/dev/null":  # an empty feeds.toml is allowed: /dev/null reads as one
            code, _out, err = run("sources", config=path)
            one_error_line(code, err)
            code, _out, err = run("add", "--no-fetch", "https://example.com/f", config=path)
            one_error_line(code, err)
        code, _out, err = run("sources", db=path)
        one_error_line(code, err)
        assert run.files() == before, kind


def test_a_long_url_is_one_line(run: CliRun) -> None:
    before = run.files()
    for target in ("https://" + LONG, "https://example.com/" + LONG, "example.com/" + LONG):
        code, _out, err = run("add", target)
        one_error_line(code, err)
    assert run.files() == before


def test_add_of_the_whole_disk_is_refused_and_changes_nothing(run: CliRun) -> None:
    before = run.files()
    code, _out, err = run("add", "/")
    one_error_line(code, err, "max_folder_")
    assert run.files() == before


def test_folder_limits_are_settings(run: CliRun, tmp_path: Path) -> None:
    wide = tmp_path / "wide"
    wide.mkdir()
    for n in range(6):
        (wide / f"a{n}.txt").write_text(ARTICLE, encoding="utf-8")
    deep = tmp_path / "deep"
    (deep / "1" / "2" / "3").mkdir(parents=True)
    (deep / "1" / "2" / "3" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run.config.write_text("[settings]\nmax_folder_files = 5\nmax_folder_depth = 2\n")
    before = run.files()
    code, _out, err = run("add", str(wide))
    one_error_line(code, err, "more than 5 files and folders", "max_folder_files")
    code, _out, err = run("add", str(deep))
    one_error_line(code, err, "nested more than 2 deep", "max_folder_depth")
    assert run.files() == before
    run.config.write_text("[settings]\nmax_folder_files = 6\nmax_folder_depth = 3\n")
    assert run("add", str(wide))[0] == 0
    assert run("add", str(deep))[0] == 0


def test_a_symlink_loop_is_walked_once(run: CliRun, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "back").symlink_to(folder)  # news/sub/back -> news: a loop
    (folder / "self").symlink_to(".")
    (folder / "dangling").symlink_to(tmp_path / "plain.txt" / "x")
    code, out, err = run("add", str(folder))
    assert code == 0, err
    assert "1 new article" in out


def test_unreadable_folders_are_skipped_and_named(
    run: CliRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, where chmod 000 still reads: the refusal is simulated."""
    folder = tmp_path / "news"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "open.txt").write_text(ARTICLE, encoding="utf-8")
    scandir = os.scandir

    def refuse(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    code, out, err = run("add", str(folder))
    assert code == 0 and "1 new article" in out
    one_error_line(1, err, "locked: cannot read: Permission denied")


def test_a_folder_grown_past_the_limit_keeps_its_articles(run: CliRun, tmp_path: Path) -> None:
    """A refresh refuses the grown folder and marks nothing gone: the articles stay."""
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(ARTICLE, encoding="utf-8")
    run.config.write_text("[settings]\nmax_folder_files = 4\n")
    assert run("add", str(folder))[0] == 0
    for n in range(3, 6):
        (folder / f"a{n}.txt").write_text(ARTICLE, encoding="utf-8")
    code, _out, err = run("refresh")
    assert code == 1 and "more than 4 files and folders" in err, err
    listed = run("articles", "--json")[1]
    assert listed.count('"gone": false') == 3 and '"gone": true' not in listed, listed


def test_permission_denied_is_one_line(
    run: CliRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, where chmod 000 still reads: the refusal is simulated at open."""
    from newsterm import paths

    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    locked_config = tmp_path / "locked.toml"
    locked_config.write_text("[settings]\n", encoding="utf-8")
    real_open = os.open

    def refuse(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path).name.startswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(paths.os, "open", refuse)
    before = run.files()
    for args, config in (
        (("parse", str(locked)), None),
        (("import", str(locked)), None),
        (("sources",), str(locked_config)),
    ):
        code, _out, err = run(*args, config=config)
        one_error_line(code, err, "Permission denied")
    assert run.files() == before
