"""Fusion: engagement mentions from many sentences and articles become one row per real-world engagement.

Match key: country pair + type + format family ("2+2 ministerial meeting" and "2+2 ministerial dialogue" are
one family) + compatible dates. All grouping is sort/sweep or join within a story or by key, never all-pairs:

1. A generic mention ("Singh will meet Hamada", "the meetings") in a story that also names specific formats of
   the same pair and type joins those whose status and dates fit and whose domain matches the people named (a
   defence minister's meeting joins the "defence ministerial meeting" and the "2+2", not the "foreign
   ministers' strategic dialogue"). Such absorbed mentions add evidence and participants, and give dates only
   where the format itself has none.
2. Dated mentions cluster per key by a sweep over start dates: overlapping windows are one engagement.
3. Undated mentions ("the meeting", "during the visit") join the dated engagement of their story that they name
   again: of their key, or, for a generic mention and a named format, the story's single one of their pair and
   type; tense, status and domain permitting. Else the one of their key nearest their publication date (within
   a month, tense permitting; a mention dated by its year only joins one in that year), else the single day- or
   month-dated one of their pair and type, in another story, that names the people their story names (an article
   with no date line reporting it), else they cluster among themselves by publication date, a generic mention
   with the single format its story names undated, and a plan told with a time after its article called the
   engagement off apart (the new slot).
4. A generic engagement merges into the single specific engagement of its pair and type whose dates overlap;
   an engagement a story reports as held with two or more hosts of a visit is one meeting per host
   (``fusion_counterparts``); visits of one pair that start on the same day (their stories' dates lent) are one
   trip, whatever format each report names; dated signings of one pair within a day of each other are one
   agreement, whatever documents each report names (``fusion_signings``: the guide makes the documents signed
   on one occasion one record).

Conflicting details are resolved by specificity (not absorbed > absorbed, day > month > year, a stated end
over one implied by a duration) and stay visible in ``conflicts``.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

import pandera.polars as pa
import polars as pl

from pipeline.contracts import polars_schema
from pipeline.engagements.model import ENGAGEMENT_TYPES, PARTICIPANT_DTYPE, STATUSES
from pipeline.engagements.model import PRECISION_RANK as _PRECISION_RANK
from pipeline.fusion_clusters import (
    _absorb_generic,
    _assign_undated,
    _cluster_dated,
    _cluster_summary,
    _merge_generic_clusters,
    _merge_same_day_visits,
    _year_among_precise,
    first_told,
)
from pipeline.fusion_counterparts import apart_by_counterpart
from pipeline.fusion_reports import story_people
from pipeline.fusion_signings import merge_signings_of_one_occasion
from pipeline.fusion_story import apply_story_dates

_DOMAINS = {
    "defence": re.compile(r"defen[cs]e|military|army|navy|armed forces|2\+2", re.IGNORECASE),
    "foreign": re.compile(r"foreign|external affairs|secretary of state|2\+2", re.IGNORECASE),
    "leader": re.compile(
        r"president|prime minister|premier|chancellor|king|emir|summit|head of (?:state|government)",
        re.IGNORECASE,
    ),
}
_STATUS_PRIORITY = {"postponed": 0, "cancelled": 1, "held": 2, "planned": 3, "proposed": 4}
"""Which status a day's reports of one engagement settle on when they differ. Being called off is news over any
plan; of the two ways, a postponement is the more specific: "cancelled the trip, which will be rescheduled" and a
second report of the same day that says "postponed" both tell that a new date is to come."""


class EngagementsModel(pa.DataFrameModel):
    """One bilateral engagement, fused from all the sentences that state it."""

    engagement_id: str = pa.Field(unique=True)
    country_a: str = pa.Field(str_matches=r"^[A-Z]{3}$")
    country_b: str = pa.Field(str_matches=r"^[A-Z]{3}$")
    initiator_country: str = pa.Field(nullable=True)
    host_country: str = pa.Field(nullable=True)
    engagement_type: str = pa.Field(isin=ENGAGEMENT_TYPES)
    format: str = pa.Field(nullable=True)
    status: str = pa.Field(isin=STATUSES)
    start_date: date = pa.Field(nullable=True)
    end_date: date = pa.Field(nullable=True)
    date_precision: str = pa.Field(nullable=True, isin=["day", "month", "year"])
    location_city: str = pa.Field(nullable=True)
    location_country: str = pa.Field(nullable=True)
    ordinal: int = pa.Field(nullable=True, ge=1)
    source_count: int = pa.Field(ge=1)
    first_reported: date = pa.Field(nullable=True)
    last_reported: date = pa.Field(nullable=True)
    confidence: float = pa.Field(ge=0.0, le=1.0)
    conflicts: str = pa.Field(nullable=True)
    counterpart: str = pa.Field(nullable=True)
    """Who the visitor met, for a meeting that its reports tell apart from the visit's other talks by the host
    met (``fusion_counterparts``); null for all others."""

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def pair_is_ordered(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("country_a") < pl.col("country_b"))


class EngagementParticipantsModel(pa.DataFrameModel):
    """A person who took part in an engagement."""

    engagement_id: str
    person_id: str
    name: str
    role: str = pa.Field(nullable=True)
    country_code: str = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True
        unique = ["engagement_id", "person_id"]


class EngagementEvidenceModel(pa.DataFrameModel):
    """A sentence that states an engagement (offsets of the stating words in articles.text)."""

    engagement_id: str
    article_id: str
    sentence_index: int = pa.Field(ge=0)
    start_char: int = pa.Field(ge=0)
    end_char: int = pa.Field(ge=0)
    sentence: str

    class Config:
        strict = True
        coerce = True
        unique = ["engagement_id", "article_id", "sentence_index"]


ENGAGEMENT_SCHEMA = polars_schema(EngagementsModel)
PARTICIPANT_SCHEMA = polars_schema(EngagementParticipantsModel)
EVIDENCE_SCHEMA = polars_schema(EngagementEvidenceModel)


_ORDINAL_WORD = (
    r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural)\b"
)


def format_family(format_col: pl.Expr) -> pl.Expr:
    """Formats that name the same thing: every "2+2" is one family; otherwise the lower-cased words, without
    ordinals (the ordinal is a column of its own: "14th annual summit" and "annual summit" are one format) and
    without the stumps a pair name leaves ("India-Japan annual summit" loses "India" as a country name, leaving
    "-japan"); a memorandum of understanding is its abbreviation ("The Memorandum of Understanding (MoU) was
    signed" names one document twice)."""
    lowered = (
        format_col.str.to_lowercase()
        .str.replace_all(r"\bdefense\b", "defence")
        .str.replace_all(r"\bmemorand(?:um|a)\s+of\s+understanding\b", "mou")
    )
    words = (
        lowered.str.replace_all(_ORDINAL_WORD, " ")
        .str.replace_all(r"(?:^|\s)-\S*|\S*-(?:\s|$)", " ")
        .str.replace_all(r"[^a-z0-9+]+", " ")
        .str.strip_chars()
    )
    return (
        pl.when(lowered.str.contains(r"2\s?\+\s?2"))
        .then(pl.lit("2+2"))
        .when(words != "")
        .then(words)
    )


def _nested_families(mentions: pl.DataFrame) -> pl.DataFrame:
    """(country_a, country_b, engagement_type, family, wider): a family whose words all appear in exactly one
    wider chain of families of the same pair and type is renamed to the widest of them.

    Outlets and sentences name one format more or less fully ("summit", "annual summit", "annual leaders'
    summit"); each variant was a key of its own, so one summit reported three ways became three engagements on
    the same day. A family nested in two formats that do not nest in each other ("dialogue" in "2+2 dialogue"
    and in "strategic dialogue") stays as it is: which one it means is not known."""
    key = ["country_a", "country_b", "engagement_type"]
    families = (
        mentions.select(*key, "family")
        .drop_nulls("family")
        .unique()
        .with_columns(words=pl.col("family").str.split(" "))
    )
    pairs = (
        families.join(families, on=key, suffix="_wider")
        .filter(
            (pl.col("family") != pl.col("family_wider"))
            & (pl.col("words").list.set_difference(pl.col("words_wider")).list.len() == 0)
        )
        .with_columns(size=pl.col("words_wider").list.len())
    )
    widest = (
        pairs.sort("size", "family_wider", descending=[True, False])
        .group_by(*key, "family")
        .agg(wider=pl.col("family_wider").first(), wider_words=pl.col("words_wider").first())
    )
    chain = (
        pairs.join(widest, on=[*key, "family"])
        .group_by(*key, "family", "wider")
        .agg(nested=(pl.col("words_wider").list.set_difference(pl.col("wider_words")).list.len() == 0).all())
        .filter("nested")
    )
    return chain.select(*key, "family", "wider")


def _domains(text: pl.Expr) -> pl.Expr:
    """The names of the domains whose pattern ``text`` matches, whatever its case, in ``_DOMAINS`` order (joined
    as one string and split again: building a list of optional items is far slower in polars)."""
    names = [
        pl.when(text.str.contains(f"(?i){pattern.pattern}")).then(pl.lit(name))
        for name, pattern in _DOMAINS.items()
    ]
    return pl.concat_str(names, separator=" ", ignore_nulls=True).str.extract_all(r"\S+")


def _prepare(mentions: pl.DataFrame) -> pl.DataFrame:
    roles = mentions.select(
        pl.col("participants")
        .list.eval(pl.element().struct.field("role").fill_null(""))
        .list.join(" ")
        .str.to_lowercase()
        .alias("roles")
    )
    mentions = mentions.with_columns(family=format_family(pl.col("format")))
    key = ["country_a", "country_b", "engagement_type", "family"]
    mentions = (
        mentions.join(_nested_families(mentions), on=key, how="left", maintain_order="left")
        .with_columns(family=pl.coalesce("wider", "family"))
        .drop("wider")
    )
    return mentions.with_row_index("mention_id").with_columns(
        person_domains=_domains(roles["roles"]),
        format_domains=_domains(pl.col("format").fill_null("")),
        absorbed=pl.lit(False),
        window_end=pl.coalesce("end_date", "start_date"),
    )


MENTION_IDENTITY = [
    "article_id",
    "sentence_index",
    "start_char",
    "end_char",
    "country_a",
    "country_b",
    "engagement_type",
    "format",
    "status",
    "start_date",
    "end_date",
    "date_precision",
    "location_city",
    "ordinal",
    "published_date",
    "family",
    "counterpart",
]
"""What tells one mention from another: where it is stated and what it says. Two mentions equal on all of these
are one statement read twice. ``family`` tells apart the copies of a generic mention absorbed by several formats."""


def _identity(columns: list[str]) -> pl.Expr:
    return pl.concat_str([pl.col(c).cast(pl.String).fill_null("\x00") for c in columns], separator="\x1f")


def _engagement_ids(clustered: pl.DataFrame) -> pl.DataFrame:
    """(cluster, engagement_id): an engagement's id names its pair, its type and its first report.

    An engagement is a cluster of mentions, and clusters do not share mentions, so the id is made from the
    cluster's earliest own mention (not absorbed, then by publication date, then ``MENTION_IDENTITY``). Two
    engagements get one seed only when their earliest mentions are equal on every identity column; then their
    whole member lists break the tie, and clusters equal even in those are indistinguishable rows, numbered. The id
    depends on the mentions only, never on their row order, and stays the same when later reports join the
    engagement or refine its date (unlike a hash of the fused date, which changed whenever a source did).
    """
    members = clustered.select(
        "cluster",
        "absorbed",
        pl.col("published_date").cast(pl.String).fill_null("9999-99-99").alias("_published"),
        _identity(MENTION_IDENTITY).alias("_identity"),
    )
    per_cluster = (
        members.sort("absorbed", "_published", "_identity")
        .group_by("cluster")
        .agg(
            first=pl.col("_published").first() + "\x1e" + pl.col("_identity").first(),
            members=pl.col("_identity").sort().str.join("\x1e"),
        )
        .join(
            clustered.group_by("cluster").agg(
                pl.concat_str("country_a", "country_b", "engagement_type", separator="|").first().alias("_key")
            ),
            on="cluster",
        )
    )
    tied = pl.len().over("_key", "first") > 1
    per_cluster = per_cluster.with_columns(
        seed=pl.when(tied)
        .then(
            pl.concat_str(
                "_key",
                "first",
                "members",
                pl.int_range(pl.len()).over("_key", "first", "members", order_by="cluster").cast(pl.String),
                separator="|",
            )
        )
        .otherwise(pl.concat_str("_key", "first", separator="|"))
    )
    return per_cluster.select(
        "cluster",
        engagement_id=pl.col("seed").map_elements(
            lambda seed: hashlib.sha256(seed.encode()).hexdigest()[:16], return_dtype=pl.String
        ),
    )


def _most_frequent(rows: pl.DataFrame, column: str, largest_on_tie: bool = False) -> pl.DataFrame:
    """(cluster, column): the cluster's most frequent non-null value, the smallest (or, for text, the longest,
    then the largest) on a tie: of "summit" and "14th India-Japan Annual Summit", stated once each, the fuller."""
    counted = rows.filter(pl.col(column).is_not_null()).group_by("cluster", column).len()
    by_length = largest_on_tie and counted.schema[column] == pl.String
    counted = counted.with_columns(length=pl.col(column).str.len_chars() if by_length else pl.lit(0))
    return (
        counted.sort(["len", "length", column], descending=[True, True, largest_on_tie])
        .unique("cluster", keep="first")
        .select("cluster", column)
    )


def _conflict(rows: pl.DataFrame, column: str) -> pl.DataFrame:
    """(cluster, <column>_conflict): the differing values of a cluster, e.g. "start_date: 2024-05-01 vs
    2024-05-03"; the few clusters with more than one value are found before any sorting or grouping."""
    return (
        rows.select("cluster", column)
        .drop_nulls()
        .unique()
        .filter(pl.col("cluster").is_duplicated())
        .sort(column)
        .group_by("cluster")
        .agg(pl.col(column).cast(pl.String))
        .select(
            "cluster", (pl.lit(f"{column}: ") + pl.col(column).list.join(" vs ")).alias(f"{column}_conflict")
        )
    )


def _latest_status(ranked: pl.DataFrame) -> pl.DataFrame:
    """The latest report decides (a meeting planned on Monday may be held or cancelled by Friday); absorbed
    mentions
    only speak when nothing else does; within one day a cancellation or postponement outranks the rest."""
    return (
        ranked.sort(
            ["cluster", "absorbed", "published_date", "rank_status"],
            descending=[False, False, True, False],
            nulls_last=True,
        )
        .group_by("cluster")
        .agg(pl.col("status").first())
    )


def _aggregate(rows: pl.DataFrame) -> pl.DataFrame:
    """One engagement per cluster, details taken from the most specific mention.

    Most clusters are one mention: what needs counting, sorting or comparing within a cluster (most frequent
    values, conflicts) is computed over the whole frame and joined, not evaluated cluster by cluster."""
    ranked = (
        rows.with_columns(
            rank_precision=pl.col("date_precision").replace_strict(
                _PRECISION_RANK, default=3, return_dtype=pl.Int64
            ),
            rank_status=pl.col("status").replace_strict(_STATUS_PRIORITY, default=9, return_dtype=pl.Int64),
            undated=pl.col("start_date").is_null(),
        )
        .sort(
            [
                "cluster", "undated", "absorbed", "rank_precision", "end_date_implied", "confidence",
                "start_date", "end_date", "published_date", "article_id", "sentence_index", "start_char",
            ],
            descending=[False, False, False, False, False, True, False, False, False, False, False, False],
            nulls_last=True,
        )
        .with_columns(
            same_tier=(pl.col("absorbed") == pl.col("absorbed").first().over("cluster")) & ~pl.col("undated")
        )
    )
    own = ranked.filter(~pl.col("absorbed"))
    evidence = ranked.unique(["cluster", "article_id", "sentence_index"])
    confidence = evidence.group_by("cluster").agg(
        confidence=(1 - (1 - pl.col("confidence").clip(0, 0.99)).log().sum().exp()).round(4)
    )
    engagements = ranked.group_by("cluster", maintain_order=True).agg(
        *[pl.col(c).first() for c in ("country_a", "country_b", "engagement_type")],
        start_date=pl.col("start_date").first(),
        end_date=pl.col("end_date").filter("same_tier").drop_nulls().first(),
        date_precision=pl.col("date_precision").first(),
        location_city=pl.col("location_city").drop_nulls().first(),
        location_country=pl.col("location_country").filter(pl.col("location_city").is_not_null()).first(),
        any_location_country=pl.col("location_country").drop_nulls().first(),
        source_count=pl.col("article_id").n_unique().cast(pl.Int64),
        first_reported=pl.col("published_date").min(),
        last_reported=pl.col("published_date").max(),
    )
    for details in [
        _most_frequent(own, "family"),
        _most_frequent(own, "format", largest_on_tie=True),
        _most_frequent(ranked, "initiator_country"),
        _most_frequent(ranked, "host_country"),
        _most_frequent(ranked, "ordinal"),
        _most_frequent(ranked, "_host_name").rename({"_host_name": "counterpart"}),
        _conflict(ranked, "start_date"),
        _conflict(ranked, "end_date"),
        _conflict(own, "status"),
        confidence,
        _latest_status(ranked),
    ]:
        engagements = engagements.join(details, on="cluster", how="left", maintain_order="left")
    conflicts = pl.concat_str(
        "start_date_conflict", "end_date_conflict", "status_conflict", separator="; ", ignore_nulls=True
    )
    engagements = engagements.with_columns(
        location_country=pl.coalesce("location_country", "any_location_country"),
        conflicts=pl.when(conflicts != "").then(conflicts),
    )
    return engagements.join(_engagement_ids(rows), on="cluster", how="left", maintain_order="left")


def fuse_engagements(mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(engagements, engagement_participants, engagement_evidence) from the engagement mentions of the
    corpus."""
    if mentions.height == 0:
        return (
            pl.DataFrame(schema=ENGAGEMENT_SCHEMA),
            pl.DataFrame(schema=PARTICIPANT_SCHEMA),
            pl.DataFrame(schema=EVIDENCE_SCHEMA),
        )
    rows = _absorb_generic(_prepare(mentions))
    rows = rows.with_columns(_loose=pl.col("start_date").is_null() | _year_among_precise())
    dated = _cluster_dated(rows.filter(~pl.col("_loose"))).drop("_loose")
    summary = _cluster_summary(dated)
    undated = _assign_undated(
        rows.filter(pl.col("_loose")).drop("_loose"), summary, story_people(rows), first_told(dated)
    )
    clustered = pl.concat([dated.drop("new"), undated], how="diagonal_relaxed")
    clustered = apart_by_counterpart(_merge_generic_clusters(clustered))
    clustered = merge_signings_of_one_occasion(_merge_same_day_visits(apply_story_dates(clustered)))
    engagements = _aggregate(clustered)
    cluster_ids = engagements.select("cluster", "engagement_id", "initiator_country", "engagement_type")

    evidence = (
        clustered.join(cluster_ids.select("cluster", "engagement_id"), on="cluster")
        .group_by(["engagement_id", "article_id", "sentence_index"])
        .agg(pl.col("start_char").min(), pl.col("end_char").max(), pl.col("sentence").first())
        .sort(["engagement_id", "article_id", "sentence_index"])
        .select(list(EVIDENCE_SCHEMA))
    )
    participants = (
        clustered.select("cluster", "participants")
        .explode("participants")
        .drop_nulls("participants")
        .unnest("participants")
        .join(cluster_ids, on="cluster")
        .unique(["engagement_id", "person_id"], keep="first", maintain_order=True)
        .sort(["engagement_id", "person_id"])
        .select(list(PARTICIPANT_SCHEMA))
    )
    engagements = engagements.sort(
        ["country_a", "country_b", "start_date", "engagement_type"], nulls_last=True
    )
    return engagements.select(list(ENGAGEMENT_SCHEMA)), participants, evidence


__all__ = [
    "PARTICIPANT_DTYPE",
    "EngagementEvidenceModel",
    "EngagementParticipantsModel",
    "EngagementsModel",
    "format_family",
    "fuse_engagements",
]
