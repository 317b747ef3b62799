"""The fate of a called-off engagement: plans told in the past tense share it.

A report of a cancelled or postponed visit tells what the visit was to hold: "Dunmore called off a trip to
Norway, where she was scheduled to meet Prime Minister Lunde", "Tarrant had to visit Chile from 11 to 14 May to
hold talks with the trade minister". Read alone, such a plan is `planned` ("was scheduled to") or even `held`
("had to visit" is past tense). The guide keeps a called-off engagement's original slot under its fate, and the
talks it was to hold are called off with it. A new date is told in the present or future ("is now expected in
April", "will visit on 3 May") and stays `planned`: only a plan narrated in the past tense is the called-off one.
"""

from __future__ import annotations

import re

from pipeline.engagements.lexicon_sides import _PAST_PLAN
from pipeline.engagements.model import CALLED_OFF
from pipeline.engagements.references import PLAN_TOLD_PATTERN

# a plan told as past (``references``' lapsed plan "was scheduled to", ``lexicon_sides``' past perfect "had been
# expected to", and "was to", "had to"), then up to a short stretch of the same clause ("to hold a meeting", "to
# visit Chile from 11 to 14 May to hold a")
_PLAN_TOLD_AS_PAST_BEFORE = re.compile(
    rf"(?:{PLAN_TOLD_PATTERN}|{_PAST_PLAN.pattern}|\b(?:was|were)\s+to\b|\bhad\s+to\b)[^.;:!?]{{0,70}}$",
    re.IGNORECASE,
)
# a contrast or a new slot between the plan and the engagement: "but met", "instead", "now", "rescheduled"
_TURN = re.compile(r"\b(?:but|instead|however|although|though|while|now|rescheduled|new\s+date)\b", re.IGNORECASE)


def told_as_past_plan(before_trigger: str) -> bool:
    """Whether the words before an engagement's trigger, in its sentence, tell it as a plan in the past tense
    ("where he was scheduled to meet", "had to visit ... to hold a"), with no turn between the plan and it."""
    found = _PLAN_TOLD_AS_PAST_BEFORE.search(before_trigger)
    return found is not None and not _TURN.search(found.group(0))


def plans_share_the_called_off_fate(rows: list[dict], sentence_starts: dict[int, int]) -> list[dict]:
    """Rows of an article, the plans of a called-off engagement taking its fate.

    A pair whose article calls off one of its visits or meetings (status `cancelled` or `postponed`): every other
    row of that pair, other than a call, whose sentence tells it as a past plan (``told_as_past_plan``) and which
    the article does not call off itself, takes that status (`postponed` when any of the pair's called-off
    engagements is postponed: as in fusion, a postponement is the more specific news). Rows of other pairs, and pairs nothing is called off for, are returned unchanged."""
    fates: dict[tuple[str, str], str] = {}
    for row in rows:
        if row["engagement_type"] in ("visit", "meeting") and row["status"] in CALLED_OFF:
            pair = (row["country_a"], row["country_b"])
            fates[pair] = "postponed" if "postponed" in (row["status"], fates.get(pair)) else row["status"]
    if not fates:
        return rows
    shared = []
    for row in rows:
        fate = fates.get((row["country_a"], row["country_b"]))
        if fate is not None and row["status"] not in CALLED_OFF and row["engagement_type"] != "call":
            offset = row["start_char"] - sentence_starts.get(row["sentence_index"], 0)
            if 0 <= offset <= len(row["sentence"]) and told_as_past_plan(row["sentence"][:offset]):
                row = {**row, "status": fate}
        shared.append(row)
    return shared
