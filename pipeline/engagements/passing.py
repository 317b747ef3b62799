"""Dates of engagements told in passing or as offers, where the sentence gives none of its own or gives it under
a plan since lapsed: the rules ``event_dates.assign_dates`` applies after its own."""

from __future__ import annotations

from datetime import date

from pipeline.dates import DateSpan, month_end
from pipeline.engagements.anchors import Anchor
from pipeline.engagements.lexicon_sides import (
    _PAST_PLAN,
    _PRESENT_REPORT,
    _THE_SIDELINES,
)
from pipeline.engagements.occasions import REPORT_MONTH


def past_plans(text: str, anchors: list[Anchor], statuses: list[str | None]) -> list[bool]:
    """For each anchor, whether it is a plan told in the past perfect just before it ("had been scheduled to
    visit", "had planned to visit", "was supposed to meet") and not told as called off or put off since ("called
    off a trip that had been planned for June" keeps its coming June): its slot is past, and the plan lapsed."""
    return [
        bool(_PAST_PLAN.search(text[max(0, a.start - 40) : a.start])) and s in (None, "planned", "proposed")
        for a, s in zip(anchors, statuses, strict=True)
    ]


def without_plan_words(text: str) -> str:
    """The text with each past-perfect plan reduced to its "had" (same length, same offsets): "scheduled" in "had
    been scheduled to visit in April" is then no future cue for the date."""
    return _PAST_PLAN.sub(lambda m: "had" + " " * (len(m.group()) - 3), text)


def undated_default(text: str, anchor: Anchor, status: str | None, published: date | None) -> DateSpan | None:
    """The date of an anchor the sentence's dates leave undated, where the report itself gives one:

    - an offer of cooperation told in the present ("Kenya will help fund a centre in Ethiopia, Ruto says") is
      announced on the report's day: an offer is its announcement;
    - a meeting held "on the sidelines of the summit" (the gathering the report covers) is in the report's month,
      never more precise: the day is not given (a gathering the article dates gives its own month instead,
      ``occasions.gathering_span``)."""
    if published is None:
        return None
    if anchor.kind == "cooperation" and _PRESENT_REPORT.search(text):
        return DateSpan(published, None, "day", anchor.start, anchor.end, "", kind="published")
    if anchor.kind == "meeting" and status in (None, "held") and _THE_SIDELINES.search(text):
        return DateSpan(
            published.replace(day=1), month_end(published.year, published.month), "month", anchor.start, anchor.end, "", kind=REPORT_MONTH
        )
    return None
