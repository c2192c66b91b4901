"""Quotation conventions, one at a time."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from newsterm.analysis import Quote
from newsterm.extract.people import quote_people
from newsterm.extract.quotes import find_quotes


def quotes(*paragraphs: str) -> list[Quote]:
    return find_quotes(list(paragraphs))


def test_curly_quote_with_attribution_after() -> None:
    (q,) = quotes("“We will rebuild the bridge,” said Mayor Lena Holt, who toured it.")
    assert (q.text, q.speaker, q.start, q.fragment) == (
        "We will rebuild the bridge",
        "Mayor Lena Holt",
        1,
        False,
    )


def test_curly_quote_with_a_pronoun_after_names_no_one_named_later() -> None:
    # "she" stands for no one named before it; Lena Holt, named after, is someone else.
    (q,) = quotes("“We will rebuild the bridge,” she said, after Mayor Lena Holt toured it.")
    assert (q.text, q.speaker, q.start) == ("We will rebuild the bridge", None, 1)


def test_pronoun_resolves_to_the_last_person_named_in_shortest_form() -> None:
    found = quotes(
        "President Ada Rowe toured the port. Rowe said little at first.",
        "In a post Saturday, she said, “The port will reopen in a week.”",
    )
    assert [(q.speaker, q.paragraph) for q in found] == [("Rowe", 1)]


def test_pronoun_with_only_a_titled_mention_drops_the_title() -> None:
    (q,) = quotes("Mayor Lena Holt visited the site.", "“It is a disaster,” she said.")
    assert q.speaker == "Lena Holt"


def test_straight_quotes_and_apostrophes() -> None:
    (q,) = quotes("\"It's the dog's dinner,\" said Ana Lima, who runs the shelter.")
    assert q.text == "It's the dog's dinner"
    assert q.speaker == "Ana Lima"


def test_british_single_quotes_ignore_apostrophes() -> None:
    (q,) = quotes(
        "‘We don’t live in the ’90s any more, and Venezuela’s case is different,’ he said."
    )
    assert q.text == "We don’t live in the ’90s any more, and Venezuela’s case is different"


def test_apostrophes_alone_are_not_quotes() -> None:
    assert quotes("The players’ union met in the ’90s and didn’t agree on Venezuela’s offer.") == []


def test_nested_quote_reports_the_outer_one() -> None:
    (q,) = quotes("“She told me, ‘Go home,’ and I went,” said Tom Reid.")
    assert q.text == "She told me, ‘Go home,’ and I went"
    assert q.speaker == "Tom Reid"


def test_british_nested_double_inside_single() -> None:
    (q,) = quotes("‘They said “wait”, so we waited,’ said Ana Lima.")
    assert q.text == "They said “wait”, so we waited"


def test_attribution_before_with_colon() -> None:
    (q,) = quotes("Ana Lima told reporters: “We are not leaving.”")
    assert (q.text, q.speaker, q.fragment) == ("We are not leaving.", "Ana Lima", False)


def test_attribution_inside_splits_into_two_quotes_with_one_speaker() -> None:
    found = quotes("“Prices are rising,” said Dr. Ana Ruiz, the chief economist. “Wages are not.”")
    assert [(q.text, q.speaker) for q in found] == [
        ("Prices are rising", "Dr. Ana Ruiz"),
        ("Wages are not.", "Dr. Ana Ruiz"),
    ]


def test_descriptive_speaker_as_written() -> None:
    (q,) = quotes("“We welcome the release,” a State Department spokesperson said.")
    assert q.speaker == "a State Department spokesperson"


def test_quote_continued_over_paragraphs_is_one_quotation() -> None:
    found = quotes(
        "“The first part,” said Ana Lima. “The second part runs on.",
        "“And here it ends.”",
        "Officials did not respond.",
    )
    assert [(q.text, q.speaker, q.paragraph) for q in found] == [
        ("The first part", "Ana Lima", 0),
        ("The second part runs on. And here it ends.", "Ana Lima", 0),
    ]


def test_following_unattributed_quote_continues_the_speaker() -> None:
    found = quotes("“We won,” said coach Ida Berg.", "“Nobody expected it of us.”")
    assert [q.speaker for q in found] == ["coach Ida Berg", "coach Ida Berg"]


def test_fragment_after_a_participle_takes_the_sentence_speaker() -> None:
    found = quotes(
        "“This falls short,” the panel said, adding that the police used “detention as a weapon.”"
    )
    assert [(q.speaker, q.fragment) for q in found] == [
        ("the panel", False),
        ("the panel", True),
    ]
    assert found[1].text == "detention as a weapon."


def test_scare_quotes_and_titles_are_not_quotations() -> None:
    assert quotes("The film “Red Dawn” played to so-called “experts” in the city.") == []
    assert quotes("Critics of the plan’s “reforms” gathered outside.") == []


def test_paraphrase_is_not_a_quotation() -> None:
    assert quotes("Prices will rise, according to the ministry.") == []


def test_according_to_after_a_quote_attributes_it() -> None:
    (q,) = quotes("“Prices will rise sharply this year,” according to the ministry.")
    assert q.speaker == "the ministry"


def test_they_resolves_to_the_last_speaking_subject() -> None:
    (q,) = quotes("Prosecutors argued that he ignored warnings. “He knew,” they said.")
    assert q.speaker == "Prosecutors"


def test_previous_paragraph_ending_in_a_colon_attributes() -> None:
    (q,) = quotes("In a statement, the ministry said:", "“We deny every charge.”")
    assert q.speaker == "the ministry"


def test_start_points_at_the_text() -> None:
    paragraph = "Ana Lima said: “  Spaces first,” and left."
    (q,) = quotes(paragraph)
    assert paragraph[q.start : q.start + len(q.text)] == q.text


def test_unclosed_quote_is_dropped() -> None:
    assert quotes("“This never closes and nothing follows, said Ana Lima.") == []


def test_guillemets() -> None:
    (q,) = quotes("« Nous restons ici », said Ana Lima.")
    assert q.text == "Nous restons ici"


def test_fragment_without_a_speaker_is_a_scare_quote() -> None:
    assert quotes("The company, which makes “smart” fridges, said profits rose.") == []


def test_speaker_forms_as_written() -> None:
    found = quotes(
        "“We’ll see,” Ruiz, 42, said.",
        "“Things are improving,” says Omar Haddad, a farmer.",
        "“I’m not going anywhere,” the 72-year-old senator said.",
        "Asked about the plan, Lena Holt replied: “Ask me tomorrow.”",
    )
    assert [q.speaker for q in found] == [
        "Ruiz",
        "Omar Haddad",
        "the 72-year-old senator",
        "Lena Holt",
    ]


def test_relatives_sharing_a_surname_are_named_in_full() -> None:
    found = quotes(
        "Ewan Mackie climbs the stairs. “Habit,” Mackie said.",
        "His daughter, Isla Mackie, worries. “I’ve asked him to stop,” she said.",
    )
    assert [q.speaker for q in found] == ["Mackie", "Isla Mackie"]


def test_lower_case_moves_no_word_bounds_but_for_the_listed_characters() -> None:
    """What the speech-verb scan relies on, checked against this Python's Unicode."""
    import sys

    from newsterm.extract.quotes import _LOWER_HAS_ASCII

    moving = {
        chr(code)
        for code in range(128, sys.maxunicode + 1)
        if any(c.isascii() and (c.isalpha() or c == "-") for c in chr(code).lower())
    }
    assert moving == set(_LOWER_HAS_ASCII)


def test_speech_verbs_are_found_next_to_the_characters_that_lower_to_ascii() -> None:
    # "İ" lowers to "i" and a combining dot; the Kelvin sign lowers to "k".
    assert [q.speaker for q in quotes("“We will stay the night,” SAİD Ana Ruiz.")] == [None]
    assert [q.speaker for q in quotes("“We will stay,” said Ana Ruiz, \u212aelvin.")] == [
        "Ana Ruiz"
    ]


@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                " ",
                "\n",
                ",",
                "film",
                "FILM",
                "so-called",
                "known as",
                "AS",
                "aſ",
                "boo\u212a",
            ]
        )
        | st.sampled_from(["“", "«", '"', "‘", "'", "’", "entitled", "ıs", "İ", "x", "words"])
        | st.text(max_size=3),
        max_size=12,
    ).map("".join)
)
def test_speech_cue_test_agrees_with_its_regex(lead: str) -> None:
    from newsterm.extract.quotes import _NOT_SPEECH_CUE, _has_speech_cue

    assert _has_speech_cue(lead) == (_NOT_SPEECH_CUE.search(lead) is not None)


def test_ignorecase_matches_ascii_letters_with_only_the_listed_characters() -> None:
    import re
    import string
    import sys

    from newsterm.extract.quotes import _CASE_FOLDS_TO_ASCII

    everything = "".join(map(chr, range(128, sys.maxunicode + 1)))
    found = {c for x in string.ascii_lowercase for c in re.findall(x, everything, re.I)}
    assert found == set(_CASE_FOLDS_TO_ASCII)


@given(st.lists(st.sampled_from([*"“”«»\"‘’'", "a", " ", "’’"]) | st.text(max_size=3)).map("".join))
@example("He said ‘yes’ to it.")
@example("“No,’’ he said.")
@example("It's ‘fine’, don’t worry.")
def test_mark_positions_are_the_quote_marks_in_order_but_apostrophes_the_scan_ignores(
    text: str,
) -> None:
    from newsterm.extract import quotes

    every = [i for i, c in enumerate(text) if c in quotes._MARKS]
    found = quotes._mark_positions(text)
    assert found in (every, [i for i in every if text[i] != "’"])
    original = quotes._mark_positions
    quotes._mark_positions = lambda paragraph: every  # type: ignore[assignment]
    try:
        wanted = quotes._scan(text, 0)
    finally:
        quotes._mark_positions = original
    assert quotes._scan(text, 0) == wanted


def test_a_mark_ending_a_paragraph_starts_the_quote_in_the_next_one() -> None:
    # a stray “ at the end of a paragraph, then the quotation opening the next with its own “
    (q,) = quotes("Mayor Lena Holt said: “", "“The ferry runs again on Monday,” she added.")
    assert q.text == "The ferry runs again on Monday"
    assert (q.paragraph, q.start) == (1, 1)


def test_a_party_and_state_tag_after_the_name_is_not_the_speaker() -> None:
    found = quotes(
        "Sen. Tomas Reyes, R-Neb., called it “a failure of nerve” on Monday.",
        "The mayor, Ada Moss, D-Ore., said: “We will not back down.”",
        "Ines Vale, a chemist in Washington, D.C., said it was “almost certainly spoiled”.",
    )
    assert [q.speaker for q in found] == ["Sen. Tomas Reyes", "Ada Moss", "Ines Vale"]


def test_a_name_right_before_a_participle_is_the_speaker() -> None:
    (q,) = quotes(
        "Two neighbours objected, with Harbour Commissioner Lena Brandt warning of"
        " “serious harm to the dunes”."
    )
    assert (q.text, q.speaker, q.fragment) == (
        "serious harm to the dunes",
        "Harbour Commissioner Lena Brandt",
        True,
    )


def test_after_a_comma_a_participle_names_no_one_by_itself() -> None:
    # the participle belongs to the sentence's subject; a name just before the comma is not it
    found = quotes("The ferry left without Bram Olsen, saying “enough is enough” to nobody.")
    assert all(q.speaker != "Bram Olsen" for q in found)


def test_a_quotation_opening_a_paragraph_after_reported_speech_is_that_speaker() -> None:
    found = quotes(
        "Talks stalled again on Friday.",
        "Mirela Dost said it was the last offer her side would make.",
        "“We came to agree, and they came to win. We are done waiting.”",
    )
    assert [(q.speaker, q.paragraph) for q in found] == [("Mirela Dost", 2)]


def test_reported_speech_by_a_description_is_not_carried_to_the_next_paragraph() -> None:
    # only a named person carries over; "the company flatly" would be a guess
    found = quotes(
        "The company flatly denied the claims in a statement.",
        "“We came to agree, and they came to win. We are done waiting.”",
    )
    assert [q.speaker for q in found] in ([], [None])


def test_a_fragment_takes_the_verb_before_it_when_another_clause_follows() -> None:
    found = quotes(
        "The ministry rejected the report as “plainly untrue,” and two outside experts told"
        " reporters the figures were wrong.",
        "Engineers found the leak, Ana Sola said, and “sealed” the pipe as the crews continued.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("plainly untrue", "the ministry"),
        ("sealed", "Ana Sola"),
    ]


def test_a_fragment_attributed_right_after_it_keeps_that_speaker() -> None:
    (q,) = quotes("Officials said the levee was “holding for now,” Mayor Ida Brun told reporters.")
    assert (q.text, q.speaker, q.fragment) == ("holding for now", "Mayor Ida Brun", True)


def test_a_quotation_after_a_sentence_opening_with_a_name_is_that_persons() -> None:
    found = quotes(
        "“We will finish on time,” said Oskar Bell, the site manager.",
        "Nadia Ferreira returned to the question later in the meeting. “Who pays for the delay?”",
    )
    assert [q.speaker for q in found] == ["Oskar Bell", "Nadia Ferreira"]


def test_he_after_a_possessive_opener_is_the_person_named_after_it() -> None:
    found = quotes(
        "Mara Quint spent a year on the boat.",
        "Quint’s brother, sailmaker Tobias Quint (“The Long Reach”), remembers it well."
        " “It was the hardest year we had,” he said.",
    )
    assert [q.speaker for q in found] == ["Tobias Quint"]


def test_he_after_a_long_opening_phrase_is_the_person_named_after_its_comma() -> None:
    found = quotes(
        "At a hearing last month of the committee that funds the port, Rep. Lia Varga (D-WA),"
        " its ranking member, pressed Harbour Director Omar Haddad for a second dock.",
        "“I think two docks are within reach,” she said.",
    )
    assert [q.speaker for q in found] == ["Lia Varga"]


def test_a_description_of_a_person_resolves_to_the_person_named_before() -> None:
    found = quotes(
        "Lotte Vries was voted off the show on Monday after two dances.",
        "“I gave it everything and I would do it again,” the actress said.",
        "“Nobody lost today,” the 34-year-old added.",
    )
    assert [q.speaker for q in found] == ["Lotte Vries", "Lotte Vries"]


def test_a_description_of_a_body_is_kept() -> None:
    (q,) = quotes(
        "Lotte Vries left the board in May.",
        "“We wish her well,” the company said.",
    )
    assert q.speaker == "the company"


def test_a_title_and_an_organisation_after_a_name_is_not_the_speaker() -> None:
    found = quotes(
        "Rob Vance, President Ascom Nordic Group, says: “We are ready.”",
        "The mayor has been eager to sign, but General Ada Lind, head of the guard, told"
        " reporters the troops would stay “for several more weeks”.",
    )
    assert [q.speaker for q in found] == ["Rob Vance", "General Ada Lind"]


def test_a_clause_opening_with_a_pronoun_is_not_a_speaker_phrase() -> None:
    from newsterm.extract.quotes import _classify

    assert _classify("She declined to") is None
    assert _classify("she") == "pronoun"
    assert _classify("the harbour master") == "phrase"


def test_she_said_looks_back_into_a_paragraph_without_quotations() -> None:
    """ "she said" after a paragraph that names her in its second sentence and quotes no one:
    that paragraph's sentences count, not only those of paragraphs holding a quotation (it
    went to the last speaker, a man quoted two paragraphs before)."""
    paragraphs = [
        "“The pier is too short,” Oskar Lind said.",
        "The harbour board will meet again in May.",
        "Shop owners were split. Mira Castell, who sells nets by the quay, said she expected "
        "fewer visitors this summer.",
        "“I will stay open,” she said.",
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Oskar Lind", "Mira Castell"]


def test_a_sentence_opening_with_although_names_no_one() -> None:
    """ "Although she said “…”": a conjunction that opens a sentence is no speaker's name; the
    pronoun goes to the person named before, as any "she said" does."""
    paragraphs = [
        "“The quay is ready,” said Ana Ruiz. Although she said “the deck is sound,” "
        "the works stalled."
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Ana Ruiz", "Ana Ruiz"]


def test_a_role_description_is_the_subject_of_the_sentence_before_not_a_place() -> None:
    """ "the director said" after "Varga asked … in South America": the sentence's subject,
    not the last capitalised words (a region is nobody)."""
    paragraphs = [
        "For the second act, Varga asked her cast to picture a winter in Latin America.",
        "“Nobody writes the past into a script,” the director said.",
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Varga"]


def test_quoted_as_saying_is_the_person_quoted() -> None:
    paragraphs = ["“I would do it again,” regional papers quoted Tomas Okafor as saying."]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Tomas Okafor"]


def test_a_statement_saying_is_the_body_that_issued_it() -> None:
    paragraphs = ["Brightwell released a short statement saying, “We are glad it is settled.”"]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Brightwell"]


def test_a_name_with_the_body_it_works_for_is_the_speaker() -> None:
    paragraphs = ["“We will decide at dawn,” Deputy Chief Ines Marlow with the Harbor Police said."]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Deputy Chief Ines Marlow"]


def test_he_after_a_sentence_opening_with_role_words_and_a_name() -> None:
    """ "Radio 4 forecaster Ana Ruiz predicted …": the name after the role words is the
    subject, not a place named later in the sentence."""
    paragraphs = [
        "Valley FM forecaster Piet Osei predicted light rain for the Lower Plains.",
        "But he added: “The worst of it is behind us.”",
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Piet Osei"]


def test_he_after_a_sentence_opening_with_a_place_is_the_name_after_its_comma() -> None:
    paragraphs = [
        "At Northgate Rail, Lena Fisk called the delays modest.",
        "“Most trains ran on time,” she said.",
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Lena Fisk"]


def test_he_after_an_aside_said_is_the_one_who_said_it() -> None:
    """ "While …, Yearby said, there is …" names the "he" of the next quotation, not the last
    person quoted."""
    paragraphs = [
        "“Costs keep rising,” said Mara Quist, an economist at the institute.",
        "While towns have begun to ask for bids, Ole Yearby said, there is no backlog.",
        "“Everyone is waiting,” he said.",
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Mara Quist", "Ole Yearby"]


def test_a_fragment_whose_sentence_ends_with_a_name_said_is_that_persons() -> None:
    paragraphs = [
        "That rents stayed flat suggests “the market has stalled almost everywhere” outside "
        "the capital, Brandt said. “Nobody is moving.”"
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Brandt", "Brandt"]


def test_he_in_a_clause_before_the_name_points_ahead() -> None:
    paragraphs = [
        "Rita Moss directed the film.",
        "Although he called the ending “a strange gift,” Ivo Brandt kept the rest a secret.",
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Ivo Brandt"]


def test_a_name_opening_a_joined_clause_is_the_speaker_not_the_first_clauses_subject() -> None:
    paragraphs = [
        "That was the year the tram opened and Ida Marsh said that, once aboard, “you never "
        "walk again.”"
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Ida Marsh"]


def test_a_ceo_after_the_company_name_is_the_speaker() -> None:
    paragraphs = [
        "Brightwell co-founder and CEO Ada Voss said in a memo that the “gap between the two "
        "shops has closed” as prices fell, Example Daily reported."
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["CEO Ada Voss"]


def test_he_added_after_a_sentence_ending_with_a_named_attribution() -> None:
    """ "he added" after "…, “…,” Mr. Quist said.": the one who said it, not the subject of a
    sentence further back."""
    paragraphs = [
        "Harbour Power engineers say the salt eats the cables.",
        "To stop it, the engineers said, the firm fitted vents, “so the gas cannot build up,” "
        "Mr. Quist said.",
        "“It also warns people nearby,” he added.",
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Mr. Quist", "Mr. Quist"]


def test_a_name_after_what_and_role_words_is_the_speaker_of_its_fragment() -> None:
    paragraphs = [
        "Oda Lind was voted off in what judge Piet Varga described as the “closest call of the "
        "year.”"
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Piet Varga"]


def test_a_description_set_off_by_commas_before_said_name_is_not_the_speaker() -> None:
    """The description after the quotation is of the place the quotation named; the speaker is
    the name after "said"."""
    quotes = find_quotes(
        [
            "Agency chief Bruno Salt told a briefing that six had been found.",
            "“As soon as the weather is clear, they will be flown to Portmere,” the town with "
            "the nearest airstrip to the site, said Salt.",
            "“We will rebuild,” the company said.",
        ]
    )
    assert [(q.speaker, q.text[:12]) for q in quotes] == [
        ("Salt", "As soon as t"),
        ("the company", "We will rebu"),
    ]


def test_a_live_blog_post_time_does_not_hide_the_subject_he_refers_to() -> None:
    """'13.08 Ivo Marsh … has been speaking': "he" in the next post is Marsh, not the odd
    capitalised word that opened an earlier sentence."""
    paragraphs = [
        "There was talk of ice in the fuel lines. Simplest way of explaining is a frozen straw.",
        "13.08 Ivo Marsh, the airline chief, has been speaking at the airport about the search.",
        "“The weather is not looking good for two days,” he told reporters.",
    ]
    assert [q.speaker for q in find_quotes(paragraphs)] == ["Ivo Marsh"]


def test_a_name_then_its_description_naming_a_body_speaks_as_the_name() -> None:
    """'Neil Ruiz, a former pilot and chairman of firm Example Aviation, said': the appositive
    ends in a body's name; the speaker is the person before it."""
    quotes = find_quotes(
        [
            "“The debris is contained,” Neil Ruiz, a former pilot and chairman of consultancy "
            "firm Example Aviation, said on Wednesday.",
            "“We will appeal,” Ana Ruiz, the lawyer for defendant Ivo Lind, said.",
        ]
    )
    assert [q.speaker for q in quotes] == ["Neil Ruiz", "Ana Ruiz"]


def test_a_speaker_of_an_institution_in_a_two_word_place_set_off_by_commas() -> None:
    """'Ivo Marsh of the University of Otago in Dunedin, New Zealand, said': Marsh, not the
    country; without the closing comma a two-word name after a place is the subject."""
    quotes = find_quotes(
        [
            "“The effects will not be without consequences,” Ivo Marsh of the University of "
            "Otago in Dunedin, New Zealand, said to a magazine.",
            "At a rally in Denver, Ana Ruiz said the plan was “a promise kept to every voter.”",
        ]
    )
    assert [q.speaker for q in quotes] == ["Ivo Marsh", "Ana Ruiz"]


def test_a_surname_after_an_opening_phrase_with_a_place_is_the_subject() -> None:
    """'At a rally in Denver, Ruiz said': Ruiz, not a place after 'in Denver'."""
    quotes = find_quotes(
        ["At a rally in Denver, Ruiz said the plan was “a promise kept to every voter.”"]
    )
    assert [q.speaker for q in quotes] == ["Ruiz"]


def test_a_party_tag_in_brackets_after_the_name_keeps_the_speaker() -> None:
    """'Sen. Rhea Molton (R-Warren) said the plan “…”': brackets end a speaker phrase, but a
    party and state tag is part of the name before the verb."""
    quotes = find_quotes(
        [
            "State Sen. Rhea Molton (R-Warren) said the governor “sold the plan to voters too "
            "early.”",
            "Rep. Ola Brink (D-Ore.), for example, said the bill “does nothing for renters.”",
        ]
    )
    assert [q.speaker for q in quotes] == ["State Sen. Rhea Molton", "Rep. Ola Brink"]


def test_he_said_inside_a_relative_clause_before_a_fragment() -> None:
    """'a fund which he said would fight “…”': the pronoun after 'which' is the speaker, and
    resolves to the sentence's subject before."""
    quotes = find_quotes(
        [
            "Gil Moreno left the party last year. He set up a fund which he said would fight "
            "“the slow decay of local news”."
        ]
    )
    assert [(q.text, q.speaker) for q in quotes] == [("the slow decay of local news", "Gil Moreno")]


def test_plain_present_speech_verbs_and_more_participles_attribute_fragments() -> None:
    """'His lawyers maintain that …', 'complaining about …', 'was quoted calling …'; 'tough
    to maintain' is an infinitive, and its scare quote stays out."""
    quotes = find_quotes(
        [
            "His lawyers maintain that the charges “are baseless and unfair.”",
            "Ivo Patel marked the draft with notes, complaining about its use of “far too much "
            "jargon” in every section.",
            "Bex Harlan was quoted calling the governor a “failed” leader.",
            "The old pipes are tough to maintain, and the “freeze-thaw” cycles make it worse.",
        ]
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("are baseless and unfair.", "his lawyers"),
        ("far too much jargon", "Ivo Patel"),
        ("failed", "Bex Harlan"),
    ]


def test_they_said_is_the_group_opening_the_sentence_before() -> None:
    """'Officials at the port met …. “…,” they said.': the group, not the person quoted in
    the paragraph before."""
    quotes = find_quotes(
        [
            "“The market is cooling,” said Alvaro Nunes, who leads the brokers’ association.",
            "Officials at the port met with the union. “We have no deal yet,” they said.",
            "Port officials met the union again on Friday.",
            "“Talks go on,” they said.",
        ]
    )
    assert [q.speaker for q in quotes] == [
        "Alvaro Nunes",
        "Officials at the port",
        "Port officials",
    ]


def test_she_is_not_the_subject_the_sentence_calls_he() -> None:
    """'Ivo Dane died, and his wife Mara says he …' then '“…,” she says': Mara, the one the
    sentence gives a speech verb, not Dane, whom it calls 'he'; 'he' after a sentence about
    'Mrs Ruiz' goes further back; a possessive 'His' before the subject says nothing."""
    quotes = find_quotes(
        [
            "Ivo Dane died in May, and his wife Mara says he spent his last weeks on the phone. "
            "He called the office nine times. “It took away his peace,” she says.",
            "Ola Brink wrote to the minister in March. Mrs Ruiz marked his letter with notes "
            "in the margin. He insisted the plan would “inject more rigour” into the tests.",
            "His daughter, Isla Brink, worries. “I’ve asked him to rest,” she said.",
        ]
    )
    assert [q.speaker for q in quotes] == ["Mara", "Ola Brink", "Isla Brink"]


def test_a_study_found_and_an_emailed_reply_and_initials_name_speakers() -> None:
    """'the researchers found, “…”', 'the report found that … “…”' (a finding said by the
    study), not 'found the key'; 'he emails' after a sentence opening with 'Today,' is the
    subject before; 'coordinator S.B. Tarno told' is Tarno, initials and all."""
    quotes = find_quotes(
        [
            "After a price jump, the researchers found, “fewer people expect their finances "
            "to improve.”",
            "The 2019 report found that buyers were “more anxious than at any time in a decade.”",
            "Ruiz found the key in a drawer with a note that read “back soon.”",
            "“We had to stop the search this morning,” air force rescue coordinator S.B. Tarno "
            "told reporters.",
            "Ivo Marsh made the map alone. Today, a storm’s path is hard to guess.",
            "“I was bored, so I built it,” he emails.",
            "Mara Lind has only found one drawback to the trio: “They sing so well that "
            "others are scared off.”",
        ]
    )
    assert [q.speaker for q in quotes] == [
        "the researchers",
        "the 2019 report",
        "S.B. Tarno",
        "Ivo Marsh",
        "Mara Lind",
    ]


def test_according_to_a_document_from_a_body_is_the_body_and_the_family_is_kept() -> None:
    """'according to a statement from the sheriff’s office' names the document with its
    issuer (it was 'a statement' alone); 'the family said' keeps 'family' (a noun ending in -ly
    is no adverb to trim)."""
    quotes = find_quotes(
        [
            "“We have no comment on rumours,” according to a statement from the Elm County "
            "Sheriff’s Office.",
            "“We have no comment,” according to a news release issued by Harbor Police.",
            "The plan was “dead on arrival,” according to a letter from Sen. Ivo Dane.",
            "“We are pleased with the verdict,” the family said in a statement released by "
            "their lawyer.",
        ]
    )
    assert [q.speaker for q in quotes] == [
        "a statement from the Elm County Sheriff’s Office",
        "a news release issued by Harbor Police",
        "a letter from Sen. Ivo Dane",
        "the family",
    ]


def test_he_after_a_sentence_closed_by_a_described_source_and_a_party_description() -> None:
    """'…, a source close to the inquiry has told Reuters.' then '“…,” he said.': the source,
    not the sentence's subject (a plane); 'the Ohio Democrat said' is the senator named
    before, as 'the senator' is."""
    quotes = find_quotes(
        [
            "The jet climbed too fast, according to radar data, a source close to the inquiry "
            "has told Reuters.",
            "“The numbers are far too high,” he said.",
            "Sen. Ana Ruiz voted no. “It is a bad bill,” the Ohio Democrat said.",
        ]
    )
    assert [q.speaker for q in quotes] == ["a source close to the inquiry", "Ana Ruiz"]


def test_a_passive_told_is_said_by_its_agent_or_the_document_not_its_subject() -> None:
    """'Ruiz was advised by the policy unit …' is the unit; 'In one briefing note she was
    warned that “…”' is the note, not 'she'; 'Lind said he was told …' stays Lind's."""
    quotes = find_quotes(
        [
            "Ana Ruiz was advised by the policy unit to wait until the plan was “workable”.",
            "Ivo Lind was told by his doctor that he was “lucky to be alive.”",
            "In one briefing note she was warned that “the exam is one nobody will fail”.",
            "Lind said he was told the job was “safe for now.”",
        ]
    )
    assert [q.speaker for q in quotes] == [
        "the policy unit",
        "his doctor",
        "one briefing note",
        "Lind",
    ]


def test_a_title_after_a_possessive_and_a_defined_term_are_not_quotations() -> None:
    """'Ana Ruiz’s “Firework”' is a song; 'victims of a “swatting,” a hoax in which …' is a
    term defined after its comma (a 'said' later in the sentence does not make it speech);
    'the “one port, two rules” formula' names a policy; 'called it a “disaster,” a word …',
    'a “shameful” act' and 'a “dangerous” policy' after 'said' stay."""
    quotes = find_quotes(
        [
            "As Ivo Lind pointed out, the scene, played while Ana Ruiz’s “Firework” twinkles, "
            "was grim.",
            "The Lunds were the victims of a “swatting,” a hoax in which a caller fakes a "
            "crime, and the caller said he would strike again.",
            "Ruiz called it a “disaster,” a word she rarely uses.",
            "Ruiz said it was a “shameful” act.",
            "The state said it is committed to the “one port, two rules” formula.",
            "Ruiz said it was a “dangerous” policy.",
        ]
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("disaster", "Ruiz"),
        ("shameful", "Ruiz"),
        ("dangerous", "Ruiz"),
    ]


def test_a_title_with_a_subtitle_and_what_has_been_called_are_not_quotations() -> None:
    """'her book “A Harbour Town: The Quiet Lives that Shape the Coast,”' and 'author of
    “Ships on Film: The Whole Story”' are titles; 'what has been called the “agency model”'
    is a coinage; a sentence with a colon in it is still speech."""
    quotes = find_quotes(
        [
            "In her book “A Harbour Town: The Quiet Lives that Shape the Coast,” Ana Ruiz "
            "wrote of the sea.",
            "It is, said Ivo Lind, author of “Ships on Film: The Whole Story” (Example Press, "
            "2014), a shame.",
            "Ruiz said the plan had one aim: “Build first: ask later.”",
            "Their deals embrace what has been called the “agency model” of pricing.",
        ]
    )
    assert [(q.text, q.speaker) for q in quotes] == [("Build first: ask later.", "Ruiz")]


def test_more_speech_verbs_and_had_this_to_say() -> None:
    """'instructed Milo Vance', 'Ruiz laughed', and 'Tran had this to say about the vote:
    “…”' name their speakers."""
    quotes = find_quotes(
        [
            "“Don’t get nervous,” instructed Milo Vance, the district supervisor.",
            "“Not today,” Ana Ruiz laughed.",
            "Tran had this to say about the vote: “It was close.”",
        ]
    )
    assert [q.speaker for q in quotes] == ["Milo Vance", "Ana Ruiz", "Tran"]


def test_said_a_role_and_name_of_a_body_in_a_place_is_the_person() -> None:
    """'said planetary geologist Rosa Lopes of the Example Laboratory in California': the
    geologist, not nobody (the whole phrase is no speaker; its part before "of" is)."""
    quotes = find_quotes(
        [
            '"Organics matter," said planetary geologist Rosa Lopes of the Example Laboratory '
            "in California."
        ]
    )
    assert [q.speaker for q in quotes] == ["planetary geologist Rosa Lopes"]


def test_an_opening_adverb_or_connective_is_no_speaker() -> None:
    """'Curiously, the plan was “…,” she says': the person named before, not 'Curiously';
    'Here, …' and 'Instead Oren …' do not name 'Here' or 'Instead Oren'."""
    quotes = find_quotes(
        [
            "Mara Quill, a beekeeper, runs six hives near the lake.",
            "Curiously, the honey was “never the point, not even at first,” she says.",
            "Instead Oren Basko kept the books. He is her cousin.",
            "“We split the jars evenly every autumn,” he says.",
        ]
    )
    assert [q.speaker for q in quotes] == ["Mara Quill", "Oren Basko"]


def test_a_leading_speech_verb_is_not_part_of_a_name() -> None:
    """'“…,” says Tobin, who told the crew, “…”': the second quotation is Tobin's, not
    'says Tobin''s."""
    quotes = find_quotes(["“Too late,” says Tobin, who told the crew, “Pack the tents now.”"])
    assert [q.speaker for q in quotes] == ["Tobin", "Tobin"]


def test_a_possessive_and_its_noun_are_not_the_subject() -> None:
    """'Lenna’s PhD plans were shelved. “…,” she says.': Lenna Voigt, named before, not
    'Lenna’s PhD'."""
    quotes = find_quotes(
        [
            "After college, Lenna Voigt joined the family bakery.",
            "Lenna’s PhD plans were shelved. “The ovens came first,” she says.",
        ]
    )
    assert [q.speaker for q in quotes] == ["Lenna Voigt"]


def test_said_an_institution_of_a_place_and_a_role_names_the_person() -> None:
    """'said College of Dunmore soil scientist Ines Varga': the scientist, not 'College'."""
    quotes = find_quotes(
        ["“The clay holds the water,” said College of Dunmore soil scientist Ines Varga."]
    )
    assert [q.speaker for q in quotes] == ["Ines Varga"]


def test_a_dateline_is_no_speaker() -> None:
    """'OSLO (May 2) -- …, Minister Tor Vang …. He said …': Tor Vang, not 'OSLO'."""
    quotes = find_quotes(
        [
            "OSLO (May 2) -- Warning of “empty nets,” Minister Tor Vang has ordered"
            " a review of quotas.",
            "He said the fleet had “fished the fjords bare for a decade and more.”",
        ]
    )
    assert quotes[-1].speaker == "Tor Vang"


def test_he_is_the_person_whose_speech_verb_the_sentence_before_holds() -> None:
    """'…, where broker Rafe Olund said he had seen …' then '“…,” he said': Rafe Olund, not
    Rafe Dorsey, quoted earlier, who shares his first name."""
    quotes = find_quotes(
        [
            "“Stock is thin,” the agency’s analyst Rafe Dorsey said in a note.",
            "Lakeside is no different. Demand rose in towns like Kelm, where broker Rafe Olund"
            " said he had seen bidding wars return.",
            "“Ten offers on a bungalow is normal again,” he said.",
        ]
    )
    assert quotes[-1].speaker == "Rafe Olund"


def test_an_opening_connective_is_not_the_subject_of_a_speech_verb() -> None:
    """'Nevertheless, in her ruling, the judge said …' then '“…,” she said': the judge named
    before, never 'Nevertheless'."""
    quotes = find_quotes(
        [
            "Judge Ilse Marr heard the case. Nevertheless, in her ruling, the judge said she"
            " would rule soon.",
            "“I need a week,” she said.",
        ]
    )
    assert quotes[-1].speaker == "Ilse Marr"


def test_she_is_the_one_a_closing_attribution_further_back_names() -> None:
    """'…, Arkin said.' two sentences back, then '“…,” she said': Arkin, not 'Gulf Stream',
    the last capitalised pair before."""
    quotes = find_quotes(
        [
            "“The reef is bleaching fast,” said marine biologist Tove Arkin.",
            "The bay is shallow. Its floor is sand.",
            "From the east, warm currents keep arriving, Arkin said. Last spring’s storms, fed"
            " by a strong Gulf Stream pulse, were part of it. The lagoon is murkier, she said.",
            "“We have lost two seasons in a row,” she said.",
        ]
    )
    assert quotes[-1].speaker == "Arkin"


def test_a_title_or_degree_and_a_role_after_a_name_describe_the_speaker() -> None:
    """'Ada Moss, Professor of Soils at …, said' and 'Ivo Renn, PhD student in …, said': the
    named person, not nobody."""
    quotes = find_quotes(
        [
            "Reading the survey, Ada Moss, Professor of Soils at the Example Institute, said:"
            " “The loam is thinning.”",
            "“We saw it from the ridge,” Ivo Renn, PhD student in Geology at Example College"
            " and lead of the dig, said in a statement.",
        ]
    )
    assert [q.speaker for q in quotes] == ["Ada Moss", "Ivo Renn"]


def test_a_long_opening_with_phrase_before_the_subject() -> None:
    """'With her tour of … in the works, Orr has …' then '“…,” she says': Orr, not Bram Falk,
    the last person named."""
    quotes = find_quotes(
        [
            "Tamsin Orr’s new album will not win her any prizes.",
            "With her tour of Norway and a film called Blue Harbour in the works, Orr has little"
            " time to rest. But what she loves most is life with her husband Bram Falk.",
            "“Home is the best stage,” she says.",
        ]
    )
    assert quotes[-1].speaker == "Orr"


def test_a_name_in_an_editors_brackets_is_the_speaker() -> None:
    """'“…,” [Vesna] said.': Vesna, the name the editor put for a pronoun."""
    quotes = find_quotes(["The paper printed her reply.", "“We will appeal,” [Vesna] said."])
    assert [q.speaker for q in quotes] == ["Vesna"]


def test_a_name_and_any_verb_after_a_quotations_comma() -> None:
    """'“…,” Corwin sniffed in a post.': Corwin, though 'sniffed' is no speech verb."""
    quotes = find_quotes(
        ["“What do I know about boats, nothing at all,” Corwin sniffed in a post."]
    )
    assert [q.speaker for q in quotes] == ["Corwin"]


def test_the_name_before_a_present_verb_and_a_colon_speaks_the_quotation() -> None:
    """'Now, Marit takes up the tale: “…”': Marit, not Edda, quoted before."""
    quotes = find_quotes(
        [
            "“We rowed all night,” Edda recalls.",
            "Now, Marit takes up the tale: “The oars broke at dawn, and we drifted home.”",
        ]
    )
    assert [q.speaker for q in quotes] == ["Edda", "Marit"]


def test_a_quotation_ending_its_paragraph_is_said_by_the_name_the_next_one_opens_with() -> None:
    """'Tidal power: “a fairy tale.”' then 'Soren Halvik has said so for years.': Halvik."""
    quotes = find_quotes(
        [
            "Tidal power: “a fairy tale, and an expensive one.”",
            "Soren Halvik has said so for years.",
        ]
    )
    assert [q.speaker for q in quotes] == ["Soren Halvik"]


def test_the_coach_is_the_person_named_last_in_the_quotations_paragraph() -> None:
    """'For Nils, the plan came from Venn, who cut the roster. “…,” the coach said.': Venn,
    named last before the quotation, not Nils, whom the sentence opens with."""
    quotes = find_quotes(
        [
            "Nils Ek hired Dario Venn as head coach in 2019.",
            "For Nils, the plan came from Venn, who cut the roster. “Half of them are filler,”"
            " the coach said.",
        ]
    )
    assert [q.speaker for q in quotes] == ["Venn"]


def test_a_one_word_name_before_an_irregular_verb_an_adverb_or_hopes_that_is_the_subject() -> None:
    """'Brink struck', 'Halim also clarified', 'Lind hopes that': the name, named in full
    elsewhere, is the subject that a later "he" or "the 29-year-old" stands for, not the name
    of an earlier sentence ("Demand rose" is no one: see the Rafe Olund test)."""
    struck = quotes(
        "Ola Brink beat Teo Vance in four sets on Sunday.",
        "Vance slipped on the baseline but kept going.",
        "Brink struck at the first chance and served out the match.",
        "“He never lets you settle,” said the 29-year-old.",
    )
    assert struck[-1].speaker == "Brink"
    also = quotes(
        "Transport Minister Halim Yusof denied that firms paid for the trip.",
        "Rosli Omar said the trip was a private one.",
        "At the briefing, Halim also clarified that the ministry paid its share.",
        "“We paid every ringgit,” he said.",
    )
    assert also[-1].speaker == "Halim"
    hopes = quotes(
        "Ivo Lind joined the survey in 2019.",
        "REEF found forty new corals last year.",
        "Lind hopes that REEF will map the whole coast.",
        "“The money will help,” he says.",
    )
    assert hopes[-1].speaker == "Lind"


def test_a_gerund_before_an_irregular_verb_is_no_subject() -> None:
    """'Filming began in Oslo.' then '“…,” she tells a magazine': Arn, not "Filming"."""
    found = quotes(
        "Tove Arn leads the cast.",
        "Filming began in Oslo in May. “It is like three films in one,” she tells a magazine.",
    )
    assert found[-1].speaker == "Tove Arn"


def test_the_name_before_who_speaks_for_the_relative_clause() -> None:
    """'The ban was mocked by rival mayors and Ada Voss who wrote online: “…”': Ada Voss, not
    "the ban"; the same with a comma and a name right after "by"."""
    (plain,) = quotes(
        "The ban was mocked by rival mayors and Ada Voss who wrote online: ‘The harbour has"
        " never looked emptier.’"
    )
    assert plain.speaker == "Ada Voss"
    (comma,) = quotes(
        "The toll was attacked by Nils Brandt, who said: “Nobody asked the fishermen.”"
    )
    assert comma.speaker == "Nils Brandt"


def test_a_state_after_a_town_in_an_opening_phrase_is_not_the_subject() -> None:
    """'Speaking at the plant in Tacoma, Washington, Chief Executive Ada Voss said …' then
    '“…,” she said': Ada Voss (the title dropped), not "Washington"."""
    found = quotes(
        "Speaking at the firm’s plant in Tacoma, Washington, Chief Executive Ada Voss said that"
        " the line would close.",
        "“We waited as long as we could,” she said.",
    )
    assert [q.speaker for q in found] == ["Ada Voss"]


def test_a_group_with_a_lower_case_modifier_is_a_speaker() -> None:
    """'That, and “the cost of a second dock were the reasons,” harbour officials wrote …':
    harbour officials (a modifier before a plural speaker), a quotation kept."""
    (found,) = quotes(
        "That, together with the silt and “the cost of a second dock were the reasons for the"
        " delay,” harbour officials wrote in a memo seen by the Gazette."
    )
    assert (found.speaker, found.fragment) == ("harbour officials", True)


def test_advises_and_instructs_are_speech_verbs() -> None:
    """'The leaflet advises families to keep water for a ‘few days.’': the leaflet's words."""
    advises = quotes("The council leaflet advises families to keep water for a ‘few days.’")
    assert [q.speaker for q in advises] == ["the council leaflet"]
    instructs = quotes("The manual instructs crews to “stop, look and call it in.”")
    assert [q.speaker for q in instructs] == ["the manual"]


def test_found_before_a_pronoun_is_speech_said_by_the_clauses_subject() -> None:
    """'Last May, the club dropped two coaches after an audit found they “may have misled” it':
    the audit's words, not "Last May" (a date, no name)."""
    (found,) = quotes(
        "Last May, the club dropped two coaches after an audit found they “may have misled”"
        " the board about the budget."
    )
    assert (found.text, found.speaker, found.fragment) == ("may have misled", "an audit", True)
    (dated,) = quotes("Last August, the board wrote that the costs “will rise again next year.”")
    assert dated.speaker == "the board"


def test_a_policys_name_is_no_quotation_and_a_title_before_of_state_is_no_name() -> None:
    """'suggested a policy of “dry docks” for the fleet': a name; with a comma and an
    attribution after it, a quotation. 'Deputy Secretary of State Ada Voss': Ada Voss."""
    assert quotes("Ada Voss suggested a policy of “dry docks” for the old fleet.") == []
    (said,) = quotes("The port chose a policy of “dry docks,” her aide said.")
    assert said.speaker == "her aide"
    (titled,) = quotes(
        "Deputy Secretary of State Ada Voss suggested the plan would “pay for itself.”"
    )
    assert titled.speaker == "Ada Voss"


def test_a_thing_called_a_name_is_no_quotation() -> None:
    """'issued new advice online today called ‘Ready for storms.’': the advice's name; "he
    called “…”", "Ruiz called “…”" and "officials called “…”" stay speech."""
    assert quotes("The county also issued new advice online today called ‘Ready for storms.’") == []
    assert quotes("The town opened a shelter called “Harbour House” in March.") == []
    (spoken,) = quotes("Later, officials called “a scandal” what the mayor did.")
    assert spoken.speaker == "officials"


def test_a_company_is_not_who_he_is() -> None:
    """'Since May, Acme charged the fee …' then '“…,” he said': Ivo Lind, who spoke before,
    not Acme, which the story calls "Acme Corp"."""
    found = quotes(
        "Acme Corp said on Monday it would cut its emissions.",
        "The fee “will pay for the cleanup,” Acme President Ivo Lind said.",
        "He added that the fee would grow.",
        "Since May, Acme charged the fee on every flight.",
        "“That money goes straight back into the work,” he said.",
    )
    assert (found[-1].speaker or "").endswith("Ivo Lind")


def test_the_main_clause_not_an_opening_subordinate_clause_gives_the_subject() -> None:
    """'After Ada Voss won on Monday, it was Mia Holt who …' and 'When Ada Voss left, Mia Holt
    took over …' then '“…,” she said': Mia Holt both times."""
    cleft = quotes(
        "After Ada Voss won her heat on Monday, it was Mia Holt who set the pace on Tuesday.",
        "“I wanted to start the day well,” she told the radio afterwards.",
    )
    assert cleft[-1].speaker == "Mia Holt"
    main = quotes(
        "When Ada Voss left the club in June, Mia Holt took over the squad.",
        "“It was a big step,” she said.",
    )
    assert main[-1].speaker == "Mia Holt"


def test_a_paragraph_of_quotation_alone_is_said_by_the_person_the_one_before_is_about() -> None:
    """'Holt meanwhile wrapped up her win in two hours.' then a paragraph that is all
    quotation, with no attribution: Holt's."""
    found = quotes(
        "Mia Holt and Ada Voss both reached the final.",
        "Holt meanwhile wrapped up her win in two hours, beating the top seed.",
        "“Having the others do well is amazing for all of us. We push each other.",
        "“It is nice to be around players like them.”",
    )
    assert [q.speaker for q in found] == ["Holt"]


def test_saying_after_a_pronoun_subject_keeps_the_fragment_for_that_person() -> None:
    """'In 2021, she dropped her claim against the port, saying she “…”': the fragment is
    kept, said by "she", who is Mara Lind, named before."""
    found = quotes(
        "Mara Lind sued the harbour board in 2019.",
        "In 2021, she dropped her claim against the board, saying she “may have misread the"
        " charts” at the time.",
    )
    assert [(q.text, q.speaker) for q in found] == [("may have misread the charts", "Mara Lind")]


def test_a_standfirst_repeating_a_quotation_takes_the_speaker_of_the_body() -> None:
    """A standfirst quoting words that the body then gives with "…," Ruiz said: Ruiz said
    them both times."""
    found = quotes(
        "Divers find a sunken harbour off the coast",
        "‘That nobody had looked under the sand bar in all those years is a puzzle’",
        "A team of divers mapped the old harbour walls this summer.",
        "“We knew the bay was shallow. That nobody had looked under the sand bar in all those"
        " years is a puzzle,” Ana"
        " Ruiz, who led the dives, said on Monday.",
    )
    assert [q.speaker for q in found] == ["Ana Ruiz", "Ana Ruiz"]


def test_words_two_people_said_give_a_quotation_alone_no_speaker() -> None:
    """A standfirst quoting words that two different people say in the body is left without
    a speaker."""
    found = quotes(
        "‘The docks need a fresh start after all these years of being left to rot away’",
        "“The docks need a fresh start after all these years of being left to rot away,” Ana"
        " Ruiz said.",
        "“I agree. The docks need a fresh start after all these years of being left to rot"
        " away,” said Tom Berg, who runs the ferry.",
    )
    assert [q.speaker for q in found] == [None, "Ana Ruiz", "Tom Berg"]


def test_a_name_after_the_quotation_not_the_last_word_of_its_role() -> None:
    """'“…,” Ana Ruiz, head of sales at Acme Trucks, Buses, and Vans, said': Ana Ruiz, not the
    last of the company's names."""
    found = quotes(
        "“We built every one of them to last,” Ana Ruiz, head of sales at Acme Trucks, Buses,"
        " and Vans, said in a statement.",
    )
    assert [q.speaker for q in found] == ["Ana Ruiz"]


def test_a_crosshead_crediting_a_quotation_is_no_quotation() -> None:
    """A whole paragraph "‘Short words’: Source" is a crosshead over the source's section, not a
    quotation; the same words said in the story still are."""
    paragraphs = [
        "The jobs report on Friday surprised most economists, who had expected a loss of jobs.",
        "‘Ends the recession debate’: Example Economics",
        "“The labour market held up far better than feared,” said Ana Ruiz of Example Economics.",
        "“Not the backdrop to raise rates”: Harbour Research",
        "Ivo Lind of Harbour Research said the bank would wait. “Not the backdrop to raise rates,”"
        " he wrote.",
        "“We will fight this”: that was the mayor's answer on Monday, Lind said.",
    ]
    found = [(q.text, q.speaker) for q in find_quotes(paragraphs)]
    assert ("Ends the recession debate", "Example Economics") not in found
    assert [text[:12] for text, _ in found] == ["The labour m", "Not the back", "We will figh"]
    assert found[1][1] == "Ivo Lind"


def test_a_surname_that_is_also_a_name_particle_is_a_speaker() -> None:
    """'“…,” said Della.': a capitalised particle closing a name is the surname (Della, Van, Von),
    and the people index takes it back to the full name; "he" after it is Della too."""
    paragraphs = [
        "Nina Della, the curator, opened the archive on Friday after twenty years of work.",
        "“We waited a long time for this room,” said Della.",
        "This, according to Della, changes little. “The work goes on,” she said.",
    ]
    found = find_quotes(paragraphs)
    assert [q.speaker for q in found] == ["Della", "Della"]
    assert quote_people(found, paragraphs) == ["Nina Della", "Nina Della"]


def test_a_speech_verb_after_and_is_said_by_the_sentences_subject() -> None:
    """'Ana Ruiz funds groups and has said, “…”': the subject of the first verb said it, a name
    or a pronoun resolved as usual; not the words before "and"."""
    found = quotes(
        "Ana Ruiz runs a small charity in the harbour town.",
        "She funds a dozen reading groups and has stated, “Every child should own a book.”",
        "Ivo Lind sold the old mill last year and said that the town was “ready to move on.”",
    )
    assert [q.speaker for q in found] == ["Ana Ruiz", "Ivo Lind"]


def test_the_elder_and_a_surname_opening_a_sentence_is_who_he_is() -> None:
    """'The elder Ruiz gives …. He funds … and has stated, “…”': "he" is that Ruiz, not the
    person named before; "the elder" is no speaker's name."""
    found = quotes(
        "Mayor Tom Lind praised the gift from Ivo Ruiz and his son at Monday's meeting.",
        "The elder Ruiz, 81, gives millions a year to schools. He has given to a dozen choirs."
        " He funds three libraries and has stated, “Every child should own a book.”",
    )
    assert [q.speaker for q in found] == ["Ruiz"]


def test_a_quotation_after_a_sentence_closed_by_she_said_is_hers() -> None:
    """'…, she said. “…”': the quotation standing as the next sentence is said by whoever said
    the sentence before it, a pronoun resolved as usual or a name."""
    found = quotes(
        "Ana Ruiz has driven a delivery truck in the valley for nine years.",
        "While the job pays for her insurance, the new rota leaves her no evenings, she said."
        " “I have saved for a long strike. We will do what it takes.”",
        "The depot will close for a week, Ivo Lind added. “Nobody wants that.”",
    )
    assert [q.speaker for q in found] == ["Ana Ruiz", "Ivo Lind"]


def test_she_named_in_an_appositive_five_paragraphs_back() -> None:
    """ "In 2015, one of the club's founders, Mara Quist, filed …" names who "she" is four
    paragraphs on, though "he" and another man come between ("he had locked her out" marks
    her, not him); the next paragraph's "She said she “…”" is the same woman, not the man
    named last."""
    found = quotes(
        "In 2015, one of the club’s founders, Mara Quist, filed a complaint saying he had"
        " locked her out of the hall.",
        "She kept the names of the board members private at first, but later named Ivo Dane"
        " and Tom Berg.",
        "Some details of Quist’s complaint have changed since then.",
        "She first said she was told in May, but she later said it was June.",
        "In 2021, she dropped her complaint against Berg, saying she “may have been wrong”"
        " about him.",
        "She said she “was angry at the time” and “it was a hard year.”",
    )
    assert [q.speaker for q in found] == ["Quist"] * 3


def test_a_role_and_a_name_before_an_irregular_past_verb_is_the_subject() -> None:
    """ "Harbour campaign chairman Ivo Lind wrote an op-ed …, calling it what he said was a
    “…”": the role words and name before "wrote" are the sentence's subject, so "he" is Lind,
    not the person named in the paragraph before."""
    found = quotes(
        "Donors blamed Senator Tom Berg for the loss, the letter says.",
        "Harbour campaign chairman Ivo Lind wrote an op-ed in the Example Post on Thursday,"
        " calling the board out for what he said was a “lazy response to a real threat.”",
    )
    assert [q.speaker for q in found] == ["Ivo Lind"]


def test_united_states_is_a_name_not_a_speech_verb() -> None:
    """ "The United States faced criticism …" holds no speech verb "states": nobody is said to
    speak, so the scare-quoted word after it is no quotation of "The United"."""
    found = quotes(
        "The United States faced stiff criticism on Tuesday over the decision, while the"
        " harbour board welcomed the “historic” move.",
    )
    assert [q.speaker for q in found] == []


def test_the_actor_in_the_sentence_before_a_quotation_is_who_the_paragraph_named() -> None:
    """ "With two films out, Ruiz has a lot on her plate. But what the actor likes most is a
    quiet life with Eva Lind. “…”": the quotation standing alone is the actor's, the one the
    sentence before opens with, not the woman named last."""
    found = quotes(
        "Ana Ruiz's best role will win her no awards.",
        "With two films out and a third in production, Ruiz has a lot on her plate. But what"
        " the actor likes most is a quiet life at home with Eva Lind and their dog."
        " “Everyone tells you a home changes you, and it is true.”",
    )
    assert [q.speaker for q in found] == ["Ruiz"]


def test_a_nickname_inside_a_name_is_no_quotation() -> None:
    """Ivo “Ivy” Lind, Dwayne “The Rock” Johnson: capitalised words quoted between two words
    of a name are a nickname, not words the person said."""
    found = quotes(
        "Harbour Mayor Ivo “Ivy” Lind said on Monday that the docks would close.",
        "Tom “The Hammer” Berg told reporters the “last shift” was on Friday.",
    )
    assert [(q.text, q.speaker) for q in found] == [("last shift", "Berg")]


def test_ordered_is_a_speech_verb() -> None:
    """ "“Hands up!” an officer ordered. “Step out.”": the officer said both."""
    found = quotes("“Hands up! Let me see your hands!” an officer ordered. “Step out.”")
    assert [q.speaker for q in found] == ["an officer", "an officer"]


def test_a_documents_name_with_to_inside_is_kept_whole() -> None:
    """ "According to the records released under the Access to Information Act, …": "to"
    between two capitalised words of the act's name does not end the source."""
    found = quotes(
        "According to the records released under the Access to Information Act, the move"
        " answered “a greater need for flexibility for staff.”",
    )
    assert [q.speaker for q in found] == [
        "the records released under the Access to Information Act"
    ]


def test_a_one_word_name_an_adverb_and_a_verb_before_saying() -> None:
    """ "Ruiz publicly backed the plan, saying that it “…”": the surname before an adverb and
    a past verb is the subject "saying" belongs to, so the fragment is kept as hers."""
    found = quotes(
        "Senator Ana Ruiz spoke at the depot on Monday.",
        "Ruiz publicly backed the pipeline, saying that it “would have brought real jobs” to"
        " the valley.",
    )
    assert [(q.text, q.speaker) for q in found] == [("would have brought real jobs", "Ruiz")]


def test_a_word_before_a_noun_and_a_far_speech_verb_is_no_subject() -> None:
    """ "Harbour banks are being asked …": a capitalised word is a one-word name only when a
    speech verb follows it directly or after adverbs ("Ruiz has long argued"), so "he" is
    the man named before, not "Harbour"."""
    found = quotes(
        "Ivo Lind runs the port authority.",
        "Harbour banks are being asked to lend more. “We will manage,” he said.",
    )
    assert [q.speaker for q in found] == ["Ivo Lind"]


def test_he_skips_a_subheading_to_the_speaker_before_it() -> None:
    """A subheading ("Urgent Situation") between the speaker's sentence and "he said" is no
    one's name: "he" is the man quoted before it."""
    found = quotes(
        "“Small lenders are swamped,” Ivo Lind said.",
        "Urgent Situation",
        "He also stressed that the need was urgent.",
        "“We have to move money to shops quickly,” he said.",
    )
    assert [q.speaker for q in found] == ["Ivo Lind", "Ivo Lind"]


def test_a_name_then_a_title_set_off_by_commas_is_the_speaker() -> None:
    """ "Ana Ruiz, CEO, said: “…”": the name before the title, not the title."""
    found = quotes("Ana Ruiz, CEO, said: “This has been a record year for the firm.”")
    assert [q.speaker for q in found] == ["Ana Ruiz"]


def test_a_name_then_a_description_ending_in_a_place_is_the_speaker() -> None:
    """ "Ivo Lind, a former bank economist who teaches at the University of Example, Harbour,
    has warned that …“…”": the campus after the description is no speaker; nor is the brother
    named at the end of one ("Tom Berg, the younger brother of the heir, Carl, has said")."""
    found = quotes(
        "Ivo Lind, a former bank economist who now teaches at the University of Example,"
        " Harbour, has warned that rates could “push the region into a harsh slump.”",
        "Tom Berg, the younger brother of the heir to the estate, Carl, has told friends"
        " that the interview was a “great success”.",
    )
    assert [q.speaker for q in found] == ["Ivo Lind", "Tom Berg"]


def test_said_a_role_then_the_name_after_a_comma_is_the_name() -> None:
    """ "“…,” said Acme chief executive officer, Ana Ruiz. “…”": the name after the role's
    comma speaks, for this quotation and the next."""
    found = quotes(
        "“The uptake by hospitals has been fast,” said Acme chief executive officer, Ana Ruiz."
        " “This will be a case study for the rest of the country.”",
    )
    assert [q.speaker for q in found] == ["Ana Ruiz", "Ana Ruiz"]


def test_a_term_before_a_naming_noun_is_no_quotation() -> None:
    """ "when does that “a-ha!” moment come?", "asked them to do a “direction finding” task":
    quoted words between a determiner and a noun such as moment, task or vote name a thing;
    the same words said as a claim still count."""
    found = quotes(
        "The team asked eight people to do a “direction finding” task, and wondered when that"
        " “a-ha!” moment comes.",
        "“It is a direction finding task,” Ana Ruiz said.",
    )
    assert [q.text for q in found] == ["It is a direction finding task"]


def test_single_words_quoted_as_options_are_no_quotations() -> None:
    """ "the share of people who “sometimes” or “often” go hungry": a survey's answers joined by
    "or"; after a speech verb ("called the plan “reckless” or “worse”") they are still said."""
    found = quotes(
        "According to a new survey, the share of people who “sometimes” or “often” go hungry"
        " has grown.",
        "Ana Ruiz called the plan “reckless” or “worse.”",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("reckless", "Ana Ruiz"),
        ("worse.", "Ana Ruiz"),
    ]


def test_in_a_persons_words_names_the_speaker() -> None:
    """ "In Dr. Ruiz's words, “…”", "In the words of Ivo Lind: “…”", "In her own words, “…”":
    the words are that person's, not those of the group named in the sentence before."""
    found = quotes(
        "Dr. Ana Ruiz led the study. The researchers wondered where the line lies.",
        "In Dr. Ruiz's words, “Could the moment be tied to our awareness of it?”",
        "In the words of Ivo Lind: “It works.”",
        "Ruiz smiled. In her own words, “It was the best year of my work.”",
    )
    assert [q.speaker for q in found] == ["Dr. Ruiz", "Ivo Lind", "Ruiz"]


def test_a_subheading_is_no_person_for_he_to_fall_back_on() -> None:
    """With no subject named in the sentences before, "he" is the person mentioned last; a
    title-cased subheading ("Urgent Situation") is not a person mentioned."""
    found = quotes(
        "The lender is run by Ivo Lind.",
        "Urgent Situation",
        "“We have to move money to shops quickly,” he said.",
    )
    assert [q.speaker for q in found] == ["Ivo Lind"]


def test_a_sentence_opening_with_a_run_cut_inside_one_word_is_read_without_error() -> None:
    """A sentence "Ana.Ana went home." before "She said …": the subject's run stops inside
    "Ana.Ana" and has no space to go back to (analyse raised ValueError on it)."""
    for first in ("Ana.Ana went home.", "Ruiz\tAna.Ana went home."):
        found = find_quotes([first, "She said, “We will go there now.”"])
        assert [q.text for q in found] == ["We will go there now."]


def test_an_opening_adverb_in_ly_is_no_person_for_he() -> None:
    """ "Originally trained as a chef, Lind said …": "Originally" (like "Generally",
    "Naturally", "Personally") opens the sentence; it is no one "he" can mean."""
    for adverb in ("Originally", "Generally", "Naturally", "Personally", "Incidentally"):
        found = quotes(
            "The painter Ivo Lind works from a barn.",
            f"{adverb} trained as a chef, Lind said the work was slow. “It takes years,” he says.",
        )
        assert [q.speaker for q in found] == ["Lind"], adverb


def test_a_body_after_a_role_of_is_no_speaker() -> None:
    """ "Ana Ruiz, managing director of Blue Harbour, said …" then an unattributed quotation:
    the speaker is Ruiz, not the firm she heads; and a body named that way ("owner of Oak
    and Stone Judo") is no one "he" can mean later."""
    found = quotes(
        "Ana Ruiz, managing director of Blue Harbour, said hiring had slowed.",
        "“It has been a hard year for many people looking for work.”",
    )
    assert [q.speaker for q in found] == ["Ana Ruiz"]
    found = quotes(
        "Ivo Lind, owner of Oak and Stone Judo studio, teaches veterans.",
        "Oak and Stone Judo is on Main Street. He also runs classes that bring Judo to schools.",
        "“It gave back to me,” he said.",
    )
    assert [q.speaker for q in found] == ["Ivo Lind"]


def test_a_role_after_a_works_name_is_the_person_named_before() -> None:
    """ "… the Silver Coast actress wrote": a description with the name of a show before the
    role stands for the person named before, as "the actress" does."""
    found = quotes(
        "Mara Venn shared a photo of her mother on Sunday.",
        "“My mother sent letters to soldiers overseas,” the Silver Coast actress wrote.",
    )
    assert [q.speaker for q in found] == ["Mara Venn"]


def test_a_name_after_which_is_the_speaker_not_the_thing() -> None:
    """ "The album, which Ivo Lind describes as “a diary”, …": the words are Lind's, not the
    album's; "he says" after it is Lind too."""
    found = quotes(
        "The album, which Ivo Lind describes as “a diary of a summer”, came out in May.",
        "The album sold well. “I wrote it in a week,” he says.",
    )
    assert [q.speaker for q in found] == ["Ivo Lind", "Ivo Lind"]


def test_a_quotation_after_she_said_that_is_hers() -> None:
    """ "Mara Venn, a lawyer, said …" "She said small firms could not pay more." then an
    unattributed quotation paragraph: the words are Venn's, as “…,” she said would be."""
    found = quotes(
        "Mara Venn, a lawyer in Leeds, said the leave mattered to many workers.",
        "She said small firms could not pay more, though most firms were small.",
        "“It is much harder to top up the pay. That is where the state has a part to play.”",
    )
    assert [q.speaker for q in found] == ["Mara Venn"]


def test_a_picture_note_between_name_and_verb_keeps_the_speaker() -> None:
    """ "“…,” Ivo Lind (pictured above) says.": the note about a photo is no hard stop."""
    found = quotes(
        "“The trade has been chasing the same faults for years,” Ivo Lind (pictured above) says.",
        "“We won the final,” Ana Ruiz (left) said.",
    )
    assert [q.speaker for q in found] == ["Ivo Lind", "Ana Ruiz"]


def test_a_quotation_whose_closing_mark_was_lost_at_its_paragraphs_end() -> None:
    # The page dropped the closing mark of a full sentence quoted after "said X.": it ends with
    # its paragraph (the next one is narration), and keeps the speaker of the quotation before.
    found = quotes(
        '"We raised about $4,000 at the fair," said Nora Pell. "Without our neighbours, the '
        "bakery would have closed for good.",
        "Fairs like this one have become common in the valley.",
    )
    assert [(q.text, q.speaker, q.fragment) for q in found] == [
        ("We raised about $4,000 at the fair", "Nora Pell", False),
        ("Without our neighbours, the bakery would have closed for good.", "Nora Pell", False),
    ]


def test_a_quotation_left_open_before_a_box_is_not_cut_short() -> None:
    # A paragraph opening with a mark just after a teaser may be the statement going on: its
    # end is not known, so the open part is not kept as a whole quotation.
    found = quotes(
        '"We heard from many staff," said Nora Pell. "Our staff are the backbone of the mill.',
        "Tomas Berg",
        "Mills in the north are closing, a survey found.",
        '"We will not give out any names."',
    )
    assert not any(q.text.startswith("Our staff") for q in found)
    assert found[0].text == "We heard from many staff"


def test_an_open_mark_inside_a_sentence_left_unclosed_is_no_quotation() -> None:
    found = quotes('Nora Pell called the closure of the mill a "disaster for the valley.')
    assert found == []


def test_a_statement_over_paragraphs_without_opening_marks_closed_with_its_credit() -> None:
    # A company statement printed over three paragraphs: only the first opens with a mark, and
    # the last closes it, followed by who wrote it.
    found = quotes(
        "The maker has now explained the fault in a note to buyers.",
        '"Our review of returned units shows that a faulty sensor caused the stalls.',
        "A software update will fix the sensor. We are testing it with our partners.",
        'We thank our customers for their patience," writes Corvane in the note.',
    )
    assert [(q.speaker, q.paragraph, q.fragment) for q in found] == [("Corvane", 1, False)]
    assert found[0].text.startswith("Our review of returned units")
    assert found[0].text.endswith("for their patience")


def test_a_quotation_opened_again_before_its_close_ends_with_its_last_sentence() -> None:
    # The page lost the first quotation's closing mark: a second “ opens with only one ” left.
    # The first ends with the last full sentence before the second; the narration between is
    # no one's words.
    found = quotes(
        "Ruiz said she has always spoken openly, and has “never kept it from anyone! The papers "
        "want a cover with the words ‘I left.’ She also said that people should judge her by "
        "her work, and “not by a headline on a cover!”"
    )
    assert [(q.text, q.speaker, q.fragment) for q in found] == [
        (
            "never kept it from anyone! The papers want a cover with the words ‘I left.’",
            "Ruiz",
            True,
        ),
        ("not by a headline on a cover!", "Ruiz", True),
    ]


def test_a_quotation_nested_in_the_same_marks_is_no_lost_close() -> None:
    # Two ” after the inner “: the inner is nested, and the outer is not cut before it.
    found = quotes(
        "“We heard all sorts. Some called us “cheats” online. It calmed down in a week,” "
        "said Nora Pell."
    )
    assert found[0].text.startswith("We heard all sorts. Some called us")


def test_a_long_title_after_titled_is_no_quotation() -> None:
    found = quotes(
        "Dr Ana Ruiz writes in an essay titled ‘Building Safer Streets for the Women of Our "
        "Growing Cities’ that “fear of violence limits where women can work.”"
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("fear of violence limits where women can work.", "Dr Ana Ruiz")
    ]


def test_a_clause_quoted_in_running_text_is_the_named_subjects() -> None:
    # No speech verb: six words or more in lower case, quoted after the name that opens the
    # sentence, are that person's words.
    found = quotes(
        "The mill closed in May. Nora Pell now plans to “take every child in the valley to "
        "the coast for a week.”"
    )
    assert [(q.text, q.speaker, q.fragment) for q in found] == [
        ("take every child in the valley to the coast for a week.", "Nora Pell", True)
    ]


def test_a_clause_quoted_after_no_named_subject_is_no_quotation() -> None:
    found = quotes("The new plan would “take every child in the valley to the coast for a week.”")
    assert found == []


def test_a_clause_quoted_after_an_opening_word_alone_is_no_quotation() -> None:
    # The text before the mark is one opening word and a space: no subject, and no error.
    assert quotes("However “take every child in the valley to the coast for a week.”") == []


def test_a_headline_ending_in_a_quotation_after_a_colon_is_no_quotation() -> None:
    # A related story's headline: a short quotation closes the line with no stop anywhere.
    found = quotes(
        "Bakers want to automate the oven. One mill says: ‘Not so fast’",
        "“We will keep baking by hand,” said Nora Pell.",
    )
    assert [(q.text, q.speaker) for q in found] == [("We will keep baking by hand", "Nora Pell")]
