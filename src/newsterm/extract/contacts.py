"""Contact lines ("Write to A at a@x and B at b@y", "Follow her on X @handle") and merging.

Addresses written to dodge scrapers ("jroe at example dot com", "jroe [at] example [dot]
com") are restored before parsing. Every pattern starts only at the beginning of a run of
the characters it repeats, so the scan stays linear on hostile input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsterm.analysis import Contact
from newsterm.extract.byline import clean_name
from newsterm.extract.lexicon import caseless

_MAX_LINE = 600

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# Patterns that would open with a look-behind ("not after a word character") open with their
# first character instead and look behind it: the regex engine can then skip ahead to that
# character rather than try a match at every position. Same matches (a test compares).
_HANDLE = re.compile(r"@(?<![\w@.+-]@)[A-Za-z0-9_][\w.-]*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?")
_BRACKET_AT = re.compile(r"\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*", re.IGNORECASE)
_BRACKET_DOT = re.compile(r"\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*", re.IGNORECASE)
_SPELLED = re.compile(
    r"(?<![\w.+-])(?P<user>[\w.+-]+)\s+(?i:at)\s+"
    r"(?P<domain>[A-Za-z0-9-]+(?:\s+(?i:dot)\s+[A-Za-z0-9-]+)+)\b"
)
_SPELLED_DOT = re.compile(r"\s+(?i:dot)\s+")
_OPENING_BRACKET = re.compile(r"[\[({<]")
"""What _BRACKET_AT and _BRACKET_DOT both need: without one, they leave the text alone."""

_CONTACT_START = re.compile(
    r"""(?:write\s+to|contact|e-?mail|reach|follow|you\s+can\s+(?:reach|contact|e-?mail|follow)
    |send\s+(?:us\s+)?(?:your\s+)?(?:news\s+)?tips|(?:have|got)\s+a\s+(?:news\s+)?tip
    |tips?\s*:|(?:[A-Z][\w'’-]*\s+){1,3}(?:can|may)\s+be\s+(?:reached|contacted|emailed))\b""",
    re.IGNORECASE | re.VERBOSE,
)
_BIO = re.compile(
    r"\b(?:reporter|correspondent|writer|editor|journalist|columnist|covers|writes\s+(?:about"
    r"|for|on)|reports\s+(?:on|for)|follow\s+\w+"
    r"(?:\s+\w+)?\s+on)\b",
    re.IGNORECASE,
)
_WRITE_TO = re.compile(r"\s*write\s+to\b", re.IGNORECASE)
# As "[at]" in text.lower() would find (lower-casing a paragraph costs more than these scans).
_BRACKETED_AT = caseless("[at]", "(at)")
_SPELLED_DOT_WORD = caseless(" dot ")

_NAME_RUN = re.compile(
    r"[A-Z](?<![\w'’.-][A-Z])[\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|del|van|von|der|bin|al|la|le|du))*"
)
_PRONOUN = re.compile(r"\b(?:him|her|them|he|she|they|the\s+(?:reporter|author|writer))\b", re.I)
_FILLER = frozenset(
    [
        "write", "to", "contact", "email", "e-mail", "follow", "reach", "tips", "tip",
        "send", "have", "got", "you", "can", "on", "at", "or", "and", "via", "the",
        "x", "twitter", "bluesky", "instagram", "threads", "mastodon", "tiktok", "linkedin",
        "facebook", "signal", "whatsapp", "telegram", "he", "she", "him", "her", "them",
        "they", "is", "are", "a", "an", "for", "reporter", "correspondent", "writer", "editor",
        "by",
    ]
)  # fmt: skip
_PLATFORM = re.compile(
    r"\b(?P<platform>X|Twitter|Bluesky|Instagram|Threads|Mastodon|TikTok)\b", re.IGNORECASE
)
_PROFILE_URL = {
    "x": "https://x.com/{}",
    "twitter": "https://x.com/{}",
    "bluesky": "https://bsky.app/profile/{}",
    "instagram": "https://www.instagram.com/{}",
    "threads": "https://www.threads.net/@{}",
    "tiktok": "https://www.tiktok.com/@{}",
}
_METADATA_AUTHOR = re.compile(r"\s*(?P<email>[^\s()<>]+@[^\s()<>]+)\s*\((?P<name>[^()]+)\)\s*")


def deobfuscate(text: str) -> str:
    """Restore obfuscated addresses: "jroe [at] example [dot] com" -> "jroe@example.com"."""
    lowered = text.lower()
    if "at" not in lowered:
        return text
    if _OPENING_BRACKET.search(text) is not None:
        text = _BRACKET_DOT.sub(".", _BRACKET_AT.sub("@", text))
        lowered = text.lower()
    if "dot" not in lowered:
        return text  # _SPELLED needs a spelled-out "dot" (its letters have no other case forms)
    return _SPELLED.sub(
        lambda m: f"{m.group('user')}@{_SPELLED_DOT.sub('.', m.group('domain'))}", text
    )


_BARE_ITEM = (
    r"(?:(?:e-?mail|twitter|x|phone|tel|web)\s*:\s*)?"
    r"(?:[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|@\w{1,30}|https?://\S{1,200}"
    r"|\+?[\d(][\d ().-]{6,20}\d)"
)
_BARE_CONTACT = re.compile(
    rf"{_BARE_ITEM}(?:\s*[|·•,;/]\s*{_BARE_ITEM})*"
    r"(?:\s*[|·•—–]\s*(?-i:[A-Z][\w'’&.-]*)(?:\s+(?-i:[A-Z][\w'’&.-]*)){0,3})?\.?",
    re.IGNORECASE,
)
"""A line of nothing but an address, a handle, a profile link or a phone number, perhaps with
the reporter's desk after a bar ("jroe@example.com | Example Reporting")."""


_REPORTER_TRAILER = re.compile(
    r"""\s*(?:(?i:follow\s+(?!us\b)
    |to\s+contact\s+the\s+(?:reporters?|authors?|writers?)\b)
    |(?:[A-Z][\w'’.-]*\s+){1,4}(?:can|may)\s+be\s+(?:reached|contacted|e-?mailed)\b
    |(?i:e-?mail|contact|reach)\s+(?:[A-Z][\w'’.-]*\s+){1,4}at\b.{0,120}\bfollow\s+(?:him|her|them)\b
    |(?:[A-Z][\w'’.-]*\s+){1,4}(?:is\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,4}(?:reporter|writer|correspondent
    |journalist|columnist|editor)|covers\s|writes\s+(?:about|for|on)\s|reports\s+(?:on|for)\s))""",
    re.VERBOSE,
)
"""Reporter trailers: "Follow X on …", "X can be reached at …", "Email X at … or follow
him @…", a reporter's bio ("X is a staff writer", "X covers city hall")."""
_FOLLOW_NAME = re.compile(
    r"\b[Ff]ollow\s+(?!us\b)(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})\s+on\b"
)
_SENTENCE_BREAK = re.compile(r"(?:[a-z]{3}|\+)[.!?]\s+(?=[A-Z])")
_US = re.compile(r"\b(?:us|our)\b", re.IGNORECASE)


def reporter_names(paragraph: str) -> list[str]:
    """The names a trailer gives as "Follow X on …" (not "Follow us" or "Follow X @x", which may
    be the site's own account)."""
    found = (clean_name(m.group("name")) for m in _FOLLOW_NAME.finditer(paragraph))
    return [name for name in found if name]


_BIO_TRAILER = re.compile(
    r"(?:[—–-]\s*)?(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)\s+(?:(?:is|was)\s+(?:an?|the)"
    r"\s+(?:[\w'’-]+\s+){0,4}(?:reporter|writer|correspondent|journalist|columnist|editor"
    r"|contributor)\b|(?:can|may)\s+be\s+(?:reached|contacted)\b)"
)


def bio_reporter(paragraph: str) -> str | None:
    """The reporter a closing line without an address names: "Ana Ruiz is a staff writer at
    the Courier.", "Ana Ruiz can be reached at 555-0100."."""
    if len(paragraph) > 300 or (not paragraph[:1].isupper() and paragraph[:1] not in "—–-"):
        return None
    match = _BIO_TRAILER.match(paragraph)
    return clean_name(match.group("name")) if match else None


_CLOSING_FOLLOW = re.compile(
    r"(?:On [A-Z]\w+: )?Follow (?P<name>[A-Z]\S*(?: [A-Z]\S*){1,3}) (?:on|and|for) "
)
"""A paragraph's words are single-spaced: plain spaces keep the pattern cheap to compile."""


def followed_reporter(paragraph: str) -> str | None:
    """The reporter a closing line without an address asks readers to follow: "Follow Ana
    Ruiz on Twitter.", "On Twitter: Follow Ana Ruiz and get more harbour news."."""
    if len(paragraph) > 200 or "ollow" not in paragraph[:20]:
        return None
    match = _CLOSING_FOLLOW.match(paragraph)
    return clean_name(match.group("name")) if match else None


def names_the_reporter(paragraph: str) -> bool:
    """A contact line that is about the reporter ("Follow Ana Ruiz on X", "Ana Ruiz may be
    reached at …", "To contact the reporter on this story: …"), not any contact ("Contact the
    organiser at …")."""
    return _REPORTER_TRAILER.match(paragraph) is not None


def is_bare_contact(paragraph: str) -> bool:
    """A line of addresses alone ("jroe@example.com | @jroe"), as bylines and trailers print."""
    text = paragraph.strip()
    return "@" in text and len(text) <= 300 and _BARE_CONTACT.fullmatch(text) is not None


_NAMED = re.compile(r"[—–-]?\s*(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*\s*[,:|—–-]\s*")
"""A name opening a signature line: "— Ana Ruiz, ", "Ana Ruiz: "."""


def _named_bare_contact(text: str) -> bool:
    """A name and nothing but their addresses: "Ana Ruiz: aruiz@example.com, @aruiz"."""
    named = _NAMED.match(text)
    return named is not None and is_bare_contact(text[named.end() :])


def is_contact_line(paragraph: str) -> bool:
    """True for a paragraph that tells readers how to reach the authors."""
    text = paragraph.strip()
    if len(text) > _MAX_LINE:
        return False
    if _WRITE_TO.match(text):
        return True
    has_address = (
        "@" in text
        or (("[" in text or "(" in text) and _BRACKETED_AT.search(text) is not None)
        or (_SPELLED_DOT_WORD.search(text) is not None and _SPELLED.search(text) is not None)
    )
    if not has_address:
        return False
    return (
        is_bare_contact(text)
        or _named_bare_contact(text)
        or _CONTACT_START.match(text) is not None
        or (len(text.split()) <= 60 and _BIO.search(text) is not None)
    )


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    email: str | None = None
    handle: str | None = None


def _items(line: str) -> list[_Item]:
    """The addresses and handles in a line, in order."""
    if "@" not in line:
        return []  # both patterns need one
    items = [
        _Item(m.start(), m.end(), handle=m.group().rstrip(".-")) for m in _HANDLE.finditer(line)
    ]
    taken = [(i.start, i.end) for i in items]
    for m in _EMAIL.finditer(line):
        if any(s <= m.start() < e for s, e in taken):
            continue
        items.append(_Item(m.start(), m.end(), email=m.group().rstrip(".-").lower()))
    items.sort(key=lambda i: i.start)
    return items


def _names_in(chunk: str) -> list[str]:
    """The person names in a stretch of text, in order."""
    names = []
    for match in _NAME_RUN.finditer(chunk):
        tokens = match.group().split()
        while tokens and tokens[0].lower().strip(".:") in _FILLER:
            tokens.pop(0)
        while tokens and tokens[-1].lower().strip(".:") in _FILLER:
            tokens.pop()
        name = clean_name(" ".join(tokens)) if tokens else None
        if name is not None:
            names.append(name)
    return names


def _known(name: str, authors: Sequence[str]) -> str | None:
    """The author ``name`` refers to ("Roe" -> "Jane Roe", "Jane" -> "Jane Roe"), if any."""
    lowered = name.lower()
    for author in authors:
        if lowered == author.lower() or author.lower().endswith(" " + lowered):
            return author
    if " " not in lowered:  # a given name alone: the one author it opens
        opened = [a for a in authors if a.lower().startswith(lowered + " ")]
        if len(opened) == 1:
            return opened[0]
    return None


def _owner(chunk: str, line_name: str | None, authors: Sequence[str]) -> str | None:
    """Whose address follows ``chunk``: an author named there, the person a pronoun
    ("him", "the reporter") points to, or the last name written before it."""
    breaks = list(_SENTENCE_BREAK.finditer(chunk))
    tail = (
        chunk[breaks[-1].end() :] if breaks else chunk
    )  # names in an earlier sentence own nothing here
    names = _names_in(tail)
    for name in reversed(names):
        author = _known(name, authors)
        if author:
            return author
    if _PRONOUN.search(tail) is not None:
        named = names or _names_in(chunk)  # "Ana Ruiz covers courts. Email her at …"
        named = [_known(n, authors) or n for n in named]  # "Email Ana at …": Ana Ruiz
        named = [n for n in named if " " in n or n in authors]  # not "Questions? Email …"
        if named:
            return named[0]
        if line_name:
            return line_name
        return authors[0] if len(authors) == 1 else None
    if _US.search(tail) is not None:
        return None  # "Follow us @site": the site's own account
    if names:
        return names[-1]
    earlier = _names_in(chunk)  # "Ana Ruiz covers courts for the Courier. Email: …"
    return earlier[0] if earlier else None


_NEWSROOM_MAILBOXES = frozenset(
    str.split(
        "tips tip news newsroom newsdesk desk community info contact contactus editor editors"
        " letters feedback press corrections support privacy moderator moderators webmaster"
        " admin hello help stats sports"
    )
)
"""Mailboxes a site answers at: an address there is not a reporter's."""


def _newsroom(address: str) -> bool:
    """An address at one of the site's own mailboxes (tips@, newsroom@, …)."""
    return address.split("@", 1)[0].lower() in _NEWSROOM_MAILBOXES


_CLOSING_EMAIL = re.compile(
    r"(?:^|(?<=[.!?”\"]\s))(?:e-?mail|write\s+to|contact)\s*:?\s+"
    r"(?P<address>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\.?\s*$",
    re.IGNORECASE,
)
"""A paragraph of the story ending with an address alone: "… we'd like to hear from you.
Email jroe@example.com." """


def closing_email(paragraph: str, authors: Sequence[str]) -> Contact | None:
    """The address a story's paragraph closes with ("… Email jroe@example.com."), as a contact:
    the author whose surname the mailbox spells, or the only author; a site's own mailbox
    (tips@, newsroom@) is none."""
    if "@" not in paragraph[-80:]:
        return None
    match = _CLOSING_EMAIL.search(paragraph)
    if match is None:
        return None
    address = match.group("address")
    if _newsroom(address):
        return None
    letters = "".join(c for c in address.split("@", 1)[0].lower() if c.isalpha())
    owners = [a for a in authors if a.split()[-1].lower() in letters]
    if not owners and len(authors) == 1:
        owners = list(authors)
    return Contact(name=owners[0] if len(owners) == 1 else None, email=address)


def parse_contact_line(line: str, authors: Sequence[str] = ()) -> tuple[list[Contact], list[str]]:
    """Parse one contact line into contacts, and the author names a "Write to" line gives."""
    text = deobfuscate(line.strip()[:_MAX_LINE])
    write_to = _WRITE_TO.match(text)
    bare_owner = authors[0] if len(authors) == 1 and is_bare_contact(text) else None
    if bare_owner is None and _named_bare_contact(text):
        signature = _NAMED.match(text)
        bare_owner = clean_name(signature.group().strip(" ,:|—–-")) if signature else None
    contacts: list[Contact] = []
    named: list[str] = []
    line_name: str | None = None
    previous = 0
    for item in _items(text):
        if item.email and _newsroom(item.email):
            # The site's own address ("Let us know at tips@…"): nobody's, not the author's.
            contacts.append(Contact(email=item.email))
            previous = item.end
            continue
        chunk = text[previous : item.start]
        name = _owner(chunk, line_name, authors)
        if name is None and contacts and not re.search(r"\b(?:and|,)\s*$", chunk):
            name = contacts[-1].name  # "… on X @a and Bluesky @b": the same person
        name = name or bare_owner  # a line of the sole author's addresses alone
        url = None
        if item.handle:
            platform = _PLATFORM.search(chunk[-40:]) or _PLATFORM.search(
                text[item.end : item.end + 20]
            )
            user, _, server = item.handle[1:].partition("@")
            if server:
                url = f"https://{server}/@{user}"  # Mastodon: @user@server
            elif platform:
                template = _PROFILE_URL.get(platform.group("platform").lower())
                url = template.format(user) if template else None
        contacts.append(Contact(name=name, email=item.email, url=url, handle=item.handle))
        if name:
            line_name = name
            if write_to and name not in named:
                named.append(name)
        previous = item.end
    if write_to and not contacts:
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", text[write_to.end() :]):
            name = clean_name(part)
            if name:
                named.append(name)
    return contacts, named


def normalise_metadata(
    authors: Iterable[str], contacts: Iterable[Contact]
) -> tuple[list[str], list[Contact]]:
    """Tidy feed metadata: "jroe@x (Jane Roe)" authors and mailto: links become contacts."""
    names: list[str] = []
    found: list[Contact] = []
    for author in authors:
        author = " ".join(author.split())
        match = _METADATA_AUTHOR.fullmatch(author)
        if match:
            names.append(match.group("name").strip())
            found.append(Contact(name=match.group("name").strip(), email=match.group("email")))
        elif "@" in author and " " not in author and _EMAIL.fullmatch(author):
            names.append(author)  # an address alone is the byline, and a contact
            found.append(Contact(email=author.lower()))
        elif author:  # a name, or a handle-like "X@" (no address: not a contact)
            names.append(author)
    for contact in contacts:
        url, email = contact.url, contact.email
        if url and url.lower().startswith("mailto:"):
            email = email or url[7:].split("?", 1)[0].strip() or None
            url = None
        # As dataclasses.replace() would, without its per-call field introspection.
        found.append(
            Contact(
                name=contact.name,
                email=email.lower() if email else None,
                url=url,
                handle=contact.handle,
            )
        )
    return names, found


def _same(a: Contact, b: Contact) -> bool:
    if a.email and b.email:
        if a.email.lower() != b.email.lower():
            return False
        return not (a.name and b.name and a.name.lower() != b.name.lower())
    if a.handle and b.handle and a.handle.lower() == b.handle.lower():
        return True
    return bool(a.name and b.name and a.name.lower() == b.name.lower())


def merge_contacts(contacts: Iterable[Contact]) -> list[Contact]:
    """Dedupe contacts, merging name, e-mail, URL and handle known for the same person.

    Contacts with nothing to reach (a name alone) are dropped.
    """
    merged: list[Contact] = []
    for contact in contacts:
        for index, seen in enumerate(merged):
            if _same(seen, contact) and _compatible(seen, contact):
                merged[index] = Contact(
                    name=seen.name or contact.name,
                    email=seen.email or contact.email,
                    url=seen.url or contact.url,
                    handle=seen.handle or contact.handle,
                )
                break
        else:
            merged.append(contact)
    return [c for c in merged if c.email or c.url or c.handle]


def _compatible(a: Contact, b: Contact) -> bool:
    """Two records can merge when no field they both have disagrees."""
    return all(
        x is None or y is None or x.lower() == y.lower()
        for x, y in ((a.email, b.email), (a.handle, b.handle), (a.url, b.url))
    )
