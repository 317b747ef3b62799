"""Extract: entities and people from canonical articles, then engagements fused across articles."""

import dagster as dg
import polars as pl

from pipeline.engagements import extract_engagements
from pipeline.entities import extract_entities_with_stats
from pipeline.fusion import fuse_engagements
from pipeline.parallel import map_article_batches
from pipeline.persons import attach_person_ids, link_persons


def _canonical(articles: pl.DataFrame, sentences: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    canonical = articles.filter(pl.col("duplicate_of").is_null())
    return canonical, sentences.join(canonical.select("article_id"), on="article_id", how="semi")


@dg.multi_asset(
    group_name="extract",
    outs={
        "entity_mentions": dg.AssetOut(
            description="Countries, people, organisations, places and dates named in canonical articles.",
            kinds={"polars", "spacy"},
        ),
        "persons": dg.AssetOut(description="People, one row each, with role, country and aliases.", kinds={"polars"}),
    },
)
def entities(articles: pl.DataFrame, sentences: pl.DataFrame):
    """Gazetteer pass over all text, the statistical model on the sentences that need it, then person linking."""
    canonical, canonical_sentences = _canonical(articles, sentences)
    entity_mentions, person_mentions, batch_stats = map_article_batches(
        extract_entities_with_stats, canonical, [canonical_sentences]
    )
    stats = batch_stats.sum().row(0, named=True)
    persons, links = link_persons(person_mentions)
    entity_mentions = attach_person_ids(entity_mentions, links, persons)
    yield dg.Output(
        entity_mentions,
        output_name="entity_mentions",
        metadata={
            "mentions": entity_mentions.height,
            "by_label": dg.MetadataValue.json(dict(entity_mentions.group_by("label").len().sort("label").iter_rows())),
            **stats,
            "share_of_sentences_sent_to_model": round(
                stats["sentences_sent_to_model"] / max(stats["sentences_total"], 1), 4
            ),
        },
    )
    yield dg.Output(persons, output_name="persons", metadata={"persons": persons.height})


@dg.multi_asset(
    group_name="extract",
    outs={
        "engagements": dg.AssetOut(description="Bilateral engagements fused across articles.", kinds={"polars"}),
        "engagement_participants": dg.AssetOut(description="People taking part in each engagement.", kinds={"polars"}),
        "engagement_evidence": dg.AssetOut(description="Sentences stating each engagement.", kinds={"polars"}),
    },
)
def fused_engagements(
    articles: pl.DataFrame, sentences: pl.DataFrame, entity_mentions: pl.DataFrame, persons: pl.DataFrame
):
    """Engagement mentions per sentence, fused into one row per engagement with all its evidence."""
    canonical, canonical_sentences = _canonical(articles, sentences)
    mentions = extract_engagements(canonical, canonical_sentences, entity_mentions, persons)
    engagements, participants, evidence = fuse_engagements(mentions)
    yield dg.Output(
        engagements,
        output_name="engagements",
        metadata={
            "engagements": engagements.height,
            "mentions": mentions.height,
            "by_type": dg.MetadataValue.json(
                dict(engagements.group_by("engagement_type").len().sort("engagement_type").iter_rows())
            ),
        },
    )
    yield dg.Output(participants, output_name="engagement_participants", metadata={"rows": participants.height})
    yield dg.Output(evidence, output_name="engagement_evidence", metadata={"rows": evidence.height})
