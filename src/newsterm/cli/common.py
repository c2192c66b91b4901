"""Shared by the commands: ``--config``/``--db`` and ``--json``, the command group (with its
``list`` alias) and the default command, ``tui``, and printing articles and JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from newsterm import __version__, output
from newsterm.launch import Context
from newsterm.output import json_text

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


def as_path(_: click.Context, __: click.Parameter, value: str | None) -> Path | None:
    """A path as written: commands check it with one stat (``newsterm.paths``), where
    ``click.Path`` raises on a NUL byte and lets a FIFO through."""
    return None if value is None else Path(value)


def as_paths(_: click.Context, __: click.Parameter, value: tuple[str, ...]) -> tuple[Path, ...]:
    """Several paths as written (see ``as_path``)."""
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
