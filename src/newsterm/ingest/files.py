"""Read article files (.txt, .md, .html) into RawArticles."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from newsterm.analysis import RawArticle
from newsterm.extract.fulltext import extract_full_text
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


def parse_html(text: str) -> tuple[str, list[str], list[str]]:
    """HTML: the page's main text, by the same extraction as the full-text path.

    The first <h1> (else <title>) is the title. A page the extraction finds no text in (a
    bare fragment) keeps its block elements as paragraphs. Also returns the author names of
    the page's metadata.
    """
    result = html_to_text(text)
    title = sanitize_line(result.heading or result.title)
    page = extract_full_text(text, title=title)
    if page.paragraphs:
        return title or page.title, page.paragraphs, page.authors
    return title, [p for p in result.paragraphs if p != title], page.authors


def parse_article_bytes(data: bytes, suffix: str) -> tuple[str, list[str], list[str]]:
    """Decode and parse an article file's bytes by its suffix: title, paragraphs, authors."""
    text = decode(data)
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return parse_html(text)
    if suffix in MARKDOWN_SUFFIXES:
        return (*parse_markdown(text), [])
    return (*parse_article_text(text), [])


def read_article(path: Path, data: bytes | None = None) -> RawArticle:
    """Read one article file; its absolute path is its identity, its bytes' hash its version."""
    if data is None:
        data = path.read_bytes()
    title, paragraphs, authors = parse_article_bytes(data, path.suffix)
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
        authors=authors,
        content_hash=content_hash(data),
    )
