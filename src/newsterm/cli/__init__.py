"""The command line: argument handling and output only; the work is done by the core.

One module per group of commands (``feeds``, ``refresh``, ``reading``, ``analysis``), their
shared options and the group in ``common``; ``newsterm.cli:main`` runs them.

``newsterm`` with no subcommand opens the app; the UI is imported only then.
"""

from __future__ import annotations

import sys

import click

from newsterm.cli import analysis, feeds, reading, refresh  # noqa: F401  (their commands)
from newsterm.cli.analysis import finish_analysis, finish_analysis_for
from newsterm.cli.common import (
    cli,
    common_options,
    json_option,
    pass_context,
    print_article,
    print_json,
)
from newsterm.launch import report_errors
from newsterm.output import fail

__all__ = [
    "cli",
    "common_options",
    "finish_analysis",
    "finish_analysis_for",
    "json_option",
    "main",
    "pass_context",
    "print_article",
    "print_json",
]


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
