"""Spans closed by a stated length or end: "a three-day visit from Wednesday" ends on Friday, "arrived on
Tuesday ... until November 25" ends on the 25th, and a day told only as the end of a stated length ("the nine-day
exercise, which runs until November 1", "a two-day visit which ended yesterday") closes the span backward.
``find_date_spans`` (``events``) applies them to the dates of a sentence."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from pipeline.dates.grammar import NUMBER_WORDS, YEAR
from pipeline.dates.periods import _safe_date

if TYPE_CHECKING:
    from pipeline.dates.events import DateSpan

_DURATION = re.compile(
    r"\b(?:(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[- ]day|(?P<hours>24|48|72|96)[- ]hours?)\b",
    re.IGNORECASE,
)
_MAX_DURATION_DAYS = 31
_FULL_YEAR = re.compile(rf"\b{YEAR}\b")
_UNTIL = re.compile(r"\b(?:until|till|through|up to)\s+(?:on\s+)?$", re.IGNORECASE)
_ENDS = re.compile(
    r"\b(?:(?:until|till|through|up to)|(?:ended|ends|concluded|concludes|wrapped\s+up|wound\s+up)"
    r"(?:\s+[\w'’-]+){0,6}?)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
"""Words that make the day after them the end of what a duration measures ("the nine-day exercise runs until
November 1", "a two-day visit which ended yesterday", "concluded his three-day visit on Friday")."""


def _close_with_until(text: str, spans: list[DateSpan]) -> list[DateSpan]:
    """ "arrived on Tuesday ... a visit that will last until November 25": a day introduced by "until" is the
    end of the single day stated before it (within a month), not a date of its own."""
    kept: list[DateSpan] = []
    for span in spans:
        opened = [
            i
            for i, s in enumerate(kept)
            if s.precision == "day" and (s.end is None or s.end == s.start) and s.start < span.start
        ]
        if (
            opened
            and span.precision == "day"
            and _UNTIL.search(text[max(0, span.start_char - 15) : span.start_char])
            and (span.start - kept[opened[-1]].start).days <= _MAX_DURATION_DAYS
        ):
            kept[opened[-1]] = replace(kept[opened[-1]], end=span.end or span.start, end_implied=False)
            continue
        kept.append(span)
    return kept


def _apply_duration(text: str, spans: list[DateSpan], published: date | None = None) -> list[DateSpan]:
    """'a three-day visit from Wednesday', 'a 48-hour visit': close the nearest single-day or open span with the
    stated duration; a day told only as the end ("the nine-day exercise, which runs until November 1", "a
    two-day visit which ended yesterday") is closed backward (``_ended_by``)."""
    for m in _DURATION.finditer(text):
        if m.group("hours"):
            days = int(m.group("hours")) // 24
        else:
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
        if _ENDS.search(text[max(0, span.start_char - 60) : span.start_char]):
            spans[nearest] = _ended_by(span, days, published)
            continue
        spans[nearest] = replace(span, end=span.start + timedelta(days=days - 1), end_implied=True)
    return spans


def _ended_by(span: DateSpan, days: int, published: date | None) -> DateSpan:
    """A span of ``days`` days that ends on the day ``span`` states, the only day a sentence gives of it ("the
    nine-day exercise, which runs until November 1"): it starts ``days - 1`` days before. Its year, when not
    printed, is the one that puts the report's day within the span (give or take a day), as the present tense of
    "runs until" tells of something under way, which has begun by the report's day (a count one day short, as
    in "the nine-day exercise runs until November 1" told on October 23, starts that day); else the one the
    tense gave."""

    def backward(end: date, begun_by: date | None = None) -> DateSpan:
        start = end - timedelta(days=days - 1)
        if begun_by is not None:
            start = min(start, begun_by)
        return replace(span, start=start, end=end, end_implied=False)

    closed = backward(span.start)
    if published is None or _FULL_YEAR.search(span.text):
        return closed
    for shift in (0, 1, -1):
        end = _safe_date(span.start.year + shift, span.start.month, span.start.day)
        if end is not None and end - timedelta(days=days) <= published <= end:
            return backward(end, published)
    return closed
