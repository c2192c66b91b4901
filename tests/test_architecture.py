"""Layering: the core never imports the UI (import-linter's contract in pyproject.toml), and the
modules of the app's first frame leave out the types it does not show."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    # Through this interpreter (import-linter is a test dependency), never a skip for PATH.
    code = "import sys; from importlinter.cli import lint_imports_command as run; sys.exit(run())"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_the_first_frame_leaves_out_the_analysis_the_store_results_and_feeds_toml() -> None:
    # (the app loads feeds.toml's parser only as its screen mounts, to read the file)
    code = (
        "import sys, newsterm.launch, newsterm.ui.app, newsterm.ui.screens.main\n"
        "late = ('newsterm.analysis', 'newsterm.store.results', 'newsterm.config',\n"
        "    'newsterm.config_load', 'newsterm.config_parse', 'tomllib')\n"
        "print([m for m in late if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_whole_screen_leaves_out_the_paragraphs_and_the_toml_parser() -> None:
    # (the reader's paragraphs load with the first article shown; tomllib only when feeds.toml
    # is not the text config_memo recalls)
    code = (
        "import sys, newsterm.config_load, newsterm.config_memo\n"
        "import newsterm.ui.widgets.article_reader\n"
        "late = ('newsterm.ui.widgets.reader_paragraph', 'tomllib')\n"
        "print([m for m in late if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
