"""Recognise site boilerplate and credit lines among an article's paragraphs.

Every check looks at one whole paragraph. Patterns are anchored and bounded, and long
paragraphs are only tested with the few patterns that can match them, so a hostile
10,000-character paragraph costs one pass at most.
"""

from __future__ import annotations

import re

from newsterm.extract.lexicon import words

# Paragraphs longer than this are never treated as boilerplate lines (captions excepted).
_MAX_LINE = 300

_AGENCIES = (
    r"getty(?:\s+images)?|afp|reuters|ap|associated\s+press|epa|efe|shutterstock|alamy"
    r"|bloomberg|pa(?:\s+media)?|xinhua|anadolu|sipa|zuma|rex|dpa|ansa|nurphoto|imago"
)

# Whole-paragraph boilerplate: matched from the start, case-insensitively, on short lines.
_LINE = re.compile(
    r"""
    (?:
        leave\s+a\s+comment | (?:show|view|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments?
      | \d+\s+comments? | comments? | join\s+the\s+(?:conversation|discussion)
      | share(?:\s+(?:this|the|full))?(?:\s+(?:article|story|page|post))? | share\s+on\s+\w+.*
      | (?:(?:facebook|twitter|x|whatsapp|e-?mail|linkedin|reddit|pinterest|messenger
          |copy\s+link|print|share)\W*){2,}
      | appeared\s+in\s+the\s+.{0,80}?print\s+edition.*
      | a\s+version\s+of\s+this\s+article\s+appears\s+in\s+print.*
      | (?:©|\(c\)\s*\d|copyright\b).* | .{0,120}\ball\s+rights\s+reserved\b.*
      | advertisement | advertising | sponsored(?:\s+content)? | ad
      | (?:story|article)\s+continues(?:\s+(?:below|after).*)? | continue\s+reading.*
      | skip\s+(?:advertisement|ad|past\s+newsletter.*) | supported\s+by
      | (?:photo(?:graph)?s?|image|picture|illustration|video|credit|graphic|map|chart)s?
        (?:\s+(?:by|credit))?\s*:.*
      | (?:photo(?:graph)?|image|picture|illustration)s?\s+by\s+.*
      | sign\s+up\b.* | subscribe\b.* | get\s+(?:our|the)\s+.{0,60}newsletter.*
      | already\s+a\s+subscriber.* | (?:log|sign)\s+in\b.{0,60}
      | (?:read\s+more|related(?:\s+(?:posts?|links?|reading|videos?))?|more
          |more\s+on\s+this\s+story|more\s+from\s+.{0,40}|see\s+also
          |recommended|most\s+(?:popular|viewed|read)|read\s+next|you\s+may\s+also\s+like
          |also\s+read|further\s+reading|watch|listen|trending|explore\s+more.*|more\s+news)
        (?:\s*(?:[:|–—-].*)|\s+(?:articles?|stories|coverage|topics|content))?
      | reuse\s+this\s+content | topics | click\s+here\b.* | tap\s+here\b.*
      | listen\s+to\s+(?:this|the)\s+(?:article|story).* | \d+\s+min(?:ute)?s?\s+read
      | (?:print|e-?mail|save|gift)(?:\s+(?:this\s+)?(?:article|story))? | save\s+article
      | (?:updated|published|posted|last\s+updated)\s*(?:on\s+|:\s*)?
        (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
        (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}
          |\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}
          |\d{4}-\d\d-\d\d)
        [\d:\s,.apmetgbsucdt]{0,24}
      | credit(?:\.{2,3}|…).*
      | follow\s+(?:us|the\s+\w+(?:\s+\w+)?)\s+on\b.*
      | our\s+standards\s*:.* | the\s+associated\s+press\s+receives\s+.* | ap\s+is\s+solely\s+.*
      | (?:find|follow|see)\s+(?:more\s+of\s+)?(?:ap|the\s+associated\s+press)[’']s\s+.*
      | (?:this\s+(?:article|story)\s+(?:was|is)\s+(?:originally\s+)?(?:published|produced)
          \s+(?:by|in\s+partnership|with).*)
      | was\s+this\s+(?:article|story)\s+(?:helpful|useful).* | (?:https?://|www\.)\S+
      | updated\s+(?:at\s+)?\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?.{0,20}
      | (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
        (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}
          |\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})
        (?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?
      | source\s*:.{1,80} | tags?\s*:.* | filed\s+under\s*:.*
      | don[’']t\s+miss.{0,80} | tell\s+us\s+what\s+you\s+think.*
      | (?:more\s+information|journal\s+information|citation|explore\s+further)\s*:.*
      | provided\s+by\s+[^.]{1,80} | note\s*:.{0,120}\bcomments?\b.*
      | [\w’'. -]{1,30}:\s*(?:https?://|www\.)\S+
      | this\s+(?:article|story|post|piece)\s+(?:was\s+)?(?:originally|first)\s+
        (?:appeared|published|ran)\s+(?:on|in|at|by)\s+.{1,80}
      | read\s+the\s+full\s+(?:story|article|transcript|report|interview|statement|text|letter
          |ruling|decision|opinion|complaint|indictment|lawsuit|filing|speech)\b.{0,60}
      | view\s+(?:the\s+)?(?:photos?|gallery|slideshow|images?|video)
      | expand\s+(?:full\s+)?(?:story|article) | share\s+this\s*:.*
      | like\s+us\s+on\s+\w+.{0,40} | powered\s+by\s+[\w.&’' -]{1,40}
      | (?:facebook|twitter|instagram|youtube|tiktok|linkedin)
      | exclusive | breaking(?:\s+news)? | developing(?:\s+story)? | live\s+updates?
      | loading\s+(?:photo\s+)?(?:gallery|video|comments) | loading(?:\.{2,3}|…)
      | (?:next|previous)\s+page\b.{0,80} | continued\s+on\s+(?:the\s+)?next\s+page.{0,80}
      | this\s+(?:version|story|article)\s+(?:corrects|has\s+been\s+(?:corrected|updated))\b.*
      | \$\d{1,5}(?:\.\d\d)?\s*/\s*(?:person\s*/\s*)?(?:month|mo|year|yr|week|wk)
    )
    [\s.!?]*
    """,
    re.IGNORECASE | re.VERBOSE,
)

# "…/Getty Images", "Jane Roe/Reuters" standing alone.
_AGENCY_CREDIT = re.compile(
    rf"[\w .,'’-]{{1,80}}/\s*(?:{_AGENCIES})(?:\s+via\s+.{{1,60}})?\s*\.?",
    re.IGNORECASE,
)

# A caption that ends in a credit: "Protesters in Lagos on Monday. Photograph: Jane Roe/AP".
_CAPTION_CREDIT = re.compile(
    rf"""(?:photo(?:graph)?s?|image|picture|illustration|credit)\s*(?:by\s*)?:\s*
    [^.:]{{1,80}}\s*\.?\s*\Z
    | \(\s*(?:(?:ap|afp|reuters)\s+)?(?:photo|picture|image)\s*(?:by\s+|/\s*)?[^()]{{1,80}}\)\s*\Z
    | credit(?:\.{{2,3}}|…)[^.]{{1,80}}\Z
    | /\s*(?:{_AGENCIES})\s*\)?\s*\.?\s*\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_CAPTION = 400

# A cheap test before the big pattern: the first words that a boilerplate line can have.
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_FIRST_WORDS = words(
    """leave show view read see comments comment join share facebook twitter x whatsapp e
    email linkedin reddit pinterest messenger copy print appeared a copyright advertisement
    advertising sponsored ad story article continue continues skip supported photo photos
    photograph photographs image images picture pictures illustration illustrations video
    videos credit credits graphic graphics sign subscribe get already log related more
    recommended most you also further watch listen trending explore reuse topics click tap
    save gift updated published posted last follow our the ap find this was https http
    www source tags tag don tell journal citation provided note download itunes listen
    filed monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat
    sun january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec originally map chart
    instagram youtube tiktok expand like powered exclusive breaking developing live loading
    next previous continued version"""
)
_CAPTION_CUES = ("photo", "image", "picture", "illustration", "credit", "/")
_LINE_STARTS = "_©($’'. -"
"""What, besides a letter or a digit, a _LINE match can open with (\\d, ©, "(c)", "$", the
characters of "[\\w’'. -]{1,30}:"); a line opening with any other mark, "“" say, can match
only "… all rights reserved", so the full pattern is tried on it only when "erved" is there
(no character but "e", "r", "v" or "d" matches those letters under IGNORECASE)."""

# Credit lines: "(Reporting by …; Editing by …)", "… contributed to this report."
_CREDIT_START = re.compile(
    r"\(?\s*(?:(?:additional\s+)?reporting|writing|editing|edited|compiled|research|"
    r"translation|translated|graphics|fact-checking|production|produced)\s+by\s+\S",
    re.IGNORECASE,
)
_MAX_CREDIT = 1500
"""A bracketed credit line may be long: a wire story's "(Additional reporting by" lists many
reporters, each with a city, before "Writing by" and "Editing by"."""
_CONTRIBUTED = re.compile(
    r".{1,250}?\b(?:contributed|helped\s+with)\s+(?:to\s+)?(?:this\s+)?"
    r"(?:report(?:ing)?|research|article|story|coverage)\b.{0,80}",
    re.IGNORECASE | re.DOTALL,
)
_CREDIT_CLAUSE = re.compile(
    r"(?:(?:additional\s+)?reporting|writing|editing|edited|compiled|research|translation|"
    r"translated|graphics|fact-checking|production|produced)\s+by\s+(?P<names>.+)",
    re.IGNORECASE,
)
_NAME_GLUE = frozenset(
    [
        "and",
        "in",
        "from",
        "at",
        "with",
        "for",
        "of",
        "the",
        "de",
        "da",
        "del",
        "van",
        "von",
        "der",
        "al",
        "bin",
        "le",
        "la",
        "du",
        "y",
        "&",
        ",",
    ]
)
# "Okafor reported from Abuja.", "A reported from X, and B from Y."
_REPORTED_FROM = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+\s+(?:reported|wrote)\s+from\s+[A-Z][^.]{0,150}\.?"
)
# "With Post wires", "— With files from Example Press", "With wire services".
_WITH_WIRES = re.compile(
    r"[—-]?\s*with\s+(?:(?:[\w.'’-]+\s+){0,3}(?:wires?|wire\s+services?|news\s+services?)"
    r"|files\s+from\s+[^.]{1,80})\s*\.?",
    re.IGNORECASE,
)
_ROLE = re.compile(r"\s*(?P<role>(?:additional\s+)?reporting|writing)\s+by\s+(?P<names>.+)", re.I)


# Furniture that any line can be: separators, embedded posts' signatures, promotions.
_SEPARATOR = re.compile(r"[\W_]{1,40}")
_POST_SIGNATURE = re.compile(
    r"[—–-]\s*.{1,80}\(@\w{1,30}\)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
_GRAPHIC = re.compile(r"\((?:graphic|interactive|video|photos?|chart)\s*:.{1,200}\)", re.IGNORECASE)
_PROMO = re.compile(
    r"\b(?:sign\s+up|subscribe|keep\s+up\s+with)\b.{0,120}\bnewsletter\b|\bclick(?:ing)?\s+here\b"
    r"|\b(?:turn\s+off|disable|pause|whitelist|allowlist)\s+(?:your\s+|an\s+|the\s+)?ad[\s-]?block",
    re.IGNORECASE,
)
_TEASER = re.compile(
    r"(?:see\s+more(?:\s+(?:photos|pictures|images|videos?|stories))?\s*:.*|.{5,200}\[(?:insight|video|reaction|warning|news|pictures|poll"
    r"|latest|analysis|live|photos|comment)\]\s*\|?)",
    re.IGNORECASE,
)
"""A link to another story: "SEE MORE: …", "Headline of another story [VIDEO]"."""
_GLUED_CREDIT = re.compile(
    r".{10,300}[a-z.)](?:Reuters|AP(?:\s+Photo)?|AFP|EPA|Getty(?:\s+Images)?|Bloomberg)"
)
"""A caption with its credit run into it by the page: "… in New York.Reuters"."""
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:[+-]\d\d:\d\d|Z)?")
_NUMBERS = re.compile(r"\d{1,3}\s*(?:/|of)\s*\d{1,3}")
"""A gallery's counter standing alone: "1 / 5", "2 of 12"."""
_BRACKETED = re.compile(
    r"\[(?:(?:read|related|see|watch|more|also|listen|video|photos|get|sign\s+up)\b[^\[\]]{1,240}"
    r"|[^\[\]\d]{20,160}[^\[\]\d.]|[^\[\]]{0,160}\b(?:inbox|newsletter)\b[^\[\]]{0,80})\]",
    re.IGNORECASE,
)
"""A whole paragraph in square brackets that links elsewhere ("[Read: Another story]") or
reads as another story's headline; not a bracketed citation ("[Author, p. 41]")."""
_FIRST_PUBLISHED = re.compile(
    r"[^.]{0,60}\bFirst published\s+(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?[A-Z][a-z]{2,8}\.?\s+"
    r"\d{1,2},?\s+\d{4}\b.{0,24}"
)
"""A page's stamp: "Example Money (New York) First published February 1, 2016: 1:28 AM ET"."""
_PAREN_AGENCY = re.compile(
    r"\((?:Reuters|REUTERS|AP|AFP|Getty\s+Images|Associated\s+Press|Shutterstock|Xinhua)"
    r"(?:\s+[Pp]hotos?)?\)\.?\Z"
)
_PAREN_NAME_ORG = re.compile(r"\([A-Z][\w.'’ -]{1,50}\s?/\s?(?:[A-Z]|the\s)[\w.'’& -]{1,60}\)\.?\Z")
"""A caption's closing credit in brackets: "… on Monday. (Reuters)", "(Jane Roe / The Daily)"."""
_SOURCE_TAIL = re.compile(r"(?:\A|[.!?]\s+)Source:\s+[A-Z][\w&’'/ -]{0,50}\Z")
"""A caption's closing source: "… for two years. Source: Supplied"."""
_CREDIT_GLUE = frozenset(
    ["for", "the", "via", "and", "of", "de", "van", "von", "der", "da", "del", "—", "–", "-"]
)
_MAX_CREDITED_CAPTION = 600
_SENTENCE_ENDS = tuple('.!?”"’)')


def is_boilerplate(paragraph: str) -> bool:
    """True when the paragraph is site furniture rather than article text."""
    text = paragraph.strip()
    if not text:
        return True
    if len(text) <= 40 and _SEPARATOR.fullmatch(text):
        return True  # "___", "-", "* * *"
    if "(@" in text and len(text) <= 200 and _POST_SIGNATURE.fullmatch(text):
        return True  # "— Ana Ruiz (@anaruiz) May 3, 2021": an embedded post's signature
    if "pic.twitter.com/" in text and len(text) <= 400:
        return True
    if text[0] == "(" and _GRAPHIC.fullmatch(text):
        return True
    lowered = text.lower() if len(text) <= 400 else ""
    if len(text) <= 400:
        if ("newsletter" in lowered or "click" in lowered or "block" in lowered) and _PROMO.search(
            text
        ):
            return True  # a promotion: "… Click here for more information.", an ad-block notice
        if ("[" in text or "see more" in lowered) and _TEASER.fullmatch(text):
            return True
        if "©" in text and len(text.split()) <= 30:
            return True  # a caption or a credit: "Installation views, photos © Studio, 2018"
        if text[-1].isalpha() and _GLUED_CREDIT.fullmatch(text):
            return True
        if text[:2].isdigit() and _TIMESTAMP.fullmatch(text):
            return True
        if len(text) <= 12 and text[0].isdigit() and _NUMBERS.fullmatch(text):
            return True
        if text[0] == "[" and text[-1] == "]" and _BRACKETED.fullmatch(text):
            return True
        if "First published" in text and _FIRST_PUBLISHED.fullmatch(text):
            return True
        if text.isupper() and len(text.split()) >= 5 and any(m in text for m in "'‘’\"“”"):
            return True  # another story's headline in capitals: "STAR ‘OPENS UP’ ABOUT …"
    if len(text) <= _MAX_LINE:
        first = _FIRST_WORD.match(lowered)
        if (
            (first is not None and first.group() in _FIRST_WORDS)
            or (
                not text[0].isalpha()
                and (text[0].isalnum() or text[0] in _LINE_STARTS or "erved" in lowered)
            )
            or "rights reserved" in lowered
        ) and _LINE.fullmatch(text) is not None:
            return True
        if "/" in text and _AGENCY_CREDIT.fullmatch(text) is not None:
            return True
    if len(text) <= _MAX_CREDITED_CAPTION and text[-1] != "." and _credited_caption(text):
        return True
    if len(text) > _MAX_CAPTION:
        return False
    tail = text[-160:]
    # Every _CAPTION_CREDIT match holds a colon, a closing bracket, a slash or an ellipsis.
    if not (":" in tail or ")" in tail or "/" in tail or ".." in tail or "…" in tail):
        return False  # a cheap test first: the search below costs ~100 times more
    lowered_tail = tail.lower()
    return any(cue in lowered_tail for cue in _CAPTION_CUES) and (
        _CAPTION_CREDIT.search(tail) is not None
    )


def _credited_caption(text: str) -> bool:
    """A caption that ends in its credit, the body's text never does: "… in Queens. Credit Jane
    Roe/The Daily", "… on Monday. (Reuters)", "… two years. Source: Supplied"."""
    if text[-1] == ")":
        credit = _PAREN_AGENCY.search(text) or _PAREN_NAME_ORG.search(text)
        return credit is not None and text[: credit.start()].rstrip().endswith(_SENTENCE_ENDS)
    if "Source:" in text[-60:] and _SOURCE_TAIL.search(text[-70:]):
        return True
    start = text.rfind("Credit ")
    if start < 0 or (
        start and (text[start - 1] != " " or not text[:start].rstrip().endswith(_SENTENCE_ENDS))
    ):
        return False
    who = [w for w in re.split(r"[\s/,]+", text[start + 7 :]) if w]
    return 0 < len(who) <= 14 and all(w[0].isupper() or w in _CREDIT_GLUE for w in who)


def credit_clauses(paragraph: str) -> list[str] | None:
    """Split a credit line into its clauses, or return None when it is not a credit line.

    ``(Reporting by A in Lagos; Editing by B)`` gives ``["Reporting by A in Lagos",
    "Editing by B"]``; ``A contributed to this report.`` gives one clause.
    """
    text = paragraph.strip()
    if not text or len(text) > (_MAX_CREDIT if text[0] == "(" else _MAX_LINE):
        return None
    if _CREDIT_START.match(text):
        inner = text.strip().strip("()").strip()
        clauses = [c.strip(" .()") for c in re.split(r"[;|]", inner)]
        clauses = [c for c in clauses if c]
        if text.startswith("(") or all(_is_credit_clause(c) for c in clauses):
            return clauses
        return None
    lowered = text.lower()
    if ("contributed" in lowered or "helped with" in lowered) and _CONTRIBUTED.fullmatch(text):
        return [text.rstrip(" .")]
    if (" reported from " in text or " wrote from " in text) and _REPORTED_FROM.fullmatch(text):
        return [text.rstrip(" .")]
    if lowered.startswith(("with ", "— with ", "- with ")) and _WITH_WIRES.fullmatch(text):
        return [text.strip(" .—-")]
    return None


def reporting_names(clause: str) -> list[str]:
    """Names credited with the reporting or writing in a clause ("Reporting by A and B")."""
    match = _ROLE.fullmatch(clause)
    if match is None or match.group("role").lower().startswith("additional"):
        return []
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", match.group("names"))
    names = []
    for part in parts:
        name = re.sub(r"\s+(?:in|from|at)\s+[A-Z].*$", "", part.strip(" ."))
        if name and all(word[:1].isupper() for word in name.split()):
            names.append(name)
    return names


def _is_credit_clause(clause: str) -> bool:
    """True when a clause is "Role by Name(s)" with nothing but names and places after."""
    match = _CREDIT_CLAUSE.fullmatch(clause)
    if match is None:
        return False
    words = match.group("names").replace(",", " , ").split()
    return len(words) <= 24 and all(w[:1].isupper() or w.lower() in _NAME_GLUE for w in words)


_LINKS_LABEL = re.compile(
    r"(?:read\s+more|read\s+also|also\s+read|more\s+on\s+this(?:\s+story)?|see\s+also"
    r"|related(?:\s+(?:stories|articles|coverage|links|content))?|more\s+coverage)\s*:",
    re.IGNORECASE,
)
"""A line that announces a list of other stories: "Read more:", "Related coverage:"."""
_LINK_WORDS = 20
"""Words a line of such a list holds at most."""
_HEADLINE_RUN = 3
"""Title-case headlines in a row that make a block of other stories inside a body."""
_PAYMENT_LINE = re.compile(r"we\s+accept\s+(?:all\s+major\s+)?credit\s+cards?\b.{0,80}", re.I)
_PLAN_NAMES = words("monthly annual yearly weekly corporate digital premium basic student")


def drop_story_links(paragraphs: list[str]) -> list[str]:
    """An article's paragraphs without the other stories a page lists among them.

    Three strong shapes, the article's own text never has them: a "Read more:" line and the
    headlines right after it (lines of at most _LINK_WORDS words without a closing mark);
    _HEADLINE_RUN or more title-case headlines in a row after the first sentence of prose (the
    headline, a standfirst and the byline come before it) and not introduced by a colon (the
    article's own list: "The new members are:"); a subscription box (a plan name
    alone on a line, its price, a line about that plan; "We accept credit cards …").
    """
    drop: set[int] = set()
    for index, text in enumerate(paragraphs):
        if _LINKS_LABEL.fullmatch(text.strip()):
            end = index + 1
            while end < len(paragraphs) and _link_line(paragraphs[end]):
                end += 1
            if end > index + 1:
                drop.update(range(index, end))
        elif _PAYMENT_LINE.fullmatch(text.strip()):
            drop.add(index)
        elif text.strip().casefold() in _PLAN_NAMES:
            for after in range(index + 1, min(index + 3, len(paragraphs))):
                line = paragraphs[after]
                if "plan" in line.casefold().split() and len(line.split()) <= _LINK_WORDS:
                    drop.update(range(index, after + 1))
                    break
                if len(line.split()) > 3:
                    break
    start = next(
        (i + 1 for i, p in enumerate(paragraphs) if _PROSE.search(p) and len(p.split()) >= 12),
        len(paragraphs),
    )
    while start < len(paragraphs):
        end = start
        while end < len(paragraphs) and _title_headline(paragraphs[end]):
            end += 1
        if end - start >= _HEADLINE_RUN and not paragraphs[start - 1].rstrip().endswith(":"):
            drop.update(range(start, end))
        start = end + 1
    return [p for i, p in enumerate(paragraphs) if i not in drop] if drop else paragraphs


def _link_line(text: str) -> bool:
    """A line of a list of links: a headline, at most _LINK_WORDS words, no closing mark."""
    text = text.strip().removeprefix("- ").removeprefix("• ")
    return bool(text) and len(text.split()) <= _LINK_WORDS and not text.endswith(_SENTENCE_ENDS)


_PROSE = re.compile(r"[a-z]{2}[.!?][”\"’]?\Z")
"""The end of a sentence of prose; the title-case runs are looked for after the first one."""


def _title_headline(text: str) -> bool:
    """A headline in title case: 5 to _LINK_WORDS words, most longer ones capitalised, no
    closing mark, not a byline ("By …", "Name | Paper"), no digits or separators (a list of
    dates and places: "June 9 – Tampa @ Arena")."""
    words_ = text.split()
    if (
        not 5 <= len(words_) <= _LINK_WORDS
        or text.endswith((*_SENTENCE_ENDS, ":", ",", ";"))
        or words_[0].casefold() == "by"
        or any(c.isdigit() or c in "|@–—" for c in text)
        or "--" in text
    ):
        return False
    longer = [w for w in words_[1:] if len(w) >= 4 and w[0].isalpha()]
    return len(longer) >= 2 and sum(w[0].isupper() for w in longer) >= 0.8 * len(longer)
