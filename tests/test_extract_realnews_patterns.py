"""One regression test per pattern seen on real news pages (issue 14), on invented text."""

from __future__ import annotations

import pytest

from newsterm.extract import analyse
from newsterm.extract.pipeline import ANALYSIS_VERSION

BODY = [
    "The harbour board approved the new ferry timetable on Tuesday after a long meeting.",
    "Boats will leave every twenty minutes in the summer and every forty in the winter.",
]


def authors(*lines: str) -> list[str]:
    return analyse("Ferry timetable approved", [*lines, *BODY]).authors


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("Maren Holt",), ["Maren Holt"]),  # a bare name, no "By"
        (("Maren Holt and Tobias K. Wren",), ["Maren Holt", "Tobias K. Wren"]),
        (("By", "Maren Holt"), ["Maren Holt"]),  # "By" on its own line
        (("Posted by", "Quillfeather"), ["Quillfeather"]),  # a one-word pen name
        (("Author:", "The Morning Harbour Desk"), ["The Morning Harbour Desk"]),
        (("Maren Holt, Harbour Gazette",), ["Maren Holt"]),  # name, then the paper
        (("Maren Holt | Harbour Gazette",), ["Maren Holt"]),
        (("Maren Holt - Staff Writer",), ["Maren Holt"]),
        (("By Maren HoltStaff Writer",), ["Maren Holt"]),  # role run into the name
        (("Maren Holt@marenwrites",), ["Maren Holt"]),  # handle run into the name
        (("By Maren Holt Maren Holt",), ["Maren Holt"]),  # printed twice
        (("Posted by Maren Holt on March 3, 2021, 6:21 AM EST",), ["Maren Holt"]),
        (("Tuesday March 2, 2021 7:45 am PST by Maren Holt",), ["Maren Holt"]),
        (("March 2, 2021 | by Maren Holt",), ["Maren Holt"]),
        (("Written by Maren Holt, MS, RD on March 2, 2021",), ["Maren Holt"]),
        (("By Maren Holt - 03/02/21 11:04 PM EST",), ["Maren Holt"]),
        (("2021-03-02 17:27:46 Marius Van Holt",), ["Marius Van Holt"]),  # "Mar" is no month
        (("Julian Holt | Harbour Gazette",), ["Julian Holt"]),  # "Jul" is no month either
        (("By Staff Reports",), ["Staff Reports"]),  # a staff credit, kept as printed
        (("Harbour Press",), ["Harbour Press"]),  # an organisation as the only author
        (("REUTERS",), ["Reuters"]),
        (("By Maren Holt, HBN Business",), ["Maren Holt"]),  # an acronym names the outlet
        (("By Tobias Wren III",), ["Tobias Wren III"]),  # a numeral is no acronym
        (("by Quillfeather December 6, 2017",), ["Quillfeather"]),  # a date, no separator
        (("By Maren Holt • 03/02/21 6:21pm",), ["Maren Holt"]),  # a bullet, then the date
        (("By Maren Holt · March 2, 2021",), ["Maren Holt"]),
        (("By Maren Holt Tuesday, Mar 2, 2021 at 4:45 pm EST",), ["Maren Holt"]),  # weekday
        (("by April Wren",), ["April Wren"]),  # a month that is a given name
        (("By May Holt and June Wren",), ["May Holt", "June Wren"]),
    ],
)
def test_bylines_as_pages_print_them(lines: tuple[str, ...], expected: list[str]) -> None:
    assert authors(*lines) == expected


def test_a_person_beats_an_organisation_line() -> None:
    assert authors("Maren Holt", "Harbour Press") == ["Maren Holt"]


def test_wire_credit_line_names_the_author_over_the_agency_byline() -> None:
    result = analyse(
        "Ferry timetable approved",
        ["REUTERS", *BODY, "(Reporting by Maren Holt; Editing by Tobias Wren)"],
    )
    assert result.authors == ["Maren Holt"]


@pytest.mark.parametrize(
    "first",
    [
        "Pittsburgh",  # a dateline on its own line
        "LAGOS, Nigeria – The harbour board approved the timetable.",
        "Key Points",
        "April",
        "Mayor Ana Ruiz said the city would act.",
        "Harbour Board, the agency in charge, met on Tuesday.",
    ],
)
def test_an_opening_line_that_is_not_a_byline(first: str) -> None:
    result = analyse("Ferry timetable approved", [first, *BODY])
    assert result.authors == []
    assert result.paragraphs[0] == first


def test_analysis_version_is_a_positive_int() -> None:
    assert isinstance(ANALYSIS_VERSION, int)
    assert ANALYSIS_VERSION >= 2


def found(*paragraphs: str) -> list[tuple[str, str | None, bool]]:
    result = analyse("Ferry timetable approved", list(paragraphs))
    return [(q.text, q.speaker, q.fragment) for q in result.quotes]


# Quote marks as printed.


def test_two_closing_single_marks_close_a_double_quote() -> None:
    assert found("“The ferries will run on time,’’ said harbour master Ivo Brandt.") == [
        ("The ferries will run on time", "harbour master Ivo Brandt", False)
    ]


def test_straight_open_curly_close_and_the_reverse() -> None:
    assert found(
        '"The ferries will run on time,” Ivo Brandt said.',
        "Brandt called the delays ”unacceptable.”",
    ) == [
        ("The ferries will run on time", "Ivo Brandt", False),
        ("unacceptable.", "Brandt", True),
    ]


def test_a_straight_close_after_a_question_mark_and_a_space() -> None:
    quotes = found('"Who pays for the boats? " Ivo Brandt asked. "Not the riders."')
    assert quotes[0] == ("Who pays for the boats?", "Ivo Brandt", False)


def test_nested_single_quotes_stay_inside_the_quotation() -> None:
    assert found("“We were told ‘wait a year’ and we waited,” Ivo Brandt said.") == [
        ("We were told ‘wait a year’ and we waited", "Ivo Brandt", False)
    ]


def test_british_single_quotes_and_a_fragment_in_them() -> None:
    assert found(
        "‘The ferries will run on time,’ said Ivo Brandt.",
        "Brandt described the old timetable as ‘a shambles’.",
    ) == [
        ("The ferries will run on time", "Ivo Brandt", False),
        ("a shambles", "Brandt", True),
    ]


def test_a_statement_over_paragraphs_broken_by_a_caption() -> None:
    quotes = found(
        "“The new boats arrive in May. They are quieter and faster.",
        "Photo: Lena Holt/Harbour Gazette",
        "“We will add a night crossing next year,” Ivo Brandt said.",
    )
    assert quotes == [
        (
            "The new boats arrive in May. They are quieter and faster. "
            "We will add a night crossing next year",
            "Ivo Brandt",
            False,
        )
    ]


# Fragments attributed without "said".


@pytest.mark.parametrize(
    "sentence",
    [
        "Ivo Brandt described the old timetable as “a shambles.”",
        "Ivo Brandt called it “a shambles.”",
        "Ivo Brandt urged riders to “a shambles.”",
        "Harbour master Ivo Brandt told the board that the timetable was “a shambles.”",
        "Ivo Brandt, the harbour master since 2019, told reporters it was “a shambles.”",
    ],
)
def test_fragments_attributed_without_said(sentence: str) -> None:
    ((text, speaker, fragment),) = found(sentence)
    assert text == "a shambles."
    assert fragment
    assert speaker is not None and speaker.endswith(("Ivo Brandt", "Brandt"))


# Names behind titles, roles and possessives.


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“We are on time,” said Northbank analyst Jana Weiss.", "Northbank analyst Jana Weiss"),
        ("“We are on time,” Northbank analyst Jana Weiss said.", "Jana Weiss"),
        (
            "“We are on time,” the agency’s Omar Haddad, deputy administrator for science, said.",
            "Omar Haddad",
        ),
        ("“We are on time,” said CEO Jana Weiss.", "CEO Jana Weiss"),
        ("“Are we on time?” Jana Weiss asked.", "Jana Weiss"),
        (
            "“We are on time,” said Rep. Jana Weiss (D-Ore.), who chairs the panel.",
            "Rep. Jana Weiss",
        ),
    ],
)
def test_names_behind_titles_and_possessives(sentence: str, speaker: str) -> None:
    ((_text, found_speaker, _fragment),) = found(sentence)
    assert found_speaker == speaker


# Names that look like words.


def test_names_that_look_like_words() -> None:
    quotes = found(
        "“The crossing was rough,” said Tamsin May.",
        "“We held on,” Long said of the storm.",
    )
    assert [q[1] for q in quotes] == ["Tamsin May", "Long"]


# Who "he" and "she" are.


def test_she_is_the_subject_of_the_sentence_before_not_the_last_name() -> None:
    quotes = found(
        "Jana Weiss runs the ferry line. She urged Ms. Lind to wait for Moreau’s report.",
        "“We will not cut a single crossing,” she said.",
    )
    assert quotes == [("We will not cut a single crossing", "Jana Weiss", False)]


def test_he_after_a_quotation_is_its_speaker() -> None:
    quotes = found(
        "“The boats are old,” Ivo Brandt said, pointing at the hull of the Alba.",
        "“And the Alba is the oldest,” he said.",
    )
    assert [q[1] for q in quotes] == ["Ivo Brandt", "Ivo Brandt"]


# Descriptions for people and bodies.


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“We regret the delays,” the company said.", "the company"),
        ("“We regret the delays,” the 47-year-old said.", "the 47-year-old"),
        ("The company would not give a number but called the delays “regrettable.”", "the company"),
    ],
)
def test_descriptions_are_kept_never_a_lone_the(sentence: str, speaker: str) -> None:
    ((_text, found_speaker, _fragment),) = found(sentence)
    assert found_speaker == speaker


# Not quotations.


@pytest.mark.parametrize(
    "sentence",
    [
        "Riders chanted “Boats not bridges” outside the hall.",
        "The plan is what some have called the “ferry miracle” of the coast.",
        "The band closed with “Harbour Lights,” “Salt In The Wind” and “Low Tide Blues.”",
        "The captain was diagnosed with “sea legs syndrome” last year.",
    ],
)
def test_slogans_coinages_and_titles_are_not_quotations(sentence: str) -> None:
    assert found(sentence) == []


def test_a_quoted_subheading_is_not_a_quotation() -> None:
    assert found("“A timetable for everyone”", *BODY) == []


# Contacts.


def test_email_x_at_or_follow_him() -> None:
    result = analyse(
        "Ferry timetable approved",
        [
            "By Ivo Brandt",
            *BODY,
            "Email Ivo Brandt at ivo.brandt@harbourgazette.example or follow him @ivobrandt.",
        ],
    )
    assert [(c.name, c.email) for c in result.contacts if c.email] == [
        ("Ivo Brandt", "ivo.brandt@harbourgazette.example")
    ]
    assert result.paragraphs == BODY


def test_the_sites_own_tips_address_is_not_the_authors() -> None:
    result = analyse(
        "Ferry timetable approved",
        [
            "By Ivo Brandt",
            *BODY,
            "Have a news tip? Let us know at: tips@harbourgazette.example.",
        ],
    )
    assert [(c.name, c.email) for c in result.contacts] == [(None, "tips@harbourgazette.example")]


# Furniture.


@pytest.mark.parametrize(
    "line",
    [
        "___",
        "Photo: Lena Holt/Harbour Gazette",
        "The new ferry leaves the harbour on Tuesday.Reuters",
        "Related: Bridge tolls rise again",
        "Read more: Bridge tolls rise again",
        "— Ivo Brandt (@ivobrandt) March 3, 2021",
        "The first boat left at dawn pic.twitter.com/AbCdEf123",
        "(Graphic: Ferry routes and times)",
        "Tags: ferries, harbour, transport",
        "More information: Ivo Brandt et al, Ferry timetables, Harbour Journal (2021).",
        "Provided by Harbour University",
        "Citation: Ferry timetables (2021, March 3) retrieved 4 March 2021",
        "Sign up for our free morning newsletter and never miss a crossing.",
        "Story continues below",
        "Ferries, bridges and tolls [VIDEO]",
        "FERRY OPERATOR ‘PROUD’ OF ITS CREWS AFTER STORM RESCUE",
        "Harbour views at dusk, photos © Harbour Gazette, 2021",
    ],
)
def test_furniture_lines_are_dropped(line: str) -> None:
    result = analyse("Ferry timetable approved", [BODY[0], line, BODY[1]])
    assert result.paragraphs == BODY


def test_a_bare_email_line_with_a_profile_link_is_the_authors_contact() -> None:
    result = analyse(
        "Ferry timetable approved",
        [
            "By Ivo Brandt",
            *BODY,
            "ivo.brandt@harbourgazette.example",
            "https://harbourgazette.example/staff/ivo-brandt",
        ],
    )
    assert [(c.name, c.email) for c in result.contacts] == [
        ("Ivo Brandt", "ivo.brandt@harbourgazette.example")
    ]
    assert result.paragraphs == BODY


def test_a_byline_over_several_lines_with_email_phone_and_handle() -> None:
    result = analyse(
        "Ferry timetable approved",
        ["Ivo Brandt", "ivo.brandt@harbourgazette.example | 555-010-2030", "@ivobrandt", *BODY],
    )
    assert result.authors == ["Ivo Brandt"]
    assert [(c.name, c.email, c.handle) for c in result.contacts] == [
        ("Ivo Brandt", "ivo.brandt@harbourgazette.example", "@ivobrandt")
    ]
    assert result.paragraphs == BODY


def test_a_quotation_credited_on_the_line_after_it_after_a_dash() -> None:
    """Reviews, epigraphs and embedded posts: the whole paragraph is the quote, the next line
    names who said it; a dash line that is no name names nobody."""
    assert found(
        "Riders sent the harbour board their notes on the new boats.",
        "“Quiet engines and a warm cabin. I will ride it every week.”",
        "– Lio K**",
        '"Faster than the bridge at rush hour!"',
        "— Tobias Wren",
        "“The cabin smelled of fresh paint all week.”",
        "— and more besides",
    )[:2] == [
        ("Quiet engines and a warm cabin. I will ride it every week.", "Lio K**", False),
        ("Faster than the bridge at rush hour!", "Tobias Wren", False),
    ]
    last = found("“The cabin smelled of fresh paint all week.”", "— and more besides")
    assert [speaker for _text, speaker, _fragment in last] == [None]


def test_he_follows_a_run_of_sentences_back_to_the_one_that_names_him() -> None:
    """The subject the run of "He …" sentences started from, not the last name seen."""
    quotes = found(
        "Ivo Brandt, the harbour master, fought the ferry cuts all winter.",
        "He wrote to the council twice in January.",
        "He later travelled to the capital with the union leader Tobias Wren.",
        "He spoke for an hour at the hearing. “We will not give up the night boats,” he said.",
    )
    assert quotes == [("We will not give up the night boats", "Ivo Brandt", False)]


def test_a_slogan_quoted_again_and_again_is_not_speech() -> None:
    """A short quotation repeated with nobody saying it is a slogan; one said is kept."""
    quotes = found(
        "The harbour board chose a new slogan for the ferries.",
        "“Float. We’ve got you.”",
        "“Float. We’ve got you” now runs on posters in every terminal.",
        "“Float, we’ve got you!” Ivo Brandt said at the launch.",
        "“We wanted something short,” Brandt said.",
    )
    assert quotes == [
        ("Float, we’ve got you!", "Ivo Brandt", False),
        ("We wanted something short", "Brandt", False),
    ]


def test_a_clause_after_the_quote_is_not_its_speaker() -> None:
    """In ", adding that Wrens’ family …" nobody is named: the speaker is before the quote."""
    assert found(
        "Harbour master Ivo Brandt said in a statement, “We are glad and relieved” at the"
        " riders’ return, adding that Wrens’ family had asked to send its thanks.",
    ) == [("We are glad and relieved", "Ivo Brandt", False)]


def test_a_quotation_after_he_said_keeps_its_speaker_over_a_next_sentence_verb() -> None:
    """“…” He declined to say when: a new sentence after a full stop does not stand in for
    the attribution, so the quotation keeps the speaker of the one before it."""
    assert found(
        "Ines Moro, the yard’s chief engineer, said the ferries would be refitted.",
        "“We start with the oldest boat,” she said. “The rest follow in the spring.” She"
        " declined to say what the refit would cost.",
    ) == [
        ("We start with the oldest boat", "Ines Moro", False),
        ("The rest follow in the spring.", "Ines Moro", False),
    ]


def test_a_quotation_ending_a_sentence_is_not_credited_to_the_next_one() -> None:
    """A short quote closed by a full stop is not said by whoever "reported" the next sentence."""
    assert found(
        "The ferry stops at the old pier, known to everyone as “the Hook.” In the winter, as"
        " Lena Ortiz reported, “half the cabins stand empty.”",
    ) == [("half the cabins stand empty.", "Lena Ortiz", False)]


def test_a_middle_initial_a_or_i_is_part_of_the_name() -> None:
    """ "Sonya A. Zoghlin" is a person: "A." is an initial, not the article."""
    assert found(
        "Rosa A. Lind, the skipper’s lawyer, told reporters that her client had done nothing"
        " wrong.",
        "“Captain Haas has sailed this route for thirty years,” she said in an email.",
    ) == [("Captain Haas has sailed this route for thirty years", "Rosa A. Lind", False)]


def test_a_participle_after_a_comma_belongs_to_the_sentence_s_subject() -> None:
    """ "After the vote, Ana Ruiz issued a statement, saying, “…”": Ana Ruiz says it."""
    assert found(
        "After the vote, Ana Ruiz issued a statement about the timetable, saying, “We will"
        " appeal this decision.”",
    ) == [("We will appeal this decision.", "Ana Ruiz", False)]


def test_a_body_that_stepped_in_and_posted_is_the_speaker_not_the_clause() -> None:
    """ "Ferrytown stepped in and posted: “…”": the speaker is Ferrytown, not the clause."""
    assert found(
        "In the middle of the storm, Ferrytown stepped in and posted this notice: “All sailings"
        " are cancelled until noon.”",
    ) == [("All sailings are cancelled until noon.", "Ferrytown", False)]


def test_reported_attributes_a_quotation() -> None:
    assert found("“Fares doubled in a year,” Lena Ortiz reported.") == [
        ("Fares doubled in a year", "Lena Ortiz", False)
    ]


def test_she_after_an_inverted_attribution_is_the_person_it_names() -> None:
    """ "Prices rose too, said Ada Voss, an economist. “…,” she said.": she is Ada Voss, not
    the sentence's first word; a name after ", said" that a verb follows is not inverted."""
    assert found(
        "Fares have climbed too, said Ada Voss, a port economist. “About a third of the riders"
        " are commuters,” she said.",
    ) == [("About a third of the riders are commuters", "Ada Voss", False)]
    assert found(
        "Marco Villa, the yard’s operations chief, said Tyvak would build the hulls. “We start"
        " small,” he said.",
    ) == [("We start small", "Marco Villa", False)]


def test_has_written_attributes_but_who_had_written_it_does_not() -> None:
    assert found(
        "“Tolls pay for the bridge,” Ivo Brandt, a fellow at the Harbor Policy Institute, has"
        " written. “Drivers pay nothing else.”",
    ) == [
        ("Tolls pay for the bridge", "Ivo Brandt", False),
        ("Drivers pay nothing else.", "Ivo Brandt", False),
    ]
    assert (
        found(
            "That is when the crew learned who had written it, and found themselves stunned by “the"
            " Ivo Brandt of it all.”",
        )
        == []
    )


def test_a_long_appositive_with_a_place_and_a_co_author_keeps_the_name() -> None:
    """ "Ada Voss, a fellow at the institute in Bremen, Germany, and co-author of the study,
    said": the speaker is Ada Voss, not the country or the state."""
    assert found(
        "“Models like this pay off when you get more out than you put in,” Ada Voss, a research"
        " fellow at the Marine Institute in Bremen, Germany, and co-author of the study, said in"
        " a statement.",
    ) == [("Models like this pay off when you get more out than you put in", "Ada Voss", False)]


def test_comments_is_a_verb_only_where_it_attributes() -> None:
    """ "“…,” comments Brandt" attributes; "the council's first comments on it came" does not."""
    assert found("“We are thrilled about the new route,” comments Brandt in a statement.") == [
        ("We are thrilled about the new route", "Brandt", False)
    ]
    assert (
        found(
            "The council’s first comments on the vote came with a warning about the ferry union,"
            " which tried to rally support by saying that riders were “coming out in droves.”",
        )
        == []
    )


def test_concluding_attributes_a_fragment_to_the_sentence_s_subject() -> None:
    assert found(
        "Babak Ruiz returned to the figures at the hearing, concluding that the odds of a new"
        " ferry were “dwindling.”",
    ) == [("dwindling.", "Babak Ruiz", True)]


def test_a_speaker_s_quotations_go_on_across_a_caption() -> None:
    """An unattributed quotation after a photo caption is the speaker's before the caption;
    after a full paragraph of narration it is nobody's."""
    quotes = found(
        "“The tide took the boats,” says Hemi Tane, who has fished the bay for fifty years.",
        "Hemi Tane on the jetty at dawn, where he learned to fish",
        "“We used to land a hundred crates a week. Now we are glad of ten.”",
        "The council has promised a new breakwater by the end of the decade.",
        "“Nobody believes that any more. We have heard it since the floods.”",
    )
    assert quotes == [
        ("The tide took the boats", "Hemi Tane", False),
        ("We used to land a hundred crates a week. Now we are glad of ten.", "Hemi Tane", False),
        ("Nobody believes that any more. We have heard it since the floods.", None, False),
    ]


def test_a_fragment_credited_by_an_inverted_verb_at_the_end_of_its_sentence() -> None:
    """ "All “relevant cabins” were cleaned, reports Wee." and ""always fatal", says WHO.": the
    speaker is named at the far end of the sentence, after a comma."""
    assert found(
        "The ferries were cleaned, and all “relevant cabins” were also disinfected, reports Wee."
    ) == [("relevant cabins", "Wee", True)]
    assert found('Untreated winter fever is "always fatal", says WHO.') == [
        ("always fatal", "WHO", True)
    ]


def test_alleged_attributes_a_fragment() -> None:
    assert found(
        "Harbour officers alleged that the two skippers “ignored the signals,” and then sailed on.",
    ) == [("ignored the signals", "Harbour officers", True)]


def test_a_name_with_of_and_a_place_and_a_title_with_of() -> None:
    """ "Senator Ada Voss of Maine called it “…”" is Senator Ada Voss; "Secretary of State
    Ana Ruiz said …" is Ana Ruiz, never the title alone."""
    assert found(
        "In 2013, Senator Ada Voss of Maine called the harbour debt “the issue of our era.”"
    ) == [("the issue of our era.", "Senator Ada Voss", True)]
    assert found(
        "Secretary of State Ana Ruiz said the new route “gives us hope for the islands.”"
    ) == [("gives us hope for the islands.", "Ana Ruiz", True)]


def test_a_quotation_in_the_passive_is_the_agent_s_or_nobody_s() -> None:
    """ "has been described as “…” by the council": the council said it; "a storm that was
    described as “…”" names nobody, so it is no quotation; "Ruiz described it as “…”" is Ruiz's."""
    assert found(
        "The recent run of strandings has been described as “heartbreaking” by the"
        " conservation department.",
    ) == [("heartbreaking", "the conservation department", True)]
    assert (
        found(
            "Earlier this year in Taranaki, a storm that was described as “unprecedented” left"
            " the harbour closed.",
        )
        == []
    )
    assert found("Ana Ruiz described the plan as “reckless.”") == [("reckless.", "Ana Ruiz", True)]


def test_a_possessive_and_its_adjective_are_not_a_name_and_its_verb() -> None:
    """ "His retired colleagues said": the past-tense cut applies after names only
    ("Ferrytown stepped in and posted"), not after "His"."""
    assert found("His retired colleagues said the plan was “reckless.”") == [
        ("reckless.", "his retired colleagues", True)
    ]


def test_he_after_a_sentence_that_opens_with_a_quoted_title_is_the_name_after_it() -> None:
    """ "Following a performance of their hit “Low Tide,” Simmons teed up …": he is Simmons,
    not the band named the sentence before."""
    assert found(
        "The Harbour Band announced the tour while closing their concert in Leeds.",
        "Following a performance of their sing-along hit “Low Tide,” Simmons teed up the encore."
        " “You might remember him from the radio,” he said.",
    ) == [("You might remember him from the radio", "Simmons", False)]


def test_the_singer_and_guitarist_is_the_person_named_before() -> None:
    assert found(
        "Simmons teased the tour during the set on Monday.",
        "After playing “Low Tide,” the singer and guitarist told the audience, “maybe we should"
        " go on the road.”",
    ) == [("maybe we should go on the road.", "Simmons", False)]


@pytest.mark.parametrize("desk", ["| Harbour Gazette Reporting", "· Staff Writer"])
def test_a_bare_address_line_with_the_reporters_desk_after_a_bar(desk: str) -> None:
    result = analyse(
        "Ferry timetable approved",
        ["Ivo Brandt", f"ivo.brandt@harbourgazette.example {desk}", *BODY],
    )
    assert [(c.name, c.email) for c in result.contacts] == [
        ("Ivo Brandt", "ivo.brandt@harbourgazette.example")
    ]
    assert result.paragraphs == BODY


def test_an_address_with_a_sentence_after_the_bar_is_no_contact_line() -> None:
    line = "ivo.brandt@harbourgazette.example | wrote that the board met on Tuesday"
    result = analyse("Ferry timetable approved", ["Ivo Brandt", line, *BODY])
    assert result.contacts == []
    assert result.paragraphs[0] == line


@pytest.mark.parametrize("credit", ["TOMAS ZELLER", "Tomas Zeller"])
def test_a_photographers_name_and_address_under_a_caption_are_no_contact(credit: str) -> None:
    caption = "Two swimmers cross the harbour at dawn on Sunday, a day before the ferry strike."
    result = analyse(
        "Ferry timetable approved",
        [
            "By Ivo Brandt",
            "ivo.brandt@harbourgazette.example",
            caption,
            credit,
            "tzeller@harbourgazette.example",
            *BODY,
        ],
    )
    assert [(c.name, c.email) for c in result.contacts] == [
        ("Ivo Brandt", "ivo.brandt@harbourgazette.example")
    ]
    assert result.paragraphs == BODY


def test_a_second_reporters_signature_closing_the_story_stays_a_contact() -> None:
    result = analyse(
        "Ferry timetable approved",
        ["By Ivo Brandt", *BODY, "Tomas Zeller", "tzeller@harbourgazette.example"],
    )
    assert "tzeller@harbourgazette.example" in [c.email for c in result.contacts]


def test_an_authors_own_name_and_address_mid_story_stay_a_contact() -> None:
    result = analyse(
        "Ferry timetable approved",
        ["By Ivo Brandt", BODY[0], "IVO BRANDT", "ivo.brandt@harbourgazette.example", *BODY[1:]],
    )
    assert [c.email for c in result.contacts] == ["ivo.brandt@harbourgazette.example"]
