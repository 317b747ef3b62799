"""Status missed on the batches r, s, t (and their like in a-q): one written example per class of phrasing, from the
governing verb: a hope, a headline infinitive, a meeting done "without", a person who "talks of" a topic."""

from test_type_classes import kinds

ZMB = ("Zambian", "COUNTRY", "ZMB")
BOATENG = ("Kofi Boateng", "PERSON", "GHA")


def test_hoping_to_speak_by_phone_is_a_proposed_call():
    found = kinds(
        ["Kofi Boateng is hoping to speak to his Zambian counterpart on the phone as soon as possible."],
        [BOATENG, ZMB],
    )
    assert found == {(("GHA", "ZMB"), "call", "proposed")}


def test_hopes_to_visit_is_a_proposed_visit():
    found = kinds(["Kofi Boateng hopes to visit Zambia in the spring."], [BOATENG, ("Zambia", "COUNTRY", "ZMB")])
    assert found == {(("GHA", "ZMB"), "visit", "proposed")}


def test_a_visit_slated_for_a_month_is_planned():
    found = kinds(
        ["The state visit of Kofi Boateng to Zambia was slated for April."],
        [BOATENG, ("Zambia", "COUNTRY", "ZMB")],
    )
    assert found == {(("GHA", "ZMB"), "visit", "planned")}


def test_a_headline_infinitive_is_planned():
    found = kinds(["Boateng to meet Zambian leaders on Sunday, March 12."], [("Boateng", "PERSON", "GHA"), ZMB])
    assert found == {(("GHA", "ZMB"), "meeting", "planned")}


def test_a_headline_infinitive_of_a_visit_is_planned():
    found = kinds(["President Boateng to visit Zambia next week"], [("Boateng", "PERSON", "GHA"), ("Zambia", "COUNTRY", "ZMB")])
    assert found == {(("GHA", "ZMB"), "visit", "planned")}


def test_leaving_without_meeting_makes_no_meeting():
    found = kinds(
        ["The Ghanaian president left Lusaka without meeting his Zambian counterpart."],
        [("Ghanaian", "COUNTRY", "GHA"), ("Lusaka", "LOCATION", "ZMB"), ZMB],
    )
    assert not any(kind == "meeting" for _, kind, _ in found)


def test_a_premier_who_talks_of_relations_holds_no_talks():
    people = [("Ghanaian", "COUNTRY", "GHA"), BOATENG, ("Zambia", "COUNTRY", "ZMB")]
    for sentence in (
        "PHOTO: Ghanaian Prime Minister Kofi Boateng talks of his country's relationship with Zambia.",
        "Ghanaian Prime Minister Kofi Boateng talks about relations with Zambia at a press conference.",
    ):
        assert not kinds([sentence], people)


def test_talks_of_a_year_that_ended_in_a_deal_are_talks():
    found = kinds(
        ["The Accra talks of 2019 between Ghana and Zambia ended in a deal."],
        [("Accra", "LOCATION", "GHA"), ("Ghana", "COUNTRY", "GHA"), ("Zambia", "COUNTRY", "ZMB")],
    )
    assert (("GHA", "ZMB"), "meeting", "held") in found
