"""The spans that name a person in a sentence: the model's PERSON entities trimmed to the name, the names the
title patterns and a quotation's speaker give, less those that name no person (a venue, a portfolio, an adverb);
and the bare surnames of the article's people named in full that the model missed (``_surname_sweep``).
``pipeline.entities.people`` makes them mention rows and settles who each one is."""

import re
from bisect import bisect_right

from pipeline.countries import gazetteer
from pipeline.entities.lexicon import (
    EVENT_WORDS,
    INSTITUTION_WORDS,
    LEAD_WORDS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    _is_company_word,
    _is_vocabulary,
)
from pipeline.entities.roles import SHORT_TITLES, _role_parse
from pipeline.entities.sentence import WORD, _previous_word, _Sentence
from pipeline.person_names import HONORIFICS, NAME_PARTICLES

NAME_TOKEN = (
    r"(?:[A-Z][\w’'\-]*\.?|(?:bin|bint|ibn|al|el|de|da|van|von|der|di|du|dos|das|la|le|del)(?=\s[A-Z]))"
)
INITIAL_TOKEN = re.compile(r"^[A-Z]\.?$")
ENDS_WITH_INITIAL = re.compile(r"\b[A-Z]\.$")
NON_SPACE_RUN = re.compile(r"\S+")
NAME_RUN = re.compile(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN})*")
CAPITALISED_WORD_AFTER = re.compile(r"\s+[A-Z]")
MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
DAY_AFTER = re.compile(r"\.?\s*\d{1,2}\b")
"""With MONTH_ABBREVIATIONS: a capitalised month abbreviation before a day number is a date ("Mar 10"), though
"Jan" or "Mar" alone may be a given name."""
NAME_END_WORDS = frozenset(NAME_PARTICLES | EVENT_WORDS)
"""Words that never end a name: particles ("bin", "van") and words of events; one set, built once."""
QUOTE_ATTRIBUTION = re.compile(
    r"[,?!][\"”’']\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s+(?:said|says|told|added|stated|noted|insisted)\b"
)


def _name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim titles, country forms, honorifics and clause openers off a candidate span; None when no real name
    remains. A span is also cut before a capitalised "The" and after a possessive ("Modi's Office" is Modi's), and
    a span with a slash is a photo credit ("Jane Doe/Agency"), never a person in the story. Words of events end
    a name: a title-case headline runs the name into them ("Donald Trump Cancels Visit" is Donald Trump), and a
    span of such words alone ("Annual Consultations") is no name."""
    tokens = list(NON_SPACE_RUN.finditer(text[start:end]))
    while tokens and (_is_title_token(tokens[0].group()) or tokens[0].group()[:1].islower()):
        tokens.pop(0)
    if any("/" in t.group() for t in tokens):
        return None
    cut = next((i for i, t in enumerate(tokens) if i and t.group() == "The"), None)
    if cut is not None:
        tokens = tokens[:cut]
    owner = next((i for i, t in enumerate(tokens[:-1]) if t.group().endswith(("'s", "’s"))), None)
    if owner is not None:
        tokens = tokens[: owner + 1]
    while tokens and tokens[-1].group().lower().strip(",.") in NAME_END_WORDS:
        tokens.pop()
    if not tokens:
        return None
    span_start, span_end = start + tokens[0].start(), start + tokens[-1].end()
    span = text[span_start:span_end]
    while span and span[-1] in ",.;:" and not ENDS_WITH_INITIAL.search(span):
        span_end -= 1
        span = span[:-1]
    if span.endswith(("'s", "’s")):
        span_end -= 2
        span = span[:-2]
    words = span.split()
    if not 1 <= len(words) <= 6 or any(map(str.isdigit, span)):
        return None
    if len(words) == 1 and words[0].lower().rstrip(".") in MONTH_ABBREVIATIONS and DAY_AFTER.match(text, span_end):
        return None  # "(Mar 10)" is a date
    significant = [w for w in words if not INITIAL_TOKEN.match(w) and w.lower() not in NAME_PARTICLES]
    if not significant or not all(w[:1].isupper() for w in significant):
        return None
    if all(_is_vocabulary(w) or w in gazetteer() or w.isupper() for w in significant):
        return None
    return span_start, span_end


def _is_title_token(token: str) -> bool:
    """Does a span's first token belong before the name rather than in it: a word of the lexicon or the gazetteer,
    an abbreviated title ("PM"), or a word that opens a clause ("On Thursday", "However", "In Mumbai")? A news
    sentence often runs such words straight into a name, and the model then tags them as part of it."""
    bare = token.rstrip(",.:;")
    return _is_vocabulary(bare) or bare in SHORT_TITLES or bare.lower() in LEAD_WORDS


def _pattern_people(text: str, sentence: _Sentence) -> list[tuple[int, int]]:
    """Capitalised runs next to a title or honorific, which the model may miss ('of Japan Kono Taro'), and the
    speaker named right after a quotation ('..." Diallo said')."""
    spans = []
    for quoted in QUOTE_ATTRIBUTION.finditer(sentence.text):
        span = _name_span(text, sentence.start + quoted.start(1), sentence.start + quoted.end(1))
        if span and not any(_is_company_word(w) for w in text[span[0] : span[1]].split()):
            spans.append(span)
    for run in NAME_RUN.finditer(sentence.text):
        start, end = sentence.start + run.start(), sentence.start + run.end()
        titles = [
            w
            for w in WORD.finditer(text, start, end)
            if w.group().lower().rstrip(".") in ROLE_HEADS or w.group() in SHORT_TITLES
        ]
        if titles:
            start = titles[-1].end()
        span = _name_span(text, start, end)
        if not span:
            continue
        parse = _role_parse(text, sentence, span[0], before=True)
        previous = _previous_word(text, span[0]).lower().rstrip(".")
        if (
            parse.role
            or parse.counterpart
            or previous in HONORIFICS
            or text[start : span[0]].strip()
            or _role_parse(text, sentence, span[1], before=False).role
        ):
            spans.append(span)
    return spans


def _person_spans(text: str, sentence: _Sentence, doc) -> list[tuple[int, int]]:
    """The spans naming a person in one sentence: the model's PERSON entities (``doc``, None when the model did not
    read the sentence), trimmed by ``_name_span``, and the names the title patterns found. Overlapping spans merge
    into one; a span inside a gazetteer match is the place or body the gazetteer knows and is dropped, unless the
    match is a capital, whose name may also be a person's."""
    spans = []
    for ent in doc.ents if doc is not None else []:
        if ent.label_ == "PERSON":
            span = _name_span(text, sentence.start + ent.start_char, sentence.start + ent.end_char)
            if span:
                spans.append(span)
    spans += (
        sentence.pattern_people if sentence.pattern_people is not None else _pattern_people(text, sentence)
    )
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            if span[1] > kept[-1][1]:
                kept[-1] = (kept[-1][0], span[1])
            continue
        kept.append(span)
    covered = [(m.start, m.end) for m in sentence.matches if m.entry.kind != "capital"]
    return [
        s
        for s in kept
        if not any(cs <= s[0] and s[1] <= ce for cs, ce in covered) and not _names_no_person(text, sentence, *s)
    ]


VENUE_AFTER = re.compile(
    r"\s+(?:presidential\s+)?(?:palace|residence|press\s+service|pool\b|region\b|province\b)|\s+[A-Z][a-z]+\s+of\s+"
    r"Representatives\b"
)
VENUE_BEFORE = re.compile(r"\b(?:palace|office|residence|headquarters),\s+$")
PORTFOLIO_BEFORE = re.compile(r"\b(?:Minister|Ministry)\s+(?:of|for)\s+(?:the\s+)?(?P<word>[A-Z][\w-]*\s+)?$")
ADVERB_OPENING = re.compile(r"[A-Z][a-z]{3,}ly,")
MIXED_ABBREVIATION = re.compile(r"^[A-Z][a-z]?[A-Z]+s?$")


def _names_no_person(text: str, sentence: _Sentence, start: int, end: int) -> bool:
    """Whether a capitalised span names something other than a person, as its context shows: an institution or
    a venue (its last word, or the next, an institution noun: "Joint Border Committee", "Estonian Parliament";
    followed by the kind of place or body it is: "Miraflores presidential palace", "Akorda press service", "Great
    Lakes region"; in apposition to one: "the presidential office, Cheong Wa Dae"), a portfolio in a title
    ("Minister of European Integration", "Diaspora Affairs Minister"), an
    adverb opening the sentence ("Previously, the president ...") or an abbreviation in mixed case ("MoU"). The
    model tags such words as people; a person's name is followed by none of these."""
    words = text[start:end].split()
    if not words:
        return True  # a blank span names no one
    following = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    after = following.group() if following else ""
    if words[-1].lower() in INSTITUTION_WORDS or (after[:1].isupper() and after.lower() in INSTITUTION_WORDS):
        return True
    if VENUE_AFTER.match(text, end) or VENUE_BEFORE.search(text, sentence.start, start):
        return True
    portfolio = PORTFOLIO_BEFORE.search(text, max(sentence.start, start - 40), start)
    qualifier = (portfolio.group("word") or "").strip() if portfolio else ""
    if portfolio and (
        not qualifier  # "Minister of Integration"; "Minister of European Integration", not "of Defense Onodera"
        or (
            _is_vocabulary(qualifier)
            and qualifier.lower() not in ROLE_MODIFIERS | ROLE_HEADS
            and getattr(gazetteer().get(qualifier), "kind", None) != "name"
        )
    ):
        return True
    if len(words) == 1 and after[:1].isupper() and after.lower() in ROLE_HEADS | ROLE_MODIFIERS:
        return True
    if start == sentence.start and ADVERB_OPENING.match(text, start):
        return True
    return len(words) == 1 and MIXED_ABBREVIATION.match(words[0]) is not None


def _surname_sweep(
    text: str, sentences: list[_Sentence], people: list[dict]
) -> list[tuple[_Sentence, int, int]]:
    """Bare name tokens of the article's people named in full or with initials ("Xi", "Jaishankar") that the model
    did not see or missed; they become partial mentions, linked only when a single full name of the article contains
    them."""
    surnames = {
        token
        for p in people
        if len(p["name"].split()) >= 2
        for token in p["name"].split()
        if token[:1].isupper() and len(token) >= 2
    }
    taken = {(p["start_char"], p["end_char"]) for p in people}
    covered = [(p["start_char"], p["end_char"]) for p in people]
    starts = [s.start for s in sentences]
    found = []
    for surname in sorted(surnames):
        if _is_vocabulary(surname) or INITIAL_TOKEN.match(surname):
            continue
        for start in _bare_word_starts(text, surname):
            span = (start, start + len(surname))
            if span in taken or any(s <= span[0] < e for s, e in covered):
                continue
            index = bisect_right(starts, span[0]) - 1
            if index >= 0:
                found.append((sentences[index], *span))
    return found


def _bare_word_starts(text: str, word: str) -> list[int]:
    r"""Where ``word`` stands as a whole word not followed by a capitalised one: the matches of
    ``\bword\b(?!\s+[A-Z])``, found with str.find rather than a pattern compiled for every name."""
    starts = []
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (
            _is_word_char_at(text, start - 1) != _is_word_char_at(text, start)
            and _is_word_char_at(text, end - 1) != _is_word_char_at(text, end)
            and not CAPITALISED_WORD_AFTER.match(text, end)
        ):
            starts.append(start)
            start = text.find(word, end)
        else:
            start = text.find(word, start + 1)
    return starts


def _is_word_char_at(text: str, pos: int) -> bool:
    r"""Is text[pos] a character ``\w`` matches (nothing outside the text is), as ``\b`` decides?"""
    return 0 <= pos < len(text) and (text[pos].isalnum() or text[pos] == "_")

