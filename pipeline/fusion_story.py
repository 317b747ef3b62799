"""Fusion step 0 (see ``pipeline.fusion``): dates a story gives one engagement by another of the same pair.

A report of a visit often dates the talks held during it and not the visit ("Kishida arrived on his first visit
to India … Modi on Saturday held talks with Kishida"), or the visit and not the talks ("arrived yesterday for a
two-day visit … the leaders will discuss …"). The annotation guide dates each by the other: the visit starts by
the first of its talks, and a meeting or agreement during a visit whose day is not given takes the visit's month;
a signing the story dates only by the talks it followed takes their day.
A meeting held beside a signing the story dates to a day, with no visit dated, takes the signing's day. Only
engagements current when the story was written lend their dates (a pact signed in 2008, named in passing,
dates no visit of today).
"""

from __future__ import annotations

from datetime import timedelta

import polars as pl

from pipeline.engagements.model import CALLED_OFF as _CALLED_OFF
from pipeline.engagements.model import PRECISION_RANK as _PRECISION_RANK

_TALKS = ["meeting", "agreement"]
_ONGOING = ["held", "planned"]
_PRECISE = ["day", "month"]
CURRENT_BEFORE = timedelta(days=31)
CURRENT_AFTER = timedelta(days=62)
_PAIR = ["story_id", "country_a", "country_b"]


def _current() -> pl.Expr:
    """Whether a mention's date is near its publication date (a month before it to two months after), or it
    has no publication date to compare with (then only dates that print their year were resolved)."""
    published = pl.col("published_date")
    return published.is_null() | (
        (pl.col("start_date") >= published - CURRENT_BEFORE)
        & (pl.col("start_date") <= published + CURRENT_AFTER)
    )


def _undated_or_year(lender_start: pl.Expr) -> pl.Expr:
    """A mention with no date, or only the year of the one it would borrow (a day or month refines it)."""
    return pl.col("start_date").is_null() | (
        (pl.col("date_precision") == "year") & (pl.col("start_date").dt.year() == lender_start.dt.year())
    )


def _borrow(mentions: pl.DataFrame, apply: pl.Expr, start: pl.Expr, precision: pl.Expr) -> pl.DataFrame:
    return mentions.with_columns(
        start_date=pl.when(apply).then(start).otherwise("start_date"),
        date_precision=pl.when(apply).then(precision).otherwise("date_precision"),
        end_date=pl.when(apply).then(None).otherwise("end_date"),
        end_date_implied=pl.when(apply).then(False).otherwise("end_date_implied"),
    )


def visits_dated_by_their_talks(mentions: pl.DataFrame) -> pl.DataFrame:
    """A visit held or planned whose day its story does not give starts with the first talks or signing of the
    same pair and status the story dates (the visitor arrives on or before that day), at that date's
    precision. Not when the story dates the visit itself: that date wins, and the undated mention joins it; a
    visit of the pair the story dates long before it was written ("Previously, the president visited Mexico on
    September 22, 2019") is another trip, named in passing, and does not count."""
    key = [*_PAIR, "status"]
    talks = (
        mentions.filter(
            pl.col("engagement_type").is_in(_TALKS)
            & pl.col("date_precision").is_in(_PRECISE)
            & pl.col("status").is_in(_ONGOING)
            & _current()
        )
        .sort("start_date", "date_precision")
        .group_by(key)
        .agg(_talk_start=pl.col("start_date").first(), _talk_precision=pl.col("date_precision").first())
    )
    visit_dated = (
        mentions.filter(
            (pl.col("engagement_type") == "visit") & pl.col("date_precision").is_in(_PRECISE) & _current()
        )
        .select(key)
        .unique()
        .with_columns(_visit_dated=pl.lit(True))
    )
    joined = mentions.join(talks, on=key, how="left", maintain_order="left").join(
        visit_dated, on=key, how="left", maintain_order="left"
    )
    apply = (
        (pl.col("engagement_type") == "visit")
        & pl.col("status").is_in(_ONGOING)
        & pl.col("_talk_start").is_not_null()
        & pl.col("_visit_dated").is_null()
        & _undated_or_year(pl.col("_talk_start"))
    ).fill_null(False)
    dated = _borrow(joined, apply, pl.col("_talk_start"), pl.col("_talk_precision"))
    return dated.drop("_talk_start", "_talk_precision", "_visit_dated")


def talks_dated_by_their_visit(mentions: pl.DataFrame) -> pl.DataFrame:
    """A meeting or agreement whose story dates neither it nor any other of its pair and type, in a story that
    dates one current visit of the pair, took place during that visit: it takes the visit's month (month
    precision; the day is not given), or its day when the visit is of one day by its stated length
    (``_one_day_visit``). Held talks need a held visit; planned ones may fall in a visit under way or planned.
    A meeting with another host than the story's dated one (``_apart``, ``fusion_counterparts``) is a talk of its
    own during the visit: the other meeting's date is not its own, so it takes the visit's month all the same."""
    visits = (
        mentions.filter(
            (pl.col("engagement_type") == "visit")
            & pl.col("date_precision").is_in(_PRECISE)
            & pl.col("status").is_in(_ONGOING)
            & _current()
        )
        .group_by(_PAIR)
        .agg(
            _visit_month=pl.col("start_date").dt.truncate("1mo").unique(),
            _visit_statuses=pl.col("status").unique(),
            _one_day=_one_day_visit().all(),
            _visit_day=pl.col("start_date").unique(),
        )
        .filter(pl.col("_visit_month").list.len() == 1)
        .with_columns(
            pl.col("_visit_month").list.first(),
            _visit_day=pl.when(pl.col("_one_day") & (pl.col("_visit_day").list.len() == 1))
            .then(pl.col("_visit_day").list.first())
            .otherwise(None),
        )
    )
    apart = pl.col("_apart") if "_apart" in mentions.columns else pl.lit(False)
    type_dated = (
        mentions.filter(pl.col("date_precision").is_in(_PRECISE) & ~apart)
        .select(*_PAIR, "engagement_type")
        .unique()
        .with_columns(_type_dated=pl.lit(True))
    )
    joined = mentions.join(visits, on=_PAIR, how="left", maintain_order="left").join(
        type_dated, on=[*_PAIR, "engagement_type"], how="left", maintain_order="left"
    )
    apply = (
        pl.col("engagement_type").is_in(_TALKS)
        & pl.col("status").is_in(_ONGOING)
        & pl.col("_visit_month").is_not_null()
        & (pl.col("_type_dated").is_null() | apart)
        & ((pl.col("status") == "planned") | pl.col("_visit_statuses").list.contains("held"))
        & _undated_or_year(pl.col("_visit_month"))
    ).fill_null(False)
    dated = _borrow(
        joined,
        apply,
        pl.coalesce("_visit_day", "_visit_month"),
        pl.when(pl.col("_visit_day").is_not_null()).then(pl.lit("day")).otherwise(pl.lit("month")),
    )
    return dated.drop("_visit_month", "_visit_statuses", "_type_dated", "_one_day", "_visit_day")




def called_off_talks_keep_their_visit_slot(mentions: pl.DataFrame) -> pl.DataFrame:
    """A meeting called off that its story dates neither itself nor by any other meeting of its pair, in a story
    that dates one current visit of the pair called off the same way ("Halvorsen called off his trip to Kenya,
    set for April 7 ... and has now cancelled [the meeting] with Amina Odhiambo"): the talks were to be held
    during that visit, and keep its slot as the visit does (the guide: a called-off engagement keeps its
    original slot), at the visit's month, or its day when the visit was of one day (``_one_day_visit``), as
    talks during a visit that goes ahead (``talks_dated_by_their_visit``)."""
    key = [*_PAIR, "status"]
    visits = (
        mentions.filter(
            (pl.col("engagement_type") == "visit")
            & pl.col("date_precision").is_in(_PRECISE)
            & pl.col("status").is_in(_CALLED_OFF)
            & _current()
        )
        .group_by(key)
        .agg(
            _slot_month=pl.col("start_date").dt.truncate("1mo").unique(),
            _one_day=_one_day_visit().all(),
            _slot_day=pl.col("start_date").unique(),
        )
        .filter(pl.col("_slot_month").list.len() == 1)
        .with_columns(
            pl.col("_slot_month").list.first(),
            _slot_day=pl.when(pl.col("_one_day") & (pl.col("_slot_day").list.len() == 1))
            .then(pl.col("_slot_day").list.first())
            .otherwise(None),
        )
    )
    met = (
        mentions.filter((pl.col("engagement_type") == "meeting") & pl.col("date_precision").is_in(_PRECISE))
        .select(_PAIR)
        .unique()
        .with_columns(_meeting_dated=pl.lit(True))
    )
    joined = mentions.join(visits, on=key, how="left", maintain_order="left").join(
        met, on=_PAIR, how="left", maintain_order="left"
    )
    apply = (
        (pl.col("engagement_type") == "meeting")
        & pl.col("status").is_in(_CALLED_OFF)
        & pl.col("_slot_month").is_not_null()
        & pl.col("_meeting_dated").is_null()
        & _undated_or_year(pl.col("_slot_month"))
    ).fill_null(False)
    dated = _borrow(
        joined,
        apply,
        pl.coalesce("_slot_day", "_slot_month"),
        pl.when(pl.col("_slot_day").is_not_null()).then(pl.lit("day")).otherwise(pl.lit("month")),
    )
    return dated.drop("_slot_month", "_one_day", "_slot_day", "_meeting_dated")


def _one_day_visit() -> pl.Expr:
    """Whether a visit mention is of one day by its stated length ("a one-day working visit on Thursday", "a
    day-long visit"): the duration closed the span on its first day. Its talks are held that day: the text then
    gives their day, so they take it rather than the month. A visit dated by its first day only ("arrived on
    Monday") says nothing of the day of its talks."""
    return (
        (pl.col("date_precision") == "day")
        & pl.col("end_date_implied")
        & (pl.col("end_date") == pl.col("start_date"))
    ).fill_null(False)


def meetings_dated_by_their_signing(mentions: pl.DataFrame) -> pl.DataFrame:
    """A meeting held that its story dates neither itself nor by any other meeting of its pair, in a story that
    dates one current signing of the pair to a day ("signed a treaty in Tallinn today ... a joint sitting
    of both cabinets was held"), took place at that signing: leaders sign at the talks they hold, so the
    meeting takes the signing's day. Not when the story dates a visit of the pair: its talks take the visit's
    date (``talks_dated_by_their_visit``)."""
    signings = (
        mentions.filter(
            (pl.col("engagement_type") == "agreement")
            & (pl.col("date_precision") == "day")
            & (pl.col("status") == "held")
            & _current()
        )
        .group_by(_PAIR)
        .agg(_signing_day=pl.col("start_date").unique())
        .filter(pl.col("_signing_day").list.len() == 1)
        .with_columns(pl.col("_signing_day").list.first())
    )
    dated = (
        mentions.filter(
            pl.col("date_precision").is_in(_PRECISE)
            & (
                (pl.col("engagement_type") == "meeting")
                | ((pl.col("engagement_type") == "visit") & pl.col("status").is_in(_ONGOING))
            )
        )
        .select(_PAIR)
        .unique()
        .with_columns(_pair_dated=pl.lit(True))
    )
    joined = mentions.join(signings, on=_PAIR, how="left", maintain_order="left").join(
        dated, on=_PAIR, how="left", maintain_order="left"
    )
    apply = (
        (pl.col("engagement_type") == "meeting")
        & (pl.col("status") == "held")
        & pl.col("_signing_day").is_not_null()
        & pl.col("_pair_dated").is_null()
        & _undated_or_year(pl.col("_signing_day"))
    ).fill_null(False)
    return _borrow(joined, apply, pl.col("_signing_day"), pl.lit("day")).drop("_signing_day", "_pair_dated")


def signings_dated_by_their_talks(mentions: pl.DataFrame) -> pl.DataFrame:
    """An agreement held or planned that its story dates neither itself nor by any other agreement of its pair,
    in a story that dates the current meetings of the pair, of the same status, to one day ("held bilateral
    discussions this afternoon (July 28) ... Following the talks, both parties exchanged agreements"; "will hold
    a summit meeting on Thursday ... are set to sign some 40 accords"): leaders sign at the talks
    they hold, so the signing takes the talks' day, not the month of the visit they fall in
    (``talks_dated_by_their_visit``). Meetings of two days in the story leave the day unknown."""
    talks = (
        mentions.filter(
            (pl.col("engagement_type") == "meeting")
            & (pl.col("date_precision") == "day")
            & pl.col("status").is_in(_ONGOING)
            & _current()
        )
        .group_by([*_PAIR, "status"])
        .agg(_talks_day=pl.col("start_date").unique())
        .filter(pl.col("_talks_day").list.len() == 1)
        .with_columns(pl.col("_talks_day").list.first())
    )
    signed = (
        mentions.filter((pl.col("engagement_type") == "agreement") & pl.col("date_precision").is_in(_PRECISE))
        .select(_PAIR)
        .unique()
        .with_columns(_signing_dated=pl.lit(True))
    )
    joined = mentions.join(talks, on=[*_PAIR, "status"], how="left", maintain_order="left").join(
        signed, on=_PAIR, how="left", maintain_order="left"
    )
    apply = (
        (pl.col("engagement_type") == "agreement")
        & pl.col("status").is_in(_ONGOING)
        & pl.col("_talks_day").is_not_null()
        & pl.col("_signing_dated").is_null()
        & _undated_or_year(pl.col("_talks_day"))
    ).fill_null(False)
    return _borrow(joined, apply, pl.col("_talks_day"), pl.lit("day")).drop("_talks_day", "_signing_dated")




def apply_story_dates(clustered: pl.DataFrame) -> pl.DataFrame:
    """Each mention of an engagement that none of its reports dates (or dates by its year only) takes the date
    its story lends it through another engagement of the pair (``visits_dated_by_their_talks``,
    ``signings_dated_by_their_talks``, ``talks_dated_by_their_visit``, ``called_off_talks_keep_their_visit_slot``,
    ``meetings_dated_by_their_signing``). A mention speaks for its engagement:
    "the summit", undated in one story, has the date other reports give the summit it joined. A borrowed date never overrides an engagement's own."""
    def most_precise(column: str) -> pl.Expr:
        rank = pl.col("date_precision").replace_strict(_PRECISION_RANK, default=3)
        return pl.col(column).sort_by(rank, "start_date", nulls_last=True).first().over("cluster")

    effective = clustered.with_columns(
        start_date=most_precise("start_date"), date_precision=most_precise("date_precision")
    )
    lent = meetings_dated_by_their_signing(
        called_off_talks_keep_their_visit_slot(
            talks_dated_by_their_visit(signings_dated_by_their_talks(visits_dated_by_their_talks(effective)))
        )
    )
    own_date_missing = (
        (pl.col("start_date").is_null() | (pl.col("date_precision") == "year")).all().over("cluster")
    )
    changed = lent["start_date"].ne_missing(effective["start_date"])
    return _borrow(
        clustered.with_columns(_lent_start=lent["start_date"], _lent_precision=lent["date_precision"]),
        own_date_missing & pl.lit(changed),
        pl.col("_lent_start"),
        pl.col("_lent_precision"),
    ).drop("_lent_start", "_lent_precision")
