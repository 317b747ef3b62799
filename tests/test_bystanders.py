"""Countries a sentence names that are no party to the engagement it states (``engagements.bystanders``): fellow
travellers, a third country that urges others to meet, a mediator of talks whose parties are not named, a body's
own session, a pact's name that only qualifies a relation, "sign" as an omen. One written example per class, and
a sentence each rule must leave alone."""

from datetime import date

from test_engagements import pair_types

PUBLISHED = date(2024, 5, 14)
PERU, CHILE = ("Peru", "COUNTRY", "PER"), ("Chile", "COUNTRY", "CHL")
GHANA, TOGO = ("Ghana", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO")


def rows(sentences, entities, people=()):
    return pair_types(sentences, entities, people, PUBLISHED)


# --- fellow travellers: who travel together, or each on a trip of their own, host no one ------------------------


def test_leaders_of_two_countries_arriving_in_a_region_make_no_visit_between_them():
    found = rows(
        [
            "The news broke as Chilean Foreign Minister Ana Torres, Chilean Defence Minister Jorge Vidal and "
            "Peruvian President Luis Rojas arrived in the region on Monday."
        ],
        [("Chilean", "COUNTRY", "CHL"), ("Peruvian", "COUNTRY", "PER")],
        people=[
            ("Ana Torres", "p1", "CHL", "foreign minister"),
            ("Jorge Vidal", "p2", "CHL", "defence minister"),
            ("Luis Rojas", "p3", "PER", "president"),
        ],
    )
    assert (("CHL", "PER"), "visit") not in found


def test_a_visit_following_another_countrys_visit_pairs_neither_visitor():
    found = rows(
        ["Close behind the Ghanaian president's state visit will come a similar visit by Togo's prime minister."],
        [("Ghanaian", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO")],
    )
    assert (("GHA", "TGO"), "visit") not in found


def test_two_leaders_expected_in_a_host_country_are_no_pair_with_each_other():
    found = rows(
        [
            "Ghana's President Kofi Mensah and Togo's President Edem Agbeko are expected in the country this week "
            "for state visits, the presidency said."
        ],
        [GHANA, TOGO],
        people=[("Kofi Mensah", "p1", "GHA", "president"), ("Edem Agbeko", "p2", "TGO", "president")],
    )
    assert (("GHA", "TGO"), "visit") not in found


def test_a_visitor_arriving_in_the_hosts_country_still_visits():
    found = rows(
        ["Peruvian President Luis Rojas arrived in Chile on Monday for a two-day state visit."],
        [("Peruvian", "COUNTRY", "PER"), CHILE],
        people=[("Luis Rojas", "p3", "PER", "president")],
    )
    assert (("CHL", "PER"), "visit") in found


def test_a_dateline_before_the_visitor_does_not_make_the_host_a_traveller():
    found = rows(
        ["Lima, Peru - Chilean President Ana Torres will come to Peru for a one-day official visit on June 3."],
        [("Lima", "LOCATION", "PER"), ("Peru", "COUNTRY", "PER"), ("Chilean", "COUNTRY", "CHL")],
        people=[("Ana Torres", "p1", "CHL", "president")],
    )
    assert (("CHL", "PER"), "visit") in found


# --- a third country that urges others to meet is no party ---------------------------------------------------


def test_a_leader_persuading_another_to_accept_a_meeting_is_no_party_to_it():
    found = rows(
        [
            "The spokesman said Chilean President Ana Torres had also tried to convince Rojas to accept the "
            "meeting, without success."
        ],
        [("Chilean", "COUNTRY", "CHL")],
        people=[("Ana Torres", "p1", "CHL", "president"), ("Rojas", "p3", "PER", "president")],
    )
    assert found == set()


def test_urging_a_counterpart_to_meet_oneself_stays_a_meeting():
    found = rows(
        ["Chilean President Ana Torres urged Rojas to meet her in Santiago next month."],
        [("Chilean", "COUNTRY", "CHL"), ("Santiago", "LOCATION", "CHL")],
        people=[("Ana Torres", "p1", "CHL", "president"), ("Rojas", "p3", "PER", "president")],
    )
    assert (("CHL", "PER"), "meeting") in found


# --- a mediator of talks whose parties the sentence does not name --------------------------------------------


def test_a_neighbour_offering_to_facilitate_dialogue_is_no_party_to_it():
    found = rows(
        [
            "Regional mechanisms remain available to the people of Togo to facilitate dialogue, Ghana's foreign "
            "minister said on Tuesday."
        ],
        [TOGO, GHANA],
    )
    assert found == set()


def test_facilitated_talks_between_two_named_sides_stay_theirs():
    found = rows(
        ["The foreign ministry facilitated talks between Ghana and Togo in Accra on Tuesday."],
        [GHANA, TOGO, ("Accra", "LOCATION", "GHA")],
    )
    assert (("GHA", "TGO"), "meeting") in found


# --- a body's own session ------------------------------------------------------------------------------------


def test_a_meeting_of_one_countrys_security_council_is_no_bilateral_meeting():
    found = rows(
        [
            "After a meeting of the National Defence Council on Friday, Ghana's foreign minister said Accra would "
            "summon Togolese diplomats."
        ],
        [("Ghana", "COUNTRY", "GHA"), ("Accra", "LOCATION", "GHA"), ("Togolese", "COUNTRY", "TGO")],
    )
    assert found == set()


def test_a_meeting_of_a_joint_commission_of_two_countries_stays():
    found = rows(
        ["Officials of Ghana and Togo held a meeting of the Joint Border Commission in Lome on Friday."],
        [GHANA, TOGO, ("Lome", "LOCATION", "TGO")],
    )
    assert (("GHA", "TGO"), "meeting") in found


# --- a pact's name that only qualifies a relation; "sign" as an omen -----------------------------------------


def test_a_treaty_ally_is_a_relation_not_an_agreement():
    found = rows(
        ["Santiago repeated that it is bound to defend its treaty ally if Peruvian ships come under attack."],
        [("Santiago", "COUNTRY", "CHL"), ("Peruvian", "COUNTRY", "PER")],
    )
    assert found == set()


def test_a_sign_of_better_ties_is_no_signing():
    found = rows(
        ["In a fresh sign of warmer ties, Chile and Peru reopened their consulates."],
        [CHILE, PERU],
    )
    assert (("CHL", "PER"), "agreement") not in found


def test_a_treaty_signed_between_two_countries_stays():
    found = rows(
        ["Chile and Peru signed a treaty on their maritime border in Lima on Monday."],
        [CHILE, PERU, ("Lima", "LOCATION", "PER")],
    )
    assert (("CHL", "PER"), "agreement") in found


# --- the same talks told again inside the sentence share its verdict ------------------------------------------


def test_talks_scheduled_for_a_domestic_dialogue_are_no_meeting_with_the_mediator():
    found = pair_types(
        [
            "Peru's government and opposition will resume the dialogue, which Chile mediates, with talks set for "
            "Tuesday, Oct. 8 in Quito, Chile's embassy in Lima said on Monday in a short statement."
        ],
        [PERU, CHILE, ("Quito", "LOCATION", "ECU"), ("Lima", "LOCATION", "PER")],
        (),
        date(2024, 10, 7),
    )
    assert found == set()


# --- a country a statement speaks of, or a critic of an engagement, is no party -------------------------------


def test_a_joint_statement_calling_on_a_country_makes_no_agreement_with_it():
    found = rows(
        [
            'The joint statement called on Bolivia "to stop these incursions at once and respect the rights of '
            'Peru in its border areas", the ministry said.'
        ],
        [("Bolivia", "COUNTRY", "BOL"), PERU],
    )
    assert found == set()


def test_a_joint_statement_of_two_named_countries_stays():
    found = rows(
        ["Chile and Peru signed a joint statement on Monday that called for closer cooperation on fisheries."],
        [CHILE, PERU],
    )
    assert (("CHL", "PER"), "agreement") in found


def test_a_region_that_criticises_drills_is_no_party_to_them():
    found = rows(
        [
            "Peru's northern province of Tumbes, which has a large Ecuadorian community, sharply criticised the "
            "exercises."
        ],
        [("Peru", "COUNTRY", "PER"), ("Tumbes", "LOCATION", "PER"), ("Ecuadorian", "COUNTRY", "ECU")],
    )
    assert found == set()


def test_drills_of_two_named_countries_criticised_by_a_third_stay_theirs():
    found = rows(
        ["Bolivia sharply criticised the joint exercises of Chile and Peru off the coast of Arica."],
        [("Bolivia", "COUNTRY", "BOL"), CHILE, PERU, ("Arica", "LOCATION", "CHL")],
    )
    assert (("CHL", "PER"), "exercise") in found

