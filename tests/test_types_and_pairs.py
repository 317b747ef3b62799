"""The type of an engagement and whether its pair is found (issue 22, round 4): one written example per class of
phrasing, and the sentences the rules must leave alone."""

from datetime import date

from test_engagements import extract, pair_types

PUBLISHED = date(2024, 3, 12)
SERBIAN, HUNGARIAN = ("Serbian", "COUNTRY", "SRB"), ("Hungarian", "COUNTRY", "HUN")


def rows(sentences, entities, people=()):
    return pair_types(sentences, entities, people, PUBLISHED)


# --- speaking with the other side's official: a call at a distance, talks when a trip brings them together --


def test_speaking_with_a_foreign_leader_with_no_trip_is_a_call():
    found = rows(
        ["Serbian President Milan Jovic spoke last evening with Hungarian Prime Minister Gabor Szabo."],
        [SERBIAN, HUNGARIAN],
        people=[("Milan Jovic", "p1", "SRB", "president"), ("Gabor Szabo", "p2", "HUN", "prime minister")],
    )
    assert found == {(("HUN", "SRB"), "call")}


def test_speaking_with_a_leader_named_before_his_title_is_a_call():
    found = rows(
        ['"This afternoon, I spoke with Gabor Szabo, the Prime Minister of Hungary," Jovic wrote.'],
        [("Hungary", "COUNTRY", "HUN")],
        people=[("Gabor Szabo", "p2", "HUN", "prime minister"), ("Jovic", "p1", "SRB", "president")],
    )
    assert found == {(("HUN", "SRB"), "call")}


def test_speaking_with_a_counterpart_during_a_visit_is_a_meeting():
    found = rows(
        [
            "Serbian President Milan Jovic arrived in Budapest on Monday.",
            "He spoke with Hungarian Prime Minister Gabor Szabo at the parliament.",
        ],
        [SERBIAN, HUNGARIAN, ("Budapest", "LOCATION", "HUN")],
        people=[("Milan Jovic", "p1", "SRB", "president"), ("Gabor Szabo", "p2", "HUN", "prime minister")],
    )
    assert found == {(("HUN", "SRB"), "visit"), (("HUN", "SRB"), "meeting")}


def test_speaking_to_a_leader_about_a_postponed_trip_is_a_call():
    found = rows(
        [
            "Serbian President Milan Jovic spoke to Prime Minister Gabor Szabo on Monday to tell him that he will "
            "postpone his trip to Hungary."
        ],
        [SERBIAN, ("Hungary", "COUNTRY", "HUN")],
        people=[("Milan Jovic", "p1", "SRB", "president"), ("Gabor Szabo", "p2", "HUN", "prime minister")],
    )
    assert (("HUN", "SRB"), "call") in found
    assert (("HUN", "SRB"), "meeting") not in found


def test_speaking_to_reporters_about_a_minister_is_no_contact():
    found = rows(
        [
            "Serbian President Milan Jovic spoke to reporters about the Hungarian minister's remarks on Monday."
        ],
        [SERBIAN, HUNGARIAN],
        people=[("Milan Jovic", "p1", "SRB", "president")],
    )
    assert found == set()


# --- the two sides named with an adjective still refer back to the pair ----------------------------------------


def test_both_leaders_named_with_a_regional_adjective_refer_back_to_the_pair():
    found = rows(
        [
            "The presidents of Ecuador and Paraguay meet for a summit in Quito on Friday.",
            "Both Latin American leaders plan to sign a dozen agreements on energy there.",
        ],
        [
            ("Ecuador", "COUNTRY", "ECU"),
            ("Paraguay", "COUNTRY", "PRY"),
            ("American", "COUNTRY", "USA"),
            ("Quito", "LOCATION", "ECU"),
        ],
    )
    assert found == {(("ECU", "PRY"), "meeting"), (("ECU", "PRY"), "agreement")}


def test_the_two_neighbouring_countries_refer_back_to_the_pair():
    found = rows(
        [
            "Kenya and Uganda held talks in Nairobi on Monday.",
            "The two neighbouring countries will sign a border agreement next month.",
        ],
        [("Kenya", "COUNTRY", "KEN"), ("Uganda", "COUNTRY", "UGA"), ("Nairobi", "LOCATION", "KEN")],
    )
    assert (("KEN", "UGA"), "agreement") in found


def test_a_sentence_naming_three_sides_refers_to_no_pair_of_two():
    found = rows(
        [
            "Montenegro and Croatia signed agreements in Zagreb on Thursday.",
            "Last May, Montenegro signed a power agreement with Croatia and the Netherlands for a pipeline "
            "joining the two neighbouring countries.",
        ],
        [
            ("Montenegro", "COUNTRY", "MNE"),
            ("Croatia", "COUNTRY", "HRV"),
            ("Zagreb", "LOCATION", "HRV"),
            ("Netherlands", "COUNTRY", "NLD"),
        ],
    )
    assert found == {(("HRV", "MNE"), "agreement")}
    frame = extract(
        [
            "Montenegro and Croatia signed agreements in Zagreb on Thursday.",
            "Last May, Montenegro signed a power agreement with Croatia and the Netherlands for a pipeline "
            "joining the two neighbouring countries.",
        ],
        [
            ("Montenegro", "COUNTRY", "MNE"),
            ("Croatia", "COUNTRY", "HRV"),
            ("Zagreb", "LOCATION", "HRV"),
            ("Netherlands", "COUNTRY", "NLD"),
        ],
        published=PUBLISHED,
    )
    assert frame["sentence_index"].to_list() == [0]


def test_what_the_two_leaders_discussed_after_a_call_is_that_call():
    found = rows(
        [
            "President Ruto held a phone call on Tuesday with U.S. Secretary of State Mark Ellison.",
            "In a statement, Ruto said the two leaders discussed regional security.",
        ],
        [("U.S.", "COUNTRY", "USA")],
        people=[("Ruto", "p1", "KEN", "president"), ("Mark Ellison", "p2", "USA", "secretary of state")],
    )
    assert found == {(("KEN", "USA"), "call")}


# --- talks in the singular, a trip told by its landing -------------------------------------------------------


def test_a_talk_between_the_two_leaders_is_a_meeting():
    found = rows(
        [
            "Three accords came out of a talk between the prime ministers of Laos and Thailand in Vientiane."
        ],
        [("Laos", "COUNTRY", "LAO"), ("Thailand", "COUNTRY", "THA"), ("Vientiane", "LOCATION", "LAO")],
    )
    assert (("LAO", "THA"), "meeting") in found


def test_a_talk_given_at_a_university_is_no_meeting():
    found = rows(
        ["The Vietnamese ambassador gave a talk at a Singapore university on Monday."],
        [("Vietnamese", "COUNTRY", "VNM"), ("Singapore", "COUNTRY", "SGP")],
    )
    assert found == set()


def test_landing_at_the_capitals_airport_is_a_visit():
    found = rows(
        [
            "President Ruiz was received at the presidential palace minutes after landing at the international "
            "airport of Caracas."
        ],
        [("Caracas", "COUNTRY", "VEN")],
        people=[("Ruiz", "p1", "COL", "president")],
    )
    assert (("COL", "VEN"), "visit") in found


# --- people and their countries ------------------------------------------------------------------------------


def test_a_title_of_the_sisterly_kingdom_gives_the_name_its_country():
    from test_entity_fixes import people

    table = people(
        "The Sultan took a phone call on Sunday from King Faisal Al Noor, King of the sisterly Kingdom of "
        "Bahrain, in which the two went over events in occupied Palestine and in Palestinian villages.\n"
        "Palestinian officials welcomed the call, and Palestine thanked both."
    )
    row = table.filter(table["name"] == "Faisal Al Noor").row(0, named=True)
    assert row["country_code"] == "BHR"


# --- a sentence lost in cleaning -------------------------------------------------------------------------------


def test_a_photo_credit_ending_a_paragraph_does_not_take_the_next_sentence_with_it():
    from pipeline.clean.stage import clean_text

    text = clean_text(
        "The glacier has been shrinking faster this century. Picture: PA\n"
        "The senator has cancelled her trip to Iceland over the mayor's comments.\n"
        "Her office confirmed the cancellation on Friday."
    )
    assert "The senator has cancelled her trip to Iceland" in text
    assert "Picture" not in text


# --- private people are no party: negatives of tourism, education and trade stories ---------------------------

CHINESE, JAPAN = ("Chinese", "COUNTRY", "CHN"), ("Japan", "COUNTRY", "JPN")


def test_tourists_visiting_a_country_make_no_visit():
    assert (
        rows(["More than two million Chinese tourists visited Japan last year."], [CHINESE, JAPAN]) == set()
    )


def test_scientists_signing_a_memorandum_make_no_agreement():
    found = rows(
        ["Japanese and Chinese scientists signed a memorandum on climate research."],
        [("Japanese", "COUNTRY", "JPN"), CHINESE],
    )
    assert found == set()


def test_an_official_meeting_students_of_the_other_country_holds_no_meeting():
    found = rows(["Japan's foreign minister met Chinese students in Tokyo on Monday."], [CHINESE, JAPAN])
    assert found == set()


def test_an_official_who_met_students_and_then_visited_keeps_the_visit():
    found = rows(
        ["The Chinese foreign minister, who met students in Beijing, visited Japan on Monday."],
        [CHINESE, JAPAN],
    )
    assert found == {(("CHN", "JPN"), "visit")}


def test_a_meeting_with_businessmen_beside_one_with_the_president_keeps_the_second():
    found = rows(
        [
            "The Peruvian president's programme lists a meeting with Brazilian executives, as well as a meeting "
            "with President Costa at the Planalto."
        ],
        [("Peruvian", "COUNTRY", "PER"), ("Brazilian", "COUNTRY", "BRA")],
        people=[("Costa", "p1", "BRA", "president")],
    )
    assert found == {(("BRA", "PER"), "meeting")}


def test_a_president_sent_on_a_visit_to_the_home_country_is_of_the_other_country():
    from test_entity_fixes import people

    table = people(
        "VILNIUS - Lithuania and Poland will set up a joint council of defence ministers.\n"
        "The adviser spoke of President Dalia Kairiene's upcoming visit to Poland.\n"
        "Kairiene is scheduled to meet with President Jan Nowicki of Poland and Polish ministers in Warsaw.\n"
        "The visit will bring cooperation with Poland to a new level, and Poland welcomed it."
    )
    assert table.filter(table["name"] == "Dalia Kairiene").row(0, named=True)["country_code"] == "LTU"


def test_an_adviser_to_a_countrys_prime_minister_is_of_that_country():
    from test_entity_fixes import people

    table = people(
        "Aziz Rahman, MP and Special Adviser to the President of Indonesia, promised help to Nepal.\n"
        "Nepal thanked him, and Nepal's president welcomed the offer."
    )
    row = table.filter(table["name"] == "Aziz Rahman").row(0, named=True)
    assert (row["country_code"], row["role"]) == ("IDN", "Special Adviser")


# --- a reference to a domestic meeting takes no older pair -----------------------------------------------------


def test_after_the_meeting_the_sentence_before_held_at_home_takes_no_older_pair():
    found = rows(
        [
            "President Hale will call off his trip to Fiji next month, the White House said.",
            "Hale met congressional leaders at the White House on Tuesday morning.",
            "After the meeting, Senator Ann Porter said the two sides remain apart, but a budget deal is close.",
        ],
        [("Fiji", "COUNTRY", "FJI"), ("White House", "ORGANIZATION", "USA")],
        people=[("Hale", "p1", "USA", "president"), ("Ann Porter", "p2", None, "senator")],
    )
    assert found == {(("FJI", "USA"), "visit")}


def test_after_the_meeting_of_the_two_leaders_the_pair_carries_on():
    found = rows(
        [
            "President Biden met Prime Minister James Marape of Papua New Guinea on Monday.",
            "After the meeting, the two leaders signed a defence agreement.",
        ],
        [("Papua New Guinea", "COUNTRY", "PNG")],
        people=[("Biden", "p1", "USA", "president"), ("James Marape", "p2", "PNG", "prime minister")],
    )
    assert found == {(("PNG", "USA"), "meeting"), (("PNG", "USA"), "agreement")}


def test_after_a_meeting_that_names_one_side_only_the_pair_carries_on():
    found = rows(
        [
            "Kenya and Uganda signed a trade pact in Nairobi on Monday.",
            "President Daniel Oduya later received the visiting minister at State House.",
            "During the meeting, the two discussed the border.",
        ],
        [("Kenya", "COUNTRY", "KEN"), ("Uganda", "COUNTRY", "UGA"), ("Nairobi", "LOCATION", "KEN")],
        people=[("Daniel Oduya", "p1", "KEN", "president")],
    )
    assert (("KEN", "UGA"), "meeting") in found


# --- sport: a final is a fixture, not a meeting of states -----------------------------------------------------


def test_two_countries_that_meet_in_the_final_are_teams():
    found = rows(
        ["China and Japan will meet in the final on Sunday after both won their semi-finals."],
        [("China", "COUNTRY", "CHN"), ("Japan", "COUNTRY", "JPN")],
    )
    assert found == set()


def test_the_final_communique_of_talks_is_no_sport():
    found = rows(
        ["China and Japan held talks in Beijing and agreed on the final communique on Sunday."],
        [("China", "COUNTRY", "CHN"), ("Japan", "COUNTRY", "JPN"), ("Beijing", "LOCATION", "CHN")],
    )
    assert found == {(("CHN", "JPN"), "meeting")}
