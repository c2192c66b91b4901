"""Save docs/screenshot.svg: the app at 160x45 reading an article with quotations.

    uv run python scripts/screenshot.py

Uses the test fixture cache (our own articles, frozen clock) so the picture is reproducible.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ui"))


async def main() -> None:
    os.environ["TZ"] = "UTC"
    time.tzset()
    from conftest import NOW, build_cache  # type: ignore[import-not-found]

    from newsterm.config import Config, Settings
    from newsterm.ui.app import NewstermApp

    with tempfile.TemporaryDirectory() as folder:
        db = build_cache(Path(folder) / "cache.db")
        config = Config(path=Path("feeds.toml"), settings=Settings(refresh_on_start=False))
        app = NewstermApp(db_path=db, config=config, clock=lambda: NOW, opener=lambda url: True)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause(0.3)
            await pilot.press("j", "enter")
            await pilot.pause(0.3)
            await pilot.press("4", "j", "enter")
            await pilot.pause(0.3)
            app.clear_notifications()
            await pilot.pause(0.2)
            target = ROOT / "docs"
            app.save_screenshot("screenshot.svg", path=str(target))
            print(target / "screenshot.svg")


if __name__ == "__main__":
    asyncio.run(main())
