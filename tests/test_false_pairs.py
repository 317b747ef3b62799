"""No row for what did not happen between those two: deals only sought, destinations of one trip, hosts and
mediators of others' talks, countries named as the site of a conflict. One written example per class."""

from datetime import date

from test_engagements import extract, pair_types

PUBLISHED = date(2023, 2, 15)
KENYA, ETHIOPIA = ("Kenya", "COUNTRY", "KEN"), ("Ethiopia", "COUNTRY", "ETH")


def rows(sentences, entities, people=()):
    return pair_types(sentences, entities, people, PUBLISHED)


# --- a deal sought or talked about is no signed agreement ---------------------------------------------------


def test_a_deal_the_sides_are_far_apart_on_is_no_agreement():
    assert (
        rows(["Kenya and Ethiopia remain far apart on a trade deal, officials said."], [KENYA, ETHIOPIA])
        == set()
    )


def test_a_deal_the_sides_are_a_long_way_from_is_no_agreement():
    assert (
        rows(["Kenya and Ethiopia remain a long way from a deal on grazing rights."], [KENYA, ETHIOPIA])
        == set()
    )


def test_a_push_for_a_trade_agreement_is_no_agreement_but_the_visit_stays():
    found = rows(
        ["During the visit to Chile, the Peruvian president will give a push for the free trade agreement."],
        [("Chile", "COUNTRY", "CHL"), ("Peruvian", "COUNTRY", "PER")],
    )
    assert found == {(("CHL", "PER"), "visit")}


def test_a_deal_negotiated_discussed_sought_or_not_reached_is_no_agreement():
    for sentence in (
        "Kenya and Ethiopia are negotiating a free trade agreement.",
        "Kenya and Ethiopia are discussing a trade deal.",
        "Kenya and Ethiopia are seeking a trade deal.",
        "Kenya and Ethiopia failed to reach a trade deal.",
    ):
        assert rows([sentence], [KENYA, ETHIOPIA]) == set(), sentence


def test_talks_on_a_trade_agreement_are_a_meeting_only():
    found = rows(
        ["Kenya and Ethiopia held talks on a trade agreement in Nairobi on Monday."], [KENYA, ETHIOPIA]
    )
    assert found == {(("ETH", "KEN"), "meeting")}


def test_a_deal_signed_or_reached_stays_an_agreement():
    for verb in ("signed", "reached"):
        found = rows([f"Kenya and Ethiopia {verb} a deal on water rights on Monday."], [KENYA, ETHIOPIA])
        assert found == {(("ETH", "KEN"), "agreement")}


# --- two destinations of one trip are no pair --------------------------------------------------------------


def test_two_destinations_of_a_trip_are_no_pair_with_each_other():
    found = rows(
        ["Before coming to Lima, he made official visits to Chile and Ecuador."],
        [("Lima", "LOCATION", "PER"), ("Chile", "COUNTRY", "CHL"), ("Ecuador", "COUNTRY", "ECU")],
    )
    assert found == set()


def test_the_traveller_of_the_trip_makes_the_pairs_of_its_earlier_legs():
    found = rows(
        [
            "The Bolivian president arrived in Lima on a state visit on Monday.",
            "Before coming to Lima, he made official visits to Chile and Ecuador.",
        ],
        [
            ("Bolivian", "COUNTRY", "BOL"),
            ("Lima", "LOCATION", "PER"),
            ("Chile", "COUNTRY", "CHL"),
            ("Ecuador", "COUNTRY", "ECU"),
        ],
    )
    assert (("BOL", "CHL"), "visit") in found and (("BOL", "ECU"), "visit") in found
    assert (("CHL", "ECU"), "visit") not in found


def test_destinations_of_a_cancelled_trip_are_no_pair_for_the_other_anchors_of_the_sentence():
    found = rows(
        [
            "The Ghanaian president has cancelled his planned visit to Togo and Benin next week as talks on "
            "the budget drag on at home."
        ],
        [("Ghanaian", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO"), ("Benin", "COUNTRY", "BEN")],
    )
    assert found == {(("GHA", "TGO"), "visit"), (("BEN", "GHA"), "visit")}


def test_a_visit_followed_by_the_host_leader_is_no_list_of_destinations():
    found = rows(
        [
            "The talks were held between Japanese Defence Minister Ito, who is on a three-day official visit to "
            "Nepal, and President Sharma in Kathmandu."
        ],
        [
            ("Japanese", "COUNTRY", "JPN"),
            ("Ito", "PERSON", "JPN"),
            ("Nepal", "COUNTRY", "NPL"),
            ("Sharma", "PERSON", "JPN"),  # a person linked to the wrong country does not make a list
            ("Kathmandu", "LOCATION", "NPL"),
        ],
    )
    assert (("JPN", "NPL"), "visit") in found


# --- a host, mediator or inviter of two others' talks is no party --------------------------------------------


def test_the_inviter_of_two_others_summit_is_no_party():
    found = rows(
        [
            "The accord paves the way for a summit in Paris in June with Presidents Ruto (Kenya) and Abiy "
            "(Ethiopia), at the invitation of President Emmanuel Macron."
        ],
        [
            ("Paris", "LOCATION", "FRA"),
            ("Ruto", "PERSON", "KEN"),
            KENYA,
            ("Abiy", "PERSON", "ETH"),
            ETHIOPIA,
            ("Emmanuel Macron", "PERSON", "FRA"),
        ],
    )
    assert (("ETH", "FRA"), "meeting") not in found and (("FRA", "KEN"), "meeting") not in found
    assert (("ETH", "KEN"), "meeting") in found


def test_the_host_of_a_visit_invited_by_its_own_leader_stays_a_party():
    found = rows(
        ["The Kenyan president will visit Ethiopia at the invitation of Prime Minister Abiy."],
        [("Kenyan", "COUNTRY", "KEN"), ETHIOPIA, ("Abiy", "PERSON", "ETH")],
    )
    assert found == {(("ETH", "KEN"), "visit")}


# --- a country named as the site of a conflict or a region's adjective is no side ----------------------------


def test_a_country_named_as_the_site_of_a_conflict_is_no_side():
    found = rows(
        [
            "Amid worries about the wars in the Middle East and Ukraine, the UN chief will meet Putin on Friday."
        ],
        [("Ukraine", "COUNTRY", "UKR"), ("Putin", "PERSON", "RUS")],
    )
    assert found == set()


def test_the_rise_of_a_country_is_no_side():
    found = rows(
        [
            "Indonesian troops will hold joint exercises on the island, a reply to US demands and the rise of China."
        ],
        [("Indonesian", "COUNTRY", "IDN"), ("China", "COUNTRY", "CHN")],
    )
    assert found == set()


def test_a_regional_adjective_is_no_country():
    found = rows(
        ["The meeting of President Petro is part of his agenda for the Latin American bloc."],
        [("Petro", "PERSON", "COL"), ("American", "COUNTRY", "USA")],
    )
    assert found == set()


# --- the type: a call on an official is a courtesy call in person; a reference back is no new agreement ------

KENYAN, UGANDAN = ("Kenyan", "COUNTRY", "KEN"), ("Ugandan", "COUNTRY", "UGA")


def test_calling_on_an_official_is_a_courtesy_call_in_person():
    found = rows(
        ["The Kenyan foreign minister, who is on a visit to Kampala, called on Ugandan President Museveni."],
        [KENYAN, ("Kampala", "LOCATION", "UGA"), UGANDAN, ("Museveni", "PERSON", "UGA")],
    )
    assert found == {(("KEN", "UGA"), "visit"), (("KEN", "UGA"), "meeting")}


def test_calling_on_an_official_to_act_or_asking_is_an_appeal():
    for sentence in (
        "The Kenyan president called on Ugandan President Museveni to withdraw the troops.",
        "Kenyan Foreign Minister Ruto called on Ugandan Foreign Minister Odongo and asked for his understanding.",
    ):
        people = [("Ruto", "PERSON", "KEN"), ("Museveni", "PERSON", "UGA"), ("Odongo", "PERSON", "UGA")]
        assert rows([sentence], [KENYAN, UGANDAN, *people]) == set()


def test_calling_a_counterpart_stays_a_phone_call():
    found = rows(["The Kenyan president called his Ugandan counterpart on Friday."], [KENYAN, UGANDAN])
    assert found == {(("KEN", "UGA"), "call")}


def test_the_mentioned_agreement_refers_back_to_the_one_signed():
    frame = extract(
        [
            "Kenya and Uganda signed a trade treaty in Nairobi on Monday.",
            "The mentioned agreement will create a framework for joint projects between Uganda and Kenya.",
        ],
        [("Kenya", "COUNTRY", "KEN"), ("Uganda", "COUNTRY", "UGA"), ("Nairobi", "LOCATION", "KEN")],
        published=PUBLISHED,
    )
    assert frame["sentence_index"].to_list() == [0]


def test_calling_on_an_official_with_no_visit_stated_is_a_contact_not_a_meeting():
    found = rows(
        ["Kenyan Foreign Minister Ruto called on Ugandan Foreign Minister Odongo on Monday."],
        [KENYAN, UGANDAN, ("Ruto", "PERSON", "KEN"), ("Odongo", "PERSON", "UGA")],
    )
    assert found == {(("KEN", "UGA"), "call")}


# --- three sides; the site of another event ----------------------------------------------------------------


def test_a_leader_together_with_two_others_counterparts_is_no_bilateral():
    found = rows(
        [
            "The Estonian president, together with her Polish and Finnish counterparts, will then fly to "
            "Gdansk to visit the naval base."
        ],
        [
            ("Estonian", "COUNTRY", "EST"),
            ("Polish", "COUNTRY", "POL"),
            ("Finnish", "COUNTRY", "FIN"),
            ("Gdansk", "LOCATION", "POL"),
        ],
    )
    assert found == set()


def test_a_leader_along_with_one_counterpart_stays_bilateral():
    found = rows(
        ["The Latvian president, along with her Polish counterpart, will travel to Krakow on Friday."],
        [("Latvian", "COUNTRY", "LVA"), ("Polish", "COUNTRY", "POL"), ("Krakow", "LOCATION", "POL")],
    )
    assert found == {(("LVA", "POL"), "visit")}


def test_the_site_of_a_summit_a_trip_is_dated_by_is_no_destination():
    found = rows(
        ["The French leader had planned to visit the Andean nation after the G-20 summit in Brazil."],
        [("French", "COUNTRY", "FRA"), ("G-20", "ORGANIZATION", None), ("Brazil", "COUNTRY", "BRA")],
    )
    assert found == set()


def test_a_meeting_attended_is_a_gathering_and_a_bilateral_one_not_scheduled_makes_no_row():
    found = rows(
        [
            "Foreign Minister Reyes, who attended the meeting in Bishkek, said a bilateral meeting between "
            "the Armenian and Azerbaijani presidents is not scheduled."
        ],
        [("Bishkek", "LOCATION", "KGZ"), ("Armenian", "COUNTRY", "ARM"), ("Azerbaijani", "COUNTRY", "AZE")],
    )
    assert found == set()


def test_talks_attended_between_two_sides_stay_bilateral():
    found = rows(
        [
            "The Kenyan envoy attended the talks between the Kenyan and Ugandan presidents in Kampala on Friday."
        ],
        [KENYAN, ("Kampala", "LOCATION", "UGA"), UGANDAN],
    )
    assert found == {(("KEN", "UGA"), "meeting")}


def test_the_sides_of_a_border_situation_are_no_pair_of_the_call_about_it():
    found = rows(
        [
            "The Peruvian foreign minister had a phone conversation with Chilean President Vera to follow "
            "the Peruvian-Ecuadorian border situation."
        ],
        [
            ("Peruvian", "COUNTRY", "PER"),
            ("Chilean", "COUNTRY", "CHL"),
            ("Vera", "PERSON", "CHL"),
            ("Peruvian", "COUNTRY", "PER"),
            ("Ecuadorian", "COUNTRY", "ECU"),
        ],
    )
    assert found == {(("CHL", "PER"), "call")}


def test_what_a_treaty_binds_its_parties_to_do_in_the_event_of_aggression_is_no_meeting():
    found = rows(
        [
            "In the event of aggression against one of them, the parties to the Kenya-Uganda treaty commit to "
            "holding consultations with each other."
        ],
        [("Kenya", "COUNTRY", "KEN"), ("Uganda", "COUNTRY", "UGA")],
    )
    assert (("KEN", "UGA"), "meeting") not in found


def test_their_meeting_a_cancelled_visit_was_to_hold_is_a_cancelled_meeting_of_its_own():
    found = extract(
        [
            "The Kenyan president cancelled a visit to Uganda on Tuesday because President Okello is unable to "
            "hold their meeting because of a cold."
        ],
        [KENYAN, ("Uganda", "COUNTRY", "UGA"), ("Okello", "PERSON", "UGA")],
        published=PUBLISHED,
    )
    assert sorted(zip(found["engagement_type"], found["status"], strict=True)) == [
        ("meeting", "cancelled"),
        ("visit", "cancelled"),
    ]


def test_talks_on_trade_are_the_purpose_of_a_visit_not_a_meeting_of_their_own():
    found = rows(
        ["The Kenyan president will visit Uganda to hold talks on trade."],
        [KENYAN, ("Uganda", "COUNTRY", "UGA")],
    )
    assert found == {(("KEN", "UGA"), "visit")}


# --- organisations: their officials and trips to them --------------------------------------------------------


def test_an_organisations_chief_speaks_for_it_not_for_the_country_of_birth():
    for sentence, chief in (
        (
            "UN Secretary-General Antonio Guterres met the Kenyan president in Nairobi on Monday.",
            "Antonio Guterres",
        ),
        ("The Kenyan president met IMF chief Kristalina Georgieva on Monday.", "Kristalina Georgieva"),
    ):
        found = rows(
            [sentence],
            [
                ("UN", "ORGANIZATION", None),
                ("IMF", "ORGANIZATION", None),
                (chief, "PERSON", "PRT"),
                KENYAN,
                ("Nairobi", "LOCATION", "KEN"),
            ],
        )
        assert found == set(), sentence


def test_a_trip_to_an_organisation_or_its_gathering_is_no_visit_to_the_host():
    for sentence in (
        "The Kenyan foreign minister will travel to New York for the UN General Assembly next week.",
        "The Kenyan foreign minister will travel to Geneva to meet UN officials next week.",
        "The Kenyan president visited the EU headquarters in Brussels on Monday.",
    ):
        found = rows(
            [sentence],
            [
                KENYAN,
                ("New York", "LOCATION", "USA"),
                ("Geneva", "LOCATION", "CHE"),
                ("Brussels", "LOCATION", "BEL"),
                ("UN", "ORGANIZATION", None),
                ("EU", "ORGANIZATION", None),
            ],
        )
        assert found == set(), sentence


def test_a_visit_dated_by_a_summit_stays_a_visit():
    found = rows(
        ["The Spanish prime minister was expected to visit Ecuador after the G20 summit in Rio de Janeiro."],
        [("Spanish", "COUNTRY", "ESP"), ("Ecuador", "COUNTRY", "ECU"), ("Rio de Janeiro", "LOCATION", "BRA")],
    )
    assert found == {(("ECU", "ESP"), "visit")}


# --- countries listed as one leader's counterparts are no pair with each other ----------------------------------

TONGA, SAMOA = ("Tonga", "COUNTRY", "TON"), ("Samoa", "COUNTRY", "WSM")


def test_countries_listed_bare_before_counterparts_are_each_the_leaders_other_side():
    found = rows(
        ["Island summit: New Zealand leader Harlow meets Tonga and Samoa counterparts"],
        [("New Zealand", "COUNTRY", "NZL"), TONGA, SAMOA],
    )
    assert found == {(("NZL", "TON"), "meeting"), (("NZL", "WSM"), "meeting")}


def test_countries_listed_before_counterparts_of_an_unknown_leader_make_no_pair():
    assert rows(["Island summit: Harlow meets Tonga and Samoa counterparts"], [TONGA, SAMOA]) == set()


# --- states named as examples of many partners or signatories are no pair -------------------------------------


def test_drills_with_many_countries_including_two_make_no_pair_of_the_two():
    found = rows(
        ["The Ruritanian navy has held joint military drills with many countries including Kenya and Ethiopia."],
        [KENYA, ETHIOPIA],
    )
    assert found == set()


def test_a_declaration_the_leaders_of_many_countries_signed_is_no_bilateral_agreement():
    found = rows(
        [
            "The leaders of 11 countries of East Africa signed the Harbour Declaration supporting the "
            "territorial integrity of Ethiopia in Nairobi, Kenya."
        ],
        [KENYA, ETHIOPIA],
    )
    assert found == set()


# --- topics and lists of supporters are no pair ---------------------------------------------------------------


def test_countries_named_as_developments_discussed_are_no_side():
    found = rows(
        [
            "The king held talks with French officials about regional issues, especially developments in "
            "Iraq, Libya and Yemen."
        ],
        [("French", "COUNTRY", "FRA"), ("Iraq", "COUNTRY", "IRQ"), ("Libya", "COUNTRY", "LBY"), ("Yemen", "COUNTRY", "YEM")],
    )
    assert found == set()


def test_the_last_two_of_a_list_of_supporters_with_an_article_are_no_pair():
    found = rows(
        [
            "On the dispute, Kenya, the Sudan and Uganda fully support the envoy in the search for a strong "
            "trade agreement."
        ],
        [KENYA, ("Sudan", "COUNTRY", "SDN"), ("Uganda", "COUNTRY", "UGA")],
    )
    assert found == set()


def test_where_private_travellers_go_is_no_side_of_an_officials_meeting():
    found = rows(
        [
            "NAIROBI - About two million pilgrims travel through the Lodwar crossing to Ethiopia every year, "
            "said the Turkana governor, Peter Ekai, in a meeting with local officials on Monday."
        ],
        [("NAIROBI", "GPE", "KEN"), ("Ethiopia", "COUNTRY", "ETH"), ("Turkana", "GPE", "KEN")],
        [("Peter Ekai", "ekai", "KEN", "governor")],
    )
    assert found == set()
