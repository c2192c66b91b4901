"""The one entry point of the analysis pipeline."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsterm.analysis import Analysis, Contact
from newsterm.extract.boilerplate import (
    caption_like,
    credit_clauses,
    is_boilerplate,
    pictured,
    reporting_names,
)
from newsterm.extract.byline import (
    clean_name,
    closing_byline,
    find_dateline,
    is_by_marker,
    is_date_line,
    is_role_line,
    is_section_line,
    is_title_line,
    organisation_byline,
    page_byline,
)
from newsterm.extract.contacts import (
    bio_reporter,
    closing_email,
    followed_reporter,
    is_bare_contact,
    is_contact_line,
    merge_contacts,
    names_the_reporter,
    normalise_metadata,
    parse_contact_line,
    reporter_names,
)
from newsterm.extract.furniture import drop_furniture
from newsterm.extract.given_names import GIVEN_NAMES
from newsterm.extract.lexicon import OPENING_QUOTES
from newsterm.extract.people import quote_people
from newsterm.extract.quotes import find_quotes
from newsterm.extract.text import count_words, reading_minutes
from newsterm.extract.version import ANALYSIS_VERSION as ANALYSIS_VERSION

# Bylines and datelines are looked for near the top only.
_BYLINE_ZONE = 4
_DATELINE_ZONE = 2
_ABOUT_AUTHOR = frozenset(("about the author", "about the authors"))
"""A heading a page prints above its author's name or biography, at the end."""


def _key(text: str) -> str:
    return " ".join(text.split()).strip(" .").casefold()


def _add_names(names: list[str], new: Sequence[str]) -> None:
    """Append names not already present (case-insensitively)."""
    seen = {n.casefold() for n in names}
    for name in new:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)


_KICKER_WORDS = 3
"""Words a section's label above the story (a kicker) holds at most."""


def _kicker(paragraph: str, paragraphs: Sequence[str], place: int) -> bool:
    """A section's or a place's label right above the story's lead ("United States",
    "Channel"): one to _KICKER_WORDS capitalised words, no mark, not in capitals (a dateline),
    then the first paragraph of prose, page furniture between them or not. Only once a byline
    or a standfirst came before (at the very top a name alone is the byline), and not opening
    with a given name."""
    if len(paragraph) > 30 or paragraph.isupper():
        return False
    words = paragraph.split()
    if len(words) > _KICKER_WORDS:
        return False
    if words[0].casefold() in GIVEN_NAMES or words[0] in ("By", "BY"):
        return False  # "Maria Lind" under "By Ana Ruiz": a second author; "By Ana Ruiz" itself
    if not all(w[0].isupper() and w.replace("&", "").isalpha() for w in words if w != "&"):
        return False
    for after in paragraphs[place + 1 : place + 3]:
        if not is_boilerplate(after):
            return _prose(after)
    return False


def _above_byline(paragraph: str) -> bool:
    """A line that may stand above a bare byline when no byline came before: the date
    ("Published: May 20, 2020") or a section's label ("Local News", "Climate"), up to
    _KICKER_WORDS words opening with a capital, and no sentence."""
    return is_date_line(paragraph) or (
        len(paragraph) <= 30
        and len(paragraph.split()) <= _KICKER_WORDS
        and paragraph[0].isupper()
        and not paragraph.endswith((".", "!", "?", ":"))
    )


def _under_standfirst(paragraph: str, body: Sequence[str]) -> bool:
    """A line opening with a given name under a section's label or the date (every line
    above it _above_byline) or under the standfirst (one paragraph): a bare byline ("Ana
    Ruiz", "Ana Ruiz, Staff Writer"), unless the paragraph above is a photo's caption (a
    place, a date or a photo word in it): then the name is the photo's credit."""
    space = paragraph.find(" ")
    if space <= 0 or len(paragraph) > 80 or paragraph[:space].casefold() not in GIVEN_NAMES:
        return False
    if all(map(_above_byline, body)):
        return True
    return len(body) == 1 and not (caption_like(body[0]) and pictured(body[0]))


def _subject(name: str, title_key: str) -> bool:
    """A name the headline holds as its subject ("Meet artist Ana Ruiz"), not as the page's
    credit after a separator ("… | Ana Ruiz", "… - by Ana Ruiz")."""
    at = title_key.find(name.casefold())
    return at >= 0 and not title_key[:at].rstrip().endswith(("|", "-", "–", "—", "by", "/"))


def _prose(paragraph: str) -> bool:
    """A paragraph of the story's prose: a sentence of 12 words or more."""
    return len(paragraph.split()) >= 12 and paragraph.rstrip().endswith((".", "!", "?", "”", '"'))


_HEAD_WORDS = 10
"""Words a line above the story's first sentence holds at most to be read as its furniture."""
_HEAD_KEEP = (".", "!", "?", "”", '"', "’", "'", ":", ";", ",", ")", "。", "！", "？", "」", "）")
"""How a line ends that may be the story's own (a sentence, a quotation, a line that leads on)."""
_STANDFIRST_WORDS = 6
_CLOCK = re.compile(r"\b\d{1,2}:\d\d\b")


def _words(words: list[str]) -> int:
    """Words that are no number, date, time or mark ("November 8, 2023 | 6:03 pm": 2)."""
    return sum(any(c.isalpha() for c in w) and not any(c.isdigit() for c in w) for w in words)


def _lettered(paragraph: str) -> bool:
    """Letters and a name's marks only ("Pittsburgh", "St. Louis", "Key Points"; not "EMBED <>")."""
    return paragraph.replace(" ", "").replace(".", "").replace("-", "").replace("'", "").isalpha()


def _story_heading(paragraph: str) -> bool:
    """A line that opens the story's own text, so none above its first sentence is furniture
    after it: one holding a quotation, or one in capitals ("GIRLS BASKETBALL", a dateline)."""
    return any(m in paragraph for m in OPENING_QUOTES) or (
        paragraph.isupper() and paragraph.replace(",", "").replace(" ", "").isalpha()
    )


def _head_line(paragraph: str, following: Sequence[str]) -> bool:
    """Furniture above the story's first sentence (nothing kept yet ends as a sentence does): a
    short line that ends without a sentence's mark: a section's or the page's tags ("Deadpool
    Marvel Movies News"), a time stamp ("Posted: Nov 8, 2023 / 04:43 PM CST"), a player's or a
    gallery's label ("EMBED <>", "Images"), a video's title. Not a line holding a quotation (a
    standfirst's), a sentence without its mark (a standfirst), a box of facts, a line in
    capitals (a dateline, "BAAR, SWITZERLAND", or a heading), one or two words right above the
    story's first sentence (a dateline, "Pittsburgh", or a heading), nor a line above another
    short line that is none of these (a list's or a table's head: "Harbour d. Ferry 70-44").
    ``following`` holds the next two lines."""
    if len(paragraph) > 80 or paragraph.endswith(_HEAD_KEEP):
        return False
    words = paragraph.split()
    if (len(words) > _HEAD_WORDS and _words(words) > _HEAD_WORDS) or _story_heading(paragraph):
        return False
    if paragraph.count(": ") >= 2:
        return False  # a review's box of facts: "Tested by: Ana Ruiz Price: £20 More info: …"
    if len(words) >= _STANDFIRST_WORDS and _CLOCK.search(paragraph) is None:  # (not a stamp)
        capitals = sum(w[0].isupper() for w in words[1:])
        if 3 * capitals <= len(words) - 1:
            return False  # a sentence without its full stop: a standfirst
    right_after = following[0].rstrip() if following else ""
    if len(words) <= 2 and right_after.endswith(_HEAD_KEEP) and _lettered(paragraph):
        return False
    after = next((p for p in following if not is_boilerplate(p)), "").strip()  # no furniture
    return not after or after.endswith(_HEAD_KEEP) or len(after) > 80 or _head_line(after, ())


def _photographers(
    body: list[str], credited: list[tuple[int, int]], authors: Sequence[str]
) -> tuple[set[int], set[int]]:
    """The photo credits among address lines found mid-story: a name that is no author's alone
    on its line, then its address alone ("PAT KOWALSKI", "pkowalski@example.com"), with the story
    going on after it. ``credited`` holds each address line's place in the contact lines under
    the body's place of the line above it. Returns the body's places to drop (the name and the
    caption above it) and the contact lines' places that are no contact of the author's."""
    drop: set[int] = set()
    lines: set[int] = set()
    surnames = {a.split()[-1].casefold() for a in authors if a.split()}
    for index, line in credited:
        name = clean_name(body[index]) if len(body[index]) <= 40 else None
        if name is None or index + 1 >= len(body) or name.split()[-1].casefold() in surnames:
            continue  # not a lone name, a signature closing the story, or an author's own
        lines.add(line)
        drop.add(index)
        if index and caption_like(body[index - 1]):
            drop.add(index - 1)
    return drop, lines


def analyse(
    title: str,
    paragraphs: Sequence[str],
    *,
    authors: Sequence[str] = (),
    contacts: Sequence[Contact] = (),
) -> Analysis:
    """Analyse an article: clean its body and find its quotations, authors and contacts.

    ``paragraphs`` are sanitised paragraphs; ``authors`` and ``contacts`` come from metadata
    (a feed's author fields) and are merged with what the text itself says.
    """
    meta_authors, meta_contacts = normalise_metadata(authors, contacts)
    title_key = _key(title)
    title_size = len(title) + 8
    body: list[str] = []
    byline: list[str] = []
    credit_lines: list[str] = []
    reporters: list[str] = []
    writers: list[str] = []
    contact_lines: list[str] = []
    organisations: list[str] = []
    credited: list[tuple[int, int]] = []  # an address line alone under a body line
    profiled: list[str] = []
    heads: set[int] = set()  # the body's places of furniture above the story's first sentence
    spared: set[str] = set()  # short lines the head rule keeps there on purpose (not the model's)
    marker = about = closed = after_byline = told = False
    for place, raw in enumerate(paragraphs):
        paragraph = raw.strip()
        if not paragraph or (
            len(paragraph) <= title_size and title_key and _key(paragraph) == title_key
        ):
            continue
        if about:  # "About the author", then the author's name alone on its line
            about = False
            named = page_byline(paragraph, after_marker=True)
            if named is not None:
                _add_names(profiled, named)
                continue
        if (
            len(paragraph) <= 30
            and (body or byline)
            and len(body) < _BYLINE_ZONE
            and not marker  # "By" then a name alone: the author
            and _kicker(paragraph, paragraphs, place)
            and not any(map(_prose, body))
            and not (after_byline and is_role_line(paragraphs[place - 1].strip()))
        ):  # (a name under the first writer's role: a second author)
            continue  # "United States", "Channel": a section's label above the story's lead
        if len(body) < _BYLINE_ZONE:
            if is_by_marker(paragraph):
                marker = True
                continue
            if after_byline and is_role_line(paragraph):
                continue  # "By Ana Ruiz", "Staff Writer": a second bare name may follow
            top = (
                not body
                or (len(body) == 1 and is_date_line(body[0]))
                or (not byline and not organisations and _under_standfirst(paragraph, body))
            )
            byline_names = page_byline(paragraph, after_marker=marker, bare=top)
            if top and closed and not marker and (byline_names or is_title_line(paragraph)):
                continue  # under the writer's outlet: the outlet's blog or desk, a heading
            if (
                byline_names
                and top
                and "by" not in paragraph.lower()
                and ":" not in paragraph
                and any(_subject(n, title_key) for n in byline_names)
            ):
                continue  # the headline's subject as a heading ("Meet artist Ana Ruiz")
            after_byline = byline_names is not None
            if byline_names is not None:
                _add_names(byline, byline_names)
                marker = False
                if "@" in paragraph:
                    contact_lines.append(paragraph)  # "By Ana Ruiz | aruiz@example.com"
                continue
            organisation = (top or marker) and organisation_byline(paragraph, after_marker=marker)
            marker = False
            if organisation:
                _add_names(organisations, [organisation])
                closed = bool(byline)  # the outlet under its writer's name ends the byline
                continue
            if top and is_section_line(paragraph):
                continue  # "24 July 2026 Peace and Security": the story's date and sections
        if is_contact_line(paragraph):
            contact_lines.append(paragraph)
            if body and (byline or meta_authors) and is_bare_contact(paragraph):
                credited.append((len(body) - 1, len(contact_lines) - 1))
            continue
        clauses = credit_clauses(paragraph)
        if clauses is not None:
            credit_lines.extend(clauses)
            for clause in clauses:
                writing = clause.lstrip("( ").lower().startswith("writing")
                _add_names(writers if writing else reporters, reporting_names(clause))
            continue
        if paragraph.startswith(("Author ", "Author: ", "Authors: ")) and body:
            # "Author Ana Ruiz" under the story (a sentence about an author gives no names)
            named = page_byline(paragraph, bare=False)
            if named is not None:
                _add_names(profiled, named)
                continue
        if body and len(paragraph) <= 80:
            named = closing_byline(paragraph)  # "Written by: Ana Ruiz" under the story
            if named is not None:
                _add_names(profiled, named)
                continue
        if is_boilerplate(paragraph):
            about = len(paragraph) <= 17 and paragraph.casefold() in _ABOUT_AUTHOR
            continue
        if not told:  # a label, a stamp or tags above the story's first sentence
            if _head_line(paragraph, paragraphs[place + 1 : place + 3]):
                heads.add(len(body))  # (dropped after the byline's zone has been read)
            else:
                told = paragraph.endswith(_HEAD_KEEP) or _story_heading(paragraph)
                if len(paragraph) <= 80:  # a standfirst, dateline, heading, box or table head
                    spared.add(paragraph)
        body.append(paragraph)
    if heads and told:  # (a body with no sentence at all keeps its lines: a feed's short item)
        body = [p for i, p in enumerate(body) if i not in heads]
        credited = [(i - sum(h < i for h in heads), at) for i, at in credited if i not in heads]
    if credited:  # a photographer's name and address under a caption are not the author's
        drop, taken = _photographers(body, credited, [*meta_authors, *byline])
        if drop:
            body = [p for i, p in enumerate(body) if i not in drop]
            contact_lines = [p for i, p in enumerate(contact_lines) if i not in taken]

    names: list[str] = []
    _add_names(names, meta_authors)
    _add_names(names, byline)
    found: list[Contact] = []
    trailer: list[str] = []
    for line in contact_lines:
        line_contacts, write_to = parse_contact_line(line, names)
        found.extend(line_contacts)
        _add_names(names, write_to)
        if names_the_reporter(line):
            followed = reporter_names(line)
            _add_names(trailer, followed or [c.name for c in line_contacts if c.name])
    if not names:  # no byline: the trailer's "X may be reached at …", "Follow X on …"
        _add_names(names, trailer)
    if not names:
        _add_names(names, profiled)
    if not names:  # "Ana Ruiz is a staff writer at the Courier." closing the story
        _add_names(names, [n for n in map(bio_reporter, body[-3:]) if n][:1])
    if not names:  # "Follow Ana Ruiz on Twitter." closing the story
        _add_names(names, [n for n in map(followed_reporter, body[-2:]) if n][:1])
    if not names:
        _add_names(names, reporters)
    _add_names(names, writers)  # "Writing by X" (a wire story's writer): beside any byline
    if not names:
        _add_names(names, organisations[:1])
    for paragraph in body:  # "… we'd like to hear from you. Email jroe@example.com."
        closing = closing_email(paragraph, names)
        if closing is not None:
            found.append(closing)
    body = drop_furniture(body, spared)  # the learned second opinion on the head and tail

    dateline = None
    for paragraph in body[:_DATELINE_ZONE]:
        dateline = find_dateline(paragraph)
        if dateline:
            break
    words = count_words(body)
    quotes = find_quotes(body)
    for quote, person in zip(quotes, quote_people(quotes, body), strict=True):
        if person:
            # find_quotes built these for this call alone: each takes its person in place
            # (building a frozen Quote again costs a few microseconds, ten times this)
            object.__setattr__(quote, "person", person)
    return Analysis(
        title=title,
        paragraphs=body,
        authors=names,
        quotes=quotes,
        contacts=merge_contacts([*meta_contacts, *found]),
        credits=credit_lines,
        dateline=dateline,
        word_count=words,
        reading_minutes=reading_minutes(words),
    )
