"""The status an anchor's sentence gives it by its tense cues (``lexicon._STATUS_CUES``, the nearest in its clause),
and the check of a status against the resolved dates. ``governing`` overrides the cues where the parse says which
verb governs the anchor; ``extract.article_engagements`` runs both, then the dates."""

from __future__ import annotations

import re
from datetime import date

from pipeline.dates import DateSpan
from pipeline.engagements.anchors import Anchor, _gap
from pipeline.engagements.lexicon import _STATUS_CUES

_HOST_INVITATION = re.compile(r"\b(?:at|on|upon|following)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
"""Before "invitation", the words that make it the formula of a host ("at the invitation of", "on the kind
invitation of"): a visit made at someone's invitation is made, not proposed."""


def _status_cues(text: str, anchors: list[Anchor]) -> list[tuple[int, int, str]]:
    """The tense cues of a sentence; words inside a format name ("Action Plan to ...") are not cues, nor the host's
    formula "at the invitation of", which goes with visits held and planned alike."""
    names = [(a.start, a.end) for a in anchors if a.specific]
    return [
        (m.start(), m.end(), m.lastgroup)
        for m in _STATUS_CUES.finditer(text)
        if not any(s <= m.start() < e for s, e in names)
        and not (
            m.group().lower().startswith("invit")
            and _HOST_INVITATION.search(text[max(0, m.start() - 30) : m.start()])
        )
    ]


def _status(anchor: Anchor, clause: tuple[int, int], cues: list[tuple[int, int, str]]) -> str | None:
    """Status from the tense cue nearest to the anchor in its clause (in the whole sentence when the clause has
    none); a postponement or cancellation there wins, as it overrides the tense of the original plan ("the
    talks, which were to be held next week, have been postponed"), and of the two a postponement, as it says more
    ("cancelled his visit, which will be rescheduled"). None when the sentence has no cue."""
    in_clause = [c for c in cues if clause[0] <= c[0] < clause[1]] or cues
    if not in_clause:
        return None
    for decisive in ("postponed", "cancelled"):
        if any(c[2] == decisive for c in in_clause):
            return decisive
    return min(in_clause, key=lambda c: _gap(c[0], c[1], anchor.start, anchor.end))[2]


def _status_with_dates(status: str | None, span: DateSpan | None, published: date | None) -> str | None:
    """Tense cues are checked against the resolved dates: a "planned" event dated before publication was held, and
    so is one under way on the publication day (it started before and ends on or after it: "arrived on Tuesday
    on a visit that will last until Friday"); a "held" one dated after publication is planned (the cue was about
    something else in the sentence). A month or a year containing the publication day ("next week" at a month's
precision) says nothing either way. Other statuses stand: a proposal or a cancellation may be dated either side
    of publication. A plan told in the past perfect for a past slot ("had been scheduled to visit in April") was
    not kept: cancelled, with its slot. An engagement dated to the publication day that no tense speaks of ("on
    Friday telephone call from the president", in Friday's report) is held: the guide's held includes what is
    under way on the publication day, and a report of the day tells what has happened."""
    if span is None or published is None:
        return status
    if span.kind == "past plan" and status in (None, "planned") and span.start < published:
        return "cancelled"
    if status in (None, "planned") and (
        (span.end or span.start) < published
        or (span.precision == "day" and span.start < published <= (span.end or span.start))
    ):
        return "held"
    if status is None and span.precision == "day" and span.start == published:
        return "held"
    if status in (None, "held") and span.start > published:
        return "planned"
    return status
