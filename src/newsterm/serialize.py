"""The stable JSON shapes of the CLI's ``--json`` output."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from newsterm.analysis import Analysis, Contact, Quote
from newsterm.models import Article, ArticleSummary, Source
from newsterm.store.people import Person
from newsterm.store.results import QuoteHit, SearchHit


def iso(value: datetime | None) -> str | None:
    """An ISO-8601 string, or None."""
    return None if value is None else value.isoformat()


def quote_json(quote: Quote) -> dict[str, Any]:
    """A quotation as JSON."""
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "person": quote.person,
        "paragraph": quote.paragraph,
        "fragment": quote.fragment,
    }


def contact_json(contact: Contact) -> dict[str, Any]:
    """A contact as JSON."""
    return asdict(contact)


def _article_fields(
    *,
    source: str,
    url: str | None,
    title: str,
    authors: list[str],
    published: datetime | None,
    paragraphs: list[str],
    quotes: list[Quote],
    contacts: list[Contact],
    word_count: int,
    reading_minutes: int,
) -> dict[str, Any]:
    """The keys ``parse`` and ``show`` share, in their documented order."""
    return {
        "source": source,
        "url": url,
        "title": title,
        "authors": list(authors),
        "published": iso(published),
        "paragraphs": list(paragraphs),
        "quotes": [quote_json(q) for q in quotes],
        "contacts": [contact_json(c) for c in contacts],
        "word_count": word_count,
        "reading_minutes": reading_minutes,
    }


def analysis_json(
    analysis: Analysis, *, source: str, url: str | None = None, published: datetime | None = None
) -> dict[str, Any]:
    """The JSON of ``newsterm parse``."""
    return _article_fields(
        source=source,
        url=url,
        title=analysis.title,
        authors=analysis.authors,
        published=published,
        paragraphs=analysis.paragraphs,
        quotes=analysis.quotes,
        contacts=analysis.contacts,
        word_count=analysis.word_count,
        reading_minutes=analysis.reading_minutes,
    )


def article_json(article: Article) -> dict[str, Any]:
    """The JSON of ``newsterm show``: the parse shape plus id and read state."""
    fields = _article_fields(
        source=article.source_title,
        url=article.url,
        title=article.title,
        authors=article.authors,
        published=article.published,
        paragraphs=article.paragraphs,
        quotes=article.quotes,
        contacts=article.contacts,
        word_count=article.word_count,
        reading_minutes=article.reading_minutes,
    )
    return {"id": article.id, **fields, "read": article.read}


def summary_json(summary: ArticleSummary) -> dict[str, Any]:
    """One row of ``newsterm articles --json``."""
    return {
        "id": summary.id,
        "source": summary.source_title,
        "source_id": summary.source_id,
        "title": summary.title,
        "published": iso(summary.published),
        "read": summary.read,
        "starred": summary.starred,
        "gone": summary.gone,
    }


def search_json(hit: SearchHit) -> dict[str, Any]:
    """One row of ``newsterm search --json``."""
    return {**summary_json(hit.article), "snippet": hit.snippet}


def source_json(source: Source, *, in_config: bool = True) -> dict[str, Any]:
    """One row of ``newsterm sources --json`` (``in_config``: listed in the feeds.toml in
    use, or a subscription of its [sync] account, so refreshed; else added with another one,
    or removed from it by hand)."""
    return {
        "id": source.id,
        "kind": source.kind.value,
        "location": source.location,
        "title": source.title,
        "tags": list(source.tags),
        "status": source.status.value,
        "last_error": source.last_error,
        "parse_note": source.parse_note,
        "last_checked": iso(source.last_checked),
        "unread": source.unread,
        "total": source.total,
        "in_config": in_config,
    }


def person_json(person: Person) -> dict[str, Any]:
    """One row of ``newsterm people --json``."""
    return {
        "name": person.name,
        "quotations": person.quotations,
        "articles": person.articles,
        "sources": person.sources,
        "last_quoted": iso(person.last_quoted),
    }


def quote_hit_json(hit: QuoteHit) -> dict[str, Any]:
    """One row of ``newsterm quotes --json``."""
    return {
        "article_id": hit.article_id,
        "title": hit.title,
        "speaker": hit.speaker,
        "text": hit.text,
        "fragment": hit.fragment,
    }
