"""Date resolution: turn the date expressions of a sentence into the event's own dates.

News states dates relative to the day it is published ("from Wednesday", "last week", "on April 11") and the
tense of the sentence decides which way a bare weekday or day of the year points. Each expression resolves to
``(start, end, precision)`` with precision 'day' | 'month' | 'year':

* a single day gives ``start == end``; an open start ("from Wednesday", "starting tomorrow") gives ``end =
  None``;
* a day range ("September 7-10", "7 to 10 September") gives both ends, day precision;
* weeks ("last week", "this week") are not a precision of the contract: they resolve to the Monday..Sunday
  range of that week with precision 'day', the range saying how wide the uncertainty is;
* months ("next month", "in November 2019") span the whole month with precision 'month'; years span the year.

A duration ("a three-day visit") closes an open or single-day start: ``end = start + n - 1``, flagged
``end_implied`` so that a stated end elsewhere wins over it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_FULL_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_RANGE_SEP = r"\s*(?:-|–|—|to|until|till|and|through)\s*"
_OPEN_START = re.compile(r"(?:from|starting|beginning|commencing|as of)\s*(?:on\s+)?$", re.IGNORECASE)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<year>{_YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    (
        "month_day",
        re.compile(
            rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?:{_RANGE_SEP}(?:(?P<month2>{_MONTH})\s+)?(?P<day2>{_DAY})\b)?"
            rf"(?:,?\s+(?P<year>{_YEAR})\b)?",
            re.IGNORECASE,
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(?P<day>{_DAY})(?:\s+(?P<month1>{_MONTH}))?(?:{_RANGE_SEP}(?P<day2>{_DAY}))?\s+(?:of\s+)?"
            rf"(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b",
            re.IGNORECASE,
        ),
    ),
    ("month_year", re.compile(rf"\b(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})\b", re.IGNORECASE)),
    (
        "bare_month",
        re.compile(
            rf"\b(?P<mod>in|for|this|next|last|early|late|mid-?|since|until|by|during|coming)\s+(?P<month>{_FULL_MONTH})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "relative_day",
        re.compile(
            r"\b(?P<rel>day after tomorrow|day before yesterday|today|tonight|tomorrow|yesterday)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(rf"\b(?:(?P<mod>next|last|this|coming|past)\s+)?(?P<weekday>{_WEEKDAY})\b", re.IGNORECASE),
    ),
    (
        "relative_period",
        re.compile(
            r"\b(?P<mod>last|this|next|past|coming|earlier this|later this|early this|late this|early next|"
            r"late next|end of this|end of next|end of last)\s+(?P<unit>week|month|year)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>a|an|one|two|three|four|five|six|seven|\d+)\s+(?P<unit>days?|weeks?|months?|years?)"
            r"\s+ago\b",
            re.IGNORECASE,
        ),
    ),
    (
        "year",
        re.compile(
            r"\b(?:in|since|of|the|from|by|during|until|before|after|early|late|mid-?|year|back in|its|"
            rf"their)\s+"
            rf"(?P<year>{_YEAR})(?![\d-])",
            re.IGNORECASE,
        ),
    ),
]
_DURATION = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[- ]day\b", re.IGNORECASE
)
_MAX_DURATION_DAYS = 31


@dataclass(frozen=True)
class DateSpan:
    """One resolved date expression, with its character offsets in the text it was found in."""

    start: date
    end: date | None
    precision: str
    start_char: int
    end_char: int
    text: str
    end_implied: bool = False


def _month_number(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _day_number(token: str) -> int:
    return int(re.match(r"\d+", token).group())


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _yearless(month: int, day: int, published: date, future: bool) -> date | None:
    """A day of the year without a year: the next one on/after publication in the future, the last one before
    in the past."""
    this_year = _safe_date(published.year, month, day)
    if this_year is None:
        return None
    if future and this_year < published:
        return _safe_date(published.year + 1, month, day)
    if not future and this_year > published:
        return _safe_date(published.year - 1, month, day)
    return this_year


def _weekday_date(weekday: int, modifier: str, published: date, future: bool) -> date:
    ahead = (weekday - published.weekday()) % 7
    behind = (published.weekday() - weekday) % 7
    if modifier == "next":
        return published + timedelta(days=ahead or 7)
    if modifier in ("last", "past"):
        return published - timedelta(days=behind or 7)
    if modifier == "coming":
        return published + timedelta(days=ahead)
    return published + timedelta(days=ahead) if future else published - timedelta(days=behind)


def _resolve_match(
    kind: str, m: re.Match[str], published: date, future: bool
) -> tuple[date, date | None, str] | None:
    g = m.groupdict()
    if kind == "iso":
        day = _safe_date(int(g["year"]), int(g["month"]), int(g["day"]))
        return (day, day, "day") if day else None
    if kind in ("month_day", "day_month"):
        month = _month_number(g["month1"] or g["month"]) if kind == "day_month" and g.get("month1") else None
        month = month or _month_number(g["month"])
        first_day = _day_number(g["day"])
        if g["year"]:
            start = _safe_date(int(g["year"]), month, first_day)
        else:
            start = _yearless(month, first_day, published, future)
        if start is None:
            return None
        if g.get("day2"):
            end_month = (
                _month_number(g["month2"])
                if g.get("month2")
                else (_month_number(g["month"]) if kind == "day_month" else month)
            )
            end_year = start.year + (1 if end_month < start.month else 0)
            end = _safe_date(end_year, end_month, _day_number(g["day2"]))
            if end is None or end < start:
                return None
            return start, end, "day"
        return start, start, "day"
    if kind == "month_year":
        month, year = _month_number(g["month"]), int(g["year"])
        return date(year, month, 1), _month_end(year, month), "month"
    if kind == "bare_month":
        month = _month_number(g["month"])
        modifier = g["mod"].lower()
        year = published.year
        if modifier in ("next", "coming") or (modifier != "last" and future):
            year += 1 if month < published.month else 0
        elif modifier == "last" or not future:
            year -= 1 if month > published.month else 0
        return date(year, month, 1), _month_end(year, month), "month"
    if kind == "relative_day":
        offset = {
            "today": 0,
            "tonight": 0,
            "tomorrow": 1,
            "yesterday": -1,
            "day after tomorrow": 2,
            "day before yesterday": -2,
        }[g["rel"].lower()]
        day = published + timedelta(days=offset)
        return day, day, "day"
    if kind == "weekday":
        day = _weekday_date(WEEKDAYS[g["weekday"].lower()], (g["mod"] or "").lower(), published, future)
        return day, day, "day"
    if kind == "relative_period":
        return _relative_period(g["mod"].lower(), g["unit"].lower(), published)
    if kind == "ago":
        count = 1 if g["n"].lower() in ("a", "an") else NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            day = published - timedelta(days=count)
            return day, day, "day"
        if unit == "week":
            return (
                _week_of(published - timedelta(weeks=count))[0],
                _week_of(published - timedelta(weeks=count))[1],
                "day",
            )
        if unit == "month":
            first = _add_months(published, -count)
            return first, _month_end(first.year, first.month), "month"
        return date(published.year - count, 1, 1), date(published.year - count, 12, 31), "year"
    if kind == "year":
        year = int(g["year"])
        return date(year, 1, 1), date(year, 12, 31), "year"
    return None


def _relative_period(modifier: str, unit: str, published: date) -> tuple[date, date, str]:
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(
        modifier.split()[-1] if modifier.startswith("end of") else modifier, 0
    )
    if modifier.endswith(" next"):
        shift = 1
    elif modifier.endswith(" last"):
        shift = -1
    if unit == "week":
        monday, sunday = _week_of(published + timedelta(weeks=shift))
        if modifier == "earlier this":
            return monday, published, "day"
        if modifier == "later this":
            return published, sunday, "day"
        return monday, sunday, "day"
    if unit == "month":
        first = _add_months(published, shift)
        last = _month_end(first.year, first.month)
        return first, last, "month"
    year = published.year + shift
    return date(year, 1, 1), date(year, 12, 31), "year"


def find_date_spans(text: str, published: date, future: bool = False) -> list[DateSpan]:
    """Every date expression of ``text`` resolved against ``published``; ``future`` is the tense of the
    sentence.

    Longer expressions win over the ones they contain ("November 30, 2019" over "2019"), a weekday in brackets
    after
    another expression of the same day ("tomorrow (Wednesday)") is the same date, and a duration closes the
    span it
    follows or precedes.
    """
    candidates: list[DateSpan] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            resolved = _resolve_match(kind, m, published, future)
            if resolved is None:
                continue
            start, end, precision = resolved
            if (
                precision == "day"
                and start == end
                and _OPEN_START.search(text[max(0, m.start() - 20) : m.start()])
            ):
                end = None
            begin = m.start("year") if kind == "year" else m.start()
            candidates.append(DateSpan(start, end, precision, begin, m.end(), text[begin : m.end()]))
    candidates.sort(key=lambda s: (s.start_char, -(s.end_char - s.start_char)))
    spans: list[DateSpan] = []
    for span in candidates:
        if spans and span.start_char < spans[-1].end_char:
            continue
        if (
            spans
            and span.start == spans[-1].start
            and re.fullmatch(r"\s*\(", text[spans[-1].end_char : span.start_char])
        ):
            spans[-1] = replace(
                spans[-1],
                end_char=span.end_char + (1 if text[span.end_char : span.end_char + 1] == ")" else 0),
                text=text[spans[-1].start_char : span.end_char],
            )
            continue
        spans.append(span)
    return _apply_duration(text, spans)


def _apply_duration(text: str, spans: list[DateSpan]) -> list[DateSpan]:
    """'a three-day visit from Wednesday': close the nearest single-day or open span with the stated
    duration."""
    for m in _DURATION.finditer(text):
        token = m.group("n").lower()
        days = NUMBER_WORDS.get(token) or int(token)
        if not 1 <= days <= _MAX_DURATION_DAYS:
            continue
        open_spans = [
            i for i, s in enumerate(spans) if s.precision == "day" and (s.end is None or s.end == s.start)
        ]
        if not open_spans:
            continue
        nearest = min(
            open_spans,
            key=lambda i: min(abs(spans[i].start_char - m.end()), abs(m.start() - spans[i].end_char)),
        )
        span = spans[nearest]
        spans[nearest] = replace(span, end=span.start + timedelta(days=days - 1), end_implied=True)
    return spans


def resolve_date(
    expression: str, published: date, future: bool = False
) -> tuple[date | None, date | None, str | None]:
    """The (start, end, precision) of the first date expression in ``expression``; all None when it states
    none."""
    spans = find_date_spans(expression, published, future)
    if not spans:
        return None, None, None
    first = spans[0]
    return first.start, first.end, first.precision
