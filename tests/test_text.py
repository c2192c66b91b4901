"""Decoding and sanitising untrusted text."""

from __future__ import annotations

import codecs

from newsterm.extract.text import (
    count_words,
    decode,
    reading_minutes,
    sanitize,
    sanitize_line,
    split_paragraphs,
)


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
