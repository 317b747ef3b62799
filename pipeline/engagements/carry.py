"""Dates carried over from one sentence to the next within an article.

"Later in the day", "that afternoon", "the next day", "on the second day of her visit" date an engagement by
another one the article dated just before, and "the talks that followed" by the day the sentence before tells
(a ceremony, which is no engagement: ``with_sentences_before_a_sequel`` keeps that sentence for its date); on
their own they say nothing (they are not relative to the publication date). ``article_engagements`` keeps the last day-precise date it gave an engagement (and the last
visit's) and asks ``carried_span`` for the sentences that hold such an expression.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import polars as pl

from pipeline.dates import is_dateline
from pipeline.dates.events import DateSpan, find_date_spans

_ORDINAL_DAYS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": None}

_SAME_DAY = re.compile(
    r"\b(?:later\s+(?:in\s+the|that|the\s+same)\s+day|earlier\s+(?:in\s+the|that)\s+day|(?:on\s+)?the\s+same\s+day|"
    r"that\s+(?:same\s+)?(?:morning|afternoon|evening|night)|later\s+that\s+(?:morning|afternoon|evening|night)|"
    r"(?:later\s+)?in\s+the\s+(?:afternoon|evening))\b",
    re.IGNORECASE,
)
_NEXT_DAY = re.compile(
    r"\b(?:on\s+)?the\s+(?:next|following)\s+(?:day|morning|afternoon|evening)\b", re.IGNORECASE
)
_DAY_OF_VISIT = re.compile(
    r"\b(?:on\s+)?the\s+(?P<nth>first|second|third|fourth|fifth)\s+day\s+of\s+(?:his|her|their|the)\s+"
    r"(?:[a-z-]+\s+){0,2}(?:visit|trip|tour|stay)\b",
    re.IGNORECASE,
)


_FOLLOWED = re.compile(
    r"\b(?:(?:that|which)\s+followed|(?:that|which)\s+ensued|afterwards?|thereafter|after\s+the\s+(?:ceremony|"
    r"presentation|signing|wreath-laying|welcome|reception))\b",
    re.IGNORECASE,
)
"""Words that place an engagement right after what the sentence before tells ("The ceremony took place on
Friday, August 18. During brief talks that followed, ..."): the same day."""
FOLLOWED_PATTERN = _FOLLOWED.pattern
"""For the prefilter of candidate sentences, which matches lower case."""


_THAT_ONE = re.compile(
    r"(?:^|\b(?:during|at|in|on|after|since|before|from|of|by|for|through)\s+)(?:that|those)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:visits?|trips?|tours?|meetings?|talks|summits?|conversations?|calls?|consultations)\b",
    re.IGNORECASE,
)
"""An engagement named again by a demonstrative ("During that 48-hour visit, agreements were also signed",
"That meeting came after ...", "at those talks"): after a preposition or opening the sentence, where "that" is
no conjunction ("said that talks would resume")."""
REFERRED_BACK = "referred back"


_ON_ARRIVAL = re.compile(
    r"\b(?:(?:on|upon)\s+(?:(?:his|her|their)\s+)?arrival|at\s+the\s+(?:[A-Z][\w-]*\s+){0,3}(?:international\s+)?airport)\b",
    re.IGNORECASE,
)
_DEPARTURE = re.compile(
    r"\b(?:seen\s+off|saw\s+\w+\s+off|see\s+\w+\s+off|departure|farewell|left\s+for)\b", re.IGNORECASE
)


def _day_told(text: str | None, published: date | None) -> DateSpan | None:
    """The first day a sentence tells (not its dateline's), resolved as past: what a later sentence says
    followed had happened."""
    if not text:
        return None
    return next(
        (
            s
            for s in find_date_spans(text, published, False)
            if s.precision == "day" and not is_dateline(text, s)
        ),
        None,
    )


def with_sentences_before_a_sequel(sentences: pl.DataFrame, candidates: pl.DataFrame) -> pl.DataFrame:
    """The candidate sentences of a batch with, for each that places its engagement right after what the
    sentence before tells ("talks that followed"), that sentence too: it may state no engagement, but it gives
    the day (``carried_span``). ``anchored_sentences`` finds no anchor in it, so it only lends its text."""
    sequels = candidates.filter(pl.col("text").str.to_lowercase().str.contains(FOLLOWED_PATTERN))
    if not sequels.height:
        return candidates
    before = sequels.select("article_id", (pl.col("sentence_index") - 1).alias("sentence_index"))
    added = sentences.join(before, on=["article_id", "sentence_index"], how="semi").join(
        candidates, on=["article_id", "sentence_index"], how="anti"
    )
    return pl.concat([candidates, added.select(candidates.columns)]).sort("article_id", "sentence_index")


def carried_span(
    text: str,
    previous: DateSpan | None,
    visit: DateSpan | None,
    before: str | None = None,
    published: date | None = None,
) -> DateSpan | None:
    """The date a sentence's undated engagement takes from the article's previous dated one, when the sentence
    dates it only by that one: the same day ("later in the day", "that afternoon", "on the same day", "in the
    afternoon" after a departure "on Sunday morning"), the day
    after ("the next day", "the following morning"), or the n-th day of the visit the article dated (counted
    from the visit's first day), and its first day for a meeting "on arrival" or "at the airport" (not a
    farewell there); the day the sentence ``before`` tells for an engagement that "followed" it
    (the talks that followed a ceremony), else the previous engagement's. Only a day-precise date is carried: "later that day" after "in March" says no
    more than March, which the sentence does not state. An engagement named again by a demonstrative ("During
    that 48-hour visit, agreements were also signed" after "Sall last visited Mauritania in February 2020")
    is the one the article told just before, and takes its date, day or month: "that visit" is no visit of
    today, and what was signed during it was signed then (``REFERRED_BACK``)."""
    if (that := _THAT_ONE.search(text)) is not None and previous is not None and previous.precision != "year":
        return replace(
            previous, start_char=that.start(), end_char=that.end(), text=that.group(0), kind=REFERRED_BACK
        )
    match = _DAY_OF_VISIT.search(text)
    if match is None and (arrival := _ON_ARRIVAL.search(text)) is not None and not _DEPARTURE.search(text):
        match, base, offset = arrival, visit, 0
    elif match is None and (followed := _FOLLOWED.search(text)) is not None:
        base = _day_told(before, published) or previous
        if base is None or base.precision != "day":
            return None
        return DateSpan(
            base.start, None, "day", followed.start(), followed.end(), followed.group(0), kind="carried"
        )
    elif match is not None:
        base, offset = visit, _ORDINAL_DAYS[match["nth"].lower()]
    elif (match := _NEXT_DAY.search(text)) is not None:
        base, offset = previous, 1
    elif (match := _SAME_DAY.search(text)) is not None:
        base, offset = previous, 0
    else:
        return None
    if base is None or base.precision != "day":
        return None
    day = base.start + timedelta(days=offset)
    return DateSpan(day, None, "day", match.start(), match.end(), match.group(0), kind="carried")


def narrative_day(
    previous: DateSpan | None, visit: DateSpan | None, anchor, span: DateSpan | None, has_pair: bool
) -> tuple[DateSpan | None, DateSpan | None]:
    """The dates "later that day" and "on the second day of his visit" count from, after an anchor dated ``span``:
    ``(previous, visit)``, the last engagement's date and the last visit's.

    The story's day moves with every day it tells of an engagement, whether or not its pair was found ("On the
    second day of her visit, she will open a clinic, followed by a meeting with the prime minister. Later in the
    day, she will meet the president": the second day, not the first), and with a month told of an engagement of
    a pair (after "they met in March", "later that day" tells no day). A year does not move it: a past engagement
    named in passing ("ties upgraded in 2018") or a week that straddles two months tells no day, and "earlier in
    the day" after it still means the day told before; nor does a month told of an anchor without a pair (a
    treaty of many states "signed in March"). Only an anchor with a pair names a visit the next days count from."""
    if span is None or span.precision == "year" or (span.precision == "month" and not has_pair):
        return previous, visit
    return span, span if anchor.kind == "visit" and has_pair else visit
