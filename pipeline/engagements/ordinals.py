"""Ordinals: the number an engagement has within its series (the guide's "Ordinals"), read around its anchor.

The text numbers an engagement in a few ways, all read here: an ordinal word or number before the anchor ("the
third round of talks", "the 14th Annual Summit"), a Roman numeral opening a format's title ("the VI Binational
Cabinet"), the session the anchor is of ("a meeting of the 9th Session of the Joint Committee"), an appositive
after it ("This summit, the third held between the two presidents, ..."), and the number that ends an exercise's name
("Friendship Bridge-3", "dubbed Guardian of the South-2"). Recency is not an ordinal, and neither is a count of a
person's own trips or of a period's events: "the first summit in a decade", "her first trip as defence minister",
"his first foreign visit", "the first time he visited", "the second state visit of the week".
"""

from __future__ import annotations

import re

from pipeline.engagements.lexicon import _ORDINAL_BEFORE, _ORDINAL_OPENING, _ORDINALS, _RECENCY_AFTER

_ORDINAL_WORD = (
    r"(?:first|inaugural|maiden|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d{1,3}(?:st|nd|rd|th))"
)
_PERSONAL_SERIES = re.compile(
    r"\b(?:first|second|third)\s+(?:ever\s+)?(?:time\b|(?:foreign|overseas|international|abroad)\b)",
    re.IGNORECASE,
)
"""What makes an ordinal before the anchor count something other than the engagement's series: "the first time he
visited" (a person's experience), "his first foreign visit", "the first international tour" (a person's trips
abroad, whatever the country)."""
_PERSONS_OWN = re.compile(
    r"\b(?:his|her|(?:minister|president|premier|chancellor|leader|king|emir|secretary|chief)['’]s)\s+$",
    re.IGNORECASE,
)
"""A person's possessive before the ordinal: "on his first official visit to Tallinn", "his first state visit to
Hanoi", "the foreign minister's first working visit" count that person's own trips (the guide's "her first trip as defence minister"), not the two countries'
series of engagements, which "their", "the" or the format's name number."""
_PART_AFTER = re.compile(r"\s*(?:day|days|leg|stage|phase|half|part)\s+of\b", re.IGNORECASE)
"""A part of the engagement, not its place in a series: "on the fourth day of her stay", "the final leg of the
trip"."""
_PERIOD_AFTER = re.compile(
    r"^[^.;:]{0,30}?\b(?:of|this)\s+(?:the\s+)?(?:week|month|year|day)\b", re.IGNORECASE
)
"""A count within a period, not a series: "the second state visit of the week"."""
_ROMAN = r"(?P<roman>X{0,3}(?:IX|IV|V?I{0,3}))"
_ROMAN_BEFORE = re.compile(r"\b" + _ROMAN + r"\s+(?=[A-Z][a-z])$")
_ROMAN_OPENING = re.compile(_ROMAN + r"\s+(?=[A-Z][a-z])")
"""A Roman numeral right before a title-case format name ("the IV Summit", "the VI Binational Cabinet"); the bare
"I" is the pronoun, never a numeral here."""
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_SESSION_AFTER = re.compile(
    r"^\s+of\s+the\s+(?P<ord>" + _ORDINAL_WORD + r")\s+(?:session|edition|round|meeting|summit)\b",
    re.IGNORECASE,
)
"""The numbered session an anchor is of: "a three-day meeting of the 9th Session of the Joint Committee"."""
_APPOSITIVE_AFTER = re.compile(
    r"^[^,.;:]{0,40},\s+(?:the|their|its)\s+(?P<ord>" + _ORDINAL_WORD + r")"
    r"(?=\s*[,.;]|\s+(?:such|held|of|between|meeting|summit|visit|round|session|edition|call|exercise|talks)\b)",
    re.IGNORECASE,
)
"""An ordinal in apposition after the anchor's noun phrase: "This summit, the third held between the two presidents",
"The talks in Lima, their third this year" (the latter is then recency); "a state visit to Lima, his second" counts
the person's own trips (``_PERSONS_OWN``). The ordinal must be followed by what it
counts ("held", "such", "meeting", ...) or end the apposition: "her visit to Quito, the first deputy leader
of the party said" is no count."""
_ANOTHER_CONJUNCT = re.compile(r"(?:,|;|\s(?:and|or|but|then)\s)", re.IGNORECASE)
"""A coordinator or a comma between an ordinal and the anchor: the ordinal numbers a noun of another conjunct ("came
for the 16th Andean Summit and met the host", "the third round ended, and talks began"), not the anchor."""
_FIRST_TIME_AFTER = re.compile(r"^\s+(?:\w+\s+)?for\s+the\s+(?P<ord>first)\s+time\b", re.IGNORECASE)
"""Two sides meeting "for the first time" ("the two ministers met for the first time in Lima"): the first of their
meetings. Only a meeting or a call is counted so, as it is mutual; "visited Lima for the first time" is a person's
own experience, like "the first time he visited"."""
_ANNIVERSARY = re.compile(r"\banniversary\b", re.IGNORECASE)
""""The 50th anniversary of the treaty" counts years since the engagement, not the engagement's place in a series."""
_NUMBERED_NAME = re.compile(r"[A-Z][\w'’]*(?:\s+(?:of\s+the\s+)?[A-Z][\w'’]*)*-(?P<number>\d{1,2})\b")
"""A title-case name ending in "-<number>": "Friendship Bridge-3", "Guardian of the South-2" (one or two digits:
a year is no edition number)."""
_NAME_AFTER = re.compile(
    r"^[\s,]*(?:dubbed|named|code-?named|called|titled)\s+[\"“'‘]?(?P<name>[^\"”’,.;]{3,60})", re.IGNORECASE
)
"""The name given right after the anchor: "a joint exercise dubbed Guardian of the South-2"."""


def anchor_ordinal(text: str, kind: str, start: int, end: int) -> int | None:
    """The ordinal the sentence ``text`` gives the engagement anchored at ``start:end`` (of ``kind``), or None.

    Tried in turn: an ordinal before the anchor or opening its name (up to three words before, as in "the third
    such meeting", with no comma or coordinator between them), unless what follows the anchor makes it recency
    ("... in a decade", "... as president", "... after his re-election"), a period's count ("... of the week") or
    it counts a person's own trips ("first time", "first foreign visit", "his first state visit"); a part of an
    engagement ("the second day of the visit") is none either;
    an ordinal counting an anniversary ("the 50th anniversary of the treaty") is none; a Roman numeral opening the
    anchor's title-case name; the session the anchor is of; an ordinal in apposition after it; "met for the first
    time" for a meeting or call; and, for exercises, the number ending the name the anchor holds, stands right before it in
    quotes, or is given after it ("dubbed ...")."""
    after = text[end : end + 80]
    before = text[max(0, start - 60) : start]
    found, ordinal_start = _ORDINAL_BEFORE.search(before), max(0, start - 60)
    if found and _ANOTHER_CONJUNCT.search(text, ordinal_start + found.end("ord"), start):
        found = None
    if found is None:
        found, ordinal_start = _ORDINAL_OPENING.match(text, start, end), 0
    if found:
        ordinal_at = ordinal_start + found.start()
        personal = _PERSONAL_SERIES.search(text, ordinal_at, end) or _PERSONS_OWN.search(
            text[max(0, ordinal_at - 30) : ordinal_at]
        )
        if _PART_AFTER.match(text, ordinal_at + len(found.group("ord"))):
            return None
        if _ANNIVERSARY.search(text, ordinal_start + found.start(), start):
            return None
        if not (
            _RECENCY_AFTER.match(after)
            or _PERIOD_AFTER.match(after)
            or personal
        ):
            token = found.group("ord").lower()
            return _ORDINALS.get(token) or int(re.match(r"\d+", token).group())
        return None
    roman = (
        (_ROMAN_BEFORE.search(before) or _ROMAN_OPENING.match(text, start, end))
        if text[start].isupper()
        else None
    )
    if roman and roman.group("roman") not in ("", "I"):
        return _roman_value(roman.group("roman"))
    patterns = (_SESSION_AFTER, _APPOSITIVE_AFTER) + (
        (_FIRST_TIME_AFTER,) if kind in ("meeting", "call") else ()
    )
    for pattern in patterns:
        found = pattern.match(after)
        if found and not _RECENCY_AFTER.match(after[found.end() :]):
            token = found.group("ord").lower()
            return _ORDINALS.get(token) or int(re.match(r"\d+", token).group())
    if kind == "exercise":
        return _exercise_number(text, start, end)
    return None


def _exercise_number(text: str, start: int, end: int) -> int | None:
    """The edition number ending an exercise's name, in the anchor ("Friendship Bridge-3 exercises"), quoted right
    before it ("the "Friendship Bridge-3" exercises") or named after it ("dubbed Guardian of the South-2")."""
    named = _NAME_AFTER.match(text[end : end + 80])
    for span in (text[start:end], text[max(0, start - 50) : start], named.group("name") if named else ""):
        numbers = [m.group("number") for m in _NUMBERED_NAME.finditer(span)]
        if numbers:
            return int(numbers[-1])
    return None


def _roman_value(numeral: str) -> int:
    """The value of a Roman numeral up to XXXIX."""
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
