"""Fusion of signings (see ``pipeline.fusion``): the guide makes the documents signed on one occasion **one**
``agreement`` record, whose ``format`` lists them. Reports name the documents one by one ("an Agreement on the
Transfer of Prisoners", "a memorandum on health care") or as a whole ("signed four agreements"), and each name is
a format family of its own, so the steps that fuse by family left one row per document, or one per report that
named another document of the same ceremony.

Here the family gives way to the occasion: dated signings of one pair within a day of each other are one
(``merge_signings_of_one_occasion``), and the undated ones that join no dated engagement are one signing of their
story (``signing_family``)."""

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


def signing_family(alone: pl.DataFrame) -> pl.DataFrame:
    """``alone`` (undated mentions that joined no dated engagement) with the family an agreement clusters under:
    in a story that names documents of its pair ("The four proposed MoUs are - Agreement on Avoidance of Double
    Taxation; Agreement on the Transfer of Prisoners; MoU on Health Care ..."), one for all its signings of the
    pair, named or not, whatever their tense (a plan and what came of it are one engagement): one record, not
    three. Only within the story: other reports' documents may be other signings, and generic ones ("signed an
    agreement") keep clustering across reports as before. A signing called off keeps its own family, as do other
    types."""
    signing = (pl.col("engagement_type") == "agreement") & ~pl.col("status").is_in(CALLED_OFF)
    story = ["story_id", "country_a", "country_b"]
    names_documents = (signing & (pl.col("_join_family") != "")).any().over(story)
    return alone.with_columns(
        _join_family=pl.when(signing & names_documents)
        .then(pl.lit("\x00signing ") + pl.col("story_id"))
        .otherwise(pl.col("_join_family"))
    )


ONE_OCCASION = timedelta(days=1)
"""How far apart two reports may date one signing ceremony: a day, as two reports of one meeting may (time zones,
"yesterday" counted from another day)."""


def merge_signings_of_one_occasion(rows: pl.DataFrame) -> pl.DataFrame:
    """Dated agreements of one pair whose days lie within ``ONE_OCCASION`` of each other are one signing, whatever
    documents each report names ("the Treaty of Alliance" on the 21st in one report, "signed an agreement on
    allied relations and an agreement on demarcating the border" on the 22nd in another). Run after the stories
    lend their dates, so that a signing dated by its talks counts. Not when one report says the signing took
    place and another that it was called off: those are two records (the guide keeps a called-off engagement's
    slot)."""
    signed = rows.filter(
        (pl.col("engagement_type") == "agreement") & pl.col("start_date").is_not_null() & ~pl.col("absorbed")
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
