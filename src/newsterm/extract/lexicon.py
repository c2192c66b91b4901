"""Word lists shared by the extractors (speech verbs, titles, particles, stop words)."""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A set of the whitespace-separated words in ``text``."""
    return frozenset(text.split())


def caseless(*needles: str) -> re.Pattern[str]:
    """A pattern that finds one of ``needles`` exactly where ``needle in text.lower()`` would.

    It saves lower-casing a whole paragraph to look for a few words. Needles are lower-case
    ASCII without "k" and not ending in "i": only ASCII letters lower into such a needle (the
    other characters whose lower case holds an ASCII letter are İ, lowered to "i" and a
    combining dot, and the Kelvin sign, lowered to "k"; a test checks there are no more), so
    ASCII-only case-insensitive matching finds the same.
    """
    for needle in needles:
        if not needle.isascii() or needle != needle.lower() or "k" in needle or needle[-1:] == "i":
            raise ValueError(f"caseless() cannot stand in for lower() with {needle!r}")
    return re.compile("|".join(map(re.escape, needles)), re.IGNORECASE | re.ASCII)


PARTICLES = words("de da del della di do dos du van von der den ter la le bin bint ibn al el y mac")
"""Lower-case particles inside personal names ("Ana de la Cruz")."""

MONTHS = words(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)
"""Month names and their short forms, lower-case."""

MONTHS_AND_DAYS = MONTHS | words("monday tuesday wednesday thursday friday saturday sunday")

OPENING_QUOTES = ("“", '"', "‘", "«")
"""The marks a quotation opens with (a line holding one may be a quotation's)."""

NAME_MONTHS = words("april may june august")
"""Months that are also personal names ("April Glaser", "Tamsin May")."""

PRONOUNS = words("he she they it we i")
PERSON_PRONOUNS = words("he she him her")

TITLES = words(
    "president vice prime minister sen. senator rep. representative gov. governor mayor dr."
    " mr. mrs. ms. mx. prof. professor judge justice gen. general lt. col. sgt. capt. captain"
    " adm. admiral chancellor king queen prince princess pope secretary ambassador"
    " commissioner rev. father sister sheikh chairman chairwoman chief director officer"
    " speaker premier sir dame lord lady inspector detective sheriff goalkeeper coach manager"
    " striker defender midfielder forward pitcher quarterback ceo cfo coo cto executive"
)
"""Words that may stand before a name ("President Trump", "Dr. Ana Ruiz")."""

ABBREVIATIONS = words(
    "mr mrs ms mx dr prof sen rep gov gen lt col sgt capt adm rev st jr sr no vs inc co corp"
    " ltd jan feb mar apr jun jul aug sep sept oct nov dec ft mt u.s u.k u.n e.u a.m p.m"
)
"""Words (without their final dot) whose dot does not end a sentence."""
