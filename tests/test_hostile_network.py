"""Hostile servers and hostile XML, through the real ``newsterm refresh`` and ``import``.

Each test runs the CLI as a subprocess (worker processes, signals and all, as a user runs it)
against a local server on 127.0.0.1, with short timeouts in its feeds.toml.
"""

from __future__ import annotations

import ast
import gzip
import subprocess
import sys
import textwrap
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from newsterm.store import Store
from tests.feedserver import Answer, FeedServer, Handler, drip, endless, fixture, hang

# Short network timeouts, cut as the tests expect; the parse timeout is only a hang guard
# (parse workers start slowly on a loaded machine).
SETTINGS = """\
[settings]
refresh_on_start = false
connect_timeout = 5.0
read_timeout = 2.0
feed_timeout = 6.0
parse_timeout = 120.0
"""


def newsterm(tmp_path: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    opts = ["--config", str(tmp_path / "feeds.toml"), "--db", str(tmp_path / "cache.db")]
    return subprocess.run(
        [sys.executable, "-m", "newsterm", *opts, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def write_config(tmp_path: Path, urls: list[str]) -> None:
    text = SETTINGS + "".join(f'\n[[feeds]]\nurl = "{url}"\n' for url in urls)
    (tmp_path / "feeds.toml").write_text(text, encoding="utf-8")


def redirect_to_self(request: BaseHTTPRequestHandler) -> None:
    request.send_response(302)
    request.send_header("Location", request.path)
    request.send_header("Content-Length", "0")
    request.end_headers()


def test_one_refresh_over_hostile_servers_ends_with_one_line_each(
    tmp_path: Path, server: FeedServer
) -> None:
    bomb = gzip.compress(b"<rss>" + b" " * (64 * 1024 * 1024), 9)
    hostile: dict[str, Answer | Handler] = {
        "/stall": hang(server),
        "/trickle": drip(server, every=0.3),  # never idle for a read timeout, never done
        "/endless": endless(server),
        "/bomb": Answer(bomb, headers={"Content-Encoding": "gzip"}),
        "/loop": redirect_to_self,
        "/error": Answer(b"oops", 500, content_type="text/plain"),
        "/wrong-type": Answer(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png"),
    }
    server.routes.update(hostile)
    server.routes["/good"] = Answer(fixture("rss.xml"))
    server.routes["/good-atom"] = Answer(fixture("atom.xml"))
    urls = [server.url(path) for path in [*hostile, "/good", "/good-atom"]]
    write_config(tmp_path, urls)
    done = newsterm(tmp_path, "refresh")  # ends: each feed is cut at feed_timeout (6 s)
    assert done.returncode == 1, done.stderr
    errors = done.stderr.splitlines()
    assert errors[0] == f"newsterm: {len(hostile)} sources failed:"
    failed = {line.strip().split(": ", 1)[0]: line for line in errors[1:]}
    assert len(errors) == 1 + len(hostile) and len(failed) == len(hostile), done.stderr
    for path in hostile:
        assert server.url(path) in failed, (path, done.stderr)
    expect = {
        "/stall": "timed out",
        "/trickle": "took longer than",
        "/endless": "too large",
        "/bomb": "too large",
        "/loop": "redirect",
        "/error": "500",
        "/wrong-type": "not a feed",
    }
    for path, words in expect.items():
        assert words in failed[server.url(path)], failed[server.url(path)]
    with Store.open(tmp_path / "cache.db") as store:
        stored = dict(
            store.conn.execute(
                "SELECT s.location, COUNT(a.id) FROM sources s JOIN articles a"
                " ON a.source_id = s.id GROUP BY s.id"
            ).fetchall()
        )
    assert set(stored) == {server.url("/good"), server.url("/good-atom")}


def quadratic_blowup(well_formed: bool) -> bytes:
    entity = "x" * 50_000
    refs = "&a;" * 50_000  # 2.5 GB if expanded
    broken = "" if well_formed else "<unclosed>"
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{entity}">]>'
        f"<rss><channel><title>Quadratic</title>{broken}<item><title>q</title>"
        f"<description>{refs}</description></item></channel></rss>"
    ).encode()


def external(target: str, well_formed: bool = True) -> bytes:
    broken = "" if well_formed else "&nbsp;<b>"
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY ext SYSTEM "{target}">]>'
        f"<rss><channel><title>External{broken}</title><item><title>Leak &ext;</title>"
        "<guid>x</guid></item></channel></rss>"
    ).encode()


def external_dtd(target: str) -> bytes:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{target}">'
        "<rss><channel><title>Dtd &nbsp;</title><item><title>Leak &ext;</title>"
        "<guid>y</guid></item></channel></rss>"
    ).encode()


def test_hostile_xml_is_never_expanded_read_or_fetched(tmp_path: Path, server: FeedServer) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    server.routes["/secret"] = Answer(b"FETCHEDSECRET", content_type="text/plain")
    server.routes["/evil.dtd"] = Answer(b'<!ENTITY ext "FETCHEDSECRET">', content_type="text/plain")
    bodies = {
        "/laughs": fixture("laughs.xml"),
        "/quadratic": quadratic_blowup(True),
        "/quadratic-malformed": quadratic_blowup(False),  # feedparser's path would expand it
        "/xxe-file": external(f"file://{secret}"),
        "/xxe-file-malformed": external(f"file://{secret}", well_formed=False),
        "/xxe-passwd": external("file:///etc/passwd"),
        "/xxe-http": external(server.url("/secret")),
        "/xxe-closed-port": external("http://127.0.0.1:9/"),
        "/xxe-dtd": external_dtd(server.url("/evil.dtd")),
    }
    for path, body in bodies.items():
        server.routes[path] = Answer(body)
    write_config(tmp_path, [server.url(path) for path in bodies])
    done = newsterm(tmp_path, "refresh")
    requested = {path for path, _ in server.requests}
    assert requested == set(bodies), requested  # no entity or DTD was fetched
    with Store.open(tmp_path / "cache.db") as store:
        texts = [
            " ".join(str(v) for v in row)
            for row in store.conn.execute("SELECT title, summary, body, authors FROM articles")
        ]
        titles = [s.title or "" for s in store.sources()]
    everything = " ".join(texts + titles)
    assert "lollol" not in everything and "x" * 1000 not in everything
    assert "TOPSECRET" not in everything and "FETCHEDSECRET" not in everything
    assert "root:" not in everything
    # Each hostile document is refused with one line, or parsed without its entities.
    # Each is parsed without its DOCTYPE: the references stay unexpanded text.
    assert done.returncode == 0, done.stderr
    assert "9 new, 0 updated, 0 failed" in done.stdout
    assert "Laughs &lol9;" in done.stdout


PARSE_IN_A_FRESH_PROCESS = textwrap.dedent("""
    import resource, sys
    from pathlib import Path
    from newsterm.ingest.feed_parse import FeedJob, process_feed

    body = Path(sys.argv[1]).read_bytes()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = process_feed(FeedJob("http://127.0.0.1/f", body))
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    print(repr(([a.title for a in result.items], grown_kib)))
""")
"""Parse one document in a new process: its titles and how far it raised the process's peak
memory (a fresh high-water mark, which no earlier test can have raised already)."""


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("laughs", "Item &lol9;"),
        ("quadratic", "q"),
        ("quadratic-malformed", "q"),
        ("external-malformed", "Leak &ext;"),
        ("external-dtd", "Leak &ext;"),
    ],
)
def test_each_hostile_parse_stays_small(tmp_path: Path, name: str, title: str) -> None:
    """The guard runs before any parser: each hostile document is parsed without its DOCTYPE
    (references stay text), and never grows the parsing process by 200 MB."""
    body = {
        "laughs": lambda: fixture("laughs.xml"),
        "quadratic": lambda: quadratic_blowup(True),
        "quadratic-malformed": lambda: quadratic_blowup(False),
        "external-malformed": lambda: external("file:///etc/passwd", well_formed=False),
        "external-dtd": lambda: external_dtd("http://127.0.0.1:9/"),
    }[name]()
    path = tmp_path / "feed.xml"
    path.write_bytes(body)
    done = subprocess.run(
        [sys.executable, "-c", PARSE_IN_A_FRESH_PROCESS, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    titles, grown_kib = ast.literal_eval(done.stdout.strip())
    assert titles == [title]
    assert grown_kib < 200 * 1024


def crafted_author_feed(letters: int, title: str) -> bytes:
    """Ill-formed (so feedparser reads it), with authors made to stall its e-mail regex."""
    names = "".join(
        f"<item><title>{title} {i}</title><guid>{title}-{i}</guid>"
        f"<author>{'a' * letters}</author><dc:creator><![CDATA[{'b' * letters}]]></dc:creator>"
        f"<description>Body &nbsp; {i}</description></item>"
        for i in range(3)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>Authors &nbsp;</title>{names}</channel></rss>"
    ).encode()


@pytest.mark.parametrize("feeds", [1, 2], ids=["thread-path", "process-path"])
def test_crafted_author_cannot_stall_the_parser(
    tmp_path: Path, server: FeedServer, feeds: int
) -> None:
    # 60,000 letters: minutes in feedparser's author regex if it ever saw them.
    for n in range(feeds):
        server.routes[f"/authors{n}"] = Answer(crafted_author_feed(60_000, f"Crafted{n}"))
    write_config(tmp_path, [server.url(f"/authors{n}") for n in range(feeds)])
    done = newsterm(tmp_path, "refresh", timeout=120)  # would take minutes if it ever stalled
    assert done.returncode == 0, done.stderr
    with Store.open(tmp_path / "cache.db") as store:
        rows = store.conn.execute("SELECT title FROM articles").fetchall()
    assert len(rows) == 3 * feeds


def test_hostile_opml_import_expands_nothing(tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
        '<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body>'
        '<outline text="&c;&x;" xmlUrl="https://a.example/feed"/></body></opml>',
        encoding="utf-8",
    )
    write_config(tmp_path, [])
    before = (tmp_path / "feeds.toml").read_bytes()
    done = newsterm(tmp_path, "import", str(opml))
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and str(opml) in done.stderr
    assert "aaaaaaaaaa" not in done.stderr and "root:" not in done.stderr
    assert (tmp_path / "feeds.toml").read_bytes() == before


def test_commands_in_opml_and_urls_files_are_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml><body>'
        f'<outline text="Pipe" type="rss" xmlUrl="|touch {marker}"/>'
        f'<outline text="Exec" type="rss" xmlUrl="exec:touch {marker}"/>'
        f'<outline text="Filter" type="rss" xmlUrl="filter:touch {marker}:https://b.example/"/>'
        f'<outline text="Dash" type="rss" xmlUrl="-oProxyCommand=touch {marker}"/>'
        f'<outline text="Sub" type="rss" xmlUrl="https://c.example/$(touch {marker})"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    urls = tmp_path / "urls"
    urls.write_text(
        f'"exec:touch {marker}"\n"filter:touch {marker}:https://d.example/"\n'
        f"|touch {marker}\nhttps://e.example/`touch {marker}`\n",
        encoding="utf-8",
    )
    write_config(tmp_path, [])
    for source in (opml, urls):
        done = newsterm(tmp_path, "import", str(source))
        assert done.returncode in (0, 1, 2), done.stderr
    feeds = (tmp_path / "feeds.toml").read_text(encoding="utf-8")
    assert "exec:" not in feeds and "filter:" not in feeds and "|touch" not in feeds
    # Nothing imported is ever run, not even by a refresh of whatever was kept.
    newsterm(tmp_path, "refresh", timeout=60)
    assert not marker.exists()
