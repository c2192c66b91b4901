"""The command line: argument handling and output only; the work is done by the core.

``newsterm`` with no subcommand opens the app; the UI is imported only then.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsterm import __version__
from newsterm.errors import NewstermError, UsageError
from newsterm.launch import Context, report_errors
from newsterm.store import ArticleFilter, Store
from newsterm.timefmt import counted

if TYPE_CHECKING:
    from newsterm.ingest.fulltext import FullTextOutcome

F = TypeVar("F", bound=Callable[..., Any])


def _set_config(ctx: click.Context, _: click.Parameter, value: str | None) -> None:
    if value:
        ctx.ensure_object(Context).config_override = value


def _set_db(ctx: click.Context, _: click.Parameter, value: str | None) -> None:
    if value:
        ctx.ensure_object(Context).db_override = value


def common_options(command: F) -> F:
    """``--config`` and ``--db``, accepted before or after the subcommand."""
    command = click.option(
        "--db",
        metavar="FILE",
        expose_value=False,
        callback=_set_db,
        is_eager=True,
        help="The cache database (default: $NEWSTERM_DB or the user data folder).",
    )(command)
    command = click.option(
        "--config",
        metavar="FILE",
        expose_value=False,
        callback=_set_config,
        is_eager=True,
        help="The feeds.toml to use (default: $NEWSTERM_CONFIG or the user config folder).",
    )(command)
    return command


def json_option(command: F) -> F:
    """``--json`` for machine-readable output."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(command)


pass_context = click.make_pass_decorator(Context, ensure=True)
console = Console(highlight=False)


def print_json(value: Any) -> None:
    """Write JSON to stdout."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@common_options
@click.version_option(__version__, "--version", prog_name="newsterm")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """newsterm: read the news in your terminal, fast and offline.

    With no command, opens the reading app.
    """
    ctx.ensure_object(Context)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        ctx.invoke(tui)


@cli.command()
@common_options
@pass_context
def tui(context: Context) -> None:
    """Open the reading app (the default command)."""
    context.open_app()


@cli.command()
@common_options
@click.argument("target", metavar="URL|PATH")
@click.option("--title", help="A title for the source.")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--no-fetch", is_flag=True, help="Do not fetch a feed to validate it.")
@pass_context
def add(
    context: Context, target: str, title: str | None, tags: tuple[str, ...], no_fetch: bool
) -> None:
    """Subscribe to a feed URL, or add an article file or a folder of them."""
    from newsterm.ingest import service

    cfg = context.config()
    outcome = service.add(context.store(), cfg, target, title=title, tags=tags, fetch=not no_fetch)
    console.print(Text(outcome.message))
    if outcome.refresh is not None:
        refreshed = outcome.refresh
        new = counted(refreshed.new, "new article")
        console.print(Text(f"{new} from {outcome.source.display_title}"))
        if refreshed.error:
            click.echo(f"newsterm: {refreshed.error}", err=True)


@cli.command()
@common_options
@click.argument("source", metavar="SOURCE")
@pass_context
def remove(context: Context, source: str) -> None:
    """Unsubscribe from a source (by id, URL, path or title) and drop its articles."""
    from newsterm.ingest import service

    removed = service.remove(context.store(), context.config(), source)
    console.print(Text(f"removed {removed.display_title}"))


@cli.command()
@common_options
@json_option
@pass_context
def sources(context: Context, as_json: bool) -> None:
    """List subscriptions with their unread counts."""
    from newsterm.ingest.service import sync_sources
    from newsterm.serialize import source_json

    store = context.store()
    sync_sources(store, context.config())
    found = store.sources()
    if as_json:
        print_json([source_json(s) for s in found])
        return
    table = Table(box=None, header_style="bold")
    for column in ("id", "unread", "total", "kind", "title", "status"):
        table.add_column(column, justify="right" if column in ("id", "unread", "total") else "left")
    for s in found:
        status = Text(s.last_error or s.status.value, style="red" if s.last_error else "")
        table.add_row(
            str(s.id), str(s.unread), str(s.total), s.kind.value, Text(s.display_title), status
        )
    console.print(table)


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
    "--due",
    is_flag=True,
    help="Only the sources whose refresh_every has passed (for cron; sources without one "
    "every time, unless they asked to wait).",
)
@pass_context
def refresh(
    context: Context, source: str | None, full_text: bool, update_moved: bool, due: bool
) -> None:
    """Fetch feeds and re-read article files (all sources, or one).

    Exits 0 when every source succeeded, 1 when some failed.
    """
    from newsterm.ingest import service
    from newsterm.progress import refresh_progress

    store = context.store()
    cfg = context.config()
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
    with refresh_progress(len(all_sources), interactive=sys.stderr.isatty()) as progress:
        report = service.refresh(
            store,
            all_sources,
            cfg,
            progress=progress,
            full_text=full_text,
            full_text_progress=_full_text_line,
        )
    moved = [o for o in report.outcomes if (o.notice or "").startswith("moved")]
    if update_moved:
        for old, new in service.update_moved(store, cfg):
            click.echo(f"moved {old} -> {new} (feeds.toml updated)")
    elif moved:
        click.echo(
            f"{counted(len(moved), 'feed')} moved permanently; `newsterm refresh --update-moved` "
            "rewrites feeds.toml",
            err=True,
        )
    click.echo(f"{report.new} new, {report.updated} updated, {len(report.failed)} failed")
    if report.dropped:
        click.echo(f"dropped {counted(report.dropped, 'read article')} (keep, max_articles)")
    if report.full_text:
        fetched = sum(o.ok for o in report.full_text)
        click.echo(
            f"full text: {fetched} fetched, {len(report.full_text) - fetched} kept the summary"
        )
    if report.failed:
        click.echo(f"newsterm: {counted(len(report.failed), 'source')} failed:", err=True)
        for outcome in report.failed:
            click.echo(f"  {outcome.source.display_title}: {outcome.error}", err=True)
        sys.exit(1)


def _full_text_line(outcome: FullTextOutcome, done: int, total: int) -> None:
    """One line per full-text fetch made after a refresh."""
    line = f"full text [{done}/{total}] article {outcome.article_id}: "
    line += f"{outcome.paragraphs} paragraphs" if outcome.ok else f"{outcome.error}"
    click.echo(line, err=not outcome.ok)


@cli.command(name="import")
@common_options
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@pass_context
def import_(context: Context, file: Path) -> None:
    """Subscribe to the feeds of an OPML file or a newsboat urls file (nothing is fetched)."""
    from newsterm.ingest import service

    if not file.exists():
        raise UsageError(f"{file}: no such file")
    report = service.import_subscriptions(context.store(), context.config(), file)
    for warning in report.warnings:
        click.echo(f"newsterm: warning: {warning}", err=True)
    click.echo(
        f"imported {counted(len(report.added), 'feed')}, {len(report.already)} already subscribed; "
        "`newsterm refresh` fetches them"
    )


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
        click.echo(
            f"{article_id}: full text already fetched ({len(article.paragraphs)} paragraphs)"
        )
        return
    outcome = fetch_full_text(store, article_id, context.config().settings)
    if not outcome.ok:
        raise NewstermError(f"{article_id}: full text not fetched: {outcome.error}")
    click.echo(f"{article_id}: fetched {outcome.paragraphs} paragraphs")


@cli.command()
@common_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["opml", "urls"]),
    default="opml",
    show_default=True,
    help="OPML 2.0, or newsboat's urls file.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File.")
@pass_context
def export(context: Context, fmt: str, output: Path | None) -> None:
    """Write the feed subscriptions (with tags) to stdout or a file."""
    from newsterm.config import write_atomically
    from newsterm.ingest import service

    text = service.export_subscriptions(context.store(), context.config(), fmt)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_atomically(output, text)
    except OSError as exc:
        raise NewstermError(f"{output}: cannot write: {exc.strerror}") from None
    click.echo(f"wrote {output}", err=True)


def _no_articles_hint(context: Context, flt: ArticleFilter) -> str:
    """What an empty article list means, and what to do about it."""
    if flt.query is not None:
        return "No articles match the query."
    if flt.starred_only:
        return "No starred articles."
    if flt.unread_only:
        return "No unread articles."
    if flt.source_id is not None:
        return "No articles from this source yet: `newsterm refresh` fetches them."
    try:
        subscribed = len(context.config().feeds)
    except NewstermError:  # a broken feeds.toml is for the commands that need it to say
        subscribed = 0
    if subscribed:
        return f"No articles yet: `newsterm refresh` fetches your {counted(subscribed, 'source')}."
    return "No articles. Add some with `newsterm add URL|PATH`."


def _ignored(context: Context) -> tuple[str, ...]:
    """feeds.toml's ``[[ignore]]`` queries (none when it cannot be read: listing the cache
    does not need it)."""
    try:
        return context.config().ignore
    except NewstermError:
        return ()


def _resolve_source(store: Store, ref: str | None) -> int | None:
    if ref is None:
        return None
    found = store.find_source(ref)
    if found is None:
        raise UsageError(f"{ref}: no such source (see `newsterm sources`)")
    return found.id


@cli.command()
@common_options
@click.option("--source", "source_ref", metavar="SOURCE", help="Only this source.")
@click.option("--unread", is_flag=True, help="Only unread articles.")
@click.option("--starred", is_flag=True, help="Only starred articles.")
@click.option(
    "--query", "query", metavar="QUERY", help="Only those a query matches (see docs/queries.md)."
)
@click.option(
    "--include-ignored", is_flag=True, help="Also those feeds.toml's [[ignore]] queries hide."
)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@json_option
@pass_context
def articles(
    context: Context,
    source_ref: str | None,
    unread: bool,
    starred: bool,
    query: str | None,
    include_ignored: bool,
    limit: int,
    as_json: bool,
) -> None:
    """List cached articles, newest first."""
    from newsterm.serialize import summary_json
    from newsterm.timefmt import relative

    store = context.store()
    flt = ArticleFilter(
        source_id=_resolve_source(store, source_ref),
        unread_only=unread,
        starred_only=starred,
        query=query,
        hide=() if include_ignored else _ignored(context),
    )
    rows = store.list_articles(flt, limit=limit)
    if as_json:
        print_json([summary_json(r) for r in rows])
        return
    if not rows:
        console.print(_no_articles_hint(context, flt))
        return
    table = Table(box=None, header_style="bold", expand=True)
    table.add_column("id", justify="right", no_wrap=True, min_width=3)
    table.add_column("", no_wrap=True, min_width=2)
    table.add_column("date", no_wrap=True, min_width=6)
    table.add_column("source", no_wrap=True, overflow="ellipsis", ratio=1, max_width=24)
    table.add_column("title", no_wrap=True, overflow="ellipsis", ratio=3)
    for r in rows:
        marks = ("★" if r.starred else " ") + (" " if r.read else "●")
        table.add_row(
            str(r.id),
            marks,
            relative(r.published),
            Text(r.source_title),
            Text(r.title, style="" if r.read else "bold"),
        )
    console.print(table)


@cli.command()
@common_options
@click.argument("article_id", metavar="ID", type=int)
@json_option
@pass_context
def show(context: Context, article_id: int, as_json: bool) -> None:
    """Show one cached article with its quotations and contacts."""
    from newsterm.render import render_article
    from newsterm.serialize import article_json

    article = context.store().article(article_id)
    if article is None:
        raise UsageError(f"{article_id}: no such article (see `newsterm articles`)")
    if as_json:
        print_json(article_json(article))
        return
    console.print(render_article(article))


@cli.command()
@common_options
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@json_option
def parse(file: Path, as_json: bool) -> None:
    """Analyse one article file without touching the cache."""
    from newsterm.extract import analyse
    from newsterm.ingest import files
    from newsterm.ingest.service import check_article_path
    from newsterm.render import render_analysis
    from newsterm.serialize import analysis_json

    path = check_article_path(str(file))
    if path.is_dir():
        raise UsageError(f"{file}: is a folder; parse takes one article file")
    try:
        raw = files.read_article(path)
    except OSError as exc:
        raise NewstermError(f"{file}: cannot read: {exc.strerror}") from None
    analysis = analyse(raw.title, raw.paragraphs)
    if as_json:
        print_json(analysis_json(analysis, source=str(path), published=raw.published))
        return
    console.print(render_analysis(analysis))


@cli.command()
@common_options
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@json_option
@pass_context
def search(context: Context, query: str, limit: int, as_json: bool) -> None:
    """Search cached articles with the query language (docs/queries.md): words, "phrases",
    prefix*, OR, NOT, fields such as title: or speaker:."""
    from newsterm.query import parse
    from newsterm.query.snippet import centre
    from newsterm.serialize import search_json

    if not query.strip():
        raise UsageError("search needs a query (see docs/queries.md)")
    parse(query)  # a bad query is one line before the cache is opened
    hits = context.store().search(query, limit=limit)
    if as_json:
        print_json([search_json(h) for h in hits])
        return
    if not hits:
        console.print(Text(f"No articles match {query!r}."))
        return
    for hit in hits:
        title = Text(f"{hit.article.id:>6}  ", style="dim") + Text(hit.article.title, style="bold")
        for start, end in hit.title_matches:
            title.stylize("reverse", start + 8, end + 8)
        text, spans = centre(hit.snippet, hit.snippet_matches, max(20, console.width - 8))
        snippet = Text("        ") + Text(text)
        for start, end in spans:
            snippet.stylize("reverse", start + 8, end + 8)
        console.print(title)
        console.print(Text(f"        {hit.article.source_title}", style="dim"))
        console.print(snippet)


def _register() -> None:
    from newsterm.cli_views import view

    cli.add_command(view)


_register()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning every user error into one line and an exit code."""
    with report_errors():
        try:
            cli.main(args=argv, prog_name="newsterm", standalone_mode=False)
        except click.exceptions.Abort:
            click.echo("newsterm: aborted", err=True)
            sys.exit(130)
        except click.ClickException as exc:
            click.echo(f"newsterm: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
