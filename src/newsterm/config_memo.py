"""feeds.toml as last parsed, kept in the cache folder so that a start-up on an unchanged file
reads JSON (~0.1 ms) instead of parsing TOML again (tomllib: ~10 ms for 200 feeds).

The memo holds the file's whole text and the Python that parsed it (its ``tomllib``) beside
what it parsed to: it is used only for that exact text and Python, so an edit, however small
or quick, is parsed afresh. Anything unreadable or unexpected in it is ignored (and replaced on
the next parse); it holds nothing else. Each feeds.toml has its own memo file; the folder keeps
the ``KEPT`` used last (a recalled memo is touched), so it does not grow with every
``--config`` a test or benchmark ever named.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from newsterm import locations

PREFIX = "feeds-toml"
"""How every memo file's name starts (one a feeds.toml path)."""
KEPT = 4
"""Memo files kept in their folder, the most recently used."""


def memo_file(config: Path) -> Path:
    """Where the memo of the feeds.toml at ``config`` is kept: one a file (named by a checksum of
    its path, in ``$XDG_CACHE_HOME/newsterm``), so that starts on two files in turn (``--config``)
    do not each replace the other's."""
    return locations.cache_dir() / f"{PREFIX}-{zlib.crc32(os.fsencode(config)):08x}.json"


def recall(memo: Path, text: str) -> dict[str, Any] | None:
    """What ``text`` parsed to, when the memo was written for that very text by this Python;
    else None. A memo recalled is touched: it counts as used last."""
    try:
        kept = json.loads(memo.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(kept, dict) or kept.get("text") != text or kept.get("python") != sys.version:
        return None
    data = kept.get("data")
    if not isinstance(data, dict):
        return None
    with contextlib.suppress(OSError):
        os.utime(memo)
    return data


def encode(text: str, data: dict[str, Any]) -> str | None:
    """The memo of ``text`` parsed to ``data``; None when JSON cannot hold it exactly (TOML
    dates and times)."""
    try:
        memo = {"python": sys.version, "text": text, "data": data}
        encoded = json.dumps(memo, ensure_ascii=False)
    except (TypeError, ValueError):
        return None
    return encoded if json.loads(encoded)["data"] == data else None


def keep(memo: Path, encoded: str) -> None:
    """Write the memo atomically, then prune its folder to the ``KEPT`` memos used last; a
    folder that cannot be written only means no memo."""
    from newsterm.paths import write_atomically

    with contextlib.suppress(OSError):
        write_atomically(memo, encoded)
        prune(memo)


def prune(memo: Path) -> None:
    """Remove the memo files beside ``memo`` but the ``KEPT`` used last (``memo`` always kept)."""
    with contextlib.suppress(OSError):
        found: list[tuple[bool, int, str]] = []
        with os.scandir(memo.parent) as entries:
            for entry in entries:
                name = entry.name
                if not (name.startswith(PREFIX) and name.endswith(".json")):
                    continue
                if entry.is_file(follow_symlinks=False):
                    used = entry.stat(follow_symlinks=False).st_mtime_ns
                    found.append((name == memo.name, used, entry.path))
        found.sort(reverse=True)
        for _, _, path in found[KEPT:]:
            with contextlib.suppress(OSError):
                os.unlink(path)
