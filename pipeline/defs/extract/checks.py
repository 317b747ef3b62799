"""Checks on the extract stage, run by the steps that make the frames: every frame against its pandera model,
and the invariants of the fused engagements (``pipeline.invariants.INVARIANTS``).

Policy: content never stops the warehouse; code bugs do. An engagement row that breaks a row-level invariant is
quarantined by ``pipeline.quarantine`` before the frames are output: its check fails (severity ERROR, not
blocking) with the count and example rows, and the rest of the warehouse is built. Invariants that only report
(countries named in the evidence) warn. A frame that fails its pandera model at frame level (a missing column, a
wrong dtype) fails its blocking check and stops the run.
"""

from collections.abc import Iterator

import dagster as dg
import polars as pl

from pipeline.defs.quality import markdown_table
from pipeline.entities import EntityMentionsModel
from pipeline.fusion import EngagementEvidenceModel, EngagementParticipantsModel, EngagementsModel
from pipeline.invariants import INVARIANTS
from pipeline.persons import PersonsModel
from pipeline.quarantine import Quarantined, QuarantinedEngagementsModel, with_example_sentence

ENTITY_MODELS = {"entity_mentions": EntityMentionsModel, "persons": PersonsModel}
ENGAGEMENT_MODELS = {
    "engagements": EngagementsModel,
    "engagement_participants": EngagementParticipantsModel,
    "engagement_evidence": EngagementEvidenceModel,
    "quarantined_engagements": QuarantinedEngagementsModel,
}
EXAMPLE_COLUMNS = ["engagement_id", "reason", "article_id", "sentence"]
"""What a failed check shows of each violating engagement: why, and the sentence of which article stated it."""

INVARIANT_SPECS = [
    dg.AssetCheckSpec(
        invariant.check_name,
        asset="engagements",
        blocking=False,
        description=invariant.description
        + (" Violating rows are quarantined to quarantined_engagements." if invariant.quarantines else ""),
    )
    for invariant in INVARIANTS
]
"""Never blocking: quarantining invariants fail with severity ERROR after taking their rows out, the others warn."""


def engagement_invariant_results(outcome: Quarantined) -> Iterator[dg.AssetCheckResult]:
    """The results of ``INVARIANT_SPECS``: a quarantining invariant reports the rows it took out, a reporting one
    the kept rows that break it, each with up to 20 examples and their first evidence sentence."""
    for invariant, spec in zip(INVARIANTS, INVARIANT_SPECS, strict=True):
        if invariant.quarantines:
            rows = outcome.quarantined.filter(pl.col("check_name") == invariant.check_name)
        else:
            rows = with_example_sentence(outcome.violations[invariant.check_name], outcome.evidence)
        yield invariant_result(spec, rows.select(EXAMPLE_COLUMNS), quarantined=invariant.quarantines)


def model_row_failures(outcome: Quarantined) -> pl.DataFrame:
    """The engagements quarantined because their row broke the engagements' pandera model."""
    name = f"engagements_matches_{EngagementsModel.__name__}"
    return outcome.quarantined.filter(pl.col("check_name") == name).select(EXAMPLE_COLUMNS)


def invariant_result(
    spec: dg.AssetCheckSpec, violations: pl.DataFrame, quarantined: bool
) -> dg.AssetCheckResult:
    """Passed when nothing violates; metadata has the count and up to 20 violating engagements."""
    return dg.AssetCheckResult(
        asset_key=spec.asset_key,
        check_name=spec.name,
        passed=violations.is_empty(),
        severity=dg.AssetCheckSeverity.ERROR if quarantined else dg.AssetCheckSeverity.WARN,
        metadata={
            "violations": violations.height,
            "quarantined": violations.height if quarantined else 0,
            "see": "table quarantined_engagements" if quarantined else "the engagements table (rows kept)",
            "examples": dg.MetadataValue.md(markdown_table(violations, max_rows=20)),
        },
    )
