"""The dates of a sentence's anchors (``assign_dates``): each date expression the sentence states goes to the
anchor it belongs to, unless it is the date of something else the sentence tells: a saying ("said on Monday",
"in a post on Telegram on June 4"), another event about a person (taking office, a death), the event another
is placed after ("after the Pacific Islands Forum, which opens on August 12"), or the decision that called the
engagement off ("on Sunday postponed his visits": the record keeps its original slot), or the date of another
clause by the parse ("who were scheduled to arrive next Monday": ``clause_dates``)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from pipeline.dates import (
    ORDINAL_ALTERNATION,
    ORDINAL_WORDS,
    WEEKDAY_ALTERNATION,
    DateSpan,
    find_date_spans,
    is_dateline,
)
from pipeline.dates.events import told_as_future
from pipeline.engagements.anchors import Anchor, _gap
from pipeline.engagements.clause_dates import dates_of_other_clauses
from pipeline.engagements.lexicon import _ATTRIBUTION_AFTER, _ATTRIBUTION_BEFORE, _FORWARD
from pipeline.engagements.occasions import month_of, told_under_way
from pipeline.engagements.passing import past_plans, undated_default, without_plan_words
from pipeline.engagements.references import reported_span

_MESSAGE_BEFORE = re.compile(
    r"\b(?:in|during|via|(?:said|says|told|stated|announced|added|noted|declared)\s+(?:[\w-]+\s+)?at)\s+"
    r"(?:a|an|his|her|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:post|tweet|message|letter|"
    r"interview|briefing|press\s+conference|press\s+release|video|speech)\b[^,.;]{0,30}?\s+(?:on|last|this)\s+$",
    re.IGNORECASE,
)
"""A message the date is the date of ("In a post on Telegram on June 4, the premier wrote that he would travel
to Chile", "in an interview last week", "told reporters at a weekly briefing on May 2 that she would not host
the envoy"): when it was said, told by the message's noun rather than a verb of saying. "At" a press conference
only after a verb of saying: "at a joint press conference on Monday, the two said they had signed" dates the
signing too."""


_REPORTED_CLAUSE = re.compile(r"\bthat\s+(?:on\s+|in\s+|this\s+|last\s+|next\s+)?$", re.IGNORECASE)
"""A date that opens the clause of what was said ("the ministry said in a statement that on Wednesday, March 19, he
will fly to Mumbai"): it dates what is reported, not the saying."""


_SIGNED_BEFORE = re.compile(r"\b(?:signed|initialled|initialed|inked)\s+(?:on\s+)?$", re.IGNORECASE)
"""A date right after the participle of a signing ("the communique signed Monday, October 22 stated"): the
signing's, even when a verb of saying follows it."""


def _is_attribution(text: str, span: DateSpan) -> bool:
    """Whether a date says when something was said ("said on Monday", "a statement issued on Monday", "in a post
    on Telegram on June 4") rather than when the engagement happens; not a date opening the clause of what was
    said ("said that on Wednesday he will fly to Mumbai"), nor one that dates a signing ("the communique signed
    Monday, October 22 stated")."""
    before = text[max(0, span.start_char - 60) : span.start_char]
    if _REPORTED_CLAUSE.search(before) or _SIGNED_BEFORE.search(before):
        return False
    return bool(
        _ATTRIBUTION_BEFORE.search(before)
        or _MESSAGE_BEFORE.search(before)
        or _ATTRIBUTION_AFTER.match(text[span.end_char :])
    )


_OTHER_EVENT_BEFORE = re.compile(
    r"\b(?:(?:take|takes|took|taken|taking)\s+(?:up\s+)?office|(?:assume|assumes|assumed|assuming)\s+office|"
    r"(?:come|comes|came|coming)\s+to\s+power|(?:was|were) (?:re-?)?elected|(?:re-?)?election|"
    r"sworn\s+in|"
    r"(?:became|becoming)\s+(?:the\s+(?:new\s+)?)?(?:president|prime\s+minister|premier|chancellor)(?!\s+to\b)|"
    r"(?:assume|assumes|assumed|assuming)\s+the\s+(?:presidency|premiership)|"
    r"(?:take|takes|took|taking)\s+over\s+as\s+[\w\s-]{1,30}?|"
    r"(?:take|takes|took|taking)\s+the\s+oath(?:\s+of\s+office)?|"
    r"born|died|death|passed away|killed)\b[^,;.]{0,40}$",
    re.IGNORECASE,
)


def _is_other_event(text: str, span: DateSpan) -> bool:
    """Whether a date belongs to another event the sentence names about a person: taking office, an election, a
    death ("Petro, who took office in August, travelled to Caracas on Tuesday"; "cancelled his visit after the
    death of X on Friday"), however the taking of office is put ("who became president on January 1", "assumed
    the presidency", "took over as prime minister", "took the oath"; not "became the first president to visit",
    where the date is the visit's) and in whatever form of its verb ("his first visit since assuming office in July
    last year", "since taking office in 2022"). Such a date is never the engagement's."""
    return bool(_OTHER_EVENT_BEFORE.search(text[max(0, span.start_char - 60) : span.start_char]))


_SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+(?:early\s+|late\s+|mid-?\s*)?$", re.IGNORECASE)
_FIRST_SINCE = re.compile(r"\bfirst\b[^.;]*$", re.IGNORECASE)


def _opens_a_stretch_of_time(text: str, span: DateSpan) -> bool:
    """Whether a date is the start of a stretch of time told with "since" ("the two ministers have met three
    times since 2019", "talks have been held regularly since January"): it measures how long something has gone
    on, the date of no engagement the sentence tells. Not a day ("has been in Delhi since Monday" tells when a
    visit under way began), nor the year of "the first visit since 2016", which names the last visit before
    this one (a past engagement named in passing, ``passing``)."""
    before = text[: span.start_char]
    return (
        span.precision != "day"
        and bool(_SINCE_BEFORE.search(before[-20:]))
        and not _FIRST_SINCE.search(before)
    )


def _dates_the_last_one_before(text: str, span: DateSpan, status: str | None) -> bool:
    """Whether a date is that of the last engagement before one still to come or called off ("He was to visit
    Ghana from May 14-15, the first Norwegian defence minister to go there since 1998"): 1998 is the
    past visit's, never the slot of the plan."""
    before = text[: span.start_char]
    return (
        status not in (None, "held")
        and span.precision != "day"
        and bool(_SINCE_BEFORE.search(before[-20:]))
        and bool(_FIRST_SINCE.search(before))
    )


_CAPTION_AFTER = re.compile(
    r"^\W{0,4}(?:(?:file\s+)?photo(?:graph)?|image|picture|pic)\b\s*(?:[:|/(]|by\b|credit)", re.IGNORECASE
)


def _is_caption_date(text: str, span: DateSpan) -> bool:
    """Whether a date closes a photo caption glued to the sentence ("Trump arrives for a rally in Indianapolis,
    November 2, 2018. | Photo: Reuters The president had already scrapped a meeting"): it is the day the picture
    was taken, not that of an engagement the text goes on to tell."""
    return bool(_CAPTION_AFTER.match(text[span.end_char : span.end_char + 40]))


_REFERENCE_POINT_BEFORE = re.compile(
    r"\b(?:after|before|following|ahead\s+of|prior\s+to)\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w'’.-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _dates_a_reference_point(text: str, span: DateSpan, owner: Anchor) -> bool:
    """Whether a date is that of the event another one is placed after or before ("will visit Peru after the
    Pacific Islands Forum, which opens on August 12"): a date told after the words "after the summit" is the
    summit's, the point of reference, and no other anchor of the sentence borrows it (the visit is after it, on a
    day the sentence does not give). A date told before them is not ("scheduled to visit in April after
    attending the summit": April is the visit's)."""
    window = max(0, owner.start - 40)
    tie = _REFERENCE_POINT_BEFORE.search(text[window : owner.start])
    return tie is not None and span.start_char >= window + tie.start()


_FULL_DATE = re.compile(r"\b(?:19|20)\d{2}\b")
_WEEKDAY_NAMED = re.compile(rf"(?:{WEEKDAY_ALTERNATION})\b", re.IGNORECASE)
"""A weekday that opens a printed date ("Friday, May 26"): it pins the date's year as firmly as a printed year."""


def _prints_its_year(span: DateSpan) -> bool:
    """Whether a date gives its day and its year ("on November 22, 2017"), or its day and the weekday that pins its
    year ("on Friday, May 26"): the anchor it stands by takes it even when the tense says otherwise ("attended the
    consultation in Kuching on November 22, 2017" in a report of November 17 is still to come, and so planned:
    ``_status_with_dates``; "arrives in Monrovia on Friday, May 26" in a report of Thursday 25 May, the
    present of a programme). Such a date is never a guess of the grammar; the tense cue may be a slip of the
    writer or of an agency's template."""
    return (
        span.precision == "day"
        and span.kind in ("month_day", "day_month", "iso", "dotted")
        and bool(_FULL_DATE.search(span.text) or _WEEKDAY_NAMED.search(span.text))
    )


_PLANNING_CUE_BEFORE = re.compile(
    r"\b(?:scheduled|set|slated|due|planned|expected|fixed|penciled|pencilled)\s+(?:to\s+(?:be\s+)?\w+\s+)?"
    r"(?:for|on|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _told_as_planned(text: str, span: DateSpan) -> bool:
    """Whether a date is told with its own word of planning ("the council meeting, scheduled for December 7, is
    anticipated to mark a new step", "set to take place on Friday"): the anchor it stands by takes it even when the
    sentence's tense read the engagement as held (the main verb is about something else); the status then follows
    the date (``_status_with_dates``)."""
    return bool(_PLANNING_CUE_BEFORE.search(text[max(0, span.start_char - 40) : span.start_char]))


def _date_fits_status(span: DateSpan, status: str | None, published: date | None) -> bool:
    """Whether a date may be the date of an engagement with this status: a planned one does not end before the
    day before publication, a held one does not start after it; any date fits the others, or when the status or
    the publication date is unknown, or the plan was told in the past perfect."""
    if published is None or status is None or span.kind == "past plan":
        return True
    if status == "planned":
        return (span.end or span.start) >= published - timedelta(days=1)
    if status == "held":
        return span.start <= published
    return True


_CALLING_OFF = re.compile(
    r"^[^.;:]{0,40}?\b(?:postpone[ds]?|cancel(?:l?ed|s)?|called\s+off|call\s+off|put\s+off|scrapped|deferred|"
    r"shelved)\b",
    re.IGNORECASE,
)


_CALLED_OFF_ON = re.compile(
    r"\b(?:postponed|cancell?ed|canceled|called\s+off|put\s+off|scrapped|deferred|shelved)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def _dates_the_calling_off(text: str, span: DateSpan, anchor: Anchor) -> bool:
    """Whether a date stands just before the verb that calls off the anchor's engagement ("the minister on Sunday
    postponed his visits to Germany", "word last night that Okafor has chosen to cancel his tour"): it dates
    the decision, and the record keeps the original slot (the guide), which the text gives elsewhere if at
    all."""
    if _CALLED_OFF_ON.search(text[max(0, span.start_char - 30) : span.start_char]):
        return True  # "the visit, which was cancelled on Monday": the day of the decision
    after = _CALLING_OFF.match(text[span.end_char : anchor.start])
    return after is not None and span.end_char + after.end() <= anchor.start


_RELATIVE_TO_SAYING = re.compile(r"[\"“:]")


def _counted_from_the_day_said(text: str, spans: list[DateSpan], published: date | None) -> list[DateSpan]:
    """The spans with each relative day quoted from a saying the sentence dates counted from the day it was said
    ("Misri issued a statement on Tuesday: 'there will be a meeting tomorrow'" is Wednesday, whatever day the
    report came out): "tomorrow" is the speaker's. Only a quotation (a quote mark or a colon between the dated
    saying and the relative day) counts so; reported speech ("said on Monday that they will meet tomorrow") is
    as often retold from the report's day."""
    if published is None:
        return spans
    said = [
        s
        for s in spans
        if s.precision == "day"
        and s.kind in ("relative_day", "weekday", "month_day", "day_month")
        and _is_attribution(text, s)
    ]
    shifted = []
    for span in spans:
        before = [
            s
            for s in said
            if s.end_char <= span.start_char
            and _RELATIVE_TO_SAYING.search(text[s.end_char : span.start_char])
        ]
        if (
            span.kind == "relative_day"
            and "(" not in span.text
            and before
            and not _is_attribution(text, span)
        ):
            shift = before[-1].start - published
            span = replace(span, start=span.start + shift, end=span.end + shift if span.end else None)
        shifted.append(span)
    return shifted


_CLAUSE_BREAK = re.compile(r"[;|]|[a-z]{2}[.!?]\s+[A-Z]")
"""What ends a statement within a sentence's text: a semicolon, a bar, or the end of a sentence the splitter
left glued to the next (a headline run into a photo caption)."""


def _the_day_within(text: str, nearest: DateSpan, own: list[DateSpan]) -> DateSpan:
    """The date an anchor takes when it stands nearer a month or a year than a day that falls in it, both its own
    ("spoke by telephone – the third time this month – on 9 February", "met in Hanoi this year, on
    July 22"): the day, which the coarse period only places, the more precise statement of the same time (never
    lose precision the text gives). A day outside the period is another time, and the nearer date stays; so does
    a day told after a semicolon or the end of a statement ("to cancel visit in March; Kishida is seen at his
    office on Friday"): that day is of another statement, not a more precise telling of this one."""
    if nearest.precision == "day" or nearest.end is None:
        return nearest
    inside = [
        s
        for s in own
        if s is not nearest
        and s.precision == "day"
        and nearest.start <= s.start <= nearest.end
        and not _CLAUSE_BREAK.search(
            text[max(0, min(s.end_char, nearest.end_char) - 2) : max(s.start_char, nearest.start_char)]
        )
    ]
    return inside[0] if len(inside) == 1 else nearest


_ENDING = r"(?:concluded|concludes|ended|ends|wrapped\s+up|wraps\s+up|wound\s+up|winds\s+up|completed|completes)"
_ENDING_BEFORE = re.compile(rf"\b{_ENDING}\b(?:\s+[\w'’-]+){{0,6}}?\s+(?:on\s+)?$", re.IGNORECASE)
_ENDING_AFTER = re.compile(rf"^\s*,?\s*{_ENDING}\b", re.IGNORECASE)
_LASTS_DAYS = {"visit", "exercise"}


def _the_end_only(text: str, span: DateSpan | None, anchor: Anchor) -> DateSpan | None:
    """The date of a visit or an exercise told only as the day it ended ("on March 9 wound up a tour of Kenya",
    "wrapped up her tour of the region on Sunday"), with no length to count back from (a length closes the span in
    ``dates.durations``): the visit began on a day the text does not give, so the record takes the
    month, ending that day (never invent precision; a report that gives the first day wins in fusion). None when
    the date is not so told."""
    if (
        span is None
        or anchor.kind not in _LASTS_DAYS
        or span.precision != "day"
        or (span.end is not None and span.end != span.start)
        or not (
            _ENDING_BEFORE.search(text[max(0, span.start_char - 60) : span.start_char])
            or _ENDING_AFTER.match(text[span.end_char : span.end_char + 30])
        )
    ):
        return None
    first = span.start.replace(day=1)
    return replace(span, start=first, end=span.start, precision="month", end_implied=False)


def _position(spans: list[DateSpan], span: DateSpan) -> int:
    """The index of a span in the sentence's list of spans of every tense (``clause_dates`` judges each once)."""
    return next(i for i, s in enumerate(spans) if s is span or s == span)


def assign_dates(
    text: str, anchors: list[Anchor], statuses: list[str | None], published: date | None
) -> list[DateSpan | None]:
    """Each date goes to its nearest anchor; an anchor left without one takes the nearest date that fits its
    tense.

    Dates are resolved against the publication date, forward for planned, proposed, postponed and cancelled
    anchors ("in June" is the coming June; not an offer of cooperation, which is made when it is reported) and
    backward for the others (a gathering of many states, which has no status, by the tense cue of its clause:
    "would then attend the summit on 30 January" is the coming one), unless a tense cue just before the date
    says otherwise (``dates.find_date_spans``). A date of attribution is no engagement's date, except for
    cooperation, whose announcement is the offer; nor is a dateline's ("WASHINGTON, Nov 3 -"), nor the date of
    another event named about a person (taking office, a death). A proposed anchor takes only its own dates: a
    proposal borrows no date from the engagement it stands beside, except an offer of cooperation: the offer made
    "at a meeting on Friday" is made that day. An anchor still undated may take a date the report gives
    (``passing.undated_default``). A plan told in the past perfect (``passing.past_plans``) dates backward, and
    its dates are marked "past plan" (``_status_with_dates``). A visit told as under way ("who is visiting
    Fiji") that borrows the day of another engagement of the sentence takes only its month: that day is one of
    the visit's, not its start (``occasions.told_under_way``). A date the parse puts in another clause, one that
    neither holds the anchor nor is set on it, is never the anchor's ("47 Malaysians, who were scheduled to
    arrive next Monday, and the delay in the visit": ``clause_dates``). Without a publication date only the dates
    that print their year ("on April 9, 2025", "in 2011") are resolved."""
    past_plan = past_plans(text, anchors, statuses)
    forward = [
        (s in _FORWARD if s is not None or not a.multilateral else told_as_future(text, a.start))
        and not (a.kind == "cooperation" and s == "proposed")
        and not past
        for a, s, past in zip(anchors, statuses, past_plan, strict=True)
    ]
    dated = without_plan_words(text)
    spans_by_tense = {
        (future, past): [
            replace(s, kind="past plan") if past else s
            for s in find_date_spans(dated if past else text, published, future)
            if not is_dateline(text, s)
            and not _is_other_event(text, s)
            and not _is_caption_date(text, s)
            and not _opens_a_stretch_of_time(text, s)
        ]
        for future, past in set(zip(forward, past_plan, strict=True))
    }
    spans_by_tense = {
        tense: _counted_from_the_day_said(text, spans, published) for tense, spans in spans_by_tense.items()
    }
    chosen: list[DateSpan | None] = [None] * len(anchors)
    every_span = list(dict.fromkeys(s for spans in spans_by_tense.values() for s in spans))
    elsewhere = dates_of_other_clauses(text, anchors, every_span)
    for index, (anchor, status) in enumerate(zip(anchors, statuses, strict=True)):
        spans = [
            s
            for s in spans_by_tense[forward[index], past_plan[index]]
            if _position(every_span, s) not in elsewhere[index]
            and (anchor.kind == "cooperation" or not _is_attribution(text, s))
            and not (status in ("cancelled", "postponed") and _dates_the_calling_off(text, s, anchor))
            and not _dates_the_last_one_before(text, s, status)
        ]
        owners = [min(anchors, key=lambda a: _gap(a.start, a.end, s.start_char, s.end_char)) for s in spans]
        own = [s for s, owner in zip(spans, owners, strict=True) if owner is anchor]
        candidates = own or [
            s
            for s, owner in zip(spans, owners, strict=True)
            if (status != "proposed" or anchor.kind == "cooperation")
            and not _dates_a_reference_point(text, s, owner)
        ]
        candidates = [
            s
            for s in candidates
            if _date_fits_status(s, status, published)
            or (s in own and (_prints_its_year(s) or _told_as_planned(text, s)))
        ]
        if candidates:
            nearest = min(candidates, key=lambda s: _gap(anchor.start, anchor.end, s.start_char, s.end_char))
            chosen[index] = _the_day_within(text, nearest, [s for s in candidates if s in own])
            if not own and chosen[index].precision == "day" and told_under_way(text, anchor):
                # "signed a statement today with Peters, who is visiting Fiji": a day of the visit, not its start
                chosen[index] = month_of(chosen[index], anchor)
        else:
            reported = [
                s for s in spans_by_tense[forward[index], past_plan[index]] if _is_attribution(text, s)
            ]
            chosen[index] = undated_default(text, anchor, status, published) or reported_span(
                text, anchor, status, reported
            )
    return [
        _anniversary_year(text, anchor, published) or _the_end_only(text, span, anchor) or span
        for anchor, span in zip(anchors, chosen, strict=True)
    ]


_ANNIVERSARY_OF = re.compile(
    rf"\b(?:(?P<years>\d{{1,3}})(?:st|nd|rd|th)|(?i:(?P<word>{ORDINAL_ALTERNATION})))\s+anniversary\s+(?:of|since)\s+"
    r"(?:the\s+|their\s+|its\s+|our\s+)?(?:signing\s+of\s+(?:the\s+|their\s+|its\s+|our\s+)?)?"
    r"(?:[A-Z][\w-]*\s+){0,3}$"
)
"""The Nth anniversary of an agreement named just after it, its number in digits or words ("the 40th anniversary
of their Treaty of Friendship", "the sixth anniversary since the signing of our Fisheries Accord"): only
capitalised words (a name) may stand between, so "the 30th anniversary of bilateral relations by signing" dates
no signing."""


def _anniversary_year(text: str, anchor: Anchor, published: date | None) -> DateSpan | None:
    """The year of an agreement named as the one whose Nth anniversary the report marks ("celebrating the 40th
    anniversary of their Treaty of Friendship" in a report of 2021 is a treaty of 1981; "at the sixth anniversary
    since the signing of our Fisheries Accord"): the anniversary is today's, the signing N years back. Year precision; only with a publication date to count from."""
    if anchor.kind != "agreement" or published is None:
        return None
    m = _ANNIVERSARY_OF.search(text[max(0, anchor.start - 80) : anchor.start])
    if m is None:
        return None
    years = int(m.group("years")) if m.group("years") else ORDINAL_WORDS[m.group("word").lower()]
    if not 0 < years < published.year - 1000:
        return None
    return DateSpan(date(published.year - years, 1, 1), None, "year", anchor.start, anchor.end, "")
