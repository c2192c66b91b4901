"""``add``, ``remove``, ``sources``, ``import`` and ``export``: the subscriptions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from newsterm import output
from newsterm.cli.common import as_path, cli, common_options, json_option, pass_context, print_json
from newsterm.errors import NewstermError
from newsterm.launch import Context
from newsterm.models import Source, SourceKind
from newsterm.output import fail, plain, print_text, say
from newsterm.safe_text import clean
from newsterm.timefmt import counted

if TYPE_CHECKING:
    from rich.table import Table


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
    from newsterm.ingest import subscriptions

    cfg = context.config()
    outcome = subscriptions.add(
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
    from newsterm.ingest import subscriptions

    removed = subscriptions.remove(context.store(), context.config(), source)
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
        from newsterm.sync.subscriptions import subscription_location

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


@cli.command(name="import")
@common_options
@click.argument("file", metavar="FILE", callback=as_path)
@pass_context
def import_(context: Context, file: Path) -> None:
    """Subscribe to the feeds of an OPML file or a newsboat urls file (nothing is fetched)."""
    from newsterm.ingest import subscriptions

    report = subscriptions.import_subscriptions(context.store(), context.config(), file)
    for warning in report.warnings:
        fail(f"warning: {warning}")
    say(
        f"imported {counted(len(report.added), 'feed')}, {len(report.already)} already subscribed; "
        "`newsterm refresh` fetches them"
    )


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
@click.option("-o", "--output", metavar="FILE", callback=as_path, help="File.")
@pass_context
def export(context: Context, fmt: str, output: Path | None) -> None:
    """Write the feed subscriptions (with tags) to stdout or a file."""
    from newsterm.ingest import subscriptions
    from newsterm.paths import check_output_file, write_atomically

    if output is not None:
        check_output_file(output)
    text = subscriptions.export_subscriptions(context.store(), context.config(), fmt)
    if output is None:
        print_text(text)
        return
    try:
        write_atomically(output, clean(text))  # the file is as safe to `cat` as stdout
    except OSError as exc:
        raise NewstermError(f"{output}: cannot write: {exc.strerror}") from None
    say(f"wrote {output}", err=True)
