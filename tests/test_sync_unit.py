"""Sync without the real server: [sync] in feeds.toml, where the password comes from, what a
server that is not a Google Reader API is told apart as, and the durable change queue."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsterm.config import Config, SyncConfig
from newsterm.config_load import load_config
from newsterm.errors import ConfigError
from newsterm.models import SourceKind
from newsterm.store import ArticleFilter, Store
from newsterm.store.sync_queue import Change, drop_sent, link, pending, pending_count
from newsterm.sync import password as password_mod
from newsterm.sync.account import check_login
from newsterm.sync.client import GReaderClient, SyncError, item_long_id, item_number
from newsterm.sync.password import sync_password
from tests.feedserver import Answer, FeedServer

SYNC = '[sync]\nservice = "greader"\nurl = "https://rss.example/api/greader.php"\nuser = "me"\n'


def test_sync_table_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(SYNC + 'password_command = "pass show rss"\nmax_items = 50\n')
    cfg = load_config(path)
    assert cfg.sync == SyncConfig(
        url="https://rss.example/api/greader.php",
        user="me",
        password_command="pass show rss",
        max_items=50,
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('password = "secret"\n', "line 5, column 1: unknown key 'password' in [sync]"),
        ("max_items = 0\n", "[sync] max_items must be a positive integer"),
    ],
)
def test_bad_sync_table_is_one_line(tmp_path: Path, extra: str, message: str) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(SYNC + extra)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert message in caught.value.message
    assert "secret" not in caught.value.message


def test_other_services_and_schemes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(SYNC.replace('"greader"', '"fever"'))
    with pytest.raises(ConfigError, match="service 'fever' is not supported"):
        load_config(path)
    path.write_text(SYNC.replace("https://", "ftp://"))
    with pytest.raises(ConfigError, match="url must be http or https"):
        load_config(path)


def sync_cfg(command: str | None) -> SyncConfig:
    return SyncConfig(url="http://127.0.0.1:9/api/greader.php", user="me", password_command=command)


def test_the_environment_variable_comes_first() -> None:
    env = {"NEWSTERM_SYNC_PASSWORD": "from-env"}
    assert sync_password(sync_cfg("false"), env) == "from-env"


def test_password_command_runs_without_a_shell(tmp_path: Path) -> None:
    marker = tmp_path / "made-by-a-shell"
    command = f"printf '%s\\n' 'pa ss;word' ; touch {marker}"
    assert sync_password(sync_cfg(command), {}) == "pa ss;word"
    assert not marker.exists()


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (None, "sync: no password: set [sync] password_command in feeds.toml or "),
        ("no-such-program-here", "sync: password_command: no-such-program-here: no such program"),
        ("sh -c 'echo hunter2; exit 3'", "sync: password_command failed (exit status 3)"),
        ("true", "sync: password_command printed no password"),
        ("'unbalanced", "sync: [sync] password_command cannot be split"),
    ],
)
def test_password_problems_are_one_line_without_the_output(
    command: str | None, message: str
) -> None:
    with pytest.raises(SyncError) as caught:
        sync_password(sync_cfg(command), {})
    assert caught.value.message.startswith(message)
    assert "hunter2" not in caught.value.message and "\n" not in caught.value.message


def test_a_password_command_that_hangs_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(password_mod, "COMMAND_TIMEOUT", 0.2)
    with pytest.raises(SyncError, match=r"did not finish in 0\.2 s"):
        sync_password(sync_cfg("sleep 60"), {})


def test_item_ids_round_trip() -> None:
    long_id = "tag:google.com,2005:reader/item/000661de26c8a587"
    number = item_number(long_id)
    assert number == int("000661de26c8a587", 16) == item_number(str(number))
    assert item_long_id(number) == long_id
    high = "tag:google.com,2005:reader/item/ffffffffffffffff"
    assert item_number(high) == -1 and item_long_id(-1) == high


def login_error(url: str) -> str:
    client = GReaderClient(url, "me", "s3cret-pass", timeout=5, connect_timeout=5)
    with pytest.raises(SyncError) as caught, client:
        client.login()
        client.subscriptions()
    return caught.value.message


def test_what_is_not_a_google_reader_api_is_said_in_one_line(server: FeedServer) -> None:
    # A plain web server: it takes no POST (501).
    server.routes["/page/accounts/ClientLogin"] = Answer(b"<html>hi</html>", 404)
    assert login_error(server.url("/page")) == (
        f"sync: 127.0.0.1:{server.httpd.server_address[1]}: HTTP 501 for accounts/ClientLogin: "
        "not a Google Reader API (check [sync] url)"
    )


def test_an_unreachable_server_is_said_in_one_line(server: FeedServer) -> None:
    port = server.httpd.server_address[1]
    server.stop()
    message = login_error(f"http://127.0.0.1:{port}/api/greader.php")
    assert message == f"sync: 127.0.0.1:{port}: unreachable: connection refused"


def test_a_tls_failure_is_told_apart(server: FeedServer) -> None:
    message = login_error(f"https://127.0.0.1:{server.httpd.server_address[1]}/api/greader.php")
    assert "TLS error" in message and "s3cret" not in message


def test_sync_login_without_sync_table_is_a_usage_error(tmp_path: Path, store: Store) -> None:
    from newsterm.errors import UsageError

    with pytest.raises(UsageError, match="sync is off"):
        check_login(store, Config(path=tmp_path / "feeds.toml"))


# -- the queue --------------------------------------------------------------------------------


def synced_store(store: Store) -> list[int]:
    """Three articles of a sync source, linked to server items 101..103."""
    from newsterm.analysis import RawArticle

    source = store.upsert_source(SourceKind.SYNC, "http://127.0.0.1:9/api#feed/1")
    raws = [
        RawArticle(guid=f"g{i}", title=f"T{i}", paragraphs=["x"], content_hash=str(i))
        for i in range(3)
    ]
    ids = store.save_articles(source.id, raws).new_ids
    with store.write() as conn:
        link(conn, [(101 + n, article_id, None, None, None) for n, article_id in enumerate(ids)])
    return ids


def test_changes_are_queued_once_per_item_and_state(store: Store) -> None:
    a, b, c = synced_store(store)
    store.set_read([a, b])
    store.set_read([a], False)  # the latest change of a state wins
    store.set_starred(c, True)
    store.set_read([b])  # no change: b is read already
    changes = {(ch.item, ch.state, ch.value) for ch in pending(store.conn)}
    assert changes == {(101, "read", False), (102, "read", True), (103, "starred", True)}
    assert store.mark_all_read(ArticleFilter()) == 2
    assert {(ch.item, ch.value) for ch in pending(store.conn) if ch.state == "read"} == {
        (101, True),
        (102, True),
        (103, True),
    }


def test_a_change_made_while_sending_stays_queued(store: Store) -> None:
    a, _, _ = synced_store(store)
    store.set_read([a])
    sent = pending(store.conn)
    store.set_read([a], False)  # while the batch was on its way
    drop_sent(store.conn, sent)
    assert [(ch.item, ch.value) for ch in pending(store.conn)] == [(101, False)]


def test_articles_of_local_feeds_queue_nothing(store: Store) -> None:
    from newsterm.analysis import RawArticle

    source = store.upsert_source(SourceKind.FEED, "http://127.0.0.1:9/feed.xml")
    raw = RawArticle(guid="g", title="T", paragraphs=["x"], content_hash="h")
    (article,) = store.save_articles(source.id, [raw]).new_ids
    store.set_read([article])
    store.set_starred(article, True)
    assert pending_count(store.conn) == 0


def test_the_queue_is_committed_with_the_change(store: Store, tmp_path: Path) -> None:
    a, _, _ = synced_store(store)
    store.set_starred(a, True)
    other = sqlite3.connect(tmp_path / "cache.db")
    assert other.execute("SELECT item, state, value FROM sync_queue").fetchall() == [
        (101, "starred", 1)
    ]
    assert other.execute("SELECT starred FROM articles WHERE id = ?", (a,)).fetchone() == (1,)
    other.close()
    assert json.dumps([c.item for c in pending(store.conn)]) == "[101]"
    assert isinstance(pending(store.conn)[0], Change)


def test_mark_works_without_sync(
    tmp_path: Path, fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsterm.cli import main

    config, db = tmp_path / "feeds.toml", tmp_path / "cache.db"

    def run(*args: str) -> int:
        try:
            main([*args, "--config", str(config), "--db", str(db)])
        except SystemExit as exc:
            return int(exc.code or 0)
        return 0

    assert run("add", str(fixtures / "files" / "bridge.txt")) == 0
    with Store.open(db) as store:
        (article,) = store.list_articles()
    assert run("mark", str(article.id), "--read") == 0
    assert run("mark", str(article.id), "--star") == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "marked 1 article read",
        "marked 1 article starred",
    ]
    with Store.open(db) as store:
        marked = store.article(article.id)
        assert marked is not None and marked.read and marked.starred
        assert pending_count(store.conn) == 0
    assert run("mark", str(article.id)) == 2
    assert run("mark", "999", "--read") == 2
    errors = capsys.readouterr().err.splitlines()
    assert errors == [
        "newsterm: say what to do: --read, --unread, --star or --unstar",
        "newsterm: 999: no such article (see `newsterm articles`)",
    ]


def test_an_items_state_is_read_from_its_categories() -> None:
    """Whatever the server writes for the user ("-" or a number); an item without a
    reading-list state does not say its state (the first sync then asks for the id lists)."""
    from newsterm.sync.items import READ_FLAG, STARRED_FLAG, UNKNOWN_STATE, item_state

    mine = "user/-/state/com.google/"
    numbered = "user/1005921515/state/com.google/"
    assert item_state({"categories": [f"{mine}reading-list", "user/-/label/World"]}) == 0
    assert item_state({"categories": [f"{numbered}reading-list", f"{numbered}read"]}) == READ_FLAG
    both = [f"{mine}reading-list", f"{mine}starred", f"{mine}read"]
    assert item_state({"categories": both}) == READ_FLAG | STARRED_FLAG
    assert item_state({"categories": ["user/-/label/com.google/read"]}) == UNKNOWN_STATE
    assert item_state({"categories": "read"}) == item_state({}) == UNKNOWN_STATE
