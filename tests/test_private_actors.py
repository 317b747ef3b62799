"""Who acts in an engagement (``pipeline.engagements.actors``): a country that only qualifies a company, a team or
private people names no side (annotation guide: companies are not states; sport and tourism are no engagement),
one state with a party that is not a state makes no bilateral record, and an offer the sentence says was turned
down makes none either. Articles written for these tests, in the style of the real news of each class."""

from datetime import date

from test_engagements import extract

PUBLISHED = date(2024, 5, 14)
NORWAY, KOREA = ("Norwegian", "COUNTRY", "NOR"), ("South Korean", "COUNTRY", "KOR")
PERU, CHINA = ("Peru", "COUNTRY", "PER"), ("Chinese", "COUNTRY", "CHN")


def pairs(sentences, entities, people=()):
    found = extract(sentences, entities, people, published=PUBLISHED).to_dicts()
    return sorted((r["country_a"], r["country_b"], r["engagement_type"], r["status"]) for r in found)


# --- companies -------------------------------------------------------------------------------------------


def test_a_company_qualified_by_its_country_signs_no_agreement_between_states():
    article = [
        "Norwegian ferry operator Fjordline Shipping AS signed a contract with South Korean Hanbit Heavy Industries "
        "on Monday for four hybrid car ferries.",
    ]
    assert pairs(article, [NORWAY, KOREA]) == []


def test_a_possessive_on_a_company_names_its_home_not_a_party():
    article = ["Peru's Andina Mining signs MOU with Chinese lenders"]
    assert pairs(article, [PERU, CHINA]) == []


def test_officials_of_the_same_two_countries_still_sign_an_agreement():
    article = ["Peru's trade minister signed a memorandum with Chinese officials in Lima on Monday."]
    found = pairs(article, [PERU, CHINA, ("Lima", "LOCATION", "PER")])
    assert [(a, b, kind) for a, b, kind, _ in found] == [("CHN", "PER", "agreement")]


# --- private travellers and sport ------------------------------------------------------------------------


def test_tourists_travelling_to_a_country_make_no_visit():
    article = ["Chinese tourists continued to travel to Peru in record numbers in April, the tourism board said."]
    assert pairs(article, [PERU, CHINA]) == []


def test_a_delegation_of_a_football_team_makes_no_visit():
    article = [
        "The delegation of the Condors of Peru arrived in Shanghai on Sunday ahead of Thursday's friendly match.",
    ]
    assert pairs(article, [PERU, ("Shanghai", "LOCATION", "CHN")]) == []


def test_a_delegation_of_officials_still_visits():
    article = ["A delegation of Peruvian officials arrived in Shanghai on Sunday for talks on port investment."]
    found = pairs(article, [("Peruvian", "COUNTRY", "PER"), ("Shanghai", "LOCATION", "CHN")])
    assert ("CHN", "PER", "visit") in [(a, b, kind) for a, b, kind, _ in found]


# --- one state and a party that is not one ---------------------------------------------------------------


def test_urging_a_government_to_talk_with_protesters_is_no_bilateral_meeting():
    article = [
        "Lisbon has urged Angola's authorities to open a dialogue with striking workers and to avoid violence.",
    ]
    found = pairs(article, [("Lisbon", "LOCATION", "PRT"), ("Angola", "COUNTRY", "AGO")])
    assert found == []


# --- declined offers -------------------------------------------------------------------------------------


def test_an_invitation_turned_down_in_the_same_sentence_makes_no_record():
    article = [
        "President Lind had invited President Osei to talks during Osei's visit to Geneva for the UN health "
        "assembly, but Osei turned down the offer, an aide said on Sunday.",
    ]
    people = [("Lind", "PERSON", "SWE"), ("Osei", "PERSON", "GHA")]
    assert pairs(article, [("Geneva", "LOCATION", "CHE"), *people]) == []


def test_an_invitation_not_turned_down_stays():
    article = ["President Lind has invited President Osei to talks in Stockholm next month, an aide said on Sunday."]
    people = [("Lind", "PERSON", "SWE"), ("Osei", "PERSON", "GHA")]
    found = pairs(article, [("Stockholm", "LOCATION", "SWE"), *people])
    assert [(a, b, kind) for a, b, kind, _ in found] == [("GHA", "SWE", "meeting")]


def test_a_government_and_its_opposition_resuming_talks_is_no_bilateral_meeting():
    article = [
        "Mali's government and opposition will resume their dialogue on Tuesday in Dakar, mediator Ghana said.",
    ]
    found = pairs(article, [("Mali", "COUNTRY", "MLI"), ("Dakar", "LOCATION", "SEN"), ("Ghana", "COUNTRY", "GHA")])
    assert [(a, b, kind) for a, b, kind, _ in found if kind == "meeting"] == []


def test_two_governments_resuming_talks_stay_a_meeting():
    article = ["Mali's government and Senegal's government will resume their dialogue on Tuesday in Dakar."]
    found = pairs(article, [("Mali", "COUNTRY", "MLI"), ("Senegal", "COUNTRY", "SEN"), ("Dakar", "LOCATION", "SEN")])
    assert [(a, b, kind) for a, b, kind, _ in found] == [("MLI", "SEN", "meeting")]


# --- gatherings of many ----------------------------------------------------------------------------------


def test_meetings_of_office_holders_in_the_plural_are_a_gathering_of_many():
    article = [
        "Secretary General Jan Berg welcomed Estonian Defence Minister Kask to the alliance headquarters on "
        "Tuesday, ahead of meetings of allied defence ministers.",
    ]
    people = [("Jan Berg", "PERSON", "NOR"), ("Kask", "PERSON", "EST")]
    assert pairs(article, people) == []


def test_a_meeting_of_the_two_ministers_stays_bilateral():
    article = ["A meeting of the two defence ministers is planned in Tallinn on Tuesday, Estonia and Latvia said."]
    found = pairs(article, [("Tallinn", "LOCATION", "EST"), ("Estonia", "COUNTRY", "EST"), ("Latvia", "COUNTRY", "LVA")])
    assert [(a, b, kind) for a, b, kind, _ in found] == [("EST", "LVA", "meeting")]


# --- a state's own acts and trips to gatherings ----------------------------------------------------------


def test_signing_an_order_for_an_extradition_is_no_agreement():
    article = [
        "LISBON — A Portuguese minister has signed an order that clears the way for banker Rui Matos's "
        "extradition to Brazil to face fraud charges.",
    ]
    found = pairs(article, [("Portuguese", "COUNTRY", "PRT"), ("Brazil", "COUNTRY", "BRA"), ("LISBON", "LOCATION", "PRT")])
    assert [(a, b, kind) for a, b, kind, _ in found if kind == "agreement"] == []


def test_signing_a_memorandum_with_a_minister_stays_an_agreement():
    article = ["A Portuguese minister has signed a memorandum with Brazil's trade minister on port logistics."]
    found = pairs(article, [("Portuguese", "COUNTRY", "PRT"), ("Brazil", "COUNTRY", "BRA")])
    assert [(a, b, kind) for a, b, kind, _ in found] == [("BRA", "PRT", "agreement")]


def test_a_trip_for_a_regional_forum_is_no_visit_to_its_host():
    article = ["Prime Minister Tane has now landed in Fiji for the Pacific Islands Forum leaders' meeting."]
    found = pairs(article, [("Tane", "PERSON", "NZL"), ("Fiji", "COUNTRY", "FJI")])
    assert found == []


def test_a_trip_for_talks_with_the_host_stays_a_visit():
    article = ["Prime Minister Tane has now landed in Fiji for talks with Fiji's prime minister."]
    found = pairs(article, [("Tane", "PERSON", "NZL"), ("Fiji", "COUNTRY", "FJI")])
    assert ("FJI", "NZL", "visit") in [(a, b, kind) for a, b, kind, _ in found]
