"""Date expressions resolve against the publication date and the tense of their sentence."""

from datetime import date

from pipeline.dates import find_date_spans, resolve_date

TUESDAY = date(2022, 9, 6)


def test_from_weekday_in_future_is_the_next_such_day():
    assert resolve_date("they will arrive from Wednesday", TUESDAY, future=True) == (
        date(2022, 9, 7),
        None,
        "day",
    )


def test_duration_closes_an_open_start_and_is_flagged_implied():
    (span,) = find_date_spans("a three-day visit from Wednesday", TUESDAY, future=True)
    assert (span.start, span.end, span.end_implied) == (date(2022, 9, 7), date(2022, 9, 9), True)


def test_tomorrow_with_weekday_in_brackets_is_one_date():
    spans = find_date_spans("starting tomorrow (Wednesday).", TUESDAY, future=True)
    assert [(s.start, s.end) for s in spans] == [(date(2022, 9, 7), None)]


def test_day_range_in_brackets():
    assert resolve_date("during the visit (September 7-10)", TUESDAY, True) == (
        date(2022, 9, 7),
        date(2022, 9, 10),
        "day",
    )


def test_day_month_range():
    assert resolve_date("from 7 to 10 September", TUESDAY, True)[:2] == (date(2022, 9, 7), date(2022, 9, 10))


def test_yearless_date_points_back_in_past_tense_and_forward_in_future_tense():
    assert resolve_date("was held on April 11", TUESDAY, future=False)[0] == date(2022, 4, 11)
    assert resolve_date("will meet on April 11", TUESDAY, future=True)[0] == date(2023, 4, 11)


def test_full_dates_in_several_spellings():
    for text in ("November 30, 2019", "30 November 2019", "2019-11-30", "Nov. 30, 2019"):
        assert resolve_date(text, TUESDAY) == (date(2019, 11, 30), date(2019, 11, 30), "day"), text


def test_year_modifier_gives_year_precision():
    assert resolve_date("the 2008 Joint Declaration", TUESDAY) == (
        date(2008, 1, 1),
        date(2008, 12, 31),
        "year",
    )


def test_a_count_is_not_a_year():
    assert find_date_spans("some 2000 troops took part", TUESDAY) == []


def test_a_week_gives_only_the_precision_it_has():
    """The annotation guide: never invent precision. A week across two months gives its year, a week inside one
    month that month (it used to be the Monday..Sunday range at day precision)."""
    assert resolve_date("said last week", TUESDAY) == (date(2022, 1, 1), date(2022, 12, 31), "year")
    assert resolve_date("this week", TUESDAY, True) == (date(2022, 9, 1), date(2022, 9, 30), "month")


def test_next_month_has_month_precision():
    assert resolve_date("next month", TUESDAY, True) == (date(2022, 10, 1), date(2022, 10, 31), "month")


def test_weekday_follows_tense():
    assert resolve_date("on Monday", TUESDAY, future=False)[0] == date(2022, 9, 5)
    assert resolve_date("on Monday", TUESDAY, future=True)[0] == date(2022, 9, 12)


def test_weekday_of_publication_is_the_publication_day():
    assert resolve_date("on Tuesday", TUESDAY, future=True)[0] == TUESDAY
    assert resolve_date("on Tuesday", TUESDAY, future=False)[0] == TUESDAY


def test_relative_days_and_periods():
    assert resolve_date("yesterday", TUESDAY)[0] == date(2022, 9, 5)
    assert resolve_date("earlier this year", TUESDAY) == (date(2022, 1, 1), date(2022, 12, 31), "year")
    assert resolve_date("later this month", TUESDAY, True)[2] == "month"


def test_bare_month_follows_tense():
    assert resolve_date("in November", TUESDAY, future=True)[0] == date(2022, 11, 1)
    assert resolve_date("in December", TUESDAY, future=False)[0] == date(2021, 12, 1)


def test_no_date_gives_nothing():
    assert resolve_date("the ministers met", TUESDAY) == (None, None, None)


def test_a_month_with_last_this_or_next_year_is_that_month_of_that_year():
    """"In April last year" is April of the year before, one month-precise date (not April of this year beside
    a bare "last year"); "November next year" is next year's November whatever the tense."""
    assert resolve_date("the two leaders met in Hue in April last year", TUESDAY) == (
        date(2021, 4, 1),
        date(2021, 4, 30),
        "month",
    )
    assert resolve_date("a summit in November next year", TUESDAY) == (date(2023, 11, 1), date(2023, 11, 30), "month")
    assert resolve_date("talks held in July of this year", TUESDAY)[0] == date(2022, 7, 1)


def test_the_last_few_days_end_on_the_day_of_the_report_counted_with_it():
    assert resolve_date("meetings held over the last four days were a success", TUESDAY) == (
        date(2022, 9, 3),
        date(2022, 9, 6),
        "day",
    )
    assert resolve_date("the talks in the past three days", TUESDAY)[:2] == (date(2022, 9, 4), TUESDAY)


def test_a_long_count_of_past_days_is_a_length_of_time_not_a_date():
    assert resolve_date("trade grew over the last 90 days", TUESDAY) == (None, None, None)


def test_a_span_told_by_its_length_and_its_last_day_starts_that_many_days_before():
    (span,) = find_date_spans(
        "the admiral noted that the seven-day naval exercise, which runs until September 10, builds trust",
        TUESDAY,
    )
    assert (span.start, span.end, span.precision) == (date(2022, 9, 4), date(2022, 9, 10), "day")


def test_a_span_under_way_has_begun_by_the_day_of_the_report():
    (span,) = find_date_spans("the nine-day exercise, which runs until September 14, builds trust", TUESDAY)
    assert (span.start, span.end) == (TUESDAY, date(2022, 9, 14))


def test_a_span_under_way_ending_early_next_year_keeps_the_report_inside_it():
    published = date(2022, 12, 30)
    (span,) = find_date_spans("the five-day drill, which lasts until January 2, is the largest yet", published)
    assert (span.start, span.end) == (date(2022, 12, 29), date(2023, 1, 2))


def test_a_visit_of_some_days_that_ended_on_a_day_began_before_it():
    (span,) = find_date_spans("he was on a two-day working visit to Ghana which ended yesterday", TUESDAY)
    assert (span.start, span.end) == (date(2022, 9, 4), date(2022, 9, 5))
    (span,) = find_date_spans("the president concluded his three-day state visit on Sunday", TUESDAY)
    assert (span.start, span.end) == (date(2022, 9, 2), date(2022, 9, 4))


def test_a_weekend_is_its_saturday_and_sunday_the_last_one_in_the_past_the_next_one_ahead():
    assert resolve_date("the ministers met over the weekend", TUESDAY) == (date(2022, 9, 3), date(2022, 9, 4), "day")
    assert resolve_date("the leaders will meet this weekend", TUESDAY, future=True)[:2] == (
        date(2022, 9, 10),
        date(2022, 9, 11),
    )
    sunday = date(2022, 9, 11)
    assert resolve_date("they held talks at the weekend", sunday)[0] == date(2022, 9, 10)


def test_a_part_of_a_month_gives_the_month():
    assert resolve_date("the visit is planned for mid-October", TUESDAY, future=True) == (
        date(2022, 10, 1),
        date(2022, 10, 31),
        "month",
    )
    assert resolve_date("he will travel in the first week of October", TUESDAY, future=True)[2] == "month"
