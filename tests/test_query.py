"""The query language: grammar, errors with columns, SQL that only binds what the user typed,
and each term's meaning over a real cache."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsterm.analysis import Analysis, Contact, Quote, RawArticle
from newsterm.models import SourceKind
from newsterm.query import QueryError, compile_query, parse
from newsterm.query.syntax import And, Compare, Flag, Not, Or, Text
from newsterm.store import ArticleFilter, Store
from tests.cached import save_analysed

NOW = datetime(2026, 12, 5, 12, tzinfo=UTC).timestamp()
"""The fixed clock every ``age:`` here counts from."""


# -- grammar ----------------------------------------------------------------------------------


def test_words_are_anded_and_or_binds_looser() -> None:
    assert parse("tariff levy") == And((Text("tariff", column=1), Text("levy", column=8)))
    tree = parse("a b OR c")
    assert isinstance(tree, Or) and isinstance(tree.children[0], And)
    assert parse("a or b") == parse("a OR b")
    assert parse("a AND b") == parse("a b") == parse("a and b")


def test_not_minus_parentheses_phrases_prefixes_and_fields() -> None:
    assert (
        parse("-steel") == Not(Text("steel", column=2)) == parse("NOT steel") == parse("not steel")
    )
    assert parse('"harbor tunnel"') == Text("harbor tunnel", phrase=True, column=1)
    assert parse("tarif*") == Text("tarif", prefix=True, column=1)
    assert parse('title:"a b"') == Text("a b", field="title", phrase=True, column=1)
    assert parse("speaker:Hart") == Text("Hart", field="speaker", column=1)
    assert parse("(a OR b) -c") == And(
        (Or((Text("a", column=2), Text("b", column=7))), Not(Text("c", column=11)))
    )
    assert parse("is:Unread has:quotes") == And((Flag("is", "unread"), Flag("has", "quotes")))
    assert parse("words:>800") == Compare("words", ">", 800)
    assert parse("age:<7d") == Compare("age", "<", 7 * 86400)
    assert parse("after:2026-11-01") == Compare(
        "after", ">=", datetime(2026, 11, 1, tzinfo=UTC).timestamp()
    )
    assert parse("foo-bar") == Text("foo-bar", column=1)  # a hyphen inside a word is the word's


@pytest.mark.parametrize(
    ("query", "column", "problem"),
    [
        ("", 1, "the query is empty"),
        ("   ", 4, "the query is empty"),
        ("tariff (levy", 8, "is not closed"),
        ("tariff levy)", 12, "a ) without its ("),
        ("tariff OR", 10, "ends too soon"),
        ("a ()", 4, "nothing between ( and )"),
        ('a "open phrase', 3, "phrase is not closed"),
        ("a colour:red", 3, "unknown field colour:"),
        ("is:fresh", 1, "is:fresh is not known"),
        ("age:soon", 1, "age: takes a duration"),
        ("words:many", 1, "words: takes a number"),
        ("x before:2026-02-30", 3, "before: takes a date"),
        ("a ta*ff", 3, "* only goes at the end"),
        ("title:", 1, "title: needs a value"),
        ("OR a", 1, "OR needs a term before it"),
        ("a ?!", 3, "nothing to search for"),
    ],
)
def test_a_bad_query_says_where_in_one_line(query: str, column: int, problem: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(query)
    assert caught.value.column == column
    assert problem in caught.value.problem
    assert caught.value.message == f"query column {column}: {caught.value.problem}"
    assert "\n" not in caught.value.message
    assert caught.value.exit_code == 2


# -- SQL: bound parameters only ---------------------------------------------------------------

MARK = "Zqxv"
"""A word no SQL fragment contains: found in the SQL text, user text leaked into it."""

_values = st.text(alphabet=st.sampled_from(f"{MARK}'\";%_\\*-() é\x00"), max_size=12)
_term = st.one_of(
    st.builds(lambda v: MARK + "".join(c for c in v if c not in '"*() \x00'), _values),
    st.builds(lambda v: '"' + MARK + v.replace('"', "") + '"', _values),
    st.builds(
        lambda f, v: f"{f}:" + '"' + MARK + v.replace('"', "") + '"',
        st.sampled_from(["title", "author", "source", "tag", "speaker", "quote"]),
        _values,
    ),
    st.sampled_from(["is:unread", "is:starred", "is:summary", "has:quotes", "has:contacts"]),
    st.sampled_from(["age:<7d", "age:>2w", "after:2026-11-01", "before:2027-01-01", "words:>8"]),
)
_query = st.recursive(
    _term,
    lambda inner: st.one_of(
        st.builds(lambda a, b: f"{a} {b}", inner, inner),
        st.builds(lambda a, b: f"{a} OR {b}", inner, inner),
        st.builds(lambda a: f"-{a}", inner),
        st.builds(lambda a: f"NOT ({a})", inner),
        st.builds(lambda a: f"({a})", inner),
    ),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def empty_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(tmp_path_factory.mktemp("q") / "cache.db") as store:
        yield store


@settings(max_examples=300, deadline=None)
@given(_query)
def test_valid_queries_compile_to_bound_sql_that_runs(empty_cache: Store, query: str) -> None:
    compiled = compile_query(query, NOW)
    assert MARK.lower() not in compiled.where.lower()
    assert compiled.where.count("?") == len(compiled.params)
    empty_cache.conn.execute(
        f"SELECT COUNT(*) FROM articles a WHERE {compiled.where}", compiled.params
    ).fetchone()
    empty_cache.search(query, now=NOW)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | _query.map(lambda q: q[:-1]))
def test_any_string_parses_or_raises_the_one_error(empty_cache: Store, query: str) -> None:
    try:
        compiled = compile_query(query, NOW)
    except QueryError as exc:
        assert 1 <= exc.column <= len(query) + 1
        assert "\n" not in exc.message
        return
    assert compiled.where.count("?") == len(compiled.params)
    for value in query.split():
        if len(value) > 3 and value.isalpha():
            assert value not in compiled.where or value in ("SELECT", "WHERE", "MATCH")
    empty_cache.conn.execute(
        f"SELECT COUNT(*) FROM articles a WHERE {compiled.where}", compiled.params
    ).fetchone()


def test_full_text_terms_merge_into_one_match() -> None:
    compiled = compile_query("tariff OR levy -steel", NOW)
    assert compiled.where.count("MATCH") == 1
    assert compiled.match_is_query
    assert compiled.params == ('("tariff" OR (("levy") NOT ("steel")))',)
    mixed = compile_query("tariff is:unread", NOW)
    assert mixed.match == '"tariff"' and not mixed.match_is_query
    assert compile_query("tariff OR is:starred", NOW).match is None  # a hit may match no word


# -- meaning, over a cache --------------------------------------------------------------------


def _article(
    guid: str,
    title: str,
    body: str,
    *,
    day: int,
    author: str = "Ada Reporter",
    quotes: tuple[tuple[str, str | None], ...] = (),
    contacts: bool = False,
    words: int = 100,
) -> tuple[RawArticle, Analysis]:
    raw = RawArticle(
        guid=guid,
        title=title,
        paragraphs=[body],
        content_hash=guid,
        published=datetime(2026, 11, day, tzinfo=UTC),
    )
    analysis = Analysis(
        title=title,
        paragraphs=[body],
        authors=[author],
        quotes=[Quote(text=t, speaker=s, paragraph=0, start=0) for t, s in quotes],
        contacts=[Contact(name=author, email="a@example.com")] if contacts else [],
        word_count=words,
        reading_minutes=1,
    )
    return raw, analysis


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "cache.db") as store:
        news = store.upsert_source(
            SourceKind.FEED, "https://news.example/rss", title="Harbour News", tags=["local"]
        )
        wire = store.upsert_source(
            SourceKind.FEED, "https://wire.example/rss", title="Wire", tags=["world"]
        )
        save_analysed(
            store,
            news.id,
            [
                _article(
                    "t1",
                    "Tariff vote tonight",
                    "The council votes on the tariff. Steel makers object.",
                    day=30,
                    quotes=(("we will not pay the tariff", "Ben Hart"),),
                    words=900,
                ),
                _article(
                    "t2",
                    "Levy on ferries",
                    "A harbor tunnel levy was approved.",
                    day=2,
                    author="Cy Writer",
                    contacts=True,
                ),
            ],
        )
        save_analysed(
            store,
            wire.id,
            [
                _article(
                    "w1",
                    "Steel prices",
                    "Steel tariffs rise again.",
                    day=29,
                    quotes=(("prices will climb", None),),
                )
            ],
        )
        yield store


def _titles(store: Store, query: str) -> list[str]:
    return sorted(a.title for a in store.list_articles(ArticleFilter(query=query, now=NOW)))


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("tariff", ["Tariff vote tonight"]),
        ("tariff*", ["Steel prices", "Tariff vote tonight"]),
        ("tariff OR levy", ["Levy on ferries", "Tariff vote tonight"]),
        ("steel -tariff", ["Steel prices"]),
        ("steel NOT tariff*", []),
        ('"harbor tunnel"', ["Levy on ferries"]),
        ('"tunnel harbor"', []),
        ("title:steel", ["Steel prices"]),
        ("author:writer", ["Levy on ferries"]),
        ("source:wire", ["Steel prices"]),
        ("source:harbour", ["Levy on ferries", "Tariff vote tonight"]),
        ("tag:world", ["Steel prices"]),
        ("tag:wor", []),
        ("tag:wor*", ["Steel prices"]),
        ('speaker:"ben hart"', ["Tariff vote tonight"]),
        ("quote:climb", ["Steel prices"]),
        ("has:quotes", ["Steel prices", "Tariff vote tonight"]),
        ("has:contacts", ["Levy on ferries"]),
        ("-has:quotes", ["Levy on ferries"]),
        ("age:<7d", ["Steel prices", "Tariff vote tonight"]),
        ("age:>7d", ["Levy on ferries"]),
        ("after:2026-11-29", ["Steel prices", "Tariff vote tonight"]),
        ("before:2026-11-29", ["Levy on ferries"]),
        ("words:>800", ["Tariff vote tonight"]),
        ("words:<800", ["Levy on ferries", "Steel prices"]),
        ("(steel OR levy) has:quotes", ["Steel prices", "Tariff vote tonight"]),
        ("(title:steel OR levy) has:quotes", ["Steel prices"]),
        ("tariff OR has:contacts", ["Levy on ferries", "Tariff vote tonight"]),
        ("100% ok_", []),  # LIKE's wildcards and FTS syntax are plain text
        ("author:%", []),
    ],
)
def test_each_term_selects_what_it_says(cache: Store, query: str, titles: list[str]) -> None:
    assert _titles(cache, query) == titles


def test_read_starred_and_summary_flags(cache: Store) -> None:
    tariff = next(a for a in cache.list_articles() if a.title.startswith("Tariff"))
    cache.set_read([tariff.id])
    cache.set_starred(tariff.id, True)
    assert _titles(cache, "is:read") == ["Tariff vote tonight"]
    assert _titles(cache, "is:starred") == ["Tariff vote tonight"]
    assert "Tariff vote tonight" not in _titles(cache, "is:unread")
    # The saved articles carry no summary (the body came whole): none is summary-only.
    assert _titles(cache, "is:summary") == []
    cache.conn.execute("UPDATE articles SET summary = body WHERE id = ?", (tariff.id,))
    assert _titles(cache, "is:summary") == ["Tariff vote tonight"]
    cache.conn.execute("UPDATE articles SET full_text_status = 'ok' WHERE id = ?", (tariff.id,))
    assert _titles(cache, "is:summary") == []


def test_search_ranks_marks_and_centres_the_first_match(cache: Store) -> None:
    save_analysed(
        cache,
        1,
        [
            _article(
                "long",
                "A long report",
                " ".join(["filler"] * 200) + " the harbor tunnel opens " + "tail " * 50,
                day=3,
            )
        ],
    )
    hits = cache.search('"harbor tunnel" OR levy', now=NOW)
    assert {h.article.title for h in hits} == {"Levy on ferries", "A long report"}
    long = next(h for h in hits if h.article.title == "A long report")
    start, end = long.snippet_matches[0]
    assert long.snippet[start:end].lower() == "harbor tunnel"
    assert long.snippet.startswith("…")  # cut before the match, which sits in the middle
    assert abs(start - (len(long.snippet) - end)) < 60
    levy = next(h for h in hits if h.article.title == "Levy on ferries")
    assert [levy.article.title[a:b] for a, b in levy.title_matches] == ["Levy"]
    # without full-text terms: newest first, nothing marked
    flagged = cache.search("has:quotes", now=NOW)
    assert [h.article.title for h in flagged] == ["Tariff vote tonight", "Steel prices"]
    assert all(h.snippet_matches == [] for h in flagged)


def test_match_spans_cover_every_hit_in_the_body(cache: Store) -> None:
    steel = next(a for a in cache.list_articles() if a.title == "Steel prices")
    assert cache.match_spans(steel.id, "steel -levy") == [(0, 0, 5)]
    tariff = next(a for a in cache.list_articles() if a.title.startswith("Tariff"))
    spans = cache.match_spans(tariff.id, "tariff OR steel")
    body = "The council votes on the tariff. Steel makers object."
    assert [body[a:b] for _, a, b in spans] == ["tariff", "Steel"]
    assert cache.match_spans(tariff.id, "is:unread") == []


def test_the_sql_never_holds_the_users_text() -> None:
    hostile = '"x\'); DROP TABLE articles; --" author:"\'; DELETE" tag:a%_'
    with pytest.raises(QueryError):
        compile_query(hostile[:-9], NOW)  # the phrase left open
    compiled = compile_query(hostile, NOW)
    assert "DROP" not in compiled.where and "DELETE" not in compiled.where
    assert sqlite3.complete_statement(f"SELECT 1 WHERE {compiled.where};")
    assert compiled.where.count("?") == len(compiled.params) == 3
