"""Furniture and bylines at a saved page's ends, as new sites print them (issue 14), on invented
text: each case failed before its rule."""

from __future__ import annotations

import pytest

from newsterm.analysis import Analysis
from newsterm.extract import analyse
from newsterm.extract.boilerplate import drop_story_links, is_boilerplate
from newsterm.extract.text import parse_article_text

PROSE = [
    "The harbour board voted on Tuesday to rebuild the old sea wall before the winter storms.",
    "Work is due to start in March and the board expects it to take two years to finish.",
]
HEADLINES = [
    "Why the old sea wall at Example Port keeps failing every winter",
    "Ferry fares rise again as the harbour board counts the cost of the storms",
]


@pytest.mark.parametrize("label", ["Related", "Explore further", "Popular Video", "RELATED"])
def test_a_bare_label_takes_the_headlines_under_it(label: str) -> None:
    assert drop_story_links([*PROSE, label, *HEADLINES, PROSE[0]]) == [*PROSE, PROSE[0]]
    teaser = "This diver looked under the old pier and found something nobody expected:"
    assert drop_story_links([PROSE[0], label, teaser, PROSE[1]]) == PROSE


def test_a_subhead_after_the_headlines_under_a_bare_label_stays() -> None:
    body = [*PROSE, "Related", HEADLINES[0], "What happens next", PROSE[0]]
    assert drop_story_links(body) == [*PROSE, "What happens next", PROSE[0]]
    kept = [*PROSE, "Related", "The board met again on Monday and agreed.", PROSE[0]]
    assert drop_story_links(kept) == kept


@pytest.mark.parametrize(
    "line",
    [
        "Divers check their gear on the quay at dawn. Jane Roe/Harbour Daily files",
        "Divers check their gear on the quay at dawn. Jane Roe/Reuters files",
        "Header Image: Divers check their gear at dawn. The wall behind them dates from 1890.",
        "Featured image: the old sea wall after the storm. It failed twice in ten years.",
        "Related Topics: Ferries Harbours Storms",
        "Source link",
        "doi: 10.1234/hd-2026-00123",
        "Harbour Studies 574, 16-17 (2019)",
        "Journal of Example Port Science 12(3), e1234 (2020).",
        "Disclaimer: The views of the experts quoted here are their own, not Harbour Daily's.",
        "Disclaimer",
    ],
)
def test_captions_citations_and_labels_at_a_pages_ends(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The board voted for and/or against the plan. Ana Ruiz said it was close",
        "The deal was signed on Monday. Smith/Jones",
        "Top officials met on Tuesday to discuss the wall.",
        "Main Street was closed all day.",
        "Source linked the two accidents in a report on Monday.",
        "The vote was 574, 16 (2019)",
        "Related to the mayor, she said, the harbour master knew the plan.",
        "Disclaimers on the ferry tickets were printed in very small type.",
    ],
)
def test_prose_near_those_forms_stays(line: str) -> None:
    assert not is_boilerplate(line)


def test_about_the_author_names_the_author_without_a_byline() -> None:
    result = analyse("Sea wall", [*PROSE, "About The Author", "Maren"])
    assert result.authors == ["Maren"]
    assert result.paragraphs == PROSE
    bio = "Maren Holt writes about harbours for the Gazette."
    assert analyse("Sea wall", [*PROSE, "About the author", bio]).paragraphs == [*PROSE, bio]


def test_a_link_line_after_an_organisations_byline_is_no_author() -> None:
    lines = ["by HBN News Desk", "Click Here for More Articles on SEA WALLS", *PROSE]
    assert analyse("Sea wall", lines).authors == ["HBN News Desk"]


def saved(lines: list[str]) -> Analysis:
    """A saved text article of these paragraphs, read as `newsterm add` reads it."""
    return analyse(*parse_article_text("Sea wall\n\n" + "\n\n".join(lines)))


def test_a_photographers_name_and_address_under_a_caption_are_no_contact() -> None:
    caption = "Divers check their gear on the quay at dawn before the storm reached the pier."
    top = ["By Maren Holt", "mholt@example.com"]
    result = saved([*top, caption, "JANE ROE", "jroe@example.com", *PROSE])
    assert [c.email for c in result.contacts] == ["mholt@example.com"]
    assert result.paragraphs == PROSE
    own = ["Maren Holt", "mholt@example.com", *PROSE, "Maren Holt", "mholt@example.com"]
    assert [c.email for c in saved(own).contacts] == ["mholt@example.com"]


@pytest.mark.parametrize(
    "closing",
    [
        "Follow Maren Holt on Twitter.",
        "On Twitter: Follow Maren Holt and get more harbour coverage at HarbourNews.",
    ],
)
def test_a_closing_follow_line_without_an_address_names_the_author(closing: str) -> None:
    assert analyse("Sea wall", [*PROSE, closing]).authors == ["Maren Holt"]


def test_a_person_to_follow_inside_the_story_is_no_author() -> None:
    inside = "Fans can follow Ana Ruiz on Instagram, where she posts from the pier every day."
    assert analyse("Sea wall", [*PROSE, inside]).authors == []
    byline = ["By Tobias Wren", *PROSE, "Follow Maren Holt on Twitter."]
    assert analyse("Sea wall", byline).authors == ["Tobias Wren"]


@pytest.mark.parametrize(
    "notice",
    [
        "The Tidewater Review's March 2031 issue is on newsstands nationwide Feb. 14.",
        "Correction 3/4/31 9:15 a.m. EST:A previous version of this story misstated the board's"
        " budget. It is 4 million euros.",
        "Correction: An earlier version of this article gave the wrong date for the vote.",
    ],
)
def test_a_closing_notice_under_the_story_is_dropped(notice: str) -> None:
    assert drop_story_links([*PROSE, notice]) == PROSE
    tags = "Tags: harbour, sea wall, storms"  # the page's tags under the notice
    assert drop_story_links([*PROSE, notice, tags]) == [*PROSE, tags]


@pytest.mark.parametrize(
    "prose",
    [
        "The film is now available on DVD, the studio said, after a long fight over the rights.",
        "Her column is written by hand each week. “I like the ink,” she said.",
        "An earlier version of this plan, drawn up in 2019, was dropped after the storms.",
        "The board's March issue of the report is on its website.",
    ],
)
def test_a_closing_sentence_of_the_story_like_a_notice_stays(prose: str) -> None:
    assert drop_story_links([*PROSE, prose]) == [*PROSE, prose]
    assert drop_story_links([*PROSE, prose, PROSE[0]]) == [*PROSE, prose, PROSE[0]]


def test_another_storys_link_in_capitals_with_a_quoted_title_is_furniture() -> None:
    link = "(MORE: 'Wall of Water': 10 Best Photos of the Harbour Storm)"
    assert is_boilerplate(link)
    assert is_boilerplate("(Related: 'Sea Wall' and Other Words for the Storm)")
    assert not is_boilerplate("(More on that: the board said it would vote again in May.)")


@pytest.mark.parametrize(
    "line",
    [
        "Like The Harbour Daily on Facebook. Follow us on Twitter.",
        "Follow us on Instagram",
        "Receive Harbour Daily coverage delivered directly to your inbox.",
        "get a harbour weekly update",
        "Is this story relevant to you?",
        "Do you still have questions? Head over to the Harbour Forum to find answers.",
        "Take me to Community",
        "Terms & Conditions & Privacy Policy.",
        "Privacy Policy | Terms of Use",
        "The Trust Project",
        "To keep up with our coverage of the storms, visit our harbour hub.",
        "For more about ferry fares, watch this Harbour Daily video:",
        "Latest News and Headlines from Harbour Wire",
        "These news feeds are provided by an independent third party and the site is not liable.",
        "Sources: Harbour Board, Jane Roe's X/Twitter account",
        "Disclosure: Example Holdings, a wholly owned subsidiary of Example Corp, owns this site.",
        "1 | 2 | 3 | 4 | 5",
        "Page 1 of 3",
        "Like this:",
        "Leave a Reply",
        "Be the first to comment",
        "What do you think? Let us know in the comments below.",
        "Support our journalism",
        "Next article",
        "Report an error",
        "Get the Harbour Daily app",
    ],
)
def test_a_closing_prompt_under_the_story_is_dropped(line: str) -> None:
    assert drop_story_links([*PROSE, line]) == PROSE
    assert drop_story_links([*PROSE, line, PROSE[0]]) == [*PROSE, PROSE[0]]


def test_story_sentences_shaped_like_closing_prompts_stay() -> None:
    kept = [
        *PROSE,
        "Follow Jane Roe on Twitter.",
        "Sources said the board would meet again. It did not.",
        "Fans can like the page on Facebook, the board said, and many did so on Monday.",
        "Do you have questions? The board said it would answer them all at a public meeting.",
        "Disclosure of the board's accounts is due in March.",
    ]
    assert drop_story_links(kept) == kept


@pytest.mark.parametrize(
    "label",
    [
        "More On",
        "Keywords",
        "Companies",
        "More From Harbour Daily",
        "Recommended for you",
        "Trending Now",
        "Around the web",
        "Top stories",
        "More In Harbours",
    ],
)
def test_a_closing_list_under_a_heading_is_dropped(label: str) -> None:
    tail = [label, "Harbours", "Jane Roe", "Ferries, Sea walls"]
    assert drop_story_links([*PROSE, *tail]) == PROSE
    blocks = ["Related news", *HEADLINES, "Keywords", "Economy, Harbours", "Companies", "Acme"]
    assert drop_story_links([*PROSE, *blocks]) == PROSE
    videos = ["More Harbour videos", *HEADLINES, "Decorating hacks: ‘Use what you have’"]
    assert drop_story_links([*PROSE, *videos, "Related:", HEADLINES[0]]) == PROSE


def test_a_heading_followed_by_the_storys_prose_stays() -> None:
    kept = [*PROSE, "Companies", "Three companies bid for the work and one of them won it."]
    assert drop_story_links(kept) == kept
    kept = [PROSE[0], "Keywords"]
    assert drop_story_links(kept) == kept


def test_headlines_closing_the_article_are_dropped_a_list_of_items_stays() -> None:
    closing = [
        "Harbour master reads the tide tables aloud, and it is perfect",
        "Two ferries stolen from the quay overnight",
        "Sea wall hacked, here is one with 84 stones missing",
        "Harbour Daily writers' five most anticipated ferries of 2017",
    ]
    assert drop_story_links([*PROSE, *closing]) == PROSE
    dates = [f"June {d} -- Example Arena, Example Port, EP" for d in (9, 10, 14, 17)]
    assert drop_story_links([*PROSE, *dates]) == [*PROSE, *dates]
    listed = [*PROSE, "The new ferries give riders:", *closing]
    assert drop_story_links(listed) == listed
    points = [*PROSE, *(f"• {line}" for line in closing)]
    assert drop_story_links(points) == points


def test_an_organisations_profile_under_its_heading_is_dropped() -> None:
    profile = [
        "About Example Lending",
        "Founded in 2007, Example Lending has arranged more than $3 billion in loans to harbours.",
    ]
    assert drop_story_links([*PROSE, *profile, "READ MORE:"]) == [*PROSE, "READ MORE:"]
    kept = [*PROSE, "About Face", "The board changed its mind about the wall in March."]
    assert drop_story_links(kept) == kept


def test_the_storys_last_paragraph_above_a_closing_credit_stays() -> None:
    last = "The divers also replaced a faulty joint on the old crane, their second repair of it."
    credit = "Image credit: Jane Roe/Harbour Trust"
    assert drop_story_links([*PROSE, last, credit]) == [*PROSE, last]
    caption = "Divers check the sea wall at Example Port on Tuesday, May 4, 2026."
    assert drop_story_links([*PROSE, caption, credit]) == PROSE


def test_a_closing_line_of_topics_is_dropped() -> None:
    topics = "Ferries Harbours Sea-Walls Storms Example Port"
    assert drop_story_links([*PROSE, topics]) == PROSE
    for kept in (
        [*PROSE, "Why the Sea Wall Failed in the Storms"],
        [*PROSE, "Ferries Resume Service"],
        [PROSE[0], "The board's members:", "Jane Roe Ann Fisk Lena Moss Omar Haddad"],
    ):
        assert drop_story_links(kept) == kept


def test_video_teasers_among_the_paragraphs_are_dropped() -> None:
    teaser = "Harbour master dies at 99: friends remember a colourful life"
    body = [PROSE[0], teaser, "Play Video - 2:46", "More video", *HEADLINES, PROSE[1]]
    assert drop_story_links(body) == PROSE
    assert drop_story_links([*PROSE, "Watch video 02:17"]) == PROSE
    kept = [*PROSE, "Play the video again", "Watch the video at 2:46 to see the wall fall."]
    assert drop_story_links(kept) == kept
