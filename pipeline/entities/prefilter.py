"""The cheap first pass and the choice of sentences for the statistical model.

Two Aho-Corasick passes over each article find every gazetteer entry (country forms, institutions, places) and every
cue word. Only sentences holding a cue (a title, role, meeting or speech word) and a capitalised word that neither
the gazetteer, the lexicon nor the title patterns explain go to the spaCy NER model.
"""

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator

import ahocorasick
from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.countries import find_gazetteer_matches
from pipeline.entities.lexicon import CUE_WORDS, _is_company_word, _is_vocabulary
from pipeline.entities.person_spans import _pattern_people
from pipeline.entities.places import _resolve_ambiguous
from pipeline.entities.sentence import WORD, _Sentence
from pipeline.person_names import strip_honorifics

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


@functools.cache
def _cue_automaton() -> ahocorasick.Automaton:
    """An automaton of the lowercase CUE_WORDS, each stored with its length: one pass over an article finds them
    all, where a pattern per word would read the text once per word."""
    automaton = ahocorasick.Automaton()
    for word in CUE_WORDS:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def _cue_positions(lowered: str) -> list[int]:
    """Where a cue word stands as a whole word in the lowercased text (no letter or digit on either side): "met"
    counts, "metro" and "summitry" do not."""
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


def _prepare(text: str, sentence_rows: list[tuple[int, int, int, str]]) -> list[_Sentence]:
    """The cheap pass: gazetteer and cue matches for the whole article, assigned to sentences
    (rows: sentence_index, start_char, end_char, text)."""
    sentences = [_Sentence(*row) for row in sentence_rows]
    starts = [s.start for s in sentences]
    for m in _resolve_ambiguous(find_gazetteer_matches(text)):
        index = bisect_right(starts, m.start) - 1
        if index >= 0 and m.end <= sentences[index].end:
            sentences[index].matches.append(m)
    for position in _cue_positions(text.lower()):
        index = bisect_right(starts, position) - 1
        if index >= 0:
            sentences[index].has_cue = True
    return sentences
