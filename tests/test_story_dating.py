"""Dates within a story: what an article dates only by another of its engagements ("later in the day", "the
next day", "on the second day of his visit"), a visit whose day is not given dated by the talks held during it,
and talks during a dated visit that take its month. Sentences and articles made up for these tests."""

from datetime import date

from test_engagements import extract

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
