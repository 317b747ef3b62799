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


def test_a_gatherings_number_does_not_number_a_meeting_on_its_margins():
    assert (
        ordinals(
            "Ruritania's president met his Borduvian counterpart on the margins of the 27th summit of the "
            "Northern League of States.",
            [("Ruritania", "COUNTRY", "CHL"), ("Borduvian", "COUNTRY", "PER")],
        )
        == []
    )


def test_a_gatherings_number_before_another_conjunct_does_not_number_the_meeting():
    assert (
        ordinals(
            "The Chilean president flew to Lima for the 16th BRICS Summit and met the Peruvian president there.",
            [("Chilean", "COUNTRY", "CHL"), ("Peruvian", "COUNTRY", "PER")],
        )
        == []
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The first phone call the Chilean president took after his re-election was with the Peruvian leader.",
        "The Chilean minister's first visit to Peru after taking office began in Lima on Monday.",
    ],
)
def test_a_count_from_a_persons_accession_is_recency(sentence):
    assert (
        ordinals(
            sentence,
            [("Chilean", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER"), ("Peruvian", "COUNTRY", "PER")],
        )
        == []
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile and Peru marked the 40th anniversary of their fisheries treaty in Lima on Monday.",
        "Chile and Peru celebrated the 40th anniversary of the signing of their fisheries treaty.",
    ],
)
def test_an_anniversary_counts_years_not_the_series(sentence):
    assert ordinals(sentence, [CHILE, PERU]) == []


def test_two_sides_meeting_for_the_first_time_is_their_first_meeting():
    assert ordinals(
        "The defence ministers of Chile and Peru met for the first time in Arica on Friday.", [CHILE, PERU]
    ) == [1]


def test_meeting_for_the_first_time_in_years_is_recency():
    assert (
        ordinals(
            "The presidents of Chile and Peru met for the first time in six years on Friday.", [CHILE, PERU]
        )
        == []
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chilean president began a two-day state visit to Peru on Thursday, his third.",
        "The Chilean president arrived in Lima on Thursday on his first official visit to Peru.",
        "The Chilean president arrived in Lima on Thursday, his first trip to Peru for almost four years.",
        "It was the Chilean foreign minister's first working visit to Peru.",
    ],
)
def test_a_persons_count_of_own_trips_is_no_ordinal(sentence):
    assert ordinals(sentence, [("Chilean", "COUNTRY", "CHL"), PERU]) == []


def test_a_day_of_the_visit_is_no_ordinal():
    assert (
        ordinals(
            "On the second day of his visit to Peru, the Chilean president planted a tree in Lima.",
            [("Chilean", "COUNTRY", "CHL"), PERU],
        )
        == []
    )


def test_the_numbered_sitting_of_the_two_sides_joint_commission_is_their_meeting():
    rows = extract(
        ["Chile and Peru held the 11th sitting of their joint permanent commission in Tacna on Monday."],
        [CHILE, PERU],
    )
    assert rows.select("engagement_type", "format", "ordinal").rows() == [
        ("meeting", "joint commission session", 11)
    ]


def test_a_binational_cabinet_is_a_meeting_of_the_two_governments():
    rows = extract(["Chile and Peru held the fourth Binational Cabinet in Arica on Monday."], [CHILE, PERU])
    assert rows.select("engagement_type", "format", "ordinal").rows() == [
        ("meeting", "binational cabinet", 4)
    ]


def test_a_single_naval_manoeuvre_is_an_exercise():
    rows = extract(
        ["The navies of Chile and Peru held their second joint naval manoeuvre off Arica."], [CHILE, PERU]
    )
    assert rows.select("engagement_type", "ordinal").rows() == [("exercise", 2)]
