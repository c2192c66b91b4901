"""OPML subscription lists: read them (folders become tags) and write OPML 2.0.

Reading is safe against XML entity attacks: the DOCTYPE goes before expat sees the file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.utils import formatdate

from newsterm.extract.text import sanitize_line
from newsterm.ingest.safexml import UnsafeXml, guard_xml


@dataclass(frozen=True, slots=True)
class Subscription:
    """A feed in a subscription list, in any format."""

    url: str
    title: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(slots=True)
class SubscriptionList:
    """What an OPML or urls file holds, and what was left out and why."""

    feeds: list[Subscription] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class OpmlError(ValueError):
    """The file is not OPML that can be read."""


def _attr(elem: ET.Element, name: str) -> str:
    """An attribute by case-insensitive name (readers spell xmlUrl many ways)."""
    for key, value in elem.attrib.items():
        if key.lower() == name.lower():
            return value
    return ""


def _category_tags(value: str) -> list[str]:
    tags = []
    for part in value.split(","):
        for piece in part.split("/"):
            if tag := sanitize_line(piece, 100):
                tags.append(tag)
    return tags


def read_opml(data: bytes) -> SubscriptionList:
    """The feeds of an OPML file; outline folders (and ``category``) become tags."""
    try:
        root = ET.fromstring(guard_xml(data))
    except UnsafeXml as exc:
        raise OpmlError(exc.message) from None
    except ET.ParseError as exc:
        raise OpmlError(f"not well-formed XML ({exc})") from None
    body = root.find("body") if root.tag == "opml" else None
    found = SubscriptionList()
    top = body if body is not None else root
    if root.tag != "opml" and not any(True for _ in root.iter("outline")):
        raise OpmlError(f"not OPML (root element <{root.tag}>)")
    _walk(top, (), found)
    return found


def _walk(parent: ET.Element, folders: tuple[str, ...], found: SubscriptionList) -> None:
    for outline in parent:
        if outline.tag != "outline":
            _walk(outline, folders, found)  # tolerate a missing <body> and stray wrappers
            continue
        name = sanitize_line(_attr(outline, "title") or _attr(outline, "text"), 300)
        url = _attr(outline, "xmlUrl").strip()
        if not url:
            _walk(outline, (*folders, name) if name else folders, found)
            continue
        if not url.lower().startswith(("http://", "https://")):
            found.warnings.append(f"skipped {sanitize_line(url, 200)!r}: not an http(s) feed")
            continue
        if _attr(outline, "filtercmd"):
            found.warnings.append(f"{url}: its filter command was ignored (never run)")
        if name == url:
            name = ""  # readers (and our export) put the URL in text when there is no title
        tags = list(dict.fromkeys([*folders, *_category_tags(_attr(outline, "category"))]))
        found.feeds.append(Subscription(sanitize_line(url, 2000), name or None, tuple(tags)))
        _walk(outline, folders, found)


def write_opml(feeds: Sequence[Subscription], title: str = "newsterm subscriptions") -> str:
    """OPML 2.0: feeds grouped in a folder by their first tag, every tag in ``category``."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = formatdate(usegmt=True)
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.tags:
            folder = feed.tags[0]
            if folder not in folders:
                folders[folder] = ET.SubElement(body, "outline", text=folder, title=folder)
            parent = folders[folder]
        attrs = {"type": "rss", "text": feed.title or feed.url, "xmlUrl": feed.url}
        if feed.title:
            attrs["title"] = feed.title
        if len(feed.tags) > 1:
            attrs["category"] = ",".join(feed.tags)
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
