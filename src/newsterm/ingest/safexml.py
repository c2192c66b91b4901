"""Make untrusted XML safe before any parser sees it: no DTD, so no entities to expand.

Billion laughs, quadratic blowup and external entities all need a DOCTYPE with ENTITY
declarations (or an external DTD). The prolog's DOCTYPE is removed; a document that still
declares an entity anywhere after that is refused. Non-ASCII-compatible encodings (UTF-16,
UTF-32, EBCDIC) are first transcoded to UTF-8 so the check sees the real markup.
"""

from __future__ import annotations

import codecs
import re

from newsterm.errors import NewstermError


class UnsafeXml(NewstermError):
    """The document declares entities where a parser could find them."""


_ENTITY = re.compile(rb"<!ENTITY\b", re.IGNORECASE)
_INERT = re.compile(rb"<!--.*?(?:-->|$)|<!\[CDATA\[.*?(?:\]\]>|$)", re.DOTALL)
_PROLOG_PART = re.compile(
    rb"<!--.*?(?:-->|$)|<\?.*?(?:\?>|$)|<!DOCTYPE\b(?:[^\[>]*)(?:\[.*?\]\s*)?>",
    re.IGNORECASE | re.DOTALL,
)
_ENCODING_DECL = re.compile(rb"""(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""", re.IGNORECASE)
_WIDE = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp037"),
)
PROLOG_LIMIT = 64 * 1024
"""A DOCTYPE is looked for only before the first element, within this many bytes."""


def to_ascii_compatible(data: bytes) -> bytes:
    """Transcode UTF-16/32 and EBCDIC documents to UTF-8 (their declaration rewritten)."""
    for mark, encoding in _WIDE:
        if data.startswith(mark):
            text = data.decode(encoding, errors="replace").lstrip("\ufeff")
            out = text.encode("utf-8")
            return _ENCODING_DECL.sub(rb"\1\2utf-8\2", out, count=1)
    return data


def guard_xml(data: bytes) -> bytes:
    """Return ``data`` without its DOCTYPE; raise UnsafeXml if entities are still declared."""
    data = to_ascii_compatible(data)
    first_element = re.search(rb"<[A-Za-z_]", data[:PROLOG_LIMIT])
    end = first_element.start() if first_element else min(len(data), PROLOG_LIMIT)
    head, rest = data[:end], data[end:]
    if b"<!" in head:
        head = _PROLOG_PART.sub(_drop_doctype, head)
    # Text about XML may mention <!ENTITY in a comment or CDATA section: that is harmless.
    declares = _ENTITY.search(head) or _ENTITY.search(rest)
    if declares and (
        _ENTITY.search(_INERT.sub(b"", head)) or _ENTITY.search(_INERT.sub(b"", rest))
    ):
        raise UnsafeXml("the feed declares XML entities (refused: entity expansion is unsafe)")
    if re.search(rb"<!DOCTYPE", _INERT.sub(b"", head), re.IGNORECASE):
        raise UnsafeXml("the feed has a malformed DOCTYPE (refused)")
    return head + rest


def _drop_doctype(match: re.Match[bytes]) -> bytes:
    """Keep comments and processing instructions of the prolog; drop the DOCTYPE."""
    return b"" if match.group(0)[:9].upper() == b"<!DOCTYPE" else match.group(0)
