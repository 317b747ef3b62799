"""Issue 22: articles that name several countries but hold no engagement (sport, business, multilateral meetings,
conflict, sanctions) yield no engagement row. Articles written for these tests (made up, in the style of the
real news of each class)."""

from datetime import date

from test_engagements import extract

PUBLISHED = date(2024, 3, 20)
BRAZIL, ARGENTINA = ("Brazil", "COUNTRY", "BRA"), ("Argentina", "COUNTRY", "ARG")
KENYA, ETHIOPIA = ("Kenya", "COUNTRY", "KEN"), ("Ethiopia", "COUNTRY", "ETH")
JAPANESE, GERMANY = ("Japanese", "COUNTRY", "JPN"), ("Germany", "COUNTRY", "DEU")


def pairs(sentences, entities, people=()):
    found = extract(sentences, entities, people, published=PUBLISHED).to_dicts()
    return sorted((r["country_a"], r["country_b"], r["engagement_type"]) for r in found)


# --- sports fixtures -------------------------------------------------------------------------------------


def test_a_match_report_names_teams_that_meet_not_states():
    article = [
        "Brazil and Argentina renew their rivalry in a World Cup qualifier in Rio de Janeiro on Tuesday.",
        "Brazil will meet Argentina without their injured captain, and the two sides met twice last year.",
        "The visitors arrived in Rio on Sunday.",
    ]
    assert (
        pairs(article, [BRAZIL, ARGENTINA, ("Rio de Janeiro", "LOCATION", "BRA"), ("Rio", "LOCATION", "BRA")])
        == []
    )


def test_an_official_meeting_reported_in_a_match_report_stays():
    article = [
        "Brazil beat Argentina 2-1 in a World Cup qualifier in Rio de Janeiro on Tuesday.",
        "Brazil's president met Argentina's president in Rio on Monday before the game.",
    ]
    found = pairs(
        article, [BRAZIL, ARGENTINA, ("Rio de Janeiro", "LOCATION", "BRA"), ("Rio", "LOCATION", "BRA")]
    )
    assert found == [("ARG", "BRA", "meeting")]


# --- corporate deals -------------------------------------------------------------------------------------


def test_a_takeover_story_names_the_companies_homes_not_an_agreement():
    article = [
        "Japanese toolmaker Tokai Seiki has agreed a takeover of Germany's Rhein Werke for 2 billion euros.",
        "The deal marks the largest Japanese investment yet in Germany.",
    ]
    assert pairs(article, [JAPANESE, GERMANY]) == []


def test_a_buyout_agreement_between_companies_is_no_agreement_between_states():
    article = [
        "Analysts expect a busy year.",
        "China's Jinlu Motors has reached agreement to buy out German seat maker Oberhaus in a deal worth 700 "
        "million euros.",
    ]
    assert pairs(article, [("China", "COUNTRY", "CHN"), ("German", "COUNTRY", "DEU")]) == []


def test_a_memorandum_between_universities_is_no_agreement_between_states():
    article = [
        "Accra, May 3 -- The University of Ghana signed a memorandum of understanding with the Kenyan University "
        "of Mombasa on student exchange.",
        "Ghana's Volta Cement company and Kenya's Rift Mills signed a supply agreement on Friday.",
    ]
    entities = [
        ("Ghana", "COUNTRY", "GHA"),
        ("Kenyan", "COUNTRY", "KEN"),
        ("Kenya", "COUNTRY", "KEN"),
        ("Accra", "LOCATION", "GHA"),
    ]
    assert pairs(article, entities) == []


def test_officials_beside_companies_still_name_the_sides():
    article = ["Kenyan officials and companies signed an agreement with Ghana on Friday."]
    found = pairs(article, [("Kenyan", "COUNTRY", "KEN"), ("Ghana", "COUNTRY", "GHA")])
    assert found == [("GHA", "KEN", "agreement")]


# --- gatherings and pacts of many states -----------------------------------------------------------------


def test_a_gathering_named_at_length_is_multilateral():
    article = [
        "Officials gathered in Lima on Thursday.",
        "The second G20 Finance and Central Bank Deputies meeting opened on Thursday in Lima, with "
        "Kenya and Ethiopia among the guests.",
    ]
    assert pairs(article, [KENYA, ETHIOPIA, ("Lima", "LOCATION", "PER")]) == []


def test_a_pact_of_three_states_joined_by_hyphens_is_multilateral():
    article = [
        "Mexico put new duties on Chinese steel ahead of a review of the trilateral US-Mexico-Canada trade "
        "pact in the spring.",
        "The Canada-Mexico-US agreement comes up for review in July.",
    ]
    entities = [
        ("Mexico", "COUNTRY", "MEX"),
        ("Chinese", "COUNTRY", "CHN"),
        ("US", "COUNTRY", "USA"),
        ("Canada", "COUNTRY", "CAN"),
    ]
    assert pairs(article, entities) == []


def test_a_trip_to_attend_an_organisation_spelled_out_is_no_bilateral_meeting():
    article = [
        "Kenyan Minister of Energy Ama Wanjiru left Nairobi for Vienna on Wednesday to attend the 91st ministerial "
        "meeting of the Organisation of Petroleum Exporting Countries (OPEC)."
    ]
    entities = [("Kenyan", "COUNTRY", "KEN"), ("Nairobi", "LOCATION", "KEN"), ("Vienna", "LOCATION", "AUT")]
    assert pairs(article, entities) == []


def test_a_gathering_of_the_group_of_twenty_spelled_out_is_multilateral():
    article = ["Kenya and Ethiopia attended the Group of 20 meeting in Rome on Friday."]
    assert pairs(article, [KENYA, ETHIOPIA, ("Rome", "LOCATION", "ITA")]) == []


def test_a_group_video_conference_of_an_organisation_is_multilateral():
    article = [
        "OPEC energy ministers decided on Sunday to prolong production cuts if Kenya and other allies support "
        "the plan, Ethiopia's oil minister said at the ministers' video conference."
    ]
    assert pairs(article, [KENYA, ("Ethiopia", "COUNTRY", "ETH")]) == []


def test_the_two_ministers_video_call_stays_bilateral():
    article = ["Kenya and Ethiopia agreed on trade rules at the two ministers' video call on Saturday."]
    assert ("ETH", "KEN", "call") in pairs(article, [KENYA, ETHIOPIA])


def test_a_bilateral_meeting_on_the_sidelines_of_a_gathering_stays_bilateral():
    article = ["On the sidelines of the G20 summit, Kenya and Ethiopia held talks on Friday."]
    assert pairs(article, [KENYA, ETHIOPIA]) == [("ETH", "KEN", "meeting")]


def test_a_sideline_meeting_after_the_summits_city_keeps_the_possessive_country_as_a_side():
    article = [
        "On the sidelines of the bloc's summit in Mombasa, Ethiopia's president met the Eritrean president."
    ]
    assert pairs(article, [("Ethiopia", "COUNTRY", "ETH"), ("Eritrean", "COUNTRY", "ERI")]) == [
        ("ERI", "ETH", "meeting")
    ]


def test_a_meeting_on_a_summits_sidelines_in_the_possessive_stays_bilateral():
    article = [
        "The summit in Mombasa brought together twelve heads of state on Friday.",
        "On the summit's sidelines, the Ethiopian president met his Eritrean counterpart.",
    ]
    assert pairs(article, [("Ethiopian", "COUNTRY", "ETH"), ("Eritrean", "COUNTRY", "ERI")]) == [
        ("ERI", "ETH", "meeting")
    ]


# --- conflict --------------------------------------------------------------------------------------------


def test_the_sides_of_a_named_conflict_are_no_pair():
    article = ["Regional leaders met in Nairobi on Monday to discuss the Ethiopia-Eritrea border dispute."]
    entities = [ETHIOPIA, ("Eritrea", "COUNTRY", "ERI"), ("Nairobi", "LOCATION", "KEN")]
    assert pairs(article, entities) == []


# --- sanctions -------------------------------------------------------------------------------------------


def test_a_sentence_imposing_sanctions_holds_no_offer_of_cooperation():
    article = [
        "Kenya will continue to aggressively implement sanctions on Ethiopia's ruling party and those who enable "
        "it to fund its militias, the foreign ministry said."
    ]
    assert pairs(article, [KENYA, ("Ethiopia", "COUNTRY", "ETH")]) == []


def test_an_offer_of_cooperation_beside_sanctions_lifted_stays():
    article = ["Kenya offered to help Ethiopia rebuild its ports after the sanctions were lifted."]
    assert pairs(article, [KENYA, ETHIOPIA]) == [("ETH", "KEN", "cooperation")]


# --- travel rules, private trips, statements about relations, leaders at summits (dev batch k) -------------------

LIBYA, SYRIA, YEMEN = ("Libya", "COUNTRY", "LBY"), ("Syria", "COUNTRY", "SYR"), ("Yemen", "COUNTRY", "YEM")
CANADA = ("Canada", "COUNTRY", "CAN")


def test_a_trip_to_one_of_several_countries_given_as_alternatives_is_no_visit():
    article = [
        "Canada has tightened its entry rules for travellers.",
        "Anyone who has travelled to Libya, Syria or Yemen in the last five years will need a visa.",
        "Those who visited Libya or Yemen since 2011 must also apply.",
    ]
    assert pairs(article, [CANADA, LIBYA, SYRIA, YEMEN]) == []


def test_a_list_of_destinations_joined_by_and_is_still_a_visit_to_each():
    article = ["Canada's foreign minister visited Libya and Yemen last week."]
    assert pairs(article, [CANADA, LIBYA, YEMEN]) == [("CAN", "LBY", "visit"), ("CAN", "YEM", "visit")]


def test_a_honeymoon_trip_is_a_private_trip_not_a_visit():
    article = [
        "A Danish trader charged with plotting the murder of his bride during a honeymoon trip to Kenya "
        "has lost his fight against extradition."
    ]
    assert pairs(article, [("Danish", "COUNTRY", "DNK"), KENYA]) == []


def test_a_leaders_private_visit_is_still_his_visit():
    article = [
        "The Kenyan president arrived in Ghana on March 3 for a private visit, later meeting President Mensah."
    ]
    found = pairs(article, [("Kenyan", "COUNTRY", "KEN"), ("Ghana", "COUNTRY", "GHA")])
    assert ("GHA", "KEN", "visit") in found


def test_readiness_to_continue_dialogue_is_a_statement_on_relations_not_a_meeting():
    article = [
        "Ghana's President Mensah congratulated Kenyan President Oduya on his re-election and said Ghana was ready "
        "to maintain close dialogue with Kenya."
    ]
    entities = [("Kenyan", "COUNTRY", "KEN"), ("Ghana", "COUNTRY", "GHA"), ("Kenya", "COUNTRY", "KEN")]
    assert pairs(article, entities) == []


def test_a_dialogue_to_be_continued_at_a_place_and_time_is_a_meeting():
    article = ["Ghana and Kenya agreed to continue the dialogue in Nairobi in May."]
    entities = [("Ghana", "COUNTRY", "GHA"), ("Kenya", "COUNTRY", "KEN"), ("Nairobi", "LOCATION", "KEN")]
    assert pairs(article, entities) == [("GHA", "KEN", "meeting")]


def test_a_leader_and_other_world_leaders_at_summits_are_a_gathering():
    article = [
        "Kenyan President Amara Oduya and other leaders wrapping up a summit in Zambia on Friday called for a "
        "ceasefire.",
        "LUSAKA — Brazil's president and other world leaders closing out a run of summits in Zambia on Wednesday "
        "are likely to voice only mild concern.",
    ]
    entities = [
        ("Kenyan", "COUNTRY", "KEN"),
        ("Zambia", "COUNTRY", "ZMB"),
        BRAZIL,
        ("LUSAKA", "LOCATION", "ZMB"),
    ]
    assert pairs(article, entities) == []


# --- multinational exercises as a whole --------------------------------------------------------------------

DRILL_SIDES = [
    KENYA,
    ("Kenyan", "COUNTRY", "KEN"),
    ("US", "COUNTRY", "USA"),
    ("U.S.", "COUNTRY", "USA"),
    ("Tanzania", "COUNTRY", "TZA"),
    ("Uganda", "COUNTRY", "UGA"),
    ("Rwanda", "COUNTRY", "RWA"),
    ("Kenyan-US", "COUNTRY", "KEN"),
]


def test_a_multinational_exercise_and_its_later_mentions_are_no_exercise_of_its_two_hosts():
    article = [
        "The annual multinational combined joint training exercise, Lion Shield 2024, has started on the coast of "
        "Kenya.",
        "Sponsored by the Kenyan-US Africa Command, the exercise tests the ability to plan combined operations.",
        "Participating countries include Tanzania, Uganda and Rwanda, alongside observers from 20 countries.",
    ]
    assert pairs(article, DRILL_SIDES) == []
    article = [
        "The US Navy opened Lion Shield 2024, billed as the biggest international maritime "
        "exercise, on Monday.",
        "A spokesman said the maritime exercise, which runs until July 19, is led by the US Africa fleet.",
        "It is participated by 25 nations including Kenya.",
    ]
    assert pairs(article, DRILL_SIDES) == []


def test_the_joint_exercise_a_multinational_one_began_as_and_a_bilateral_one_stay():
    article = [
        "Kenyan and US officials opened the annual Lion Shield multinational military exercises on Monday.",
        "Lion Shield began as a joint Kenyan-U.S. maritime exercise in 1998.",
        "Kenya and the US also held a separate bilateral naval exercise off Mombasa last week.",
    ]
    found = extract(article, DRILL_SIDES, published=PUBLISHED).to_dicts()
    assert sorted((r["sentence_index"], r["country_a"], r["country_b"]) for r in found) == [
        (1, "KEN", "USA"),
        (2, "KEN", "USA"),
    ]


def test_an_ambassador_recalled_for_consultations_is_a_protest_not_a_meeting():
    article = [
        "Ghana recalled its ambassador from Kenya for consultations on Monday, after the arrest of its traders."
    ]
    assert pairs(article, [("Ghana", "COUNTRY", "GHA"), KENYA]) == []


def test_consultations_between_two_ministries_stay_a_meeting():
    article = ["Ghana and Kenya held political consultations in Nairobi on Monday."]
    entities = [("Ghana", "COUNTRY", "GHA"), KENYA, ("Nairobi", "LOCATION", "KEN")]
    assert pairs(article, entities) == [("GHA", "KEN", "meeting")]


def test_a_deal_signed_by_a_company_is_no_agreement_between_states():
    entities = [
        KENYA,
        ("Kenyan", "COUNTRY", "KEN"),
        ("Chinese", "COUNTRY", "CHN"),
        ("Japan", "COUNTRY", "JPN"),
        ("Indian", "COUNTRY", "IND"),
    ]
    article = [
        "Chinese telecoms giant Huawei signed a deal with Kenya Power on Monday.",
        "Japan's biggest carmaker agreed a joint venture with an Indian firm to build electric cars.",
        "A Kenyan state-owned power utility signed a supply agreement with a Chinese company on Tuesday.",
    ]
    assert pairs(article, entities) == []


def test_governments_signing_a_deal_for_companies_is_still_an_agreement():
    article = [
        "The Indian and Kenyan governments signed an agreement on Monday for Indian firms to build a dam."
    ]
    entities = [("Indian", "COUNTRY", "IND"), ("Kenyan", "COUNTRY", "KEN")]
    assert pairs(article, entities) == [("IND", "KEN", "agreement")]
