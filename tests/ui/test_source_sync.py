"""Reading the sources at start-up writes to the cache only when feeds.toml differs from it."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from newsterm.config_parse import parse_config
from newsterm.store import Store
from newsterm.store.counts import generation
from newsterm.ui.sources_read import SourcesLoaded, load_sources

FEEDS = """
[[feeds]]
url = "http://127.0.0.1:9/a.xml"
title = "Feed A"
tags = ["local"]

[[feeds]]
path = "articles"
"""


def _load(db: Path, text: str, config_path: Path) -> SourcesLoaded:
    posted: list[Message] = []
    load_sources(posted.append, db, parse_config(text, config_path))
    (message,) = posted
    assert isinstance(message, SourcesLoaded)
    return message


def _generation(db: Path) -> int:
    with Store.open(db) as store:
        return generation(store.conn)


def test_an_unchanged_feeds_toml_writes_nothing_and_a_changed_one_is_synced(
    tmp_path: Path,
) -> None:
    db, config_path = tmp_path / "cache.db", tmp_path / "feeds.toml"
    first = _load(db, FEEDS, config_path)
    assert [(s.title, s.tags) for s in first.sources] == [("Feed A", ["local"]), (None, [])]
    assert first.sources[1].location == str(tmp_path / "articles")
    before = _generation(db)

    again = _load(db, FEEDS, config_path)  # as at every start-up with the same file
    assert _generation(db) == before  # no write: the kept counts stay valid
    assert [s.title for s in again.sources] == ["Feed A", None]

    a = "http://127.0.0.1:9/a.xml"
    for changed, expected in (
        (FEEDS.replace('"Feed A"', '"Feed B"'), ("Feed B", ["local"], False)),
        (FEEDS.replace('["local"]', '["world"]'), ("Feed A", ["world"], False)),
        (FEEDS.replace('"Feed A"', '"Feed A"\nfull_text = true'), ("Feed A", ["local"], True)),
    ):
        loaded = _load(db, changed, config_path)
        source = next(s for s in loaded.sources if s.location == a)
        assert (source.title, source.tags, source.full_text) == expected
    added = _load(db, FEEDS + '\n[[feeds]]\nurl = "http://127.0.0.1:9/c.xml"\n', config_path)
    assert "http://127.0.0.1:9/c.xml" in {s.location for s in added.sources}
