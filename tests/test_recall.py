"""Engagements that were not found at all (issue 22, recall): one written example per class of phrasing."""

from datetime import date

from test_engagements import extract

PUBLISHED = date(2023, 2, 15)


def rows(sentences, entities, people=()):
    frame = extract(sentences, entities, people, published=PUBLISHED)
    return [
        (r["sentence_index"], (r["country_a"], r["country_b"]), r["engagement_type"], r["status"])
        for r in frame.iter_rows(named=True)
    ]


# --- several counterparts listed on the sidelines of a summit ------------------------------------------


def test_meetings_with_listed_leaders_on_the_sidelines_are_one_meeting_with_each():
    found = rows(
        [
            "On the sidelines of the summit, the Kenyan president held talks with his Ghanaian counterpart "
            "Ama Mensah, Peruvian President Luis Soto, and Chile's Ana Rojas."
        ],
        [
            ("Kenyan", "COUNTRY", "KEN"),
            ("Ghanaian", "COUNTRY", "GHA"),
            ("Peruvian", "COUNTRY", "PER"),
            ("Chile", "COUNTRY", "CHL"),
        ],
        # the person table may give a listed leader a wrong country: the item's own country word wins
        people=[
            ("Ama Mensah", "p1", "GHA", None),
            ("Luis Soto", "p2", "PER", None),
            ("Ana Rojas", "p3", "PER", None),
        ],
    )
    assert sorted(p for _, p, _, _ in found) == [("CHL", "KEN"), ("GHA", "KEN"), ("KEN", "PER")]
    assert {kind for _, _, kind, _ in found} == {"meeting"}


def test_the_summit_on_whose_sidelines_leaders_meet_is_no_bilateral_meeting():
    found = rows(
        ["On the sidelines of the summit, the Kenyan and Ghanaian presidents met."],
        [("Kenyan", "COUNTRY", "KEN"), ("Ghanaian", "COUNTRY", "GHA")],
    )
    assert found == [(0, ("GHA", "KEN"), "meeting", "held")]


def test_a_listed_leader_ends_the_list_before_the_place():
    found = rows(
        ["The Kenyan president met with Peru's Luis Soto and Chile's Ana Rojas in Lima, Peru."],
        [("Kenyan", "COUNTRY", "KEN"), ("Peru", "COUNTRY", "PER"), ("Chile", "COUNTRY", "CHL")],
        people=[("Luis Soto", "p2", "PER", None), ("Ana Rojas", "p3", "CHL", None)],
    )
    assert sorted(p for _, p, _, _ in found) == [("CHL", "KEN"), ("KEN", "PER")]


# --- multi-leg tours and onward trips ------------------------------------------------------------------


def test_an_onward_trip_is_a_visit_of_the_same_traveller():
    found = rows(
        [
            "The Chilean foreign minister arrived in Lima on Monday for a two-day visit.",
            "She is travelling to Ecuador after concluding her Peru visit.",
        ],
        [
            ("Chilean", "COUNTRY", "CHL"),
            ("Lima", "LOCATION", "PER"),
            ("Ecuador", "COUNTRY", "ECU"),
            ("Peru", "COUNTRY", "PER"),
        ],
    )
    assert [(i, p, k) for i, p, k, _ in found] == [(0, ("CHL", "PER"), "visit"), (1, ("CHL", "ECU"), "visit")]


def test_the_legs_of_a_tour_go_to_the_traveller_when_the_sentence_names_others():
    found = rows(
        [
            "The Turkish foreign minister arrived in Ghana on Monday.",
            "After praising Ghana's new port, the minister is due to pay official visits to Togo "
            "and Benin on Wednesday, the Turkish ministry said.",
        ],
        [
            ("Turkish", "COUNTRY", "TUR"),
            ("Ghana", "COUNTRY", "GHA"),
            ("Togo", "COUNTRY", "TGO"),
            ("Benin", "COUNTRY", "BEN"),
        ],
    )
    assert sorted(p for i, p, _, _ in found if i == 1) == [("BEN", "TUR"), ("TGO", "TUR")]


# --- visit triggers ------------------------------------------------------------------------------------


def test_travel_verbs_state_a_visit():
    for sentence in [
        "The Chilean president landed in Peru on Monday.",
        "The Chilean president flew to Peru on Monday.",
        "The Chilean president departed for Peru on Monday.",
        "The Chilean president is travelling to Peru this week.",
    ]:
        found = rows([sentence], [("Chilean", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")])
        assert [(p, k) for _, p, k, _ in found] == [(("CHL", "PER"), "visit")], sentence


def test_an_exercise_named_before_its_noun():
    found = rows(
        ['Egyptian units took part in the Egyptian-Greek "Blue Wave-2" exercises that ended last week.'],
        [("Egyptian", "COUNTRY", "EGY"), ("Greek", "COUNTRY", "GRC")],
    )
    assert [(p, k) for _, p, k, _ in found] == [(("EGY", "GRC"), "exercise")]
