"""Periods of the date grammar: months, weeks and counts of days or weeks from the publication day ("last
week", "later this month", "in two weeks"), each at the precision it gives, never an invented day."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from pipeline.dates.grammar import NUMBER_WORDS


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _week_span(day: date) -> tuple[date, date, str]:
    """The week of ``day`` at the precision it gives: its month when the week lies in one month, else its year
    (the year of its Thursday when it spans two)."""
    monday, sunday = _week_of(day)
    if monday.month == sunday.month:
        return date(monday.year, monday.month, 1), month_end(monday.year, monday.month), "month"
    year = (monday + timedelta(days=3)).year
    return date(year, 1, 1), date(year, 12, 31), "year"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


_RECENCY_BEFORE = re.compile(
    r"\b(?:first|second|third|only|last|latest|twice|times?|since)\b[^,;.]{0,40}$", re.IGNORECASE
)


def _in_period(g: dict, published: date, future: bool):
    """ "will meet in two weeks", "scheduled within ten days": a count of days or weeks from publication, said of
    what is to come (the day it gives; a week at its month's precision, as "next week"). Said of the past ("met
    twice in two weeks", "the first talks in ten days") it is a length of time, no date: None."""
    if not future or _RECENCY_BEFORE.search(g["_before"]):
        return None
    count = 1 if g["n"].lower() == "a" else NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
    if g["unit"].lower().startswith("day"):
        day = published + timedelta(days=count)
        return day, day, "day"
    return _week_span(published + timedelta(weeks=count))


def _past_days(g: dict, published: date) -> tuple[date, date, str] | None:
    """ "talks held over the last four days", "met several times in the past three days": the days that end on
    the day of the report, counted with it (the four days of a report of the 21st are the 18th to the 21st), at
    day precision: the count and the report's day fix both ends. A count of more than a fortnight is a length of
    time, no date of an engagement: None."""
    count = NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
    if not 2 <= count <= 14:
        return None
    return published - timedelta(days=count - 1), published, "day"


def _relative_period(modifier: str, unit: str, published: date) -> tuple[date, date, str]:
    """ "last week", "later this month", "end of next year": the period, at its own precision (a week at its
    month's)."""
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(
        modifier.split()[-1] if modifier.startswith("end of") else modifier, 0
    )
    if modifier.endswith(" next"):
        shift = 1
    elif modifier.endswith(" last"):
        shift = -1
    if unit == "week":
        return _week_span(published + timedelta(weeks=shift))
    if unit == "month":
        first = _add_months(published, shift)
        return first, month_end(first.year, first.month), "month"
    year = published.year + shift
    return date(year, 1, 1), date(year, 12, 31), "year"


def _weekend(modifier: str, published: date, future: bool) -> tuple[date, date, str]:
    """ "will meet this weekend", "met over the weekend", "last weekend": the Saturday and Sunday the words
    point to, a span of two days as "13-14 September" is. "Last weekend" and, told in the past, "this weekend",
    "over the weekend" and "at the weekend" are the last weekend begun before the report's day; told of what is
    to come, the next one (this one, in a report of a Saturday)."""
    modifier = " ".join(modifier.split())
    if modifier in ("last", "the past", "this past") or not future:
        saturday = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
    else:
        saturday = published + timedelta(days=(5 - published.weekday()) % 7)
    return saturday, saturday + timedelta(days=1), "day"
