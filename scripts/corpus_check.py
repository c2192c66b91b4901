"""Ingest every file of the peer feed corpus through the real pipeline and count the outcomes.

    uv run python scripts/corpus_check.py [CORPUS_DIR] [--verbose]

CORPUS_DIR defaults to ``$NEWSTERM_SHARED/corpus`` or ``<repo>/../shared/corpus``. Feed files
are served from a loopback server (with the ``Header:`` lines of feedparser's test files sent
as HTTP headers) and refreshed as feed sources in one ``service.refresh``; OPML and urls files
go through ``subscriptions.import_subscriptions``. Each file ends as: *raised* (an exception escaped
or an internal error was reported; must be 0), *articles* (yielded at least one), *empty*
(a feed without items), or *rejected* (refused with a reason, printed grouped).

Then every XML feed file is read by both parsers (the fast path and feedparser) and their
articles compared field by field (identity, title, link, date, authors, body): the number
of files and items that disagree per field is printed (``--verbose``: each disagreement).
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

from newsterm import config_edit
from newsterm.config import FeedEntry
from newsterm.config_load import load_config
from newsterm.errors import NewstermError
from newsterm.ingest import service, subscriptions
from newsterm.ingest.feed_model import NotAFeed
from newsterm.ingest.path_check import FIELDS, compare_paths
from newsterm.store import Store

REPO = Path(__file__).resolve().parents[1]
SUBSCRIPTION_LISTS = {".opml", ".txt"}
HEADER = re.compile(rb"^\s*Header:\s*([\w-]+):\s*(.+?)\s*$", re.M)
DEFAULT_TYPES = {".json": "application/json", ".atom": "application/atom+xml"}
ACCEPTED = {
    "feedparser/wellformed/namespace/unknown-namespace.xml": (
        "an RSS <item> inside an Atom <feed>: no entry for the fast path, one for feedparser"
    ),
}
"""Path disagreements that are documented choices (docs/architecture.md), with the reason."""


def corpus_dir(argument: str | None) -> Path:
    candidates = [argument, os.environ.get("NEWSTERM_SHARED", "") + "/corpus"]
    candidates += [
        str(REPO / ".." / "shared" / "corpus"),
        str(REPO / ".." / ".." / "shared" / "corpus"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir() and candidate != "/corpus":
            return Path(candidate).resolve()
    sys.exit("corpus not found: pass CORPUS_DIR or set NEWSTERM_SHARED")


def headers_of(data: bytes, path: Path) -> dict[str, str]:
    """The HTTP headers a test file asks for (from its leading comment), else a default type."""
    found = {}
    head = data[:2048]
    if b"Header:" in head:
        for name, value in HEADER.findall(head):
            found[name.decode("latin-1").title()] = value.decode("latin-1")
    found.setdefault("Content-Type", DEFAULT_TYPES.get(path.suffix, "application/xml"))
    return found


def serve(root: Path) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = (root / unquote(self.path.lstrip("/"))).resolve()
            if not path.is_file() or root not in path.parents:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            data = path.read_bytes()
            self.send_response(200)
            for name, value in headers_of(data, path).items():
                if name.lower() not in ("content-length", "transfer-encoding", "content-encoding"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    return server


def short(reason: str) -> str:
    """A reason without file-specific detail, for grouping."""
    reason = re.sub(r"http://127\.0\.0\.1:\d+/\S*", "URL", reason)
    reason = re.sub(r"line \d+, column \d+", "line N, column N", reason)
    return re.sub(r"\d+", "N", reason)[:140]


def compare_all(root: Path, feeds: list[Path], verbose: bool) -> None:
    """Read each XML feed file with both parsers and print where their articles differ."""
    files: collections.Counter[str] = collections.Counter()
    items: collections.Counter[str] = collections.Counter()
    shown: list[str] = []
    compared = fast_read = 0
    started = time.perf_counter()
    for path in feeds:
        if path.suffix == ".json":
            continue
        data = path.read_bytes()
        content_type = headers_of(data, path)["Content-Type"]
        try:
            result = compare_paths(data, f"http://127.0.0.1/{path.name}", content_type)
        except (NewstermError, NotAFeed):
            continue
        compared += 1
        if result.fast is None:
            continue
        fast_read += 1
        for name in {name for name, *_ in result.differences}:
            files[name] += 1
        for name, index, mine, theirs in result.differences:
            items[name] += 1
            if verbose or name in ("identity", "items"):
                where = path.relative_to(root)
                why = ACCEPTED.get(str(where))
                note = f" (accepted: {why})" if why else ""
                shown.append(
                    f"{name} {where} #{index}: fast {mine!r} / feedparser {theirs!r}{note}"
                )
    elapsed = time.perf_counter() - started
    print(
        f"paths: {compared} XML feed files read by feedparser, {fast_read} also by the fast "
        f"path, compared in {elapsed:.1f} s"
    )
    for name in ("items", *FIELDS):
        print(f"  {name:9s} disagreements: {items[name]:4d} items in {files[name]:4d} files")
    for line in shown:
        print(f"  DIFF {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--verbose", action="store_true", help="print every rejected file")
    args = parser.parse_args()
    root = corpus_dir(args.corpus)
    files = sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("LICENSE"))
    files = [p for p in files if p.name != "README.md"]
    lists = [p for p in files if p.suffix in SUBSCRIPTION_LISTS or p.name == "926-urls"]
    feeds = [p for p in files if p not in lists]
    counts: collections.Counter[str] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()
    raised: list[str] = []
    rejected: list[str] = []
    server = serve(root)
    port = server.server_address[1]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsterm-corpus-") as tmp:
        config_path = Path(tmp) / "feeds.toml"
        config_path.write_text("[settings]\nread_timeout = 10.0\n", encoding="utf-8")
        url_of = {f"http://127.0.0.1:{port}/{quote(str(p.relative_to(root)))}": p for p in feeds}
        config_edit.add_feeds(config_path, [FeedEntry(url=url) for url in url_of])
        with Store.open(Path(tmp) / "cache.db") as store:
            cfg = load_config(config_path)
            try:
                report = service.refresh(store, service.sync_sources(store, cfg), cfg)
            except Exception as exc:  # the run itself must never raise
                print(f"refresh raised: {type(exc).__name__}: {exc}")
                return 1
            for outcome in report.outcomes:
                name = str(url_of[outcome.source.location].relative_to(root))
                if outcome.error and outcome.error.startswith(("internal error", "the parser")):
                    counts["raised"] += 1
                    raised.append(f"{name}: {outcome.error}")
                elif outcome.error:
                    counts["rejected"] += 1
                    reasons[short(outcome.error)] += 1
                    rejected.append(f"{name}: {outcome.error}")
                elif outcome.new:
                    counts["articles"] += 1
                    counts["article_total"] += outcome.new
                else:
                    counts["empty"] += 1
            for path in lists:
                name = str(path.relative_to(root))
                try:
                    imported = subscriptions.import_subscriptions(store, cfg, path)
                except NewstermError as exc:
                    counts["list rejected"] += 1
                    rejected.append(f"{name}: {exc.message}")
                    reasons[short(exc.message)] += 1
                except Exception as exc:
                    counts["raised"] += 1
                    raised.append(f"{name}: {type(exc).__name__}: {exc}")
                else:
                    counts["list imported"] += 1
                    counts["list_feeds"] += len(imported.added) + len(imported.already)
                    counts["list_warnings"] += len(imported.warnings)
                    cfg = load_config(config_path)
    server.shutdown()
    elapsed = time.perf_counter() - started
    print(f"corpus: {root} ({len(feeds)} feed files, {len(lists)} subscription lists)")
    print(f"raised: {counts['raised']}")
    print(f"yielded articles: {counts['articles']} files ({counts['article_total']} articles)")
    print(f"no items: {counts['empty']} files")
    print(f"rejected with a reason: {counts['rejected']} feed files")
    print(
        f"subscription lists: {counts['list imported']} imported ({counts['list_feeds']} feeds, "
        f"{counts['list_warnings']} warnings), {counts['list rejected']} rejected"
    )
    print(f"time: {elapsed:.1f} s")
    if reasons:
        print("reasons:")
        for reason, count in reasons.most_common():
            print(f"  {count:5d}  {reason}")
    for line in raised:
        print(f"RAISED {line}")
    if args.verbose:
        for line in rejected:
            print(f"rejected {line}")
    compare_all(root, feeds, args.verbose)
    return 1 if counts["raised"] else 0


if __name__ == "__main__":
    sys.exit(main())
