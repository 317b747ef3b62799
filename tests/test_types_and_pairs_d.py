"""Types and pairs, round 5: trips that private people make, gatherings of many named by their members, countries
that are only the topic, and the trips and calls a report tells without the usual verbs. One written example per
class of phrasing, with the sentences the rules must leave alone."""

from datetime import date

from test_engagements import extract, pair_types

PUBLISHED = date(2024, 5, 14)
PERU, CHILE = ("Peru", "COUNTRY", "PER"), ("Chile", "COUNTRY", "CHL")


def rows(sentences, entities, people=()):
    return pair_types(sentences, entities, people, PUBLISHED)


# --- a country's people by their demonym, and private journeys, make no visit ---------------------------------


def test_groups_of_a_countrys_people_visiting_a_site_make_no_visit():
    found = rows(
        ["In March, Chilean police stopped groups of Peruvians visiting the old fortress in Arica."],
        [("Chilean", "COUNTRY", "CHL"), ("Peruvians", "COUNTRY", "PER"), ("Arica", "LOCATION", "CHL")],
    )
    assert found == set()


def test_a_countrys_people_travelling_by_their_demonym_make_no_visit():
    found = rows(
        ["The minister cited figures on Peruvians travelling to Chile without any problems."],
        [("Peruvians", "COUNTRY", "PER"), CHILE],
    )
    assert found == set()


def test_the_demonym_of_a_negotiating_team_still_makes_a_visit():
    found = rows(
        ["The Peruvians arrived in Santiago on Monday for talks with Chilean Foreign Minister Ana Soto."],
        [("Peruvians", "COUNTRY", "PER"), ("Santiago", "LOCATION", "CHL"), ("Chilean", "COUNTRY", "CHL")],
        people=[("Ana Soto", "p1", "CHL", "foreign minister")],
    )
    assert (("CHL", "PER"), "visit") in found


def test_a_honeymoon_trip_is_no_visit():
    found = rows(
        ["A Peruvian businessman accused of killing his wife during a honeymoon trip to Chile lost his appeal."],
        [("Peruvian", "COUNTRY", "PER"), CHILE],
    )
    assert found == set()


def test_an_official_trip_beside_a_private_word_is_still_a_visit():
    found = rows(
        ["Peruvian President Luis Mora will make a two-day trip to Chile next week."],
        [("Peruvian", "COUNTRY", "PER"), CHILE],
        people=[("Luis Mora", "p1", "PER", "president")],
    )
    assert (("CHL", "PER"), "visit") in found


# --- gatherings of many named by one leader "and other leaders", or by a region's summit ----------------------


def test_a_leader_and_other_world_leaders_at_summits_is_a_gathering():
    found = rows(
        [
            "LIMA, Peru — Chilean President Ana Soto and other world leaders closing out a round of summits in Peru "
            "on Friday should issue a joint call for calm.",
            "Experts say the meeting is more than a talk-shop.",
        ],
        [("Peru", "COUNTRY", "PER"), ("Chilean", "COUNTRY", "CHL"), ("LIMA", "LOCATION", "PER")],
        people=[("Ana Soto", "p1", "CHL", "president")],
    )
    assert found == set()


def test_two_leaders_and_other_ministers_at_their_own_talks_stay_a_meeting():
    found = rows(
        ["Chilean President Ana Soto held talks with Peruvian President Luis Mora and other ministers in Lima."],
        [("Chilean", "COUNTRY", "CHL"), ("Peruvian", "COUNTRY", "PER"), ("Lima", "LOCATION", "PER")],
        people=[("Ana Soto", "p1", "CHL", "president"), ("Luis Mora", "p2", "PER", "president")],
    )
    assert (("CHL", "PER"), "meeting") in found


def test_a_regions_summit_in_a_third_country_makes_no_pair_with_its_host():
    found = rows(
        [
            "President Ana Soto arrived in Lima on Monday for a two-day official visit, ahead of the 12th "
            "Ibero-American Summit in the Argentine capital, Buenos Aires, on Thursday."
        ],
        [("Lima", "LOCATION", "PER"), ("Argentine", "COUNTRY", "ARG"), ("Buenos Aires", "LOCATION", "ARG")],
        people=[("Ana Soto", "p1", "CHL", "president")],
    )
    assert not any("ARG" in pair for pair, _ in found)
    assert (("CHL", "PER"), "visit") in found


# --- countries listed "and other countries" are many, and no pair -------------------------------------------------


def test_countries_listed_with_and_other_countries_make_no_pair():
    found = rows(
        [
            "The meeting follows months of diplomatic efforts between Chile, Peru, and other regional countries.",
        ],
        [CHILE, PERU],
    )
    assert found == set()


def test_two_countries_meeting_with_other_countries_named_later_stay_a_pair():
    found = rows(
        ["Chile and Peru held talks on Monday, a week before a summit of other regional countries."],
        [CHILE, PERU],
    )
    assert (("CHL", "PER"), "meeting") in found


def test_lower_case_words_before_and_other_partners_are_no_listed_countries():
    found = rows(
        ["Chilean Foreign Minister Ana Soto held talks in Lima with Peru, discussing trade and other regional "
         "partners' concerns."],
        [("Chilean", "COUNTRY", "CHL"), ("Lima", "LOCATION", "PER"), PERU],
    )
    assert (("CHL", "PER"), "meeting") in found


# --- a relation one supports or strengthens is no engagement ------------------------------------------------------


def test_supporting_the_dialogue_between_two_states_is_no_meeting():
    found = rows(
        ['"We sincerely support the dialogue between Chile and Peru," the Bolivian minister said.'],
        [CHILE, PERU, ("Bolivian", "COUNTRY", "BOL")],
    )
    assert found == set()


def test_strengthening_dialogue_through_mutual_visits_is_no_meeting_or_visit():
    found = rows(
        [
            "The ministers discussed the development of Chilean-Peruvian relations and the strengthening of the "
            "political dialogue through mutual visits of high-ranking officials."
        ],
        [("Chilean", "COUNTRY", "CHL"), ("Peruvian", "COUNTRY", "PER")],
    )
    assert found == set()


def test_talks_held_to_strengthen_dialogue_stay_a_meeting():
    found = rows(
        ["Chile and Peru held talks in Lima on Monday to strengthen their political dialogue."],
        [CHILE, PERU, ("Lima", "LOCATION", "PER")],
    )
    assert (("CHL", "PER"), "meeting") in found


# --- the country one side briefs the other on is the topic, and a deal negotiated is not signed --------------------


def test_the_country_a_minister_briefs_his_counterpart_on_is_no_side():
    found = rows(
        [
            "Chilean Foreign Minister Ana Soto held a phone call with Peruvian Foreign Minister Luis Mora.",
            "During the phone call, the Chilean minister briefed her counterpart on Bolivia's actions at the border.",
        ],
        [("Chilean", "COUNTRY", "CHL"), ("Peruvian", "COUNTRY", "PER"), ("Bolivia", "COUNTRY", "BOL")],
        people=[("Ana Soto", "p1", "CHL", "foreign minister"), ("Luis Mora", "p2", "PER", "foreign minister")],
    )
    assert not any("BOL" in pair for pair, _ in found)
    assert (("CHL", "PER"), "call") in found


def test_negotiations_between_two_on_a_treaty_sign_no_agreement():
    found = rows(
        ["Soto set out Chile's position on the start of negotiations between Chile and Bolivia on a peace treaty."],
        [("Chile", "COUNTRY", "CHL"), ("Bolivia", "COUNTRY", "BOL")],
        people=[("Soto", "p1", "CHL", "foreign minister")],
    )
    assert (("BOL", "CHL"), "agreement") not in found


def test_a_visit_joined_to_a_summit_by_and_is_the_leaders_own_trip():
    found = rows(
        [
            "President Ana Soto held talks with President Luis Mora on November 15 as part of her attendance at "
            "the APEC Summit and visit to Peru."
        ],
        [PERU],
        people=[("Ana Soto", "p1", "CHL", "president"), ("Luis Mora", "p2", "PER", "president")],
    )
    assert (("CHL", "PER"), "visit") in found


def test_a_visit_for_the_summit_itself_stays_the_gathering():
    found = rows(
        ["The G20 summit visit drew protests in Lima."],
        [("Lima", "LOCATION", "PER")],
    )
    assert found == set()


# --- talks held by video are a call, not a meeting ----------------------------------------------------------------


def test_videoconference_talks_are_a_call_and_no_meeting():
    found = rows(
        ["The Chilean minister held videoconference talks with Peruvian President Luis Mora on Monday."],
        [("Chilean", "COUNTRY", "CHL"), ("Peruvian", "COUNTRY", "PER")],
        people=[("Luis Mora", "p1", "PER", "president")],
    )
    assert found == {(("CHL", "PER"), "call")}


def test_talks_via_video_link_are_a_call_and_no_meeting():
    found = rows(
        ["Chile and Peru held talks via video link on Monday."],
        [CHILE, PERU],
    )
    assert found == {(("CHL", "PER"), "call")}


# --- a trip told by its departure for a named place -----------------------------------------------------------------


def test_an_official_heading_to_a_foreign_capital_makes_a_visit():
    found = rows(
        ['"Trade will be discussed," the Peruvian foreign secretary told reporters before heading to Santiago.'],
        [("Peruvian", "COUNTRY", "PER"), ("Santiago", "LOCATION", "CHL")],
    )
    assert found == {(("CHL", "PER"), "visit")}


def test_a_minister_who_left_for_a_foreign_capital_makes_a_visit():
    found = rows(
        ["Peruvian Foreign Minister Luis Mora left for Santiago on Sunday."],
        [("Peruvian", "COUNTRY", "PER"), ("Santiago", "LOCATION", "CHL")],
        people=[("Luis Mora", "p1", "PER", "foreign minister")],
    )
    assert found == {(("CHL", "PER"), "visit")}


def test_heading_to_the_polls_is_no_visit():
    found = rows(
        ["Peruvians living in Chile are heading to the polls on Sunday."],
        [("Peruvians", "COUNTRY", "PER"), CHILE],
    )
    assert found == set()


# --- a gift of ships, boats or aircraft to the other side is cooperation --------------------------------------------


def test_agreeing_to_gift_a_ship_to_the_other_side_is_cooperation():
    found = rows(
        ["The Chilean envoy also agreed to gift a modern training ship to Peru at the request of the President."],
        [("Chilean", "COUNTRY", "CHL"), PERU],
    )
    assert found == {(("CHL", "PER"), "cooperation")}


def test_providing_patrol_boats_for_a_coast_guard_is_cooperation():
    found = rows(
        ["The Chilean Government moved to provide three patrol vessels for the Peruvian Coast Guard."],
        [("Chilean", "COUNTRY", "CHL"), ("Peruvian", "COUNTRY", "PER")],
    )
    assert found == {(("CHL", "PER"), "cooperation")}


def test_a_ship_visit_named_with_provide_is_no_gift():
    found = rows(
        ["Chile said the port will provide fuel to ships from Peru."],
        [CHILE, PERU],
    )
    assert (("CHL", "PER"), "cooperation") not in found


# --- talks by telephone, and a call whose caller is named by title only --------------------------------------------


def test_a_meeting_held_via_telephone_is_a_call():
    found = rows(
        ["The prime ministers of Chile and Peru spoke of trade; the talks held by telephone lasted an hour."],
        [CHILE, PERU],
    )
    assert found == {(("CHL", "PER"), "call")}


def test_a_call_naming_one_side_of_the_storys_pair_is_with_the_other_side():
    found = rows(
        [
            "Peruvian President Luis Mora will start a working visit to Chile on Thursday.",
            "His Majesty, in a phone call in March, praised Mora for his election by the Peruvian congress.",
        ],
        [("Peruvian", "COUNTRY", "PER"), CHILE],
        people=[("Luis Mora", "p1", "PER", "president"), ("Mora", "p1", "PER", "president")],
    )
    assert (("CHL", "PER"), "call") in found


def test_a_call_naming_a_third_country_takes_no_pair_from_the_story():
    found = rows(
        [
            "Peruvian President Luis Mora will start a working visit to Chile on Thursday.",
            "In a phone call on Monday, Mora discussed the floods with Bolivia's president.",
        ],
        [("Peruvian", "COUNTRY", "PER"), CHILE, ("Bolivia", "COUNTRY", "BOL")],
        people=[("Luis Mora", "p1", "PER", "president"), ("Mora", "p1", "PER", "president")],
    )
    assert (("CHL", "PER"), "call") not in found


# --- the country two sides agree to back is the topic of their talks, and a side of an offer -----------------------


def test_the_country_a_meeting_stresses_support_for_is_no_side():
    found = rows(
        ["At their meeting, ministers Soto and Mora stressed the importance of providing support for Bolivia."],
        [("Bolivia", "COUNTRY", "BOL")],
        people=[("Soto", "p1", "CHL", "foreign minister")],
    )
    assert not any("BOL" in pair for pair, _ in found)


def test_support_offered_to_a_country_is_cooperation_with_it():
    found = rows(
        ["Chile offered its support to Bolivia for rebuilding the flooded roads."],
        [CHILE, ("Bolivia", "COUNTRY", "BOL")],
    )
    assert (("BOL", "CHL"), "cooperation") in found


# --- a visit to "the country" of the story's pair, and a weekday that names a yearless date's year -----------------


def test_a_visit_to_the_country_is_to_the_other_side_of_the_storys_pair():
    frame = extract(
        [
            "Peru's President Luis Mora arrives in the country on Friday, May 17, for a two-day official visit.",
            "While in Chile, he will hold talks on relations between Chile and Peru.",
        ],
        [("Peru", "COUNTRY", "PER"), ("Chile", "COUNTRY", "CHL")],
        [("Luis Mora", "p1", "PER", "president")],
        published=date(2024, 5, 16),
    )
    visits = [r for r in frame.iter_rows(named=True) if r["engagement_type"] == "visit"]
    assert [(r["country_a"], r["country_b"]) for r in visits] == [("CHL", "PER")]


def test_a_visit_to_the_country_in_a_story_of_another_pair_takes_no_pair():
    found = rows(
        ["Peru's President Luis Mora arrives in the country on Friday for a two-day official visit."],
        [("Peru", "COUNTRY", "PER")],
        people=[("Luis Mora", "p1", "PER", "president")],
    )
    assert found == set()


def test_a_weekday_before_a_yearless_date_names_its_year():
    from pipeline.dates.events import find_date_spans

    (span,) = find_date_spans("The president arrives on Friday, May 26, for talks.", date(2017, 5, 25))
    assert span.start == date(2017, 5, 26)
    (past,) = find_date_spans("They met on Thursday, May 26, 2016.", date(2017, 5, 25))
    assert past.start == date(2016, 5, 26)
