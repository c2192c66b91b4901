"""The query language's tokenizer and recursive-descent parser: text in, a small tree out.

Grammar (``and`` is implicit between terms; ``or`` binds looser than ``and``)::

    query   := or_expr END
    or_expr := and_expr (OR and_expr)*
    and_expr:= unary ((AND)? unary)*
    unary   := (NOT | "-") unary | "(" or_expr ")" | term
    term    := word | word* | "phrase" | field:value
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from newsterm.errors import NewstermError

TEXT_FIELDS = ("title", "author", "source", "tag", "speaker", "quote")
"""Fields whose value is text (a word, a prefix* or a "phrase")."""
FLAG_FIELDS = {
    "has": ("quotes", "contacts"),
    "is": ("unread", "read", "starred", "summary"),
}
COMPARE_FIELDS = ("age", "after", "before", "words")
FIELDS = (*TEXT_FIELDS, *FLAG_FIELDS, *COMPARE_FIELDS)

_OPERATORS = {"and": "AND", "or": "OR", "not": "NOT"}
_SPECIAL = set('()"')
_FIELD = re.compile(r"([A-Za-z]+):")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class QueryError(NewstermError):
    """A query that cannot be read; ``column`` (1-based) points at the mistake."""

    exit_code = 2

    def __init__(self, problem: str, column: int, query: str = "") -> None:
        self.problem = problem
        self.column = column
        self.query = query
        super().__init__(f"query column {column}: {problem}")


# -- the tree ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """Full text: a word, a prefix (``tariff*``) or a phrase; ``field`` narrows where."""

    value: str
    field: str | None = None
    """None (title and body), or one of ``TEXT_FIELDS``."""
    phrase: bool = False
    prefix: bool = False
    column: int = dataclasses.field(default=1, compare=False)
    """Where it starts (1-based; not part of what it means)."""


@dataclass(frozen=True, slots=True)
class Flag:
    """``has:quotes``, ``is:unread`` ..."""

    field: str
    value: str


@dataclass(frozen=True, slots=True)
class Compare:
    """``age:<7d`` (value in seconds), ``after:2026-11-01`` (epoch seconds), ``words:>800``."""

    field: str
    op: str
    """One of ``<``, ``<=``, ``>``, ``>=``, ``=``."""
    value: float


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


Node = Text | Flag | Compare | Not | And | Or


# -- tokens -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    """``(``, ``)``, ``-``, ``AND``, ``OR``, ``NOT``, ``TERM`` or ``END``."""
    column: int
    text: str = ""
    field: str | None = None
    phrase: bool = False
    prefix: bool = False


def tokenize(query: str) -> list[Token]:
    """Split a query into tokens, each with its 1-based column (control characters count as
    spaces: columns stay those of what was typed)."""
    query = _CONTROLS.sub(" ", query)
    tokens: list[Token] = []
    i = 0
    n = len(query)
    while i < n:
        char = query[i]
        if char.isspace():
            i += 1
            continue
        column = i + 1
        if char in "()":
            tokens.append(Token(char, column))
            i += 1
            continue
        if char == "-" and i + 1 < n and not query[i + 1].isspace():
            tokens.append(Token("-", column))
            i += 1
            continue
        field = None
        match = _FIELD.match(query, i)
        if match is not None:
            field = match.group(1).lower()
            if field not in FIELDS:
                known = ", ".join(f"{f}:" for f in FIELDS)
                raise QueryError(f"unknown field {match.group(1)}: (known: {known})", column, query)
            i = match.end()
            if i >= n or query[i].isspace() or query[i] in "()":
                raise QueryError(f"{field}: needs a value", column, query)
        if query[i] == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QueryError('a phrase is not closed (a " is missing)', i + 1, query)
            text = query[i + 1 : end]
            i = end + 1
            prefix = i < n and query[i] == "*"  # "exact phr"* : its last word as a prefix
            i += prefix
            tokens.append(Token("TERM", column, text, field, phrase=True, prefix=prefix))
            continue
        start = i
        while i < n and not query[i].isspace() and query[i] not in _SPECIAL:
            i += 1
        word = query[start:i]
        if i < n and query[i] == '"':
            raise QueryError('a " inside a word (put a space before the phrase)', i + 1, query)
        operator = _OPERATORS.get(word.lower()) if field is None else None
        if operator is not None:
            tokens.append(Token(operator, column, word))
        else:
            tokens.append(Token("TERM", column, word, field))
    tokens.append(Token("END", n + 1))
    return tokens


# -- the parser -------------------------------------------------------------------------------


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = tokenize(query)
        self.index = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def fail(self, problem: str, column: int | None = None) -> QueryError:
        return QueryError(problem, self.token.column if column is None else column, self.query)

    def parse(self) -> Node:
        if self.token.kind == "END":
            raise self.fail("the query is empty")
        node = self.or_expr()
        if self.token.kind == ")":
            raise self.fail("a ) without its (")
        return node

    def or_expr(self) -> Node:
        children = [self.and_expr()]
        while self.token.kind == "OR":
            self.index += 1
            children.append(self.and_expr())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self) -> Node:
        children = [self.unary()]
        while self.token.kind not in ("OR", ")", "END"):
            if self.token.kind == "AND":
                self.index += 1
            children.append(self.unary())
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self) -> Node:
        token = self.token
        if token.kind in ("NOT", "-"):
            self.index += 1
            return Not(self.unary())
        if token.kind == "(":
            self.index += 1
            if self.token.kind == ")":
                raise self.fail("nothing between ( and )")
            node = self.or_expr()
            if self.token.kind != ")":
                raise self.fail("this ( is not closed", token.column)
            self.index += 1
            return node
        if token.kind == "TERM":
            self.index += 1
            return _term(token, self.query)
        if token.kind == "END":
            raise self.fail(f"the query ends too soon, after {self.tokens[self.index - 1].kind}")
        raise self.fail(f"{token.text or token.kind} needs a term before it")


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_COMPARISON = re.compile(r"(<=|>=|<|>|=)?(.*)", re.DOTALL)


def _term(token: Token, query: str) -> Node:
    field, text, column = token.field, token.text, token.column
    if field is None or field in TEXT_FIELDS:
        prefix = token.prefix or (not token.phrase and text.endswith("*"))
        value = text if token.phrase else text.rstrip("*")
        if "*" in value and not token.phrase:
            raise QueryError("* only goes at the end of a word (prefix*)", column, query)
        if not (re.search(r"\w", value) if field in (None, "title") else value.strip()):
            raise QueryError(f"nothing to search for in {text!r}", column, query)
        return Text(value, field, phrase=token.phrase, prefix=prefix, column=column)
    if field in FLAG_FIELDS:
        allowed = FLAG_FIELDS[field]
        if text.lower() not in allowed:
            choices = ", ".join(f"{field}:{a}" for a in allowed)
            raise QueryError(f"{field}:{text} is not known (use {choices})", column, query)
        return Flag(field, text.lower())
    match = _COMPARISON.fullmatch(text)
    assert match is not None
    op, rest = match.group(1) or "", match.group(2)
    if field == "words":
        if not rest.isdigit() or len(rest) > 9:
            raise QueryError("words: takes a number, as in words:>800", column, query)
        return Compare(field, op or ">=", float(rest))
    if field == "age":
        from newsterm.timefmt import parse_duration

        seconds = parse_duration(rest)
        if seconds is None or rest != rest.strip():
            raise QueryError("age: takes a duration, as in age:<7d (m, h, d, w, y)", column, query)
        if op == "=":
            raise QueryError("age: takes < or >, as in age:<7d", column, query)
        return Compare(field, op or "<", seconds)
    return Compare(field, ">=" if field == "after" else "<", _date(text, field, column, query))


def _date(text: str, field: str, column: int, query: str) -> float:
    """A YYYY-MM-DD day as epoch seconds at its UTC midnight."""
    from datetime import UTC, datetime

    found = _DATE.fullmatch(text)
    try:
        if found is None:
            raise ValueError
        day = datetime(int(found[1]), int(found[2]), int(found[3]), tzinfo=UTC)
    except ValueError:
        problem = f"{field}: takes a date, as in {field}:2026-11-01"
        raise QueryError(problem, column, query) from None
    return day.timestamp()


def parse(query: str) -> Node:
    """Read a query into its tree; raises :class:`QueryError` for a bad one."""
    return _Parser(query).parse()
