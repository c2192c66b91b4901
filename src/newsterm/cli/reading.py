"""``articles`` (``list``), ``show``, ``parse``, ``search`` and ``mark``: reading the cache."""

from __future__ import annotations

from pathlib import Path

import click

from newsterm import output
from newsterm.cli.analysis import finish_analysis_for
from newsterm.cli.common import (
    as_paths,
    cli,
    common_options,
    json_option,
    pass_context,
    print_article,
    print_json,
)
from newsterm.errors import NewstermError, UsageError
from newsterm.launch import Context
from newsterm.output import plain, say
from newsterm.store import ArticleFilter, Store
from newsterm.timefmt import counted


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
@click.argument("file", metavar="FILE...", nargs=-1, required=True, callback=as_paths)
@json_option
def parse(file: tuple[Path, ...], as_json: bool) -> None:
    """Analyse article files without touching the cache.

    With --json and more than one file, prints one JSON object a line.
    """
    from newsterm import paths as path_checks
    from newsterm.extract import analyse
    from newsterm.extract.text import looks_binary
    from newsterm.ingest import files
    from newsterm.ingest.targets import check_article_path
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
