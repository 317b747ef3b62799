"""A person the text sends on a trip to a country is not of that country: visitors in stories told from the host's
side, or mostly about it (``pipeline.entities.visitors``). Articles written for the tests, names invented."""

from pipeline.entities.visitors import trip_destinations, visitor_country
from tests.test_entities import person, persons


def test_a_list_of_named_ministers_heading_to_a_country_are_its_guests():
    table = persons(
        "Three Moldovan ministers and Prime Minister Ion Varga are on their way to Kyiv this morning.\n"
        "Arvo Lind, Minister of Energy, and Petra Oskan, Minister of Transport, as well as Ruslan Tomu, State "
        "Secretary, are heading to Ukraine alongside the Prime Minister.\n"
        "Ukraine hopes the talks with Moldova will bring new grain routes, a Ukrainian official said.\n"
        "Ukraine has hosted many delegations this year."
    )
    for name in ("Ion Varga", "Arvo Lind", "Petra Oskan", "Ruslan Tomu"):
        assert person(table, name)["country_code"] == "MDA", name


def test_a_visitor_on_a_tour_takes_the_country_that_is_none_of_the_stops():
    table = persons(
        "Foreign Minister Jana Holt flew out on Monday for visits to Tuvalu and Vanuatu.\n"
        "In Vanuatu she will meet the president, and Vanuatu's prime minister will host a dinner.\n"
        "Vanuatu and Tuvalu are close partners of Australia in the Pacific, and Australia funds their ports.\n"
        "Vanuatu has asked for help with its wharves."
    )
    assert person(table, "Jana Holt")["country_code"] == "AUS"


def test_a_touring_minister_is_none_of_the_legs_nor_of_a_country_whose_own_minister_is_named():
    table = persons(
        "Foreign Minister Jana Holt flew out on Monday for visits to Tuvalu and Vanuatu, following a visit to "
        "Kiribati last month.\n"
        "Her trip comes as Chinese Foreign Minister Li Wenhao tours the region, and China has signed deals with "
        "Vanuatu and Tuvalu.\n"
        "China and Kiribati agreed on a police pact, and China will open a consulate in Vanuatu.\n"
        "Vanuatu and Tuvalu are close partners of Australia, and Australia funds their ports.\n"
        "Vanuatu has asked for help with its wharves, and Tuvalu for new ferries, and Vanuatu for roads."
    )
    assert person(table, "Jana Holt")["country_code"] == "AUS"
    assert person(table, "Li Wenhao")["country_code"] == "CHN"


def test_an_official_of_the_host_who_stays_at_home_keeps_the_host():
    table = persons(
        "Prime Minister Tavita Leota welcomed the delegation that arrived in Apia on Monday.\n"
        "Samoa and Fiji signed a fisheries pact, and Samoa thanked Fiji for its help.\n"
        "Samoa will host the next forum."
    )
    assert person(table, "Tavita Leota")["country_code"] == "WSM"


def test_a_trip_is_read_from_the_verb_whose_subject_holds_the_name_and_stops_at_another_verb():
    text = "Ana Ruso, the Minister of Energy, and Ivo Sarn are set to travel to Poland and Lithuania next week."
    start = text.index("Ana Ruso")
    assert trip_destinations(text, start, start + 8, len(text)) == {"POL", "LTU"}
    text = "Ana Ruso welcomed the ministers who travelled to Poland."
    assert trip_destinations(text, start, start + 8, len(text)) == set()


def test_a_visitor_with_no_other_country_named_more_than_in_passing_has_none():
    assert visitor_country({"TON"}, [("TON", 5)]) is None
    assert visitor_country({"POL"}, [("POL", 5), ("LTU", 1)]) == "LTU"
    assert visitor_country({"TON", "WSM"}, [("TON", 5), ("WSM", 3), ("AUS", 2), ("NZL", 2)]) == "AUS"
    assert visitor_country({"TON", "WSM"}, [("TON", 5), ("WSM", 3), ("CHN", 1)]) is None
