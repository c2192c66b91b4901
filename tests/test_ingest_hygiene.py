"""The feed pipeline stays UI-free, its worker module light, its fetching process lighter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


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
        "bad = {'aiohttp', 'feedparser', 'rich', 'click', 'textual'} & set(sys.modules);"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_refreshing_process_does_not_load_the_analysis() -> None:
    """The workers analyse; the process that fetches skips compiling the analysis patterns."""
    code = (
        "import sys, newsterm.cli, newsterm.ingest.service, newsterm.ingest.feeds;"
        "import newsterm.ingest.fetch_loop, newsterm.progress;"
        "bad = {'newsterm.extract.pipeline', 'newsterm.ingest.feed_parse'} & set(sys.modules);"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_parse_workers_load_the_analysis_only_when_they_analyse() -> None:
    """A refresh's workers parse and store; the analysis's patterns load with the first
    backlog job, and the package's ``analyse`` is the function however it was reached."""
    code = (
        "import sys\n"
        "from newsterm.ingest import feed_save\n"
        "feed_save.init_worker()\n"
        "assert 'newsterm.extract.pipeline' not in sys.modules\n"
        "from newsterm.extract.pipeline import ANALYSIS_VERSION as version\n"
        "import newsterm.extract\n"
        "from newsterm.extract import ANALYSIS_VERSION, analyse\n"
        "assert callable(analyse) and newsterm.extract.analyse is analyse\n"
        "assert ANALYSIS_VERSION == version\n"
        "quote = analyse('T', ['“We will build it,” Ana Ruiz said.']).quotes[0]\n"
        "assert quote.speaker == 'Ana Ruiz'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_only_a_pool_made_to_analyse_preloads_the_analysis() -> None:
    code = (
        "import multiprocessing.forkserver as fs\n"
        "from newsterm.ingest.parse_pool import start_context\n"
        "start_context()\n"
        "assert 'newsterm.extract.pipeline' not in fs._forkserver._preload_modules\n"
        "start_context(analysis=True)\n"
        "assert 'newsterm.extract.pipeline' in fs._forkserver._preload_modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_refresh_off_a_terminal_does_not_load_rich(tmp_path: Path) -> None:
    """Rich (~65 ms to import) loads only for what it draws: a bar, a table; the lines of a
    refresh whose output is piped need none of it."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("A title\n\nA paragraph.\n", encoding="utf-8")
    config = tmp_path / "feeds.toml"
    config.write_text(f'[[feeds]]\npath = "{tmp_path / "notes"}"\n', encoding="utf-8")
    code = (
        "import sys\n"
        "from newsterm.cli import main\n"
        f"main(['--config', {str(config)!r}, '--db', {str(tmp_path / 'cache.db')!r}, 'refresh'])\n"
        "bad = {name for name in sys.modules if name.split('.')[0] == 'rich'}\n"
        "assert not bad, sorted(bad)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "1 new" in done.stdout
