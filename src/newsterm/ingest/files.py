"""Read article files (.txt, .md, .html) into RawArticles."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from newsterm import paths
from newsterm.analysis import RawArticle
from newsterm.config import Settings
from newsterm.errors import UsageError
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


FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf", ".json", ".feed"}
"""A feed file on disk (RSS, Atom, RDF or JSON Feed), read as a feed: one source, its items."""


def is_feed_file(path: Path) -> bool:
    """Whether this file is read as a feed (by its suffix; its content is checked on read)."""
    return path.suffix.lower() in FEED_SUFFIXES and path.is_file()


def is_article_file(path: Path) -> bool:
    """Whether newsterm reads this file as an article."""
    return path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith(".")


@dataclass(frozen=True, slots=True)
class FolderLimits:
    """How much of a folder source is walked (``[settings] max_folder_*``)."""

    files: int = Settings().max_folder_files
    """Files and folders (hidden ones aside) below the root, at most."""
    depth: int = Settings().max_folder_depth
    """Folders nested below the root, at most."""

    @classmethod
    def of(cls, settings: Settings) -> FolderLimits:
        """The limits feeds.toml sets."""
        return cls(settings.max_folder_files, settings.max_folder_depth)


class FolderTooLarge(UsageError):
    """A folder source holds more than the limits allow (``newsterm add /``)."""


@dataclass(slots=True)
class FolderScan:
    """The article files found below a root, and what could not be read on the way."""

    files: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def article_files(root: Path, limits: FolderLimits | None = None) -> FolderScan:
    """The article files at ``root``: itself if a file, else every one below it, sorted.

    Hidden files and folders are left out; symlinked folders are followed once each (a loop
    ends there); folders that cannot be read are skipped and named in ``skipped``. More entries
    or deeper nesting than ``limits`` raises FolderTooLarge before anything is read.
    """
    limits = limits or FolderLimits()
    scan = FolderScan()
    if root.is_file():
        scan.files.append(root)
        return scan
    seen: set[tuple[int, int]] = set()
    count = 0

    def walk(folder: Path, depth: int) -> None:
        nonlocal count
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                return  # a symlink back to a folder already walked
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:
                children = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            scan.skipped.append(f"{folder}: cannot read: {paths.reason(exc)}")
            return
        for entry in children:
            if entry.name.startswith("."):
                continue
            count += 1
            if count > limits.files:
                raise FolderTooLarge(
                    f"{root}: more than {limits.files} files and folders below it "
                    "(see max_folder_files in [settings]); add a smaller folder"
                )
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError:
                continue
            if is_dir:
                if depth >= limits.depth:
                    raise FolderTooLarge(
                        f"{root}: folders nested more than {limits.depth} deep "
                        "(see max_folder_depth in [settings]); add a smaller folder"
                    )
                walk(Path(entry.path), depth + 1)
            elif is_file and is_article_file(Path(entry.name)):
                scan.files.append(Path(entry.path))

    walk(root, 0)
    scan.files.sort()
    return scan


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
        data = paths.read_regular(path, MAX_FILE_BYTES)
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
