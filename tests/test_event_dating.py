"""Event dating on the phrasings of real news, one class per test: our own sentences and short articles."""

from datetime import date

import pytest

from pipeline.dates import find_date_spans, is_dateline, publication_date_in_text, resolve_date
from pipeline.ingest import date_stated_in_text
from tests.test_engagements import extract

THURSDAY = date(2024, 1, 25)
SATURDAY = date(2024, 1, 27)


@pytest.mark.parametrize(
    ("text", "future", "published", "day"),
    [
        ("The two ministers met on Saturday in Accra.", False, THURSDAY, date(2024, 1, 20)),
        ("The two ministers will meet on Saturday in Accra.", True, THURSDAY, date(2024, 1, 27)),
        ("Ghana's president held a meeting this Saturday in Lomé.", False, SATURDAY, SATURDAY),
    ],
)
def test_weekday_by_tense(text, future, published, day):
    assert resolve_date(text, published, future)[:2] == (day, day)


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("called his counterpart late last night", date(2024, 1, 24)),
        ("called his counterpart last night", date(2024, 1, 24)),
        ("met yesterday", date(2024, 1, 24)),
        ("will meet tonight", THURSDAY),
        ("met this morning", THURSDAY),
        ("will sign today", THURSDAY),
    ],
)
def test_relative_days(phrase, day):
    assert resolve_date(phrase, THURSDAY, "will" in phrase) == (day, day, "day")


@pytest.mark.parametrize(
    ("phrase", "future", "expected"),
    [
        ("met last month", False, (date(2023, 12, 1), date(2023, 12, 31), "month")),
        ("will meet next month", True, (date(2024, 2, 1), date(2024, 2, 29), "month")),
        ("met earlier this year", False, (date(2024, 1, 1), date(2024, 12, 31), "year")),
        ("will meet later this month", True, (date(2024, 1, 1), date(2024, 1, 31), "month")),
        ("met last year", False, (date(2023, 1, 1), date(2023, 12, 31), "year")),
        ("will meet next week", True, (date(2024, 1, 1), date(2024, 12, 31), "year")),
        ("met last week", False, (date(2024, 1, 1), date(2024, 1, 31), "month")),
    ],
)
def test_periods_keep_only_their_own_precision(phrase, future, expected):
    assert resolve_date(phrase, THURSDAY, future) == expected


def test_month_without_year_takes_the_year_of_the_tense():
    january = date(2024, 1, 10)
    assert resolve_date("they will meet in July", january, True)[:3] == (
        date(2024, 7, 1),
        date(2024, 7, 31),
        "month",
    )
    assert resolve_date("they met in November", january, False)[0] == date(2023, 11, 1)


def test_tense_cue_next_to_the_date_wins_over_the_sentence_tense():
    sentence = "The minister pledged the loan during talks in Seoul on Friday and will come back next month."
    assert resolve_date(sentence, date(2024, 1, 23), future=True)[0] == date(2024, 1, 19)
    sentence = "The minister, who arrived on Monday, will meet the king on Friday."
    spans = find_date_spans(sentence, date(2024, 1, 24), future=True)
    assert [s.start for s in spans] == [date(2024, 1, 22), date(2024, 1, 26)]


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("the leaders met yesterday (14)", date(2024, 1, 14)),
        ("the leaders met on Friday, January 19", date(2024, 1, 19)),
        ("the leaders met on Wednesday (January 17)", date(2024, 1, 17)),
        ("the leaders met on Tuesday, 16 January", date(2024, 1, 16)),
    ],
)
def test_an_explicit_date_beats_arithmetic(phrase, day):
    (span,) = find_date_spans(phrase, THURSDAY, False)
    assert (span.start, span.end) == (day, day)


def test_ranges_durations_and_an_until_end():
    assert resolve_date("will visit from March 16 to 20", THURSDAY, True)[:2] == (
        date(2024, 3, 16),
        date(2024, 3, 20),
    )
    assert resolve_date("held talks on November 14-19", THURSDAY, False)[:2] == (
        date(2023, 11, 14),
        date(2023, 11, 19),
    )
    assert resolve_date("a two-day visit from Monday", THURSDAY, True)[:2] == (
        date(2024, 1, 29),
        date(2024, 1, 30),
    )
    assert resolve_date("a 48-hour visit starting Monday", THURSDAY, True)[:2] == (
        date(2024, 1, 29),
        date(2024, 1, 30),
    )
    sentence = (
        "The president arrived on Tuesday night in the capital on a visit that will last until January 26."
    )
    assert resolve_date(sentence, THURSDAY, True) == (date(2024, 1, 23), date(2024, 1, 26), "day")


def test_without_a_publication_date_only_dates_with_their_year_resolve():
    assert resolve_date("will visit Tunisia on April 9 and 10, 2025", None, True)[:2] == (
        date(2025, 4, 9),
        date(2025, 4, 10),
    )
    assert resolve_date("last visited Egypt in 2011", None)[2] == "year"
    assert resolve_date("will visit Tunisia on April 9", None, True) == (None, None, None)
    assert resolve_date("met on Monday", None) == (None, None, None)


def test_a_dateline_is_not_the_date_of_the_event():
    sentence = "LIMA, Nov 3 - The president cancelled his visit to Quito planned for December 2."
    spans = find_date_spans(sentence, date(2023, 11, 3), True)
    assert [is_dateline(sentence, s) for s in spans] == [True, False]
    assert not is_dateline(
        "They met in Lima, March 3 - a warm day.",
        find_date_spans("They met in Lima, March 3 - a warm day.", THURSDAY)[0],
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Quito, March 15 (EFE): The minister will visit Lima from March 16-20, 2025.", date(2025, 3, 15)),
        ("Talks in Lima\nPublished: 09 Mar. 2023, 18:16\nThe ministers met.", date(2023, 3, 9)),
        ("Today: November 17, 2024\nJanuary 7, 2023\nThe presidents met in Quito.", date(2023, 1, 7)),
        (
            "Last update: March 29, 2024 01:04\nTitle\nBy A Writer December 25, 2022\nText.",
            date(2022, 12, 25),
        ),
        ("Title\n\n5 giugno 2024\n\nThe prime minister travelled to Tirana today.", date(2024, 6, 5)),
        ("POLITICS 16:54 / 21.12.2022\nThe president arrived in Tashkent.", date(2022, 12, 21)),
        ("Title\nSat, 28-Jun-2025\nThe two signed an agreement on Friday.", date(2025, 6, 28)),
        (
            "Live page\n" + "Summary line. " * 40 + "\nleaders meetpublished at 14:26 GMT 10 March 2023\n",
            date(2023, 3, 10),
        ),
    ],
)
def test_publication_date_printed_in_the_text(text, day):
    assert publication_date_in_text(text) == day
    assert date_stated_in_text(text).value == day


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("4/2/2021 10:15:44 PM", date(2021, 4, 2)),
        ("4/2/2021, 9:05 a.m.", date(2021, 4, 2)),
        ("4/2/2021 10:15", None),
    ],
)
def test_a_slashed_stamp_with_an_am_pm_clock_is_month_first(stamp, day):
    text = f"World\n\nLaos, Thailand hold talks\n\n{stamp}\nThe two prime ministers held talks on April 1."
    assert publication_date_in_text(text) == day


MENU = "Home\n" + "Markets | World | Business | Sport | Culture\n" * 12


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("June 14, 2018 / 9:40 AM / 3 months ago", date(2018, 6, 14)),
        ("4 May 2021 14:05 GMT", date(2021, 5, 4)),
        ("Last updated June 14, 2018 9:40 AM", None),
        ("Ministers met in Rome on June 14, 2018 at 9:40 AM.", None),
    ],
)
def test_a_timestamp_alone_on_its_line_below_the_menus_is_the_publication_date(line, day):
    text = f"{MENU}{line}\n\nMalta postpones minister's trip to Tunisia\nThe trip planned this month is off."
    assert publication_date_in_text(text) == day


def test_no_date_line_and_no_year_leaves_the_date_unknown():
    assert publication_date_in_text("Nairobi, March 4 - Kenya and Ethiopia spoke by phone on Monday.") is None


INDIA, JAPAN = ("India", "COUNTRY", "IND"), ("Japan", "COUNTRY", "JPN")


def test_an_engagement_under_way_on_the_publication_day_is_held():
    (row,) = extract(
        [
            "Japan's prime minister arrived in India on Monday for a visit that will last until Thursday, September 8."
        ],
        [INDIA, JAPAN],
    ).to_dicts()
    assert (row["status"], row["start_date"], row["end_date"]) == ("held", date(2022, 9, 5), date(2022, 9, 8))


def test_the_date_of_taking_office_is_not_the_engagement_date():
    (row,) = extract(
        ["Japan's prime minister, who took office in August, travelled to India on Monday."], [INDIA, JAPAN]
    ).to_dicts()
    assert row["start_date"] == date(2022, 9, 5)


@pytest.mark.parametrize(
    "clause",
    [
        "who became prime minister on August 26",
        "who took over as prime minister on August 26",
        "who took the oath of office on August 26",
        "who assumed the premiership on August 26",
    ],
)
def test_the_date_of_becoming_leader_is_not_the_engagement_date(clause):
    (row,) = extract([f"Japan's prime minister, {clause}, signed agreements with India on Monday."], [INDIA, JAPAN]).to_dicts()
    assert row["start_date"] == date(2022, 9, 5)


@pytest.mark.parametrize(
    "clause",
    [
        "his first visit abroad since assuming office in July last year",
        "his first trip abroad since taking office in July last year",
        "his first visit since coming to power in July last year",
    ],
)
def test_the_date_of_taking_office_in_any_form_of_its_verb_is_not_the_visit_date(clause):
    rows = extract([f"Japan's prime minister is visiting India, {clause}."], [INDIA, JAPAN]).to_dicts()
    # the report's time (its lede), never the July of the taking of office
    assert [(r["engagement_type"], r["start_date"].replace(day=1)) for r in rows] == [("visit", date(2022, 9, 1))]


def test_an_article_without_publication_date_keeps_dates_that_print_their_year():
    rows = extract(["India and Japan will hold talks on April 9, 2025 in Tokyo."], [INDIA, JAPAN], published=None)
    assert {(r["start_date"], r["date_precision"]) for r in rows.to_dicts()} == {(date(2025, 4, 9), "day")}


@pytest.mark.parametrize(
    ("phrase", "month"),
    [
        ("a state visit planned for the end of July in Lima", date(2024, 7, 1)),
        ("talks to be held at the beginning of March", date(2024, 3, 1)),
        ("the leaders will meet at the start of February", date(2024, 2, 1)),
    ],
)
def test_the_end_or_beginning_of_a_month_gives_that_month(phrase, month):
    start, _, precision = resolve_date(phrase, THURSDAY, True)
    assert (start, precision) == (month, "month")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("we must delay the summit scheduled in two weeks", (date(2024, 2, 1), date(2024, 2, 29), "month")),
        ("the ministers will meet in three days", (date(2024, 1, 28), date(2024, 1, 28), "day")),
        ("the deal is expected to be signed within ten days' time", (date(2024, 2, 4), date(2024, 2, 4), "day")),
    ],
)
def test_in_a_count_of_days_or_weeks_counts_forward_from_publication(phrase, expected):
    assert resolve_date(phrase, THURSDAY, True) == expected


@pytest.mark.parametrize(
    "phrase",
    ["the two ministers met twice in two weeks", "the first talks in three weeks will be held in Accra"],
)
def test_in_a_count_of_weeks_said_of_the_past_or_of_recency_is_no_date(phrase):
    assert resolve_date(phrase, THURSDAY, "will" in phrase) == (None, None, None)


@pytest.mark.parametrize(
    "phrase",
    ["the agreement will be signed on Friday", "the talks would be formally opened on Friday"],
)
def test_a_passive_after_a_modal_points_forward(phrase):
    assert resolve_date(phrase, THURSDAY, False)[0] == date(2024, 1, 26)


FILLER = "The two sides discussed trade, energy and security at length. " * 10


@pytest.mark.parametrize(
    ("footer", "day"),
    [
        ("Sat, 28-Jun-2025", date(2025, 6, 28)),
        ("Published: 10/27/2021", date(2021, 10, 27)),
        ("Example News\n\nDecember 22, 2022", date(2022, 12, 22)),
        ("The deal was signed on March 3, 2021 in Lima.", None),
        ("Last updated: March 3, 2021", None),
        ("Published: 03/04/2021", None),
    ],
)
def test_a_date_alone_on_the_last_lines_is_the_publication_date_when_the_top_gives_none(footer, day):
    assert publication_date_in_text(f"Talks in Lima\n\n{FILLER}\n{FILLER}\n{footer}\n") == day


def test_todays_visit_refers_back_to_the_visit_and_dates_it_to_the_publication_day():
    rows = extract(
        [
            "Laos' president thanked Thailand's prime minister for the warm welcome on his state visit to Thailand.",
            "“Today’s visit opens a new page in our relations,” the president said.",
        ],
        [("Laos", "COUNTRY", "LAO"), ("Thailand", "COUNTRY", "THA")],
        published=date(2024, 5, 8),
    ).to_dicts()
    today = [r for r in rows if r["sentence_index"] == 1]
    assert [(r["country_a"], r["country_b"], r["engagement_type"], r["status"]) for r in today] == [
        ("LAO", "THA", "visit", "held")
    ]
    assert (today[0]["start_date"], today[0]["date_precision"]) == (date(2024, 5, 8), "day")


def test_a_visit_planned_for_a_slot_and_postponed_keeps_the_slot_and_is_postponed():
    rows = extract(
        [
            '"We have had to postpone the minister\'s visit to Peru planned this month because of the floods," '
            "a spokesman for Chile's foreign ministry said."
        ],
        [("Peru", "COUNTRY", "PER"), ("Chile", "COUNTRY", "CHL")],
        published=date(2023, 3, 27),
    ).to_dicts()
    assert [(r["engagement_type"], r["status"], r["start_date"], r["date_precision"]) for r in rows] == [
        ("visit", "postponed", date(2023, 3, 1), "month")
    ]


def test_a_visit_made_for_a_swearing_in_takes_the_ceremony_date():
    (row,) = extract(
        ["Japan's prime minister had visited India for the president's swearing in on August 30."], [INDIA, JAPAN]
    ).to_dicts()
    assert (row["engagement_type"], row["start_date"]) == ("visit", date(2022, 8, 30))


@pytest.mark.parametrize(
    "sentence",
    [
        "Japan to cancel planned visit of its prime minister to India in March; the minister spoke to reporters on Friday.",
        "Japan to cancel planned visit of its prime minister to India in March. Kishida is seen at his office on Friday.",
    ],
)
def test_a_day_told_after_the_end_of_a_statement_is_no_closer_telling_of_its_month(sentence):
    rows = extract([sentence], [INDIA, JAPAN], published=date(2024, 3, 2)).to_dicts()
    assert [(r["engagement_type"], r["start_date"], r["date_precision"]) for r in rows] == [
        ("visit", date(2024, 3, 1), "month")
    ]


def test_a_day_within_the_month_told_in_the_same_statement_still_wins():
    rows = extract(
        ["Japan's prime minister will visit India in March, on Friday, March 8, his office said."],
        [INDIA, JAPAN],
        published=date(2024, 3, 2),
    ).to_dicts()
    assert [(r["start_date"], r["date_precision"]) for r in rows] == [(date(2024, 3, 8), "day")]


def test_a_day_printed_with_its_weekday_after_the_report_is_the_engagement_date_whatever_the_tense():
    # a programme told in the present in a report of Tuesday 10 October 2023
    rows = extract(
        ["Japan's prime minister arrives in India on Thursday, October 12, for a three-day state visit."],
        [INDIA, JAPAN],
        published=date(2023, 10, 10),
    ).to_dicts()
    assert [(r["status"], r["start_date"], r["end_date"]) for r in rows] == [
        ("planned", date(2023, 10, 12), date(2023, 10, 14))
    ]


def test_a_bare_day_after_the_report_in_a_past_tense_sentence_is_not_taken_against_the_tense():
    rows = extract(
        ["Japan's prime minister arrived in India on May 26 for a two-day official visit."],
        [INDIA, JAPAN],
        published=date(2017, 5, 25),
    ).to_dicts()
    assert [(r["status"], r["start_date"]) for r in rows] == [("held", date(2016, 5, 26))]
