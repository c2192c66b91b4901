"""The app with a cache the analysis has not reached yet: an article opened before its turn is
analysed on the spot, and the backlog is analysed in the background."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm.config import Config
from newsterm.extract import ANALYSIS_VERSION
from newsterm.ingest import parse_pool
from newsterm.models import SourceKind
from newsterm.store import Store
from tests.ui.conftest import NOW, AppFactory, council_article, simple_article
from tests.ui.helpers import settle


@pytest.fixture
def unanalysed(tmp_path: Path) -> Path:
    """A cache as `newsterm refresh` leaves it: articles stored, none analysed."""
    path = tmp_path / "unanalysed.db"
    with Store.open(path) as store:
        city = store.upsert_source(SourceKind.FEED, "https://city.example.com/rss", title="City")
        raw, _ = council_article()
        store.save_articles(
            city.id, [raw, simple_article("w1", "Talks resume", 1)[0]], fetched_at=NOW
        )
    return path


def waiting(path: Path) -> int:
    with Store.open(path) as store:
        return store.count_unanalysed(ANALYSIS_VERSION)


async def test_an_article_opened_before_the_analysis_shows_its_quotations(
    make: AppFactory, unanalysed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    analysed: list[int] = []
    from newsterm.ingest import backlog

    # The background pass is held back, so that the article is opened before its turn.
    monkeypatch.setattr(backlog, "finish", lambda *a, **k: analysed.append(1) or 0)
    app = make(db_path=unanalysed)
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        assert waiting(unanalysed) == 2 and analysed == [1]
        await pilot.press("j", "enter")  # the council article, second in the list
        await settle(pilot)
        screen = app.screen  # type: ignore[attr-defined]
        assert screen.quotes.article is not None
        speakers = [q.speaker for q in screen.quotes.article.quotes]
        assert "Tom Becker" in speakers and "Mayor Ana Ruiz" in speakers
        emails = [c.email for c in screen.contacts.contacts]
        assert "jane.doe@example.com" in emails
        # The Write-to line is the contacts pane's, not the reader's.
        assert not any(p.startswith("Write to") for p in screen.reader.article.paragraphs)


async def test_the_backlog_is_analysed_in_the_background_at_start(
    make: AppFactory, unanalysed: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse_pool, "default_workers", lambda: 0)  # a thread, in tests
    assert waiting(unanalysed) == 2
    app = make(db_path=unanalysed)
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        assert waiting(unanalysed) == 0
        status = str(app.screen.query_one("#refresh-status").render())  # type: ignore[attr-defined]
        assert "analysing" not in status  # the quiet note is gone once it is done
    with Store.open(unanalysed) as store:
        quotes = store.quotations(speaker="Becker")
        assert [q.text for q in quotes] == [
            "Four hundred families depend on that plant",
            "Nobody has told them what comes next.",
        ]


async def test_a_refresh_that_brings_nothing_new_still_finishes_the_backlog(
    make: AppFactory, unanalysed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgrade's backlog, with refresh on start and feeds that have nothing new."""
    from newsterm.config import Settings

    monkeypatch.setattr(parse_pool, "default_workers", lambda: 0)  # a thread, in tests
    path = tmp_path / "refreshing.toml"
    path.write_text("[settings]\nrefresh_on_start = true\n", encoding="utf-8")
    config = Config(path=path, settings=Settings(refresh_on_start=True))
    app = make(db_path=unanalysed, config=config, config_path=path)
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        for _ in range(3):
            await settle(pilot)
        assert waiting(unanalysed) == 0


def test_the_start_up_check_loads_the_analysis_only_when_there_may_be_work(
    unanalysed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from newsterm import __version__
    from newsterm.ui import workers

    monkeypatch.setattr(parse_pool, "default_workers", lambda: 0)
    posted: list[object] = []
    workers.analyse_backlog(posted.append, unanalysed, threading.Event())  # first analyses
    assert waiting(unanalysed) == 0 and [type(m).__name__ for m in posted][-1] == "AnalysisFinished"
    with Store.open(unanalysed) as store:
        assert store.get_meta(workers.CHECKED_KEY) == __version__

    def counted(*args: object, **kwargs: object) -> int:
        raise AssertionError("the version was checked")

    monkeypatch.setattr(Store, "count_unanalysed", counted)
    posted.clear()
    workers.analyse_backlog(posted.append, unanalysed, threading.Event())
    assert posted == []  # nothing loaded, nothing to say
    with Store.open(unanalysed) as store:  # another newsterm version: it looks again
        store.set_meta(workers.CHECKED_KEY, "0.0.0")
    workers.analyse_backlog(posted.append, unanalysed, threading.Event())
    [finished] = posted
    assert "the version was checked" in str(getattr(finished, "error", ""))


async def test_the_background_pass_asks_for_nicer_workers(
    make: AppFactory, unanalysed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's own pass yields the cores to the UI (``newsterm reanalyse`` does not)."""
    from newsterm.ingest import backlog

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(backlog, "finish", lambda *a, **k: calls.append(k) or 0)
    app = make(db_path=unanalysed)
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
    assert [call.get("background") for call in calls] == [True]
