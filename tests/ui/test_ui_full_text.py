"""`f` in the reader fetches the whole article page and the panes show its analysis."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from conftest import NOW, Opened
from helpers import settle, wait_for_workers
from pytest_httpserver import HTTPServer

from newsterm.analysis import RawArticle
from newsterm.config import Config, Settings
from newsterm.extract import analyse
from newsterm.models import SourceKind
from newsterm.store import Store
from newsterm.ui.app import NewstermApp
from tests.cached import save_analysed

SUMMARY = "The lighthouse on Marrow Point will be restored, the county said on Friday."
PAGE = """<!doctype html><html><head><title>Lighthouse to be restored | Coast Herald</title></head>
<body><nav><a href="/">Home</a> <a href="/coast">Coast</a> <a href="/subscribe">Subscribe</a></nav>
<article><h1>Marrow Point Lighthouse Will Be Restored</h1>
<p>The lighthouse on Marrow Point will be restored over the next two summers, the county
said on Friday, after a campaign by residents who feared it would fall into the sea.</p>
<p>“It has guided fishing boats home for 140 years, and it deserves better than a fence and a
warning sign,” said Orla Byrne, who chairs the Friends of Marrow Point.</p>
<p>The county engineer, Piet Maas, said the cliff below the tower had been stabilised.
“The ground is safe now, and the work can begin in April,” he said.</p>
<p>The restoration will cost about 1.2 million euros, most of it from a heritage fund.</p>
<p>Write to Ines Duarte at ines.duarte@example.com</p>
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Harbour dredging delayed</a></li></ul></aside>
<footer>© Coast Herald. All rights reserved.</footer></body></html>"""


def summary_cache(path: Path, url: str) -> Path:
    """A cache with one summary-only article linking to ``url``, from a feed on the same host
    (a page elsewhere on a private address would be refused: ``ingest.netguard``)."""
    feed = url.split("/", 3)
    with Store.open(path) as store:
        source = store.upsert_source(
            SourceKind.FEED, "/".join([*feed[:3], "rss"]), title="Coast Herald"
        )
        title = "Marrow Point Lighthouse Will Be Restored"
        raw = RawArticle(
            guid="lighthouse",
            title=title,
            paragraphs=[SUMMARY],
            url=url,
            summary=SUMMARY,
            published=NOW - timedelta(hours=1),
            content_hash="lighthouse",
        )
        save_analysed(store, source.id, [(raw, analyse(title, [SUMMARY]))], fetched_at=NOW)
    return path


async def test_f_replaces_the_summary_and_fills_the_quotes(
    tmp_path: Path, httpserver: HTTPServer, opened: Opened
) -> None:
    httpserver.expect_request("/coast/lighthouse").respond_with_data(
        PAGE, content_type="text/html; charset=utf-8"
    )
    db = summary_cache(tmp_path / "cache.db", httpserver.url_for("/coast/lighthouse"))
    config = Config(
        path=tmp_path / "feeds.toml",
        settings=Settings(refresh_on_start=False, connect_timeout=30.0, read_timeout=30.0),
    )
    app = NewstermApp(db_path=db, config=config, clock=lambda: NOW, opener=opened)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("2", "enter")
        await settle(pilot)
        assert screen.opened.paragraphs == [SUMMARY]
        assert screen.quotes.article is not None and screen.quotes.article.quotes == []
        await pilot.press("3", "f")
        await settle(pilot)
        await wait_for_workers(app)
        await settle(pilot)
        article = screen.opened
        assert article.full_text_status == "ok"
        assert len(article.paragraphs) == 4
        assert article.paragraphs[1].startswith("“It has guided fishing boats home")
        assert article.summary == SUMMARY
        speakers = [q.speaker for q in screen.quotes.article.quotes]
        assert speakers == ["Orla Byrne", "Piet Maas"]
        assert [c.email for c in screen.contacts.contacts] == ["ines.duarte@example.com"]
        assert screen.reader.article is article
        assert len(screen.reader._paragraphs) == 4


async def test_f_failure_keeps_the_summary_and_says_why(
    tmp_path: Path, httpserver: HTTPServer, opened: Opened
) -> None:
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    db = summary_cache(tmp_path / "cache.db", httpserver.url_for("/gone"))
    config = Config(path=tmp_path / "feeds.toml", settings=Settings(refresh_on_start=False))
    app = NewstermApp(db_path=db, config=config, clock=lambda: NOW, opener=opened)
    notes: list[str] = []
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("2", "enter", "3", "f")
        await wait_for_workers(app)
        await settle(pilot)
        assert app.screen.opened.paragraphs == [SUMMARY]
        notes_in_reader = [str(w.render()) for w in app.screen.reader.query(".status")]
        assert any("Summary only: the page was not found" in n for n in notes_in_reader)
        assert any("404" in note or "not found" in note.lower() for note in notes), notes
    with Store.open(db) as store:
        article = store.article(1)
        assert article is not None and article.paragraphs == [SUMMARY]
        assert article.full_text_status == "not-found"
