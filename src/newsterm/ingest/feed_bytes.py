"""A feed's bytes made ready for the fast parsers, and their text read as feedparser reads it:
the encoding (an HTTP charset, a declaration, a byte-order mark), ISO-8859-1 as windows-1252,
and C1 controls or doubly encoded UTF-8 in element text."""

from __future__ import annotations

import codecs
import contextlib
import re

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']""")
_DECLARED_ENCODING = re.compile(rb"""^(<\?xml[^>]*?encoding\s*=\s*)["'][\w.:-]+["']""")
_LEAD = b"\xef\xbb\xbf \t\r\n"
_LATIN1 = "iso8859-1"
_FIXABLE = re.compile("[\x80-\x9f]|[\xc2-\xf4][\x80-\xbf]")
"""A C1 control, or a UTF-8 lead byte and continuation byte read as Latin-1."""
_CP1252 = {
    code: char
    for code in range(0x80, 0xA0)
    if (char := bytes([code]).decode("cp1252", "replace")) != "\ufffd"
}


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def fast_bytes(data: bytes, content_type: str = "") -> bytes | None:
    """``data`` as the fast path can read it, or None to leave it to feedparser.

    Blank lines or a byte-order mark before ``<?xml`` are dropped (expat refuses them). An
    HTTP charset (RFC 7303: it wins) is used when the document declares no encoding: the bytes
    are transcoded to UTF-8. A document declaring another encoding than the header goes to
    feedparser, which weighs the two. ISO-8859-1 is read as windows-1252, as browsers and
    feedparser read it (its curly quotes are not control characters).
    """
    if data[:1] in b"\xef \t\r\n" and (trimmed := data.lstrip(_LEAD)).startswith(b"<?xml"):
        data = trimmed
    if data.startswith(codecs.BOM_UTF8):
        return data  # a byte-order mark says UTF-8 whatever the header says
    match = _CHARSET.search(content_type)
    header = _codec(match.group(1)) if match else None
    declared = _DECLARED.match(data[:200])
    stated = _codec(declared.group(1).decode("ascii")) if declared else None
    if header is None or header == "utf-8":
        if stated == _LATIN1:
            return _to_utf8(data, "cp1252")
        return data
    if declared:
        return data if stated == header else None
    return _to_utf8(data, "cp1252" if header == _LATIN1 else header)


def as_read(text: str) -> str:
    """Element text as feedparser reads it: UTF-8 that was read as Latin-1 and encoded again
    (``â€¦`` for …) decoded once more, and C1 controls (``&#146;``, or raw in UTF-8) as the
    windows-1252 characters they stand for (0x81, 0x8d, 0x8f, 0x90, 0x9d stay: undefined)."""
    if text.isascii() or not _FIXABLE.search(text):  # isascii: a flag, no scan
        return text
    with contextlib.suppress(UnicodeError):
        text = text.encode("latin-1").decode("utf-8")
    return text.translate(_CP1252)


def _to_utf8(data: bytes, codec: str) -> bytes | None:
    """The document transcoded to UTF-8, its encoding declaration too (None: not ``codec``)."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        if codec != "cp1252":
            return None
        text = data.decode("latin-1")  # one of the five bytes windows-1252 leaves undefined
    except LookupError:
        return None
    return _DECLARED_ENCODING.sub(rb'\1"utf-8"', text.encode("utf-8"), count=1)
