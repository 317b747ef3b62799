"""The date grammar's tables and pattern fragments: English month and weekday names, month names of other
languages for printed dates, number words. Ingest, the entity stage and the engagement stage build their date
patterns from these."""

from __future__ import annotations

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)} | {
    name[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)
}
MONTHS["sept"] = 9
"""English month names and their abbreviations, lowercase, to the month's number."""
FOREIGN_MONTHS = {
    name: number
    for names in (
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "januar februar märz april mai juni juli august september oktober november dezember",
    )
    for number, name in enumerate(names.split(), start=1)
}
"""Month names of French, Spanish, Italian, Portuguese and German: English news sites of other countries print
their own date line in them ("5 giugno 2024"). Used for the printed publication date only."""
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = {name: number for number, name in enumerate(WEEKDAY_NAMES)}
NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), 1
    )
}
_UNIT_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEEN_ORDINALS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ORDINAL_WORDS = (
    {word: number for number, word in enumerate(_UNIT_ORDINALS, 1)}
    | {word: number for number, word in enumerate(_TEEN_ORDINALS, 10)}
    | {f"{tens[:-1]}ieth": 10 * t for t, tens in enumerate(_TENS, 2)}
    | {f"{tens}-{unit}": 10 * t + u for t, tens in enumerate(_TENS, 2) for u, unit in enumerate(_UNIT_ORDINALS, 1)}
    | {"hundredth": 100}
)
"""Ordinal words from "first" to "hundredth" ("tenth", "twenty-fifth", "fiftieth"): a count of years told as a
word ("the tenth anniversary of the treaty")."""
ORDINAL_ALTERNATION = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))
"""Every month name and abbreviation, lowercase, longest first (so that "march" is tried before "mar")."""
WEEKDAY_ALTERNATION = "|".join(WEEKDAY_NAMES)

MONTH = rf"(?:{MONTH_ALTERNATION})\.?"
FULL_MONTH = rf"(?:{'|'.join(MONTH_NAMES)})"
WEEKDAY = rf"(?:{WEEKDAY_ALTERNATION})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
RANGE_SEP = r"\s*(?:-|–|—|to|until|till|and|through)\s*"
DAY_IN_BRACKETS = r"(?:\s*\((?P<dom>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\))?"


def month_number(token: str) -> int:
    """The number of an English month name or abbreviation ("Sept.", "March")."""
    return MONTHS[token.lower().rstrip(".")]
