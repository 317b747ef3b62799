"""Invariants of the fused engagements: properties every correct build has, whatever the articles say.

Each function takes the frames it needs and returns the engagements that break one invariant: their
engagement_id, a `reason` naming the broken rule with the offending values, and those values as columns, so
an asset check can count them and show examples. All are joins and column expressions (no per-row Python),
linear in the rows.

``INVARIANTS`` is the one registry: each entry names its asset check and says whether the rows breaking it are
quarantined (taken out of the engagements, with their participants and evidence, into
``quarantined_engagements``) or only reported. A row an article's text made wrong never stops a build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import polars as pl

EARLIEST_DATE = date(1945, 1, 1)
"""The record covers the post-war state system; an earlier date is a misread year or a historical treaty named
as background ("signed the Entente Cordiale in 1904")."""
HELD_GRACE = "1d"
"""A held engagement cannot start after its last report; one day of slack for time zones and overnight news."""
PLANNED_HORIZON = "5y"
"""Plans (planned, proposed, postponed, cancelled) and the ends of running engagements are announced at most
about five years ahead; further out is a misread year ("2082" for "2028") or a target date, not an event."""
COUNTRY_NAMING_LABELS = ["COUNTRY", "ORGANIZATION", "LOCATION", "PERSON"]
"""Mentions that name a country: the country itself, its institutions, its places and its people."""
ENGAGEMENT_KEY = ["country_a", "country_b", "engagement_type", "format", "start_date", "end_date", "counterpart"]
"""What makes an engagement distinct: two rows equal on all of these (nulls equal) are one engagement
split by fusion. Undated engagements are told apart by when they were first reported as well: two undated
meetings of one pair reported months apart are two meetings, which fusion keeps apart on purpose; and by whether
they were called off: talks "postponed" and the talks "now expected in April" that replace them are two records
(the guide), which an undated text cannot tell apart by date. The talks of a visit with different hosts are
different meetings (annotation guide), told apart by ``counterpart``."""
UNDATED_ANCHOR = (
    pl.when(pl.col("start_date").is_null())
    .then(
        pl.concat_str(
            pl.col("first_reported").cast(pl.String).fill_null(""),
            pl.col("status").is_in(["cancelled", "postponed"]).cast(pl.String),
            separator=" ",
        )
    )
    .alias("undated_anchor")
)


def engagements_without_evidence(
    engagements: pl.DataFrame, engagement_evidence: pl.DataFrame
) -> pl.DataFrame:
    """Engagements with no evidence sentence: nothing in the warehouse could explain where they came from."""
    return engagements.join(
        engagement_evidence.select("engagement_id").unique(), on="engagement_id", how="anti"
    ).select(
        "engagement_id",
        reason=pl.format(
            "no evidence sentence for the {} between {} and {}", "engagement_type", "country_a", "country_b"
        ),
        country_a="country_a",
        country_b="country_b",
        engagement_type="engagement_type",
    )


def unordered_country_pairs(engagements: pl.DataFrame) -> pl.DataFrame:
    """Pairs not stored as country_a < country_b: the same pair would be counted twice (IND-JPN, JPN-IND)."""
    ordered = (pl.col("country_a") < pl.col("country_b")).fill_null(False)
    return engagements.filter(~ordered).select(
        "engagement_id",
        reason=pl.format(
            "country_a {} is not before country_b {}",
            pl.col("country_a").fill_null("null"),
            pl.col("country_b").fill_null("null"),
        ),
        country_a="country_a",
        country_b="country_b",
    )


def countries_missing_from_evidence(
    engagements: pl.DataFrame, engagement_evidence: pl.DataFrame, entity_mentions: pl.DataFrame
) -> pl.DataFrame:
    """Engagements whose country_a or country_b is named in none of their evidence sentences (by a country,
    organisation, place or person mention), so the sentences do not show that this pair met. Engagements
    without any evidence are left to `engagements_without_evidence`."""
    sentences = engagement_evidence.lazy().select("engagement_id", "article_id", "sentence_index").unique()
    named = (
        entity_mentions.lazy()
        .filter(pl.col("country_code").is_not_null())
        .select("article_id", "sentence_index", "label", country="country_code")
        .join(sentences, on=["article_id", "sentence_index"])
        .filter(pl.col("label").is_in(COUNTRY_NAMING_LABELS))
        .select("engagement_id", "country", named=pl.lit(True))
        .unique()
    )
    evidence_sentences = sentences.group_by("engagement_id").agg(evidence_sentences=pl.len())
    a_named, b_named = pl.col("a_named").is_not_null(), pl.col("b_named").is_not_null()
    missing = pl.concat_str(
        pl.when(~a_named).then("country_a"),
        pl.when(~b_named).then("country_b"),
        separator=", ",
        ignore_nulls=True,
    )
    return (
        engagements.lazy()
        .select("engagement_id", "country_a", "country_b", "engagement_type")
        .join(evidence_sentences, on="engagement_id")
        .join(
            named.rename({"country": "country_a", "named": "a_named"}),
            on=["engagement_id", "country_a"],
            how="left",
        )
        .join(
            named.rename({"country": "country_b", "named": "b_named"}),
            on=["engagement_id", "country_b"],
            how="left",
        )
        .filter(~a_named | ~b_named)
        .select(
            "engagement_id",
            reason=pl.format("{} not named in its {} evidence sentence(s)", missing, "evidence_sentences"),
            country_a="country_a",
            country_b="country_b",
            engagement_type="engagement_type",
            missing=missing,
        )
        .collect()
    )


def implausible_dates(engagements: pl.DataFrame, today: date) -> pl.DataFrame:
    """Engagements whose dates cannot be right: start after end, before `EARLIEST_DATE`, a held engagement
    starting after it was last reported (+ `HELD_GRACE`), or any date beyond `PLANNED_HORIZON` after it. The
    reference is last_reported, or `today` for engagements without a report date."""
    start, end, status = pl.col("start_date"), pl.col("end_date"), pl.col("status")
    reference = pl.coalesce("last_reported", pl.lit(today, dtype=pl.Date))
    horizon = reference.dt.offset_by(PLANNED_HORIZON)
    latest_start = pl.when(status == "held").then(reference.dt.offset_by(HELD_GRACE)).otherwise(horizon)
    reasons = pl.concat_list(
        pl.when(start > end).then(pl.format("start_date {} after end_date {}", start, end)),
        pl.when(start < EARLIEST_DATE).then(
            pl.format("start_date {} before {}", start, pl.lit(EARLIEST_DATE))
        ),
        pl.when(end < EARLIEST_DATE).then(pl.format("end_date {} before {}", end, pl.lit(EARLIEST_DATE))),
        pl.when(start > latest_start).then(
            pl.format("{} engagement starts {}, after {}", status, start, latest_start)
        ),
        pl.when(end > horizon).then(pl.format("end_date {} after {}", end, horizon)),
    ).list.drop_nulls()
    return (
        engagements.with_columns(reasons=reasons)
        .filter(pl.col("reasons").list.len() > 0)
        .select(
            "engagement_id",
            reason=pl.col("reasons").list.join("; "),
            status="status",
            start_date="start_date",
            end_date="end_date",
            last_reported="last_reported",
        )
    )


def duplicate_engagement_keys(engagements: pl.DataFrame) -> pl.DataFrame:
    """Engagements sharing one `ENGAGEMENT_KEY` (nulls equal) with a better-supported one: fusion split one
    engagement, and counts by pair, type or date would double it. In each group the engagement with the most
    sources (then the highest confidence, then the smallest id) is kept and not listed; the others are."""
    group = [*ENGAGEMENT_KEY, "undated_anchor"]
    ranked = engagements.with_columns(UNDATED_ANCHOR).sort(
        ["source_count", "confidence", "engagement_id"], descending=[True, True, False], nulls_last=True
    )
    return (
        ranked.with_columns(
            kept=pl.col("engagement_id").first().over(group),
            group_size=pl.len().over(group),
        )
        .filter(pl.col("engagement_id") != pl.col("kept"))
        .sort(ENGAGEMENT_KEY, nulls_last=True)
        .select(
            "engagement_id",
            pl.format("shares its key with {} other engagement(s); {} is kept", pl.col("group_size") - 1, "kept")
            .alias("reason"),
            *ENGAGEMENT_KEY,
            "undated_anchor",
        )
    )


@dataclass(frozen=True)
class Invariant:
    """One invariant of the engagements, run as the asset check ``check_name`` on ``engagements``."""

    check_name: str
    description: str
    quarantines: bool
    """True: its violating rows leave the tables for ``quarantined_engagements``; False: they stay, reported."""
    find: Callable[[pl.DataFrame, pl.DataFrame, pl.DataFrame, date], pl.DataFrame]
    """(engagements, engagement_evidence, entity_mentions, today) -> violations (engagement_id, reason, ...)."""


INVARIANTS = [
    Invariant(
        "engagements_have_evidence",
        "Every engagement has at least one evidence sentence.",
        True,
        lambda engagements, evidence, _mentions, _today: engagements_without_evidence(engagements, evidence),
    ),
    Invariant(
        "engagement_countries_are_ordered",
        "Every pair is stored once, as country_a < country_b.",
        True,
        lambda engagements, _evidence, _mentions, _today: unordered_country_pairs(engagements),
    ),
    Invariant(
        "engagement_keys_are_unique",
        "No two engagements share country pair, type, format, start and end date and counterpart (nulls equal;"
        " undated ones also their first report and whether called off): the best-supported one stays.",
        True,
        lambda engagements, _evidence, _mentions, _today: duplicate_engagement_keys(engagements),
    ),
    Invariant(
        "engagement_dates_are_plausible",
        "Dates are plausible: start <= end, none before 1945, held engagements not starting after their last"
        " report (+1 day), nothing more than 5 years after it.",
        True,
        lambda engagements, _evidence, _mentions, today: implausible_dates(engagements, today),
    ),
    Invariant(
        "engagement_countries_are_named_in_evidence",
        "Both countries of each engagement are named in at least one of its evidence sentences (reported only:"
        " anaphoric evidence such as 'the two countries agreed' is legitimate).",
        False,
        lambda engagements, evidence, mentions, _today: countries_missing_from_evidence(
            engagements, evidence, mentions
        ),
    ),
]
"""Quarantining invariants run in this order, each on the rows the ones before it kept."""


def invariant_violations(
    engagements: pl.DataFrame,
    engagement_evidence: pl.DataFrame,
    entity_mentions: pl.DataFrame,
    today: date,
) -> pl.DataFrame:
    """Every violation of every invariant on these frames as they are, one row each: (invariant,
    engagement_id, detail)."""
    return pl.concat(
        [
            invariant.find(engagements, engagement_evidence, entity_mentions, today).select(
                invariant=pl.lit(invariant.check_name), engagement_id="engagement_id", detail="reason"
            )
            for invariant in INVARIANTS
        ],
        how="vertical",
    )
