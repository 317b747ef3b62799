"""A date goes to the engagement of its own clause, by the dependency parse (``clause_dates``): a date of another
clause ("who were scheduled to be home next Monday", "as the parliament, which opened on Monday, debated") is not the
engagement's even when it stands nearest it in the text; a date of the anchor's clause, of a verb coordinated with
it, of a purpose clause, or of a relative clause set on the anchor's noun phrase stays the anchor's. Articles made
up for these tests."""

from datetime import date

from test_engagements import extract

GHANA, TOGO = ("Ghana", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO")
GHANAIAN, TOGOLESE = ("Ghanaian", "NORP", "GHA"), ("Togolese", "NORP", "TGO")
PUBLISHED = date(2022, 9, 14)  # a Wednesday


def dated(sentence: str) -> dict[str, tuple[date | None, str | None]]:
    rows = extract([sentence], [GHANA, TOGO, GHANAIAN, TOGOLESE, ("Lomé", "LOCATION", "TGO")], published=PUBLISHED)
    return {r["engagement_type"]: (r["start_date"], r["date_precision"]) for r in rows.to_dicts()}


def test_a_date_of_a_relative_clause_about_others_is_not_the_engagements():
    dates = dated(
        "The minister also told of the release of 12 fishermen, who were scheduled to be home next Monday, and of "
        "the delay in the visit of Togo's foreign minister to Ghana."
    )
    assert dates["visit"] != (date(2022, 9, 19), "day")


def test_a_date_of_a_clause_told_beside_the_engagement_is_not_the_engagements():
    dates = dated(
        "Ghana's foreign minister held talks with Togo's president in Lomé as the Togolese parliament, which "
        "opened its session on Monday, debated the port law."
    )
    assert dates["meeting"] != (date(2022, 9, 12), "day")


def test_a_date_of_a_coordinated_verb_stays_with_the_engagement():
    dates = dated("Ghana's president met Togo's president in Lomé on Monday and signed a border agreement.")
    assert dates["meeting"] == (date(2022, 9, 12), "day")
    assert dates["agreement"] == (date(2022, 9, 12), "day")


def test_a_date_of_a_purpose_clause_stays_with_the_trip():
    dates = dated("Ghana's president will travel to Lomé to sign a port agreement with Togo on Monday.")
    assert dates["visit"] == (date(2022, 9, 19), "day")
    assert dates["agreement"] == (date(2022, 9, 19), "day")


def test_a_relative_clause_set_on_the_agreements_noun_phrase_dates_it():
    dates = dated(
        "Ghana and Togo will revive the joint commission created under the Ghana-Togo Trade Agreement, "
        "which the two states signed on June 1, 1995."
    )
    assert dates["agreement"] == (date(1995, 6, 1), "day")
