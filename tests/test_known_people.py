"""Well-known office holders (``pipeline.entities.known_people``): a leader the text names without a country keeps
their own, a bare famous surname is read as that person, and a short form never takes another person's name. The
articles are our own."""

import polars as pl
from test_engagements import run_pipeline
from test_entities import mentions, persons

from pipeline.entities.known_people import acts_for_an_organisation, known_country, known_names


def country_of(table: pl.DataFrame, surname: str) -> str | None:
    rows = table.filter(pl.col("name").str.contains(surname))
    assert rows.height == 1, table
    return rows["country_code"][0]


def test_a_leader_named_without_a_country_keeps_their_own_not_the_story_s():
    table = persons(
        "LONDON, Tuesday\n"
        "Prime Minister Benjamin Netanyahu called off a planned trip to the UK, where he had been due to see "
        "the U.S. Secretary of State, Mike Pompeo.\n"
        "British officials said the UK could not provide security at such short notice.\n"
    )
    assert country_of(table, "Netanyahu") == "ISR"


def test_a_known_leader_met_in_another_story_s_country_is_not_of_that_country():
    table = persons(
        "Robert Fico, the Slovak Prime Minister, held talks in Uzhhorod with Ukraine's Prime Minister Denys "
        "Shmyhal.\n"
        "Ukraine and Slovakia adopted a joint statement.\n"
        "Fico then heads to Germany for a meeting with Chancellor Olaf Scholz.\n"
    )
    assert country_of(table, "Scholz") == "DEU"


def test_a_bare_famous_surname_is_read_as_that_person():
    found = mentions("Takaichi is due to hold talks with Trump in Tokyo on Friday.\n")
    people = found.filter(pl.col("label") == "PERSON")
    assert ("Trump", "USA") in set(zip(people["text"], people["country_code"], strict=True))


def test_a_name_printed_without_its_accents_is_the_same_known_person():
    assert known_country("erdogan|") == "TUR"
    text = "President Erdoğan met Recep Tayyip Erdogan's advisers."
    assert [text[s:e] for s, e in known_names(text, 0, len(text), set())] == ["Erdoğan", "Recep Tayyip Erdogan"]


def test_a_short_form_yields_to_someone_else_named_in_full():
    table = persons(
        "UN special rapporteur Francesca Albanese met Chilean officials in Santiago.\n"
        "Albanese said the talks were useful.\n"
    )
    assert country_of(table, "Albanese") != "AUS"


def test_a_short_form_inside_a_longer_run_of_capitals_is_not_the_known_person():
    text = "Petro Ivanenko, a farmer, told reporters that Petro had not called him."
    assert [text[s:e] for s, e in known_names(text, 0, len(text), set())] == ["Petro"]


def test_a_meeting_with_a_known_leader_abroad_is_the_pair_of_their_countries(tmp_path):
    (tmp_path / "fico.txt").write_text(
        " date 2024-01-24\n"
        "Fico in Uzhhorod\n\n"
        "Robert Fico, Slovakia's Prime Minister, held talks on Wednesday in Uzhhorod with Ukrainian Prime "
        "Minister Denys Shmyhal.\n"
        "The two adopted a joint statement on relations between their countries.\n"
        "The Slovak government said Fico would fly on to Germany later that day to meet Chancellor Olaf "
        "Scholz.\n",
        encoding="utf-8",
    )
    _, (engagements, *_) = run_pipeline(tmp_path)
    pairs = {(r["country_a"], r["country_b"], r["engagement_type"]) for r in engagements.iter_rows(named=True)}
    assert ("DEU", "SVK", "meeting") in pairs
    assert ("SVK", "UKR", "meeting") in pairs


def test_a_name_with_a_hyphenated_particle_is_known_as_printed_or_apart():
    from pipeline.person_names import name_parts, person_key

    for printed in ("Sheikh Tamim bin Hamad al-Thani", "Tamim bin Hamad Al Thani", "Abdel Fattah el-Sisi"):
        name = printed.removeprefix("Sheikh ")
        assert known_country(person_key(*name_parts(name))) is not None, printed


def test_a_known_name_run_together_with_a_title_word_is_still_known():
    table = persons(
        "Jordan's Minister for Foreign Affairs and Expatriates Ayman Safadi arrived in Baghdad on a working visit.\n"
        "Safadi met the Iraqi president.\n"
    )
    assert country_of(table, "Safadi") == "JOR"


def test_a_known_leader_named_in_an_organisations_office_acts_for_it_not_for_their_country():
    table = persons(
        "EU foreign policy chief Kaja Kallas held talks with Chinese Foreign Minister Wang Yi in Brussels.\n"
        "European Council President Antonio Costa spoke by phone with Indian Prime Minister Narendra Modi.\n"
    )
    assert country_of(table, "Kallas") is None
    assert country_of(table, "Costa") is None
    assert country_of(table, "Wang Yi") == "CHN"


def test_an_organisations_name_before_a_country_does_not_take_a_known_leader_from_it():
    assert not acts_for_an_organisation("ASEAN chair Indonesian President Joko Widodo", 33)
    assert not acts_for_an_organisation("At the UN, Prime Minister Narendra Modi", 26)
    assert acts_for_an_organisation("NATO Secretary General Mark Rutte", 23)


def test_the_article_wide_scan_finds_what_each_sentence_s_own_scan_finds():
    """``known_mentions`` scans the whole article once when whitespace separates its sentences, and each sentence
    alone when it does not (a sentence glued to the next); both find the spans ``known_names`` finds."""
    from pipeline.entities.date_mentions import _separated_by_whitespace
    from pipeline.entities.known_people import known_mentions
    from pipeline.entities.sentence import _Sentence

    full = "Erdoğan spoke.  Talks with Trump ended.\nPetro Ivanenko met Petro.Scholz left."
    bounds = [(0, 14), (16, 39), (40, 65), (65, 77)]
    for text, spans, separated in ((full[:65], bounds[:3], True), (full, bounds, False)):
        sentences = [_Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)]
        expected = [(s.index, a, b) for s in sentences for a, b in known_names(text, s.start, s.end, set())]
        assert _separated_by_whitespace(text, sentences) is separated
        found = [(s.index, a, b) for s, a, b in known_mentions(text, sentences, [])]
        assert found == expected
        assert {text[a:b] for _, a, b in found} >= {"Erdoğan", "Trump"}
