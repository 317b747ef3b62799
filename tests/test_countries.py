from pipeline.countries import (
    GazetteerEntry,
    country_name,
    country_table,
    find_gazetteer_matches,
    gazetteer,
)
from pipeline.incremental.keys import module_version


def codes(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.entry.country_code) for m in find_gazetteer_matches(text)]


def test_short_forms_map_to_alpha3():
    found = codes("The US, the U.S., America, UK, Britain and the Netherlands met.")
    assert found == [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Netherlands", "NLD"),
    ]


def test_demonyms_map_to_their_country():
    assert codes("Indian, Japanese and Emirati officials") == [
        ("Indian", "IND"),
        ("Japanese", "JPN"),
        ("Emirati", "ARE"),
    ]


def test_longest_match_wins_for_guinea_variants():
    found = codes("Guinea, Papua New Guinea, Equatorial Guinea and Guinea-Bissau")
    assert [c for _, c in found] == ["GIN", "PNG", "GNQ", "GNB"]


def test_niger_does_not_match_inside_nigeria():
    assert codes("Nigeria and Niger") == [("Nigeria", "NGA"), ("Niger", "NER")]


def test_indian_ocean_is_not_india():
    assert codes("the Indian Ocean") == [("Indian Ocean", None)]


def test_indo_china_is_not_china():
    assert codes("French Indo-China") == [("French", "FRA"), ("Indo-China", None)]


def test_continental_american_is_a_region_not_the_united_states():
    found = codes("Latin American and Central Americans leaders met North American and South American envoys")
    assert [c for _, c in found] == [None, None, None, None]
    assert codes("Asian American voters") == [("American", "USA")]


def test_korea_alone_is_ambiguous_but_south_korea_is_kor():
    assert codes("Korea and South Korea") == [("Korea", None), ("South Korea", "KOR")]


def test_lowercase_us_is_not_a_country():
    assert codes("he told us") == []


def test_country_table_has_capital_continent_and_demonym():
    india = country_table().filter(country_code="IND").row(0, named=True)
    assert india == {
        "country_code": "IND",
        "alpha2": "IN",
        "name": "India",
        "official_name": "Republic of India",
        "capital": "New Delhi",
        "continent": "Asia",
        "demonym": "Indian",
    }


def test_country_name_uses_common_short_names():
    assert (country_name("KOR"), country_name("USA"), country_name(None)) == (
        "South Korea",
        "United States",
        None,
    )


def test_the_gazetteer_is_kept_in_the_storage_folder_and_read_back_equal(tmp_path, monkeypatch):
    monkeypatch.setenv("BILATERAL_STORAGE", str(tmp_path))
    gazetteer.cache_clear()
    built = gazetteer()
    gazetteer.cache_clear()

    read_back = gazetteer()

    gazetteer.cache_clear()
    [stored] = (tmp_path / "derived").glob("gazetteer-*.json")
    assert read_back == built
    assert read_back["Tokyo"] == GazetteerEntry("capital", "JPN", "tokyo")
    assert stored.name == f"gazetteer-{module_version('pipeline.countries')}.json"


def test_a_kept_gazetteer_of_other_code_or_packages_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setenv("BILATERAL_STORAGE", str(tmp_path))
    (tmp_path / "derived").mkdir()
    (tmp_path / "derived" / "gazetteer-otherversion.json").write_text(
        '{"Tokyo": ["capital", "FRA", "tokyo"]}'
    )
    gazetteer.cache_clear()

    entries = gazetteer()

    gazetteer.cache_clear()
    assert entries["Tokyo"].country_code == "JPN"


def test_an_unreadable_kept_gazetteer_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("BILATERAL_STORAGE", str(tmp_path))
    (tmp_path / "derived").mkdir()
    (tmp_path / "derived" / f"gazetteer-{module_version('pipeline.countries')}.json").write_text(
        '{"Tokyo": ["capital"'
    )
    gazetteer.cache_clear()

    entries = gazetteer()

    gazetteer.cache_clear()
    assert entries["Tokyo"].country_code == "JPN"


def test_the_capital_of_a_dissolved_state_belongs_to_its_successor():
    """Geonames still lists Serbia and Montenegro (SCG) with Belgrade as its capital: a venue in Belgrade is in
    Serbia, and a city of the Netherlands Antilles is in the successor that has it as capital."""
    assert gazetteer()["Belgrade"].country_code == "SRB"
    assert gazetteer()["Willemstad"].country_code == "CUW"
    assert codes("The talks were held in Belgrade.") == [("Belgrade", "SRB")]


def test_kosovo_which_iso_lacks_is_a_country_by_name_demonym_and_capital():
    assert codes("Kosovo's president, a Kosovar delegation and officials in Pristina") == [
        ("Kosovo", "XKX"),
        ("Kosovar", "XKX"),
        ("Pristina", "XKX"),
    ]


def test_the_country_table_holds_kosovo_but_no_dissolved_state():
    table = country_table()
    kosovo = table.filter(country_code="XKX").row(0, named=True)
    assert (kosovo["name"], kosovo["alpha2"], kosovo["capital"]) == ("Kosovo", "XK", "Pristina")
    assert table.filter(country_code="SCG").is_empty()
