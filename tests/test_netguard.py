"""Private addresses are the user's choice, never a stranger's (issue 13, point 5).

The feed server is on 127.0.0.1, a host these tests name as the user would. Where it leads
elsewhere (``localhost``, 169.254.169.254, ``[::ffff:127.0.0.1]``, a name that resolves to
127.0.0.1) is a stranger's link and is refused, unless ``allow_private_hosts`` names it. Nothing
here leaves the machine: every other name is resolved by a patched resolver.
"""

from __future__ import annotations

import http.client
import http.server
import ipaddress
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from newsterm.ingest import netguard
from newsterm.ingest.http import Proxies
from tests.clirun import CliRun
from tests.feedserver import Answer, FeedServer, fixture

SETTINGS = "[settings]\nconnect_timeout = 2.0\nread_timeout = 2.0\nfeed_timeout = 10.0\n"


class Cli(CliRun):
    def settings(self, extra: str) -> None:
        self.config.write_text(SETTINGS + extra, encoding="utf-8")

    def feeds(self, *entries: str) -> None:
        self.config.write_text(
            self.config.read_text(encoding="utf-8") + "".join(entries), encoding="utf-8"
        )


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], in_threads: None) -> Cli:
    return Cli(tmp_path, capsys, SETTINGS)


def redirect(to: str) -> Answer:
    return Answer(b"", 302, headers={"Location": to}, content_type="text/plain")


def test_private_kinds() -> None:
    kinds = {
        "127.0.0.1": "loopback",
        "::1": "loopback",
        "10.1.2.3": "private",
        "192.168.1.1": "private",
        "172.16.0.1": "private",
        "fd00::1": "private",
        "169.254.169.254": "cloud metadata",
        "169.254.1.1": "link-local",
        "fe80::1": "link-local",
        "100.64.0.1": "shared (CGNAT)",
        "0.0.0.0": "unspecified",
        "::": "unspecified",
        "::ffff:127.0.0.1": "loopback",
        "::ffff:10.0.0.1": "private",
        "2002:7f00:1::": "loopback",  # 6to4 of 127.0.0.1
        "64:ff9b::a00:1": "private",  # NAT64 of 10.0.0.1
        "224.0.0.1": "multicast",
        "240.0.0.1": "reserved",
    }
    for text, kind in kinds.items():
        assert netguard.private_kind(ipaddress.ip_address(text)) == kind, text
    for public in ("93.184.216.34", "2606:4700::1111", "::ffff:93.184.216.34"):
        assert netguard.private_kind(ipaddress.ip_address(public)) is None, public


def test_a_named_private_feed_works_but_its_redirects_elsewhere_are_refused(
    cli: Cli, server: FeedServer
) -> None:
    port = server.url("").rsplit(":", 1)[1]
    server.routes["/feed"] = Answer(fixture("rss.xml"))
    server.routes["/same-host"] = redirect(server.url("/feed"))
    targets = {
        "/to-localhost": (f"http://localhost:{port}/feed", "localhost", "loopback"),
        "/to-metadata": ("http://169.254.169.254/latest/meta-data/", "169.254.169.254", "metadata"),
        "/to-mapped": (f"http://[::ffff:127.0.0.1]:{port}/feed", "::ffff:127.0.0.1", "loopback"),
        "/to-zero": (f"http://0.0.0.0:{port}/feed", "0.0.0.0", "unspecified"),
        "/to-lan": ("http://10.0.0.1/feed", "10.0.0.1", "private"),
    }
    for path, (target, _, _) in targets.items():
        server.routes[path] = redirect(target)
    cli.feeds(*(f'[[feeds]]\nurl = "{server.url(p)}"\n' for p in ["/feed", "/same-host", *targets]))
    code, _out, err = cli("refresh")
    assert code == 1
    failed = [line for line in err.splitlines() if line.startswith("  ")]
    assert len(failed) == len(targets), err
    for path, (_, host, kind) in targets.items():
        line = next(line for line in failed if server.url(path) in line)
        assert f"refused to connect to {host}" in line and kind in line, line
        assert "allow_private_hosts" in line, line
    requested = [path for path, _ in server.requests]
    assert requested.count("/feed") == 2  # the named feed, and the same-host redirect only


def test_allow_private_hosts_lets_a_named_host_through(cli: Cli, server: FeedServer) -> None:
    port = server.url("").rsplit(":", 1)[1]
    server.routes["/feed"] = Answer(fixture("rss.xml"))
    server.routes["/to-localhost"] = redirect(f"http://localhost:{port}/feed")
    cli.settings('allow_private_hosts = ["LocalHost"]\n')
    cli.feeds(f'[[feeds]]\nurl = "{server.url("/to-localhost")}"\n')
    code, out, err = cli("refresh")
    assert code == 0, err
    assert "0 failed" in out


def test_discovery_may_not_lead_to_another_private_host(cli: Cli, server: FeedServer) -> None:
    port = server.url("").rsplit(":", 1)[1]
    page = (
        '<html><head><link rel="alternate" type="application/rss+xml" '
        f'href="http://localhost:{port}/feed"></head><body>hi</body></html>'
    )
    server.routes["/page"] = Answer(page.encode(), content_type="text/html")
    server.routes["/feed"] = Answer(fixture("rss.xml"))
    before = cli.config.read_bytes()
    code, _out, err = cli("add", server.url("/page"))
    assert code == 1
    assert "refused to connect to localhost" in err and "loopback" in err, err
    assert cli.config.read_bytes() == before
    assert "/feed" not in [path for path, _ in server.requests]


def test_full_text_may_not_follow_an_article_link_to_another_private_host(
    cli: Cli, server: FeedServer
) -> None:
    port = server.url("").rsplit(":", 1)[1]
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>One</title><link>http://localhost:{port}/article</link>"
        "<guid>one</guid><description>A short summary.</description></item>"
        "</channel></rss>"
    )
    server.routes["/feed"] = Answer(rss.encode())
    server.routes["/article"] = Answer(b"<html><p>secret</p></html>", content_type="text/html")
    cli.feeds(f'[[feeds]]\nurl = "{server.url("/feed")}"\n')
    assert cli("refresh")[0] == 0
    article = json.loads(cli("articles", "--json")[1])[0]["id"]
    code, _out, err = cli("fulltext", str(article))
    assert code == 1
    assert "refused to connect to localhost" in err and "loopback" in err, err
    assert "/article" not in [path for path, _ in server.requests]


def test_an_imported_list_may_not_name_private_addresses(
    cli: Cli, server: FeedServer, tmp_path: Path
) -> None:
    server.routes["/feed"] = Answer(fixture("rss.xml"))
    opml = tmp_path / "list.opml"
    opml.write_text(
        '<opml version="2.0"><body>'
        f'<outline text="a" xmlUrl="{server.url("/feed")}"/>'
        '<outline text="b" xmlUrl="http://169.254.169.254/latest/"/>'
        '<outline text="c" xmlUrl="http://localhost/feed"/>'
        '<outline text="d" xmlUrl="https://news.example.com/rss"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    code, out, err = cli("import", str(opml))
    assert code == 0 and "imported 1 feed" in out, (out, err)
    assert err.count("an imported list may not point newsterm there") == 3, err
    text = cli.config.read_text(encoding="utf-8")
    assert "news.example.com" in text and "imported = true" in text
    assert "127.0.0.1" not in text and "169.254" not in text and "localhost" not in text

    cli.settings('allow_private_hosts = ["127.0.0.1"]\n')
    code, out, err = cli("import", str(opml))
    assert code == 0 and "imported 2 feeds" in out, (out, err)


def resolve_as(names: dict[str, str]) -> Any:
    """A resolver for made-up names (no DNS query leaves the machine)."""

    async def lookup(host: str, port: int) -> list[tuple[int, str]]:
        address = names.get(host, host)
        return [(10 if ":" in address else 2, address)]

    return lookup


def test_the_address_connected_to_is_the_one_checked(
    cli: Cli, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: a stranger's name that resolves to 127.0.0.1 is refused; an imported
    entry's own name too. Allowed, the connection goes to the address that was checked (the
    name exists nowhere else)."""
    port = server.url("").rsplit(":", 1)[1]
    monkeypatch.setattr(netguard, "lookup", resolve_as({"rebind.example": "127.0.0.1"}))
    server.routes["/feed"] = Answer(fixture("rss.xml"))
    server.routes["/to-rebind"] = redirect(f"http://rebind.example:{port}/feed")
    cli.feeds(
        f'[[feeds]]\nurl = "{server.url("/to-rebind")}"\n',
        f'[[feeds]]\nurl = "http://rebind.example:{port}/feed"\nimported = true\n',
    )
    code, _out, err = cli("refresh")
    assert code == 1 and "2 sources failed" in err, err
    assert err.count("refused to connect to rebind.example (127.0.0.1): a loopback") == 2, err
    assert "/feed" not in [path for path, _ in server.requests]

    cli.config.write_text(
        cli.config.read_text().replace(
            "[settings]\n", '[settings]\nallow_private_hosts = ["rebind.example"]\n'
        )
    )
    code, _out, err = cli("refresh")
    assert code == 0, err
    hosts = [headers.get("Host") for path, headers in server.requests if path == "/feed"]
    assert hosts == [f"rebind.example:{port}"] * 2


class Proxy:
    """A forward HTTP proxy on 127.0.0.1 that records each absolute URL asked of it and
    forwards it to the test's feed server (whatever host the URL names: it resolves nothing,
    as a real proxy's own lookup is what the guard cannot see)."""

    def __init__(self, upstream: FeedServer) -> None:
        self.asked: list[str] = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                proxy.asked.append(self.path)
                target = urlsplit(upstream.url(urlsplit(self.path).path))
                connection = http.client.HTTPConnection(target.netloc, timeout=10)
                try:
                    connection.request("GET", target.path)
                    answer = connection.getresponse()
                    body = answer.read()
                finally:
                    connection.close()
                self.send_response(answer.status)
                for name in ("Content-Type", "Location"):
                    if answer.getheader(name):
                        self.send_header(name, answer.getheader(name, ""))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(server: FeedServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Proxy]:
    running = Proxy(server)
    for name in ("NO_PROXY", "no_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", running.url)
    yield running
    running.close()


def test_through_a_proxy_the_name_is_resolved_and_checked_before_the_proxy_is_asked(
    cli: Cli, server: FeedServer, proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With HTTP_PROXY set the proxy connects, not newsterm: a stranger's name that resolves
    to a private address is refused before the proxy is asked for it; a public one and the
    user's own host go through the proxy."""
    monkeypatch.setattr(
        netguard,
        "lookup",
        resolve_as({"rebind.example": "127.0.0.1", "news.example": "93.184.216.34"}),
    )
    server.routes["/feed"] = Answer(fixture("rss.xml"))
    server.routes["/to-rebind"] = redirect("http://rebind.example/feed")
    server.routes["/to-public"] = redirect("http://news.example/feed")
    cli.feeds(
        f'[[feeds]]\nurl = "{server.url("/to-rebind")}"\n',
        f'[[feeds]]\nurl = "{server.url("/to-public")}"\n',
        '[[feeds]]\nurl = "http://localhost/feed"\nimported = true\n',
    )
    code, _out, err = cli("refresh")
    assert code == 1 and "2 sources failed" in err, err
    assert "refused to connect to rebind.example (127.0.0.1): a loopback" in err, err
    assert "refused to connect to localhost" in err, err
    asked = [server.url("/to-rebind"), server.url("/to-public"), "http://news.example/feed"]
    assert sorted(proxy.asked) == sorted(asked)  # never rebind.example, never localhost

    cli.config.write_text(
        cli.config.read_text().replace(
            "[settings]\n", '[settings]\nallow_private_hosts = ["rebind.example"]\n'
        )
    )
    proxy.asked.clear()
    code, _out, err = cli("refresh")
    assert "http://rebind.example/feed" in proxy.asked, (proxy.asked, err)


def test_the_proxy_of_the_environment_and_no_proxy() -> None:
    proxies = Proxies(
        {"HTTP_PROXY": "proxy.lan:3128", "HTTPS_PROXY": "http://tls.lan:8080", "NO_PROXY": "nas"}
    )
    assert proxies.for_url("http://news.example/feed") == "http://proxy.lan:3128"
    assert proxies.for_url("https://news.example/feed") == "http://tls.lan:8080"
    assert proxies.for_url("http://nas/feed") is None
    assert proxies.hosts() == {"proxy.lan", "tls.lan"}  # the user named them: trusted
    assert Proxies({}).for_url("http://news.example/feed") is None
