"""How the text numbers an engagement within its series (the guide's "Ordinals"), in articles of our own."""

import pytest
from test_engagements import INDIA, JAPAN, extract

NEPAL, CHILE, PERU = ("Nepal", "COUNTRY", "NPL"), ("Chile", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")


def ordinals(sentence, entities):
    return extract([sentence], entities)["ordinal"].drop_nulls().to_list()


def test_the_number_ending_an_exercise_name_numbers_the_exercise():
    assert ordinals(
        'Indian and Nepalese troops began the "Surya Kiran-14" exercises in Pithoragarh.',
        [("Indian", "COUNTRY", "IND"), ("Nepalese", "COUNTRY", "NPL")],
    ) == [14]


def test_an_exercise_dubbed_with_a_numbered_name_takes_its_number():
    assert ordinals(
        "India and Nepal launched a joint military exercise dubbed Friendship of the Hills-3 on Monday.",
        [INDIA, NEPAL],
    ) == [3]


def test_a_year_ending_an_exercise_name_is_no_ordinal():
    assert (
        ordinals(
            "India and Nepal launched a joint exercise dubbed Mountain Shield-2019 on Monday.", [INDIA, NEPAL]
        )
        == []
    )


def test_a_roman_numeral_opening_a_format_title_numbers_it():
    assert ordinals(
        "Chile and Peru will hold the IV Binational Summit in Lima on Friday.", [CHILE, PERU]
    ) == [4]


def test_the_pronoun_i_is_no_roman_numeral():
    assert (
        ordinals(
            '"I Met Her Twice," the Chilean minister said of his Peruvian counterpart after talks in Lima.',
            [("Chilean", "COUNTRY", "CHL"), ("Peruvian", "COUNTRY", "PER")],
        )
        == []
    )


def test_the_numbered_session_a_meeting_is_of_numbers_the_meeting():
    assert ordinals(
        "India and Japan held a two-day meeting of the 9th Session of their Joint Commission in Tokyo.",
        [INDIA, JAPAN],
    ) == [9]


def test_an_ordinal_in_apposition_after_the_meeting_numbers_it():
    assert ordinals(
        "The meeting of India and Japan, the fourth held between the two leaders, ended in Tokyo.",
        [INDIA, JAPAN],
    ) == [4]


@pytest.mark.parametrize(
    "sentence",
    [
        "During the first foreign visit of the Japanese leader, India and Japan signed a trade pact.",
        "Japan's prime minister said the first time he visited India was in 2016.",
        "Japan's prime minister flew to India on Tuesday, his second state visit of the week.",
    ],
)
def test_a_count_of_a_persons_trips_or_of_a_period_is_no_ordinal(sentence):
    assert ordinals(sentence, [("Japan", "COUNTRY", "JPN"), INDIA]) == []


def test_a_role_in_apposition_after_the_anchor_is_no_ordinal():
    assert (
        ordinals(
            "On the visit to Tokyo, the first vice president of India's ruling party said Japan was a friend.",
            [INDIA, JAPAN],
        )
        == []
    )
