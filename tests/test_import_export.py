"""OPML and newsboat urls: import (idempotent, safe) and export round trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm.cli import main
from newsterm.config_load import load_config
from newsterm.ingest.opml import OpmlError, Subscription, read_opml, write_opml
from newsterm.ingest.urlsfile import read_urls, write_urls
from tests.feedserver import FIXTURES, fixture


def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> tuple[int, str, str]:
    config = tmp_path / "feeds.toml"
    if not config.exists():
        config.write_text("# my feeds\n[settings]\n", encoding="utf-8")
    try:
        main(["--config", str(config), "--db", str(tmp_path / "c.db"), *args])
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_opml_folders_become_tags() -> None:
    found = read_opml(fixture("subscriptions.opml"))
    assert found.feeds == [
        Subscription("https://gazette.example/rss.xml", "Harbour Town Gazette", ("News",)),
        Subscription("https://valley.example/atom.xml", "Valley Weekly", ("News", "Local")),
        Subscription("https://orchard.example/feed.json", "Orchard Notes", ("food", "gardens")),
    ]
    assert any("|cat /etc/passwd" in w for w in found.warnings)


def test_opml_without_opml_or_body_elements() -> None:
    bare = b'<body><outline text="A" xmlUrl="https://a.example/feed"/></body>'
    assert read_opml(bare).feeds == [Subscription("https://a.example/feed", "A")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (  # the DOCTYPE is dropped unread: its entities are undefined, never expanded
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;">]>'
            b'<opml><body><outline text="&b;" xmlUrl="https://x.example/"/></body></opml>',
            "not well-formed XML (undefined entity",
        ),
        (b"<opml><body><outline", "not well-formed XML (unclosed token"),
        (b"<rss><channel/></rss>", "not OPML (root element <rss>)"),
    ],
)
def test_hostile_or_broken_opml(data: bytes, message: str) -> None:
    with pytest.raises(OpmlError) as raised:
        read_opml(data)
    assert str(raised.value).startswith(message)
    assert "aaaa" not in str(raised.value)


def test_urls_file_skips_commands_and_keeps_tags_and_titles() -> None:
    found = read_urls(fixture("urls"))
    assert found.feeds == [
        Subscription("https://gazette.example/rss.xml", "Harbour Gazette", ("news", "local news")),
        Subscription("https://valley.example/atom.xml"),
        Subscription("https://orchard.example/feed.json", None, ("food",)),
    ]
    text = " ".join(found.warnings)
    for kind in ("query:", "exec:", "filter:", "ftp://"):
        assert kind in text


def test_round_trips() -> None:
    feeds = [
        Subscription("https://a.example/feed", "A & B <news>", ("world", "daily")),
        Subscription("https://b.example/rss", None, ()),
        Subscription("https://c.example/atom", 'Quote "this"', ("world",)),
    ]
    by_url = sorted(read_opml(write_opml(feeds).encode()).feeds, key=lambda f: f.url)
    assert by_url == sorted(feeds, key=lambda f: f.url)
    assert read_urls(write_urls(feeds).encode()).feeds == feeds


def test_cli_import_is_idempotent_and_export_round_trips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, tmp_path, "import", str(FIXTURES / "subscriptions.opml"))
    assert code == 0 and "imported 3 feeds, 0 already" in out
    assert "warning" in err
    code, out, _ = run(capsys, tmp_path, "import", str(FIXTURES / "urls"))
    assert code == 0 and "imported 0 feeds, 3 already" in out
    cfg = load_config(tmp_path / "feeds.toml")
    assert [e.tags for e in cfg.feeds][1] == ("News", "Local")
    assert (tmp_path / "feeds.toml").read_text().startswith("# my feeds")
    code, opml, _ = run(capsys, tmp_path, "export")
    assert code == 0
    assert {f.url for f in read_opml(opml.encode()).feeds} == {e.url for e in cfg.feeds}
    assert read_opml(opml.encode()).feeds[1].tags == ("News", "Local")
    out_file = tmp_path / "out.urls"
    code, _, _ = run(capsys, tmp_path, "export", "--format", "urls", "-o", str(out_file))
    assert code == 0
    assert [f.url for f in read_urls(out_file.read_bytes()).feeds] == [e.url for e in cfg.feeds]


def test_cli_import_missing_or_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, tmp_path, "import", str(tmp_path / "nope.opml"))
    assert code == 2 and "no such file" in err
    bad = tmp_path / "bad.opml"
    bad.write_bytes(b"<opml><body><outline")
    before = (tmp_path / "feeds.toml").read_bytes()
    code, _, err = run(capsys, tmp_path, "import", str(bad))
    assert code == 2 and "not well-formed" in err
    assert (tmp_path / "feeds.toml").read_bytes() == before
