"""Pairs the pipeline never found: one written example per class of phrasing that hid a pair, and the sentences
the rules must leave alone. The articles are our own."""

from datetime import date

from test_engagements import extract

PUBLISHED = date(2024, 5, 10)
KENYAN, UGANDAN, TANZANIAN = ("Kenyan", "COUNTRY", "KEN"), ("Ugandan", "COUNTRY", "UGA"), ("Tanzanian", "COUNTRY", "TZA")
PEOPLE = [
    ("Daniel Oduya", "p1", "KEN", "president"),
    ("Ruth Kagame", "p2", "UGA", "president"),
    ("Amani Mrema", "p3", "TZA", "prime minister"),
]


def pair_types(sentences, entities=(KENYAN, UGANDAN, TANZANIAN), people=PEOPLE):
    frame = extract(sentences, list(entities), people, published=PUBLISHED)
    return {((r["country_a"], r["country_b"]), r["engagement_type"]) for r in frame.iter_rows(named=True)}


# --- the objects of "met" are each a counterpart, as those of "met with" are --------------------------------


def test_the_leaders_met_without_a_preposition_are_each_a_meeting():
    found = pair_types(
        ["Earlier in the day, Oduya met Ugandan President Ruth Kagame and Tanzanian Prime Minister Amani Mrema."],
        people=[("Oduya", "p1", "KEN", "president"), *PEOPLE[1:]],
    )
    assert found == {(("KEN", "UGA"), "meeting"), (("KEN", "TZA"), "meeting")}


def test_the_leaders_someone_will_meet_are_each_a_planned_meeting():
    frame = extract(
        ["Kenyan President Daniel Oduya will meet Ruth Kagame and Amani Mrema later in the week."],
        [KENYAN],
        PEOPLE,
        published=PUBLISHED,
    )
    rows = {(r["country_a"], r["country_b"]): r["status"] for r in frame.iter_rows(named=True)}
    assert rows == {("KEN", "UGA"): "planned", ("KEN", "TZA"): "planned"}


def test_two_peoples_met_by_nobody_named_are_no_pair_with_each_other():
    assert pair_types(["Officials met Ugandan and Tanzanian delegations on Monday."], people=[]) == set()


def test_one_leader_met_is_still_one_meeting():
    assert pair_types(["Oduya met Ugandan President Ruth Kagame on Monday."], people=[
        ("Oduya", "p1", "KEN", "president"), PEOPLE[1]
    ]) == {(("KEN", "UGA"), "meeting")}
