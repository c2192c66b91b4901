"""Decode, normalise and sanitise untrusted text from files and feeds."""

from __future__ import annotations

import codecs
import re
import unicodedata
from itertools import filterfalse, repeat

from newsterm.extract.boilerplate import drop_story_links

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
_OTHER_WHITESPACE_CHARS = "\x0b\x0c\r\x1c-\x1f\x85\u1680\u2028\u2029"
"""The characters str.split() breaks at that are neither "\\n" nor in _SPACES (a test checks)."""
_OTHER_WHITESPACE = re.compile(f"[{_OTHER_WHITESPACE_CHARS}]")
_NOT_PLAIN = re.compile(f"[{_CONTROL_CHARS}{_INVISIBLE_CHARS}{_OTHER_WHITESPACE_CHARS}]")
"""What sanitize() acts on, and the whitespace normalize_paragraph() keeps: one scan for both."""
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


_BINARY_MAGIC = (
    b"\x1f\x8b",  # gzip
    b"PK\x03\x04",  # zip (docx, epub, ...)
    b"BZh",  # bzip2
    b"\xfd7zXZ\x00",  # xz
    b"(\xb5/\xfd",  # zstd
    b"%PDF-",
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")


def looks_binary(data: bytes) -> bool:
    """Whether file bytes are binary or compressed rather than text: a known magic number,
    a NUL (outside UTF-16), or many control bytes at the start."""
    if data.startswith(_BINARY_MAGIC):
        return True
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls > len(head) // 20


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


def _is_tidy(text: str) -> bool:
    """Whether ``text`` needs no more than its end spaces stripped to be sanitised and normalised.

    Printable text (``str.isprintable``) holds nothing that sanitize() acts on (controls and
    format characters are not printable) and no whitespace but " " (tests check both over
    every code point); without a double space its words are already single-spaced.
    """
    return text.isprintable() and "  " not in text


def sanitize_line(text: str, limit: int = 1000) -> str:
    """Sanitise a one-line field (title, name): collapse whitespace, cap its length."""
    # Tidy text gives the same as the reference, its words joined by single spaces, at once.
    text = text.strip(" ") if _is_tidy(text) else " ".join(sanitize(text).split())
    return cut_line(text, limit)


def cut_line(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the last one "…" when it had more."""
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def normalize_paragraph(text: str) -> str:
    """Collapse runs of whitespace inside a paragraph into single spaces.

    Fast path: when every whitespace character in the text is "\\n" or one of _SPACES (the
    usual case), the reference below gives the words joined by single spaces, which
    ``str.split`` finds in C. Any other whitespace (CR, form feed, line separator, ...) is
    kept by the reference, which stays the definition.
    """
    if _OTHER_WHITESPACE.search(text) is None:
        return " ".join(text.split())
    return _SPACES.sub(" ", " ".join(text.split("\n"))).strip()


def clean_paragraph(text: str) -> str:
    """``normalize_paragraph(sanitize(text))``: an untrusted paragraph made safe and tidy.

    Fast paths: tidy text (see _is_tidy) needs only its end spaces stripped; text with nothing
    for sanitize() to remove and no whitespace that normalize_paragraph() keeps needs only its
    words joined by single spaces, and one regex scan tells. Anything else takes the two
    reference functions.
    """
    if _is_tidy(text):
        return text.strip(" ")
    if _NOT_PLAIN.search(text) is None:
        return " ".join(text.split())
    return normalize_paragraph(sanitize(text))


def split_paragraphs(text: str) -> list[str]:
    """Split sanitised text into paragraphs at blank lines, dropping empty ones."""
    text = unicodedata.normalize("NFC", text)
    paragraphs = (normalize_paragraph(part) for part in _BLANK_LINES.split(text))
    return [p for p in paragraphs if p]


_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
"""A word: what count_words() counts."""
_NOT_WORD_EDGES = ".,;:!?“”‘’\"'()[]—–…"
"""Characters that are not \\w: stripped from a token's ends, they never change its words."""


def count_words(paragraphs: list[str]) -> int:
    """Count the words (_WORD matches) in a list of paragraphs.

    A word holds no whitespace, so the count adds up over whitespace-separated tokens. Most
    tokens are letters and digits alone (str.isalnum: \\w less "_"), once their punctuation is
    stripped, and so one word each; only the others go through the _WORD regex.
    """
    tokens = " ".join(paragraphs).split()
    stripped = map(str.strip, filterfalse(str.isalnum, tokens), repeat(_NOT_WORD_EDGES))
    others = list(filterfalse(str.isalnum, stripped))
    return len(tokens) - len(others) + len(_WORD.findall(" ".join(others)))


WORDS_PER_MINUTE = 238


def reading_minutes(word_count: int) -> int:
    """Minutes to read ``word_count`` words at 238 words a minute, rounded up, at least 1."""
    return max(1, -(-word_count // WORDS_PER_MINUTE))


def parse_article_text(text: str) -> tuple[str, list[str]]:
    """Split an article file's text into its title (the first line) and body paragraphs.

    The text is sanitised first; the title is the first non-blank line and the paragraphs
    are the blank-line-separated blocks after it, less the other stories a saved page lists
    among them (:func:`~newsterm.extract.boilerplate.drop_story_links`).
    """
    lines = sanitize(text).split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines):
        return "", []
    title = sanitize_line(lines[start])
    return title, drop_story_links(split_paragraphs("\n".join(lines[start + 1 :])))
