"""Where ``n`` and ``p`` go: the next or previous unread article, wrapping around."""

from __future__ import annotations

from newsterm.models import ArticleSummary
from newsterm.store import Store


def unread_target(
    store: Store,
    *,
    opened: int | None,
    cursor: ArticleSummary | None,
    from_list: bool,
    forward: bool,
) -> tuple[int | None, str | None]:
    """The unread article to open, and a note when the walk wrapped around (or found none).

    From the list ``cursor`` when the list is focused or nothing is open (the cursor's own row
    if it is unread and not the open article), else from the ``opened`` article. Past the
    oldest unread, ``n`` wraps to the newest (``p`` the other way), across sources: the
    articles the Unread count counts.
    """
    if from_list or opened is None:
        if cursor is not None and not cursor.read and cursor.id != opened:
            return cursor.id, None
        start = cursor.id if cursor is not None else None
    else:
        start = opened
    target = store.adjacent_unread(start, forward)
    if target is not None:
        return target, None
    target = store.adjacent_unread(None, forward)
    if target is None:
        return None, "No unread articles."
    if target == opened:
        return None, "No other unread articles."
    if target == start:
        return target, None
    return target, "Wrapped to the newest unread." if forward else "Wrapped to the oldest unread."
