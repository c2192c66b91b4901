"""The query-based tables of feeds.toml: ``[[views]]``, ``[[ignore]]`` and ``[[highlight]]``.

Each query is checked with the query language's parser when feeds.toml is read, so a view
never fails later; a mistake is reported at its line and column in the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsterm.errors import ConfigError
from newsterm.safe_text import one_line

RULE_TABLES = ("views", "ignore", "highlight")
_KEYS = {"views": {"title", "query"}, "ignore": {"query"}, "highlight": {"query", "style"}}

Fail = Callable[[str, str, int], ConfigError]
"""``fail(message, pattern, start)``: a ConfigError at the first match of the pattern."""


@dataclass(frozen=True, slots=True)
class ViewEntry:
    """A saved query shown as a source: ``[[views]] title = "..." query = "..."``."""

    title: str
    query: str


@dataclass(frozen=True, slots=True)
class HighlightEntry:
    """Rows a query matches, drawn in a style: ``[[highlight]] query = ".." style = ".."``."""

    query: str
    style: str


_THEME_VARIABLE = re.compile(
    r"\$(?:text-|block-cursor-)?(?:primary|secondary|accent|warning|error|success|foreground"
    r"|background|surface|panel|boost)(?:-muted|-lighten-[1-3]|-darken-[1-3])?"
)


def check_style(style: str) -> str | None:
    """Why a highlight style is refused (None when it is a Rich style, theme variables
    such as ``$warning`` allowed)."""
    from rich.errors import StyleSyntaxError
    from rich.style import Style

    if not style.strip() or len(style) > 200 or "[" in style:
        return 'a style such as "bold $warning" or "italic red on black"'
    if "$" in _THEME_VARIABLE.sub("", style):
        return "unknown theme variable (use $primary, $accent, $warning, $error, $success …)"
    try:
        Style.parse(_THEME_VARIABLE.sub("red", style))
    except (StyleSyntaxError, ValueError) as exc:
        return f"not a style: {exc}"
    return None


def table_offsets(text: str, name: str) -> list[int]:
    """Offsets of the ``[[name]]`` headers in the file."""
    pattern = rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]"
    return [m.start() for m in re.finditer(pattern, text, re.MULTILINE)]


def _query_column(text: str, start: int) -> int:
    """The column in the file just inside the quote of the ``query = "`` at or after start."""
    match = re.compile(r"^(\s*query\s*=\s*['\"]{1,3})", re.MULTILINE).search(text, start)
    return len(match.group(1)) if match else 0


def parse_rules(
    name: str, raw: Any, text: str, fail: Fail
) -> tuple[ViewEntry | HighlightEntry | str, ...]:
    """Validate one of the rule tables (a view, an ignore query, a highlight)."""
    from newsterm.query import QueryError, parse

    header = rf"^\s*\[\[\s*{name}\s*\]\]"
    if not isinstance(raw, list):
        raise fail(f"'{name}' must be an array of [[{name}]] tables", rf"^\s*{name}\b", 0)
    offsets = table_offsets(text, name)
    found: list[ViewEntry | HighlightEntry | str] = []
    titles: set[str] = set()
    for index, table in enumerate(raw):
        start = offsets[index] if index < len(offsets) else 0
        where = f"[[{name}]] #{index + 1}"
        if not isinstance(table, dict):
            raise fail(f"{where} must be a table", header, start)
        for key in table:
            if key not in _KEYS[name]:
                raise fail(f"unknown key '{key}' in {where}", rf"^\s*{re.escape(key)}\s*=", start)
        for key in sorted(_KEYS[name]):
            value = table.get(key)
            if not isinstance(value, str) or not value.strip():
                raise fail(f"{where} needs '{key}', a non-empty string", header, start)
        query = table["query"]
        try:
            parse(query)
        except QueryError as exc:
            column_shift = _query_column(text, start)
            raise fail(
                f"{where}: {exc.problem} (query column {exc.column + column_shift})",
                r"^\s*query\s*=",
                start,
            ) from None
        if name == "views":
            title = one_line(table["title"]).strip()  # shown in the sources pane: made safe
            if title.lower() in titles:
                raise fail(f"{where}: a view titled '{title}' comes earlier", header, start)
            titles.add(title.lower())
            found.append(ViewEntry(title, query))
        elif name == "highlight":
            problem = check_style(table["style"])
            if problem is not None:
                raise fail(f"{where}: style: {problem}", r"^\s*style\s*=", start)
            found.append(HighlightEntry(query, table["style"]))
        else:
            found.append(query)
    return tuple(found)
