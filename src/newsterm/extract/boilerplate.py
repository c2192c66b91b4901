"""Recognise site boilerplate and credit lines among an article's paragraphs.

Every check looks at one whole paragraph. Patterns are anchored and bounded, and long
paragraphs are only tested with the few patterns that can match them, so a hostile
10,000-character paragraph costs one pass at most.
"""

from __future__ import annotations

import re
from itertools import pairwise

from newsterm.extract.byline import find_dateline
from newsterm.extract.given_names import GIVEN_NAMES
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
        (?:leave|add|post)\s+a\s+comment | (?:show|view|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments?
      | (?:show|view|read)\s+(?:the\s+)?full\s+(?:article|story)
      | \d+\s+comments? | comments? | join\s+the\s+(?:conversation|discussion)
      | share(?:\s+(?:this|the|full))?(?:\s+(?:article|story|page|post|video|photo|gallery))?
      | share\s+on\s+\w+.* | enlarge(?:\s+(?:this\s+)?(?:photo|image|picture))?
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
      | (?:photo(?:graph)?|image|picture|illustration)s?\s+via\s+(?!.*[.!?]\s*\Z).{1,80}
      | this\s+(?:article|story)\s+is\s+(?:more|over)\s+than\s+\w+\s+(?:years?|months?)\s+old
      | sign\s+up\b.* | subscribe\b.* | get\s+(?:our|the)\s+.{0,60}newsletter.*
      | already\s+a\s+subscriber.* | (?:log|sign)\s+in\b.{0,60}
      | (?:read\s+more|related(?:\s+(?:posts?|links?|reading|videos?))?|more
          |more\s+on\s+this\s+story|more\s+from\s+.{0,40}|see\s+also
          |recommended|most\s+(?:popular|viewed|read)|read\s+next|you\s+may\s+also\s+like
          |also\s+read|further\s+reading|watch|listen|trending|explore\s+more.*|more\s+news
          |learn\s+more)
        (?:\s+(?:articles?|stories|coverage|topics|content))?(?:\s*[:|–—-].*)?
      | reuse\s+this\s+content | topics | click\s+here\b.* | tap\s+here\b.*
      | listen\s+to\s+(?:this|the)\s+(?:article|story).* | \d+\s+min(?:ute)?s?\s+read
      | (?:reading\s+time\s*:?\s*)?\d{1,3}\s*(?:min(?:ute)?s?|sec(?:ond)?s?)
        (?:\s*(?:&|and)\s*\d{1,3}\s*sec(?:ond)?s?)?\s+read(?:ing)?(?:\s+time)?
      | (?:print|e-?mail|save|gift)(?:\s+(?:this\s+)?(?:article|story))? | save\s+article
      | (?:updated|published|posted|last\s+updated)\s*(?:on\s+|:\s*)?
        (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
        (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}
          |\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}
          |\d{4}-\d\d-\d\d)
        [\d:\s,.apmetgbsucdt]{0,24}
      | credit(?:\.{2,3}|…).*
      | follow\s+(?:us|the\s+\w+(?:\s+\w+)?)\s+on\b.*
      | follow(?:\s+(?:me|him|her|them))?\s+on\s+(?:twitter|facebook|instagram|x|linkedin|threads
          |bluesky|mastodon|tiktok|youtube)\b.{0,40}
      | our\s+standards\s*:.* | the\s+associated\s+press\s+receives\s+.* | ap\s+is\s+solely\s+.*
      | (?:find|follow|see)\s+(?:more\s+of\s+)?(?:ap|the\s+associated\s+press)[’']s\s+.*
      | (?:this\s+(?:article|story)\s+(?:was|is)\s+(?:originally\s+)?(?:published|produced)
          \s+(?:by|in\s+partnership|with).*)
      | was\s+this\s+(?:article|story)\s+(?:helpful|useful).* | (?:https?://|www\.)\S+
      | updated\s+(?:at\s+)?\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?.{0,20}
      | (?:last\s+)?(?:updated|published|posted)\s*:?\s*(?:\d{1,2}|an?)\s+
        (?:minute|hour|day|week)s?\s+ago
      | (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
        (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}
          |\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})
        (?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?
      | source\s*:.{1,80} | tags?\s*:.* | filed\s+under\s*:.* | topics?\s*:.{1,160}
      | (?:the\s+)?(?:opinions?|views?)\s+expressed\s+(?:here(?:in)?|in\s+this\s+\w+|above|below)
        \s+(?:are|is|do)\b.*
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
      | (?:tweet|post|embed|video)\s+may\s+have\s+been\s+(?:deleted|removed)
      | (?:tagged|in\s+video|read\s+more\s+about)\s*:.{1,200} | tags\s*/.{1,200}
      | read\s+this\s+(?:story|article)\s+in\s+\w+
      | download\s+the\s+.{0,60}\bapp\b(?:\s+(?:here|now|today|for\s+\w+(?:\s+(?:and|or)\s+\w+)?))?
      | (?:story|article)\s+continued\s+below | recent\s+\w+(?:\s+\w+)?\s+content
      | popular\s+videos? | related\s+stor(?:y|ies)
      | (?:know\s+something|got\s+a\s+(?:news\s+)?tip|have\s+a\s+(?:news\s+)?tip)[^?]{0,60}\?\s*
        (?:e-?mail|contact|write\s+to|tell|send)\b.{0,120}
      | advert | posted\s+in\s*:\s*[\w&’' ,/-]{1,60} | show\s+(?:more|less)
      | (?:read|popular\s+now)\s*:\s*[^.!?]{5,150}(?:\.{3}|…)? | \(\s*end\s*\)
      | report\s+a\s+correction(?:\s+or\s+typo)? | this\s+article\s+appeared\s+on\s+page\s+
        [\w -]{1,12}\s+of\s+the\s+[\w’'. -]{1,60}
      | donate(?:\s+(?:today|now|here))? | stay\s+in\s+the\s+know | author
      | recent\s+(?:posts|stories|articles) | more\s+like\s+this(?:\s+(?:story|article))?
      | follow\s+us\s*: | (?:read|see)\s+our\s+privacy\s+policy
      | (?:photo|image|picture)s?\s+via\s+(?:a\s+)?screen\s*(?:capture|grab|shot)
      | get\s+[\w’'&. -]{1,40}\s+on\s+(?:twitter|facebook|instagram)\b
        (?:\s*,?\s*(?:and\s+|&\s+)?(?-i:[A-Z][\w+]*)(?:\s+(?-i:[A-Z][\w+]*))?){0,4}
    )
    [\s.!?]*
    """,
    re.IGNORECASE | re.VERBOSE,
)
_ANY_OPENING = (
    r".{0,120}\ball\s+rights\s+reserved\b.*",
    r"[\w’'. -]{1,30}:\s*(?:https?://|www\.)\S+",
)
"""_LINE's alternatives that may open with any word: the first needs "erved" (no character but
"e", "r", "v" or "d" matches those letters under IGNORECASE), the second "://" or "www."."""
_LINE_OWN_OPENINGS = re.compile(
    _LINE.pattern.replace(_ANY_OPENING[0], "(?!)").replace(_ANY_OPENING[1], "(?!)"),
    _LINE.flags,
)
"""_LINE less those two (each tries every position up to its colon or its words; ~1 % of a real
article's analysis): the same answer on a line without their cues."""

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
    | \|\s*(?:photo(?:graph)?|image|picture|illustration)s?\s+(?:by|credit)\s+[^|]{{1,80}}\Z
    | /\s*(?:{_AGENCIES})\s*\)?\s*\.?\s*\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_CAPTION = 400

# A cheap test before the big pattern: the first words that a boilerplate line can have.
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_FIRST_WORDS = words(
    """leave add post show view read see comments comment join share facebook twitter x whatsapp e
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
    next previous continued version enlarge opinion opinions views tweet post embed tagged in
    recent popular know got have learn advert donate stay author reading report"""
)
_PAGE_LABEL = re.compile(
    r"""(?:(?:header|featured?|top|lead|main|cover|hero|banner)\s+(?:photo|image|picture)s?
      (?:\s+credit)?\s*:.* | source\s+link | (?:doi\s*:\s*)?10\.\d{3,9}/\S{1,200}
      | story\s+source\s*: | journal\s+references?\s*: | cite\s+this\s+(?:page|article)\s*:
      | mla\s+apa\s+chicago | full\s+story | date\s*:\s*[\w,./ -]{0,20}\b(?:19|20)\d\d
      | materials?\s+provided\s+by\s+(?-i:[A-Z])[\w’'&-]*
        (?:\s+(?:(?-i:[A-Z])[\w’'&,-]*|of|the|and|for|at|de|&)){0,10}
        (?:\.\s+note\s*:\s*content\s+may\s+be\s+edited\b[^.]{0,60})?
      | disclaimers?(?:\s*:.*)? | about\s+the\s+authors?
      | scroll\s+(?:down|up)\s+(?:for|to)\b[^.!?]{1,80}
      | enter\s+your\s+(?:post\s?code|zip(?:\s+code)?|e-?mail(?:\s+address)?)\s+(?:to|for|and)\b
        [^.!?]{1,120}
      | (?:what\s+do\s+you\s+think\b[^"“”]{1,160}?\s)?(?:sound\s+off|let\s+us\s+know|tell\s+us)
        \b[^"“”]{0,80}?\b(?:below|comments?(?:\s+section)?|think))[\s.!?]*""",
    re.IGNORECASE | re.VERBOSE,
)
"""Other labels of a page: "Header image: …", "Source link", "doi: 10.…", "Disclaimer: …",
"About the author", "Scroll down for video", a prompt to readers ("Sound off below!"), a
science release's labels ("Story Source:", "Cite This Page:", "Date: May 3, 2020")."""
_PAGE_LABEL_WORDS = words(
    "header featured feature top lead main cover hero banner source doi disclaimer disclaimers"
    " about scroll what sound let tell enter story journal cite mla full date materials material"
)
_WEB_CITATION = re.compile(
    r".{10,300}?(?:\.\s+Retrieved\s+(?:on\s+)?[\w ,]{6,30}?\s+from\s+<?(?:https?://|www\.)\S+"
    r"|\.\s+<(?:https?://|www\.)[^\s<>]{4,200}>"
    r"|\.\s+(?:https?://|www\.)\S{4,200}\s+\(accessed\s+[\w ,]{6,30}\))[\s.]*",
    re.DOTALL,
)
"""A citation of the page with its address: "… Daily, 3 May 2020. <www.example.com/a.htm>.",
"… Retrieved May 4, 2020 from www.example.com/a.htm", "… www.example.com/a.htm (accessed May 4,
2020)."."""
_DOI_TAIL = re.compile(r"[.;,]\s+doi\s*:\s*10\.\d{3,9}/\S{1,200}\s*\Z", re.IGNORECASE)
"""A paper's reference that ends in its DOI: "… Nature Physics, 2020; DOI: 10.1038/s4-0"."""
_DATED_CAPTION = re.compile(
    r"[A-Z][^.!?\"“”]{10,200}\sduring\s[^.!?\"“”]{3,120}\s(?:on|in)\s+(?:[A-Z][a-z]+day,\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\s+\d{1,2},\s+(?:19|20)\d\d\."
)
"""A photo's caption without a credit: one sentence of what people did during an event, closed
by the full date of the picture."""
_DATED_CAPTION_WORDS = 25
_PLACE_IN_PICTURE = r"(?:left|right|top|bottom|above|below|centre|center)(?:\s+(?:left|right))?"
_PICTURE_KEY = re.compile(
    rf"Clockwise\s+from\s+{_PLACE_IN_PICTURE}\s*[:,]\s|From\s+(?:left|top)(?:\s+to\s+\w+)?:\s"
    rf"|(?i:{_PLACE_IN_PICTURE}),\s[^;]{{3,200}};\s(?i:{_PLACE_IN_PICTURE}),\s"
)
"""A caption's key to the pictures it describes: "Clockwise from top: …", "From left: …",
"Above, the old wall; right, its stones"."""
_FILE_PHOTO = ("FILE - ", "FILE – ", "FILE — ", "FILE PHOTO", "FILE: ", "(FILE")
"""How a wire photo's caption opens (the story's own text never opens in these capitals)."""
_PICTURE_KEY_OPENINGS = ("Clockwise", "From", "Left", "Right", "Top", "Bottom", "Above", "Below")
_CAPTION_OPENINGS = _FILE_PHOTO + _PICTURE_KEY_OPENINGS
_CUT_SHORT = ("… more", "...more", "... more")
_LONE_AGENCIES = frozenset(
    """getty images|afp|reuters|ap|ap photo|associated press|epa|shutterstock|alamy|xinhua
    |backgrid|akm-gsi|splash news|wireimage|filmmagic|invision|mega|gc images|rex features
    |zuma press|ap images|afp via getty images|istockphoto|istock
    |getty images/istockphoto""".replace("\n    ", "").split("|")
)
"""A photo agency's name alone on its line: the credit of the photo above or below."""
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
_POST_SIGNED = re.compile(
    r"\s[—–]\s*[^—–]{1,60}\(@\w{1,30}\)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\Z"
)
_GRAPHIC = re.compile(r"\((?:graphic|interactive|video|photos?|chart)\s*:.{1,200}\)", re.IGNORECASE)
_PROMO = re.compile(
    r"\b(?:sign\s+up|subscribe|keep\s+up\s+with)\b.{0,120}\bnewsletter\b|\bclick(?:ing)?\s+here\b"
    r"|\b(?:turn\s+off|disable|pause|whitelist|allowlist)\s+(?:your\s+|an\s+|the\s+)?ad[\s-]?block"
    r"|\bsubscri(?:be|ption)s?\b.{0,240}\buse\s+(?:the\s+)?(?:promo\s+|coupon\s+)?code\b"
    r"|\bkeep\s+up\s+with\s+our\s+coverage\b.{0,120}\bvisit\s+our\b"
    r"|\Ajoin\s+our\b.{0,60}\bnewsletters?\b",
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
_TIMESTAMP = re.compile(
    r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:[+-]\d\d:\d\d|Z)?|\d\d?-[A-Z][a-z]{2}-\d{4}"
)
_NUMBERS = re.compile(r"\d{1,3}\s*(?:/|of)\s*\d{1,3}")
"""A gallery's counter standing alone: "1 / 5", "2 of 12"."""
_BRACKETED = re.compile(
    r"\[(?:(?:read|related|see|watch|more|also|listen|video|photos|get|sign\s+up)\b[^\[\]]{1,240}"
    r"|[^\[\]\d]{20,160}[^\[\]\d.]|[^\[\]]{0,160}\b(?:inbox|newsletter)\b[^\[\]]{0,80})\]",
    re.IGNORECASE,
)
"""A whole paragraph in square brackets that links elsewhere ("[Read: Another story]") or
reads as another story's headline; not a bracketed citation ("[Author, p. 41]")."""
_PAREN_LINK = re.compile(
    r"\((?![^()]*\b(?:[Nn]ote|[Cc]orrect|[Uu]pdat|[Cc]larif|[Rr]eport|[Ee]dit|[Ww]rit))"
    r"[A-Z][^().!?:;]{2,60}:\s+[A-Z][^().!?]{10,140}[^().!?\s]\)"
)
"""A whole paragraph in round brackets that reads "Topic: headline", with no sentence in it; not
an editor's note or a correction ("(Correction: An earlier version …)")."""
_FIRST_PUBLISHED = re.compile(
    r"[^.]{0,60}\bFirst published\s+(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?[A-Z][a-z]{2,8}\.?\s+"
    r"\d{1,2},?\s+\d{4}\b.{0,24}"
)
"""A page's stamp: "Example Money (New York) First published February 1, 2016: 1:28 AM ET"."""
_PAREN_AGENCY = re.compile(
    r"\((?:Reuters|REUTERS|AP|AFP|EPA|Getty(?:\s+Images)?|Associated\s+Press|Shutterstock|Xinhua)"
    r"(?:\s+[Pp]hotos?)?\)\.?\Z"
)
_PAREN_NAME_ORG = re.compile(r"\([A-Z][\w.'’ -]{1,50}\s?/\s?(?:[A-Z]|the\s)[\w.'’& -]{1,60}\)\.?\Z")
"""A caption's closing credit in brackets: "… on Monday. (Reuters)", "(Jane Roe / The Daily)"."""
_SOURCE_TAIL = re.compile(r"(?:\A|[.!?]\s+)Source:\s+[A-Z][\w&’'/ -]{0,50}\Z")
"""A caption's closing source: "… for two years. Source: Supplied"."""
_ON_DATE = re.compile(
    r"on\s(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s"
)
_GALLERY_CAPTION = re.compile(r"\d{1,3}\s+of\s+\d{1,3}\.\s+\S.{9,}", re.DOTALL)
"""A gallery's caption behind its counter: "2 of 9. Rescuers search the shore on Monday."."""
_EMBED_POST = re.compile(
    r"(?:twitter|instagram|facebook|x)\s*:\s*[^\n:]{1,60}?\s[-–—]\s\S.*", re.IGNORECASE | re.DOTALL
)
"""An embedded post as a page prints it: "Twitter: Ana Ruiz - The ferry has left"."""
_HASHTAG_PROMO = re.compile(r"#\w{2,30}:\s+[^.!?]{5,120}")
_HANDLES = re.compile(
    r"(?:[#@]\w[\w.]{1,40}\s+)+[#@]\w[\w.]{1,40}(?:\s+(?:like|follow)\s+us(?:\s+on\s+\w+)?)?\s*",
    re.IGNORECASE,
)
"""A line of nothing but hashtags or handles: "#harbour #ferries", "@jroe @paper Like Us"."""
"""A promoted feature under its hashtag, no closing mark: "#Harbour24: A day on the docks"."""
_SHARE_YOURS = re.compile(
    r"(?:.{0,200}[.?!]\s+)?(?:please\s+)?share\s+your\s+(?:[\w,]+\s+){0,3}?"
    r"(?:videos?|photos?|pictures?|images?)\b.{0,120}",
    re.IGNORECASE | re.DOTALL,
)
"""A call for readers' pictures: "Caught in the storm? Please share your photos at …"."""
_FOR_CREDIT = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s?/\s?for\s+(?:the\s+)?[A-Z]")
"""A caption led by its credit: "Jane Roe/for The Daily Mayor Lind opens the bridge."."""
_KEYWORDS_LABEL = re.compile(
    r"(?:read\s+more(?:\s+about)?|tags?|tagged|topics?|keywords?|filed\s+under)\s*[:/]\s*"
    r"|(?P<bare>tags|tagged)\s+(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)
_KEYWORDS_FIRST = "RrTtKkFf"
"""What a _KEYWORDS_LABEL match opens with ("Read more", "Tags", "Keywords", "Filed under")."""
_LISTED = re.compile(r"[\w.&'’-]+(?:\s+[\w.&'’-]+){0,6}")
_MAX_KEYWORDS = 2000
"""A page's labelled list of keywords may be long: "Read More: Harbours, Harbour Board, …"."""
_LINK_CUE = re.compile(
    r"(?:WATCH:?\s+\S[^.!?]{5,150}|\((?i:more|read\s+more|watch|see\s+also|related)\s*:\s*[^()]{5,200}\))"
)
"""Another story's link inside a body: "WATCH Mayor Opens the Bridge", "(MORE: Best Ferries)"."""
_NAME_CREDIT = re.compile(
    r"(?:(?i:courtesy)\s+(?:of\s+)?[A-Z].{0,60}"
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]*){0,3}\s?/\s?[A-Z][\w.'’&-]+(?:\s+[A-Z][\w.'’&-]*){0,3}"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+via\s+(?:AP|Getty\s+Images|Reuters|AFP))"
)
"""A photo's credit alone on its line: "Courtesy Harbour Trust", "Jane Roe/Harbour Daily",
"Jane Roe/AP Photo", "Jane Roe via AP"."""
_BRACKET_SOURCE = re.compile(
    r"[.!?]\s+\((?P<who>[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|domain|photo|handout|images?))"
    r"{0,2}(?<!\.))\)\Z"
)
"""A caption's source in brackets after its last sentence: "… on the quay. (Harbour Trust)",
"(Public domain)"; not an aside ("(Nobody knows)", "(The board agrees.)"),
not a list's item or a link's label ("… it works. (More)")."""
_NOT_SOURCES = words(
    """laughter applause emphasis sic inaudible crosstalk cheers cheering booing music video
    audio photos continued updated corrected translated unintelligible pause silence more here
    link details below above pdf see full"""
)
_CAPS_CREDIT = re.compile(r"[.!?]\s+[A-Z]{2,}(?:\s?/\s?[A-Z]{2,}){1,4}\Z")
"""A caption's credit of initials run on after it: "… on the hill. ABC/DEFG"."""
_CITATION = re.compile(
    r"(?P<name>[A-Z][^\d()]{0,80}?) \d{1,4}(?:\(\d{1,3}\))?, ?[a-z]?\d{1,6}(?:[-–]\d{1,6})? ?"
    r"\((?:19|20)\d\d\)\.?"
)
"""A journal's citation alone on its line: "Nature 574, 16-17 (2019)"."""
_TITLE_GLUE = frozenset(("of", "and", "&", "the", "for", "in", "on"))
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
    if "(@" in text[-60:] and len(text) <= 600 and _POST_SIGNED.search(text[-120:]):
        return True  # the post's text with its signature run on
    if "pic.twitter.com/" in text and len(text) <= 400:
        return True
    if text[0] == "(" and _GRAPHIC.fullmatch(text):
        return True
    if text[0] in _KEYWORDS_FIRST and len(text) <= _MAX_KEYWORDS and _labelled_keywords(text):
        return True
    lowered = text.lower() if len(text) <= 400 else ""
    if len(text) <= 400:
        if (
            "newsletter" in lowered
            or "click" in lowered
            or "block" in lowered
            or "code" in lowered
            or "our coverage" in lowered
        ) and _PROMO.search(text):
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
        if lowered.endswith((" in pictures", " in photos")) and len(text.split()) <= 16:
            return True  # a gallery's link: "Harbour festival, in pictures"
        if (
            lowered.startswith(("more about ", "more on "))
            and text[-1].isalnum()
            and len(text.split()) <= 12
        ):
            return True  # a link to a section: "More about the harbour"
        if " during " in text and _dated_caption(text):
            return True  # "Crowds gathered during the vigil in Riga on June 12, 2026."
        if text.startswith(_CAPTION_OPENINGS) and (
            text.startswith(_FILE_PHOTO) or _PICTURE_KEY.match(text) is not None
        ):
            return True  # "FILE - Divers on the quay, May 4, 2026.", "Clockwise from top: …"
        if text.endswith(_CUT_SHORT) and len(text.split()) <= _CAPTION_WORDS:
            return True  # a caption or a teaser cut short, its link: "… ValueAct sold nearly… more"
        if len(text) <= 24 and text.casefold() in _LONE_AGENCIES:
            return True  # a photo's credit, the agency alone: "Getty Images", "AKM-GSI"
        if text.isdigit() and len(text) >= 5:
            return True  # a page's id for a player or a post: "4419915"
        if text[0].isdigit() and " of " in text[:9] and _GALLERY_CAPTION.fullmatch(text):
            return True
        if text[0] == "#" and _HASHTAG_PROMO.fullmatch(text):
            return True
        if text[0] in "#@" and _HANDLES.fullmatch(text):
            return True
        if (
            ":" in text[:12]
            and lowered.startswith(("twitter", "instagram", "facebook", "x"))
            and _EMBED_POST.fullmatch(text)
        ):
            return True  # an embedded post: "Twitter: Ana Ruiz - …"
        if (
            "share your" in lowered
            and not any(m in text for m in '"“”')
            and (_SHARE_YOURS.fullmatch(text))
        ):
            return True
        if text[0] == "[" and text[-1] == "]" and _BRACKETED.fullmatch(text):
            return True
        if text[0] == "(" and text[-1] == ")" and _PAREN_LINK.fullmatch(text):
            return True  # another story's link in brackets: "(Harbour wall: what we know)"
        if "First published" in text and _FIRST_PUBLISHED.fullmatch(text):
            return True
        if text[0] in "W(" and _LINK_CUE.fullmatch(text):
            return True
        if (
            not text.endswith(_SENTENCE_ENDS)
            and len(text.split()) <= 8
            and _NAME_CREDIT.fullmatch(text)
        ):
            return True
        bullet = text[0] in "-–—•*"  # a list's item: "- Why it works. (More)"
        source = _BRACKET_SOURCE.search(text[-60:]) if text[-1] == ")" and not bullet else None
        if (
            source is not None
            and len(text.split()) <= _CAPTION_WORDS
            and source.group("who").split()[0].casefold() not in _NOT_SOURCES
        ):
            return True  # "… on the quay. (Harbour Trust)"
        if "/" in text[-60:] and text[-1].isupper() and _CAPS_CREDIT.search(text[-60:]):
            return True
        if text[-1].isalpha() and "/" in text[-60:] and _credit_after_caption(text):
            return True  # "… on the quay. Jane Roe/Harbour Daily files"
        if text.endswith(". Supplied") and len(text.split()) <= _CAPTION_WORDS:
            return True  # a caption with its credit run on: "… on the quay. Supplied"
        if len(text) <= 120 and text.endswith((")", ").")) and _citation(text):
            return True  # "Nature 574, 16-17 (2019)"
        if text.startswith("10.") and _PAGE_LABEL.fullmatch(text):
            return True  # a DOI alone: "10.1234/journal-0101"
        if (
            "Retrieved " in text or "<" in text or "(accessed " in text
        ) and _WEB_CITATION.fullmatch(text):
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
        ) and (
            _LINE
            if "erved" in lowered or "://" in text or "www." in lowered
            else _LINE_OWN_OPENINGS
        ).fullmatch(text) is not None:
            return True
        if first is not None and first.group() in _PAGE_LABEL_WORDS and _PAGE_LABEL.fullmatch(text):
            return True
        if "/" in text and _AGENCY_CREDIT.fullmatch(text) is not None:
            return True
        if lowered.startswith("on ") and _ON_DATE.match(lowered) and _LINE.fullmatch(text, 3):
            return True  # "on May 3, 2021 at 7:56 AM": a stamp
    if len(text) <= _MAX_CREDITED_CAPTION and text[-1] != "." and _credited_caption(text):
        return True
    if "/for " in text[:60] and len(text) <= 1000 and _FOR_CREDIT.match(text):
        return True
    if len(text) <= _MAX_CREDIT and ":" in text[-200:]:
        end = text[-200:]
        if "oi:" in end.lower() and _DOI_TAIL.search(end):
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


def _dated_caption(text: str) -> bool:
    """A caption without a credit (see _DATED_CAPTION), not a sentence leaning on the one before
    ("He was arrested during …")."""
    return (
        text[-7:-5] == ", "
        and text[-5:-1].isdigit()
        and len(text.split()) <= _DATED_CAPTION_WORDS
        and text.split(None, 1)[0].casefold() not in _LEANING
        and _DATED_CAPTION.fullmatch(text) is not None
    )


def _credit_after_caption(text: str) -> bool:
    """A caption with a photo's credit run on after its last sentence: "… on the quay. Jane
    Roe/Harbour Daily", "… Jane Roe/Reuters files" (an archive photo), "… Harbour Daily / Jane
    Roe"; a name of two words or more on one side of the slash."""
    cut = max(text.rfind(". "), text.rfind("! "), text.rfind("? "))
    if cut < 0 or len(text.split()) > _CAPTION_WORDS:
        return False
    credit = text[cut + 2 :].removesuffix(" files").removesuffix(" file")
    who, _, by = credit.partition("/")
    return (" " in who.strip() or " " in by.strip()) and _NAME_CREDIT.fullmatch(credit) is not None


def _citation(text: str) -> bool:
    """A journal's citation alone on its line: "Nature 574, 16-17 (2019)"."""
    match = _CITATION.fullmatch(text)
    return match is not None and all(
        w[0].isupper() or w in _TITLE_GLUE for w in match.group("name").split()
    )


def _labelled_keywords(text: str) -> bool:
    """A page's list of keywords under its label: "Tags: harbours, Lena Fisk, sea walls", "Tagged
    Harbours, Lena Fisk, Sea walls", "Tags Harbours Sea walls Example Port" (no glue word)."""
    label = _KEYWORDS_LABEL.match(text)
    if label is None or text.endswith(_SENTENCE_ENDS):
        return False
    items = [item.strip() for item in text[label.end() :].split(",")]
    if len(items) == 1 and label.group("bare"):  # "Tags Harbours Sea walls Example Port"
        words_ = items[0].split()
        return len(words_) >= 3 and not any(w.casefold() in _TOPIC_GLUE for w in words_)
    return len(items) >= 3 and all(_LISTED.fullmatch(item) for item in items)


def _credited_caption(text: str) -> bool:
    """A caption that ends in its credit, the body's text never does: "… in Queens. Credit Jane
    Roe/The Daily", "… on Monday. (Reuters)", "… two years. Source: Supplied"."""
    if text[-1] == ")":
        credit = _PAREN_AGENCY.search(text) or _PAREN_NAME_ORG.search(text)
        if credit is None:
            return False
        # A sentence closed by an agency's credit is a caption; so is a line left without its
        # full stop ("Divers check their gear at the quay (AP)"), never a paragraph of the body.
        before = text[: credit.start()].rstrip()
        return before.endswith(_SENTENCE_ENDS) or (
            credit.re is _PAREN_AGENCY
            and before[-1:].isalnum()
            and len(before.split()) >= 6
            and not _spelled_out(before, credit.group().strip("().").split()[0])
        )
    if "Source:" in text[-60:] and _SOURCE_TAIL.search(text[-70:]):
        return True
    start = text.rfind("Credit ")
    if start < 0 or (
        start and (text[start - 1] != " " or not text[:start].rstrip().endswith(_SENTENCE_ENDS))
    ):
        return False
    who = [w for w in re.split(r"[\s/,]+", text[start + 7 :]) if w]
    return 0 < len(who) <= 14 and all(w[0].isupper() or w in _CREDIT_GLUE for w in who)


def _spelled_out(before: str, initials: str) -> bool:
    """The words before a bracketed abbreviation spell it: "Environmental Protection Agency"."""
    capitals = [w[0] for w in before.split() if w[0].isupper()]
    return "".join(capitals[-len(initials) :]) == initials


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
    r"|related(?:\s+(?:stories|articles|coverage|links|content))?|more\s+coverage"
    r"|read\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}full\s+(?:remarks|statement|text|report|speech"
    r"|letter|transcript|ruling|decision|interview))\s*:|further\s+reading\s*:?",
    re.IGNORECASE,
)
"""A line that announces a list of other stories or a link: "Read more:", "Related coverage:",
"Read the mayor's full remarks:", "Further reading"."""
_LINK_WORDS = 20
"""Words a line of such a list holds at most."""
_HEADLINE_RUN = 3
"""Title-case headlines in a row that make a block of other stories inside a body."""


def _promoted(two: list[str]) -> bool:
    """Another story promoted inside the body above its "Read now" link: its headline (4 to
    _LINK_WORDS words, no closing mark) and a teaser of 20 words at most."""
    headline, teaser = (p.strip() for p in two)
    return (
        _link_line(headline)
        and len(headline.split()) >= 4
        and len(teaser.split()) <= 20
        and not any(m in teaser for m in '"“”')
    )


_TOPIC = r"[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|&|and|of)){0,3}"
_TOPIC_LIST = re.compile(rf"{_TOPIC}(?:,\s+{_TOPIC})+")
"""Topics listed on one line under a label: "Technology, Investing, Stock Market"."""
_PAYMENT_LINE = re.compile(r"we\s+accept\s+(?:all\s+major\s+)?credit\s+cards?\b.{0,80}", re.I)
_PLAN_NAMES = words("monthly annual yearly weekly corporate digital premium basic student")


def drop_story_links(paragraphs: list[str]) -> list[str]:
    """An article's paragraphs without the other stories a page lists among them.

    Three strong shapes, the article's own text never has them: a "Read more:" line and the
    headlines right after it (lines of at most _LINK_WORDS words without a closing mark);
    _HEADLINE_RUN or more title-case headlines in a row after the first sentence of prose (the
    headline, a standfirst and the byline come before it) and not introduced by a colon (the
    article's own list: "The new members are:"); a subscription box (a plan name
    alone on a line, its price, a line about that plan; "We accept credit cards …"). Also the
    captions and teasers a page prints between the byline and a wire story's dateline.
    """
    drop: set[int] = set(_before_wire_dateline(paragraphs)) | set(_company_profile(paragraphs))
    if len(set(paragraphs)) < len(paragraphs):  # a line printed twice: a gallery's title?
        drop.update(_gallery(paragraphs))
    for index, text in enumerate(paragraphs):
        if index + 1 < len(paragraphs) and _repeated_in_credit(text, paragraphs[index + 1]):
            drop.add(index)
        if len(text) <= 30:  # the labels and links below are short lines
            if text == "Read now" and index >= 2 and _promoted(paragraphs[index - 2 : index]):
                drop.update((index - 2, index - 1, index))  # a headline, its teaser, "Read now"
            if (
                text.endswith(("Tags", "Topics"))
                and index + 1 < len(paragraphs)
                and _TOPIC_LIST.fullmatch(paragraphs[index + 1].strip())
            ):
                drop.update((index, index + 1))  # "Industries & Tags", "Ferries, Harbours"
        if len(text) <= 20 and index + 1 < len(paragraphs) and _bare_label(text):
            end = index + 1  # a bare label: the headline after it, and longer ones after that
            while end < len(paragraphs) and _after_bare_label(paragraphs[end], end - index):
                end += 1
            if end > index + 1:
                drop.update(range(index, end))
        elif _LINKS_LABEL.fullmatch(text.strip()):
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
                if after == index + 1 and _PRICE.fullmatch(line.strip()):
                    end = index + 2  # "Corporate", "$60/person/year", what the plan gives
                    if end < len(paragraphs) and len(paragraphs[end].split()) <= _LINK_WORDS:
                        drop.update(range(index, end + 1))
                        break
                if len(line.split()) > 3:
                    break
    for index in range(len(paragraphs) - 1):
        if _photo_credit(paragraphs[index + 1]) and caption_like(paragraphs[index]):
            drop.add(index + 1)  # a photo's credit, and its caption unless a standfirst
            if not _standfirst(paragraphs, index) and not _above_closing_credit(paragraphs, index):
                drop.add(index)
    names = [
        i
        for i in range(_NAME_ZONE, len(paragraphs) - 1)
        if len(paragraphs[i]) <= 40 and _lone_name(paragraphs, i)
    ]
    if len(names) <= 2 * _LONE_NAMES and len({paragraphs[i] for i in names}) <= _LONE_NAMES:
        # more: the heads of a feature's sections, or an interview's speakers
        drop.update(names)
    for index in range(1, len(paragraphs) - 2):
        if _section_teaser(paragraphs[index - 1 : index + 3]):
            drop.update((index, index + 1))  # "Harbours", "Another Story's Headline"
    if paragraphs and _closing_note(paragraphs[-1]):
        drop.add(len(paragraphs) - 1)
    if len(paragraphs) > 2 and len(paragraphs[-1]) <= 40 and len(paragraphs[-2]) <= 40:
        drop.update(_closing_tags(paragraphs))
    drop.update(_page_tail(paragraphs))
    drop.update(_video_teasers(paragraphs))
    drop.update(_stamped_headlines(paragraphs))
    for index in range(max(0, len(paragraphs) - _NOTICE_ZONE), len(paragraphs) - 1):
        if _closing_notice(paragraphs[index].strip()):
            drop.add(index)  # a notice above the page's tags or the reporter's note
    start = next(
        (i + 1 for i, p in enumerate(paragraphs) if _PROSE.search(p) and len(p.split()) >= 12),
        len(paragraphs),
    )
    if start >= 2 and _lead_label(paragraphs[start - 2]):
        drop.add(start - 2)  # a label right above the story's first sentence
    if start + 1 < len(paragraphs) and _scene_caption(paragraphs[start], paragraphs[start + 1]):
        drop.add(start)  # a bare photo caption between the lead and the story
    while start < len(paragraphs):
        end = start
        while end < len(paragraphs) and _title_headline(paragraphs[end]):
            end += 1
        if end - start >= _HEADLINE_RUN and not paragraphs[start - 1].rstrip().endswith(":"):
            drop.update(range(start, end))
        start = end + 1
    return [p for i, p in enumerate(paragraphs) if i not in drop] if drop else paragraphs


_STAMP = re.compile(
    r"(?P<headline>\S.{8,200}?)\s*(?:[-–—|•·]\s*)?"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}"
    r"|\d\d?[./]\d\d?[./]\d\d(?:\d\d)?|\d{1,3}\s?(?:min|mins|hr|hrs|h|m|d)(?:\s+ago)?)"
)
"""Another story's headline with its date or age: "Ferry fares rise again - October 9, 2020",
"Ferry fares rise again 04.15.11", "Ferry fares rise again 13min"."""
_STAMPED_RUN = 2
_AGES = ("min", "mins", "hr", "hrs", "h", "m", "d", "ago")


def _stamped_headline(text: str) -> bool:
    """A line of a list of other stories, each with its date or age (not a byline, nor an
    embedded post's signature): four words or more, no sentence before the stamp."""
    if len(text) > 240 or not text[-1:].isalnum() or "@" in text or text.startswith(("By ", "—")):
        return False
    match = _STAMP.fullmatch(text)
    if match is None:
        return False
    headline = match.group("headline").rstrip(" -–—|•·")
    return len(headline.split()) >= 4 and (
        not headline.endswith((".", "!", "?", ",")) or headline.endswith(("...", "…"))
    )


def _stamped_headlines(paragraphs: list[str]) -> list[int]:
    """Runs of _STAMPED_RUN or more lines that are other stories' headlines with their dates or
    ages ("Ferry fares rise again - October 9, 2020", "Harbour wall crumbles 13min")."""
    drop: list[int] = []
    run: list[int] = []
    for index, text in enumerate([*paragraphs, ""]):
        if (text[-1:].isdigit() or text.endswith(_AGES)) and _stamped_headline(text.strip()):
            run.append(index)  # (the cheap test first)
            continue
        if len(run) >= _STAMPED_RUN:
            drop.extend(run)
        run = []
    return drop


_PHOTO_BY = re.compile(
    r"\(?(?:photo(?:graph)?|image|picture|credit)s?(?:\s+credit)?\s*(?::\s*(?:by\s+)?|by\s+)"
    r"[A-Z][^.()]{1,80}\)?",
    re.IGNORECASE,
)
_CAPTION_WORDS = 50
"""Words a photo's caption holds at most."""


def _photo_credit(text: str) -> bool:
    """A photo's credit alone on its line: "Jane Roe/AP", "Courtesy Harbour Trust",
    "(Credit: Jane Roe/The Daily)", "Photograph by Jane Roe, Harbour Daily"."""
    line = text.strip()
    if len(line) > 120 or line.endswith((".", "!", "?", ":")):
        return False
    return bool(
        (len(line.split()) <= 8 and _NAME_CREDIT.fullmatch(line))
        or ("/" in line and _AGENCY_CREDIT.fullmatch(line))
        or _PHOTO_BY.fullmatch(line)
    )


_LEANING = words(
    """which but and so yet still then however he she it they we i you his her its their our
    that these those there here also meanwhile instead now even or nor by"""
)
"""First words of a paragraph that leans on the text before it; a caption names its subject."""


def caption_like(text: str) -> bool:
    """A paragraph that can be a photo's caption: one short block of plain sentences, no
    quotation in it, not opening with a pronoun or a link word ("Which brings us to …")."""
    line = text.strip()
    words_ = line.split()
    return (
        line.endswith(".")
        and len(words_) <= _CAPTION_WORDS
        and not any(mark in line for mark in '"“”')
        and words_[0].strip(",’'").casefold() not in _LEANING
        and not _photo_credit(line)
    )


_DAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Febr)uary|March|April|May|June"
_DAY += r"|July|August|(?:Sept|Octo|Novem|Decem)ber|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)"
_DATE = re.compile(rf"\b(?!May\b){_DAY}(?!\w)|\b(?:19|20)\d\d\b")
"""A day, a month or a year: "Tuesday", "Jan.", "2016" ("may" is mostly the verb)."""
_PICTURED = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Ii]nside)\s+[A-Z0-9]|\b(?:[Pp]hoto\w*|[Ii]mages?"
    r"|[Pp]ictured?|seen|shown|shows|left|right|cent(?:er|re)|foreground|background|above|below)\b"
)
"""A caption's marks of a picture besides a date: a place, a photo word ("pictured", "left")."""
_LABELLED_CREDIT = re.compile(r"\(|\w+(?:\s\w+)?\s?:\s")
"""A credit bound to a caption: "(Credit: Jane Roe/AP)", "Photo: Jane Roe"."""


def _standfirst(paragraphs: list[str], index: int) -> bool:
    """The story's summary under its headline above the lead photo's bare credit ("Jane Roe/AP",
    "Photo by Jane Roe"), not the photo's caption: the page's first sentence of prose, and
    nothing of a picture in it (no place, date or photo word)."""
    return (
        _LABELLED_CREDIT.match(paragraphs[index + 1].lstrip()) is None
        and not any(_PROSE.search(p) for p in paragraphs[:index])
        and _PICTURED.search(paragraphs[index]) is None
        and _DATE.search(paragraphs[index]) is None
    )


def pictured(text: str) -> bool:
    """A place, a date or a photo word in a paragraph: what a caption holds and a standfirst
    mostly does not."""
    return _PICTURED.search(text) is not None or _DATE.search(text) is not None


_SCENE = re.compile(r"(?:\S+\s+){1,8}?(?:is|are|was|were)\s+(?:being\s+)?[a-z]+\b.*\bin\s+[A-Z]")
"""A photo's scene: who or what is (was) doing or done, in a place, on a day: "A vigil was held
in Caracas on Tuesday …"."""


def _scene_caption(text: str, after: str) -> bool:
    """A photo's caption with no credit, right after the story's first paragraph: one short
    sentence of a scene bringing in its subject ("A vigil was held in Caracas on Tuesday."), no
    quotation, and the story going on after it in a paragraph that does not lean on it."""
    line = text.strip()
    if not line.startswith(("A ", "An ")) or len(line) > 240 or " on " not in line:
        return False  # a caption brings in its subject: "A vigil", not "The vote"
    return (
        line.endswith(".")
        and len(line.split()) <= 30
        and ". " not in line
        and not any(mark in line for mark in '"“”')
        and _SCENE.match(line) is not None
        and _DATE.search(line) is not None
        and _PROSE.search(after) is not None
        and after.split(None, 1)[0].strip(",’'").casefold() not in _LEANING
    )


_SECTION = re.compile(r"(?:[A-Z][\w&'’-]*|[A-Z]{2,})(?:\s+[A-Z][\w&'’-]*){0,2}")
"""A section's name alone on a line: "Harbours", "NFL", "The Two-Way"."""


def _section_teaser(four: list[str]) -> bool:
    """Another story listed inside a body under its section's name, between two paragraphs of
    prose: the section ("Harbours"), the other story's headline (5 to _LINK_WORDS words, no
    closing mark), then the story goes on. The paragraph before is prose or furniture."""
    before, section, headline, after = (p.strip() for p in four)
    headline_words = len(headline.split())
    return (
        len(section) <= 25
        and _SECTION.fullmatch(section) is not None
        and 5 <= headline_words <= _LINK_WORDS
        and not headline.endswith((*_SENTENCE_ENDS, ":", ",", ";"))
        and after.endswith(_SENTENCE_ENDS)
        and len(after.split()) >= 8
        and (before.endswith(_SENTENCE_ENDS) or is_boilerplate(before))
    )


_KEYWORD = re.compile(r"[\w.&'’-]+(?:\s+[\w.&'’-]+){0,2}")
_DISCLOSURE = re.compile(
    r"\*\s*\S.{0,300}\b(?:investor|invested|owns|owned|stake|affiliate|disclos\w*|parent\s+company"
    r"|sponsor\w*|partner(?:ship)?|commission)\b.{0,300}",
    re.IGNORECASE,
)


_NEWSSTANDS = re.compile(
    r"[^.!?]{2,60}\bissues?\s+(?:is\s+|are\s+)?(?:now\s+)?(?:on|hits?)\s+newsstands"
    r"(?:\s+nationwide)?(?:\s+(?:on\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*[.!]?"
)
"""A magazine's closing notice: "The Tidewater Review's May issue is on newsstands June 2."."""
_CORRECTION = re.compile(
    r"(?:(?:Correction|Clarification|Update|Editor['’]s\s+[Nn]ote)\b.{0,40}?:\s*)?"
    r"(?:An?|The)\s+(?:earlier|previous|prior)\s+version\s+of\s+this\s+"
    r"(?:story|article|report|post)\b.{0,400}"
)
"""A correction under the story: "Correction 5/3/21 7:05 a.m.:A previous version of this story
misstated …"."""


_NOTICE_ZONE = 4
"""Paragraphs from the end in which a closing notice is looked for."""


def _closing_notice(line: str) -> bool:
    """A closing line the page adds under the story: a correction, a magazine's issue on sale."""
    if len(line) > 500:
        return False
    if " version of this " in line[:120]:
        return _CORRECTION.fullmatch(line) is not None
    return len(line) <= 160 and "newsstands" in line and _NEWSSTANDS.fullmatch(line) is not None


def _closing_note(text: str) -> bool:
    """A page's closing line that is not the story's: a list of keywords ("ferries, harbour,
    Lena Fisk, piers, tides"), a disclosure under an asterisk ("* Example Co owns a stake
    in this site.") or a notice (:func:`_closing_notice`)."""
    line = text.strip()
    if line.startswith("*"):
        return _DISCLOSURE.fullmatch(line) is not None
    if _closing_notice(line):
        return True
    items = [item.strip() for item in line.split(",")]
    return (
        len(items) >= 6
        and not line.endswith(_SENTENCE_ENDS)
        and all(_KEYWORD.fullmatch(item) for item in items if item)
        and sum(item[:1].islower() for item in items) * 2 >= len(items)
    )


_TAG = re.compile(
    r"[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|&)){0,2}|[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?"
)
"""A topic's tag alone on its line: "Malware", "Mobile Security", "harbour walls"."""
_LOWER_TAGS = 3
"""Lines a run of tags with one in lower case has at least."""


def _closing_tags(paragraphs: list[str]) -> list[int]:
    """The topics' tags a page prints under the story, one a line: two lines or more of one to
    three capitalised words (or one or two in lower case, then three lines or more; no digit, no
    closing mark) after the story's last sentence, one of them a single word (a name signing the
    story off has two: "Jane Roe")."""
    start = len(paragraphs)
    while (
        start > 0
        and _TAG.fullmatch(paragraphs[start - 1].strip())
        and not any(c.isdigit() for c in paragraphs[start - 1])
    ):
        start -= 1
    tags = paragraphs[start:]
    label = start > 1 and paragraphs[start - 1].endswith(":") and len(paragraphs[start - 1]) <= 30
    if (
        len(tags) < 2
        or not start
        or not paragraphs[start - 1 - label].rstrip().endswith(_SENTENCE_ENDS)
        or all(len(tag.split()) > 1 for tag in tags)
        or any(tag.startswith(("About", "By ")) for tag in tags)  # "About The Author", "Jane"
        or (len(tags) < _LOWER_TAGS and any(tag[:1].islower() for tag in tags))
    ):
        return []
    return list(range(start - label, len(paragraphs)))  # with their label: "Explore More:"


_NAME_ZONE = 4
"""Paragraphs from the top in which a name alone is the byline's (analyse's byline zone)."""
_LONE_NAMES = 2
"""Different names alone on their lines an article has at most for them to be credits."""


def _lone_name(paragraphs: list[str], index: int) -> bool:
    """A photo's credit or a portrait's caption between two paragraphs of prose: a person's
    name alone on its line ("Jane Roe"), two or three capitalised words, the first a given name
    (a title-case heading's first word is not)."""
    text = paragraphs[index].strip()
    if len(text) > 40 or not text[:1].isupper():
        return False
    words_ = text.split()
    return (
        2 <= len(words_) <= 3
        and words_[0].casefold() in GIVEN_NAMES
        and all(w[0].isupper() and w.strip(".").replace("-", "").isalpha() for w in words_)
        and paragraphs[index + 1].rstrip().endswith(_SENTENCE_ENDS)
        and len(paragraphs[index + 1].split()) >= 8
        and (
            paragraphs[index - 1].rstrip().endswith(_SENTENCE_ENDS)
            or is_boilerplate(paragraphs[index - 1])  # "View photo"
        )
    )


_PRICE = re.compile(r"[$€£]\d{1,5}(?:[.,]\d\d)?\s*(?:/\s*[a-z]{2,8}\s*){1,2}")
_DATELINE_ZONE = 6
"""Paragraphs from the top in which a wire dateline is looked for."""


_PHOTO_OPENING = re.compile(
    r"In\s+(?:a|an|this|the)\s+(?:[\w.,'’-]+\s+){0,6}?(?:file\s+)?(?:photo|image|picture)"
    r"(?:\s+(?:taken|released|provided|made|shot)\b[^,]{0,80})?,\s"
)
"""A wire photo's caption: "In this Monday, May 4, 2026 photo, divers check their gear …"."""


def _before_wire_dateline(paragraphs: list[str]) -> list[int]:
    """The sentences before a wire story's opening dateline ("LAGOS (Reuters) - …"): photo
    captions and other stories' teasers the page printed above the story; not the byline or
    contact lines (no closing mark, or an "@"). Before any other dateline ("LAGOS, Nigeria --"),
    only a wire photo's caption ("In this May 4 photo, …") right above it."""
    for index, text in enumerate(paragraphs[:_DATELINE_ZONE]):
        dateline = find_dateline(text)
        if dateline is not None and not dateline.endswith(")"):
            if index and _PHOTO_OPENING.match(paragraphs[index - 1]):
                return [index - 1]
        elif dateline is not None:
            return [
                i
                for i, p in enumerate(paragraphs[:index])
                if p.rstrip().endswith((".", "!", "?"))
                and len(p.split()) >= 4
                and "@" not in p
                and not p.lstrip().lower().startswith("by ")
            ]
    return []


_PROFILE_OPEN = re.compile(
    r"(?:[Aa]bout\s+)?(?!(?:He|She|It|They|We|I|You|This|That|The|Its|Their|His|Her)\b)(?P<org>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})(?:\s+\([^()]{1,30}\))?"
    r"(?:\s+(?:is|was|has|employs)\b|\Z)"
)
_PROFILE_MARKS = (
    "headquartered",
    "employs",
    "employees",
    "subsidiaries",
    "listed on",
    "stock exchange",
    "founded in",
    "is a leading",
    "is a global",
    "is the world",
    "for more information",
)
_PROFILE_RUN = 4
"""Closing paragraphs a press release's profile of its company takes at most."""


def _company_profile(paragraphs: list[str]) -> list[int]:
    """A press release's closing profile of the company ("About Acme", "Acme is a leading
    provider of …", "Acme is headquartered in …, employs …"): the closing run of paragraphs that
    open with the same name and say at least two of the things such a profile says."""
    run: list[int] = []
    org = None
    for index in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 1 - _PROFILE_RUN), -1):
        match = _PROFILE_OPEN.match(paragraphs[index])
        if match is None or org not in (None, match.group("org")):
            break
        org = match.group("org")
        run.append(index)
    said = " ".join(paragraphs[i] for i in run if paragraphs[i] != org).lower()
    if sum(mark in said for mark in _PROFILE_MARKS) < 2 or not re.search(
        r"\bis\s+(?:a|an|the)\b", said
    ):
        return []
    return run


_GALLERY_SLIDES = 3
"""Times a gallery's title is printed, once above each slide, at least."""
_GALLERY_CREDIT = re.compile(r"(?:Author|Photos?|Images?|Pictures?)s?:\s+[^.!?]{2,60}")


def _slide(paragraphs: list[str], start: int) -> int:
    """The size of a gallery's slide opening at ``start``: its caption (a sentence of
    _LINK_WORDS words or more), a heading without a closing mark above it or not; 0 if none."""
    for size in (1, 2):
        caption = paragraphs[start + size - 1] if start + size <= len(paragraphs) else ""
        if (
            caption.endswith(_SENTENCE_ENDS)
            and len(caption.split()) >= _LINK_WORDS
            and (size == 1 or _link_line(paragraphs[start]))
        ):
            return size
    return 0


def _gallery(paragraphs: list[str]) -> list[int]:
    """A gallery embedded in a story: its title printed again above every slide (a heading and
    a caption), _GALLERY_SLIDES times or more, and nothing else between; the title, the slides
    and a credit right after the last ("Author: Jane Roe")."""
    places: dict[str, list[int]] = {}
    for index, text in enumerate(paragraphs):
        places.setdefault(text, []).append(index)
    drop: list[int] = []
    for title, at in places.items():
        if len(at) < _GALLERY_SLIDES or not _link_line(title):
            continue
        if any(b - a - 1 != _slide(paragraphs, a + 1) for a, b in pairwise(at)):
            continue
        end = at[-1] + 1 + _slide(paragraphs, at[-1] + 1)
        if end < len(paragraphs) and _GALLERY_CREDIT.fullmatch(paragraphs[end]):
            end += 1
        drop.extend(range(at[0], end))
    return drop


_CREDIT_OPENINGS = ("Credit", "CREDIT", "Photo", "PHOTO", "Image", "Picture")


def _repeated_in_credit(text: str, after: str) -> bool:
    """A caption the page prints again inside the credit line after it: "Divers on the quay.",
    then "Credit: Jane Roe View full size image Divers on the quay."."""
    caption = text.strip()
    return (
        after.startswith(_CREDIT_OPENINGS)
        and len(caption) < len(after)
        and len(caption.split()) >= 4
        and caption in after
    )


_LABEL_KEEP = words(
    """by note contact email e-mail correction editor editor's editor’s author authors written
    writer writers reporter reporters posted published updated source sources photo photos
    credit credits contributor contributors staff"""
)


def _lead_label(text: str) -> bool:
    """A label left right above the story's first sentence of prose, for something the page did
    not keep ("Ferry Cam Search:"); not a "By:" or "Author:" line, an editor's note or a contact."""
    line = text.strip()
    return (
        line.endswith(":")
        and len(line.split()) <= 5
        and "@" not in line
        and not any(w.strip("'‘’\":").casefold() in _LABEL_KEEP for w in line.split())
    )


_BARE_LABELS = frozenset(
    (
        "read more",
        "related",
        "related stories",
        "related articles",
        "related content",
        "explore further",
        "popular video",
        "popular videos",
        "more video",
        "more videos",
        "you may also like",
        "recommended",
        "recent posts",
        "more like this story",
    )
)
"""A heading a page prints above other stories' headlines, alone on its line, no colon."""
_MORE_HEADLINE = 7
"""Words each headline after the first under a bare label has at least (a subhead has fewer)."""


def _bare_label(text: str) -> bool:
    return text.strip().casefold() in _BARE_LABELS


def _after_bare_label(text: str, place: int) -> bool:
    """A headline under a bare label: the first of 4 words or more, any after it of
    _MORE_HEADLINE or more (a short line after them is the story's own subhead)."""
    return _link_line(text) and len(text.split()) >= (4 if place == 1 else _MORE_HEADLINE)


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


_TAIL_ZONE = 12
"""Paragraphs from the end in which the page's closing furniture is looked for."""
_NETWORK = r"(?:Facebook|Twitter|X|Instagram|LinkedIn|YouTube|TikTok|Threads|Bluesky)[.!]?"
_TAIL_PROMPT = re.compile(
    rf"(?:Like\s+[\w.'’& ]{{1,40}}?|(?:Follow|Join|Find)\s+us)\s+on\s+{_NETWORK}"
    rf"(?:\s*(?:Like|Follow|Join|Find)\s+(?:us|[\w.'’& ]{{1,40}}?)\s+on\s+{_NETWORK}){{0,3}}"
    r"|(?:Receive|Get)\s+.{1,60}?\s+(?:delivered|sent)\s+(?:directly\s+|straight\s+)?to\s+your"
    r"\s+inbox[.!]?"
    r"|Get\s+(?:a|the|our)\s+.{1,40}?\b(?:daily|weekly|monthly)\s+(?:update|newsletter|digest"
    r"|briefing)s?[.!]?"
    r"|(?:Is|Was)\s+this\s+(?:story|article|page|post)\s+(?:relevant|helpful|useful)"
    r"(?:\s+to\s+you)?\?"
    r"|Do\s+you\s+(?:still\s+)?have\s+(?:any\s+|more\s+)?questions\?\s+(?:Head|Go|Come)\s+"
    r"(?:over\s+)?to\s+[^.!?]{1,60}\b(?:Community|Forums?)\b[^.!?]{0,40}[.!]?"
    r"|Take\s+me\s+to\s+(?:the\s+)?[A-Z][\w ]{1,30}"
    r"|(?:Terms\s*(?:&|and)\s*Conditions|Terms\s+of\s+(?:Use|Service)|Privacy\s+Policy"
    r"|Cookie\s+Policy)(?:\s*(?:&|and|\||,|/)\s*(?:Terms\s*(?:&|and)\s*Conditions"
    r"|Terms\s+of\s+(?:Use|Service)|Privacy\s+Policy|Cookie\s+Policy))*\.?"
    r"|The\s+Trust\s+Project"
    r"|To\s+keep\s+up\s+with\s+our\s+coverage\b.{0,400}"
    r"|For\s+more\s+(?:about|on)\s+[^.!?]{1,80},\s+(?:watch|see|read|listen\s+to)\s+"
    r"(?:this|these|our)\b[^.!?]{0,60}[:.]?"
    r"|(?:Latest|Top|More)\s+(?:News|Stories|Headlines)(?:\s+(?:and|&)\s+(?:News|Headlines"
    r"|Stories|Videos))?\s+from\s+[\w.'’& -]{1,40}"
    r"|(?:This|These)\s+(?:news\s+)?(?:feeds?|stor(?:y|ies)|articles?|content)\s+(?:is|are|was"
    r"|were|has\s+been|have\s+been)\s+(?:provided|supplied|produced)\s+by\s+(?:an?\s+)?"
    r"(?:independent\s+)?third[\s-]part(?:y|ies)\b.{0,200}"
    r"|Sources\s*:\s*[^.!?]{2,200}\.?"
    r"|(?:Full\s+)?Disclosure\s*:\s*\S.{0,300}\b(?:investor|invested|owns|owner|owned|stake"
    r"|affiliate|subsidiary|parent\s+company|sponsor\w*|partner(?:ship)?|commission)\b.{0,300}"
    r"|(?:Page\s+)?1(?:\s*\|\s*\d{1,2}){2,}(?:\s*\|?\s*(?:Next|»|›|>)\W{0,3}(?:Page)?)?"
    r"|Page\s+\d{1,2}\s+of\s+\d{1,2}|Back\s+to\s+top|Like\s+this:|Leave\s+a\s+(?:Reply|Comment)"
    r"|Be\s+the\s+first\s+to\s+(?:comment|reply)[^.!?]{0,40}[.!]?|Have\s+your\s+say[.!]?"
    r"|(?:What\s+do\s+you\s+think\?\s+)?(?:Let\s+us\s+know|Tell\s+us)\s+(?:what\s+you\s+think\s+)?"
    r"in\s+the\s+comments(?:\s+(?:below|section))*[.!]?|We\s+want\s+to\s+hear\s+from\s+you[.!]?"
    r"|(?:Support|Fund)\s+(?:our|independent|quality)\s+journalism[.!]?|Donate\s+(?:now|today)[.!]?"
    r"|(?:Next|Previous|Prev)\s+(?:article|story|post)\s*:?|Report\s+an?\s+(?:error|typo)[.!]?"
    r"|(?:Download|Get)\s+(?:our|the)\s+(?:[\w’' ]{1,30}\s+)?app\b[^.!?]{0,60}[.!]?",
    re.IGNORECASE,
)
"""A closing line of the page rather than the story: a call to follow, subscribe or join the
community, a terms line, a feed's disclaimer, a "Sources:" or "Disclosure:" note, pagination."""
_TAIL_LABEL = re.compile(
    r"(?:more\s+on|more\s+(?:[\w&'’-]+\s+){0,2}videos?|key\s?words|tags|topics|companies"
    r"|more\s+(?:from|in)\s+[\w.’'& -]{1,30}|categories|filed\s+under"
    r"|(?:related|more)\s+(?:news|topics|videos?|tags|articles|stories|posts|coverage|content"
    r"|links|reading|headlines)|recommended(?:\s+for\s+you|\s+stories|\s+reading)?"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)|trending(?:\s+(?:now|stories|news))?"
    r"|most\s+(?:read|popular|viewed|shared|commented)|popular\s+(?:stories|posts|articles|now)"
    r"|editor['’]?s['’]?\s+picks|around\s+the\s+web|from\s+the\s+web|read\s+next|up\s+next"
    r"|(?:sponsored|promoted|partner)\s+(?:content|stories|links|posts)|don['’]t\s+miss"
    r"|(?:latest|top)\s+(?:news|stories|headlines)|in\s+other\s+news|what\s+to\s+read\s+next)"
    r"\s*:?",
    re.IGNORECASE,
)
"""A heading over the page's closing lists: "More On", "Keywords", "Related news"."""
_TAIL_STARTS = words(
    """like follow join find receive get is was do take terms privacy cookie the to for latest
    top more this these sources full disclosure page 1 back leave be have what let tell we
    support fund donate next previous prev report download"""
)
"""The first words _TAIL_PROMPT's lines open with (a cheap test before it)."""
_TAIL_SHORT = 160
"""Characters a closing prompt holds at most, but for those opening with a _TAIL_LONG word."""
_TAIL_LONG = words("to this these disclosure full do")
_TAIL_RUN = 4
"""Headlines in a row that end an article as the page's list of other stories."""


def _tail_prompt(text: str) -> bool:
    """A :data:`_TAIL_PROMPT` line, behind a test of its first word and its length."""
    if len(text) > _TAIL_SHORT and (len(text) > 600 or text[0] not in "TtDdFf"):
        return False  # only "To …", "This …", "These …", "Disclosure: …", "Do …" are longer
    head = text[:14].lstrip()
    space = head.find(" ")
    first = (head[:space] if space > 0 else head).rstrip(":").casefold()
    if first not in _TAIL_STARTS:
        return False
    line = text.strip()
    return (
        (len(line) <= _TAIL_SHORT or first in _TAIL_LONG)
        and (first != "the" or len(line) <= 20)
        and _TAIL_PROMPT.fullmatch(line) is not None
    )


def _page_tail(paragraphs: list[str]) -> list[int]:
    """The page's closing furniture after the story (:data:`_TAIL_PROMPT` lines in the last
    _TAIL_ZONE paragraphs); a closing block of lists under a heading ("More On", "Coronavirus",
    …; "Keywords", "Economy, Forecasts") that runs to the end; _TAIL_RUN or more headlines
    closing the article after its last sentence of prose."""
    count = len(paragraphs)
    drop = [i for i in range(max(1, count - _TAIL_ZONE), count) if _tail_prompt(paragraphs[i])]
    drop.extend(_about_profile(paragraphs, max(1, count - _TAIL_ZONE)))
    if count >= 2 and _topic_line(paragraphs[-1], paragraphs[-2]):
        drop.append(count - 1)
    end = count
    while end > 0 and (end - 1 in drop or _tail_item(paragraphs[end - 1])):
        end -= 1
    labels = [
        i
        for i in range(end, count)
        if len(paragraphs[i]) <= 30 and _TAIL_LABEL.fullmatch(paragraphs[i].strip())
    ]
    if labels and 0 < labels[0] < count - 1:
        drop.extend(range(labels[0], count))
        return drop
    end = count
    while end > 0 and (end - 1 in drop or _tail_headline(paragraphs[end - 1])):
        end -= 1
    if (
        count - end >= _TAIL_RUN
        and end > 0
        and paragraphs[end - 1].rstrip().endswith(_SENTENCE_ENDS)
    ):
        drop.extend(range(end, count))
    return drop


def _tail_headline(text: str) -> bool:
    """A headline in a list closing the page: 6 to _LINK_WORDS words, no closing mark or colon,
    no list separators (a list of dates and places: "June 9 -- Tampa @ Arena"), no bullet (the
    story's own list of points)."""
    line = text.strip()
    return (
        len(line) <= 300
        and line[:1] not in "-–—•*·"
        and 6 <= len(line.split()) <= _LINK_WORDS
        and not line.endswith((*_SENTENCE_ENDS, ":", ",", ";"))
        and not any(c in line for c in "|@–—")
        and "--" not in line
    )


_ITEM_END = re.compile(r"[.!?:;,][”\"’)]*\Z")


def _tail_item(text: str) -> bool:
    """A line of a list closing the page: at most _LINK_WORDS words, no closing mark (a closing
    quotation mark alone may end a headline: "Decorating hacks: ‘Use what you have’")."""
    if len(text) > 300:
        return False
    line = text.strip()
    words_ = len(line.split())
    return (
        bool(line)
        and words_ <= _LINK_WORDS
        and (_ITEM_END.search(line) is None or (words_ <= 4 and line.endswith(":")))
    )


_ABOUT = re.compile(
    r"About\s+(?!(?:the|us|this|our|me|him|her|them)\b)"
    r"(?P<org>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
)
"""The heading of an organisation's profile under a story: "About Example Lending"."""


def _about_profile(paragraphs: list[str], start: int) -> list[int]:
    """An "About X" heading and the paragraphs after it that name X, when they say what a
    profile says (:data:`_PROFILE_MARKS`: "Founded in 2007, X …")."""
    for index in range(start, len(paragraphs) - 1):
        line = paragraphs[index]
        if (
            len(line) > 50
            or not line.startswith("About ")
            or (match := _ABOUT.fullmatch(line.strip())) is None
        ):
            continue
        org = match.group("org")
        end = index + 1
        while end < len(paragraphs) and org in paragraphs[end]:
            end += 1
        said = " ".join(paragraphs[index + 1 : end]).lower()
        if end > index + 1 and any(mark in said for mark in _PROFILE_MARKS):
            return list(range(index, end))
    return []


def _above_closing_credit(paragraphs: list[str], index: int) -> bool:
    """The story's last paragraph above a credit that closes the page ("Image credit: Jane
    Roe/Harbour Trust"), not the photo's caption: nothing of a picture in it (no place, date or
    photo word)."""
    return (
        index + 2 == len(paragraphs)
        and _PICTURED.search(paragraphs[index]) is None
        and _DATE.search(paragraphs[index]) is None
    )


_TOPIC_GLUE = words(
    """a an the of and or in on at to for with by from as is are was were be it its his her their
    our we he she they this that says said will has have had not no after over how why what who"""
)
"""Words a line of topics never holds; a headline or a sentence nearly always does."""


def _topic_line(text: str, before: str) -> bool:
    """The page's topics printed as one line closing the page after the story's last sentence
    ("Ferries Harbours Sea Walls Storms Example Port"): 5 to 12 capitalised words, nothing but
    letters, digits and hyphens, none of them a word a headline or a sentence needs."""
    words_ = text.split() if len(text) <= 200 else []
    return (
        5 <= len(words_) <= 12
        and before.rstrip().endswith(_SENTENCE_ENDS)
        and all(w[0].isupper() and w.replace("-", "").isalnum() for w in words_)
        and not any(w.casefold() in _TOPIC_GLUE for w in words_)
    )


_PLAY_VIDEO = re.compile(
    r"(?:Play|Watch)\s+(?:the\s+)?video\s*(?:[-–—:|]\s*)?\d{1,2}:\d\d(?::\d\d)?", re.IGNORECASE
)
"""A video player's label with the video's length: "Play Video - 2:46"."""


def _video_teasers(paragraphs: list[str]) -> list[int]:
    """Video teasers a page prints among the paragraphs: a player's label with the video's
    length ("Play Video - 2:46", "Watch video 02:17") and the video's title, the headline right
    above it or the line right after it."""
    drop: list[int] = []
    for index, text in enumerate(paragraphs):
        if len(text) <= 40 and text[:4] in ("Play", "PLAY", "Watc", "WATC"):
            if _PLAY_VIDEO.fullmatch(text.strip()) is None:
                continue
            drop.append(index)
            above = paragraphs[index - 1] if index else ""
            if _link_line(above) and len(above.split()) >= 4:
                drop.append(index - 1)
            if index + 1 < len(paragraphs) and _link_line(paragraphs[index + 1]):
                drop.append(index + 1)
    return drop
