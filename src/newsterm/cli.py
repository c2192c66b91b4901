"""The command line: argument handling and output only; the work is done by the core.

``newsterm`` with no subcommand opens the app; the UI is imported only then.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from newsterm import __version__, output
from newsterm.errors import NewstermError, UsageError
from newsterm.launch import Context, report_errors
from newsterm.models import Source, SourceKind
from newsterm.output import fail, json_text, plain, print_text, say
from newsterm.safe_text import clean
from newsterm.store import ArticleFilter, Store
from newsterm.timefmt import counted

if TYPE_CHECKING:
    from rich.table import Table

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


def _as_path(_: click.Context, __: click.Parameter, value: str | None) -> Path | None:
    """A path as written: commands check it with one stat (``newsterm.paths``), where
    ``click.Path`` raises on a NUL byte and lets a FIFO through."""
    return None if value is None else Path(value)


def _as_paths(_: click.Context, __: click.Parameter, value: tuple[str, ...]) -> tuple[Path, ...]:
    """Several paths as written (see ``_as_path``)."""
    return tuple(Path(v) for v in value)


def print_article(renderable: Any) -> None:
    """An article on the terminal, wrapped to its width; piped (to a file, ``less``), one
    line a paragraph, as long as it is, with no padding (Rich would wrap at 80 columns)."""
    output.console.print(renderable, soft_wrap=not output.console.is_terminal)


def print_json(value: Any, *, one_line: bool = False) -> None:
    """Write JSON to stdout (controls escaped: it is valid JSON and safe on a terminal), indented
    or on one line."""
    click.echo(json_text(value, one_line=one_line))


class CommandGroup(click.Group):
    """The command group, taking ``list`` for ``articles`` (the name a newsboat or shell user
    types first)."""

    ALIASES = {"list": "articles"}

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, self.ALIASES.get(cmd_name, cmd_name))


@click.group(
    cls=CommandGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
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
@click.option(
    "--local", is_flag=True, help="With [sync] on: keep the feed in feeds.toml, not on the server."
)
@pass_context
def add(
    context: Context,
    target: str,
    title: str | None,
    tags: tuple[str, ...],
    no_fetch: bool,
    local: bool,
) -> None:
    """Subscribe to a feed URL, or add an article file or a folder of them.

    With [sync] on, a feed is subscribed on the sync server (unless --local).
    """
    from newsterm.ingest import service

    cfg = context.config()
    outcome = service.add(
        context.store(), cfg, target, title=title, tags=tags, fetch=not no_fetch, local=local
    )
    output.console.print(plain(outcome.message))
    if outcome.refresh is not None:
        refreshed = outcome.refresh
        new = counted(refreshed.new, "new article")
        output.console.print(plain(f"{new} from {outcome.source.display_title}"))
        if refreshed.error:
            fail(refreshed.error)


@cli.command()
@common_options
@click.argument("source", metavar="SOURCE")
@pass_context
def remove(context: Context, source: str) -> None:
    """Unsubscribe from a source (by id, URL, path or title) and drop its articles.

    A subscription of the sync server is unsubscribed there.
    """
    from newsterm.ingest import service

    removed = service.remove(context.store(), context.config(), source)
    output.console.print(plain(f"removed {removed.display_title}"))


@cli.command()
@common_options
@json_option
@click.option(
    "--include-ignored", is_flag=True, help="Count what feeds.toml's [[ignore]] queries hide."
)
@pass_context
def sources(context: Context, as_json: bool, include_ignored: bool) -> None:
    """List subscriptions with their unread counts.

    kind "sync" marks the sync server and its subscriptions; "feed" and "files" are local.
    The unread counts leave out what feeds.toml's [[ignore]] queries hide, as the app does.
    """
    from newsterm.ingest.service import sync_sources
    from newsterm.serialize import source_json

    store = context.store()
    context.note_missing_config = True
    cfg = context.config()
    configured = {s.id for s in sync_sources(store, cfg)}
    found = store.sources(() if include_ignored else cfg.ignore)
    if cfg.sync is not None:  # the [sync] account's subscriptions: refreshed by the sync
        from newsterm.sync.engine import subscription_location

        prefix = subscription_location(cfg.sync, "")
        configured |= {s.id for s in found if s.location.startswith(prefix)}
    if as_json:
        print_json([source_json(s, in_config=s.id in configured) for s in found])
        return
    output.console.print(_sources_table([s for s in found if s.id in configured]))
    others = [s for s in found if s.id not in configured]
    if others:
        # sources a refresh does not fetch: added with another feeds.toml, or removed from it
        # by hand; `newsterm remove` drops them with their articles
        output.console.print(
            plain(f"\nNot in {cfg.path} (not refreshed; `newsterm remove ID` drops one):")
        )
        output.console.print(_sources_table(others))


def _sources_table(found: list[Source]) -> Table:
    from rich.table import Table  # for the listing commands only (~25 ms)

    table = Table(box=None, header_style="bold")
    for column in ("id", "unread", "total", "kind", "title", "status"):
        table.add_column(column, justify="right" if column in ("id", "unread", "total") else "left")
    for s in found:
        if s.last_error:
            status = plain(s.last_error, style="red")
        elif s.last_checked is None:
            status = plain("never fetched" if s.kind is SourceKind.FEED else "never read")
        else:
            status = plain(s.status.value)
        if s.parse_note and not s.last_error:
            status.append(f" (read leniently: {clean(s.parse_note)})", style="dim")
        table.add_row(
            str(s.id), str(s.unread), str(s.total), s.kind.value, plain(s.display_title), status
        )
    return table


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
    from newsterm.ingest import service
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
        for old, new in service.update_moved(store, cfg):
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


@cli.command(name="import")
@common_options
@click.argument("file", metavar="FILE", callback=_as_path)
@pass_context
def import_(context: Context, file: Path) -> None:
    """Subscribe to the feeds of an OPML file or a newsboat urls file (nothing is fetched)."""
    from newsterm.ingest import service

    report = service.import_subscriptions(context.store(), context.config(), file)
    for warning in report.warnings:
        fail(f"warning: {warning}")
    say(
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
        say(f"{article_id}: full text already fetched ({len(article.paragraphs)} paragraphs)")
        return
    cfg = context.config()
    outcome = fetch_full_text(store, article_id, cfg.settings, untrusted=cfg.imported_urls)
    if not outcome.ok:
        raise NewstermError(f"{article_id}: full text not fetched: {outcome.error}")
    say(f"{article_id}: fetched {outcome.paragraphs} paragraphs")


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
@click.option("-o", "--output", metavar="FILE", callback=_as_path, help="File.")
@pass_context
def export(context: Context, fmt: str, output: Path | None) -> None:
    """Write the feed subscriptions (with tags) to stdout or a file."""
    from newsterm.config import write_atomically
    from newsterm.ingest import service
    from newsterm.paths import check_output_file

    if output is not None:
        check_output_file(output)
    text = service.export_subscriptions(context.store(), context.config(), fmt)
    if output is None:
        print_text(text)
        return
    try:
        write_atomically(output, clean(text))  # the file is as safe to `cat` as stdout
    except OSError as exc:
        raise NewstermError(f"{output}: cannot write: {exc.strerror}") from None
    say(f"wrote {output}", err=True)


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
    """List cached articles, newest first (also: newsterm list)."""
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
    finish_analysis_for(store, [query, *flt.hide])
    rows = store.list_articles(flt, limit=limit)
    if as_json:
        print_json([summary_json(r) for r in rows])
        return
    if not rows:
        output.console.print(_no_articles_hint(context, flt))
        return
    from rich.table import Table

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
            plain(r.source_title),
            plain(r.title, style="" if r.read else "bold"),
        )
    output.console.print(table)


@cli.command()
@common_options
@click.argument("article_id", metavar="ID", type=int)
@json_option
@pass_context
def show(context: Context, article_id: int, as_json: bool) -> None:
    """Show one cached article with its quotations and contacts."""
    from newsterm.ingest.backlog import ensure_analysed
    from newsterm.render import render_article
    from newsterm.serialize import article_json

    store = context.store()
    ensure_analysed(store, article_id)
    article = store.article(article_id)
    if article is None:
        raise UsageError(f"{article_id}: no such article (see `newsterm articles`)")
    if as_json:
        print_json(article_json(article))
        return
    print_article(render_article(article))


@cli.command()
@common_options
@click.argument("file", metavar="FILE...", nargs=-1, required=True, callback=_as_paths)
@json_option
def parse(file: tuple[Path, ...], as_json: bool) -> None:
    """Analyse article files without touching the cache.

    With --json and more than one file, prints one JSON object a line.
    """
    from newsterm import paths as path_checks
    from newsterm.extract import analyse
    from newsterm.extract.text import looks_binary
    from newsterm.ingest import files
    from newsterm.ingest.service import check_article_path
    from newsterm.render import render_analysis
    from newsterm.serialize import analysis_json

    paths = []
    for name in file:
        path = check_article_path(str(name))
        if path.is_dir():
            raise UsageError(f"{name}: is a folder; parse takes article files")
        paths.append(path)
    for path in paths:
        data = path_checks.read_regular(path, files.MAX_FILE_BYTES)
        if looks_binary(data):
            raise NewstermError(f"{path}: not a text article (binary or compressed data)")
        raw = files.read_article(path, data)
        analysis = analyse(raw.title, raw.paragraphs, authors=raw.authors)
        if as_json:
            value = analysis_json(analysis, source=str(path), published=raw.published)
            print_json(value, one_line=len(paths) > 1)
            continue
        print_article(render_analysis(analysis))


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
    store = context.store()
    finish_analysis_for(store, [query])
    hits = store.search(query, limit=limit)
    if as_json:
        print_json([search_json(h) for h in hits])
        return
    if not hits:
        output.console.print(plain(f"No articles match {query!r}."))
        return
    for hit in hits:
        title = plain(f"{hit.article.id:>6}  ", style="dim") + plain(
            hit.article.title, style="bold"
        )
        for start, end in hit.title_matches:
            title.stylize("reverse", start + 8, end + 8)
        text, spans = centre(hit.snippet, hit.snippet_matches, max(20, output.console.width - 8))
        snippet = plain("        ") + plain(text)
        for start, end in spans:
            snippet.stylize("reverse", start + 8, end + 8)
        output.console.print(title)
        output.console.print(plain(f"        {hit.article.source_title}", style="dim"))
        output.console.print(snippet)


def finish_analysis_for(store: Store, queries: Iterable[str | None]) -> None:
    """Before queries run: turn the synced items' HTML still waiting into text (the search
    index has their titles only until then), and finish the analysis backlog when a query asks
    about what it finds (``speaker:``, ``has:quotes`` ...): articles not analysed yet would be
    missing from the answer."""
    from newsterm.query import needs_analysis

    wanted = [q for q in queries if q is not None]
    if not wanted:
        return
    if any(needs_analysis(q) for q in wanted):
        finish_analysis(store)  # it converts what it analyses
    from newsterm.store import sync_html

    sync_html.convert_all(store)


def finish_analysis(store: Store) -> int:
    """Analyse every article the current analysis has not seen, with a progress bar (worker
    processes for a big backlog); returns how many."""
    from newsterm.extract import ANALYSIS_VERSION

    waiting = store.count_unanalysed(ANALYSIS_VERSION)
    if not waiting:
        return 0
    from newsterm.ingest import backlog
    from newsterm.ingest.parse_pool import ParsePool, default_workers
    from newsterm.progress import analysis_progress

    pool = ParsePool(default_workers() if waiting > backlog.POOL_FROM else 0, analysis=True)
    try:
        with analysis_progress(interactive=sys.stderr.isatty()) as progress:
            done = backlog.finish(store.path, pool=pool, progress=progress)
    finally:
        pool.close()
    store.checkpoint()
    return done


@cli.command()
@common_options
@pass_context
def reanalyse(context: Context) -> None:
    """Analyse the cached articles that the current analysis has not seen (new ones, and all
    those an older version analysed), keeping their read and starred state."""
    done = finish_analysis(context.store())
    say(f"analysed {counted(done, 'article')}")


@cli.command()
@common_options
@click.option("--speaker", help="Only quotations whose speaker contains this (any case).")
@click.option(
    "--person",
    help="Only the quotations of this person, however the articles name them (see `people`).",
)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@json_option
@pass_context
def quotes(
    context: Context, speaker: str | None, person: str | None, limit: int, as_json: bool
) -> None:
    """Quotations across the cache, newest articles first (the analysis is finished first)."""
    from newsterm.serialize import quote_hit_json

    if speaker is not None and person is not None:
        raise UsageError("give --speaker or --person, not both")
    store = context.store()
    finish_analysis(store)
    names: list[str] = []
    if person is not None:
        names = _person_names(store, person)
    found = store.quotations(speaker=speaker, person=names, limit=limit)
    if as_json:
        print_json([quote_hit_json(q) for q in found])
        return
    if not found:
        who = speaker if speaker is not None else person
        output.console.print(
            plain("No quotations." if who is None else f"No quotations by {who!r}.")
        )
        return
    for q in found:
        output.console.print(plain(f"{q.article_id:>6}  ", style="dim") + plain(f"“{q.text}”"))
        output.console.print(
            plain(f"        {q.speaker or 'unknown speaker'} · {q.title}", style="dim")
        )


@cli.command()
@common_options
@click.argument("article_id", metavar="ID", type=int)
@click.argument("numbers", metavar="[N]...", type=click.IntRange(min=1), nargs=-1)
@pass_context
def cite(context: Context, article_id: int, numbers: tuple[int, ...]) -> None:
    """Print an article's quotations as citations, one a line: “…” — Speaker, in “Title”
    (Source, date), URL (as y copies one in the app).

    N picks quotations by their number in `newsterm show ID` (all of them without N).
    """
    from newsterm.citation import citation
    from newsterm.ingest.backlog import ensure_analysed

    store = context.store()
    ensure_analysed(store, article_id)
    article = store.article(article_id)
    if article is None:
        raise UsageError(f"{article_id}: no such article (see `newsterm articles`)")
    quotes = article.quotes
    beyond = [str(n) for n in numbers if n > len(quotes)]
    if beyond:
        raise UsageError(
            f"{', '.join(beyond)}: no such quotation; article {article_id} has "
            f"{counted(len(quotes), 'quotation')}"
        )
    for number in numbers or range(1, len(quotes) + 1):
        output.console.print(plain(citation(article, quotes[number - 1])), soft_wrap=True)
    if not quotes:
        output.console.print(plain("No quotations in this article."))


def _person_names(store: Store, person: str) -> list[str]:
    """The names the people index gives ``person`` (any case); a UsageError naming the
    candidates when it is not one person's name."""
    from newsterm.extract.people import merge_names
    from newsterm.store.people import spellings

    aliases = merge_names(store.person_names())
    found = store.people(aliases, containing=person, limit=10, details=False)
    exact = [p for p in found if p.name.casefold() == person.casefold()]
    if len(exact) != 1 and len(found) != 1:
        if not found:
            raise UsageError(f"{person}: no one quoted by that name (see `newsterm people`)")
        raise UsageError(f"{person}: say which: {', '.join(p.name for p in found)}")
    return spellings(aliases, (exact or found)[0].name)


@cli.command()
@common_options
@click.argument("article_ids", metavar="ID...", type=int, nargs=-1, required=True)
@click.option("--read", "action", flag_value="read", help="Mark read.")
@click.option("--unread", "action", flag_value="unread", help="Mark unread.")
@click.option("--star", "action", flag_value="star", help="Star.")
@click.option("--unstar", "action", flag_value="unstar", help="Unstar.")
@pass_context
def mark(context: Context, article_ids: tuple[int, ...], action: str | None) -> None:
    """Mark articles read, unread, starred or not (as r and s do in the app).

    With [sync] on, the change is queued and reaches the server at the next refresh.
    """
    if action is None:
        raise UsageError("say what to do: --read, --unread, --star or --unstar")
    store = context.store()
    missing = [str(i) for i in article_ids if store.article(i) is None]
    if missing:
        raise UsageError(f"{', '.join(missing)}: no such article (see `newsterm articles`)")
    if action in ("read", "unread"):
        store.set_read(article_ids, action == "read")
    else:
        for article_id in article_ids:
            store.set_starred(article_id, action == "star")
    done = {"star": "starred", "unstar": "unstarred"}.get(action, action)
    say(f"marked {counted(len(article_ids), 'article')} {done}")


def _register() -> None:
    from newsterm.cli_people import people
    from newsterm.cli_sync import sync_group
    from newsterm.cli_views import view

    cli.add_command(people)
    cli.add_command(view)
    cli.add_command(sync_group)


_register()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning every user error into one line and an exit code."""
    with report_errors():
        try:
            cli.main(args=argv, prog_name="newsterm", standalone_mode=False)
        except click.exceptions.Abort:
            fail("aborted")
            sys.exit(130)
        except click.ClickException as exc:
            fail(exc.format_message())
            sys.exit(exc.exit_code)
