"""Which date of a sentence is an engagement's: not the day something was said or posted, not the day the
engagement was called off, not the date of the event it is placed after; and a relative day quoted from a dated
saying counts from that day. Sentences made up for these tests (published Tuesday 6 September 2022)."""

from datetime import date

from test_engagements import extract

INDIA, JAPAN = ("India", "COUNTRY", "IND"), ("Japan", "COUNTRY", "JPN")
NORWAY, KENYA = ("Norway", "COUNTRY", "NOR"), ("Kenya", "COUNTRY", "KEN")
CHILE, PORTUGAL = ("Chile", "COUNTRY", "CHL"), ("Portugal", "COUNTRY", "PRT")


def dated(rows) -> list[tuple[str, str, date | None]]:
    return sorted((r["engagement_type"], r["status"], r["start_date"]) for r in rows.to_dicts())


def test_the_date_of_a_post_announcing_a_visit_is_not_the_visit_date():
    rows = extract(
        [
            "In a post on X on September 2, Japan's prime minister announced that he would be visiting India soon."
        ],
        [INDIA, JAPAN],
    )
    assert dated(rows) == [("visit", "planned", None)]


def test_a_date_opening_the_reported_clause_dates_the_engagement():
    rows = extract(
        [
            "The ministry said in its statement that on Friday, September 9, Japan's prime minister will fly to India."
        ],
        [INDIA, JAPAN],
    )
    assert dated(rows) == [("visit", "planned", date(2022, 9, 9))]


def test_the_event_an_engagement_is_placed_after_lends_it_no_date():
    rows = extract(
        [
            "Norway's foreign minister is due to travel to Kenya after the IGAD summit, which takes place in "
            "Djibouti from November 21 to 22."
        ],
        [NORWAY, KENYA],
    )
    assert [(r["engagement_type"], r["start_date"]) for r in rows.to_dicts()] == [("visit", None)]


def test_the_day_an_engagement_is_called_off_is_not_its_slot():
    rows = extract(
        ["Japan's foreign minister on Sunday postponed his upcoming official visit to India."], [INDIA, JAPAN]
    )
    assert dated(rows) == [("visit", "postponed", None)]


def test_a_relative_day_quoted_from_a_dated_statement_counts_from_the_day_it_was_said():
    rows = extract(
        [
            'The spokeswoman issued a statement on Monday: "We expect a bilateral meeting between Chile and '
            'Portugal to take place tomorrow."'
        ],
        [CHILE, PORTUGAL],
    )
    assert [(r["engagement_type"], r["start_date"]) for r in rows.to_dicts()] == [
        ("meeting", date(2022, 9, 6))
    ]


def test_a_date_printed_with_its_year_is_taken_whatever_the_tense_and_the_status_follows_it():
    rows = extract(
        [
            "Japan's prime minister and India's prime minister attended the annual summit meeting in Tokyo on "
            "September 22, 2022."
        ],
        [INDIA, JAPAN],
    )
    assert dated(rows) == [("meeting", "planned", date(2022, 9, 22))]


def test_a_date_told_before_the_event_an_engagement_is_placed_after_stays_the_engagement_date():
    rows = extract(
        ["Japan's prime minister will visit India in November after attending the G20 summit in Bali."],
        [INDIA, JAPAN],
    )
    assert dated(rows) == [("visit", "planned", date(2022, 11, 1))]


def test_the_date_closing_a_photo_caption_is_not_the_engagement_date():
    rows = extract(
        [
            "Japan's prime minister arrives for a rally in Osaka, Japan, September 2, 2022. | Photo: Reuters The "
            "Japanese prime minister had already scrapped a meeting with India's prime minister."
        ],
        [INDIA, JAPAN],
    )
    assert [(r["engagement_type"], r["start_date"]) for r in rows.to_dicts()] == [("meeting", None)]


def test_a_day_inside_the_month_the_engagement_stands_nearer_to_is_its_date():
    rows = extract(
        [
            "The presidents of Kenya and Norway held a telephone call, their third this month, on 3 September."
        ],
        [NORWAY, KENYA],
    )
    assert dated(rows) == [("call", "held", date(2022, 9, 3))]


def test_a_day_outside_the_nearer_month_leaves_the_month():
    rows = extract(
        ["Japan's prime minister will visit India next month, after the party congress on 2 September."],
        [INDIA, JAPAN],
    )
    assert dated(rows) == [("visit", "planned", date(2022, 10, 1))]


def test_the_year_a_stretch_of_time_starts_from_is_no_engagement_date():
    rows = extract(
        ["The foreign ministers of India and Japan have met three times since 2019."],
        [INDIA, JAPAN],
        published=None,
    )
    assert [(r["engagement_type"], r["start_date"]) for r in rows.to_dicts()] == [("meeting", None)]


def test_meetings_held_over_the_last_days_start_that_many_days_back():
    rows = extract(
        ["The foreign ministers of Chile and Portugal described their meetings, held over the last three days, as useful."],
        [CHILE, PORTUGAL],
    )
    assert dated(rows) == [("meeting", "held", date(2022, 9, 4))]


def test_an_exercise_told_by_its_length_and_its_last_day_starts_before_the_report():
    rows = extract(
        [
            "The commander said the nine-day exercise of India and Japan, which runs until September 12, is aimed "
            "at strengthening joint training."
        ],
        [INDIA, JAPAN],
    )
    assert [(r["engagement_type"], r["start_date"]) for r in rows.to_dicts()] == [("exercise", date(2022, 9, 4))]


def test_the_day_a_document_was_signed_is_its_date_when_a_verb_of_saying_follows():
    rows = extract(
        [
            '"Both leaders reaffirmed the warm relations between India and Japan", the joint communique signed '
            "Friday, September 2 stated."
        ],
        [INDIA, JAPAN],
    )
    assert dated(rows) == [("agreement", "held", date(2022, 9, 2))]


def test_a_date_told_with_its_own_word_of_planning_is_taken_whatever_the_main_verb_says():
    rows = extract(
        [
            "The Joint Commission meeting between Norway and Kenya, scheduled for September 27 in Nairobi, is "
            "anticipated to widen cooperation on fisheries and ports."
        ],
        [NORWAY, KENYA],
    )
    assert dated(rows) == [("meeting", "planned", date(2022, 9, 27))]


def test_the_day_a_visit_under_way_began_since_is_its_date():
    rows = extract(
        ["Japan's prime minister has been in India since Sunday on an official visit."], [INDIA, JAPAN]
    )
    assert dated(rows) == [("visit", "held", date(2022, 9, 4))]


def test_the_year_of_the_last_visit_before_a_plan_is_not_the_plan_slot():
    rows = extract(
        ["Japan's foreign minister will be the first Japanese minister to visit India since 2003."],
        [INDIA, JAPAN],
        published=None,
    )
    assert [(r["engagement_type"], r["start_date"]) for r in rows.to_dicts()] == [("visit", None)]
