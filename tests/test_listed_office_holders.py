"""Meetings with several countries' office holders named one after the other: each listed country is one bilateral
meeting with the side that meets them, however long their titles run. The articles are our own."""

from datetime import date

import polars as pl
from test_engagements import extract
from test_entities import mentions

PUBLISHED = date(2024, 5, 10)


def pairs(sentences, entities, people):
    frame = extract(sentences, entities, people, published=PUBLISHED)
    return {((r["country_a"], r["country_b"]), r["engagement_type"]) for r in frame.iter_rows(named=True)}


COUNTRIES = [
    ("Ruritania", "COUNTRY", "FIN"),
    ("Ethiopian", "COUNTRY", "ETH"),
    ("Kosovo", "COUNTRY", "XKX"),
    ("Libyan", "COUNTRY", "LBY"),
    ("Rwandan", "COUNTRY", "RWA"),
    ("Kyrgyzstan", "COUNTRY", "KGZ"),
    ("Cameroon", "COUNTRY", "CMR"),
]
OFFICERS = [
    ("Selim Arkan", "t1", "TUR", "defence minister"),
    ("Juhani Korpela", "f1", "FIN", "chief of general staff"),
    ("Tesfaye Alemu", "e1", None, "chief of staff"),
    ("Blerim Hoxha", "k1", "XKX", "defence minister"),
    ("Omar Zlitni", "l1", "LBY", "prime minister"),
    ("Jean Habimana", "r1", "RWA", "defence minister"),
    ("Azamat Toktogulov", "g1", "KGZ", "defence minister"),
    ("Paul Essomba", "c1", "CMR", "defence minister"),
]


def test_office_holders_listed_with_long_military_titles_are_each_a_meeting():
    found = pairs(
        [
            "On the same morning Arkan held talks with the Commander of the Land Forces of Ruritania, "
            "Juhani Korpela, the Ethiopian army's Chief of Staff Field Marshal Tesfaye Alemu, "
            "Kosovo's Defense Minister Blerim Hoxha, Libyan Prime Minister and Defense Minister Omar Zlitni, "
            "Kyrgyzstan's Defense Minister Major General Azamat Toktogulov, Rwandan Defense Minister Major General "
            "Jean Habimana and Cameroon's Defense Minister Paul Essomba as part of the drill."
        ],
        COUNTRIES,
        [("Arkan", "t1", "TUR", "defence minister"), *OFFICERS[1:]],
    )
    assert found == {
        (tuple(sorted(("TUR", code))), "meeting") for code in ("FIN", "ETH", "XKX", "LBY", "KGZ", "RWA", "CMR")
    }


def test_an_acting_leader_named_in_apposition_opens_a_list_of_leaders_met():
    found = pairs(
        [
            "Their visit will reinforce New Zealand's ties with the region through meetings with Tonga's acting "
            "prime minister, Sione Fifita, Cook Islands Prime Minister Tere Marsters and Samoa Prime Minister "
            "Lealofi Tuala."
        ],
        [
            ("New Zealand", "COUNTRY", "NZL"),
            ("Tonga", "COUNTRY", "TON"),
            ("Cook Islands", "COUNTRY", "COK"),
            ("Samoa", "COUNTRY", "WSM"),
        ],
        [("Sione Fifita", "p1", "TON", None), ("Tere Marsters", "p2", "COK", None), ("Lealofi Tuala", "p3", "WSM", None)],
    )
    assert found == {(("NZL", "TON"), "meeting"), (("COK", "NZL"), "meeting"), (("NZL", "WSM"), "meeting")}


def test_talks_with_officials_from_several_countries_are_each_a_meeting():
    found = pairs(
        ["During the tour, King Faisal will hold talks with high-ranking officials from Oman, Qatar and Kuwait."],
        [("Oman", "COUNTRY", "OMN"), ("Qatar", "COUNTRY", "QAT"), ("Kuwait", "COUNTRY", "KWT")],
        [("King Faisal", "s1", "SAU", "king")],
    )
    assert found == {(("OMN", "SAU"), "meeting"), (("QAT", "SAU"), "meeting"), (("KWT", "SAU"), "meeting")}


def test_two_office_holders_of_one_country_met_are_one_side_not_a_list():
    found = pairs(
        ["Arkan met with Ruritania's President Aino Lehto and Prime Minister Juhani Korpela in the capital."],
        [("Ruritania", "COUNTRY", "FIN")],
        [("Arkan", "t1", "TUR", None), ("Aino Lehto", "f2", "FIN", None), ("Juhani Korpela", "f1", "FIN", None)],
    )
    assert found == {(("FIN", "TUR"), "meeting")}


def test_a_list_that_a_clause_interrupts_ends_there():
    found = pairs(
        [
            "Arkan met with Kosovo's Defense Minister Blerim Hoxha, who later flew home to brief Prime Minister "
            "Omar Zlitni of Libya on the drill."
        ],
        [("Kosovo", "COUNTRY", "XKX"), ("Libya", "COUNTRY", "LBY")],
        [("Arkan", "t1", "TUR", None), ("Blerim Hoxha", "k1", "XKX", None), ("Omar Zlitni", "l1", "LBY", None)],
    )
    assert (("LBY", "TUR"), "meeting") not in found
    assert (("LBY", "XKX"), "meeting") not in found


def test_the_general_staff_of_an_army_is_no_person():
    frame = mentions(
        "The pact was initialled on Monday by Poland's Chief of the General Staff, General Marek Wrona, and his "
        "Lithuanian peer."
    )
    people = frame.filter(pl.col("label") == "PERSON")["text"].to_list()
    assert "Staff" not in people


def test_the_people_named_after_a_meeting_noun_and_a_comma_are_its_subject_not_whom_it_meets():
    found = pairs(
        [
            "At their meeting, ministers Mari Tamm and Janis Ozols also stressed the importance of support for "
            "Ukraine."
        ],
        [("Ukraine", "COUNTRY", "UKR")],
        [("Mari Tamm", "e1", "EST", None), ("Janis Ozols", "l1", "LVA", None)],
    )
    assert not any("UKR" in pair for pair, _ in found)


# --- a list whose side the clause names only by a title or style is the story's protagonist's ----------------


def test_a_styled_ruler_the_story_opens_with_is_the_side_of_a_list_of_leaders_met():
    found = pairs(
        [
            "Sheikh Hamad bin Khalid's three-nation tour of Asia opens on Sunday in a push for closer trade.",
            "His Highness' talks with the leaders of Laos, Nepal and Bhutan will cover food security and energy.",
        ],
        [("Laos", "COUNTRY", "LAO"), ("Nepal", "COUNTRY", "NPL"), ("Bhutan", "COUNTRY", "BTN")],
        [("Sheikh Hamad bin Khalid", "q1", "QAT", "emir")],
    )
    assert {pair for pair, kind in found if kind == "meeting"} == {("LAO", "QAT"), ("NPL", "QAT"), ("BTN", "QAT")}


def test_the_protagonist_among_the_listed_leaves_the_list_without_a_side():
    found = pairs(
        [
            "Nepal's prime minister Ram Thapa opened the forum in Kathmandu on Sunday.",
            "Talks with the leaders of Laos, Nepal and Bhutan will cover food security and energy.",
        ],
        [("Laos", "COUNTRY", "LAO"), ("Nepal", "COUNTRY", "NPL"), ("Bhutan", "COUNTRY", "BTN")],
        [("Ram Thapa", "n1", "NPL", "prime minister")],
    )
    assert not any({"LAO", "BTN"} <= set(pair) for pair, _ in found)


def test_a_style_of_address_is_no_name():
    frame = mentions(
        "His Highness the Amir Sheikh Hamad bin Khalid opened the session. His Majesty's visit follows next week."
    )
    people = frame.filter(pl.col("label") == "PERSON")["text"].to_list()
    assert not any(name.startswith(("Highness", "Majesty", "Amir")) for name in people)


# --- the travellers listed after a trip's one destination each make a trip there --------------------------------


def test_the_leaders_listed_after_the_destination_of_visits_each_visit_it():
    found = pairs(
        [
            "The emir's tour coincides with the visits to Oman of Chilean President Rosa Vidal, Kenyan President "
            "Daniel Oduya, Kurdish leader Azad Baban and Estonian President Mari Tamm."
        ],
        [("Oman", "COUNTRY", "OMN"), ("Chilean", "COUNTRY", "CHL"), ("Kenyan", "COUNTRY", "KEN"),
         ("Estonian", "COUNTRY", "EST")],
        [("Rosa Vidal", "c1", "CHL", None), ("Daniel Oduya", "k1", "KEN", None), ("Azad Baban", "b1", None, None),
         ("Mari Tamm", "e1", "EST", None)],
    )
    assert {pair for pair, kind in found if kind == "visit"} == {("CHL", "OMN"), ("KEN", "OMN"), ("EST", "OMN")}


def test_one_traveller_after_the_destination_is_the_pair_rules_as_before():
    found = pairs(
        ["The visit to Oman of Chilean President Rosa Vidal begins on Monday."],
        [("Oman", "COUNTRY", "OMN"), ("Chilean", "COUNTRY", "CHL")],
        [("Rosa Vidal", "c1", "CHL", None)],
    )
    assert found == {(("CHL", "OMN"), "visit")}
