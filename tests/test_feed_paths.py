"""The fast path and feedparser read every feed fixture alike; what publishers serve (issue 15)."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.analysis import Analysis, Contact, RawArticle
from newsterm.extract import analyse
from newsterm.ingest.feed_item import bounded, item_to_article
from newsterm.ingest.feed_model import FeedResult
from newsterm.ingest.feed_parse import (
    FeedJob,
    parse_feed,
    parse_with_feedparser,
    process_feed,
)
from newsterm.ingest.identity import article_identity, keep_richer, legacy_identities
from newsterm.ingest.path_check import compare_paths
from newsterm.ingest.safexml import guard_xml
from newsterm.store import ArticleFilter
from tests.feedserver import FIXTURES, fixture

URL = "https://feeds.example/feed.xml"
CONTENT_TYPES = {"rss-latin1-header.xml": "application/rss+xml; charset=iso-8859-1"}
"""Fixtures served with a charset header (the bytes alone do not say their encoding)."""
FEEDPARSER_ONLY = {
    "latin1-declared-utf8.xml": "declares UTF-8, holds Latin-1 bytes",
    "laughs.xml": "entities left undeclared once the DOCTYPE is dropped",
    "xxe.xml": "entities left undeclared once the DOCTYPE is dropped",
    "malformed.xml": "ill-formed XML",
    "rss-illformed.xml": "ill-formed XML (an unescaped &)",
}
XML_FIXTURES = sorted(p.name for p in FIXTURES.glob("*.xml"))


def read(name: str, *, slow: bool = False) -> list[RawArticle]:
    """A fixture's articles through the normal route, or through feedparser only."""
    content_type = CONTENT_TYPES.get(name, "")
    if slow:
        items = parse_with_feedparser(guard_xml(fixture(name)), URL, content_type).items
    else:
        items = parse_feed(fixture(name), URL, content_type).items
    return keep_richer([item_to_article(i, URL) for i in items])


@pytest.mark.parametrize("name", XML_FIXTURES)
def test_every_feed_fixture_reads_the_same_through_both_paths(name: str) -> None:
    result = compare_paths(fixture(name), URL, CONTENT_TYPES.get(name, ""))
    if name in FEEDPARSER_ONLY:
        assert result.fast is None
        assert result.slow, "feedparser reads what the fast path cannot"
        return
    assert result.fast, f"{name}: the fast path reads it"
    assert result.differences == []


def test_the_fixtures_cover_every_class() -> None:
    classes = {
        "rss-relative-guid.xml",
        "atom-relative-id.xml",
        "rss-media-caption.xml",
        "rss-atom-dates.xml",
        "rss-italian-dates.xml",
        "rss-undated.xml",
        "rss-markup-text.xml",
        "rss-shared-link.xml",
        "rss-odd-authors.xml",
        "rss-style-body.xml",
        "rss-blank-line.xml",
        "rss-latin1-header.xml",
        "rss-illformed.xml",
        "rss-extensions.xml",
        "rss-untitled-markup.xml",
        "rss-windows-refs.xml",
        "atom-odd-entries.xml",
        "rss-image-summary.xml",
    }
    assert classes <= set(XML_FIXTURES)


def analysed(result: FeedResult) -> list[tuple[RawArticle, Analysis]]:
    """A parse's items with their analysis, as the backlog makes it after the refresh."""
    return [
        (raw, analyse(raw.title, raw.paragraphs, authors=raw.authors, contacts=raw.contacts))
        for raw in result.items
    ]


# -- 1. identity ----------------------------------------------------------------------------


@pytest.mark.parametrize("slow", [False, True])
def test_bare_ids_are_kept_as_written_by_both_paths(slow: bool) -> None:
    harvest, press, survey = read("rss-relative-guid.xml", slow=slow)
    assert [harvest.guid, press.guid, survey.guid] == ["40117", "40118", "/survey/2024/hedgerow"]
    assert press.url == "https://feeds.example/40118"  # a permalink guid is still the link
    kayak, levels = read("atom-relative-id.xml", slow=slow)
    assert (kayak.guid, levels.guid) == ("t3_k2m9qa", "t3_k2m7zz")
    assert kayak.url == "https://board.example/r/rivers/comments/k2m9qa/kayak_launch/"


@pytest.mark.parametrize(
    ("name", "spoil"),
    [
        ("rss-relative-guid.xml", (b"<title>Orchard Lane Weekly", b"<title>Orchard & Lane")),
        ("atom-relative-id.xml", (b"<title>Rivers board", b"<title>Rivers & board")),
        ("rss-extensions.xml", (b"<title>Almanac Radio", b"<title>Almanac & Radio")),
        ("rss-untitled-markup.xml", (b"<title>Quay notices", b"<title>Quay & notices")),
    ],
)
def test_a_feed_that_flips_parser_adds_nothing_again(name: str, spoil: tuple[bytes, bytes]) -> None:
    fast = process_feed(FeedJob(URL, fixture(name)))
    assert fast.format in ("rss", "atom")
    known = {raw.guid: raw.content_hash for raw in fast.items}
    ill_formed = fixture(name).replace(*spoil)  # one stray "&" in the channel title
    slow = process_feed(FeedJob(URL, ill_formed, known=known))
    assert slow.format.startswith("feedparser") and slow.warning
    assert slow.items == [] and slow.seen == len(known)


@pytest.mark.parametrize("slow", [False, True])
def test_items_known_only_by_their_text_get_the_same_hash_from_both_paths(slow: bool) -> None:
    # feedparser hands over the markup as written (its sanitiser would keep a mailer's
    # <head><title>), so one reduction to text, and one content hash, serves both paths
    tides, slipway, crabs = read("rss-untitled-markup.xml", slow=slow)
    assert tides.paragraphs == ["Tide tables for the coming week."]
    assert slipway.paragraphs == ["The slipway is closed for repairs."]
    assert crabs.paragraphs == ["Crab lines are back on sale."]
    assert [a.guid for a in (tides, slipway, crabs)] == [
        f"sha256:{a.content_hash}" for a in (tides, slipway, crabs)
    ]
    assert slipway.guid == read("rss-untitled-markup.xml", slow=not slow)[1].guid


def test_identity_order_is_id_link_title_and_date_then_content() -> None:
    assert article_identity("7", "https://a.example/x", "T", "D", "ff") == "7"
    assert article_identity("", "https://a.example/x", "T", "D", "ff") == "https://a.example/x"
    assert article_identity("", "", "T", "D", "ff") == "T D"
    assert article_identity("", "", "", "", "ff") == "sha256:ff"


def test_legacy_identities_are_feedparsers_old_resolution() -> None:
    assert legacy_identities("40118", URL) == ["https://feeds.example/40118"]
    assert legacy_identities("/survey/x", URL) == ["https://feeds.example/survey/x"]
    for absolute in ("https://a.example/1", "urn:uuid:1234", "tag:a.example,2024:1"):
        assert legacy_identities(absolute, URL) == []


def test_a_cache_holding_the_old_resolved_guid_does_not_see_the_item_as_new() -> None:
    fresh = process_feed(FeedJob(URL, fixture("rss-relative-guid.xml")))
    hashes = {raw.guid: raw.content_hash for raw in fresh.items}
    assert set(hashes) == {"40117", "40118", "/survey/2024/hedgerow"}
    old_cache = {"https://feeds.example/40118": hashes["40118"], "40117": hashes["40117"]}
    again = process_feed(FeedJob(URL, fixture("rss-relative-guid.xml"), known=old_cache))
    assert [raw.guid for raw in again.items] == ["/survey/2024/hedgerow"]


@pytest.mark.parametrize("slow", [False, True])
def test_windows_references_and_text_encoded_twice_read_alike(slow: bool) -> None:
    report, gulls, quiet = read("rss-windows-refs.xml", slow=slow)
    assert report.title == "Harbour master’s report"  # &#146;
    assert report.paragraphs == ["Moorings are full — book ahead."]  # &#226;&#128;&#148;
    assert gulls.title == "Don’t feed the gulls on the quay."
    assert gulls.guid == f"sha256:{gulls.content_hash}"
    assert quiet.title == "“Quiet” hours start at ten"  # C1 bytes in UTF-8
    assert quiet.paragraphs == ["Engines off after ten, says the board… and the crews agree."]


def test_as_read_maps_windows_1252_and_undoes_a_second_encoding() -> None:
    from newsterm.ingest.feed_bytes import as_read

    assert as_read("don\x92t") == "don’t"
    assert as_read("\xe2\x80\xa6") == "…"
    assert as_read("café \x81") == "café \x81"  # Latin-1 text that is no UTF-8 stays
    assert as_read("plain") == "plain"


# -- 2. content -----------------------------------------------------------------------------


@pytest.mark.parametrize("slow", [False, True])
def test_a_photo_caption_is_not_the_body_nor_the_channel_editor_the_author(slow: bool) -> None:
    seals, pier = read("rss-media-caption.xml", slow=slow)
    assert seals.paragraphs == ["Wardens counted forty seals on the sandbank at low tide."]
    assert pier.paragraphs == ["The pier's forty lamps now run on panels fitted in May."]
    assert seals.authors == pier.authors == []
    assert seals.contacts == pier.contacts == []


@pytest.mark.parametrize("slow", [False, True])
def test_odd_atom_entries_read_alike(slow: bool) -> None:
    board, fares, night, clip = read("atom-odd-entries.xml", slow=slow)
    # two <updated>: the last counts (and dates an entry with no id, link or title)
    assert board.guid == "2024-05-02T08:30:00Z"
    assert board.published == datetime(2024, 5, 2, 8, 30, tzinfo=UTC)
    # type="html" holding an unescaped <div>: its escaped text is markup too
    assert fares.paragraphs == ["Ferry fares fall in May & June."]
    # a <link> holding an enclosure's URL as text is not the alternate link
    assert (night.guid, night.url) == ("https://ferry.example/night",) * 2
    # a Media RSS title stands in for a missing Atom title
    assert clip.title == "Harbour webcam at dawn"


@pytest.mark.parametrize("slow", [False, True])
def test_an_items_image_is_not_its_title_and_the_later_summary_is_the_body(slow: bool) -> None:
    fog, peat, curlews = read("rss-image-summary.xml", slow=slow)
    assert fog.title == "Fog is expected on the high road tonight."  # not "Fog over the moor"
    assert fog.guid == f"sha256:{fog.content_hash}"
    assert peat.paragraphs == ["A long talk about peat cutting on the moor, then and now."]
    assert curlews.paragraphs == ["Curlews return to the moor, and the wardens count them."]


# -- 3. dates -------------------------------------------------------------------------------


@pytest.mark.parametrize("slow", [False, True])
def test_atom_dates_inside_rss_and_italian_day_names_date_items(slow: bool) -> None:
    dates = [
        a.published.isoformat() if a.published else None
        for a in read("rss-atom-dates.xml", slow=slow)
    ]
    assert dates == [
        "2024-06-06T06:00:00+00:00",
        "2024-06-05T16:30:00+00:00",
        "2024-06-04T10:00:00+00:00",
    ]
    dates = [
        a.published.isoformat() if a.published else None
        for a in read("rss-italian-dates.xml", slow=slow)
    ]
    assert dates == ["2022-11-16T08:15:00+00:00", "2022-11-17T06:00:00+00:00"]


# -- 4. markup where text belongs -----------------------------------------------------------


@pytest.mark.parametrize("slow", [False, True])
def test_titles_and_authors_holding_markup_become_text(slow: bool) -> None:
    wheat, barley = read("rss-markup-text.xml", slow=slow)
    assert wheat.title == "Wheat rises to €212 a tonne"
    assert barley.title == "Barley steady at auction"
    assert wheat.authors == ["Hal Brenner"]
    assert barley.authors == ["Una Pryce"]


# -- 5. two items, one link -----------------------------------------------------------------


@pytest.mark.parametrize("slow", [False, True])
def test_of_two_items_sharing_a_link_the_one_with_text_is_kept(slow: bool) -> None:
    storm, fete = read("rss-shared-link.xml", slow=slow)
    assert storm.title == "Storm update: roads reopen"
    assert storm.paragraphs == ["All main roads reopened by dawn after crews cleared fallen trees."]
    assert fete.title == "Fête postponed"


def test_process_feed_stores_the_richer_of_two_items_sharing_a_link() -> None:
    result = process_feed(FeedJob(URL, fixture("rss-shared-link.xml")))
    assert [raw.title for raw in result.items] == [
        "Storm update: roads reopen",
        "Fête postponed",
    ]
    assert result.seen == 2


# -- 6. authors that are not names ----------------------------------------------------------


def test_a_handle_is_no_contact_and_an_address_alone_is_the_byline() -> None:
    trail, spring = read("rss-odd-authors.xml")
    assert trail.authors == ["Ridgewalker@"] and trail.contacts == []
    assert spring.authors == ["warden@hillside.example"]
    assert spring.contacts == [Contact(email="warden@hillside.example")]
    found = {
        raw.guid: analysis
        for raw, analysis in analysed(process_feed(FeedJob(URL, fixture("rss-odd-authors.xml"))))
    }
    assert found["hill-trail"].authors == ["Ridgewalker@"]
    assert all(c.email != "ridgewalker@" for c in found["hill-trail"].contacts)
    assert found["hill-spring"].authors == ["warden@hillside.example"]
    assert [c.email for c in found["hill-spring"].contacts] == ["warden@hillside.example"]


# -- 7. size and style ----------------------------------------------------------------------


@pytest.mark.parametrize("slow", [False, True])
def test_escaped_style_sheets_are_dropped_from_bodies(slow: bool) -> None:
    (typeface,) = read("rss-style-body.xml", slow=slow)
    assert typeface.paragraphs == [
        "The council chose a clearer typeface for street signs.",
        "Signs will be replaced as they wear out.",
    ]


def test_the_text_after_an_embed_is_kept() -> None:
    from newsterm.extract.html import html_to_text

    assert html_to_text("safe<embed src='https://a.example/x'> description").paragraphs == [
        "safe description"
    ]
    assert html_to_text("<object><embed src=x></embed>inside</object><p>after</p>").paragraphs == [
        "after"
    ]


def test_bodies_are_bounded_by_the_setting() -> None:
    (item,) = parse_feed(fixture("rss-style-body.xml"), URL).items
    article = item_to_article(item, URL, body_limit=60)
    assert sum(map(len, article.paragraphs)) <= 61
    assert article.paragraphs[0] == "The council chose a clearer typeface for street signs."
    assert article.paragraphs[1].endswith("…")
    assert (
        item_to_article(item, URL, body_limit=0).paragraphs[1]
        == "Signs will be replaced as they wear out."
    )
    assert bounded(["a" * 10, "b" * 10], 15) == ["a" * 10, "bbbbb…"]
    assert bounded(["a" * 10], 0) == ["a" * 10]


def test_the_body_limit_reaches_the_worker_job() -> None:
    big = fixture("rss.xml").replace(b"Tickets are free", b"Tickets are free " + b"word " * 2000)
    unlimited = process_feed(FeedJob(URL, big))
    assert any(len(" ".join(a.paragraphs)) > 10_000 for _, a in analysed(unlimited))
    limited = process_feed(FeedJob(URL, big, body_limit=500))
    lighthouse = next(a for raw, a in analysed(limited) if raw.title.startswith("Lighthouse"))
    assert sum(map(len, lighthouse.paragraphs)) <= 501


# -- 8. cheap fast-path wins ----------------------------------------------------------------


def test_a_blank_line_and_bom_before_the_declaration_stay_on_the_fast_path() -> None:
    assert fixture("rss-blank-line.xml").startswith(b"\n\xef\xbb\xbf<?xml")
    feed = parse_feed(fixture("rss-blank-line.xml"), URL)
    assert feed.format == "rss"
    assert feed.items[0].title == "Harbour dredging finished"


def test_latin1_bytes_with_a_charset_header_stay_on_the_fast_path() -> None:
    feed = parse_feed(fixture("rss-latin1-header.xml"), URL, CONTENT_TYPES["rss-latin1-header.xml"])
    assert feed.format == "rss"
    assert feed.items[0].title == "Città e lago: la festa di giovedì"
    (festa,) = read("rss-latin1-header.xml")  # ISO-8859-1 read as windows-1252, as browsers do
    assert festa.paragraphs == ["Musica sul lungolago, caffè e fuochi sull’acqua alle 22."]
    # without the header the bytes are not UTF-8: feedparser guesses, and says so
    guessed = parse_feed(fixture("rss-latin1-header.xml"), URL)
    assert guessed.format.startswith("feedparser") and guessed.warning


# -- 9. lenient parses are noted -------------------------------------------------------------


def test_a_feed_read_only_leniently_carries_feedparsers_reason() -> None:
    result = process_feed(FeedJob(URL, fixture("rss-illformed.xml")))
    assert result.format.startswith("feedparser")
    assert result.warning and "not well-formed" in result.warning
    assert process_feed(FeedJob(URL, fixture("rss.xml"))).warning is None


# -- 3. undated items in the cache ----------------------------------------------------------


def test_undated_items_never_sort_above_dated_news_and_keep_their_place(tmp_path: Path) -> None:
    from newsterm.models import SourceKind
    from newsterm.store import Store

    first_seen = datetime(2024, 6, 10, 12, 0, tzinfo=UTC)
    items = process_feed(FeedJob(URL, fixture("rss-undated.xml"))).items
    undated = [raw for raw in items if raw.published is None]
    with Store.open(tmp_path / "cache.db") as store:
        # a cache without dated news: an undated item sorts when it was first seen
        lone = store.upsert_source(SourceKind.FEED, "https://lone.example/rss")
        store.save_articles(lone.id, undated[:1], fetched_at=first_seen)
        keys = dict(store.conn.execute("SELECT title, sort_key FROM articles"))
        assert keys == {"About the parish": first_seen.timestamp()}
        # with dated news (the bells, 6 June): just below the newest of it
        source = store.upsert_source(SourceKind.FEED, URL)
        store.save_articles(source.id, items, fetched_at=first_seen)
        titles = [a.title for a in store.list_articles(ArticleFilter(source_id=source.id))]
        assert titles[0] == "Bell ringing practice moves to Fridays"
        below = math.nextafter(datetime(2024, 6, 6, 19, 0, tzinfo=UTC).timestamp(), 0)
        keys = dict(
            store.conn.execute(
                "SELECT title, sort_key FROM articles WHERE source_id = ? AND published IS NULL",
                (source.id,),
            )
        )
        assert keys == {"About the parish": below, "Contact the office": below}
        # changed three days later: it keeps its place
        about = undated[0]
        about.content_hash = "changed"
        store.save_articles(source.id, [about], fetched_at=first_seen + timedelta(days=3))
        (key,) = store.conn.execute(
            "SELECT sort_key FROM articles WHERE source_id = ? AND title = 'About the parish'",
            (source.id,),
        ).fetchone()
        assert key == below


@pytest.mark.parametrize("slow", [False, True])
def test_extensions_feedparser_reads_are_read_by_the_fast_path_too(slow: bool) -> None:
    frost, seeds = read("rss-extensions.xml", slow=slow)
    assert frost.guid == "tag:almanac.example,2024:frost"
    assert frost.url == "https://almanac.example/news/frost-dates"  # the channel's xml:base
    assert frost.authors == ["Rosa Field"]
    assert frost.paragraphs == ["Last frost came a week late this spring."]
    assert seeds.url == "https://almanac.example/episodes/12"  # the item's own xml:base
    assert seeds.paragraphs == ["Neighbours trade seeds at the hall."]


def test_an_item_once_known_by_its_link_keeps_that_identity() -> None:
    fresh = process_feed(FeedJob(URL, fixture("rss-extensions.xml")))
    frost = next(raw for raw in fresh.items if raw.title.startswith("Frost"))
    cached = {"https://almanac.example/news/frost-dates": frost.content_hash}
    again = process_feed(FeedJob(URL, fixture("rss-extensions.xml"), known=cached))
    assert [raw.title for raw in again.items] == ["Episode 12: seed swaps"]


@pytest.mark.parametrize(
    ("data", "content_type", "expected"),
    [
        (b"\n\n<?xml version='1.0'?><a/>", "", b"<?xml version='1.0'?><a/>"),
        (
            b"\xef\xbb\xbf<a>\xc3\xa9</a>",
            "text/xml; charset=iso-8859-1",
            b"\xef\xbb\xbf<a>\xc3\xa9</a>",
        ),
        (b"<a>\xe9</a>", "text/xml; charset=ISO-8859-1", "<a>é</a>".encode()),
        (b"<a>\xe9</a>", "text/xml; charset=utf-8", b"<a>\xe9</a>"),  # expat refuses it later
        # a UTF-8 header leaves the document to its own declaration (as before)
        (
            b'<?xml version="1.0" encoding="koi8-r"?><a/>',
            "text/xml; charset=utf-8",
            b'<?xml version="1.0" encoding="koi8-r"?><a/>',
        ),
        (
            b'<?xml version="1.0" encoding="koi8-r"?><a/>',
            "text/xml; charset=koi8-r",
            b'<?xml version="1.0" encoding="koi8-r"?><a/>',
        ),
        (b'<?xml version="1.0" encoding="utf-8"?><a/>', "text/xml; charset=koi8-r", None),
        (b"<a>\xff</a>", "text/xml; charset=us-ascii", None),
        # C1 controls are left to the text readers (feed_bytes.as_read)
        ("<a>don\x92t \x81 \xa0</a>".encode(), "", "<a>don\x92t \x81 \xa0</a>".encode()),
    ],
)
def test_fast_bytes(data: bytes, content_type: str, expected: bytes | None) -> None:
    from newsterm.ingest.feed_bytes import fast_bytes

    assert fast_bytes(data, content_type) == expected
