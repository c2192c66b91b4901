"""The app with sync: read and star changes of synced articles are queued in the cache, and the
status bar says how many wait for the server."""

from __future__ import annotations

from pathlib import Path

from newsterm.store import Store
from newsterm.store.sync_queue import link, pending_count
from newsterm.ui.widgets.refresh_status import RefreshStatus
from tests.ui.conftest import AppFactory
from tests.ui.helpers import settle


def link_every_article(cache: Path) -> None:
    """Make every cached article a synced one (server items 1000, 1001, ...)."""
    with Store.open(cache) as store:
        ids = [a.id for a in store.list_articles(limit=100)]
        with store.write() as conn:
            link(conn, [(1000 + n, article_id, None) for n, article_id in enumerate(ids)])


async def test_r_and_s_queue_changes_and_the_status_bar_counts_them(
    make: AppFactory, cache: Path
) -> None:
    link_every_article(cache)
    app = make()
    async with app.run_test(size=(160, 45)) as pilot:  # type: ignore[attr-defined]
        await settle(pilot)
        status = app.screen.query_one(RefreshStatus)  # type: ignore[attr-defined]
        assert "to sync" not in str(status.render())
        await pilot.press("r", "s")
        await settle(pilot)
        with Store.open(cache) as store:
            assert pending_count(store.conn) == 2
        assert str(status.render()).endswith(" · 2 to sync")
        await pilot.press("s")  # unstarring replaces the queued star: still one change for it
        await settle(pilot)
        assert str(status.render()).endswith(" · 2 to sync")
