"""Pure analysis of article text: clean paragraphs, quotations, authors and contacts.

No I/O and no UI here: text in, :class:`newsterm.analysis.Analysis` out.

The analysis (``analyse``, ``ANALYSIS_VERSION``) is imported on first use, so the parse
workers, which need only ``extract.text`` and ``extract.html`` for a refresh, do not compile
its patterns. The function shares its name with the submodule ``extract.analyse``: importing
that submodule sets the package's attribute ``analyse`` to it, which a module-level
``__getattr__`` would then never see; a property on the package's class keeps the name the
function's.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsterm.extract.analyse import ANALYSIS_VERSION, analyse

__all__ = ["ANALYSIS_VERSION", "analyse"]


class _Package(types.ModuleType):
    @property
    def analyse(self) -> Any:
        found = self.__dict__.get("_analyse")
        if found is None:
            from newsterm.extract.analyse import analyse as found

            self.__dict__["_analyse"] = found
        return found

    @analyse.setter
    def analyse(self, value: object) -> None:
        """The import system setting the submodule is ignored: the name stays the function's
        (or what a test put in its place)."""
        if not isinstance(value, types.ModuleType):
            self.__dict__["_analyse"] = value


def __getattr__(name: str) -> Any:
    if name == "ANALYSIS_VERSION":
        from newsterm.extract.analyse import ANALYSIS_VERSION

        globals()[name] = ANALYSIS_VERSION
        return ANALYSIS_VERSION
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


sys.modules[__name__].__class__ = _Package
