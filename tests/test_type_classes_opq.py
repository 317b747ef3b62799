"""Types missed on the batches o, p, q (and their like in a-n): one written example per class of phrasing."""

from test_type_classes import kinds

GHA, ZMB = ("Ghanaian", "COUNTRY", "GHA"), ("Zambian", "COUNTRY", "ZMB")


def test_what_is_signed_at_this_session_is_the_two_sides_agreement():
    found = kinds(
        [
            "Premier Kofi Boateng and Premier Mwila Banda co-chaired on Friday the 4th session of the "
            "Ghanaian-Zambian Joint Commission in Lusaka.",
            "This session saw the signing of nine cooperation agreements.",
        ],
        [GHA, ZMB, ("Lusaka", "LOCATION", "ZMB")],
    )
    assert (("GHA", "ZMB"), "meeting", "held") in found
    assert (("GHA", "ZMB"), "agreement", "held") in found


def test_memoranda_signed_between_both_parties_are_the_two_sides_agreement():
    found = kinds(
        [
            "The Ghanaian president will hold talks with the Zambian president in Lusaka on Tuesday.",
            "A ceremony for the signature of memoranda of understanding by both parties will follow.",
        ],
        [GHA, ZMB, ("Lusaka", "LOCATION", "ZMB")],
    )
    assert (("GHA", "ZMB"), "agreement", "planned") in found


def test_both_parties_name_no_pair_where_no_engagement_came_before():
    found = kinds(
        ["Both parties signed the contract for the stadium roof on Monday."],
        [],
    )
    assert not found


def test_an_official_coming_to_the_other_sides_capital_makes_a_visit():
    found = kinds(
        [
            "Ghanaian President Kofi Boateng said he was coming to Lusaka to revive relations with Zambia.",
        ],
        [("Ghanaian", "COUNTRY", "GHA"), ("Kofi Boateng", "PERSON", "GHA"), ("Lusaka", "LOCATION", "ZMB"),
         ("Zambia", "COUNTRY", "ZMB")],
    )
    assert (("GHA", "ZMB"), "visit", "held") in found


def test_when_it_comes_to_a_country_is_no_visit():
    found = kinds(
        ["When it comes to Zambia, Ghanaian President Kofi Boateng said trade is growing."],
        [("Ghanaian", "COUNTRY", "GHA"), ("Kofi Boateng", "PERSON", "GHA"), ("Zambia", "COUNTRY", "ZMB")],
    )
    assert not any(kind == "visit" for _, kind, _ in found)


def test_arrived_to_a_country_is_a_visit():
    found = kinds(
        ["A few days ago, Ghanaian Foreign Minister Ama Mensah arrived to Zambia and met her counterpart."],
        [("Ghanaian", "COUNTRY", "GHA"), ("Ama Mensah", "PERSON", "GHA"), ("Zambia", "COUNTRY", "ZMB")],
    )
    assert (("GHA", "ZMB"), "visit", "held") in found


def test_documents_to_be_adopted_during_a_visit_are_an_agreement():
    found = kinds(
        [
            "The Ghanaian president will pay a state visit to Zambia on Tuesday.",
            "As part of the visit, a package of documents on trade and transport will be adopted.",
        ],
        [GHA, ("Zambia", "COUNTRY", "ZMB")],
    )
    assert (("GHA", "ZMB"), "agreement", "planned") in found


def test_the_exchange_of_cooperation_documents_is_an_agreement():
    found = kinds(
        [
            "The Ghanaian and Zambian presidents held talks in Lusaka on Monday and witnessed the exchange of "
            "five cooperation documents."
        ],
        [GHA, ZMB, ("Lusaka", "LOCATION", "ZMB")],
    )
    assert (("GHA", "ZMB"), "agreement", "held") in found


def test_documents_exchanged_with_information_are_what_a_memorandum_provides_for():
    from pipeline.engagements.anchors import _find_anchors

    text = (
        "The memorandum provides for the exchange of information and documents between the two foreign services."
    )
    assert [text[a.start : a.end] for a in _find_anchors(text, [])] == ["memorandum"]


def test_speaking_to_a_new_leader_with_no_trip_is_a_call():
    found = kinds(
        [
            "Ghana's president talks to new Zambian PM Banda",
            "President Kofi Boateng has spoken to new Zambian Prime Minister Mwila Banda about trade.",
            "Boateng on Tuesday also spoke to Mr Banda about the border.",
        ],
        [GHA, ZMB, ("Ghana", "COUNTRY", "GHA"), ("Kofi Boateng", "PERSON", "GHA"), ("Boateng", "PERSON", "GHA"),
         ("Mwila Banda", "PERSON", "ZMB"), ("Banda", "PERSON", "ZMB")],
    )
    assert {kind for _, kind, _ in found} == {"call"}


def test_talks_to_resolve_a_dispute_are_no_call():
    found = kinds(
        ["Ghanaian and Zambian ministers held talks to settle the border dispute in Lusaka on Monday."],
        [GHA, ZMB, ("Lusaka", "LOCATION", "ZMB")],
    )
    assert (("GHA", "ZMB"), "meeting", "held") in found
    assert not any(kind == "call" for _, kind, _ in found)


def test_an_exchange_of_high_level_visits_is_a_kind_of_engagement_not_a_visit():
    found = kinds(
        [
            "The two ministers urged closer ties between Ghana and Zambia through exchange of high level visits.",
        ],
        [("Ghana", "COUNTRY", "GHA"), ("Zambia", "COUNTRY", "ZMB")],
    )
    assert not any(kind == "visit" for _, kind, _ in found)


def test_drills_a_pact_provides_for_in_a_list_of_topics_are_no_exercise():
    found = kinds(
        [
            "The Ghana-Zambia defence pact will facilitate intelligence sharing, the sale of Ghanaian boats to "
            "Zambia and joint military drills.",
            "The commitment shows in the busy schedule of joint naval exercises between Ghana and Zambia.",
        ],
        [("Ghana", "COUNTRY", "GHA"), ("Ghanaian", "COUNTRY", "GHA"), ("Zambia", "COUNTRY", "ZMB")],
    )
    assert not any(kind == "exercise" for _, kind, _ in found)


def test_joint_drills_held_or_agreed_to_stay_exercises():
    found = kinds(
        [
            "Ghana, Zambia agree to joint military exercises",
            "The navies of Ghana and Zambia held joint drills off Accra on Monday.",
        ],
        [("Ghana", "COUNTRY", "GHA"), ("Zambia", "COUNTRY", "ZMB"), ("Accra", "LOCATION", "GHA")],
    )
    assert (("GHA", "ZMB"), "exercise", "planned") in found
    assert (("GHA", "ZMB"), "exercise", "held") in found


def test_a_host_expected_to_receive_the_other_sides_leader_holds_a_meeting():
    found = kinds(
        [
            "Zambian President Mwila Banda is expected to formally receive Prime Minister Kofi Boateng of Ghana at "
            "State House on Monday."
        ],
        [("Zambian", "COUNTRY", "ZMB"), ("Mwila Banda", "PERSON", "ZMB"), ("Kofi Boateng", "PERSON", "GHA"),
         ("Ghana", "COUNTRY", "GHA")],
    )
    assert (("GHA", "ZMB"), "meeting", "planned") in found
