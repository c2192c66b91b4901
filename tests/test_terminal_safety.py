"""Hostile feeds in a real terminal: the app never writes an escape sequence a feed carried.

The cache is filled by ``newsterm refresh`` from a local server serving RSS and Atom feeds
whose every field holds CSI, OSC 52/8/0, cursor queries, C1 controls, backspaces, bidi
overrides, zero-width characters, NUL and escaped-HTML escapes; then the app runs in a pty,
opens each article with the keyboard (each step waits for what the screen shows, never for
a fixed time) and quits, and every byte it wrote is inspected.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feedserver import Answer, FeedServer

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
FEEDS = ["feed-escapes.rss", "feed-controls.rss", "feed-escapes.atom"]
HUGE_TITLE = "Atomdelta " + "T" * (1024 * 1024)
HUGE = (
    '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Hugefeed</title>'
    f"<id>urn:huge</id><entry><id>huge</id><title>{HUGE_TITLE}</title>"
    '<content type="text">Hugebody text.</content></entry></feed>'
).encode()

# What a feed put there, ESC- or C1-introduced: none of it may reach the terminal.
PAYLOADS = [
    b"\x1b]52;",
    b"\x1b]0;pwned",
    b"\x1b]8;;file:",
    b"\x1b[6n",
    b"\x1b[2J",
    b"\xc2\x9b",
    b"\xc2\x9d",
    b"\x00",
]
UNSAFE_TEXT = re.compile("[\u0080-\u009f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\ufffd]")


def serve(server: FeedServer) -> list[str]:
    for name in FEEDS:
        server.routes[f"/{name}"] = Answer((HOSTILE / name).read_bytes())
    server.routes["/huge.atom"] = Answer(HUGE)
    return [server.url(f"/{name}") for name in [*FEEDS, "huge.atom"]]


def fill_cache(tmp_path: Path, urls: list[str]) -> list[str]:
    config = tmp_path / "feeds.toml"
    text = "[settings]\nrefresh_on_start = false\nread_timeout = 2.0\n"
    text += "".join(f'\n[[feeds]]\nurl = "{url}"\n' for url in urls)
    config.write_text(text, encoding="utf-8")
    opts = ["--config", str(config), "--db", str(tmp_path / "cache.db")]
    done = subprocess.run(
        [sys.executable, "-m", "newsterm", "refresh", *opts],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # The CLI's own report names the hostile feed titles: nothing escapes there either.
    for payload in PAYLOADS:
        assert payload not in done.stdout + done.stderr, payload
    return opts


def test_cached_fields_are_clean_and_the_huge_title_is_capped(
    tmp_path: Path, server: FeedServer
) -> None:
    opts = fill_cache(tmp_path, serve(server))
    listing = subprocess.run(
        [sys.executable, "-m", "newsterm", "articles", "--json", *opts],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = json.loads(listing.stdout)
    assert len(rows) == 6
    for row in rows:
        shown = subprocess.run(
            [sys.executable, "-m", "newsterm", "show", str(row["id"]), "--json", *opts],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert not UNSAFE_TEXT.search(shown), shown
        assert "\\u001b" not in shown and "\\u0000" not in shown
        article = json.loads(shown)
        assert len(article["title"]) <= 1000
        for author in article["authors"]:
            assert len(author) <= 200
        if article["url"] is not None:
            assert article["url"].startswith(("http://", "https://"))
    titles = " ".join(row["title"] for row in rows)
    for visible in ("Rssalpha", "Rssbeta", "Atomgamma", "Atomdelta"):
        assert visible in titles


CSI = re.compile(rb"\x1b\[[0-9;:?<=>]*[ -/]*[@-~]")
# The footer tells which pane has the focus: the list's Enter opens, the sources' shows.
LIST_FOCUSED = re.compile("\u23ce Open +n Next unread")
SOURCES_FOCUSED = re.compile("\u23ce Show +n Next unread")
READER_FOCUSED = re.compile("(?<!Open)(?<!Show)(?<! ) *n Next unread")
# Each article's body, one word each (the controls feed's renamed apart from the escapes feed's).
BODIES = ["Rssdescription", "Rsscdata", "Ctldescription", "Ctlcdata", "Atomcontent", "Hugebody"]
# The header names the opened article: the huge one's body is below its long title.
HUGE_OPENED = "newsterm +\u2014 +Atomdelta"


def painted_since(fd: int, out: bytearray, start: int, *patterns: re.Pattern[str]) -> str:
    """Read the app's output until the screen text painted after ``start`` matches every
    pattern; return that text. The deadline only guards a hang: it never decides an outcome."""
    deadline = time.monotonic() + 120
    while True:
        text = CSI.sub(b"", bytes(out[start:])).decode("utf-8", errors="replace")
        if all(pattern.search(text) for pattern in patterns):
            return text
        assert time.monotonic() < deadline, (patterns, text[-2000:])
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            chunk = os.read(fd, 65536)
            assert chunk, ("the app ended", text[-2000:])
            out.extend(chunk)


@contextlib.contextmanager
def app_in_pty(opts: list[str]) -> Iterator[tuple[subprocess.Popen[bytes], int, bytearray]]:
    """The app in a 140x40 pty of its own: the process, the pty's master side and what the
    app wrote (filled by the reads); killed if still running at the end."""
    proc, master = launch_in_pty(opts)
    out = bytearray()
    try:
        yield proc, master, out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)


def assert_clean(written: bytes, payloads: list[bytes]) -> str:
    """No payload and no unsafe character in what the app wrote; return its text."""
    for payload in payloads:
        assert payload not in written, (payload, written[written.find(payload) - 200 :][:400])
    text = written.decode("utf-8", errors="replace")
    assert not UNSAFE_TEXT.search(text), repr(UNSAFE_TEXT.findall(text)[:10])
    return text


def launch_in_pty(opts: list[str]) -> tuple[subprocess.Popen[bytes], int]:
    """Start the app in a 140x40 pty of its own; return it and the pty's master side."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 140, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    env |= {"COLUMNS": "140", "LINES": "40"}  # (the pty's size, whatever pytest's terminal is)
    env.pop("TEXTUAL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsterm", *opts],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    return proc, master


def read_until_exit(proc: subprocess.Popen[bytes], fd: int, out: bytearray) -> None:
    """Read what the app writes until it has quit and its last frame is read. Reading all the
    while matters: an app whose pty is full blocks on its write and never quits. The deadline
    only guards a hang."""
    deadline = time.monotonic() + 120
    while True:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: every byte read and the app's side closed
                chunk = b""
            out.extend(chunk)
            if chunk:
                continue
        if proc.poll() is not None and not ready:
            return
        if ready and proc.poll() is not None:  # the app ended and its side is closed
            return
        tail = CSI.sub(b"", bytes(out[-4000:])).decode("utf-8", errors="replace")
        assert time.monotonic() < deadline, ("the app did not quit", tail[-2000:])


def send(fd: int, out: bytearray, keys: bytes) -> int:
    """Type ``keys``; return where the output written after them starts."""
    start = len(out)
    os.write(fd, keys)
    return start


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_app_writes_no_escape_from_a_feed_to_the_terminal(
    tmp_path: Path, server: FeedServer
) -> None:
    urls = serve(server)
    controls = (HOSTILE / "feed-controls.rss").read_bytes()
    controls = controls.replace(b"Rssdescription", b"Ctldescription").replace(
        b"Rsscdata", b"Ctlcdata"
    )
    server.routes["/feed-controls.rss"] = Answer(controls)
    opts = fill_cache(tmp_path, urls)
    with app_in_pty(opts) as (proc, master, out):
        painted_since(master, out, 0, re.compile("Rssalpha"), LIST_FOCUSED)
        # Open each of the six articles: Enter opens one and focuses the reader, which paints
        # a body not seen before; q returns to the list, j moves to the next article.
        seen: set[str] = set()
        for _ in range(6):
            start = send(master, out, b"\r")
            wanted = [body for body in BODIES if body not in seen]
            wanted += [HUGE_OPENED] if "Hugebody" in wanted else []
            text = painted_since(master, out, start, re.compile("|".join(wanted)), READER_FOCUSED)
            painted = {body for body in BODIES if body in text} - seen
            if not painted:  # the huge article: its body shows at the end of the reader
                painted_since(master, out, send(master, out, b"G"), re.compile("Hugebody"))
                painted = {"Hugebody"}
            seen |= painted
            start = send(master, out, b"q")
            painted_since(master, out, start, LIST_FOCUSED)
            send(master, out, b"j")
        assert seen == set(BODIES)
        # The sources pane shows the feed titles too.
        start = send(master, out, b"1")
        painted_since(master, out, start, SOURCES_FOCUSED)
        send(master, out, b"jjjj2q")
        read_until_exit(proc, master, out)
    written = bytes(out)
    text = assert_clean(written, PAYLOADS)
    for visible in ("Hostilefeedtitle", "Rssalpha", "Atomgamma", "Atomdelta TTTT", *BODIES):
        assert visible in text, visible


# A feeds.toml edited by hand or copied from a stranger: titles, tags and view titles carrying
# escape sequences, C1 and bidi controls, and Rich markup that must show as written.
HOSTILE_CONFIG = r"""[settings]
refresh_on_start = false

[[feeds]]
path = "{folder}"
title = "Evil\u001b]52;c;cHduZWQ=\u0007feed \u001b[2J\u009b6n\u202eEvilend [bold red]Markup[/]"
tags = ["Eviltag\u001b]0;pwned\u0007", "plain"]

[tags."Eviltag\u001b]0;pwned\u0007"]
keep = "30d"

[[views]]
title = "Evilview\u001b]8;;file:///etc/passwd\u0007 [link=file:///x]Click[/link]"
query = "is:unread"
"""


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_app_writes_no_escape_from_feeds_toml_to_the_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Harbourside plan approved\n\nThe council approved the plan on Tuesday.\n",
        encoding="utf-8",
    )
    config = tmp_path / "feeds.toml"
    config.write_text(HOSTILE_CONFIG.replace("{folder}", str(folder)), encoding="utf-8")
    opts = ["--config", str(config), "--db", str(tmp_path / "cache.db")]
    added = subprocess.run(
        [sys.executable, "-m", "newsterm", "refresh", *opts],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    for payload in PAYLOADS:  # the CLI's report names the source: clean there too
        assert payload not in added.stdout + added.stderr, payload
    with app_in_pty(opts) as (proc, master, out):
        # The sources pane lists the feed by its title, its tags and the view; the list shows
        # the article with its source's title.
        painted_since(
            master,
            out,
            0,
            re.compile("Harbourside plan approved"),
            re.compile(r"Evilview \[link=file"),  # (the pane is narrow: the title is cut)
            re.compile("#Eviltag"),
            LIST_FOCUSED,
        )
        start = send(master, out, b"\r")  # the reader's header names the source too
        header = re.compile(r"Evilfeed Evilend \[bold red\]Markup\[/\]")
        painted_since(master, out, start, re.compile("council approved"), header, READER_FOCUSED)
        send(master, out, b"q")
        start = send(master, out, b"1")
        painted_since(master, out, start, SOURCES_FOCUSED)
        start = send(master, out, b"2")
        painted_since(master, out, start, LIST_FOCUSED)
        send(master, out, b"q")
        read_until_exit(proc, master, out)
    written = bytes(out)
    assert_clean(written, [*PAYLOADS, b"\x1b]8;;file:///etc", b"\xe2\x80\xae"])
    # The markup showed as the characters the file holds (the waits above), never as a link.
    assert b"\x1b]8;" not in written
