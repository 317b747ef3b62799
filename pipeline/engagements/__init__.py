"""Engagement extraction: the bilateral interactions each sentence states, as engagement *mentions*.

Sentence-level and rule-based over the linked entities, so every mention can be explained by the words that
produced it. A sentence yields anchors (a named format such as "Foreign Ministers' Strategic Dialogue", a
known format such as "state visit" or "2+2", or a generic trigger such as "met" or "signed"); each anchor gets
the country pair from the entities of its clause (hyphenated pairs, "between X and Y", the countries of the
people named, a visit's destination), a status from the nearest tense cue, dates from pipeline.dates, a place,
an ordinal and its participants. Countries that are only context ("amid tensions with China") and multilateral
gatherings as a whole never make a pair. Sentences that name no pair but refer back ("the two sides", "during
the visit") take the pair of the article's previous engagement.

The modules, in the order a sentence meets them:

- ``lexicon``: the words and patterns (plain word lists in ``data/``);
- ``anchors``: where in a sentence an engagement is stated, and of which kind and format;
- ``attributes``: each anchor's status, dates, pair, place, participants, initiator and host;
- ``extract``: sentences, articles and batches to mention rows, the stage's cache schema and cache key
  (``pipeline.incremental.plans.engagements`` runs it against its store);
- ``model``: the types, statuses and mention frame that fusion reads.

Pure per article: `extract_engagements` may be called on any batch of articles.
"""

from pipeline.engagements.extract import (
    ENGAGEMENT_CACHE_KEY,
    ENGAGEMENT_CACHE_SCHEMAS,
    _candidate_sentences,
    article_engagements,
    extract_engagements,
)
from pipeline.engagements.lexicon import (
    _ANY_TRIGGER_LOWERCASE,
    _GENERIC,
    _HEADS,
    _SPECIFIC_LOWERCASE,
    MULTILATERAL,
    _after_word_start,
    _may_hold_trigger,
)
from pipeline.engagements.linked_people import person_fingerprints, with_current_person_details
from pipeline.engagements.model import (
    ENGAGEMENT_TYPES,
    MENTION_SCHEMA,
    PARTICIPANT_DTYPE,
    STATUSES,
    EngagementMentionsModel,
)

__all__ = [
    "ENGAGEMENT_CACHE_KEY",
    "ENGAGEMENT_CACHE_SCHEMAS",
    "ENGAGEMENT_TYPES",
    "MENTION_SCHEMA",
    "MULTILATERAL",
    "PARTICIPANT_DTYPE",
    "STATUSES",
    "EngagementMentionsModel",
    "_ANY_TRIGGER_LOWERCASE",
    "_GENERIC",
    "_HEADS",
    "_SPECIFIC_LOWERCASE",
    "_after_word_start",
    "_candidate_sentences",
    "_may_hold_trigger",
    "article_engagements",
    "extract_engagements",
    "person_fingerprints",
    "with_current_person_details",
]
