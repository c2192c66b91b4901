"""The stylesheet memo: a start-up recalls the rules the last one parsed, for that very CSS."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet

from newsterm.ui import css_memo
from newsterm.ui.app import PANE_STYLES
from newsterm.ui.css_memo import MemoStylesheet

CSS = PANE_STYLES.read_text(encoding="utf-8")
WHERE = (str(PANE_STYLES), "")
VARIABLES = App[None]().get_css_variables()
"""The default theme's variables (the CSS uses them)."""


def _parsed(memo: Path, css: str = CSS, variables: dict[str, str] = VARIABLES) -> MemoStylesheet:
    sheet = MemoStylesheet(variables=dict(variables), memo=memo)
    sheet.add_source(css, read_from=WHERE)
    sheet.parse()
    return sheet


def _lines(sheet: Stylesheet) -> list[str]:
    return [line for rule in sheet.rules for line in rule.styles.css_lines]


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The CSS texts Textual's own parser was asked to parse."""
    seen: list[str] = []
    parse = Stylesheet._parse_rules

    def counting(self: Stylesheet, css: str, *args: object, **kwargs: object) -> object:
        seen.append(css)
        return parse(self, css, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "_parse_rules", counting)
    return seen


def test_the_next_start_recalls_the_rules_without_parsing(
    tmp_path: Path, parses: list[str]
) -> None:
    memo = tmp_path / "stylesheet.pickle"
    first = _parsed(memo)
    first.keep()
    assert parses == [CSS] and memo.exists()
    second = _parsed(memo)
    assert parses == [CSS]  # not parsed again
    assert _lines(second) == _lines(first)
    plain = Stylesheet(variables=dict(VARIABLES))
    plain.add_source(CSS, read_from=WHERE)
    plain.parse()
    assert _lines(second) == _lines(plain)


def test_changed_css_or_variables_are_parsed_afresh(tmp_path: Path, parses: list[str]) -> None:
    memo = tmp_path / "stylesheet.pickle"
    _parsed(memo).keep()
    changed = CSS + "\n#extra { height: 3; }\n"
    sheet = _parsed(memo, changed)
    assert parses == [CSS, changed]
    assert any("height: 3" in line for line in _lines(sheet))
    _parsed(memo, variables={**VARIABLES, "primary": "#ff0000"})  # (the memo kept `changed`)
    assert len(parses) == 3  # another theme's colours: parsed again


def test_a_damaged_or_foreign_memo_is_ignored(
    tmp_path: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = tmp_path / "stylesheet.pickle"
    memo.write_bytes(b"not a pickle")
    first = _parsed(memo)
    assert parses == [CSS]
    first.keep()  # replaced by a good one
    monkeypatch.setattr(css_memo, "_textual_build", lambda: (0, 0))  # another Textual
    _parsed(memo)
    assert parses == [CSS, CSS]


def test_nothing_new_writes_nothing(tmp_path: Path) -> None:
    memo = tmp_path / "stylesheet.pickle"
    _parsed(memo).keep()
    before = memo.stat().st_mtime_ns
    _parsed(memo).keep()
    assert memo.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    "foreign",
    [
        pickle.dumps(["a", "list"]),
        pickle.dumps({(WHERE, False, 0, ""): ((0, 0), CSS, VARIABLES, b"x")}),  # older format
        pickle.dumps({"textual": None, "roots": 3}),
        pickle.dumps({"roots": [("/elsewhere", {"k": 1})]}),
        b"\x80\x05not really",
    ],
)
def test_a_foreign_memo_is_ignored_and_replaced(
    tmp_path: Path, parses: list[str], foreign: bytes
) -> None:
    memo = tmp_path / "stylesheet.pickle"
    memo.write_bytes(foreign)
    first = _parsed(memo)
    assert parses == [CSS]
    first.keep()
    assert memo.read_bytes() != foreign
    second = _parsed(memo)
    assert parses == [CSS]  # the replaced memo is read
    assert _lines(second) == _lines(first)


def test_another_textual_version_parses_afresh(
    tmp_path: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = tmp_path / "stylesheet.pickle"
    _parsed(memo).keep()
    build = css_memo._textual_build()
    monkeypatch.setattr(css_memo, "_textual_build", lambda: ("textual-99.0.dist-info", *build[1:]))
    upgraded = _parsed(memo)
    assert parses == [CSS, CSS]  # the parser's file alike, the version not
    upgraded.keep()
    _parsed(memo)
    assert parses == [CSS, CSS]


def test_the_memo_keeps_only_the_latest_installations(
    tmp_path: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = tmp_path / "stylesheet.pickle"
    roots = [f"/checkout{n}/src/newsterm" for n in range(css_memo.ROOTS_KEPT + 2)]
    for root in roots:
        monkeypatch.setattr(css_memo, "this_root", lambda root=root: root)
        _parsed(memo).keep()
    kept = pickle.loads(memo.read_bytes())["roots"]
    assert [root for root, _ in kept] == roots[::-1][: css_memo.ROOTS_KEPT]
    assert len(parses) == len(roots)
    monkeypatch.setattr(css_memo, "this_root", lambda: roots[-2])  # still kept: recalled
    _parsed(memo).keep()
    monkeypatch.setattr(css_memo, "this_root", lambda: roots[0])  # pruned: parsed again
    _parsed(memo)
    assert len(parses) == len(roots) + 1
    kept = pickle.loads(memo.read_bytes())["roots"]
    assert [root for root, _ in kept][:2] == [roots[-2], roots[-1]]


def test_a_changed_private_signature_still_parses(tmp_path: Path) -> None:
    """Textual's ``_parse_rules`` is private: arguments this memo does not know are passed on."""
    memo = tmp_path / "stylesheet.pickle"
    sheet = MemoStylesheet(variables=dict(VARIABLES), memo=memo)
    rules = sheet._parse_rules(CSS, WHERE, False, 0, scope="")
    assert rules and sheet._parse_rules(CSS, WHERE, False, 0, scope="") is rules
