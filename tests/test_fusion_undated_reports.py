"""An undated report of an engagement another story dates (an article with no date line and no year, or a generic
"talks" beside another outlet's named format) joins that engagement when both name the same people and it is the
only one that fits; anything less certain stays a row of its own. Mentions made up for these tests."""

from datetime import date, timedelta

import pytest
from test_fusion import fuse, mention

ALBANESE, MANELE = ("albanese", "Prime Minister", "AUS"), ("manele", "Prime Minister", "SLB")
MARLES = ("marles", "Deputy Prime Minister", "AUS")
PAIR = ("AUS", "SLB")
DAY = date(2024, 6, 26)


def undated(**fields):
    """A mention of an article with no date line: its publication date is unknown."""
    return mention(**fields) | {"published_date": None}


def sources(engagements):
    return sorted(engagements["source_count"].to_list())


def test_an_undated_article_naming_the_same_leaders_joins_their_dated_meeting():
    engagements, _, evidence = fuse(
        mention("dated", status="held", start=DAY, people=[ALBANESE, MANELE], pair=PAIR),
        undated(article="undated", status="held", people=[ALBANESE, MANELE], pair=PAIR),
    )
    assert sources(engagements) == [2]
    assert engagements["start_date"].to_list() == [DAY]
    assert sorted(evidence["article_id"]) == ["dated", "undated"]


def test_the_people_may_be_named_in_another_sentence_of_each_story():
    """ "Albanese welcomed Manele to Canberra. ... The meeting ...": the story names the people, not the reference."""
    engagements, _, _ = fuse(
        mention("dated", type_="visit", status="held", start=DAY, people=[ALBANESE, MANELE], pair=PAIR),
        mention("dated", sentence=1, status="held", start=DAY, pair=PAIR),
        undated(article="undated", sentence=0, type_="visit", status="held", people=[MANELE], pair=PAIR),
        undated(article="undated", sentence=1, status="held", pair=PAIR),
    )
    assert sources(engagements) == [2, 2]


def test_an_undated_report_sharing_only_the_host_is_another_visit():
    """The Kenyan president receives many visitors: the Ethiopian prime minister's trip is not the Ethiopian
    president's."""
    kenyatta, sahle, abiy = (
        ("kenyatta", "President", "KEN"),
        ("sahle", "President", "ETH"),
        ("abiy", "PM", "ETH"),
    )
    engagements, _, _ = fuse(
        mention(
            "dated", type_="visit", status="held", start=DAY, people=[sahle, kenyatta], pair=("ETH", "KEN")
        ),
        undated(
            article="undated", type_="visit", status="planned", people=[abiy, kenyatta], pair=("ETH", "KEN")
        ),
    )
    assert sources(engagements) == [1, 1]


def test_an_undated_report_that_fits_two_dated_meetings_joins_neither():
    engagements, _, _ = fuse(
        mention("march", status="held", start=date(2024, 3, 4), people=[ALBANESE, MANELE], pair=PAIR),
        mention("june", status="held", start=DAY, people=[ALBANESE, MANELE], pair=PAIR),
        undated(article="undated", status="held", people=[ALBANESE, MANELE], pair=PAIR),
    )
    assert sources(engagements) == [1, 1, 1]
    assert engagements["start_date"].null_count() == 1


def test_a_meeting_dated_by_its_year_alone_takes_no_undated_report():
    """ "They met at the Commonwealth summit last year" is a meeting named in passing, not the one an undated
    report of talks at State House tells."""
    engagements, _, _ = fuse(
        mention(
            "dated",
            status="held",
            start=date(2023, 1, 1),
            precision="year",
            people=[ALBANESE, MANELE],
            pair=PAIR,
        ),
        undated(article="undated", status="held", people=[ALBANESE, MANELE], pair=PAIR),
    )
    assert sources(engagements) == [1, 1]


def test_a_visit_the_other_way_is_not_the_dated_visit():
    """The Australian deputy prime minister's trip to Honiara is not the Solomon Islands prime minister's trip to
    Canberra, though both stories name them."""
    engagements, _, _ = fuse(
        mention(
            "dated",
            type_="visit",
            status="held",
            start=DAY,
            people=[MANELE, MARLES],
            pair=PAIR,
            initiator="SLB",
        ),
        undated(
            article="undated",
            type_="visit",
            status="held",
            people=[MARLES, MANELE],
            pair=PAIR,
            initiator="AUS",
        ),
    )
    assert sources(engagements) == [1, 1]


def test_a_called_off_report_does_not_join_a_meeting_that_was_held():
    engagements, _, _ = fuse(
        mention("dated", status="held", start=DAY, people=[ALBANESE, MANELE], pair=PAIR),
        undated(article="undated", status="cancelled", people=[ALBANESE, MANELE], pair=PAIR),
    )
    assert sorted(engagements["status"]) == ["cancelled", "held"]


def test_a_dated_article_s_generic_talks_join_another_outlet_s_named_format_of_the_same_leaders():
    """One outlet names the format ("the annual leaders' summit"), another the next day only "bilateral
    discussions" with the same prime ministers: one engagement, though the two formats are not one family."""
    holness, rowley = ("holness", "Prime Minister", "JAM"), ("rowley", "Prime Minister", "TTO")
    first = mention(
        "first",
        fmt="annual leaders' summit",
        status="held",
        start=date(2022, 9, 5),
        people=[holness, rowley],
        pair=("JAM", "TTO"),
    )
    engagements, _, _ = fuse(
        first,
        mention("next", status="held", people=[holness, rowley], pair=("JAM", "TTO")),  # published 2022-09-06
    )
    assert sources(engagements) == [2]


def test_a_report_far_from_the_dated_meeting_stays_apart():
    """A dated article's undated talks join another story's engagement only within a month of its publication."""
    engagements, _, _ = fuse(
        mention(
            "dated",
            fmt="annual summit",
            status="held",
            start=date(2022, 3, 1),
            people=[ALBANESE, MANELE],
            pair=PAIR,
        ),
        mention("later", status="held", people=[ALBANESE, MANELE], pair=PAIR),  # published 2022-09-06
    )
    assert sources(engagements) == [1, 1]


@pytest.mark.parametrize(
    ("offset", "joined"),
    [(-31, False), (-30, True), (-1, True), (0, True), (17, True), (29, True), (30, True), (31, False)],
)
def test_a_dated_article_s_report_joins_within_a_month_either_side(offset, joined):
    """Whatever the calendar periods the two dates fall in, the window is a month either way."""
    holness, rowley = ("holness", "Prime Minister", "JAM"), ("rowley", "Prime Minister", "TTO")
    summit = date(2022, 9, 5)
    engagements, _, _ = fuse(
        mention(
            "first",
            fmt="annual summit",
            status="held",
            start=summit,
            people=[holness, rowley],
            pair=("JAM", "TTO"),
        ),
        mention("next", status="proposed", people=[holness], pair=("JAM", "TTO"))
        | {"published_date": summit + timedelta(days=offset)},
    )
    assert sources(engagements) == ([2] if joined else [1, 1])
