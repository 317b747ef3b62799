"""Types missed on the fresh dev batches h, i, j: one written example per class of phrasing."""

from test_type_classes import kinds

from pipeline.countries import find_gazetteer_matches


def test_a_numbered_session_of_a_joint_commission_is_a_meeting():
    found = kinds(
        [
            "Premier Lina Ostrova and Premier Marek Talu co-chaired on Thursday the 5th session of the "
            "Estonian-Latvian Joint High Commission in Riga, which reviewed ties in transport and energy."
        ],
        [
            ("Estonian", "COUNTRY", "EST"),
            ("Latvian", "COUNTRY", "LVA"),
            ("Riga", "LOCATION", "LVA"),
        ],
    )
    assert (("EST", "LVA"), "meeting", "held") in found


def test_a_joint_military_training_exercise_with_an_edition_number_is_an_exercise():
    found = kinds(
        [
            "Storm Shield, the 9th edition of the Chile-Peru joint military training exercise, has begun "
            "at a firing range near Arica on Monday."
        ],
        [("Chile", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER"), ("Arica", "LOCATION", "CHL")],
    )
    assert (("CHL", "PER"), "exercise", "held") in found


def test_a_leader_arriving_at_the_other_sides_seat_of_government_makes_a_visit():
    found = kinds(
        [
            "Ghanaian President Kofi Boateng arrived at the State House in Lusaka, where he was met by "
            "Zambian President Mwila Banda."
        ],
        [
            ("Ghanaian", "COUNTRY", "GHA"),
            ("Kofi Boateng", "PERSON", "GHA"),
            ("Zambian", "COUNTRY", "ZMB"),
            ("Mwila Banda", "PERSON", "ZMB"),
            ("Lusaka", "LOCATION", "ZMB"),
        ],
    )
    assert (("GHA", "ZMB"), "visit", "held") in found


def test_the_combining_forms_indo_and_sino_name_a_side_of_a_hyphened_pair():
    found = [
        (m.text, m.entry.country_code)
        for m in find_gazetteer_matches(
            "The Indo-Nepal drill and the Sino-Thai talks opened as Indo-Pacific and Indochina experts met."
        )
    ]
    assert ("Indo", "IND") in found
    assert ("Nepal", "NPL") in found
    assert ("Sino", "CHN") in found
    assert ("Thai", "THA") in found
    assert not any(text.startswith("Indo-Pacific") and code == "IND" for text, code in found)
    assert ("Indochina", None) in found


def test_a_country_before_military_exercise_words_stays_a_country_not_an_army():
    from pipeline.entities.places import _org_phrase_after

    text = "the Indo-US joint military training exercise and the US military said"
    assert _org_phrase_after(text, text.index("US") + 2) is None
    later = text.rindex("US") + 2
    assert _org_phrase_after(text, later) == later + len(" military")
