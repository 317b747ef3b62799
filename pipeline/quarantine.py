"""Quarantine: engagement rows that break a row-level rule leave the tables, with the rule's name and the reason.

What an article says never stops a build. A fused engagement whose row breaks its pandera model's value checks
(a status outside the list, a malformed country code) or a quarantining invariant (``pipeline.invariants``) is
moved, with its participants and evidence, out of the three engagement frames into ``quarantined_engagements``:
one row per broken rule, carrying the engagement's columns, the rule, the reason and one evidence sentence, so an
analyst sees what was held back and why. Frame-level failures (a missing column, a wrong dtype) are code bugs:
they are not quarantined, and the blocking pandera check stops the run.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pandera.errors
import pandera.polars as pa
import polars as pl

from pipeline.contracts import polars_schema
from pipeline.invariants import INVARIANTS


class QuarantinedEngagementsModel(pa.DataFrameModel):
    """An engagement held back from the warehouse's engagement tables, once per rule it breaks."""

    engagement_id: str
    check_name: str
    reason: str
    country_a: str = pa.Field(nullable=True)
    country_b: str = pa.Field(nullable=True)
    engagement_type: str = pa.Field(nullable=True)
    format: str = pa.Field(nullable=True)
    status: str = pa.Field(nullable=True)
    start_date: date = pa.Field(nullable=True)
    end_date: date = pa.Field(nullable=True)
    date_precision: str = pa.Field(nullable=True)
    source_count: int = pa.Field(nullable=True)
    first_reported: date = pa.Field(nullable=True)
    last_reported: date = pa.Field(nullable=True)
    article_id: str = pa.Field(nullable=True)
    sentence_index: int = pa.Field(nullable=True)
    sentence: str = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True
        unique = ["engagement_id", "check_name"]


_EXAMPLE = polars_schema(QuarantinedEngagementsModel, ["article_id", "sentence_index", "sentence"])
"""The first evidence sentence of a quarantined engagement (by article and position), to show what stated it."""
QUARANTINE_SCHEMA = polars_schema(QuarantinedEngagementsModel)


class Quarantined(NamedTuple):
    """The engagement frames with the quarantined engagements taken out, and what was taken out."""

    engagements: pl.DataFrame
    participants: pl.DataFrame
    evidence: pl.DataFrame
    quarantined: pl.DataFrame
    """``QUARANTINE_SCHEMA`` rows: one per (engagement, broken rule)."""
    violations: dict[str, pl.DataFrame]
    """Every invariant's violations (check name -> engagement_id, reason, ...), quarantining or not."""


def rows_breaking_model(model: type[pa.DataFrameModel], frame: pl.DataFrame) -> pl.DataFrame | None:
    """(row, reason) of the rows of ``frame`` that fail one of ``model``'s value checks, or None when the frame
    fails at frame level (a missing or extra column, a wrong dtype): then no row can be blamed, and the frame's
    blocking check must stop the run."""
    try:
        model.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = pl.DataFrame(errors.failure_cases).select(
            row=pl.col("index").cast(pl.Int64),
            reason=pl.format("{} failed {}: {}", "column", "check", pl.col("failure_case").cast(pl.String)),
        )
        if cases["row"].null_count() > 0:
            return None
        return cases.group_by("row").agg(pl.col("reason").unique().sort().str.join("; ")).sort("row")
    except (pandera.errors.SchemaError, pl.exceptions.PolarsError):
        return None  # the frame cannot even be read as the model's (a missing column fails its coercion)
    return pl.DataFrame(schema={"row": pl.Int64, "reason": pl.String})


def quarantine_engagements(
    engagements: pl.DataFrame,
    participants: pl.DataFrame,
    evidence: pl.DataFrame,
    entity_mentions: pl.DataFrame,
    model: type[pa.DataFrameModel],
    today: date,
) -> Quarantined:
    """Take out of the engagement frames every engagement that breaks ``model``'s row checks (under the check
    name ``engagements_matches_<Model>``) or a quarantining invariant (checked in ``INVARIANTS`` order, each on
    the rows the ones before kept); report the other invariants on what is kept."""
    held_back: list[pl.DataFrame] = []
    breaking = rows_breaking_model(model, engagements)
    if breaking is not None and breaking.height:
        rows = engagements.with_row_index("row", 0).with_columns(pl.col("row").cast(pl.Int64))
        bad = rows.join(breaking, on="row").drop("row")
        held_back.append(bad.with_columns(check_name=pl.lit(f"engagements_matches_{model.__name__}")))
        engagements = engagements.join(bad.select("engagement_id"), on="engagement_id", how="anti")
    violations: dict[str, pl.DataFrame] = {}
    for invariant in INVARIANTS:
        found = invariant.find(engagements, evidence, entity_mentions, today)
        violations[invariant.check_name] = found
        if invariant.quarantines and found.height:
            bad = engagements.join(found.select("engagement_id", "reason").unique("engagement_id"), on="engagement_id")
            held_back.append(bad.with_columns(check_name=pl.lit(invariant.check_name)))
            engagements = engagements.join(found.select("engagement_id"), on="engagement_id", how="anti")
    own_columns = [name for name in QUARANTINE_SCHEMA if name not in _EXAMPLE]
    out = (
        pl.concat([frame.select(own_columns) for frame in held_back])
        if held_back
        else pl.DataFrame(schema={name: QUARANTINE_SCHEMA[name] for name in own_columns})
    )
    quarantined = (
        with_example_sentence(out, evidence)
        .select([pl.col(name).cast(dtype) for name, dtype in QUARANTINE_SCHEMA.items()])
        .sort("engagement_id", "check_name")
    )
    gone = quarantined.select("engagement_id").unique()
    return Quarantined(
        engagements,
        participants.join(gone, on="engagement_id", how="anti"),
        evidence.join(gone, on="engagement_id", how="anti"),
        quarantined,
        violations,
    )


def with_example_sentence(rows: pl.DataFrame, evidence: pl.DataFrame) -> pl.DataFrame:
    """``rows`` (with an engagement_id) with the article, position and text of their engagement's first
    evidence sentence."""
    example = (
        evidence.sort("engagement_id", "article_id", "sentence_index")
        .unique("engagement_id", keep="first", maintain_order=True)
        .select("engagement_id", *_EXAMPLE)
    )
    return rows.join(example, on="engagement_id", how="left", maintain_order="left")
