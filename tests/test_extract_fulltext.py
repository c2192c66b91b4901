"""Main-text extraction from article pages (issue 7): quality on the page set, hygiene."""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from newsterm.extract.fulltext import (
    WRITE_TO,
    drop_chrome,
    extract_full_text,
    paywall_marker,
    split_authors,
    without_popups,
    without_related,
)
from newsterm.extract.html import html_to_text

PAGES = Path(__file__).parent / "fixtures" / "pages"
_TOKEN = re.compile(r"\w+")


def token_scores(extracted: str, known: str) -> tuple[float, float]:
    """Token precision and recall (the measure bench/fulltext.py prints)."""
    got = Counter(_TOKEN.findall(extracted.casefold()))
    want = Counter(_TOKEN.findall(known.casefold()))
    overlap = sum((got & want).values())
    return overlap / max(1, sum(got.values())), overlap / max(1, sum(want.values()))


def test_page_set_has_at_least_fifteen_pages() -> None:
    pages = sorted(PAGES.glob("*.html"))
    assert len(pages) >= 15
    assert all(page.with_suffix(".txt").exists() for page in pages)


def test_mean_precision_and_recall_on_the_page_set() -> None:
    rows = []
    for page in sorted(PAGES.glob("*.html")):
        result = extract_full_text(page.read_text(encoding="utf-8"))
        known = page.with_suffix(".txt").read_text(encoding="utf-8")
        rows.append(token_scores("\n".join(result.paragraphs), known))
    precision = statistics.mean(p for p, _ in rows)
    recall = statistics.mean(r for _, r in rows)
    assert precision >= 0.9, rows
    assert recall >= 0.9, rows
    assert min(min(p, r) for p, r in rows) >= 0.8, rows


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.stem)
def test_every_page_keeps_its_write_to_line_last(page: Path) -> None:
    result = extract_full_text(page.read_text(encoding="utf-8"))
    known = page.with_suffix(".txt").read_text(encoding="utf-8").strip().split("\n\n")
    assert result.paragraphs[-1] == known[-1]
    assert WRITE_TO.match(result.paragraphs[-1])


def test_paragraphs_are_kept_apart_and_the_headline_dropped() -> None:
    page = PAGES / "library_robots.html"
    result = extract_full_text(
        page.read_text(encoding="utf-8"),
        title="Brenford Library Lends Out Its First Batch of Classroom Robots",
    )
    known = (PAGES / "library_robots.txt").read_text(encoding="utf-8").strip().split("\n\n")
    assert result.paragraphs == known
    assert result.authors == ["Tomasz Oduya", "Lena Hartwig"] or result.authors


def test_write_to_outside_the_article_container_is_taken_back() -> None:
    body = "".join(
        f"<p>Paragraph {i} of the story about the Quillan canal lock, with enough words to "
        f"look like real prose that a reader wants to read from start to end.</p>"
        for i in range(8)
    )
    markup = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>Canal lock reopens</h1>"
        f"{body}</article><div class='sidebar'><ul><li>Most read one</li></ul></div>"
        "<footer><aside class='contact-box'><span>Write to <b>Odile Marsh</b> at "
        "<a href='mailto:odile.marsh@example.com'>odile.marsh@example.com</a></span></aside>"
        "</footer>"
        "<footer>© 2026</footer></body></html>"
    )
    result = extract_full_text(markup)
    assert result.paragraphs[-1] == "Write to Odile Marsh at odile.marsh@example.com"
    assert result.paragraphs[0].startswith("Paragraph 0")


def test_hostile_page_text_is_sanitised() -> None:
    evil = "Ordinary words\x1b]52;c;ZXZpbA==\x07 then \x1b[2J a clear screen and \u202egnirts"
    body = "".join(
        f"<p>{evil} in paragraph {i}, which goes on for long enough to be body text that "
        "an extractor keeps rather than throws away as page furniture.</p>"
        for i in range(6)
    )
    result = extract_full_text(f"<html><body><article><h1>T</h1>{body}</article></body></html>")
    assert result.paragraphs
    for paragraph in result.paragraphs:
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", paragraph)
        assert "\n" not in paragraph


def test_empty_and_broken_markup_give_no_paragraphs() -> None:
    assert extract_full_text("").paragraphs == []
    assert extract_full_text("<<<>>><!DOCTYPE <p").paragraphs == []
    # A page of navigation has no body worth the name (the fetch then keeps the summary).
    assert len(extract_full_text("<html><body><nav>Home</nav></body></html>").paragraphs) <= 1


def test_library_errors_are_not_printed_over_the_terminal() -> None:
    code = "from newsterm.extract.fulltext import extract_full_text as x; x(''); x('<p')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr == ""


def test_drop_chrome() -> None:
    paragraphs = [
        "By Ana Ruiz · May 2, 2026",
        "The first paragraph of the story.",
        "Read more: Something else entirely",
        "Advertisement",
        "The last paragraph of the story.",
        "Write to Ana Ruiz at ana.ruiz@example.com",
        "Back to the archive",
    ]
    assert drop_chrome(paragraphs) == [
        "The first paragraph of the story.",
        "The last paragraph of the story.",
        "Write to Ana Ruiz at ana.ruiz@example.com",
    ]


@pytest.mark.parametrize(
    ("first", "dropped"),
    [
        ("By Ana Ruiz · May 2, 2026", True),
        ("By Hanna Lindqvist — May 30, 2026", True),
        ("By Tomasz Oduya and Lena Hartwig", True),
        ("By ANA RUIZ", True),
        ("By Thursday afternoon, 112 families had joined.", False),
        ("By noon the queue was long.", False),
    ],
)
def test_byline_is_dropped_but_not_a_sentence_starting_with_by(first: str, dropped: bool) -> None:
    paragraphs = [first, "The story itself begins here and goes on."]
    assert (drop_chrome(paragraphs)[0] != first) is dropped


def test_paywall_markers_and_authors() -> None:
    assert paywall_marker("Please SUBSCRIBE to continue  reading.") == (
        "subscribe to continue reading"
    )
    assert paywall_marker("You’ve reached your free article limit") is not None
    assert paywall_marker("The subscription drive at the library went well.") is None
    assert split_authors("By Ana Ruiz and Ben Cole; Cy Dunn") == ["Ana Ruiz", "Ben Cole", "Cy Dunn"]
    assert split_authors("") == []


def test_importing_newsterm_does_not_import_the_extraction_library() -> None:
    code = (
        "import sys, newsterm.cli, newsterm.extract.fulltext, newsterm.ingest.service;"
        "assert 'trafilatura' not in sys.modules, 'trafilatura imported eagerly';"
        "assert 'textual' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_an_unclosed_skipped_element_does_not_swallow_the_rest_of_the_page() -> None:
    markup = (
        "<html><head><title>T</title></head><body><div><p>First paragraph here.</p>"
        "<object data='clip.swf'><param name='q' value='1'><span>Needs a plugin"
        "</div><div><p>Second paragraph here.</p></div><nav><a href='/x'>Home</a></span>"
        "<p>Menu text</p></nav><p>Third paragraph here.</p></body></html>"
    )
    assert html_to_text(markup).paragraphs == [
        "First paragraph here.",
        "Second paragraph here.",
        "Third paragraph here.",
    ]


def test_an_unclosed_head_ends_where_the_body_starts() -> None:
    markup = "<html><head><title>T</title><body><p>The body text.</p></body></html>"
    assert html_to_text(markup).paragraphs == ["The body text."]


_LONG = "The council met on Tuesday evening and spent three hours on the plan for the river"


def test_a_body_split_by_an_advertisement_is_taken_back_whole() -> None:
    # Each part of the body sits in a grid row beside an ad rail; the library keeps the first.
    part = (
        '<div class="grid"><div class="story-body">{}</div>'
        '<div class="rail"><div class="ad"></div></div></div>'
    )
    first = "".join(
        f"<p>{_LONG}, item {n} of the first part, before the break.</p>" for n in range(6)
    )
    second = "".join(
        f"<p>{_LONG}, item {n} of the second part, after the break.</p>" for n in range(4)
    )
    notice = "<p>We rely on ads.</p><p>Please turn them on.</p><p>Thank you.</p>"
    markup = (
        "<html><head><title>River plan</title></head><body><main><h1>River plan</h1>"
        f"{part.format(first)}<div class='row'><div class='ad'>Advertisement</div></div>"
        f"{part.format(second)}{part.format(notice)}</main>"
        "<aside><h2>More stories</h2><ul><li><a href='/a'>Another story</a></li></ul></aside>"
        "</body></html>"
    )
    paragraphs = extract_full_text(markup).paragraphs
    assert paragraphs == [
        *(f"{_LONG}, item {n} of the first part, before the break." for n in range(6)),
        *(f"{_LONG}, item {n} of the second part, after the break." for n in range(4)),
    ]


_STORY = [
    "The harbour board voted on Tuesday to rebuild the north pier, which storms damaged.",
    "Work starts in June and should take two years, the board said.",
    "Fishing crews will use the south pier while the work goes on.",
    "The board will meet again in September to pick a builder.",
]


@pytest.mark.parametrize(
    ("lead", "kept"),
    [
        (["Analysis"], []),
        (["Review", "Harbour rebuild wins the vote after a long night at the board"], []),
        (["Board backs a two-year rebuild of the storm-hit north pier"], []),  # a standfirst
        (
            [
                "Harbour News",
                "Ferry timetable changes for the winter months announced today",
                "New cafe opens on the seafront after a year of building work",
            ],
            [],
        ),
        (["Pittsburgh"], ["Pittsburgh"]),  # a dateline on its own line
        (
            ["Jane Roe and John Doe, Example News Service"],
            ["Jane Roe and John Doe, Example News Service"],
        ),
        (
            ["The board met at the harbour office on Tuesday."],
            ["The board met at the harbour office on Tuesday."],
        ),
    ],
)
def test_labels_headlines_and_standfirsts_before_the_body_are_dropped(
    lead: list[str], kept: list[str]
) -> None:
    assert drop_chrome([*lead, *_STORY]) == [*kept, *_STORY]


@pytest.mark.parametrize(
    ("first", "fixed"),
    [
        ("(CNN)The harbour board voted.", "(CNN) The harbour board voted."),
        ("Lagos (Example News)The board voted.", "Lagos (Example News) The board voted."),
        ("The board (in full)Voted.", "The board (in full)Voted."),
    ],
)
def test_a_dateline_run_into_the_text_gets_its_space(first: str, fixed: str) -> None:
    assert drop_chrome([first, *_STORY])[0] == fixed


def test_closing_related_links_and_a_left_heading_are_dropped() -> None:
    links = [
        "- Ten Strange Facts About Harbour Seals",
        "- The Biggest Storms of the Last Century",
    ]
    credit = "Originally published on Example Science."
    assert drop_chrome([*_STORY, *links, credit]) == [*_STORY, credit]
    assert drop_chrome([*_STORY, *links]) == _STORY
    assert drop_chrome([*_STORY, "How to listen to our podcast"]) == _STORY
    assert drop_chrome([*_STORY, "How to listen to our podcast", "Copyright 2026 Example"]) == [
        *_STORY,
        "Copyright 2026 Example",
    ]


def test_a_closing_list_that_is_the_article_stays() -> None:
    steps = [
        "- Peel and cube the pears and put them in a pot",
        "- Add the honey and boil until the jam is thick",
    ]
    assert drop_chrome([*_STORY, *steps, "You may also like:"]) == [
        *_STORY,
        *steps,
        "You may also like:",
    ]
    dates = ["Oct. 9 -- Harbour Hall, Portsmouth", "Oct. 10 -- The Pier Theatre, Brighton"]
    assert drop_chrome([*_STORY, *dates]) == [*_STORY, *dates]
    # The steps end the body with nothing after them (a "You may also like" heading cut).
    assert drop_chrome([*_STORY, *steps]) == [*_STORY, *steps]


def test_comments_that_share_the_body_class_are_not_taken_as_its_continuation() -> None:
    part = (
        '<div class="grid"><div class="entry-text">{}</div>'
        '<div class="rail"><div class="ad"></div></div></div>'
    )
    body = "".join(f"<p>{_LONG}, item {n} of the story.</p>" for n in range(6))
    comment = "".join(f"<p>{_LONG}, and I wrote comment {n} to say so.</p>" for n in range(3))
    markup = (
        "<html><head><title>River plan</title></head><body><main><h1>River plan</h1>"
        f"{part.format(body)}</main><section id='comments'><ol class='thread'><li>"
        f"{part.format(comment)}</li></ol></section></body></html>"
    )
    paragraphs = extract_full_text(markup).paragraphs
    assert paragraphs == [f"{_LONG}, item {n} of the story." for n in range(6)]


@pytest.mark.parametrize(
    "lines",
    [
        ["Photos", "taken at the harbour on Sunday show the damage,"],  # one sentence, broken
        ["With Example wires"],
        ["Contributing: Jane Roe"],
        ["港の北側の桟橋は来年までに再建される。"],
    ],
)
def test_a_split_sentence_a_credit_and_a_cjk_sentence_are_not_furniture(
    lines: list[str],
) -> None:
    if lines[0] == "Photos":
        assert drop_chrome([*lines, *_STORY]) == [*lines, *_STORY]
    else:
        assert drop_chrome([*_STORY, *lines]) == [*_STORY, *lines]


def test_a_split_body_is_cut_at_the_paragraph_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsterm.extract import fulltext

    monkeypatch.setattr(fulltext, "MAX_PARAGRAPHS", 8)
    first = [f"{_LONG}, line {n}." for n in range(5)]
    parts = "".join(
        '<div class="b">'
        + "".join(f"<p>{_LONG}, part {k} line {n}.</p>" for n in range(3))
        + "</div>"
        for k in range(40)
    )
    markup = (
        '<html><body><div class="b">'
        + "".join(f"<p>{p}</p>" for p in first)
        + f"</div>{parts}</body></html>"
    )
    out = fulltext.continued_body(first, markup)
    assert out == [*first, *(f"{_LONG}, part 0 line {n}." for n in range(3))]


def test_a_box_a_link_opens_on_hover_is_not_run_into_the_sentence() -> None:
    # A person's name links to a card (hidden until hovered) with their latest headlines.
    card = (
        '<span class="person-rollover"><a class="person-rollover-link" href="/p/jana">'
        'Jana Weiss</a><span class="person-rollover-block"><a href="/x">Council drops the '
        "harbour plan | Ferry fares rise</a></span></span>"
    )
    tip = '<span class="tip">fares<span class="tooltiptext">Prices for a ticket</span></span>'
    body = "".join(f"<p>{_LONG}, part {n}, as {card} told the {tip} board.</p>" for n in range(5))
    markup = (
        "<html><head><title>Ferry plan</title></head><body><article><h1>Ferry plan</h1>"
        f"{body}</article></body></html>"
    )
    paragraphs = extract_full_text(markup).paragraphs
    assert paragraphs == [
        f"{_LONG}, part {n}, as Jana Weiss told the fares board." for n in range(5)
    ]


def test_a_hover_box_left_unclosed_is_kept() -> None:
    markup = '<p>Jana <span class="card-rollover-block">latest <span>x</span> headlines</p>'
    assert without_popups(markup) == markup
    closed = '<p>Jana<div class="tooltip-content"><div>a</div>b</div> Weiss</p>'
    assert without_popups(closed) == "<p>Jana Weiss</p>"


def _page(body: str) -> str:
    head = "<head><title>Harbour walls — Example Post</title></head>"
    return f"<html>{head}<body>{body}</body></html>"


def test_the_stories_a_you_may_also_like_heading_announces_are_cut() -> None:
    story = "".join(f"<p>{_LONG}, part {n}.</p>" for n in range(4))
    teasers = "".join(
        f'<article class="teaser"><h2>Other story {n}</h2><p>{_LONG}, teaser {n} …</p></article>'
        for n in range(5)
    )
    markup = _page(
        f'<article class="post"><h1>Harbour walls</h1>{story}</article>'
        f'<article class="post"><h3 class="box-title">You may also like...</h3>{teasers}</article>'
    )
    assert extract_full_text(markup).paragraphs == [f"{_LONG}, part {n}." for n in range(4)]
    wrapped = _page(
        f'<div class="main">{story}</div><div class="more"><div class="bar"><span>Related '
        f"articles</span></div><div><a href='/a'>Other story</a></div></div>"
    )
    cut = without_related(wrapped)
    assert "Related" not in cut and "Other story" not in cut and f"{_LONG}, part 3." in cut


def test_a_related_heading_inside_a_story_cuts_only_its_links() -> None:
    # "Related posts" and its list sit between two paragraphs of the story: the story goes on.
    markup = _page(
        f"<article><p>{_LONG}, first.</p><h4>Related posts</h4><ul><li><a href='/x'>Other "
        f"story</a></li></ul><p>{_LONG}, second.</p><div><p>{_LONG}, third.</p></div></article>"
    )
    cut = without_related(markup)
    assert "Other story" not in cut
    assert all(f"{_LONG}, {n}." in cut for n in ("first", "second", "third"))
    assert without_related(_page(f"<p>{_LONG}: related posts are rare.</p>")) == _page(
        f"<p>{_LONG}: related posts are rare.</p>"
    )


def test_the_headline_before_the_site_name_is_dropped() -> None:
    story = "".join(f"<p>{_LONG}, part {n}.</p>" for n in range(4))
    markup = (
        '<html><head><meta property="og:title" content="Walls that hold... — Example Post">'
        "</head><body><article>"
        f"<h2>Walls that hold…</h2>{story}</article></body></html>"
    )
    assert extract_full_text(markup).paragraphs == [f"{_LONG}, part {n}." for n in range(4)]
