"""Fusion step 3, across stories: an undated report of an engagement another story dates, known by the people
both name (``_same_people``). An article with no date line reporting a dated meeting, or another outlet's generic
"talks" beside a named format, is one record whose ``source_count`` grows (the guide)."""

from __future__ import annotations

from datetime import timedelta

import polars as pl

from pipeline.fusion_fit import UNDATED_MATCH_DAYS, _fits, _status_contradicts

_PAIR = ["country_a", "country_b"]
_SIDES = {"_people_a": "country_a", "_people_b": "country_b"}


def story_people(rows: pl.DataFrame) -> pl.DataFrame:
    """(story_id, country_a, country_b, _people, _people_a, _people_b): the people a story names in its mentions
    of a pair, whichever sentence names them ("Albanese welcomed Manele to Canberra ... This was their first
    meeting"), all of them and those of each side."""
    named = (
        rows.select("story_id", *_PAIR, "participants")
        .explode("participants")
        .drop_nulls("participants")
        .unnest("participants")
    )
    return named.group_by("story_id", *_PAIR).agg(
        _people=pl.col("person_id").unique(),
        **{
            side: pl.col("person_id").filter(pl.col("country_code") == pl.col(country)).unique()
            for side, country in _SIDES.items()
        },
    )


def _sides_agree() -> pl.Expr:
    """Whether two stories name one person of a pair at least, and, on each side both name people of, one of
    the same: the Kenyan host who received the Ethiopian prime minister is not enough to make his visit the
    Ethiopian president's."""
    shared = pl.col("_people").list.set_intersection(pl.col("_people_other")).list.len() > 0
    for side in _SIDES:
        other = pl.col(f"{side}_other")
        disjoint = pl.col(side).list.set_intersection(other).list.len() == 0
        shared = shared & ~((pl.col(side).list.len() > 0) & (other.list.len() > 0) & disjoint)
    return shared


def _domains_agree() -> pl.Expr:
    """Whether a domain the mention's people give (defence, foreign, leader) is one its engagement's format
    names, or either names none: a defence minister's talks are not the foreign ministers' dialogue (as
    ``_in_story`` asks of a mention and a format of its story)."""
    return (
        (pl.col("person_domains").list.len() == 0)
        | (pl.col("cluster_domains").list.len() == 0)
        | (pl.col("person_domains").list.set_intersection(pl.col("cluster_domains")).list.len() > 0)
    )


def _same_people(rest: pl.DataFrame, summary: pl.DataFrame, people: pl.DataFrame) -> pl.DataFrame:
    """(mention_id, cluster): an undated report of a dated engagement that another story tells, known by the
    people both name (which engagement of its own story a mention means is ``_in_story``'s to say).

    A mention with no date that joined nothing of its story nor of its key nearby (an article with no date line
    and no year, whose dates the guide leaves null; or a generic "talks" beside another outlet's named format)
    is a report of the one dated engagement of its pair and type whose stories name the people its own story
    names for the pair (``_sides_agree``), when there is exactly one such engagement (within
    ``UNDATED_MATCH_DAYS`` of its publication, when it has a date line), its tense fits, its status does not
    contradict, its initiator is the mention's and its format's domain is one its people's
    (``_domains_agree``): the guide fuses reports of the same engagement into one
    record. Only an engagement dated to a day or a month is a report's: one dated by its year alone is one named
    in passing ("they met at the Commonwealth summit last year"), and a visit the other way (the deputy prime
    minister's recent trip to Honiara beside the prime minister's to Canberra) is another. Two engagements that
    fit, or none, leave it alone: a pair's leaders meet many times, and which meeting an undated report means is
    then not known."""
    key = ["country_a", "country_b", "engagement_type"]
    window = timedelta(days=UNDATED_MATCH_DAYS)
    mentions = rest.filter(pl.col("start_date").is_null())
    clusters = summary.filter("cluster_precise")
    named = people.select("story_id", *_PAIR, person_id="_people").explode("person_id")
    mention_people = mentions.select("mention_id", "story_id", *key).join(named, on=["story_id", *_PAIR])
    cluster_people = (
        clusters.select("cluster", *key, "stories")
        .explode("stories")
        .join(named.rename({"story_id": "stories"}), on=["stories", *_PAIR])
        .select("cluster", *key, "person_id")
        .unique()
    )

    # candidates: for a dated mention, the engagements of its key within the window (both put in periods of the
    # window's length, each engagement in those its window touches); for one with no date line, those of its
    # key that share a person with it. Never every engagement of the key for every mention.
    def periods(day: pl.Expr) -> pl.Expr:
        return day.cast(pl.Int32).cast(pl.Int64) // UNDATED_MATCH_DAYS

    start = pl.col("cluster_start")
    nearby = (
        mentions.filter(pl.col("published_date").is_not_null())
        .select("mention_id", *key, _period=periods(pl.col("published_date")))
        .join(
            clusters.select(
                "cluster", *key, _period=pl.int_ranges(periods(start - window), periods(start + window) + 1)
            ).explode("_period"),
            on=[*key, "_period"],
        )
        .select("mention_id", "cluster")
    )
    sharing = (
        mention_people.join(mentions.filter(pl.col("published_date").is_null()), on="mention_id", how="semi")
        .join(cluster_people, on=[*key, "person_id"])
        .select("mention_id", "cluster")
        .unique()
    )
    in_time = (
        pl.concat([nearby, sharing])
        .join(mentions.select("mention_id", "start_date", "status", "published_date", "ordinal"), on="mention_id")
        .join(clusters.select("cluster", "cluster_start", "cluster_end", "cluster_ordinal"), on="cluster")
        .filter(
            (pl.col("published_date").is_null() | ((start - pl.col("published_date")).abs() <= window))
            & _fits(start, pl.col("cluster_end"))
        )
        .select("mention_id", "cluster")
    )
    fitting = (
        in_time.join(mention_people.select("mention_id", "person_id"), on="mention_id")
        .join(cluster_people.select("cluster", "person_id"), on=["cluster", "person_id"], how="semi")
        .select("mention_id", "cluster")
        .unique()
        .join(
            mentions.select(
                "mention_id", "story_id", *_PAIR, "status", "initiator_country", "person_domains"
            ),
            on="mention_id",
        )
        .join(
            clusters.select(
                "cluster", "stories", "cluster_statuses", "cluster_domains", "cluster_initiators"
            ),
            on="cluster",
        )
        .filter(
            ~_status_contradicts(pl.col("cluster_statuses"))
            & ~pl.col("stories").list.contains(pl.col("story_id"))
            & _domains_agree()
            & (
                pl.col("initiator_country").is_null()
                | (pl.col("cluster_initiators").list.len() == 0)
                | pl.col("cluster_initiators").list.contains(pl.col("initiator_country"))
            )
        )
        .select("mention_id", "story_id", *_PAIR, "cluster", "stories")
    )
    others = (
        fitting.select("cluster", "stories", *_PAIR)
        .unique("cluster")
        .explode("stories")
        .join(people.rename({"story_id": "stories"}), on=["stories", *_PAIR])
        .group_by("cluster")
        .agg(
            **{
                f"{name}_other": pl.col(name).list.explode(keep_nulls=False, empty_as_null=False).unique()
                for name in ("_people", *_SIDES)
            }
        )
    )
    return (
        fitting.drop("stories")
        .join(people, on=["story_id", *_PAIR])
        .join(others, on="cluster")
        .filter(_sides_agree())
        .group_by("mention_id")
        .agg(pl.col("cluster").unique())
        .filter(pl.col("cluster").list.len() == 1)
        .select("mention_id", pl.col("cluster").list.first())
    )
