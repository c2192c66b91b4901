"""Pure analysis of article text: clean paragraphs, quotations, authors and contacts.

No I/O and no UI here: text in, :class:`newsterm.analysis.Analysis` out.

The analysis (``analyse``, from ``extract.pipeline``) is imported on first use, so the parse
workers, which need only ``extract.text`` and ``extract.html`` for a refresh, do not compile its
patterns; ``ANALYSIS_VERSION`` (``extract.version``) is read without loading it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsterm.extract.pipeline import analyse
    from newsterm.extract.version import ANALYSIS_VERSION

__all__ = ["ANALYSIS_VERSION", "analyse"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        value: Any
        if name == "ANALYSIS_VERSION":
            from newsterm.extract import version

            value = version.ANALYSIS_VERSION
        else:
            from newsterm.extract import pipeline

            value = pipeline.analyse
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
