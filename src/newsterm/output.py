"""The one way the command line writes for people: every string made terminal-safe first.

Anything printed may hold text from outside: a feeds.toml edited by hand, an argument echoed in
an error, a path, a server's error text, an OPML title. Lines go through :func:`say`, Rich
renderables through ``console`` (a :class:`newsterm.safe_console.SafeConsole`, the backstop)
built from :func:`plain` text, JSON through :func:`json_text`; each removes what a terminal
could act on (``newsterm.safe_text``, which the app uses too).
"""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING, Any

from newsterm.safe_text import clean, one_line

if TYPE_CHECKING:
    from rich.text import Text

_JSON_UNSAFE = re.compile("[\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
"""What ``json.dumps(ensure_ascii=False)`` leaves raw and a terminal acts on (it escapes C0)."""


def plain(text: str, style: str = "") -> Text:
    """Rich Text of ``text`` cleaned first (Rich itself drops BEL, which ends an OSC)."""
    from rich.text import Text

    return Text(clean(text), style=style)


def say(message: str, *, err: bool = False) -> None:
    """Print one line for people, on stdout or (``err``) stderr."""
    print(one_line(message), file=sys.stderr if err else sys.stdout, flush=err)


MAX_ERROR = 600
"""Longest error line: a 100,000-character argument echoed whole would bury the reason."""


def fail(message: str) -> None:
    """Print an error or warning line on stderr, prefixed with the program's name.

    A line over MAX_ERROR characters loses its middle, so both what it names and the reason
    (at the end) stay.
    """
    line = one_line(message)
    if len(line) > MAX_ERROR:
        half = MAX_ERROR // 2
        line = f"{line[:half]} … {line[-half:]}"
    say(f"newsterm: {line}", err=True)


def print_text(text: str) -> None:
    """Print a document (an export) as it is, less what a terminal could act on."""
    sys.stdout.write(clean(text))
    sys.stdout.flush()


def json_text(value: Any, *, one_line: bool = False) -> str:
    """``value`` as indented JSON (or on one line) whose every control or invisible character
    is escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=None if one_line else 2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def __getattr__(name: str) -> Any:
    """``console``, ``err_console`` and ``SafeConsole`` (:mod:`newsterm.safe_console`), loaded
    at their first use: importing Rich costs ~65 ms, which a command that prints only lines
    (``newsterm refresh`` off a terminal) never needs."""
    if name in ("console", "err_console", "SafeConsole"):
        from newsterm import safe_console

        value = getattr(safe_console, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
