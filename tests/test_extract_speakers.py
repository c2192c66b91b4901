"""Speakers as the article introduces them (issue 14, session 13): general forms, each on
invented text, not one page's wording."""

from __future__ import annotations

from newsterm.extract.quotes import find_quotes


def said(*paragraphs: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(list(paragraphs))]


def test_a_quotation_after_a_paragraph_about_one_person_quoted_before_is_theirs() -> None:
    """A paragraph of narration about one person already quoted, naming nobody else, hands
    the unattributed quotation after it to them; a paragraph about no one does not."""
    assert said(
        "“The nets came up empty,” said Oriel Vantongeren, who has fished the bay since 1980.",
        "For Vantongeren and his crew the lost season is personal, and the debt is growing.",
        "“We cannot wait for another year. The bank will not wait either.”",
    )[1] == ("We cannot wait for another year. The bank will not wait either.", "Oriel Vantongeren")
    assert said(
        "“The nets came up empty,” said Oriel Vantongeren, who has fished the bay since 1980.",
        "The harbour board has promised new moorings by the end of the decade.",
        "“We cannot wait for another year. The bank will not wait either.”",
    )[1] == ("We cannot wait for another year. The bank will not wait either.", None)
    assert said(
        "“The nets came up empty,” said Oriel Vantongeren, who has fished the bay since 1980.",
        "In March the board wrote to Vantongeren and to Mira Osei about the moorings.",
        "“We cannot wait for another year. The bank will not wait either.”",
    )[1] == ("We cannot wait for another year. The bank will not wait either.", None)


def test_a_description_goes_back_to_the_person_the_article_gave_that_role() -> None:
    """ "the economist said" after "Tomas Brekke, the port's chief economist," is Brekke,
    whoever was named last; "the photographer" after "photographer Ines Waldau" likewise;
    a role nobody was given stays as written."""
    assert said(
        "Tomas Brekke, the port authority's chief economist, expects the tonnage to fall.",
        "Freight rates rose for a third month, according to Lena Marsh of the shipping board.",
        "“Nobody is ordering new ships this winter,” the economist said.",
    )[-1] == ("Nobody is ordering new ships this winter", "Tomas Brekke")
    assert said(
        "When photographer Ines Waldau was twelve, she bought a camera at a jumble sale.",
        "Her pictures of the harbour hang in the town hall, beside those of Karl Dietz.",
        "“I never meant to keep any of them,” the photographer recalls.",
    )[-1] == ("I never meant to keep any of them", "Ines Waldau")
    assert said(
        "Karl Dietz opened the gallery in 2001 with money from the harbour fund.",
        "“We have never had so many visitors,” the curator said.",
    )[-1] == ("We have never had so many visitors", "the curator")


def test_an_age_goes_back_to_the_person_given_it() -> None:
    """ "the 52-year-old said" after "Ana Okafor, 52," is Okafor."""
    assert said(
        "Ana Okafor, 52, has run the ferry kiosk since the harbour reopened.",
        "The council wants the kiosk gone by spring, Mayor Piet Hanssen told reporters.",
        "“I will stay until they carry me out,” the 52-year-old said.",
    )[-1] == ("I will stay until they carry me out", "Ana Okafor")


def test_he_goes_on_being_the_subject_not_a_person_named_as_an_object() -> None:
    """A run of sentences about "he" keeps "he said" on the person it started with; someone
    named on the way only as an object ("studied with Yuki Sato") is not "he"; someone who
    opens a sentence is."""
    story = [
        "Dario Melchor, owner of a boatyard on the river, teaches sailing to veterans.",
        "“The water is where I learned to breathe again,” he said.",
        "The boatyard opens at dawn on weekdays. Its slipway was rebuilt in the spring.",
        "He has taught about forty students this year, most of them from the base.",
        "Long before that, he studied boat building in Lisbon with Yuki Sato.",
        "In the army he led small crews on the coast. He also kept a log of every trip.",
    ]
    assert said(*story, "“Every hull teaches you patience,” he said.")[-1] == (
        "Every hull teaches you patience",
        "Dario Melchor",
    )
    assert said(
        *story,
        "Sato later opened a yard of her own. He still visits it every spring.",
        "“Every hull teaches you patience,” he said.",
    )[-1] == ("Every hull teaches you patience", "Sato")


def test_he_or_a_name_and_any_verb_right_after_a_quotation_s_comma_say_it() -> None:
    """ "“…,” he remembers" and "“…,” Ruiz laughs": a pronoun or a name with a verb in the
    present or the past right after the quotation's comma is who said it."""
    assert said(
        "As a boy, painter Milo Estrada sold postcards at the ferry terminal.",
        "“I drew every boat that came in,” he remembers, “and sold the drawings for a penny.”",
    )[0] == ("I drew every boat that came in", "Milo Estrada")
    assert said(
        "Milo Estrada still paints the harbour every morning.",
        "“The gulls are my only critics,” Estrada laughs.",
    ) == [("The gulls are my only critics", "Estrada")]


def test_a_description_with_its_own_relative_clause_is_the_person_named_before() -> None:
    """ "The singer, who tours with the Harbour Boys, added that “…”": the singer, named
    before, not the band named inside the description's own clause."""
    assert said(
        "Ana Ruiz, who sings with a folk trio, has played the harbour festival for years.",
        "The singer, who is touring with the Harbour Boys this summer, added that “I love the"
        " sea.”",
    ) == [("I love the sea.", "Ana Ruiz")]


def test_a_body_s_description_is_not_taken_back_to_a_name_before_it() -> None:
    """ "the ruling party has vowed to “…”" after "the Harbour Dues Act, the ruling party
    …": a party is a body, never a person introduced with a role; it stays as written."""
    assert said(
        "After the scandal over the Harbour Dues Act, the ruling party has vowed to “end the"
        " dues in the future.”",
    ) == [("end the dues in the future.", "the ruling party")]


def test_a_name_and_a_verb_are_not_one_speaker() -> None:
    """ "“…,” Ruiz began, before being asked again if she would say …": Ruiz, not "Ruiz
    began"; an irregular past verb right after the quotation's comma names the speaker as
    "-ed" verbs do."""
    assert said(
        "Catalina Ruiz faced the harbour board on Tuesday night.",
        "“The dues were never fair,” Ruiz began, before being asked again if she would say"
        " this to the minister, who owns a marina in the bay.",
        "“If it is a meeting, then I will meet him,” she said.",
    ) == [
        ("The dues were never fair", "Ruiz"),
        ("If it is a meeting, then I will meet him", "Ruiz"),
    ]


def test_a_place_based_adjective_is_no_one() -> None:
    """ "The Leeds-based firm has a programme …" opens with no person: "Leeds-based" is an
    adjective, never a speaker."""
    quotes = said(
        "Ivo Brandt runs the harbour trust.",
        "The Harbour Trust has become an incubator for ferry firms. The Port Alba-based trust"
        " has a scheme it calls “Sail, Steer, Dock,” which guides three firms at a time."
        "“It is modelled on sailing lessons,” said Ivo Brandt, its director. “Most of them"
        " find that it doesn’t really go anywhere,” he said.",
    )
    assert all(speaker != "Port Alba-based" for _text, speaker in quotes)
    assert quotes[-1][1] == "Ivo Brandt"


def test_an_age_set_off_in_a_subordinate_clause_does_not_make_its_person_the_subject() -> None:
    """ "While Aisha, 36, waits …, Mariam Okoro hands …" then "she says, “…”": the main
    clause's subject is the "she", not the one in the "while" clause."""
    assert said(
        "“At night the harbour was empty,” says Aisha Rono as she sells maize. While Aisha, 36,"
        " is waiting for another customer, Mariam Okoro has just handed a parcel to the"
        " guest house.",
        "She walks the street at night without fear. Though the lights are new, she says,"
        " compared to a year ago, “It was hard to find women in the streets after six.”",
    )[-1] == ("It was hard to find women in the streets after six.", "Mariam Okoro")


def test_a_name_in_a_when_clause_does_not_take_the_main_clause_s_speech() -> None:
    """ "However, when party leader Ivo Noda pressed her to resign, the mayor said only: “…”":
    the mayor (the person given that role), not Noda."""
    assert said(
        "Mayor Ana Ruiz faced the council on Tuesday.",
        "However, when Harbour Party leader Ivo Noda pressed Ruiz to resign, the mayor said"
        " only: “I will not go.”",
    ) == [("I will not go.", "Ruiz")]
    assert said(
        "When Ivo Noda pressed her to resign, the treasurer said only: “I will not go.”",
    ) == [("I will not go.", "the treasurer")]


def test_a_second_quotation_whose_closing_mark_the_page_left_off_ends_with_its_paragraph() -> None:
    """ "“…,” said Tia. “Without them my son would not be here." and then narration: the
    page left the closing mark off; the quotation ends with its paragraph. One opened with
    nothing closed before it, or not ending as a sentence, is still not trusted."""
    assert said(
        "“We have raised about $5,000 so far,” said Tia Marsh. “Without these people, I truly"
        " believe my son would not be here.",
        "Each year more families turn to crowdfunding to pay for care.",
    ) == [
        ("We have raised about $5,000 so far", "Tia Marsh"),
        ("Without these people, I truly believe my son would not be here.", "Tia Marsh"),
    ]
    assert (
        said(
            "Tia Marsh said the fund “would keep going until the bills are paid.",
            "Each year more families turn to crowdfunding to pay for care.",
        )
        == []
    )
    assert said(
        "“We have raised about $5,000 so far,” said Tia Marsh. “Without these people and their",
        "Each year more families turn to crowdfunding to pay for care.",
    ) == [("We have raised about $5,000 so far", "Tia Marsh")]


def test_concurred_is_a_speech_verb() -> None:
    """ "The panel concurred that it was a “taboo” genre": said by the panel, as "agreed"."""
    assert said(
        "Ana Ruiz asked why romance novels sell but are mocked. The authors concurred that it"
        " was a “taboo” genre."
    ) == [("taboo", "the authors")]


def test_saying_after_a_quoted_fragment_is_said_by_the_sentence_s_subject() -> None:
    """ "Ivo Baba criticized Ruiz’s “change of course,” saying, “…”": Baba, as after a plain
    comma ("criticized Ruiz’s plan, saying")."""
    assert said(
        "Ivo Baba criticized Ana Ruiz’s “change of course,” saying, “[Ruiz] is deviating from"
        " what the people expect.”"
    )[-1] == ("[Ruiz] is deviating from what the people expect.", "Ivo Baba")
