"""Dates and statuses an article gives an engagement in a sentence other than the one that names its pair.

A report often names the two countries once and tells the engagement's date or real status in another
sentence that refers to it only by its noun: "officers arrived for the annual India-Bangladesh exercise ... The
six-day exercise was inaugurated on Monday"; "Kenyatta has cancelled his visit to Zimbabwe. He was scheduled to
open the trade fair from April 26 to 30"; "Egypt and Greece conducted naval exercises, the army said in a
statement on Monday". The annotation guide makes each one record, dated by what the article says of it, and a
cancelled engagement keeps its original slot. Three rules, each applied by ``extract.article_engagements``:

- ``is_definite_reference`` / ``referred_pair``: a dated sentence that names an engagement by a definite noun
  ("the six-day exercise", "their meeting") and no pair is that engagement, when the article's engagements of
  its type have one pair (before or after it);
- ``original_slot``: a cancelled or postponed engagement left undated takes the slot the next sentence gives the
  plan ("He was scheduled to open the fair from April 26 to 30");
- ``reported_span``: an engagement told as held or under way with no date of its own takes the day its report
  gives ("said in a statement on Monday", "announced yesterday"): it had happened, or was under way, by then.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.dates import DateSpan, find_date_spans, is_dateline
from pipeline.engagements.anchors import Anchor
from pipeline.engagements.lexicon import _NOUN_TRIGGER
from pipeline.engagements.model import PRECISION_RANK

_DEFINITE_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts)\s+(?:[\w-]+\s+){0,3}$",
)
"""A definite determiner up to three words before a trigger noun ("the six-day exercise", "their meeting", "the
annual joint exercise"): the engagement is one the reader is meant to know."""


def is_definite_reference(text: str, anchor: Anchor) -> bool:
    """Whether an anchor names its engagement by a definite noun phrase ("the exercise", "the six-day
    exercise", "their talks"), so that it refers to an engagement the article states elsewhere with its pair,
    rather than to some other one ("a joint exercise", "held talks")."""
    trigger = text[anchor.start : anchor.end]
    return bool(
        _NOUN_TRIGGER.search(trigger)
        and _DEFINITE_BEFORE.search(text[max(0, anchor.start - 40) : anchor.start])
    )


_EXERCISE_REFERENCE = re.compile(r"\b(?:the|their)\s+(?:[\w-]+\s+){0,3}?(?P<noun>exercises?|drills?)\b", re.IGNORECASE)
"""A drill named by a definite noun alone ("the six-day exercise", "the drills"), which the lexicon does not take
for a trigger (a bare "exercise" is too often something else); only a reference, never a new engagement."""
EXERCISE_REFERENCE_PATTERN = _EXERCISE_REFERENCE.pattern
"""For the prefilter of candidate sentences (``extract._candidate_sentences``), which matches lower case."""


def exercise_references(text: str) -> list[Anchor]:
    """Anchors for the drills a sentence with no trigger names by a definite noun ("The six-day exercise was
    inaugurated on Monday"): each may only date or confirm the article's one exercise (``referred_pair``), as a
    dated definite reference that names no pair does."""
    return [
        Anchor("exercise", m.start("noun"), m.end("noun"), None, False, False)
        for m in _EXERCISE_REFERENCE.finditer(text)
    ]


def referred_pair(kind: str, rows: list[dict]) -> tuple[str, str] | None:
    """The pair a definite reference of this type means: the one pair of the article's engagements of that type,
    stated before or after the reference. None when the article names none or several (which one "the visit"
    means is then not known), and when the article dates one of them already: the reference is wanted for the
    date the article gives nowhere else, and a second date ("the exercises, which would continue between ...")
    is as likely another drill's or a misreading as the same one's."""
    same_kind = [r for r in rows if r["engagement_type"] == kind]
    pairs = {(r["country_a"], r["country_b"]) for r in same_kind}
    if len(pairs) != 1 or any(r["date_precision"] in ("day", "month") for r in same_kind):
        return None
    return next(iter(pairs))


_PLAN_TOLD = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:(?:originally|initially|earlier)\s+)?"
    r"(?:scheduled|due|expected|set|slated|supposed|planned|meant)\s+to\b",
    re.IGNORECASE,
)
"""A plan told in the past ("was scheduled to open", "had been due to arrive"): after a cancellation, the plan
that lapsed."""
PLAN_TOLD_PATTERN = _PLAN_TOLD.pattern
"""For the prefilter of candidate sentences (``extract._candidate_sentences``), which matches lower case."""


def tells_a_plan(text: str) -> bool:
    """Whether a sentence tells a plan in the past ("was scheduled to"): it may give a cancelled engagement's
    slot, so the prefilter keeps it."""
    return _PLAN_TOLD.search(text) is not None


def original_slot(next_text: str | None, published: date | None) -> DateSpan | None:
    """The slot of a cancelled or postponed engagement its own sentence leaves undated, from the sentence right
    after it when that one tells the lapsed plan with a date ("X has cancelled his visit to Y. He was scheduled
    to open the expo to be held from June 3 to 7"): the guide keeps the original slot. The plan's date is
    resolved forward (a slot is still to come when the plan is made); a dateline is no slot. Of its dates, the
    most precise after the plan's words ("the 2023 expo to be held from June 3 to 7" gives June 3)."""
    plan = _PLAN_TOLD.search(next_text) if next_text else None
    if plan is None:
        return None
    spans = [
        s
        for s in find_date_spans(next_text, published, True)
        if s.start_char >= plan.start() and not is_dateline(next_text, s)
    ]
    return min(spans, key=lambda s: (PRECISION_RANK.get(s.precision, 3), s.start_char)) if spans else None




_REPORTED_HELD = re.compile(
    r"\b(?:launched|kicked\s+off|began|begun|started|conducted|carried\s+out|staged|held|concluded|"
    r"(?:is|are)\s+(?:being\s+)?(?:held|under\s+way|underway|taking\s+place))\b",
    re.IGNORECASE,
)
"""Verbs that tell an engagement as held or under way ("have launched a joint exercise", "conducted drills")."""


def reported_span(text: str, anchor: Anchor, status: str | None, reported: list[DateSpan]) -> DateSpan | None:
    """The day of the report for an engagement the sentence tells as held or under way ("launched a joint
    exercise ..., the spokesman announced yesterday"; "according to a press release on Sunday, the drills ...")
    and dates no other way: what a statement of that day reports had taken place, or was under way, by then.
    ``reported`` are the sentence's dates of attribution. Only a day-precise one, and only the first."""
    if status not in (None, "held") or anchor.kind == "cooperation" or not _REPORTED_HELD.search(text):
        return None
    days = [s for s in reported if s.precision == "day"]
    if not days:
        return None
    return DateSpan(days[0].start, None, "day", anchor.start, anchor.end, "", kind="reported")
