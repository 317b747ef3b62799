"""Fusion step 4c (see ``pipeline.fusion``): the talks of one visit held with different people are different
meetings.

The annotation guide makes the talks held during a visit "separate ``meeting`` records, one per distinct pair of
counterparts": "Minh met Foreign Minister Balakrishnan ... He also called on President Halimah and Prime Minister
Lee" are three meetings, though steps 2 and 3 fuse every meeting of a pair that a story dates alike (or leaves
undated) into one. A meeting mention names who the visitor met in its ``counterpart`` (``engagements.met_people``);
the reports that name two or more such hosts in one engagement split it: the mentions with the host of its best-dated
mention stay, each other host's mentions become an engagement of their own. Mentions that name nobody ("the
talks", "the two leaders met") stay: they refer back. Only a story that reports a visit of the pair tells which
side is the host (the one not making the visit); a meeting with the visitor's own people is none of these.
"""

from __future__ import annotations

import polars as pl

from pipeline.engagements.model import CALLED_OFF as _CALLED_OFF
from pipeline.engagements.model import PRECISION_RANK as _PRECISION_RANK


def _visitors() -> pl.Expr:
    """The countries a story's reports of a visit that goes ahead name as making it (in an aggregation by story
    and pair)."""
    going = (pl.col("engagement_type") == "visit") & ~pl.col("status").is_in(_CALLED_OFF)
    return pl.col("initiator_country").filter(going).drop_nulls().unique()


def _host_met(clustered: pl.DataFrame) -> pl.DataFrame:
    """(row index, _met, _met_name, _met_country, _peer): for each meeting mention whose counterpart is of the host side of
    its story's visit (a country other than the visitor's, or unknown), the counterpart's name and surname,
    lower-cased: one person is named "H.E. Mr. Javier Gimenez" in one sentence and "Javier Gimenez" in another,
    and the person table may link them apart. When the story tells no visitor, the people of a list met one by
    one (``engagements.met_people``: one anchor, several rows) count: the sentence itself says they were met
    apart; so do the people met during a visit of the pair that the story reports going ahead without naming
    who makes it ("the PNG prime minister arrived into Fiji", the country untagged) when all the people its
    meetings name as met are of one country: that country is the host side.
    When the one met is the visitor ("Modi held talks with the visiting Kishida", "the minister will call on the
    visiting prime minister"), the host is the single participant of the host's country. ``_peer``: the host
    holds the office (role) of one of the mention's participants of the visitor's country, a president meeting
    a president."""
    pair = ["story_id", "country_a", "country_b"]
    visitors = (
        clustered.group_by(pair)
        .agg(_visitors().alias("_visitors"))
        .filter(pl.col("_visitors").list.len() == 1)
        .select(*pair, _visitor=pl.col("_visitors").list.first())
    )
    anchor = ["article_id", "sentence_index", "start_char", "engagement_type", "country_a", "country_b"]
    people = (
        clustered.with_row_index("_row")
        .filter((pl.col("engagement_type") == "meeting") & pl.col("counterpart").is_not_null())
        .with_columns(_listed=pl.len().over(anchor) > 1)
        .join(visitors, on=pair, how="left")
        .select("_row", *pair, "counterpart", "_visitor", "_listed", "participants")
        .explode("participants")
        .unnest("participants")
    )
    named = people.filter(pl.col("person_id") == pl.col("counterpart"))
    going = (pl.col("engagement_type") == "visit") & ~pl.col("status").is_in(_CALLED_OFF)
    one_side = (
        named.filter(pl.col("_visitor").is_null())
        .join(clustered.filter(going).select(pair).unique(), on=pair, how="semi")
        .group_by(pair)
        .agg(pl.col("country_code").drop_nulls().n_unique().alias("_sides"))
        .filter(pl.col("_sides") == 1)
        .select(*pair, _one_side=pl.lit(True))
    )
    direct = (
        named.join(one_side, on=pair, how="left")
        .filter(
            pl.when(pl.col("_visitor").is_null())
            .then(
                pl.col("_listed")
                | (pl.col("_one_side").fill_null(False) & pl.col("country_code").is_not_null())
            )
            .otherwise(pl.col("country_code").is_null() | (pl.col("country_code") != pl.col("_visitor")))
        )
        .unique("_row")
    )
    visitor_met = named.filter(pl.col("country_code") == pl.col("_visitor")).select("_row")
    host_meets = (
        people.join(visitor_met, on="_row", how="semi")
        .filter(pl.col("country_code").is_not_null() & (pl.col("country_code") != pl.col("_visitor")))
        .group_by("_row")
        .agg(pl.col("name").unique(), pl.col("role").first(), pl.col("country_code").first())
        .filter(pl.col("name").list.len() == 1)
        .select("_row", pl.col("name").list.first(), "role", "country_code")
    )
    met = pl.concat([direct.select("_row", "name", "role", "country_code"), host_meets])
    visitor_roles = (
        people.filter(pl.col("country_code") == pl.col("_visitor"))
        .group_by("_row")
        .agg(_visitor_roles=pl.col("role").str.to_lowercase().drop_nulls())
    )
    return met.join(visitor_roles, on="_row", how="left").select(
        "_row",
        _met=pl.col("name").str.strip_chars(" .").str.split(" ").list.last().str.to_lowercase(),
        _met_name=pl.col("name"),
        _met_country=pl.col("country_code"),
        _peer=pl.col("_visitor_roles").list.contains(pl.col("role").str.to_lowercase()).fill_null(False),
    )


def apart_by_counterpart(clustered: pl.DataFrame) -> pl.DataFrame:
    """Each engagement that its reports tell as held with two or more distinct hosts of a visit (``_host_met``),
    all of one side (those whose country is known: one report's visitor is the other's host when two stories
    see one meeting from its two ends, and then the two "hosts" are its two sides), is split: the mentions with the host of its best-dated mention (dated first, then day before month before
    year, then the visitor's peer, a host of the visitor's own office (``_host_met``'s ``_peer``: the talks of
    "President S's visit" are the presidents', and the prime minister and speaker she also meets are the others),
    its own statement before an absorbed one, earliest report and sentence) keep the engagement, with the
    mentions that name no host; those of each other host make an engagement of their own, marked ``_apart`` so
    that it may take the visit's month (``fusion_story.talks_dated_by_their_visit``) though its story dates the
    meeting with the first host. Other reports' mentions of a host so split off go with them. ``_host_name`` is
    the name of the host of each engagement so split (the engagement's ``counterpart``), null elsewhere."""
    unsplit = clustered.with_columns(_apart=pl.lit(False), _host_name=pl.lit(None, dtype=pl.String))
    if not clustered.height or "counterpart" not in clustered.columns:
        return unsplit
    met = _host_met(clustered)
    counts = ~pl.col("absorbed") & pl.col("family").is_null().all().over("cluster")
    rows = (
        clustered.with_row_index("_row")
        .join(met, on="_row", how="left", maintain_order="left")
        .with_columns(
            _met=pl.when(counts).then("_met"),
            _met_name=pl.when(counts).then("_met_name"),
            _other=~pl.col("_peer").fill_null(False),
        )
    )
    several = (
        rows.filter(pl.col("_met").is_not_null())
        .group_by("cluster")
        .agg(
            pl.col("_met").n_unique().alias("_hosts"),
            pl.col("_met_country").drop_nulls().n_unique().alias("_sides"),
        )
        .filter((pl.col("_hosts") >= 2) & (pl.col("_sides") <= 1))
        .select("cluster")
        .unique()
    )
    if not several.height:
        return unsplit
    rank = pl.col("date_precision").replace_strict(_PRECISION_RANK, default=3, return_dtype=pl.Int64)
    keeper = (
        rows.join(several, on="cluster", how="semi")
        .filter(pl.col("_met").is_not_null())
        .with_columns(_rank=rank, _undated=pl.col("start_date").is_null())
        .sort(
            [
                "cluster",
                "_undated",
                "_rank",
                "_other",
                "absorbed",
                "published_date",
                "article_id",
                "sentence_index",
                "start_char",
                "_met",
            ],
            nulls_last=True,
        )
        .unique("cluster", keep="first")
        .select("cluster", _keeper=pl.col("_met"), _keeper_name=pl.col("_met_name"))
    )
    apart = (
        pl.col("_keeper").is_not_null() & pl.col("_met").is_not_null() & (pl.col("_met") != pl.col("_keeper"))
    )
    return (
        rows.join(keeper, on="cluster", how="left", maintain_order="left")
        .with_columns(
            cluster=pl.when(apart).then(pl.concat_str("cluster", pl.lit("@"), "_met")).otherwise("cluster"),
            _apart=apart.fill_null(False),
            _host_name=pl.when(apart).then("_met_name").otherwise("_keeper_name"),
        )
        .drop("_row", "_met", "_met_name", "_met_country", "_peer", "_other", "_keeper", "_keeper_name")
    )
