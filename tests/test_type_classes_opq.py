"""Types missed on the batches o, p, q (and their like in a-n): one written example per class of phrasing."""

from test_type_classes import kinds

GHA, ZMB = ("Ghanaian", "COUNTRY", "GHA"), ("Zambian", "COUNTRY", "ZMB")


def test_what_is_signed_at_this_session_is_the_two_sides_agreement():
    found = kinds(
        [
            "Premier Kofi Boateng and Premier Mwila Banda co-chaired on Friday the 4th session of the "
            "Ghanaian-Zambian Joint Commission in Lusaka.",
            "This session was marked by the signing of nine cooperation agreements.",
        ],
        [GHA, ZMB, ("Lusaka", "LOCATION", "ZMB")],
    )
    assert (("GHA", "ZMB"), "meeting", "held") in found
    assert (("GHA", "ZMB"), "agreement", "held") in found


def test_memoranda_signed_between_both_parties_are_the_two_sides_agreement():
    found = kinds(
        [
            "The Ghanaian president will hold talks with the Zambian president in Lusaka on Tuesday.",
            "This will be followed by a ceremony of signature of memoranda of understanding between both parties.",
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
