"""Hostile feeds in a real terminal: the app never writes an escape sequence a feed carried.

The cache is filled by ``newsterm refresh`` from a local server serving RSS and Atom feeds
whose every field holds CSI, OSC 52/8/0, cursor queries, C1 controls, backspaces, bidi
overrides, zero-width characters, NUL and escaped-HTML escapes; then the app runs in a pty,
opens each article with the keyboard and quits, and every byte it wrote is inspected.
"""

from __future__ import annotations

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


def read_until(fd: int, out: bytearray, needle: bytes, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in out:
            return True
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return needle in out
            if not chunk:
                return needle in out
            out.extend(chunk)
    return needle in out


def drain(fd: int, out: bytearray, seconds: float) -> None:
    read_until(fd, out, b"\x00never\x00", seconds)


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_app_writes_no_escape_from_a_feed_to_the_terminal(
    tmp_path: Path, server: FeedServer
) -> None:
    opts = fill_cache(tmp_path, serve(server))
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 140, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
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
    out = bytearray()
    try:
        assert read_until(master, out, b"Rssalpha", 15), bytes(out[-2000:])
        # Open each of the six articles (Enter focuses the reader, q returns to the list).
        for _ in range(6):
            os.write(master, b"\r")
            drain(master, out, 0.35)
            os.write(master, b"q")
            drain(master, out, 0.2)
            os.write(master, b"j")
            drain(master, out, 0.2)
        # The sources pane and the command palette show feed titles too.
        os.write(master, b"1")
        drain(master, out, 0.3)
        for _ in range(4):
            os.write(master, b"j")
            drain(master, out, 0.2)
        os.write(master, b"2q")
        proc.wait(timeout=10)
        drain(master, out, 0.2)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    written = bytes(out)
    for payload in PAYLOADS:
        assert payload not in written, (payload, written[written.find(payload) - 200 :][:400])
    text = written.decode("utf-8", errors="replace")
    assert not UNSAFE_TEXT.search(text), repr(UNSAFE_TEXT.findall(text)[:10])
    for visible in ("Hostilefeedtitle", "Rssalpha", "Rssdescription", "Rsscdata", "Atomgamma"):
        assert visible in text, visible
    assert "Atomcontent" in text and "Atomdelta TTTT" in text
