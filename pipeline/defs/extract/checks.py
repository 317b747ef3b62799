"""Checks on the extract stage, run by the steps that make the frames: every frame against its pandera model,
and the invariants of the fused engagements (pipeline.invariants).

Structural invariants (evidence, pair order, distinct keys) block: a failure would load rows the warehouse
cannot explain or would count twice. Semantic ones (countries named in the evidence, plausible dates) warn:
anaphoric evidence ("the two countries agreed ...") and misread years are extraction errors to inspect, not
reasons to withhold the rest of the build.
"""

from collections.abc import Iterator
from datetime import date

import dagster as dg
import polars as pl

from pipeline.defs.quality import markdown_table
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

ENTITY_MODELS = {"entity_mentions": EntityMentionsModel, "persons": PersonsModel}
ENGAGEMENT_MODELS = {
    "engagements": EngagementsModel,
    "engagement_participants": EngagementParticipantsModel,
    "engagement_evidence": EngagementEvidenceModel,
}

INVARIANT_SPECS = [
    dg.AssetCheckSpec(
        "engagements_have_evidence",
        asset="engagements",
        blocking=True,
        description="Every engagement has at least one evidence sentence.",
    ),
    dg.AssetCheckSpec(
        "engagement_countries_are_ordered",
        asset="engagements",
        blocking=True,
        description="Every pair is stored once, as country_a < country_b.",
    ),
    dg.AssetCheckSpec(
        "engagement_keys_are_unique",
        asset="engagements",
        blocking=True,
        description="No two engagements share country pair, type, format, start and end date (nulls equal).",
    ),
    dg.AssetCheckSpec(
        "engagement_countries_are_named_in_evidence",
        asset="engagements",
        blocking=False,
        description="Both countries of each engagement are named in at least one of its evidence sentences.",
    ),
    dg.AssetCheckSpec(
        "engagement_dates_are_plausible",
        asset="engagements",
        blocking=False,
        description=(
            "Dates are plausible: start <= end, none before 1945, held engagements not starting after their last"
            " report (+1 day), nothing more than 5 years after it."
        ),
    ),
]
"""Blocking invariants fail with severity ERROR, the others warn."""


def engagement_invariant_results(
    engagements: pl.DataFrame, engagement_evidence: pl.DataFrame, entity_mentions: pl.DataFrame
) -> Iterator[dg.AssetCheckResult]:
    """The results of ``INVARIANT_SPECS``, one per invariant."""
    violations = {
        "engagements_have_evidence": engagements_without_evidence(engagements, engagement_evidence),
        "engagement_countries_are_ordered": unordered_country_pairs(engagements),
        "engagement_keys_are_unique": duplicate_engagement_keys(engagements),
        "engagement_countries_are_named_in_evidence": countries_missing_from_evidence(
            engagements, engagement_evidence, entity_mentions
        ),
        "engagement_dates_are_plausible": implausible_dates(engagements, date.today()),
    }
    for spec in INVARIANT_SPECS:
        yield invariant_result(spec, violations[spec.name])


def invariant_result(spec: dg.AssetCheckSpec, violations: pl.DataFrame) -> dg.AssetCheckResult:
    """Passed when nothing violates; metadata has the count and up to 20 violating engagements."""
    return dg.AssetCheckResult(
        asset_key=spec.asset_key,
        check_name=spec.name,
        passed=violations.is_empty(),
        severity=dg.AssetCheckSeverity.ERROR if spec.blocking else dg.AssetCheckSeverity.WARN,
        metadata={
            "violations": violations.height,
            "examples": dg.MetadataValue.md(markdown_table(violations, max_rows=20)),
        },
    )
