"""The dependency parse of anchored sentences: spaCy's small English model, loaded once per process, with the
parts of speech and lemmas its attribute ruler and lemmatizer would give, computed only for the tokens a rule
asks about, and a batch of sentences parsed at once (``prefetched_parses``). ``governing`` reads status from it.
Who is the subject of a verb, and which verb heads the clause that holds it, is one walk up the tree
(``subject_clause``), asked with the links each rule counts."""

from __future__ import annotations

import contextlib
import functools
import itertools
from collections.abc import Callable, Collection, Iterable, Iterator


@functools.cache
def _parser():
    """spaCy's small English model with its tagger and parser, loaded once per process, as
    ``pipeline.entities.stage._nlp`` loads the model for NER. NER is left out (the entities are known); the
    attribute ruler and the lemmatizer are loaded but not run: they cost more than the parse itself
    (benchmarks/results.md), and the rules need a part of speech and a lemma for only a few tokens of a sentence
    (``_pos``, ``_lemma``)."""
    import spacy

    from pipeline.entities.stage import DEFAULT_SPACY_MODEL

    return spacy.load(DEFAULT_SPACY_MODEL, exclude=["ner"], disable=["attribute_ruler", "lemmatizer"])


@functools.cache
def _attribute_map() -> dict[tuple[str, str | None], dict]:
    """The model's attribute ruler as a lookup: (tag, None) -> the attributes it gives a tag that no
    word-specific pattern overrides, (tag, word) -> those of a word with that tag ("are"/VBP: AUX, lemma "be"),
    and (None, word) -> those of a word whatever its tag ("'ll": lemma "will"). Its patterns that look at a token's dependency or at two tokens (auxiliaries as AUX, "gon na") change
    nothing the rules here read."""
    ruler = _parser().get_pipe("attribute_ruler")
    mapped: dict[tuple[str, str | None], dict] = {}
    for entry in ruler.patterns:
        for pattern in entry["patterns"]:
            if len(pattern) != 1:
                continue
            keys, tag = set(pattern[0]), pattern[0].get("TAG")
            if keys == {"LOWER"} and isinstance(pattern[0]["LOWER"], str):
                word = pattern[0]["LOWER"]
                mapped[(None, word)] = {**mapped.get((None, word), {}), **entry["attrs"]}
            if not isinstance(tag, str):
                continue
            if keys == {"TAG"}:
                mapped[(tag, None)] = {**mapped.get((tag, None), {}), **entry["attrs"]}
            elif keys == {"TAG", "LOWER"}:
                lower = pattern[0]["LOWER"]
                for word in lower["IN"] if isinstance(lower, dict) else [lower]:
                    mapped[(tag, word)] = {**mapped.get((tag, word), {}), **entry["attrs"]}
    return mapped


def _attributes(token) -> dict:
    """POS, MORPH and perhaps LEMMA that the model's attribute ruler would give the token (``_attribute_map``)."""
    mapped = _attribute_map()
    return {
        **mapped.get((token.tag_, None), {}),
        **mapped.get((token.tag_, token.lower_), {}),
        **mapped.get((None, token.lower_), {}),
    }


def _pos(token) -> str:
    """The token's universal part of speech (``_attributes``)."""
    return _attributes(token).get("POS", "X")


_VERBAL = ("VERB", "AUX")
_NOMINAL = ("NOUN", "PROPN")
_LEMMAS: dict[tuple[str, str], str] = {}


def _lemma(token) -> str:
    """The token's lowercase lemma: the attribute ruler's, or the model's rule lemmatizer's given the part of
    speech and morphology of ``_attributes``, computed when a rule asks and kept by (word, tag)."""
    key = (token.lower_, token.tag_)
    lemma = _LEMMAS.get(key)
    if lemma is None:
        attributes = _attributes(token)
        lemma = attributes.get("LEMMA")
        if lemma is None:
            token.pos_ = attributes.get("POS", "X")
            token.set_morph(attributes.get("MORPH") or None)
            lemma = _named_candidate(_parser().get_pipe("lemmatizer").rule_lemmatize(token))
        lemma = _LEMMAS[key] = lemma.lower()
    return lemma


def _named_candidate(candidates: list[str]) -> str:
    """The lemma among the rule lemmatizer's candidates: the one a closed class of ``status_words`` names, else the
    first. The rules strip a suffix and keep every stem the model knows, first the one without a final "e": "hoping"
    gives ("hop", "hope"), "slated" ("slat", "slate"), "axed" ("ax", "axe"), so that the first alone would hide the
    verbs of wish, plan and calling off whose stem ends in "e" ("is hoping to speak" is a hope, not a hop)."""
    from pipeline.engagements.status_words import CLASS_WORDS

    return next((c for c in candidates if c.lower() in CLASS_WORDS), candidates[0])


_PREFETCHED: dict[str, object] = {}
"""Sentences parsed ahead by ``prefetched_parses``, by text, for the batch being extracted."""
PARSE_BATCH = 64


@contextlib.contextmanager
def prefetched_parses(texts: Iterable[str]) -> Iterator[None]:
    """Parse ``texts`` (the anchored sentences of a batch of articles) at once, through spaCy's ``pipe``, for
    ``parse`` to find while the block runs. Batched parsing costs a little over half of parsing sentence by
    sentence (benchmarks/results.md), and a sentence repeated across articles (wire copies) is parsed once."""
    todo = [text for text in dict.fromkeys(texts) if text not in _PREFETCHED]
    if todo:
        _PREFETCHED.update(zip(todo, _parser().pipe(todo, batch_size=PARSE_BATCH), strict=True))
    try:
        yield
    finally:
        _PREFETCHED.clear()


def parse(text: str):
    """The parsed sentence: prefetched, or parsed now (one call per sentence that holds an anchor)."""
    doc = _PREFETCHED.get(text)
    return doc if doc is not None else _parser()(text)


SUBJECT_LINKS = frozenset({"nsubj", "nsubjpass"})
"""A clause's subject, active or passive ("the minister met", "the pact was signed")."""
FINITE_SUBJECT_LINKS = SUBJECT_LINKS | {"csubj", "csubjpass", "expl"}
"""Whatever makes a clause finite: also a clausal subject ("what he said angered") and "there" ("there were
talks")."""
ACTOR_LINKS = frozenset({"nsubj", "agent"})
"""The one who acts: an active subject, or a passive's agent ("was received by the king"), never the passive's
subject (what is received)."""


def subject_clause(
    verb,
    links: Collection[str],
    climbs: Callable[[object], bool],
    *,
    reach: int | None = None,
    object_control: bool = False,
) -> tuple[object | None, list]:
    """(the verb whose clause holds ``verb``'s subject, that subject's tokens in text order), or (None, []) when
    there is none. The verb itself holds it when a child of it is linked by one of ``links``; else the question
    passes to its head while ``climbs(verb)`` says the verb takes its subject from there (an infinitive, a
    participle, a coordinated verb: "is likely to meet", "arrived and met") and the root is not reached.

    The rules ask it differently, and each difference is kept as it decides outputs: ``links`` (the actor's
    subject counts a passive's agent, not its subject; a finite clause counts any subject), ``climbs`` (a link's
    name for the actor and the counterparts' subject, any link to a verb for the finite clause), ``reach`` (at
    most that many verbs looked at; None: up to the root) and ``object_control``: a verb completing another
    that has a direct object takes that object as its subject ("urged X to open talks": X opens them), looked at
    before the head's own subject (the head is then the holder and the object the one token)."""
    for _ in itertools.count() if reach is None else range(reach):
        found = [c for c in verb.children if c.dep_ in links]
        if found:
            return verb, found
        if verb.head.i == verb.i or not climbs(verb):
            return None, []
        if object_control and verb.dep_ == "xcomp":
            obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return verb.head, [obj]
        verb = verb.head
    return None, []


_ACTOR_CLIMBS = frozenset({"xcomp", "advcl", "conj", "acomp"})
"""Links through which a verb with no subject of its own takes its actor from its head: "plans to visit",
"arrived to hold talks", "arrived and met", "is keen to meet"."""


def acting_subject(verb):
    """The one who acts as a verb's subject (``subject_clause`` with ``ACTOR_LINKS``, up through
    ``_ACTOR_CLIMBS`` to at most four verbs, a controlling object first): the nearest of the holder's subjects to
    it, since the parse may make a dateline a second subject ("MEXICO CITY (AP) — X will resume"); a passive's
    agent gives the object of its "by"; None when there is none."""
    holder, found = subject_clause(
        verb, ACTOR_LINKS, lambda v: v.dep_ in _ACTOR_CLIMBS, reach=4, object_control=True
    )
    if not found:
        return None
    nearest = min(found, key=lambda c: abs(c.i - holder.i))
    if nearest.dep_ == "agent":
        return next((c for c in nearest.children if c.dep_ == "pobj"), None)
    return nearest
