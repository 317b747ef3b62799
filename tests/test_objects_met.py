"""The people a meeting trigger meets, read from the dependency parse (``counterparts._objects_met``): leaders of
several countries named with their titles in any wording are each one meeting with the subject's side; what a
clause says of them, and countries alone, are not whom one meets. The articles are our own."""

from test_unfound_pairs import pair_types


def test_leaders_named_after_office_of_country_titles_are_each_a_meeting():
    found = pair_types(
        [
            "Oduya also met the Prime Minister of Tanzania, Amani Mrema, and the President of Uganda, Ruth "
            "Kagame, on the sidelines of the summit."
        ],
        entities=[("Tanzania", "COUNTRY", "TZA"), ("Uganda", "COUNTRY", "UGA")],
        people=[("Oduya", "p1", "KEN", "president"), ("Amani Mrema", "p3", "TZA", "prime minister"),
                ("Ruth Kagame", "p2", "UGA", "president")],
    )
    assert found == {(("KEN", "TZA"), "meeting"), (("KEN", "UGA"), "meeting")}


def test_a_leader_described_by_country_and_one_named_are_each_a_meeting():
    found = pair_types(
        [
            "Oduya is also expected to meet the prime minister of Tanzania and the head of the army in Uganda "
            "General Ruth Kagame."
        ],
        entities=[("Tanzania", "COUNTRY", "TZA"), ("Uganda", "COUNTRY", "UGA")],
        people=[("Oduya", "p1", "KEN", "president"), ("Ruth Kagame", "p2", "UGA", "general")],
    )
    assert found == {(("KEN", "TZA"), "meeting"), (("KEN", "UGA"), "meeting")}


def test_someone_a_clause_says_the_one_met_spoke_to_is_not_met():
    found = pair_types(
        ["Oduya met Ugandan President Ruth Kagame, who had called Tanzanian Prime Minister Amani Mrema."],
        people=[("Oduya", "p1", "KEN", "president"), ("Ruth Kagame", "p2", "UGA", "president"),
                ("Amani Mrema", "p3", "TZA", "prime minister")],
    )
    assert (("KEN", "TZA"), "meeting") not in found


def test_countries_alone_that_a_side_consults_are_not_people_met():
    found = pair_types(
        ["Kenya only regularly holds such consultations with its other neighbour Uganda and Tanzania."],
        entities=[("Kenya", "COUNTRY", "KEN"), ("Uganda", "COUNTRY", "UGA"), ("Tanzania", "COUNTRY", "TZA")],
        people=[],
    )
    assert found == set()


# --- the trigger's subject and object are the pair, in a sentence naming three countries -----------------------


def test_the_subject_and_the_one_met_are_the_pair_whatever_else_the_sentence_names():
    found = pair_types(
        [
            "Oduya will meet with Kagame later this week, ahead of the Ugandan president's first sit-down with "
            "Tanzanian Prime Minister Amani Mrema."
        ],
        people=[("Oduya", "p1", "KEN", "president"), ("Kagame", "p2", "UGA", "president"),
                ("Amani Mrema", "p3", "TZA", "prime minister")],
    )
    assert (("KEN", "UGA"), "meeting") in found
    assert not {pair for pair, _ in found} & {("KEN", "TZA")}


def test_a_dateline_read_as_a_second_subject_gives_way_to_the_person():
    found = pair_types(
        [
            "Arusha: President Daniel Oduya will hold a bilateral meeting with Uganda's President Ruth Kagame on "
            "the margins of the regional summit on Friday, officials said."
        ],
        entities=[("Arusha", "COUNTRY", "TZA"), ("Uganda", "COUNTRY", "UGA")],
        people=[("Daniel Oduya", "p1", "KEN", "president"), ("Ruth Kagame", "p2", "UGA", "president")],
    )
    assert found == {(("KEN", "UGA"), "meeting")}
