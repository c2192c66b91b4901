"""What extraction makes of an article, and the raw article it starts from.

Ingest reads a ``RawArticle`` from a file or a feed item, ``newsterm.extract`` makes an
``Analysis`` of it (clean paragraphs, quotations, contacts), and the store saves both. Apart
from ``newsterm.models`` because the app's first frame, the article list, needs none of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation in an article body."""

    text: str
    """The quoted words, without the quotation marks."""
    speaker: str | None
    """Who said it, as written (a name or a phrase), or None when unknown."""
    paragraph: int
    """Index of the paragraph where the quotation starts."""
    fragment: bool = False
    """True for a fragment embedded in a sentence rather than a full quotation."""
    start: int = -1
    """Character offset of ``text`` within its paragraph (-1 when unknown)."""
    person: str | None = None
    """The person the speaker names, as the people index lists them: titles dropped, a surname
    alone taken back to the full name the article gives; None for descriptions ("the
    company") and unknown speakers (``extract/people.py``)."""


@dataclass(frozen=True, slots=True)
class Contact:
    """A way to reach an author."""

    name: str | None = None
    email: str | None = None
    url: str | None = None
    handle: str | None = None


@dataclass(slots=True)
class Analysis:
    """What ``newsterm.extract`` makes of one article: clean text and the journalism in it."""

    title: str
    paragraphs: list[str]
    authors: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    """Editors and contributors ("Editing by …", "… contributed to this report")."""
    dateline: str | None = None
    word_count: int = 0
    reading_minutes: int = 1


@dataclass(slots=True)
class RawArticle:
    """An article as read from a file or a feed item, before analysis."""

    guid: str
    """Stable identity within its source: feed id, else link, else title + date; path for files."""
    title: str
    paragraphs: list[str]
    url: str | None = None
    published: datetime | None = None
    authors: list[str] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    """Contacts known from metadata (feed author e-mail, mailto: links)."""
    summary: str = ""
    content_hash: str = ""
    """Hash of the content; an article whose hash changes is updated in the cache."""
    links: list[str] = field(default_factory=list)
    """Links found in the content (feed HTML)."""


@dataclass(slots=True)
class AnalysisInput:
    """What the analysis of a cached article starts from (``Store.analysis_inputs``)."""

    article_id: int
    content_hash: str
    """The article's version when read: its analysis is written only if it is still this."""
    title: str
    paragraphs: list[str]
    authors: list[str] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
