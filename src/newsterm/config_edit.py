"""feeds.toml edited with tomlkit (imported only to edit: start-up stays lean): each edit keeps
the user's comments and order, is checked before and after, and is written atomically: on any
error the file is left byte-for-byte as it was."""

from __future__ import annotations

from collections.abc import MutableSequence, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsterm.config_load import EMPTY_CONFIG, read_text
from newsterm.config_parse import parse_config
from newsterm.errors import ConfigError
from newsterm.paths import reason, stat_or_none, write_atomically

if TYPE_CHECKING:
    import tomlkit

    from newsterm.config import FeedEntry


def _edit(path: Path, change: Any) -> None:
    """Apply ``change(document)`` to feeds.toml, validate the result, then write it atomically."""
    import tomlkit

    present = stat_or_none(path, ConfigError) is not None or path.is_symlink()
    text = read_text(path) if present else EMPTY_CONFIG
    parse_config(text, path)  # refuse to edit a file that is already broken
    document = tomlkit.parse(text)
    change(document)
    new_text = tomlkit.dumps(document)
    parse_config(new_text, path)
    try:
        write_atomically(path, new_text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write: {reason(exc)}") from None


def _tables(document: tomlkit.TOMLDocument, key: str) -> MutableSequence[Any]:
    """The ``[[key]]`` tables of ``document``, editable in place (none when it has no such
    array of tables)."""
    from tomlkit.items import AoT

    found = document.get(key)
    return found if isinstance(found, AoT) else []


def add_feed(path: Path, entry: FeedEntry) -> None:
    """Append a ``[[feeds]]`` table to feeds.toml, keeping comments and order."""
    add_feeds(path, [entry])


def add_feeds(path: Path, entries: Sequence[FeedEntry]) -> None:
    """Append ``[[feeds]]`` tables in one atomic edit (an import of many feeds)."""
    import tomlkit

    def change(document: tomlkit.TOMLDocument) -> None:
        feeds = document.get("feeds")
        fresh = feeds is None  # (tomlkit separates the tables of a new array itself)
        if feeds is None:
            if document.as_string().strip() and not document.as_string().endswith("\n\n"):
                document.add(tomlkit.nl())  # a blank line after the comments and settings
            feeds = tomlkit.aot()
            document.append("feeds", feeds)
        for entry in entries:
            if not fresh and len(feeds) and not feeds[-1].as_string().endswith("\n\n"):
                feeds[-1].add(tomlkit.nl())  # a blank line between two tables
            table = tomlkit.table()
            if entry.url:
                table["url"] = entry.url
            if entry.path:
                table["path"] = entry.path
            if entry.title:
                table["title"] = entry.title
            if entry.tags:
                table["tags"] = list(entry.tags)
            if entry.full_text:
                table["full_text"] = True
            if entry.imported:
                table["imported"] = True
            feeds.append(table)

    _edit(path, change)


def remove_feed(path: Path, location: str) -> bool:
    """Remove the ``[[feeds]]`` table whose url or path is ``location``; True if one was."""
    removed = False

    def change(document: tomlkit.TOMLDocument) -> None:
        nonlocal removed
        feeds = _tables(document, "feeds")
        for index, table in enumerate(feeds):
            if location in (table.get("url"), table.get("path")):
                del feeds[index]
                removed = True
                return

    _edit(path, change)
    return removed


def add_view(path: Path, title: str, query: str) -> None:
    """Append a ``[[views]]`` table (validated: a bad query or a taken title changes nothing)."""
    import tomlkit

    def change(document: tomlkit.TOMLDocument) -> None:
        views = document.get("views")
        if views is None:
            document.add(tomlkit.nl())  # a blank line before the first view
            views = tomlkit.aot()
            document.append("views", views)
        elif not views[-1].as_string().endswith("\n\n"):
            views[-1].add(tomlkit.nl())  # ... and between views
        table = tomlkit.table()
        table["title"] = title
        table["query"] = query
        views.append(table)

    _edit(path, change)


def remove_view(path: Path, title: str) -> str | None:
    """Remove the ``[[views]]`` table titled ``title`` (case-insensitively); its title, or
    None when there is none."""
    removed: str | None = None

    def change(document: tomlkit.TOMLDocument) -> None:
        nonlocal removed
        views = _tables(document, "views")
        for index, table in enumerate(views):
            if str(table.get("title", "")).strip().lower() == title.strip().lower():
                removed = str(table.get("title"))
                del views[index]
                return

    _edit(path, change)
    return removed


def replace_url(path: Path, old: str, new: str) -> bool:
    """Rewrite a feed's url (after a permanent redirect); True if one was changed."""
    changed = False

    def change(document: tomlkit.TOMLDocument) -> None:
        nonlocal changed
        for table in _tables(document, "feeds"):
            if table.get("url") == old:
                table["url"] = new
                changed = True

    _edit(path, change)
    return changed
