"""feeds.toml's text checked into a ``Config``: unknown keys and wrong types are ConfigErrors
naming the file, line and column."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

from newsterm.config import (
    SYNC_MAX_ITEMS,
    SYNC_SERVICES,
    Config,
    FeedEntry,
    Settings,
    SyncConfig,
    TagPolicy,
)
from newsterm.errors import ConfigError
from newsterm.safe_text import one_line

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
