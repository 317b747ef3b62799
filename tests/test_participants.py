"""Participants: people named by country and role instead of by name, and the other side named outside the
clause of the engagement, on sentences written for these tests (annotation guide, "Participants")."""

import polars as pl
from test_engagements import extract

from pipeline.clean.sentences import split_sentences
from pipeline.entities import extract_entities


def person_mentions(text: str) -> list[tuple[int, str, str, str | None]]:
    spans = split_sentences(text)
    articles = pl.DataFrame([{"article_id": "a", "text": text}])
    sentences = pl.DataFrame(
        [
            {"article_id": "a", "sentence_index": i, "start_char": s, "end_char": e}
            for i, (s, e) in enumerate(spans)
        ]
    )
    _, people = extract_entities(articles, sentences)
    return [tuple(r) for r in people.select("sentence_index", "text", "name", "country_code").iter_rows()]


def test_the_demonym_and_role_of_a_person_named_elsewhere_refer_to_that_person():
    found = person_mentions(
        "The Latvian and Estonian presidents signed a border treaty in Riga on Monday. "
        "Latvia's President Janis Ozols called it historic. "
        "Estonia's President Mart Tamm agreed. "
        "Later the Estonian head of state's delegation met business leaders."
    )
    assert (0, "presidents", "Janis Ozols", "LVA") in found
    assert (0, "presidents", "Mart Tamm", "EST") in found
    assert (3, "head of state", "Mart Tamm", "EST") in found


def test_a_role_that_fits_several_people_of_the_country_refers_to_none():
    found = person_mentions(
        "Latvia's President Janis Ozols and Latvia's former President Andris Kalns spoke. "
        "Latvia's Foreign Minister Liga Berzina was there. "
        "The Latvian leader met Estonian officials on Monday."
    )
    assert [f for f in found if f[0] == 2] == [(2, "leader", "Janis Ozols", "LVA")]
    found = person_mentions(
        "Latvia's President Janis Ozols and Latvia's Prime Minister Karlis Liepa spoke. "
        "The Latvian leader met Estonian officials on Monday."
    )
    assert [f for f in found if f[0] == 1] == []


def test_the_host_named_outside_the_clause_of_a_visit_takes_part():
    (row,) = extract(
        [
            "Kenya's President Otieno and Zambia's President Banda spoke to the press during Banda's visit to Kenya."
        ],
        [("Kenya", "COUNTRY", "KEN"), ("Zambia", "COUNTRY", "ZMB")],
        [("Otieno", "o", "KEN", "President"), ("Banda", "b", "ZMB", "President")],
    ).to_dicts()
    assert set(row["participant_person_ids"]) == {"o", "b"}
