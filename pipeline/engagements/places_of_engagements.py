"""The place of an engagement by the evidence of its whole article, where its own sentence names none.

A sentence often states an engagement without its place ("The two leaders will discuss bilateral ties", "On the
sidelines of the summit, Erdoğan held meetings with ...", "a two-day trip to South Korea") while another
sentence of the article says where it happens ("arrived in Seoul", "the SCO summit in Samarkand, Uzbekistan",
"hosted her at State House in Nairobi"). And a dateline places an engagement only for want of anything better:
"TEHRAN –" on a story of a visit to Caracas is where the report was filed. ``article_places`` lists the cities
the article names as the site of something (after a locative, arrival or departure word, or with their country);
``with_article_places`` gives them to the article's rows whose own place is missing or only the dateline's
(annotation guide, "Place": only where the text states or clearly implies it).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.countries import gazetteer
from pipeline.engagements.anchors import Mention
from pipeline.engagements.cities import site_city, unique_site_city
from pipeline.engagements.not_engagements import _OTHER_EVENT_SITE_BEFORE
from pipeline.engagements.venues import _capitals, city_with_country, venue_place

_SITE_BEFORE = re.compile(
    r"\b(?i:in|at|to|for|reached|visit(?:s|ed|ing)?|arriv(?:e|es|ed|ing)\s+in|land(?:s|ed|ing)?\s+in)\s+"
    r"(?:the\s+)?(?:(?:[A-Z][\w'’-]+\s+)?capital(?:\s+city)?\s+(?:of\s+)?)?$"
)
"""Before a city, the words that make it the site of something ("arrived in Seoul", "departed for Tokyo", "in
the Mongolian capital of Ulaanbaatar"); a city named as a government ("Seoul said") is not one."""
_NAME_GOES_ON = re.compile(r" (?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[A-Z][a-z]")
"""After a city, a capitalised word that makes it part of a longer name ("Hyderabad House", "Seoul National
University"), which is no city (a well-known venue is read as such: ``venue_place``)."""
_GATHERING = re.compile(r"\b(?:summit|sidelines|conference|forum)\b", re.IGNORECASE)
"""The words of a multilateral gathering, at whose site the bilateral meetings on its sidelines are held."""
_NO_PLACE_TYPES = {"call"}
"""Engagement types that have no place: a call joins two capitals."""


@dataclass(frozen=True)
class ArticlePlace:
    """A city an article names as a site: its name, country, offset in the article, and whether its sentence
    names a multilateral gathering ("the SCO summit in Samarkand")."""

    city: str
    country: str
    start: int
    gathering: bool


def _city_name(text: str) -> str:
    return " ".join(w.capitalize() for w in text.split()) if text.isupper() else text


def _is_city(mention: dict) -> bool:
    """A mention with a country that the gazetteer knows as a capital or a city, whether tagged LOCATION or
    COUNTRY (a capital is read as its government by default: "Tokyo" in "departed for Tokyo"), or a city-state
    ("in Singapore"). A region ("in Tigray") is no city."""
    if not mention.get("country_code") or mention["label"] not in ("LOCATION", "COUNTRY"):
        return False
    name = _city_name(mention["text"])
    entry = gazetteer().get(name)
    if entry is not None and entry.kind in ("capital", "city"):
        return True
    return entry is not None and entry.kind == "name" and _capitals().get(entry.country_code) == name


def article_places(sentences: list[dict], mentions: list[dict]) -> list[ArticlePlace]:
    """The cities an article names as the site of something, in text order: a city after a locative, arrival or
    departure word (``_SITE_BEFORE``; not the site of another event a trip is dated by, "after the summit in
    Lima"), or a city the gazetteer does not know named with its country ("in Samarkand, Uzbekistan"), else a
    smaller city of a country the article names, or a large city of one country only, after a locative word
    (``cities``: "talks in Ghent", "the summit in Samarkand").
    ``sentences`` carry their text and ``start_char``; ``mentions`` are the article's entity mentions with
    offsets in the article."""
    by_sentence: dict[int, list[dict]] = {}
    article_countries = tuple({m["country_code"] for m in mentions if m["label"] == "COUNTRY" and m["country_code"]})
    for m in mentions:
        by_sentence.setdefault(m["sentence_index"], []).append(m)
    places = []
    for sentence in sentences:
        text, base = sentence["text"], sentence["start_char"]
        gathering = bool(_GATHERING.search(text))
        own = by_sentence.get(sentence["sentence_index"], [])
        found = []
        for m in own:
            start = m["start_char"] - base
            before = text[max(0, start - 40) : start]
            if _NAME_GOES_ON.match(text, m["end_char"] - base):
                continue
            if (
                _is_city(m)
                and _SITE_BEFORE.search(before)
                and not _OTHER_EVENT_SITE_BEFORE.search(text[max(0, start - 80) : start])
            ):
                found.append(ArticlePlace(_city_name(m["text"]), m["country_code"], m["start_char"], gathering))
        countries = [Mention.in_sentence(m, base) for m in own if m["label"] == "COUNTRY" and m["country_code"]]
        venue = venue_place(text, (0, len(text)), article_countries)
        if venue is not None:
            found.append(ArticlePlace(venue.text, venue.country_code, base + venue.start, gathering))
        named = city_with_country(text, (0, len(text)), countries)
        if named is None and not found:
            named = site_city(text, (0, len(text)), article_countries) or unique_site_city(text, (0, len(text)))
        if named is not None and not any(p.start == base + named.start for p in found):
            found.append(ArticlePlace(named.text, named.country_code, base + named.start, gathering))
        places += sorted(found, key=lambda p: p.start)
    return places


def _opens_a_name(row: dict) -> bool:
    """Whether a row's city is named in its sentence only as the opening of a longer name ("at the Hyderabad
    House"), which is no city."""
    city, sentence = row["location_city"], row["sentence"]
    found = [f.start() for f in re.finditer(re.escape(city or "\0"), sentence, re.IGNORECASE)]
    return bool(found) and all(_NAME_GOES_ON.match(sentence, start + len(city)) for start in found)


def _is_dateline_city(row: dict, dateline: Mention | None, base: int) -> bool:
    """Whether a row's city is only the dateline's: the dateline's city, not named in the row's sentence (which
    starts at ``base`` in the article) apart from the dateline itself."""
    if dateline is None or row["location_city"] != dateline.text:
        return False
    found = re.finditer(re.escape(dateline.text), row["sentence"], re.IGNORECASE)
    return all(base + f.start() == dateline.start for f in found)


def _most_named(places: list[ArticlePlace], span: tuple[int, int] = (0, 0)) -> ArticlePlace | None:
    """The site ``span`` (the row's sentence) names, else the city named most often among ``places``, the first
    named on a tie."""
    own = [p for p in places if span[0] <= p.start < span[1]]
    if own:
        return own[0]
    if not places:
        return None
    counts = Counter(p.city for p in places)
    return max(places, key=lambda p: (counts[p.city], -p.start))


def place_from_article(
    row: dict, places: list[ArticlePlace], dateline: Mention | None, base: int = 0
) -> ArticlePlace | None:
    """The city of the article a row takes, or None to keep its own place.

    1. A row whose sentence names a country but no city ("a two-day trip to South Korea"), or a city only as
       the opening of a longer name ("at the Hyderabad House"), takes the city of that country the article
       names as a site most often ("arrived in Seoul"; the venue's city).
    2. A row with no place takes the city of one of the pair that the article names as a site most often, of
       its host when it has one: the talks of a visit are held where the visit goes ("The two leaders will
       discuss ..." after "arrived in Asmara"). So does a row whose city is only the dateline's ("TEHRAN –" on
       a story of talks in Caracas), unless the article names a site in that city's country: the story is then told from where it happened (the host read off that city is
       no evidence).
    3. A row with no place whose sentence names a gathering ("on the sidelines of the summit") and whose pair
       has no site in the article takes the gathering's site, in a third country ("the summit in Samarkand,
       Uzbekistan").
    Calls have no place."""
    if row["engagement_type"] in _NO_PLACE_TYPES or not places:
        return None
    pair = (row["country_a"], row["country_b"])
    span = (base, base + len(row["sentence"]))
    if (row["location_city"] is None or _opens_a_name(row)) and row["location_country"] is not None:
        return _most_named([p for p in places if p.country == row["location_country"]], span)
    weak = _is_dateline_city(row, dateline, base)
    if row["location_city"] is not None and not weak:
        return None
    if weak and any(p.country == row["location_country"] for p in places):
        return None
    host = row["host_country"] if row["host_country"] in pair and not weak else None
    site = _most_named([p for p in places if p.country == host], span) or _most_named(
        [p for p in places if p.country in pair], span
    )
    if site is not None or weak:
        return site
    if _GATHERING.search(row["sentence"]):
        return _most_named([p for p in places if p.country not in pair])
    return None


def _wants_a_place(row: dict, dateline: Mention | None, base: int) -> bool:
    """Whether ``place_from_article`` may give the row a place: a row of a type with a place whose city is
    missing, only the opening of a longer name, or only the dateline's."""
    return row["engagement_type"] not in _NO_PLACE_TYPES and (
        row["location_city"] is None or _opens_a_name(row) or _is_dateline_city(row, dateline, base)
    )


def with_article_places(rows: list[dict], article: dict, sentences: list[dict]) -> list[dict]:
    """The article's rows, each with the place ``place_from_article`` gives it where it gives one; the article
    carries its ``dateline`` and ``places``: its ``article_places``, or the call that lists them, made only when
    a row wants a place (reading every sentence of every article for its sites was a fifth of extraction)."""
    starts = {s["sentence_index"]: s["start_char"] for s in sentences}
    dateline = article.get("dateline")
    if not any(_wants_a_place(row, dateline, starts.get(row["sentence_index"], 0)) for row in rows):
        return rows
    places = article.get("places") or []
    places = places() if callable(places) else places
    if not places:
        return rows
    for row in rows:
        place = place_from_article(row, places, article.get("dateline"), starts.get(row["sentence_index"], 0))
        if place is not None:
            row["location_city"], row["location_country"] = place.city, place.country
    return rows
