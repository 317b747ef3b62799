"""Status missed on the batches r, s, t (and their like in a-q): one written example per class of phrasing."""

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
