"""The app's stylesheet as last parsed, kept in the cache folder: a start-up unpickles its rules
(~1 ms) instead of parsing newsterm's .tcss files and the widgets' default CSS again (~25 ms,
a tenth of what the whole screen costs over importing Textual).

Each source's rules are kept with everything its parse depends on: the CSS text, where it was
read from, how it is ranked, the theme's variables and Textual's parser. A changed file,
theme or Textual is parsed afresh; anything unreadable in the memo is ignored
(and replaced when the app ends). It holds nothing but parsed CSS, in the user's own cache.
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


def memo_file() -> Path:
    """Where the memo is kept (``$XDG_CACHE_HOME/newsterm``)."""
    return locations.cache_dir() / MEMO_NAME


Entry = tuple[tuple[int, int], str, dict[str, str], bytes]
"""A source's memo: Textual's parser it was parsed by, the CSS text, the variables, its rules
(pickled)."""


@cache
def _textual_build() -> tuple[int, int]:
    """Which Textual parsed the rules: its CSS parser's file as installed (asking its version
    reads the package metadata, ~20 ms; an upgrade rewrites the file)."""
    from textual.css import parse

    info = os.stat(parse.__file__)
    return info.st_mtime_ns, info.st_size


class MemoStylesheet(Stylesheet):
    """Textual's stylesheet, parsing each source at most once across starts (``memo``)."""

    def __init__(self, *, variables: dict[str, str] | None = None, memo: Path) -> None:
        super().__init__(variables=variables)
        self.memo = memo
        self._kept: dict[tuple[object, ...], Entry] | None = None
        """Each source's memo, by where it was read from and how it is ranked."""
        self._added = False
        """Rules were parsed that the memo does not hold (``keep`` writes them)."""

    def _recall(self) -> dict[tuple[object, ...], Entry]:
        if self._kept is None:
            try:
                kept: Any = pickle.loads(self.memo.read_bytes())
            except Exception:  # (missing or damaged: parse afresh)
                kept = None
            self._kept = kept if isinstance(kept, dict) else {}
        return self._kept

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        cache_key = (css, read_from, is_default_rules, tie_breaker, scope)
        rules = self._parse_cache.get(cache_key)
        if rules is not None:
            return rules
        kept, key = self._recall(), cache_key[1:]
        with contextlib.suppress(Exception):  # (damaged, or kept by another Textual: parse)
            build, text, variables, pickled = kept[key]
            if build == _textual_build() and text == css and variables == self._variables:
                rules = pickle.loads(pickled)
                if isinstance(rules, list) and all(isinstance(rule, RuleSet) for rule in rules):
                    self._parse_cache[cache_key] = rules
                    return rules
        rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        if not any(rule.errors for rule in rules):
            with contextlib.suppress(Exception):
                pickled = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
                # (one variables dict for every source: the memo holds it once)
                kept[key] = (_textual_build(), css, self._variables, pickled)
                self._added = True
        return rules

    def keep(self) -> None:
        """Write the memo (atomically) if this run parsed what it did not hold."""
        if not self._added:
            return
        from newsterm.config import write_atomically

        self._added = False
        with contextlib.suppress(OSError):  # no memo is only a slower start
            write_atomically(self.memo, pickle.dumps(self._recall()))
