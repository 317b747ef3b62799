"""Dates, the one date grammar of the pipeline. Ingest (the publication date an article prints), the entity stage
(DATE mentions) and the engagement stage (the event's dates) read dates only through this package:

- ``grammar``: month and weekday tables and the pattern fragments built from them;
- ``events``: the event dates of a sentence, resolved against the publication date and the tense
  (``find_date_spans``, ``resolve_date``);
- ``periods``: months, weeks, weekends and counts of days from publication, at their own precision (``month_end``);
- ``durations``: spans closed by a stated length or end ("a three-day visit from Wednesday", "the nine-day
  exercise, which runs until November 1");
- ``datelines``: whether a date is a dateline's, the day of the report (``is_dateline``);
- ``printed``: the publication date printed in an article without a date line (``publication_date_in_text``).
"""

from pipeline.dates.datelines import is_dateline
from pipeline.dates.events import DateSpan, find_date_spans, resolve_date
from pipeline.dates.grammar import (
    FOREIGN_MONTHS,
    MONTH_ALTERNATION,
    MONTH_NAMES,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_ALTERNATION,
    ORDINAL_WORDS,
    WEEKDAY_ALTERNATION,
    WEEKDAY_NAMES,
    WEEKDAYS,
    month_number,
)
from pipeline.dates.periods import month_end
from pipeline.dates.printed import publication_date_in_text

__all__ = [
    "FOREIGN_MONTHS",
    "MONTHS",
    "MONTH_ALTERNATION",
    "MONTH_NAMES",
    "NUMBER_WORDS",
    "ORDINAL_ALTERNATION",
    "ORDINAL_WORDS",
    "WEEKDAYS",
    "WEEKDAY_ALTERNATION",
    "WEEKDAY_NAMES",
    "DateSpan",
    "find_date_spans",
    "is_dateline",
    "month_end",
    "month_number",
    "publication_date_in_text",
    "resolve_date",
]
