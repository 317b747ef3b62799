"""False engagements in stories that hold none (issue 22, round 2 of negatives): a gathering of many told over
several sentences, a count of a country's people who travel, past pacts named in an argument, and (for pairs not
found) a junior minister whose title names the country. One written
example per class, and the sentences the rules must leave alone."""

from datetime import date

from test_engagements import extract, pair_types

PUBLISHED = date(2024, 3, 12)
PERU, CHILE = ("Peruvian", "COUNTRY", "PER"), ("Chilean", "COUNTRY", "CHL")


def rows(sentences, entities, people=()):
    return pair_types(sentences, entities, people, PUBLISHED)


# --- a gathering of many, named by who came and then by "the meeting" ----------------------------------------


def test_a_summit_that_brought_together_many_presidents_is_the_gathering():
    found = rows(
        [
            "Peruvian President Luis Rojas hosted the summit in Lima on Wednesday, which brought together 18 "
            "presidents including Chilean President Ana Torres."
        ],
        [PERU, ("Lima", "LOCATION", "PER"), CHILE],
        people=[("Luis Rojas", "p1", "PER", "president"), ("Ana Torres", "p2", "CHL", "president")],
    )
    assert found == set()


def test_the_meeting_named_again_after_a_gathering_of_many_is_that_gathering():
    found = rows(
        [
            "Finance chiefs and central bank governors from the Group of 20 countries put out a joint statement "
            "on Saturday after a two-day meeting in Peru.",
            "Debt relief hung heavily over the meeting in the Peruvian city of Cusco following Chilean President "
            "Ana Torres's remarks on interest rates.",
        ],
        [("Peru", "COUNTRY", "PER"), PERU, ("Cusco", "LOCATION", "PER"), CHILE],
    )
    assert found == set()


def test_the_heads_of_state_meeting_of_a_community_of_states_is_multilateral():
    found = rows(
        [
            "Peruvian President Luis Rojas closed the heads of state meeting at the Summit of the Community of "
            "Andean and Pacific States with a call for unity.",
            "Rojas criticised the Chilean blockade of the port of Arica.",
            "Rojas concluded the heads of state meeting by handing the presidency to Chilean President Ana Torres.",
        ],
        [PERU, CHILE, ("Arica", "LOCATION", "CHL")],
        people=[
            ("Luis Rojas", "p1", "PER", "president"),
            ("Rojas", "p1", "PER", "president"),
            ("Ana Torres", "p2", "CHL", "president"),
        ],
    )
    assert found == set()


def test_the_meeting_after_talks_held_on_the_sidelines_of_a_summit_stays_bilateral():
    found = rows(
        [
            "The two presidents' closed-door meeting was held on the sidelines of the APEC summit, where Peruvian "
            "President Luis Rojas met Chilean President Ana Torres on Friday.",
            "No further details of the meeting were released.",
        ],
        [PERU, CHILE],
        people=[("Luis Rojas", "p1", "PER", "president"), ("Ana Torres", "p2", "CHL", "president")],
    )
    assert (("CHL", "PER"), "meeting") in found


# --- a count of a country's people who travel is a flow, not an official visit -------------------------------


def test_a_count_of_nationals_visiting_a_country_is_no_visit():
    found = rows(
        [
            "A total of 12,480 Peruvians visited Chile between January and June, the tourism board said.",
            "It expects a further rise in the number of Peruvians visiting Chile next year.",
        ],
        [("Peruvians", "COUNTRY", "PER"), ("Chile", "COUNTRY", "CHL")],
    )
    assert found == set()


def test_two_ministers_named_with_their_country_still_make_a_visit():
    found = rows(
        ["Two Peruvian ministers visited Chile on Monday for talks on fisheries."],
        [PERU, ("Chile", "COUNTRY", "CHL")],
    )
    assert (("CHL", "PER"), "visit") in found


# --- past pacts named in the plural, undated and unsigned, are an argument's topic, not a record -------------


def test_pacts_named_in_an_argument_make_no_agreement():
    found = rows(
        [
            "Speaking in Quito on Saturday, the minister said that Chile has disregarded the border pacts with Peru."
        ],
        [("Chile", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")],
    )
    assert found == set()


def test_agreements_entered_into_during_a_visit_are_a_record():
    found = rows(
        [
            "The two ministers reviewed the agreements entered into during the Chilean president's visit to Peru.",
        ],
        [CHILE, ("Peru", "COUNTRY", "PER")],
    )
    assert (("CHL", "PER"), "agreement") in found


def test_the_singular_pact_named_in_an_argument_is_left_alone():
    found = rows(
        ["The minister said that Chile has disregarded the 1998 border pact with Peru."],
        [("Chile", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")],
    )
    assert (("CHL", "PER"), "agreement") in found


# --- a junior minister of a one-country ministry is of that country ---------------------------------------------


def test_a_minister_of_state_for_external_affairs_is_indian_in_a_story_datelined_abroad():
    from test_entity_fixes import people

    table = people(
        "Montevideo, March 9: Union Minister of State for External Affairs Rita Sharma on Thursday held talks "
        "with Uruguay's Deputy Foreign Minister Carlos Benitez.\n"
        "Sharma also toured a port in Uruguay, and Uruguay thanked her."
    )
    row = table.filter(table["name"] == "Rita Sharma").row(0, named=True)
    assert row["country_code"] == "IND"


def test_a_deputy_minister_of_a_shared_title_takes_no_country_from_it():
    from pipeline.countries import role_country

    assert role_country("Deputy Foreign Minister") is None
    assert role_country("Deputy External Affairs Minister") == "IND"


# --- a council two governments hold is a meeting ---------------------------------------------------------------


def test_the_upcoming_high_level_cooperation_council_of_two_countries_is_a_planned_meeting():
    found = extract(
        [
            "The Spanish and Moroccan foreign ministers held a phone call to go over plans for the upcoming "
            "Spain-Morocco High-Level Cooperation Council."
        ],
        [
            ("Spanish", "COUNTRY", "ESP"),
            ("Moroccan", "COUNTRY", "MAR"),
            ("Spain", "COUNTRY", "ESP"),
            ("Morocco", "COUNTRY", "MAR"),
        ],
        published=PUBLISHED,
    )
    kinds = {(r["engagement_type"], r["status"]) for r in found.iter_rows(named=True)}
    assert kinds == {("call", "held"), ("meeting", "planned")}


def test_a_council_of_an_organisation_or_a_cabinet_is_no_meeting():
    found = rows(
        [
            "Saudi Arabia and Qatar are members of the Gulf Cooperation Council.",
            "China's State Council said Japan should respect the ruling.",
        ],
        [
            ("Saudi Arabia", "COUNTRY", "SAU"),
            ("Qatar", "COUNTRY", "QAT"),
            ("China", "COUNTRY", "CHN"),
            ("Japan", "COUNTRY", "JPN"),
        ],
    )
    assert found == set()


# --- a visit to a region, told in a report datelined in one of its countries -----------------------------------


def test_a_visit_to_a_continent_in_a_report_datelined_in_one_of_its_countries_goes_there():
    found = rows(
        [
            "Montevideo [Uruguay], March 9 (ANI): External Affairs Minister Rita Sharma on Thursday held talks "
            "with her counterpart Carlos Benitez.",
            "Sharma is on her first official visit to South America.",
        ],
        [("Montevideo", "LOCATION", "URY"), ("Uruguay", "COUNTRY", "URY")],
        people=[
            ("Rita Sharma", "p1", "IND", "external affairs minister"),
            ("Sharma", "p1", "IND", "external affairs minister"),
            ("Carlos Benitez", "p2", "URY", "foreign minister"),
        ],
    )
    assert (("IND", "URY"), "visit") in found


def test_a_bare_surname_is_the_person_named_with_initials_before():
    from test_entity_fixes import people

    table = people(
        "Asuncion, August 22: External Affairs Minister R Sharma on Monday held talks with Paraguay's foreign "
        "minister.\nSharma is on her first official visit to South America, and Paraguay welcomed her."
    )
    assert set(table.filter(table["name"].str.contains("Sharma"))["country_code"].to_list()) == {"IND"}
