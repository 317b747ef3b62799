"""The event dates of a sentence (``find_date_spans``).

News states dates relative to the day it is published ("from Wednesday", "last week", "on April 11") and the
tense decides which way a bare weekday or day of the year points: the tense cue just before the expression when
there is one ("arrived on Tuesday", "will meet on Friday"), else the tense of the sentence. Each expression
resolves to ``(start, end, precision)`` with precision 'day' | 'month' | 'year':

* a single day gives ``start == end``; an open start ("from Wednesday", "starting tomorrow") gives ``end =
  None``;
* a day range ("September 7-10", "7 to 10 September", "arrived on Tuesday ... until November 25") gives both
  ends, day precision;
* a week ("last week", "this week") is no precision of the contract: it gives the month it lies in (the year
  when it spans two months), never an invented day;
* months ("next month", "in November 2019") span the whole month with precision 'month'; years span the year.

A duration ("a three-day visit") closes an open or single-day start: ``end = start + n - 1``, flagged
``end_implied`` so that a stated end elsewhere wins over it. An explicit date beats arithmetic: "on Friday,
April 22" and "yesterday (14)" are the dates printed. Without a publication date only the expressions that
carry their own year resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from pipeline.dates.durations import _apply_duration, _close_with_until
from pipeline.dates.grammar import (
    DAY,
    DAY_IN_BRACKETS,
    FULL_MONTH,
    MONTH,
    NUMBER_WORDS,
    RANGE_SEP,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    month_number,
)
from pipeline.dates.periods import (
    _add_months,
    _in_period,
    _past_days,
    _relative_period,
    _safe_date,
    _week_span,
    _weekend,
    month_end,
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<year>{YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("dotted", re.compile(rf"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>{YEAR})\b")),
    (
        "month_day",
        re.compile(
            rf"\b(?P<month>{MONTH})\s+(?P<day>{DAY})\b(?:{RANGE_SEP}(?:(?P<month2>{MONTH})\s+)?(?P<day2>{DAY})\b)?"
            rf"(?:,?\s+(?P<year>{YEAR})\b)?",
            re.IGNORECASE,
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(?P<day>{DAY})(?:\s+(?P<month1>{MONTH}))?(?:{RANGE_SEP}(?P<day2>{DAY}))?\s+(?:of\s+)?"
            rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?\b",
            re.IGNORECASE,
        ),
    ),
    ("month_year", re.compile(rf"\b(?P<month>{MONTH}),?\s+(?P<year>{YEAR})\b", re.IGNORECASE)),
    (
        "month_relative_year",
        re.compile(
            rf"\b(?P<month>{FULL_MONTH})\s+(?:of\s+)?(?P<mod>last|this|next|the\s+previous|the\s+following)\s+year\b",
            re.IGNORECASE,
        ),
    ),
    (
        "bare_month",
        re.compile(
            r"\b(?P<mod>in|for|this|next|last|early|late|mid-?|since|until|by|during|coming|"
            r"(?:the\s+)?(?:end|beginning|start|middle)\s+of|"
            r"(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:week|half|days|fortnight)\s+of)"
            rf"(?:\s+|(?<=-))(?P<month>{FULL_MONTH})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "relative_day",
        re.compile(
            r"\b(?P<rel>day after tomorrow|day before yesterday|late last night|last night|earlier today|"
            r"later today|this morning|this afternoon|this evening|today|tonight|tomorrow|yesterday)\b"
            + DAY_IN_BRACKETS,
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<mod>next|last|this|coming|past)\s+)?(?P<weekday>{WEEKDAY})\b" + DAY_IN_BRACKETS,
            re.IGNORECASE,
        ),
    ),
    (
        "weekend",
        re.compile(r"\b(?P<mod>this|last|over\s+the|at\s+the|the\s+past|this\s+past)\s+weekend\b", re.IGNORECASE),
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
        "past_days",
        re.compile(
            r"\b(?:over|in|during|for)\s+the\s+(?:last|past|previous)\s+"
            r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days\b",
            re.IGNORECASE,
        ),
    ),
    (
        "in_period",
        re.compile(
            r"\b(?:in|within)\s+(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
            r"(?P<unit>days?|weeks?)(?:['’]\s+time)?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "year",
        re.compile(
            r"\b(?:in|since|of|the|from|by|during|until|before|after|early|late|mid-?|year|back in|its|"
            rf"their)\s+"
            rf"(?P<year>{YEAR})(?![\d-])",
            re.IGNORECASE,
        ),
    ),
]
_OPEN_START = re.compile(r"(?:from|starting|beginning|commencing|as of)\s*(?:on\s+)?$", re.IGNORECASE)
_ABSOLUTE = {"iso", "dotted", "month_day", "day_month", "month_year", "year"}
"""Kinds that may carry their own year, and so resolve without a publication date."""
_EXPLICIT_DAY = {"iso", "dotted", "month_day", "day_month"}
_RELATIVE_DAY = {"relative_day", "weekday"}
_TENSED = {"month_day", "day_month", "bare_month", "weekday", "in_period", "weekend"}
"""Kinds whose direction (the last such day or the next) depends on the tense."""
_PAST_CUE = re.compile(
    r"\b(?:was|were|had|has|have|did|met|held|signed|spoke|left|paid|made|took|began|came|went|sat|led|\w{2,}[^e\W]ed)\b",
    re.IGNORECASE,
)
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|would|is to|are to|due|scheduled|expected|planned|slated|set to|plans? to|going to|"
    r"upcoming|intends? to|invited)\b",
    re.IGNORECASE,
)
_PASSIVE_INFINITIVE = re.compile(
    r"\b(?:to|will|shall|would|could|may|might|should|must)\s+(?:not\s+)?be\s+(?:\w+ly\s+)?"
    r"(?:held|signed|\w{2,}[^e\W]ed)\b",
    re.IGNORECASE,
)
"""A passive infinitive, bare or after a modal ("to be held", "will be signed", "would be formally launched"): it
tells what is still to come, not the past its participle looks like."""
_NOT_A_TENSE_CUE = {
    "postponed",
    "rescheduled",
    "delayed",
    "deferred",
    "cancelled",
    "canceled",
    "scrapped",
    "axed",
    "shelved",
    "proposed",
    "united",
    "related",
    "based",
}
_TENSE_WINDOW = 50


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
    kind: str = ""


_DECIDED_ON = re.compile(
    r"\b(?:postponed|rescheduled|delayed|deferred|cancell?ed|canceled|scrapped|shelved)\s+(?:on\s+)?$", re.IGNORECASE
)
"""A participle of calling off right before a date ("was cancelled on Monday"): the day of the decision."""
_AUXILIARY = re.compile(r"\s+(?:(?:been|not|already|now|just)\s+)*(?P<word>\w+)")


def _auxiliary_of_no_cue(window: str, end: int) -> bool:
    """Whether a past cue is the auxiliary of a participle that says nothing of the direction ("has cancelled",
    "was postponed", "had been called off"): the participle tells the calling off, not the slot's time."""
    m = _AUXILIARY.match(window, end)
    return m is not None and m.group("word").lower() in _NOT_A_TENSE_CUE


def told_as_future(text: str, position: int) -> bool:
    """Whether the nearest tense cue anywhere before ``position`` in its clause points forward ("He would then
    take part in the summit on 30 January"): the direction of the dates of an engagement the sentence gives no
    status of its own (a gathering of many states), whose dates otherwise count backward."""
    return _local_future(text, position, False, window=position)


def _local_future(text: str, position: int, default: bool, window: int = _TENSE_WINDOW) -> bool:
    """The tense that governs a date expression: the tense cue nearest before it in the same clause ("arrived on
    Tuesday" is past even in a sentence whose engagement is planned, "will meet on Friday" future), else the
    sentence's. A participle of planning ("scheduled", "expected") is a future cue; one of rescheduling
    ("postponed") or of calling off ("has scrapped her trip to Peru this weekend": the slot the record keeps, the
    coming weekend in a Friday report) says nothing of the direction, unless the date follows it at once ("which
    was cancelled on Monday"): that date is the decision's, told in the past. A passive infinitive ("the fair to be
    held from April 26", "the deal will be signed on Friday") is a future cue, not the past its participle looks
    like."""
    window = re.split(r"[;:—]|\bwhile\b|\bbut\b", text[max(0, position - window) : position])[-1]
    if _DECIDED_ON.search(window):
        return False
    cues = [(m.end(), True) for m in _FUTURE_CUE.finditer(window)]
    cues += [(m.end(), True) for m in _PASSIVE_INFINITIVE.finditer(window)]
    cues += [
        (m.end(), False)
        for m in _PAST_CUE.finditer(window)
        if m.group().lower() not in _NOT_A_TENSE_CUE and not _auxiliary_of_no_cue(window, m.end())
    ]
    cues = [c for c in cues if not any(f[0] == c[0] and f[1] for f in cues if not c[1])]
    return max(cues)[1] if cues else default


def _day_number(token: str) -> int:
    return int(re.match(r"\d+", token).group())


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
    """A weekday by its modifier ("next", "last", "coming") or, without one, by tense: the most recent such day
    in the past, the next one in the future; the publication's own weekday is the publication day."""
    ahead = (weekday - published.weekday()) % 7
    behind = (published.weekday() - weekday) % 7
    if modifier == "next":
        return published + timedelta(days=ahead or 7)
    if modifier in ("last", "past"):
        return published - timedelta(days=behind or 7)
    if modifier == "coming":
        return published + timedelta(days=ahead)
    return published + timedelta(days=ahead) if future else published - timedelta(days=behind)


def _with_day_of_month(day: date, stated: int) -> date:
    """The date nearest ``day`` whose day of the month is ``stated``: "yesterday (14)" is the 14th whatever the
    arithmetic gave."""
    options = [
        _safe_date(first.year, first.month, stated)
        for first in (_add_months(day, shift) for shift in (-1, 0, 1))
    ]
    return min((d for d in options if d), key=lambda d: abs((d - day).days), default=day)


_RELATIVE_DAYS = {
    "today": 0,
    "tonight": 0,
    "earlier today": 0,
    "later today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tomorrow": 1,
    "yesterday": -1,
    "last night": -1,
    "late last night": -1,
    "day after tomorrow": 2,
    "day before yesterday": -2,
}


_WEEKDAY_BEFORE = re.compile(rf"\b({WEEKDAY}),?\s+(?:the\s+)?$", re.IGNORECASE)
"""A weekday right before a date ("Friday, May 26"), which tells its year when the text prints none."""


def _resolve_explicit(kind: str, g: dict, published: date | None, future: bool):
    """A date with its day (ISO, dotted, "March 16", "16-20 March 2025"): its year as printed, else the one the
    tense gives, unless a weekday before it names the other ("on Friday, May 26" in a report of Thursday 25 May
    2017 is 2017, where a May 26 in 2016 was a Thursday); a range gives its end."""
    if kind in ("iso", "dotted"):
        day = _safe_date(int(g["year"]), int(g["month"]), int(g["day"]))
        return (day, day, "day") if day else None
    month = _month_number_of(g, kind)
    first_day = _day_number(g["day"])
    if g["year"]:
        start = _safe_date(int(g["year"]), month, first_day)
    elif published is None:
        return None
    else:
        start = _yearless(month, first_day, published, future)
        named = _WEEKDAY_BEFORE.search(g.get("_before", ""))
        other = _yearless(month, first_day, published, not future)
        if named and start and other and start.weekday() != (wanted := WEEKDAYS[named.group(1).lower()]):
            # "arrives on Friday, May 26": the year whose May 26 is a Friday, whatever the tense said
            start = other if other.weekday() == wanted else start
    if start is None:
        return None
    if not g.get("day2"):
        return start, start, "day"
    end_month = month_number(g["month2"]) if g.get("month2") else month_number(g["month"])
    end_year = start.year + (1 if end_month < start.month else 0)
    end = _safe_date(end_year, end_month, _day_number(g["day2"]))
    if end is None or end < start:
        return None
    return start, end, "day"


def _month_number_of(g: dict, kind: str) -> int:
    if kind == "day_month" and g.get("month1"):
        return month_number(g["month1"])
    return month_number(g["month"])


def _resolve_match(kind: str, m: re.Match[str], published: date | None, future: bool):
    """``(start, end, precision)`` of one matched expression, or None when it names no real date. Relative
    expressions need ``published``; a stated day of the month in brackets overrides their arithmetic."""
    g = m.groupdict() | {"_before": m.string[max(0, m.start() - 50) : m.start()]}
    if kind in _EXPLICIT_DAY:
        return _resolve_explicit(kind, g, published, future)
    if kind == "month_year":
        month, year = month_number(g["month"]), int(g["year"])
        return date(year, month, 1), month_end(year, month), "month"
    if kind == "year":
        year = int(g["year"])
        return date(year, 1, 1), date(year, 12, 31), "year"
    if kind == "month_relative_year":
        # "in April last year", "November next year": the month of the year the words name, whatever the tense
        shift = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(" ".join(g["mod"].lower().split()), 0)
        month, year = month_number(g["month"]), published.year + shift
        return date(year, month, 1), month_end(year, month), "month"
    if kind == "bare_month":
        month = month_number(g["month"])
        modifier = g["mod"].lower()
        year = published.year
        if modifier in ("next", "coming") or (modifier != "last" and future):
            year += 1 if month < published.month else 0
        else:
            year -= 1 if month > published.month else 0
        return date(year, month, 1), month_end(year, month), "month"
    if kind in _RELATIVE_DAY:
        if kind == "relative_day":
            day = published + timedelta(days=_RELATIVE_DAYS[" ".join(g["rel"].lower().split())])
        else:
            day = _weekday_date(WEEKDAYS[g["weekday"].lower()], (g["mod"] or "").lower(), published, future)
        if g.get("dom"):
            day = _with_day_of_month(day, int(g["dom"]))
        return day, day, "day"
    if kind == "weekend":
        return _weekend(g["mod"].lower(), published, future)
    if kind == "relative_period":
        return _relative_period(g["mod"].lower(), g["unit"].lower(), published)
    if kind == "in_period":
        return _in_period(g, published, future)
    if kind == "past_days":
        return _past_days(g, published)
    if kind == "ago":
        count = 1 if g["n"].lower() in ("a", "an") else NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            day = published - timedelta(days=count)
            return day, day, "day"
        if unit == "week":
            return _week_span(published - timedelta(weeks=count))
        if unit == "month":
            first = _add_months(published, -count)
            return first, month_end(first.year, first.month), "month"
        return date(published.year - count, 1, 1), date(published.year - count, 12, 31), "year"
    return None


def find_date_spans(text: str, published: date | None, future: bool = False) -> list[DateSpan]:
    """Every date expression of ``text`` resolved against ``published``; ``future`` is the tense of the
    sentence, used where no tense cue stands just before an expression. Without a publication date only the
    expressions that print their year resolve.

    Longer expressions win over the ones they contain ("November 30, 2019" over "2019"); a printed date next to
    a relative one ("on Friday, April 22", "tomorrow (Wednesday)") is one date, the printed one; an end ("until
    November 25") closes the day before it; a duration closes the span it follows or precedes.
    """
    candidates: list[DateSpan] = []
    for kind, pattern in _PATTERNS:
        if published is None and kind not in _ABSOLUTE:
            continue
        for m in pattern.finditer(text):
            tense = _local_future(text, m.start(), future) if kind in _TENSED else future
            resolved = _resolve_match(kind, m, published, tense)
            if resolved is None:
                continue
            start, end, precision = resolved
            if (
                precision == "day"
                and start == end
                and _OPEN_START.search(text[max(0, m.start() - 20) : m.start()])
            ):
                end = None
            begin = m.start(kind.removeprefix("bare_")) if kind in ("year", "bare_month") else m.start()
            candidates.append(
                DateSpan(start, end, precision, begin, m.end(), text[begin : m.end()], kind=kind)
            )
    candidates.sort(key=lambda s: (s.start_char, -(s.end_char - s.start_char)))
    spans: list[DateSpan] = []
    for span in candidates:
        if spans and span.start_char < spans[-1].end_char:
            continue
        merged = _merge_adjacent(text, spans[-1], span) if spans else None
        if merged is not None:
            spans[-1] = merged
            continue
        spans.append(span)
    return _apply_duration(text, _close_with_until(text, spans), published)


def _merge_adjacent(text: str, previous: DateSpan, span: DateSpan) -> DateSpan | None:
    """One date written twice side by side: a relative day and the printed date ("on Friday, April 22",
    "yesterday (March 14)"), where the printed one wins as an explicit date beats arithmetic; or the same day
    restated in brackets ("tomorrow (Wednesday)"). None when the two are separate dates."""
    between = text[previous.end_char : span.start_char]
    closing = 1 if text[span.end_char : span.end_char + 1] == ")" and "(" in between else 0
    whole = text[previous.start_char : span.end_char + closing]
    if (
        previous.kind in _RELATIVE_DAY
        and span.kind in _EXPLICIT_DAY
        and re.fullmatch(r"\s*[,(]?\s*", between)
    ):
        end = None if previous.end is None else span.end
        return replace(
            span, end=end, start_char=previous.start_char, end_char=span.end_char + closing, text=whole
        )
    if span.kind == "weekday" and previous.kind in _EXPLICIT_DAY and re.fullmatch(r"\s*[,(]\s*", between):
        return replace(previous, end_char=span.end_char + closing, text=whole)
    if span.start == previous.start and re.fullmatch(r"\s*\(", between):
        return replace(previous, end_char=span.end_char + closing, text=whole)
    return None


def resolve_date(
    expression: str, published: date | None, future: bool = False
) -> tuple[date | None, date | None, str | None]:
    """The (start, end, precision) of the first date expression in ``expression``; all None when it states
    none."""
    spans = find_date_spans(expression, published, future)
    if not spans:
        return None, None, None
    first = spans[0]
    return first.start, first.end, first.precision
