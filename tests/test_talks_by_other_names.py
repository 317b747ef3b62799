"""Meetings named by the guide's class of talks in other words: a tête-à-tête, a sit-down, a one-on-one, the
discussions between two leaders or held with a qualifier; talks with the officials of a list of countries, one
meeting with each; one written example per class of phrasing."""

from test_type_classes import kinds

GHA, ZMB = ("Ghanaian", "COUNTRY", "GHA"), ("Zambian", "COUNTRY", "ZMB")


def test_a_tete_a_tete_is_a_meeting():
    for written in ("tête-à-tête", "tete-a-tete"):
        found = kinds(
            [f"The Ghanaian president had a {written} with his Zambian counterpart at the palace on Monday."],
            [GHA, ZMB],
        )
        assert found == {(("GHA", "ZMB"), "meeting", "held")}


def test_a_sit_down_and_a_one_on_one_are_meetings():
    assert kinds(["The Ghanaian president will have a sit-down with his Zambian counterpart on Friday."], [GHA, ZMB]) == {
        (("GHA", "ZMB"), "meeting", "planned")
    }
    assert kinds(["The Ghanaian president held a one-on-one with his Zambian counterpart on Monday."], [GHA, ZMB]) == {
        (("GHA", "ZMB"), "meeting", "held")
    }


def test_a_one_on_one_meeting_takes_the_status_of_the_meeting():
    found = kinds(
        ["The Ghanaian president was then taken away for a one-on-one meeting with his Zambian counterpart."],
        [GHA, ZMB],
    )
    assert found == {(("GHA", "ZMB"), "meeting", "held")}


def test_a_sit_down_interview_is_no_meeting():
    found = kinds(["The Ghanaian president gave a sit-down interview to a Zambian broadcaster."], [GHA, ZMB])
    assert not found


def test_discussions_between_two_leaders_are_a_meeting():
    found = kinds(
        ["The focus of the discussions between the Ghanaian and Zambian presidents will be trade and energy."],
        [GHA, ZMB],
    )
    assert found == {(("GHA", "ZMB"), "meeting", "planned")}


def test_talks_with_officials_from_a_list_of_countries_are_a_meeting_with_each():
    found = kinds(
        [
            "During his tour, King Kwame will hold talks with high-ranking officials from Zambia, Malawi and "
            "Uganda."
        ],
        [
            ("King Kwame", "PERSON", "GHA"),
            ("Zambia", "COUNTRY", "ZMB"),
            ("Malawi", "COUNTRY", "MWI"),
            ("Uganda", "COUNTRY", "UGA"),
        ],
    )
    assert {pair for pair, kind, _ in found if kind == "meeting"} == {("GHA", "ZMB"), ("GHA", "MWI"), ("GHA", "UGA")}


def test_officials_of_two_countries_named_together_stay_one_pair():
    found = kinds(
        ["Officials from Zambia and Malawi held talks in Lusaka on Monday."],
        [("Zambia", "COUNTRY", "ZMB"), ("Malawi", "COUNTRY", "MWI"), ("Lusaka", "LOCATION", "ZMB")],
    )
    assert found == {(("MWI", "ZMB"), "meeting", "held")}


def test_holding_discussions_with_a_qualifier_is_a_meeting():
    found = kinds(
        [
            "Kofi Boateng is expected to hold high-level discussions with Zambia's head of state, Mwila Banda, "
            "during his visit to Lusaka."
        ],
        [
            ("Kofi Boateng", "PERSON", "GHA"),
            ("Zambia", "COUNTRY", "ZMB"),
            ("Mwila Banda", "PERSON", "ZMB"),
            ("Lusaka", "LOCATION", "ZMB"),
        ],
    )
    assert (("GHA", "ZMB"), "meeting", "planned") in found
    assert (("GHA", "ZMB"), "visit", "planned") in found
    assert kinds(["The Ghanaian and Zambian ministers had fruitful discussions on Monday."], [GHA, ZMB]) == {
        (("GHA", "ZMB"), "meeting", "held")
    }
