"""Fusion steps 1 to 4 (see ``pipeline.fusion``): generic mentions join the specific formats of their story,
dated mentions cluster by overlapping dates, undated mentions join the engagement of their story they name again
(or the nearest in time, or cluster among themselves), and a dated generic engagement merges into the single
specific one it overlaps."""

from __future__ import annotations

from datetime import timedelta

import polars as pl

from pipeline.dates.grammar import MONTH_NAMES, WEEKDAY_NAMES
from pipeline.engagements.model import CALLED_OFF
from pipeline.engagements.references import PLAN_TOLD_PATTERN
from pipeline.fusion_fit import UNDATED_MATCH_DAYS, _fits, _status_contradicts
from pipeline.fusion_reports import _same_people
from pipeline.fusion_signings import one_signing_per_story, same_signing

UNDATED_CLUSTER_GAP_DAYS = 7
_KEY = ["country_a", "country_b", "engagement_type", "family"]


_SINGLE_DAY = ["meeting", "call"]
"""Types told as held on one day: a visit or a drill told on two days may be one that lasted both."""


def _days_told_apart(dated: pl.DataFrame) -> pl.DataFrame:
    """(key, start_date) of each day that an article states, at day precision, for a meeting or call of the key
    (on one day) while stating the day before for another: "will arrive on March 16 and meet the foreign minister ... On March 17
    he will hold talks with the prime minister" are two meetings, and a report that dates the talks March 17
    is the second one."""
    days = (
        dated.filter(
            (pl.col("date_precision") == "day")
            & pl.col("engagement_type").is_in(_SINGLE_DAY)
            & (pl.col("window_end") == pl.col("start_date"))
        )
        .select(*_KEY, "article_id", "start_date")
        .unique()
    )
    before = days.with_columns(start_date=pl.col("start_date") + timedelta(days=1))
    return (
        days.join(before, on=[*_KEY, "article_id", "start_date"], how="semi", nulls_equal=True)
        .select(*_KEY, "start_date")
        .unique()
        .with_columns(_told_apart=pl.lit(True))
    )


def _absorb_generic(m: pl.DataFrame) -> pl.DataFrame:
    """Step 1: generic mentions join the specific formats of their story whose status, dates and domain
    fit; not a format named in passing that their article states only after them (a reference back follows
    what it refers to: ``told_before_the_passing_one``)."""
    by = ["story_id", "country_a", "country_b", "engagement_type", "family", "status"]
    firsts = (
        m.filter(pl.col("family").is_not_null())
        .group_by([*by, "article_id"])
        .agg(spec_first=pl.col("sentence_index").min())
    )
    specific = (
        m.filter(pl.col("family").is_not_null())
        .group_by(by)
        .agg(
            spec_start=pl.col("start_date").min(),
            spec_end=pl.col("window_end").max(),
            spec_domains=pl.col("format_domains")
            .list.explode(keep_nulls=False, empty_as_null=False)
            .unique(),
        )
    )
    generic = m.filter(pl.col("family").is_null())
    candidates = (
        generic.drop("family")
        .join(specific, on=["story_id", "country_a", "country_b", "engagement_type", "status"], how="inner")
        .join(firsts, on=[*by, "article_id"], how="left")
        .filter(
            ~told_before_the_passing_one(pl.col("spec_end"), pl.col("spec_first"))
            & (
                pl.col("start_date").is_null()
                | pl.col("spec_start").is_null()
                | (
                    (pl.col("start_date") <= pl.col("spec_end"))
                    & (pl.col("window_end") >= pl.col("spec_start"))
                )
            )
            & (
                (pl.col("person_domains").list.len() == 0)
                | (pl.col("spec_domains").list.len() == 0)
                | (pl.col("person_domains").list.set_intersection(pl.col("spec_domains")).list.len() > 0)
            )
        )
    )
    absorbed = candidates.select(m.columns).with_columns(absorbed=pl.lit(True))
    remaining = generic.join(candidates.select("mention_id").unique(), on="mention_id", how="anti")
    return pl.concat([m.filter(pl.col("family").is_not_null()), absorbed, remaining], how="vertical")


def _cluster_dated(rows: pl.DataFrame) -> pl.DataFrame:
    """Step 2: per key, sweep by start date; a mention starting after every window so far opens a new
    cluster. A day after the windows so far is one more day of grace (two reports of one meeting may date it a
    day apart, across time zones or by "yesterday" counted from another day), unless an article tells the two
    days apart (``_days_told_apart``): then they are two engagements."""
    dated = rows.filter(pl.col("start_date").is_not_null()).sort([*_KEY, "start_date"], nulls_last=True)
    dated = dated.join(
        _days_told_apart(dated), on=[*_KEY, "start_date"], how="left", nulls_equal=True, maintain_order="left"
    ).with_columns(pl.col("_told_apart").fill_null(False))
    previous_end = pl.col("window_end").cum_max().shift(1).over(_KEY)
    grace = pl.when(pl.col("_told_apart")).then(timedelta(days=0)).otherwise(timedelta(days=1))
    return (
        dated.with_columns(new=(previous_end.is_null() | (pl.col("start_date") > previous_end + grace)))
        .drop("_told_apart")
        .with_columns(
            cluster=pl.concat_str([pl.lit("d"), pl.col("new").cast(pl.Int64).cum_sum().cast(pl.String)])
        )
    )


def _year_among_precise() -> pl.Expr:
    """Whether a mention is dated by its year only in a year its key dates to a day or month elsewhere ("the
    second time this year that he has skipped a trip" beside a trip cancelled in April and one in December): the
    sweep would stretch its window over the whole year and bridge them. Such a mention joins an engagement as an
    undated one does (of its story, else the nearest in time), keeping its year."""
    year = pl.col("start_date").dt.year()
    precise = pl.col("date_precision").is_in(["day", "month"])
    return (pl.col("date_precision") == "year") & precise.any().over([*_KEY, year.alias("_year")]).fill_null(
        False
    )


def _cluster_summary(dated: pl.DataFrame) -> pl.DataFrame:
    """One row per dated cluster: its key, span, ordinal, stories, the statuses its mentions state, the
    domains its format names, the initiators its mentions give and whether one dates it to a day or month (what
    an undated mention is checked against before it joins)."""
    return dated.group_by("cluster").agg(
        *[pl.col(c).first() for c in _KEY],
        cluster_start=pl.col("start_date").min(),
        cluster_end=pl.col("window_end").max(),
        cluster_ordinal=pl.col("ordinal").drop_nulls().first(),
        stories=pl.col("story_id").unique(),
        cluster_statuses=pl.col("status").unique(),
        cluster_domains=pl.col("format_domains").list.explode(keep_nulls=False, empty_as_null=False).unique(),
        cluster_initiators=pl.col("initiator_country").drop_nulls().unique(),
        cluster_precise=pl.col("date_precision").is_in(["day", "month"]).any(),
    )


PASSING_BEFORE = timedelta(days=31)
"""An engagement that ended more than this before a report's publication is, in that report, one named in
passing (the guide's "signed a defence pact in 2008"), not the report's news (``fusion_story.CURRENT_BEFORE``)."""


def first_told(dated: pl.DataFrame) -> pl.DataFrame:
    """(cluster, article_id, first_sentence): the first sentence of each article that states a dated
    engagement."""
    return dated.group_by("cluster", "article_id").agg(first_sentence=pl.col("sentence_index").min())


def told_before_the_passing_one(end: pl.Expr, first_sentence: pl.Expr) -> pl.Expr:
    """Whether an undated mention (not one dated by its year) stands, in its article, before the first sentence that states a past
    engagement named in passing (one that ended over a month before the report): a reference back ("the
    talks", "during the visit") follows what it refers to, so "The two presidents are discussing ways ..." told
    before "Last spring the two had met at a lakeside retreat for an informal summit" is the report's own meeting,
    not that summit."""
    return (
        pl.col("start_date").is_null()
        & (end < pl.col("published_date") - PASSING_BEFORE)
        & (pl.col("sentence_index") < first_sentence)
    ).fill_null(False)


def _in_story(undated: pl.DataFrame, summary: pl.DataFrame, firsts: pl.DataFrame | None = None) -> pl.DataFrame:
    """(mention_id, cluster): the dated engagement of its story an undated mention refers to.

    A mention with no date of its own ("the meeting", "the talks", "during the visit") that names the pair and
    type of a dated engagement of its story is that engagement named again, when its tense fits
    (``_fits``), its status does not contradict the engagement's, and a domain its people give is the
    format's. Of the same format family (both generic counts as one), the engagement nearest the publication
    date; across families (a generic mention and a named format, either way round), only an engagement that is
    the story's single candidate: which of two formats "the meeting" means is not known. Documents signed are
    the one signing of their story whatever their names (``fusion_signings.same_signing``). Not an engagement
    named in passing that its article states only after the mention (``told_before_the_passing_one``)."""
    join_key = ["country_a", "country_b", "engagement_type", "story_id"]
    candidates = undated.join(
        summary.explode("stories").rename({"stories": "story_id", "_join_family": "_cluster_family"}),
        on=join_key,
        how="inner",
    )
    if firsts is not None:
        candidates = candidates.join(firsts, on=["cluster", "article_id"], how="left")
        candidates = candidates.filter(
            ~told_before_the_passing_one(pl.col("cluster_end"), pl.col("first_sentence"))
        ).drop("first_sentence")
    candidates = (
        candidates.filter(
            _fits(pl.col("cluster_start"), pl.col("cluster_end"))
            & ~_status_contradicts(pl.col("cluster_statuses"))
            & (
                (pl.col("_join_family") == pl.col("_cluster_family"))
                | same_signing()
                | (
                    ((pl.col("_join_family") == "") | (pl.col("_cluster_family") == ""))
                    & (
                        (pl.col("person_domains").list.len() == 0)
                        | (pl.col("cluster_domains").list.len() == 0)
                        | (
                            pl.col("person_domains")
                            .list.set_intersection(pl.col("cluster_domains"))
                            .list.len()
                            > 0
                        )
                    )
                )
            )
        )
        .with_columns(
            distance=(pl.col("cluster_start") - pl.col("published_date")).abs(),
            other_family=pl.col("_join_family") != pl.col("_cluster_family"),
        )
    )
    same_family = (
        candidates.filter(~pl.col("other_family"))
        .sort(["mention_id", "distance", "cluster_start", "cluster"], nulls_last=True)
        .unique("mention_id", keep="first")
        .select("mention_id", "cluster")
    )
    single_other = (
        candidates.filter(pl.col("other_family"))
        .join(same_family, on="mention_id", how="anti")
        .group_by("mention_id")
        .agg(pl.col("cluster").unique())
        .filter(pl.col("cluster").list.len() == 1)
        .select("mention_id", pl.col("cluster").list.first())
    )
    return pl.concat([same_family, single_other])


def _alone_family(alone: pl.DataFrame) -> pl.Expr:
    """The format family an undated mention that joined nothing clusters under: its own, or for a generic
    mention ("the visit") the single format its story names undated for the pair and type ("an official
    visit"), unless its status contradicts theirs."""
    key = ["story_id", "country_a", "country_b", "engagement_type"]
    named = (
        alone.filter(pl.col("_join_family") != "")
        .group_by(key)
        .agg(_story_family=pl.col("_join_family").unique(), _story_statuses=pl.col("status").unique())
        .filter(pl.col("_story_family").list.len() == 1)
        .with_columns(pl.col("_story_family").list.first())
    )
    return (
        alone.join(named, on=key, how="left", maintain_order="left")
        .with_columns(
            _join_family=pl.when(
                (pl.col("_join_family") == "")
                & pl.col("_story_family").is_not_null()
                & ~_status_contradicts(pl.col("_story_statuses")).fill_null(False)
            )
            .then(pl.col("_story_family"))
            .otherwise(pl.col("_join_family"))
        )
        .drop("_story_family", "_story_statuses")
    )


_NEW_SLOT = (
    rf"\b(?:{'|'.join(name.capitalize() for name in (*MONTH_NAMES, *WEEKDAY_NAMES))})\b|"
    r"(?i:\b(?:next|soon|later|tomorrow|coming|\d{1,4})\b)"
)
"""A time a plan names: a month or a weekday, capitalised (the modal "may" is no month), a number, "next", "soon",
"later"."""


def _plan_after_calling_off() -> pl.Expr:
    """Whether a mention is a plan its article tells, with a time of its own, after it told the engagement of the
    same pair and type called off ("The defence minister has postponed his talks with his Laotian counterpart ...
    The talks are now expected in May"; "the emir told the prime minister he would soon pay a two-day
    visit"): the new slot, a record of its own (the guide: a postponed engagement keeps its original
    slot, and a new date is a separate planned record). Not the lapsed plan told in the past ("the chancellor was due
    to visit Tunis on Monday", ``references.PLAN_TOLD_PATTERN``), nor a plan told before the calling-off, nor one
    with no time ("the visit will be reprogrammed"): each is the engagement that was called off."""
    key = ["article_id", "country_a", "country_b", "engagement_type"]
    first_called_off = (
        pl.when(pl.col("status").is_in(CALLED_OFF)).then(pl.col("sentence_index")).min().over(key)
    )
    return (
        (pl.col("status") == "planned")
        & (pl.col("sentence_index") > first_called_off)
        & ~pl.col("sentence").str.contains(f"(?i){PLAN_TOLD_PATTERN}")
        & pl.col("sentence").str.contains(_NEW_SLOT)
    ).fill_null(False)


def _assign_undated(
    undated: pl.DataFrame,
    summary: pl.DataFrame,
    people: pl.DataFrame | None = None,
    firsts: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Step 3: undated mentions join a dated engagement (same story first, ``_in_story``; then the one of their
    key nearest in time; then the single one of their pair and type that names the people their story names,
    ``_same_people``, given ``people``, ``story_people`` of all mentions), else cluster among themselves, a
    generic mention with the one format its story names (``_alone_family``), the documents a story signs as one
    agreement (``fusion_signings.one_signing_per_story``)."""
    undated = undated.with_columns(_join_family=pl.col("family").fill_null(""))
    summary = summary.with_columns(_join_family=pl.col("family").fill_null(""))
    join_key = ["country_a", "country_b", "engagement_type", "_join_family"]
    in_story = _in_story(undated, summary.drop("family"), firsts)
    rest = undated.join(in_story, on="mention_id", how="anti")
    nearby = (
        rest.filter(pl.col("published_date").is_not_null())
        .sort("published_date")
        .join_asof(
            summary.drop("family").sort("cluster_start"),
            left_on="published_date",
            right_on="cluster_start",
            by=join_key,
            strategy="nearest",
            tolerance=timedelta(days=UNDATED_MATCH_DAYS),
            check_sortedness=False,
        )
        .filter(pl.col("cluster").is_not_null() & _fits(pl.col("cluster_start"), pl.col("cluster_end")))
        .select("mention_id", "cluster")
    )
    assigned = pl.concat([in_story, nearby])
    if people is not None:
        rest = rest.join(nearby, on="mention_id", how="anti")
        assigned = pl.concat([assigned, _same_people(rest, summary.drop("family"), people)])
    alone_key = ["country_a", "country_b", "engagement_type", "_join_family", "_replanned"]
    alone = (
        _alone_family(undated.join(assigned, on="mention_id", how="anti"))
        .with_columns(_replanned=_plan_after_calling_off())
        .sort([*alone_key, "published_date", "mention_id"], nulls_last=True)
        .with_columns(
            new=(pl.int_range(pl.len()).over(alone_key) == 0)
            | (
                pl.col("published_date").diff().over(alone_key) > timedelta(days=UNDATED_CLUSTER_GAP_DAYS)
            ).fill_null(False)
        )
        .with_columns(
            cluster=pl.concat_str([pl.lit("u"), pl.col("new").cast(pl.Int64).cum_sum().cast(pl.String)])
        )
        .pipe(one_signing_per_story)
        .select("mention_id", "cluster")
    )
    return undated.drop("_join_family").join(pl.concat([assigned, alone]), on="mention_id", how="left")


def _merge_generic_clusters(rows: pl.DataFrame) -> pl.DataFrame:
    """Step 4: a dated generic engagement overlapping exactly one specific engagement of its pair and type
    joins it. Every overlapping specific engagement is counted (a join within the pair and type, whose groups are
    small): the nearest ones found by an as-of join tied when two specific engagements started on one day, and
    the tie was broken at random, so the same input could fuse two ways."""
    dated = rows.filter(pl.col("start_date").is_not_null() & ~pl.col("absorbed"))
    spans = dated.group_by("cluster").agg(
        pl.col("country_a").first(),
        pl.col("country_b").first(),
        pl.col("engagement_type").first(),
        generic=pl.col("family").is_null().all(),
        start=pl.col("start_date").min(),
        end=pl.col("window_end").max(),
    )
    generic = spans.filter("generic").drop("generic")
    specific = spans.filter(~pl.col("generic")).drop("generic")
    by = ["country_a", "country_b", "engagement_type"]
    unique_target = (
        generic.join(
            specific.rename({"cluster": "target", "start": "target_start", "end": "target_end"}), on=by
        )
        .filter((pl.col("start") <= pl.col("target_end")) & (pl.col("end") >= pl.col("target_start")))
        .group_by("cluster")
        .agg(pl.col("target").first(), n=pl.col("target").n_unique())
        .filter(pl.col("n") == 1)
        .select("cluster", "target")
    )
    return (
        rows.join(unique_target, on="cluster", how="left")
        .with_columns(cluster=pl.coalesce("target", "cluster"))
        .drop("target")
    )


def _merge_same_day_visits(rows: pl.DataFrame) -> pl.DataFrame:
    """Step 4b, after the stories lend their dates (a visit its story dates by its talks is dated by then): dated
    visits of one pair that start on the same day are one trip, whatever format each report
    names ("a state visit" in one, "an official visit" in another): one visitor does not begin two trips to one
    country on one day. Not when the reports name two visitors' countries (a visit each way), nor when one says
    the trip took place and another that it was called off."""
    visits = rows.filter(
        (pl.col("engagement_type") == "visit") & pl.col("start_date").is_not_null() & ~pl.col("absorbed")
    )
    if not visits.height:
        return rows
    by_day = ["country_a", "country_b", "_day"]
    trips = (
        visits.group_by("cluster")
        .agg(
            pl.col("country_a").first(),
            pl.col("country_b").first(),
            _day=pl.col("start_date").min(),
            _initiators=pl.col("initiator_country").drop_nulls().unique(),
            _statuses=pl.col("status").unique(),
        )
        .with_columns(
            _sides=pl.col("_initiators")
            .list.explode(keep_nulls=False, empty_as_null=False)
            .n_unique()
            .over(by_day),
            _held=pl.col("_statuses").list.contains("held").any().over(by_day),
            _called_off=pl.col("_statuses")
            .list.set_intersection(["cancelled", "postponed"])
            .list.len()
            .gt(0)
            .any()
            .over(by_day),
            target=pl.col("cluster").min().over(by_day),
        )
        .filter(
            (pl.col("_sides") <= 1)
            & ~(pl.col("_held") & pl.col("_called_off"))
            & (pl.col("target") != pl.col("cluster"))
        )
        .select("cluster", "target")
    )
    return (
        rows.join(trips, on="cluster", how="left")
        .with_columns(cluster=pl.coalesce("target", "cluster"))
        .drop("target")
    )
