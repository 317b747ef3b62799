"""The place of an engagement by the evidence of its whole article, where its own sentence names none or only the
dateline's (``pipeline/engagements/places_of_engagements.py``; annotation guide, "Place"), on articles written for
these tests."""

from test_engagements import extract


def rows_of(sentences, entities, kind=None):
    rows = extract(sentences, entities).to_dicts()
    return [r for r in rows if kind is None or r["engagement_type"] == kind]


def place(row: dict) -> tuple[str | None, str | None]:
    return row["location_city"], row["location_country"]


def test_talks_during_a_visit_take_the_city_the_visit_arrives_in():
    rows = rows_of(
        [
            "The Ethiopian prime minister arrived in Asmara on Monday for a two-day working visit to Eritrea.",
            "The two leaders will discuss bilateral ties and regional cooperation.",
        ],
        [("Ethiopian", "COUNTRY", "ETH"), ("Eritrea", "COUNTRY", "ERI"), ("Asmara", "LOCATION", "ERI")],
        "meeting",
    )
    assert [place(r) for r in rows] == [("Asmara", "ERI")]


def test_a_visit_to_a_country_takes_the_city_the_article_names_there():
    (visit,) = rows_of(
        [
            "The Japanese prime minister departed Tokyo on Sunday for a two-day trip to South Korea.",
            "Officials said the itinerary includes a stop at a museum in Seoul.",
        ],
        [("Japanese", "COUNTRY", "JPN"), ("South Korea", "COUNTRY", "KOR"), ("Tokyo", "LOCATION", "JPN"),
         ("Seoul", "LOCATION", "KOR")],
        "visit",
    )
    assert place(visit) == ("Seoul", "KOR")


def test_a_meeting_on_the_sidelines_of_a_summit_takes_the_summit_city():
    rows = rows_of(
        [
            "Leaders arrived on Thursday for the SCO summit in Samarkand, Uzbekistan.",
            "On the sidelines of the summit, the Turkish president held talks with his Azerbaijani counterpart.",
        ],
        [("Uzbekistan", "COUNTRY", "UZB"), ("Turkish", "COUNTRY", "TUR"), ("Azerbaijani", "COUNTRY", "AZE")],
        "meeting",
    )
    assert [(r["country_a"], r["country_b"], *place(r)) for r in rows] == [("AZE", "TUR", "Samarkand", "UZB")]


def test_a_dateline_gives_way_to_the_city_the_article_names_for_the_pair():
    rows = rows_of(
        [
            "MANILA — Japan has agreed to supply two coast-guard vessels to the Philippines for its fisheries patrols.",
            "Officials of the two countries held a meeting in Tokyo on Friday.",
        ],
        [("Japan", "COUNTRY", "JPN"), ("Philippines", "COUNTRY", "PHL"), ("Tokyo", "LOCATION", "JPN")],
        "cooperation",
    )
    assert [place(r) for r in rows] == [("Tokyo", "JPN")]


def test_a_call_takes_no_city_from_the_article():
    rows = rows_of(
        [
            "The Kenyan foreign minister held a phone call with his Ugandan counterpart on Monday.",
            "The two ministers agreed to meet in Kampala next month.",
        ],
        [("Kenyan", "COUNTRY", "KEN"), ("Ugandan", "COUNTRY", "UGA"), ("Kampala", "LOCATION", "UGA")],
    )
    assert {r["engagement_type"]: place(r)[0] for r in rows} == {"call": None, "meeting": "Kampala"}


def test_a_city_opening_a_longer_name_is_no_site_but_a_known_venue_is():
    (visit,) = rows_of(
        [
            "The New Zealand prime minister will pay a visit to India next week.",
            "The leaders will see an exchange of agreements at Hyderabad House.",
        ],
        [("New Zealand", "COUNTRY", "NZL"), ("India", "COUNTRY", "IND"), ("Hyderabad", "LOCATION", "IND")],
        "visit",
    )
    assert place(visit) == ("New Delhi", "IND")


def test_a_region_of_the_country_is_no_city_of_a_visit():
    (visit,) = rows_of(
        [
            "The Kenyan president travelled to Ethiopia on Monday for a one-day visit.",
            "Aid agencies warned of the humanitarian crisis in Tigray.",
        ],
        [("Kenyan", "COUNTRY", "KEN"), ("Ethiopia", "COUNTRY", "ETH"), ("Tigray", "LOCATION", "ETH")],
        "visit",
    )
    assert place(visit) == (None, "ETH")


def test_a_dateline_stays_when_the_article_names_a_site_in_its_country():
    rows = rows_of(
        [
            "SINGAPORE — Vietnam's foreign minister is on an official visit to Singapore this week.",
            "The minister opened a training centre in Hanoi, and a school in Hanoi, last month.",
            "He also called on President Tan and Prime Minister Lim on Tuesday.",
        ],
        [("Vietnam", "COUNTRY", "VNM"), ("Singapore", "COUNTRY", "SGP"), ("Hanoi", "LOCATION", "VNM")],
        "meeting",
    )
    assert [place(r) for r in rows] == [("Singapore", "SGP")]


def test_a_sentence_opening_with_a_locative_names_a_site():
    rows = rows_of(
        [
            "TEHRAN – Iran's foreign minister is touring Latin America this week.",
            "In Caracas, the Iranian minister met Venezuelan officials on Monday.",
            "During the minister's visit, the two sides discussed trade between Iran and Venezuela.",
        ],
        [("Iran", "COUNTRY", "IRN"), ("Iranian", "COUNTRY", "IRN"), ("Venezuelan", "COUNTRY", "VEN"),
         ("Venezuela", "COUNTRY", "VEN"), ("Caracas", "LOCATION", "VEN")],
    )
    assert {(r["sentence_index"], *place(r)) for r in rows if r["sentence_index"] == 2} == {(2, "Caracas", "VEN")}


def test_the_venue_of_the_rows_own_sentence_wins_over_a_city_named_more_often():
    rows = rows_of(
        [
            "The New Zealand prime minister will pay a visit to India next week, with stops in Mumbai.",
            "The leaders will sign agreements at the Hyderabad House on Monday.",
            "He will then fly to Mumbai for business meetings in Mumbai.",
        ],
        [("New Zealand", "COUNTRY", "NZL"), ("India", "COUNTRY", "IND"), ("Hyderabad", "LOCATION", "IND"),
         ("Mumbai", "LOCATION", "IND")],
        "agreement",
    )
    assert [place(r) for r in rows] == [("New Delhi", "IND")]
