"""A quotation as a citation: what was said, who said it, where and when, and the link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsterm.models import Article

if TYPE_CHECKING:  # (the analysis records load with the first article shown)
    from newsterm.analysis import Quote


def citation(article: Article, quote: Quote) -> str:
    """A quotation with its source, in one quote style: “…” — Speaker, in “Title” (Source,
    date), URL."""
    speaker = quote.speaker or "unattributed"
    where = article.source_title
    if article.published is not None:
        local = article.published.astimezone()
        where += f", {local.day} {local:%b %Y}"
    cited = f"“{quote.text}” — {speaker}, in “{article.title}” ({where})"
    return f"{cited}, {article.url}" if article.url else cited
