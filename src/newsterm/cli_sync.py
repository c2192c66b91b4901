"""``newsterm sync``: sync now, check the login, and say how many changes wait."""

from __future__ import annotations

import click

from newsterm.cli import common_options, pass_context
from newsterm.errors import NewstermError
from newsterm.launch import Context
from newsterm.output import say
from newsterm.timefmt import counted


@click.group(name="sync", invoke_without_command=True)
@common_options
@click.pass_context
def sync_group(ctx: click.Context) -> None:
    """Sync with a Google Reader API server ([sync] in feeds.toml): with no subcommand, sync
    now (send the queued changes, fetch new items and read/starred state)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(sync_now)


@sync_group.command(name="now", hidden=True)
@common_options
@pass_context
def sync_now(context: Context) -> None:
    """Sync now."""
    from newsterm.ingest import service
    from newsterm.sync.engine import run_sync

    store = context.store()
    cfg = context.config()
    service.sync_sources(store, cfg)
    report = run_sync(store, cfg)
    say(
        f"{report.new} new, {report.updated} updated, {report.sent} changes sent, "
        f"{report.received} received, {report.waiting} waiting"
    )
    if report.error:
        raise NewstermError(report.error)


@sync_group.command(name="login")
@common_options
@pass_context
def sync_login(context: Context) -> None:
    """Log in to the [sync] server afresh; say in one line what is wrong."""
    from newsterm.sync.account import check_login

    say(check_login(context.store(), context.config()))


@sync_group.command(name="status")
@common_options
@pass_context
def sync_status(context: Context) -> None:
    """How many changes wait for the server, and how the last sync went."""
    from newsterm.store.sync_queue import pending_count
    from newsterm.sync.account import account_source

    cfg = context.config()
    store = context.store()
    waiting = pending_count(store.conn)
    if cfg.sync is None:
        say(f"sync is off; {counted(waiting, 'change')} queued")
        return
    source = account_source(store, cfg.sync)
    last = source.last_error or ("ok" if source.last_checked else "never synced")
    say(f"{source.display_title}: {last}; {counted(waiting, 'change')} waiting")
