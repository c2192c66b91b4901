"""Views and the query language on a 100,000-article cache: the sources pane's unread counts
for 20 views, each view's first page, and searches as typed in ``/``.

    uv run python bench/views.py [--count 100000] [--rounds 5]

Builds the cache with first_paint's direct inserts (bench/out/views-N.db, marked analysed so
that the app started by the typing figure has no backlog to analyse), then gives the
bodies news-like word frequencies (``--corpus zipf``, the default: 30,000 filler words drawn
by Zipf's law and two topic words of the bench vocabulary an article, so a topic word is in
about 2.5 % of articles; ``--corpus small`` keeps first_paint's 80-word bodies, where every
word is in nearly every article), adds quotations to one article in ten and indexes the text.
Then times the store calls the app makes, in one process, best and median of the rounds, and
prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from common import ROOT, timed
from first_paint import BASE, WORDS, build_newsterm

# --src: another tree's code, for before/after runs
sys.path.insert(
    0, sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv else str(ROOT / "src")
)

from newsterm.extract.pipeline import ANALYSIS_VERSION
from newsterm.query.typed import as_typed
from newsterm.store import ArticleFilter, Store
from newsterm.ui.workers import LIVE_ROWS

OUT = ROOT / "bench" / "out"
VIEWS = (
    "storm",
    "storm is:unread",
    "tag:tag3",
    "tag:tag1 is:unread",
    "harbour OR ferry",
    '"coal plant"',
    "title:council",
    'speaker:"Ben Hart"',
    "has:quotes is:unread",
    "age:<7d",
    "words:>100 is:unread",
    "storm -ferry",
    "is:starred",
    'source:"Feed 0012"',
    "(grain OR harvest) tag:tag2",
    "quote:tariff",
    "elect*",
    "title:minister is:unread",
    "after:2026-03-01 is:unread",
    "minister -is:read -tag:tag0",
)
TYPED = "harbour tunnel"
TYPED_KEY_BY_KEY = (TYPED, "w1234", "storm is:unread", "title:coun", "has:quotes ha")
"""Typed a key at a time, each key's list timed: 1-, 2- and 3-letter prefixes of a common
word (``h``, ``s``: a topic word and "story" in every title) and of the filler vocabulary
(``w``, ``w1``: 30,000 and 11,111 words, as ``s`` or ``co`` in real news), a second word, a
flag and a field."""
FRAME_MS = 1000 / 60
"""One frame at 60 Hz (Textual's default frame rate)."""
SPEAKERS = ("Ben Hart", "Ana Ruiz", "Tom Becker", "Lee Chan")


def zipf_bodies(store: Store) -> None:
    """Replace the bodies with news-like word frequencies (see the module's docstring)."""
    rng = random.Random(11)
    filler = [f"w{n}" for n in range(30_000)]
    weights = [1 / (n + 1) for n in range(len(filler))]
    conn = store.conn
    conn.execute("BEGIN")
    # The index is built afterwards (no trigger indexes changed bodies since schema v4).
    ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    for chunk in range(0, len(ids), 5000):
        rows = []
        for article_id in ids[chunk : chunk + 5000]:
            words = rng.choices(filler, weights, k=150)
            for topic in rng.sample(WORDS, 2):
                words[rng.randrange(150)] = topic
            rows.append((" ".join(words), article_id))
        conn.executemany("UPDATE articles SET body = ? WHERE id = ?", rows)
    conn.execute("COMMIT")


def add_quotes_and_index(path: Path, corpus: str) -> None:
    """Quotations for one article in ten, some stars, and the full-text index built."""
    rng = random.Random(7)
    with Store.open(path) as store:
        if corpus == "zipf":
            zipf_bodies(store)
        conn = store.conn
        conn.execute("BEGIN")
        ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE id % 10 = 0")]
        conn.executemany(
            "INSERT INTO quotes (article_id, position, text, speaker, paragraph) "
            "VALUES (?, 0, ?, ?, 0)",
            [
                (i, " ".join(rng.choice(WORDS) for _ in range(8)) + " tariff", rng.choice(SPEAKERS))
                for i in ids
            ],
        )
        conn.execute("UPDATE articles SET starred = 1 WHERE id % 97 = 0")
        # Analysed already: the app typed into below must not start the analysis backlog,
        # which would compete for the cores and replace these quotations.
        conn.execute("UPDATE articles SET analysed_version = ?", (ANALYSIS_VERSION,))
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        conn.execute("COMMIT")
        conn.execute("ANALYZE")


def interleaved(
    rounds: int, before: Callable[[], object], after: Callable[[], object]
) -> dict[str, dict[str, float]]:
    """``timed`` for two ways of doing one thing, alternated round by round (same load)."""
    before()
    after()
    times: dict[str, list[float]] = {"before": [], "after": []}
    for _ in range(rounds):
        for name, call in (("before", before), ("after", after)):
            start = time.perf_counter()
            call()
            times[name].append((time.perf_counter() - start) * 1000)
    return {
        name: {"best_ms": round(min(t), 2), "median_ms": round(statistics.median(t), 2)}
        for name, t in times.items()
    }


def uncached_page(store: Store, flt: ArticleFilter) -> None:
    """A first page as before kept counts: counted, and every match sorted."""
    store._count(flt)
    walk = store._by_time
    store._by_time = lambda *_: ""  # type: ignore[method-assign]
    try:
        store.list_articles(flt, limit=100)
    finally:
        store._by_time = walk  # type: ignore[method-assign]


def typed_query(text: str) -> str:
    """What the app searches for ``text`` typed so far ("" for nothing), whichever tree's
    ``as_typed`` (before session 8 it also said whether a short word was left out)."""
    from newsterm.query import QueryError, parse

    query = as_typed(text)
    query = query[0] if isinstance(query, tuple) else query
    try:
        parse(query)
    except QueryError:
        return ""
    return query


async def type_in_app(db: Path, texts: tuple[str, ...], rounds: int) -> dict[str, object]:
    """Type each of ``texts`` into the app's ``/`` with Pilot, one key at a time (each waited
    for), and the first in one burst, and time each key to the frame that shows its list.

    The key's time is when the app dispatches its ``Key`` event (a message hook); the frame's
    is when the app hands the screen update to the driver (``App._display``, wrapped: in the
    headless test driver nothing is written, so the wrapper turns the update into the
    terminal string as a real driver would, and stamps the time after it) for the first
    update that repaints the list (the screen's dirty widgets hold it, or it lays out the
    screen) after the list was given the search's rows (until session 9 the first update
    after that, which could be the field's alone, a frame before the list's). Pilot's own
    waits come after that and do not count. Also counted: frames drawn between the key and
    that frame (0: the first frame after the key shows its list, which is "within one
    frame"). Wall time and the process's CPU time (every thread; the other jobs on a shared
    machine do not inflate it)."""
    import tempfile

    from textual import events
    from textual._compositor import CompositorUpdate

    from newsterm.ui.app import NewstermApp
    from newsterm.ui.widgets.article_rows import SearchRows

    try:
        from newsterm.config_load import load_config
    except ImportError:  # a --src from before feeds.toml's reading left config.py
        from newsterm.config import load_config  # type: ignore[attr-defined,no-redef]

    folder = Path(tempfile.mkdtemp())
    (folder / "feeds.toml").write_text("", encoding="utf-8")
    config = load_config(folder / "feeds.toml")
    app = NewstermApp(
        db_path=db,
        config=config,
        config_path=config.path,
        clock=lambda: datetime.fromtimestamp(BASE, UTC),
    )
    stamp = lambda: (time.perf_counter(), time.process_time())  # noqa: E731
    seen: dict[int, object] = {}  # (the messages kept: a freed one's id is reused)
    last_key: list[tuple[float, float]] = []
    frames_since_key = [0]
    waiting: dict[str, int] = {}  # a query given to the list -> frames since its key
    shown: dict[str, tuple[tuple[float, float], int]] = {}
    started: list[str] = []

    def hook(message: object) -> None:
        if isinstance(message, events.Key) and id(message) not in seen:
            seen[id(message)] = message  # (dispatched to the app, the screen, the field)
            last_key[:] = [stamp()]
            frames_since_key[0] = 0

    async with app.run_test(size=(160, 45), message_hook=hook) as pilot:
        await settle(pilot, app)
        screen: Any = app.screen
        searcher = screen.searcher
        articles = screen.articles
        display, set_rows, start = app._display, articles.set_rows, searcher._start
        compositor_refresh, refresh_layout = screen._compositor_refresh, screen._refresh_layout
        drawn = [False]  # a frame since the list was given a search's rows repaints it

        def on_compositor_refresh() -> None:
            dirty = screen._dirty_widgets
            drawn[0] = drawn[0] or articles in dirty or screen in dirty
            compositor_refresh()

        def on_refresh_layout(*args: Any, **kwargs: Any) -> None:
            drawn[0] = True  # (the whole screen is drawn)
            refresh_layout(*args, **kwargs)

        def on_display(target: Any, renderable: Any) -> None:
            display(target, renderable)
            if renderable is None:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)  # what a real driver writes
            now = stamp()
            for query in list(waiting) if drawn[0] else ():
                shown.setdefault(query, (now, frames_since_key[0]))
                del waiting[query]
            frames_since_key[0] += 1

        def on_set_rows(rows: Any, **kwargs: Any) -> None:
            set_rows(rows, **kwargs)
            if isinstance(rows, SearchRows) and searcher.query is not None:
                waiting[searcher.query] = 0
                drawn[0] = False

        def on_start(query: str, live: bool) -> None:
            started.append(query)
            start(query, live)

        app._display, articles.set_rows, searcher._start = on_display, on_set_rows, on_start
        screen._compositor_refresh = on_compositor_refresh
        screen._refresh_layout = on_refresh_layout
        text = texts[0]
        final = typed_query(text)
        by_key: dict[str, list[tuple[float, float, int]]] = {}
        burst: list[tuple[float, float, int]] = []
        burst_searches: list[int] = []
        for _ in range(rounds):
            for typed in texts:
                await pilot.press("slash", "ctrl+a", "backspace")
                await settle(pilot, app)
                for end in range(1, len(typed) + 1):
                    shown.clear()
                    await pilot.press(typed[end - 1] if typed[end - 1] != " " else "space")
                    query = typed_query(typed[:end])
                    if not query or query == typed_query(typed[: end - 1]):
                        continue  # (nothing searched: an open phrase, a field's name)
                    await until(pilot, app, lambda q=query: q in shown)  # type: ignore[misc]
                    by_key.setdefault(query, []).append(after(last_key[0], *shown[query]))
                await pilot.press("escape", "escape")
                await settle(pilot, app)
            await pilot.press("slash", "ctrl+a", "backspace")
            await settle(pilot, app)
            shown.clear()
            started.clear()
            await pilot.press(*[c if c != " " else "space" for c in text])
            await until(pilot, app, lambda: final in shown)
            burst.append(after(last_key[0], *shown[final]))
            burst_searches.append(len(started))
            await pilot.press("escape", "escape")
            await settle(pilot, app)
    wall = {q: round(statistics.median(t[0] for t in ts), 2) for q, ts in by_key.items()}
    cpu = {q: round(statistics.median(t[1] for t in ts), 2) for q, ts in by_key.items()}
    late = {q: max(t[2] for t in ts) for q, ts in by_key.items()}
    return {
        "frame_ms": round(FRAME_MS, 1),
        "key_to_list_frame_wall_ms_by_query": wall,
        "key_to_list_frame_cpu_ms_by_query": cpu,
        "frames_drawn_between_key_and_list_worst_by_query": late,
        "worst_key_to_list_wall_ms": max(wall.values()),
        "worst_key_to_list_cpu_ms": max(cpu.values()),
        "burst_last_key_to_list_wall_ms": round(statistics.median(b[0] for b in burst), 2),
        "burst_last_key_to_list_cpu_ms": round(statistics.median(b[1] for b in burst), 2),
        "burst_frames_between_last_key_and_list": [b[2] for b in burst],
        "burst_keys": len(text),
        "burst_searches_started": burst_searches,
    }


def typed_store_calls(db: Path, rounds: int) -> dict[str, dict[str, object]]:
    """The store call alone for every query ``TYPED_KEY_BY_KEY`` searches as it is typed:
    median CPU milliseconds of the thread over ``rounds`` after a warm-up (the app's
    figures add the list's rows and the frame to it), with what kind of query it is and how
    many articles it matches (a common or a rare word, untimed)."""
    found: dict[str, dict[str, object]] = {}
    with Store.open(db) as store:
        for typed in TYPED_KEY_BY_KEY:
            for end in range(1, len(typed) + 1):
                query = typed_query(typed[:end])
                if not query or query in found:
                    continue
                store.search_newest(query, limit=LIVE_ROWS)
                times = []
                for _ in range(max(rounds, 3)):
                    start = time.thread_time()
                    store.search_newest(query, limit=LIVE_ROWS)
                    times.append((time.thread_time() - start) * 1000)
                found[query] = {
                    "cpu_ms": round(statistics.median(times), 2),
                    "kind": query_kind(query),
                    "matches": store._count(ArticleFilter(query=query)),
                }
    return found


def query_kind(query: str) -> str:
    """What a searched query is, for the figures: its last word's prefix length (or a whole
    word), its fields and flags, and its number of words."""
    words = query.split()
    fields = [w.split(":")[0] for w in words if ":" in w]
    bare = len(words) - len(fields)
    if words[-1].endswith("*"):
        kind = f"{len(words[-1].split(':')[-1]) - 1}-letter prefix"
    else:
        kind = "word" if bare else "no word"
    if fields:
        kind += " + " + ", ".join(fields)
    if bare > 1:
        kind += f" ({bare} words)"
    return kind


def after(
    key: tuple[float, float], frame: tuple[float, float], frames: int
) -> tuple[float, float, int]:
    """Wall and CPU milliseconds from a key to a frame, and the frames drawn between."""
    return (frame[0] - key[0]) * 1000, (frame[1] - key[1]) * 1000, frames


async def settle(pilot: Any, app: Any) -> None:
    for _ in range(3):
        await asyncio.gather(*(w.wait() for w in list(app.workers)), return_exceptions=True)
        await pilot.pause()


async def until(pilot: Any, app: Any, condition: Callable[[], bool]) -> None:
    while not condition():
        await settle(pilot, app)
        await asyncio.sleep(0.001)


def mark_all_read(db: Path, rounds: int) -> dict[str, object]:
    """``Store.mark_all_read`` on every unread article of a copy of the cache, a view's
    count kept before each: the count triggers as schema v7 made them (the generation
    written once a row, *before*) and as now (once a write, *after*), alternated round by
    round; the articles are made unread again between rounds, untimed. CPU time of the
    thread (the load does not inflate it) and wall time."""
    import shutil

    from newsterm.store.db import _COUNT_WRITES

    copy = OUT / "views-mark-all.db"
    shutil.copyfile(db, copy)
    for suffix in ("-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    view = ArticleFilter(query="storm", unread_only=True)

    def triggers(store: Store, per_row: bool) -> None:
        for name, event in _COUNT_WRITES:
            store.conn.execute(f"DROP TRIGGER count_generation_{name}")
            when = "" if per_row else "WHEN (SELECT counted FROM count_generation)"
            store.conn.execute(
                f"CREATE TRIGGER count_generation_{name} AFTER {event} {when} BEGIN "
                "UPDATE count_generation SET value = value + 1, counted = 0; END"
            )

    times: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
    with Store.open(copy) as store:
        store.conn.execute("CREATE TEMP TABLE unread AS SELECT id FROM articles WHERE read = 0")
        unread = store.conn.execute("SELECT COUNT(*) FROM temp.unread").fetchone()[0]
        for _ in range(rounds):
            for name in ("before", "after"):
                triggers(store, per_row=name == "before")
                store.count_articles(view, keep=True)
                wall, cpu = time.perf_counter(), time.thread_time()
                store.mark_all_read(ArticleFilter())
                times[name].append(
                    ((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000)
                )
                store.conn.execute("UPDATE articles SET read = 0 WHERE id IN temp.unread")
                store.conn.execute("DELETE FROM sync_queue")
    copy.unlink()
    return {
        "articles_marked": unread,
        **{
            name: {
                "wall_median_ms": round(statistics.median(t[0] for t in ts), 1),
                "cpu_median_ms": round(statistics.median(t[1] for t in ts), 1),
            }
            for name, ts in times.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", choices=("zipf", "small"), default="zipf")
    parser.add_argument("--reuse", action="store_true", help="use the cache a last run built")
    parser.add_argument("--typing", action="store_true", help="only the search as typed in the app")
    parser.add_argument("--mark-all", action="store_true", help="only mark_all_read, 100k rows")
    parser.add_argument("--src", help="run another tree's src (a before/after comparison)")
    parser.add_argument("--db", type=Path, help="the cache to use (with --typing)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    db = args.db or OUT / f"views-{args.count}-{args.corpus}.db"
    if not (args.reuse and db.exists()) and args.db is None:
        start = time.perf_counter()
        build_newsterm(db, args.count)
        add_quotes_and_index(db, args.corpus)
        print(f"built {db.name} in {time.perf_counter() - start:.1f}s", file=sys.stderr)
    now = BASE  # the newest article's time: age: counts from it
    results: dict[str, object] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}",
        "articles": args.count,
        "corpus": args.corpus,
        "views": len(VIEWS),
    }
    if args.mark_all:
        results["mark_all_read"] = mark_all_read(db, args.rounds)
        results["load_at_end"] = round(os.getloadavg()[0], 1)
        print(json.dumps(results, indent=2))
        return
    if args.typing:
        results["search_as_typed_store_call_cpu_ms"] = typed_store_calls(db, args.rounds)
        results["search_as_typed_in_the_app"] = asyncio.run(
            type_in_app(db, TYPED_KEY_BY_KEY, args.rounds)
        )
        results["load_at_end"] = round(os.getloadavg()[0], 1)
        print(json.dumps(results, indent=2))
        return
    with Store.open(db) as store:
        filters = [ArticleFilter(query=q, now=now) for q in VIEWS]
        unread = [ArticleFilter(query=q, now=now, unread_only=True) for q in VIEWS]

        def all_counts() -> None:
            for flt in unread:
                store.count_articles(flt)

        def all_counted() -> None:
            for flt in unread:
                store._count(flt)

        def all_counts_cold() -> None:
            store.conn.execute("DELETE FROM count_cache")
            all_counts()

        # before: every view counted; after: the kept counts (counted once, then adjusted)
        results["counts_all_views"] = interleaved(args.rounds, all_counted, all_counts)
        results["counts_all_views_after_an_unadjusted_write"] = timed(1, all_counts_cold)
        all_counts()
        for flt in filters:
            store.count_articles(flt)
        (toggled,) = store.conn.execute("SELECT id FROM articles WHERE read = 0 LIMIT 1").fetchone()

        def toggle() -> None:
            store.set_read([toggled])
            store.set_read([toggled], read=False)

        kept = store.conn.execute("SELECT COUNT(*) FROM count_cache").fetchone()[0]
        results[f"read_toggle_twice_adjusting_{kept}_kept_counts"] = timed(args.rounds, toggle)
        pages = {}
        for query, flt in zip(VIEWS, filters, strict=True):

            def first_page(flt: ArticleFilter = flt) -> None:
                store.count_articles(flt)
                store.list_articles(flt, limit=100)

            pages[query] = interleaved(
                args.rounds, lambda flt=flt: uncached_page(store, flt), first_page
            )
        results["first_page"] = {
            when: {
                "worst_median_ms": max(p[when]["median_ms"] for p in pages.values()),
                "median_of_medians_ms": round(
                    statistics.median(p[when]["median_ms"] for p in pages.values()), 2
                ),
            }
            for when in ("before", "after")
        }
        results["first_page_by_view"] = pages
        results["load_after"] = round(os.getloadavg()[0], 1)
        typing = {}
        for end in range(1, len(TYPED) + 1):
            query = typed_query(TYPED[:end])  # what the app searches as this key is typed
            if query and query not in typing:
                typing[query] = timed(
                    args.rounds, lambda q=query: store.search_newest(q, limit=LIVE_ROWS, now=now)
                )
        results["search_as_typed_store_call"] = {
            "worst_median_ms": max(t["median_ms"] for t in typing.values()),
            "by_query": typing,
        }
        ranked = {
            q: timed(args.rounds, lambda q=q: store.search(q, limit=500, now=now))
            for q in ("har*", "harbour", "harbour tunnel")
        }
        results["search_on_enter_ranked_500"] = ranked
    results["search_as_typed_in_the_app"] = asyncio.run(
        type_in_app(db, TYPED_KEY_BY_KEY, args.rounds)
    )
    results["load_at_end"] = round(os.getloadavg()[0], 1)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
