"""The analysis's version, in a module of its own: reading it (``reanalyse``, the app's
background pass, a worker's batch) does not load the analysis and compile its patterns."""

from __future__ import annotations

ANALYSIS_VERSION = 12
"""The version of what ``analyse`` finds. Raise it when its output changes: every cached article
analysed by an older version is analysed again (``newsterm reanalyse``, the app's background
pass, or on opening it)."""
