"""Pairs a sentence does not state by itself (``pipeline.engagements.parties``): one written example per class of
phrasing, and the sentences the rules must leave alone."""

from datetime import date

from test_engagements import extract

PUBLISHED = date(2024, 5, 10)


def pairs(sentences, entities, people=()):
    frame = extract(sentences, entities, people, published=PUBLISHED)
    return [
        (r["sentence_index"], (r["country_a"], r["country_b"]), r["engagement_type"])
        for r in frame.iter_rows(named=True)
    ]


USA = ("U.S.", "COUNTRY", "USA")
KENYA = ("Kenya", "COUNTRY", "KEN")


# --- a countryless official takes the side of the article's pair that the sentence does not name -------------


def test_a_countryless_president_is_the_other_side_of_the_pair_the_article_states():
    found = pairs(
        [
            "President Daniel Oduya held a phone call on Tuesday with U.S. Secretary of State Mark Ellison.",
            "The talks touched on regional security.",
            "Observers say the Kenya-U.S. partnership has grown stronger this year.",
        ],
        [USA, KENYA],
        people=[
            ("Daniel Oduya", "p1", None, "president"),
            ("Mark Ellison", "p2", "USA", "secretary of state"),
        ],
    )
    assert (0, ("KEN", "USA"), "call") in found


def test_a_minister_and_his_counterpart_in_a_capital_are_the_two_sides_of_the_article():
    found = pairs(
        [
            "The Minister of Foreign Affairs, Koffi Amenyo, held talks on Friday in Lisbon with his counterpart, "
            "Ana Ribeiro.",
            "The exchange focused on the partnership between Portugal and Togo.",
        ],
        [("Lisbon", "LOCATION", "PRT"), ("Portugal", "COUNTRY", "PRT"), ("Togo", "COUNTRY", "TGO")],
        people=[
            ("Koffi Amenyo", "p1", None, "foreign minister"),
            ("Ana Ribeiro", "p2", None, "foreign minister"),
        ],
    )
    assert (0, ("PRT", "TGO"), "meeting") in found


def test_countryless_officials_stay_unplaced_when_the_article_states_no_pair():
    found = pairs(
        [
            "The Minister of Foreign Affairs, Koffi Amenyo, held talks on Friday in Lisbon with his counterpart, "
            "Ana Ribeiro."
        ],
        [("Lisbon", "LOCATION", "PRT")],
        people=[
            ("Koffi Amenyo", "p1", None, "foreign minister"),
            ("Ana Ribeiro", "p2", None, "foreign minister"),
        ],
    )
    assert found == []


def test_a_sentence_naming_a_third_country_keeps_its_own_pair():
    found = pairs(
        [
            "President Daniel Oduya held talks with Ethiopia's Prime Minister Abel Tesfaye on Tuesday.",
            "Observers say the Kenya-U.S. partnership has grown stronger this year.",
        ],
        [USA, KENYA, ("Ethiopia", "COUNTRY", "ETH")],
        people=[("Daniel Oduya", "p1", None, "president"), ("Abel Tesfaye", "p2", "ETH", "prime minister")],
    )
    assert not [f for f in found if f[0] == 0 and f[1] == ("KEN", "USA")]


# --- the people of a call name its pair, not the pair they discussed ------------------------------------------


def test_the_pair_discussed_in_a_call_is_not_the_pair_of_the_call():
    found = pairs(
        [
            "Prime Minister Rafael Ortiz had a phone call with Chilean President Ana Rojas to discuss the "
            "ceasefire between Ethiopia and Eritrea."
        ],
        [("Chilean", "COUNTRY", "CHL"), ("Ethiopia", "COUNTRY", "ETH"), ("Eritrea", "COUNTRY", "ERI")],
        people=[("Rafael Ortiz", "p1", "ARG", "prime minister"), ("Ana Rojas", "p2", "CHL", "president")],
    )
    assert found == [(0, ("ARG", "CHL"), "call")]


def test_talks_between_the_pair_named_after_a_topic_word_keep_that_pair():
    found = pairs(
        [
            "Ethiopian envoy Lemma Bekele held talks with Eritrean officials to discuss the border between Ethiopia "
            "and Eritrea."
        ],
        [
            ("Ethiopian", "COUNTRY", "ETH"),
            ("Eritrean", "COUNTRY", "ERI"),
            ("Ethiopia", "COUNTRY", "ETH"),
            ("Eritrea", "COUNTRY", "ERI"),
        ],
        people=[("Lemma Bekele", "p1", "ETH", "envoy")],
    )
    assert found == [(0, ("ERI", "ETH"), "meeting")]


# --- "We signed": the speaker's side and the one just named -----------------------------------------------------


def test_we_signed_after_a_visit_is_the_visit_pair():
    found = pairs(
        [
            "Turkish Foreign Minister Ahmet Demir arrived in Togo on Monday for a two-day visit.",
            '"We signed four accords today that deepen our partnership."',
        ],
        [("Turkish", "COUNTRY", "TUR"), ("Togo", "COUNTRY", "TGO")],
        people=[("Ahmet Demir", "p1", "TUR", "foreign minister")],
    )
    assert (1, ("TGO", "TUR"), "agreement") in found


def test_we_signed_with_no_engagement_before_it_has_no_pair():
    found = pairs(['"We signed two accords that open new markets for our farmers."'], [])
    assert found == []


def test_a_lone_countryless_president_in_a_city_of_one_side_gets_no_side():
    found = pairs(
        [
            "President Daniel Oduya held talks in Nairobi on Tuesday.",
            "Observers say the Kenya-U.S. partnership has grown stronger this year.",
        ],
        [USA, KENYA, ("Nairobi", "LOCATION", "KEN")],
        people=[("Daniel Oduya", "p1", None, "president")],
    )
    assert not [f for f in found if f[0] == 0]


def test_a_countryless_prime_minister_visiting_the_named_side_is_the_other_side_despite_a_third_country():
    found = pairs(
        [
            "The pact follows Prime Minister Liam Carter's visit to Indonesia, where he and Indonesian President "
            "Budi Santoso agreed to deepen defence ties amid the rise of China.",
            "Australia and Indonesia signed a security agreement last year.",
        ],
        [
            ("Indonesia", "COUNTRY", "IDN"),
            ("Indonesian", "COUNTRY", "IDN"),
            ("China", "COUNTRY", "CHN"),
            ("Australia", "COUNTRY", "AUS"),
        ],
        people=[("Liam Carter", "p1", None, "prime minister"), ("Budi Santoso", "p2", "IDN", "president")],
    )
    assert (0, ("AUS", "IDN"), "visit") in found
    assert not [f for f in found if "CHN" in f[1]]


# --- destinations: a country's soil, and the visitor of a state visit ----------------------------------------


def test_a_visit_on_a_countrys_soil_goes_to_that_country():
    (row,) = extract(
        ["The Togolese head of state was on a working visit of a few hours on Ghanaian soil on Tuesday."],
        [("Togolese", "COUNTRY", "TGO"), ("Ghanaian", "COUNTRY", "GHA")],
        published=PUBLISHED,
    ).to_dicts()
    assert (row["country_a"], row["country_b"], row["host_country"]) == ("GHA", "TGO", "GHA")


def test_the_countryless_visitor_of_a_state_visit_to_a_city_is_the_other_side():
    found = pairs(
        [
            "President Park Min-jun began a three-day state visit to Hanoi on Thursday.",
            "Trade between Vietnam and South Korea has doubled since 2015.",
        ],
        [("Hanoi", "LOCATION", "VNM"), ("Vietnam", "COUNTRY", "VNM"), ("South Korea", "COUNTRY", "KOR")],
        people=[("Park Min-jun", "p1", None, "president")],
    )
    assert (0, ("KOR", "VNM"), "visit") in found


def test_a_countryless_leaders_plain_visit_to_a_city_gets_no_side():
    found = pairs(
        [
            "President Park Min-jun visited Haiphong on Thursday.",
            "Trade between Vietnam and South Korea has doubled since 2015.",
        ],
        [("Haiphong", "LOCATION", "VNM"), ("Vietnam", "COUNTRY", "VNM"), ("South Korea", "COUNTRY", "KOR")],
        people=[("Park Min-jun", "p1", None, "president")],
    )
    assert not [f for f in found if f[0] == 0]


# --- the host or witness of two others' engagement is no party ------------------------------------------------


def test_the_leader_who_invites_two_others_to_a_summit_is_no_party():
    found = pairs(
        [
            "The accord opens the way for a summit in September at the White House, held with the participation of Presidents "
            "Jean Mbala (Gabon) and Paul Ndayi (Burundi), at the invitation of President Mark Hale."
        ],
        [("Gabon", "COUNTRY", "GAB"), ("Burundi", "COUNTRY", "BDI")],
        people=[("Paul Ndayi", "p1", "BDI", "president"), ("Mark Hale", "p2", "USA", "president")],
    )
    assert [p for _, p, kind in found if kind == "meeting"] == [("BDI", "GAB")]


def test_a_host_who_invites_the_visitor_is_one_of_the_pair():
    found = pairs(
        ["Indian Prime Minister Arun Rao visited Japan at the invitation of Prime Minister Kenji Sato."],
        [("Indian", "COUNTRY", "IND"), ("Japan", "COUNTRY", "JPN")],
        people=[("Arun Rao", "p1", "IND", "prime minister"), ("Kenji Sato", "p2", "JPN", "prime minister")],
    )
    assert found == [(0, ("IND", "JPN"), "visit")]


# --- three sides are no pair ------------------------------------------------------------------------------------


def test_a_leader_with_two_peers_is_three_sides_and_no_pair():
    found = pairs(
        ["The Estonian president, together with her Latvian and Finnish counterparts, will travel to Tartu."],
        [
            ("Estonian", "COUNTRY", "EST"),
            ("Latvian", "COUNTRY", "LVA"),
            ("Finnish", "COUNTRY", "FIN"),
            ("Tartu", "LOCATION", "EST"),
        ],
    )
    assert found == []


def test_earlier_visits_of_the_traveller_to_two_countries_are_no_pair_of_them():
    found = pairs(
        [
            "Chilean President Luis Vera arrived in Lima on a state visit on Monday.",
            "Before coming to Lima, he made official visits to Ecuador and Colombia.",
        ],
        [
            ("Chilean", "COUNTRY", "CHL"),
            ("Lima", "LOCATION", "PER"),
            ("Ecuador", "COUNTRY", "ECU"),
            ("Colombia", "COUNTRY", "COL"),
        ],
        people=[("Luis Vera", "p1", "CHL", "president")],
    )
    assert sorted(p for i, p, _ in found if i == 1) == [("CHL", "COL"), ("CHL", "ECU")]


def test_mr_surname_of_a_countryless_minister_takes_the_other_side_of_the_ledes_pair():
    found = pairs(
        [
            "Foreign Minister Kodjo Amouzou of Benin met his Dutch counterpart Pieter de Vries in The Hague on "
            "Wednesday.",
            "Mr. Amouzou is on a two-day official visit to the Netherlands.",
        ],
        [
            ("Benin", "COUNTRY", "BEN"),
            ("Dutch", "COUNTRY", "NLD"),
            ("The Hague", "LOCATION", "NLD"),
            ("Netherlands", "COUNTRY", "NLD"),
        ],
        # the surname first: the person table keeps the last name listed for an id, the full one
        people=[
            ("Amouzou", "p1", None, "foreign minister"),
            ("Kodjo Amouzou", "p1", None, "foreign minister"),
            ("Pieter de Vries", "p2", "NLD", "foreign minister"),
        ],
    )
    assert (1, ("BEN", "NLD"), "visit") in found


def test_a_title_over_a_long_run_of_capitals_is_read_at_once():
    from time import perf_counter

    from pipeline.engagements.parties import _TITLE_BEFORE

    started = perf_counter()
    assert not _TITLE_BEFORE.search("Minister of " + "A" * 60 + "x")
    assert perf_counter() - started < 0.1
