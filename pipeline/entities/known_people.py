"""Known people: a gazetteer of well-known office holders (``lexicon/known_people.tsv``), as the country gazetteer
is of places. News names a head of government or a foreign minister without their country far more often than
it names a capital without its country ("Prime Minister Benjamin Netanyahu cancelled a trip to London", "Takaichi
will meet with Trump"): the text alone then gives the person no side, or the article's home country, while the
reader knows the side at once. The gazetteer gives such a person their country (it does not change with the office
they hold, so it needs no dates), and finds their name where neither the model nor the title patterns read it.

Names are matched with diacritics folded ("Erdogan" is "Erdoğan") and hyphens taken as spaces ("Suk-yeol");
a short form ("Putin") names the person alone only where the article names no one else in full with that word
("Francesca Albanese" is not the Australian prime minister), and only as a name of its own (not inside a run of
capitalised words: "Petro Poroshenko" holds no "Petro" of Colombia)."""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator

from pipeline.countries import find_gazetteer_matches
from pipeline.entities.date_mentions import _separated_by_whitespace
from pipeline.entities.lexicon import LEXICON_FOLDER, ROLE_HEADS
from pipeline.entities.roles import SHORT_TITLES
from pipeline.person_names import HONORIFICS, name_parts, person_key

_WORD = re.compile(r"[A-Za-z][\w'’.]*")
"""A word of a folded text: names start with a letter and may hold apostrophes and dots ("N'Guesso", "Jr.")."""
_POSSESSIVE = re.compile(r"'s$")
_CAPITALISED = re.compile(r"(?<![\w'.])[A-Z][\w'.]*")
_JOIN = re.compile(r"[\s-]+")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'.]*)[ \t]+$")
_INITIAL = re.compile(r"[A-Z]\.")


class _FoldTable(dict):
    """``str.translate``'s table for ``_fold``: each character's folding, worked out the first time it is met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        self[code] = value = "'" if char == "’" else folded if len(folded) == 1 else char
        return value


_FOLD = _FoldTable()


def _fold(text: str) -> str:
    """The text with diacritics folded away, character by character, so that offsets stay those of the text: a
    character whose folding is not one character is kept as it is."""
    out = []
    for char in text.replace("’", "'"):
        if char.isascii():
            out.append(char)
            continue
        folded = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        out.append(folded if len(folded) == 1 else char)
    return "".join(out)


def _tokens(name: str) -> tuple[str, ...]:
    """The lowercase words of a folded name, hyphens taken as spaces."""
    return tuple(w.lower().rstrip(".") for w in _WORD.findall(_fold(name).replace("-", " ")))


@functools.cache
def _gazetteer() -> tuple[dict[str, str], dict[str, str], dict[str, list[tuple[tuple[str, ...], bool]]]]:
    """(country by person key of a full name, country by the key of a short form, the names and short forms by
    their first word: (their words, whether a short form)), read once from ``known_people.tsv``. A short form two
    people share names neither."""
    countries: dict[str, str] = {}
    short: dict[str, str | None] = {}
    by_first: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for line in (LEXICON_FOLDER / "known_people.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, code, *rest = line.split("\t")
        for spelling in {_fold(name), _fold(name).replace("-", " ")}:  # "al-Thani" is keyed as printed, or apart
            countries[person_key(*name_parts(spelling))] = code
        by_first.setdefault(_tokens(name)[0], []).append((_tokens(name), False))
        for form in filter(None, (f.strip() for f in (rest[0] if rest else "").split(","))):
            for spelling in {_fold(form), _fold(form).replace("-", " ")}:
                key = person_key(*name_parts(spelling))
                short[key] = code if short.get(key, code) == code else None
            by_first.setdefault(_tokens(form)[0], []).append((_tokens(form), True))
    for entries in by_first.values():
        entries.sort(key=lambda e: -len(e[0]))  # the longest name first: "Nicolae Ionel Ciuca" before "Ciuca"
    return countries, {k: v for k, v in short.items() if v}, by_first


@functools.cache
def _by_token() -> dict[str, list[tuple[frozenset[str], str]]]:
    """The gazetteer's full names (token sets, with their country) by each of their tokens."""
    found: dict[str, list[tuple[frozenset[str], str]]] = {}
    for key, code in _gazetteer()[0].items():
        tokens = frozenset(key.split())
        for token in tokens:
            found.setdefault(token, []).append((tokens, code))
    return found


def known_country(key: str) -> str | None:
    """The country of the person a person key names (``person_names.person_key``): a full name of the gazetteer, or
    one of its short forms ("trump|"), or a full name that holds all the words of the gazetteer's full names of
    one country only ("Expatriates Ayman Safadi": a title word the name run took in); None for anyone else."""
    countries, short, _ = _gazetteer()
    found = countries.get(key) or short.get(key)
    if found or "|" in key:
        return found
    tokens = set(key.split())
    codes = {code for token in tokens for known, code in _by_token().get(token, []) if known <= tokens}
    return codes.pop() if len(codes) == 1 else None


def _is_title(word: str) -> bool:
    """Whether a capitalised word before a name is a title or an honorific ("President Trump", "Mr Modi")."""
    bare = word.rstrip(".,").lower()
    return bare in ROLE_HEADS or bare in HONORIFICS or word.rstrip(".,") in SHORT_TITLES


def _word(raw: str) -> str:
    """A word as the gazetteer keys it: without a closing dot or possessive ("Jr." is "Jr", "Erdogan's" is
    "Erdogan"), in its written case."""
    return _POSSESSIVE.sub("", raw.rstrip("."))


def _matched_end(folded: str, at: int, tokens: tuple[str, ...]) -> int | None:
    """Where the words ``tokens`` end when they are written from ``at`` on, joined by spaces or hyphens; else None."""
    end = at
    for index, token in enumerate(tokens):
        if index:
            gap = _JOIN.match(folded, end)
            if gap is None:
                return None
            end = gap.end()
        found = _WORD.match(folded, end)
        if found is None or (word := _word(found.group())).lower() != token:
            return None
        end = found.start() + len(word)
    return end


def known_names(text: str, start: int, end: int, others: set[str]) -> list[tuple[int, int]]:
    """The spans of text[start:end] (a sentence) that name a person of the gazetteer: a full name anywhere, a short
    form only where it stands alone (no capitalised word right after it, none right before it but a title) and is
    no word of a full name the article gives someone else (``others``: lowercase words of those full names).
    Only a capitalised word the gazetteer has a name for opens a match, so a sentence costs a scan of its
    capitalised words."""
    folded = text[start:end].translate(_FOLD)
    if not any(map(_opens_a_known_name, _CAPITALISED.findall(folded))):
        return []  # most sentences name no one the gazetteer knows: one pass of string methods tells
    return _known_names_in(folded, start, others)


def _opens_a_known_name(word: str) -> bool:
    """Whether a capitalised word of a folded text is the first word of a name or short form of the gazetteer."""
    return word.rstrip(".").lower().removesuffix("'s") in _gazetteer()[2]


def _known_names_in(folded: str, start: int, others: set[str]) -> list[tuple[int, int]]:
    """``known_names`` of a sentence given folded (``_FOLD``) and starting at ``start`` in its article."""
    _, _, by_first = _gazetteer()
    found, resume = [], 0
    for opening in _CAPITALISED.finditer(folded):
        if opening.start() < resume or not (entries := by_first.get(_word(opening.group()).lower())):
            continue
        for tokens, is_short in entries:
            stop = _matched_end(folded, opening.start(), tokens)
            if stop is None or (is_short and not _stands_alone(folded, opening.start(), stop, tokens, others)):
                continue
            found.append((start + opening.start(), start + stop))
            resume = stop
            break
    return found


def _stands_alone(folded: str, first: int, stop: int, tokens: tuple[str, ...], others: set[str]) -> bool:
    """Whether a short form found at folded[first:stop] (a sentence) names its person alone: no word of it is in
    another full name of the article, and no capitalised word joins it right after or right before, but a title
    or an initial ("Defense Secretary James N. Mattis"); a sentence's first word may be any capitalised word."""
    if any(token in others for token in tokens):
        return False
    if _CAPITAL_AFTER.match(folded, stop):
        return False
    before = _WORD_BEFORE.search(folded, 0, first)
    if before is None or not before.group(1)[:1].isupper() or before.start() == 0:
        return True
    return _is_title(before.group(1)) or _INITIAL.fullmatch(before.group(1)) is not None  # "Michael R. Pompeo"


def known_mentions(text: str, sentences: list, people: list[dict]) -> list[tuple[object, int, int]]:
    """(sentence, start, end) of every name of a known person in the article's sentences that no person mention
    found so far covers: the model reads only the sentences the prefilter picks, and the title patterns only
    names beside a title, so "Takaichi will meet with Trump" or "since Donald Trump took office" hold a person
    neither found. A short form yields to the full names the article gives others (``known_names``)."""
    others = {
        token
        for p in people
        if p["is_full_name"] and known_country(p["person_key"]) is None
        for token in _tokens(p["name"])
    }
    covered = sorted((p["start_char"], p["end_char"]) for p in people)
    found = []
    for sentence, start, end in _names_by_sentence(text, sentences, others):
        if not any(s < end and start < e for s, e in covered):
            found.append((sentence, start, end))
    return found


def _names_by_sentence(text: str, sentences: list, others: set[str]) -> Iterator[tuple[object, int, int]]:
    """(sentence, start, end) of each ``known_names`` span of the article's sentences, from one folding and one
    scan of the capitalised words of the whole article rather than one per sentence.

    When whitespace alone separates the sentences (``date_mentions._separated_by_whitespace``), the scan of the
    whole text finds inside each sentence the words a scan of the sentence alone finds: a word neither starts nor
    ends at whitespace, and folding keeps every offset (one character for one). Only a sentence holding the
    first word of a known name is then read further; otherwise each sentence is read as ``known_names`` reads it.
    """
    if not _separated_by_whitespace(text, sentences):
        for sentence in sentences:
            for start, end in known_names(text, sentence.start, sentence.end, others):
                yield sentence, start, end
        return
    folded = text.translate(_FOLD)
    openings = [m.start() for m in _CAPITALISED.finditer(folded) if _opens_a_known_name(m.group())]
    starts = [sentence.start for sentence in sentences]
    for index in sorted({bisect_right(starts, opening) - 1 for opening in openings}):
        if index < 0:
            continue
        sentence = sentences[index]
        for start, end in _known_names_in(folded[sentence.start : sentence.end], sentence.start, others):
            yield sentence, start, end


_CLAUSE_MARKS = ".;,:()\n"


def acts_for_an_organisation(text: str, start: int) -> bool:
    """Whether the person named at ``start`` holds an organisation's office there: a multilateral body of the
    country gazetteer stands at most four words before the name, in the same clause, with no country between
    ("NATO Secretary General Mark Rutte", "EU foreign policy chief Kaja Kallas", "the EU's foreign policy chief
    Kaja Kallas"; not "ASEAN chair Indonesian President Joko Widodo"). A well-known office holder then acts for
    the body, not for the country the gazetteer of people gives them: the guide makes meetings with organisations
    no engagement, so their nationality must not make one."""
    window = text[max(0, start - 80) : start]
    window = window[max(window.rfind(mark) for mark in _CLAUSE_MARKS) + 1 :]
    matches = find_gazetteer_matches(window)
    bodies = [m for m in matches if m.entry.kind == "multilateral"]
    if not bodies:
        return False
    body = bodies[-1]
    if any(m.start >= body.end and m.entry.country_code for m in matches):
        return False
    return len(window[body.end :].split()) <= 4
