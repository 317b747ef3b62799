"""Pairs that never engaged (issue 22, round 4 of negatives): stories that name two countries side by side without
any engagement between them, by the guide's "Not engagements" list. One written example per class, and the
sentences the rules must leave alone."""

from datetime import date

from test_engagements import pair_types

PUBLISHED = date(2024, 5, 14)
KENYA, ETHIOPIA = ("Kenya", "COUNTRY", "KEN"), ("Ethiopia", "COUNTRY", "ETH")


def rows(sentences, entities, people=()):
    return pair_types(sentences, entities, people, PUBLISHED)


# --- a country's people counted as they travel are a flow, not an official visit ------------------------------


def test_citizens_and_nationals_counted_on_arrival_make_no_visit():
    found = rows(
        [
            "Ethiopia came second, whose 48 thousand 300 citizens visited Kenya in the first quarter.",
            "During the same months, 1.2 million Ethiopian nationals arrived in Kenya, the tourism board said.",
        ],
        [KENYA, ETHIOPIA, ("Ethiopian", "COUNTRY", "ETH")],
    )
    assert found == set()


def test_a_country_visited_by_a_count_of_tourists_makes_no_visit():
    found = rows(
        ["In March, Kenya was visited by 12.5 thousand Ethiopian tourists, up 14% on a year earlier."],
        [KENYA, ("Ethiopian", "COUNTRY", "ETH")],
    )
    assert found == set()


def test_a_country_visited_by_a_minister_stays_a_visit():
    found = rows(
        ["On Monday, Kenya was visited by the Ethiopian foreign minister, who met President Ruto."],
        [KENYA, ("Ethiopian", "COUNTRY", "ETH")],
        [("Ruto", "ruto", "KEN", "President")],
    )
    assert (("ETH", "KEN"), "visit") in found


# --- a pact suspended, left or breached is a measure of a conflict, not an agreement -------------------------


def test_a_treaty_suspended_or_its_involvement_suspended_is_no_agreement():
    found = rows(
        [
            "Nairobi also closed its main border crossing with Ethiopia and suspended the Omo River Treaty.",
            "Since then, Kenya has downgraded ties with Ethiopia, suspending its part in a key grazing accord.",
        ],
        [KENYA, ETHIOPIA, ("Nairobi", "LOCATION", "KEN")],
    )
    assert found == set()


def test_a_deal_one_side_backed_out_of_or_breached_is_no_agreement():
    found = rows(
        [
            "Ethiopia wants Kenya to respect the water deal, even though Kenya has backed out of it.",
            "Ethiopia says Kenya is in breach of the 2019 border accord.",
            "Kenya withdrew from the grazing agreement with Ethiopia last month.",
        ],
        [KENYA, ETHIOPIA],
    )
    assert found == set()


def test_a_treaty_signed_after_one_was_suspended_stays_an_agreement():
    found = rows(
        [
            "Two years after the old pact was suspended, Kenya and Ethiopia signed a new water treaty on Monday."
        ],
        [KENYA, ETHIOPIA],
    )
    assert (("ETH", "KEN"), "agreement") in found


# --- countries named as what a meeting discussed are its topics, not its sides -------------------------------


def test_countries_a_meeting_covered_or_discussed_are_topics_not_sides():
    found = rows(
        [
            "President Ruto held talks with the visiting Ugandan minister in Nairobi on Monday.",
            "The meeting also covered Ethiopia's dam policy, Somalia's decision to leave the bloc and a climate "
            "accord.",
            "The two also discussed the peace process in the region, stressing the need to revive "
            "Eritrean-Ethiopian peace negotiations.",
        ],
        [
            ("Ugandan", "COUNTRY", "UGA"),
            ("Nairobi", "LOCATION", "KEN"),
            ETHIOPIA,
            ("Somalia", "COUNTRY", "SOM"),
            ("Eritrean", "COUNTRY", "ERI"),
            ("Ethiopian", "COUNTRY", "ETH"),
        ],
        [("Ruto", "ruto", "KEN", "President")],
    )
    assert not {pair for pair, _ in found} & {("ETH", "SOM"), ("ERI", "ETH")}
    assert (("KEN", "UGA"), "meeting") in found


def test_a_counterpart_named_with_after_discussed_stays_a_side():
    found = rows(
        ["Ruto held talks in Addis Ababa on Monday and discussed the dam with Ethiopia's prime minister."],
        [ETHIOPIA, ("Addis Ababa", "LOCATION", "ETH")],
        [("Ruto", "ruto", "KEN", "President")],
    )
    assert (("ETH", "KEN"), "meeting") in found


def test_a_visit_named_among_what_was_discussed_keeps_its_sides():
    found = rows(
        [
            "The ministers discussed preparations for the state visit of the Kenyan president to Ethiopia in June."
        ],
        [("Kenyan", "COUNTRY", "KEN"), ETHIOPIA],
    )
    assert (("ETH", "KEN"), "visit") in found


def test_a_pact_a_meeting_covered_is_a_topic_not_an_agreement():
    found = rows(
        [
            "President Ruto held talks with the visiting Ugandan minister in Nairobi on Monday.",
            "The meeting also covered energy issues and an international climate accord.",
        ],
        [("Ugandan", "COUNTRY", "UGA"), ("Nairobi", "LOCATION", "KEN")],
        [("Ruto", "ruto", "KEN", "President")],
    )
    assert (("KEN", "UGA"), "meeting") in found
    assert not any(kind == "agreement" for _, kind in found)


def test_agreements_entered_during_a_visit_that_a_meeting_reviewed_stay_a_record():
    found = rows(
        [
            "The ministers reviewed the implementation of the agreements entered during the Kenyan president's "
            "visit to Ethiopia."
        ],
        [("Kenyan", "COUNTRY", "KEN"), ETHIOPIA],
    )
    assert (("ETH", "KEN"), "agreement") in found


def test_a_traveller_quoted_on_what_will_be_discussed_stays_a_side_of_the_trip():
    found = rows(
        [
            '"Trade and water will be discussed," the Ugandan foreign secretary said before heading to Nairobi.'
        ],
        [("Ugandan", "COUNTRY", "UGA"), ("Nairobi", "LOCATION", "KEN")],
    )
    assert (("KEN", "UGA"), "visit") in found


# --- a pact or gathering of three states is no bilateral engagement of two of them ---------------------------


def test_a_pact_named_by_three_states_one_of_two_words_is_multilateral():
    found = rows(
        ["They highlighted the Kenya-South Sudan-Ethiopia Agreement as a cornerstone of regional trade."],
        [KENYA, ("South Sudan", "COUNTRY", "SSD"), ETHIOPIA],
    )
    assert found == set()


def test_a_single_pact_with_two_listed_states_is_multilateral():
    found = rows(
        ["Mr Kishida welcomed Kenya's LAPSSET pact with Ethiopia and South Sudan which has angered Egypt."],
        [KENYA, ETHIOPIA, ("South Sudan", "COUNTRY", "SSD"), ("Egypt", "COUNTRY", "EGY")],
        [("Kishida", "kishida", "JPN", "Prime Minister")],
    )
    assert found == set()


def test_counterparts_met_together_at_a_trilateral_commission_are_the_gathering():
    found = rows(
        [
            "Ruto was set to meet Ethiopia's Prime Minister Abiy Ahmed and Uganda's President Yoweri Museveni at "
            "the 3rd Kenya-Ethiopia-Uganda Trilateral Commission on May 30."
        ],
        [KENYA, ETHIOPIA, ("Uganda", "COUNTRY", "UGA")],
        [
            ("Ruto", "ruto", "KEN", "President"),
            ("Abiy Ahmed", "abiy", "ETH", "Prime Minister"),
            ("Yoweri Museveni", "museveni", "UGA", "President"),
        ],
    )
    assert found == set()


def test_counterparts_met_one_after_the_other_are_one_meeting_with_each():
    found = rows(
        [
            "In Nairobi on Monday, Ruto met Ethiopia's Prime Minister Abiy Ahmed and Uganda's President Yoweri Museveni."
        ],
        [KENYA, ETHIOPIA, ("Uganda", "COUNTRY", "UGA"), ("Nairobi", "LOCATION", "KEN")],
        [
            ("Ruto", "ruto", "KEN", "President"),
            ("Abiy Ahmed", "abiy", "ETH", "Prime Minister"),
            ("Yoweri Museveni", "museveni", "UGA", "President"),
        ],
    )
    assert found == {(("ETH", "KEN"), "meeting"), (("KEN", "UGA"), "meeting")}


def test_agreements_in_the_plural_with_two_listed_states_are_left_to_the_pair_rules():
    found = rows(
        ["Kenya signed water agreements with Ethiopia and South Sudan in Nairobi on Monday."],
        [KENYA, ETHIOPIA, ("South Sudan", "COUNTRY", "SSD")],
    )
    assert found


def test_counterparts_met_on_the_sidelines_of_a_summit_stay_bilateral():
    found = rows(
        ["On the sidelines of the AU summit, Ruto met Ethiopian Prime Minister Abiy Ahmed on Monday."],
        [("Ethiopian", "COUNTRY", "ETH")],
        [("Ruto", "ruto", "KEN", "President"), ("Abiy Ahmed", "abiy", "ETH", "Prime Minister")],
    )
    assert (("ETH", "KEN"), "meeting") in found


# --- countries given as examples of a set are no pair with each other ---------------------------------------


def test_two_countries_given_as_examples_of_a_tour_are_no_pair():
    found = rows(
        [
            "Ugandan President Yoweri Museveni last Friday paid a working visit to Kenya as part of his tour of "
            "some countries in the region, including Ethiopia and Somalia."
        ],
        [("Ugandan", "COUNTRY", "UGA"), KENYA, ETHIOPIA, ("Somalia", "COUNTRY", "SOM")],
        [("Yoweri Museveni", "museveni", "UGA", "President")],
    )
    assert (("ETH", "SOM"), "visit") not in found
    assert (("KEN", "UGA"), "visit") in found


# --- the sides of tensions or a dispute "between" two countries are no pair ----------------------------------


def test_the_sides_of_tensions_between_two_countries_are_no_pair_of_a_meeting_with_a_third():
    found = rows(
        [
            "Tensions between Kenya and Ethiopia grew after Tesfaye claimed during a meeting with Brazilian "
            "President Rafael Mendes in March that Kenya was sidelining Ethiopia."
        ],
        [KENYA, ETHIOPIA, ("Brazilian", "COUNTRY", "BRA")],
        [("Rafael Mendes", "mendes", "BRA", "President")],
    )
    assert (("ETH", "KEN"), "meeting") not in found


def test_talks_between_two_countries_stay_their_pair():
    found = rows(["Talks between Kenya and Ethiopia were held in Nairobi on Monday."], [KENYA, ETHIOPIA])
    assert (("ETH", "KEN"), "meeting") in found


# --- an organisation's official named bare later in the article still speaks for it ---------------------------


def test_an_organisation_chief_named_by_surname_later_is_still_no_side():
    found = rows(
        [
            "UN Secretary General Amina Okafor arrived in Nairobi on Wednesday to attend the summit.",
            "Okafor will meet with a dozen heads of state there, among them a planned meeting with Ruto on Thursday.",
        ],
        [("Nairobi", "LOCATION", "KEN"), ("UN", "ORGANIZATION", None)],
        [
            ("Amina Okafor", "okafor", "NGA", "Secretary"),
            ("Okafor", "okafor", "NGA", "Secretary"),
            ("Ruto", "ruto", "KEN", "President"),
        ],
    )
    assert found == set()


# --- the destination of another leg of a trip is no side of the trip's list of destinations -------------------


def test_an_earlier_legs_destination_is_no_side_of_the_next_legs():
    found = rows(
        [
            "Senator Lwanga flew out on Monday for visits to Palau and Nauru, following a visit to Kiribati last month."
        ],
        [("Palau", "COUNTRY", "PLW"), ("Nauru", "COUNTRY", "NRU"), ("Kiribati", "COUNTRY", "KIR")],
        [("Lwanga", "lwanga", None, "Senator")],
    )
    assert not {pair for pair, _ in found} & {("KIR", "PLW"), ("KIR", "NRU")}
