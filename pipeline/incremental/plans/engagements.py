"""The engagements stage's plan: which articles' engagement mentions are extracted again.

An article is keyed by ``engagements.ENGAGEMENT_CACHE_KEY``: its cleaned text, its publication date and the
fingerprint of the linked people it names (``engagements.person_fingerprints``), since person linking runs across
the corpus. Only the articles whose key the engagements store lacks have their cleaned texts read back and go
through ``engagements.extract_engagements`` on the worker pool, with their sentences and entity mentions. What the
key leaves out is filled in afresh on every run, cached rows and new alike: each mention's ``story_id`` (duplicate
detection may change it) and its participants' current names and roles
(``engagements.with_current_person_details``).
"""

from __future__ import annotations

from functools import partial

import polars as pl

from pipeline.cache import StageStore, cached_by_article
from pipeline.engagements.extract import ENGAGEMENT_CACHE_KEY, extract_engagements
from pipeline.engagements.linked_people import person_fingerprints, with_current_person_details
from pipeline.engagements.model import MENTION_SCHEMA
from pipeline.parallel import map_article_batches
from pipeline.texts import with_article_text


def extract_engagements_cached(
    articles: pl.DataFrame,
    sentences: pl.DataFrame,
    entity_mentions: pl.DataFrame,
    persons: pl.DataFrame,
    texts: pl.LazyFrame,
    cache: StageStore,
) -> tuple[pl.DataFrame, int]:
    """(engagement mentions, articles extracted in this call): ``extract_engagements`` on every core for the
    articles whose text, publication date or linked people changed; the others come from the store. The mentions
    come ordered by article, sentence and offset.

    ``sentences`` and ``entity_mentions`` may hold rows of other articles (duplicates): they are left out. The
    texts of the articles to extract are read from ``texts`` (``text_key``, ``text``; see ``pipeline.texts``)."""

    def compute(todo: pl.DataFrame) -> dict[str, pl.DataFrame]:
        (mentions,) = map_article_batches(
            partial(_engagements_of_batch, persons=persons),
            with_article_text(todo, texts),
            [sentences, entity_mentions],
        )
        return {"mentions": mentions.drop("story_id")}

    keyed = articles.select("article_id", "story_id", "published_date", "text_key").join(
        person_fingerprints(entity_mentions, persons), on="article_id", how="left"
    )
    frames, n_extracted = cached_by_article(cache, keyed, ENGAGEMENT_CACHE_KEY, compute)
    mentions = with_current_person_details(frames["mentions"], persons).join(
        articles.select("article_id", "story_id"), on="article_id"
    )
    return mentions.select(list(MENTION_SCHEMA)).sort(
        "article_id", "sentence_index", "start_char"
    ), n_extracted


def _engagements_of_batch(
    articles: pl.DataFrame, sentences: pl.DataFrame, entity_mentions: pl.DataFrame, *, persons: pl.DataFrame
) -> tuple[pl.DataFrame]:
    """``extract_engagements`` in the shape ``map_article_batches`` runs in a worker (a module-level function,
    so that it can be sent to one)."""
    return (extract_engagements(articles, sentences, entity_mentions, persons),)
