"""``IncrementalRunner``: the per-article stages, each run by its plan against its own store, as the assets call them."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipeline.clean.stage import CLEAN_CACHE_SCHEMAS
from pipeline.engagements.extract import ENGAGEMENT_CACHE_SCHEMAS
from pipeline.entities.stage import ENTITY_CACHE_SCHEMAS
from pipeline.incremental.keys import stage_version
from pipeline.incremental.plans import clean as clean_plan
from pipeline.incremental.plans import engagements as engagements_plan
from pipeline.incremental.plans import entities as entities_plan
from pipeline.incremental.plans import ingest as ingest_plan
from pipeline.incremental.store import StageStore
from pipeline.incremental.workers import shut_down_workers
from pipeline.ingest import INGEST_CACHE_SCHEMAS

SCHEMAS: dict[str, dict[str, pl.Schema]] = {
    "ingest": INGEST_CACHE_SCHEMAS,
    "clean": CLEAN_CACHE_SCHEMAS,
    "entities": ENTITY_CACHE_SCHEMAS,
    "engagements": ENGAGEMENT_CACHE_SCHEMAS,
}
"""The frames each stage keeps per article (the stages are those of ``keys.STAGES``)."""


class IncrementalRunner:
    """The stages' stores under ``folder`` (one per stage, under the stage's version), the texts kept in them,
    and the worker pool's lifecycle. Each method runs one stage's plan (``pipeline.incremental.plans``),
    computing only what its store lacks."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def store(self, stage: str) -> StageStore:
        """``stage``'s store, under the version of the code it depends on."""
        return StageStore(self.folder, stage, stage_version(stage), SCHEMAS[stage])

    def raw_texts(self, raw_articles: pl.DataFrame) -> pl.DataFrame:
        """(article_id, raw_text) of ``raw_articles``, from the ingest store (the raw texts' only home)."""
        return ingest_plan.raw_texts(self.store("ingest"), raw_articles)

    def cleaned_texts(self) -> pl.LazyFrame:
        """(text_key, text) of every cleaned text, lazily, from the clean store (the cleaned texts' only home)."""
        return clean_plan.cleaned_texts(self.store("clean"))

    def ingest(self, input_dir: Path) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, int]]:
        """(raw_articles, rejected_inputs, counts) of the input folder; see
        ``plans.ingest.read_input_folder_cached``."""
        return ingest_plan.read_input_folder_cached(input_dir, self.store("ingest"))

    def clean(self, raw_articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, int]:
        """(articles, sentences, MinHash signatures, articles cleaned); see ``plans.clean.clean_corpus``. The raw
        texts of the articles to clean are read back from the ingest store (``raw_texts``)."""
        return clean_plan.clean_corpus(raw_articles, self.store("clean"), self.raw_texts)

    def entities(
        self, articles: pl.DataFrame, sentences: pl.DataFrame
    ) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, int]]:
        """(entity_mentions, person_mentions, counters); see ``plans.entities.extract_entities_cached``. The
        workers are shut down afterwards: no later stage needs what they hold (the spaCy model, about 250 MB
        each)."""
        extracted = entities_plan.extract_entities_cached(
            articles, sentences, self.cleaned_texts(), self.store("entities")
        )
        shut_down_workers()
        return extracted

    def engagements(
        self,
        articles: pl.DataFrame,
        sentences: pl.DataFrame,
        entity_mentions: pl.DataFrame,
        persons: pl.DataFrame,
    ) -> tuple[pl.DataFrame, int]:
        """(engagement mentions, articles extracted); see ``plans.engagements.extract_engagements_cached``."""
        return engagements_plan.extract_engagements_cached(
            articles, sentences, entity_mentions, persons, self.cleaned_texts(), self.store("engagements")
        )
