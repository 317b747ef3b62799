"""Pairs found with the wrong type or only one of two records (issue 22): one written example per class."""

from datetime import date

from test_engagements import extract

PUBLISHED = date(2023, 2, 15)


def kinds(sentences, entities, people=()):
    frame = extract(sentences, entities, people, published=PUBLISHED)
    return {
        ((r["country_a"], r["country_b"]), r["engagement_type"], r["status"])
        for r in frame.iter_rows(named=True)
    }


def test_a_guest_received_officially_at_state_house_makes_a_visit_and_its_talks_a_meeting():
    found = kinds(
        [
            "The Ghanaian president Kofi Boateng will be received officially at State House, Lusaka, on Wednesday, "
            "where he will hold talks with President Mwila Banda."
        ],
        [
            ("Ghanaian", "COUNTRY", "GHA"),
            ("Kofi Boateng", "PERSON", "GHA"),
            ("Mwila Banda", "PERSON", "ZMB"),
            ("Lusaka", "LOCATION", "ZMB"),
        ],
    )
    assert {kind for _, kind, _ in found} >= {"visit", "meeting"}
    assert ((("GHA", "ZMB"), "visit", "planned")) in found


def test_a_received_proposal_is_no_visit():
    found = kinds(
        ["The Ghanaian proposal was received in Lusaka with interest, officials in Zambia said."],
        [("Ghanaian", "COUNTRY", "GHA"), ("Lusaka", "LOCATION", "ZMB"), ("Zambia", "COUNTRY", "ZMB")],
    )
    assert not any(kind == "visit" for _, kind, _ in found)


def test_the_two_presidents_tackling_topics_during_a_visit_hold_a_meeting():
    found = kinds(
        [
            "The Ghanaian president will pay an official visit to Lusaka on Tuesday.",
            "The two presidents will tackle practical matters such as Zambia's help for Ghanaian traders.",
        ],
        [("Ghanaian", "COUNTRY", "GHA"), ("Lusaka", "LOCATION", "ZMB"), ("Zambia", "COUNTRY", "ZMB")],
    )
    assert (("GHA", "ZMB"), "visit", "planned") in found
    assert (("GHA", "ZMB"), "meeting", "planned") in found
