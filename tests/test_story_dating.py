"""Dates within a story: what an article dates only by another of its engagements ("later in the day", "the
next day", "on the third day of her visit"), a visit whose day is not given dated by the talks held during it,
and talks during a dated visit that take its month. Sentences and articles made up for these tests."""

from datetime import date

import polars as pl
from test_engagements import extract
from test_fusion import fuse, mention

GHANA, TOGO = ("Ghana", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO")
LOME = ("Lomé", "LOCATION", "TGO")


def dated(rows) -> list[tuple[str, int, date | None]]:
    return sorted((r["engagement_type"], r["sentence_index"], r["start_date"]) for r in rows.to_dicts())


def test_later_in_the_day_and_the_next_day_take_the_date_of_the_engagement_dated_before():
    rows = extract(
        [
            "Ghana's president arrived in Lomé on Monday for a two-day state visit to Togo.",
            "Later in the day, the presidents of Ghana and Togo held talks at the presidential palace.",
            "Ghana and Togo signed three agreements on trade the next day.",
        ],
        [GHANA, TOGO, LOME],
    )
    assert dated(rows) == [
        ("agreement", 2, date(2022, 9, 6)),
        ("meeting", 1, date(2022, 9, 5)),
        ("visit", 0, date(2022, 9, 5)),
    ]


def test_the_nth_day_of_a_visit_counts_from_the_visit_first_day():
    rows = extract(
        [
            "The Ghanaian foreign minister will arrive in Togo on September 12 for a three-day visit.",
            "On the third day of his visit, the foreign ministers of Ghana and Togo will hold talks in Lomé.",
        ],
        [GHANA, TOGO, LOME],
    )
    # "his visit" names the visit again (undated here, it joins the visit in fusion), not its third day
    assert dated(rows) == [
        ("meeting", 1, date(2022, 9, 14)),
        ("visit", 0, date(2022, 9, 12)),
        ("visit", 1, None),
    ]


def test_a_carried_expression_without_a_day_precise_engagement_before_it_gives_no_date():
    rows = extract(
        [
            "Ghana's president visited Togo in March.",
            "Later that day, the presidents of Ghana and Togo held talks.",
        ],
        [GHANA, TOGO],
    )
    assert ("meeting", 1, None) in dated(rows)


def rows_of(engagements) -> list[tuple[str, str, date | None, str | None]]:
    return sorted(
        (r["engagement_type"], r["status"], r["start_date"], r["date_precision"])
        for r in engagements.iter_rows(named=True)
    )


def test_a_visit_whose_day_is_not_given_starts_with_the_first_talks_held_during_it():
    engagements, _, _ = fuse(
        # "Kishida arrived in New Delhi on his first visit to India as prime minister."
        mention(sentence=0, type_="visit", status="held"),
        # "Modi held talks with Kishida on Saturday." / "The two sides signed six agreements on Sunday."
        mention(sentence=1, status="held", start=date(2022, 9, 3)),
        mention(sentence=2, type_="agreement", status="held", start=date(2022, 9, 4)),
    )
    assert rows_of(engagements) == [
        ("agreement", "held", date(2022, 9, 4), "day"),
        ("meeting", "held", date(2022, 9, 3), "day"),
        ("visit", "held", date(2022, 9, 3), "day"),
    ]


def test_a_visit_known_only_by_its_year_takes_the_date_of_its_talks_in_that_year():
    engagements, _, _ = fuse(
        mention(sentence=0, type_="visit", status="held", start=date(2022, 1, 1), precision="year"),
        mention(sentence=1, type_="agreement", status="held", start=date(2022, 9, 5)),
    )
    assert ("visit", "held", date(2022, 9, 5), "day") in rows_of(engagements)


def test_a_visit_dated_by_its_story_keeps_its_own_date():
    engagements, _, _ = fuse(
        mention(sentence=0, type_="visit", status="held", start=date(2022, 9, 2)),  # "arrived on Friday"
        mention(sentence=1, type_="visit", status="held"),  # "during the visit"
        mention(sentence=2, status="held", start=date(2022, 9, 3)),
    )
    assert ("visit", "held", date(2022, 9, 2), "day") in rows_of(engagements)
    assert engagements.filter(pl.col("engagement_type") == "visit").height == 1


def test_a_past_engagement_named_in_passing_dates_no_visit_of_today():
    engagements, _, _ = fuse(
        mention(sentence=0, type_="visit", status="held"),  # "is on an official visit to Japan"
        # "The two countries signed a defence pact in 2016."
        mention(sentence=1, type_="agreement", status="held", start=date(2016, 3, 1), precision="month"),
    )
    assert ("visit", "held", None, None) in rows_of(engagements)


def test_talks_during_a_visit_whose_day_is_not_given_take_the_month_of_the_visit():
    engagements, _, _ = fuse(
        # "The Ethiopian prime minister arrived in Asmara yesterday for a two-day working visit."
        mention(sentence=0, type_="visit", status="held", start=date(2022, 9, 5)),
        # "The two leaders will discuss regional issues." / "The sides are to sign a trade accord."
        mention(sentence=1, status="planned"),
        mention(sentence=2, type_="agreement", status="planned"),
    )
    assert rows_of(engagements) == [
        ("agreement", "planned", date(2022, 9, 1), "month"),
        ("meeting", "planned", date(2022, 9, 1), "month"),
        ("visit", "held", date(2022, 9, 5), "day"),
    ]


def test_talks_during_a_visit_of_one_day_by_its_stated_length_take_its_day():
    engagements, _, _ = fuse(
        # "The Ethiopian prime minister will pay a one-day working visit to Eritrea on Thursday."
        mention(
            sentence=0, type_="visit", status="planned", start=date(2022, 9, 8), end=date(2022, 9, 8), implied=True
        ),
        # "During the working visit, the two leaders will discuss regional issues."
        mention(sentence=1, status="planned"),
        # another visit of a first day only ("will arrive on Thursday") lends only its month
        mention(
            article="a2", sentence=0, type_="visit", status="planned", start=date(2022, 9, 8), end=date(2022, 9, 8),
            pair=("IND", "LKA"),
        ),
        mention(article="a2", sentence=1, status="planned", pair=("IND", "LKA")),
    )
    assert rows_of(engagements) == [
        ("meeting", "planned", date(2022, 9, 1), "month"),
        ("meeting", "planned", date(2022, 9, 8), "day"),
        ("visit", "planned", date(2022, 9, 8), "day"),
        ("visit", "planned", date(2022, 9, 8), "day"),
    ]


def test_held_talks_do_not_fall_in_a_visit_still_planned_nor_undated_echoes_of_dated_talks_in_it():
    engagements, _, _ = fuse(
        mention(
            sentence=0, type_="visit", status="planned", start=date(2022, 9, 20)
        ),  # "will visit on 20 Sept"
        mention(sentence=1, status="held"),  # "the two ministers have met before"
        mention(sentence=2, type_="agreement", status="planned", start=date(2022, 9, 21)),
        mention(sentence=3, type_="agreement", status="planned"),  # "the agreement", named again
    )
    assert rows_of(engagements) == [
        ("agreement", "planned", date(2022, 9, 21), "day"),
        ("meeting", "held", None, None),
        ("visit", "planned", date(2022, 9, 20), "day"),
    ]


def test_a_visit_takes_the_date_other_reports_give_the_talks_its_story_names_undated():
    engagements, _, _ = fuse(
        mention("a1", sentence=0, status="held", start=date(2022, 9, 5)),  # "The leaders met on Monday"
        mention("a2", sentence=0, type_="visit", status="held"),  # "He travelled to Paris for the summit"
        mention("a2", sentence=1, status="held"),  # "At the meeting, they agreed ..."
    )
    assert rows_of(engagements) == [
        ("meeting", "held", date(2022, 9, 5), "day"),
        ("visit", "held", date(2022, 9, 5), "day"),
    ]


def test_a_day_told_of_an_engagement_whose_pair_is_not_named_moves_the_story_day():
    rows = extract(
        [
            "The Ghanaian president will arrive in Togo on October 3 for a three-day visit.",
            "On the second day of his visit, the president will open a port terminal and then hold a meeting "
            "with the prime minister.",
            "Later in the day, the presidents of Ghana and Togo will sign three agreements in Lomé.",
        ],
        [GHANA, TOGO, LOME],
    )
    assert ("agreement", 2, date(2022, 10, 4)) in dated(rows)


def test_a_year_named_in_passing_does_not_hide_the_day_told_before_it():
    rows = extract(
        [
            "Ghana and Togo signed an agreement on trade on Monday in Lomé.",
            "Ghana and Togo signed a defence pact in 2008.",
            "Earlier in the day, the foreign ministers of Ghana and Togo held talks over breakfast.",
        ],
        [GHANA, TOGO, LOME],
    )
    assert ("meeting", 2, date(2022, 9, 5)) in dated(rows)



def test_talks_that_followed_what_the_sentence_before_dates_take_its_day():
    rows = extract(
        [
            "The new envoy presented his letters of credence to the Togolese president on Friday, September 2.",
            "During brief talks that followed, the envoy of Ghana and the president of Togo discussed trade.",
        ],
        [GHANA, TOGO],
    )
    assert ("meeting", 1, date(2022, 9, 2)) in dated(rows)


def test_a_meeting_on_arrival_takes_the_first_day_of_the_visit_not_its_month():
    rows = extract(
        [
            "The president of Ghana arrived in Togo on September 2 on a state visit.",
            "At the Lomé airport, the president of Ghana was met by the president of Togo.",
        ],
        [GHANA, TOGO, LOME],
    )
    assert ("meeting", 1, date(2022, 9, 2)) in dated(rows)


def test_a_signing_after_talks_the_story_dates_to_a_day_takes_their_day_not_the_visit_month():
    engagements, _, _ = fuse(
        # "The Indian president, currently on a state visit to Japan, held talks with the prime minister today."
        mention(sentence=0, type_="visit", status="held", start=date(2022, 9, 6)),
        mention(sentence=0, status="held", start=date(2022, 9, 6), end=date(2022, 9, 6)),
        # "Following the talks, both parties exchanged agreements on trade and training."
        mention(sentence=1, type_="agreement", status="held"),
    )
    assert rows_of(engagements) == [
        ("agreement", "held", date(2022, 9, 6), "day"),
        ("meeting", "held", date(2022, 9, 6), "day"),
        ("visit", "held", date(2022, 9, 6), "day"),
    ]


def test_a_signing_beside_talks_of_two_days_keeps_the_visit_month():
    engagements, _, _ = fuse(
        mention(sentence=0, type_="visit", status="held", start=date(2022, 9, 5)),
        # "The leaders held talks on Monday and again on Tuesday." / "They signed a trade accord."
        mention(sentence=1, status="held", start=date(2022, 9, 5), end=date(2022, 9, 5)),
        mention(sentence=2, status="held", start=date(2022, 9, 6), end=date(2022, 9, 6)),
        mention(sentence=3, type_="agreement", status="held"),
    )
    assert [r for r in rows_of(engagements) if r[0] == "agreement"] == [
        ("agreement", "held", date(2022, 9, 1), "month")
    ]


def test_talks_called_off_with_their_visit_keep_the_visit_slot():
    engagements, _, _ = fuse(
        # "The president cancelled his visit to India planned for September 20."
        mention(sentence=0, type_="visit", status="cancelled", start=date(2022, 9, 20)),
        # "He has now also cancelled his meeting with the prime minister."
        mention(sentence=1, status="cancelled"),
        # another story: a meeting called off beside a visit that goes ahead keeps no slot of it
        mention(article="a2", sentence=0, type_="visit", status="planned", start=date(2022, 9, 20), pair=("IND", "LKA")),
        mention(article="a2", sentence=1, status="cancelled", pair=("IND", "LKA")),
    )
    rows = sorted(
        (r["country_b"], r["engagement_type"], r["status"], r["start_date"], r["date_precision"])
        for r in engagements.iter_rows(named=True)
    )
    assert rows == [
        ("JPN", "meeting", "cancelled", date(2022, 9, 1), "month"),
        ("JPN", "visit", "cancelled", date(2022, 9, 20), "day"),
        ("LKA", "meeting", "cancelled", None, None),
        ("LKA", "visit", "planned", date(2022, 9, 20), "day"),
    ]
