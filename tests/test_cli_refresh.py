"""The real CLI: refresh exit codes and summary, add with validation and discovery."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsterm.cli import main
from newsterm.config_load import load_config
from newsterm.store import Store
from tests.conftest import write_feeds
from tests.feedserver import Answer, FeedServer, fixture

pytestmark = pytest.mark.usefixtures("in_threads")


def run(
    capsys: pytest.CaptureFixture[str], config: Path, db: Path, *args: str
) -> tuple[int, str, str]:
    try:
        main(["--config", str(config), "--db", str(db), *args])
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_refresh_all_good_exits_0(
    server: FeedServer, config_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/rss"] = Answer(fixture("rss.xml"))
    write_feeds(config_path, [server.url("/rss")])
    code, out, err = run(capsys, config_path, tmp_path / "c.db", "refresh")
    assert code == 0, err
    assert "[1/1] Harbour Town Gazette: 3 new" in out
    assert "3 new, 0 updated, 0 failed" in out


def test_refresh_with_a_failure_exits_1_and_summarises(
    server: FeedServer, config_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/rss"] = Answer(fixture("rss.xml"))
    server.routes["/nope"] = Answer(b"no", 404)
    write_feeds(config_path, [server.url("/rss"), server.url("/nope")])
    code, out, err = run(capsys, config_path, tmp_path / "c.db", "refresh")
    assert code == 1
    assert "3 new, 0 updated, 1 failed" in out
    assert "1 source failed:" in err and f"{server.url('/nope')}: HTTP 404" in err


def test_refresh_one_source_and_unknown_source(
    server: FeedServer, config_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/rss"] = Answer(fixture("rss.xml"))
    server.routes["/atom"] = Answer(fixture("atom.xml"))
    write_feeds(config_path, [server.url("/rss"), server.url("/atom")])
    code, out, _ = run(capsys, config_path, tmp_path / "c.db", "refresh", server.url("/atom"))
    assert code == 0 and "2 new" in out and [p for p, _ in server.requests] == ["/atom"]
    code, _, err = run(capsys, config_path, tmp_path / "c.db", "refresh", "no-such-feed")
    assert code == 2 and "no such source" in err


def test_refresh_update_moved(
    server: FeedServer, config_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/old"] = Answer(status=308, headers={"Location": "/new"})
    server.routes["/new"] = Answer(fixture("rss.xml"))
    write_feeds(config_path, [server.url("/old")])
    code, _, err = run(capsys, config_path, tmp_path / "c.db", "refresh")
    assert code == 0 and "--update-moved" in err
    code, out, _ = run(capsys, config_path, tmp_path / "c.db", "refresh", "--update-moved")
    assert code == 0 and f"moved {server.url('/old')} -> {server.url('/new')}" in out
    assert load_config(config_path).feeds[0].url == server.url("/new")


def test_add_feed_validates_and_stores_title_and_items(
    server: FeedServer, config_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/atom"] = Answer(fixture("atom.xml"), content_type="application/atom+xml")
    db = tmp_path / "c.db"
    code, out, err = run(capsys, config_path, db, "add", server.url("/atom"), "--tag", "local")
    assert code == 0, err
    out = " ".join(out.split())
    assert "added Valley Weekly" in out and "2 new articles" in out
    entry = load_config(config_path).feeds[0]
    assert entry.url == server.url("/atom") and entry.tags == ("local",)
    with Store.open(db) as store:
        source = store.sources()[0]
        assert source.title == "Valley Weekly" and source.total == 2 and source.tags == ["local"]


def test_add_html_page_discovers_its_feeds(
    server: FeedServer, config_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/"] = Answer(fixture("page.html"), content_type="text/html; charset=utf-8")
    server.routes["/feeds/rss.xml"] = Answer(fixture("rss.xml"))
    code, out, err = run(capsys, config_path, tmp_path / "c.db", "add", server.url("/"))
    assert code == 0, err
    out = " ".join(out.split())
    assert f"({server.url('/feeds/rss.xml')})" in out
    assert f"also offers: {server.url('/feeds/atom.xml')}" in out
    assert load_config(config_path).feeds[0].url == server.url("/feeds/rss.xml")


@pytest.mark.parametrize(
    ("route", "answer", "message"),
    [
        ("/plain", Answer(fixture("plain.html"), content_type="text/html"), "links to no feed"),
        ("/text", Answer(b"just words", content_type="text/plain"), "not a feed"),
        ("/404", Answer(b"", 404), "HTTP 404"),
    ],
)
def test_add_non_feed_changes_nothing(
    server: FeedServer,
    config_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    route: str,
    answer: Answer,
    message: str,
) -> None:
    server.routes[route] = answer
    before = config_path.read_bytes()
    db = tmp_path / "c.db"
    code, _, err = run(capsys, config_path, db, "add", server.url(route))
    assert code == 1 and message in err and err.count("\n") == 1
    assert config_path.read_bytes() == before
    with Store.open(db) as store:
        assert store.sources() == []


def test_add_no_fetch_skips_validation(
    config_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, config_path, tmp_path / "c.db", "add", "http://127.0.0.1:9/feed", "--no-fetch"
    )
    assert code == 0 and "not fetched" in out
    assert load_config(config_path).feeds[0].url == "http://127.0.0.1:9/feed"


def test_the_progress_bar_counts_new_articles_and_failures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from newsterm.ingest.outcomes import SourceOutcome
    from newsterm.models import Source, SourceKind
    from newsterm.progress import refresh_progress

    good = Source(1, SourceKind.FEED, "https://example.com/a.xml", title="Good Feed")
    bad = Source(2, SourceKind.FEED, "https://example.com/b.xml", title="Bad Feed")
    with refresh_progress(2, interactive=True) as progress:
        progress(SourceOutcome(good, new=3), 1, 2)
        progress(SourceOutcome(bad, error="connection refused"), 2, 2)
    err = capsys.readouterr().err
    assert "Bad Feed" in err and "connection refused" in err  # the failure gets its line
    assert "2/2" in err and "3 new · 1 failed" in err


def test_a_feed_read_only_leniently_gets_a_quiet_note_in_sources(
    server: FeedServer, config_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/rss"] = Answer(fixture("rss-illformed.xml"))
    server.routes["/good"] = Answer(fixture("rss.xml"))
    write_feeds(config_path, [server.url("/rss"), server.url("/good")])
    db = tmp_path / "c.db"
    code, _, err = run(capsys, config_path, db, "refresh")
    assert code == 0, err
    code, out, _ = run(capsys, config_path, db, "sources")
    noted = [line for line in out.splitlines() if "read leniently" in line]
    assert len(noted) == 1 and "Fields & Furrows" in noted[0]  # the rest wraps in the table
    code, out, _ = run(capsys, config_path, db, "sources", "--json")
    notes = {s["location"]: s["parse_note"] for s in json.loads(out)}
    assert notes[server.url("/good")] is None
    assert "not well-formed (invalid token) (line 4" in notes[server.url("/rss")]
    # fixed at the source: the note goes with the next refresh
    server.routes["/rss"] = Answer(fixture("rss.xml"))
    run(capsys, config_path, db, "refresh")
    _, out, _ = run(capsys, config_path, db, "sources", "--json")
    assert all(s["parse_note"] is None for s in json.loads(out))


def _refreshed_unanalysed(
    server: FeedServer, config_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A cache the CLI refreshed from the fixture feed (stored, not analysed yet)."""
    server.routes["/rss"] = Answer(fixture("rss.xml"))
    write_feeds(config_path, [server.url("/rss")])
    db = tmp_path / "c.db"
    assert run(capsys, config_path, db, "refresh")[0] == 0
    return db


def _analysis_state(db: Path) -> tuple[int, int]:
    """(articles not analysed by the current version, quotations stored)."""
    from newsterm.extract import ANALYSIS_VERSION

    with Store.open(db) as store:
        waiting = store.count_unanalysed(ANALYSIS_VERSION)
        quotes = store.conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
    return waiting, int(quotes)


def test_refresh_stores_and_lists_without_analysing_unless_asked(
    server: FeedServer, config_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/rss"] = Answer(fixture("rss.xml"))
    write_feeds(config_path, [server.url("/rss")])
    db = tmp_path / "c.db"
    code, out, err = run(capsys, config_path, db, "refresh")
    assert code == 0, err
    assert "analys" not in out + err
    assert _analysis_state(db) == (3, 0)
    code, out, _ = run(capsys, config_path, db, "articles")
    assert code == 0 and "Ferry timetable changes" in out
    # Another refresh with --analyse: nothing new came in, so nothing is analysed here...
    code, out, _ = run(capsys, config_path, db, "refresh", "--analyse")
    assert code == 0 and "analysed" not in out and _analysis_state(db) == (3, 0)
    # ...but after a change, the whole backlog is.
    server.routes["/rss"] = Answer(fixture("rss.xml").replace(b"are free", b"cost nothing"))
    code, out, err = run(capsys, config_path, db, "refresh", "--analyse")
    assert code == 0, err
    assert "1 updated" in out and "analysed 3 articles" in out
    assert "analysing: 3/3 articles" in err
    assert _analysis_state(db) == (0, 1)


def test_quotes_by_speaker_finish_the_analysis_first(
    server: FeedServer, config_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _refreshed_unanalysed(server, config_path, tmp_path, capsys)
    assert _analysis_state(db) == (3, 0)
    code, out, err = run(capsys, config_path, db, "quotes", "--speaker", "ken obi", "--json")
    assert code == 0, err
    assert "analysing: 3/3 articles" in err
    [quote] = json.loads(out)
    assert quote["speaker"] == "harbour master Ken Obi"
    assert quote["text"] == "We listened to commuters"
    assert _analysis_state(db) == (0, 1)
    code, out, err = run(capsys, config_path, db, "quotes", "--speaker", "nobody")
    assert code == 0 and "No quotations by 'nobody'." in out and "analysing" not in err


def test_show_analyses_an_article_before_its_turn_and_reanalyse_the_rest(
    server: FeedServer, config_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _refreshed_unanalysed(server, config_path, tmp_path, capsys)
    with Store.open(db) as store:
        [ferry] = [a.id for a in store.list_articles() if a.title.startswith("Ferry")]
        store.set_starred(ferry, True)
    code, out, err = run(capsys, config_path, db, "show", str(ferry), "--json")
    assert code == 0, err
    assert [q["speaker"] for q in json.loads(out)["quotes"]] == ["harbour master Ken Obi"]
    assert _analysis_state(db) == (2, 1)
    code, out, err = run(capsys, config_path, db, "reanalyse")
    assert code == 0 and "analysed 2 articles" in out
    code, out, err = run(capsys, config_path, db, "reanalyse")
    assert code == 0 and "analysed 0 articles" in out
    with Store.open(db) as store:
        article = store.article(ferry)
        assert article is not None and article.starred and not article.read
