"""A visit or exercise told as under way ("who is on a five-day visit to Seoul", "is visiting Fiji", "while
visiting Togo") began on a day the report does not give: the report's day (its lede, its dateline) or the day
of another engagement of the sentence is one day of it, so it takes their month (the guide: never invent
precision). A visit told as an event (an arrival, a beginning) keeps its day. And a dateline closed by the agency
in brackets alone ("Lima, Nov 24 (Andina) The president ...") is a dateline. Articles made up for these tests."""

from datetime import date

import pytest
from test_engagements import extract

from pipeline.dates import find_date_spans, is_dateline

GHANA, TOGO = ("Ghana", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO")
PUBLISHED = date(2022, 9, 14)


def dated(rows) -> list[tuple[str, date | None, str | None]]:
    return sorted((r["engagement_type"], r["start_date"], r["date_precision"]) for r in rows.to_dicts())


@pytest.mark.parametrize(
    "lede",
    [
        "Ghana's foreign minister, who is on a three-day official visit to Togo, praised the port reforms.",
        "Ghana's foreign minister is on his first official visit to Togo at the invitation of his counterpart.",
        "Ghana's foreign minister is in Togo for a working visit, his ministry said.",
        "Ghana's foreign minister praised the port reforms while visiting Togo, his ministry said.",
    ],
)
def test_a_visit_the_lede_tells_as_under_way_takes_the_report_month(lede):
    rows = extract([lede], [GHANA, TOGO], published=PUBLISHED)
    assert ("visit", date(2022, 9, 1), "month") in dated(rows)


def test_a_visit_the_lede_tells_as_an_arrival_keeps_the_report_day():
    rows = extract(["Ghana's foreign minister arrived in Togo on an official visit."], [GHANA, TOGO], published=PUBLISHED)
    assert dated(rows) == [("visit", PUBLISHED, "day")]


def test_the_attributive_visiting_names_the_visitor_and_keeps_the_report_day():
    rows = extract(
        ["In talks held in Lomé, the visiting Ghanaian foreign minister backed Togo's port plan."],
        [GHANA, TOGO, ("Ghanaian", "NORP", "GHA")],
        published=PUBLISHED,
    )
    assert ("visit", date(2022, 9, 1), "month") not in dated(rows)


def test_an_under_way_visit_takes_only_the_month_of_the_talks_day_it_borrows():
    rows = extract(
        ["Togo's president today signed a port agreement with Ghana's foreign minister, who is visiting the country."],
        [GHANA, TOGO],
        published=PUBLISHED,
    )
    assert dated(rows) == [("agreement", PUBLISHED, "day"), ("visit", date(2022, 9, 1), "month")]


def test_a_visit_under_way_under_a_dateline_takes_the_dateline_month():
    rows = extract(
        ["Accra, Sep 13 (GNA) Ghana's president is in Togo for a state visit, the presidency said."],
        [GHANA, TOGO],
        published=PUBLISHED,
    )
    assert dated(rows) == [("visit", date(2022, 9, 1), "month")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lima, Nov 24 (Andina) The president of Peru will travel to Quito on December 2.",
        "LIMA, Nov 24 (Andina): The president of Peru will travel to Quito on December 2.",
    ],
)
def test_a_dateline_closed_by_the_agency_in_brackets_is_a_dateline(sentence):
    spans = find_date_spans(sentence, date(2023, 11, 24), True)
    assert [is_dateline(sentence, s) for s in spans] == [True, False]


def test_a_date_in_brackets_mid_sentence_is_no_dateline():
    sentence = "The ministers met in Lima, Peru, on Nov 24 (Friday) The talks went well."
    spans = find_date_spans(sentence, date(2023, 11, 25))
    assert not any(is_dateline(sentence, s) for s in spans)


def test_a_one_day_visit_under_way_is_the_report_day():
    rows = extract(
        ["Ghana's foreign minister, who is on a one-day working visit to Togo, praised the port reforms."],
        [GHANA, TOGO],
        published=PUBLISHED,
    )
    assert ("visit", PUBLISHED, "day") in dated(rows)
