"""A sentence may state a person's side away from their title: signing "on behalf of" a country, or having a
counterpart of a country (``pipeline.entities.sides``). Articles written for the tests, names invented."""

from tests.test_entities import person, persons

SIGNING = (
    "Zambia and Zimbabwe signed four agreements in Lusaka on Friday.\n"
    "Trade Minister Tafadzwa Moyo signed the first MoU on behalf of Zimbabwe, and Zambian Commerce Minister "
    "Bwalya Mumba signed the second on behalf of Zambia.\n"
    "Gender Minister Rudo Chari and her Zambian counterpart Mutale Zulu signed the fourth MoU.\n"
    "Zambia hopes trade will grow, and Zambia will host the next commission.\n"
    "Zambia thanked its neighbour."
)


def test_a_signer_on_behalf_of_a_country_is_of_that_country():
    assert person(persons(SIGNING), "Tafadzwa Moyo")["country_code"] == "ZWE"


def test_a_person_with_a_counterpart_of_the_host_is_of_the_other_side():
    table = persons(SIGNING)
    assert person(table, "Rudo Chari")["country_code"] == "ZWE"
    assert person(table, "Bwalya Mumba")["country_code"] == "ZMB"


def test_on_behalf_of_after_a_second_party_does_not_name_the_first_ones_side():
    table = persons(
        "Minister Tafadzwa Moyo signed a deal with Ambassador Lin Wei on behalf of China.\n"
        "Zambia and China are partners. Zambia hopes trade will grow. Zambia will host the next commission."
    )
    assert person(table, "Tafadzwa Moyo")["country_code"] == "ZMB"
