"""Sync benchmark against the real FreshRSS (``../shared/servers``; needs PHP).

    uv run python bench/sync.py [--items 10000] [--runs 2] [--against OTHER_TREE]
                                [--instructions PAGES]

Serves ``--items`` items on 127.0.0.1 as 50 feeds, subscribes a fresh FreshRSS user to them (the
server fetches them), then, interleaved in the same run:

- raw: the API calls alone (ClientLogin, then stream/contents pages of 1,000 until the end),
  bodies read and dropped;
- first sync: ``newsterm.sync.engine.run_sync`` into an empty cache (``max_items`` = all):
  login, subscriptions, every page, cache writes (stored unanalysed, each item's HTML kept to
  turn into text after), the state; in a fresh process, newsterm imported before the clock
  starts; then, apart, converting the HTML it left (what the analysis or a search does after);
- ``--against``: the same first sync by the newsterm of another checkout (its ``src`` first on
  the path), for a before/after in one run;

then incremental syncs with nothing new (same cache, the session of the last login kept; in
fresh processes, interleaved with ``--against``'s), and 1,000 articles marked read here and
pushed on a logged-in client: the requests that push takes.
Prints the medians and ratios. ``--instructions PAGES`` instead counts the instructions an item
of the first PAGES pages (as FreshRSS sent them, recorded) takes to be decoded and stored as a
first sync stores them, with the state pulled after, in one thread under valgrind's callgrind,
for this tree and ``--against``'s: a figure the machine's load does not move.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from itertools import islice
from pathlib import Path
from typing import Any

from common import ROOT, compile_bytecode

sys.path.insert(0, str(ROOT))

from newsterm.config import Config, Settings, SyncConfig
from newsterm.store import Store
from newsterm.sync.client import READING_LIST, GReaderClient
from newsterm.sync.engine import push
from tests.feedserver import Answer, FeedServer
from tests.freshrss import FreshRSS, _http, unavailable

FEEDS = 50
AIMS = {"first_sync_ratio": 1.5, "noop_seconds": 0.3, "mark_requests": 2}


def feed_body(feed: int, items: int, now: datetime) -> bytes:
    parts = []
    for i in range(items):
        when = format_datetime(now - timedelta(minutes=feed * items + i))
        body = (
            f"&lt;p&gt;Item {i} of feed {feed}: the council met on Tuesday to discuss the "
            f"budget.&lt;/p&gt;&lt;p&gt;&quot;We will not cut the libraries,&quot; said Mayor "
            f"Ana Ruiz.&lt;/p&gt;&lt;p&gt;Write to jane.doe@example.com.&lt;/p&gt;"
        )
        parts.append(
            f"<item><title>Feed {feed} story {i}</title>"
            f"<link>http://bench.example/{feed}/{i}</link><guid>f{feed}-{i}</guid>"
            f"<pubDate>{when}</pubDate><description>{body}</description></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench {feed}</title>'
        f"<link>http://bench.example/</link>{''.join(parts)}</channel></rss>"
    ).encode()


def _login(api: str, user: str, password: str) -> dict[str, str]:
    """The headers of a ClientLogin session."""
    answer = _http(
        "POST",
        f"{api}/accounts/ClientLogin",
        data={"Email": user, "Passwd": password},
        timeout=300,
    )
    auth = next(x[5:] for x in answer.text.splitlines() if x.startswith("Auth="))
    return {"Authorization": f"GoogleLogin auth={auth}"}


def _contents_pages(api: str, headers: dict[str, str]) -> Iterator[tuple[bytes, Any]]:
    """Every contents page of the reading list, following the continuations: its bytes as
    the server sent them, and their JSON (decoded once)."""
    continuation = None
    while True:
        params: dict[str, object] = {"n": 1000, "output": "json"}
        if continuation:
            params["c"] = continuation
        page = _http(
            "GET",
            f"{api}/reader/api/0/stream/contents/{READING_LIST}",
            params=params,
            headers=headers,
            timeout=300,
        )
        body = page.json()
        yield page.content, body
        continuation = body.get("continuation")
        if not continuation or not body["items"]:
            return


def raw_pull(api: str, user: str, password: str) -> tuple[float, int]:
    """The API calls alone: login and every contents page. Returns (seconds, items)."""
    start = time.perf_counter()
    headers = _login(api, user, password)
    count = sum(len(body["items"]) for _, body in _contents_pages(api, headers))
    return time.perf_counter() - start, count


FIRST_SYNC = """
import sys, time
from pathlib import Path
import newsterm.ingest.feed_parse, newsterm.extract.text  # imported before the clock starts
from newsterm.config import Config, Settings, SyncConfig
from newsterm.store import Store
from newsterm.sync.client import GReaderClient
from newsterm.sync.engine import run_sync
import newsterm.launch  # a tree whose CLI freezes its imports: freeze them here as it does
getattr(newsterm.launch, "freeze_imports", lambda: None)()
api, user, password, db, items = sys.argv[1:6]
sync = SyncConfig(url=api, user=user, max_items=int(items))
cfg = Config(path=Path(db).with_suffix(".toml"), settings=Settings(read_timeout=300.0), sync=sync)
with Store.open(Path(db)) as store:
    start = time.perf_counter()
    report = run_sync(store, cfg, lambda s, _: GReaderClient(api, user, password, timeout=300.0))
    seconds = time.perf_counter() - start
    assert report.error is None, report.error
    try:  # the text derived after the sync (what a search runs first), where the tree defers it
        from newsterm.store import sync_html
    except ImportError:
        converted = 0.0
    else:
        start = time.perf_counter()
        sync_html.convert_all(store)
        converted = time.perf_counter() - start
    print(seconds, store.count_articles(), converted)
"""


NOOP_SYNC = """
import sys, time
from pathlib import Path
from newsterm.config import Config, Settings, SyncConfig
from newsterm.store import Store
from newsterm.sync.client import GReaderClient
from newsterm.sync.account import SINCE_KEY
from newsterm.sync.engine import OVERLAP, run_sync
api, user, password, db, runs = sys.argv[1:6]
sync = SyncConfig(url=api, user=user)
cfg = Config(path=Path(db).with_suffix(".toml"), settings=Settings(read_timeout=300.0), sync=sync)
with Store.open(Path(db)) as store:
    for run in range(int(runs) + 1):  # the first (imports, connection) is not counted
        # As if the last sync were more than OVERLAP seconds after FreshRSS fetched the feeds
        # (here it was seconds after): otherwise every item falls in the window read again.
        store.set_meta(SINCE_KEY, str(time.time() + OVERLAP))
        start = time.perf_counter()
        report = run_sync(store, cfg, lambda s, _: GReaderClient(api, user, password))
        assert report.error is None and report.new == 0, report
        if run:
            print(time.perf_counter() - start)
"""


STORE_PAGES = """
import json, sys
from pathlib import Path
from newsterm.config import SyncConfig
from newsterm.store import Store
from newsterm.sync import engine
from newsterm.sync.account import account_source
from newsterm.sync.client import Subscription
from newsterm.sync.subscriptions import subscription_entry
folder, db, pages = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
sync = SyncConfig(url="http://127.0.0.1:9/api/greader.php", user="bench")
listed = json.loads((folder / "subscriptions.json").read_bytes())["subscriptions"]
subs = [Subscription(str(s["id"]), str(s["title"]), str(s["url"])) for s in listed]
with Store.open(db) as store:
    account = account_source(store, sync)
    sources = store.upsert_sources([subscription_entry(sync, s) for s in subs])
    streams = {s.id: source.id for s, source in zip(subs, sources)}
    report = engine.SyncReport(account)
    states = {}  # a first sync's: each item's state from its categories, then pulled with them
    empty = getattr(engine, "_empty_sources", None)  # (the sources the sync fills: not looked up)
    fresh = (empty(store.conn, set(streams.values()) | {account.id}),) if empty else ()
    for number in range(pages):
        items = json.loads((folder / f"page-{number}.json").read_bytes())["items"]
        engine._save_page(store, items, account.id, streams, report, states, *fresh)
    engine.pull_state(store, None, states)
"""
CALLGRIND = ("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null")


def record_pages(api: str, user: str, password: str, folder: Path, pages: int) -> int:
    """Save the subscription list and the first ``pages`` contents pages as FreshRSS sent
    them; returns the items they hold."""
    headers = _login(api, user, password)
    folder.mkdir(parents=True, exist_ok=True)
    listed = _http("GET", f"{api}/reader/api/0/subscription/list?output=json", headers=headers)
    (folder / "subscriptions.json").write_bytes(listed.content)
    count = 0
    for number, (content, body) in enumerate(islice(_contents_pages(api, headers), pages)):
        (folder / f"page-{number}.json").write_bytes(content)
        count += len(body["items"])
    return count


def store_instructions(tree: Path, folder: Path, pages: int, items: int) -> float:
    """Instructions an item takes to be stored by the newsterm of ``tree`` (JSON decode and
    ``_save_page`` of the recorded pages as a first sync, then ``pull_state``, one thread,
    under callgrind): a run with the pages less one with none."""

    def count(number: int) -> int:
        db = folder / f"instructions-{number}.db"
        for path in folder.glob(f"{db.name}*"):
            path.unlink()
        done = subprocess.run(
            [*CALLGRIND, sys.executable, "-c", STORE_PAGES, str(folder), str(db), str(number)],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"},
        )
        found = re.search(r"Collected : (\d+)", done.stderr)
        assert found, done.stderr[-500:]
        return int(found.group(1))

    return (count(pages) - count(0)) / items


def in_tree(tree: Path, what: str, script: str, *args: object) -> str:
    """Run ``script`` with ``args`` by the newsterm of ``tree`` (its ``src`` first on the path)
    in a fresh process; returns what it printed."""
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        sys.exit(f"bench/sync.py: the {what} of {tree} failed: {done.stderr.strip()}")
    return done.stdout


def noop_syncs(tree: Path, api: str, user: str, password: str, db: Path, runs: int) -> list[float]:
    """Incremental syncs with nothing new by the newsterm of ``tree`` on a synced cache (the
    session of its last login kept), after one not counted; returns their seconds."""
    printed = in_tree(tree, "no-op sync", NOOP_SYNC, api, user, password, db, runs)
    return [float(line) for line in printed.split()]


def first_sync(
    tree: Path, api: str, user: str, password: str, db: Path, items: int
) -> tuple[float, float]:
    """A first sync into an empty cache by the newsterm of ``tree``; returns the seconds of
    ``run_sync``, and of converting the HTML it left to text after it (0 where it leaves
    none)."""
    printed = in_tree(tree, "first sync", FIRST_SYNC, api, user, password, db, items)
    seconds, stored, converted = printed.split()
    assert int(stored) >= items - 1000, stored
    return float(seconds), float(converted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--against", type=Path, help="another checkout to compare, interleaved")
    parser.add_argument(
        "--instructions",
        type=int,
        metavar="PAGES",
        help="instead, count the instructions an item of the first PAGES pages takes to store "
        "(callgrind; this tree and --against's), then stop",
    )
    args = parser.parse_args()
    if reason := unavailable():
        sys.exit(f"bench/sync.py: {reason}")
    compile_bytecode()
    per_feed = args.items // FEEDS
    with tempfile.TemporaryDirectory(prefix="newsterm-sync-bench-") as tmp:
        folder = Path(tmp)
        server = FreshRSS(folder / "freshrss")
        feeds = FeedServer().start()
        try:
            account = server.account()
            now = datetime.now(UTC)
            for feed in range(FEEDS):
                feeds.routes[f"/f{feed}.xml"] = Answer(feed_body(feed, per_feed, now))
                account.subscribe(feeds.url(f"/f{feed}.xml"))
            served = len(account.ids(READING_LIST))
            print(f"FreshRSS holds {served} items in {FEEDS} feeds")
            if args.instructions:
                recorded = folder / "pages"
                items = record_pages(
                    server.api, account.user, account.password, recorded, args.instructions
                )
                for tree in (ROOT, *([args.against] if args.against else [])):
                    each = store_instructions(tree, recorded, args.instructions, items)
                    print(f"{tree}: {each:,.0f} instructions an item stored ({items} items)")
                return
            sync = SyncConfig(url=server.api, user=account.user, max_items=args.items + 1000)
            settings = Settings(read_timeout=300.0)

            def factory(cfg: SyncConfig, _: Config) -> GReaderClient:
                return GReaderClient(cfg.url, cfg.user, account.password, timeout=300.0)

            raw_times, first_times, other_times, convert_times = [], [], [], []
            last_db = folder / "cache-0.db"
            cfg = Config(path=folder / "feeds.toml", settings=settings, sync=sync)
            for run in range(args.runs):
                seconds, count = raw_pull(server.api, account.user, account.password)
                raw_times.append(seconds)
                last_db = folder / f"cache-{run}.db"
                seconds_first, converted = first_sync(
                    ROOT, server.api, account.user, account.password, last_db, count
                )
                first_times.append(seconds_first)
                convert_times.append(converted)
                line = f"run {run + 1}: raw API {seconds:.2f} s ({count} items); "
                line += f"first sync {first_times[-1]:.2f} s ({first_times[-1] / seconds:.2f}x"
                line += f", then {converted:.2f} s converting its HTML)"
                if args.against:
                    other_db = folder / f"other-{run}.db"
                    other_times.append(
                        first_sync(
                            args.against,
                            server.api,
                            account.user,
                            account.password,
                            other_db,
                            count,
                        )[0]
                    )
                    line += f"; {args.against.name}: {other_times[-1]:.2f} s "
                    line += f"({other_times[-1] / seconds:.2f}x)"
                print(f"{line}; load {os.getloadavg()[0]:.1f}", flush=True)
            raw, first = statistics.median(raw_times), statistics.median(first_times)
            noops: list[float] = []
            other_noops: list[float] = []
            login = (server.api, account.user, account.password)
            for _ in range(max(3, args.runs)):  # interleaved, 3 syncs a process
                noops += noop_syncs(ROOT, *login, last_db, 3)
                if args.against:
                    # on its own first sync's cache: a newer schema is not for an older tree
                    other_db = folder / f"other-{args.runs - 1}.db"
                    other_noops += noop_syncs(args.against, *login, other_db, 3)
            with Store.open(last_db) as store:
                ids = [a.id for a in store.list_articles(limit=1000)]
                store.set_read(ids)
                with factory(sync, cfg) as client:
                    client.login()
                    before = client.requests
                    sent = push(store, client)
                    mark_requests = client.requests - before
                unread = len(account.ids(READING_LIST, exclude="user/-/state/com.google/read"))
            noop = statistics.median(noops)
        finally:
            feeds.stop()
            server.stop()
    print()
    print(f"machine: {platform.node()} {platform.machine()}, Python {platform.python_version()}")
    print(f"date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"first sync of {args.items} items: {first:.2f} s; raw API calls {raw:.2f} s; "
        f"ratio {first / raw:.2f} (aim <= {AIMS['first_sync_ratio']}); ratios run by run "
        f"{', '.join(f'{f / r:.2f}' for f, r in zip(first_times, raw_times, strict=True))}"
    )
    if any(convert_times):
        print(
            f"  then its HTML converted to text (after the sync, by the analysis or the first "
            f"search): {statistics.median(convert_times):.2f} s"
        )
    if other_times:
        other = statistics.median(other_times)
        print(
            f"  {args.against}: first sync {other:.2f} s; ratio {other / raw:.2f} "
            f"(interleaved in the same runs); run by run "
            f"{', '.join(f'{f / r:.2f}' for f, r in zip(other_times, raw_times, strict=True))}"
        )
    print(
        f"incremental sync, nothing new: {noop * 1000:.0f} ms median of {len(noops)} "
        f"(aim <= {AIMS['noop_seconds'] * 1000:.0f} ms; the kept session, no login)"
    )
    if other_noops:
        print(
            f"  {args.against}: {statistics.median(other_noops) * 1000:.0f} ms median of "
            f"{len(other_noops)} (interleaved)"
        )
    print(
        f"1,000 marks read: {sent} changes in {mark_requests} requests (token + edit-tag; "
        f"aim <= {AIMS['mark_requests']}); server now has {unread} unread of {served}"
    )


if __name__ == "__main__":
    main()
