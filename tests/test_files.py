"""Article files: formats, encodings, and refreshes that add, update and mark gone."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from newsterm.config import Config
from newsterm.ingest import file_refresh, files, service
from newsterm.models import SourceKind, SourceStatus
from newsterm.store import Store


def test_txt_format_title_then_paragraphs(fixtures: Path) -> None:
    raw = files.read_article(fixtures / "files" / "bridge.txt")
    assert raw.title == "Riverside Bridge Reopens After Two-Year Repair"
    assert raw.paragraphs[0] == "By Nadia Ferrante"
    assert raw.paragraphs[1].startswith("The Riverside Bridge reopened")
    assert raw.guid == str((fixtures / "files" / "bridge.txt").resolve())
    assert len(raw.content_hash) == 64


def test_cp1252_and_crlf(fixtures: Path) -> None:
    raw = files.read_article(fixtures / "files" / "orchard-cp1252.txt")
    assert raw.title == "Orchard Harvest Festival Draws Record Crowd"
    assert raw.paragraphs[1] == (
        "Organisers said the café ran out of cider by noon – a first in its history."
    )
    assert all("\r" not in p for p in raw.paragraphs)


def test_utf16_and_controls(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Title\x00 here\n\nBody\x1b[2J with \x07bell.".encode("utf-16"))
    raw = files.read_article(path)
    assert (raw.title, raw.paragraphs) == ("Title here", ["Body with bell."])


def test_markdown(fixtures: Path) -> None:
    raw = files.read_article(fixtures / "files" / "museum.md")
    assert raw.title == "Museum Opens a Wing for Maps"
    assert raw.paragraphs == [
        "The city museum opened a new wing devoted to maps on Saturday.",
        "It holds more than 400 charts, some of them older than the city itself.",
    ]


def test_html_drops_chrome(fixtures: Path) -> None:
    raw = files.read_article(fixtures / "files" / "parade.html")
    assert raw.title == "Lantern Parade Lights Up the Old Town"
    assert raw.paragraphs == [
        "Thousands of paper lanterns floated through the old town on Saturday night.",
        "“We made ours from recycled newspapers,” said Ines Carvalho, a teacher.",
    ]


@pytest.fixture
def folder(tmp_path: Path, fixtures: Path) -> Path:
    target = tmp_path / "articles"
    shutil.copytree(fixtures / "files", target / "nested")
    (target / "notes.pdf").write_bytes(b"%PDF")
    (target / ".hidden.txt").write_text("Hidden\n\nnot an article")
    return target


def test_folder_refresh_adds_updates_and_marks_gone(tmp_path: Path, folder: Path) -> None:
    store = Store.open(tmp_path / "cache.db")
    source = store.upsert_source(SourceKind.FILES, str(folder))
    first = file_refresh.refresh_files(store, source)
    assert (first.new, first.error) == (4, None)

    again = file_refresh.refresh_files(store, source)
    assert (again.new, again.updated) == (0, 0)

    bridge = folder / "nested" / "bridge.txt"
    (article,) = [a for a in store.list_articles() if a.title.startswith("Riverside")]
    store.set_read([article.id])
    bridge.write_text(bridge.read_text() + "\nAn added paragraph.\n")
    changed = file_refresh.refresh_files(store, source)
    assert (changed.new, changed.updated) == (0, 1)
    updated = store.article(article.id)
    assert updated is not None and updated.read and updated.paragraphs[-1] == "An added paragraph."

    os.remove(folder / "nested" / "museum.md")
    deleted = file_refresh.refresh_files(store, source)
    assert deleted.gone == 1
    assert [a.title for a in store.list_articles() if a.gone] == ["Museum Opens a Wing for Maps"]
    assert store.count_articles() == 4


def test_missing_source_path_is_an_error_on_the_source(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "cache.db")
    source = store.upsert_source(SourceKind.FILES, str(tmp_path / "gone"))
    outcome = file_refresh.refresh_files(store, source)
    assert outcome.error and "no such file or folder" in outcome.error
    refreshed = store.source(source.id)
    assert refreshed is not None and refreshed.status is SourceStatus.ERROR


def test_sync_sources_follows_feeds_toml(tmp_path: Path, folder: Path) -> None:
    store = Store.open(tmp_path / "cache.db")
    from newsterm.config import FeedEntry

    cfg = Config(
        path=tmp_path / "feeds.toml",
        feeds=(
            FeedEntry(path="articles", title="Mine", tags=("local",)),
            FeedEntry(url="https://example.com/rss"),
        ),
    )
    synced = service.sync_sources(store, cfg)
    assert [(s.kind, s.location, s.title, s.tags) for s in synced] == [
        (SourceKind.FILES, str(folder), "Mine", ["local"]),
        (SourceKind.FEED, "https://example.com/rss", None, []),
    ]


def test_an_html_file_is_read_by_the_full_text_extraction(fixtures: Path) -> None:
    """`parse`/`add` of a saved page and `fulltext` of the same page give the same body."""
    from newsterm.extract.fulltext import extract_full_text

    for page in sorted((fixtures / "pages").glob("*.html"))[:4]:
        data = page.read_bytes()
        title, paragraphs, _authors = files.parse_article_bytes(data, ".html")
        expected = extract_full_text(data.decode("utf-8"), title=title).paragraphs
        assert paragraphs == expected, page.name
        assert paragraphs, page.name
