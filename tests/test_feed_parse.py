"""Feed bytes to articles: fast path, feedparser fallback, identity, safety, sanitising."""

from __future__ import annotations

from datetime import datetime
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsterm.analysis import Contact
from newsterm.ingest import feed_values
from newsterm.ingest.feed_fast import parse_json, parse_xml
from newsterm.ingest.feed_item import item_to_article
from newsterm.ingest.feed_model import FeedItem
from newsterm.ingest.feed_parse import (
    FeedError,
    FeedJob,
    parse_feed,
    parse_with_feedparser,
    process_feed,
)
from newsterm.ingest.feed_values import parse_date
from newsterm.ingest.safexml import UnsafeXml, guard_xml
from tests.feedserver import fixture

URL = "https://feeds.example/feed.xml"


def articles(name: str, content_type: str = "") -> list:  # type: ignore[type-arg]
    feed = parse_feed(fixture(name), URL, content_type)
    return [item_to_article(item, URL) for item in feed.items]


@pytest.mark.parametrize("name", ["rss.xml", "atom.xml"])
def test_fast_path_and_feedparser_agree_on_identity(name: str) -> None:
    data = guard_xml(fixture(name))
    fast = [item_to_article(i, URL) for i in parse_xml(data, URL).items]
    slow = [item_to_article(i, URL) for i in parse_with_feedparser(data, URL, "").items]
    assert [a.guid for a in fast] == [a.guid for a in slow]
    assert [a.url for a in fast] == [a.url for a in slow]
    assert [a.title for a in fast] == [a.title for a in slow]
    assert [a.content_hash for a in fast] == [a.content_hash for a in slow]


def test_rss_items() -> None:
    feed = parse_feed(fixture("rss.xml"), URL)
    assert feed.format == "rss"
    assert feed.title == "Harbour Town Gazette"
    ferry, lighthouse, market = (item_to_article(i, URL) for i in feed.items)
    assert ferry.guid == "gazette-ferry-2024"
    assert ferry.title == "Ferry timetable changes & what they mean"
    assert ferry.paragraphs[0] == "The council has approved a new ferry timetable."
    assert ferry.authors == ["Maria Lopez"]
    assert Contact(name="Maria Lopez", email="maria.lopez@gazette.example") in ferry.contacts
    assert Contact(email="desk@gazette.example") in ferry.contacts
    assert "mailto:desk@gazette.example" in ferry.links
    assert ferry.published is not None and ferry.published.isoformat().startswith("2024-06-03")
    # no guid: the link is the identity; script content is dropped
    assert lighthouse.guid == "https://gazette.example/lighthouse"
    assert lighthouse.authors == ["Sam Reed"]
    assert lighthouse.paragraphs == [
        "After two years of repairs the lighthouse opened its doors again.",
        "Tickets are free this week.",
    ]
    # neither guid nor link: title and date
    assert market.guid == "Market day moved Sat, 01 Jun 2024 07:00:00 +0000"
    assert market.url is None


def test_atom_items_resolve_relative_links_and_html_titles() -> None:
    bridge, choir = articles("atom.xml")
    assert bridge.url == "https://valley.example/news/bridge"
    assert bridge.title == "Bridge repairs finished"
    assert bridge.authors == ["Ines Park"]
    assert bridge.summary == "The old stone bridge is open again."
    assert choir.paragraphs == ["The choir sang three songs.", "They won."]
    assert choir.authors == ["Valley Desk"]  # the feed's author stands in
    assert choir.contacts == [Contact(name="Valley Desk", email="desk@valley.example")]


def test_json_feed() -> None:
    feed = parse_json(fixture("feed.json"), URL)
    assert feed.title == "Orchard Notes"
    apple, bees = (item_to_article(i, URL) for i in feed.items)
    assert apple.guid == "apple-harvest"
    assert apple.paragraphs == ["The first apples were picked on Monday.", "Cider comes later."]
    assert apple.contacts == [Contact(name="Orchard Team", email="team@orchard.example")]
    assert bees.guid == "42"
    assert bees.paragraphs == ["Hives were set out in April.", "Honey is expected in August."]
    assert bees.authors == ["Lea Stone"]


def test_malformed_xml_falls_back_to_feedparser() -> None:
    feed = parse_feed(fixture("malformed.xml"), URL)
    assert feed.format.startswith("feedparser:")
    assert feed.warning
    first = item_to_article(feed.items[0], URL)
    assert first.title == "Mill & bakery reopen"
    assert first.url == "https://mill.example/reopen"


def test_wrong_declared_charset_still_reads() -> None:
    feed = parse_feed(fixture("latin1-declared-utf8.xml"), URL, "application/xml; charset=utf-8")
    item = item_to_article(feed.items[0], URL)
    assert item.title == "Crème brûlée festival"
    assert feed.title == "Café Crème"


def test_billion_laughs_is_never_expanded() -> None:
    feed = parse_feed(fixture("laughs.xml"), URL)
    assert feed.items
    for item in feed.items:
        assert "lollol" not in item.title and len(item.title) < 50
    assert "lollol" not in feed.title


def test_external_entities_are_never_fetched() -> None:
    feed = parse_feed(fixture("xxe.xml"), URL)
    with open("/etc/hostname", encoding="utf-8") as handle:
        secret = handle.read().strip()
    for item in feed.items:
        assert not secret or secret not in item.title


def test_entities_declared_outside_the_doctype_are_refused() -> None:
    data = b'<?xml version="1.0"?><rss><!ENTITY x "y"><channel/></rss>'
    with pytest.raises(UnsafeXml):
        guard_xml(data)


def test_utf16_documents_are_guarded_too() -> None:
    text = fixture("laughs.xml").decode("ascii").replace('<?xml version="1.0"?>', "")
    data = guard_xml(("\ufeff" + text).encode("utf-16-le"))
    assert b"<!ENTITY" not in data and b"<rss" in data


def test_html_page_and_empty_body_are_not_feeds() -> None:
    with pytest.raises(FeedError, match="HTML page"):
        parse_feed(fixture("page.html"), URL)
    with pytest.raises(FeedError, match="empty"):
        parse_feed(b"  \n", URL)
    with pytest.raises(FeedError):
        parse_feed(b'{"not": "a feed"}', URL)


def test_control_sequences_are_sanitised() -> None:
    item = FeedItem(
        id="x\x1b]8;;evil\x07",
        title="Red \x1b[31malert\x1b[0m \u202eoverride",
        content="<p>Body \x1b[2J cleared</p>",
        authors=[("Eve\x07 Mallory", "eve@example.com\x1b[1m")],
    )
    article = item_to_article(item, URL)
    assert article.title == "Red alert override"
    assert article.paragraphs == ["Body cleared"]
    assert article.authors == ["Eve Mallory"]
    assert "\x1b" not in article.guid
    assert all("\x1b" not in (c.email or "") for c in article.contacts)


def test_process_feed_skips_unchanged_items_and_duplicates() -> None:
    body = fixture("rss.xml")
    first = process_feed(FeedJob(URL, body))
    assert first.seen == 3 and len(first.items) == 3
    known = {raw.guid: raw.content_hash for raw in first.items}
    again = process_feed(FeedJob(URL, body, known=known))
    assert again.items == [] and again.seen == 3
    doubled = body.replace(b"</channel>", body.split(b"<channel>")[1].split(b"</title>", 1)[1])
    assert len(process_feed(FeedJob(URL, doubled)).items) == 3


def test_changed_content_changes_the_hash_not_the_identity() -> None:
    before = articles("rss.xml")[0]
    changed = fixture("rss.xml").replace(b"new ferry timetable", b"revised ferry timetable")
    after = item_to_article(parse_feed(changed, URL).items[0], URL)
    assert after.guid == before.guid
    assert after.content_hash != before.content_hash


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_parse_time_is_bounded() -> None:
    items = b"".join(
        b"<item><title>t%d</title><description>&lt;p&gt;x&lt;/p&gt;</description></item>" % i
        for i in range(60000)
    )
    body = b"<rss><channel><title>big</title>" + items + b"</channel></rss>"
    with pytest.raises(FeedError, match="longer than"):
        process_feed(FeedJob(URL, body, time_limit=0.02))


SIMPLE_FRAGMENTS = [
    "<p>One.</p><p>Two &amp; three.</p>",
    "Plain text with <b>bold</b> and <a href='https://x.example/a?b=1&amp;c=2'>a link</a>.",
    "<div><p>Nested <em>em</em></p><br/>After break<br>and more</div>",
    '<p>Mail <a href="mailto:ed@x.example">ed</a> or <a href="javascript:alert(1)">no</a></p>',
    "<ul><li>first</li><li>second</li></ul><p>&#8220;Quoted,&#8221; she said.</p>",
    "<P CLASS=x>Upper case</P><IMG SRC=x.png>",
    "<p>Escapes \x1b[31mred\x1b[0m and \u202eflip</p>",
    "<p>a < b and c > d</p>",
    "<p title='a>b'>tricky</p>",
    "<script>bad()</script><p>after</p>",
    "<o:p>word</o:p><p>ms word</p>",
    "<!-- note --><p>comment</p>",
    "<h1>Head</h1><p>body</p>",
]


@pytest.mark.parametrize("markup", SIMPLE_FRAGMENTS)
def test_fast_html_path_matches_the_reference(markup: str) -> None:
    from newsterm.extract.html import html_to_text
    from newsterm.ingest.feed_html import _simple, paragraphs_and_links

    reference = html_to_text(markup)
    assert paragraphs_and_links(markup) == (reference.paragraphs, reference.links)
    fast = _simple(markup)
    assert fast is None or fast == (reference.paragraphs, reference.links)


_MARKUP_PIECES = st.sampled_from(
    [
        *("<p>", "</p>", "<br>", "<br/>", "<b>", "</b>", "<h1>", "</h1>", "<div class=x>"),
        *("</div>", "<li>", "<ul>", "<em>", "<span>", "<sup>1</sup>", "<o:p>", "<!-- c -->"),
        *("<a href='http://x.example/a'>", '<a href="mailto:Ed@x.example">', "</a>", "<a>"),
        *("<A HREF='https://z.example'>", "<a href=http://y.example/>", "<img src=x.png>"),
        *("<", ">"),
        *("&amp;", "&amp", "&#8220;", "&#x200b;", "&shy;", "&lt;", "&", "&#"),
        *(" ", "\n", "\t", "\r", "\xa0", "\u2028", "\x1b[3m", "a", "B c", "“Quoted,” she said."),
    ]
)


@given(st.lists(_MARKUP_PIECES, max_size=25).map("".join))
def test_fast_html_path_agrees_with_the_reference_whenever_it_answers(markup: str) -> None:
    from newsterm.extract.html import html_to_text
    from newsterm.ingest.feed_html import _simple

    fast = _simple(markup)
    if fast is not None:
        reference = html_to_text(markup)
        assert fast == (reference.paragraphs, reference.links)


def test_doctype_words_in_comments_and_cdata_are_left_alone() -> None:
    data = (
        b'<!-- mentions "<!DOCTYPE" and <!ENTITY x "y"> -->\n'
        b"<rss><channel><title>t</title><item><title>a</title>"
        b"<description><![CDATA[ <!DOCTYPE <!ENTITY ]]></description></item></channel></rss>"
    )
    assert guard_xml(data) == data
    assert parse_feed(data, URL).items[0].summary.strip() == "<!DOCTYPE <!ENTITY"


def general_date(text: str) -> datetime | None:
    """``parse_date`` by its general path alone: the reference its fast path must agree with."""
    with patch.object(feed_values, "_usual_date", return_value=None):
        return parse_date(text)


_DAY_NAMES = ["", "Mon, ", "Sat, ", "sat, ", "Xyz, "]
_MONTH_NAMES = ["Jan", "Feb", "Jun", "Dec", "jun", "June", "Foo"]
_ZONES = ["+0000", "-0000", "+0530", "-0800", "+2400", "+9959", "GMT", "UT", "UTC", "EST", "Z"]


@given(
    st.sampled_from(_DAY_NAMES),
    st.integers(0, 40),
    st.sampled_from(_MONTH_NAMES),
    st.sampled_from([1, 99, 1969, 2024, 9999]),
    st.integers(0, 61),
    st.sampled_from(["", " ", "x"]),
    st.sampled_from(_ZONES),
)
def test_usual_rfc822_dates_read_as_the_general_path_reads_them(
    weekday: str, day: int, month: str, year: int, second: int, gap: str, zone: str
) -> None:
    for day_text in (str(day), f"{day:02d}"):
        text = f"{weekday}{day_text} {month} {year:04d} 23:{second % 60:02d}:{second:02d} {zone}"
        assert parse_date(text + gap) == general_date(text + gap), text + gap


@given(
    st.integers(0, 13),
    st.integers(0, 32),
    st.integers(0, 25),
    st.sampled_from(["Z", "+00:00", "-05:30", "+23:59", "", ".123Z", " x", "+24:00"]),
    st.sampled_from(["T", " ", "t"]),
)
def test_usual_iso_dates_read_as_the_general_path_reads_them(
    month: int, day: int, hour: int, zone: str, sep: str
) -> None:
    text = f"2024-{month:02d}-{day:02d}{sep}{hour:02d}:14:00{zone}"
    assert parse_date(text) == general_date(text), text
    assert parse_date(text[:10]) == general_date(text[:10])
