"""Direct quotations and their speakers.

The pass works in three steps:

1. Scan each paragraph's quotation marks with a small state machine: curly and straight
   double quotes, guillemets, and British single quotes, where ’ inside or at the start of
   a word (don’t, Venezuela’s, the ’90s) is an apostrophe, not a closing mark. Marks of the
   other family inside a quotation are nested quotes and are skipped: the outer one counts.
   A quotation left open at a paragraph's end continues when the next paragraph opens with
   the same mark; the parts are joined into one quotation.
2. Mask every quotation's words, so names and full stops inside quotes cannot confuse the
   sentence splitter or the attribution search.
3. Attribute each quotation from its sentence: right after it (“…,” she said / said Dr. Ana
   Ruiz), before it (She said: “…”), then elsewhere in the sentence. A quotation without
   attribution continues the speaker of the quotation just before it. Pronouns resolve to
   the most recent person named in the text, in the shortest form the text uses.

Short quoted phrases with no speech verb in their sentence (scare quotes, titles of works)
are not quotations. A quote inside running text (“… employed “arbitrary detention”) is a
fragment.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial, wraps
from typing import NamedTuple

from newsterm.analysis import Quote
from newsterm.extract.byline import dateline_end
from newsterm.extract.lexicon import (
    ABBREVIATIONS,
    MONTHS_AND_DAYS,
    NAME_MONTHS,
    PARTICLES,
    PERSON_PRONOUNS,
    PRONOUNS,
    TITLES,
    words,
)

_MASK = "\ue000"
_WINDOW = 300
"""How far before or after a quote its attribution is looked for, in characters."""
_MAX_QUOTES = 200
"""Quotations looked at per article; real articles have far fewer."""
_MARKS = "“”«»\"‘’'"
"""The quotation marks _scan() looks at."""
_ASCII_MARKS = "\"'"
_MARKS_BUT_APOSTROPHE = _MARKS.replace("’", "")
"""Those of _MARKS an ASCII paragraph can hold."""
_DOUBLE_OPEN = "“«"
_DOUBLE_CLOSE = "”»"
_OPEN_AFTER = frozenset(" \t([{—–-/")
_STRONG_BEFORE = frozenset(".,!?;:…—–-")
_STRONG_AFTER = frozenset(",.;:!?)—–-…")

# "[.!?…][.!?…]*", not "[.!?…]+": a pattern that opens with a character set lets the regex
# engine skip ahead to the next mark instead of trying a match at every position.
_SENTENCE_END = re.compile(rf"[.!?…][.!?…]*[”’\"')\]]*\s+(?=[“‘\"'(\[]?[A-Z0-9{_MASK}])")

_FINITE = words(
    "said says say told tells added adds asked asks wrote writes stated states explained"
    " explains noted notes argued argues insisted insists replied replies recalled recalls"
    " continued continues warned warns declared declares announced announces acknowledged"
    " acknowledges admitted admits conceded concedes cautioned cautions claimed claims"
    " complained complains suggested suggests predicted predicts promised promises joked"
    " jokes shouted shouts whispered whispers boasted boasts urged urges vowed vows pleaded"
    " pleads responded responds countered counters observed observes remarked remarks"
    " testified testifies posted tweeted recounted recounts agreed agrees emphasized"
    " emphasised emphasizes emphasises stressed stresses described describes called calls"
    " wondered wonders confirmed confirms denied denies reiterated maintained maintains"
    " yelled screamed texted messaged commented comments assured assures reports reported"
    " written accused accuses blasted blasts rejected dismissed concluded concludes alleged"
    " alleges maintain argue insist contend contended contends allege warn assert asserted"
    " asserts quipped quips lamented laments emails emailed e-mails e-mailed tweets found"
    " advised advises instructed instructs begged snapped sighed laughed chuckled mused exclaimed"
    " interjected retorted ordered concurred concurs"
)
_FINDING = re.compile(r"\s*(?:,|\.|that\s|(?:he|she|they|we)\s|$)")
_BARE = words("maintain argue insist contend allege warn assert")
"""Plain present forms that are speech after a plural subject, not after "to"."""
_PARTICIPLE = words(
    "saying adding noting telling arguing explaining warning calling describing insisting"
    " asking stating writing declaring urging promising vowing concluding complaining"
    " claiming acknowledging admitting suggesting recalling accusing contending"
)
_PHRASAL = {"pointed": "out", "put": "it", "according": "to"}
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_VERB_WORDS = _FINITE | _PARTICIPLE | frozenset(_PHRASAL)


class _Verb(NamedTuple):
    start: int
    end: int
    finite: bool
    according: bool = False


_LOWER_HAS_ASCII = ("\u0130", "\u212a")
"""The only non-ASCII characters whose lower case holds an ASCII letter: İ and the Kelvin sign
(a test checks). Without them, lower() leaves every _WORD match in place, only lower-cased."""


def _verbs(context: str) -> list[_Verb]:
    """The speech verbs in a stretch of text (a word scan and set look-ups: linear)."""
    lowered = _WORD.findall(context.lower())
    if _VERB_WORDS.isdisjoint(lowered):
        return []  # the common case, decided in C
    found: list[_Verb] = []
    if _LOWER_HAS_ASCII[0] in context or _LOWER_HAS_ASCII[1] in context:
        matches = list(_WORD.finditer(context))
        indices: Sequence[int] = range(len(matches))
    else:
        # The i-th word of ``lowered`` is the i-th match lower-cased, and it starts where the
        # word first occurs after the match before (no ASCII letter stands between two):
        # the verbs' places from str.find, no match objects.
        text = context.lower()
        at = 0
        pending: tuple[str, int, int] | None = None
        last = len(lowered) - 1
        while lowered[last] not in _VERB_WORDS:
            last -= 1
        for word in lowered[: last + 2]:
            start = text.find(word, at)
            at = start + len(word)
            if pending is not None:
                phrasal, phrasal_start, phrasal_end = pending
                pending = None
                if word == _PHRASAL[phrasal] and context[phrasal_end:start].isspace():
                    according = phrasal == "according"
                    found.append(_Verb(phrasal_start, at, not according, according))
            if word == "states" and context[start] == "S":
                continue  # "The United States faced …": a name, not a speech verb
            if word in _FINITE:
                found.append(_Verb(start, at, True))
            elif word in _PARTICIPLE:
                found.append(_Verb(start, at, False))
            elif word in _PHRASAL:
                pending = (word, start, at)
        return found
    for index in indices:
        match = matches[index]
        word = match.group().lower()
        if word == "states" and match.group()[0] == "S":
            continue  # "The United States faced …": a name, not a speech verb
        if word in _FINITE:
            found.append(_Verb(match.start(), match.end(), True))
        elif word in _PARTICIPLE:
            found.append(_Verb(match.start(), match.end(), False))
        elif word in _PHRASAL and index + 1 < len(matches):
            nxt = matches[index + 1]
            gap = context[match.end() : nxt.start()]
            if nxt.group().lower() == _PHRASAL[word] and gap.isspace():
                according = word == "according"
                found.append(_Verb(match.start(), nxt.end(), not according, according))
    return found


# Words that make a following short quote a name or a title, not speech.
_WORKS = (
    "film", "movie", "book", "novel", "song", "album", "show", "series", "play", "documentary",
    "podcast", "slogan", "hashtag", "headline", "poem", "opera", "musical", "exhibition",
    "campaign", "programme", "program", "operation", "project", "initiative", "term", "phrase",
    "word", "words", "motto", "brand", "label", "column", "newsletter", "game", "app",
)  # fmt: skip
_NOT_SPEECH_CUE = re.compile(
    r"(?:so-called|so\s+called|known\s+as|dubbed|titled|entitled|nicknamed|branded"
    r"|what(?:['’]s|\s+(?:is|was|are|were|some\s+\w+|\w+\s+have|ha(?:s|ve|d)\s+been))"
    r"\s+(?:now\s+)?called"
    r"(?:\s+(?:the|a|an|it))?"
    r"|diagnosed\s+with(?:\s+an?)?|the\s+"
    rf"(?:{'|'.join(_WORKS)}))"
    r"[\s,]*[“«\"‘']?$",
    re.IGNORECASE,
)
_CUE_ENDINGS = (
    "called", "the", "it", "as", "dubbed", "titled", "nicknamed", "branded", "with", " a",
    " an", *_WORKS,
)  # fmt: skip
"""The last word of every _NOT_SPEECH_CUE phrase ("entitled" ends in "titled")."""
_CASE_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
"""The non-ASCII characters IGNORECASE matches with an ASCII letter: İ ı (i), ſ (s), K (k)."""


def _has_speech_cue(lead: str) -> bool:
    """``_NOT_SPEECH_CUE.search(lead)``, with a cheap test first.

    The cue must end ``lead`` but for commas, spaces and one opening quote mark; the regex
    search tries every position, so the last word is compared with the cues' last words
    first. Only characters that IGNORECASE matches with another letter (_CASE_FOLDS_TO_ASCII)
    keep that test from deciding.
    """
    core = lead.removesuffix("\n")  # "$" matches before a final newline too
    if core[-1:] in ("“", "«", '"', "‘", "'"):
        core = core[:-1]
    core = core.rstrip()
    while core.endswith(","):
        core = core[:-1].rstrip()
    if not core.lower().endswith(_CUE_ENDINGS) and not any(
        char in lead for char in _CASE_FOLDS_TO_ASCII
    ):
        return False
    return _NOT_SPEECH_CUE.search(lead) is not None


_HARD_STOP = re.compile(rf"[;:!?“”«»\"()\[\]{_MASK}]")
_UP_TO_HARD_STOP = re.compile(rf".*{_HARD_STOP.pattern}", re.DOTALL)
"""Everything up to the last hard stop: one match (a masked quotation is a stop a character)."""
_CONJUNCTIONS = words("and but so then yet or as while although though because when once")
_INVALID_START = words(
    "in on at for after before during with without from to by of since until if who which"
    " that where when whose whom what how why this these those there it's its also not no"
    " according"
)
_DETERMINERS = words(
    "a an the his her their its our one another some several many two three four five six"
    " both other each every most few any these those this that my your"
)
_INVALID_PHRASE_START = _INVALID_START - _DETERMINERS
_PLURAL_SPEAKERS = words(
    "officials critics residents analysts police witnesses protesters experts lawmakers"
    " prosecutors investigators doctors researchers authorities supporters opponents"
    " organizers organisers activists economists scientists diplomats observers voters"
    " villagers parents teachers students workers farmers neighbors neighbours survivors"
    " relatives families executives employees staff people officers sources"
)
_AUX = words(
    "also has have had would will later then previously once again recently earlier further"
    " repeatedly simply flatly first last still even just never has since reportedly had"
    " publicly privately separately often instead"
)
_STOP_AFTER = (
    words(
        "in on at during after before to from with when while who which that adding saying as"
        " because last this yesterday today tonight earlier later and but in an interview via"
        " told wrote",
    )
    | MONTHS_AND_DAYS
)
_OF_WORDS = words("for of at")
_NONPERSON = (
    words(
        "department ministry house nations united states union force court council party bank"
        " university college company corporation inc group agency office committee commission"
        " parliament"
        " congress senate government police army navy sea ocean river street avenue airport"
        " hospital school church times post news press reuters bloomberg cnn bbc island islands"
        " republic kingdom federation foundation institute center centre museum festival club"
        " league cup station square park bridge road market exchange fund authority board arena"
        " auditorium stadium theatre theater library cathedral"
        " service administration organization organisation association alliance network media"
        " county province state city north south east west new middle caribbean white central"
        " national international federal european african american asian world global royal"
        " air oil energy health trust partners holdings labs capital street journal guardian"
        " the a an in on at but and for of to by as with from after before during when while"
        " if this that these those it its his her their our my your we i he she they"
        " although though because unless whereas whilst since until once"
        " america africa asia europe midwest"
    )
    | MONTHS_AND_DAYS
)
_LEADING_NONPERSON = _NONPERSON - words("new")
_OPENING_ADVERBS = words(
    "here there instead indeed ironically however meanwhile moreover furthermore nevertheless"
    " nonetheless still now then today yesterday tonight tomorrow later earlier finally also"
    " besides otherwise thus hence therefore accordingly consequently similarly likewise again"
    " eventually ultimately perhaps maybe sometimes often suddenly afterwards afterward"
    " elsewhere overall so but and yet"
)
_ADVERB_ENDINGS = (
    "ically", "ously", "ently", "antly", "ately", "ingly", "edly", "fully", "ively", "ably",
    "ibly", "ually", "ially", "tively", "inally", "onally", "erally", "urally", "entally",
)  # fmt: skip
"""Endings of "-ly" adverbs that no first name has ("Ironically", "Curiously"; not "Emily")."""


def _opening_adverb(token: str) -> bool:
    """A sentence-opening adverb or connective ("Here,", "Instead", "Ironically,"): never a
    speaker nor part of one's name."""
    lower = token.lower().rstrip(",")
    return lower in _OPENING_ADVERBS or lower.endswith(_ADVERB_ENDINGS)


def _nonperson(token: str) -> bool:
    """A word no person's name holds ("Bank", "the"); a middle initial ("Sonya A. Ruiz",
    "Lucia I. Suarez") is a name's, though "a" and "i" are not."""
    return token.lower().strip(".") in _NONPERSON and not (
        len(token) == 2 and token[1] == "." and token[0].isupper()
    )


# The first capital, then a look behind it (not "(?<!...)[A-Z]"): the regex engine can skip
# ahead to capitals instead of trying every position. Same matches (a test compares).
_PERSON_RUN = re.compile(
    r"[A-Z](?<![\w'’.-][A-Z])[\w'’-]+\.?(?:\s+(?:[A-Z][\w'’-]+|[A-Z]\.|de|da|del|van|von|der|bin|al))*"
)
_VERBISH = re.compile(r"\s+(?:has|had|is|was|said|says|will|would|told|[a-z]+ed)\b")
_WORD_CHARS = re.compile(r"\w")


class _Span(NamedTuple):
    """One run of quoted text within one paragraph."""

    para: int
    open: int
    close: int
    """Index of the closing mark, or len(paragraph) when the quote runs on."""
    family: str
    runs_on: bool = False


@dataclass(slots=True)
class _Candidate:
    parts: list[_Span]
    text: str
    para: int
    """The paragraph where the words start: a mark may end the one before (``“`` then a
    paragraph that opens with its own ``“``)."""
    start: int
    fragment: bool = False
    speaker: str | None = None
    has_verb: bool = False


def _is_opener(prev: str, nxt: str) -> bool:
    return (not prev or prev in _OPEN_AFTER) and bool(nxt) and not nxt.isspace()


def _mark_positions(paragraph: str) -> list[int]:
    """The offsets of the quotation marks in a paragraph, in order; without ’ when the
    paragraph has no ‘, ' or ’’ (then _scan opens no single quote, and ’ closes nothing).

    One str.find scan per mark costs about a third of a regex scan for the eight at once.
    """
    positions: list[int] = []
    if paragraph.isascii():
        marks = _ASCII_MARKS
    elif "’" in paragraph and not ("‘" in paragraph or "'" in paragraph or "’’" in paragraph):
        marks = _MARKS_BUT_APOSTROPHE
    else:
        marks = _MARKS
    for mark in marks:
        found = paragraph.find(mark)
        while found >= 0:
            positions.append(found)
            found = paragraph.find(mark, found + 1)
    positions.sort()
    return positions


def _last_sentence_end(paragraph: str, start: int, end: int) -> int:
    """The offset of the space after the last sentence ending between start and end (a stop,
    or ! or ?, with a closing single mark after it), or -1."""
    space = paragraph.rfind(" ", start, end)
    while space > start:
        before = paragraph[space - 1]
        if before in "’'" and space - 2 > start:
            before = paragraph[space - 2]
        if before in ".!?":
            return space
        space = paragraph.rfind(" ", start, space)
    return -1


def _closes_after(paragraph: str, positions: Sequence[int]) -> list[int]:
    """For each index into positions, how many ” marks stand at that index or after it."""
    counts = [0] * (len(positions) + 1)
    for index in range(len(positions) - 1, -1, -1):
        counts[index] = counts[index + 1] + (paragraph[positions[index]] == "”")
    return counts


def _scan(paragraph: str, para: int) -> list[_Span]:
    """Find the quotation spans of one paragraph (outer quotes only)."""
    spans: list[_Span] = []
    positions = _mark_positions(paragraph)
    if not positions:
        return spans
    size = len(paragraph)
    k = 0
    closes_after: list[int] | None = None
    for _rewind in range(4):  # a bounded number of passes keeps this linear
        family = ""
        opened = weak = -1
        while k < len(positions):
            i = positions[k]
            k += 1
            ch = paragraph[i]
            prev = paragraph[i - 1] if i else ""
            nxt = paragraph[i + 1] if i + 1 < size else ""
            if not family:
                if ch in _DOUBLE_OPEN or (ch in '"”' and _is_opener(prev, nxt)):
                    family, opened = "d", i  # ” opens too on some pages: ”dwindling.”
                elif ch in "‘'" and _is_opener(prev, nxt) and (nxt.isalpha() or nxt in '“"…'):
                    family, opened, weak = "s", i, -1
            elif family == "d":
                if ch == "“" and prev.isspace() and nxt.isalpha():
                    if closes_after is None:
                        closes_after = _closes_after(paragraph, positions)
                    if closes_after[k] >= 2:
                        continue  # a “nested” quotation in the same marks, the outer's close after
                    # “… then “ opening again, one ” left: the first lost its close; it ends with
                    # the last sentence before the second, or is dropped when none ended
                    end = _last_sentence_end(paragraph, opened + 1, i)
                    if end > 0:
                        spans.append(_Span(para, opened, end, "d"))
                    opened = i
                elif ch == "’" and nxt == "’" and not prev.isspace():
                    spans.append(_Span(para, opened, i, "d"))  # ’’ closes (AP style)
                    family = ""
                    k += 1
                elif ch in _DOUBLE_CLOSE or (
                    ch == '"' and (not prev.isspace() or not nxt or nxt.isspace())
                ):
                    spans.append(_Span(para, opened, i, "d"))
                    family = ""
            elif ch in "’'":
                if not prev or prev.isspace() or nxt.isalnum():
                    continue  # an apostrophe: ’90s, don’t
                if prev in _STRONG_BEFORE or not nxt or nxt in _STRONG_AFTER:
                    spans.append(_Span(para, opened, i, "s"))
                    family = ""
                elif weak < 0:
                    weak = i  # players’ union, or a close without punctuation: decide later
            elif ch == "‘" and weak >= 0 and _is_opener(prev, nxt):
                spans.append(_Span(para, opened, weak, "s"))
                opened, weak = i, -1
        if family == "s" and weak >= 0:
            spans.append(_Span(para, opened, weak, "s"))
            k = bisect.bisect_right(positions, weak)
            continue  # scan again after the weak close
        if family:
            spans.append(_Span(para, opened, size, family, runs_on=True))
        break
    return spans


def _mask(paragraph: str, spans: Sequence[_Span]) -> str:
    """Replace the words inside quotes with a neutral character, keeping offsets."""
    if not spans:
        return paragraph
    out: list[str] = []
    last = 0
    for span in spans:
        inner_end = span.close
        keep = ""
        if not span.runs_on and inner_end - 1 > span.open and paragraph[inner_end - 1] in ".!?":
            inner_end -= 1
            keep = paragraph[inner_end]
        out.append(paragraph[last : span.open + 1])
        out.append(_MASK * (inner_end - span.open - 1))
        out.append(keep)
        last = span.close
    out.append(paragraph[last:])
    return "".join(out)


def _sentence_starts(masked: str) -> list[int]:
    """Offsets where sentences start (after the first), skipping abbreviations."""
    starts: list[int] = []
    for match in _SENTENCE_END.finditer(masked):
        dot = match.start()
        if masked[dot] == ".":
            space = max(masked.rfind(" ", 0, dot), masked.rfind(_MASK, 0, dot))
            token = masked[space + 1 : dot].lstrip("(“\"‘'").lower()
            if (
                token in ABBREVIATIONS
                or (len(token) == 1 and token.isalpha())
                or ("." in token and len(token) <= 5)
            ):
                continue
        starts.append(match.end())
    return starts


def _starts_of(masked: Sequence[str], starts: Sequence[Sequence[int]], index: int) -> Sequence[int]:
    """The sentence starts of paragraph ``index``: ``find_quotes`` splits only the paragraphs
    that hold a quotation, and a "she said" can look back into one that holds none."""
    return starts[index] or _sentence_starts(masked[index])


def _surname_particle(token: str) -> bool:
    """A capitalised particle of three letters or more closing a name is its surname ("Della")."""
    return len(token) > 2 and token[0].isupper()


def _hyphen_adjective(token: str) -> bool:
    """A capitalised word with a lower-case word after its last hyphen ("Francisco-based",
    "Dublin-born"): an adjective, never part of a name ("Abulafia-Lapid", "al-Assad")."""
    tail = token.rsplit("-", 1)[-1]
    return len(tail) >= 3 and tail.isalpha() and tail.islower()


def _tokens_ok_as_name(tokens: Sequence[str]) -> bool:
    if not 1 <= len(tokens) <= 6:
        return False
    first = tokens[0].lower()
    if first in _INVALID_START or first.strip(".") in MONTHS_AND_DAYS or _opening_adverb(first):
        return False
    if first in ("last", "next") and tokens[-1].lower().strip(".,") in MONTHS_AND_DAYS:
        return False  # "Last August", "Next Tuesday": a date
    capitals = 0
    for token in tokens:
        if token.lower() in PARTICLES and not (token is tokens[-1] and _surname_particle(token)):
            continue
        if not token[:1].isupper():
            return False
        if not token[0].isalpha() and not _WORD_CHARS.search(token):
            return False  # (a token opening with a letter has a word character)
        if "-" in token and _hyphen_adjective(token):
            return False  # "San Francisco-based": an adjective, not a name
        capitals += 1
    return capitals > 0


def _classify(phrase: str) -> str | None:
    """Return "pronoun", "name" or "phrase" for a speaker noun phrase, or None."""
    tokens = phrase.split()
    if not tokens:
        return None
    first = tokens[0].lower()
    if first in PRONOUNS:
        return "pronoun" if len(tokens) == 1 else None  # "He declined to": a clause
    if tokens[0][:1].isdigit():
        return None
    if _tokens_ok_as_name(tokens):
        return "name"
    split = next((i for i, t in enumerate(tokens) if t[:1].isupper()), len(tokens))
    role = tokens[:split]
    if (
        0 < split <= 3
        and len(tokens) <= 7
        and first not in _INVALID_START
        and all(t.isalpha() and t.islower() for t in role)
        and _tokens_ok_as_name(tokens[split:])
    ):
        return "phrase"  # a role and a name: "taxi driver Emeka Adeyinka"
    if len(tokens) > 12 or first in _INVALID_PHRASE_START:
        return None
    if (
        first in _DETERMINERS
        or first in _PLURAL_SPEAKERS
        or (len(tokens) <= 3 and tokens[-1] in _PLURAL_SPEAKERS and phrase.islower())
        or first.endswith(("’s", "'s"))
        or (
            tokens[0][:1].isupper()
            and len(tokens) <= 6
            and tokens[-1][:1].islower()
            and tokens[-1] not in _PAST_IRREGULAR  # "Ruiz began": a clause, not "Acme staff"
        )
    ):
        return "phrase"
    return None


def _is_pronoun(phrase: str) -> bool:
    """``_classify(phrase) == "pronoun"``, without the rest of the classification."""
    tokens = phrase.split()
    return len(tokens) == 1 and tokens[0].lower() in PRONOUNS


_CUT_AT = words("would will could should did does do is was are were has had have")
_TEAM_OWNERS = words("his her their")
_LY_NOUNS = words("family ally assembly rally supply monopoly daily weekly monthly anomaly")
"""Nouns ending in "ly", which a speaker phrase may end with: not adverbs to trim."""
_POSSESSIVE_WORDS = words("his her their its my our your")


def _tidy(phrase: str) -> str:
    """Trim punctuation, a leading conjunction and trailing adverbs from a speaker phrase; end
    it at a clause ("who …", "would …", "said …", a name's verb in the past: "Uber stepped in
    and [tweeted]" is Uber)."""
    tokens = phrase.strip(" ,’‘'\"—–-").split()
    while tokens and tokens[0].lower() in _CONJUNCTIONS:
        tokens.pop(0)
    while tokens and (
        tokens[-1].lower() in _AUX
        or (tokens[-1].islower() and tokens[-1].endswith("ly") and tokens[-1] not in _LY_NOUNS)
    ):
        tokens.pop()
    if tokens and tokens[0].lower() in _PARTICIPLE:
        return ""  # "adding that Weeks’": a clause, not a speaker
    if len(tokens) > 1 and tokens[0] in _FINITE:
        tokens.pop(0)  # "says Ruiz, who told": a verb never starts a name
    for cut, token in enumerate(tokens):
        if cut and (
            token.lower() in ("who", "which", "whose")
            or token in _CUT_AT
            or token in _FINITE  # "the doctors said they also": the speaker ends at the verb
            or (token == "and" and cut + 1 < len(tokens) and tokens[cut + 1] in _TEAM_OWNERS)
            or (token.endswith("ed") and _verb_after_name(tokens, cut))
        ):
            tokens = tokens[:cut]  # "the company would not …", "Paganini and his team"
            break
    capitalised = (
        tokens[0] in ("The", "A", "An", "His", "Her", "Their", "Its", "Our") if tokens else False
    )
    if capitalised and len(tokens) > 1 and not _tokens_ok_as_name(tokens[1:]):
        tokens[0] = tokens[0].lower()  # a sentence-initial article: "The mission" -> "the mission"
    return " ".join(tokens)


def _verb_after_name(tokens: Sequence[str], cut: int) -> bool:
    """A verb in the past right after a name ("Uber stepped in and …"), not after "His"."""
    before = tokens[cut - 1]
    return (
        tokens[cut].islower() and before[:1].isupper() and before.lower() not in _POSSESSIVE_WORDS
    )


_PARTY_TAG = re.compile(r"[A-Z]-[A-Z][A-Za-z.]*|(?:[A-Z]\.){2,}|[A-Z][a-z]{1,4}\.")
"""A party and state after a name ("R-Neb.", "D-Ore"), or a state's abbreviation ("D.C.")."""


_IN_PLACE = re.compile(r"\b(?:in|at|near|outside)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?$")
"""A segment ending in a place ("… in Greenbelt"): a one-word segment after it is the state."""


_PAREN_PARTY = re.compile(r"\s*\((?:[A-Z]|[A-Z][a-z]{1,4}\.?)-[A-Z][\w. ]{0,24}\)")
"""A party and state in brackets after a name: "Sen. Ana Ruiz (R-Warren)", "(D-Ore.)"."""
_PAREN_PICTURED = re.compile(r"\s*\((?:pictured|left|right|center|centre)\b[\w ,]{0,20}\)")
_EDITOR_NAME = re.compile(r"\[(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\]")
"""A name an editor put in square brackets for a pronoun: "[Ruiz] said"."""
_RELATIVE_PRONOUN = re.compile(r"\b(?:which|that|who|what)\s+(?P<pronoun>he|she|they)\s*$")

_RELATIVE_NAME = re.compile(
    r"\b(?:which|that)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+$"
)


def _ends_capitalised(text: str) -> bool:
    """Whether the last word of ``text`` opens with a capital, as _RELATIVE_NAME's must."""
    last = text.rsplit(None, 1)[-1:]
    return bool(last) and "A" <= last[0][0] <= "Z"


def _subject(pre: str) -> str | None:
    """The speaker phrase that ends ``pre`` (the text before a speech verb)."""
    if ")" in pre:
        pre = _PAREN_PARTY.sub("", pre)  # brackets are a hard stop; a party tag is the name's
        pre = _PAREN_PICTURED.sub("", pre)  # "Ruiz (pictured above) says"
    if "]" in pre:
        pre = _EDITOR_NAME.sub(r"\g<name>", pre)  # "‘…,’ [Ruiz] said": the editor's name
    if pre.endswith((" he ", " she ", " they ")):
        relative = _RELATIVE_PRONOUN.search(pre)
        if relative is not None:
            return relative.group("pronoun")  # "a fund which he said would fight “…”"
    elif pre[-1:] == " " and ("which " in pre or "that " in pre) and _ends_capitalised(pre):
        relative = _RELATIVE_NAME.search(pre)
        if relative is not None and _classify(relative.group("name")) == "name":
            return relative.group("name")  # "The book, which Watson describes as “…”"
    if pre.endswith(" who "):
        # "… was mocked by critics and Ana Ruiz(,) who wrote: “…”": the name "who" follows
        head = pre[:-5].rstrip(" ,")
        named = _trailing_name(head)
        if named is not None:
            return named
        ending = _NAME_TAIL.search(head)
        if ending is not None and head[: ending.start("name")].endswith((" by ", " and ")):
            named = ending.group("name")
            if _classify(named) == "name" and not any(_nonperson(t) for t in named.split()):
                return named  # "by Ana Ruiz, who": _trailing_name takes no name after "by"
    upto = _UP_TO_HARD_STOP.match(pre)
    text = pre[upto.end() :] if upto is not None else pre
    if len(text) > 200:
        text = text[-200:]
    last = text.rstrip()[-24:].rsplit(" ", 1)[-1]
    joined = _JOINED_NAME.search(text) if last[:1].isupper() and " " in text else None
    if joined is not None and _classify(joined.group("name")) == "name":
        clause = text[: joined.start()].strip(" ,")
        if clause and _classify(clause) != "name":
            return joined.group("name")  # "That was when the plan began and Ana Ruiz said"
    elif " a" in text or " the " in text:
        # "… fired staff after an investigation [found]": the clause's own subject
        opening = _JOINED_PHRASE.search(text)
        if opening is not None and text[: opening.start()].strip(" ,"):
            return opening.group("phrase")
    # A comma before the verb: a two-word name ending the phrase may be a place set off
    # ("…, New Zealand, said"); without one it is the subject ("At a rally in Denver, Ana Ruiz
    # said").
    enclosed = text.rstrip().endswith(",")
    pieces = text.split(",")
    segments: list[str] = []  # the last five segments that tidy to words, tidied from the end
    clauses: set[str] = set()  # segments that open a subordinate clause ("when Ivo Lind …")
    while pieces and len(segments) < 5:
        raw = pieces.pop()
        segment = _tidy(raw)
        opener = raw.split(maxsplit=1)[:1]
        if segment and opener and opener[0].lower() in _SUBORDINATORS:
            clauses.add(segment)
        if segment and not segments:
            last_word = segment.split()[-1]
            if last_word.lower() in PERSON_PRONOUNS and last_word.lower() in PRONOUNS:
                return last_word  # "… in which he said"
        if segment:
            segments.append(segment)
    if not segments:
        return None
    segments.reverse()
    phrase: str | None = None
    described = False
    places = 0  # segments skipped at the end as the place the segment before ends in
    for index, segment in enumerate(reversed(segments)):
        if phrase is not None and segment in clauses:
            break  # "when Ivo Lind pressed her, the mayor said": the main clause's subject
        if _PARTY_TAG.fullmatch(segment):
            described = True
            continue  # "Sen. Ana Ruiz, R-Neb., said", "… in Washington, D.C., said"
        kind = _classify(segment)
        if (
            kind == "name"
            and (" " not in segment or (enclosed and index == places and segment.count(" ") == 1))
            and index + 1 < len(segments)
            and _IN_PLACE.search(segments[-index - 2])
            and not (
                index + 2 == len(segments)
                and segments[0].split(maxsplit=1)[0].lower() in _INTRO_WORDS
            )  # "At a rally in Denver, Ruiz said": the subject after an opening phrase
        ):
            described = True
            places += 1
            continue  # "… at the institute in Munich, Germany, said", "…, New Zealand, said"
        if (
            kind == "name"
            and " " not in segment
            and index + 1 < len(segments)
            and segment.lower() in TITLES
            and _classify(segments[-index - 2]) == "name"
        ):
            return segments[-index - 2]  # "Ana Ruiz, CEO, said": the name before the title
        if (
            kind == "name"
            and " " not in segment
            and index + 2 < len(segments)
            and segments[-index - 2].split(maxsplit=1)[0] in ("a", "an", "the")
            and segments[-index - 2].count(" ") >= 2
            and _classify(segments[-index - 3]) == "name"
        ):
            # "Ana Ruiz, a former economist who teaches at the University of California,
            # Berkeley, said": the campus ends the description; the name before it speaks
            return segments[-index - 3]
        if kind in ("pronoun", "name"):
            if kind == "pronoun" and phrase is not None:
                break
            if (
                kind == "name"
                and index + 1 < len(segments)
                and segment.split()[0].lower() in TITLES
                and _names_a_body(segment.split()[1:])
                and _classify(segments[-index - 2]) == "name"
            ):
                return segments[-index - 2]  # "Ana Ruiz, President Example Corp, said"
            if index >= 3 and not described:
                break
            return segment
        named = _trailing_name(segment)
        if named and (kind is None or not segment[:1].isupper() or index == 0):
            if (
                segment.split(maxsplit=1)[0] in ("a", "an", "the")
                and index + 1 < len(segments)
                and _classify(segments[-index - 2]) == "name"
            ):
                described = True
                continue  # "Neil Ruiz, a pilot and chairman of firm Example Air, said": Ruiz
            return named  # "JPL scientist Ana Ruiz", "a payout that investor Ana Ruiz"
        if kind is None and index == places and " of " in segment:
            head, tail = segment.rsplit(" of ", 1)
            if head.lower() not in TITLES and len(tail.split()) <= 2 and _classify(head) == "name":
                return head  # "Senator Ada Voss of Maine", "Wee of the Times"
            head = segment.split(" of ", 1)[0]
            if 2 <= len(head.split()) <= 4 and _classify(head) == "name":
                return head  # "Ana Ruiz of the University of Otago in Dunedin"
        if kind is None and index == 0:
            affiliated = _AFFILIATION.match(segment)
            if affiliated is not None and _classify(affiliated.group(1)) == "name":
                return affiliated.group(1)  # "Chief Ana Ruiz with the city police"
        if kind == "phrase" and phrase is None:
            phrase = segment
            continue
        if kind is None and phrase is None and index == 0:
            first = segment.split()[0].lower()
            if not first[:1].isdigit() and not _describes(segment):
                return None  # the verb's subject is not a speaker ("In 2020 the plan said")
            # An age ("Ruiz, 42, said") or a description ("Ana Ruiz, deputy director, told").
            described = True
        elif kind is None and described and index > 2:
            break
    return phrase


_JOINED_NAME = re.compile(
    r"\s(?:and|but|while|when|after|before|because|as|what)\s+(?:[a-z]+\s+){0,2}"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s*$"
)
"""A name that opens a clause joined to the one before, after its role words: "… and Ana Ruiz
[said]", "… in what host Ana Ruiz [described as]"."""
_JOINED_PHRASE = re.compile(
    r"\s(?:after|when|because|while|before|since|until|once)\s+"
    r"(?P<phrase>(?:an?|the)\s+(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*)\s*$"
)
"""A description opening a clause after a conjunction of time or cause: "… fired staff after
an investigation [found]"."""
_AFFILIATION = re.compile(r"([A-Z][^,]*?)\s+(?:with|at|from)\s+(?:the\s+)?[A-Z]")
"""A name and the body it works for: "Ana Ruiz with the Example Police Department"."""
_NAME_TAIL = re.compile(
    r"(?:^|\s)(?P<name>(?:[A-Z][\w'’-]+\.?|(?:[A-Z]\.){2,3})(?:\s+(?:[A-Z][\w'’-]+|[A-Z]\.|de|da|del|van|von|der|bin|al))+)$"
)


def _names_a_body(tokens: Sequence[str]) -> bool:
    """The words after a title name an organisation ("Ascom North America"), not a person."""
    return len(tokens) >= 3 or any(t.lower().strip(".,") in _NONPERSON for t in tokens)


def _trailing_name(segment: str) -> str | None:
    """A personal name of two words or more ending a longer phrase, after its role words."""
    if " " not in segment:
        return None
    match = _NAME_TAIL.search(segment)
    if match is None or match.start("name") == 0:
        return None
    before = segment[: match.start("name")].split()
    titled = len(before) >= 2 and before[-2].lower() in TITLES and before[-1] == "of"
    if (
        before
        and not titled  # "Secretary of State Ana Ruiz"
        and (before[-1].lower() in _INVALID_START or before[-1].lower() in _DETERMINERS)
    ):
        return None  # "a spokesperson for Inherent Resolve", "the journal Nature"
    tokens = match.group("name").split()
    if titled and len(tokens) < 3:
        return None  # "director of Frog Recruitment": a body (not "… of State Ana Ruiz")
    while tokens and tokens[0].lower() in TITLES:
        tokens.pop(0)  # "CEO Ana Ruiz"
    if any(len(t) > 1 and t.isupper() and "." not in t for t in tokens):
        return None  # an acronym: a body, not a person ("S.B. Tarno" has initials)
    while tokens and (tokens[0].lower() in TITLES or tokens[0].lower() in _LEADING_NONPERSON):
        tokens.pop(0)
    if len(tokens) < 2 or any(_nonperson(t) for t in tokens):
        return None
    if not _tokens_ok_as_name(tokens):
        return None
    return " ".join(tokens)


_DESCRIPTION_START = words("a an the deputy senior former chief acting associate assistant")


def _describes(segment: str) -> bool:
    """An appositive after a name: "a teacher", "deputy director of the centre"."""
    found = segment.split(maxsplit=2)
    first = found[0]
    if (
        len(found) > 1
        and found[1].islower()
        and first[1:2].isalpha()
        and (first.lower().strip(".") in TITLES or sum(c.isupper() for c in first) >= 2)
    ):
        return True  # "Professor of Genetics at …", "PhD student in …": a title or a degree
    return first.lower() in _DESCRIPTION_START or (
        first.islower() and first.replace("-", "").isalpha()  # "co-author of the study"
    )


_ROLE_THEN_NAME = re.compile(
    r"\s*(?:[A-Z][\w&.-]*\s+)?[a-z][a-z -]{2,50},\s+"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}?)\.?\s*(?:[,;]|$|(?<=\.)\s)"
)


def _object(post: str) -> str | None:
    """The speaker phrase after an inverted verb: "said Dr. Ana Ruiz, the economist"."""
    tokens: list[str] = []
    raws = post.split(maxsplit=14)[:14]
    for position, raw in enumerate(raws):
        word = raw.strip('“”"‘’')
        if not word or _MASK in word:
            break
        if word.startswith("(") and word.rstrip(",;:.").endswith(")") and tokens:
            if word[-1] in ",;:.":
                break  # a party and state after a name: "Rep. Ana Ruiz (D-Ore.),"
            continue
        lower = word.lower().rstrip(".,;:!?")
        following = raws[position + 1] if position + 1 < len(raws) else ""
        surname = (
            lower in NAME_MONTHS
            and bool(tokens)
            and tokens[-1][:1].isupper()
            and not following[:1].isdigit()
        )  # "said Tamsin May": a surname, not the month
        if (
            lower in _STOP_AFTER
            and tokens
            and not surname
            and not (
                lower == "to"
                and tokens[0] in ("the", "a", "an")
                and tokens[-1][:1].isupper()
                and following[:1].isupper()
            )  # not "the documents obtained under the Access to Information Act"
        ):
            break
        if (
            lower in _OF_WORDS
            and tokens
            and _classify(" ".join(tokens)) != "phrase"
            and not all(_nonperson(t) for t in tokens)  # "said University of Oslo expert …"
        ):
            break
        ends = word[-1] in ",;:!?" or (
            word.endswith(".") and lower not in ABBREVIATIONS and len(lower) != 1
        )
        tokens.append(word.rstrip(",;:!?") if ends else word)
        if ends:
            if tokens[-1].endswith("."):
                tokens[-1] = tokens[-1][:-1]
            break
    phrase = _tidy(" ".join(tokens))
    if phrase and _nonperson(phrase.split()[0]) and " of " in phrase:
        # "said University of Oslo soil scientist Ana Ruiz": the person after the institution
        named = _trailing_name(phrase.split(" of ", 1)[1])
        if named is not None:
            return named
    kind = _classify(phrase)
    if kind == "phrase" and phrase[-1:].islower() and "," in post[:80]:
        role_name = _ROLE_THEN_NAME.match(post)
        name = role_name.group("name").rstrip(".") if role_name is not None else ""
        if _classify(name) == "name":
            return name  # "said Acme chief executive officer, Ana Ruiz."
    if kind:
        return phrase
    if _trailing_name(phrase) and len(phrase.split()) <= 6:
        return phrase
    if " of " in phrase:
        head = phrase.split(" of ", 1)[0]  # "geologist Ana Ruiz of the Example Laboratory"
        if _classify(head) == "phrase" and _trailing_name(head):
            return head
    return None


_QUOTED_AS = re.compile(
    r"\b(?:quot|cit)(?:e|es|ed|ing)\s+(?P<name>[A-Z][^,;:]{1,60}?)\s+as\s+(?:having\s+)?$"
)
_QUOTED_PASSIVE = re.compile(
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:was|were|is|has\s+been)\s+quoted"
    r"\s+(?:as\s+)?$"
)
_STATEMENT_BEFORE = re.compile(
    r"\b(?:issued|released|put\s+out|posted|sent|published|shared)\s+(?:an?\s+|its\s+|his\s+"
    r"|her\s+|their\s+)?(?:\w+\s+){0,2}(?:statement|letter|post|tweet|message|e-?mail|note"
    r"|release|video)\s*$"
)


def _participle_subject(pre: str) -> str | None:
    """The name right before a participle: "… with Minister Ana Ruiz warning of “…”".

    Only a name with nothing between it and the verb: after a comma the participle belongs
    to the sentence's subject ("Ruiz left the room, saying …"), which is taken when it is a
    name.
    """
    quoted = _QUOTED_AS.search(pre)
    if quoted is not None:
        # "local papers quoted Ana Ruiz as saying": the one quoted, not the papers
        named = quoted.group("name")
        return named if _classify(named) == "name" else _trailing_name(named)
    if pre.endswith(("quoted ", "quoted as ")):
        passive = _QUOTED_PASSIVE.search(pre)
        if passive is not None and _classify(passive.group("name")) == "name":
            return passive.group("name")  # "Ruiz was quoted calling it “…”"
    if _STATEMENT_BEFORE.search(pre) is not None:
        # "Example Corp released a statement saying": the sentence's subject issued it
        issuer = _sentence_subject(pre)
        if issuer is not None:
            return issuer
    if pre.rstrip().endswith((",", *_MASKED_CLOSE)):
        # "After the vote, Ana Ruiz issued a statement, saying …": the sentence's subject;
        # also after a quoted fragment ("… Lind’s “change of stance,” saying")
        found = _sentence_subject(pre)
        if found is None and "ly " in pre[:40]:
            # "Tester publicly supported the pipeline, saying …": a name, an adverb, a verb
            acted = _NAME_ADVERB_VERB.match(pre)
            if acted is not None and not _nonperson(acted.group("name")):
                found = acted.group("name")
        if found is None and (" he " in pre or " she " in pre):
            pronoun = _PRONOUN_OPENER.match(pre)
            if pronoun is not None:
                return pronoun.group("pronoun")  # "In 2022, she withdrew it, saying …": "she"
        return found if found is not None and _classify(found) == "name" else None
    if not pre.endswith(" ") or pre.rstrip()[-1:] in ";:—–-":
        return None
    tail = re.split(r"\bwith\b", pre.rstrip().rsplit(",", 1)[-1])[-1].strip()
    if _classify(tail) == "name":
        return tail
    return _trailing_name(tail)


_MASKED_CLOSE = (_MASK + "”", _MASK + "’", _MASK + '"')
"""The end of a quotation inside masked text: its words are masked, its closing mark kept."""
_NAME_ADVERB_VERB = re.compile(r"\s*(?P<name>[A-Z][a-z]+)\s+[a-z]+ly\s+[a-z]+ed\b")


_HAS = (" has", " have", "Has", "Have")
_PRONOUN_OPENER = re.compile(r"(?:[A-Z][^,]{0,40},\s+)?(?P<pronoun>[Hh]e|[Ss]he)\s+[a-z]+")
"""A sentence whose subject is "he" or "she", after an opening phrase ("In 2022, she …")."""


_DOCUMENTS = (
    "statement", "release", "report", "email", "e-mail", "post", "letter", "filing", "memo",
    "tweet", "document", "documents", "complaint", "lawsuit", "transcript", "notice",
)  # fmt: skip
_ISSUED_BY = re.compile(
    rf"\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:{'|'.join(_DOCUMENTS)})\s+(?:from|by|of"
    r"|(?:issued|released|posted|filed|sent)\s+by)\s+"
)


_IN_DOCUMENT = re.compile(
    rf"In\s+(?P<doc>(?:an?|one|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}(?:{'|'.join(_DOCUMENTS)}"
    r"|note|briefing))\b"
)
_THIS_TO_SAY = (" had this to", " has this to", " have this to", " had much to", " had plenty to")
_TOLD_WORDS = words("told warned advised urged asked assured cautioned")
_BE_WORDS = (" was", " were", " been", " being", " is", " are", " be")


def _speech_use(context: str, verb: _Verb) -> bool:
    """Whether a verb that is not always speech is speech here: "the study found, “…”" or
    "found that" (not "found the key"); "his lawyers maintain" (not "tough to maintain")."""
    word = context[verb.start : verb.end]
    if word == "found":
        return _FINDING.match(context, verb.end) is not None
    if word in _BARE:
        return not context[: verb.start].rstrip().endswith(" to")
    return True


_Attribution = tuple[str | None, bool]
_ATTRIBUTED: dict[tuple[str, bool], _Attribution] = {}
"""_attribute's answers during one find_quotes call (it clears them first): a "he said" walk goes
back over sentences an earlier walk or candidate of the same article already read (about half of
_attribute's calls on bench/analysis.py's articles). _attribute is a pure function of its text."""


def _shared_in_call(
    attribute: Callable[..., _Attribution],
) -> Callable[..., _Attribution]:
    """Remember ``attribute``'s answer for a text in _ATTRIBUTED."""

    @wraps(attribute)
    def remembered(context: str, *, last: bool) -> _Attribution:
        key = (context, last)
        found = _ATTRIBUTED.get(key)
        if found is None:
            found = _ATTRIBUTED[key] = attribute(context, last=last)
        return found

    return remembered


_AND_VERB = (" and", " and has", " and had", " and have", " and also", " and has also")


def _coordinated_subject(context: str) -> str | None:
    """The subject opening the sentence ``context`` holds, a person or a pronoun, if any."""
    words_ = context.lstrip(" ,").split(maxsplit=3)
    while words_ and words_[0].lower() in _SUBJECT_SKIP:
        words_ = words_[1:]
    if words_ and words_[0].lower() in ("he", "she", "they"):
        return words_[0]
    return _sentence_subject(context.lstrip(" ,"))


@_shared_in_call
def _attribute(context: str, *, last: bool) -> tuple[str | None, bool]:
    """Find a speaker in a stretch of one sentence: (speaker, whether a speech verb is there).

    ``last`` picks the speech verb nearest the end (the text before a quote); otherwise the
    first one (the text after a quote).
    """
    verbs = [v for v in _verbs(context) if _speech_use(context, v)]
    if not verbs:
        return None, False
    if last:
        verbs.reverse()
    for verb in verbs:
        lead = context[: verb.start].rstrip()
        word = context[verb.start : verb.end]
        if word == "written" and not lead.endswith(_HAS):
            continue  # "Ruiz has written": speech; "who had written it": not
        if word == "comments" and lead and not lead.endswith((",", *_QUOTE_OPENERS, _MASK)):
            continue  # "“…,” comments Ruiz": speech; "his first comments on it came": a noun
        if not verb.finite:
            if verb.according:
                issuer = _ISSUED_BY.match(context, verb.end)
                body = _object(context[issuer.end() :]) if issuer else None
                if issuer is not None and body:
                    # "according to a statement from the sheriff’s office": the statement and
                    # who issued it, not "a statement" alone
                    speaker: str | None = f"{context[verb.end : issuer.end()].strip()} {body}"
                else:
                    speaker = _object(context[verb.end :])
            else:
                speaker = _participle_subject(context[: verb.start])
            if speaker:
                return speaker, True
            continue
        if word == "say" and lead.endswith(_THIS_TO_SAY):
            # "Ruiz had this to say about the vote: “…”"
            speaker = _subject(lead[: lead.rindex(" ha")] + " ")
            if speaker:
                return speaker, True
            continue
        if word in _TOLD_WORDS and lead.endswith(_BE_WORDS):
            # "Ruiz was told by her doctor that …": the doctor; with no one named, not Ruiz
            agent = context[verb.end :]
            speaker = _object(agent[4:]) if agent.startswith(" by ") else None
            if speaker is None and context.lstrip().startswith("In "):
                document = _IN_DOCUMENT.match(context.lstrip())
                speaker = document.group("doc") if document is not None else None
            if speaker:
                return speaker, True  # "In one briefing note she was warned that …": the note
            continue
        pre = context[: verb.start].rstrip(" ,")
        if not pre.strip(" ,’'\"—–-\t") or pre.endswith(("”", "’", '"', _MASK, "»")):
            speaker = _object(context[verb.end :])
            if speaker:
                return speaker, True
        if lead.endswith(_AND_VERB):
            # "Ana Ruiz funds groups and has said, “…”": the first verb's subject
            speaker = _coordinated_subject(context)
            if speaker:
                return speaker, True
        speaker = _subject(context[: verb.start])
        if not last and " " not in (speaker or "") and lead.endswith(","):
            # "“…,” Ana Ruiz, head of sales at Acme Trucks, Buses, and Vans, said": the name
            # after the quotation, not the last word of its role
            front = _FRONT_NAME.match(context)
            if (
                front is not None
                and (speaker or "") not in front.group("name")
                and _classify(front.group("name")) == "name"
            ):
                return front.group("name"), True
        if speaker and lead.endswith(",") and not speaker[:1].isupper():
            # "“…,” the town nearest the site, said Salt.": a description of what the quotation
            # named, set off by commas, and the speaker named after the verb
            named = _inverted_name(context[verb.end :])
            if named:
                return named, True
        if speaker:
            return speaker, True
        if lead.endswith(","):
            speaker = _inverted_name(context[verb.end :])
            if speaker:
                return speaker, True  # "All “relevant sites” were cleaned, reports Wee."
    return None, True


_FRONT_NAME = re.compile(r"\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),\s+[a-z]")
"""A full name after a quotation, then a comma and a lower-case role: "Ana Ruiz, head of …"."""


def _before_possessive(tokens: list[str]) -> list[str]:
    """A run's words up to its first possessive ("Ana’s MBA" -> "Ana’s"): the noun after a
    possessive is a thing of the person's, not the person."""
    for index, token in enumerate(tokens[:-1]):
        if token.endswith(("’s", "'s")):
            return tokens[: index + 1]
    return tokens


_HEADS_OF = re.compile(
    r"\b(?:director|founder|co-founder|owner|head|chief|president|chair|chairman|chairwoman"
    r"|ceo|manager|officer|executive|spokesman|spokeswoman|spokesperson|partner|principal)"
    r"\s+(?:at|of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:and|&)\s+)?$",
    re.IGNORECASE,
)
"""What a body's name follows ("managing director of ", "owner of Heaven and "): the name
after it is an organisation's, never a person to resolve "he said" to."""
_HEAD_STEMS = (
    "director", "founder", "owner", "head", "chief", "president", "chair", "ceo", "manager",
    "officer", "executive", "spokes", "partner", "principal",
)  # fmt: skip


def _may_head(window: str) -> bool:
    """Whether _HEADS_OF can match in ``window``: an ASCII one holds one of its words (a
    search costs ~6 µs; other text may hold letters IGNORECASE matches with ASCII ones)."""
    lowered = window.lower()
    return not window.isascii() or any(stem in lowered for stem in _HEAD_STEMS)


class _People:
    """Person names mentioned outside quotes, for resolving "he said".

    Paragraphs are scanned lazily, in order, as far as the latest pronoun needs.
    ``names_body`` and ``form_of`` read ahead only the paragraphs that hold the name they ask
    about, so ``_add`` must keep two things true: whether a run is a body's name depends on
    its paragraph alone, and a name's forms on that name's own earlier forms and bodies (no
    other name's); tests/test_extract_prechecks.py compares them with the whole scan.
    """

    def __init__(self, masked: Sequence[str]) -> None:
        self._masked = masked
        self._scanned = 0
        self._positions: list[tuple[int, int]] = []
        self._keys: list[str] = []
        self._forms: dict[str, list[tuple[tuple[int, int], str]]] = {}
        self._bodies: set[str] = set()
        self._ahead: dict[int, set[str]] = {}  # bodies' names read ahead of the scan
        self._lowered: list[str | None] = [None] * len(masked)
        self._by_key: dict[str, _People] = {}  # one name's forms, read ahead of the scan

    def _lower(self, para: int) -> str:
        lowered = self._lowered[para]
        if lowered is None:
            lowered = self._lowered[para] = self._masked[para].lower()
        return lowered

    def _bodies_of(self, para: int) -> set[str]:
        """The bodies' names paragraph ``para`` holds, as its whole scan would add them, read
        without scanning it whole."""
        found = self._ahead.get(para)
        if found is None:
            found = self._ahead[para] = set()
            text = self._masked[para]
            if _may_head(text) and not (text[-1:].isalpha() and _title_cased(text)):
                for match in _PERSON_RUN.finditer(text):
                    start = match.start()
                    if (
                        text[start - 3 : start] in ("of ", "at ", "or ", "nd ", " & ")
                        and _may_head(text[max(0, start - 80) : start])
                        and _HEADS_OF.search(text, max(0, start - 80), start)
                    ):
                        found.add(match.group().split()[-1].lower().rstrip(".").removesuffix("’s"))
        return found

    def _forms_of(self, key: str, para: int) -> list[tuple[tuple[int, int], str]]:
        """The forms of ``key`` in paragraphs up to ``para``, as the whole scan records them,
        read without it: a copy of this scan's state goes on through the paragraphs that hold
        ``key`` (lower-cased; any with a "Σ", whose lower case depends on what follows) and
        steps over the rest, which hold no run of that name and none of its bodies."""
        if self._scanned > para:
            return self._forms.get(key, [])
        ahead = self._by_key.get(key)
        if ahead is None:
            ahead = _People(self._masked)
            ahead._scanned = self._scanned
            ahead._bodies = set(self._bodies)
            if key in self._forms:  # (an empty list would read as a name seen before)
                ahead._forms = {key: list(self._forms[key])}
            self._by_key[key] = ahead
        while ahead._scanned <= para and ahead._scanned < len(self._masked):
            if key in self._lower(ahead._scanned) or "Σ" in self._masked[ahead._scanned]:
                ahead._scan_to(ahead._scanned)
            else:
                ahead._scanned += 1
        return ahead._forms.get(key, [])

    def _scan_to(self, para: int) -> None:
        while self._scanned <= para and self._scanned < len(self._masked):
            text = self._masked[self._scanned]
            if not (text[-1:].isalpha() and _title_cased(text)):  # not "Urgent Situation"
                for match in _PERSON_RUN.finditer(text):
                    self._add(self._scanned, match, text)
            self._scanned += 1

    def _record(self, para: int, start: int, key: str, form: str) -> None:
        self._forms.setdefault(key, []).append(((para, start), form))
        self._positions.append((para, start))
        self._keys.append(key)

    def _add(self, para: int, match: re.Match[str], text: str) -> None:
        run = match.group()
        start = match.start()
        if (
            text[start - 3 : start] in ("of ", "at ", "or ", "nd ", " & ")
            and _may_head(text[max(0, start - 80) : start])
            and _HEADS_OF.search(text, max(0, start - 80), start)
        ):
            self._bodies.add(run.split()[-1].lower().rstrip(".").removesuffix("’s"))
            return
        if " " not in run:  # one capitalised word: the common case, kept cheap
            lowered = run.lower().rstrip(".")
            if (
                lowered in _NONPERSON
                or lowered in TITLES
                or lowered in _PLURAL_SPEAKERS
                or _opening_adverb(lowered)
            ):
                return
            key = lowered.removesuffix("’s").removesuffix("'s")
            if key in self._bodies:
                return
            if key not in self._forms:
                # A new single name counts as a person only as a clause's subject: "Trump has".
                before = match.start() - 1
                while before >= 0 and text[before] == " ":
                    before -= 1
                if before >= 0 and text[before] not in ".,;":
                    return
                if _VERBISH.match(text, match.end()) is None:
                    return
            form = run.rstrip(".").removesuffix("’s").removesuffix("'s")
            self._record(para, match.start(), key, form)
            return
        tokens = _before_possessive(run.split())
        titled = False
        while tokens and (
            tokens[0].lower() in TITLES
            or tokens[0].lower() in _LEADING_NONPERSON
            or _opening_adverb(tokens[0])
        ):
            titled = titled or tokens[0].lower() in TITLES
            tokens.pop(0)
        tokens = [t.rstrip(".") if len(t) > 2 else t for t in tokens]
        if not tokens or len(tokens) > 4:
            return
        if any(_nonperson(t) for t in tokens):
            return
        key = tokens[-1].lower().removesuffix("’s").removesuffix("'s")
        if key in self._bodies:
            return
        new_single = len(tokens) == 1 and not titled and key not in self._forms
        if new_single and _VERBISH.match(text, match.end()) is None:
            return  # "But Trump has said" counts; "In Caracas" does not
        form = " ".join(tokens).removesuffix("’s").removesuffix("'s")
        self._record(para, match.start(), key, form)

    def form_of(self, name: str, para: int, offset: int) -> str:
        """How to name the person ``name`` at (para, offset): their shortest form so far, or
        the full name when two people mentioned share the surname."""
        key = name.split()[-1].lower()
        forms = [f for at, f in self._forms_of(key, para) if at < (para, offset)]
        if not forms:
            return name
        full = [f for f in forms if " " in f]
        if len({f.split()[0] for f in full}) > 1:
            return name if " " in name else full[-1]
        return min([*forms, name], key=lambda f: (len(f), f))

    def names_body(self, name: str, para: int) -> bool:
        """Whether ``name`` ends as a body's name seen up to ``para`` ("Earth Aikido"), or in
        any paragraph already scanned: the paragraphs not yet scanned are read for bodies
        alone, and only those that hold the name (lower-cased; any with a "Σ", whose lower
        case depends on what follows)."""
        key = name.split()[-1].lower()
        if key in self._bodies:
            return True
        return any(
            (key in self._lower(ahead) or "Σ" in self._masked[ahead])
            and key in self._bodies_of(ahead)
            for ahead in range(self._scanned, min(para + 1, len(self._masked)))
        )

    def only_one_in(self, para: int, quotes: Sequence[Quote]) -> str | None:
        """The one person mentioned in paragraph ``para`` when nobody else is mentioned there
        and they said one of ``quotes``: named as they were for the last of those."""
        self._scan_to(para)
        first = bisect.bisect_left(self._positions, (para, 0))
        last = bisect.bisect_left(self._positions, (para + 1, 0))
        keys = set(self._keys[first:last])
        if len(keys) != 1:
            return None
        (key,) = keys
        for quote in reversed(quotes):
            if quote.speaker and quote.speaker.split()[-1].lower() == key:
                return quote.speaker
        return None

    def opens_a_sentence(
        self, start: tuple[int, int], end: tuple[int, int], starts: Sequence[Sequence[int]]
    ) -> bool:
        """Whether a person mentioned between ``start`` and ``end`` opens a sentence there
        (a subject, not an object as in "trained with Yuki Sato")."""
        self._scan_to(end[0])
        first = bisect.bisect_left(self._positions, start)
        last = bisect.bisect_left(self._positions, end)
        return any(
            offset == 0 or offset in starts[para] for para, offset in self._positions[first:last]
        )

    def named_in(self, para: int, offset: int) -> str | None:
        """The person mentioned last before ``offset`` when that mention is in paragraph
        ``para`` itself, as ``resolve`` names them."""
        self._scan_to(para)
        index = bisect.bisect_left(self._positions, (para, offset)) - 1
        if index < 0 or self._positions[index][0] != para:
            return None
        return self.resolve(para, offset)

    def resolve(self, para: int, offset: int) -> str | None:
        """The shortest form, so far, of the person mentioned last before (para, offset)."""
        self._scan_to(para)
        index = bisect.bisect_left(self._positions, (para, offset)) - 1
        if index < 0:
            return None
        forms = [f for at, f in self._forms[self._keys[index]] if at < (para, offset)]
        full = [f for f in forms if " " in f]
        if len({f.split()[0] for f in full}) > 1:
            # Two people share the surname (Ewan and Isla Mackie): name the one meant in full.
            return full[-1]
        return min(forms, key=lambda f: (len(f), f))


_PRONOUN_SAID = ("He said ", "She said ", "He says ", "She says ")


def _pronoun_chain(masked: Sequence[str], start: int, end: int, pronoun: str) -> bool:
    """Whether the paragraphs from ``start`` up to ``end`` go on about "he" (or "she"): the
    walk back found no one else as a subject, so a person named there only as an object
    ("trained with Yuki Sato") is not who "he said" is."""
    capital = pronoun.capitalize()
    return any(
        f" {pronoun} " in masked[index] or masked[index].startswith(f"{capital} ")
        for index in range(start, end)
    )


def find_quotes(paragraphs: Sequence[str]) -> list[Quote]:
    """Find the direct quotations in clean body paragraphs, in order."""
    spans = [_scan(p, i) for i, p in enumerate(paragraphs)]
    if not any(spans):
        return []
    _ATTRIBUTED.clear()  # another article's answers: dropped, so the dicts stay small
    _SUBJECTS.clear()
    masked = [_mask(p, s) if s else p for p, s in zip(paragraphs, spans, strict=True)]
    starts = [_sentence_starts(m) if s else [] for m, s in zip(masked, spans, strict=True)]
    candidates = _chain(paragraphs, spans)[:_MAX_QUOTES]
    opens = [[span.open for span in para_spans] if para_spans else [] for para_spans in spans]
    people: _People | None = None
    quotes: list[Quote] = []
    previous: tuple[int, str | None] | None = None
    resolved: tuple[int, str, str] | None = None  # the last "he"/"she": paragraph, who
    repeated: set[str] | None = None
    for cand in candidates:
        first, final = cand.parts[0], cand.parts[-1]
        _attribute_candidate(cand, paragraphs, masked, starts, opens)
        if cand.speaker is None and cand.fragment:
            if not _clause_quoted(cand.text):
                continue  # a phrase in running text with nobody saying it: scare quotes, titles
            # “… a clause of someone's words in running text: the sentence's subject, a name
            para_starts = starts[first.para]
            index = bisect.bisect_right(para_starts, first.open)
            sentence = para_starts[index - 1] if index else 0
            subject = _sentence_subject(masked[first.para][sentence : first.open].strip())
            if subject is None or _classify(subject) != "name":
                continue
            cand.speaker = subject
        if cand.speaker is None:
            cand.speaker = _credit_line(paragraphs, cand)
        if cand.speaker is None and not cand.has_verb:
            if repeated is None:
                repeated = _repeated_short(candidates)
            if _short_key(cand.text) in repeated:
                continue  # a slogan or a name quoted again and again, said by nobody
            if not _sentence_like(cand.text):
                continue  # a scare quote or a title
            lead_in = _lead_in_subject(masked[first.para][: first.open], starts[first.para])
            if lead_in is not None:
                cand.speaker = lead_in  # "Ruiz returned to it later. “Why wait?”"
            elif previous is not None and _next_to(paragraphs, previous[0], first.para):
                cand.speaker = previous[1]
            elif first.para > 0 and not masked[first.para][: first.open].strip():
                # “…” opening a paragraph after "Erekat said it was …": the reported speaker
                reported = _last_subject(masked, starts, first.para, first.open)
                if reported is None and not spans[first.para - 1]:
                    # "Ruiz wrapped up her win in two hours." then “…”: the one it was about
                    before = _starts_of(masked, starts, first.para - 1)
                    reported = _sentence_subject(
                        masked[first.para - 1][before[-1] if before else 0 :],
                        partial(_named_in_full, masked, first.para),
                    )
                    if reported is None and paragraphs[first.para - 1].startswith(_PRONOUN_SAID):
                        # "She said it was …" then “…”: the one "she" is, as for “…,” she said
                        reported = _previous_subject(
                            masked,
                            starts,
                            first.para - 1,
                            len(masked[first.para - 1]),
                            None,
                            paragraphs[first.para - 1].split(" ", 1)[0].lower(),
                        )
                if reported is not None and _classify(reported) == "name":
                    cand.speaker = reported
                elif reported is None and not spans[first.para - 1] and quotes:
                    # "But for Parata the deaths are personal." then “…”: a paragraph about
                    # one person quoted before, and nobody else, hands its quotation to them
                    if people is None:
                        people = _People(masked)
                    cand.speaker = people.only_one_in(first.para - 1, quotes)
            if cand.speaker is None:
                cand.speaker = _said_after(paragraphs, masked, cand)
        if (
            cand.fragment or cand.speaker is None or cand.text.rstrip(" ,")[-1:] not in ".!?"
        ) and _title_cased(cand.text):
            continue  # a song, a book, a slogan on a sign: "Takin’ It to the Streets"
        if _heading(paragraphs, cand):
            continue  # a subheading quoting the story: “A cause for concern”
        if _headline_end(paragraphs, cand):
            continue  # a headline ending in its quotation: One fund says: ‘Not so fast’
        speaker = cand.speaker
        described = speaker is not None and speaker[:4].lower() == "the "
        if speaker and described and _PERSON_DESCRIPTION.fullmatch(speaker) is None:
            # "the photographer said": the person the article gave that role, if any
            introduced = _introduced_as(masked, first.para, first.open, speaker)
            if introduced is not None:
                if people is None:
                    people = _People(masked)
                speaker = people.form_of(introduced, first.para, first.open)
        elif speaker and described:
            # "the actor said": the subject of the sentences before, as for "he", else the
            # person named last before
            if people is None:
                people = _People(masked)
            # named before the description, not in its own clause ("The singer, who tours
            # with the Harbour Boys, added that “…”")
            at = masked[first.para].lower().rfind(speaker.lower(), 0, first.open)
            named = people.named_in(first.para, first.open if at < 0 else at)
            subject = (
                _previous_subject(masked, starts, first.para, first.open, None)
                if named is None
                else None
            )
            if named is None:
                introduced = _introduced_as(masked, first.para, first.open, speaker)
                if introduced is not None:
                    named = people.form_of(introduced, first.para, first.open)
            if named is not None:
                speaker = named  # "… planted by Parcells. “…,” the coach said.": Parcells
            elif subject is not None:
                speaker = people.form_of(subject, first.para, first.open)
            else:
                speaker = people.resolve(first.para, first.open) or speaker
        elif speaker and _is_pronoun(speaker):
            ahead = _named_ahead(
                paragraphs[first.para], masked[first.para], starts[first.para], cand
            )
            if ahead is not None:
                speaker = ahead
            elif speaker.lower() in ("he", "she"):
                pronoun_word = speaker.lower()
                if people is None:
                    people = _People(masked)
                earlier = previous[1] if previous is not None else None
                subject = _previous_subject(
                    masked, starts, first.para, first.open, earlier, speaker.lower()
                )
                if subject is not None and people.names_body(subject, first.para):
                    subject = None  # "Heaven and Earth Aikido is …": the studio, not "he"
                if subject is not None and subject != earlier:
                    subject = people.form_of(subject, first.para, first.open)
                if (
                    subject is None
                    and resolved is not None
                    and resolved[1] == pronoun_word
                    and (
                        first.para - resolved[0] <= 1
                        or (
                            _pronoun_chain(masked, resolved[0] + 1, first.para, pronoun_word)
                            and not people.opens_a_sentence(
                                (resolved[0] + 1, 0), (first.para, first.open), starts
                            )
                        )
                    )
                ):
                    subject = resolved[2]  # "she" again, no one named since: the same person
                speaker = subject or people.resolve(first.para, first.open)
                if speaker is not None:
                    resolved = (final.para, pronoun_word, speaker)
            else:
                pronoun, speaker = speaker.lower(), None
                if pronoun == "they":
                    # the group that opens the sentence before: "Port officials met …"
                    speaker = _plural_subject(masked, starts, first.para, first.open)
                if speaker is None:
                    speaker = _last_subject(masked, starts, first.para, first.open)
                if speaker is None and previous is not None and first.para - previous[0] <= 2:
                    speaker = previous[1]
        quotes.append(Quote(cand.text, speaker, cand.para, cand.fragment, cand.start))
        previous = (final.para, speaker)
    if any(q.speaker is None for q in quotes):
        _said_again(quotes)
    return quotes


def _clause_quoted(text: str) -> bool:
    """Six words or more that open in lower case: a clause of someone's words, not a term."""
    return text[:1].islower() and len(text.split(None, 6)) > 6


def _said_again(quotes: list[Quote]) -> None:
    """Give a quotation with no speaker the speaker of another that holds the same words: a
    standfirst or pull quote repeating the body's “…,” Ruiz said."""
    said = [(q.text.casefold(), q.speaker) for q in quotes if q.speaker is not None]
    if not said:
        return
    for i, quote in enumerate(quotes):
        if quote.speaker is not None:
            continue
        words_ = _NOT_KEY.sub(" ", quote.text.casefold()).split()
        if len(words_) < 2:
            continue
        longest = max(words_, key=len)
        key = f" {' '.join(words_)} "
        speakers = {
            speaker
            for text, speaker in said
            if longest in text and key in f" {_NOT_KEY.sub(' ', text).strip()} "
        }
        if len(speakers) == 1:
            quotes[i] = replace(quote, speaker=speakers.pop())


_SAID_THAT = re.compile(
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:has\s+|had\s+)?"
    r"(?:said|says|wrote|tweeted)\s+(?:that|so|this|it)\b"
)
"""A paragraph opening with a name that said what the quotation before it says: "Ana Ruiz
has said that more than once"."""


def _said_after(paragraphs: Sequence[str], masked: Sequence[str], cand: _Candidate) -> str | None:
    """The speaker of a quotation that ends its paragraph, named by the next paragraph's
    opening ("Global warming: “it’s a hoax.”" / "Ana Ruiz has said that …")."""
    final = cand.parts[-1]
    if final.para + 1 >= len(paragraphs) or paragraphs[final.para][final.close + 1 :].strip(
        " .!?”’\"'"
    ):
        return None
    said = _SAID_THAT.match(masked[final.para + 1].lstrip())
    if said is None or _classify(said.group("name")) != "name":
        return None
    return said.group("name")


_SUBORDINATE = re.compile(
    r"(?:Although|Though|Even\s+though|While|Whilst|When|As|After|Before|Because|Since|If"
    r"|Once)\s+(?:he|she)\s"
)


def _named_ahead(
    paragraph: str, masked: str, starts: Sequence[int], cand: _Candidate
) -> str | None:
    """The name the main clause opens with, when the quotation sits in a clause before it
    whose "he"/"she" points ahead: "Although he called it “…”, Ruiz did not …"."""
    first, final = cand.parts[0], cand.parts[-1]
    start = max((s for s in starts if s <= first.open), default=0)
    if final.para != first.para or _SUBORDINATE.match(masked, start) is None:
        return None
    if paragraph[final.close - 1 : final.close] == ",":
        comma = final.close  # “… gift,” Ruiz kept: the comma inside the closing mark
    else:
        comma = masked.find(",", final.close)
    if comma < 0:
        return None
    end = min((s for s in starts if s > comma), default=len(masked))
    found = _sentence_subject(masked[comma + 1 : end].lstrip(' ”’"»'))
    return found if found is not None and _classify(found) == "name" else None


def _next_to(paragraphs: Sequence[str], before: int, para: int) -> bool:
    """Paragraph ``para`` follows ``before`` with at most a caption or a subheading between
    (one line that does not end a sentence): a speaker's quotations go on across a photo."""
    if para - before <= 1:
        return True
    if para - before > 2:
        return False
    between = paragraphs[before + 1].rstrip().rstrip("”’\"')")
    return bool(between) and between[-1] not in ".!?…"


_NAME_RUN = r"(?:[A-Z][\w'’-]+\.?\s+|[A-Z]\.\s+){1,3}[A-Z][\w'’-]*\w"
_NAME_AFTER_ROLE = re.compile(rf"s?\s+(?P<name>{_NAME_RUN})")
"""A name right after a role word: "photographer Ana Ruiz"."""
_NAME_BEFORE_ROLE = re.compile(
    rf"(?P<name>{_NAME_RUN}),\s+(?:an?|the|his|her|its|their|[A-Z][\w.&'’-]*[’']s)"
    r"\s+(?:[\w'’-]+\s+){0,4}$"
)
"""A name set off before its role: "Ana Ruiz, a photographer", "Ana Ruiz, the port's chief
economist"."""
_NAME_BEFORE_AGE = re.compile(rf"(?P<name>{_NAME_RUN})$")
_INTRODUCED_PARAGRAPHS = 8
"""How far back (paragraphs) a role given with a name is looked for."""


def _introduced_as(masked: Sequence[str], para: int, offset: int, description: str) -> str | None:
    """The person the article introduced with the role ``description`` ends in, last before
    (para, offset): "the photographer said" after "photographer Ana Ruiz" or "Ana Ruiz, a
    photographer from Leeds,"; "the 45-year-old" after "Ana Ruiz, 45,"."""
    role = description.rsplit(None, 1)[-1]
    if len(role) < 3 or not role.replace("-", "").isalnum() or role.lower() in _NONPERSON:
        return None  # "the ruling party": a body, not a person given a role
    age = role.endswith("-year-old")
    # the role word as written and capitalised, or ", 45" for an age: found with str.find,
    # then anchored patterns around each place (no search over whole paragraphs)
    needles = (f", {role[:-9]}",) if age else (role.lower(), role.capitalize())
    for index in range(para, max(-1, para - _INTRODUCED_PARAGRAPHS), -1):
        text = masked[index][:offset] if index == para else masked[index]
        found = None
        for needle in needles:
            at = text.find(needle)
            while at >= 0:
                end = at + len(needle)
                if age:
                    ok = not text[end : end + 1].isalnum()
                    match = _NAME_BEFORE_AGE.search(text, max(0, at - 60), at) if ok else None
                elif at > 0 and text[at - 1].isalnum():
                    match = None  # inside another word
                else:
                    match = _NAME_AFTER_ROLE.match(text, end)
                    if match is None and not text[end : end + 1].isalnum():
                        match = _NAME_BEFORE_ROLE.search(text, max(0, at - 120), at)
                if match is not None:
                    name = _introduced_name(match.group("name"))
                    found = name or found
                at = text.find(needle, end)
        if found is not None:
            return found
    return None


def _introduced_name(name: str) -> str | None:
    """A person's name from a run found beside a role: no title, possessive or body word."""
    tokens = _before_possessive(name.split())
    while tokens and tokens[0].lower().rstrip(".") in TITLES:
        tokens.pop(0)
    if (
        len(tokens) >= 2
        and tokens[-1][-2:] not in ("’s", "'s")
        and not any(_nonperson(t) or (len(t) > 1 and t.isupper()) for t in tokens)
    ):
        return " ".join(tokens)
    return None


_ROLE = (
    r"(?:actor|actress|singer|rapper|guitarist|drummer|bassist|frontman|director|filmmaker"
    r"|star|player|striker|goalkeeper|coach|manager|comedian|musician|author|novelist|artist"
    r"|\d+-year-old|teenager|senator|congressman|congresswoman|lawmaker)"
)
_PERSON_DESCRIPTION = re.compile(
    rf"the (?:(?:(?-i:[A-Z])[\w.'’-]*\s+){{1,3}}(?!senator|congress|lawmaker|\d))?{_ROLE}"
    rf"(?: and {_ROLE})?"
    r"|the (?:[A-Z][\w.-]*\s+){0,2}(?:Democrat|Republican)"
    r"(?:\s+from\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?",
    re.IGNORECASE,
)
"""A description that stands for a person named before: "the 47-year-old", "the actor", "the
singer and guitarist", "the Silver Coast actress" (a show's or band's name before the role,
not a lawmaker's: "the Texas senator" may be someone else; role words only: "the 72-year-old
senator" may be someone else, and is kept as written)."""
_SMALL_WORDS = words("a an and as at but by for from in into of on or the to with")
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _title_cased(text: str) -> bool:
    """Two to eight words, every one capitalised but the small ones: a title, not speech."""
    for word in text.split(None, 4)[:4]:
        if word.isalpha() and not word[0].isupper() and word.lower() not in _SMALL_WORDS:
            return False  # a word of letters alone is a whole match: one not capitalised
    if len(_LETTER_WORD.findall(text, 0, 80)) > 8:
        return False  # nine words or more: each match in the first 80 characters starts one
    found = _LETTER_WORD.findall(text)
    if not 2 <= len(found) <= 8:
        return False
    big = [w for w in found if w.lower() not in _SMALL_WORDS]
    return len(big) >= 2 and all(w[0].isupper() for w in big) and found[0][0].isupper()


def _heading(paragraphs: Sequence[str], cand: _Candidate) -> bool:
    """A paragraph that is nothing but a short quotation without end punctuation, or a
    crosshead that credits one: “‘Ends the debate’: Example Economics”."""
    first, final = cand.parts[0], cand.parts[-1]
    if len(cand.parts) > 1 or cand.text[-1:] in ".!?,…" or len(cand.text.split(None, 12)) > 12:
        return False
    paragraph = paragraphs[first.para]
    tail = paragraph[final.close + 1 :].strip(" .”’\"'")
    if paragraph[: first.open].strip() or (tail and not _crosshead_credit(tail)):
        return False
    return first.para == 0 or not paragraphs[first.para - 1].rstrip().endswith(":")


def _headline_end(paragraphs: Sequence[str], cand: _Candidate) -> bool:
    """A line that ends with a short quotation after a colon, no stop inside or after its
    mark: a headline's form (“Uber for care? One fund says: ‘Not so fast’”), not a sentence's."""
    final = cand.parts[-1]
    paragraph = paragraphs[final.para]
    return (
        final.close == len(paragraph.rstrip()) - 1
        and cand.text[-1:].isalnum()
        and len(cand.text.split(None, 8)) <= 8
        and paragraph[: cand.parts[0].open].rstrip().endswith(":")
    )


def _crosshead_credit(tail: str) -> bool:
    """ ": Example Economics" after a quotation that is a whole paragraph: a crosshead's
    source, up to five capitalised words and no end punctuation."""
    if tail[:1] != ":" or tail[-1:] in ".!?,;":
        return False
    found = tail[1:].split()
    return 1 <= len(found) <= 5 and all(w[:1].isupper() or w in PARTICLES for w in found)


_CREDIT = re.compile(r"[—–-]{1,2}\s*(?P<name>[^\s(@—–-][^(@]{0,60}?)\s*(?:\(@\w+\).*)?")


def _credit_line(paragraphs: Sequence[str], cand: _Candidate) -> str | None:
    """The speaker of a paragraph that is all quotation, named on the line after it after a
    dash, as reviews, epigraphs and embedded posts print it: “…” / – Ana R."""
    first, final = cand.parts[0], cand.parts[-1]
    if paragraphs[first.para][: first.open].strip():
        return None
    if paragraphs[final.para][final.close + 1 :].strip(" .,”’\"'"):
        return None
    if final.para + 1 >= len(paragraphs):
        return None
    match = _CREDIT.fullmatch(paragraphs[final.para + 1].strip())
    if match is None:
        return None
    name = match.group("name").rstrip(" ,")
    found = name.split()
    if not 1 <= len(found) <= 5 or not all(w[:1].isupper() or w in PARTICLES for w in found):
        return None  # "— and more besides", "– Reporting by Ana Ruiz"
    return name


_SLOGAN_WORDS = 8
_NOT_KEY = re.compile(r"[\W_]+")


def _short_key(text: str) -> str:
    """A short quotation's words, lower-cased, for spotting one quoted again."""
    if len(text.split(None, _SLOGAN_WORDS)) > _SLOGAN_WORDS:  # (splits no further than needed)
        return ""
    return _NOT_KEY.sub(" ", text).strip().casefold()


def _repeated_short(candidates: Sequence[_Candidate]) -> set[str]:
    """The short quotations that appear more than once in an article."""
    seen: set[str] = set()
    again: set[str] = set()
    for cand in candidates:
        key = _short_key(cand.text)
        if key:
            (again if key in seen else seen).add(key)
    return again


def _sentence_like(text: str) -> bool:
    return len(text.split(None, 4)) >= 4 or text.rstrip()[-1:] in ".!?"


def _opens_sentence(paragraph: str, span: _Span) -> bool:
    """A double quotation mark that opens its paragraph or a sentence: “… or "… X said. “…"."""
    lead = paragraph[: span.open].rstrip()
    return span.family == "d" and (not lead or lead[-1] in ".!?:")


def _ends_unclosed(paragraph: str, span: _Span) -> bool:
    """A quotation opening a sentence that runs to its paragraph's end, a full sentence, its
    closing mark lost: "…," said Ana. "Without them I would not be here. (The caller asks for
    a closed quotation before it in the paragraph.)"""
    text = paragraph[span.open + 1 :].rstrip()
    return text[-1:] in ".!?" and len(text.split(None, 4)) >= 4 and _opens_sentence(paragraph, span)


def _closed_later(
    paragraphs: Sequence[str], spans: Sequence[Sequence[_Span]], last: _Span
) -> list[_Span]:
    """The rest of a statement left open whose later paragraphs have no opening mark, up to a
    close with a comma a few paragraphs on: “Based on … / … / … to Intel,” writes Intel."""
    if not _opens_sentence(paragraphs[last.para], last):
        return []
    parts: list[_Span] = []
    for nxt in range(last.para + 1, min(last.para + 4, len(paragraphs))):
        text = paragraphs[nxt]
        if spans[nxt]:
            return []
        close = text.find(",”") if "”" in text else text.find(',"')
        if close > 0 and text[close + 2 : close + 3] == " ":
            return [*parts, _Span(nxt, -1, close + 1, "d")]
        if "”" in text or '"' in text or text.rstrip()[-1:] not in ".!?":
            return []  # another mark, or a caption between: not one statement
        parts.append(_Span(nxt, -1, len(text), "d", runs_on=True))
    return []


def _chain(paragraphs: Sequence[str], spans: Sequence[Sequence[_Span]]) -> list[_Candidate]:
    """Join quotes continued over paragraphs and build the candidates' texts."""
    candidates: list[_Candidate] = []
    skip: set[tuple[int, int]] = set()
    for para, para_spans in enumerate(spans):
        for span in para_spans:
            if (para, span.open) in skip:
                continue
            parts = [span]
            while parts[-1].runs_on:
                nxt = parts[-1].para + 1
                if nxt >= len(spans) or not spans[nxt]:
                    break
                head = spans[nxt][0]
                if head.family != span.family or paragraphs[nxt][: head.open].strip():
                    break
                parts.append(head)
                skip.add((nxt, head.open))
            if parts[-1].runs_on:
                closing = _closed_later(paragraphs, spans, parts[-1])
                if closing:
                    parts.extend(closing)  # “… then paragraphs with no mark, then …,” X said
                elif not (
                    len(parts) == 1
                    and span is not para_spans[0]  # “…,” said X. “… : after one closed
                    and _ends_unclosed(paragraphs[para], span)
                    and not any(p[:1] in '“"' for p in paragraphs[para + 2 : para + 4])
                ):
                    continue  # never closed, or going on after a box: not one we can trust
            if len(parts) == 1:  # the common case: one span, its words stripped
                raw = paragraphs[para][span.open + 1 : span.close]
                text = raw.strip().rstrip(" ,")
                if not _WORD_CHARS.search(text):
                    continue
                start = span.open + 1 + (len(raw) - len(raw.lstrip()))
                candidates.append(_Candidate(parts, text, para, start))
                continue
            texts = []
            first = start = -1
            for part in parts:
                raw = paragraphs[part.para][part.open + 1 : part.close]
                stripped = raw.strip()
                if stripped and start < 0:
                    first, start = part.para, part.open + 1 + (len(raw) - len(raw.lstrip()))
                texts.append(stripped)
            text = " ".join(t for t in texts if t).rstrip(" ,")
            if not _WORD_CHARS.search(text):
                continue
            candidates.append(_Candidate(parts, text, first, start))
    return candidates


_PASSIVE_CUE = re.compile(
    r"\b(?:is|was|were|are|been|being|be)\s+(?:\w+ly\s+)?"
    r"(?:described|called|labell?ed|termed|branded)(?:\s+as)?(?:\s+an?)?\s*[“‘\"']?$"
)
"""A quotation in the passive ("has been described as “…”"): said by the agent after it."""
_NOT_BEFORE_FRAGMENT = ',:.!?([—–-”’"»' + _MASK
"""What may end the text before a quotation that stands on its own (not a fragment)."""


_NAME_ACTS = re.compile(
    r"\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|he|she)"
    r"\s+(?:[a-z]+ed|(?!does|goes)[a-z]{3,}[^\Ws]s|(?P<past>[a-z]{3,}))(?=[\s.,;!?]|$)"
)
"""A name or "he"/"she" and a verb in the past or present: "Ruiz shrugged", "Ana Ruiz sighed
in a post", "he remembers", "Ruiz began" (``past``: a word to find in _PAST_IRREGULAR)."""


def _attribute_candidate(
    cand: _Candidate,
    paragraphs: Sequence[str],
    masked: Sequence[str],
    starts: Sequence[Sequence[int]],
    opens_by_para: Sequence[Sequence[int]],
) -> None:
    """Decide fragment, speaker and speech-verb presence for one candidate."""
    first, final = cand.parts[0], cand.parts[-1]
    head = masked[first.para]
    tail = masked[final.para]
    head_starts = starts[first.para]
    tail_starts = starts[final.para]
    sentence_start = (
        head_starts[bisect.bisect_right(head_starts, first.open) - 1]
        if (head_starts and head_starts[0] <= first.open)
        else 0
    )
    index = bisect.bisect_right(tail_starts, final.close)
    if (
        index < len(tail_starts)
        and not tail[final.close + 1 : tail_starts[index]].strip()
        and paragraphs[final.para][final.close - 1 : final.close] != "."
    ):
        # “Are we late?” Ana asked: the attribution after ? or ! is the same sentence; after a
        # full stop the next sentence is another one (“… near future.” He declined to say).
        index += 1
    sentence_end = tail_starts[index] if index < len(tail_starts) else len(tail)
    # Attribution stands near its quote: bounded windows keep hostile input linear.
    before = head[max(sentence_start, first.open - _WINDOW) : first.open]
    after_all = tail[final.close + 1 : min(sentence_end, final.close + 1 + _WINDOW)]
    opens = opens_by_para[final.para]
    following = bisect.bisect_right(opens, final.close)
    near_end = min(opens[following], sentence_end) if following < len(opens) else sentence_end
    near_after = tail[final.close + 1 : min(near_end, final.close + 1 + _WINDOW)]

    lead = before.rstrip()
    cand.fragment = bool(lead) and lead[-1] not in _NOT_BEFORE_FRAGMENT
    if (
        cand.fragment
        and len(cand.text.split(None, 8)) <= 8
        and (_has_speech_cue(lead[-40:]) or _thing_called(lead))
    ):
        return  # a title or a name ("the film “Red Dawn”"): no speaker, so the caller drops it
    if cand.fragment and first is final and _nickname(paragraphs[first.para], first, cand.text):
        return  # Joko “Jokowi” Widodo: a nickname inside a name
    if (
        cand.fragment
        and " " not in cand.text
        and _options(paragraphs[first.para], first)
        and not _verbs(lead[-40:])
    ):
        return  # those who “sometimes” or “often” go hungry: a survey's answers, not speech
    if cand.fragment and ":" in cand.text and _subtitled(cand.text):
        return  # a title and its subtitle: her book “A Harbour Town: Stories of the Coast”
    if (
        cand.fragment
        and len(cand.text.split()) <= 4
        and _named_term(lead, cand.text, paragraphs[final.para], final.close)
    ):
        return  # "Ana Ruiz’s “Firework”", "victims of a “swatting,” a hoax where …"
    if cand.fragment and lead.endswith("titled"):
        return  # an article titled ‘Safer Streets for Women in Our Cities’: a title
    if cand.fragment and "ed" in lead[-40:] and _PASSIVE_CUE.search(lead[-40:]):
        # "was described as “…” by the council": the agent speaks; with none, nobody does
        agent = near_after.lstrip(" ,")
        cand.speaker = _object(agent[3:]) if agent.startswith("by ") else None
        cand.has_verb = True
        return

    order = ((near_after, False), (before, True), (after_all, False))
    if cand.fragment and not _attributed_after(paragraphs[final.para], final.close, near_after):
        # X called it “a disaster” and Y said …: the verb before the fragment governs it
        order = ((before, True), (near_after, False), (after_all, False))
    for context, last in order:
        if not context or (context is after_all and context == near_after):
            continue  # nothing there (no verb), or the window just searched: the same answer
        speaker, verb = _attribute(context, last=last)
        cand.has_verb = cand.has_verb or verb
        if speaker:
            if cand.fragment and context is before and _classify(speaker) != "name":
                # "That prices held suggests “…” in most towns, Ruiz said.": the name that
                # closes the sentence said it, not the clause before the fragment
                final_name = _final_attribution(after_all)
                speaker = final_name or speaker
            cand.speaker = speaker
            return
    if "words" in before[-60:]:
        worded = _IN_WORDS.search(before, max(0, len(before) - 60))
        if worded is not None:
            # "In Dr. Ruiz's words, “…”", "in the words of Ana Ruiz: “…”", "In her words"
            named = (worded.group("name") or worded.group("of")).removesuffix("’s")
            named = named.removesuffix("'s")
            cand.speaker = _WORDS_PRONOUN.get(named, named)
            cand.has_verb = True
            return
    if not cand.fragment and paragraphs[final.para][final.close - 1 : final.close] == ",":
        acted = _NAME_ACTS.match(near_after)
        if (
            acted is not None
            and (acted.group("past") is None or acted.group("past") in _PAST_NOT_MODAL)
            and (acted.group("name") in ("he", "she") or _classify(acted.group("name")) == "name")
        ):
            # "“…,” Ruiz shrugged.": a name and its verb right after the quotation's comma
            cand.speaker = acted.group("name")
            return
    if (
        not before.strip()
        and first.open == len(paragraphs[first.para]) - len(paragraphs[first.para].lstrip())
        and first.para > 0
    ):
        prior = masked[first.para - 1].rstrip()
        if prior.endswith(":"):
            prior_starts = _starts_of(masked, starts, first.para - 1)
            cut = prior_starts[-1] if prior_starts else 0
            speaker, verb = _attribute(prior[cut:], last=True)
            cand.has_verb = cand.has_verb or verb
            cand.speaker = speaker


_IN_WORDS = re.compile(
    r"\b[Ii]n\s+(?:(?P<name>his|her|their|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}[’']s)"
    r"\s+(?:own\s+)?words|the\s+words\s+of\s+(?P<of>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}))"
    r"\s*[,:]?\s*$"
)
_WORDS_PRONOUN = {"his": "he", "her": "she", "their": "they"}


def _options(paragraph: str, span: _Span) -> bool:
    """One quoted word joined by "or" to another: “sometimes” or “often”."""
    after = paragraph[span.close + 1 : span.close + 6]
    before = paragraph[max(0, span.open - 5) : span.open]
    return (after[:4] == " or " and after[4:5] in _MARKS) or (
        before[-4:] == " or " and before[:1] in _MARKS
    )


def _nickname(paragraph: str, span: _Span, text: str) -> bool:
    """Capitalised words quoted between two words of a name: Joko “Jokowi” Widodo."""
    words_ = text.split()
    if len(words_) > 3 or not all(w[:1].isupper() for w in words_):
        return False
    after = paragraph[span.close + 1 : span.close + 3]
    if len(after) < 2 or after[0] != " " or not after[1].isupper():
        return False
    before = paragraph[max(0, span.open - 30) : span.open]
    return before.endswith(" ") and before.rstrip().rsplit(" ", 1)[-1][:1].isupper()


def _thing_called(lead: str) -> bool:
    """A lower-case word that is no person, pronoun, adverb or conjunction right before
    "called": a name follows ("fresh advice called “…”", "a town called “…”"), not speech
    ("he called “…”", "officials called", "Ruiz, who called")."""
    if not lead.endswith(" called"):
        return False
    before = lead[:-7].rsplit(None, 1)[-1:]
    word = before[0] if before else ""
    return (
        word.isalpha()
        and word.islower()
        and word not in _CALLERS
        and not word.endswith("ly")
        and word not in _AUX
        and word not in _CONJUNCTIONS
    )


def _subtitled(text: str) -> bool:
    """A title with a subtitle after its colon, every word capitalised but small ones (one
    other lower-case word allowed: "… Communities that Arise …")."""
    head, _colon, tail = text.partition(":")
    if not head.strip() or not tail.strip() or text.rstrip()[-1:] in ".!?":
        return False
    found = _LETTER_WORD.findall(text)
    big = [w for w in found if w.lower() not in _SMALL_WORDS]
    lower = sum(1 for w in big if not w[0].isupper())
    return len(big) >= 3 and lower <= 1 and found[0][0].isupper()


_NAMING_NOUN = re.compile(
    r"\s+(?:formula|policy|doctrine|rule|model|approach|strategy|law|bill|program|programme"
    r"|campaign|movement|initiative|effect|syndrome|clause|era|slogan|label|tag|motto)\b"
)
_TERM_NOUN = re.compile(
    r"\s+(?:moment|task|vote|option|mode|zone|status|list|phase|category|test|scenario"
    r"|period)\b"
)
"""Nouns that quoted words before them name after any determiner: that “a-ha!” moment."""
_NAMING_OF = re.compile(r"\s(?:policy|doctrine|strategy|approach|formula)\s+of$")
_DEFINED = re.compile(r",?\s*(?:an?|the)\s+[a-z]")


def _named_term(lead: str, text: str, paragraph: str, close: int) -> bool:
    """A short quotation that names a work or a term rather than quoting speech: a capitalised
    title after a possessive ("Ana Ruiz’s “Firework”"), a policy's name ("a policy of “…”"),
    or a term after an article, defined
    by the phrase after its comma, with no speech verb before it ("victims of a “swatting,” a
    hoax in which …"; not "called it a “disaster,” a word …")."""
    if lead.endswith(("’s", "'s")):
        return text[:1].isupper() and text[-1:] not in ".!?"
    if lead.endswith(" of"):
        # "a policy of “oil quarantine” for …": the name of a policy, not "… of “x,” she said"
        comma = paragraph[close - 1 : close] == "," or paragraph[close + 1 : close + 2] == ","
        return not comma and _NAMING_OF.search(lead, max(0, len(lead) - 30)) is not None
    if not lead.endswith((" a", " an", " the", " that", " this")):
        return False
    after = paragraph[close + 1 : close + 40]
    if _TERM_NOUN.match(after) is not None:
        return True  # that “a-ha!” moment, a “direction finding” task: a name for a thing
    if not lead.endswith((" a", " an", " the")):
        return False
    if lead.endswith(" the") and _NAMING_NOUN.match(after) is not None:
        return True  # the “one port, two rules” formula: a name for a policy or a rule
    comma = paragraph[close - 1 : close] == "," or after[:1] == ","
    return comma and _DEFINED.match(after) is not None and not _verbs(lead[-80:])


_FINAL_SPEAKER = re.compile(
    r"[,”’\"»]\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:said|says|added|wrote"
    r"|argued|noted|explained)(?:\s+\w+day)?\s*\.?\s*$"
)


def _final_attribution(after: str) -> str | None:
    """The name of a ", Ruiz said." that ends a sentence, if any."""
    if "," not in after and "”" not in after:
        return None
    match = _FINAL_SPEAKER.search(after)
    if match is None:
        return None
    name = match.group("name")
    return name if _classify(name) == "name" else None


_PERSON_NOUNS = (
    "source|official|spokesman|spokeswoman|spokesperson|person|witness|resident|officer|aide"
    "|executive|lawyer|attorney|analyst|diplomat|insider|investigator|employee|member|worker"
)
_FINAL_SOURCE = re.compile(
    rf",\s+(?P<who>an?\s+(?:[\w-]+\s+){{0,2}}(?:{_PERSON_NOUNS})(?:\s+[\w’'-]+){{0,5}}?)"
    r"\s+(?:has\s+|had\s+)?(?:told|said|says)\b[^,]{0,40}$"
)
_CALLERS = (
    PRONOUNS
    | PERSON_PRONOUNS
    | _PLURAL_SPEAKERS
    | TITLES
    | words(_PERSON_NOUNS.replace("|", " "))
    | words("them us me you who that which")
)
"""Words before "called" that may be its subject: ``_thing_called``."""


def _final_source(sentence: str) -> str | None:
    """The person a sentence's closing attribution describes ("…, a source close to the
    inquiry has told Reuters."): who "he" is in the quotation after it."""
    if ", a" not in sentence:
        return None
    match = _FINAL_SOURCE.search(sentence)
    return match.group("who") if match is not None else None


def _lead_in_subject(text: str, starts: Sequence[int]) -> str | None:
    """The named person opening the sentence just before a quotation that stands as its own
    sentence in the same paragraph ("Ruiz returned to the issue later. “Why wait?”")."""
    if not text.rstrip().endswith((".", "?", "!", ":")):
        return None
    cut = max((s for s in starts if s < len(text.rstrip())), default=0)
    sentence = text[cut:].strip()
    if sentence[:1] in _QUOTE_OPENERS or sentence[:1] == _MASK:
        return None  # the sentence before is a quotation: its speaker carries on as before
    found = _sentence_subject(sentence)
    if found is None and sentence.endswith(":"):
        # "Here, Ruiz picks up the story: “…”": the name before a verb in the present
        words_ = sentence.split()
        while words_ and _opening_adverb(words_[0]):
            words_.pop(0)
        acts = _NAME_PRESENT.match(" ".join(words_))
        found = acts.group("name") if acts is not None else None
    if found is None and cut > 0 and _PERSON_DESCRIPTION.search(sentence) is not None:
        # "Ruiz has a lot on her plate. But what the actor likes most is …. “…”": the actor
        # is the one the sentence before opens with
        before = max((s for s in starts if s < cut), default=0)
        found = _sentence_subject(text[before:cut].strip())
    if found is None and sentence.endswith(_SAID_AT_END):
        # "Prices rose again, she said. “…”": who said the sentence before says this too
        said = _CLOSING_SAID.search(sentence[-60:])
        if said is not None and _classify(said.group("who")) in ("name", "pronoun"):
            return said.group("who")
    return found if found is not None and _classify(found) == "name" else None


_SAID_AT_END = (" said.", " says.", " added.")
_CLOSING_SAID = re.compile(
    r",\s+(?P<who>he|she|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+(?:said|says|added)\.$"
)


_NAME_PRESENT = re.compile(r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+[a-z]+s\s")
"""A name and a verb in the present: "Ruiz picks up the story"."""


def _attributed_after(paragraph: str, close: int, after: str) -> bool:
    """The words after a quotation attribute it (“…,” Ana said): a comma at its closing mark
    and no conjunction opening what follows ("“…,” and the others said" is another clause)."""
    comma = paragraph[close - 1 : close] == "," or paragraph[close + 1 : close + 2] == ","
    first = after.strip(" ,").split(maxsplit=1)[:1]
    return comma and not (first and first[0].lower() in _CONJUNCTIONS)


_SUBJECT_SKIP = words(
    "but and so then yet still now also however meanwhile later earlier today yesterday tonight"
    " tomorrow"
)
_POST_TIME = re.compile(
    r"\d{1,2}[.:]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|BST|UTC|ET|EST|EDT))?\s+(?=[A-Z])"
)
"""A live blog's post time opening a paragraph ("13.08 Ana Ruiz has been speaking …")."""
_QUOTE_OPENERS = "“‘\"'”«"
_SUBJECT_SENTENCES = 6
_SUBJECT_PARAGRAPHS = 5


def _previous_subject(
    masked: Sequence[str],
    starts: Sequence[Sequence[int]],
    para: int,
    offset: int,
    earlier: str | None,
    pronoun: str = "",
) -> str | None:
    """For "he"/"she": the person who is the grammatical subject of the sentences before.

    Walks back over at most six sentences (this paragraph and the four before: a run of
    sentences opening with "He …" is followed to the one that names him), starting
    with the words of the quotation's own sentence before it: a sentence
    that opens with a name gives it; one that opens with a quotation gives the speaker of the
    quotation before; one that opens with "he"/"she" or with no person looks further back.
    A possessive ("Moreau’s dog") or an object ("urged Ms. Lind") is never taken.
    """
    sentences: list[str] = []
    for index in range(para, para - _SUBJECT_PARAGRAPHS, -1):
        if index < 0:
            break
        text = masked[index][:offset] if index == para else masked[index]
        cuts = [0, *(s for s in _starts_of(masked, starts, index) if 0 < s <= len(text))]
        pieces = [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
        # In this paragraph the last piece is the quotation's own sentence up to the quote.
        sentences.extend(reversed(pieces))
        if len(sentences) >= _SUBJECT_SENTENCES:
            break
    near = 2  # the quotation's own sentence and the one before
    for at, sentence in enumerate(sentences[:_SUBJECT_SENTENCES]):
        text = sentence.strip()
        if not text:
            continue
        near -= 1
        if at and text[-1].isalpha() and _title_cased(text):
            continue  # "Urgent Situation": a subheading between, no one's sentence
        if text[0] in _QUOTE_OPENERS:
            if earlier and not _is_pronoun(earlier):
                return earlier
            continue
        found = (
            (_inverted_speaker(text) or _final_attribution(text) or _final_source(text))
            if near >= 0
            else None
        ) or _sentence_subject(text, lambda name: _named_in_full(masked, para, name))
        if found is None and near < 0:
            found = _final_attribution(text)  # "…, Ruiz said." further back: Ruiz speaks on
        if found is None and near >= 0:
            # "…, where realtor Ana Ruiz said she had noticed …": the one whose speech verb
            # the sentence holds, though another opens it
            speaker, _verb = _attribute(text, last=True)
            if speaker is not None and _classify(speaker) == "name":
                found = speaker
        if found is None and " said," in text:
            # "While bids rose, Ruiz said, there is no backlog.": the one who said it
            aside = _ASIDE.search(text)
            if aside is not None and _classify(aside.group("name")) == "name":
                found = aside.group("name")
        if found and " " not in found and _company(masked, para, found):
            continue  # "Microsoft assessed the fee" and "Microsoft Corp": not "he"
        if found and pronoun and _other_gender(text, found, pronoun):
            # "Ivo Dane died, and his wife Mara says he …" then "she says": not Dane, but the
            # one whose speech verb the sentence holds
            inner, _verb = _attribute(text, last=True)
            named = _CAPITALISED_TAIL.search(inner) if inner else None
            if named is not None and named.group() != found:
                return named.group()
            continue
        if found:
            return found
    return None


_COMPANY_SUFFIXES = ("Corp", "Inc", "Ltd", "LLC", "PLC", "plc", "Co.", "Group", "Corporation")


def _company(masked: Sequence[str], para: int, name: str) -> bool:
    """Paragraphs up to ``para`` write ``name`` as a company's ("Microsoft Corp", "Acme Inc.")."""
    needle = name + " "
    for text in masked[: para + 1]:
        at = text.find(needle)
        while at >= 0:
            if text.startswith(_COMPANY_SUFFIXES, at + len(needle)):
                return True
            at = text.find(needle, at + 1)
    return False


_CAPITALISED_TAIL = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*$")
_FEMALE_TITLES = frozenset(("mrs", "ms", "miss", "lady", "dame", "queen", "baroness"))
_MALE_TITLES = frozenset(("mr", "sir", "lord", "king", "baron"))


def _other_gender(sentence: str, found: str, pronoun: str) -> bool:
    """The sentence marks its subject ``found`` as the other gender than "he"/"she": a title
    ("Mrs Lind" for "he") or only the other pronoun after the name ("Dane died, and his wife
    Mara says he …" for "she")."""
    at = sentence.find(found.split()[-1])
    if at < 0:
        return False
    title = sentence[:at].split()[-1:]
    titled = title[0].lower().rstrip(".") if title else ""
    if titled in (_MALE_TITLES if pronoun == "she" else _FEMALE_TITLES):
        return True
    after = set(_WORD.findall(sentence[at:].lower()))
    other, same = ("he", _SHE) if pronoun == "she" else ("she", _HE)
    return other in after and after.isdisjoint(same)  # "he had flown her": she is there too


_HE = frozenset(("he", "him", "his", "himself"))
_SHE = frozenset(("she", "her", "hers", "herself"))


_ASIDE = re.compile(r",\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+said,")


_INVERTED = (", said ", ", says ", ", added ", ", wrote ")


def _inverted_speaker(sentence: str) -> str | None:
    """The person an inverted attribution names ("Prices rose, said Ada Voss, an economist."):
    the one who speaks is that sentence's subject for the "she said" after it."""
    if ", " not in sentence:
        return None
    for cue in _INVERTED:
        at = sentence.find(cue)
        if at >= 0:
            found = _inverted_name(sentence[at + len(cue) :])
            if found is not None:
                return found
    return None


def _inverted_name(post: str) -> str | None:
    """The person or body named after an inverted verb that ends its clause ("…, said Ada
    Voss, an economist", "…, reports Wee.", "…, says WHO."), if any: a name a verb follows
    ("…, said Tyvak would …") is the object of another clause."""
    found = _object(post)
    if found is None:
        word = post.split(maxsplit=1)[:1]
        found = word[0].rstrip(",.;") if word else ""
        if not _ACRONYM.fullmatch(found):
            return None
    last = found.split()[-1]
    end = post.find(last) + len(last)
    if post[end : end + 1] not in ("", ",", ".", ";"):
        return None  # "Ruiz, the firm’s chief, said Tyvak would …": not inverted
    if _classify(found) == "name" or _ACRONYM.fullmatch(found):
        return found
    return _trailing_name(found)  # "said planetary geologist Ana Ruiz"


_ACRONYM = re.compile(r"[A-Z]{2,6}")


_INTRO_WORDS = words("at in on during after before at earlier later speaking with")
_PLACE_PREPOSITIONS = words("at in on from near inside outside across")
_APPOSITIVE_SUBJECT = re.compile(
    r"(?:[Oo]ne of|[Aa]n?|[Tt]he)\s[^,]{1,60},"
    r"\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),\s+[a-z]"
)
"""A description, then the name set off by commas: "one of the founders, Ana Ruiz, filed …"."""
_POSSESSIVE_OPENER = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*[’']s(?:\s+[a-z-]+){1,3},$")


_SUBJECTS: dict[tuple[str, bool], str | None] = {}
"""_sentence_subject's answers during one find_quotes call (it clears them first), by the text
and whether ``known`` was given; an answer found with ``known`` is kept only when ``known`` was
not asked (the same steps then give it for any other ``known``)."""


def _subject_shared_in_call(
    subject: Callable[[str, Callable[[str], bool] | None], str | None],
) -> Callable[..., str | None]:
    """Remember ``subject``'s answer for a text in _SUBJECTS."""

    @wraps(subject)
    def remembered(text: str, known: Callable[[str], bool] | None = None) -> str | None:
        key = (text, known is None)
        if key in _SUBJECTS:
            return _SUBJECTS[key]
        if known is None:
            found = _SUBJECTS[key] = subject(text, None)
            return found
        asked = False

        def asking(name: str) -> bool:
            nonlocal asked
            asked = True
            return known(name)

        found = subject(text, asking)
        if not asked:
            _SUBJECTS[key] = found
        return found

    return remembered


_AGE_SET_OFF = re.compile(r", \d{1,3},")
"""An age set off by commas after a name: ", 36,"."""


@_subject_shared_in_call
def _sentence_subject(text: str, known: Callable[[str], bool] | None = None) -> str | None:
    """The person a sentence opens with ("Ana Ruiz said …", "But Ruiz, 42, …"), if any.

    With ``known``, a one-word name before a verb only ``_acts`` finds ("Ruiz struck") counts
    when ``known(name)`` says the article names that person in full ("Demand rose" does not).
    """
    if text[:2].isupper():
        text = text[dateline_end(text) :]  # "OSLO (May 2) -- …": a place, not the subject
    if text[:1].isdigit():
        posted = _POST_TIME.match(text)
        if posted is not None:
            text = text[posted.end() :]
    words_ = text.split(maxsplit=8)
    while words_ and (words_[0].lower().strip(",") in _SUBJECT_SKIP or _opening_adverb(words_[0])):
        text = text.split(maxsplit=1)[1] if " " in text else ""
        words_ = words_[1:]
    if text.startswith(("The elder ", "The younger ")):
        elder = [*text.split(maxsplit=3), ""][2].rstrip(",.;:")  # "The elder Soros gives …"
        if _classify(elder) == "name" and not elder.endswith(("’s", "'s")):
            return elder
    candidates = [text]
    mask = text.rfind(_MASK, 0, 120)
    if mask > 0:
        # "Following a show of their hit “…,” Simmons teed up …": the name after the title
        candidates.append(text[mask + 1 :].lstrip(' ,”’"»'))
    comma = text.find(",")
    if comma > 0 and text[comma + 2 : comma + 3].isdigit():
        age = _AGE_SET_OFF.match(text, comma)
        if age is not None:
            comma = text.find(",", age.end())  # "While Aisha, 36, is waiting, Mariam …"
    opener = text.split(maxsplit=1)[0].lower() if comma > 0 else ""
    longest = 14 if opener in _INTRO_WORDS or opener in _SUBORDINATORS else 6
    # ("At a hearing last month of …, Ruiz", "When Ana Ruiz left the club in June, Lind")
    if comma > 0 and text[:comma].count(" ") < longest:
        after = text[comma + 1 :].lstrip()  # "Earlier this year, Ruiz told …"
        state = after.find(",")
        if state > 0 and " " not in after[:state] and _IN_PLACE.search(text, 0, comma):
            after = after[state + 1 :].lstrip()  # "… in Redmond, Washington, Ana Ruiz said"
        if opener in _SUBORDINATORS:
            # "After Ruiz won, it was Lind who …": the main clause's subject first
            cleft = _CLEFT.match(after)
            if cleft is not None and _classify(cleft.group("name")) == "name":
                return cleft.group("name")
            candidates.insert(0, after)
        else:
            candidates.append(after)
        appositive = _POSSESSIVE_OPENER.match(text[: comma + 1])
        if appositive is not None:
            # "Ruiz’s son, filmmaker Ivo Lind (…), said": the name after the possessive
            named = _trailing_name(re.split(r"[,(;]", text[comma + 1 :], maxsplit=1)[0].strip())
            if named is not None:
                return named
    for candidate in candidates:
        if candidate[:1] in "oOaAtT":
            # "In 2009, one of Epstein’s victims, Ana Ruiz, filed …": the name set off after
            appositive = _APPOSITIVE_SUBJECT.match(candidate)
            if appositive is not None:
                named = appositive.group("name")
                if _classify(named) == "name" and not any(_nonperson(t) for t in named.split()):
                    return named
        match = _PERSON_RUN.match(candidate)
        if match is None:
            continue
        run = match.group()
        after = candidate[match.end() : match.end() + 3]
        tokens = run.split()
        if (
            after.startswith(("’s", "'s"))
            or run.endswith(("’s", "'s"))
            or len(_before_possessive(tokens)) < len(tokens)
        ):
            continue  # a possessive is not the subject ("Ana’s MBA plans were …")
        if tokens[0].lower() in _PLACE_PREPOSITIONS:
            continue  # "At Example Air, Ana Ruiz said": a place, the subject after the comma
        while tokens and (
            tokens[0].lower() in TITLES
            or tokens[0].lower() in _LEADING_NONPERSON
            or _opening_adverb(tokens[0])
        ):
            tokens.pop(0)
        tokens = [t.rstrip(".") if len(t) > 2 else t for t in tokens]
        end = match.end()
        if candidate[end : end + 1].isalpha():
            tokens = tokens[:-1]  # the run stopped inside a word: "He al|so"
            cut = run.rfind(" ")
            if cut < 0:  # "Ana.Ana went": one word ("Ana.Ana" raised here); or a tab between two
                cut = len(run) - len(run.split()[-1]) - 1
            end = match.start() + cut
        if not tokens or len(tokens) > 4 or not tokens[0][:1].isupper():
            continue
        if any(_nonperson(t) or t.lower() in PRONOUNS for t in tokens):
            continue
        if "-" in tokens[-1] and _hyphen_adjective(tokens[-1]):
            continue  # "The San Francisco-based system has …": no one
        rest = candidate[end:]
        if rest[:1] == " " and rest[1:2].islower() and not _VERBISH.match(rest):
            role = _role_subject(candidate)
            if role is not None:
                return role  # "Valley FM forecaster Ana Ruiz predicted …"
        if len(tokens) == 1:
            verbish = (
                _VERBISH.match(rest)
                or _verb_next(rest[:30])
                or (known is not None and tokens[0] != "You" and _acts(rest) and known(tokens[0]))
            )
            if not (rest.startswith((",", " —", " –")) or verbish):
                continue
        return " ".join(tokens)
    return _role_subject(text)


_PAST_IRREGULAR = words(
    "won lost struck beat took made came went got gave held kept left met paid put ran saw sent"
    " spoke stood thought wrote felt fought began broke brought built bought caught chose drew"
    " drove fell flew grew hit knew led rose sat shot sold spent threw wore does did can could"
    " should must"
)
_PAST_NOT_MODAL = _PAST_IRREGULAR - words("does did can could should must")
_THINKS = re.compile(r"[a-z]{2,}[^\Ws]s\s+that\b")


def _named_in_full(masked: Sequence[str], para: int, name: str) -> bool:
    """Paragraphs up to ``para`` name ``name`` after a title or beside another capitalised word
    that is no title or common word ("Prince Andrew", "Andy Murray", "Fahmi Fadzil"): a
    person's name, not "Demand"."""
    for text in masked[: para + 1]:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            before = text[:at].rsplit(None, 1)[-1:] if text[at - 1 : at] == " " else []
            after = text[end + 1 :].split(None, 1)[:1] if text[end : end + 1] == " " else []
            if before and before[0][:1].isupper() and before[0].lower() in TITLES:
                return True  # "Prince Andrew", "Dr. Li"
            for word in (*before, *after):
                word = word.rstrip(".,;:")
                if (
                    word[:1].isupper()
                    and word[1:].islower()
                    and not _nonperson(word)
                    and word.lower() not in TITLES
                    and not _opening_adverb(word)
                ):
                    return True
            at = text.find(name, end)
    return False


def _verb_next(rest: str) -> bool:
    """A speech verb follows, with only adverbs or auxiliaries before it ("Ruiz has long
    argued"; not "Community banks are being asked")."""
    found = _verbs(rest)
    if not found:
        return False
    return all(
        w in _AUX or w.endswith("ly") or w in _OPENING_ADVERBS
        for w in rest[: found[0].start].split()
    )


def _acts(rest: str) -> bool:
    """The words after a one-word name are its verb, after an adverb or two ("Ruiz also
    clarified", "Ruiz struck", "Ruiz hopes that", "Ruiz doesn’t"): the name is a clause's
    subject."""
    if rest[:1] != " " or not rest[1:2].islower():
        return False
    found = rest.split(maxsplit=3)[:3]
    while found and (found[0] in _AUX or found[0].endswith("ly") or found[0] in _OPENING_ADVERBS):
        found.pop(0)
    if not found:
        return False
    verb = found[0]
    return (
        verb in _PAST_IRREGULAR
        or verb.endswith(("n’t", "n't"))
        or _VERBISH.match(" " + verb) is not None
        or _THINKS.match(" ".join(found[:2])) is not None
    )


_SUBORDINATORS = words("after although as because before if once since though until when while")
_CLEFT = re.compile(
    r"[Ii]t\s+(?:was|is)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+who\b"
)
"""A cleft main clause: "it was Ana Ruiz who …"."""


def _role_subject(text: str) -> str | None:
    """The name after role words that opens a sentence, before its verb: "Example TV
    meteorologist Ana Ruiz predicted …"."""
    if not text[:1].isupper():
        return None
    if sum(map(str.isupper, [w[0] for w in text[:80].split(None, 6)[:6]])) < 3:
        return None  # the head below is among these words: a cheap test before the search
    verb = _VERBISH.search(text, 0, 80)
    head = text[: verb.start()] if verb is not None else ""
    if verb is None or head.count(" ") > 6:
        # "Clinton campaign chairman Ana Ruiz wrote an op-ed …": an irregular past verb
        opening = text[:80].split(None, 7)[:7]
        at = next((i for i, w in enumerate(opening) if w in _PAST_IRREGULAR), 0)
        if not at:
            return None
        head = " ".join(opening[:at])
    found = head.split()
    if "," in head or len(found) > 6 or sum(w[:1].isupper() for w in found) < 3:
        return None  # role words and a name after a first capitalised word: three at least
    return _trailing_name(head)


_GROUP_LINKS = words("at of in from for with on")


def _plural_subject(
    masked: Sequence[str], starts: Sequence[Sequence[int]], para: int, offset: int
) -> str | None:
    """For "they said" with no speech verb before: the group that opens the sentence before
    ("Officials at the port met the union. “…,” they said.")."""
    text = masked[para][:offset]
    cuts = [s for s in starts[para] if s < len(text)]
    if text.strip():
        sentence = text[cuts[-1] if cuts else 0 :]
        if not sentence.strip() and len(cuts) > 1:
            sentence = text[cuts[-2] : cuts[-1]]
    elif para > 0:
        before = _starts_of(masked, starts, para - 1)
        sentence = masked[para - 1][before[-1] if before else 0 :]
    else:
        return None
    tokens = sentence.split(maxsplit=10)[:10]
    head = next(
        (i for i, t in enumerate(tokens[:4]) if t.lower().strip(",") in _PLURAL_SPEAKERS), None
    )
    if head is None or tokens[head].endswith(","):
        return None if head is None else _tidy(" ".join(tokens[: head + 1]))
    end = head + 1
    if end + 1 < len(tokens) and tokens[end] in _GROUP_LINKS:
        end += 2 if tokens[end + 1] not in ("the", "a") else 3  # "officials at the port"
        while end < len(tokens) and tokens[end - 1][-1:].isalpha() and tokens[end][:1].isupper():
            end += 1  # "residents of Elm Street"
    return _tidy(" ".join(tokens[:end]))


def _last_subject(
    masked: Sequence[str], starts: Sequence[Sequence[int]], para: int, offset: int
) -> str | None:
    """For "they said"/"it said": the subject of the last speech verb before the quote,
    in this paragraph or the one before ("Prosecutors argued that …")."""
    for index in (para, para - 1):
        if index < 0:
            break
        text = masked[index][:offset] if index == para else masked[index]
        cuts = [0, *(s for s in starts[index] if s < len(text))]
        for cut in reversed(cuts):
            speaker, _verb = _attribute(text[cut:], last=True)
            if speaker and not _is_pronoun(speaker):
                return speaker
    return None
