"""``newsterm view``: list, add and remove the saved queries of feeds.toml's ``[[views]]``."""

from __future__ import annotations

import click

from newsterm import output
from newsterm.cli import (
    common_options,
    finish_analysis_for,
    json_option,
    pass_context,
    print_json,
)
from newsterm.errors import UsageError
from newsterm.launch import Context
from newsterm.output import plain
from newsterm.store import ArticleFilter


@click.group()
def view() -> None:
    """Saved queries shown as sources (see docs/queries.md)."""


@view.command(name="list")
@common_options
@json_option
@pass_context
def list_(context: Context, as_json: bool) -> None:
    """Every view with its unread and total counts (ignored articles left out)."""
    config = context.config()
    store = context.store()
    finish_analysis_for(store, [*(entry.query for entry in config.views), *config.ignore])
    rows = []
    for entry in config.views:
        flt = ArticleFilter(query=entry.query, hide=config.ignore)
        unread = store.count_articles(
            ArticleFilter(query=entry.query, hide=config.ignore, unread_only=True)
        )
        rows.append((entry.title, entry.query, unread, store.count_articles(flt)))
    if as_json:
        print_json([{"title": t, "query": q, "unread": u, "total": n} for t, q, u, n in rows])
        return
    if not rows:
        output.console.print(plain('No views. Add one with `newsterm view add TITLE "QUERY"`.'))
        return
    from rich.table import Table  # for the listing only

    table = Table(box=None, header_style="bold")
    for name, justify in (
        ("title", "left"),
        ("query", "left"),
        ("unread", "right"),
        ("total", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for title, query, unread, total in rows:
        table.add_row(plain(title), plain(query), str(unread), str(total))
    output.console.print(table)


@view.command()
@common_options
@click.argument("title")
@click.argument("query")
@pass_context
def add(context: Context, title: str, query: str) -> None:
    """Save QUERY as a view called TITLE."""
    from newsterm.config_edit import add_view
    from newsterm.query import parse

    if not title.strip():
        raise UsageError("a view needs a title")
    parse(query)  # a bad query is one line naming its column, and changes nothing
    config = context.config()
    if any(v.title.strip().lower() == title.strip().lower() for v in config.views):
        raise UsageError(f"{title}: there is a view of that title already")
    add_view(context.config_path, title.strip(), query)
    output.console.print(plain(f"added view {title.strip()}"))


@view.command()
@common_options
@click.argument("title")
@pass_context
def remove(context: Context, title: str) -> None:
    """Remove the view called TITLE (case does not matter)."""
    from newsterm.config_edit import remove_view

    context.config()  # a broken feeds.toml is reported as such
    removed = remove_view(context.config_path, title)
    if removed is None:
        raise UsageError(f"{title}: no such view (see `newsterm view list`)")
    output.console.print(plain(f"removed view {removed}"))
