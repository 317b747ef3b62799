"""An agreement named as the one whose anniversary a report marks was signed that many years before the report.
Sentences made up for these tests."""

from datetime import date

from test_engagements import extract

KENYA, GHANA = ("Kenya", "COUNTRY", "KEN"), ("Ghana", "COUNTRY", "GHA")
PEOPLE = [("Ruto", "ruto", "KEN", "President"), ("Mahama", "mahama", "GHA", "President")]
PUBLISHED = date(2022, 8, 11)


def agreements(rows) -> list[tuple[date | None, str | None]]:
    return [
        (r["start_date"], r["date_precision"]) for r in rows.to_dicts() if r["engagement_type"] == "agreement"
    ]


def test_the_treaty_whose_fortieth_anniversary_is_marked_dates_forty_years_back():
    rows = extract(
        ["Kenya and Ghana are marking the 40th anniversary of their Treaty of Friendship and Trade."],
        [KENYA, GHANA],
        PEOPLE,
        published=PUBLISHED,
    )
    assert agreements(rows) == [(date(1982, 1, 1), "year")]


def test_an_agreement_signed_at_an_anniversary_ceremony_keeps_the_days_date():
    rows = extract(
        ["On the 40th anniversary of independence, Kenya and Ghana signed a trade agreement on Tuesday."],
        [KENYA, GHANA],
        PEOPLE,
        published=PUBLISHED,
    )
    assert agreements(rows) == [(date(2022, 8, 9), "day")]


def test_an_anniversary_told_in_words_and_since_the_signing_dates_the_signing_back():
    rows = extract(
        ["Kenya and Ghana mark the tenth anniversary since the signing of their Strategic Partnership."],
        [KENYA, GHANA],
        PEOPLE,
        published=PUBLISHED,
    )
    assert agreements(rows) == [(date(2012, 1, 1), "year")]


def test_an_anniversary_of_relations_dates_no_signing_that_marks_it():
    rows = extract(
        ["Kenya and Ghana marked the twentieth anniversary of bilateral relations by signing a trade accord on Tuesday."],
        [KENYA, GHANA],
        PEOPLE,
        published=PUBLISHED,
    )
    assert agreements(rows) == [(date(2022, 8, 9), "day")]
