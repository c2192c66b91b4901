"""Two-way sync against the real FreshRSS (../shared/servers): login, items, read/star both ways,
offline changes through a SIGKILL, failures that lose nothing, subscriptions on the server."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsterm.cli import main
from newsterm.store import ArticleFilter, Store, sync_html
from newsterm.store.sync_queue import pending_count
from newsterm.sync.client import item_number
from tests.feedserver import Answer, FeedServer
from tests.freshrss import READ, READING_LIST, STARRED, Account, FreshRSS, Relay, unavailable

pytestmark = pytest.mark.skipif(unavailable() is not None, reason=unavailable() or "")


@pytest.fixture(scope="module")
def freshrss(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FreshRSS]:
    """One FreshRSS for the module (each xdist worker has its own port and folder)."""
    server = FreshRSS(tmp_path_factory.mktemp("freshrss") / "app")
    try:
        yield server
    finally:
        server.stop()


def rss(title: str, items: list[tuple[str, str]]) -> bytes:
    """An RSS feed whose items (slug, speaker) each hold a quotation."""
    parts = []
    for day, (slug, speaker) in enumerate(items, start=1):
        body = (
            f"&lt;p&gt;The council met on {slug}.&lt;/p&gt;"
            f"&lt;p&gt;&quot;We will build the bridge,&quot; said {speaker}.&lt;/p&gt;"
        )
        parts.append(
            f"<item><title>Story {slug}</title><link>http://news.example/{slug}</link>"
            f"<guid>{slug}</guid><pubDate>Tue, 0{day} Dec 2026 10:00:00 GMT</pubDate>"
            f"<description>{body}</description></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://news.example/</link>{''.join(parts)}</channel></rss>"
    ).encode()


STORIES = [("alpha", "Ann Lee"), ("beta", "Bo Chen"), ("gamma", "Cy Diaz")]


@dataclass
class Result:
    code: int
    out: str
    err: str


@dataclass
class Env:
    account: Account
    relay: Relay
    feeds: FeedServer
    config: Path
    db: Path
    capsys: pytest.CaptureFixture[str]

    def run(self, *args: str) -> Result:
        try:
            main([*args, "--config", str(self.config), "--db", str(self.db)])
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def store(self) -> Store:
        return Store.open(self.db)

    def article_ids(self) -> dict[str, int]:
        """Title -> article id."""
        with self.store() as store:
            return {a.title: a.id for a in store.list_articles(limit=1000)}

    def item_of(self, article_id: int) -> int:
        with self.store() as store:
            row = store.conn.execute(
                "SELECT item FROM sync_items WHERE article_id = ?", (article_id,)
            ).fetchone()
        return int(row[0])


@pytest.fixture
def env(
    freshrss: FreshRSS,
    server: FeedServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Iterator[Env]:
    """A fresh FreshRSS user subscribed (in folder "World") to a feed this test serves, fetched
    by FreshRSS; newsterm configured to sync with it through a relay that can fail."""
    account = freshrss.account()
    server.routes["/news.xml"] = Answer(rss("City News", STORIES))
    account.subscribe(server.url("/news.xml"), folder="World")
    account.actualize()
    relay = Relay(freshrss.base)
    config = tmp_path / "feeds.toml"
    config.write_text(
        "[settings]\nconnect_timeout = 5.0\nread_timeout = 60.0\n\n"
        f'[sync]\nservice = "greader"\nurl = "{relay.url}/api/greader.php"\n'
        f'user = "{account.user}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("NEWSTERM_SYNC_PASSWORD", account.password)
    try:
        yield Env(account, relay, server, config, tmp_path / "cache.db", capsys)
    finally:
        relay.stop()


def test_login_then_first_sync_brings_subscriptions_folders_and_analysed_items(env: Env) -> None:
    login = env.run("sync", "login")
    assert login.code == 0, login.err
    assert login.out.strip() == f"logged in to 127.0.0.1 as {env.account.user}: 1 subscriptions"
    refreshed = env.run("refresh", "--analyse")  # synced items are analysed like any others
    assert refreshed.code == 0, refreshed.err
    assert "3 new" in refreshed.out and "analysed 3 articles" in refreshed.out
    sources = json.loads(env.run("sources", "--json").out)
    synced = [s for s in sources if s["title"] == "City News"]
    assert len(synced) == 1 and synced[0]["kind"] == "sync" and synced[0]["tags"] == ["World"]
    # Refreshed by the sync: listed with the configured sources, checked by this sync.
    assert synced[0]["in_config"] and synced[0]["status"] == "ok" and synced[0]["last_checked"]
    listed = env.run("sources").out
    assert "City News" in listed and "Not in" not in listed and "never read" not in listed
    ids = env.article_ids()
    assert set(ids) == {"Story alpha", "Story beta", "Story gamma"}
    with env.store() as store:
        article = store.article(ids["Story beta"])
        assert article is not None
        assert article.paragraphs[0] == "The council met on beta."
        assert [(q.text, q.speaker) for q in article.quotes] == [
            ("We will build the bridge", "Bo Chen")
        ]
        assert article.url == "http://news.example/beta"
    # An incremental sync with nothing new changes nothing.
    again = env.run("refresh")
    assert again.code == 0 and "0 new, 0 updated" in again.out
    assert len(env.article_ids()) == 3


PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_a_synced_item_is_analysed_shown_searched_and_its_full_text_fetched(env: Env) -> None:
    """A synced item is an article like any other: `show` gives its quotation with the
    speaker and the contact of its trailer; `fulltext` fetches its page (from the host the
    sync names); search finds words of the page's text."""
    page = (PAGES / "flood_defences.html").read_text(encoding="utf-8")
    env.feeds.routes["/flood.html"] = Answer(page.encode(), content_type="text/html")
    link = env.feeds.url("/flood.html")
    body = (
        "&lt;p&gt;Contractors began driving steel piles into the banks of the River Skell."
        "&lt;/p&gt;&lt;p&gt;&quot;We waited four years for this,&quot; said Tom Reyes, who "
        "chairs the residents' group.&lt;/p&gt;&lt;p&gt;Write to Catriona Doyle at "
        "catriona.doyle@example.com&lt;/p&gt;"
    )
    env.feeds.routes["/skell.xml"] = Answer(
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Skell Courier</title>'
            f"<link>{link}</link><item><title>Flood wall work begins</title><link>{link}</link>"
            "<guid>flood</guid><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate>"
            f"<description>{body}</description></item></channel></rss>"
        ).encode()
    )
    env.account.subscribe(env.feeds.url("/skell.xml"))
    assert env.run("refresh").code == 0
    article_id = env.article_ids()["Flood wall work begins"]
    shown = json.loads(env.run("show", str(article_id), "--json").out)
    assert [(q["text"], q["speaker"]) for q in shown["quotes"]] == [
        ("We waited four years for this", "Tom Reyes")
    ]
    assert [(c["name"], c["email"]) for c in shown["contacts"]] == [
        ("Catriona Doyle", "catriona.doyle@example.com")
    ]
    text = env.run("show", str(article_id)).out
    assert "Tom Reyes" in text and "catriona.doyle@example.com" in text
    assert "Flood wall" not in env.run("search", "Olusanya").out  # not in the feed's text
    fetched = env.run("fulltext", str(article_id))
    assert fetched.code == 0, fetched.err
    assert fetched.out.startswith(f"{article_id}: fetched ")
    full = json.loads(env.run("show", str(article_id), "--json").out)
    assert "Margaret Olusanya" in [q["speaker"] for q in full["quotes"]], full["quotes"]
    assert "Flood wall work begins" in env.run("search", "Olusanya").out


def test_mark_read_and_star_here_reach_freshrss(env: Env) -> None:
    assert env.run("refresh").code == 0
    ids = env.article_ids()
    alpha, beta = ids["Story alpha"], ids["Story beta"]
    assert env.run("mark", str(alpha), str(beta), "--read").code == 0
    assert env.run("mark", str(beta), "--star").code == 0
    with env.store() as store:
        assert pending_count(store.conn) == 3
    assert env.run("refresh").code == 0
    unread = env.account.ids(READING_LIST, exclude=READ)
    assert env.item_of(alpha) not in unread and env.item_of(beta) not in unread
    assert env.item_of(ids["Story gamma"]) in unread
    assert env.account.ids(STARRED) == {env.item_of(beta)}
    with env.store() as store:
        assert pending_count(store.conn) == 0
    # And back: unread and unstarred here -> there.
    assert env.run("mark", str(alpha), "--unread").code == 0
    assert env.run("mark", str(beta), "--unstar").code == 0
    assert env.run("refresh").code == 0
    assert env.item_of(alpha) in env.account.ids(READING_LIST, exclude=READ)
    assert env.account.ids(STARRED) == set()


def test_a_thousand_marks_reach_freshrss_in_two_requests(env: Env) -> None:
    """1,000 articles marked read here are sent in one edit-tag request (and the token it
    needs), counted at the relay; FreshRSS then has them all read."""
    for feed in range(5):
        stories = [(f"f{feed}s{i}", "Ann Lee") for i in range(200)]
        env.feeds.routes[f"/bulk{feed}.xml"] = Answer(rss(f"Bulk {feed}", stories))
        env.account.subscribe(env.feeds.url(f"/bulk{feed}.xml"))
    assert env.run("refresh").code == 0
    with env.store() as store:
        bulk = [a.id for a in store.list_articles(limit=2000) if a.source_title.startswith("Bulk")]
    assert len(bulk) == 1000
    assert env.run("mark", *map(str, bulk), "--read").code == 0
    env.relay.requests.clear()
    sent = env.run("sync")
    assert sent.code == 0, sent.err
    carrying = [r for r in env.relay.requests if "edit-tag" in r or "/token" in r]
    assert len(carrying) <= 2 and sum("edit-tag" in r for r in carrying) == 1, carrying
    unread = env.account.ids(READING_LIST, exclude=READ)
    assert not {env.item_of(article_id) for article_id in bulk} & unread
    assert len(unread) == 3  # the three stories of the fixture's own feed


def test_star_and_read_in_freshrss_come_back(env: Env) -> None:
    assert env.run("refresh").code == 0
    items = {str(i["title"]): str(i["id"]) for i in env.account.items()}
    env.account.set_state([items["Story gamma"]], STARRED)
    env.account.set_state([items["Story alpha"], items["Story gamma"]], READ)
    assert env.run("refresh").code == 0
    with env.store() as store:
        starred = store.list_articles(ArticleFilter(starred_only=True))
        unread = store.list_articles(ArticleFilter(unread_only=True))
    assert [a.title for a in starred] == ["Story gamma"]
    assert [a.title for a in unread] == ["Story beta"]
    assert item_number(items["Story gamma"]) == env.item_of(env.article_ids()["Story gamma"])


def assert_read_and_starred_on_both_sides(env: Env, article_id: int) -> None:
    """The article is read and starred here and in FreshRSS, and nothing waits to be sent."""
    assert env.item_of(article_id) not in env.account.ids(READING_LIST, exclude=READ)
    assert env.account.ids(STARRED) == {env.item_of(article_id)}
    with env.store() as store:
        article = store.article(article_id)
        assert article is not None and article.read and article.starred
        assert pending_count(store.conn) == 0


def test_a_change_undone_here_lets_the_change_made_elsewhere_stand(env: Env) -> None:
    """Both sides changed an item since the last sync: here it was read and unread again,
    starred and unstarred again (no change in the end); in FreshRSS it was read and starred.
    FreshRSS's change stands: nothing is sent back, and it arrives here."""
    assert env.run("refresh").code == 0
    alpha = env.article_ids()["Story alpha"]
    for flag in ("--read", "--unread", "--star", "--unstar"):
        assert env.run("mark", str(alpha), flag).code == 0
    with env.store() as store:
        assert pending_count(store.conn) == 2  # the last change of each state is queued
    items = {str(i["title"]): str(i["id"]) for i in env.account.items()}
    env.account.set_state([items["Story alpha"]], READ)
    env.account.set_state([items["Story alpha"]], STARRED)
    assert env.run("refresh").code == 0
    assert_read_and_starred_on_both_sides(env, alpha)


def test_a_change_made_here_wins_over_one_undone_elsewhere(env: Env) -> None:
    """The other direction: in FreshRSS the item was read and unread again, starred and
    unstarred again; here it was read and starred. The change made here reaches FreshRSS."""
    assert env.run("refresh").code == 0
    beta = env.article_ids()["Story beta"]
    items = {str(i["title"]): str(i["id"]) for i in env.account.items()}
    for state in (READ, STARRED):
        env.account.set_state([items["Story beta"]], state)
        env.account.set_state([items["Story beta"]], state, on=False)
    assert env.run("mark", str(beta), "--read").code == 0
    assert env.run("mark", str(beta), "--star").code == 0
    assert env.run("refresh").code == 0
    assert_read_and_starred_on_both_sides(env, beta)


KILLED_MARK = """
import os, signal, sys
from pathlib import Path
from newsterm.store import Store
store = Store.open(Path(sys.argv[1]))
store.set_read([int(sys.argv[2])], True)
store.set_starred(int(sys.argv[2]), True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_offline_changes_survive_sigkill_and_arrive_when_the_server_is_back(env: Env) -> None:
    assert env.run("refresh").code == 0
    beta = env.article_ids()["Story beta"]
    env.relay.go_down()
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_MARK, str(env.db), str(beta)], capture_output=True
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    offline = env.run("refresh")
    assert offline.code == 1
    lines = [line for line in offline.err.splitlines() if "127.0.0.1" in line]
    assert len(lines) == 1 and "unreachable" in lines[0]
    with env.store() as store:
        assert pending_count(store.conn) == 2
        article = store.article(beta)
        assert article is not None and article.read and article.starred
    assert env.run("sync", "status").out.strip().endswith("2 changes waiting")
    env.relay.come_back()
    back = env.run("refresh")
    assert back.code == 0, back.err
    assert env.item_of(beta) not in env.account.ids(READING_LIST, exclude=READ)
    assert env.account.ids(STARRED) == {env.item_of(beta)}
    with env.store() as store:
        assert pending_count(store.conn) == 0


KILLED_SYNC = """
import os, signal, sys
import newsterm.sync.client as client
import newsterm.sync.engine as engine
from newsterm.cli import main
client.PAGE_ITEMS = 1
save = engine._save_page
saved = []
def save_then_die(*args, **kwargs):
    save(*args, **kwargs)
    saved.append(1)
    if len(saved) == 2:  # two pages stored of three: killed before the sync ends
        os.kill(os.getpid(), signal.SIGKILL)
engine._save_page = save_then_die
main(["refresh", "--config", sys.argv[1], "--db", sys.argv[2]])
"""


def test_a_first_sync_killed_midway_is_completed_by_the_next_without_duplicates(
    env: Env,
) -> None:
    """kill -9 after two of three pages: the cache holds those pages' items whole (each
    with its server item), and the next sync brings the rest, each item stored once."""
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_SYNC, str(env.config), str(env.db)], capture_output=True
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    with env.store() as store:
        assert store.count_articles() == 2
        linked = store.conn.execute("SELECT count(*) FROM sync_items").fetchone()[0]
        assert linked == 2
    assert env.run("refresh").code == 0
    with env.store() as store:
        titles = sorted(a.title for a in store.list_articles(limit=100))
        linked = store.conn.execute("SELECT count(DISTINCT item) FROM sync_items").fetchone()[0]
    assert titles == ["Story alpha", "Story beta", "Story gamma"]
    assert linked == 3
    assert {env.item_of(i) for i in env.article_ids().values()} == env.account.ids(READING_LIST)


@pytest.mark.parametrize("mode", ["drop", "401", "503", "html", "truncate"])
def test_a_failing_server_loses_nothing(env: Env, mode: str) -> None:
    assert env.run("refresh").code == 0
    ids = env.article_ids()
    assert env.run("mark", str(ids["Story alpha"]), "--read").code == 0
    env.relay.mode = mode
    failed = env.run("refresh")
    assert failed.code == 1
    sync_lines = [line for line in failed.err.splitlines() if "sync:" in line]
    assert len(sync_lines) == 1, failed.err
    with env.store() as store:
        assert store.count_articles() == 3
        unread = {a.title for a in store.list_articles(ArticleFilter(unread_only=True))}
        # The queued change stays queued unless the server took it before failing.
        assert pending_count(store.conn) == (0 if mode == "truncate" else 1)
    assert unread == {"Story beta", "Story gamma"}
    env.relay.mode = "pass"
    assert env.run("refresh").code == 0
    assert env.item_of(ids["Story alpha"]) not in env.account.ids(READING_LIST, exclude=READ)


def test_wrong_password_is_one_line_and_loses_nothing(
    env: Env, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    assert env.run("refresh").code == 0
    alpha = env.article_ids()["Story alpha"]
    assert env.run("mark", str(alpha), "--read").code == 0
    monkeypatch.setenv("NEWSTERM_SYNC_PASSWORD", "not-the-password")
    login = env.run("sync", "login")
    assert login.code == 1
    assert login.err.strip().splitlines() == [
        f"newsterm: sync: 127.0.0.1:{env.relay.port}: the server refused the user name or "
        "password (HTTP 401); check [sync] user and the password"
    ]
    failed = env.run("refresh")
    assert failed.code == 1
    for text in (login.out, login.err, failed.out, failed.err, caplog.text):
        assert "not-the-password" not in text and env.account.password not in text
    with env.store() as store:
        assert pending_count(store.conn) == 1 and store.count_articles() == 3
    assert "not-the-password" not in env.config.read_text(encoding="utf-8")
    cache = b"".join(p.read_bytes() for p in env.db.parent.glob(env.db.name + "*"))
    assert env.account.password.encode() not in cache and b"not-the-password" not in cache


def test_a_url_that_is_not_the_api_is_one_line_at_login(env: Env) -> None:
    """FreshRSS's own web pages at the [sync] url (not its api/greader.php): one line."""
    text = env.config.read_text(encoding="utf-8")
    env.config.write_text(text.replace("/api/greader.php", "/i/"), encoding="utf-8")
    login = env.run("sync", "login")
    assert login.code == 1
    (line,) = login.err.strip().splitlines()
    assert "not a Google Reader API" in line, line
    assert env.account.password not in login.out + login.err


def test_add_subscribes_on_the_server_remove_unsubscribes_local_stays_local(env: Env) -> None:
    env.feeds.routes["/more.xml"] = Answer(rss("More News", [("delta", "Di Fox")]))
    env.feeds.routes["/mine.xml"] = Answer(rss("My Feed", [("eps", "Ed Gray")]))
    added = env.run("add", env.feeds.url("/more.xml"))
    assert added.code == 0, added.err
    assert added.out.strip() == "subscribed on 127.0.0.1: More News"
    urls = {s["url"] for s in env.account.get("subscription/list")["subscriptions"]}  # type: ignore[index]
    assert env.feeds.url("/more.xml") in urls
    local = env.run("add", env.feeds.url("/mine.xml"), "--local")
    assert local.code == 0, local.err
    assert env.feeds.url("/mine.xml") in env.config.read_text(encoding="utf-8")
    assert env.feeds.url("/more.xml") not in env.config.read_text(encoding="utf-8")
    assert env.run("refresh").code == 0
    kinds = {s["title"]: s["kind"] for s in json.loads(env.run("sources", "--json").out)}
    assert kinds["More News"] == "sync" and kinds["My Feed"] == "feed"
    assert kinds["City News"] == "sync"
    removed = env.run("remove", "More News")
    assert removed.code == 0, removed.err
    urls = {s["url"] for s in env.account.get("subscription/list")["subscriptions"]}  # type: ignore[index]
    assert env.feeds.url("/more.xml") not in urls and env.feeds.url("/news.xml") in urls
    titles = {s["title"] for s in json.loads(env.run("sources", "--json").out)}
    assert "More News" not in titles and "My Feed" in titles


def test_an_item_also_in_a_local_feed_is_stored_once_and_its_state_syncs(env: Env) -> None:
    text = env.config.read_text(encoding="utf-8")
    env.config.write_text(
        text + f'\n[[feeds]]\nurl = "{env.feeds.url("/news.xml")}"\n', encoding="utf-8"
    )
    assert env.run("refresh").code == 0
    with env.store() as store:
        titles = [a.title for a in store.list_articles(limit=100)]
    assert sorted(titles) == ["Story alpha", "Story beta", "Story gamma"]
    alpha = env.article_ids()["Story alpha"]
    assert env.run("mark", str(alpha), "--read").code == 0
    assert env.run("refresh").code == 0
    assert env.item_of(alpha) not in env.account.ids(READING_LIST, exclude=READ)


def test_a_local_feed_added_after_the_sync_takes_its_items_over(env: Env) -> None:
    assert env.run("refresh").code == 0
    beta = env.article_ids()["Story beta"]
    assert env.run("mark", str(beta), "--star").code == 0
    added = env.run("add", env.feeds.url("/news.xml"), "--local")
    assert added.code == 0, added.err
    assert env.run("refresh").code == 0
    with env.store() as store:
        rows = store.list_articles(limit=100)
        assert sorted(a.title for a in rows) == ["Story alpha", "Story beta", "Story gamma"]
        assert {a.source_title for a in rows} == {"City News"}
        local = store.source_by_location(env.feeds.url("/news.xml"))
        assert local is not None and local.total == 3
        article = store.article(beta)
        assert article is not None and article.starred  # the same article, its state kept
        assert pending_count(store.conn) == 0
    assert env.account.ids(STARRED) == {env.item_of(beta)}


def test_a_kept_session_needs_no_password_until_the_server_changes_it(
    env: Env, freshrss: FreshRSS, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert env.run("refresh").code == 0
    monkeypatch.delenv("NEWSTERM_SYNC_PASSWORD")
    alpha = env.article_ids()["Story alpha"]
    assert env.run("mark", str(alpha), "--read").code == 0
    assert env.run("refresh").code == 0  # the session of the last login, no password asked
    assert env.item_of(alpha) not in env.account.ids(READING_LIST, exclude=READ)
    # The API password is changed on the server: the kept session stops working.
    changed = freshrss.php(
        "cli/update-user.php", "--user", env.account.user, "--api-password", "new-api-pass"
    )
    assert changed.returncode == 0, changed.stderr.decode()
    env.account.wait_until_refused()  # (the old session is the one newsterm kept)
    assert env.run("mark", str(alpha), "--unread").code == 0
    monkeypatch.setenv("NEWSTERM_SYNC_PASSWORD", env.account.password)  # the old one
    refused = env.run("refresh")
    assert refused.code == 1
    assert "refused the user name or password" in refused.err
    with env.store() as store:
        assert store.count_articles() == 3
        article = store.article(alpha)
        assert article is not None and not article.read
    monkeypatch.setenv("NEWSTERM_SYNC_PASSWORD", "new-api-pass")
    assert env.run("refresh").code == 0
    device = Account(freshrss, env.account.user, "new-api-pass")
    assert env.item_of(alpha) in device.ids(READING_LIST, exclude=READ)


def test_the_first_sync_takes_at_most_max_items_then_only_what_is_new(env: Env) -> None:
    text = env.config.read_text(encoding="utf-8")
    env.config.write_text(text + "max_items = 2\n", encoding="utf-8")
    first = env.run("refresh")
    assert first.code == 0 and "2 new" in first.out
    assert len(env.article_ids()) == 2
    # A feed subscribed elsewhere (FreshRSS fetches it at once): its item comes next time.
    env.feeds.routes["/later.xml"] = Answer(rss("Later News", [("delta", "Di Fox")]))
    env.account.subscribe(env.feeds.url("/later.xml"))
    assert env.run("refresh").code == 0
    assert "Story delta" in env.article_ids()


def test_a_subscription_dropped_elsewhere_is_marked_gone_and_its_articles_kept(env: Env) -> None:
    assert env.run("refresh").code == 0
    (sub,) = env.account.subscriptions()
    env.account.post("subscription/edit", [("ac", "unsubscribe"), ("s", str(sub["id"]))])
    assert env.run("refresh").code == 0
    (city,) = [s for s in json.loads(env.run("sources", "--json").out) if s["title"] == "City News"]
    assert city["status"] == "gone" and city["last_error"] == "no longer subscribed on the server"
    assert len(env.article_ids()) == 3


def test_items_and_state_lists_come_in_continuation_pages(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page of one item (and one id): every item and every state still arrives. The first
    sync takes the states from the items themselves and asks for no id list; the next takes
    them from the id lists."""
    monkeypatch.setattr("newsterm.sync.client.PAGE_ITEMS", 1)
    monkeypatch.setattr("newsterm.sync.client.IDS_PAGE", 1)
    items = {str(i["title"]): str(i["id"]) for i in env.account.items()}
    env.account.set_state([items["Story alpha"], items["Story gamma"]], READ)
    env.account.set_state([items["Story beta"], items["Story gamma"]], STARRED)
    assert env.run("refresh").code == 0
    pages = [r for r in env.relay.requests if "stream/contents" in r]
    assert len(pages) >= 3 and sum("c=" in r for r in pages) >= 2
    assert not [r for r in env.relay.requests if "stream/items/ids" in r]
    assert states(env) == ({"Story beta"}, {"Story beta", "Story gamma"})
    assert set(env.article_ids()) == set(items)
    env.account.set_state([items["Story alpha"]], READ, on=False)
    env.account.set_state([items["Story alpha"]], STARRED)
    env.relay.requests.clear()
    assert env.run("refresh").code == 0
    assert sum("stream/items/ids" in r and "c=" in r for r in env.relay.requests) >= 2
    assert states(env) == ({"Story alpha", "Story beta"}, set(items))


def states(env: Env) -> tuple[set[str], set[str]]:
    """The titles of the unread and of the starred articles."""
    with env.store() as store:
        unread = {a.title for a in store.list_articles(ArticleFilter(unread_only=True))}
        starred = {a.title for a in store.list_articles(ArticleFilter(starred_only=True))}
    return unread, starred


def test_synced_items_are_listed_at_once_and_searched_by_their_text(env: Env) -> None:
    """`newsterm sync` stores the items with their HTML as FreshRSS sent it: listed at once,
    their text derived afterwards; `search` converts what waits first and finds it."""
    synced = env.run("sync")
    assert synced.code == 0, synced.err
    assert set(env.article_ids()) == {"Story alpha", "Story beta", "Story gamma"}
    with env.store() as store:
        assert sync_html.waiting(store.conn)
        assert store.search("bridge") == []  # not in the index until converted
    found = env.run("search", "bridge")
    assert found.code == 0, found.err
    assert all(f"Story {slug}" in found.out for slug, _ in STORIES), found.out
    with env.store() as store:
        assert not sync_html.waiting(store.conn)
        article = store.article(env.article_ids()["Story gamma"])
        assert article is not None
        assert article.paragraphs[0] == "The council met on gamma."
