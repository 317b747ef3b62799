"""Datelines: the place and day a report was filed ("WASHINGTON, Nov 3 —", "New Delhi [India], March 15 (ANI):").
Their date is the day of the report, never the date of what it reports."""

from __future__ import annotations

import re

from pipeline.dates.events import DateSpan

_DATELINE_BEFORE = re.compile(
    r"(?:^\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}|\b[A-Z]{3,}(?:\s+[A-Z]{3,}){0,2})(?:\s*\[[^\]]{1,30}\])?,\s*$"
)
"""The place of a dateline: at the start of the text ("New Delhi [India],") or in capitals ("WASHINGTON,")."""
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Za-z ]{1,20}\)\s*)?[:—―–-]|\s*\([A-Za-z ]{1,20}\)\s+(?=[A-Z])")
"""What closes a dateline: a colon or dash, after the agency in brackets or not ("(ANI):", "—"), or the agency in
brackets alone before the story's first word ("Port Louis, Mar 3 (Island Wire) Mauritian Prime Minister ...")."""


def is_dateline(text: str, span: DateSpan) -> bool:
    """Whether a date is a dateline's ("WASHINGTON, Nov 3 — ...", "New Delhi [India], March 15 (ANI): ..."): the
    day the report was filed, not the day of what it reports."""
    return bool(
        _DATELINE_BEFORE.search(
            text[: span.start_char]
            if span.start_char <= 50
            else "\0" + text[span.start_char - 50 : span.start_char]
        )
        and _DATELINE_AFTER.match(text[span.end_char :])
    )
