"""Parties, not places, and status from the governing verb: one written example per class of phrasing."""

from datetime import date

import pytest
from test_engagements import extract

from pipeline.engagements import governing

PUBLISHED = date(2023, 2, 15)


def rows(sentences, entities, people=()):
    frame = extract(sentences, entities, people, published=PUBLISHED)
    return [
        (r["sentence_index"], (r["country_a"], r["country_b"]), r["engagement_type"], r["status"])
        for r in frame.iter_rows(named=True)
    ]


# --- status from the governing verb -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "entities", "kind", "status"),
    [
        # tense and aspect
        (
            "The fourth meeting between Peru and Ecuador took place days after the border reopened.",
            [("Peru", "COUNTRY", "PER"), ("Ecuador", "COUNTRY", "ECU")],
            "meeting",
            "held",
        ),
        (
            "The Kenyan and Ugandan presidents are already meeting in Kampala.",
            [("Kenyan", "COUNTRY", "KEN"), ("Ugandan", "COUNTRY", "UGA")],
            "meeting",
            "held",
        ),
        (
            "Norway and Sweden are expected to sign a grid agreement.",
            [("Norway", "COUNTRY", "NOR"), ("Sweden", "COUNTRY", "SWE")],
            "agreement",
            "planned",
        ),
        (
            "The Chilean president is to visit Peru in the spring.",
            [("Chilean", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")],
            "visit",
            "planned",
        ),
        # modality
        (
            "Chile and Peru may hold talks on water rights.",
            [("Chile", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")],
            "meeting",
            "proposed",
        ),
        (
            "The Kenyan president invited his Ugandan counterpart to visit Nairobi.",
            [("Kenyan", "COUNTRY", "KEN"), ("Ugandan", "COUNTRY", "UGA")],
            "visit",
            "proposed",
        ),
        (
            "It is possible that Turkish-Egyptian meetings will resume soon.",
            [("Turkish", "COUNTRY", "TUR"), ("Egyptian", "COUNTRY", "EGY")],
            "meeting",
            "proposed",
        ),
        (
            "A summit between Ghana and Togo could be organised.",
            [("Ghana", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO")],
            "meeting",
            "proposed",
        ),
        # a cancellation governs the tense of the plan
        (
            "The talks between Kenya and Uganda were called off on Monday.",
            [("Kenya", "COUNTRY", "KEN"), ("Uganda", "COUNTRY", "UGA")],
            "meeting",
            "cancelled",
        ),
        (
            "The Peruvian president skipped a planned trip to Bolivia.",
            [("Peruvian", "COUNTRY", "PER"), ("Bolivia", "COUNTRY", "BOL")],
            "visit",
            "cancelled",
        ),
        # the governing verb, not the nearest cue: the setting of another verb takes that verb's tense
        (
            "The Japanese minister offered help at a meeting with his Philippine counterpart on Friday.",
            [("Japanese", "COUNTRY", "JPN"), ("Philippine", "COUNTRY", "PHL")],
            "meeting",
            "held",
        ),
        (
            "The Chilean president arrived in Mexico, beginning an official visit that will last until Friday.",
            [("Chilean", "COUNTRY", "CHL"), ("Mexico", "COUNTRY", "MEX")],
            "visit",
            "held",
        ),
        (
            "The Laotian minister is on an official visit to Malaysia, at the invitation of his host.",
            [("Laotian", "COUNTRY", "LAO"), ("Malaysia", "COUNTRY", "MYS")],
            "visit",
            "held",
        ),
        # the historical present of headlines
        (
            "Italian premier visits Albania",
            [("Italian", "COUNTRY", "ITA"), ("Albania", "COUNTRY", "ALB")],
            "visit",
            "held",
        ),
        # an agenda that includes a meeting plans it, however the subject's possessive is parsed
        (
            "The Peruvian head of state's agenda for Thursday includes a meeting with Ecuador's president in Quito.",
            [("Peruvian", "COUNTRY", "PER"), ("Ecuador", "COUNTRY", "ECU")],
            "meeting",
            "planned",
        ),
    ],
)
def test_status_comes_from_the_governing_verb(sentence, entities, kind, status):
    found = rows([sentence], entities)
    assert [s for _, _, k, s in found if k == kind] == [status]


def test_a_capitalised_may_is_a_name_not_a_modal():
    found = rows(
        [
            "Green leader Elizabeth May greeted the American president before his meeting with the Canadian premier."
        ],
        [("American", "COUNTRY", "USA"), ("Canadian", "COUNTRY", "CAN")],
    )
    assert [(k, s) for _, _, k, s in found] == [("meeting", "held")]


@pytest.mark.parametrize(
    ("sentence", "entities"),
    [
        (
            "A meeting between the Indian and Pakistani leaders is not scheduled.",
            [("Indian", "COUNTRY", "IND"), ("Pakistani", "COUNTRY", "PAK")],
        ),
        (
            "There are no plans for talks between Chile and Peru.",
            [("Chile", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")],
        ),
        (
            "Turkey turned down a request from Greece for talks.",
            [("Turkey", "COUNTRY", "TUR"), ("Greece", "COUNTRY", "GRC")],
        ),
        (
            "The leaders of Chile and Bolivia have not visited each other's countries in a decade.",
            [("Chile", "COUNTRY", "CHL"), ("Bolivia", "COUNTRY", "BOL")],
        ),
    ],
)
def test_a_negated_or_declined_engagement_makes_no_record(sentence, entities):
    assert rows([sentence], entities) == []


def test_what_an_engagement_brings_says_nothing_of_its_status():
    found = rows(
        [
            "Kenya and Ghana held a summit in Accra on Monday.",
            "The summit will provide an opportunity to deepen trade between Kenya and Ghana.",
        ],
        [("Kenya", "COUNTRY", "KEN"), ("Ghana", "COUNTRY", "GHA")],
    )
    assert {s for _, _, _, s in found} == {"held"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The visit stems from the distinguished relations between Chile and Peru.",
        "The foreign minister's visit stresses the commitment to closer ties between Chile and Peru.",
        "The visit underscores and cements the partnership between Chile and Peru.",
        "The meeting between the two ministers presents an opportunity to deepen trade between Chile and Peru.",
    ],
)
def test_what_an_upcoming_engagement_stresses_or_stems_from_leaves_it_planned(sentence):
    """A present-tense verb of meaning or origin ("the visit stresses", "stems from", "presents an opportunity")
    says nothing of whether the engagement has happened: it keeps the status the article gave it before."""
    found = rows(
        ["The Chilean foreign minister will visit Peru on Friday and hold talks with his Peruvian counterpart.", sentence],
        [("Chilean", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER"), ("Peruvian", "COUNTRY", "PER"),
         ("Chile", "COUNTRY", "CHL")],
    )
    assert [status for index, _, _, status in found if index == 1] == ["planned"]


def test_only_sentences_with_an_anchor_are_parsed(monkeypatch):
    parsed = []
    real = governing.parse
    monkeypatch.setattr(governing, "parse", lambda text: parsed.append(text) or real(text))
    rows(
        [
            "Kenya and Uganda share a long border.",
            "Kenya and Uganda held talks on Monday.",
            "Trade between Kenya and Uganda grew last year.",
        ],
        [("Kenya", "COUNTRY", "KEN"), ("Uganda", "COUNTRY", "UGA")],
    )
    assert parsed == ["Kenya and Uganda held talks on Monday."]


# --- parties, not places --------------------------------------------------------------------------------


def test_the_place_of_a_meeting_is_not_a_party():
    found = rows(
        [
            "The Indian prime minister held talks with his Japanese counterpart on Monday.",
            "The two leaders are likely to meet in Germany in June on the sidelines of the G7 summit.",
        ],
        [("Indian", "COUNTRY", "IND"), ("Japanese", "COUNTRY", "JPN"), ("Germany", "COUNTRY", "DEU")],
    )
    assert found == [(0, ("IND", "JPN"), "meeting", "held"), (1, ("IND", "JPN"), "meeting", "proposed")]


def test_the_host_of_a_summit_is_not_a_party_to_a_visit_beside_it():
    found = rows(
        [
            "The American president was scheduled to visit Ecuador after he attended the Summit of the Americas in Bridgetown, Barbados."
        ],
        [("American", "COUNTRY", "USA"), ("Ecuador", "COUNTRY", "ECU"), ("Barbados", "COUNTRY", "BRB")],
    )
    assert found == [(0, ("ECU", "USA"), "visit", "planned")]


def test_a_trip_to_several_countries_is_one_visit_to_each():
    found = rows(
        ["The American president cancelled his visits to Australia and Papua New Guinea."],
        [
            ("American", "COUNTRY", "USA"),
            ("Australia", "COUNTRY", "AUS"),
            ("Papua New Guinea", "COUNTRY", "PNG"),
        ],
    )
    assert sorted(found) == [
        (0, ("AUS", "USA"), "visit", "cancelled"),
        (0, ("PNG", "USA"), "visit", "cancelled"),
    ]


def test_meetings_with_several_leaders_are_one_meeting_with_each():
    found = rows(
        ["Qadir goes to the forum in Baku, where he is also likely to meet the presidents of Turkey, Kazakhstan and Iran."],
        [("Turkey", "COUNTRY", "TUR"), ("Kazakhstan", "COUNTRY", "KAZ"), ("Iran", "COUNTRY", "IRN")],
        people=[("Qadir", "p1", "PAK", "prime minister")],
    )
    assert sorted(p for _, p, _, _ in found) == [("IRN", "PAK"), ("KAZ", "PAK"), ("PAK", "TUR")]
    assert {s for _, _, _, s in found} == {"proposed"}


def test_a_meeting_of_several_states_is_a_multilateral_gathering():
    assert (
        rows(
            ["The Kenyan president will attend a meeting of Japan, Australia, India and Kenya on security."],
            [
                ("Kenyan", "COUNTRY", "KEN"),
                ("Japan", "COUNTRY", "JPN"),
                ("Australia", "COUNTRY", "AUS"),
                ("India", "COUNTRY", "IND"),
                ("Kenya", "COUNTRY", "KEN"),
            ],
        )
        == []
    )


def test_a_courtesy_call_is_a_meeting():
    found = rows(
        ["The Peruvian foreign minister paid a courtesy call on the president of Ecuador in Quito."],
        [("Peruvian", "COUNTRY", "PER"), ("Ecuador", "COUNTRY", "ECU")],
    )
    assert [(pair, kind, status) for _, pair, kind, status in found] == [(("ECU", "PER"), "meeting", "held")]


def test_calling_on_a_president_to_act_is_an_appeal_not_a_meeting():
    found = rows(
        ["The Peruvian foreign minister called on the president of Ecuador to reopen the border."],
        [("Peruvian", "COUNTRY", "PER"), ("Ecuador", "COUNTRY", "ECU")],
    )
    assert [kind for _, _, kind, _ in found] == []
