"""The analysis after the refresh: articles are stored unanalysed, the backlog is analysed in
batches (one transaction each), again when the analysis version changes, and on demand."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from concurrent.futures import Future
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

import newsterm.extract
from newsterm.analysis import RawArticle
from newsterm.extract import ANALYSIS_VERSION
from newsterm.ingest import backlog
from newsterm.models import SourceKind
from newsterm.store import Store
from tests.schema import rewind

QUOTE = "We will decide on item {n} next week"


def raw_article(n: int, *, version: str = "v1") -> RawArticle:
    return RawArticle(
        guid=f"g{n}",
        title=f"Council story {n}",
        paragraphs=[
            f"“{QUOTE.format(n=n)},” said Councillor Ada Brook.",
            "The meeting ran late.",
            f"Write to Sam Reporter at sam{n}@example.com",
        ],
        published=datetime(2026, 3, 1, n % 24, tzinfo=UTC),
        authors=["Sam Reporter"],
        content_hash=f"{n}-{version}",
    )


def fill(path: Path, count: int) -> list[int]:
    with Store.open(path) as store:
        source = store.upsert_source(SourceKind.FEED, "https://example.com/rss")
        return store.save_articles(source.id, [raw_article(n) for n in range(count)]).new_ids


def state(path: Path) -> dict[int, tuple[int, int, int, str]]:
    """id -> (analysed version, quotations, contacts, body) of every article."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            """SELECT id, analysed_version,
                      (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id),
                      (SELECT COUNT(*) FROM contacts c WHERE c.article_id = a.id), body
               FROM articles a"""
        ).fetchall()
    finally:
        conn.close()
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


def assert_whole(path: Path) -> tuple[int, int]:
    """Every article is either analysed in full or not at all; returns (analysed, not)."""
    analysed = waiting = 0
    for version, quotes, contacts, body in state(path).values():
        if version == ANALYSIS_VERSION:
            assert (quotes, contacts) == (1, 1) and "Write to" not in body
            analysed += 1
        else:
            assert (version, quotes, contacts) == (0, 0, 0) and "Write to" in body
            waiting += 1
    return analysed, waiting


def test_articles_are_listed_before_the_analysis_and_analysed_after(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    ids = fill(path, 5)
    with Store.open(path) as store:
        assert {a.id for a in store.list_articles()} == set(ids)
        assert store.count_unanalysed(ANALYSIS_VERSION) == 5
        assert store.search("meeting")  # searchable at once
    assert assert_whole(path) == (0, 5)
    seen: list[tuple[int, int]] = []
    assert backlog.finish(path, progress=lambda d, t: seen.append((d, t)), batch=2) == 5
    assert seen[-1] == (5, 5) and len(seen) >= 3  # a batch at a time
    assert assert_whole(path) == (5, 0)
    with Store.open(path) as store:
        article = store.article(ids[0])
        assert article is not None
        assert [q.speaker for q in article.quotes] == ["Councillor Ada Brook"]
        assert [c.email for c in article.contacts] == ["sam0@example.com"]
        assert article.analysed_version == ANALYSIS_VERSION
        assert store.search("meeting") and not store.search("sam0")  # indexed as cleaned
        assert store.count_unanalysed(ANALYSIS_VERSION) == 0
    assert backlog.finish(path) == 0


def test_a_new_analysis_version_analyses_again_from_the_same_input_keeping_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cache.db"
    ids = fill(path, 3)
    backlog.finish(path)
    with Store.open(path) as store:
        store.set_read([ids[0]])
        store.set_starred(ids[1], True)
        before = store.article(ids[0])
    monkeypatch.setattr(newsterm.extract, "ANALYSIS_VERSION", ANALYSIS_VERSION + 1)
    with Store.open(path) as store:
        assert store.count_unanalysed(ANALYSIS_VERSION + 1) == 3
    assert backlog.finish(path) == 3
    with Store.open(path) as store:
        after = store.article(ids[0])
        assert after is not None and before is not None
        assert after.analysed_version == ANALYSIS_VERSION + 1
        # The contact line the first analysis took out of the body is found again.
        assert (after.paragraphs, after.quotes, after.contacts, after.authors) == (
            before.paragraphs,
            before.quotes,
            before.contacts,
            before.authors,
        )
        assert after.read and not after.starred
        starred = store.article(ids[1])
        assert starred is not None and starred.starred and not starred.read


def test_a_failure_inside_a_batch_writes_nothing_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cache.db"
    fill(path, 9)
    writes = 0
    original = Store._write_analyses

    def failing(conn: sqlite3.Connection, analysed: object) -> None:
        nonlocal writes
        writes += 1
        if writes == 2:  # the second batch: bodies and versions written, quotations not yet
            raise RuntimeError("boom")
        original(conn, analysed)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_write_analyses", staticmethod(failing))
    with pytest.raises(RuntimeError):
        backlog.finish(path, batch=4)
    assert assert_whole(path) == (4, 5)
    monkeypatch.setattr(Store, "_write_analyses", staticmethod(original))
    assert backlog.finish(path, batch=4) == 5
    assert assert_whole(path) == (9, 0)


KILLED_CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from newsterm.ingest import backlog
    from newsterm.store import Store

    original = Store._write_analyses
    writes = 0

    def stalling(conn, analysed):
        global writes
        writes += 1
        original(conn, analysed)
        if writes == int(sys.argv[2]):
            print("inside", flush=True)  # the batch written, its transaction not committed
            sys.stdin.read()  # until killed

    Store._write_analyses = staticmethod(stalling)
    backlog.finish(Path(sys.argv[1]), batch=4)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_process_killed_during_the_analysis_leaves_no_article_half_analysed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cache.db"
    fill(path, 10)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, str(path), "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "inside\n"  # the kill point comes from its progress
    child.send_signal(signal.SIGKILL)
    child.wait()
    # Batch one (4 articles) committed; batch two was written, not committed, when killed.
    assert assert_whole(path) == (4, 6)
    assert backlog.finish(path) == 6
    assert assert_whole(path) == (10, 0)


def test_an_article_changed_while_analysed_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    [article_id] = fill(path, 1)
    with Store.open(path) as store:
        [stale] = store.analysis_inputs([article_id])
        source = store.sources()[0]
        changed = raw_article(0, version="v2")
        changed.paragraphs[1] = "The meeting ran very late."
        assert store.save_articles(source.id, [changed]).updated == 1
        assert store.save_analyses([(stale, backlog.analyse_input(stale))], ANALYSIS_VERSION) == 0
        assert store.analysed_version(article_id) == 0
    assert backlog.finish(path) == 1
    with Store.open(path) as store:
        article = store.article(article_id)
        assert article is not None and "The meeting ran very late." in article.paragraphs


def test_an_article_opened_before_its_turn_is_analysed_on_demand(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    [article_id] = fill(path, 1)
    with Store.open(path) as store:
        shown = backlog.analysed_article(store, article_id)  # the app: in memory only
        assert shown is not None and [q.speaker for q in shown.quotes] == ["Councillor Ada Brook"]
        assert store.analysed_version(article_id) == 0
        backlog.ensure_analysed(store, article_id)  # `newsterm show`: written
        assert store.analysed_version(article_id) == ANALYSIS_VERSION
        assert store.article(article_id) == shown


def test_an_article_the_analysis_fails_on_is_kept_and_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cache.db"
    [article_id] = fill(path, 1)

    def broken(*args: object, **kwargs: object) -> None:
        raise IndexError("a bug")

    monkeypatch.setattr(newsterm.extract, "analyse", broken)
    assert backlog.finish(path) == 1
    with Store.open(path) as store:
        article = store.article(article_id)
        assert article is not None and article.quotes == []
        assert article.paragraphs[0].startswith("“We will decide")
        assert store.count_unanalysed(ANALYSIS_VERSION) == 0


def test_a_cache_analysed_before_versions_keeps_its_metadata_and_is_analysed_again(
    tmp_path: Path,
) -> None:
    """Migration 4: what the old analysis kept (authors, contacts) is the new one's input."""
    path = tmp_path / "cache.db"
    [article_id] = fill(path, 1)
    backlog.finish(path)
    with Store.open(path) as store:
        store.set_starred(article_id, True)
        rewind(store.conn, 3)
    with Store.open(path) as store:
        assert store.analysed_version(article_id) == 0
        stored = store.conn.execute("SELECT analysis_input FROM articles").fetchone()[0]
        assert json.loads(stored) == {
            "authors": ["Sam Reporter"],  # "Write to Sam Reporter at …": the author's address
            "contacts": [["Sam Reporter", "sam0@example.com", None, None]],
        }
    assert backlog.finish(path) == 1
    with Store.open(path) as store:
        article = store.article(article_id)
        assert article is not None and article.starred
        assert [c.email for c in article.contacts] == ["sam0@example.com"]
        assert [q.speaker for q in article.quotes] == ["Councillor Ada Brook"]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Council story 0", " “We will,” said Ada Brook. ", "", "Kept.", "Write to x@example.com"],
        ["One.\n\nTwo, with the separator inside.", "Advertisement", "Three."],
        ["Only kept.", "Also kept."],
        ["Advertisement"],
    ],
)
def test_the_analysis_input_is_kept_whole_without_writing_the_body_twice(
    tmp_path: Path, paragraphs: list[str]
) -> None:
    """What the next analysis version starts from is the input as stored before the analysis,
    and the paragraphs the analysis kept as they were are not written again beside the body."""
    path = tmp_path / "cache.db"
    with Store.open(path) as store:
        source = store.upsert_source(SourceKind.FEED, "https://example.com/rss")
        raw = RawArticle(guid="g", title="Council story 0", paragraphs=paragraphs)
        [article_id] = store.save_articles(source.id, [raw]).new_ids
        [before] = store.analysis_inputs([article_id])
    backlog.finish(path)
    with Store.open(path) as store:
        [after] = store.analysis_inputs([article_id])
        stored = store.conn.execute("SELECT analysis_input FROM articles").fetchone()[0]
        article = store.article(article_id)
    assert after.paragraphs == before.paragraphs
    assert article is not None and article.analysed_version == ANALYSIS_VERSION
    if "\n\n" not in "".join(paragraphs):
        for kept in article.paragraphs:
            assert kept not in (stored or "")


class InlinePool:
    """Two "workers" that run each job at once in this process, recording the jobs (their
    niceness is recorded, not applied: it would stay with the test process)."""

    workers = 2

    def __init__(self) -> None:
        self.jobs: list[backlog.BacklogJob] = []

    def submit(self, func: object, job: backlog.BacklogJob) -> Future[backlog.BacklogBatch]:
        self.jobs.append(job)
        future: Future[backlog.BacklogBatch] = Future()
        future.set_result(backlog.analyse_batch(replace(job, niceness=0)))
        return future


@pytest.mark.parametrize("background", [True, False])
def test_the_apps_background_pass_runs_its_workers_nicer(tmp_path: Path, background: bool) -> None:
    path = tmp_path / "cache.db"
    fill(path, 5)
    pool = InlinePool()
    assert backlog.finish(path, pool=pool, batch=2, background=background) == 5  # type: ignore[arg-type]
    assert {job.part for job in pool.jobs} == {0, 1} and len(pool.jobs) >= 4
    expected = backlog.BACKGROUND_NICENESS if background else 0
    assert {job.niceness for job in pool.jobs} == {expected}
    assert assert_whole(path) == (5, 0)


@pytest.mark.parametrize(
    ("background", "size"), [(True, backlog.BACKGROUND_BATCH), (False, backlog.BATCH)]
)
def test_the_apps_pass_takes_smaller_batches(tmp_path: Path, background: bool, size: int) -> None:
    """Quitting the app waits for the batches under way: the app's are smaller."""
    path = tmp_path / "cache.db"
    fill(path, 2)
    pool = InlinePool()
    assert backlog.finish(path, pool=pool, background=background) == 2  # type: ignore[arg-type]
    assert {job.limit for job in pool.jobs} == {size}


NICER_CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from newsterm.ingest.backlog import BacklogJob, analyse_batch

    before = os.nice(0)
    done = analyse_batch(BacklogJob(Path(sys.argv[1]), niceness=before + 3)).analysed
    again = analyse_batch(BacklogJob(Path(sys.argv[1]), niceness=before + 3)).analysed
    print(done, again, os.nice(0) - before)
""")


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no nice() on this system")
def test_a_worker_given_a_niceness_raises_its_own_once(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    fill(path, 3)
    out = subprocess.run(
        [sys.executable, "-c", NICER_CHILD, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split() == ["3", "0", "3"]


def test_the_backlog_stores_what_the_analysis_finds_on_every_labelled_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the labelled set: the cache holds what ``analyse`` returns for each article, after
    the first analysis and after a new version analyses it again from the input kept."""
    from newsterm.extract import analyse
    from newsterm.extract.text import decode, parse_article_text
    from tests.extract_scoring import ARTICLES, names

    path = tmp_path / "cache.db"
    expected = {}
    with Store.open(path) as store:
        source = store.upsert_source(SourceKind.FEED, "https://example.com/rss")
        raws = []
        for name in names():
            title, paragraphs = parse_article_text(decode((ARTICLES / f"{name}.txt").read_bytes()))
            raws.append(RawArticle(guid=name, title=title, paragraphs=paragraphs))
        ids = store.save_articles(source.id, raws).new_ids
        for article_id, raw in zip(ids, raws, strict=True):
            [stored] = store.analysis_inputs([article_id])
            found = analyse(raw.title, stored.paragraphs)
            expected[article_id] = (found.paragraphs, found.quotes, found.contacts, found.authors)
    assert len(expected) >= 30

    def cached() -> dict[int, tuple[object, ...]]:
        with Store.open(path) as store:
            articles = [store.article(article_id) for article_id in ids]
        return {
            a.id: (a.paragraphs, a.quotes, a.contacts, a.authors) for a in articles if a is not None
        }

    assert backlog.finish(path, batch=7) == len(ids)
    assert cached() == expected
    monkeypatch.setattr(newsterm.extract, "ANALYSIS_VERSION", ANALYSIS_VERSION + 1)
    assert backlog.finish(path, batch=7) == len(ids)
    assert cached() == expected
