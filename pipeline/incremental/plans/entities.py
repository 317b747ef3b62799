"""The entities stage's plan: which articles' entities are extracted again.

An article is keyed by ``entities.ENTITY_CACHE_KEY`` (its cleaned text). Only the articles whose key the entities
store lacks have their cleaned texts read back and go through ``entities.extract_entities_with_stats`` on the
worker pool, with their sentences; the store keeps each key's entity and person mentions, in the order the
extraction sorted them.
"""

from __future__ import annotations

import polars as pl

from pipeline.cache import StageStore, cached_by_article
from pipeline.entities.stage import ENTITY_CACHE_KEY, ENTITY_COUNTERS, extract_entities_with_stats
from pipeline.parallel import map_article_batches
from pipeline.texts import with_article_text


def extract_entities_cached(
    articles: pl.DataFrame, sentences: pl.DataFrame, texts: pl.LazyFrame, cache: StageStore
) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, int]]:
    """(entity_mentions, person_mentions, counters) for every article; only texts not seen before are extracted,
    on every core. The counters (``ENTITY_COUNTERS``) cover the work done in this call and include
    ``articles_extracted``. Mentions come ordered by article and offsets: each extraction is sorted (stably)
    before it is stored, and the store keeps each article's rows in that order, so the corpus is not sorted
    again. ``sentences`` may hold rows of other articles (duplicates): they are left out. The texts of the
    articles to extract are read from ``texts`` (``text_key``, ``text``; see ``pipeline.texts``)."""
    batch_stats: list[pl.DataFrame] = []

    def compute(todo: pl.DataFrame) -> dict[str, pl.DataFrame]:
        entity_mentions, person_mentions, stats = map_article_batches(
            extract_entities_with_stats, with_article_text(todo, texts), [sentences]
        )
        batch_stats.append(stats)
        return {
            "entity_mentions": entity_mentions.sort(
                "article_id", "start_char", "end_char", maintain_order=True
            ),
            "person_mentions": person_mentions.sort("article_id", "start_char", maintain_order=True),
        }

    frames, n_extracted = cached_by_article(
        cache, articles.select("article_id", "text_key"), ENTITY_CACHE_KEY, compute
    )
    counters = dict.fromkeys(ENTITY_COUNTERS, 0)
    if batch_stats:
        counters = batch_stats[0].sum().row(0, named=True)
    return (
        frames["entity_mentions"],
        frames["person_mentions"],
        {**counters, "articles_extracted": n_extracted},
    )
