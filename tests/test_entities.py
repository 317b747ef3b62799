import gc
import re
from pathlib import Path

import polars as pl
import pytest

from pipeline.entities import (
    TITLE_CASE_WORD,
    _bare_word_starts,
    _date_spans,
    _date_spans_by_sentence,
    _Sentence,
    extract_entities,
    extract_entities_with_stats,
    normalise_role,
)
from pipeline.person_names import canonical_order, strip_honorifics
from pipeline.persons import link_persons


def frames(*texts: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Articles and sentences for short inline texts (one sentence per line)."""
    articles, sentences = [], []
    for number, text in enumerate(texts):
        article_id = f"{number:016x}"
        articles.append({"article_id": article_id, "text": text})
        for index, line in enumerate(re.finditer(r"[^\n]+", text)):
            sentences.append(
                {
                    "article_id": article_id,
                    "sentence_index": index,
                    "start_char": line.start(),
                    "end_char": line.end(),
                    "text": line.group(),
                }
            )
    return pl.DataFrame(articles), pl.DataFrame(sentences)


def mentions(*texts: str) -> pl.DataFrame:
    return extract_entities(*frames(*texts))[0]


def persons(*texts: str) -> pl.DataFrame:
    return link_persons(extract_entities(*frames(*texts))[1])[0]


def person(table: pl.DataFrame, name: str) -> dict:
    rows = table.filter(pl.col("name") == name)
    assert rows.height == 1, table
    return rows.row(0, named=True)


def labelled(frame: pl.DataFrame, text: str) -> tuple[str, str | None]:
    row = frame.filter(pl.col("text") == text).row(0, named=True)
    return row["label"], row["country_code"]


def test_capital_after_locative_is_a_location():
    assert labelled(mentions("The ministers met in Tokyo on Monday."), "Tokyo") == ("LOCATION", "JPN")


def test_capital_as_speaker_is_the_country():
    assert labelled(mentions("Tokyo said it would respond."), "Tokyo") == ("COUNTRY", "JPN")


def test_indian_ocean_is_a_location_without_country():
    assert labelled(mentions("Ships patrol the Indian Ocean."), "Indian Ocean") == ("LOCATION", None)


def test_institutions_belong_to_their_country():
    frame = mentions("The Kremlin and the Pentagon disagreed, the Indian navy said.")
    assert labelled(frame, "Kremlin") == ("ORGANIZATION", "RUS")
    assert labelled(frame, "Pentagon") == ("ORGANIZATION", "USA")
    assert labelled(frame, "Indian navy") == ("ORGANIZATION", "IND")


def test_multilateral_bodies_have_no_country():
    frame = mentions("NATO and ASEAN welcomed the G20 statement.")
    assert {labelled(frame, t) for t in ("NATO", "ASEAN", "G20")} == {("ORGANIZATION", None)}


def test_country_word_inside_a_person_name_is_not_a_country():
    frame = mentions("Chad Smith met Jordan officials in Amman.")
    assert "Chad" not in frame.filter(pl.col("label") == "COUNTRY")["text"].to_list()
    assert labelled(frame, "Jordan") == ("COUNTRY", "JOR")


def test_dates_are_labelled_with_normalised_ids():
    frame = mentions("The talks on September 7-10, 2022 follow a call last week.").filter(
        pl.col("label") == "DATE"
    )
    assert frame["entity_id"].to_list() == ["date:september 7-10, 2022", "date:last week"]


def test_role_spellings_are_normalised():
    assert normalise_role(["Defense", "Minister"]) == "Defence Minister"
    assert normalise_role(["Foreign", "Affairs", "Minister"]) == "Foreign Minister"
    assert normalise_role(["Minister", "of", "External", "Affairs"]) == "External Affairs Minister"
    assert normalise_role(["Secretary", "of", "Defence"]) == "Secretary of Defense"


def test_honorifics_are_stripped():
    assert strip_honorifics("Lt. Gen. Ravi Kumar") == "Ravi Kumar"
    assert strip_honorifics("Dr. S. Jaishankar") == "S. Jaishankar"


def test_brazil_argentina_summit_people_and_countries():
    table = persons(
        "Brazilian President Luiz Inacio Lula da Silva met Argentine President Alberto Fernandez "
        "in Buenos Aires.\n"
        "Lula said Brazil and Argentina would deepen trade ties."
    )
    lula = person(table, "Luiz Inacio Lula da Silva")
    assert (lula["country_code"], lula["role"]) == ("BRA", "President")
    assert "Lula" in lula["aliases"]
    assert person(table, "Alberto Fernandez")["country_code"] == "ARG"


def test_france_germany_ministers_with_honorific():
    table = persons(
        "French Foreign Minister Catherine Colonna received German Defence Minister Boris "
        "Pistorius in Paris.\n"
        "Mr. Pistorius said Germany valued the talks."
    )
    assert (
        person(table, "Catherine Colonna")["role"],
        person(table, "Catherine Colonna")["country_code"],
    ) == ("Foreign Minister", "FRA")
    assert person(table, "Boris Pistorius")["country_code"] == "DEU"
    assert table.height == 2


def test_kenya_ethiopia_call_with_apposition():
    table = persons(
        "William Ruto, the Kenyan President, held a phone call with Abiy Ahmed, Ethiopia's Prime "
        "Minister, on Monday."
    )
    assert (person(table, "William Ruto")["role"], person(table, "William Ruto")["country_code"]) == (
        "President",
        "KEN",
    )
    assert (person(table, "Abiy Ahmed")["role"], person(table, "Abiy Ahmed")["country_code"]) == (
        "Prime Minister",
        "ETH",
    )


def test_south_korea_vietnam_visit_counterpart_takes_the_role():
    table = persons(
        "South Korean Foreign Minister Park Jin visited Hanoi, where he met his Vietnamese "
        "counterpart Bui Thanh Son."
    )
    son = person(table, "Bui Thanh Son")
    assert (son["role"], son["country_code"]) == ("Foreign Minister", "VNM")
    assert person(table, "Park Jin")["country_code"] == "KOR"


def test_chinese_names_keep_family_name_first_and_surname_links():
    table = persons(
        "Chinese President Xi Jinping and Foreign Minister Wang Yi met visiting leaders.\nXi said "
        "ties were strong."
    )
    xi = person(table, "Xi Jinping")
    assert "Xi" in xi["aliases"] and xi["country_code"] == "CHN"
    assert person(table, "Wang Yi")["role"] == "Foreign Minister"


def test_arabic_names_with_sheikh():
    table = persons(
        "UAE Foreign Minister Sheikh Abdullah bin Zayed Al Nahyan spoke with Saudi Foreign "
        "Minister Faisal bin Farhan."
    )
    assert person(table, "Abdullah bin Zayed Al Nahyan")["country_code"] == "ARE"
    assert person(table, "Faisal bin Farhan")["country_code"] == "SAU"


def test_swapped_name_orders_and_initials_are_one_person():
    table = persons(
        "Japanese Foreign Minister Toshimitsu Motegi arrived.\nMotegi Toshimitsu, Japan's Foreign "
        "Minister, spoke.",
        "Indian External Affairs Minister Subrahmanyam Jaishankar spoke.",
        "External Affairs Minister S. Jaishankar met Dr. S Jaishankar's aides.",
    )
    assert table.height == 2
    assert person(table, "Subrahmanyam Jaishankar")["country_code"] == "IND"


def test_former_role_is_recorded():
    table = persons("Former Japanese Defence Minister Taro Kono spoke in Tokyo.")
    kono = person(table, "Taro Kono")
    assert (kono["role"], kono["role_is_former"]) == ("Defence Minister", True)


def test_stats_count_sentences_sent_to_the_model():
    _, _, stats = extract_entities_with_stats(
        *frames("India and Japan are partners.\nThe minister met Ravi Das.")
    )
    assert stats.select("sentences_total", "sentences_sent_to_model").row(0) == (2, 1)


def test_without_prefilter_every_sentence_goes_to_the_model():
    _, _, stats = extract_entities_with_stats(
        *frames("India and Japan are partners.\nThe minister met Ravi Das."), prefilter=False
    )
    assert stats.select("sentences_total", "sentences_sent_to_model").row(0) == (2, 2)


EXPECTED_SEED_PERSONS = {
    "Rajnath Singh": ("IND", "Defence Minister", False),
    "Subrahmanyam Jaishankar": ("IND", "External Affairs Minister", False),
    "Yasukazu Hamada": ("JPN", "Defence Minister", False),
    "Yoshimasa Hayashi": ("JPN", "Foreign Minister", False),
    "Toshimitsu Motegi": ("JPN", "Foreign Minister", True),
    "Taro Kono": ("JPN", "Defence Minister", True),
    "Antony Blinken": ("USA", "Secretary of State", False),
    "Lloyd Austin": ("USA", "Secretary of Defense", False),
    "Satoshi Suzuki": ("JPN", "Ambassador to India", False),
    "Anurag Bajpai": ("IND", "Joint Secretary", False),
}


def test_seed_articles_yield_the_expected_people_and_countries():
    clean = pytest.importorskip("pipeline.clean")
    ingest = pytest.importorskip("pipeline.ingest")
    raw, _ = ingest.read_input_folder(Path(__file__).parent.parent / "data" / "raw")
    entity_mentions, person_mentions = extract_entities(*clean.clean_articles(raw))
    table = link_persons(person_mentions)[0]
    found = {
        r["name"]: (r["country_code"], r["role"], r["role_is_former"]) for r in table.iter_rows(named=True)
    }
    assert found == EXPECTED_SEED_PERSONS
    assert person(table, "Anurag Bajpai")["organization"] == "Ministry of Defence"
    countries = set(entity_mentions.filter(pl.col("label") == "COUNTRY")["country_code"])
    assert countries == {"IND", "JPN", "CHN", "USA"}


def test_country_named_after_the_person_with_of_gives_the_country():
    table = persons(
        "Iranian Foreign Minister Hossein Sultani met Prime Minister Juhani Lehtonen of Sweden to discuss trade."
    )
    assert person(table, "Juhani Lehtonen")["country_code"] == "SWE"


def test_plural_country_possessive_with_a_bare_apostrophe_gives_the_country():
    table = persons(
        "On Monday the Bahamas' President Thomas Sutton met Iranian Foreign Secretary Abdul Rahimi."
    )
    assert person(table, "Thomas Sutton")["country_code"] == "BHS"


def test_a_party_title_between_country_and_name_still_yields_the_person():
    table = persons(
        "Vietnamese Communist Party General Secretary Nguyen Phu Trong met US President Joe Biden in Hanoi."
    )
    assert person(table, "Nguyen Phu Trong")["role"] == "General Secretary"


def test_linking_does_not_depend_on_the_order_of_the_mentions():
    person_mentions = extract_entities(
        *frames(
            "Kenyan Trade Minister Amina Mutua met Ethiopian officials.",
            "Kenyan Health Minister Amina Mutua visited Uganda.",
            "Amina Mutua, a Kenyan diplomat, spoke in Nairobi.",
            "Ugandan envoy Amina Mutua arrived in Kigali.",
        )
    )[1]
    forward = link_persons(person_mentions)[0].sort("person_id")
    backward = link_persons(person_mentions.reverse())[0].sort("person_id")
    assert forward.equals(backward)


def test_namesakes_stated_with_different_countries_are_different_people():
    table = persons(
        "Canada's Interior Minister Fiona Barrett met Mexican officials.",
        "Kenyan Trade Minister Fiona Barrett visited Uganda.",
    )
    assert sorted(table.filter(pl.col("name") == "Fiona Barrett")["country_code"]) == ["CAN", "KEN"]


def test_country_after_the_name_with_of_the_gives_the_country():
    table = persons(
        "Interior Minister Sione Leota of the Marshall Islands held a video call with Kenyan officials."
    )
    assert person(table, "Sione Leota")["country_code"] == "MHL"


def test_a_demonym_before_an_organisation_name_is_the_country():
    found = mentions(
        "Vietnamese Communist Party General Secretary Nguyen Phu Trong met US President Joe Biden."
    )
    assert ("Vietnamese", "COUNTRY", "VNM") in found.select("text", "label", "country_code").rows()


def test_a_title_in_a_national_body_takes_the_body_s_country():
    table = persons(
        "Vietnamese Communist Party General Secretary Nguyen Phu Trong met US President Joe Biden."
    )
    assert person(table, "Nguyen Phu Trong")["country_code"] == "VNM"


def test_georgia_beside_a_us_state_or_atlanta_is_the_us_state():
    assert labelled(mentions("Officials from Georgia and Alabama met."), "Georgia") == ("LOCATION", "USA")
    assert labelled(mentions("Georgia expects rain in Atlanta."), "Georgia") == ("LOCATION", "USA")


def test_georgia_without_a_us_state_is_the_country():
    assert labelled(mentions("Georgia and Armenia signed a deal."), "Georgia") == ("COUNTRY", "GEO")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Xi met Xi Jinping; Xiang and Xi.", "Xi"),
        ("Modi_ji, Modi-led, Modi's and (Modi)\nSharif", "Modi"),
        ("Étienne met Étienne\tDupont and Étiennes.", "Étienne"),
        ("O'Neil met O'Neil  Smith.", "O'Neil"),
        ("Nana Nana Nanana", "Nana"),
    ],
)
def test_bare_word_starts_are_the_matches_of_the_whole_word_pattern(text, word):
    pattern = rf"\b{re.escape(word)}\b(?!\s+[A-Z])"
    assert _bare_word_starts(text, word) == [found.start() for found in re.finditer(pattern, text)]


def test_a_batch_leaves_the_garbage_collector_as_it_found_it():
    extract_entities_with_stats(*frames("Foreign Minister Kono Taro met Mr Lavrov."))
    assert gc.isenabled()
    gc.disable()
    try:
        extract_entities_with_stats(*frames("Foreign Minister Kono Taro met Mr Lavrov."))
        assert not gc.isenabled()
    finally:
        gc.enable()


def sentences_at(text: str, bounds: list[tuple[int, int]]) -> list[_Sentence]:
    return [_Sentence(index, start, end, text[start:end]) for index, (start, end) in enumerate(bounds)]


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("Talks on Monday. They met on May 5, 2023 in Delhi.", [(0, 16), (17, 50)]),
        ("He left in May\n5 officials stayed in 2020.", [(0, 14), (15, 42)]),
        ("It was 2021.2022 was busy.", [(0, 12), (12, 26)]),
        ("Monday. next Tuesday 5 May", [(0, 7), (21, 26)]),
        ("By 2022 -5 degrees\n-5 in 2019", [(0, 7), (8, 18), (19, 29)]),
        ("İstanbul talks on 5 May. Then 12 June 2024.", [(0, 24), (25, 43)]),
        ("Overlapping on Friday and Saturday", [(0, 21), (15, 34)]),
    ],
)
def test_dates_found_across_an_article_are_those_of_each_sentence_searched_alone(text, bounds):
    sentences = sentences_at(text, bounds)
    assert _date_spans_by_sentence(text, sentences) == [_date_spans(sentence.text) for sentence in sentences]


@pytest.mark.parametrize(
    ("text", "pos"),
    [("Talks in New Delhi, McDonald and O'Brien", 0), ("x-Ray Aa Ba_Ca", 0), ("AbcDef Ghi", 3)],
)
def test_title_case_words_are_capitalised_words_at_a_word_boundary(text, pos):
    pattern = re.compile(r"\b[A-Z][a-z][\w’'\-]*")
    assert [w.span() for w in TITLE_CASE_WORD.finditer(text, pos)] == [
        w.span() for w in pattern.finditer(text, pos)
    ]


def shown_names(names: list[str], undecided: list[bool], countries: list[str]) -> list[str]:
    frame = pl.DataFrame({"name": names, "undecided": undecided, "country": countries})
    shown = canonical_order(pl.col("name"), pl.col("undecided"), pl.col("country"))
    return frame.select(shown).to_series().to_list()


def test_an_undecided_japanese_name_is_shown_with_the_family_name_last():
    assert shown_names(["Nakamura Akiko"], [True], ["JPN"]) == ["Akiko Nakamura"]


def test_the_more_frequent_order_and_non_japanese_orders_are_kept():
    shown = shown_names(["Nakamura Akiko", "Li Wei"], [False, True], ["JPN", "CHN"])
    assert shown == ["Nakamura Akiko", "Li Wei"]
