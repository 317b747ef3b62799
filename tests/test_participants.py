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


ELBONIA, RURITANIA = ("Elbonia", "COUNTRY", "ELB"), ("Ruritania", "COUNTRY", "RUR")
DEMONYMS = [ELBONIA, RURITANIA, ("Elbonian", "COUNTRY", "ELB"), ("Ruritanian", "COUNTRY", "RUR")]
BRANDVIK = ("Otto Brandvik", "brandvik", "ELB", "Prime Minister")
QUELL = ("Mara Quell", "quell", "RUR", "President")
VARN = ("Ilse Varn", "varn", "ELB", "President")
TABAC = ("Ion Tabac", "tabac", "RUR", "Foreign Minister")
ORR = ("Jan Orr", "orr", "ELB", "Foreign Minister")
VEL = ("Dan Vel", "vel", "USA", "Envoy")


def participants_of(sentences: list[str], people, kind: str) -> set[str]:
    rows = extract(sentences, [*DEMONYMS, ("US", "COUNTRY", "USA")], people).filter(engagement_type=kind)
    assert rows.height, f"no {kind} row"
    return {p["person_id"] for ps in rows["participants"].to_list() for p in ps}


def test_a_pronoun_subject_is_the_person_of_the_pair_named_last_before_it():
    found = participants_of(
        [
            "Elbonian Prime Minister Otto Brandvik addressed parliament on Monday.",
            "He will visit Ruritania in May, the Elbonian government said.",
        ],
        [BRANDVIK],
        "visit",
    )
    assert found == {"brandvik"}


def test_a_pronoun_whose_last_named_person_is_of_a_third_country_adds_no_one():
    sentences = [
        "{} met reporters in the capital on Monday.",
        "He said Elbonia and Ruritania would hold talks in May.",
    ]
    assert participants_of([sentences[0].format("US envoy Dan Vel"), sentences[1]], [VEL], "meeting") == set()
    found = participants_of(
        [sentences[0].format("Elbonian Prime Minister Otto Brandvik"), sentences[1]], [BRANDVIK], "meeting"
    )
    assert found == {"brandvik"}


def test_the_two_leaders_are_the_heads_of_the_two_sides_named_before():
    found = participants_of(
        [
            "Elbonian Prime Minister Otto Brandvik met Ruritanian President Mara Quell in Geneva on Monday.",
            "Elbonia and Ruritania will sign a trade agreement on Tuesday, and the two leaders will attend.",
        ],
        [BRANDVIK, QUELL],
        "agreement",
    )
    assert found == {"brandvik", "quell"}


def test_an_office_qualified_by_a_country_is_its_holder_in_the_article():
    people = [QUELL, TABAC, BRANDVIK]
    opening = "Ruritanian President Mara Quell and Foreign Minister Ion Tabac spoke at the forum on Monday."
    for reference in ("Ruritania's president", "The Ruritanian president", "The President of Ruritania"):
        found = participants_of([opening, f"{reference} will visit Elbonia in May."], people, "visit")
        assert found == {"quell"}, reference


def test_an_office_named_in_apposition_is_no_reference_to_another_holder():
    found = participants_of(
        [
            "Ruritanian Foreign Minister Ion Tabac spoke to the press on Monday.",
            "On Tuesday the Minister of Foreign Affairs of Elbonia, Jan Orr, was in Ruritania on a working visit.",
        ],
        [TABAC, ORR],
        "visit",
    )
    assert found == {"orr"}


def test_a_pronoun_after_an_office_refers_to_that_office_holder():
    found = participants_of(
        [
            "Elbonian President Ilse Varn spoke on Monday.",
            "Ruritanian President Mara Quell said the border was calm.",
            "The Elbonian president arrived in Ruritania on Tuesday amid rumours of his illness.",
        ],
        [VARN, QUELL],
        "visit",
    )
    assert found == {"varn"}


def test_institutions_venues_portfolios_and_opening_adverbs_are_no_people():
    found = person_mentions(
        "Elbonian President Ilse Varn arrived in Ruritania on Monday. "
        "She was received with honours at the Miraflores presidential palace, the Akorda press service said. "
        "Talks were held at the presidential office, Cheong Wa Dae, and at the Joint Border Committee. "
        "The speaker of the Ruritanian People House of Representatives, Tomas Brel, attended. "
        "Previously, the president met Ruritania's Minister of European Integration, Jana Kovar. "
        "Foreign and Diaspora Affairs Minister Musa Odhiambo signed the MoU on behalf of Elbonia. "
        "The two leaders discussed peace in the Great Lakes region and visited the National Museum. "
        "Secretary of State Antony Blinken and Japanese Minister of Defense Itsunori Onodera were not there."
    )
    names = {name for _, _, name, _ in found}
    assert {"Ilse Varn", "Jana Kovar", "Musa Odhiambo", "Antony Blinken", "Itsunori Onodera"} <= names
    for not_a_person in (
        "Miraflores",
        "Akorda",
        "Cheong Wa Dae",
        "Border Committee",
        "People House",
        "Previously",
    ):
        assert not any(not_a_person in name for name in names), not_a_person
    assert not names & {"Integration", "Diaspora", "MoU", "Lakes", "Museum"}


def test_the_two_ministers_are_the_holders_whose_country_the_article_does_not_tell():
    people = [
        ("Ahmed Karan", "karan", None, "Foreign Minister"),
        ("Lev Tosk", "tosk", None, "Foreign Minister"),
    ]
    found = participants_of(
        [
            "Foreign Minister Ahmed Karan met Foreign Minister Lev Tosk on Monday.",
            "Elbonia and Ruritania will hold talks in May, and the two ministers will attend.",
        ],
        people,
        "meeting",
    )
    assert found == {"karan", "tosk"}
    found = participants_of(
        [
            "Foreign Minister Ahmed Karan met Foreign Minister Lev Tosk and Foreign Minister Ivo Dar on Monday.",
            "Elbonia and Ruritania will hold talks in May, and the two ministers will attend.",
        ],
        [*people, ("Ivo Dar", "dar", None, "Foreign Minister")],
        "meeting",
    )
    assert found == set()


def test_an_engagement_named_in_passing_by_its_year_takes_no_referred_people():
    rows = extract(
        [
            "Elbonian Prime Minister Otto Brandvik met Ruritanian President Mara Quell in Geneva on Monday.",
            "The two leaders reaffirmed the Elbonia-Ruritania agreement signed in 2008.",
        ],
        DEMONYMS,
        [BRANDVIK, QUELL],
    ).filter(engagement_type="agreement")
    assert rows.height
    assert [ps for ps in rows["participants"].to_list() if ps] == []


def test_the_ministers_are_no_side_s_minister_when_the_side_has_several():
    found = participants_of(
        [
            "Elbonian Defence Minister Ivo Dar and Foreign Minister Jan Orr arrived in Ruritania on Monday.",
            "During the visit, both the ministers will hold an Elbonia-Ruritania dialogue with Ion Tabac.",
        ],
        [ORR, TABAC, ("Ivo Dar", "dar", "ELB", "Defence Minister")],
        "meeting",
    )
    assert not found & {"orr", "dar"}
