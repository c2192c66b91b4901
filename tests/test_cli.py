"""The command line, driven as a user would: output, JSON shapes, and every bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsterm.cli import main

ARTICLE_KEYS = {
    "id",
    "source",
    "url",
    "title",
    "authors",
    "published",
    "paragraphs",
    "quotes",
    "contacts",
    "word_count",
    "reading_minutes",
    "read",
}


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    config = tmp_path / "feeds.toml"
    db = tmp_path / "cache.db"

    def invoke(*args: str, defaults: bool = True) -> Result:
        argv = [*args, "--config", str(config), "--db", str(db)] if defaults else list(args)
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    invoke.config = config  # type: ignore[attr-defined]
    invoke.db = db  # type: ignore[attr-defined]
    return invoke


def test_add_file_then_list_show_search(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    added = run("add", str(fixtures / "files" / "bridge.txt"), "--tag", "local")
    assert added.code == 0, added.err
    assert "1 new article" in added.out
    assert "bridge.txt" in run.config.read_text()

    listed = run("articles", "--json").json()
    assert [a["title"] for a in listed] == ["Riverside Bridge Reopens After Two-Year Repair"]
    article_id = listed[0]["id"]

    shown = run("show", str(article_id), "--json").json()
    assert set(shown) == ARTICLE_KEYS
    assert shown["read"] is False
    assert shown["paragraphs"][-1] != "" and shown["word_count"] > 20

    human = run("show", str(article_id))
    assert "Riverside Bridge Reopens" in human.out

    hits = run("search", "corroded", "--json").json()
    assert [h["id"] for h in hits] == [article_id]
    assert "corroded" in hits[0]["snippet"]
    assert "Riverside" in run("search", "corroded").out
    assert "No articles match" in run("search", "zeppelin").out

    sources = run("sources", "--json").json()
    assert sources[0]["tags"] == ["local"] and sources[0]["unread"] == 1
    assert run("articles", "--unread", "--json").json()[0]["id"] == article_id


def test_add_folder_recursively_and_duplicate_changes_nothing(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", str(fixtures / "files")).code == 0
    assert len(run("articles", "--json").json()) == 4
    before = run.config.read_bytes()
    again = run("add", str(fixtures / "files"))
    assert again.code == 0 and "already subscribed" in again.out
    assert run.config.read_bytes() == before


def test_add_url_is_recorded_once(run) -> None:  # type: ignore[no-untyped-def]
    assert run("add", "https://news.example.com/rss", "--no-fetch").code == 0
    assert 'url = "https://news.example.com/rss"' in run.config.read_text()
    before = run.config.read_bytes()
    again = run("add", "https://news.example.com/rss", "--no-fetch")
    assert "already subscribed" in again.out
    assert run.config.read_bytes() == before


def test_remove_drops_source_and_entry(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    run("add", str(fixtures / "files" / "bridge.txt"), "--title", "Bridge")
    removed = run("remove", "Bridge")
    assert removed.code == 0, removed.err
    assert "bridge.txt" not in run.config.read_text()
    assert run("articles", "--json").json() == []
    assert run("remove", "Bridge").code == 2


def test_parse_json_without_touching_the_cache(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("parse", str(fixtures / "files" / "parade.html"), "--json", defaults=False)
    assert result.code == 0, result.err
    data = result.json()
    assert set(data) == ARTICLE_KEYS - {"id", "read"}
    assert data["title"] == "Lantern Parade Lights Up the Old Town"
    assert not run.db.exists()


def test_refresh_rereads_files(run, fixtures: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "note.txt"
    article.write_text("First title\n\nBody.\n")
    run("add", str(article))
    article.write_text("Second title\n\nBody changed.\n")
    result = run("refresh")
    assert result.code == 0, result.err
    assert "0 new, 1 updated, 0 failed" in result.out
    assert run("articles", "--json").json()[0]["title"] == "Second title"


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("newsterm: ")
    return lines[0]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("add", "/no/such/file.txt"), 2, "/no/such/file.txt: no such file or folder"),
        (("add", "ftp://example.com/feed"), 2, "only http and https feeds are supported"),
        (("add", "javascript:alert(1)"), 2, "only http and https feeds are supported"),
        (("add", "file:///etc/passwd"), 2, "only http and https feeds are supported"),
        (("add", "https://"), 2, "not a valid URL"),
        (("show", "999"), 2, "999: no such article"),
        (("articles", "--source", "nope"), 2, "nope: no such source"),
        (("articles", "--limit", "0"), 2, "--limit"),
        (("frobnicate",), 2, "No such command"),
    ],
)
def test_bad_input_one_line_and_nothing_changes(
    run,
    fixtures: Path,
    args: tuple[str, ...],  # type: ignore[no-untyped-def]
    code: int,
    message: str,
) -> None:
    run("add", str(fixtures / "files" / "bridge.txt"))
    config_before = run.config.read_bytes()
    count_before = len(run("articles", "--json").json())
    result = run(*args)
    assert result.code == code
    assert message in one_line(result.err)
    assert run.config.read_bytes() == config_before
    assert len(run("articles", "--json").json()) == count_before


def test_unsupported_file_type(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "report.pdf"
    doc.write_bytes(b"%PDF-1.4")
    result = run("add", str(doc))
    assert result.code == 2
    assert "unsupported file type" in one_line(result.err)
    assert not run.config.exists()


def test_broken_feeds_toml_is_reported_and_untouched(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    run.config.write_text("[[feeds]]\nurl = 'https://a.example/rss'\nbogus = 1\n")
    before = run.config.read_bytes()
    result = run("add", str(fixtures / "files" / "bridge.txt"))
    assert result.code == 1
    assert f"{run.config}: line 3, column 1: unknown key 'bogus'" in one_line(result.err)
    assert run.config.read_bytes() == before
    assert run("articles", "--json").json() == []


def test_non_sqlite_cache_is_reported_and_untouched(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    run.db.write_text("not a database, my notes\n")
    result = run("add", str(fixtures / "files" / "bridge.txt"))
    assert result.code == 1
    assert "not a newsterm cache" in one_line(result.err)
    assert run.db.read_text() == "not a database, my notes\n"
    assert not run.config.exists()


def test_env_overrides_and_first_run_copy(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    isolated_home: Path,
) -> None:
    main(["sources", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert any(s["kind"] == "feed" for s in data)
    assert (isolated_home / "config" / "newsterm" / "feeds.toml").exists()
    assert (isolated_home / "data" / "newsterm" / "newsterm.db").exists()
    monkeypatch.setenv("NEWSTERM_DB", str(tmp_path / "env.db"))
    monkeypatch.setenv("NEWSTERM_CONFIG", str(tmp_path / "env.toml"))
    main(["sources", "--json"])
    assert json.loads(capsys.readouterr().out) == []
    assert (tmp_path / "env.db").exists()


def test_help_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from newsterm.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "import newsterm.store, newsterm.ingest.service, newsterm.extract, newsterm.config\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
        "print('clean')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "clean" in result.stdout and "Usage" in result.stdout


def test_python_dash_m_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsterm", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "newsterm" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], {}),
        (["tui"], {}),
        (["--db", "a.db", "--config=b.toml"], {"db": "a.db", "config": "b.toml"}),
        (["--config", "b.toml", "tui", "--db", "a.db"], {"db": "a.db", "config": "b.toml"}),
        (["--db=", "tui"], {"db": ""}),
        (["--help"], None),
        (["--version"], None),
        (["sources"], None),
        (["--db", "a.db", "refresh"], None),
        (["--db"], None),
        (["--db", "--help"], None),
        (["tui", "tui"], None),
        (["--"], None),
    ],
)
def test_only_a_plain_launch_skips_the_cli(args: list[str], expected: object) -> None:
    from newsterm.launch import app_options

    assert app_options(args) == expected


def test_the_app_launch_imports_neither_click_nor_the_ingest_stack(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import newsterm.ui.app as ui\n"
        "ui.run = lambda **kw: print('run', kw['db_path'].name, kw['config_path'].name)\n"
        "from newsterm.launch import main\n"
        f"main(['--db', {str(tmp_path / 'x.db')!r}, '--config', {str(tmp_path / 'y.toml')!r}])\n"
        "heavy = ['click', 'aiohttp', 'tomlkit', 'feedparser', 'trafilatura', 'newsterm.cli']\n"
        "print('loaded', [m for m in heavy if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "run x.db y.toml" in result.stdout
    assert "loaded []" in result.stdout


def test_the_console_script_sends_commands_to_the_cli(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from newsterm.launch import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
        "print('clean')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "clean" in result.stdout and "Usage" in result.stdout


def test_a_command_runs_with_the_imports_out_of_the_collectors_reach() -> None:
    code = (
        "import gc\n"
        "from newsterm.launch import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('frozen', gc.get_freeze_count() > 10_000)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "frozen True" in result.stdout


def test_an_empty_list_says_what_to_do(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    run.config.write_text("")
    assert "`newsterm add URL|PATH`" in run("articles").out
    run.config.write_text('[[feeds]]\nurl = "https://example.com/rss"\n')
    assert "`newsterm refresh` fetches your 1 source." in run("articles").out
    run("add", str(fixtures / "files" / "bridge.txt"))
    assert "No starred articles." in run("articles", "--starred").out


def test_counted_says_one_source_and_two_sources() -> None:
    from newsterm.timefmt import counted

    assert [counted(n, "source") for n in (0, 1, 2)] == ["0 sources", "1 source", "2 sources"]
    assert counted(10_000, "article") == "10,000 articles"


def test_parse_several_files_prints_one_json_object_a_line(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    paths = [str(fixtures / "files" / name) for name in ("parade.html", "bridge.txt")]
    result = run("parse", *paths, "--json", defaults=False)
    assert result.code == 0, result.err
    lines = result.out.strip().splitlines()
    assert len(lines) == 2
    objects = [json.loads(line) for line in lines]
    assert objects[0]["title"] == "Lantern Parade Lights Up the Old Town"
    assert objects[0]["source"].endswith("parade.html")
    assert objects[1]["source"].endswith("bridge.txt")
    assert not run.db.exists()


def test_parse_stops_at_a_missing_file_before_printing(run, fixtures: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = str(fixtures / "files" / "bridge.txt")
    result = run("parse", good, str(tmp_path / "missing.txt"), "--json", defaults=False)
    assert result.code != 0
    assert result.out == ""
