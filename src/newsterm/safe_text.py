"""Terminal-safe text for anything shown that came from outside newsterm.

Feed and file text is sanitised once, at ingest. Text that reaches the screen another way (a
feeds.toml edited by hand or copied from a stranger, an argument echoed in an error, a path, a
server's error message) goes through :func:`clean` or :func:`one_line` before it is shown, by
the command line (``newsterm.output``) and the app alike. Both return printable text unchanged
at once; only text holding something a terminal could act on pays for
``extract.text.sanitize`` (escape sequences, C0/C1 controls, bidi and zero-width characters).
"""

from __future__ import annotations


def _printable(text: str) -> bool:
    """Whether ``text`` holds nothing ``sanitize`` acts on (it acts on no printable character)."""
    return text.replace("\n", "").replace("\t", "").isprintable()


def clean(text: str) -> str:
    """``text`` safe for a terminal; newlines and tabs kept."""
    if text.isprintable() or _printable(text):  # (most text: one check, no copy)
        return text
    # Here only: importing ``extract`` loads the analysis, which most processes never need.
    from newsterm.extract.text import sanitize

    return sanitize(text)


def one_line(text: str) -> str:
    """``text`` safe for a terminal, on one line (newlines and tabs become spaces)."""
    return clean(text).replace("\n", " ").replace("\t", " ")
