"""A small threaded HTTP server on 127.0.0.1 for feed tests: routes map paths to answers."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"


@dataclass
class Answer:
    """A canned response; ``etag`` enables conditional GET (304 on a matching If-None-Match)."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/xml; charset=utf-8"
    etag: str | None = None


Handler = Callable[[BaseHTTPRequestHandler], None]


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away (a killed refresh) is no error of the server's."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class FeedServer:
    """Serve ``routes`` (path -> Answer or handler function); records the requests it saw."""

    def __init__(self) -> None:
        self.routes: dict[str, Answer | Handler] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._stop = threading.Event()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, fmt: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None:
                    self._send(Answer(b"not found", 404, content_type="text/plain"))
                elif isinstance(route, Answer):
                    self._send(route)
                else:
                    route(self)

            def _send(self, answer: Answer) -> None:
                if answer.etag and self.headers.get("If-None-Match") == answer.etag:
                    self.send_response(304)
                    self.send_header("ETag", answer.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                if answer.etag:
                    self.send_header("ETag", answer.etag)
                for key, value in answer.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(answer.body)

        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.stopping = self._stop
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server."""
        return self.base + path

    def start(self) -> FeedServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def fixture(name: str) -> bytes:
    """The bytes of a feed fixture."""
    return (FIXTURES / name).read_bytes()


def hang(server: FeedServer) -> Handler:
    """A handler that never answers (until the server stops)."""

    def handler(request: BaseHTTPRequestHandler) -> None:
        server.stopping.wait(30)

    return handler


def endless(server: FeedServer, chunk: bytes = b"<item>" + b"x" * 8192 + b"</item>") -> Handler:
    """A handler that streams a body that never ends."""

    def handler(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.end_headers()
        request.wfile.write(b"<rss><channel>")
        try:
            while not server.stopping.is_set():
                request.wfile.write(chunk)
        except OSError:
            pass

    return handler


def drip(server: FeedServer, every: float = 0.1) -> Handler:
    """A handler that sends a byte now and then, forever (slow but never idle too long)."""

    def handler(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.end_headers()
        try:
            while not server.stopping.is_set():
                request.wfile.write(b" ")
                request.wfile.flush()
                time.sleep(every)
        except OSError:
            pass

    return handler


def serving() -> Iterator[FeedServer]:
    """Generator for a pytest fixture."""
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()
