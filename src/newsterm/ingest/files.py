"""Read article files (.txt, .md, .html) into RawArticles."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from newsterm.analysis import RawArticle
from newsterm.extract.html import html_to_text
from newsterm.extract.text import (
    decode,
    parse_article_text,
    sanitize,
    sanitize_line,
    split_paragraphs,
)

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES
MAX_FILE_BYTES = 10 * 1024 * 1024


FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf", ".json", ".feed"}
"""A feed file on disk (RSS, Atom, RDF or JSON Feed), read as a feed: one source, its items."""


def is_feed_file(path: Path) -> bool:
    """Whether this file is read as a feed (by its suffix; its content is checked on read)."""
    return path.suffix.lower() in FEED_SUFFIXES and path.is_file()


def is_article_file(path: Path) -> bool:
    """Whether newsterm reads this file as an article."""
    return path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith(".")


def article_files(root: Path) -> Iterator[Path]:
    """The article files at ``root``: itself if a file, else every one below it, sorted."""
    if root.is_file():
        yield root
        return
    for path in sorted(root.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.is_file() and is_article_file(path):
            yield path


def content_hash(data: bytes) -> str:
    """The hash that tells a changed file from an unchanged one."""
    return hashlib.sha256(data).hexdigest()


_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)
_MD_QUOTE = re.compile(r"^\s*>\s?", re.MULTILINE)


def parse_markdown(text: str) -> tuple[str, list[str]]:
    """Markdown: the first heading (else first line) is the title; syntax is reduced to text."""
    text = sanitize(text)
    lines = text.split("\n")
    title = ""
    for index, line in enumerate(lines):
        if line.strip():
            title = _MD_HEADING.sub("", line.strip())
            del lines[index]
            break
    body = "\n".join(lines)
    body = _MD_LINK.sub(r"\1", body)
    body = _MD_QUOTE.sub("", _MD_LIST.sub("", body))
    body = "\n".join(_MD_HEADING.sub("", line) for line in body.split("\n"))
    body = _MD_EMPHASIS.sub("", body)
    return sanitize_line(_MD_EMPHASIS.sub("", title)), split_paragraphs(body)


def parse_html(text: str) -> tuple[str, list[str]]:
    """HTML: the first <h1> (else <title>) is the title; block elements are paragraphs."""
    result = html_to_text(text)
    title = result.heading or result.title
    paragraphs = [p for p in result.paragraphs if p != title]
    return sanitize_line(title), paragraphs


def parse_article_bytes(data: bytes, suffix: str) -> tuple[str, list[str]]:
    """Decode and parse an article file's bytes by its suffix."""
    text = decode(data)
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return parse_html(text)
    if suffix in MARKDOWN_SUFFIXES:
        return parse_markdown(text)
    return parse_article_text(text)


def read_article(path: Path, data: bytes | None = None) -> RawArticle:
    """Read one article file; its absolute path is its identity, its bytes' hash its version."""
    if data is None:
        data = path.read_bytes()
    title, paragraphs = parse_article_bytes(data, path.suffix)
    try:
        published = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        published = None
    return RawArticle(
        guid=str(path.resolve()),
        title=title or path.stem,
        paragraphs=paragraphs,
        url=None,
        published=published,
        content_hash=content_hash(data),
    )
