"""``newsterm people``: everyone quoted across all sources (the people index)."""

from __future__ import annotations

import click

from newsterm import output
from newsterm.cli import common_options, finish_analysis, json_option, pass_context, print_json
from newsterm.launch import Context
from newsterm.output import plain


@click.command()
@common_options
@click.argument("name", required=False)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@json_option
@pass_context
def people(context: Context, name: str | None, limit: int, as_json: bool) -> None:
    """Everyone quoted across all sources, the most widely quoted first (the analysis is
    finished first).

    NAME keeps the people whose name contains it (any case). A person is one name however
    the articles title them ("Senator Mark Warner", "Mr. Warner", "Warner"); descriptions
    such as "the company" name no one and are left out. `newsterm quotes --person NAME`
    lists what one of them said.
    """
    from newsterm.extract.people import merge_names
    from newsterm.serialize import person_json

    store = context.store()
    finish_analysis(store)
    found = store.people(merge_names(store.person_names()), containing=name, limit=limit)
    if as_json:
        print_json([person_json(p) for p in found])
        return
    if not found:
        output.console.print(
            plain("No one quoted yet." if name is None else f"No one quoted named like {name!r}.")
        )
        return
    from rich.table import Table

    from newsterm.timefmt import relative

    table = Table(box=None, header_style="bold")
    for column in ("articles", "quotes", "sources", "last quoted", "name"):
        table.add_column(column, justify="left" if column in ("name", "last quoted") else "right")
    for p in found:
        table.add_row(
            str(p.articles),
            str(p.quotations),
            str(p.sources or 0),
            relative(p.last_quoted),
            plain(p.name),
        )
    output.console.print(table)
