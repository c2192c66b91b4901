"""The one query language of search, views, ignore and highlight rules (see docs/queries.md).

``parse`` turns what a user typed into a tree (``syntax``); ``compile_query`` turns the tree
into one SQL condition over ``articles a`` with bound parameters only (``sql``). A bad query
raises :class:`QueryError`, one line naming the column of the mistake.
"""

from newsterm.query.sql import (
    CompiledQuery,
    compile_any,
    compile_query,
    needs_analysis,
    uses_clock,
)
from newsterm.query.syntax import QueryError, parse

__all__ = [
    "CompiledQuery",
    "QueryError",
    "compile_any",
    "compile_query",
    "needs_analysis",
    "parse",
    "uses_clock",
]
