"""One row per engagement within an article: a mention with no date of its own that refers back ("the visit",
"during the talks") joins the engagement it names again, and distinct engagements stay apart. Sentences and
articles made up for these tests."""

from datetime import date

import polars as pl
from test_engagements import extract
from test_fusion import PUBLISHED, fuse, mention

from pipeline.fusion import fuse_engagements


def evidence_by_engagement(engagements: pl.DataFrame, evidence: pl.DataFrame) -> dict:
    """{(status, start_date, format): [sentence_index, ...]} of each engagement."""
    sentences = evidence.group_by("engagement_id").agg(pl.col("sentence_index").sort())
    return {
        (r["status"], r["start_date"], r["format"]): r["sentence_index"]
        for r in engagements.join(sentences, on="engagement_id").iter_rows(named=True)
    }


def test_an_undated_reference_in_another_tense_joins_the_named_format_of_its_story():
    engagements, _, evidence = fuse(
        mention(sentence=0, type_="visit", fmt="working visit", status="held", start=PUBLISHED),
        mention(sentence=1, type_="visit", status="planned"),  # "During the visit, the leaders will discuss ..."
        mention(sentence=2, type_="visit", status="proposed"),  # "The visit could open the way to ..."
    )
    assert evidence_by_engagement(engagements, evidence) == {("held", PUBLISHED, "working visit"): [0, 1, 2]}


def test_an_undated_reference_joins_the_single_undated_format_of_its_story():
    engagements, _, evidence = fuse(
        mention(sentence=0, type_="visit", fmt="official visit", status="held"),  # no date line, no date
        mention(sentence=3, type_="visit", status="proposed"),  # "The visit is an opportunity to ..."
    )
    assert evidence_by_engagement(engagements, evidence) == {("held", None, "official visit"): [0, 3]}


def test_a_named_format_without_date_joins_the_dated_generic_engagement_of_its_story():
    engagements, _, evidence = fuse(
        mention(sentence=0, status="held", start=PUBLISHED),  # "The presidents met on Tuesday"
        mention(sentence=2, fmt="annual summit", status="held"),  # "at the annual summit, they ..."
    )
    assert list(evidence_by_engagement(engagements, evidence).values()) == [[0, 2]]


def test_a_held_mention_never_joins_a_cancelled_engagement():
    engagements, _, _ = fuse(
        mention(sentence=0, type_="visit", status="cancelled", start=date(2022, 9, 9)),
        mention(sentence=1, type_="visit", fmt="state visit", status="held"),  # an earlier visit, undated
    )
    assert sorted(engagements["status"]) == ["cancelled", "held"]


def test_a_reference_in_the_future_tense_does_not_join_a_past_engagement():
    engagements, _, _ = fuse(
        mention(sentence=0, fmt="defence dialogue", status="held", start=date(2019, 11, 30)),
        mention(sentence=1, status="planned"),  # "the ministers will meet", no date
    )
    assert engagements.height == 2


def test_a_reference_between_two_formats_of_its_story_joins_neither():
    """Which of the two the generic mention means is not known: it stays a row of its own."""
    engagements, _, evidence = fuse(
        mention(sentence=0, fmt="defence ministerial meeting", start=date(2022, 9, 8)),
        mention(sentence=1, fmt="foreign ministers' strategic dialogue", start=date(2022, 9, 8)),
        mention(sentence=2, status="held"),  # "the ministers held talks", no date, no roles
    )
    assert sorted(len(v) for v in evidence_by_engagement(engagements, evidence).values()) == [1, 1, 1]


def test_a_reference_joins_only_the_format_whose_domain_its_people_share():
    engagements, participants, _ = fuse(
        mention(sentence=0, fmt="defence dialogue", start=date(2022, 9, 8)),
        mention(sentence=1, status="held", people=[("mwangi", "Foreign Minister", "IND")]),
    )
    assert engagements.height == 2
    assert participants.join(engagements, on="engagement_id")["format"].to_list() == [None]


GHANA, TOGO, LOME = ("Ghanaian", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO"), ("Lomé", "LOCATION", "TGO")


def test_a_visit_named_again_in_the_future_tense_is_one_row_with_all_its_sentences():
    mentions = extract(
        [
            "Ghanaian President Kofi Mensah arrived in Lomé on Monday for a working visit to Togo.",
            "During the visit, the two leaders will discuss border security and trade.",
            "The visit is expected to strengthen ties, an adviser said.",
        ],
        [GHANA, TOGO, LOME],
        published=date(2024, 5, 13),
    )
    engagements, _, evidence = fuse_engagements(mentions)
    # what the two leaders will discuss during the visit is talks of their own (annotation guide), in its month
    assert evidence_by_engagement(engagements, evidence) == {
        ("held", date(2024, 5, 13), "working visit"): [0, 1, 2],
        ("planned", date(2024, 5, 1), None): [1],
    }
