"""Per-feed schedule and retention: feeds.toml's refresh_every, keep and max_articles (on a
feed, a tag, [settings]), which sources are due at a given time (a fixed clock), what a
refresh drops, and `newsterm refresh --due`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.analysis import Analysis, RawArticle
from newsterm.cli import main
from newsterm.config_parse import parse_config
from newsterm.errors import ConfigError
from newsterm.ingest.feed_model import ttl_seconds
from newsterm.ingest.feed_parse import parse_feed
from newsterm.ingest.fetch import parse_max_age
from newsterm.ingest.schedule import Policy, apply_retention, due, next_wake, policy
from newsterm.models import Source, SourceKind
from newsterm.store import Store
from tests.cached import save_analysed
from tests.conftest import FAST_SETTINGS
from tests.feedserver import Answer, FeedServer, fixture

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

CONFIG = """\
[settings]
refresh_every = "1h"
keep = "30d"
max_articles_per_feed = 500

[tags.world]
refresh_every = "2h"
max_articles = 50

[tags.slow]
refresh_every = "1d"
keep = "90d"

[[feeds]]
url = "https://a.example/rss"
tags = ["world", "slow"]
refresh_every = "30m"

[[feeds]]
url = "https://b.example/rss"
tags = ["slow", "world"]

[[feeds]]
url = "https://c.example/rss"
"""


def source(number: int, checked: datetime | None, **values: object) -> Source:
    url = f"https://{'abc'[number - 1]}.example/rss"
    return Source(number, SourceKind.FEED, url, last_checked=checked, **values)  # type: ignore[arg-type]


def test_a_feed_beats_its_tags_and_the_first_tag_beats_settings() -> None:
    cfg = parse_config(CONFIG, Path("feeds.toml"))
    hour, day = 3600.0, 86400.0
    assert policy(cfg, source(1, None)) == Policy(0.5 * hour, 90 * day, 50)  # keep: slow
    assert policy(cfg, source(2, None)) == Policy(day, 90 * day, 50)
    assert policy(cfg, source(3, None)) == Policy(hour, 30 * day, 500)


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        ('refresh_every = "30m"', 'refresh_every = "half an hour"', "line 17, column 1"),
        ("max_articles = 50", "max_articles = -2", "line 8, column 1"),
        ('keep = "30d"', "keep = 30", "line 3, column 1"),
        ("max_articles = 50", 'often = "1h"', "line 8, column 1: unknown key 'often'"),
    ],
)
def test_a_bad_setting_is_reported_at_its_line(change: str, line: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(CONFIG.replace(change, line, 1), Path("feeds.toml"))


def test_due_follows_each_feeds_interval_on_a_fixed_clock() -> None:
    cfg = parse_config(CONFIG, Path("feeds.toml"))
    checked = NOW - timedelta(minutes=45)
    sources = [source(1, checked), source(2, checked), source(3, checked)]
    assert [s.id for s in due(cfg, sources, NOW, scheduled=True)] == [1]  # 30m has passed
    later = NOW + timedelta(minutes=15)
    assert [s.id for s in due(cfg, sources, later, scheduled=True)] == [1, 3]  # and 1h
    assert [s.id for s in due(cfg, [source(2, None)], NOW, scheduled=True)] == [2]  # never
    assert next_wake(cfg, sources) == checked + timedelta(minutes=30)


def test_retry_after_is_a_lower_bound_of_the_schedule() -> None:
    cfg = parse_config(CONFIG, Path("feeds.toml"))
    waiting = source(1, NOW - timedelta(hours=3), retry_after=NOW + timedelta(minutes=5))
    assert due(cfg, [waiting], NOW, scheduled=True) == []
    assert due(cfg, [waiting], NOW + timedelta(minutes=5), scheduled=True) == [waiting]


def test_cache_control_max_age_is_a_lower_bound_of_the_schedule() -> None:
    cfg = parse_config(CONFIG, Path("feeds.toml"))
    fresh = source(1, NOW - timedelta(hours=1), fresh_until=NOW + timedelta(minutes=10))
    assert due(cfg, [fresh], NOW, scheduled=True) == []
    assert due(cfg, [fresh], NOW + timedelta(minutes=10), scheduled=True) == [fresh]
    assert parse_max_age("public, max-age=7200") == 7200
    assert parse_max_age("max-age=999999999") == 7 * 86400  # capped at a week
    assert parse_max_age("no-cache, max-age=60") is None
    assert parse_max_age("s-maxage=60") is None
    assert parse_max_age(None) is None


def test_an_rss_ttl_is_read_in_minutes_by_either_parser() -> None:
    rss = b'<rss version="2.0"><channel><title>T</title><ttl>90</ttl></channel></rss>'
    assert parse_feed(rss, "https://a.example/rss").ttl == 90 * 60
    assert parse_feed(
        rss.replace(b"<title>T", b"<title>T &nbsp;"), "https://a.example/rss"
    ).ttl == (90 * 60)  # not well-formed: feedparser reads it
    assert ttl_seconds("soon") is None and ttl_seconds("0") is None
    assert ttl_seconds("99999999") == 7 * 86400


def test_without_refresh_every_the_app_waits_and_cron_takes_it() -> None:
    cfg = parse_config(CONFIG.replace('refresh_every = "1h"\n', "", 1), Path("feeds.toml"))
    plain = source(3, NOW - timedelta(days=9))
    assert due(cfg, [plain], NOW, scheduled=True) == []
    assert due(cfg, [plain], NOW, scheduled=False) == [plain]
    asked_to_wait = source(3, None, retry_after=NOW + timedelta(hours=1))
    assert due(cfg, [asked_to_wait], NOW, scheduled=False) == []


def item(guid: str, day: int) -> tuple[RawArticle, Analysis]:
    raw = RawArticle(
        guid=guid,
        title=guid,
        paragraphs=["text"],
        content_hash=guid,
        published=datetime(2026, 3, day, tzinfo=UTC),
    )
    return raw, Analysis(title=guid, paragraphs=["text"])


def test_retention_drops_only_read_unstarred_articles_and_never_brings_them_back(
    tmp_path: Path,
) -> None:
    cfg = parse_config(
        '[settings]\nkeep = "5d"\n\n[[feeds]]\nurl = "https://a.example/rss"\nmax_articles = 3\n',
        Path("feeds.toml"),
    )
    with Store.open(tmp_path / "c.db") as store:
        feed = store.upsert_source(SourceKind.FEED, "https://a.example/rss")
        items = [item(f"d{day}", day) for day in range(1, 10)]  # March 1..9, NOW is the 10th
        save_analysed(store, feed.id, items)
        by_guid = {a.title: a.id for a in store.list_articles(limit=100)}
        store.set_read([by_guid[g] for g in ("d1", "d2", "d3", "d6", "d7", "d9")])
        store.set_starred(by_guid["d2"], True)
        # d1, d3: read and older than 5 days; d6: read, beyond the newest 3 (d9, d8, d7)
        assert apply_retention(store, cfg, [feed], NOW) == 3
        left = {a.title for a in store.list_articles(limit=100)}
        assert left == {"d2", "d4", "d5", "d7", "d8", "d9"}  # starred d2, unread d4 d5 d8
        assert save_analysed(store, feed.id, items).new == 0  # still in the feed: not new
        assert {a.title for a in store.list_articles(limit=100)} == left


def run(capsys: pytest.CaptureFixture[str], config: Path, db: Path, *args: str) -> str:
    main(["--config", str(config), "--db", str(db), *args])
    return capsys.readouterr().out


@pytest.mark.usefixtures("in_threads")
def test_refresh_due_fetches_only_the_feeds_whose_time_has_come(
    server: FeedServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/a"] = Answer(
        fixture("rss.xml").replace(b"<channel>", b"<channel><ttl>60</ttl>")
    )
    server.routes["/b"] = Answer(fixture("atom.xml"), headers={"Cache-Control": "max-age=7200"})
    config = tmp_path / "feeds.toml"
    config.write_text(
        FAST_SETTINGS
        + f'refresh_every = "30m"\n\n[[feeds]]\nurl = "{server.url("/a")}"\n'
        + f'\n[[feeds]]\nurl = "{server.url("/b")}"\n',
        encoding="utf-8",
    )
    db = tmp_path / "c.db"
    run(capsys, config, db, "refresh", "--due")  # never fetched: both due
    assert sorted(p for p, _ in server.requests) == ["/a", "/b"]
    server.requests.clear()
    assert "0 new" in run(capsys, config, db, "refresh", "--due")  # just fetched: none due
    assert server.requests == []
    with Store.open(db) as store:
        found = store.source_by_location(server.url("/a"))
        assert found is not None and found.last_checked and found.fresh_until
        assert found.fresh_until - found.last_checked == timedelta(hours=1)  # its <ttl>
        back = timedelta(minutes=61)
        store.update_source(
            found.id, last_checked=found.last_checked - back, fresh_until=found.fresh_until - back
        )
        fresh = store.source_by_location(server.url("/b"))
        assert fresh is not None and fresh.fresh_until is not None and fresh.last_checked
        assert fresh.fresh_until - fresh.last_checked == timedelta(hours=2)  # max-age kept
        store.update_source(fresh.id, last_checked=fresh.last_checked - timedelta(minutes=31))
    run(capsys, config, db, "refresh", "--due")
    assert [p for p, _ in server.requests] == ["/a"]  # /b said it stays fresh for 2 hours


def test_a_dropped_article_is_forgotten_once_its_feed_no_longer_lists_it(tmp_path: Path) -> None:
    """Store.retain remembers what it dropped so that the feed still listing it does not bring
    it back; once the feed stops listing it, nothing is left to remember (the table would
    only grow)."""
    from newsterm.ingest.feed_model import FeedJob
    from newsterm.ingest.feed_parse import process_feed
    from newsterm.ingest.feed_save import Answer, save_feed

    def rss(*guids: str) -> bytes:
        items = "".join(
            f"<item><guid>{g}</guid><title>{g}</title><description>text {g}</description></item>"
            for g in guids
        )
        return f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>".encode()

    url = "https://a.example/rss"
    with Store.open(tmp_path / "c.db") as store:
        feed = store.upsert_source(SourceKind.FEED, url)

        def refresh(*guids: str) -> int:
            job = FeedJob(url=url, body=rss(*guids), known=store.known_hashes(feed.id))
            return save_feed(store, feed, process_feed(job), Answer(), NOW).new

        def remembered() -> set[str]:
            rows = store.conn.execute("SELECT guid FROM dropped_articles").fetchall()
            return {str(guid) for (guid,) in rows}

        assert refresh("g1", "g2", "g3") == 3
        oldest = {a.title: a.id for a in store.list_articles(limit=10)}["g1"]
        store.set_read([oldest])
        assert store.retain(feed.id, max_articles=2) == 1
        assert remembered() == {"g1"}
        assert refresh("g1", "g2", "g3") == 0  # still listed: dropped for good, remembered
        assert remembered() == {"g1"}
        assert refresh("g2", "g3", "g4") == 1  # g1 left the feed: forgotten
        assert remembered() == set()
        assert {a.title for a in store.list_articles(limit=10)} == {"g2", "g3", "g4"}
