"""The real FreshRSS (../shared/servers) for sync tests: start it on a free 127.0.0.1 port,
create one user a test, subscribe it to feeds the test serves, make it fetch them; and a small
HTTP relay in front of it that can fail the way real servers do (down, 401, 503, HTML,
truncated JSON)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent


def _servers() -> Path:
    """``$NEWSTERM_SHARED/servers``, else ``<repo>/../shared/servers`` (a git worktree under
    ``<project>/wt/NAME`` looks two levels up as well)."""
    env = os.environ.get("NEWSTERM_SHARED")
    candidates = [Path(env)] if env else [REPO.parent / "shared", REPO.parent.parent / "shared"]
    for candidate in candidates:
        if (candidate / "servers").is_dir():
            return candidate / "servers"
    return candidates[0] / "servers"


@dataclass(frozen=True)
class _Answer:
    status_code: int
    content: bytes
    headers: Mapping[str, str]

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        return json.loads(self.content)

    def raise_for_status(self) -> None:
        assert self.status_code < 400, f"HTTP {self.status_code}: {self.text[:200]}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect is an answer, as the client sees it


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def _http(
    method: str,
    url: str,
    *,
    data: Mapping[str, str] | None = None,
    content: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    params: Mapping[str, object] | None = None,
    timeout: float = 30,
) -> _Answer:
    """One request with the standard library (the test's own client, not newsterm's)."""
    sent = dict(headers or {})
    if params:
        url += "?" + urlencode(params)
    if data is not None:
        content = urlencode(data).encode()
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=content, headers=sent, method=method)
    try:
        with _OPENER.open(request, timeout=timeout) as answer:
            return _Answer(answer.status, answer.read(), answer.headers)
    except urllib.error.HTTPError as error:
        return _Answer(error.code, error.read(), error.headers)


SERVERS = _servers()
SCRIPT = SERVERS / "freshrss-server"
READY_DEADLINE = 120.0
"""Seconds the server may take to install and answer (a deadline that only fails)."""
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
READING_LIST = "user/-/state/com.google/reading-list"


def unavailable() -> str | None:
    """Why the real server cannot run here, or None."""
    if not SCRIPT.exists():
        return f"{SERVERS} is absent (the shared folder is only beside a development checkout)"
    if shutil.which("php") is None:
        return "php is not installed (see the header of ../shared/servers/freshrss-server)"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def quiet_env() -> dict[str, str]:
    """The environment for PHP: no proxies, so that it reaches 127.0.0.1 directly."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["NO_PROXY"] = "127.0.0.1,localhost"
    return env


class FreshRSS:
    """A running FreshRSS; ``account()`` makes a fresh user with nothing subscribed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.api = f"{self.base}/api/greader.php"
        self.process = subprocess.Popen(
            [str(SCRIPT), str(folder), str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=quiet_env(),
            start_new_session=True,
        )
        deadline = time.monotonic() + READY_DEADLINE
        while True:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RuntimeError(f"freshrss-server exited: {error.strip()}")
            try:
                answer = _http(
                    "POST",
                    f"{self.api}/accounts/ClientLogin",
                    data={"Email": "reader", "Passwd": "reader-api-pass"},
                    timeout=5,
                )
                if "Auth=" in answer.text:
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("FreshRSS did not answer in time")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(30)

    def php(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            ["php", *args], cwd=self.folder, capture_output=True, env=quiet_env(), timeout=300
        )

    def account(self) -> Account:
        """A new user with its API password, subscribed to nothing (the default feeds are
        unsubscribed before anything fetches them: they are not on 127.0.0.1)."""
        user = "u" + uuid.uuid4().hex[:10]
        password = "api-" + uuid.uuid4().hex
        done = self.php(
            "cli/create-user.php",
            "--user",
            user,
            "--password",
            password + "-web",
            "--api-password",
            password,
        )
        assert done.returncode == 0, done.stderr.decode() + done.stdout.decode()
        account = Account(self, user, password)
        for sub in account.subscriptions():
            account.post("subscription/edit", [("ac", "unsubscribe"), ("s", str(sub["id"]))])
        assert account.subscriptions() == []
        return account


class Account:
    """One FreshRSS user, driven through the raw API as another device would."""

    def __init__(self, server: FreshRSS, user: str, password: str) -> None:
        self.server = server
        self.user = user
        self.password = password
        answer = _http(
            "POST",
            f"{server.api}/accounts/ClientLogin",
            data={"Email": user, "Passwd": password},
            timeout=30,
        )
        auth = [x[5:] for x in answer.text.splitlines() if x.startswith("Auth=")]
        assert auth, answer.text
        self.headers = {"Authorization": f"GoogleLogin auth={auth[0]}"}
        self.token = _http(
            "GET", f"{server.api}/reader/api/0/token", headers=self.headers, timeout=30
        ).text.strip()

    def wait_until_refused(self, deadline: float = 60) -> None:
        """Wait until the server refuses this account's session (after its API password
        changed: the server may answer from what it read before for a moment). Fails after
        ``deadline`` seconds; it never decides an outcome."""
        end = time.monotonic() + deadline
        while True:
            answer = _http(
                "GET", f"{self.server.api}/reader/api/0/token", headers=self.headers, timeout=30
            )
            if answer.status_code == 401:
                return
            assert time.monotonic() < end, "the server still takes the old session"
            time.sleep(0.1)

    def get(self, path: str, **params: object) -> object:
        answer = _http(
            "GET",
            f"{self.server.api}/reader/api/0/{path}",
            params={**params, "output": "json"},
            headers=self.headers,
            timeout=60,
        )
        answer.raise_for_status()
        return answer.json()

    def post(self, path: str, form: list[tuple[str, str]]) -> str:
        answer = _http(
            "POST",
            f"{self.server.api}/reader/api/0/{path}",
            content=urlencode([*form, ("T", self.token)]).encode(),
            headers={**self.headers, "Content-Type": "application/x-www-form-urlencoded"},
            timeout=60,
        )
        answer.raise_for_status()
        return answer.text

    def subscriptions(self) -> list[dict[str, object]]:
        data = self.get("subscription/list")
        assert isinstance(data, dict)
        return list(data["subscriptions"])

    def subscribe(self, url: str, folder: str | None = None) -> str:
        stream = str(
            json.loads(self.post("subscription/quickadd", [("quickadd", url)]))["streamId"]
        )
        if folder:
            self.post(
                "subscription/edit",
                [("ac", "edit"), ("s", stream), ("a", f"user/-/label/{folder}")],
            )
        return stream

    def actualize(self) -> None:
        """Have FreshRSS fetch this user's feeds that are due now (it exits 1 when none was:
        quickadd has just fetched a new one)."""
        done = self.server.php("cli/actualize-user.php", "--user", self.user)
        assert b"actualized" in done.stdout, done.stderr.decode() + done.stdout.decode()

    def items(self) -> list[dict[str, object]]:
        data = self.get(f"stream/contents/{READING_LIST}", n=1000)
        assert isinstance(data, dict)
        return list(data["items"])

    def ids(self, stream: str, exclude: str | None = None) -> set[int]:
        params: dict[str, object] = {"s": stream, "n": 10000}
        if exclude:
            params["xt"] = exclude
        data = self.get("stream/items/ids", **params)
        assert isinstance(data, dict)
        return {int(ref["id"]) for ref in data["itemRefs"]}

    def set_state(self, item_ids: list[str], state: str, on: bool = True) -> None:
        form = [("i", i) for i in item_ids] + [("a" if on else "r", state)]
        assert self.post("edit-tag", form) == "OK"


class Relay:
    """An HTTP relay to FreshRSS whose ``mode`` makes it fail: "pass", "drop" (connection
    closed without an answer), "401", "503", "html", "truncate" (half of the JSON); and
    ``go_down``/``come_back`` (connections refused)."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.mode = "pass"
        self.requests: list[str] = []
        relay = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, fmt: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                self._relay(None)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self._relay(self.rfile.read(length))

            def _relay(self, body: bytes | None) -> None:
                relay.requests.append(self.path)
                mode = relay.mode
                if mode == "drop":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if mode in ("401", "503"):
                    self._send(int(mode), b"no", "text/plain")
                    return
                if mode == "html":
                    self._send(200, b"<!doctype html><html><body>Login</body></html>", "text/html")
                    return
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() in ("authorization", "content-type")
                }
                answer = _http(
                    self.command,
                    relay.target + self.path,
                    content=body,
                    headers=headers,
                    timeout=120,
                )
                content = answer.content
                if mode == "truncate" and content.lstrip()[:1] == b"{":
                    content = content[: len(content) // 2]
                self._send(
                    answer.status_code, content, answer.headers.get("content-type", "text/plain")
                )

            def _send(self, status: int, body: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.handler = Handler
        self.port = 0
        self.httpd: ThreadingHTTPServer | None = None
        self.come_back()

    def come_back(self) -> None:
        """Listen (again, on the same port)."""
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), self.handler)
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()

    def go_down(self) -> None:
        """Stop listening: connections are refused, as when the server is down."""
        self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None


def relaying(target: str) -> Iterator[Relay]:
    relay = Relay(target)
    try:
        yield relay
    finally:
        relay.stop()
