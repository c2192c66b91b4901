"""A synced item's HTML is stored as fetched and turned into paragraphs later: the article is
listed at once, opened before its conversion, converted whole or not at all when the process is
killed, and found by its text once converted (commands that search convert first)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsterm.cli import main
from newsterm.config import SyncConfig
from newsterm.ingest.backlog import analysed_article, ensure_analysed
from newsterm.models import SourceKind
from newsterm.store import Store, sync_html
from newsterm.sync import engine, subscriptions
from newsterm.sync.account import account_source
from newsterm.sync.client import item_long_id

SYNC = SyncConfig(url="http://127.0.0.1:9/api/greader.php", user="me")
STREAM = "feed/7"


def item(number: int, title: str, html: str) -> dict[str, Any]:
    """A Google Reader item as FreshRSS sends it."""
    return {
        "id": item_long_id(number),
        "title": title,
        "published": 1_796_000_000 - number,
        "canonical": [{"href": f"http://news.example/{number}"}],
        "origin": {"streamId": STREAM},
        "author": "Ana Ruiz",
        "summary": {"content": html},
    }


def body(number: int) -> str:
    return (
        f"<p>Item {number}: the council met on Tuesday.</p>"
        f"<p>&quot;We will not cut the libraries,&quot; said Mayor Ana Ruiz.</p>"
        f'<p>Write to <a href="mailto:desk{number}@example.com">the desk</a>.</p>'
    )


def save(store: Store, items: list[dict[str, Any]]) -> engine.SyncReport:
    """Store a page of items as the sync does."""
    account = account_source(store, SYNC)
    feed = store.upsert_source(SourceKind.SYNC, subscriptions.subscription_location(SYNC, STREAM))
    report = engine.SyncReport(account)
    engine._save_page(store, items, account.id, {STREAM: feed.id}, report)
    return report


def bodies(store: Store) -> dict[str, str]:
    return dict(store.conn.execute("SELECT title, body FROM articles").fetchall())


def fts_ok(store: Store) -> None:
    """The search index agrees with the articles (raises if not)."""
    store.conn.execute(
        "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"
    )


def test_a_synced_item_is_listed_at_once_and_opened_before_its_conversion(store: Store) -> None:
    report = save(store, [item(1, "Council budget", body(1))])
    assert report.new == 1
    [article_id] = report.new_ids
    listed = store.list_articles(limit=10)
    assert [a.title for a in listed] == ["Council budget"]
    assert bodies(store) == {"Council budget": ""}  # the HTML waits
    assert sync_html.waiting(store.conn)
    opened = analysed_article(store, article_id)  # the app's reader: nothing written
    assert opened is not None
    assert opened.paragraphs[:2] == [
        "Item 1: the council met on Tuesday.",
        '"We will not cut the libraries," said Mayor Ana Ruiz.',
    ]
    assert [q.speaker for q in opened.quotes] == ["Mayor Ana Ruiz"]
    assert "desk1@example.com" in [c.email for c in opened.contacts]
    assert sync_html.waiting(store.conn) and bodies(store) == {"Council budget": ""}
    ensure_analysed(store, article_id)  # `show`: the analysis writes the derived body
    shown = store.article(article_id)
    assert shown is not None and shown.paragraphs[0] == "Item 1: the council met on Tuesday."
    assert "desk1@example.com" in [c.email for c in shown.contacts]
    assert not sync_html.waiting(store.conn)
    fts_ok(store)


def test_search_finds_a_synced_items_text_once_converted(store: Store) -> None:
    save(store, [item(n, f"Story {n}", body(n)) for n in range(1, 4)])
    assert [h.article.title for h in store.search("Story")]  # titles are indexed at once
    assert store.search("libraries") == []  # the text is not, until it is converted
    assert sync_html.convert_all(store) == 3
    assert sorted(h.article.title for h in store.search("libraries")) == [
        "Story 1",
        "Story 2",
        "Story 3",
    ]
    assert not sync_html.waiting(store.conn)
    assert sync_html.convert_all(store) == 0
    fts_ok(store)


def test_commands_that_search_convert_first(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(store, [item(1, "Council budget", body(1))])
    config = tmp_path / "feeds.toml"
    config.write_text("")
    main(["search", "libraries", "--config", str(config), "--db", str(store.path)])
    assert "Council budget" in capsys.readouterr().out
    assert not sync_html.waiting(store.conn)


KILLED_CONVERSION = """
import os, signal, sys
from pathlib import Path
from newsterm.store import Store, sync_html
made = []
convert = sync_html.paragraphs
def convert_then_die(html):
    made.append(1)
    if len(made) == 3:  # the third article of the batch: killed inside the transaction
        os.kill(os.getpid(), signal.SIGKILL)
    return convert(html)
sync_html.paragraphs = convert_then_die
with Store.open(Path(sys.argv[1])) as store:
    sync_html.convert(store)
"""


def test_a_conversion_killed_midway_leaves_every_article_as_it_was(store: Store) -> None:
    save(store, [item(n, f"Story {n}", body(n)) for n in range(1, 6)])
    before = bodies(store)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_CONVERSION, str(store.path)], capture_output=True
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    with Store.open(store.path) as after:
        assert bodies(after) == before == {f"Story {n}": "" for n in range(1, 6)}
        waiting = after.conn.execute("SELECT count(*) FROM sync_html").fetchone()[0]
        assert waiting == 5
        assert sync_html.convert_all(after) == 5
        assert all(text.startswith(f"Item {n[-1]}:") for n, text in bodies(after).items())
        assert len(after.search("libraries")) == 5
        fts_ok(after)


def test_an_item_changed_on_the_server_is_converted_from_its_new_html(store: Store) -> None:
    save(store, [item(1, "Council budget", body(1))])
    sync_html.convert_all(store)
    report = save(store, [item(1, "Council budget", "<p>The meeting was cancelled.</p>")])
    assert (report.new, report.updated) == (0, 1)
    assert bodies(store) == {"Council budget": ""}  # rewritten: its new HTML waits
    sync_html.convert_all(store)
    assert bodies(store) == {"Council budget": "The meeting was cancelled."}
    assert store.search("libraries") == [] and len(store.search("cancelled")) == 1
    unchanged = save(store, [item(1, "Council budget", "<p>The meeting was cancelled.</p>")])
    assert (unchanged.new, unchanged.updated) == (0, 0)
    assert not sync_html.waiting(store.conn)
    fts_ok(store)


def test_html_left_by_an_article_rewritten_since_is_never_converted(store: Store) -> None:
    [article_id] = save(store, [item(1, "Council budget", body(1))]).new_ids
    with store.write() as conn:  # as a local feed taking the article over does
        conn.execute("UPDATE articles SET content_hash = 'other' WHERE id = ?", (article_id,))
    assert sync_html.html_of(store.conn, [article_id]) == {}
    assert sync_html.convert_all(store) == 0
    assert not sync_html.waiting(store.conn) and bodies(store) == {"Council budget": ""}
