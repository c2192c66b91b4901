"""Save docs/screenshot.svg: the app at 160x45 reading one of the shipped sample articles.

    uv run python scripts/screenshot.py

The samples go through the real pipeline (file ingestion and analysis) into a temporary
cache, so the picture shows what a first run shows.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 29, 9, 30, tzinfo=UTC)


async def main() -> None:
    os.environ["TZ"] = "UTC"
    time.tzset()
    from newsterm.config import Config, FeedEntry, Settings
    from newsterm.ingest import service
    from newsterm.store import Store
    from newsterm.ui.app import NewstermApp

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "cache.db"
        config = Config(
            path=ROOT / "feeds.toml",
            settings=Settings(refresh_on_start=False),
            feeds=(FeedEntry(path="samples", title="newsterm samples", tags=("samples",)),),
        )
        with Store.open(db) as store:
            sources = service.sync_sources(store, config)
            service.refresh(store, sources, config)
            # Stable dates for the picture: an hour apart, newest first in file order.
            ids = [a.id for a in store.list_articles(limit=100)]
            with store.write() as conn:
                for n, article_id in enumerate(sorted(ids)):
                    when = NOW.timestamp() - 3600 * (n + 1)
                    conn.execute(
                        "UPDATE articles SET published = ?, sort_key = ? WHERE id = ?",
                        (when, when, article_id),
                    )
            position = next(
                i
                for i, a in enumerate(store.list_articles(limit=100))
                if a.title.startswith("City Council")
            )
        app = NewstermApp(db_path=db, config=config, clock=lambda: NOW, opener=lambda url: True)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause(0.3)
            await pilot.press("2", *["j"] * position, "enter")
            await pilot.pause(0.3)
            await pilot.press("4", "j", "enter")
            await pilot.pause(0.3)
            app.clear_notifications()
            await pilot.pause(0.2)
            app.save_screenshot("screenshot.svg", path=str(ROOT / "docs"))
            print(ROOT / "docs" / "screenshot.svg")


if __name__ == "__main__":
    asyncio.run(main())
