"""Boilerplate, bylines, datelines and the clean body."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsterm.extract import analyse
from newsterm.extract.boilerplate import credit_clauses, drop_story_links, is_boilerplate
from newsterm.extract.byline import find_dateline, parse_byline
from newsterm.extract.text import parse_article_text

BODY = "The council met on Tuesday and approved the budget for next year."


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Comment",
        "Add A Comment",
        "Show Full Article",
        "Share this article",
        "Share",
        "Appeared in the May 3, 2026, print edition as 'Council Approves Budget'.",
        "Copyright ©2026 Example Media Company, Inc. All Rights Reserved.",
        "© 2026 Example News",
        "Advertisement",
        "ADVERTISEMENT",
        "Supported by",
        "Skip advertisement",
        "Story continues below advertisement",
        "Photo: Jane Roe/Getty Images",
        "PHOTO: JANE ROE/EXAMPLE NEWS",
        "Photograph: Jane Roe/The Guardian",
        "Crowds in the square on Monday. Photograph: Jane Roe/Reuters",
        "(AP Photo/Jane Roe)",
        "Jane Roe/AFP via Getty Images",
        "Sign up for our morning newsletter.",
        "Read more: Why the budget matters",
        "Related: The council’s long fight",
        "Related Articles",
        "Click here to subscribe",
        "Updated May 3, 2026 10:14 am ET",
        "5 min read",
        "https://example.com/more",
        "A version of this article appears in print on May 3, 2026, Section A, Page 6.",
        "The Associated Press receives support from Example Foundation for its coverage.",
        "More:",
        "More: Council votes to close the branch library",
        "Related post: How to pickle beetroot",
        "Related Links",
        "Filed under: Courts | Harbour",
        "Monday, May 4, 2026",
        "May 4, 2026 at 10:32 am ET",
        "4 May 2026, 10:32",
        "Nov. 18, 2025 10:32 a.m. EST",
        "Please turn off your ad blocker so that you can keep reading our journalism.",
        "To read on, disable your adblocker or allowlist example.com.",
        "See more photos:",
        "See more: The harbour in pictures",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "Posted in 2019, the video showed a crowd outside the town hall.",
        "Research by Oxford economists shows the plan would cost more.",
        "Sharing the load, the two councils merged their libraries.",
        "Related costs rose by 4% last year, the report said.",
        "The photo, taken in 1972, shows the old pier.",
        "More than 40 people came to the meeting.",
        "May the best choir win, the mayor said.",
        "Monday, May 4, 2026 was the day the bridge reopened.",
        "Related to the case, the judge ruled on Friday.",
        "The council voted to block the sale of the ad agency's old offices.",
        "Add a comment to the plan, the mayor said, and we will look at it.",
        "Show full article pages to readers who pay, the publisher decided.",
    ],
)
def test_prose_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)
    assert credit_clauses(line) is None


def test_boilerplate_is_removed_wherever_it_stands() -> None:
    result = analyse(
        "Budget passes",
        ["Budget passes", "Advertisement", BODY, "Sign up for our newsletter", BODY + " Again."],
    )
    assert result.paragraphs == [BODY, BODY + " Again."]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
        ("By JANE ROE, Associated Press", ["Jane Roe"]),
        ("By JANE ROE and TOM O'REID Associated Press", ["Jane Roe", "Tom O'Reid"]),
        ("By Ana Lima, Tom Reid and Ida Berg", ["Ana Lima", "Tom Reid", "Ida Berg"]),
        ("By Mateo Alvarez | The Example Courier", ["Mateo Alvarez"]),
        ("BY ANA DE LA CRUZ", ["Ana de la Cruz"]),
        ("By Tuesday, the crowd had left.", None),
        ("By noon", None),
    ],
)
def test_bylines(line: str, names: list[str] | None) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("LAGOS, Nigeria — Traders closed their stalls.", "LAGOS, Nigeria"),
        ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON (AP)"),
        ("LONDON, May 3 (Reuters) - Shares fell.", "LONDON, May 3 (Reuters)"),
        ("NEW YORK -- Stocks rose.", "NEW YORK"),
        ("U.S. officials — all of them — declined.", None),
        ("AI — the technology — is everywhere.", None),
        (BODY, None),
    ],
)
def test_datelines(paragraph: str, dateline: str | None) -> None:
    assert find_dateline(paragraph) == dateline


def test_dateline_stays_in_the_text() -> None:
    first = "WASHINGTON (AP) — The Senate voted on Tuesday to pass the budget."
    result = analyse("Budget", ["By JANE ROE, Associated Press", first])
    assert result.dateline == "WASHINGTON (AP)"
    assert result.paragraphs == [first]
    assert result.authors == ["Jane Roe"]


def test_parse_article_text_takes_the_first_line_as_title() -> None:
    text = "\r\n  Title here  \r\n\r\nFirst para\r\nwraps.\r\n\r\n\r\nSecond.\x1b[31m\r\n"
    assert parse_article_text(text) == ("Title here", ["First para wraps.", "Second."])
    assert parse_article_text("") == ("", [])


def test_reading_time_is_238_words_a_minute_rounded_up() -> None:
    words = " ".join(["word"] * 239)
    result = analyse("T", [words])
    assert (result.word_count, result.reading_minutes) == (239, 2)
    assert analyse("T", []).reading_minutes == 1


def test_caseless_needs_no_more_than_ascii_case_folding() -> None:
    """What lexicon.caseless() relies on, checked against this Python's Unicode."""
    import sys

    lowering_to_ascii = {
        chr(code): chr(code).lower()
        for code in range(128, sys.maxunicode + 1)
        if any(c.isascii() for c in chr(code).lower())
    }
    assert lowering_to_ascii == {"\u0130": "i\u0307", "\u212a": "k"}


@given(
    st.lists(
        st.sampled_from(["[", "AT", "at", "]", " ", "DoT", "\u0130", "\u0131", "\u017f", "\u212a"])
        | st.sampled_from(["contributed", "CONTRIBUTED", "helped with", "Helped With", "x"])
        | st.text(max_size=3),
        max_size=20,
    ).map("".join)
)
def test_caseless_finds_what_lower_would(text: str) -> None:
    from newsterm.extract.lexicon import caseless

    for needles in (("[at]", "(at)"), (" dot ",), ("contributed", "helped with")):
        expected = any(needle in text.lower() for needle in needles)
        assert (caseless(*needles).search(text) is not None) == expected


def test_caseless_refuses_needles_lower_could_reach_otherwise() -> None:
    from newsterm.extract.lexicon import caseless

    for needle in ("kelvin", "hi", "Dot", "café"):
        with pytest.raises(ValueError):
            caseless(needle)


def test_byline_drops_an_outlets_initials_after_the_names() -> None:
    from newsterm.extract.byline import page_byline

    assert page_byline("By Mira Olsen, KXT") == ["Mira Olsen"]
    assert page_byline("By Mira Olsen and Tam Berg, BNN") == ["Mira Olsen", "Tam Berg"]


def test_byline_date_after_the_name_may_have_an_ordinal_day() -> None:
    from newsterm.extract.byline import page_byline

    assert page_byline("By Ivo Brandt on Tuesday, March 3rd, 2020") == ["Ivo Brandt"]


def test_byline_role_or_outlet_after_the_name_without_a_comma() -> None:
    from newsterm.extract.byline import page_byline

    for line in (
        "By Ivo Brandt - Staff Writer",
        "By IVO BRANDT / Staff Writer",
        "Ivo Brandt / The Valley Courier",
        "By Ivo Brandt Senior Reporter",
        "By Ivo BrandtSenior Business Columnist",
        "By Ivo Brandt Special to the Valley Courier",
        "By Ivo Brandt for The Valley Courier",
        "By Ivo Brandt (KXT)",
        "By Ivo Brandt Updated 9:02 AM EDT, Tue March 3, 2020",
    ):
        assert page_byline(line) == ["Ivo Brandt"], line


def test_a_bare_name_line_with_its_role_after_a_comma_is_a_byline() -> None:
    from newsterm.extract.byline import page_byline

    for line in ("Ivo Brandt, Staff Writer", "Ivo Brandt, Senior Reporter"):
        assert page_byline(line, bare=True) == ["Ivo Brandt"], line
    assert page_byline("Pittsburgh, Staff Writer", bare=True) is None  # one word: no name


def test_a_bare_line_of_two_names_is_two_authors_but_a_place_or_outlet_is_not() -> None:
    """'Ana Ruiz, Ivo Lind': both wrote it; 'Ana Ruiz, New York', '…, Harbour Town Gazette',
    '…, Eastfield Cricket Ground', '…, Data Journalist': one author."""
    from newsterm.extract.byline import page_byline

    assert page_byline("Ana Ruiz, Ivo Lind", bare=True) == ["Ana Ruiz", "Ivo Lind"]
    assert page_byline("Ana Ruiz, Ivo Lind, Harbour Globe", bare=True) == ["Ana Ruiz", "Ivo Lind"]
    for line in (
        "Ana Ruiz, New York",
        "Ana Ruiz, Salt Lake City",
        "Ana Ruiz, Harbour Town Gazette",
        "Ana Ruiz, Eastfield Cricket Ground",
        "Ana Ruiz, Data Journalist",
    ):
        assert page_byline(line, bare=True) == ["Ana Ruiz"], line


def test_byline_time_after_the_name_or_how_long_ago() -> None:
    from newsterm.extract.byline import page_byline

    assert page_byline("By Ivo Brandt on Tuesday, March 3rd, 2020 at 8:40 p.m.") == ["Ivo Brandt"]
    for line in ("Ivo Brandt 2 days ago", "Ivo Brandt · 40 min ago", "Ivo Brandt an hour ago"):
        assert page_byline(line) == ["Ivo Brandt"], line


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Author: Ivo O'Brandt", ["Ivo O'Brandt"]),
        ("Author: Ana Ruiz (ar)", ["Ana Ruiz"]),
        ("By Ana Ruiz • @aruiz", ["Ana Ruiz"]),
        (
            "Written by Ana Ruiz in Harbours on 2 May 2021 at 08:34 PM EDT. Add A Comment",
            ["Ana Ruiz"],
        ),
        ("By Ana Ruiz | 12 Comments", ["Ana Ruiz"]),
    ],
)
def test_bylines_with_an_author_label_a_handle_or_a_comments_link(
    line: str, names: list[str]
) -> None:
    """ "Author: X" on one line, a handle after a bullet, and a comments link closing the line
    (held-out-8's pages printed each; all gave no author before)."""
    from newsterm.extract.byline import page_byline

    assert page_byline(line) == names
    assert page_byline("Comments") is None
    assert page_byline("Authorities said on Monday that the road would close") is None


def test_byline_naming_an_account_after_the_pages_other_fields() -> None:
    from newsterm.extract.byline import page_byline

    assert page_byline("March 2, 2020/4 Comments/in Local News /by harbourdesk") == ["harbourdesk"]
    assert page_byline("By webteam - 2020-03-02") == ["webteam"]
    assert page_byline("By contrast") is None
    assert page_byline("By comparison") is None


@pytest.mark.parametrize(
    "line", ["With Example wires", "— With files from Example Press", "With wire services."]
)
def test_a_wire_credit_is_a_credit_line(line: str) -> None:
    assert credit_clauses(line) == [line.strip(" .—-")]
    result = analyse("Title", [BODY, line])
    assert result.paragraphs == [BODY]


def test_a_sentence_starting_with_with_is_not_a_credit() -> None:
    line = "With the wires cut, the town lost its phones for a week."
    assert credit_clauses(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Crews clear the harbour road on Monday. Credit Jana Weiss/The Northbank Courier",
        "Volunteers sort parcels at the depot. Credit Omar Haddad for The Valley Times",
        "The old mill before the fire. Credit Lena Ortiz/Example Press — Stock Agency",
        "Ferries wait out the storm in the bay. (Reuters)",
        "Ferries wait out the storm in the bay. (AP Photo)",
        "Traders on the floor as the index fell. (Jana Weiss / The Northbank Courier)",
        "The launch pad before the test, the agency said.(Omar Haddad/ Space Office photo via AP)",
        "A draft law would make carriers keep call records for two years. Source: Supplied",
        "[Read: Why the harbour plan stalled for a decade]",
        "[Harbour town counts the cost of the winter floods]",
        "[What to know this morning: get the Valley Briefing in your inbox.]",
        "This article originally appeared on The Valley Review.",
        "This story was first published by Example Weekly.",
        "Read the full transcript of the interview",
        "View photo",
        "View the gallery",
        "Expand full story",
        "Map: Where the new bus lanes will run",
        "Powered by ExampleRates.com",
        "Like us on Facebook",
        "Share this: Share Facebook Twitter Email",
        "Facebook",
        "EXCLUSIVE",
        "Loading Photo Gallery",
        "Next Page Continued on Next Page >> 1 2",
        "This version corrects the spelling of the valley's name.",
        "1 / 5",
        "3 of 12",
        "$7/month",
        "$60/person/year",
        "Valley Money (Northbank) First published March 3, 2026: 9:15 AM ET",
        "Towns are changing fast. Keep up with the Valley Daily newsletter.",
    ],
)
def test_saved_article_furniture_lines(line: str) -> None:
    """Captions ending in their credit, links to other stories, promotions and page labels
    that saved .txt articles keep."""
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Shares of the lender fell after the results. Credit Suisse declined to comment.",
        "The bank said losses narrowed. Credit Suisse Group AG, the rival, did not.",
        "Fans sang outside the MIDFLORIDA Credit Union Amphitheatre, Tampa, FL",
        "Das Thema wird seit Jahren diskutiert: Die elektronische Patientenakte (ePA)",
        "The regulator is the Environmental Protection Agency (EPA)",
        "“Help those in need,” the imam told worshippers. [Ni’matul Ukhuwah hal. 41]",
        "[Author, p. 41]",
        "Originally published in 1952, the novel sold a million copies.",
        "The book was first published in 1952 and sold a million copies.",
        "First published in 1952, the novel sold a million copies.",
        "Read the full story of how the harbour was saved, and you will see why it matters.",
        "Powered by solar panels and a small turbine, the ferry crossed the bay in an hour.",
        "Twelve of the 30 councillors voted for the plan, 18 against.",
        "The source said: “Nothing was decided on Monday.”",
        "Loading the trucks took three hours, the driver said.",
        "Breaking the deadlock, the mayor called a second vote on Friday.",
    ],
)
def test_saved_article_prose_stays(line: str) -> None:
    """Prose that looks like those lines at a glance stays in the body."""
    assert not is_boilerplate(line)


def test_a_saved_article_loses_its_caption_and_keeps_its_story() -> None:
    text = "\n\n".join(
        [
            "Harbour plan approved",
            "Crews clear the harbour road on Monday. Credit Jana Weiss/The Northbank Courier",
            BODY,
            "[Read: Why the harbour plan stalled for a decade]",
            "The work starts in June, the council said.",
            "This article originally appeared on The Valley Review.",
        ]
    )
    title, paragraphs = parse_article_text(text)
    assert analyse(title, paragraphs).paragraphs == [
        BODY,
        "The work starts in June, the council said.",
    ]


_PROSE = [
    "The harbour board voted on Tuesday to rebuild the old sea wall before the winter storms.",
    "Work is due to start in March and the board expects it to take two years to finish.",
]


def test_other_stories_listed_among_the_paragraphs_are_dropped() -> None:
    listed = [
        "Read more:",
        "Ferry crews walk out over the new rota",
        "A lighthouse keeper's diary goes on show",
    ]
    assert drop_story_links([*_PROSE, *listed]) == _PROSE
    run = [
        "Seal Pup Found Asleep in a Bakery Van Outside the Market",
        "Council Names the New Bridge After a Local Swimmer",
        "Storm Warning Issued for the Whole Northern Coast",
    ]
    assert drop_story_links([_PROSE[0], *run, _PROSE[1]]) == _PROSE
    plans = ["Monthly", "$9/month", "A simple plan you can stop at any time.", "Annual"]
    paying = "We accept credit cards, PayPal and bank transfers."
    assert drop_story_links([*_PROSE, *plans, paying]) == [*_PROSE, "Annual"]


def test_lists_that_belong_to_the_article_stay() -> None:
    dates = [
        "June 9 – Harbour Hall, Portsmouth @ The Pier Theatre",
        "June 10 – Grand Arena, Brighton",
        "June 12 -- The Old Market Hall, Hove",
    ]
    named = [
        "The board's three new members are:",
        "Mayor Ana Ruiz of the Harbour Board and Council",
        "Deputy Mayor Ben Cole of the Ferry Company Board",
        "Councillor Jana Weiss of the Northern Ward Office",
    ]
    lead = ["Harbour Wall Will Be Rebuilt Before Winter", "By Ana Ruiz | The Example Courier"]
    steps = ["Read more:", "The board said the wall would cost four million pounds to rebuild."]
    monthly = ["Monthly", "Fares rise in January, the ferry company said on Monday morning."]
    for lines in (dates, named, lead, steps, monthly):
        assert drop_story_links([*_PROSE, *lines]) == [*_PROSE, *lines]
    # Title-case lines before the first sentence of prose are the headline and the standfirst.
    top = [
        "Harbour Wall Will Be Rebuilt Before the Winter",
        "Board Approves the Plan After a Long Debate",
        "Work Starts in March and Should Take Two Years",
    ]
    assert drop_story_links([*top, *_PROSE]) == [*top, *_PROSE]


@pytest.mark.parametrize(
    "line",
    [
        "Follow on Twitter",
        "Share This Video",
        "Enlarge",
        "Enlarge this photo",
        "on March 4, 2026 at 9:12 AM",
        "Topics: Harbour, Ferries",
        "The opinions expressed here are the views of the writer and not those of Example Sport.",
        "Views expressed in this column are the author's own.",
        "7730214",
        "3 of 12. Divers check their masks on the quay before the search on Monday.",
        "#Harbour24: A day in the life of the busiest port in the north",
        "Twitter: Ana Ruiz - The ferry has just left the harbour with the last passengers",
        "Caught in the storm? Please share your photos and videos at Example Witness.",
        "Families wait by the harbour wall for news (Getty)",
        "Jane Roe/for The Example Daily Mayor Lind opens the new bridge on Monday.",
        "Divers check their gear on the quay before the search in Example Port (AP)",
        "Families wait for news at the ferry terminal in Example Port (EPA)",
        "The last ferry has left the quay. — Ana Ruiz (@anaruiz) May 3, 2026",
        "Harbour festival lights up the old docks, in pictures",
        "More about the harbour wall and the ferries",
        "(Harbour Flight 8501: What we know so far about the ferry’s disappearance)",
    ],
)
def test_more_furniture_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Follow-on talks are planned for March, the ministry said.",
        "On March 4, 2026 the council met to vote on the harbour wall.",
        "Topics discussed at the meeting included the ferry timetable and the harbour wall.",
        "The views expressed by residents at the meeting were mostly against the plan.",
        "2026",
        "3 of 12 divers were back on the quay by noon, officials said.",
        "“Please share your photos with the police,” the sheriff said.",
        "Families were told the news on Monday, the agency (AFP) said.",
        "The shipping agency said it would look into the complaint (AFP).",
        "Share prices fell by 4 percent on Monday after the results.",
        "Twitter said on Monday it would look into the complaints.",
        "The rules were written by the Environmental Protection Agency (EPA).",
        "WASHINGTON (AP)",
        "More on that later.",
        "She wrote to Ana Ruiz (@anaruiz) on May 3, 2026 about the ferry.",
        "(Correction: An earlier version of this story misspelled the name of the harbour)",
        "(Editor’s note: Ana Ruiz is a member of the harbour board)",
        "(The harbour board: a history of three hundred years of ferries.)",
    ],
)
def test_prose_near_the_new_furniture_forms_stays(line: str) -> None:
    assert not is_boilerplate(line)


def test_captions_and_teasers_before_a_wire_dateline_are_dropped() -> None:
    top = [
        "By Ana Ruiz",
        "Ferries wait at the quay in Example Port on May 3, 2026.",
        "The best and worst of the harbour festival in 2026.",
    ]
    story = [
        "EXAMPLE PORT (Reuters) - The harbour board voted on Tuesday to rebuild the sea wall.",
        "Ferries wait at the quay while the work goes on, the board said.",
    ]
    assert drop_story_links([*top, *story]) == ["By Ana Ruiz", *story]
    # Without a wire dateline the same lines are left to the other rules.
    plain = [*top, "The harbour board voted on Tuesday to rebuild the sea wall."]
    assert drop_story_links(plain) == plain


def test_a_plan_with_its_price_and_what_it_gives_is_dropped() -> None:
    plans = ["Corporate", "$60/person/year", "Keep the whole office up to date."]
    assert drop_story_links([*_PROSE, *plans]) == _PROSE


def test_a_press_releases_closing_company_profile_is_dropped() -> None:
    profile = [
        "About Harbourline",
        "Harbourline is a leading maker of ferry software for ports in Europe and Asia.",
        "Harbourline is headquartered in Example Port and employs 400 people.",
    ]
    assert drop_story_links([*_PROSE, *profile]) == _PROSE
    assert drop_story_links([*_PROSE, *profile[1:]]) == _PROSE


def test_a_story_closing_on_facts_about_a_company_keeps_them() -> None:
    one_fact = ["Harbourline is headquartered in Example Port, the board said."]
    pronoun = [
        "It is a leading maker of ferry software and is headquartered in Example Port.",
        "It employs 400 people, most of them on the quay.",
    ]
    other = [
        "Harbourline is a leading maker of ferry software.",
        "Quayside is headquartered in Example Port and employs 400 people.",
    ]
    for lines in (one_fact, pronoun, other):
        assert drop_story_links([*_PROSE, *lines]) == [*_PROSE, *lines]


def test_a_subscription_offer_with_a_code_is_furniture_a_deal_in_the_story_is_not() -> None:
    assert is_boilerplate(
        "Get the Example Pro subscription for a year at half price. Use the code HARBOUR50."
    )
    assert not is_boilerplate("Shoppers can use the code HARBOUR50 to take 20% off ferry tickets.")


def test_a_caption_printed_again_in_its_credit_line_is_dropped() -> None:
    caption = "Divers check their gear on the quay."
    credit = "Credit: Jane Roe View full size image Divers check their gear on the quay."
    assert drop_story_links([*_PROSE, caption, credit]) == [*_PROSE, credit]
    assert drop_story_links([*_PROSE, caption, _PROSE[0]]) == [*_PROSE, caption, _PROSE[0]]


def test_a_label_right_above_the_first_sentence_is_dropped_a_byline_label_is_not() -> None:
    byline = "By ANA RUIZ May 3, 2026"
    assert drop_story_links([byline, "'Ferry' Cam Search:", *_PROSE]) == [byline, *_PROSE]
    for label in ("By:", "Author:", "Editor’s note:", "Contact:"):
        assert drop_story_links([label, "Ana Ruiz", *_PROSE]) == [label, "Ana Ruiz", *_PROSE]
        assert drop_story_links([byline, label, *_PROSE]) == [byline, label, *_PROSE]
    listed = ["Banned foods:", "Sugar", "Salt", *_PROSE]
    assert drop_story_links(listed) == listed
    later = [*_PROSE, "Ferry Cam Search:", _PROSE[0]]
    assert drop_story_links(later) == later


@pytest.mark.parametrize(
    "line",
    [
        "Tweet may have been deleted",
        "Tagged: ferries, harbour board, Lena Fisk, sea walls",
        "In Video:Harbour board votes to rebuild the old sea wall",
        "TAGS/ Ferries, Harbour Board, Sea Walls",
        "Read More About: Ferries, Harbour Board",
        "Read this story in Welsh",
        "Download the FREE Harbour Daily app",
        "Story Continued Below",
        "Recent Harbour Content",
        "Popular Video",
        "Related Story",
        "Know something we don't? E-mail us at tips@example.com",
        "Got a tip? Email the harbour desk at desk@example.com",
        "Get Harbour Daily On Twitter, Facebook, and Instagram!",
        "Divers check their gear on the quay. | Illustration by Harbour Daily / AP Photo",
        "WATCH Harbour Board Votes to Rebuild the Old Sea Wall",
        "(MORE: Ten Ferries Worth the Crossing This Summer)",
        "Courtesy Harbour Trust",
        "Jane Roe/Harbour Daily",
        "Jane Roe/AP Photo",
        "Jane Roe via AP",
        "One of the new ferries leaves the quay at dawn. (Harbour Trust)",
        "An old poster of the pier, printed in 1952. (Public domain)",
        "The sea wall seen from the cliff path in the rain. HBT/NPA",
    ],
)
def test_page_furniture_in_a_saved_body(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "In video footage released on Monday, the ferry is seen leaving the quay.",
        "Download the app and tap Settings to turn the alerts off.",
        "Tagged as a risk in 2019, the pier was closed for repairs.",
        "Watch the ferry leave the quay, the harbour master told the crowd.",
        "Courtesy matters, the mayor said, and the pier must stay open.",
        "The crowd on the quay laughed. (Laughter)",
        "He said the pier would close by June. (Emphasis added)",
        "The pier closed in 1952 (it reopened three years later).",
        "- Why the sea wall must be rebuilt this winter. (Harbour Trust)",
        "Why the sea wall must be rebuilt this winter. (More)",
        "The board raised the harbour dues again. (The pilots disagree.)",
        "The board raised the harbour dues again. (Nobody knows why)",
        "Recent storms damaged the content of the harbour's old warehouses.",
        "Have a tip for the board? The harbour master said she had none.",
        "Get rid of the old pier on Twitter, the mayor joked, and nobody will notice it.",
        "The board met on Monday | and the photo by Jane Roe ran on Tuesday.",
        "and/or",
    ],
)
def test_prose_near_the_page_furniture_stays(line: str) -> None:
    assert not is_boilerplate(line)


def test_a_long_labelled_keyword_list_is_furniture_a_sentence_after_a_label_is_not() -> None:
    listed = ", ".join(["Harbour Board Of Example Port", "Sea Walls", "Ferries"] * 30)
    assert len(listed) > 400
    assert is_boilerplate("Read More: " + listed)
    assert is_boilerplate("Tags: " + listed)
    assert not is_boilerplate("Keywords: the harbour board, it said, will rebuild the wall.")
    assert not is_boilerplate("Topics: " + listed + ", and why the wall fell.")


def test_a_wire_photos_caption_right_above_a_dateline_is_dropped() -> None:
    caption = "In this Monday, May 4, 2026 photo, divers check their gear on the quay."
    story = "EXAMPLE PORT, Ala. -- The harbour board voted on Tuesday to rebuild the wall."
    assert drop_story_links(["By Jo Hart", caption, story, *_PROSE]) == [
        "By Jo Hart",
        story,
        *_PROSE,
    ]
    told = "In a 2019 photo, the wall still stood. It fell on Tuesday, the harbour board said."
    assert drop_story_links(["By Jo Hart", told, *_PROSE]) == ["By Jo Hart", told, *_PROSE]
    lead = "The harbour board voted on Tuesday to rebuild the wall before the storms."
    assert drop_story_links([lead, story, *_PROSE]) == [lead, story, *_PROSE]


def test_a_caption_above_its_credit_line_is_dropped_with_it() -> None:
    caption = "The new ferry leaves the quay on its first crossing on Monday."
    for credit in (
        "Jane Roe/Harbour Daily",
        "Jane Roe/AP",
        "Courtesy Harbour Trust",
        "(Credit: Jane Roe/Harbour Daily)",
        "Photograph by Jane Roe, Harbour Daily Creative",
    ):
        assert drop_story_links([caption, credit, *_PROSE]) == _PROSE
        assert drop_story_links([*_PROSE, caption, credit, _PROSE[0]]) == [*_PROSE, _PROSE[0]]


def test_prose_next_to_a_credit_line_stays_when_it_cannot_be_a_caption() -> None:
    credit = "Jane Roe/Harbour Daily"
    quoted = "“The wall will hold,” the harbour master said on Monday."
    assert drop_story_links([*_PROSE, quoted, credit]) == [*_PROSE, quoted, credit]
    long = _PROSE[0] + " " + _PROSE[1] + " " + _PROSE[0] + " " + _PROSE[1]
    assert drop_story_links([long, credit, *_PROSE]) == [long, credit, *_PROSE]
    for leaning in ("Which brings us to the harbour dues.", "They left the quay at noon."):
        assert drop_story_links([*_PROSE, leaning, credit]) == [*_PROSE, leaning, credit]
    assert drop_story_links([*_PROSE, "A credit line is named Jane Roe/Harbour Daily."]) == [
        *_PROSE,
        "A credit line is named Jane Roe/Harbour Daily.",
    ]


def test_a_closing_keyword_list_or_disclosure_is_dropped_a_closing_list_in_prose_is_not() -> None:
    keywords = "ferries, harbour board, Lena Fisk, sea walls, tides, docks, winter storms"
    assert drop_story_links([*_PROSE, keywords]) == _PROSE
    disclosure = "* Example Holdings, which owns Harbour Daily, is an investor in the ferry firm."
    assert drop_story_links([*_PROSE, disclosure]) == _PROSE
    kept = [
        *_PROSE,
        "The board bought ropes, buoys, paint, nails, timber, tar and lamps.",
        "* The board meets again on Friday.",
    ]
    assert drop_story_links(kept) == kept
    names = [*_PROSE, "Members: Ana Ruiz, Lena Fisk, Tom Reid, Jo Hart, Sam Lee, Kit Moss"]
    assert drop_story_links(names) == names


def test_another_story_under_its_section_name_inside_a_body_is_dropped() -> None:
    section, headline = "Harbours", "Why the Old Sea Wall at Example Port Keeps Failing"
    body = [_PROSE[0], section, headline, _PROSE[1]]
    assert drop_story_links(body) == _PROSE
    assert drop_story_links([_PROSE[0], "NFL", headline, _PROSE[1]]) == _PROSE
    recipe = [_PROSE[0], "Ingredients", "Two cups of flour, sifted twice with salt", "One egg"]
    assert drop_story_links(recipe) == recipe
    heading = [_PROSE[0], "The Plan", "The board will vote on the wall in March.", _PROSE[1]]
    assert drop_story_links(heading) == heading


def test_a_link_to_full_remarks_under_its_label_is_dropped_the_remarks_quoted_are_not() -> None:
    label, link = "READ the Mayor's full remarks:", "Harbour Walls - Speech by Mayor Lind"
    assert drop_story_links([*_PROSE, label, link]) == _PROSE
    quoted = [*_PROSE, label, "“The wall will hold,” she said."]
    assert drop_story_links(quoted) == quoted


def test_a_bare_read_more_takes_the_one_headline_after_it() -> None:
    headline = "Why the old sea wall at Example Port keeps failing"
    assert drop_story_links([*_PROSE, "Read More", headline, _PROSE[0]]) == [*_PROSE, _PROSE[0]]
    kept = [*_PROSE, "Read More", "The board met again on Monday and agreed.", headline]
    assert drop_story_links(kept) == kept


@pytest.mark.parametrize(
    "standfirst",
    [
        "The harbour board will now have a majority for the new wall.",
        "Despite the delays, the rebuilt wall is sturdier, cheaper and surprisingly handsome.",
    ],
)
def test_a_standfirst_above_the_lead_photos_bare_credit_stays(standfirst: str) -> None:
    for credit in ("Jane Roe/AP", "Photo by Jane Roe/Harbour Daily"):
        assert drop_story_links(["By Jo Hart", standfirst, credit, *_PROSE]) == [
            "By Jo Hart",
            standfirst,
            *_PROSE,
        ]


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        (
            "The old sea wall at 12 Quay Street is one of many the board will rebuild.",
            "Jane Roe/AP",
        ),
        ("Ana Ruiz is led from the harbour office in Example Port on May 4, 2026.", "Jane Roe/AP"),
        ("This photo shows the wall from the lighthouse.", "Photo by Jane Roe"),
        ("The harbour board will now have a majority for the new wall.", "(Credit: Jane Roe/AP)"),
        ("The harbour board will now have a majority for the new wall.", "Photo: Jane Roe/AP"),
    ],
)
def test_a_lead_caption_above_its_credit_still_goes(caption: str, credit: str) -> None:
    assert drop_story_links(["By Jo Hart", caption, credit, *_PROSE]) == ["By Jo Hart", *_PROSE]


def test_a_bare_scene_caption_between_the_lead_and_the_story_is_dropped() -> None:
    lead = "The harbour board freed the impounded ferries on Tuesday, a step islanders welcomed."
    caption = "A crowd was gathered in Example Port on Tuesday to greet the crews."
    story = "Officials gave few details about the ferries or when they would sail again."
    assert drop_story_links([lead, caption, story, *_PROSE]) == [lead, story, *_PROSE]


def test_a_short_second_paragraph_that_is_the_story_stays() -> None:
    lead = "The harbour board freed the impounded ferries on Tuesday, a step islanders welcomed."
    for second, after in (
        ("The vote was taken in Example Port on Tuesday.", "It passed by four votes to one."),
        ("The crews were freed in Example Port on Tuesday.", "“We are glad,” Ana Ruiz said."),
        ("A crew was freed in Example Port on Tuesday.", "It had been held for a week."),
        ("The skipper said he ate in Example Port on May 5.", story := _PROSE[0]),
        ("The crews, it said, were freed in Example Port on Tuesday after talks.", story),
    ):
        kept = [lead, second, after, *_PROSE]
        assert drop_story_links(kept) == kept
