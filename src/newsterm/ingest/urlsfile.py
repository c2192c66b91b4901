"""newsboat's ``urls`` file: one feed a line, then tags, with ``"~Title"`` renaming it.

``query:``, ``exec:`` and ``filter:`` lines are commands or views in newsboat; newsterm skips them
with a warning and never runs anything from them.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence

from newsterm.extract.text import decode, sanitize_line
from newsterm.ingest.opml import Subscription, SubscriptionList

SKIPPED_SCHEMES = ("query:", "exec:", "filter:")


def read_urls(data: bytes) -> SubscriptionList:
    """The feeds of a newsboat urls file."""
    found = SubscriptionList()
    for number, line in enumerate(decode(data).splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            words = shlex.split(line, comments=False, posix=True)
        except ValueError:
            words = line.split()
        url, rest = words[0], words[1:]
        lowered = url.lower()
        if lowered.startswith(SKIPPED_SCHEMES):
            kind = lowered.split(":", 1)[0]
            found.warnings.append(f"line {number}: skipped a {kind}: feed (never run or imported)")
            continue
        if not lowered.startswith(("http://", "https://")):
            shown = sanitize_line(url, 200)
            found.warnings.append(f"line {number}: skipped {shown!r}: not an http(s) URL")
            continue
        title = None
        tags: list[str] = []
        for word in rest:
            if word.startswith("~"):
                title = sanitize_line(word[1:], 300) or None
            elif word.startswith("!") or word.startswith("#"):
                if word.startswith("#"):
                    break  # a trailing comment
                continue  # "!" hides a feed in newsboat; nothing to keep
            elif tag := sanitize_line(word, 100):
                tags.append(tag)
        found.feeds.append(
            Subscription(sanitize_line(url, 2000), title, tuple(dict.fromkeys(tags)))
        )
    return found


def _quote(word: str) -> str:
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_urls(feeds: Sequence[Subscription]) -> str:
    """A newsboat urls file: URL, then quoted tags, then the ``"~Title"``."""
    lines = ["# newsterm subscriptions (newsboat urls format)"]
    for feed in feeds:
        words = [feed.url, *(_quote(t) for t in feed.tags)]
        if feed.title:
            words.append(_quote("~" + feed.title))
        lines.append(" ".join(words))
    return "\n".join(lines) + "\n"
