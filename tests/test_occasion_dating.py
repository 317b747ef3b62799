"""Engagements dated by the occasion the article ties them to: talks during (or on the sidelines of) a gathering
the article dates elsewhere take the gathering's month, the lede of a report datelined with a day (or, without a dateline,
published on a day) tells that day's news, and what "the two leaders will discuss" during a visit is a meeting of its own, in the visit's month.
Sentences and articles made up for these tests."""

from datetime import date

import polars as pl
from test_engagements import extract

from pipeline.fusion import fuse_engagements

KENYA, GHANA, PERU = ("Kenya", "COUNTRY", "KEN"), ("Ghana", "COUNTRY", "GHA"), ("Peru", "COUNTRY", "PER")
PEOPLE = [("Ruto", "ruto", "KEN", "President"), ("Mahama", "mahama", "GHA", "President")]
PUBLISHED = date(2022, 8, 11)


def dated(rows) -> list[tuple[str, int, str, date | None, str | None]]:
    return sorted(
        (r["engagement_type"], r["sentence_index"], r["status"], r["start_date"], r["date_precision"])
        for r in rows.to_dicts()
        if {r["country_a"], r["country_b"]} == {"GHA", "KEN"}
    )


def test_a_likely_meeting_during_a_gathering_dated_later_in_the_article_takes_its_month():
    rows = extract(
        [
            "Ruto and Mahama are likely to hold a meeting during the African Union summit in Lima, Peru, "
            "officials told reporters.",
            "The African Union summit is scheduled for September 15-16 in the Peruvian capital.",
        ],
        [KENYA, GHANA, PERU, ("Lima", "LOCATION", "PER")],
        PEOPLE,
        published=PUBLISHED,
    )
    assert dated(rows) == [("meeting", 0, "proposed", date(2022, 9, 1), "month")]


def test_talks_at_the_conference_tied_to_a_summit_dated_before_take_its_month_never_its_day():
    rows = extract(
        [
            "The African Union summit will open in Lima on September 15.",
            "Mahama is to attend the conference, during which the president is expected to meet Ruto of Kenya.",
        ],
        [KENYA, GHANA, ("Lima", "LOCATION", "PER")],
        PEOPLE,
        published=PUBLISHED,
    )
    assert dated(rows) == [("meeting", 1, "planned", date(2022, 9, 1), "month")]


def test_sideline_talks_take_the_month_of_the_gathering_the_article_dates_not_the_report_month():
    rows = extract(
        [
            "The G20 summit opened in Lima on July 30 and closed on August 1.",
            "On the sidelines of the summit, Ruto and Mahama held talks on trade.",
        ],
        [KENYA, GHANA, ("Lima", "LOCATION", "PER")],
        PEOPLE,
        published=PUBLISHED,
    )
    assert dated(rows) == [("meeting", 1, "held", date(2022, 7, 1), "month")]


def test_a_gathering_still_to_come_dates_no_talks_held_and_one_known_by_its_year_dates_none():
    rows = extract(
        [
            "Ruto and Mahama met on the sidelines of the African Union summit.",
            "The next African Union summit is scheduled for September 15-16.",
            "Kenya joined the African Union summit in 2012 as a founding host.",
        ],
        [KENYA, GHANA],
        PEOPLE,
        published=PUBLISHED,
    )
    # no gathering of the article is current for talks held: the lede's talks take the report's day (lede_span)
    assert dated(rows) == [("meeting", 0, "held", PUBLISHED, "day")]


def test_without_a_tie_to_the_gathering_an_undated_plan_stays_undated():
    rows = extract(
        [
            "The African Union summit is scheduled for September 15-16.",
            "Ruto and Mahama are likely to meet to discuss the border.",
        ],
        [KENYA, GHANA],
        PEOPLE,
        published=PUBLISHED,
    )
    assert dated(rows) == [("meeting", 1, "proposed", None, None)]


def test_the_lede_of_a_report_datelined_with_a_day_dates_what_was_held_that_day():
    rows = extract(
        [
            "Accra [Ghana], August 10 : Kenyan President Ruto met Ghanaian President Mahama in Accra on the "
            "sidelines of the African Union summit.",
            "The two leaders met again later in the week.",
        ],
        [KENYA, GHANA, ("Accra", "LOCATION", "GHA")],
        PEOPLE,
        published=PUBLISHED,
    )
    assert dated(rows)[0] == ("meeting", 0, "held", date(2022, 8, 10), "day")


def test_a_dateline_does_not_date_a_cancellation_nor_a_plan_of_the_lede():
    rows = extract(
        [
            "NAIROBI, Aug 10 - Kenyan President Ruto has cancelled a visit to Ghana, and will meet Mahama "
            "instead at a later date.",
        ],
        [KENYA, GHANA, ("NAIROBI", "LOCATION", "KEN")],
        PEOPLE,
        published=PUBLISHED,
    )
    assert all(row[3] != date(2022, 8, 10) for row in dated(rows))


def test_what_the_two_leaders_will_discuss_during_a_visit_is_a_meeting_of_its_own_in_the_visit_month():
    togo, lome = ("Togo", "COUNTRY", "TGO"), ("Lomé", "LOCATION", "TGO")
    mentions = extract(
        [
            "Ghana's president arrived in Lomé yesterday for a two-day working visit to Togo.",
            "The two leaders will discuss trade and regional security.",
        ],
        [GHANA, togo, lome],
        published=date(2022, 9, 6),
    )
    engagements, _, _ = fuse_engagements(mentions)
    assert sorted(
        (r["engagement_type"], r["status"], r["start_date"], r["date_precision"])
        for r in engagements.to_dicts()
    ) == [
        ("meeting", "planned", date(2022, 9, 1), "month"),
        ("visit", "held", date(2022, 9, 5), "day"),
    ]


def test_a_trip_made_to_discuss_something_states_no_meeting():
    togo = ("Togo", "COUNTRY", "TGO")
    rows = extract(["Ghana's foreign minister travelled to Togo on Monday to discuss trade."], [GHANA, togo])
    assert rows["engagement_type"].to_list() == ["visit"]


def test_a_sentence_opened_by_he_goes_on_about_the_pair_and_in_the_afternoon_is_the_day_just_dated():
    togo = ("Togo", "COUNTRY", "TGO")
    rows = extract(
        [
            "Ghana's President Mahama left Accra on Monday morning for a two-day trip to Togo.",
            "He is scheduled to meet Togolese President Gnassingbe in the afternoon in Lomé.",
        ],
        [GHANA, togo, ("Togolese", "COUNTRY", "TGO"), ("Lomé", "LOCATION", "TGO")],
        published=date(2022, 9, 5),
    )
    assert sorted(
        (r["engagement_type"], r["country_a"], r["country_b"], r["start_date"]) for r in rows.to_dicts()
    ) == [
        ("meeting", "GHA", "TGO", date(2022, 9, 5)),
        ("visit", "GHA", "TGO", date(2022, 9, 5)),
    ]


def test_their_meeting_named_again_with_its_day_dates_the_meeting_of_the_sentence_before():
    rows = extract(
        [
            "Ruto and Mahama have held a one-on-one meeting in Lima.",
            "Their one-on-one meeting on Friday was held on the margins of the African Union summit.",
        ],
        [KENYA, GHANA, ("Lima", "LOCATION", "PER")],
        PEOPLE,
        published=date(2022, 9, 16),
    )
    # the lede's meeting takes the report's day, a Friday: the day the sentence after it names
    assert dated(rows) == [
        ("meeting", 0, "held", date(2022, 9, 16), "day"),
        ("meeting", 1, "held", date(2022, 9, 16), "day"),
    ]


def test_a_sentence_opened_by_he_naming_a_third_country_takes_no_pair_from_the_one_before():
    togo, china = ("Togo", "COUNTRY", "TGO"), ("Chinese", "COUNTRY", "CHN")
    rows = extract(
        [
            "Ghana's President Mahama arrived in Togo on Monday for a two-day visit.",
            "He will also meet Chinese envoys in Lomé on Tuesday.",
        ],
        [GHANA, togo, china, ("Lomé", "LOCATION", "TGO")],
        published=date(2022, 9, 5),
    )
    assert [r["sentence_index"] for r in rows.to_dicts() if r["engagement_type"] == "meeting"] == []


def test_what_both_heads_of_state_are_due_to_sign_during_a_visit_is_an_agreement_in_the_visit_month():
    togo = ("Togo", "COUNTRY", "TGO")
    mentions = extract(
        [
            "Ghana's president landed in Togo on Sunday afternoon for an official visit.",
            "Both heads of state are set to sign a fisheries memorandum in Togo.",
        ],
        [GHANA, togo],
        published=date(2022, 9, 5),
    )
    engagements, _, _ = fuse_engagements(mentions)
    assert sorted(
        (r["engagement_type"], r["status"], r["start_date"], r["date_precision"]) for r in engagements.to_dicts()
    ) == [
        ("agreement", "planned", date(2022, 9, 1), "month"),
        ("visit", "held", date(2022, 9, 4), "day"),
    ]


def test_the_lede_of_a_dated_report_without_a_dateline_dates_what_was_held_on_the_publication_day():
    rows = extract(
        [
            "Kenyan President Ruto and Ghanaian President Mahama held talks behind closed doors in Accra.",
            "The two leaders discussed trade and the border.",
        ],
        [KENYA, GHANA, ("Accra", "LOCATION", "GHA")],
        PEOPLE,
        published=PUBLISHED,
    )
    assert dated(rows)[0] == ("meeting", 0, "held", PUBLISHED, "day")


def test_an_undated_engagement_held_later_in_the_report_is_not_given_the_publication_day():
    rows = extract(
        [
            "Kenya and Ghana pledged to deepen their ties.",
            "Officials said relations had improved over many years.",
            "Ruto and Mahama met in Accra to discuss the border.",
        ],
        [KENYA, GHANA, ("Accra", "LOCATION", "GHA")],
        PEOPLE,
        published=PUBLISHED,
    )
    assert dated(rows) == [("meeting", 2, "held", None, None)]


def test_a_report_without_a_publication_date_leaves_its_lede_undated():
    rows = extract(
        ["Kenyan President Ruto and Ghanaian President Mahama held talks behind closed doors in Accra."],
        [KENYA, GHANA, ("Accra", "LOCATION", "GHA")],
        PEOPLE,
        published=None,
    )
    assert dated(rows) == [("meeting", 0, "held", None, None)]


def test_a_headline_dated_by_the_report_day_yields_to_the_day_its_body_gives_the_same_talks():
    rows = extract(
        [
            "Kenyan, Ghanaian presidents hold talks",
            "Kenyan President Ruto held talks with Ghanaian President Mahama on August 8 in Accra.",
        ],
        [KENYA, GHANA, ("Accra", "LOCATION", "GHA")],
        PEOPLE,
        published=PUBLISHED,
    )
    assert dated(rows) == [
        ("meeting", 0, "held", None, None),
        ("meeting", 1, "held", date(2022, 8, 8), "day"),
    ]
    (engagement,) = fuse_engagements(rows)[0].filter(pl.col("country_a") == "GHA").to_dicts()
    assert engagement["start_date"] == date(2022, 8, 8)


def test_a_headline_keeps_the_report_day_when_the_body_dates_talks_of_the_day_before():
    rows = extract(
        [
            "Kenyan, Ghanaian presidents hold talks",
            "Kenyan President Ruto held talks with Ghanaian President Mahama on August 10 in Accra.",
        ],
        [KENYA, GHANA, ("Accra", "LOCATION", "GHA")],
        PEOPLE,
        published=PUBLISHED,
    )
    assert dated(rows)[0] == ("meeting", 0, "held", PUBLISHED, "day")
