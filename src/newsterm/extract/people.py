"""The people index: who a quotation's speaker is, as one name across articles.

The analysis keeps each speaker as the article wrote it ("Mr. Reeves", "Senator Mark Warner",
"the company"). The index needs one name a person: titles dropped ("Mark Warner"), a surname
alone taken back to the full name the same article gives ("Reeves" → "Eric Reeves"), and
descriptions ("a State Department spokesperson", "the company") left out, since they name no
one. Pure: text in, names out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from newsterm.analysis import Quote
from newsterm.extract.lexicon import PARTICLES, PRONOUNS, TITLES, words

_MORE_TITLES = words(
    "mx miss sen rep gov gen lt col sgt capt adm rev dr mr mrs ms prof leader opposition deputy"
    " attorney editor minister ceo chief spokesman spokeswoman spokesperson councillor councilor"
    " council councilmember"
    " councilman councilwoman alderman alderwoman assemblyman assemblywoman congressman"
    " congresswoman mp mep"
)
_NOT_NAMES = words(
    "the a an this that these those it he she they we i you his her their its our my there"
    " here but and or so yet if when while as then also according"
)
"""First words that show a phrase is not a name ("That", "The Food Standards Agency")."""

_EDGE = ",.;:!?()[]\"“”‘’'"
"""Punctuation around a word in running text."""


def _name_word(token: str) -> bool:
    """A capitalised word of a name ("Ruiz", "O'Brien", "Jean-Luc", "Émile") or an initial."""
    if len(token) == 2 and token[0].isupper() and token[1] == ".":
        return True
    core = token[:-1] if token.endswith(".") else token
    return (
        core[:1].isupper()
        and core.replace("-", "").replace("'", "").replace("’", "").isalpha()
        and not core.endswith(("’", "'"))
    )


def _title_word(word: str) -> bool:
    bare = word.casefold().rstrip(".")
    return word.casefold() in TITLES or bare in TITLES or bare in _MORE_TITLES


@lru_cache(maxsize=4096)
def person_name(speaker: str | None) -> str | None:
    """The name in ``speaker`` without titles ("President Barack Obama" → "Barack Obama"), or
    None when it names no one ("the company", "a senior official", a pronoun)."""
    if not speaker:
        return None
    tokens = speaker.split()
    while tokens and (tokens[0][:1].islower() or _title_word(tokens[0])):
        if tokens[0].casefold() in PARTICLES and len(tokens) > 1 and tokens[1][:1].isupper():
            break  # "de Miranda": a particle opens the name
        tokens.pop(0)
    if not tokens or len(tokens) > 5:
        return None
    first = tokens[0].casefold()
    if first in _NOT_NAMES or first in PRONOUNS:
        return None
    for token in tokens:
        if token.casefold() in PARTICLES and len(tokens) > 1:
            continue
        if not _name_word(token) or token.endswith(("’s", "'s")):
            return None
    name = " ".join(tokens)
    return name if len(name.replace(".", "")) >= 2 else None


@lru_cache(maxsize=4096)
def _words(name: str) -> tuple[str, ...]:
    """The words of a name that are not particles ("Luiz de Miranda" → Luiz, Miranda)."""
    words = name.split()
    last = words[-1] if words else ""
    keep = len(last) > 2 and last[0].isupper()  # "Tahir Della": a surname, not a particle
    return tuple(w for w in words if w.casefold() not in PARTICLES or (keep and w is last))


def _is_full(name: str) -> bool:
    return len(_words(name)) > 1


def _matches(short: str, full: str) -> bool:
    """Whether a one-word name is the first or last word of a full one."""
    parts = _words(full)
    key = _words(short)[-1].casefold()
    return parts[0].casefold() == key or parts[-1].casefold() == key


def _breaks_name(word: str) -> bool:
    """A capitalised word that cannot be part of a name next to it ("President", "But")."""
    return _title_word(word) or word.casefold() in _NOT_NAMES or word.casefold() in PRONOUNS


def _name_around(run: Sequence[str], key: str) -> str | None:
    """The full name in a run of capitalised words that begins or ends with ``key``."""
    for at, word in enumerate(run):
        if word != key:
            continue
        before = at
        while before > 0 and at - before < 3 and not _breaks_name(run[before - 1]):
            before -= 1
        after = at
        while after < len(run) - 1 and after - at < 3 and not _breaks_name(run[after + 1]):
            after += 1
        for words_ in (run[before : at + 1], run[at : after + 1]):
            name = person_name(" ".join(words_)) if len(words_) > 1 else None
            if name is not None and _is_full(name) and _matches(key, name):
                return name
    return None


def _runs(words_: Sequence[str]) -> Iterable[list[str]]:
    """The runs of capitalised words (with particles and titles' dots) in a list of words."""
    run: list[str] = []
    for raw in [*words_, "."]:
        word = raw.strip(_EDGE)
        if word and (_name_word(word) or (run and word.casefold() in PARTICLES)):
            run.append(word)
            after = raw[len(raw.rstrip(_EDGE)) :]
            if not after or (after == "." and (len(word) == 1 or _title_word(word))):
                continue  # the run goes on ("Dr. Ana Ruiz", "C. Eugene Steuerle")
        if run:
            yield run
        run = []


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what a regex's \w matches


def _mentions(key: str, paragraph: str) -> Iterable[int]:
    """Where ``key`` stands as a whole word in ``paragraph``: the matches of
    ``(?<!\\w)KEY(?!\\w)``, found with str.find (no pattern compiled for each name)."""
    end = len(key)
    at = paragraph.find(key)
    while at >= 0:
        if (not at or not _is_word_char(paragraph[at - 1])) and (
            at + end >= len(paragraph) or not _is_word_char(paragraph[at + end])
        ):
            yield at
            at = paragraph.find(key, at + max(end, 1))
        else:
            at = paragraph.find(key, at + 1)


def _full_name_in_text(short: str, paragraphs: Sequence[str]) -> str | None:
    """The first full name the article prints whose first or last word is ``short``'s ("Lotfi
    Azzouz" for "Azzouz", "Fiona Parry" for "Fiona")."""
    key = _words(short)[-1]
    if key.isupper():
        return None  # "WASHINGTON": a dateline or a heading, not a name to look for
    for paragraph in paragraphs:
        for start in _mentions(key, paragraph):
            # the few words either side of this mention are all a name can reach
            window = [
                *paragraph[:start].rsplit(None, 4)[-4:],
                *paragraph[start:].split(None, 4)[:4],
            ]
            for run in _runs(window):
                name = _name_around(run, key) if key in run else None
                if name is not None:
                    return name
    return None


def _by_word(full_names: Iterable[str]) -> dict[str, set[str]]:
    """Full names by their first and by their last word (case-folded)."""
    found: dict[str, set[str]] = {}
    for name in full_names:
        parts = _words(name)
        for word in {parts[0].casefold(), parts[-1].casefold()}:
            found.setdefault(word, set()).add(name)
    return found


def _one_for(short: str, by_word: dict[str, set[str]]) -> str | None:
    """The one full name a one-word name stands for, if there is exactly one."""
    candidates = by_word.get(_words(short)[-1].casefold(), set())
    return next(iter(candidates)) if len(candidates) == 1 else None


def quote_people(quotes: Sequence[Quote], paragraphs: Sequence[str]) -> list[str | None]:
    """The person each quotation's speaker names, one name a person within the article: a
    surname or first name alone, or with a title ("Mr. Reeves"), becomes the full name the
    article gives (among its speakers first, then in its text)."""
    named = {q.speaker: person_name(q.speaker) for q in quotes}
    full = {name for name in named.values() if name is not None and _is_full(name)}
    by_word = _by_word(full)
    people: dict[str | None, str | None] = {}
    for speaker, name in named.items():
        if name is None or name in full:
            people[speaker] = name
            continue
        key = _words(name)[-1].casefold()
        people[speaker] = (
            _one_for(name, by_word)
            or (None if key in by_word else _full_name_in_text(name, paragraphs))
            or name
        )
    return [people[q.speaker] for q in quotes]


def merge_names(names: Iterable[str]) -> dict[str, str]:
    """Across articles: each one-word name ("Obama") that is the last or first word of exactly
    one full name in ``names`` ("Barack Obama"), mapped to it; and each spelling that differs
    from an earlier one only in case ("De Miranda"), mapped to the earlier one. Names are given
    most quoted first, so the usual spelling wins."""
    merged: dict[str, str] = {}
    spelling: dict[str, str] = {}
    singles: list[str] = []
    for name in names:
        key = name.casefold()
        if key in spelling:
            merged[name] = spelling[key]
        else:
            spelling[key] = name
            if not _is_full(name):
                singles.append(name)
    by_word = _by_word(n for n in spelling.values() if _is_full(n))
    for name in singles:
        full = _one_for(name, by_word)
        if full is not None:
            merged[name] = full
    return {name: merged.get(target, target) for name, target in merged.items()}
