"""Fusion of signings (see ``pipeline.fusion``): the guide makes the documents signed on one occasion **one**
``agreement`` record, whose ``format`` lists them. Reports name the documents one by one ("an Agreement on the
Transfer of Prisoners", "a memorandum on health care") or as a whole ("signed four agreements"), and each name is
a format family of its own, so the steps that fuse by family left one row per document, or one per report that
named another document of the same ceremony.

Here the family gives way to the occasion: signings of one pair dated to days within a day of each other are one
(``merge_signings_of_one_occasion``), and the undated ones that join no dated engagement are one signing of their
story (``one_signing_per_story``)."""

from __future__ import annotations

from datetime import timedelta

import polars as pl

from pipeline.engagements.model import CALLED_OFF

PLANS = ["planned", "proposed"]
"""Statuses of a signing still to come: "will sign", "are likely to sign" name the same ceremony."""

_PAIR = ["country_a", "country_b"]


def same_signing() -> pl.Expr:
    """Whether an undated agreement may join a dated signing of its story whatever the documents' names
    (``fusion_clusters._in_story``, which then asks that it be the story's single one): both said signed ("signed
    an Agreement on strategic partnership today ... the foreign ministers signed a Memorandum of Cooperation"),
    or both still to come ("are likely to sign four MoUs ... the MoU on health will be renewed"). A plan and a
    signing told as done are not joined this way: an article may recall documents signed before the ones it
    announces."""
    statuses = pl.col("cluster_statuses")
    held = (pl.col("status") == "held") & statuses.list.contains("held")
    planned = pl.col("status").is_in(PLANS) & (statuses.list.set_intersection(PLANS).list.len() > 0)
    return (pl.col("engagement_type") == "agreement") & (held | planned)


def one_signing_per_story(alone: pl.DataFrame) -> pl.DataFrame:
    """``alone`` (undated mentions that joined no dated engagement, each in the ``cluster`` of its pair, type and
    family) with the clusters of a pair's agreements that one story names merged into one: the documents a story
    names ("The four draft MoUs are - Agreement on Mutual Customs Assistance; Agreement on Seasonal
    Workers; MoU on Fisheries ...") are one signing, whatever their tense (a plan and what came of it are one
    engagement): one record, not three. Each cluster keeps the reports of its document from other stories, which
    the merge takes along (clusters linked through the stories they share are one). A signing called off links
    no clusters (its own stays apart unless a signing shares it), and other types are left as they are."""
    signing = (pl.col("engagement_type") == "agreement") & ~pl.col("status").is_in(CALLED_OFF)
    links = alone.filter(signing).select("cluster", "story_id", *_PAIR).unique()
    if links.height == 0:
        return alone
    links = links.with_columns(_component=pl.col("cluster"))
    for _ in range(8):
        spread = links.with_columns(_component=pl.col("_component").min().over("story_id", *_PAIR))
        spread = spread.with_columns(_component=pl.col("_component").min().over("cluster"))
        if spread["_component"].equals(links["_component"]):
            break
        links = spread
    target = links.select("cluster", "_component").unique()
    return (
        alone.join(target, on="cluster", how="left")
        .with_columns(cluster=pl.coalesce("_component", "cluster"))
        .drop("_component")
    )


ONE_OCCASION = timedelta(days=1)
"""How far apart two reports may date one signing ceremony: a day, as two reports of one meeting may (time zones,
"yesterday" counted from another day)."""


def merge_signings_of_one_occasion(rows: pl.DataFrame) -> pl.DataFrame:
    """Agreements of one pair dated to days within ``ONE_OCCASION`` of each other are one signing, whatever
    documents each report names ("the Treaty of Alliance" on the 21st in one report, "signed an agreement on
    allied relations and an agreement on demarcating the border" on the 22nd in another). Run after the stories
    lend their dates, so that a signing dated by its talks counts. Not when one report says the signing took
    place and another that it was called off: those are two records (the guide keeps a called-off engagement's
    slot). Only days count: a month or a year is no occasion ("the 2008 Joint Declaration and the 2009 Action
    Plan" are two documents, and a year's span ends the day before the next begins)."""
    signed = rows.filter(
        (pl.col("engagement_type") == "agreement")
        & (pl.col("date_precision") == "day")
        & pl.col("start_date").is_not_null()
        & ~pl.col("absorbed")
    )
    if not signed.height:
        return rows
    spans = (
        signed.group_by("cluster")
        .agg(
            *[pl.col(c).first() for c in _PAIR],
            _start=pl.col("start_date").min(),
            _end=pl.coalesce("end_date", "start_date").max(),
            _held=(pl.col("status") == "held").any(),
            _called_off=pl.col("status").is_in(CALLED_OFF).any(),
        )
        .sort([*_PAIR, "_start", "cluster"])
    )
    previous_end = pl.col("_end").cum_max().shift(1).over(_PAIR)
    occasions = spans.with_columns(
        _new=(previous_end.is_null() | (pl.col("_start") > previous_end + ONE_OCCASION)).fill_null(True)
    ).with_columns(_occasion=pl.col("_new").cum_sum())
    fused = (
        occasions.with_columns(
            _contradicts=(pl.col("_held").any() & pl.col("_called_off").any()).over("_occasion"),
            target=pl.col("cluster").first().over("_occasion"),
        )
        .filter(~pl.col("_contradicts") & (pl.col("target") != pl.col("cluster")))
        .select("cluster", "target")
    )
    return (
        rows.join(fused, on="cluster", how="left")
        .with_columns(cluster=pl.coalesce("target", "cluster"))
        .drop("target")
    )
