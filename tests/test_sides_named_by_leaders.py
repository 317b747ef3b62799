"""Sides a leader names: a short form of two countries ("Congo", "Korea") read by the well-known leaders an article
names (the gazetteer of people tells which country is meant when no full name or capital does), and a head of state
named by that title, who shows a state takes part even in a sentence with a sports word. The articles are our own."""

import polars as pl
from test_entities import mentions


def codes(text: str, surface: str) -> list[str | None]:
    frame = mentions(text).filter(pl.col("text") == surface)
    return frame["country_code"].to_list()


def test_a_leader_of_one_reading_names_the_country_a_short_form_means():
    text = (
        "The Gabonese president spent Tuesday afternoon on Congolese soil for a short working trip, hosted "
        "by Denis Sassou Nguesso. The two leaders discussed security in Congo and the region."
    )
    assert codes(text, "Congolese") == ["COG"]
    assert codes(text, "Congo") == ["COG"]


def test_a_leader_named_by_a_short_form_alone_also_tells_it():
    text = "Kim Jong Un inspected a missile launch on Friday. Korea's neighbours protested the test."
    assert codes(text, "Korea") == ["PRK"]


def test_leaders_of_both_readings_leave_the_short_form_open():
    text = (
        "Felix Tshisekedi and Denis Sassou Nguesso met in Luanda on Monday. Congo was the subject of their talks."
    )
    assert codes(text, "Congo") in ([], [None])


def test_a_capital_still_comes_before_the_leaders():
    text = "Denis Sassou Nguesso flew to Kinshasa, where Congo's president received him."
    assert codes(text, "Congo") == ["COD"]


# --- a head of state named by that title shows a state takes part, whatever sports word the sentence holds ------


def test_a_head_of_state_on_a_friendly_visit_is_an_engagement():
    from test_engagements import extract

    frame = extract(
        ["The Gabonese head of state, Paul Mba, was on a friendly and working visit to Congo on Tuesday."],
        [("Gabonese", "COUNTRY", "GAB"), ("Congo", "COUNTRY", "COG")],
        [("Paul Mba", "g1", "GAB", "head of state")],
    )
    assert {(r["country_a"], r["country_b"], r["engagement_type"]) for r in frame.iter_rows(named=True)} == {
        ("COG", "GAB", "visit")
    }


def test_a_friendly_match_with_no_official_is_still_sport():
    from test_engagements import extract

    frame = extract(
        ["Gabon's national team will visit Congo for a friendly match next week."],
        [("Gabon", "COUNTRY", "GAB"), ("Congo", "COUNTRY", "COG")],
    )
    assert frame.height == 0
