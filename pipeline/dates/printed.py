"""The publication date an article prints in its text, for articles that come without a date line: a dateline
("NAIROBI, March 4, 2021 (AFP) -", "New Delhi, March 15 (ANI):"), a timestamp, a "Published ..." line, a date
line under the headline. A page banner (the crawl day "Today: ...", a "Last update" stamp above the story) is not
the publication date."""

from __future__ import annotations

import re
from datetime import date

from pipeline.dates.events import find_date_spans
from pipeline.dates.grammar import FOREIGN_MONTHS, MONTH_ALTERNATION, month_number

_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MONTH = rf"(?P<month>{MONTH_ALTERNATION})\.?"
_SUFFIX = r"(?:st|nd|rd|th)?"
_CLOCK_12 = r"[ \t,]+[01]?\d:[0-5]\d(?::[0-5]\d)?[ \t]*[AaPp]\.?[Mm]\b\.?"
"""A 12-hour time with AM/PM after a slashed date ("7/3/2019 9:30:05 AM"): the stamp of a US-style content system,
which prints the month first."""
_FOREIGN = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
_PRINTED = [
    re.compile(rf"\b{_YEAR}-(?P<month>\d{{2}})-(?P<day>\d{{2}})[T ]\d{{2}}:\d{{2}}"),
    re.compile(
        rf"(?<![\d./-]){_YEAR}(?P<sep>[-./])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?![\d]|[./-]\d)"
    ),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_SUFFIX}(?:[ \t]?,)?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:{_SUFFIX}|\.)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})-{_MONTH}-{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.{_YEAR}\b"),
    re.compile(rf"(?<![\d/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/{_YEAR}\b(?P<clock12>{_CLOCK_12})?"),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:er|º)?\s+(?:de\s+)?(?P<foreign>{_FOREIGN})\s+(?:de\s+)?{_YEAR}\b",
        re.IGNORECASE,
    ),
]
"""Dates with their year, as sites print them: ISO timestamps and year-first dates ("2021-12-02", "2024.10.23"), "March 4, 2021", "4 March 2021" (or "08. Sep 2021",
the day with the dot of an ordinal; "August 21st, 2019", "21st of August 2019"), "28-Jun-2025",
"21.12.2022" (day first), "10/27/2021" or "27/10/2021" (only when a number over 12 tells which is the day, or a 12-hour AM/PM time after it
says the stamp is US-style, month first: "7/3/2019 9:30:05 AM" is July 3; "7/7/2017" is July 7 either way), "September 8 , 2016"
(a space before the comma, as pages set it) and
day-month-year in French, Spanish, Italian, Portuguese or German."""
_YEARLESS_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){{0,3}}(?:[ \t]*\[[^\]\n]{{1,30}}\])?,[ \t]*{_MONTH}[ \t]+"
    r"(?P<day>\d{1,2})\b[ \t]*(?:\([^)\n]{1,20}\)[ \t]*)?[:—―–-]",
    re.IGNORECASE | re.MULTILINE,
)
"""A dateline without a year ("New Delhi [India], March 15 (ANI):"): its year comes from a full date elsewhere in
the article."""
_BANNER = re.compile(r"(?:\btoday|\bcurrent date|\baccessed|\bretrieved)\W*$", re.IGNORECASE)
_UPDATE = re.compile(r"(?:\blast update[d]?|\bupdated|\bmodified)(?:\s+on)?\W*$", re.IGNORECASE)
_PUBLISHED = re.compile(r"(?:first published|published|posted)\b", re.IGNORECASE)
TOP_WINDOW = 400
"""Datelines and timestamps stand at the top of an article; a date deeper in the text is about an event."""
LABELLED_WINDOW = 3000
"""A date labelled "published" is the publication date a little deeper too (live pages open with a summary)."""


def _printed_dates(text: str) -> list[tuple[int, int, date]]:
    """(start, end, date) of every full printed date in ``text``, in order."""
    found = []
    for pattern in _PRINTED:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if groups.get("first"):
                first, second = int(groups["first"]), int(groups["second"])
                if groups.get("clock12") and first <= 12:
                    groups["day"], month = second, first  # "7/3/2019 9:30:05 AM": month first, US-style
                elif first == second:
                    groups["day"], month = first, first  # "7/7/2017": the same date either way
                elif (first > 12) == (second > 12):
                    continue  # "03/04/2021" may be either day first or month first
                else:
                    groups["day"], month = (first, second) if first > 12 else (second, first)
            elif groups.get("foreign"):
                month = FOREIGN_MONTHS[groups["foreign"].lower()]
            else:
                month = int(groups["month"]) if groups["month"].isdigit() else month_number(groups["month"])
            try:
                found.append((m.start(), m.end(), date(int(groups["year"]), month, int(groups["day"]))))
            except ValueError:
                continue
    return sorted(found)


def _line_before(text: str, position: int) -> str:
    return text[text.rfind("\n", 0, position) + 1 : position]


def publication_date_in_text(text: str) -> date | None:
    """The publication date an article prints, if any (day precision).

    In order: a date labelled "Published"/"Posted" (in the first 3,000 characters); the first other full date
    of the top 400 characters that is not a banner ("Today: ...", a lone date line heading the page above
    another date); a dateline without a year, whose year is the one that brings it nearest the article's first
    date that prints its year (a day or a month); a "Last update"/"Updated" stamp; and last a date alone on one
    of the article's last lines (``_footer_date``).
    """
    labelled = [
        d for s, _, d in _printed_dates(text[:LABELLED_WINDOW]) if _PUBLISHED.search(text[max(0, s - 60) : s])
    ]
    if labelled:
        return labelled[0]
    top = _printed_dates(text[:TOP_WINDOW])
    plain, updates = [], []
    for index, (start, end, day) in enumerate(top):
        before = _line_before(text, start)
        if _BANNER.search(before):
            continue
        first_line_alone = "\n" not in text[:start] and not text[end:].split("\n", 1)[0].strip(
            " \t,0123456789:.APMapm"
        )
        if first_line_alone and index + 1 < len(top):
            continue
        if _banner_above_stamp(text, top, index):
            continue
        (updates if _UPDATE.search(before) else plain).append(day)
    if plain:
        return plain[0]
    dateline = _YEARLESS_DATELINE.search(text[:TOP_WINDOW])
    anchor = [s.start for s in find_date_spans(text, None) if s.precision in ("day", "month")]
    if dateline and anchor:
        near = anchor[0]
        options = []
        for year in (near.year - 1, near.year, near.year + 1):
            try:
                options.append(date(year, month_number(dateline.group("month")), int(dateline.group("day"))))
            except ValueError:
                continue
        if options:
            return min(options, key=lambda d: abs((d - near).days))
    stamp = _clock_stamp(text[:LABELLED_WINDOW])
    if stamp is not None:
        return stamp
    stamp = _weekday_stamp(text[:LABELLED_WINDOW])
    if stamp is not None:
        return stamp
    return updates[0] if updates else _footer_date(text)


_CLOCK_AFTER = re.compile(
    r"^[ \t]*(?:[/|,·•-][ \t]*)?(?:at[ \t]+)?[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?[ \t]*(?:[AaPp]\.?[Mm]\.?)?"
    r"[ \t]*(?:[A-Z]{2,4}\b|\([^)\n]{1,10}\))?[ \t]*(?:[/|,·•-][ \t]*\d{1,2}[ \t]+\w+[ \t]+ago)?[ \t]*$"
)
"""What follows a story's timestamp on its line: a clock time, perhaps with its zone and the page's "/ 5 months
ago" ("October 9, 2019 / 8:40 AM / 3 months ago", "4 May 2021 14:05 GMT")."""


def _clock_stamp(text: str) -> date | None:
    """The date of a timestamp standing alone on its line, a full date followed by a clock time ("October 9, 2019
    / 8:40 AM / 3 months ago"), below the top of the page (a site's menus may push the story down): a date an
    article tells of an event has no clock time after it on a line of its own. Not a "Last update" stamp or a
    banner."""
    for start, end, day in _printed_dates(text):
        line_end = text.find("\n", end)
        rest = text[end : len(text) if line_end < 0 else line_end]
        before = _line_before(text, start)
        if (
            _CLOCK_AFTER.match(rest)
            and re.search(r"\d[:.]\d", rest)
            and _ALONE.match(before)
            and not _UPDATE.search(before)
            and not _BANNER.search(before)
        ):
            return day
    return None


def _has_clock_after(text: str, end: int) -> bool:
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end]
    return bool(_CLOCK_AFTER.match(rest) and re.search(r"\d[:.]\d", rest))


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end]
    return bool(_ALONE.match(_line_before(text, start))) and not rest.strip(" \t,.")


def _banner_above_stamp(text: str, top: list[tuple[int, int, date]], index: int) -> bool:
    """Whether a top date is the page's banner (the crawl day, "Monday, 12 June, 2023" alone on a line under the
    site's name) because the story's own timestamp, a full date with a clock time ("Thu, 03 March, 2016 09:14:02
    PM"), follows it lower in the top: the banner is the day the page was fetched, the stamp the day of the
    story."""
    start, end, _ = top[index]
    if not _alone_on_line(text, start, end):
        return False
    return any(
        later_start > end
        and _has_clock_after(text, later_end)
        and not _UPDATE.search(_line_before(text, later_start))
        for later_start, later_end, _ in top[index + 1 :]
    )


_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\W*$", re.IGNORECASE)


def _weekday_stamp(text: str) -> date | None:
    """The date of a story stamp printed alone on its line with its weekday ("• Tuesday, 2 July 2024"), below the
    top of the page (menus push the story down): an article telling of an event puts the date in a sentence, not
    on a line of its own. Not a "Last update" stamp or a banner."""
    for start, end, day in _printed_dates(text):
        before = _line_before(text, start)
        if (
            _alone_on_line(text, start, end)
            and _WEEKDAY.search(before)
            and not _UPDATE.search(before)
            and not _BANNER.search(before)
        ):
            return day
    return None


_FOOTER_LINES = 3
_ALONE = re.compile(r"^\W*(?:(?:published|posted|date)\s*:?\s*)?(?:[A-Za-z]{3,9}\.?,?\s+)?$", re.IGNORECASE)
"""What may stand before a footer's date on its line: a label ("Published:") or a weekday ("Sat,")."""


def _footer_date(text: str) -> date | None:
    """The date a page prints alone on one of its last lines ("Sat, 28-Jun-2025", "Published: 10/27/2021" under
    the story): the stamp of the story above it, when the top of the page gives none. A date inside a sentence
    there is an event's; a "Last update" stamp is no publication date."""
    lines = [line for line in text.rstrip().split("\n") if line.strip()][-_FOOTER_LINES:]
    for line in reversed(lines):
        found = _printed_dates(line)
        if len(found) != 1:
            continue
        start, end, day = found[0]
        if (
            _ALONE.match(line[:start])
            and not line[end:].strip(" \t,.0123456789:APMapm")
            and not _UPDATE.search(line[:start])
        ):
            return day
    return None
