"""Decoding and sanitising untrusted text."""

from __future__ import annotations

import codecs
import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from newsterm.extract import text as text_module
from newsterm.extract.text import (
    clean_paragraph,
    count_words,
    decode,
    normalize_paragraph,
    reading_minutes,
    sanitize,
    sanitize_line,
    split_paragraphs,
)

EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))
# Text that exercises the fast paths and their ways out: odd spaces, controls, escapes, marks.
_PIECES = st.sampled_from(
    [
        *" \t\n\r\x0b\x0c\x1c\x85\xa0\u1680\u2000\u2028\u2029\u202f\u3000\x1b\x07\x08\x00",
        *"\x9b\u200b\u202e\u00ad\ufeff\ue000_-’'“”.,!?",
        "  ",
        "\x1b[31m",
        "a\bX",
        "word",
        "Ünïcödé",
        "it’s",
        "well-known",
        "\U0001f600",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=30).map("".join)


def test_decode_utf8_with_and_without_bom() -> None:
    assert decode("café “quoted”".encode()) == "café “quoted”"
    assert decode(codecs.BOM_UTF8 + "café".encode()) == "café"


def test_decode_utf16_with_bom() -> None:
    assert decode("Grüße".encode("utf-16")) == "Grüße"
    assert decode(codecs.BOM_UTF16_BE + "Grüße".encode("utf-16-be")) == "Grüße"


def test_decode_falls_back_to_cp1252() -> None:
    assert decode(b"caf\xe9 \x93quoted\x94 \x96 dash") == "café “quoted” – dash"


def test_sanitize_removes_terminal_sequences_and_controls() -> None:
    hostile = (
        "a\x1b[31mred\x1b[0m b\x1b]0;title\x07c \x1b]52;c;SGVsbG8=\x07d "
        "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \x9b31m e\x00f\x07g\x85h"
    )
    clean = sanitize(hostile)
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in clean)
    assert not any(0x7F <= ord(ch) <= 0x9F for ch in clean)
    assert clean == "ared bc d link  efgh"


def test_sanitize_removes_bidi_overrides_and_zero_width() -> None:
    assert sanitize("abc\u202edef\u2066g\u2069\u200bh") == "abcdefgh"


def test_sanitize_drops_backspace_overwrites() -> None:
    assert sanitize("safe\b\b\b\bEVIL") == "EVIL"


def test_sanitize_normalises_newlines() -> None:
    assert sanitize("a\r\nb\rc") == "a\nb\nc"


def test_sanitize_line_collapses_and_caps() -> None:
    assert sanitize_line("  a \n b\t c ") == "a b c"
    assert len(sanitize_line("x" * 5000, limit=100)) == 100


def test_split_paragraphs_on_blank_lines() -> None:
    text = "First  line\ncontinues.\n\n \n\nSecond.\n\n\n"
    assert split_paragraphs(text) == ["First line continues.", "Second."]


def test_reading_time_rounds_up_with_a_minimum_of_one() -> None:
    assert count_words(["It’s a well-known fact, isn't it?"]) == 6
    assert reading_minutes(0) == 1
    assert reading_minutes(238) == 1
    assert reading_minutes(239) == 2


def test_fast_path_assumptions_hold_for_every_code_point() -> None:
    """What the fast paths in extract.text rely on, checked against this Python's Unicode."""
    printable_whitespace = {c for c in EVERY_CHARACTER if c.isspace() and c.isprintable()}
    assert printable_whitespace == {" "}
    assert not any(c.isprintable() for c in text_module._NOT_PLAIN.findall(EVERY_CHARACTER))
    kept_by_normalize = {
        c
        for c in EVERY_CHARACTER
        if c.isspace() and c != "\n" and not text_module._SPACES.fullmatch(c)
    }
    assert set(text_module._OTHER_WHITESPACE.findall(EVERY_CHARACTER)) == kept_by_normalize
    sanitized = set(text_module._NEEDS_SANITIZING.findall(EVERY_CHARACTER))
    assert sanitized <= set(text_module._NOT_PLAIN.findall(EVERY_CHARACTER))
    word_characters = set(re.findall(r"\w", EVERY_CHARACTER))
    assert word_characters == {c for c in EVERY_CHARACTER if c.isalnum()} | {"_"}
    assert not word_characters & set(text_module._NOT_WORD_EDGES)
    assert not any(c.isspace() for c in word_characters)


@given(_TEXT, st.integers(min_value=1, max_value=40))
def test_fast_paths_match_the_reference(text: str, limit: int) -> None:
    assert (
        clean_paragraph(text)
        == text_module._SPACES.sub(" ", " ".join(sanitize(text).split("\n"))).strip()
    )
    assert (
        normalize_paragraph(text)
        == text_module._SPACES.sub(" ", " ".join(text.split("\n"))).strip()
    )
    line = " ".join(sanitize(text).split())
    expected = line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    assert sanitize_line(text, limit) == expected
    reference = sum(len(text_module._WORD.findall(p)) for p in (text, text[::-1]))
    assert count_words([text, text[::-1]]) == reference
