"""Authors and contacts: Write to lines, obfuscated addresses, handles, metadata, merging."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsterm.analysis import Contact
from newsterm.extract import analyse
from newsterm.extract.contacts import (
    deobfuscate,
    is_contact_line,
    merge_contacts,
    normalise_metadata,
    parse_contact_line,
)

BODY = "The council met on Tuesday and approved the budget for next year."


@pytest.mark.parametrize(
    "line",
    [
        "Write to Ana Lima at ana@example.com, Tom Reid at tom@example.com"
        " and Ida Berg at ida@example.org",
        "Write to Ana Lima at ana@example.com, Tom Reid at tom@example.com,"
        " and Ida Berg at ida@example.org.",
    ],
)
def test_write_to_with_any_number_of_authors(line: str) -> None:
    contacts, names = parse_contact_line(line)
    assert names == ["Ana Lima", "Tom Reid", "Ida Berg"]
    assert [(c.name, c.email) for c in contacts] == [
        ("Ana Lima", "ana@example.com"),
        ("Tom Reid", "tom@example.com"),
        ("Ida Berg", "ida@example.org"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jroe at example dot com", "jroe@example.com"),
        ("jroe [at] example [dot] com", "jroe@example.com"),
        ("jroe (at) mail (dot) example (dot) org", "jroe@mail.example.org"),
        ("jroe AT example DOT com", "jroe@example.com"),
    ],
)
def test_obfuscated_addresses(text: str, expected: str) -> None:
    assert deobfuscate(text) == expected


def test_contact_line_with_obfuscated_address_names_its_owner() -> None:
    contacts, names = parse_contact_line("Contact Jane Roe at jroe at example dot com.")
    assert contacts == [Contact(name="Jane Roe", email="jroe@example.com")]
    assert names == []  # "Contact" names are not authors


def test_handles_with_pronoun_resolve_to_the_only_author() -> None:
    contacts, _names = parse_contact_line("Follow him on X @tomreid", ["Tom Reid"])
    assert contacts == [Contact(name="Tom Reid", url="https://x.com/tomreid", handle="@tomreid")]


def test_twitter_bluesky_and_mastodon_handles() -> None:
    contacts, _names = parse_contact_line(
        "Follow Ana Lima on Twitter @alima, on Bluesky @alima.bsky.social "
        "and on Mastodon @alima@social.example.org"
    )
    assert [(c.name, c.handle, c.url) for c in contacts] == [
        ("Ana Lima", "@alima", "https://x.com/alima"),
        ("Ana Lima", "@alima.bsky.social", "https://bsky.app/profile/alima.bsky.social"),
        ("Ana Lima", "@alima@social.example.org", "https://social.example.org/@alima"),
    ]


def test_contact_lines_are_recognised_and_prose_is_not() -> None:
    assert is_contact_line("Write to Ana Lima at ana@example.com")
    assert is_contact_line("Email: tips [at] example [dot] org")
    assert is_contact_line("Ana Lima is a reporter in Lagos. Follow her on X @alima.")
    assert not is_contact_line("The ministry published its address, info@example.gov, online.")
    assert not is_contact_line(BODY)


def test_metadata_mailto_and_rss_author_forms() -> None:
    names, contacts = normalise_metadata(
        ["ana@example.com (Ana Lima)", "Tom Reid"],
        [Contact(url="mailto:Tom@Example.com?subject=Hello")],
    )
    assert names == ["Ana Lima", "Tom Reid"]
    assert contacts == [
        Contact(name="Ana Lima", email="ana@example.com"),
        Contact(email="tom@example.com"),
    ]


def test_merge_same_person_across_lines() -> None:
    merged = merge_contacts(
        [
            Contact(name="Ana Lima", email="ana@example.com"),
            Contact(name="Ana Lima", handle="@alima", url="https://x.com/alima"),
            Contact(email="ANA@example.com"),
            Contact(name="Tom Reid"),
        ]
    )
    assert merged == [
        Contact(
            name="Ana Lima", email="ana@example.com", url="https://x.com/alima", handle="@alima"
        )
    ]


def test_analyse_merges_metadata_with_the_text() -> None:
    result = analyse(
        "Budget passes",
        [BODY, "Write to Ana Lima at ana@example.com"],
        authors=["Ana Lima"],
        contacts=[Contact(name="Ana Lima", url="mailto:ana@example.com")],
    )
    assert result.authors == ["Ana Lima"]
    assert result.contacts == [Contact(name="Ana Lima", email="ana@example.com")]
    assert result.paragraphs == [BODY]


def test_byline_names_are_authors_and_write_to_adds_more() -> None:
    result = analyse(
        "Budget passes",
        ["By ANA LIMA, Associated Press", BODY, "Write to Tom Reid at tom@example.com"],
    )
    assert result.authors == ["Ana Lima", "Tom Reid"]


def test_editors_and_contributors_are_credits_not_authors() -> None:
    result = analyse(
        "Budget passes",
        [
            "By Ana Lima",
            BODY,
            "Tom Reid contributed to this report.",
            "(Reporting by Ana Lima; Editing by Ida Berg)",
        ],
    )
    assert result.authors == ["Ana Lima"]
    assert result.credits == [
        "Tom Reid contributed to this report",
        "Reporting by Ana Lima",
        "Editing by Ida Berg",
    ]
    assert result.paragraphs == [BODY]


def test_reuters_reporting_names_are_authors_without_a_byline() -> None:
    result = analyse("Rates", [BODY, "(Reporting by Ana Lima and Tom Reid; Editing by Ida Berg)"])
    assert result.authors == ["Ana Lima", "Tom Reid"]


def test_the_wire_writer_is_an_author_beside_the_byline() -> None:
    """ "Writing by X" names who wrote the story; "Additional reporting by" lists many
    reporters with their cities, which makes a long line, and names no author."""
    helpers = ", ".join(f"Reporter{n} Surname{n} in CITY{n}" for n in range(14))
    credit = (
        f"(Additional reporting by {helpers}; Writing by Ivo Marsh and Lea Dunn; "
        "Editing by Ida Berg)"
    )
    assert len(credit) > 300
    result = analyse("Search widens", ["By Ana Lima", BODY, credit])
    assert result.authors == ["Ana Lima", "Ivo Marsh", "Lea Dunn"]
    assert result.paragraphs == [BODY]
    assert result.credits[-2:] == ["Writing by Ivo Marsh and Lea Dunn", "Editing by Ida Berg"]
    no_byline = analyse("Rates", [BODY, "(Reporting by Ana Lima; Writing by Ivo Marsh)"])
    assert no_byline.authors == ["Ana Lima", "Ivo Marsh"]


def test_a_paragraph_closing_with_an_address_gives_its_reporter_as_a_contact() -> None:
    """ "… we'd like to hear from you. Email iburke@…" closes a story's paragraph: the mailbox
    spells one author's surname; the paragraph stays in the story."""
    closing = "If our count does not match yours, we want to hear. Email iburke@example.com."
    result = analyse("Tracker", ["By Ivo Burke and Lea Dunn", BODY, closing, BODY])
    assert result.contacts == [Contact(name="Ivo Burke", email="iburke@example.com")]
    assert result.paragraphs == [BODY, closing, BODY]
    told = "Tell us what you saw. Email newsroom@example.com."
    assert analyse("Tracker", ["By Ivo Burke", BODY, told]).contacts == []


_REFERENCE_PATTERNS = {
    # The look-behind-first forms these patterns had: the rewritten ones must match the same.
    "contacts._HANDLE": r"(?<![\w@.+-])@[A-Za-z0-9_][\w.-]*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?",
    "contacts._NAME_RUN": (
        r"(?<![\w'’.-])[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|del|van|von|der|bin|al|la|le|du))*"
    ),
    "quotes._PERSON_RUN": (
        r"(?<![\w'’.-])[A-Z][\w'’-]+\.?(?:\s+(?:[A-Z][\w'’-]+|[A-Z]\.|de|da|del|van|von|der|bin|al))*"
    ),
}


@given(
    st.lists(
        st.sampled_from(["@", "a", "B", "Ann", " ", "-", ".", "'", "’", "_", "+", "de", "x.org"])
        | st.text(max_size=3),
        max_size=20,
    ).map("".join)
)
def test_rewritten_patterns_match_as_their_reference(text: str) -> None:
    import re

    from newsterm.extract import contacts, quotes

    modules = {"contacts": contacts, "quotes": quotes}
    for name, reference in _REFERENCE_PATTERNS.items():
        module, attribute = name.split(".")
        pattern = getattr(modules[module], attribute)
        expected = [m.span() for m in re.finditer(reference, text)]
        assert [m.span() for m in pattern.finditer(text)] == expected, name


def test_without_a_byline_the_trailers_named_contacts_are_the_authors() -> None:
    from newsterm.extract import analyse

    body = [
        "The ferry will stop at the north pier until spring, the harbour office said.",
        "Passengers should allow ten more minutes for the walk.",
    ]
    reached = analyse("Ferry moves", [*body, "Dana Whitlock may be reached at dw@example.com."])
    assert reached.authors == ["Dana Whitlock"]
    follow = analyse("Ferry moves", [*body, "Follow Omar Haddad on Twitter @ohaddad."])
    assert follow.authors == ["Omar Haddad"]
    bylined = analyse(
        "Ferry moves", ["By Lena Holt", *body, "Dana Whitlock may be reached at dw@example.com."]
    )
    assert bylined.authors == ["Lena Holt"]  # a byline says who wrote it
    site = analyse("Ferry moves", [*body, "Follow us on Twitter @harbournews."])
    assert site.authors == []  # the site's own account names no one
    story = "To contact the reporter on this story: Ines Okafor in Lagos at io@example.net"
    assert analyse("Ferry moves", [*body, story]).authors == ["Ines Okafor"]
    organiser = analyse("Ferry moves", [*body, "Contact Theo Lambert at tl@example.org."])
    assert organiser.authors == []  # a contact, not said to be the reporter


_FERRY = [
    "The ferry will stop at the north pier until spring, the harbour office said.",
    "Passengers should allow ten more minutes for the walk.",
]


def test_a_reporter_bio_or_a_follow_after_the_address_names_the_author() -> None:
    """Without a byline: "X covers … Email: …", "X is a staff writer", "Email X at … or follow
    her @…" are the reporter's trailer; the owner of a pronoun is named a sentence before."""
    cases = {
        "Dana Whitlock covers the port for the Bay Courier. Email: dw@example.com": "dw",
        "Dana Whitlock writes about transport. Contact her at dw@example.com.": "dw",
        "Dana Whitlock is a senior staff writer. dw@example.com": "dw",
        "Email Dana Whitlock at dw@example.com or follow her @dwhitlock.": "dw",
    }
    for line, user in cases.items():
        result = analyse("Ferry moves", [*_FERRY, line])
        assert result.authors == ["Dana Whitlock"], line
        assert [(c.name, c.email) for c in result.contacts if c.email] == [
            ("Dana Whitlock", f"{user}@example.com")
        ], line


def test_the_sites_account_after_the_reporters_follow_line_is_not_the_author() -> None:
    """ "Follow X on Twitter and Google+. Follow us @site" / "Follow Site @site": the reporter is
    the one followed "on"; the names of one sentence do not own the next one's handle."""
    line = "Follow Mira Olsen on Twitter and Google+. Follow us @baynews, Facebook & Google+."
    result = analyse("Ferry moves", [*_FERRY, line])
    assert result.authors == ["Mira Olsen"]
    assert [(c.name, c.handle) for c in result.contacts] == [(None, "@baynews")]
    named = "Follow Mira Olsen on Twitter. Follow Bay News @baynews, Facebook & Google+."
    assert analyse("Ferry moves", [*_FERRY, named]).authors == ["Mira Olsen"]


def test_a_byline_with_addresses_gives_the_authors_contacts() -> None:
    result = analyse("Ferry moves", ["By Lena Holt | lholt@example.com", *_FERRY])
    assert result.authors == ["Lena Holt"]
    assert [(c.name, c.email) for c in result.contacts] == [("Lena Holt", "lholt@example.com")]
    handle = analyse("Ferry moves", ["By Lena Holt @lenaholt", *_FERRY])
    assert [(c.name, c.handle) for c in handle.contacts] == [("Lena Holt", "@lenaholt")]


def test_a_name_and_nothing_but_addresses_is_a_contact_line() -> None:
    for line in (
        "— Tam Berg, tberg@example.com",
        "Tam Berg: 555-201-7788; tberg@example.com; Twitter: @tamberg",
    ):
        assert is_contact_line(line)
        contacts, _ = parse_contact_line(line)
        assert {c.name for c in contacts} == {"Tam Berg"}, line
        assert [c.email for c in merge_contacts(contacts)] == ["tberg@example.com"]


def test_a_closing_bio_without_an_address_names_the_author_without_a_byline() -> None:
    for line in (
        "Dana Whitlock is a freelance writer based in Porto.",
        "Dana Whitlock is the Bay Courier's transport reporter.",
        "Dana Whitlock can be reached at 555-201-7788.",
    ):
        assert analyse("Ferry moves", [*_FERRY, line]).authors == ["Dana Whitlock"], line
    bylined = analyse("Ferry moves", ["By Lena Holt", *_FERRY, "Dana Whitlock is a writer."])
    assert bylined.authors == ["Lena Holt"]
    quoted = "Dana Whitlock, a ferry captain, said the pier was too short."
    assert analyse("Ferry moves", [*_FERRY, quoted]).authors == []
