"""Everything the CLI prints is terminal-safe, whatever it came from (issue 13, point 3).

Not only ingested text: feeds.toml edited by hand, arguments echoed in errors, paths, server
error texts and OPML titles all reach the terminal through ``newsterm.output``.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from newsterm.models import Source, SourceKind, SourceStatus
from newsterm.safe_text import one_line
from tests.clirun import CliRun
from tests.feedserver import Answer, FeedServer

HOSTILE = "Evil \x1b]52;c;aGVsbG8=\x07 \x9b2J \x1b[31mred\x1b[0m \u202eright\u202c \x07bell"
"""A title with OSC 52 (clipboard write), an 8-bit CSI, SGR colour, a bidi override and BEL."""
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
"""What must never reach a terminal raw."""


def assert_safe(text: str) -> None:
    found = RAW.search(text)
    assert found is None, f"raw {found.group()!r} in {text!r}"


def toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string with \\uXXXX escapes is a valid TOML basic string


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> CliRun:
    return CliRun(tmp_path, capsys, "")


def test_echoed_arguments_are_clean(run: CliRun) -> None:
    for args in (
        ("add", "https://example.com/\x1b[2J"),
        ("add", "/no/such/\x1b]0;owned\x07folder"),
        ("remove", "\x9b6n\u202egone"),
        ("refresh", "\x1b[2Jnone"),
        ("articles", "--source", "\x1bPdcs\x1b\\x"),
        ("search", "\x1b[2J"),
        ("parse", "/tmp/\x1b[2J.txt"),
        ("import", "/tmp/\x1b[2J.opml"),
        ("show", "\x1b[2J"),
        ("--\x1b[2J",),
    ):
        code, out, err = run(*args)
        assert_safe(out + err)
        assert code in (0, 1, 2), (args, code)
    code, out, err = run("add", "https://example.com/\x1b[2J")
    assert code == 2 and err == "newsterm: https://example.com/: not a valid URL\n"


def test_feeds_toml_titles_and_server_errors_are_clean(run: CliRun, server: FeedServer) -> None:
    server.routes["/bad"] = Answer(b"x", 500, content_type="text/plain")
    url = server.url("/bad")
    run.config.write_text(
        "[settings]\nconnect_timeout = 2.0\nread_timeout = 2.0\n\n"
        f"[[feeds]]\nurl = {toml_string(url)}\ntitle = {toml_string(HOSTILE)}\n",
        encoding="utf-8",
    )
    code, out, err = run("sources")
    assert code == 0 and "Evil" in out and "right" in out
    assert_safe(out + err)
    code, out, err = run("refresh")
    assert code == 1 and "Evil" in out and "HTTP 500" in err
    assert_safe(out + err)
    code, out, err = run("export")
    assert code == 0 and "Evil" in out
    assert_safe(out + err)
    code, out, err = run("export", "--format", "urls")
    assert_safe(out + err)

    code, out, err = run("sources", "--json")
    assert code == 0
    assert_safe(out)
    # Cleaned when feeds.toml was read (the app shows it too); the words kept, valid JSON.
    title = json.loads(out)[0]["title"]
    assert title == one_line(HOSTILE) and "Evil" in title and "\x1b" not in title

    code, out, err = run("remove", "1")
    assert code == 0 and out.startswith("removed Evil")
    assert_safe(out + err)


def test_opml_titles_and_warnings_are_clean(run: CliRun, tmp_path: Path) -> None:
    opml = tmp_path / "list.opml"
    opml.write_text(
        '<opml version="2.0"><body>'
        '<outline text="&#x9d;52;c;eA==&#x9c;t&#x202e;" xmlUrl="https://example.com/&#x9b;2J"/>'
        '<outline text="x" xmlUrl="javascript:&#x9b;2J&#x85;alert(1)"/>'
        '<outline text="y" xmlUrl="https://example.com/&#x202e;f" filtercmd="&#x9b;2Jrm"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    code, out, err = run("import", str(opml))
    assert code == 0 and "warning" in err
    assert_safe(out + err)
    code, out, err = run("sources")
    assert_safe(out + err)


def test_the_progress_bar_shows_titles_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Rich bar on a terminal: its colours stay, a title's escapes do not."""
    from newsterm import output, progress
    from newsterm.ingest.outcomes import SourceOutcome

    screen = io.StringIO()
    terminal = output.SafeConsole(file=screen, force_terminal=True, width=100)
    monkeypatch.setattr(output, "err_console", terminal)
    source = Source(
        id=1,
        kind=SourceKind.FEED,
        location="https://example.com/f",
        title=HOSTILE,
        status=SourceStatus.OK,
    )
    with progress.refresh_progress(1, interactive=True) as report:
        report(SourceOutcome(source, error="HTTP 500 \x1b]8;;file:///etc\x1b\\x"), 1, 1)
    written = screen.getvalue()
    assert "Evil" in written and "\x1b[" in written  # Rich's own styles are there
    for hostile in ("]52;", "\x9b", "\u202e", "\x07", "]8;;file", "[2J", "[31mred"):
        assert hostile not in written, hostile


def test_the_cli_prints_only_through_the_output_module() -> None:
    """One output path: cli*.py, launch.py and progress.py never print another way."""
    package = Path(__file__).parents[1] / "src" / "newsterm"
    names = [*sorted(p.name for p in package.glob("cli*.py")), "launch.py", "progress.py"]
    assert "cli_views.py" in names and "cli_sync.py" in names
    for name in names:
        source = (package / name).read_text(encoding="utf-8")
        for call in (r"(?<![.\w])print\(", r"sys\.std(out|err)\.write", r"\bConsole\("):
            assert not re.search(call, source), (name, call)
        echoes = re.findall(r"click\.echo\((.*)\)", source)
        assert echoes in ([], ["json_text(value, one_line=one_line)"]), (name, echoes)
