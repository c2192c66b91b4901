"""Bylines ("By Jane Roe and John Doe", "By JANE ROE, Associated Press") and datelines."""

from __future__ import annotations

import re

from newsterm.extract.given_names import GIVEN_NAMES
from newsterm.extract.lexicon import NAME_MONTHS, PARTICLES, TITLES

_MAX_BYLINE = 200

_BYLINE = re.compile(r"by[\s:]+(?P<names>\S.*?)[\s.]*", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:[,;|]|\s-\s|\s—\s|\s/\s)\s*")
_AND = re.compile(r"\s+(?:and|&)\s+|\s*&\s*", re.IGNORECASE)
_PLACE_SUFFIX = re.compile(r"\s+(?:[Ii]n|from)\s+[A-Z][\w .'’-]*$")
"""A place or a page's section after the name ("in Lagos", "In Small Business News 0")."""
_PARTICLES = PARTICLES
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_NOT_NAMES = frozenset(
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "the", "a", "an", "staff",
        "writer", "reporter", "correspondent", "editor", "bureau", "associated", "press",
        "reuters", "afp", "ap", "news", "service", "agency", "wire", "times", "post",
        "journal", "guardian", "herald", "tribune", "daily", "chief", "senior", "special",
        "contributor", "columnist", "team", "desk", "staffers", "today", "tomorrow",
        "yesterday", "noon", "now", "then", "this", "that", "far", "contrast", "click",
        "updated", "published", "posted", "from", "source", "image", "photo", "video",
        "gallery", "article", "author", "last", "share", "photos", "photography",
    ]
)  # fmt: skip
_NAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*|[A-Z]\.|(?:al|el)-[A-Z][\w'’-]*")

_ORG_SUFFIX = re.compile(
    r"[\s,/|—–-]+(?:the\s+)?(?:associated\s+press|ap|reuters|afp|bloomberg(?:\s+news)?|"
    r"staff\s+writers?|staff)\s*$",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]+")

_DATELINE = re.compile(
    r"""
    (?P<dateline>
      [A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,3}          # LAGOS, NEW YORK, RIO DE JANEIRO
      (?:,\s+[A-Z][A-Za-z.'’-]*(?:\s+[A-Z0-9][A-Za-z0-9.'’-]*){0,3})?   # , Nigeria / , May 3
      (?:\s+\([A-Z][\w .&-]{0,30}\))?                          # (AP) / (Reuters)
    )
    \s*(?:—|–|--|-)\s+
    """,
    re.VERBOSE,
)


def _title_case(name: str) -> str:
    """Turn an all-capitals name ("JANE O'ROE") into "Jane O'Roe"; leave others alone."""
    if name.isascii() and not name.isupper():
        return name  # an ASCII name with a lower-case letter, or none: the usual case, at once
    letters = "".join(filter(str.isalpha, name))
    if letters and all(map(str.isupper, letters)) and len(letters) > 2:
        words = []
        for index, word in enumerate(name.split()):
            if index and word.lower() in _PARTICLES:
                words.append(word.lower())
            else:
                words.append(_LETTERS.sub(lambda m: m.group().capitalize(), word))
        return " ".join(words)
    return name


def clean_name(text: str) -> str | None:
    """Return ``text`` as a person's name if it looks like one ("Jane Roe"), else None."""
    text = text.strip(" .,;:")
    if "in" in text or "In" in text or "from" in text:  # what _PLACE_SUFFIX needs
        text = _PLACE_SUFFIX.sub("", text)
    words = text.split()
    if not 1 <= len(words) <= 5:
        return None
    capitals = 0
    for index, word in enumerate(words):
        if word.lower() in _PARTICLES and capitals:
            continue
        lowered = word.lower().strip(".")
        # "April Glaser" is a name; "April" alone or "May 3" none
        given = index == 0 and lowered in NAME_MONTHS and len(words) > 1 and word[-1] != "."
        if (lowered in _NOT_NAMES and not given) or not _NAME_TOKEN.fullmatch(word):
            return None
        capitals += 1
    if capitals == 0 or (len(words) == 1 and len(text) < 3):
        return None
    return _title_case(text)


def parse_byline(paragraph: str) -> list[str] | None:
    """Return the author names of a byline paragraph, or None if it is not a byline.

    An organisation or role after a comma ("By Jane Roe, Associated Press") is dropped.
    """
    text = paragraph.strip()
    if len(text) > _MAX_BYLINE:
        return None
    match = _BYLINE.fullmatch(text)
    if match is None:
        return None
    names: list[str] = []
    listed = _ORG_SUFFIX.sub("", match.group("names"))
    for index, segment in enumerate(_SEPARATORS.split(listed)):
        segment = segment.strip()
        if segment[:1] in "aA&":  # what the pattern opens with ("and" has no other case folds)
            segment = re.sub(r"^(?:and|&)\s+", "", segment, flags=re.IGNORECASE)
        if not segment:
            continue
        if index and _ACRONYM.fullmatch(segment):
            break  # an outlet's initials after the names: "By Ana Ruiz, CNN"
        found = [clean_name(part) for part in _AND.split(segment)]
        if all(found):
            names.extend(n for n in found if n)
        elif index == 0:
            return None
        else:
            break  # an organisation or a role: the names are over
    return list(dict.fromkeys(names)) or None


_LABELS = r"(?:authors?|reporters?|writers?|words|text|byline|contributors?)"
"""A label before the writers' names, with a colon ("Words: Ana Ruiz", "Contributor: Ana Ruiz")."""
_BY_WORDS = (
    r"(?:posted|written|words|story|text|analysis|report|interview|review|news|opinion"
    r"|commentary|column|feature|features|essay|guide|preview|blog)"
)
"""A word before "by" and the writers' names ("Words by", "Interview by", "News by")."""
_BY_MARKER = re.compile(
    rf"[|/\s]*(?:{_BY_WORDS}\s+)?by\s*:?|{_LABELS}\s*:",
    re.IGNORECASE,
)
_DATE_WORD = (
    r"(?:[0-9][0-9/:.,-]*(?:st|nd|rd|th|[ap]m)?,?|(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|nes|urs|ur)?[a-z]{0,4}\.?,?"
    r"|am|pm|[a-z][sd]t|[ecmp]t|utc|gmt)(?!\w)"
)
_MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?(?!\w)"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?"
_LEAD = re.compile(
    r"(?:(?:last\s+)?(?:posted|published|updated)(?:\s+on)?\s*:?\s+)?"
    rf"(?:(?:{_DATE_WORD}|{_MONTH_WORD})\s+)+(?:[|/]\s*)?"
    r"(?=(?:(?:posted|written|analysis)\s+)?by\b|[A-Z])",
    re.IGNORECASE,
)
"""A date and time before a byline ("Monday November 18, 2019 7:45 am PST by …", "Published:
May 20, 2020 by …", "posted on 2020-06-15 11:15 EDT by …")."""
_PREFIXED = re.compile(
    rf"(?:[|/]\s*)?(?:(?:{_BY_WORDS}|reported|compiled|edited)\s+by\b"
    rf"|{_LABELS}\s*:"
    r"|(?-i:Author\s+(?=[A-Z][\w'’.-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’.-]*){1,3}$)))",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"(?:(?:last\s+)?(?:published|updated|posted|date)(?:\s+online)?\s*:?\s+)?(?:on\s+)?"
    rf"(?:(?:{_DATE_WORD}|{_MONTH_WORD})\s*)+",
    re.IGNORECASE,
)


def is_date_line(paragraph: str) -> bool:
    """A line that only says when the story was published ("Published Online: April 25, 2016",
    "Date: May 20, 2020"): above the byline, it leaves the byline at the top."""
    text = paragraph.strip()
    return (
        len(text) <= 60
        and any(c.isdigit() for c in text)
        and _DATE_LINE.fullmatch(text) is not None
    )


_TAIL = re.compile(
    rf"\s+(?:(?:on|-|–|—|\||•|·|/)\s+(?:{_DATE_WORD}|{_MONTH_WORD})"
    rf"|(?:{_WEEKDAY}\s+)?{_MONTH_WORD}\s+[0-9]{{1,2}},?\s+[0-9]{{4}}\b,?"
    rf"|(?:{_WEEKDAY}\s+)?[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}\s+[0-9]{{4}}\b,?)"
    rf"(?:\s+(?:{_DATE_WORD}|{_MONTH_WORD}|at|[ap]\.m\.|updated:?|[|·•—–-]))*$"
    r"|\s+(?:[|·•—–-]\s*)?(?:updated\s+)?(?:[0-9]+|an?)\s+(?:sec|min|hour|hr|day|week|month|year)"
    r"[a-z]*\s+ago$",
    re.IGNORECASE,
)
"""A date after the names (" on November 14, 2019 at 11:04 a.m.", " - 11/18/19 11:04 PM EST",
" December 6, 2017", " • 12/16/16 12:21pm", " Friday, Jan 13, 2017 at 4:45 pm EST",
" Jan 12, 2017, 2:00pm EST", " Mar 3, 2026 Updated Mar 4, 2026", " 3 March 2026 10:42",
" / 3 March 2026") or how long ago the page was
published (" 1 day ago")."""
_TAIL_END = re.compile(
    rf"(?:{_DATE_WORD}|{_MONTH_WORD}|at|[ap]\.m\.|ago|updated:?|[|·•—–-])", re.IGNORECASE
)
"""The last word of every _TAIL match (it holds no space): a line ending in another word skips
the search, which tries every space (keep the two in step)."""
_READ_TAIL = re.compile(r"\s+(?:[|·•—–-]\s*)?[0-9]+\s*-?\s*min(?:ute)?s?\s+read$", re.IGNORECASE)
"""How long the story takes to read, after the names or a date (" • 5 min read")."""
_ROLE_TAIL = re.compile(
    r"(?:\s+(?:[|/,—–•·-]\s*)?|(?-i:(?<=[a-z])(?=[A-Z])))"
    r"(?:(?:special\s+to|for)\s+(?:the\s+)?[A-Z][\w .&'’-]*"
    r"|\((?:[A-Z][\w&.'’-]*\s*){1,4}\)"
    r"|\(?with\s+inputs?\s+from\b.*"
    r"|(?:(?:senior|staff|chief|special|contributing|political|business|sports|investigative"
    r"|national|local|data|health|science|freelance)\s+)*(?:reporter|writer|correspondent|editor"
    r"|columnist|contributor)s?"
    r"|(?:updated|published|posted)\b.*)$",
    re.IGNORECASE,
)
"""What follows the names without a comma: a role ("Senior Reporter"), an outlet ("Special to
the Post", "(CNN)"), where the rest came from ("(with inputs from Agencies)"), when it was
published ("Updated 11:02 AM …")."""
_ROLE_TAIL_LINE = 120
"""Longer lines are not bylines with a role after them: the search is skipped for them."""
_ROLE_ENDS = ("reporter", "writer", "correspondent", "editor", "columnist", "contributor")


def _may_end_in_role(text: str) -> bool:
    """Whether _ROLE_TAIL can match an ASCII line: each of its tails holds "for" or "to", ends
    in ")" or a role word, or holds "updated", "published", "posted" or "inputs" (a search
    costs ~9 µs a line). Other lines may hold letters IGNORECASE matches with ASCII ones ("ı"
    for "i")."""
    lowered = text.lower()
    return (
        not text.isascii()
        or "\n" in text
        or any(
            word in lowered for word in ("for", "to", "updated", "published", "posted", "inputs")
        )
        or text.endswith(")")
        or lowered.rstrip("s").endswith(_ROLE_ENDS)
    )


_GLUED_ROLE = re.compile(
    r"(?<=[a-z])(?=(?:Staff|Senior|Business|Columnist|Contributor|Correspondent|Reporter"
    r"|Editor|Writer|Special|Chief|FOX|CNN|NBC|CBS)[A-Za-z]*\b)"
)
"""A role run into a name by a page's markup ("Meg JamesStaff Writer")."""
_ORG_WORDS = frozenset(
    str.split(
        "press news reuters afp ap bloomberg sport sports staff today times post herald"
        " leader tribune journal gazette telegraph guardian independent editorial desk"
        " insider media wire service team"
    )
)


def is_role_line(paragraph: str) -> bool:
    """A role alone on its line under a byline ("Staff Writer", "UK and world news writer")."""
    text = paragraph.strip()
    return (
        len(text) <= 60
        and text.lower().rstrip("s").endswith(_ROLE_ENDS)
        and not any(c in text for c in '.,;:!?"“”')
    )


def is_by_marker(paragraph: str) -> bool:
    """A line that only says a byline follows: "By", "Posted by", "Author:"."""
    return len(paragraph) <= 20 and _BY_MARKER.fullmatch(paragraph.strip()) is not None


_LATE_BY = re.compile(r"[|/]\s*by\s+(?P<rest>[^|/]+)$", re.IGNORECASE)
"""A byline after a page's other fields ("October 15, 2018/0 Comments/in News /by jroe")."""


_COMMENTS_TAIL = re.compile(
    r"[\s.|·•—–-]*(?:(?:add|leave)\s+a\s+comment|[0-9]+\s+comments?|comments)[\s.]*$", re.IGNORECASE
)
"""A link to the comments closing a byline line (". Add A Comment", "Leave a comment",
"| 12 Comments")."""


_PROFILE_TAIL = re.compile(
    r"\s+(?:[|·•—–-]\s*)?(?:follow(?:\s+(?:on\s+)?[a-z]+)?|view\s+(?:all\s+)?(?:posts|articles"
    r"|stories|profile)|(?:twitter|email|e-mail|instagram|linkedin|facebook)\b.*"
    r"|(?:see\s+)?more\s+(?:from|by|stories|articles)\b.*)$",
    re.IGNORECASE,
)
"""The profile links after the names ("Follow", "View all posts", "Twitter", "More from X")."""
_PROFILE_CUES = ("follow", "view", "twitter", "mail", "instagram", "linkedin", "facebook", "more")
"""A word every _PROFILE_TAIL match holds (keep the two in step), on a line without a letter
IGNORECASE matches with an ASCII one (_FOLDS_TO_ASCII)."""
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def _tidy_byline(text: str) -> str:
    text = text.strip()
    if text[:1] in "|/":
        text = re.sub(r"^[|/]\s*", "", text)
    if "omment" in text:
        text = _COMMENTS_TAIL.sub("", text, count=1).rstrip(" .")
    late = _LATE_BY.search(text)
    if late is not None and late.start() > 0:
        text = "By " + late.group("rest").strip()
    lead = _LEAD.match(text)
    if lead:
        text = text[lead.end() :]
    if text[-4:].lower() == "read":
        text = _READ_TAIL.sub("", text, count=1)  # "Ana Ruiz • March 3, 2026 • 5 min read"
    if _TAIL_END.fullmatch(text.rsplit(None, 1)[-1] if text else ""):
        text = _TAIL.sub("", text).rstrip(" ,;")  # "…, 3 March 2026": the comma too
    if " " in text and len(text) <= _ROLE_TAIL_LINE:
        if _may_end_in_role(text):
            text = _ROLE_TAIL.sub("", text, count=1)  # "Ana Ruiz, Staff Writer"
        text = text.rstrip(" ,;")
    if _LOWER_UPPER.search(text):  # what every _GLUED_ROLE match stands between
        text = _GLUED_ROLE.sub(", ", text)
    if "@" in text and " " not in text.split("@")[1]:
        email = _END_EMAIL.search(text)  # "Ana Ruiz, aruiz@example.com": the whole address
        text = text[: email.start()] if email else text.split("@", 1)[0]
        text = text.rstrip(" •·|/,(:")  # "By Ana Ruiz • @aruiz": the handle
    if len(text) <= _ROLE_TAIL_LINE and (
        any(c in text.lower() for c in _PROFILE_CUES)
        or (not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII))
    ):
        text = _PROFILE_TAIL.sub("", text, count=1)
    words = text.split()
    if words and words[0].lower() == "by":
        words = words[1:]
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        text = "By " + " ".join(words[:half])  # "Sean Martin Sean Martin": printed twice
    return text


_LOWER_UPPER = re.compile(r"[a-z][A-Z]")
_END_EMAIL = re.compile(r"(?<!\S)[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$")
"""An e-mail address closing a byline line, after a space."""


def _may_repeat(text: str) -> bool:
    """Whether _tidy_byline may find the words printed twice ("Sean Martin Sean Martin"), for
    a line without "by": False only when its words, after the date _tidy_byline takes off the
    front, do not open with a run printed twice. _tidy_byline keeps those words but for some
    at the end and the end of the last, unless it splits a word (a role glued to a name,
    "JamesStaff") or cuts one at an "@": then True."""
    if "@" in text or _LOWER_UPPER.search(text):
        return True
    if text[0] in "|/":
        text = re.sub(r"^[|/]\s*", "", text)
    lead = _LEAD.match(text)
    first, *rest = (text[lead.end() :] if lead else text).split(None, 1) or [""]
    if not rest or first.rstrip(",;") not in rest[0]:
        return False  # the first word is never printed again (a word list not built)
    found = [w.rstrip(",;") for w in (text[lead.end() :] if lead else text).split()]
    if not found or found.count(found[0]) < 2:
        return False
    return any(
        found[:half] == found[half : 2 * half]
        for half in range(1, len(found) // 2 + 1)
        if found[half] == found[0]
    )


_HEADING_WORDS = frozenset(
    str.split(
        "key points highlights summary update updates live breaking analysis opinion"
        " tags topics categories industries keywords"
    )
)


def _names_or_title(text: str) -> bool:
    """Capitalised words only ("Business Insider", "Staff Writer"): what follows a name."""
    found = text.split()
    return 1 <= len(found) <= 6 and all(w[:1].isupper() or w in ("of", "and") for w in found)


def is_title_line(paragraph: str) -> bool:
    """Capitalised words only, "&" and "of" besides ("Seattle Desk", "Industries & Tags"): under
    a byline's outlet, the outlet's blog or desk or a heading, not the story."""
    return _names_or_title(paragraph.replace(" & ", " and "))


_NUMERALS = frozenset(("II", "III", "IV"))
_SECTIONS = frozenset(
    str.split(
        "news world politics business sport sports opinion entertainment health science tech"
        " technology culture lifestyle local national features featured latest top stories"
        " environment economy"
    )
)
"""A page's section names: a bare line's words after the first separator, all of them, say
the line lists the story's sections."""


def is_section_line(paragraph: str) -> bool:
    """A bare line of the story's date and sections, not a byline ("24 July 2026 Peace and
    Security", "Current Issues, News", "Local News"): capitalised words after a date, ending in
    sections, or of sections and labels only."""
    text = paragraph.strip()
    if len(text) > 80 or not text[:1].isalnum():
        return False
    lead = _LEAD.match(text)
    rest = text[lead.end() :] if lead else text
    *_, last = _SEPARATORS.split(rest)
    return is_title_line(rest.replace(",", "")) and (
        lead is not None
        or (last != rest and _SECTIONS.issuperset(_LETTERS.findall(last.lower())))
        or _org_heading(rest.replace(",", "").split())  # "Sports", "Local News"
    )


def _org_heading(words: list[str]) -> bool:
    """Words of a section's name or a page's label only, one of them an outlet's ("Sports",
    "Local News", "Press Release"): neither the author nor the story."""
    return all(map(_heading_word, words)) and any(w.lower() in _ORG_WORDS for w in words)


def _plausible(name: str) -> bool:
    """Not an organisation, a role or a web address that followed the name."""
    for word in name.split():
        lowered = word.lower()
        if lowered in _ORG_WORDS or lowered in _HEADING_WORDS or "-at-" in lowered:
            return False
        if "." in word.strip(".") and len(word) > 4:
            return False  # Cleveland.com
        if sum(c.isupper() for c in word[1:]) > 1 and not word.isupper():
            return False  # FOXBusiness
        if word.isalpha() and word.isupper() and word not in _NUMERALS and not name.isupper():
            return False  # "CNN Business": an acronym beside ordinary words names a body
    return True


def _may_be_labelled(text: str) -> bool:
    """A line that may name its author after "by" or "Author:" (lower-cased only here, on the
    lines that are neither bare nor after a "By" line)."""
    lowered = text.lower()
    return "by" in lowered or "author" in lowered or ":" in text[:14]


def page_byline(
    paragraph: str, *, after_marker: bool = False, bare: bool = True
) -> list[str] | None:
    """Author names of a byline as pages print them, or None.

    Besides "By Jane Roe": a date or "Posted"/"Written" before "by", a date after the names,
    a role glued to the name, an @handle after it, the name printed twice, and a bare name
    line ("Jane Roe", "Jane Roe and John Doe, Example News"), which only counts with
    ``bare`` (the caller knows it stands before the body) or ``after_marker`` (the line before
    said "By").
    """
    text = paragraph.strip()
    if len(text) > _MAX_BYLINE or not text:
        return None
    if not (bare or after_marker) and not _may_be_labelled(text) and not _may_repeat(text):
        return None  # neither "by" nor a name printed twice: the patterns below need one
    tidy = _tidy_byline(text)
    single = False
    prefixed = _PREFIXED.match(tidy)
    if prefixed:
        tidy = tidy[prefixed.end() :].strip()
        after_marker = True
    if not _BYLINE.match(tidy):
        if not (bare or after_marker):
            return None
        head, *rest = _SEPARATORS.split(tidy, maxsplit=1)
        if not after_marker and (len(head.split()) < 2 or (rest and not _names_or_title(rest[0]))):
            return None  # "Pittsburgh", "LAGOS, Nigeria – The …": a dateline, not a byline
        if not after_marker and rest and _SECTIONS.issuperset(_LETTERS.findall(rest[0].lower())):
            return None  # "Current Issues, News": the story's sections, not a name and outlet
        single = not after_marker  # on a bare line each name has two words ("Peace and Security")
        if single and (head.endswith(":") or not _person_like(head)):
            return None  # "Climate Change", "Getty Images", "Mayor Ana Ruiz": a heading or a credit
        tidy = "By " + head
        second = _SEPARATORS.split(rest[0], maxsplit=1)[0] if rest else ""
        if second and not after_marker and _second_person(second):
            tidy += " and " + second  # "Ana Ruiz, Ivo Lind": both write it
    names = parse_byline(tidy)
    if names is not None and single and any(" " not in n for n in names):
        return None
    if names is None and not single and tidy[:3].lower() == "by ":
        run = _name_run(tidy[3:])  # "By Ana Ruiz • 12 shares": the names, then the page's fields
        names = parse_byline("By " + run) if run else None
    if names is None:
        handle = _HANDLE.fullmatch(tidy)
        account = handle.group(1).lower() if handle else ""
        if handle is None or account in _NOT_NAMES or account in _NOT_HANDLES:
            return None
        return [handle.group(1)]  # "By jroe": the account the page names as its author
    names = [n if _plausible(n) else _after_label(n) for n in names]
    return [n for n in names if n] or None


_FURNITURE_WORDS = frozenset(
    str.split(
        "popular trending sponsored content images image photos pictures credit note release"
        " brief more read watch listen share finance estate change climate stories story"
        " district region state world international global weather traffic crime courts"
        " education travel food drink arts style life fashion money markets market personal"
        " breaking exclusive premium editor's editors latest recent related sponsor partner"
        " advertisement advertising newsletter podcast explainer interview feature all greater"
        " reading time quote lookup"
    )
)
"""Words of a page's headings, sections and credits (besides _SECTIONS, _HEADING_WORDS and the
places, outlets and titles): on a bare line whose first word is no given name, no person."""


def _heading_word(word: str) -> bool:
    """A word of a section's name or a page's label ("Local", "News", "Release")."""
    lowered = word.lower()
    return (
        lowered in _SECTIONS
        or lowered in _HEADING_WORDS
        or lowered in _FURNITURE_WORDS
        or lowered in ("news", "press")
    )


def _person_like(head: str) -> bool:
    """A bare line's words may be a person's name: it opens with a given name or an initial
    ("Ana Ruiz", "D.J. Lind"), or none of its words names a section, a heading, a place, an
    outlet or a title ("Umair Irfan", but not "Climate Change", "New York", "Getty Images",
    "Mayor Ana Ruiz")."""
    found = head.split()
    if not found:
        return False
    first = found[0].casefold()
    if first in GIVEN_NAMES or (first.endswith(".") and len(first.replace(".", "")) <= 2):
        return True
    for word in found:
        lowered = word.casefold().removesuffix("'s").removesuffix("’s")
        if (
            lowered in _FURNITURE_WORDS
            or lowered in _SECTIONS
            or lowered in _HEADING_WORDS
            or lowered in _ORG_WORDS
            or lowered in _PLACE_WORDS
            or lowered in TITLES
        ):
            return False
    return True


_CLOSING_LABEL = re.compile(rf"(?:{_BY_WORDS}\s+)?by\s*:?\s+|{_LABELS}\s*:\s*", re.IGNORECASE)
_NAME_JOINS = frozenset(("and", "&", "|", "/", "·", "•", "-", "—", "–", *PARTICLES))


_FIELD_WORDS = frozenset(("for", "the", "in", "on", "at", "of", "via", "updated", "published"))


def _sentence_word(word: str) -> bool:
    """A lower-case word no byline's names, outlet or date hold ("the roads closed")."""
    return word[:1].islower() and word not in _NAME_JOINS and word not in _FIELD_WORDS


def closing_byline(paragraph: str) -> list[str] | None:
    """The writers of a labelled byline alone on its line below the byline's zone ("Written by:
    Ana Ruiz", "By Ana Ruiz and Ivo Lind", "By Ana Ruiz for the Courier, 3 March 2026"): after
    the label no sentence ("By Christmas Eve, the roads had closed.")."""
    text = paragraph.strip()
    if len(text) > 80 or text[-1:] in '.!?"”:':
        return None
    if ":" not in text[:24] and "by" not in text[:24].lower():
        return None  # a label's "by" or ":" comes within 24 characters (a run of spaces aside)
    label = _CLOSING_LABEL.match(text)
    if label is None:
        return None
    rest = text[label.end() :].replace(",", " ").split()
    if not rest or not rest[0][:1].isupper() or any(map(_sentence_word, rest)):
        return None
    return page_byline(text, bare=False)


def _name_run(text: str) -> str:
    """The names opening a labelled byline whose rest is no name, role or outlet the patterns
    know ("Ana Ruiz and Ivo Lind • 3 min read • Share", "Ana Ruiz 2026-03-03"): capitalised
    words, initials, particles and "and", up to the first other word; "" for fewer than two,
    or when a lower-case word follows them (a sentence)."""
    taken: list[str] = []
    for word in text.split():
        bare = word.rstrip(",")
        lowered = bare.lower()
        if lowered in ("and", "&") or (taken and lowered in _PARTICLES):
            taken.append(bare)
        elif _NAME_TOKEN.fullmatch(bare) and lowered.strip(".") not in _NOT_NAMES:
            taken.append(word)
        elif word[:1].islower() or lowered in _ORG_WORDS or lowered.endswith(_ROLE_ENDS):
            return ""  # a sentence ("By Christmas Eve the roads closed"), a desk's byline
        else:
            break
        if word != bare:
            break  # "Ana Ruiz, Example Gazette": parse_byline has had this line
    while taken and taken[-1].lower() in ("and", "&", *_PARTICLES):
        taken.pop()
    return " ".join(taken).rstrip(",") if len(taken) >= 2 else ""


def _after_label(name: str) -> str:
    """The name after a section's initials run into a byline ("AAS Ana Ruiz"), or ""."""
    first, _, rest = name.partition(" ")
    if " " in rest and _ACRONYM.fullmatch(first) and not rest.isupper() and _plausible(rest):
        return rest
    return ""


_PLACE_WORDS = frozenset(
    str.split(
        "new los las san santa st. saint fort port north south east west upper lower hong des"
        " salt rio buenos kuala abu tel cape sao são costa sri el la city beach springs falls"
        " heights island islands county park harbor harbour bay valley lake york angeles"
        " francisco diego kong d.c. jersey hampshire carolina dakota virginia zealand arabia"
        " africa aires lumpur dhabi aviv town rica lanka vegas orleans moines louis paul"
        " rouge antonio jose worth petersburg lauderdale christi kingdom states republic"
        " globe courier sentinel observer examiner chronicle inquirer register star mirror"
        " express standard magazine online digital radio tv television network weekly"
        " review report bureau ground grounds stadium arena field oval centre center hall"
        " square street road avenue airport university college school hospital house"
        " journalist producer analyst photographer photographers contributing intern fellow"
        " anchor host critic director manager president officer professor lecturer founder"
        " ceo head deputy managing executive assistant associate freelance video photo"
    )
)
"""Words of places, outlets and roles that follow a name on a bare byline line."""


def _second_person(text: str) -> bool:
    """A second personal name after a bare byline's first ("Ana Ruiz, Ivo Lind"), not a
    place ("Ana Ruiz, New York"), a role or an outlet."""
    found = text.split()
    if not 2 <= len(found) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in found):
        return False
    if any(w.lower() in _PLACE_WORDS or w.lower() in _NOT_NAMES for w in found):
        return False
    return clean_name(text) is not None and _plausible(text)


_HANDLE = re.compile(r"by\s+([a-z][a-z0-9_]{2,24})", re.IGNORECASE)
"""A byline naming an account in lower case ("By admin", "by jroe_news")."""
_NOT_HANDLES = frozenset(
    str.split("comparison default design hand chance law day night way mail phone email")
)


_INSTITUTIONS = ("universit", "institut", "college", "laborator", "hospital", "academy")
"""Stems of a research body's name ("Universität", "Institute", "Laboratory")."""


def organisation_byline(paragraph: str, *, after_marker: bool = False) -> str | None:
    """An organisation printed as the byline ("Associated Press", "By Reuters"), or None."""
    text = paragraph.strip()
    source = text[:7].lower() == "source:"
    if text[:1] in "|/bBfFsS":  # what the pattern can take off (after the strip, no space first)
        text = re.sub(r"^[|/\s]*(?:by\s+|from\s+|source\s*:?\s+)?", "", text, flags=re.IGNORECASE)
    words = text.split()
    if not 1 <= len(words) <= 5 or (any(c in text for c in '.!?:;,“”"') and not after_marker):
        return None
    if not all(w[:1].isupper() or w.lower() in ("of", "the", "and") for w in words):
        return None
    if source and any(w in text.lower() for w in _INSTITUTIONS):
        return text  # "Source: University of Example": a press release's institution
    if not after_marker and all(map(_heading_word, words)):
        return None  # "Local News", "Press Release": the page's section or label, not its author
    if "/" in text and not after_marker:
        return None  # "Ana Ruiz/Example Gazette": a photo's credit
    if after_marker or any(w.lower() in _ORG_WORDS for w in words):
        return _title_case(text) if text.isupper() and len(text) > 4 else text
    return None


def find_dateline(paragraph: str) -> str | None:
    """Return the dateline that opens a paragraph ("WASHINGTON (AP)"), or None."""
    match = _DATELINE.match(paragraph[:120])
    return match.group("dateline") if match else None


def dateline_end(paragraph: str) -> int:
    """Where the story starts after the dateline that opens a paragraph (after its dash), or 0."""
    match = _DATELINE.match(paragraph[:120])
    return match.end() if match else 0
