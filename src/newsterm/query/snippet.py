"""Cut a window of text around its first match (search snippets). Pure: no IO, no Textual."""

from __future__ import annotations

from collections.abc import Sequence

Spans = list[tuple[int, int]]


def centre(text: str, spans: Sequence[tuple[int, int]], width: int) -> tuple[str, Spans]:
    """At most ``width`` characters of ``text`` with its first span near the middle.

    A cut side gets an ellipsis; the spans are shifted to the window and clipped to it.
    Without spans (or when it all fits) the text's start is kept.
    """
    if width <= 0:
        return "", []
    if len(text) <= width or not spans:
        if len(text) <= width:
            return text, list(spans)
        return text[: width - 1].rstrip() + "…", _clip(spans, 0, width - 1, 0)
    first_start, first_end = min(spans)
    room = width - 2  # an ellipsis on each side at most
    before = max(0, (room - (first_end - first_start)) // 2)
    start = max(0, min(first_start - before, len(text) - room))
    space = text.find(" ", start, first_start)  # begin on a word when one is near
    if start > 0 and space >= 0:
        start = space + 1
    end = min(len(text), start + room)
    body = text[start:end]
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    window = lead + body.rstrip(" ") + tail
    return window, _clip(spans, start, end, shift)


def _clip(spans: Sequence[tuple[int, int]], start: int, end: int, shift: int) -> Spans:
    out: Spans = []
    for a, b in sorted(spans):
        if a >= end:
            break  # (the rest start later still)
        a, b = max(a, start), min(b, end)
        if a < b:
            out.append((a + shift, b + shift))
    return out
