"""Decode, normalise and sanitise untrusted text from files and feeds."""

from __future__ import annotations

import codecs
import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (terminated by BEL or ST),
# and two-byte escapes. The 8-bit forms (0x9B CSI, 0x9D OSC, ...) are C1 controls, removed below.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?              # CSI
    | \x1b[\]PX^_].*?(?:\x07|\x1b\\|$)     # OSC, DCS, SOS, PM, APC up to BEL / ST / end
    | \x1b[ -/]*[0-~]?                      # other escapes (charset selection, RIS, ...)
    | [\x90\x9d\x98\x9e\x9f].*?(?:\x07|\x9c|$)  # 8-bit string controls with their payload
    | \x9b[0-?]*[ -/]*[@-~]?                # 8-bit CSI with its parameters
    """,
    re.VERBOSE | re.DOTALL,
)
# C0 controls except tab and newline (CR and backspace included), DEL, C1 controls.
_CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Bidi embeddings, overrides and isolates; zero-width and invisible formatting characters.
_INVISIBLE_CHARS = "\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060-\u2064\ufeff\u00ad"
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_NEEDS_SANITIZING = re.compile(f"[{_CONTROL_CHARS}{_INVISIBLE_CHARS}]")
"""Every character sanitize() acts on: text without one is returned unchanged, at once."""
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def decode(data: bytes) -> str:
    """Decode file bytes: UTF-8 with or without BOM, UTF-16 with BOM, else cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sanitize(text: str) -> str:
    """Remove terminal escape sequences, control characters and bidi/zero-width tricks.

    Newlines and tabs survive; everything a terminal could act on does not. Applied once to
    every string that comes from a feed or a file, at ingest.
    """
    if not _NEEDS_SANITIZING.search(text):
        return text  # the common case on the ingest hot path: nothing to remove
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Backspace overwrites ("a\bX") hide text: drop the backspace and what it erases.
    while "\b" in text:
        new = re.sub(r"[^\n\b]\x08", "", text)
        if new == text:
            break
        text = new
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    return _INVISIBLE.sub("", text)


def sanitize_line(text: str, limit: int = 1000) -> str:
    """Sanitise a one-line field (title, name): collapse whitespace, cap its length."""
    text = " ".join(sanitize(text).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def normalize_paragraph(text: str) -> str:
    """Collapse runs of whitespace inside a paragraph into single spaces."""
    return _SPACES.sub(" ", " ".join(text.split("\n"))).strip()


def split_paragraphs(text: str) -> list[str]:
    """Split sanitised text into paragraphs at blank lines, dropping empty ones."""
    text = unicodedata.normalize("NFC", text)
    paragraphs = (normalize_paragraph(part) for part in _BLANK_LINES.split(text))
    return [p for p in paragraphs if p]


_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


def count_words(paragraphs: list[str]) -> int:
    """Count the words in a list of paragraphs."""
    return sum(len(_WORD.findall(p)) for p in paragraphs)


WORDS_PER_MINUTE = 238


def reading_minutes(word_count: int) -> int:
    """Minutes to read ``word_count`` words at 238 words a minute, rounded up, at least 1."""
    return max(1, -(-word_count // WORDS_PER_MINUTE))


def parse_article_text(text: str) -> tuple[str, list[str]]:
    """Split an article file's text into its title (the first line) and body paragraphs.

    The text is sanitised first; the title is the first non-blank line and the paragraphs
    are the blank-line-separated blocks after it.
    """
    lines = sanitize(text).split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines):
        return "", []
    title = sanitize_line(lines[start])
    return title, split_paragraphs("\n".join(lines[start + 1 :]))
