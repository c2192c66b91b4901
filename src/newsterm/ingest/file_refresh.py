"""File sources re-read from disk: new and changed article files (or a feed file's items)
stored in batches, deleted ones marked gone."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from newsterm import paths
from newsterm.analysis import RawArticle
from newsterm.errors import NewstermError
from newsterm.ingest.outcomes import SourceOutcome
from newsterm.models import Source
from newsterm.store import Store

if TYPE_CHECKING:
    from newsterm.ingest import files as files_mod
    from newsterm.ingest.feed_model import FeedResult


SAVE_BATCH = 100
"""Articles saved per transaction: a killed refresh keeps every batch it committed."""


def _save(
    store: Store, source_id: int, items: list[RawArticle], now: datetime, outcome: SourceOutcome
) -> None:
    """Save a batch of articles, add the counts to ``outcome``, empty the batch."""
    if not items:
        return
    result = store.save_articles(source_id, items, fetched_at=now)
    outcome.new += result.new
    outcome.updated += result.updated
    outcome.new_ids += result.new_ids
    items.clear()


def read_feed_file(path: Path, known: dict[str, str] | None = None) -> FeedResult:
    """Parse a feed file on disk into its new and changed items; raise NewstermError
    when it cannot be read or is no feed."""
    from newsterm.ingest import files
    from newsterm.ingest.feed_model import FeedJob
    from newsterm.ingest.feed_parse import process_feed

    data = paths.read_regular(path, files.MAX_FILE_BYTES, NewstermError)
    try:
        return process_feed(FeedJob(url=path.as_uri(), body=data, known=known or {}))
    except NewstermError as exc:
        raise NewstermError(f"{path}: {exc.message}") from None


def refresh_files(
    store: Store, source: Source, limits: files_mod.FolderLimits | None = None
) -> SourceOutcome:
    """Re-read a files source: new and changed files are stored (to be analysed), deleted ones
    marked gone
    (a feed file: its new and changed items).

    A folder over ``limits`` is an error and changes nothing; unreadable files and folders are
    skipped and named in the error, the rest is read.
    """
    from newsterm.ingest import files

    outcome = SourceOutcome(source)
    root = Path(source.location)
    now = datetime.now(UTC)
    if not root.exists():
        outcome.error = f"{root}: no such file or folder"
        store.record_check(source.id, outcome.error, now)
        return outcome
    if files.is_feed_file(root):
        try:
            parsed = read_feed_file(root, store.known_hashes(source.id))
        except NewstermError as exc:
            outcome.error = exc.message
        else:
            _save(store, source.id, parsed.items, now, outcome)
        store.record_check(source.id, outcome.error, now)
        return outcome
    try:
        scan = files.article_files(root, limits)
    except files.FolderTooLarge as exc:
        outcome.error = exc.message
        store.record_check(source.id, outcome.error, now)
        return outcome
    known = store.known_hashes(source.id)
    present: list[str] = []
    items: list[RawArticle] = []
    problems: list[str] = list(scan.skipped)
    for path in scan.files:
        guid = str(path.resolve())
        present.append(guid)
        try:
            data = paths.read_regular(path, files.MAX_FILE_BYTES)
        except NewstermError as exc:
            problems.append(f"{exc.message}, skipped")
            continue
        if known.get(guid) != files.content_hash(data):
            items.append(files.read_article(path, data))
        if len(items) >= SAVE_BATCH:
            _save(store, source.id, items, now, outcome)
    _save(store, source.id, items, now, outcome)
    outcome.gone = store.mark_gone(source.id, present)
    outcome.error = "; ".join(problems) or None
    store.record_check(source.id, outcome.error, now)
    return outcome
