"""Places a text implies rather than names as a known city: a dateline at the top of the article, "the capital" of a
country, a well-known venue ("at Hyderabad House"), a city the gazetteer does not know but the text names with its
country ("in Samarkand, Uzbekistan"), and a capital used as a modifier ("the Paris summit"). ``attributes._location``
and ``attributes._destination`` ask these when the sentence names no city with a locative word.

Each returns a LOCATION ``Mention`` whose text is the city's name, so that the engagement's ``location_city`` is the
city and its ``location_country`` the city's country (a venue in a third country is recorded as such)."""

from __future__ import annotations

import functools
import re

import ahocorasick

from pipeline.countries import country_table, gazetteer
from pipeline.engagements.anchors import Mention
from pipeline.engagements.cities import own_name_of_large_city, unique_city
from pipeline.engagements.lexicon import _data_lines
from pipeline.entities.lexicon import _is_vocabulary
from pipeline.person_names import fold_accents

_VENUE_BEFORE = re.compile(
    r"\b(?:at|in|inside|outside|to|on|from|sidelines\s+of|during|visit(?:s|ed|ing)?|arrived\s+at)\s+(?:the\s+)?"
    r"(?-i:[A-Z][\w’'-]*\s+){0,2}$",
    re.IGNORECASE,
)
"""Before a venue, the words that make it the place of an engagement ("at the White House", "at the Maldivian
Presidential Office"), not a speaker ("the White House said")."""
_CAPITAL = re.compile(r"\bcapital\b(?:\s+city)?")
_CAPITAL_OWNER_GAP = re.compile(r"^(?:['’]s)?\s+$")
_LOCATIVE_BEFORE_CAPITAL = re.compile(
    r"\b(?:in|at|to|reached|arrived\s+in|arrives\s+in|landed\s+in)\s+(?:the\s+)?$", re.IGNORECASE
)
_CITY_WORDS = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?"
_CITY_BEFORE_COUNTRY = re.compile(rf"\b(?:in|at|to)\s+({_CITY_WORDS}),\s+$")
_CITY_AFTER_COUNTRY = re.compile(rf"^['’]s\s+({_CITY_WORDS})")
_IN_BEFORE = re.compile(r"\b(?:in|at|to)\s+(?:the\s+)?$", re.IGNORECASE)
_MODIFIED_ANCHOR_GAP = re.compile(r"^\s+(?:[a-z-]+\s+)?$")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_LETTERS = r"[^\W\d_]"
_DATELINE = re.compile(
    rf"^(?:(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\s+[-–—]\s+)?"
    rf"(?P<city>{_LETTERS}[\w’'.-]*(?:\s+{_LETTERS}[\w’'.-]*){{0,2}}?)"
    r"(?:\s*\[(?P<bracket>[A-Z][A-Za-z ]+)\]|,\s+(?P<country>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)(?=,|\s+[-–—|]))?"
    rf"(?P<date>,?\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})(?:,?\s+\d{{4}})?)?"
    r"\s*\.?\s*(?P<agency>\([^()\n]{1,60}\)|/[A-Za-z]+/\.?|\|\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}\s*(?=\|))?"
    r"\s*(?P<sep>[-–—―:|]|(?<=[\d)/.])\s)\s*(?=\S)"
)
"""A dateline: a city in capitals or title case (with its diacritics: "HÀ NỘI —"), its country or region in brackets
or after a comma, a date, an agency in parentheses, slashes or pipes, then a dash, colon or pipe ("NAIROBI —", "New
Delhi [India], March 15 (ANI):", "MANILA Feb 14", "Kuwait City, Kuwait | AFP |"); a press release may open it
with its date ("March 3, 2021 - Ottawa, Ontario - Ministry of ...")."""
_DATELINE_LINES = 4


@functools.cache
def _venues() -> dict[str, list[tuple[str, str]]]:
    """Venue -> its (city, country) options, from ``data/venues.tsv``; a name with an apostrophe also with the
    typographic one ("Prince’s Palace"), and a name several countries have also in lower case ("at the presidential
    palace")."""
    venues: dict[str, list[tuple[str, str]]] = {}
    for line in _data_lines("venues.tsv"):
        venue, city, code = line.split("\t")
        for name in dict.fromkeys((venue, venue.replace("'", "’"))):
            venues.setdefault(name, []).append((city, code))
    for name, options in list(venues.items()):
        if len(options) > 1 and name.lower() not in venues:
            venues[name.lower()] = options
    return venues


@functools.cache
def _venue_pattern() -> re.Pattern:
    names = sorted(_venues(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


@functools.cache
def _venue_names() -> ahocorasick.Automaton:
    """Every venue's name, found in one pass over a text (``_names_a_venue``)."""
    automaton = ahocorasick.Automaton()
    for name in _venues():
        automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


def _names_a_venue(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a venue's name anywhere, word boundaries aside: a match of
    ``_venue_pattern`` there is one of these names, so a text without one holds no venue. Most sentences hold
    none, and the automaton tells it several times faster than the pattern's search (``article_places`` asks it
    of every sentence of an article)."""
    return next(_venue_names().iter(text, start, end), None) is not None


@functools.cache
def _capitals() -> dict[str, str]:
    """Country code -> the name of its capital."""
    table = country_table().select("country_code", "capital").drop_nulls()
    return dict(table.iter_rows())


def _city(start: int, end: int, city: str, code: str | None) -> Mention:
    return Mention(start, end, city, "LOCATION", f"loc:{city.lower()}", code)


def venue_place(text: str, scope: tuple[int, int], pair: tuple[str, ...] | None) -> Mention | None:
    """The city of a well-known venue named as a place in ``scope`` ("at the Élysée", "on Parliament Hill"). A venue
    several countries have ("State House") counts only when exactly one of ``pair`` has one: the engagement's two
    countries, or the countries an article names (``places_of_engagements.article_places``)."""
    if not _names_a_venue(text, *scope):
        return None
    for found in _venue_pattern().finditer(text, scope[0], scope[1]):
        if not _VENUE_BEFORE.search(text[max(0, found.start() - 30) : found.start()]):
            continue
        options = _venues()[found.group()]
        if len(options) > 1:
            options = [o for o in options if pair and o[1] in pair]
        if len(options) == 1:
            return _city(found.start(), found.end(), *options[0])
    return None


def capital_place(
    text: str, scope: tuple[int, int], countries: list[Mention], places: list[Mention]
) -> Mention | None:
    """ "in the Mexican capital", "in Eritrean capital Asmara", "in the capital of Kenya": the city named after
    "capital" when there is one, else the capital of the country named with it."""
    for found in _CAPITAL.finditer(text, scope[0], scope[1]):
        owner = next(
            (
                c
                for c in countries
                if c.end <= found.start() and _CAPITAL_OWNER_GAP.match(text[c.end : found.start()])
            ),
            None,
        )
        head = owner.start if owner else found.start()
        if not _LOCATIVE_BEFORE_CAPITAL.search(text[max(0, head - 25) : head]):
            continue
        if owner is None:
            of = re.match(r"\s+of\s+(?:the\s+)?", text[found.end() :])
            owner = next((c for c in countries if of and c.start == found.end() + of.end()), None)
        named = next(
            (p for p in places if p.label == "LOCATION" and found.end() <= p.start <= found.end() + 2),
            None,
        )
        if named is not None:
            return named
        if owner is not None and owner.country_code in _capitals():
            return _city(found.start(), found.end(), _capitals()[owner.country_code], owner.country_code)
    return None


def city_with_country(text: str, scope: tuple[int, int], countries: list[Mention]) -> Mention | None:
    """A city the gazetteer does not know, named with its country: "in Samarkand, Uzbekistan", "in Russia's
    Kazan"."""
    for country in countries:
        if not scope[0] <= country.start < scope[1] or country.label != "COUNTRY":
            continue
        before = _CITY_BEFORE_COUNTRY.search(text[max(0, country.start - 40) : country.start])
        if before and _is_city_name(before.group(1)):
            start = country.start - len(before.group(0)) + before.start(1)
            return _city(start, start + len(before.group(1)), before.group(1), country.country_code)
        after = _CITY_AFTER_COUNTRY.match(text[country.end :])
        if (
            after
            and _IN_BEFORE.search(text[max(0, country.start - 10) : country.start])
            and _is_city_name(after.group(1))
        ):
            start = country.end + after.start(1)
            return _city(start, start + len(after.group(1)), after.group(1), country.country_code)
    return None


def _is_city_name(words: str) -> bool:
    """Capitalised words that may be a city's name: not a country or a known word ("Prime", "Minister")."""
    entry = gazetteer().get(words)
    if entry is not None and entry.kind not in ("capital", "city"):
        return False
    return not any(_is_vocabulary(w) for w in words.split())


def modifier_place(text: str, anchor_start: int, countries: list[Mention]) -> Mention | None:
    """A capital or city named as the engagement's modifier ("the Paris summit", "their Tokyo talks"), which the
    gazetteer reading takes for the government: where the engagement was held."""
    for country in countries:
        entry = gazetteer().get(country.text)
        if (
            entry is not None
            and entry.kind in ("capital", "city")
            and country.end <= anchor_start
            and _MODIFIED_ANCHOR_GAP.match(text[country.end : anchor_start])
        ):
            return _city(country.start, country.end, country.text, country.country_code)
    return None


def dateline_place(text: str) -> Mention | None:
    """The city of an article's dateline, in one of its first lines ("NAIROBI —", "ADDIS ABABA-", "New Delhi
    [India], March 15 (ANI):"): a city or capital the gazetteer knows (a city-state by its name), or any city
    whose country the dateline gives in brackets or after a comma, or a large city of one country only
    (``cities.unique_city``: "SAMARKAND, Sept 16 -"). The offsets are those of the city in ``text``.
    A country's name ("Togo: ...", a headline) is no dateline."""
    offset = 0
    for line in text.split("\n", _DATELINE_LINES)[:_DATELINE_LINES]:
        found = _DATELINE.match(line)
        if (
            found
            and found.group("city")[0].isupper()
            and (found.group("date") or found.group("agency") or found.group("sep") in "-–—―:|")
        ):
            place = _dateline_city(found)
            if place is not None:
                city, code = place
                start = offset + found.start("city")
                return _city(start, start + len(found.group("city")), city, code)
        offset += len(line) + 1
    return None


def _dateline_city(found: re.Match) -> tuple[str, str] | None:
    """(city, country) of a dateline match, or None when its first words are no city."""
    words = found.group("city")
    name = words if not words.isupper() else " ".join(w.capitalize() for w in words.split())
    if not name.isascii():  # "Hà Nội": the gazetteer's capital is "Hanoi", a large city's alternate name "Ha Noi"
        name = own_name_of_large_city(fold_accents(name)) or fold_accents(name)
    stated = found.group("bracket") or found.group("country")
    stated_entry = gazetteer().get(stated) if stated else None
    stated_code = stated_entry.country_code if stated_entry and stated_entry.kind == "name" else None
    entry = gazetteer().get(name)
    if (
        entry is not None
        and entry.kind in ("capital", "city")
        and entry.country_code
        and stated_code in (None, entry.country_code)
    ):
        return name, entry.country_code
    if entry is not None and entry.kind == "name" and _capitals().get(entry.country_code) == name:
        return name, entry.country_code
    if entry is None and stated_code and not any(_is_vocabulary(w) for w in name.split()):
        return name, stated_code
    if entry is None and stated is None and (code := unique_city(name)) is not None:
        return name, code
    return None
