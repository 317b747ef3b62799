"""Cities the gazetteer leaves out, read where the text names them as the site of an engagement
(``pipeline/engagements/cities.py``; annotation guide, "Place"), on sentences written for these tests."""

from test_engagements import extract

from pipeline.countries import gazetteer
from pipeline.engagements.cities import unique_city
from pipeline.engagements.venues import dateline_place

BELGIAN, DUTCH = ("Belgian", "COUNTRY", "BEL"), ("Dutch", "COUNTRY", "NLD")


def places(sentences, entities, kind=None):
    rows = extract(sentences, entities).to_dicts()
    return [(r["location_city"], r["location_country"]) for r in rows if kind in (None, r["engagement_type"])]


def test_talks_in_a_smaller_city_of_one_of_the_pair_are_held_there():
    assert places(
        ["The Belgian and Dutch prime ministers held talks in Ghent on Tuesday."], [BELGIAN, DUTCH]
    ) == [("Ghent", "BEL")]


def test_a_visit_to_a_smaller_city_of_the_host_goes_there():
    assert places(
        ["The Dutch king began a state visit to Belgium on Monday, with a visit to Leuven planned."],
        [DUTCH, ("Belgium", "COUNTRY", "BEL")],
        "visit",
    ) == [("Leuven", "BEL")]


def test_a_sideline_meeting_at_a_summit_in_a_large_city_of_a_third_country_is_held_there():
    assert places(
        [
            "Leaders gathered at the regional summit in Samarkand on Friday.",
            "On the sidelines of the summit, the Turkish president met his Azerbaijani counterpart.",
        ],
        [("Turkish", "COUNTRY", "TUR"), ("Azerbaijani", "COUNTRY", "AZE")],
    ) == [("Samarkand", "UZB")]


def test_a_person_spoken_to_is_no_city():
    assert places(
        ["The Indian defence minister spoke to Austin about joint patrols on Monday during talks by phone."],
        [("Indian", "COUNTRY", "IND"), ("US", "COUNTRY", "USA")],
    ) in ([], [(None, None)])


def test_a_capital_whose_name_holds_its_countrys_is_a_capital():
    assert [
        (gazetteer()[name].kind, gazetteer()[name].country_code) for name in ("Mexico City", "Kuwait City")
    ] == [
        ("capital", "MEX"),
        ("capital", "KWT"),
    ]


def test_a_dateline_of_a_large_city_of_one_country_places_the_story():
    found = dateline_place("SAMARKAND, Sept 16 (Agency) - The two presidents met.")
    assert (found.text, found.country_code) == ("Samarkand", "UZB")


def test_a_large_city_whose_name_another_country_shares_at_a_tenth_of_its_size_is_the_large_ones():
    assert unique_city("Glasgow") == "GBR"


def test_a_city_name_that_several_countries_share_at_a_like_size_has_no_country():
    assert unique_city("Victoria") is None


def test_the_city_of_a_named_city_is_the_site():
    assert places(
        [
            "The Russian and US foreign ministers will hold talks on Friday in the southern Russian city of Sochi."
        ],
        [("Russian", "COUNTRY", "RUS"), ("US", "COUNTRY", "USA")],
    ) == [("Sochi", "RUS")]
