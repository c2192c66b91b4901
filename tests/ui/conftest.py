"""Fixtures for the app's Pilot and snapshot tests: a small cache built from our own articles.

Everything lives under tmp_path; "now" is frozen and the time zone is UTC, so relative and
full dates (and so snapshots) never change; nothing touches the network.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from textual.notifications import Notification

from newsterm.analysis import Analysis, Contact, Quote, RawArticle
from newsterm.config import Config, Settings
from newsterm.models import SourceKind
from newsterm.store import Store
from tests.cached import save_analysed
from tests.conftest import NOW

HOSTILE = "[bold red]pwned[/] [@click=app.quit]click me[/]"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep the developer's config, cache and time zone out of the tests."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("NEWSTERM_CONFIG", str(tmp_path / "feeds.toml"))
    monkeypatch.setenv("NEWSTERM_DB", str(tmp_path / "cache.db"))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(autouse=True)
def notifications_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Notifications (and their toasts) never expire in a test: their seconds run out on a
    loaded machine before a long test reads them."""
    monkeypatch.setattr(Notification, "time_left", property(lambda _: 3600.0))


def _quote(paragraphs: list[str], index: int, text: str, speaker: str | None, **kw: bool) -> Quote:
    start = paragraphs[index].index(text)
    return Quote(text=text, speaker=speaker, paragraph=index, start=start, **kw)


def council_article() -> tuple[RawArticle, Analysis]:
    """The article with quotations and contacts the reader tests look at."""
    paragraphs = [
        "The council voted 9–2 on Tuesday to close the Eastport coal plant by 2030, ending a "
        "fight that has lasted a decade.",
        "“This is the day we stopped arguing about whether and started arguing about how,” "
        "said Mayor Ana Ruiz, who cast the deciding vote.",
        "Opponents warned of lost jobs. “Four hundred families depend on that plant,” said Tom "
        "Becker, a union steward. “Nobody has told them what comes next.”",
        "The utility said it would “review the decision carefully” before commenting further.",
        "“We are not going anywhere,” read a banner outside the hall.",
        "Write to Jane Doe at jane.doe@example.com and John Roe at john.roe@example.org.",
    ]
    quotes = [
        _quote(
            paragraphs,
            1,
            "This is the day we stopped arguing about whether and started arguing about how,",
            "Ana Ruiz",
        ),
        _quote(paragraphs, 2, "Four hundred families depend on that plant,", "Tom Becker"),
        _quote(paragraphs, 2, "Nobody has told them what comes next.", "Tom Becker"),
        _quote(paragraphs, 3, "review the decision carefully", "The utility", fragment=True),
        _quote(paragraphs, 4, "We are not going anywhere,", None),
    ]
    contacts = [
        Contact(name="Jane Doe", email="jane.doe@example.com", handle="@janedoe"),
        Contact(name="John Roe", email="john.roe@example.org", url="https://example.org/john"),
    ]
    title = "Harbour city votes to close its coal plant by 2030"
    raw = RawArticle(
        guid="council",
        title=title,
        paragraphs=paragraphs,
        url="https://news.example.com/eastport/coal",
        published=NOW - timedelta(hours=2),
        authors=["Jane Doe", "John Roe"],
        content_hash="council",
    )
    analysis = Analysis(
        title=title,
        paragraphs=paragraphs,
        authors=["Jane Doe", "John Roe"],
        quotes=quotes,
        contacts=contacts,
        word_count=120,
        reading_minutes=1,
    )
    return raw, analysis


def simple_article(
    guid: str, title: str, hours_ago: float, *, url: str | None = None, body: str | None = None
) -> tuple[RawArticle, Analysis]:
    """An article without quotations."""
    paragraphs = [body or f"{title}. More on this story as it develops.", "Second paragraph."]
    raw = RawArticle(
        guid=guid,
        title=title,
        paragraphs=paragraphs,
        url=url or f"https://news.example.com/{guid}",
        published=NOW - timedelta(hours=hours_ago),
        content_hash=guid,
    )
    return raw, Analysis(title=title, paragraphs=paragraphs, word_count=12, reading_minutes=1)


TOLLS_LONG = " ".join(["The tunnel would run under the harbour from the ferry terminal."] * 12)


def tolls_article() -> tuple[RawArticle, Analysis]:
    """Quotations whose speakers the paragraphs do not name: they go to the margin."""
    paragraphs = [
        "Councillor Ben Hart opened the debate by asking who would pay for the tunnel.",
        "“Residents are already paying for roads they never use, and now we are asked to pay "
        "twice for a tunnel they will never see the inside of,” he said.",
        "The mayor disagreed. “The tunnel pays for itself within twenty years,” she said, "
        "pointing to the council's own figures.",
        "“We will see,” said Hart.",
        TOLLS_LONG,
    ]

    def quote(index: int, text: str, speaker: str) -> Quote:
        return Quote(text, speaker, index, start=paragraphs[index].index(text))

    quotes = [
        quote(1, paragraphs[1][1 : paragraphs[1].index("”")], "Councillor Ben Hart"),
        quote(2, "The tunnel pays for itself within twenty years,", "Mayor Ana Ruiz"),
        quote(3, "We will see,", "Councillor Ben Hart"),
    ]
    title = "Tunnel tolls split the council"
    raw = RawArticle(
        guid="tolls",
        title=title,
        paragraphs=paragraphs,
        url="https://city.example.com/tolls",
        published=NOW - timedelta(hours=1),
        authors=["Jane Doe"],
        content_hash="tolls",
    )
    analysis = Analysis(title, paragraphs, quotes=quotes, word_count=180, reading_minutes=1)
    return raw, analysis


def tolls_cache(path: Path) -> Path:
    with Store.open(path) as store:
        city = store.upsert_source(SourceKind.FEED, "https://city.example.com/rss", title="City")
        save_analysed(store, city.id, [tolls_article()], fetched_at=NOW)
    return path


def build_cache(path: Path, *, hostile: bool = False) -> Path:
    """A cache with three sources (two tags), eight articles and one source in error."""
    with Store.open(path) as store:
        world = store.upsert_source(
            SourceKind.FEED, "https://world.example.com/rss", title="World Desk", tags=["world"]
        )
        city = store.upsert_source(
            SourceKind.FEED, "https://city.example.com/rss", title="City Hall", tags=["local"]
        )
        tech = store.upsert_source(
            SourceKind.FEED, "https://tech.example.com/atom", title="Tech Notes", tags=["tech"]
        )
        store.update_source(tech.id, last_error="tech.example.com: connection refused")
        save_analysed(store, city.id, [council_article()], fetched_at=NOW)
        save_analysed(
            store,
            world.id,
            [
                simple_article("w1", "Talks resume on the river treaty", 1),
                simple_article(
                    "w2",
                    "Storm closes northern ports for a second day",
                    5,
                    body="The storm closed ports along the northern coast. Ferries stay in port.",
                ),
                simple_article("w3", "Grain prices fall as harvest beats forecasts", 30),
                simple_article("w4", "Election observers report a calm vote", 24 * 9),
            ],
            fetched_at=NOW,
        )
        save_analysed(
            store,
            tech.id,
            [
                simple_article("t1", "A faster way to search old newspapers", 3),
                simple_article("t2", "Why the storm knocked out the ferry app", 8),
            ],
            fetched_at=NOW,
        )
        if hostile:
            evil = store.upsert_source(
                SourceKind.FEED, "https://evil.example.com/rss", title="[b]Evil[/b] feed"
            )
            save_analysed(
                store,
                evil.id,
                [simple_article("e1", HOSTILE, 0.5, url="javascript:alert(1)")],
                fetched_at=NOW,
            )
        store.set_read([_id(store, "w3"), _id(store, "w4")], True)
    return path


def _id(store: Store, guid: str) -> int:
    row = store.conn.execute("SELECT id FROM articles WHERE guid = ?", (guid,)).fetchone()
    return int(row[0])


def article_id(path: Path, guid: str) -> int:
    """The id of a fixture article."""
    with Store.open(path) as store:
        return _id(store, guid)


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    """The fixture cache."""
    return build_cache(tmp_path / "cache.db")


@pytest.fixture
def config(tmp_path: Path) -> Config:
    """A feeds.toml with no feeds that does not refresh on start."""
    path = tmp_path / "feeds.toml"
    path.write_text("[settings]\nrefresh_on_start = false\n", encoding="utf-8")
    return Config(path=path, settings=Settings(refresh_on_start=False))


class Opened(list[str]):
    """Links handed to the system's handler."""

    def __call__(self, url: str) -> bool:
        self.append(url)
        return True


@pytest.fixture
def opened() -> Opened:
    """Records links the app opens instead of starting a browser."""
    return Opened()


AppFactory = Callable[..., object]


@pytest.fixture
def make(cache: Path, config: Config, opened: Opened) -> AppFactory:
    """Build the app over the fixture cache (keywords override db_path, config, ...)."""
    from newsterm.ui.app import NewstermApp

    def factory(**kw: object) -> NewstermApp:
        options: dict[str, object] = {
            "db_path": cache,
            "config": config,
            "config_path": config.path,
            "clock": lambda: NOW,
            "opener": opened,
        }
        options.update(kw)
        return NewstermApp(**options)  # type: ignore[arg-type]

    return factory
