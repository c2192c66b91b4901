"""Compile a query tree into one SQL condition over ``articles a``.

Every piece of SQL text here is a constant of this module; what the user typed only ever
travels as a bound parameter (a LIKE pattern, a number, or an FTS5 MATCH string in which every
word is a quoted string). Full-text terms use the ``articles_fts`` index; a tree of them is
merged into one MATCH so that ``tariff OR levy -steel`` costs one index lookup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsterm.query.syntax import And, Compare, Flag, Node, Not, Or, Text, parse

_FTS_FIELDS = (None, "title")
"""Text fields answered by the full-text index (everything else by the tables)."""

_FULL_TEXT = "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
_FULL_TEXT_PER_ROW = (
    "EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = a.id)"
)
"""For a handful of known articles (``per_row``): each is looked up, in FTS5 and in the
quotations, instead of listing every match."""
_FULL_TEXT_NEWEST = (
    "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
    "AND rowid >= (SELECT min(id) FROM newest) AND rowid <= (SELECT max(id) FROM newest))"
)
"""For the newest articles only (``in_newest``: a statement whose ``newest`` lists their ids):
the hits read from the part of the index between their ids, not every hit."""
_LIKE: dict[str, str] = {
    "author": "a.authors LIKE ? ESCAPE '\\'",
    "source": (
        "a.source_id IN (SELECT id FROM sources "
        "WHERE COALESCE(title, '') LIKE ? ESCAPE '\\' OR location LIKE ? ESCAPE '\\')"
    ),
    "tag": (
        "a.source_id IN (SELECT s2.id FROM sources s2, json_each(s2.tags) t "
        "WHERE t.value LIKE ? ESCAPE '\\')"
    ),
}
_ANALYSIS: dict[str | tuple[str, str], tuple[str, str]] = {
    # as written ("Mr. Reeves") or as the people index names them ("Eric Reeves")
    "speaker": ("quotes", "(speaker LIKE ? ESCAPE '\\' OR person LIKE ? ESCAPE '\\')"),
    "quote": ("quotes", "text LIKE ? ESCAPE '\\'"),
    ("has", "quotes"): ("quotes", "1"),
    ("has", "contacts"): ("contacts", "1"),
}
"""Conditions on an article's quotations or contacts: (table, condition on its rows)."""
_FLAGS: dict[tuple[str, str], str] = {
    ("is", "unread"): "a.read = 0",
    ("is", "read"): "a.read = 1",
    ("is", "starred"): "a.starred = 1",
    # Only what the feed gave: a feed article whose full text was never fetched (or failed)
    # and whose body is its summary (the summary is the body's paragraphs on one line).
    ("is", "summary"): (
        "(a.full_text_status IS NOT 'ok' AND a.summary != '' "
        "AND a.source_id IN (SELECT id FROM sources WHERE kind = 'feed') "
        "AND instr(replace(a.body, char(10) || char(10), ' '), substr(a.summary, 1, 200)) = 1)"
    ),
}
_COLUMNS = {"words": "a.word_count", "age": "a.sort_key", "after": "a.sort_key"}
_COLUMNS["before"] = "a.sort_key"
_OPS = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "=": "="}
_AGE_OPS = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}
"""Younger than (``age:<7d``) is a later time than now minus 7 days."""


@dataclass(frozen=True, slots=True)
class CompiledQuery:
    """A query as SQL: ``where`` over ``articles a`` with ``params`` bound to its ``?``."""

    where: str
    params: tuple[object, ...]
    match: str | None
    """An FTS5 MATCH of the full-text terms every result matches (to rank results and mark
    their matches), or None when a result may match no full-text term."""
    match_is_query: bool
    """The query is ``match`` alone (a search needs no other condition)."""


def compile_query(
    query: str | Node, now: float, *, per_row: bool = False, in_newest: bool = False
) -> CompiledQuery:
    """Compile a query (text or tree); ``now`` (epoch seconds) anchors ``age:``. ``per_row``
    compiles full-text terms for testing a few given articles (``a.id IN (...)``),
    ``in_newest`` for the articles of a ``newest`` table of ids (store/search.py)."""
    node = parse(query) if isinstance(query, str) else query
    params: list[object] = []
    where = _sql(node, params, now, per_row, in_newest)
    whole = _fts(node)
    if whole is not None:
        return CompiledQuery(where, tuple(params), whole, True)
    positive = _positive_terms(node, negated=False)
    match = " OR ".join(positive) if positive and _requires_text(node) else None
    return CompiledQuery(where, tuple(params), match, False)


def compile_any(
    queries: Sequence[str], now: float, *, per_row: bool = False, in_newest: bool = False
) -> CompiledQuery:
    """The articles any of ``queries`` matches, as one condition (``[[ignore]]`` rules)."""
    node = Or(tuple(parse(q) for q in queries))
    return compile_query(node, now, per_row=per_row, in_newest=in_newest)


def uses_clock(query: str) -> bool:
    """Whether what a query matches changes with the time alone (``age:``)."""
    return _any_term(parse(query), lambda t: isinstance(t, Compare) and t.field == "age")


ANALYSED_FIELDS = ("speaker", "quote", "author", "has", "words")
"""Fields whose values the analysis writes (quotations, contacts, bylines, word counts)."""


def needs_analysis(query: str) -> bool:
    """Whether a query asks about what the analysis finds, so that articles not analysed yet
    would be missing from its answer (``speaker:``, ``has:quotes``, ``words:`` ...)."""
    return _any_term(
        parse(query), lambda t: isinstance(t, Text | Flag | Compare) and t.field in ANALYSED_FIELDS
    )


def _any_term(node: Node, test: Callable[[Node], bool]) -> bool:
    if isinstance(node, Not):
        return _any_term(node.child, test)
    if isinstance(node, And | Or):
        return any(_any_term(c, test) for c in node.children)
    return test(node)


def _phrase(term: Text) -> str:
    """A term as an FTS5 string (quotes doubled: nothing in it is read as syntax)."""
    quoted = '"' + term.value.replace('"', '""') + '"'
    if term.prefix:
        quoted += " *"
    return f"title : {quoted}" if term.field == "title" else quoted


def _fts(node: Node) -> str | None:
    """The node as one FTS5 expression, or None when the index alone cannot answer it."""
    if isinstance(node, Text):
        return _phrase(node) if node.field in _FTS_FIELDS else None
    if isinstance(node, Or):
        parts = [_fts(child) for child in node.children]
        return None if None in parts else "(" + " OR ".join(p for p in parts if p) + ")"
    if isinstance(node, And):
        positive = [c for c in node.children if not isinstance(c, Not)]
        negative = [c.child for c in node.children if isinstance(c, Not)]
        yes = [_fts(c) for c in positive]
        no = [_fts(c) for c in negative]
        if not yes or None in yes or None in no:
            return None  # FTS5's NOT needs something on its left
        expression = "(" + " AND ".join(p for p in yes if p) + ")"
        if no:
            expression = f"({expression} NOT ({' OR '.join(p for p in no if p)}))"
        return expression
    return None


def _like(value: str, *, exact: bool = False, prefix: bool = False) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if exact:
        return escaped + ("%" if prefix else "")
    return f"%{escaped}%"


def _in_analysis(key: str | tuple[str, str], per_row: bool) -> str:
    table, condition = _ANALYSIS[key]
    if per_row:
        return f"EXISTS (SELECT 1 FROM {table} WHERE article_id = a.id AND {condition})"
    return f"a.id IN (SELECT article_id FROM {table} WHERE {condition})"


def _sql(node: Node, params: list[object], now: float, per_row: bool, in_newest: bool) -> str:
    whole = _fts(node)
    if whole is not None:
        params.append(whole)
        if per_row:
            return _FULL_TEXT_PER_ROW
        return _FULL_TEXT_NEWEST if in_newest else _FULL_TEXT
    if isinstance(node, Text):
        assert node.field is not None
        if node.field == "tag":
            params.append(_like(node.value, exact=True, prefix=node.prefix))
        elif node.field in ("source", "speaker"):
            params.extend([_like(node.value)] * 2)
        else:
            params.append(_like(node.value))
        if node.field in _ANALYSIS:
            return _in_analysis(node.field, per_row)
        return _LIKE[node.field]
    if isinstance(node, Flag):
        if (node.field, node.value) in _ANALYSIS:
            return _in_analysis((node.field, node.value), per_row)
        return _FLAGS[(node.field, node.value)]
    if isinstance(node, Compare):
        if node.field == "age":
            params.append(now - node.value)
            return f"{_COLUMNS['age']} {_AGE_OPS[node.op]} ?"
        params.append(int(node.value) if node.field == "words" else node.value)
        return f"{_COLUMNS[node.field]} {_OPS[node.op]} ?"
    if isinstance(node, Not):
        return f"NOT ({_sql(node.child, params, now, per_row, in_newest)})"
    joiner = " AND " if isinstance(node, And) else " OR "
    parts = (_sql(child, params, now, per_row, in_newest) for child in node.children)
    return "(" + joiner.join(parts) + ")"


def _positive_terms(node: Node, *, negated: bool) -> list[str]:
    """The full-text terms a match shows (those not under a NOT)."""
    if isinstance(node, Text):
        return [_phrase(node)] if node.field in _FTS_FIELDS and not negated else []
    if isinstance(node, Not):
        return _positive_terms(node.child, negated=not negated)
    if isinstance(node, And | Or):
        return [t for c in node.children for t in _positive_terms(c, negated=negated)]
    return []


def _requires_text(node: Node) -> bool:
    """Whether every article the node matches matches one of its positive full-text terms."""
    if isinstance(node, Text):
        return node.field in _FTS_FIELDS
    if isinstance(node, And):
        return any(_requires_text(c) for c in node.children)
    if isinstance(node, Or):
        return all(_requires_text(c) for c in node.children)
    return False
