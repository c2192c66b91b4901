"""Refresh progress for the CLI: a Rich bar on a terminal, one plain line a source otherwise
(Rich's progress module is imported only for the bar)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from newsterm import output
from newsterm.output import plain, say

if TYPE_CHECKING:
    from newsterm.ingest.outcomes import SourceOutcome

Callback = Callable[["SourceOutcome", int, int], None]


def _line(outcome: SourceOutcome, done: int, total: int) -> str:
    line = f"[{done}/{total}] {outcome.source.display_title}: "
    line += f"error: {outcome.error}" if outcome.error else f"{outcome.new} new"
    if outcome.updated:
        line += f", {outcome.updated} updated"
    if outcome.notice:
        line += f" ({outcome.notice})"
    return line


@contextmanager
def refresh_progress(total: int, *, interactive: bool) -> Iterator[Callback]:
    """Yield the progress callback for ``service.refresh``; the bar goes to stderr.

    Without a terminal, the per-source lines are a log on stdout; each failure gets its one
    line on stderr from the summary the CLI prints afterwards, not a second one here.
    """
    if not interactive:

        def line(outcome: SourceOutcome, done: int, total: int) -> None:
            say(_line(outcome, done, total))

        yield line
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    new = failed = 0
    with Progress(
        TextColumn("refreshing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[new]} new · {task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=output.err_console,
        transient=False,
    ) as bar:
        task = bar.add_task("refresh", total=total, new=0, failed=0)

        def fancy(outcome: SourceOutcome, done: int, total: int) -> None:
            nonlocal new, failed
            new += outcome.new
            failed += bool(outcome.error)
            if outcome.error or (outcome.notice and outcome.notice != "not modified"):
                style = "red" if outcome.error else "yellow"
                bar.console.print(plain(_line(outcome, done, total), style=style))
            bar.update(task, completed=done, new=new, failed=failed)

        yield fancy


@contextmanager
def analysis_progress(*, interactive: bool) -> Iterator[Callable[[int, int], None]]:
    """Yield the progress callback for ``backlog.finish`` (articles analysed, backlog size): a
    bar on stderr on a terminal, otherwise one line on stderr every tenth of the way."""
    if not interactive:
        shown = -1

        def lines(done: int, total: int) -> None:
            nonlocal shown
            tenth = done * 10 // max(total, 1)
            if tenth != shown:
                shown = tenth
                say(f"analysing: {done:,}/{total:,} articles", err=True)

        yield lines
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=output.err_console,
        transient=True,
    ) as bar:
        task = bar.add_task("analysis", total=None)

        def fancy(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield fancy
