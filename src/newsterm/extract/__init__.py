"""Pure analysis of article text: clean paragraphs, quotations, authors and contacts.

No I/O and no UI here: text in, :class:`newsterm.analysis.Analysis` out.
"""

from newsterm.extract.analyse import analyse

__all__ = ["analyse"]
