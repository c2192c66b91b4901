"""Pure analysis of article text: clean paragraphs, quotations, authors and contacts.

No I/O and no UI here: text in, :class:`newsterm.analysis.Analysis` out.
"""

from newsterm.extract.analyse import ANALYSIS_VERSION, analyse

__all__ = ["ANALYSIS_VERSION", "analyse"]
