"""The cheap tests the analysis runs before a costly one decide as the costly one would: each
rests on an argument about a pattern, checked here on generated text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsterm.extract import quotes

_STOPS = st.lists(
    st.sampled_from([*'ab ;:!?“”«»"()[]\n.,', quotes._MASK, "Ruiz ", " said "]), max_size=40
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_STOPS)
@example("")
@example("a;b" + quotes._MASK * 30 + " Ruiz ")
def test_the_text_after_the_last_hard_stop_is_found_in_one_match(text: str) -> None:
    cut = 0
    for match in quotes._HARD_STOP.finditer(text):
        cut = match.end()
    upto = quotes._UP_TO_HARD_STOP.match(text)
    assert (upto.end() if upto is not None else 0) == cut


_HEAD_WORDS = st.sampled_from(
    [
        *str.split("Valley FM forecaster Ana Ruiz the a, Example TV O’Neil x-ray 42 É é Dr. has"),
        *("  ", "\t", "said", "predicted", "was", "warned", "\n"),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_HEAD_WORDS, min_size=1, max_size=16))
@example(["Valley", "FM", "forecaster", "Ana", "Ruiz", "predicted"])
@example(["Example", "TV", "meteorologist", "Ana", "Ruiz", "warned"])
def test_a_role_and_a_name_opening_a_sentence_have_three_capitals_in_its_first_six_words(
    words: list[str],
) -> None:
    """_role_subject takes a head (the words before its verb) only with three capitalised words
    in six at most; those words are the first of the first 80 characters, so fewer capitalised
    words there decide None before the search."""
    text = " ".join(words)
    verb = quotes._VERBISH.search(text, 0, 80)
    if verb is None:
        return
    head = text[: verb.start()].split()
    if "," in text[: verb.start()] or len(head) > 6 or sum(w[:1].isupper() for w in head) < 3:
        return
    assert sum(w[:1].isupper() for w in text[:80].split(None, 6)[:6]) >= 3


_ROLE_WORDS = st.sampled_from(
    [
        *str.split(
            "Ana Ruiz Staff Writer writers Reporter Senior Editor for the Post Special to (CNN)"
            " (AP) Updated Published posted 11:02 AM , | / — - Toby Fort Columnists contributor"
        ),
        *("WRıTER", "Edıtor", "\n"),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_ROLE_WORDS, min_size=1, max_size=8))
@example(["Ana", "Ruiz,", "Staff", "Writer"])
@example(["Ana", "Ruiz", "Special", "to", "the", "Post"])
@example(["Ana", "Ruiz", "(CNN)"])
def test_a_byline_role_tail_is_looked_for_whenever_it_can_match(words: list[str]) -> None:
    from newsterm.extract.byline import _ROLE_TAIL, _may_end_in_role

    text = " ".join(words)
    if _ROLE_TAIL.search(text) is not None:
        assert _may_end_in_role(text)


_TITLE_WORDS = st.sampled_from(
    str.split("The Harbour of a and Town Stories Coast we are going it’s Don’t x-ray — 42 é É _x")
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TITLE_WORDS, min_size=1, max_size=10))
@example(["Takin’", "It", "to", "the", "Streets"])
def test_a_title_is_never_refused_for_a_lower_case_word_of_letters_alone(
    words: list[str],
) -> None:
    """_title_cased's first test (a word of letters alone, neither capitalised nor small, among
    the first four) refuses only what the full test refuses."""
    text = " ".join(words)
    found = quotes._LETTER_WORD.findall(text)
    big = [w for w in found if w.lower() not in quotes._SMALL_WORDS]
    full = (
        len(quotes._LETTER_WORD.findall(text, 0, 80)) <= 8
        and 2 <= len(found) <= 8
        and len(big) >= 2
        and all(w[0].isupper() for w in big)
        and found[0][0].isupper()
    )
    assert quotes._title_cased(text) == full


_LINE_WORDS = st.sampled_from(
    [
        *str.split(
            "The A Photo: Share this Read more Copyright © 2021 All rights reserved Source:"
        ),
        *("https://x.example/a", "www.example.com", "WWW.X.ORG", "Ana:", "http://", "RESERVED"),
        *("Tags: a, b", " ", ".", "(c) 2020", "Advertisement", "Follow us on Twitter"),
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINE_WORDS, min_size=1, max_size=8))
@example(["The", "Post", "2021", "All", "rights", "reserved"])
@example(["Source:", "https://x.example/a"])
def test_a_boilerplate_line_without_the_open_alternatives_cues_needs_only_the_others(
    words: list[str],
) -> None:
    from newsterm.extract import boilerplate

    text = " ".join(words)
    lowered = text.lower()
    if "erved" in lowered or "://" in text or "www." in lowered:
        return
    full = boilerplate._LINE.fullmatch(text) is not None
    assert (boilerplate._LINE_OWN_OPENINGS.fullmatch(text) is not None) == full
    assert all(part in boilerplate._LINE.pattern for part in boilerplate._ANY_OPENING)


_CONTEXT_WORDS = st.sampled_from(
    [
        *str.split("Ana Ruiz said told the council he she according to a statement from, was"),
        *(" ", ", ", quotes._MASK, "“", "”", ".", " by ", "comments", "written", "has"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CONTEXT_WORDS, max_size=12).map("".join), max_size=6))
@example(["Ana Ruiz said, Lena Holt said"])
def test_an_attribution_remembered_in_one_call_is_the_one_computed(contexts: list[str]) -> None:
    """find_quotes keeps _attribute's answers for the texts it has read (a pure function)."""
    quotes._ATTRIBUTED.clear()
    for context in [*contexts, *contexts]:
        for last in (True, False):
            assert quotes._attribute(context, last=last) == quotes._attribute.__wrapped__(
                context, last=last
            )
    assert len(quotes._ATTRIBUTED) == 2 * len(set(contexts))


_SENTENCE_WORDS = st.sampled_from(
    [
        *str.split("Ana Ruiz Ruiz struck said the Demand rose He But, Earlier You also, 42"),
        *(" ", ", ", quotes._MASK, "“", ".", "’s", "OSLO (AP) — "),
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(_SENTENCE_WORDS, max_size=10).map(" ".join), max_size=5),
    st.lists(st.sampled_from([None, "Ruiz", "Demand"]), min_size=1, max_size=3),
)
@example(["Ruiz struck back", "Demand rose"], [None, "Ruiz", "Demand", "Ruiz"])
def test_a_sentence_subject_remembered_in_one_call_is_the_one_computed(
    texts: list[str], full_names: list[str | None]
) -> None:
    """find_quotes keeps _sentence_subject's answers: with ``known``, only those that never
    asked it, so another ``known`` for the same text gets its own answer."""
    quotes._SUBJECTS.clear()
    for full in full_names:
        for text in texts:
            known = None if full is None else (lambda name, full=full: name == full)
            assert quotes._sentence_subject(text, known) == quotes._sentence_subject.__wrapped__(
                text, known
            )


def _verbs_by_matches(context: str) -> list[quotes._Verb]:
    """_verbs as it was written first: every word a match object."""
    if quotes._VERB_WORDS.isdisjoint(quotes._WORD.findall(context.lower())):
        return []
    matches = list(quotes._WORD.finditer(context))
    found = []
    for index, match in enumerate(matches):
        word = match.group().lower()
        if word in quotes._FINITE:
            found.append(quotes._Verb(match.start(), match.end(), True))
        elif word in quotes._PARTICIPLE:
            found.append(quotes._Verb(match.start(), match.end(), False))
        elif word in quotes._PHRASAL and index + 1 < len(matches):
            nxt = matches[index + 1]
            gap = context[match.end() : nxt.start()]
            if nxt.group().lower() == quotes._PHRASAL[word] and gap.isspace():
                according = word == "according"
                found.append(quotes._Verb(match.start(), nxt.end(), not according, according))
    return found


_VERB_TEXT = st.lists(
    st.sampled_from(
        [
            *str.split("said Said SAID told according to pointed out put it unsaid well-said é"),
            *(" ", "  ", "-", "—", ",", "\n", "caf", "İ", "\u212a", "ß", "’", "said-", "-to"),
        ]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_VERB_TEXT)
@example("according to café said, pointed  out")
@example("é-said put\tit according -to")
def test_the_speech_verbs_are_placed_as_the_word_matches_place_them(context: str) -> None:
    """_verbs finds each verb's place with str.find after the word before it."""
    assert quotes._verbs(context) == _verbs_by_matches(context)


class _WholeScan(quotes._People):
    """_People as it was written first: every question scans every paragraph up to its own."""

    def names_body(self, name: str, para: int) -> bool:
        self._scan_to(para)
        return name.split()[-1].lower() in self._bodies

    def form_of(self, name: str, para: int, offset: int) -> str:
        self._scan_to(para)
        key = name.split()[-1].lower()
        forms = [f for at, f in self._forms.get(key, []) if at < (para, offset)]
        if not forms:
            return name
        full = [f for f in forms if " " in f]
        if len({f.split()[0] for f in full}) > 1:
            return name if " " in name else full[-1]
        return min([*forms, name], key=lambda f: (len(f), f))


_PEOPLE_WORDS = st.sampled_from(
    [
        *str.split("Ana Ruiz Ruiz’s Lena Ivo Halden Varga RUIZ ΟΔΟΣ Σ Dr. Mr. de The In has said"),
        *str.split("owner of head at director chief the for Heaven and Earth Aikido was rose in"),
        *(", ", ". ", " ", " & ", "“", quotes._MASK),
    ]
)
_QUESTIONS = st.lists(
    st.tuples(
        st.sampled_from(["names_body", "form_of", "resolve", "named_in"]),
        st.sampled_from(["Ruiz", "Ana Ruiz", "Halden", "Aikido", "Lena", "ΟΔΟΣ", "Ivo Lind"]),
        st.integers(0, 6),
        st.integers(0, 60),
    ),
    max_size=8,
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(_PEOPLE_WORDS, max_size=14).map(" ".join), max_size=6), _QUESTIONS)
@example(
    ["Halden, Varga and Ruiz won", "it was Katie Halden who won"],
    [("form_of", "Katie Halden", 1, 30)],
)
@example(
    ["the owner of Heaven and Earth Aikido said", "Aikido was open"],
    [("names_body", "Aikido", 0, 0), ("form_of", "Ana Ruiz", 1, 0), ("names_body", "Aikido", 1, 0)],
)
def test_the_people_read_ahead_answer_as_the_whole_scan(
    paragraphs: list[str], questions: list[tuple[str, str, int, int]]
) -> None:
    """names_body reads only the bodies' names ahead of the scan, and form_of only the
    paragraphs holding the name: each answer, in any order of questions, is the whole scan's."""
    people, whole = quotes._People(paragraphs), _WholeScan(paragraphs)
    for method, name, para, offset in questions:
        if method == "names_body":
            assert people.names_body(name, para) == whole.names_body(name, para)
        elif method == "form_of":
            assert people.form_of(name, para, offset) == whole.form_of(name, para, offset)
        else:
            assert getattr(people, method)(para, offset) == getattr(whole, method)(para, offset)
