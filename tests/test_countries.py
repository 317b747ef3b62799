from pipeline.countries import country_name, country_table, find_gazetteer_matches


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
