"""The feed pipeline stays UI-free, and its worker module stays light."""

from __future__ import annotations

import subprocess
import sys


def test_ingest_does_not_import_textual() -> None:
    code = (
        "import sys, newsterm.ingest.service, newsterm.ingest.feeds, newsterm.cli;"
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_parse_worker_module_does_not_load_http_or_feedparser() -> None:
    """Workers are spawned per refresh: they import only what parsing needs."""
    code = (
        "import sys, newsterm.ingest.feed_parse;"
        "bad = {'httpx', 'feedparser', 'rich', 'click', 'textual'} & set(sys.modules);"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
