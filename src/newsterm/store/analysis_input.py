"""``articles.analysis_input``: what the analysis starts from besides the title and the body,
kept beside the analysed body (its paragraphs as references to the body's where they can be)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsterm.store.columns import PARAGRAPH_SEPARATOR

if TYPE_CHECKING:
    from newsterm.analysis import Analysis, AnalysisInput, Contact


def input_json(
    paragraphs: Sequence[str | int] | None, authors: Sequence[str], contacts: Sequence[Contact]
) -> str | None:
    """``articles.analysis_input``: what the analysis starts from besides the title and, when
    ``paragraphs`` is None, the body (see the migration that added it). In ``paragraphs`` an
    integer stands for that paragraph of the stored body (see :func:`body_refs`)."""
    extra: dict[str, Any] = {}
    if paragraphs is not None:
        extra["paragraphs"] = list(paragraphs)
    if authors:
        extra["authors"] = list(authors)
    if contacts:
        extra["contacts"] = [[c.name, c.email, c.url, c.handle] for c in contacts]
    return json.dumps(extra) if extra else None


def body_refs(paragraphs: Sequence[str], body: Sequence[str]) -> list[str | int]:
    """The analysis input ``paragraphs`` as stored beside the analysed ``body`` paragraphs:
    each input paragraph found as it is in the body becomes the index of that body paragraph,
    the rest stay text. The analysis keeps most paragraphs as they are and drops some, so this
    keeps the input without writing the article's text twice."""
    index: dict[str, int] = {}
    for i, paragraph in enumerate(body):
        index.setdefault(paragraph, i)
    return [index.get(paragraph, paragraph) for paragraph in paragraphs]


def input_paragraphs(refs: Sequence[str | int], body: str) -> list[str]:
    """The analysis input's paragraphs from their stored form (:func:`body_refs`)."""
    if all(isinstance(ref, str) for ref in refs):
        return [str(ref) for ref in refs]
    kept = body.split(PARAGRAPH_SEPARATOR)
    return [kept[ref] if isinstance(ref, int) else ref for ref in refs]


def stored_input(item: AnalysisInput, analysis: Analysis, body: str) -> list[str | int] | None:
    """The input paragraphs to keep beside the analysed ``body``: None when they are the body;
    as references to its paragraphs where they can be read back from it."""
    if analysis.paragraphs == item.paragraphs:
        return None
    if body.split(PARAGRAPH_SEPARATOR) != analysis.paragraphs:  # a paragraph holds the separator
        return list(item.paragraphs)
    return body_refs(item.paragraphs, analysis.paragraphs)
