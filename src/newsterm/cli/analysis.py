"""``reanalyse``, ``quotes`` and ``cite``, and finishing the analysis before a query needs it."""

from __future__ import annotations

import sys
from collections.abc import Iterable

import click

from newsterm import output
from newsterm.cli.common import cli, common_options, json_option, pass_context, print_json
from newsterm.errors import UsageError
from newsterm.launch import Context
from newsterm.output import plain, say
from newsterm.store import Store
from newsterm.timefmt import counted


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
