"""Distinct engagements of one pair in one article stay distinct and keep their own time: a past engagement
named in passing is a record of its own, dated by its own expression, and only references back without a time of
their own join the engagement they refer to. Articles made up for these tests, in the style of real reports."""

from datetime import date

import pytest
from test_engagements import extract
from test_fusion import fuse, mention

from pipeline.dates import DateSpan
from pipeline.engagements.carry import carried_span


def published(row: dict, day: date) -> dict:
    return row | {"published_date": day}


def evidence_of(engagements, evidence) -> dict[tuple, list[tuple[str, int]]]:
    """(type, status, start_date) -> the (article, sentence) pairs of its evidence."""
    ids = {
        r["engagement_id"]: (r["engagement_type"], r["status"], r["start_date"])
        for r in engagements.iter_rows(named=True)
    }
    found: dict[tuple, list[tuple[str, int]]] = {}
    for r in evidence.sort("article_id", "sentence_index").iter_rows(named=True):
        found.setdefault(ids[r["engagement_id"]], []).append((r["article_id"], r["sentence_index"]))
    return found


def test_a_past_meeting_dated_by_its_year_is_not_the_meeting_the_report_announces():
    # a1, 2024-10-23: "Modi and Xi are set to hold bilateral talks today. ... The last time the two leaders met
    # was in 2019, in Mahabalipuram." a2, 2019-06-13: "Modi met Xi in Bishkek in June."
    today = date(2024, 10, 23)
    engagements, _, evidence = fuse(
        published(mention("a1", 0, status="planned", start=today), today),
        published(
            mention("a1", 3, status="held", start=date(2019, 1, 1), end=date(2019, 12, 31), precision="year"),
            today,
        ),
        published(
            mention(
                "a2", 1, status="held", start=date(2019, 6, 1), end=date(2019, 6, 30), precision="month"
            ),
            date(2019, 6, 13),
        ),
    )
    by_engagement = evidence_of(engagements, evidence)
    assert by_engagement[("meeting", "planned", today)] == [("a1", 0)]
    assert by_engagement[("meeting", "held", date(2019, 1, 1))] == [("a1", 3)]


def test_a_reference_told_before_a_summit_named_in_passing_is_the_reports_own_meeting():
    # a report of 2019-06-13, in our words: "The premier's first meeting at the summit is with the president. The
    # two leaders are talking about closer ties. ... Last April, the two had met in a lakeside city for an
    # informal summit."
    today = date(2019, 6, 13)
    engagements, _, evidence = fuse(
        published(mention("a1", 4, status="held"), today),
        published(
            mention(
                "a1",
                13,
                fmt="summit",
                status="held",
                start=date(2018, 4, 1),
                end=date(2018, 4, 30),
                precision="month",
            ),
            today,
        ),
    )
    by_engagement = evidence_of(engagements, evidence)
    assert by_engagement[("meeting", "held", date(2018, 4, 1))] == [("a1", 13)]
    assert by_engagement[("meeting", "held", None)] == [("a1", 4)]


def test_a_reference_back_to_a_pact_named_in_passing_joins_that_pact():
    # 2023-02-15: "The two countries signed a defence pact in 2008. The pact was renewed in ..."
    today = date(2023, 2, 15)
    engagements, _, evidence = fuse(
        published(
            mention(
                "a1",
                2,
                type_="agreement",
                fmt="defence pact",
                status="held",
                start=date(2008, 1, 1),
                end=date(2008, 12, 31),
                precision="year",
            ),
            today,
        ),
        published(mention("a1", 3, type_="agreement", status="held"), today),
    )
    assert evidence_of(engagements, evidence) == {("agreement", "held", date(2008, 1, 1)): [("a1", 2), ("a1", 3)]}


def test_a_visit_named_in_passing_does_not_keep_todays_visit_from_the_day_of_its_talks():
    # 2022-05-05: "The Mexican president met the president of Guatemala today. ... the first international tour
    # of the Mexican head of state, which begins in Guatemala. Previously, the president of Guatemala visited
    # Mexico on September 22, 2019."
    today = date(2022, 5, 5)
    engagements, _, evidence = fuse(
        published(mention("a1", 1, status="held", start=today, pair=("GTM", "MEX")), today),
        published(mention("a1", 3, type_="visit", status="held", pair=("GTM", "MEX")), today),
        published(
            mention("a1", 4, type_="visit", status="held", start=date(2019, 9, 22), pair=("GTM", "MEX")), today
        ),
    )
    by_engagement = evidence_of(engagements, evidence)
    assert by_engagement[("visit", "held", today)] == [("a1", 3)]
    assert by_engagement[("visit", "held", date(2019, 9, 22))] == [("a1", 4)]


# --- an engagement named again by a demonstrative ----------------------------------------------------------

GHANA, TOGO, LOME = ("Ghana", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO"), ("Lomé", "LOCATION", "TGO")
ARTICLE_DAY = date(2021, 7, 13)


def test_what_was_done_during_that_visit_takes_the_date_of_the_past_visit_told_before():
    rows = extract(
        [
            "Ghana's president arrived in Lomé on Monday for an official visit to Togo.",
            "The Ghanaian president last visited Togo in February 2020.",
            "During that two-day visit, Ghana and Togo also signed an agreement on road transport.",
        ],
        [GHANA, TOGO, LOME, ("Ghanaian", "COUNTRY", "GHA"), ("Ghana's", "COUNTRY", "GHA")],
        published=ARTICLE_DAY,
    )
    dated = {
        (r["sentence_index"], r["engagement_type"]): (r["start_date"], r["date_precision"])
        for r in rows.to_dicts()
    }
    assert dated[(0, "visit")] == (date(2021, 7, 12), "day")
    assert dated[(2, "agreement")] == (date(2020, 2, 1), "month")


@pytest.mark.parametrize(
    ("sentence", "refers_back"),
    [
        ("During that two-day visit, the two countries also signed an agreement.", True),
        ("That meeting came after months of tension along the border.", True),
        ("At those talks, the ministers agreed to reopen the border.", True),
        ("Officials said that talks between the two presidents were fruitful.", False),
        ("The ministers agreed that visits by officials would become more frequent.", False),
    ],
)
def test_a_demonstrative_names_the_engagement_told_before_but_that_opening_a_clause_does_not(
    sentence, refers_back
):
    february = DateSpan(date(2020, 2, 1), date(2020, 2, 29), "month", 0, 0, "in February 2020")
    carried = carried_span(sentence, february, None, None, ARTICLE_DAY)
    assert (carried is not None and carried.start == date(2020, 2, 1)) is refers_back


# --- a postponed engagement and the new slot told after it --------------------------------------------------


def told(row: dict, sentence: str) -> dict:
    return row | {"sentence": sentence}


def test_talks_now_expected_in_april_after_their_postponement_are_a_record_of_their_own():
    # an undated text: "The army chief has put off planned talks with his Lao counterpart. The meeting, first
    # set for Thursday, is now expected to be held in May."
    engagements, _, evidence = fuse(
        told(
            mention("a1", 0, status="postponed", pair=("LAO", "VNM")),
            "The army chief has put off planned talks with his Lao counterpart.",
        ),
        told(
            mention("a1", 1, status="planned", pair=("LAO", "VNM")),
            "The meeting, first set for Thursday, is now expected to be held in May.",
        ),
    )
    assert evidence_of(engagements, evidence) == {
        ("meeting", "postponed", None): [("a1", 0)],
        ("meeting", "planned", None): [("a1", 1)],
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Weber was due to visit Tunisia on Tuesday as part of a tour of North Africa.",
        "The visit will be rescheduled for a date that suits both sides.",
        "The visit may be rescheduled once the ministers agree on a date.",
    ],
)
def test_the_lapsed_plan_or_a_plan_without_a_time_after_a_calling_off_is_the_engagement_called_off(sentence):
    engagements, _, _ = fuse(
        told(
            mention("a1", 0, type_="visit", status="cancelled", pair=("DEU", "TUN")),
            "German Chancellor Karl Weber cancelled a visit to Tunisia on Tuesday.",
        ),
        told(mention("a1", 1, type_="visit", status="planned", pair=("DEU", "TUN")), sentence),
    )
    assert engagements["status"].to_list() == ["cancelled"]


# --- an earlier meeting of the two just named ---------------------------------------------------------------


def test_the_two_who_met_on_monday_are_the_pair_of_the_talks_announced_before_and_that_meeting_is_its_own():
    rows = extract(
        [
            "Ghanaian Foreign Minister Ama Mensah is likely to hold talks with Togolese Foreign Minister Kofi Agbo"
            " on May 14 in Lomé.",
            "The two met in Norway on Monday, where they talked about the border.",
        ],
        [
            GHANA,
            TOGO,
            LOME,
            ("Ghanaian", "COUNTRY", "GHA"),
            ("Togolese", "COUNTRY", "TGO"),
            ("Norway", "COUNTRY", "NOR"),
            ("Ama Mensah", "PERSON", "GHA"),
            ("Kofi Agbo", "PERSON", "TGO"),
        ],
        [("Ama Mensah", "p1", "GHA", None), ("Kofi Agbo", "p2", "TGO", None)],
        published=date(2019, 5, 7),
    )
    assert sorted(
        (r["country_a"], r["country_b"], r["engagement_type"], r["status"], r["start_date"]) for r in rows.to_dicts()
    ) == [
        ("GHA", "TGO", "meeting", "held", date(2019, 5, 6)),
        ("GHA", "TGO", "meeting", "proposed", date(2019, 5, 14)),
    ]


def test_talks_anticipated_to_mark_a_step_are_still_to_come_on_their_own_day():
    (row,) = extract(
        [
            "The High-Level Cooperation Council meeting between Ghana and Togo, scheduled for December 7 in Lomé,"
            " is anticipated to mark a new stage in their relations."
        ],
        [GHANA, TOGO, LOME],
        published=date(2023, 11, 24),
    ).to_dicts()
    assert (row["status"], row["start_date"]) == ("planned", date(2023, 12, 7))


def test_a_memorandum_of_understanding_and_its_abbreviation_are_one_document():
    # "The Memorandum of Understanding (MoU) on consultations between Ghana and Togo was signed in July 2012."
    engagements, _, _ = fuse(
        *[
            mention(
                "a1",
                3,
                type_="agreement",
                fmt=fmt,
                status="held",
                start=date(2012, 7, 1),
                end=date(2012, 7, 31),
                precision="month",
            )
            for fmt in ("Memorandum of Understanding", "MoU")
        ]
    )
    assert engagements.height == 1
