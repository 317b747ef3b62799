"""Entities: countries, organisations, places, dates and people in every sentence of every article.

Cheap rules first: a gazetteer and word lists explain most capitalised words, and only sentences with a cue and a
capitalised word nothing explains go to the spaCy NER model (tok2vec and ner only, batched with nlp.pipe).

- ``lexicon/``: the word lists (``*.txt``) and the lookups built on them;
- ``sentence``: the sentence record the rules share, the mention row, the words around a position;
- ``prefilter``: the first pass (gazetteer and cue matches) and the sentences the model reads;
- ``places``: countries, capitals, places and organisations from the gazetteer's matches;
- ``date_mentions``: dates named in the text;
- ``roles``: titles and appositions (role, country, organisation);
- ``people``: person spans and rows, and each person's identity across the article;
- ``stage``: the per-batch function, the frame contract, the cache schemas and the cache key (the plan that runs
  it against its store is ``pipeline.incremental.plans.entities``).
"""

from pipeline.entities.date_mentions import _date_spans, _date_spans_by_sentence
from pipeline.entities.person_spans import _bare_word_starts
from pipeline.entities.prefilter import TITLE_CASE_WORD
from pipeline.entities.roles import normalise_role
from pipeline.entities.sentence import _Sentence
from pipeline.entities.stage import (
    ENTITY_CACHE_KEY,
    ENTITY_CACHE_SCHEMAS,
    ENTITY_COUNTERS,
    ENTITY_SCHEMA,
    PERSON_SCHEMA,
    EntityMentionsModel,
    extract_entities,
    extract_entities_with_stats,
)

__all__ = [
    "ENTITY_CACHE_KEY",
    "ENTITY_CACHE_SCHEMAS",
    "ENTITY_COUNTERS",
    "ENTITY_SCHEMA",
    "PERSON_SCHEMA",
    "TITLE_CASE_WORD",
    "EntityMentionsModel",
    "_Sentence",
    "_bare_word_starts",
    "_date_spans",
    "_date_spans_by_sentence",
    "extract_entities",
    "extract_entities_with_stats",
    "normalise_role",
]
