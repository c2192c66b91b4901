"""The command line's rough edges: scheme-less addresses, titles, missing files, piped output."""

# ruff: noqa: F811  (the tests take the `run` fixture imported from test_cli)

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from newsterm.store import Store
from tests.test_cli import run  # noqa: F401  (the fixture)


def test_add_without_a_scheme_suggests_https(run) -> None:  # type: ignore[no-untyped-def]
    result = run("add", "example.com/feed.xml")
    assert result.code == 2
    assert "newsterm add https://example.com/feed.xml" in result.err
    assert not run.config.exists()  # nothing written


def test_remove_matches_titles_in_any_case_and_refuses_an_ambiguous_one(
    run,
    fixtures: Path,  # type: ignore[no-untyped-def]
) -> None:
    assert run("add", str(fixtures / "files" / "bridge.txt"), "--title", "Local Desk").code == 0
    assert run("add", str(fixtures / "files" / "museum.md"), "--title", "local desk").code == 0
    ambiguous = run("remove", "LOCAL DESK")
    assert ambiguous.code == 2
    assert "2 sources have this title" in ambiguous.err and "give the id" in ambiguous.err
    assert len(run("sources", "--json").json()) == 2  # nothing removed
    assert run("add", str(fixtures / "files" / "parade.html"), "--title", "Parade").code == 0
    removed = run("remove", "PARADE")
    assert removed.code == 0 and "removed Parade" in removed.out


def test_sources_says_never_fetched(run) -> None:  # type: ignore[no-untyped-def]
    assert run("add", "https://news.example.com/rss", "--no-fetch").code == 0
    listed = run("sources")
    assert "never fetched" in listed.out


def test_a_missing_config_named_by_flag_is_reported(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "typo.toml"
    result = run("sources", "--config", str(missing), "--db", str(run.db), defaults=False)
    assert result.code == 0
    assert f"{missing}: no such file (named by --config)" in result.err
    # add starts the file it names, quietly
    added = run(
        "add",
        "https://news.example.com/rss",
        "--no-fetch",
        "--config",
        str(missing),
        "--db",
        str(run.db),
        defaults=False,
    )
    assert added.code == 0 and "no such file" not in added.err and missing.exists()


def test_sources_of_another_config_are_listed_apart(
    run,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    other = tmp_path / "other.toml"
    assert (
        run(
            "add",
            "https://other.example.com/rss",
            "--no-fetch",
            "--config",
            str(other),
            "--db",
            str(run.db),
            defaults=False,
        ).code
        == 0
    )
    assert run("add", "https://mine.example.com/rss", "--no-fetch").code == 0
    listed = run("sources")
    mine, _, apart = listed.out.partition("Not in ")
    assert "mine.example.com" in mine and "other.example.com" not in mine
    assert "other.example.com" in apart
    rows = {row["location"]: row["in_config"] for row in run("sources", "--json").json()}
    assert rows == {"https://other.example.com/rss": False, "https://mine.example.com/rss": True}


def test_show_piped_is_not_wrapped_and_has_no_trailing_spaces(
    run,
    fixtures: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    assert run("add", str(fixtures / "files" / "bridge.txt")).code == 0
    article = run("articles", "--json").json()[0]["id"]
    shown = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsterm",
            "show",
            str(article),
            "--config",
            str(run.config),
            "--db",
            str(run.db),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = shown.splitlines()
    with Store.open(run.db) as store:
        paragraphs = store.article(article).paragraphs
    longest = max(paragraphs, key=len)
    assert len(longest) > 80 and longest in lines  # one line a paragraph, however long
    assert not [line for line in lines if line != line.rstrip()]


def test_parse_refuses_binary_and_compressed_files(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    packed = tmp_path / "story.txt"
    packed.write_bytes(gzip.compress(b"A title\n\nA paragraph of text.\n" * 50))
    result = run("parse", str(packed))
    assert result.code == 1 and result.out == ""
    assert (
        result.err.strip() == f"newsterm: {packed}: not a text article (binary or compressed data)"
    )
    zeros = tmp_path / "zeros.md"
    zeros.write_bytes(b"# Title\n\n\x00\x00\x00\x01\x02 data")
    assert "not a text article" in run("parse", str(zeros)).err


def test_add_writes_entries_apart_after_the_comments(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    run.config.write_text("# my feeds\n# read daily\n", encoding="utf-8")
    assert run("add", "https://a.example.com/rss", "--no-fetch").code == 0
    assert run("add", "https://b.example.com/rss", "--no-fetch").code == 0
    text = run.config.read_text(encoding="utf-8")
    assert text == (
        "# my feeds\n# read daily\n\n"
        '[[feeds]]\nurl = "https://a.example.com/rss"\n\n'
        '[[feeds]]\nurl = "https://b.example.com/rss"\n'
    )
    urls = run.config.with_name("urls")
    urls.write_text("https://c.example.com/rss\nhttps://d.example.com/rss\n", encoding="utf-8")
    assert run("import", str(urls)).code == 0
    assert run.config.read_text(encoding="utf-8").endswith(
        '[[feeds]]\nurl = "https://b.example.com/rss"\n\n'
        '[[feeds]]\nurl = "https://c.example.com/rss"\nimported = true\n\n'
        '[[feeds]]\nurl = "https://d.example.com/rss"\nimported = true\n'
    )


def test_a_local_feed_file_is_a_feed_read_from_disk(run, fixtures: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.xml"
    feed.write_bytes((fixtures / "feeds" / "rss.xml").read_bytes())
    added = run("add", str(feed))
    assert added.code == 0, added.err
    assert "3 new articles from Harbour Town Gazette" in added.out
    source = run("sources", "--json").json()[0]
    assert (source["kind"], source["title"]) == ("files", "Harbour Town Gazette")
    assert len(run("articles", "--json").json()) == 3
    # a refresh reads it again from disk: a new item arrives, the old ones stay
    text = feed.read_text(encoding="utf-8")
    item = "<item><title>Ferry timetable changes</title><guid>new-1</guid>"
    feed.write_text(text.replace("<item>", item + "</item><item>", 1), encoding="utf-8")
    refreshed = run("refresh")
    assert refreshed.code == 0 and "1 new" in refreshed.out
    assert len(run("articles", "--json").json()) == 4
    with Store.open(run.db) as store:
        assert all(store.article(a["id"]).from_disk for a in run("articles", "--json").json())
    json_feed = tmp_path / "notes.json"
    json_feed.write_bytes((fixtures / "feeds" / "feed.json").read_bytes())
    assert run("add", str(json_feed)).code == 0


def test_a_local_file_that_is_no_feed_is_refused(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "feed.xml"
    bad.write_text("this is not a feed\n", encoding="utf-8")
    result = run("add", str(bad))
    assert result.code == 2 and "not a feed" in result.err
    assert not run.config.exists()


def test_a_relative_config_path_stores_the_same_sources_from_any_folder(
    run,  # type: ignore[no-untyped-def]
    fixtures: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hand-written ``path = "desk"`` is relative to feeds.toml's folder, whether feeds.toml
    was named relative to the working folder or absolutely: one folder, one source."""
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "bridge.txt").write_bytes((fixtures / "files" / "bridge.txt").read_bytes())
    run.config.write_text('[[feeds]]\npath = "desk"\n')
    monkeypatch.chdir(tmp_path)
    relative = ("--config", "feeds.toml", "--db", "cache.db")
    assert run("refresh", *relative, defaults=False).code == 0
    monkeypatch.chdir(fixtures)
    listed = run("sources", "--json").json()
    assert [(s["location"], s["total"], s["in_config"]) for s in listed] == [(str(desk), 1, True)]
