"""Issue 22, round 3: cooperation offers, multilateral deals that are no bilateral agreement, and past
engagements named in passing. Sentences written for these tests (made up, of the kinds seen in real news)."""

from datetime import date

import pytest
from test_engagements import extract

PUBLISHED = date(2023, 2, 15)
KENYA, ETHIOPIA = ("Kenya", "COUNTRY", "KEN"), ("Ethiopia", "COUNTRY", "ETH")
GHANA, PERU = ("Ghana", "COUNTRY", "GHA"), ("Peru", "COUNTRY", "PER")


def rows(sentences, entities, people=(), published=PUBLISHED):
    return extract(sentences, entities, people, published=published).to_dicts()


# --- cooperation offers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenya has offered to send patrol boats to Ethiopia.",
        "Kenya offered the assistance to Ethiopia, a Kenyan official said.",
        "Kenya will help fund a new training centre in Ethiopia.",
        "Kenya will contribute $50 million to Ethiopia over three years to curb smuggling.",
        "Kenya announced a new funding package for border police in Ethiopia.",
    ],
)
def test_an_offer_or_launch_of_help_is_cooperation(sentence):
    found = rows([sentence], [KENYA, ETHIOPIA, ("Kenyan", "COUNTRY", "KEN")])
    assert [(r["country_a"], r["country_b"], r["engagement_type"]) for r in found] == [
        ("ETH", "KEN", "cooperation")
    ]


def test_an_offer_made_at_a_meeting_is_an_offer_and_a_meeting():
    found = rows(
        [
            "Kenyan deputy minister Ama Mensah offered the assistance to Ethiopia at a meeting in Nairobi on Friday."
        ],
        [("Kenyan", "COUNTRY", "KEN"), ETHIOPIA, ("Nairobi", "LOCATION", "KEN")],
        people=[("Ama Mensah", "p1", "KEN", None)],
    )
    assert sorted(r["engagement_type"] for r in found) == ["cooperation", "meeting"]
    assert {r["start_date"] for r in found} == {date(2023, 2, 10)}


def test_an_undated_offer_told_in_the_present_is_dated_by_the_day_it_is_reported():
    (row,) = rows(
        ["Kenya will help fund a new training centre in Ethiopia, its president says."], [KENYA, ETHIOPIA]
    )
    assert (row["start_date"], row["date_precision"]) == (PUBLISHED, "day")


def test_an_undated_offer_told_in_the_past_stays_undated():
    (row,) = rows(["Kenya has offered to send patrol boats to Ethiopia, officials said."], [KENYA, ETHIOPIA])
    assert row["start_date"] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenya and Ethiopia pledged to deepen cooperation.",
        "Kenya and Ethiopia said ties have improved and cooperation will grow.",
    ],
)
def test_vague_relations_are_no_cooperation(sentence):
    assert rows([sentence], [KENYA, ETHIOPIA]) == []


# --- multilateral deals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru is among the 11 parties to the CPTPP, a pact concluded in Santiago, Chile, in 2018.",
        "Ghana and Peru are both members of the RCEP trade pact signed in 2020.",
        "Peru signed the CPTPP trade pact with Ghana and nine other countries.",
    ],
)
def test_a_trade_pact_of_many_members_named_with_two_of_them_is_no_bilateral_agreement(sentence):
    found = rows([sentence], [PERU, GHANA, ("Santiago", "LOCATION", "CHL"), ("Chile", "COUNTRY", "CHL")])
    assert [r for r in found if r["engagement_type"] == "agreement"] == []


def test_a_deal_signed_by_several_parties_is_no_bilateral_agreement():
    found = rows(
        [
            "The fertiliser accord signed in May by the UN, Ghana, Kenya and Peru will be on the agenda when "
            "the Ghanaian and Kenyan presidents hold talks."
        ],
        [
            ("UN", "ORGANIZATION", None),
            GHANA,
            KENYA,
            PERU,
            ("Ghanaian", "COUNTRY", "GHA"),
            ("Kenyan", "COUNTRY", "KEN"),
        ],
    )
    assert [r["engagement_type"] for r in found if r["engagement_type"] == "agreement"] == []


def test_a_deal_signed_by_two_stays_an_agreement():
    found = rows(["The grain deal signed in July by Ghana and Kenya took effect."], [GHANA, KENYA])
    assert [(r["country_a"], r["country_b"], r["engagement_type"]) for r in found] == [
        ("GHA", "KEN", "agreement")
    ]


# --- past engagements named in passing ------------------------------------------------------------------

PERUVIAN, KENYAN = ("Peruvian", "COUNTRY", "PER"), ("Kenyan", "COUNTRY", "KEN")


def test_an_undated_meeting_held_on_the_sidelines_of_the_reported_summit_takes_its_month():
    found = rows(
        [
            "The Kenyan and Ghanaian presidents met on Friday in Lima.",
            "On the sidelines of the summit, the Kenyan president earlier held talks with his Peruvian counterpart.",
        ],
        [KENYAN, ("Ghanaian", "COUNTRY", "GHA"), ("Lima", "LOCATION", "PER"), KENYAN, PERUVIAN],
        published=date(2022, 9, 16),
    )
    second = [r for r in found if r["sentence_index"] == 1]
    assert [(r["country_a"], r["country_b"], r["status"]) for r in second] == [("KEN", "PER", "held")]
    assert (second[0]["start_date"], second[0]["date_precision"]) == (date(2022, 9, 1), "month")


def test_a_meeting_planned_on_the_sidelines_of_the_summit_takes_no_month_of_its_own():
    (row,) = rows(
        ["The Kenyan president will hold talks with his Peruvian counterpart on the sidelines of the summit."],
        [KENYAN, PERUVIAN],
        published=date(2022, 9, 16),
    )
    assert row["start_date"] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kenyan president had been scheduled to visit Peru in April but stayed home.",
        "The Kenyan president had planned to visit Peru in April, but the trip never happened.",
    ],
)
def test_a_trip_that_had_been_planned_is_dated_in_the_past(sentence):
    (row,) = rows([sentence], [KENYAN, ("Peru", "COUNTRY", "PER")])
    assert (row["start_date"], row["date_precision"]) == (date(2022, 4, 1), "month")
    assert row["status"] != "planned"


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("The last time the Kenyan president interacted with his Peruvian counterpart was in 2019.", 2019),
        ("The Kenyan and Peruvian leaders last met in 2019 in Lima.", 2019),
        ("It is the Kenyan president's first visit to Peru since 2016, when he toured the north.", 2016),
    ],
)
def test_a_past_engagement_named_in_passing_is_held_with_its_own_year(sentence, when):
    found = rows([sentence], [KENYAN, PERUVIAN, ("Peru", "COUNTRY", "PER"), ("Lima", "LOCATION", "PER")])
    assert [(r["status"], r["start_date"], r["date_precision"]) for r in found] == [
        ("held", date(when, 1, 1), "year")
    ]
