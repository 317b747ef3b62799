"""What an undated mention may join in fusion (see ``pipeline.fusion``): a dated engagement its tense, ordinal,
year and status allow. Shared by the steps that join mentions within a story, by time and across stories."""

from __future__ import annotations

from datetime import timedelta

import polars as pl

UNDATED_MATCH_DAYS = 30
"""How far from its publication date an undated mention looks for the engagement it reports."""


def _fits(cluster_start: pl.Expr, cluster_end: pl.Expr) -> pl.Expr:
    """An undated mention fits a dated engagement its tense allows and whose ordinal does not contradict
    it. A mention dated by its year only (``_year_among_precise``) fits only an engagement within that year: "the
    last time they met was in 2019" in a report of 2024 is that 2019 meeting, a record of its own (the guide's
    past engagements named in passing), not the meeting the report announces for today."""
    year = pl.col("start_date").dt.year()
    own_year = pl.col("start_date").is_null() | (
        (cluster_start.dt.year() <= year) & (cluster_end.dt.year() >= year)
    )
    tense = (
        pl.when(pl.col("status") == "planned")
        .then(cluster_end >= pl.col("published_date") - timedelta(days=1))
        .when(pl.col("status") == "held")
        .then(cluster_start <= pl.col("published_date"))
        .otherwise(True)
    )
    ordinal = (
        pl.col("ordinal").is_null()
        | pl.col("cluster_ordinal").is_null()
        | (pl.col("ordinal") == pl.col("cluster_ordinal"))
    )
    return tense.fill_null(True) & ordinal & own_year


_CONTRADICTING_STATUS = {"held": ["cancelled", "postponed"], "cancelled": ["held"], "postponed": ["held"]}
"""Statuses that cannot describe one engagement: what was held was not called off, and the reverse. A plan and
what came of it are one engagement (a story written before a meeting says "will meet", one written after "met")."""


def _status_contradicts(statuses: pl.Expr) -> pl.Expr:
    """Whether the mention's status contradicts one of ``statuses`` (the statuses of an engagement's
    mentions)."""
    contradicting = pl.col("status").replace_strict(
        _CONTRADICTING_STATUS, default=[], return_dtype=pl.List(pl.String)
    )
    return statuses.list.set_intersection(contradicting).list.len() > 0
