"""The app's stylesheet as last parsed, kept in the cache folder: a start-up unpickles its rules
(~1 ms) instead of parsing newsterm's .tcss files and the widgets' default CSS again (~25 ms,
a tenth of what the whole screen costs over importing Textual).

Each source's rules are kept with everything its parse depends on: the CSS text, where it was
read from, how it is ranked and the theme's variables; the whole memo with the Textual it was
parsed by (its version and its parser's file). A changed file, theme or Textual is parsed
afresh. The memo keeps the sources of the few installations that used it last (a checkout
each), so it does not grow with every checkout. It leans on Textual's private
``Stylesheet._parse_rules``: anything unexpected there or in the memo (unreadable, foreign,
another Textual) is parsed as Textual would, and the memo replaced when the app ends. It holds
nothing but parsed CSS, in the user's own cache.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from functools import cache
from pathlib import Path
from typing import Any

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

from newsterm import locations

MEMO_NAME = "stylesheet.pickle"
ROOTS_KEPT = 3
"""Installations (checkouts) whose sources the memo keeps, the most recent first."""


def memo_file() -> Path:
    """Where the memo is kept (``$XDG_CACHE_HOME/newsterm``)."""
    return locations.cache_dir() / MEMO_NAME


Key = tuple[object, ...]
"""A source: where it was read from and how it is ranked (``_parse_rules``'s other arguments)."""
Entry = tuple[str, dict[str, str], bytes]
"""A source's memo: the CSS text, the variables, its rules (pickled)."""


@cache
def _textual_build() -> tuple[str, int, int]:
    """Which Textual parses the rules: its version, from the name of its ``.dist-info`` folder
    (asking importlib reads every package's metadata, ~20 ms; this is one listing, ~0.2 ms),
    and its CSS parser's file as installed (for a checkout of Textual, without one)."""
    import textual
    from textual.css import parse

    version = ""
    with contextlib.suppress(OSError):
        site = Path(textual.__file__).parent.parent
        infos = (n for n in os.listdir(site) if n.startswith("textual-"))
        version = next((n for n in infos if n.endswith(".dist-info")), "")
    info = os.stat(parse.__file__)
    return version, info.st_mtime_ns, info.st_size


def this_root() -> str:
    """The installation the app runs from (the folder of the ``newsterm`` package)."""
    return str(Path(__file__).resolve().parent.parent)


class MemoStylesheet(Stylesheet):
    """Textual's stylesheet, parsing each source at most once across starts (``memo``)."""

    def __init__(self, *, variables: dict[str, str] | None = None, memo: Path) -> None:
        super().__init__(variables=variables)
        self.memo = memo
        self._kept: dict[Key, Entry] | None = None
        """This installation's sources in the memo."""
        self._others: list[tuple[str, dict[Key, Entry]]] = []
        """The other installations' sources, the most recent first."""
        self._stale = False
        """The memo is not as ``keep`` would write it (new rules, another order, another
        Textual, damaged)."""
        self._recalled: dict[Key, tuple[str, list[RuleSet]]] = {}
        """What this run recalled or parsed, so that each source is unpickled once."""

    def _recall(self) -> dict[Key, Entry]:
        if self._kept is None:
            self._kept, self._stale = {}, True
            with contextlib.suppress(Exception):  # (missing, damaged, foreign: parse afresh)
                memo: Any = pickle.loads(self.memo.read_bytes())
                if memo["textual"] == _textual_build():
                    roots = [(str(root), dict(kept)) for root, kept in memo["roots"]]
                    here = this_root()
                    self._kept = next((kept for root, kept in roots if root == here), {})
                    self._others = [(root, kept) for root, kept in roots if root != here]
                    self._stale = not roots or roots[0][0] != here
        return self._kept

    def _parse_rules(
        self, css: str, read_from: CSSLocation, *args: Any, **kwargs: Any
    ) -> list[RuleSet]:
        key: Key = (read_from, args, tuple(sorted(kwargs.items())))
        with contextlib.suppress(Exception):  # (anything unexpected: parse as Textual does)
            rules = self._recalled_rules(key, css)
            if rules is not None:
                return rules
        rules = super()._parse_rules(css, read_from, *args, **kwargs)
        with contextlib.suppress(Exception):
            if not any(rule.errors for rule in rules):
                self._recalled[key] = (css, rules)
                pickled = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
                # (one variables dict for every source: the memo holds it once)
                self._recall()[key] = (css, self._variables, pickled)
                self._stale = True
        return rules

    def _recalled_rules(self, key: Key, css: str) -> list[RuleSet] | None:
        """The rules kept for ``key``, if they were parsed from ``css`` with these variables."""
        recalled = self._recalled.get(key)
        if recalled is not None and recalled[0] == css:
            return recalled[1]
        entry = self._recall().get(key)
        if entry is None:
            return None
        text, variables, pickled = entry
        if text != css or variables != self._variables:
            return None
        rules = pickle.loads(pickled)
        if not (isinstance(rules, list) and all(isinstance(rule, RuleSet) for rule in rules)):
            return None
        self._recalled[key] = (css, rules)
        return rules

    def keep(self) -> None:
        """Write the memo (atomically) if it is not as this run would have it: this
        installation's sources first, then those of the few others used last."""
        if not self._stale:
            return
        from newsterm.paths import write_atomically

        self._stale = False
        roots = [(this_root(), self._recall()), *self._others[: ROOTS_KEPT - 1]]
        with contextlib.suppress(Exception):  # no memo is only a slower start
            memo = {"textual": _textual_build(), "roots": roots}
            write_atomically(self.memo, pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL))
