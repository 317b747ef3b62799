"""Extract: entities and people from canonical articles, then engagements fused across articles."""

from datetime import date

import dagster as dg
import polars as pl

from pipeline.defs.extract.checks import (
    ENGAGEMENT_MODELS,
    ENTITY_MODELS,
    INVARIANT_SPECS,
    engagement_invariant_results,
    model_row_failures,
)
from pipeline.defs.quality import pandera_check_results, pandera_check_specs
from pipeline.defs.resources import ArticleStores, BuildLock
from pipeline.fusion import EngagementsModel, fuse_engagements
from pipeline.persons import attach_person_ids, link_persons
from pipeline.quarantine import quarantine_engagements


def _canonical(articles: pl.DataFrame) -> pl.DataFrame:
    """Extraction reads canonical articles only: a duplicate's engagements are its original's."""
    return articles.filter(pl.col("duplicate_of").is_null())


@dg.multi_asset(
    group_name="extract",
    outs={
        "entity_mentions": dg.AssetOut(
            description="Countries, people, organisations, places and dates named in canonical articles.",
            kinds={"polars", "spacy"},
        ),
        "persons": dg.AssetOut(
            description="People, one row each, with role, country and aliases.", kinds={"polars"}
        ),
    },
    check_specs=pandera_check_specs(ENTITY_MODELS),
)
def entities(
    article_cache: ArticleStores, build_lock: BuildLock, articles: pl.DataFrame, sentences: pl.DataFrame
):
    """Gazetteer pass over all text, the statistical model on the sentences that need it, then person linking.

    Extraction runs only on texts not extracted before; the counters in the metadata cover this run's work.
    """
    entity_mentions, person_mentions, stats = article_cache.runner().entities(_canonical(articles), sentences)
    persons, links = link_persons(person_mentions)
    entity_mentions = attach_person_ids(entity_mentions, links, persons)
    yield dg.Output(
        entity_mentions,
        output_name="entity_mentions",
        metadata={
            "mentions": entity_mentions.height,
            "by_label": dg.MetadataValue.json(
                dict(entity_mentions.group_by("label").len().sort("label").iter_rows())
            ),
            **stats,
            "first_pass_words_per_second": round(
                stats["words_total"] / max(stats["seconds_first_pass"], 1e-9)
            ),
            "model_words_per_second": round(stats["words_sent_to_model"] / max(stats["seconds_model"], 1e-9)),
            "share_of_sentences_sent_to_model": round(
                stats["sentences_sent_to_model"] / max(stats["sentences_total"], 1), 4
            ),
        },
    )
    yield dg.Output(persons, output_name="persons", metadata={"persons": persons.height})
    yield from pandera_check_results(ENTITY_MODELS, {"entity_mentions": entity_mentions, "persons": persons})


@dg.multi_asset(
    group_name="extract",
    outs={
        "engagements": dg.AssetOut(
            description="Bilateral engagements fused across articles.", kinds={"polars"}
        ),
        "engagement_participants": dg.AssetOut(
            description="People taking part in each engagement.", kinds={"polars"}
        ),
        "engagement_evidence": dg.AssetOut(
            description="Sentences stating each engagement.", kinds={"polars"}
        ),
        "quarantined_engagements": dg.AssetOut(
            description=(
                "Engagements held back because their row breaks a row-level rule, one row per rule, with the"
                " reason and a sentence that stated them."
            ),
            kinds={"polars"},
        ),
    },
    check_specs=[*pandera_check_specs(ENGAGEMENT_MODELS), *INVARIANT_SPECS],
)
def fused_engagements(
    article_cache: ArticleStores,
    build_lock: BuildLock,
    articles: pl.DataFrame,
    sentences: pl.DataFrame,
    entity_mentions: pl.DataFrame,
    persons: pl.DataFrame,
):
    """Engagement mentions per sentence, fused into one row per engagement with all its evidence; rows breaking
    a row-level rule are quarantined (``pipeline.quarantine``), never fatal."""
    mentions, n_extracted = article_cache.runner().engagements(
        _canonical(articles), sentences, entity_mentions, persons
    )
    outcome = quarantine_engagements(
        *fuse_engagements(mentions), entity_mentions, EngagementsModel, date.today()
    )
    engagements, participants, evidence = outcome.engagements, outcome.participants, outcome.evidence
    yield dg.Output(
        engagements,
        output_name="engagements",
        metadata={
            "engagements": engagements.height,
            "mentions": mentions.height,
            "articles_extracted_this_run": n_extracted,
            "quarantined": outcome.quarantined["engagement_id"].n_unique(),
            "by_type": dg.MetadataValue.json(
                dict(engagements.group_by("engagement_type").len().sort("engagement_type").iter_rows())
            ),
        },
    )
    yield dg.Output(
        participants, output_name="engagement_participants", metadata={"rows": participants.height}
    )
    yield dg.Output(evidence, output_name="engagement_evidence", metadata={"rows": evidence.height})
    yield dg.Output(
        outcome.quarantined,
        output_name="quarantined_engagements",
        metadata={
            "rows": outcome.quarantined.height,
            "by_check": dg.MetadataValue.json(
                dict(outcome.quarantined.group_by("check_name").len().sort("check_name").iter_rows())
            ),
        },
    )
    yield from pandera_check_results(
        ENGAGEMENT_MODELS,
        {
            "engagements": engagements,
            "engagement_participants": participants,
            "engagement_evidence": evidence,
            "quarantined_engagements": outcome.quarantined,
        },
        quarantined={"engagements": model_row_failures(outcome)},
    )
    yield from engagement_invariant_results(outcome)
