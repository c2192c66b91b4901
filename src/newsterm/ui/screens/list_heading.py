"""The article list's title and empty message for what the main screen shows (pure text)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from newsterm.store import ArticleFilter
from newsterm.timefmt import counted


def list_heading(
    count: int,
    *,
    search_query: str | None,
    flt: ArticleFilter,
    filter_title: str,
    unread_only: bool,
    source_count: int,
    config_path: Path | None,
    ignored: int = 0,
    show_ignored: bool = False,
    source_error: str | None = None,
    newest_only: bool = False,
) -> tuple[str, str]:
    """The list's border title and the message it shows when it has no rows; ``ignored``
    articles are hidden by feeds.toml's ``[[ignore]]`` (shown while ``show_ignored``); for a
    source whose last refresh failed, the message is its error; ``newest_only``: a search
    as typed, which lists its newest matches only."""
    if search_query is not None:
        if newest_only:
            title = f"2 Search “{search_query[:60]}” · newest {count} · Enter lists all, best first"
        else:
            title = f"2 Search “{search_query[:60]}” · {counted(count, 'result')}"
        return title, f"No articles match “{search_query}”. Press Esc to go back."
    title = f"2 {filter_title[:60]} · {count:,}"
    if unread_only:
        title += " · unread only"
    if ignored and not show_ignored:
        title += f" · {ignored:,} ignored (I shows)"
    elif show_ignored:
        title += " · ignored shown"
    if replace(flt, hide=()) == ArticleFilter() and source_count == 0:
        empty = (
            "Nothing here yet.\n\nAdd a feed or a folder of articles from a shell:\n"
            "  newsterm add https://example.com/feed.xml\n"
            "  newsterm add ~/articles\n\n"
            "or list them in feeds.toml, then press R to refresh."
        )
        if config_path is not None:
            empty += f"\n\nfeeds.toml: {config_path}"
    elif flt.unread_only:
        empty = "No unread articles here. Press u to show every article."
    elif flt.starred_only:
        empty = "No starred articles yet. Press s on an article to star it."
    elif flt.query is not None:
        empty = "No articles match this view's query."
    elif source_error:
        empty = f"This source failed: {source_error[:500]}\n\nPress R to try again."
    else:
        empty = "No articles in this source yet. Press R to refresh."
    return title, empty
