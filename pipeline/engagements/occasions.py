"""Dates an engagement takes from the occasion the article ties it to, when its own sentence gives none.

Talks "on the sidelines of the summit", a meeting "likely during the SCO summit", a deal signed "at the
conference" happen during a gathering that the article may date in another sentence ("The ASEAN summit is
set for October 8-9"). The annotation guide dates such an engagement by its occasion without
inventing precision: the occasion's month, as for talks during a visit whose day is not given (visits lend their
month to their talks in ``fusion_story``, where a story's visit and talks meet). The one occasion that gives a
day is the report's own: the lede of a report datelined with a day ("Kazan, October 22: X met Y ...") tells what
happened that day; so does the lede of a report with no dateline, on its publication day.

``article_engagements`` collects an article's dated gatherings first (``gathering_occasions``), then asks
``dateline_span``, ``gathering_span`` and ``lede_span`` for each anchor its sentence leaves undated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from pipeline.dates import DateSpan, find_date_spans, is_dateline, month_end
from pipeline.engagements.anchors import Anchor
from pipeline.engagements.lexicon import _FORWARD, MULTILATERAL

_GATHERING_NOUN = r"summit|conference|forum|assembly|gathering|session|congress|meeting"

_TIED_TO_GATHERING = re.compile(
    r"\b(?:during|at|(?:on|in)\s+the\s+(?:sidelines?|margins?|side-lines?)\s+of)\s+"
    r"(?:the\s+|a\s+|this\s+(?:week|month|year)['’]s\s+)?(?:[\w()'’.-]+\s+){0,6}?"
    rf"(?P<head>{_GATHERING_NOUN})\b"
    rf"|\b(?P<head_before>{_GATHERING_NOUN})\s*,?\s+(?:during|at|on\s+the\s+sidelines\s+of)\s+which\b",
    re.IGNORECASE,
)
"""Words that tie an engagement to a gathering it takes place at: "during the SCO summit", "on the sidelines of
the annual Mekong summit", "at the conference", "the forum during which she hopes to see". A meeting is a
gathering only when named with its organisation ("at the SCO meeting"): "during the meeting" is the engagement."""

_SIDELINES_OF_THE_STORY = re.compile(
    r"\b(?:on|at|in)\s+the\s+(?:sidelines?|margins?|side-lines?)\b(?!\s+of\b)"
    r"|\bsideline\s+(?:[\w-]+\s+)?(?:meetings?|meets?|talks|discussions?|encounters?)\b",
    re.IGNORECASE,
)
"""The sidelines told without the gathering's name ("held a bilateral meeting on the sidelines", "is expected to
have sideline meets with"): the sidelines of the gathering the article tells, whatever noun names it."""

REPORT_MONTH = "report month"
"""The kind of the date ``passing.undated_default`` gives sideline talks when nothing better is known: the
report's month. A gathering the article dates replaces it."""


@dataclass(frozen=True)
class Occasion:
    """A gathering of more than two states the article dates: where in the article it is dated (the sentence's
    index), its date, and the noun that names it ("summit", "conference")."""

    sentence_index: int
    span: DateSpan
    head: str


def _head(trigger: str) -> str:
    """The gathering noun a trigger ends with ("SCO summit" -> "summit"), lower case."""
    words = re.findall(r"[\w-]+", trigger.lower())
    return words[-1].removesuffix("s") if words else ""


def gathering_occasions(
    sentences: list[tuple[int, str, list[Anchor], list[DateSpan | None]]],
) -> list[Occasion]:
    """The dated gatherings of an article: each multilateral meeting anchor ("the ASEAN summit is set for
    October 8-9", "the G20 summit in November") with the date its sentence gave it. ``sentences`` holds,
    in article order, each anchored sentence's index, text, anchors and the dates given to them. A gathering
    known only by its year lends no month, nor one the report's month was given by default."""
    return [
        Occasion(index, span, _head(text[anchor.start : anchor.end]))
        for index, text, anchors, dates in sentences
        for anchor, span in zip(anchors, dates, strict=True)
        if anchor.multilateral
        and anchor.kind == "meeting"
        and span is not None
        and span.precision != "year"
        and span.kind != REPORT_MONTH
    ]


def _fits_tense(span: DateSpan, status: str | None, published: date | None) -> bool:
    """Whether an occasion can be the one of an engagement of this status: a plan or proposal at a gathering
    still to come (or under way), a held engagement at one already begun."""
    if published is None or status is None:
        return True
    if status in _FORWARD:
        return (span.end or span.start) >= published - timedelta(days=1)
    return span.start <= published


def month_of(span: DateSpan, anchor: Anchor) -> DateSpan:
    """The month an occasion starts in, as the date of an engagement tied to it (no day: the text gives none)."""
    first = span.start.replace(day=1)
    return DateSpan(first, month_end(first.year, first.month), "month", anchor.start, anchor.end, "", kind="occasion")


def gathering_span(
    text: str,
    sentence_index: int,
    anchor: Anchor,
    status: str | None,
    occasions: list[Occasion],
    published: date | None,
) -> DateSpan | None:
    """The month of the gathering an undated engagement is tied to ("during the SCO summit", "on the sidelines
    of the summit"), when the article dates that gathering: the gathering named with the same noun first, then
    the nearest in the article, before the sentence rather than after it; only one whose time fits the
    engagement's tense. Sidelines told without the gathering's name ("held a bilateral meeting on the sidelines",
    "sideline meets with") are those of the nearest gathering the article dates (``_SIDELINES_OF_THE_STORY``). Month precision: the text does not say on which of the gathering's days the two met.
    None when the sentence ties the engagement to no gathering, or the article dates none that fits."""
    if anchor.multilateral:
        return None
    tie = next(
        (
            t
            for t in _TIED_TO_GATHERING.finditer(text)
            if (t["head"] or t["head_before"]).lower() != "meeting" or MULTILATERAL.search(t.group())
        ),
        None,
    )
    if tie is None:
        tie = _SIDELINES_OF_THE_STORY.search(text)
        if tie is None:
            return None
        head = None
    else:
        head = (tie["head"] or tie["head_before"]).lower()
    candidates = [o for o in occasions if _fits_tense(o.span, status, published)]
    if not candidates:
        return None
    chosen = min(
        candidates,
        key=lambda o: (
            o.head != head,
            abs(o.sentence_index - sentence_index),
            o.sentence_index > sentence_index,
        ),
    )
    return month_of(chosen.span, anchor)


def dateline_span(
    text: str, sentence_index: int, anchor: Anchor, status: str | None, published: date | None
) -> DateSpan | None:
    """The dateline's day for an engagement held that the report's lede states undated ("Kazan [Russia],
    October 22: Xi met Putin on the sidelines of the summit"): a report datelined with a day tells that day's
    news first. Only in the article's first sentences, only for what was held (a cancellation keeps its own
    slot, a plan its own date), and only when the dateline prints its day."""
    if sentence_index > 2 or status != "held" or anchor.multilateral:
        return None
    head = text[:_DATELINE_REACH]
    for span in find_date_spans(head, published, False):
        if span.precision == "day" and is_dateline(head, span) and span.end_char <= anchor.start:
            if told_under_way(text, anchor):
                return month_of(span, anchor)
            return DateSpan(span.start, None, "day", anchor.start, anchor.end, "", kind="occasion")
    return None


def lede_span(
    text: str,
    sentence_index: int,
    anchor: Anchor,
    status: str | None,
    published: date | None,
    told: tuple[DateSpan | None, str | None],
) -> DateSpan | None:
    """The publication day for an engagement held that the headline or the first sentence of a dated report
    states with no date, no dateline and no dated occasion ("Presidents of Kazakhstan and Uzbekistan held talks
    in Astana" in a report of 8 August). A news report tells its day's news first: what its lede says was held
    without a date happened that day or the day before, which the guide's scoring takes as one (a day either
    side). Only for what was held (a cancellation keeps its own slot, a plan its own date), and not after the
    article has told a date (``told``: the last date told and its engagement's kind) of the same kind ("The two
    ministers discussed trade" after "held talks on Monday" is Monday's talks) or more than a day from publication
    ("visited Togo in March. Later that day, the presidents held talks": the lede tells March's story). "Held
    talks" after "arrived on Monday", in a Tuesday report, is news of its own. A later sentence may go back in time and is left
    undated, and so is every sentence of a report with no publication date. A visit or exercise the lede tells as
    under way ("who is on a five-day visit to Seoul") began on a day it does not give: the report's month
    (``told_under_way``)."""
    if published is None or sentence_index > _LEDE_SENTENCES or status != "held" or anchor.multilateral:
        return None
    told_span, told_kind = told
    if told_span is not None and (told_kind == anchor.kind or abs((told_span.start - published).days) > 1):
        return None  # the day's engagement of this kind is told already, or the lede tells another day's story
    if told_under_way(text, anchor):
        return month_of(DateSpan(published, None, "day", anchor.start, anchor.end, ""), anchor)
    return DateSpan(published, None, "day", anchor.start, anchor.end, "", kind="occasion")


_MULTI_DAY = {"visit", "exercise"}
"""The kinds of engagement that last days: told as under way, they began on a day the report need not give."""

_UNDER_WAY_BEFORE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:now\s+|currently\s+|still\s+|already\s+)?"
    r"(?:(?:on|in\s+[^,;.]{1,30}?\s+(?:on|for))\s+(?:a|an|the|his|her|their|its)\s+|\w{2,}ing\s+)"
    r"(?:[\w'’-]+\s+){0,5}$",
    re.IGNORECASE,
)
"""A present state or progressive that governs an engagement noun: "is on a five-day official visit to",
"is in Mexico for a visit", "are conducting joint naval exercises", "was on a two-day working visit"."""


_VISITING_BEFORE = re.compile(r"\b(?:is|are|was|were|while|whilst|when)\s+(?:now\s+|currently\s+|still\s+)?$", re.IGNORECASE)
"""Before "visiting", what makes it the verb of a state ("who is visiting Fiji", "while visiting Bolivia"); the
attributive "the visiting prime minister" says only who the visitor is, and the article may tell the arrival
elsewhere."""


_ONE_DAY = re.compile(r"\b(?:one|1|single)[- ]day\b|\bday-long\b", re.IGNORECASE)
"""A stated length of one day ("is on a one-day working visit", "a day-long visit"): a visit under way on the
report's day that lasts one day is that day."""


def told_under_way(text: str, anchor: Anchor) -> bool:
    """Whether a visit or an exercise is told as a state it is in rather than an event that happens: "X, who is
    on a four-day state visit to Laos", "is in Mexico for a visit", "who is visiting Fiji", "while
    visiting Bolivia", "the navies are conducting joint exercises". The report's day is then a day of it, not its
    start, which the text does not give: the guide's "never invent precision" leaves the month. An arrival
    ("arrived in Seoul on a state visit") or a beginning ("began a visit") is an event of its own day, and so is a
    visit of one day by its stated length ("who is on a one-day visit")."""
    if anchor.kind not in _MULTI_DAY or _ONE_DAY.search(text[max(0, anchor.start - 30) : anchor.end]):
        return False
    before = text[max(0, anchor.start - 80) : anchor.start]
    if text[anchor.start : anchor.end].lower().startswith("visiting"):
        return bool(_VISITING_BEFORE.search(before))
    return bool(_UNDER_WAY_BEFORE.search(before))


_LEDE_SENTENCES = 1
"""The sentences of the lede, by index: the headline (when the text has one) and the first sentence."""


_DATELINE_REACH = 80
"""How far into a sentence a dateline's date may stand ("New Delhi [India], March 15 (ANI):")."""


_BODY_DAYS_BACK = range(2, 7)
"""How many days before the report a day the body gives the lede's engagement may lie: two to six (a day either
side of the report is the lede's day already; a week back or more is another story's)."""


def lede_days_yield_to_the_body(rows: list[dict], lede_dated: set[int], published: date | None) -> list[dict]:
    """The rows ``lede_span`` dated to the report's day, left undated where the body gives the same engagement
    another day: a headline "Vietnamese, Japanese prime ministers hold talks" in a report of 3 July, whose body
    says "held talks with Prime Minister Abe on July 1", tells the talks of the 1st, not talks of its own. Only
    when the body dates held engagements of the pair and kind to one day, two to six days before the report,
    and to no day near the report (then the lede's talks may be that day's). The undated row then joins the
    dated engagement in fusion."""
    if published is None or not lede_dated:
        return rows

    def key(row: dict) -> tuple:
        return (row["country_a"], row["country_b"], row["engagement_type"])

    body_days: dict[tuple, set[date]] = {}
    for row in rows:
        if id(row) in lede_dated or row["status"] != "held" or row["start_date"] is None:
            continue
        if row["date_precision"] == "day":
            body_days.setdefault(key(row), set()).add(row["start_date"])
    for row in rows:
        days = body_days.get(key(row), set())
        if id(row) in lede_dated and len(days) == 1 and (published - next(iter(days))).days in _BODY_DAYS_BACK:
            row.update(start_date=None, end_date=None, date_precision=None, end_date_implied=False)
    return rows
