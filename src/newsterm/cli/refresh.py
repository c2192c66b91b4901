"""``refresh`` and ``fulltext``: fetching feeds and articles' pages."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from newsterm.cli.common import cli, common_options, pass_context
from newsterm.errors import NewstermError, UsageError
from newsterm.launch import Context
from newsterm.output import fail, say
from newsterm.timefmt import counted

if TYPE_CHECKING:
    from newsterm.ingest.fulltext import FullTextOutcome


@cli.command()
@common_options
@click.argument("source", metavar="[SOURCE]", required=False)
@click.option(
    "--full-text",
    is_flag=True,
    help="Also fetch the article page of new feed items (as `full_text = true` does).",
)
@click.option(
    "--update-moved",
    is_flag=True,
    help="Rewrite feeds.toml (and the cache) for feeds that moved permanently (301/308).",
)
@click.option(
    "--analyse",
    is_flag=True,
    help="Then find the quotations, speakers and contacts of what came in (otherwise the "
    "commands that show them do it first).",
)
@click.option(
    "--due",
    is_flag=True,
    help="Only the sources whose refresh_every has passed (for cron; sources without one "
    "every time, unless they asked to wait).",
)
@pass_context
def refresh(
    context: Context,
    source: str | None,
    full_text: bool,
    update_moved: bool,
    analyse: bool,
    due: bool,
) -> None:
    """Fetch feeds and re-read article files (all sources, or one).

    Exits 0 when every source succeeded, 1 when some failed.
    """
    from newsterm.ingest import service, subscriptions
    from newsterm.progress import analysis_progress, refresh_progress

    store = context.store()
    context.note_missing_config = True
    cfg = context.config()
    named = (source in (e.url, e.path, e.title) for e in cfg.feeds)
    if source is not None and store.find_source(source) is None and not any(named):
        raise UsageError(f"{source}: no such source (see `newsterm sources`)")  # nothing written
    all_sources = service.sync_sources(store, cfg)
    if source is not None:
        found = store.find_source(source)
        if found is None:
            raise UsageError(f"{source}: no such source (see `newsterm sources`)")
        all_sources = [found]
    if due:
        from datetime import UTC, datetime

        from newsterm.ingest.schedule import due as due_sources

        all_sources = due_sources(cfg, all_sources, datetime.now(UTC), scheduled=False)
    interactive = sys.stderr.isatty()
    with (
        refresh_progress(len(all_sources), interactive=interactive) as progress,
        analysis_progress(interactive=interactive) as analysing,
    ):
        report = service.refresh(
            store,
            all_sources,
            cfg,
            progress=progress,
            full_text=full_text,
            full_text_progress=_full_text_line,
            analyse=analyse,
            analysis_progress=analysing,
        )
    moved = [o for o in report.outcomes if (o.notice or "").startswith("moved")]
    if update_moved:
        for old, new in subscriptions.update_moved(store, cfg):
            say(f"moved {old} -> {new} (feeds.toml updated)")
    elif moved:
        say(
            f"{counted(len(moved), 'feed')} moved permanently; `newsterm refresh --update-moved` "
            "rewrites feeds.toml",
            err=True,
        )
    say(f"{report.new} new, {report.updated} updated, {len(report.failed)} failed")
    if report.analysed:
        say(f"analysed {counted(report.analysed, 'article')}")
    if report.dropped:
        say(f"dropped {counted(report.dropped, 'read article')} (keep, max_articles)")
    if report.full_text:
        fetched = sum(o.ok for o in report.full_text)
        say(f"full text: {fetched} fetched, {len(report.full_text) - fetched} kept the summary")
    if report.failed:
        fail(f"{counted(len(report.failed), 'source')} failed:")
        for outcome in report.failed:
            say(f"  {outcome.source.display_title}: {outcome.error}", err=True)
        sys.exit(1)


def _full_text_line(outcome: FullTextOutcome, done: int, total: int) -> None:
    """One line per full-text fetch made after a refresh."""
    line = f"full text [{done}/{total}] article {outcome.article_id}: "
    line += f"{outcome.paragraphs} paragraphs" if outcome.ok else f"{outcome.error}"
    say(line, err=not outcome.ok)


@cli.command()
@common_options
@click.argument("article_id", metavar="ID", type=int)
@click.option("--again", is_flag=True, help="Fetch even if the full text is already stored.")
@pass_context
def fulltext(context: Context, article_id: int, again: bool) -> None:
    """Fetch an article's web page and make its main text the article body.

    The feed's summary is kept when the page is paywalled, blocked, missing or not a web page;
    the reason is printed and the exit code is 1.
    """
    from newsterm.ingest.fulltext import fetch_full_text

    store = context.store()
    article = store.article(article_id)
    if article is None:
        raise UsageError(f"{article_id}: no such article (see `newsterm articles`)")
    if article.full_text_status == "ok" and not again:
        say(f"{article_id}: full text already fetched ({len(article.paragraphs)} paragraphs)")
        return
    cfg = context.config()
    outcome = fetch_full_text(store, article_id, cfg.settings, untrusted=cfg.imported_urls)
    if not outcome.ok:
        raise NewstermError(f"{article_id}: full text not fetched: {outcome.error}")
    say(f"{article_id}: fetched {outcome.paragraphs} paragraphs")
