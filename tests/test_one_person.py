"""One person across reports, whatever the styles an outlet writes around the name: "H. E. Shri", "Hon'ble Mr."
before it, "MP" after it. An undated report is joined to another story's dated engagement by the people both
name (``fusion_reports``), so a person split in two left the report an undated row of its own. Names made up for
these tests."""

from test_entities import person, persons

from pipeline.person_names import strip_honorifics


def test_honorifics_spelled_in_initials_or_with_an_apostrophe_and_post_nominal_letters_are_no_part_of_a_name():
    assert strip_honorifics("H. E. Shri Kamal Rana") == "Kamal Rana"
    assert strip_honorifics("Hon'ble Mr. Bir Bahadur Thapa") == "Bir Bahadur Thapa"
    assert strip_honorifics("Hon’ble Mr. Bir Bahadur Thapa") == "Bir Bahadur Thapa"
    assert strip_honorifics("Andrew Whitfield MP") == "Andrew Whitfield"


def test_initials_that_spell_no_honorific_and_a_name_of_two_tokens_stay():
    assert strip_honorifics("J. K. Mensah") == "J. K. Mensah"
    assert strip_honorifics("Mr. MP") == "MP"


def test_one_leader_styled_differently_by_two_outlets_is_one_person():
    table = persons(
        "Prime Minister Andrew Whitfield met Prime Minister Kamal Rana in Canberra on Monday.",
        "In a landmark meeting, Andrew Whitfield MP, Prime Minister of Australia, welcomed H. E. Shri Kamal Rana,"
        " Prime Minister of India.",
    )
    assert person(table, "Andrew Whitfield")["person_id"]
    assert person(table, "Kamal Rana")["person_id"]
    assert table.filter(table["name"].str.contains("MP|Shri")).height == 0
