"""Dates named in the text ("Monday", "15 March 2024", "last week", "2023") as DATE mentions, found by one
case-folded search of the whole article. The month and weekday names come from ``pipeline.dates``, the one
date grammar."""

import operator
import re
from bisect import bisect_right

from pipeline.dates import MONTH_ALTERNATION, MONTH_NAMES, WEEKDAY_ALTERNATION, WEEKDAY_NAMES
from pipeline.entities.sentence import _mention, _Sentence

MONTH = rf"(?:{MONTH_ALTERNATION})\.?"
WEEKDAY = rf"(?:{WEEKDAY_ALTERNATION})"
DAY = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?"
MONTH_PREFIXES = tuple(dict.fromkeys(name[:3] for name in MONTH_NAMES))
DATE_STARTS = [
    *WEEKDAY_NAMES,
    *(rf"{month}[a-z]*\.?\s+\d" for month in MONTH_PREFIXES),
    *(
        rf"{word}\s+(?:week|month|year|{'|'.join(name[:3] for name in WEEKDAY_NAMES)})"
        for word in ("last", "next", "this", r"earlier\sthis", r"later\sthis")
    ),
    rf"on\s+(?:{'|'.join(WEEKDAY_NAMES)})",
    *("yesterday", "today", "tomorrow"),
]
"""How every date that does not start with a digit starts, in lowercase: a weekday, a month before a number, a
relative word before a period, "on" before a weekday, or a day word. Each starts with a letter."""


def _by_first_letter(alternatives: list[str]) -> str:
    """An alternation grouped by first letter ("j(?:an...|un...)|..."): the regex engine tries a group only when its
    letter matches, where a flat alternation tries every alternative."""
    by_letter: dict[str, list[str]] = {}
    for alternative in alternatives:
        by_letter.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in by_letter.items())


DATE_PATTERN_LOWERCASE = re.compile(
    (
        rf"\b(?=\d|{_by_first_letter(DATE_STARTS)})(?:"
        + "|".join(
            [
                r"\d{4}-\d{2}-\d{2}\b",
                rf"(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+\d{{4}})?(?![\w])",
                rf"(?:{WEEKDAY},?\s+)?{DAY}\s+{MONTH}(?:,?\s+\d{{4}})?(?![\w])",
                rf"{MONTH}\s+\d{{4}}\b",
                rf"(?:last|next|this|earlier this|later this)\s+(?:week|month|year|weekend|{WEEKDAY})\b",
                rf"(?:(?:last|next|this|on)\s+)?{WEEKDAY}\b",
                r"(?:yesterday|today|tomorrow)\b",
                r"(?:19|20)\d{2}\b(?![-+]\d)",
            ]
        )
        + ")"
    ).lower()
)
"""Dates, searched in lowercased text: a case-sensitive search is several times faster than an IGNORECASE one, and
the lookahead (every date starts with a digit or one of DATE_STARTS) spares trying each alternative at every word
boundary. A new alternative must start with a digit or one of DATE_STARTS (add its start there)."""
WHITESPACE_RUN = re.compile(r"\s+")


def _dates(sentence: _Sentence, spans: list[tuple[int, int]]) -> list[dict]:
    """DATE mentions for the spans (offsets in the sentence) of dates found in a sentence."""
    mentions = []
    for start, end in spans:
        found = sentence.text[start:end]
        mentions.append(
            _mention(
                sentence,
                sentence.start + start,
                sentence.start + end,
                found,
                "DATE",
                "date:" + WHITESPACE_RUN.sub(" ", found.lower()),
                None,
            )
        )
    return mentions


def _date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of DATE_PATTERN_LOWERCASE in the text."""
    return [found.span() for found in DATE_PATTERN_LOWERCASE.finditer(_lowercase(text))]


def _lowercase(text: str) -> str:
    """The text lowercased, character for character (lowercasing that would change a length keeps the character)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    return lowered


def _date_spans_by_sentence(text: str, sentences: list[_Sentence]) -> list[list[tuple[int, int]]]:
    """``_date_spans`` of every sentence, from one search of the whole article rather than one per sentence.

    When whitespace alone separates the sentences, the whole-text search finds inside each sentence what a search of
    the sentence alone finds: no date starts at whitespace, and whitespace after a sentence passes every test the
    pattern makes past a date's end (no word character, no signed digit) as the end of a text does. Only a match
    that enters or leaves a sentence could differ: the sentences it touches are searched alone.
    """
    if not _separated_by_whitespace(text, sentences):
        return [_date_spans(sentence.text) for sentence in sentences]
    starts = [sentence.start for sentence in sentences]
    spans: list[list[tuple[int, int]]] = [[] for _ in sentences]
    alone = set()
    for found in DATE_PATTERN_LOWERCASE.finditer(_lowercase(text)):
        start, end = found.span()
        index = bisect_right(starts, start) - 1
        if index >= 0 and end <= sentences[index].end:
            spans[index].append((start - starts[index], end - starts[index]))
            continue
        alone.update(
            entered
            for entered in range(max(index, 0), bisect_right(starts, end - 1))
            if start < sentences[entered].end
        )
    for index in alone:
        spans[index] = _date_spans(sentences[index].text)
    return spans


def _separated_by_whitespace(text: str, sentences: list[_Sentence]) -> bool:
    """Are the sentences the article's text at their offsets, in order, with whitespace (at least one character)
    between them and only whitespace before the first and after the last?"""
    starts = [sentence.start for sentence in sentences]
    ends = [sentence.end for sentence in sentences]
    texts = [sentence.text for sentence in sentences]
    gaps = [text[end:start] for end, start in zip([0, *ends], [*starts, len(text)], strict=True)]
    return (
        all(map(str.isspace, gaps[1:-1]))
        and not gaps[0].strip()
        and not gaps[-1].strip()
        and list(map(len, texts)) == list(map(operator.sub, ends, starts))
        and "".join(map(operator.add, gaps, [*texts, ""])) == text
    )
