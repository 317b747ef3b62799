"""Where an engagement is held: datelines, "the capital", well-known venues, cities named with their country, and
the city of a visit, on sentences written for these tests (annotation guide, "Place")."""

import pytest
from test_engagements import extract

from pipeline.engagements.venues import dateline_place

KENYA, UGANDA = ("Kenyan", "COUNTRY", "KEN"), ("Ugandan", "COUNTRY", "UGA")


def place(row: dict) -> tuple[str | None, str | None]:
    return row["location_city"], row["location_country"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NAIROBI — Kenya and Uganda held talks.", ("Nairobi", "KEN")),
        ("ADDIS ABABA- The prime minister left.", ("Addis Ababa", "ETH")),
        ("New Delhi [India], March 15 (ANI): The minister said.", ("New Delhi", "IND")),
        ("Kazan [Russia], October 22 : The leaders met.", ("Kazan", "RUS")),
        ("MANILA Feb 14 Japan has offered ships.", ("Manila", "PHL")),
        ("A photo caption.\n\nLIMA, Nov 3 ― The president said.", ("Lima", "PER")),
        ("HÀ NỘI — The two presidents held talks.", ("Hanoi", "VNM")),
        ("Kuwait City, Kuwait | Agency | The emir received the envoy.", ("Kuwait City", "KWT")),
        ("March 3, 2021 - Ottawa, Ontario - Ministry of Foreign Affairs\nThe minister met.", ("Ottawa", "CAN")),
        ("Home | World | The minister met his counterpart.", None),
        ("Togo: Bilateral issues raised by the two leaders", None),
        ("Prime Minister Modi on Saturday held talks.", None),
    ],
)
def test_a_dateline_names_the_city_the_story_is_filed_from(text, expected):
    found = dateline_place(text)
    assert (found and (found.text, found.country_code)) == expected


def test_the_dateline_places_an_engagement_of_its_country_the_text_does_not_place():
    (row,) = extract(
        ["NAIROBI — Kenyan President Odhiambo held talks with Ugandan President Okello on Monday."],
        [KENYA, UGANDA],
    ).to_dicts()
    assert place(row) == ("Nairobi", "KEN")


def test_a_dateline_is_not_the_venue_when_the_text_names_another_place():
    (row,) = extract(
        [
            "ADDIS ABABA- The Ethiopian prime minister arrived yesterday in the Eritrean capital for a two-day visit."
        ],
        [("Ethiopian", "COUNTRY", "ETH"), ("Eritrean", "COUNTRY", "ERI")],
    ).to_dicts()
    assert place(row) == ("Asmara", "ERI")
    (row,) = extract(
        ["LIMA — The Peruvian president has cancelled his visit to Colombia planned for next month."],
        [("Peruvian", "COUNTRY", "PER"), ("Colombia", "COUNTRY", "COL")],
    ).to_dicts()
    assert place(row) == (None, "COL")


def test_a_dateline_in_a_third_country_is_not_taken_on_its_own():
    (row,) = extract(
        ["GENEVA — Kenyan and Ugandan officials signed a memorandum on trade on Monday."],
        [("Kenyan", "COUNTRY", "KEN"), ("Ugandan", "COUNTRY", "UGA")],
    ).to_dicts()
    assert place(row) == (None, None)


@pytest.mark.parametrize(
    "sentence, entities, expected",
    [
        (
            "The Chilean president arrived on Tuesday in the Mexican capital for an official visit.",
            [("Chilean", "COUNTRY", "CHL"), ("Mexican", "COUNTRY", "MEX")],
            ("Mexico City", "MEX"),
        ),
        (
            "Kenya's foreign minister held talks with his Ugandan counterpart in the capital of Uganda on Monday.",
            [("Kenya", "COUNTRY", "KEN"), ("Ugandan", "COUNTRY", "UGA"), ("Uganda", "COUNTRY", "UGA")],
            ("Kampala", "UGA"),
        ),
    ],
)
def test_the_capital_of_a_named_country_is_its_capital_city(sentence, entities, expected):
    (row,) = extract([sentence], entities).to_dicts()
    assert place(row) == expected


@pytest.mark.parametrize(
    "sentence, entities, expected",
    [
        (
            "India's prime minister held talks with the Japanese prime minister at Hyderabad House on Monday.",
            [("Japanese", "COUNTRY", "JPN"), ("India", "COUNTRY", "IND")],
            ("New Delhi", "IND"),
        ),
        (
            "The US president met the Greek prime minister at the White House on Tuesday.",
            [("US", "COUNTRY", "USA"), ("Greek", "COUNTRY", "GRC")],
            ("Washington", "USA"),
        ),
        (
            "The Kenyan president received his Zimbabwean counterpart at State House on Monday.",
            [KENYA, ("Zimbabwean", "COUNTRY", "ZWE")],
            ("Nairobi", "KEN"),
        ),
        (
            # both countries have a State House: which one is not known
            "The Kenyan president received his Ugandan counterpart at State House on Monday.",
            [KENYA, UGANDA],
            (None, None),
        ),
        (
            "The Colombian president met the US president on Monday on the UN General Assembly's sidelines.",
            [("Colombian", "COUNTRY", "COL"), ("US", "COUNTRY", "USA")],
            ("New York", "USA"),
        ),
    ],
)
def test_a_well_known_venue_gives_its_city(sentence, entities, expected):
    rows = extract([sentence], entities).to_dicts()
    assert place(rows[0]) == expected


def test_a_venue_that_speaks_is_no_place():
    (row,) = extract(
        ["The White House said the US president met the Spanish prime minister on Monday."],
        [("US", "COUNTRY", "USA"), ("Spanish", "COUNTRY", "ESP")],
    ).to_dicts()
    assert place(row) == (None, None)


@pytest.mark.parametrize(
    "sentence, entities, expected",
    [
        (
            "Turkish President Demir met his Iranian counterpart Rahimi on Friday in Samarkand, Uzbekistan.",
            [("Turkish", "COUNTRY", "TUR"), ("Iranian", "COUNTRY", "IRN"), ("Uzbekistan", "COUNTRY", "UZB")],
            ("Samarkand", "UZB"),
        ),
        (
            "The Indian and Chinese leaders will hold talks on Wednesday in Russia's Kazan.",
            [("Indian", "COUNTRY", "IND"), ("Chinese", "COUNTRY", "CHN"), ("Russia", "COUNTRY", "RUS")],
            ("Kazan", "RUS"),
        ),
    ],
)
def test_a_city_named_with_its_country_is_the_place_and_a_third_country_is_recorded(
    sentence, entities, expected
):
    people = [("Demir", "d", "TUR", "President"), ("Rahimi", "r", "IRN", "President")]
    (row,) = extract([sentence], entities, people).to_dicts()
    assert place(row) == expected


def test_a_capital_as_the_modifier_of_the_engagement_is_where_it_was_held():
    (row,) = extract(
        ["The Lisbon summit between the Portuguese and Spanish leaders was held on Friday."],
        [("Lisbon", "COUNTRY", "PRT"), ("Portuguese", "COUNTRY", "PRT"), ("Spanish", "COUNTRY", "ESP")],
    ).to_dicts()
    assert place(row) == ("Lisbon", "PRT")


def test_talks_stated_with_a_visit_are_held_in_the_city_visited():
    rows = extract(
        ["The Korean president will visit Tokyo next week for a summit with the Japanese prime minister."],
        [("Korean", "COUNTRY", "KOR"), ("Tokyo", "LOCATION", "JPN"), ("Japanese", "COUNTRY", "JPN")],
    )
    assert {(r["engagement_type"], r["location_city"]) for r in rows.to_dicts()} == {
        ("visit", "Tokyo"),
        ("meeting", "Tokyo"),
    }


@pytest.mark.parametrize(
    "sentence, entities, expected",
    [
        (
            "The Mexican president was welcomed on Parliament Hill during his state visit to Canada on Wednesday.",
            [("Mexican", "COUNTRY", "MEX"), ("Canada", "COUNTRY", "CAN")],
            ("Ottawa", "CAN"),
        ),
        (
            "The two presidents spoke during the Zambian leader's visit to Kenya at State House in Nairobi.",
            [("Zambian", "COUNTRY", "ZMB"), ("Kenya", "COUNTRY", "KEN"), ("Nairobi", "LOCATION", "KEN")],
            ("Nairobi", "KEN"),
        ),
        (
            "The Japanese foreign minister departed for Seoul on Sunday for a two-day visit to Korea.",
            [("Japanese", "COUNTRY", "JPN"), ("Seoul", "LOCATION", "KOR"), ("Korea", "COUNTRY", "KOR")],
            ("Seoul", "KOR"),
        ),
    ],
)
def test_a_visit_to_a_country_goes_to_the_city_its_clause_names(sentence, entities, expected):
    rows = [
        r for r in extract([sentence], entities).to_dicts() if r["engagement_type"] == "visit"
    ] or extract([sentence], entities).to_dicts()
    assert place(rows[0]) == expected
