"""Checks on the extract stage: every frame against its pandera model, and the invariants of the fused
engagements (pipeline.invariants).

Structural invariants (evidence, pair order, distinct keys) block: a failure would load rows the warehouse
cannot explain or would count twice. Semantic ones (countries named in the evidence, plausible dates) warn:
anaphoric evidence ("the two countries agreed ...") and misread years are extraction errors to inspect, not
reasons to withhold the rest of the build.
"""

from datetime import date

import dagster as dg
import polars as pl

from pipeline.defs.quality import markdown_table, pandera_checks
from pipeline.entities import EntityMentionsModel
from pipeline.fusion import EngagementEvidenceModel, EngagementParticipantsModel, EngagementsModel
from pipeline.invariants import (
    countries_missing_from_evidence,
    duplicate_engagement_keys,
    engagements_without_evidence,
    implausible_dates,
    unordered_country_pairs,
)
from pipeline.persons import PersonsModel

entity_frames_match_models = pandera_checks(
    "entity_frames_match_models", {"entity_mentions": EntityMentionsModel, "persons": PersonsModel}
)
engagement_frames_match_models = pandera_checks(
    "engagement_frames_match_models",
    {
        "engagements": EngagementsModel,
        "engagement_participants": EngagementParticipantsModel,
        "engagement_evidence": EngagementEvidenceModel,
    },
)

EVIDENCE_IN = {"engagement_evidence": dg.AssetIn("engagement_evidence")}
MENTIONS_IN = {"entity_mentions": dg.AssetIn("entity_mentions")}


def invariant_result(violations: pl.DataFrame, severity: dg.AssetCheckSeverity) -> dg.AssetCheckResult:
    """Passed when nothing violates; metadata has the count and up to 20 violating engagements."""
    return dg.AssetCheckResult(
        passed=violations.is_empty(),
        severity=severity,
        metadata={
            "violations": violations.height,
            "examples": dg.MetadataValue.md(markdown_table(violations, max_rows=20)),
        },
    )


@dg.asset_check(
    asset="engagements",
    additional_ins=EVIDENCE_IN,
    blocking=True,
    description="Every engagement has at least one evidence sentence.",
)
def engagements_have_evidence(
    engagements: pl.DataFrame, engagement_evidence: pl.DataFrame
) -> dg.AssetCheckResult:
    return invariant_result(
        engagements_without_evidence(engagements, engagement_evidence), dg.AssetCheckSeverity.ERROR
    )


@dg.asset_check(
    asset="engagements",
    blocking=True,
    description="Every pair is stored once, as country_a < country_b.",
)
def engagement_countries_are_ordered(engagements: pl.DataFrame) -> dg.AssetCheckResult:
    return invariant_result(unordered_country_pairs(engagements), dg.AssetCheckSeverity.ERROR)


@dg.asset_check(
    asset="engagements",
    blocking=True,
    description="No two engagements share country pair, type, format, start and end date (nulls equal).",
)
def engagement_keys_are_unique(engagements: pl.DataFrame) -> dg.AssetCheckResult:
    return invariant_result(duplicate_engagement_keys(engagements), dg.AssetCheckSeverity.ERROR)


@dg.asset_check(
    asset="engagements",
    additional_ins={**EVIDENCE_IN, **MENTIONS_IN},
    blocking=False,
    description="Both countries of each engagement are named in at least one of its evidence sentences.",
)
def engagement_countries_are_named_in_evidence(
    engagements: pl.DataFrame, engagement_evidence: pl.DataFrame, entity_mentions: pl.DataFrame
) -> dg.AssetCheckResult:
    return invariant_result(
        countries_missing_from_evidence(engagements, engagement_evidence, entity_mentions),
        dg.AssetCheckSeverity.WARN,
    )


@dg.asset_check(
    asset="engagements",
    blocking=False,
    description=(
        "Dates are plausible: start <= end, none before 1945, held engagements not starting after their last "
        "report (+1 day), nothing more than 5 years after it."
    ),
)
def engagement_dates_are_plausible(engagements: pl.DataFrame) -> dg.AssetCheckResult:
    return invariant_result(implausible_dates(engagements, date.today()), dg.AssetCheckSeverity.WARN)
