"""When a cancelled visit, a saying at a press conference, sideline talks and a visit told by its last day happened
(annotation guide, "Dates"), one class per test, on sentences and articles we write ourselves."""

from datetime import date

import polars as pl

from pipeline.fusion import fuse_engagements
from tests.test_engagements import extract

FRIDAY = date(2023, 7, 28)
MONDAY = date(2024, 8, 19)
GHANA, CHINA = ("Ghana", "COUNTRY", "GHA"), ("China", "COUNTRY", "CHN")
KENYA, PERU = ("Kenya", "COUNTRY", "KEN"), ("Peru", "COUNTRY", "PER")


def dates(rows, kind: str) -> list[tuple[int, str, date | None, str | None]]:
    return sorted(
        (r["sentence_index"], r["status"], r["start_date"], r["date_precision"])
        for r in rows.to_dicts()
        if r["engagement_type"] == kind
    )


def test_a_visit_cancelled_for_this_weekend_keeps_the_coming_weekend():
    """The participle of calling off is no past-tense cue: the record keeps the slot, the weekend to come."""
    rows = extract(
        ["Ghana's President Mensah has cancelled his trip to China this weekend owing to a knee injury."],
        [GHANA, CHINA, ("Mensah", "PERSON", "GHA")],
        published=FRIDAY,
    )
    assert dates(rows, "visit") == [(0, "cancelled", date(2023, 7, 29), "day")]


def test_the_day_of_a_press_conference_dates_the_saying_not_the_visit():
    """"Told reporters at a weekly briefing on August 13 that she would not host him": the day of the message."""
    rows = extract(
        [
            "Kenya's President Otieno had planned a visit to Peru for a forum on August 24.",
            "Peru's President Quispe told reporters at a weekly briefing on August 13 that she would not host "
            "Otieno once the visit was announced.",
        ],
        [KENYA, PERU, ("Otieno", "PERSON", "KEN"), ("Quispe", "PERSON", "PER")],
        published=MONDAY,
    )
    assert all(start != date(2024, 8, 13) for _, _, start, _ in dates(rows, "visit"))


def test_sidelines_told_without_the_gatherings_name_take_the_month_of_the_gathering_the_article_dates():
    """"Sideline meets", "on the sidelines": the sidelines of the gathering the article dates elsewhere; the
    gathering, which has no status of its own, dates forward by the tense cue of its clause ("would"), however far
    before the date."""
    rows = extract(
        [
            "President Mensah of Ghana is in Lima to attend the African Union summit.",
            "His office said Mensah will have sideline meets with President Ruto of Kenya.",
            "He would then take part in the African Union heads of state and government summit on 30 January.",
        ],
        [GHANA, KENYA, ("Lima", "LOCATION", "PER"), ("Mensah", "PERSON", "GHA"), ("Ruto", "PERSON", "KEN")],
        published=date(2017, 1, 29),
    )
    assert dates(rows, "meeting") == [(1, "planned", date(2017, 1, 1), "month")]


def test_a_visit_told_only_by_the_day_it_ended_takes_its_month_and_yields_to_the_first_day_told():
    """"On January 4 concluded a visit": the visit began on a day the sentence does not give; a later sentence's
    range gives it ("the trip from January 2-4"), and the fused visit starts that day."""
    sentences = [
        "Ghana's President Mensah on January 4 concluded a visit to Togo at the invitation of President Eyadema.",
        "During the trip from January 2-4, the two presidents co-chaired the joint commission.",
    ]
    entities = [GHANA, ("Togo", "COUNTRY", "TGO"), ("Mensah", "PERSON", "GHA"), ("Eyadema", "PERSON", "TGO")]
    rows = extract(sentences, entities, published=date(2020, 1, 4))
    assert (0, "held", date(2020, 1, 1), "month") in dates(rows, "visit")
    (visit,) = fuse_engagements(rows)[0].filter(pl.col("engagement_type") == "visit").to_dicts()
    assert (visit["start_date"], visit["date_precision"]) == (date(2020, 1, 2), "day")


def test_a_press_conference_that_opens_the_sentence_still_dates_what_was_signed():
    rows = extract(
        ["At a joint press conference on Monday, the presidents of Ghana and Togo said they had signed a defence pact."],
        [GHANA, ("Togo", "COUNTRY", "TGO")],
        published=date(2022, 9, 14),
    )
    assert dates(rows, "agreement") == [(0, "held", date(2022, 9, 12), "day")]


def test_the_day_a_visit_was_called_off_is_not_its_slot():
    """"Which was cancelled on Monday": the date right after the participle of calling off is the decision's."""
    rows = extract(
        ["The visit of Ghana's president to Togo, which was cancelled on Monday, had been set for next month."],
        [GHANA, ("Togo", "COUNTRY", "TGO")],
        published=date(2022, 9, 14),
    )
    assert all(start not in (date(2022, 9, 12), date(2022, 9, 19)) for _, _, start, _ in dates(rows, "visit"))
