"""Date phrases as a reporter writes them relative to the publication date, with the dates they denote."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from corpusgen.data import pick

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
