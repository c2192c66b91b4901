"""The analysis after the refresh: cached articles that the current analysis version has not
seen are analysed in batches, each batch written in one transaction (a killed process leaves
no article half-analysed), in the parse workers or in the calling thread.

The refreshing process never imports the analysis: the workers read the version, find their
part of the backlog (articles split by id, so two workers never take the same one), analyse it
and write it, and report how much they did.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsterm.store import Store

if TYPE_CHECKING:
    from newsterm.analysis import Analysis, AnalysisInput
    from newsterm.ingest.parse_pool import ParsePool
    from newsterm.models import Article

BATCH = 1000
"""Articles analysed and written per transaction (a worker's batch). Fewer, bigger ones cost
less: measured on a 10,000-article backlog against 200, the search index's writes took
0.65 -> 0.40 CPU-s, and each of the two workers waited 0.45 -> 0.05 s for the other's write
lock and 0.73 -> 0.22 s in commits."""
BACKGROUND_BATCH = 250
"""The app's batches (``background``): smaller, because quitting the app waits for the
batches under way."""
POOL_FROM = 200
"""A backlog of more articles than this is analysed in worker processes; a smaller one in the
calling thread (starting the workers costs more than it saves)."""
BACKGROUND_NICENESS = 10
"""How much nicer than the app its background workers are (:func:`finish`'s ``background``):
while they analyse, the app's UI thread, and anything else the user runs, come first."""
ARTICLE_TIME_LIMIT = 5.0
"""Seconds the analysis of one article may take before it is stored unanalysed (its text as
it is, no quotations): hostile text must not hold the backlog up for ever."""

BacklogProgress = Callable[[int, int], object]
"""Called after each batch with the articles analysed so far and the backlog's size."""


@dataclass(slots=True)
class BacklogJob:
    """One batch of one part of the backlog, for a worker (picklable)."""

    db_path: Path
    part: int = 0
    parts: int = 1
    limit: int = BATCH
    count: bool = False
    """Also count this part's backlog (before the batch)."""
    niceness: int = 0
    """Raise the worker's niceness to at least this first (see ``BACKGROUND_NICENESS``)."""


@dataclass(slots=True)
class BacklogBatch:
    """What a batch did (picklable)."""

    analysed: int
    """Articles analysed and written."""
    more: bool
    """Whether the batch found any article to analyse (False: this part's backlog is done)."""
    remaining: int = 0
    """This part's backlog before the batch, when the job asked for the count."""


def analyse_input(item: AnalysisInput) -> Analysis:
    """The current analysis of an article; its text as it is, when the analysis fails on it or
    takes longer than ARTICLE_TIME_LIMIT."""
    from newsterm.analysis import Analysis
    from newsterm.extract import analyse
    from newsterm.extract.text import count_words, reading_minutes
    from newsterm.ingest.feed_parse import time_limit

    try:
        with time_limit(ARTICLE_TIME_LIMIT):
            return analyse(
                item.title, item.paragraphs, authors=item.authors, contacts=item.contacts
            )
    except Exception:  # a timeout, a recursion or a bug, on this one article
        words = count_words(item.paragraphs)
        return Analysis(
            title=item.title,
            paragraphs=[p for p in item.paragraphs if p.strip()],
            authors=list(item.authors),
            contacts=list(item.contacts),
            word_count=words,
            reading_minutes=reading_minutes(words),
        )


def analyse_articles(store: Store, article_ids: list[int]) -> int:
    """Analyse these articles now and write them in one transaction; returns how many."""
    from newsterm.extract import ANALYSIS_VERSION

    inputs = store.analysis_inputs(article_ids)
    return store.save_analyses([(i, analyse_input(i)) for i in inputs], ANALYSIS_VERSION)


def analyse_batch(job: BacklogJob) -> BacklogBatch:
    """Analyse and write the next batch of one part of the backlog (a parse worker's job)."""
    from newsterm.extract import ANALYSIS_VERSION
    from newsterm.ingest.feed_save import worker_store

    if job.niceness:
        _be_nice(job.niceness)
    with worker_store(job.db_path) as store:
        remaining = 0
        if job.count:
            remaining = store.count_unanalysed(ANALYSIS_VERSION, part=job.part, parts=job.parts)
        ids = store.unanalysed(ANALYSIS_VERSION, job.limit, part=job.part, parts=job.parts)
        analysed = analyse_articles(store, ids) if ids else 0
        # An article changed while it was analysed stays in the backlog for the next batch.
        return BacklogBatch(analysed, bool(ids), remaining)


def _be_nice(niceness: int) -> None:
    """Raise this process's niceness to ``niceness`` (a worker's; never lowers it)."""
    try:
        current = os.nice(0)
        if current < niceness:
            os.nice(niceness - current)
    except (AttributeError, OSError):  # no nice() here, or not allowed: run as it is
        pass


def finish(
    db_path: Path,
    *,
    pool: ParsePool | None = None,
    progress: BacklogProgress | None = None,
    cancel: threading.Event | None = None,
    batch: int | None = None,
    background: bool = False,
) -> int:
    """Analyse every article of the cache at ``db_path`` the current version has not seen.

    With a started ``pool`` of worker processes each worker takes its part of the backlog;
    without one the calling thread does it all. Returns how many articles were analysed.
    Setting ``cancel`` stops it after the batches under way. ``background``: the app's pass,
    in batches of ``BACKGROUND_BATCH`` (else ``BATCH``) and with its workers at
    ``BACKGROUND_NICENESS`` (the calling thread is left as it is).
    """
    parts = pool.workers if pool is not None and pool.workers > 0 else 1
    niceness = BACKGROUND_NICENESS if background else 0
    if batch is None:
        batch = BACKGROUND_BATCH if background else BATCH
    done = total = 0

    def report(result: BacklogBatch) -> None:
        nonlocal done, total
        done += result.analysed
        total = max(total + result.remaining, done)
        if progress is not None and total:
            progress(done, total)

    if parts == 1 or pool is None:
        job = BacklogJob(db_path, limit=batch, count=True)
        while not (cancel is not None and cancel.is_set()):
            result = analyse_batch(job)
            job.count = False
            report(result)
            if not result.more:
                break
        return done
    pending: dict[Future[BacklogBatch], int] = {
        pool.submit(
            analyse_batch, BacklogJob(db_path, part, parts, batch, count=True, niceness=niceness)
        ): part
        for part in range(parts)
    }
    while pending:
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in finished:
            part = pending.pop(future)
            result = future.result()
            report(result)
            if result.more and not (cancel is not None and cancel.is_set()):
                job = BacklogJob(db_path, part, parts, batch, niceness=niceness)
                pending[pool.submit(analyse_batch, job)] = part
    return done


def ensure_analysed(store: Store, article_id: int) -> None:
    """Analyse one article now (and write it) unless the current version already has."""
    from newsterm.extract import ANALYSIS_VERSION

    version = store.analysed_version(article_id)
    if version is not None and version < ANALYSIS_VERSION:
        analyse_articles(store, [article_id])


def analysed_article(store: Store, article_id: int) -> Article | None:
    """An article as the app's reader shows it: one never analysed is analysed now, in memory
    (nothing is written: the reader's writes go through the app's writer thread, and the
    background pass writes it). One an older version analysed is shown as that version left
    it until the background pass reaches it: the analysis is not even loaded for it."""
    article = store.article(article_id)
    if article is None or article.analysed_version > 0:
        return article
    from newsterm.extract import ANALYSIS_VERSION

    inputs = store.analysis_inputs([article_id])
    if not inputs:
        return article
    analysis = analyse_input(inputs[0])
    article.paragraphs = analysis.paragraphs
    article.authors = analysis.authors
    article.quotes = analysis.quotes
    article.contacts = analysis.contacts
    article.credits = analysis.credits
    article.dateline = analysis.dateline
    article.word_count = analysis.word_count
    article.reading_minutes = analysis.reading_minutes
    article.analysed_version = ANALYSIS_VERSION
    return article
