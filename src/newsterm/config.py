"""Settings and subscriptions from feeds.toml: read with tomllib, edited with tomlkit.

Edits keep the user's comments and order and are written atomically: on any error the file is
left byte-for-byte as it was.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsterm import locations
from newsterm.errors import ConfigError
from newsterm.safe_text import one_line

if TYPE_CHECKING:  # tomlkit is imported only when feeds.toml is edited: start-up stays lean
    import tomlkit

    from newsterm.config_rules import HighlightEntry, ViewEntry
    from newsterm.models import SourceKind


@dataclass(frozen=True, slots=True)
class Settings:
    """The ``[settings]`` table of feeds.toml."""

    mark_read_on_open: bool = True
    """Opening an article marks it read."""
    refresh_on_start: bool = True
    """The app refreshes every source in the background when it starts."""
    concurrency: int = 16
    """Feeds fetched at once."""
    per_host_concurrency: int = 4
    """Feeds fetched at once from one host."""
    connect_timeout: float = 10.0
    """Seconds to wait for a connection."""
    read_timeout: float = 30.0
    """Seconds to wait for data."""
    feed_timeout: float = 60.0
    """Seconds one feed may take in total (connect, redirects, download); 0 for no limit."""
    parse_timeout: float = 30.0
    """Seconds parsing and analysing one feed may take; 0 for no limit."""
    max_feed_bytes: int = 10 * 1024 * 1024
    """Largest feed body accepted, after decompression."""
    max_body_chars: int = 500_000
    """Characters kept of one feed item's body (a long read is 100,000); 0 for no limit."""
    max_articles_per_feed: int = 0
    """Keep at most this many articles a feed, trimming the oldest read ones (0 keeps all)."""
    refresh_every: float = 0.0
    """Seconds between refreshes of a feed (``"30m"`` in the file); 0: only when asked."""
    keep: float = 0.0
    """Seconds a read, unstarred article is kept (``"30d"`` in the file); 0: for ever."""
    full_text: bool = False
    """Fetch the full article page for new items of every feed at refresh."""
    reader_width: int = 80
    """Columns of text a line of the reader holds at most, centred (0: the pane's width)."""
    animate: bool = False
    """Scroll smoothly in the app; by default the keys jump at once."""
    max_folder_files: int = 10_000
    """Files and folders a folder source may hold; a larger one is refused (``add /``)."""
    max_folder_depth: int = 8
    """Folders a folder source may nest; a deeper one is refused."""
    allow_private_hosts: tuple[str, ...] = ()
    """Hosts that links from elsewhere (redirects, discovery, OPML, article pages) may lead to
    even though they are private, loopback or link-local (a NAS, a home server)."""


@dataclass(frozen=True, slots=True)
class TagPolicy:
    """A ``[tags.NAME]`` table: the feeds of a tag refreshed and kept alike."""

    refresh_every: float | None = None
    keep: float | None = None
    max_articles: int | None = None


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One ``[[feeds]]`` table: a feed ``url`` or an article file/folder ``path``."""

    url: str | None = None
    path: str | None = None
    title: str | None = None
    tags: tuple[str, ...] = ()
    full_text: bool = False
    imported: bool = False
    """Came from an imported OPML or urls file (a stranger's list): its host is not trusted to
    be private (see ``ingest.netguard``); deleting the line trusts it."""
    refresh_every: float | None = None
    """Seconds between refreshes, over ``[settings]`` and ``[tags.NAME]`` (None: theirs)."""
    keep: float | None = None
    """Seconds a read, unstarred article is kept (None: the tag's or the setting's)."""
    max_articles: int | None = None
    """Read, unstarred articles kept at most (None: the tag's or ``max_articles_per_feed``)."""

    @property
    def location(self) -> str:
        """The URL, or the path as written."""
        return self.url or self.path or ""


SYNC_SERVICES = ("greader",)
SYNC_MAX_ITEMS = 1000


@dataclass(frozen=True, slots=True)
class SyncConfig:
    """The ``[sync]`` table: a Google Reader API server. The password is never stored here:
    it comes from ``password_command`` or ``$NEWSTERM_SYNC_PASSWORD`` when needed."""

    url: str
    """The API base, e.g. ``https://rss.example.org/api/greader.php``."""
    user: str
    service: str = "greader"
    password_command: str | None = None
    max_items: int = SYNC_MAX_ITEMS
    """Items fetched at most on the first sync (``SYNC_MAX_ITEMS`` unless set)."""


@dataclass(frozen=True, slots=True)
class Config:
    """Everything feeds.toml says."""

    path: Path
    settings: Settings = field(default_factory=Settings)
    feeds: tuple[FeedEntry, ...] = ()
    keymap: dict[str, str] = field(default_factory=dict)
    views: tuple[ViewEntry, ...] = ()
    """Saved queries shown as sources (``[[views]]``)."""
    ignore: tuple[str, ...] = ()
    """Queries whose articles every list hides (``[[ignore]]``)."""
    highlight: tuple[HighlightEntry, ...] = ()
    """Queries whose rows the list draws in a style (``[[highlight]]``)."""
    sync: SyncConfig | None = None

    tags: dict[str, TagPolicy] = field(default_factory=dict)
    """Schedule and retention for the feeds of a tag (``[tags.NAME]``)."""
    missing: bool = False
    """The file does not exist (named by ``--config`` or ``NEWSTERM_CONFIG``): no sources."""

    @property
    def imported_urls(self) -> frozenset[str]:
        """The feed URLs that came from an imported list, not from the user."""
        return frozenset(e.url for e in self.feeds if e.url and e.imported)

    def resolve_path(self, entry: FeedEntry) -> Path:
        """An entry's path made absolute, relative to the folder of feeds.toml."""
        assert entry.path is not None
        path = Path(entry.path).expanduser()
        return path if path.is_absolute() else (self.path.parent / path)

    def source_of(self, entry: FeedEntry) -> tuple[SourceKind, str]:
        """The kind and location of the source an entry stands for in the cache (a feed's URL,
        or a folder's or file's absolute path)."""
        from newsterm.models import SourceKind

        if entry.url:
            return SourceKind.FEED, entry.url
        return SourceKind.FILES, str(self.resolve_path(entry))


_SETTING_TYPES: dict[str, tuple[type, ...]] = {
    f.name: (
        (int, float)
        if f.type in ("float", float)
        else (bool,)
        if f.type in ("bool", bool)
        else (list,)
        if str(f.type).startswith("tuple")
        else (int,)
    )
    for f in fields(Settings)
}
_DURATIONS = {"refresh_every", "keep"}
"""Settings written as durations ("30m", "2h", "30d": see timefmt.parse_duration)."""
_POLICY_KEYS = {"refresh_every", "keep", "max_articles"}
_FEED_KEYS = {"url", "path", "title", "tags", "full_text", "imported"} | _POLICY_KEYS
_TOP_KEYS = {"settings", "feeds", "keymap", "views", "ignore", "highlight", "tags", "sync"}
_SYNC_KEYS = {"service", "url", "user", "password_command", "max_items"}


def _line_of(text: str, pattern: str, start: int = 0) -> tuple[int, int]:
    """Line and column (1-based) of the first match of ``pattern`` after ``start``."""
    match = re.compile(pattern, re.MULTILINE).search(text, start)
    offset = match.start() if match else start
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _feed_table_offsets(text: str) -> list[int]:
    """Offsets of the ``[[feeds]]`` headers in the file (found once: files can be long)."""
    return [m.start() for m in re.finditer(r"^\s*\[\[\s*feeds\s*\]\]", text, re.MULTILINE)]


def _fail(path: Path, text: str, message: str, pattern: str, start: int = 0) -> ConfigError:
    line, column = _line_of(text, pattern, start)
    return ConfigError(f"{path}: line {line}, column {column}: {message}")


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """feeds.toml's text parsed, or a ConfigError saying where it is not TOML."""
    import tomllib  # (not when the parse is recalled: see load_config)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def parse_config(text: str, path: Path, data: dict[str, Any] | None = None) -> Config:
    """Validate feeds.toml text (``data``: that text already parsed); raise ConfigError naming
    the file, line and column."""
    if data is None:
        data = parse_toml(text, path)
    for key in data:
        if key not in _TOP_KEYS:
            raise _fail(path, text, f"unknown key '{key}'", rf"^\s*\[?\[?\s*{re.escape(key)}\b")
    settings = _parse_settings(data.get("settings", {}), text, path)
    raw_feeds = data.get("feeds", [])
    if not isinstance(raw_feeds, list):
        raise _fail(path, text, "'feeds' must be an array of [[feeds]] tables", r"^\s*feeds\b")
    offsets = _feed_table_offsets(text)
    feeds = tuple(
        _parse_feed(i, raw, text, path, offsets[i] if i < len(offsets) else 0)
        for i, raw in enumerate(raw_feeds)
    )
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict) or not all(isinstance(v, str) for v in keymap.values()):
        raise _fail(path, text, "[keymap] maps binding ids to key strings", r"^\s*\[keymap\]")
    rules: dict[str, Any] = {}
    if any(name in data for name in ("views", "ignore", "highlight")):
        from newsterm.config_rules import RULE_TABLES, parse_rules

        def fail(message: str, pattern: str, start: int) -> ConfigError:
            return _fail(path, text, message, pattern, start)

        for name in RULE_TABLES:
            if name in data:
                rules[name] = parse_rules(name, data[name], text, fail)
    sync = _parse_sync(data["sync"], text, path) if "sync" in data else None
    tags = _parse_tags(data["tags"], text, path) if "tags" in data else {}
    return Config(
        path=path,
        settings=settings,
        feeds=feeds,
        keymap=dict(keymap),
        sync=sync,
        tags=tags,
        **rules,
    )


def _parse_sync(raw: Any, text: str, path: Path) -> SyncConfig:
    where = r"^\s*\[sync\]"
    if not isinstance(raw, dict):
        raise _fail(path, text, "'sync' must be a table", r"^\s*sync\b")
    start = _line_offset(text, where)
    for key, value in raw.items():
        at = rf"^\s*{re.escape(key)}\s*="
        if key not in _SYNC_KEYS:
            raise _fail(path, text, f"unknown key '{key}' in [sync]", at, start)
        if key == "max_items":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise _fail(path, text, "[sync] max_items must be a positive integer", at, start)
        elif not isinstance(value, str):
            raise _fail(path, text, f"[sync] {key} must be a string", at, start)
    for key in ("url", "user"):
        if not raw.get(key):
            raise _fail(path, text, f"[sync] needs '{key}'", where)
    service = raw.get("service", "greader")
    if service not in SYNC_SERVICES:
        message = f"[sync] service '{service}' is not supported (use \"greader\")"
        raise _fail(path, text, message, r"^\s*service\s*=", start)
    url = raw["url"].strip().rstrip("/")
    if not url.lower().startswith(("http://", "https://")):
        raise _fail(path, text, "[sync] url must be http or https", r"^\s*url\s*=", start)
    return SyncConfig(
        url=url,
        user=raw["user"],
        service=service,
        password_command=raw.get("password_command") or None,
        max_items=raw.get("max_items", SYNC_MAX_ITEMS),
    )


def _parse_settings(raw: Any, text: str, path: Path) -> Settings:
    if not isinstance(raw, dict):
        raise _fail(path, text, "'settings' must be a table", r"^\s*settings\b")
    start = _line_offset(text, r"^\s*\[settings\]")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in _SETTING_TYPES:
            raise _fail(path, text, f"unknown setting '{key}'", rf"^\s*{re.escape(key)}\s*=", start)
        if key in _DURATIONS:
            values[key] = _duration(key, value, _failing(path, text, rf"^\s*{key}\s*=", start))
            continue
        expected = _SETTING_TYPES[key]
        if (isinstance(value, bool) and bool not in expected) or not isinstance(value, expected):
            name = expected[-1].__name__
            raise _fail(path, text, f"setting '{key}' must be {name}", rf"^\s*{key}\s*=", start)
        if isinstance(value, list):
            if not all(isinstance(item, str) for item in value):
                message = f"setting '{key}' must be a list of strings"
                raise _fail(path, text, message, rf"^\s*{key}\s*=", start)
            value = tuple(value)
        elif not isinstance(value, bool) and isinstance(value, int | float) and value < 0:
            raise _fail(
                path, text, f"setting '{key}' must not be negative", rf"^\s*{key}\s*=", start
            )
        values[key] = value
    return Settings(**values)


def _failing(path: Path, text: str, pattern: str, start: int) -> Callable[[str], ConfigError]:
    """A ConfigError maker for one key's line."""
    return lambda message: _fail(path, text, message, pattern, start)


def _duration(key: str, value: Any, fail: Callable[[str], ConfigError]) -> float:
    """A duration setting's seconds, or a ConfigError at its line."""
    from newsterm.timefmt import parse_duration

    seconds = parse_duration(value) if isinstance(value, str) else None
    if seconds is None:
        raise fail(f'\'{key}\' must be a duration such as "30m", "2h" or "30d"')
    return seconds


def _policy(raw: dict[str, Any], where: str, text: str, path: Path, start: int) -> dict[str, Any]:
    """The schedule and retention keys of a feed or a tag, checked."""

    def fail(key: str) -> Callable[[str], ConfigError]:
        return _failing(path, text, rf"^\s*{key}\s*=", start)

    found: dict[str, Any] = {}
    for key in ("refresh_every", "keep"):
        if key in raw:
            found[key] = _duration(key, raw[key], fail(key))
    if "max_articles" in raw:
        value = raw["max_articles"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise fail("max_articles")(f"'max_articles' in {where} must be a whole number ≥ 0")
        found["max_articles"] = value
    return found


def _parse_tags(raw: Any, text: str, path: Path) -> dict[str, TagPolicy]:
    if not isinstance(raw, dict):
        raise _fail(path, text, "'tags' must be [tags.NAME] tables", r"^\s*tags\b")
    policies = {}
    for name, table in raw.items():
        header = rf"^\s*\[\s*tags\.\s*[\"']?{re.escape(name)}\b"
        start = _line_offset(text, header)
        if not isinstance(table, dict):
            raise _fail(path, text, f"[tags.{name}] must be a table", header)
        for key in table:
            if key not in _POLICY_KEYS:
                message = (
                    f"unknown key '{key}' in [tags.{name}] (use refresh_every, keep, max_articles)"
                )
                raise _fail(path, text, message, rf"^\s*{re.escape(key)}\s*=", start)
        policies[one_line(name)] = TagPolicy(**_policy(table, f"[tags.{name}]", text, path, start))
    return policies


def _line_offset(text: str, pattern: str) -> int:
    match = re.search(pattern, text, re.MULTILINE)
    return match.start() if match else 0


def _parse_feed(index: int, raw: Any, text: str, path: Path, start: int) -> FeedEntry:
    where = r"^\s*\[\[\s*feeds\s*\]\]"
    if not isinstance(raw, dict):
        raise _fail(path, text, f"feeds[{index + 1}] must be a table", where, start)
    for key in raw:
        if key not in _FEED_KEYS:
            message = f"unknown key '{key}' in [[feeds]] #{index + 1}"
            raise _fail(path, text, message, rf"^\s*{re.escape(key)}\s*=", start)
    for key in ("url", "path", "title"):
        if key in raw and not isinstance(raw[key], str):
            raise _fail(path, text, f"'{key}' must be a string", rf"^\s*{key}\s*=", start)
    tags = raw.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise _fail(path, text, "'tags' must be a list of strings", r"^\s*tags\s*=", start)
    for key in ("full_text", "imported"):
        if not isinstance(raw.get(key, False), bool):
            raise _fail(path, text, f"'{key}' must be true or false", rf"^\s*{key}\s*=", start)
    if ("url" in raw) == ("path" in raw):
        message = f"[[feeds]] #{index + 1} needs exactly one of 'url' or 'path'"
        raise _fail(path, text, message, where, start)
    return FeedEntry(
        url=raw.get("url"),
        path=raw.get("path"),
        # Shown in the app and printed by the CLI: a hand-edited or copied feeds.toml may hold
        # escape sequences, C1 or bidi controls; they are removed here, once.
        title=one_line(raw["title"]) if "title" in raw else None,
        tags=tuple(one_line(tag) for tag in tags),
        full_text=raw.get("full_text", False),
        imported=raw.get("imported", False),
        **_policy(raw, f"[[feeds]] #{index + 1}", text, path, start),
    )


MAX_CONFIG_BYTES = 16 * 1024 * 1024
"""Largest feeds.toml read."""


def read_text(path: Path) -> str:
    """Read feeds.toml as text, turning OS errors into one-line ConfigErrors."""
    from newsterm.paths import read_regular

    try:
        return read_regular(path, MAX_CONFIG_BYTES, ConfigError).decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None


def load_config(path: Path, memo: Path | None = None) -> Config:
    """Read and validate feeds.toml; with ``memo`` (``config_memo.memo_file``), its TOML as
    parsed last time is recalled from there when the text is the same, and kept there after
    a parse of a valid file."""
    text = read_text(path)
    if memo is None:
        return parse_config(text, path)
    from newsterm import config_memo

    data = config_memo.recall(memo, text)
    if data is not None:
        return parse_config(text, path, data)
    data = parse_toml(text, path)
    encoded = config_memo.encode(text, data)  # (before the checks, which may read it)
    config = parse_config(text, path, data)
    if encoded is not None:
        config_memo.keep(memo, encoded)
    return config


def ensure_config(path: Path) -> bool:
    """On first run, copy the shipped feeds.toml (and its samples) to ``path``.

    Returns True when it created the file. Never overwrites anything.
    """
    if path.exists() or path.is_symlink():
        return False
    shipped = locations.shipped_file("feeds.toml")
    path.parent.mkdir(parents=True, exist_ok=True)
    text = shipped.read_text(encoding="utf-8") if shipped else _EMPTY_CONFIG
    samples = locations.shipped_file("samples")
    target_samples = path.parent / "samples"
    if samples and samples.is_dir() and not target_samples.exists():
        shutil.copytree(samples, target_samples)
    write_atomically(path, text)
    return True


_EMPTY_CONFIG = """\
# newsterm subscriptions. Add feeds with `newsterm add URL` or by hand:
#
# [[feeds]]
# url = "https://example.com/feed.xml"
# tags = ["news"]

[settings]
"""


def write_atomically(path: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8, or bytes as they are) to ``path`` through a temporary file and a
    rename."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _edit(path: Path, change: Any) -> None:
    """Apply ``change(document)`` to feeds.toml, validate the result, then write it atomically."""
    import tomlkit

    from newsterm.paths import reason, stat_or_none

    present = stat_or_none(path, ConfigError) is not None or path.is_symlink()
    text = read_text(path) if present else _EMPTY_CONFIG
    parse_config(text, path)  # refuse to edit a file that is already broken
    document = tomlkit.parse(text)
    change(document)
    new_text = tomlkit.dumps(document)
    parse_config(new_text, path)
    try:
        write_atomically(path, new_text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write: {reason(exc)}") from None


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
    from tomlkit.items import AoT

    removed = False

    def change(document: tomlkit.TOMLDocument) -> None:
        nonlocal removed
        feeds = document.get("feeds")
        if not isinstance(feeds, AoT):
            return
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
    from tomlkit.items import AoT

    removed: str | None = None

    def change(document: tomlkit.TOMLDocument) -> None:
        nonlocal removed
        views = document.get("views")
        if not isinstance(views, AoT):
            return
        for index, table in enumerate(views):
            if str(table.get("title", "")).strip().lower() == title.strip().lower():
                removed = str(table.get("title"))
                del views[index]
                return

    _edit(path, change)
    return removed


def replace_url(path: Path, old: str, new: str) -> bool:
    """Rewrite a feed's url (after a permanent redirect); True if one was changed."""
    from tomlkit.items import AoT

    changed = False

    def change(document: tomlkit.TOMLDocument) -> None:
        nonlocal changed
        feeds = document.get("feeds")
        if not isinstance(feeds, AoT):
            return
        for table in feeds:
            if table.get("url") == old:
                table["url"] = new
                changed = True

    _edit(path, change)
    return changed
