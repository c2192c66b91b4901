"""feeds.toml: validation with precise errors, and edits that keep comments and are atomic."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm import config_edit, config_load, config_parse, paths
from newsterm.config import FeedEntry
from newsterm.errors import ConfigError

SAMPLE = """\
# My feeds, hand-curated.
[settings]
concurrency = 8  # be gentle

# Morning reading
[[feeds]]
url = "https://news.example.com/rss"   # the big one
title = "Example News"
tags = ["world", "daily"]

[[feeds]]
path = "articles"
"""


@pytest.fixture
def feeds_file(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_reads_settings_and_feeds(feeds_file: Path) -> None:
    cfg = config_load.load_config(feeds_file)
    assert cfg.settings.concurrency == 8
    assert cfg.settings.read_timeout == 30.0
    assert cfg.feeds[0] == FeedEntry(
        url="https://news.example.com/rss", title="Example News", tags=("world", "daily")
    )
    assert cfg.resolve_path(cfg.feeds[1]) == feeds_file.parent / "articles"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[feeds]]\nurl = 'x'\ntitel = 'typo'\n", "line 3, column 1: unknown key 'titel'"),
        ("[settings]\nconcurency = 3\n", "line 2, column 1: unknown setting 'concurency'"),
        (
            "[settings]\nconcurrency = 'many'\n",
            "line 2, column 1: setting 'concurrency' must be int",
        ),
        ("[settings]\nmark_read_on_open = 1\n", "setting 'mark_read_on_open' must be bool"),
        (
            "[[feeds]]\nurl = 'a'\n\n[[feeds]]\ntags = 'news'\npath = 'p'\n",
            "line 5, column 1: 'tags' must be a list of strings",
        ),
        ("[[feeds]]\ntitle = 'nothing'\n", "line 1, column 1: [[feeds]] #1 needs exactly one"),
        ("[[feeds]]\nurl = 'a'\npath = 'b'\n", "needs exactly one of 'url' or 'path'"),
        ("colour = 'blue'\n", "line 1, column 1: unknown key 'colour'"),
        ("[settings\n", "invalid TOML"),
        ("a = = 1\n", "(at line 1, column 5)"),
    ],
)
def test_errors_name_file_line_and_column(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        config_load.load_config(path)
    assert str(path) in info.value.message
    assert message in info.value.message
    assert "\n" not in info.value.message


def test_add_feed_keeps_comments_and_order(feeds_file: Path) -> None:
    config_edit.add_feed(feeds_file, FeedEntry(url="https://b.example.org/atom", tags=("tech",)))
    text = feeds_file.read_text(encoding="utf-8")
    assert text.startswith(SAMPLE)
    assert "# the big one" in text and "# be gentle" in text
    cfg = config_load.load_config(feeds_file)
    assert [f.location for f in cfg.feeds] == [
        "https://news.example.com/rss",
        "articles",
        "https://b.example.org/atom",
    ]
    assert cfg.feeds[2].tags == ("tech",)


def test_remove_feed_keeps_the_rest(feeds_file: Path) -> None:
    assert config_edit.remove_feed(feeds_file, "articles")
    text = feeds_file.read_text(encoding="utf-8")
    assert "# the big one" in text and 'path = "articles"' not in text
    assert not config_edit.remove_feed(feeds_file, "articles")


def test_replace_url(feeds_file: Path) -> None:
    assert config_edit.replace_url(
        feeds_file, "https://news.example.com/rss", "https://new.example/"
    )
    assert 'url = "https://new.example/"   # the big one' in feeds_file.read_text()


def test_edit_of_a_broken_file_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    broken = b"# mine\n[[feeds]\nurl = 'x'\n"
    path.write_bytes(broken)
    with pytest.raises(ConfigError):
        config_edit.add_feed(path, FeedEntry(url="https://example.com/feed"))
    assert path.read_bytes() == broken
    assert [p.name for p in tmp_path.iterdir()] == ["feeds.toml"]


def test_failed_write_leaves_file_and_no_temp(
    feeds_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = feeds_file.read_bytes()

    def explode(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(paths.os, "replace", explode)
    with pytest.raises(ConfigError, match=r"feeds\.toml: cannot write: disk full"):
        config_edit.add_feed(feeds_file, FeedEntry(url="https://c.example/rss"))
    assert feeds_file.read_bytes() == before
    assert sorted(p.name for p in feeds_file.parent.iterdir()) == ["feeds.toml"]


def test_ensure_config_copies_shipped_file_and_samples(tmp_path: Path) -> None:
    target = tmp_path / "conf" / "feeds.toml"
    assert config_load.ensure_config(target)
    cfg = config_load.load_config(target)
    sample_entries = [f for f in cfg.feeds if f.path]
    assert sample_entries, "the shipped feeds.toml lists the offline samples"
    assert any(cfg.resolve_path(sample_entries[0]).glob("*.txt"))
    assert any(f.url for f in cfg.feeds)
    before = target.read_bytes()
    assert not config_load.ensure_config(target)
    assert target.read_bytes() == before


def test_text_shown_from_feeds_toml_is_terminal_safe(tmp_path: Path) -> None:
    """Titles, tags and view titles are shown by the app and the CLI: a copied feeds.toml's
    escape sequences, C1 and bidi controls are removed on reading; markup stays as written."""
    text = r"""
[[feeds]]
url = "https://example.com/feed"
title = "Good\u001b]52;c;eA==\u0007 news\u009b2J \u202e[bold]x[/]"
tags = ["world\u001b[2J", "plain"]

[tags."world\u001b[2J"]
keep = "7d"

[[views]]
title = "Mine\u001b]8;;file:///etc\u0007"
query = "is:unread"
"""
    cfg = config_parse.parse_config(text, tmp_path / "feeds.toml")
    entry = cfg.feeds[0]
    assert entry.title == "Good news [bold]x[/]"
    assert entry.tags == ("world", "plain")
    assert set(cfg.tags) == {"world"}  # the tag's table names the same, cleaned tag
    assert [view.title for view in cfg.views] == ["Mine"]
