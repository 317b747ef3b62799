"""Invented people and the slots that fill a template: fixed values per article, fresh random values for the
slots that vary per sentence."""

from __future__ import annotations

import random
from datetime import date

from corpusgen.data import NEWS_TOPICS, Country, NamePool, countries, name_pools, pick, templates
from corpusgen.dates import WEEKDAYS


def invented_name(rng: random.Random, pool: NamePool) -> tuple[str, str]:
    """(full name, surname as used on second reference), following the naming tradition of the pool."""
    given_index = rng.randrange(len(pool.given))
    given, family = pool.given[given_index], pick(rng, pool.family)
    if pool.style == "family_first":
        return f"{family} {given}", family
    if pool.style == "bin" and rng.random() < 0.5:
        link = "bint" if given_index >= 12 else "bin"
        return f"{given} {link} {pick(rng, pool.given[:12])} {family}", family
    if pool.style == "double_surname" and rng.random() < 0.6:
        second = pick(rng, [name for name in pool.family if name != family])
        return f"{given} {family} {second}", family
    if pool.style == "initials" and rng.random() < 0.4:
        initials = " ".join(f"{letter}." for letter in rng.sample("ABDGKMNPRSTV", rng.randint(1, 2)))
        return f"{initials} {family}", family
    return f"{given} {family}", family


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def official(rng: random.Random, country: Country) -> tuple[str, str]:
    """(reference with title, surname) for an invented official of ``country``."""
    name, surname = invented_name(rng, name_pools()[country.name_pool])
    title = pick(rng, templates()["title"])
    form = rng.random()
    if form < 0.4:
        return f"{possessive(country.name)} {title} {name}", surname
    if form < 0.8:
        return f"{country.demonym} {title} {name}", surname
    return f"{title} {name} of {country.name}", surname


class Slots(dict):
    """Template slots: fixed values per article, fresh random values for slots that vary per sentence."""

    def __init__(self, rng: random.Random, published: date, values: dict):
        super().__init__(values)
        self.rng = rng
        self.published = published

    def __missing__(self, key: str) -> str:
        pool = templates().get(key)
        if pool:
            return pick(self.rng, pool)
        return RANDOM_SLOTS[key](self)

    def with_values(self, **values: str) -> Slots:
        return Slots(self.rng, self.published, {**self, **values})


def _random_person(slots: Slots) -> str:
    pools = name_pools()
    return invented_name(slots.rng, pools[pick(slots.rng, list(pools))])[0]


def _random_country(slots: Slots) -> Country:
    return pick(slots.rng, countries())


RANDOM_SLOTS = {
    "num": lambda slots: str(slots.rng.randint(2, 90)),
    "pct": lambda slots: f"{slots.rng.uniform(0.5, 15):.1f}",
    "money": lambda slots: f"${slots.rng.randint(1, 95)}.{slots.rng.randint(0, 9)} billion",
    "year": lambda slots: str(slots.rng.randint(1950, 2015)),
    "year2": lambda slots: str(slots.published.year + slots.rng.randint(1, 4)),
    "year_pub": lambda slots: str(slots.published.year),
    "day": lambda slots: pick(slots.rng, WEEKDAYS),
    "temp": lambda slots: str(slots.rng.randint(29, 45)),
    "score": lambda slots: f"{slots.rng.randint(1, 4)}-{slots.rng.randint(0, 3)}",
    "goods2": lambda slots: pick(slots.rng, templates()["goods"]),
    "person": _random_person,
    "person2": _random_person,
    "city": lambda slots: pick(slots.rng, _random_country(slots).cities),
    "city2": lambda slots: pick(slots.rng, _random_country(slots).cities),
    "C": lambda slots: _random_country(slots).name,
    "D": lambda slots: _random_country(slots).name,
    "C_dem": lambda slots: _random_country(slots).demonym,
    "D_dem": lambda slots: _random_country(slots).demonym,
    "headline": lambda slots: fill(
        pick(slots.rng, templates()[f"headline.{pick(slots.rng, NEWS_TOPICS)}"]), slots
    ),
}
"""Slots that take a fresh random value at every use."""


def fill(template: str, slots: Slots) -> str:
    text = template.format_map(slots)
    return text[0].upper() + text[1:]


def country_slots(prefix: str, country: Country) -> dict[str, str]:
    return {
        prefix: country.name,
        f"{prefix}_dem": country.demonym,
        f"{prefix}_capital": country.capital,
    }
