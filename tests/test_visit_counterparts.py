"""The talks of one visit held with different hosts are different meetings (annotation guide: "one per distinct
pair of counterparts"), each dated by its own day, else by the visit's month; references back to one meeting stay
one row. Articles made up for these tests."""

from datetime import date

import polars as pl
from test_engagements import extract

from pipeline.fusion import fuse_engagements

GHANA, TOGO = ("Ghana", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO")
TOGOLESE, LOME = ("Togolese", "COUNTRY", "TGO"), ("Lomé", "LOCATION", "TGO")
ADJEI = ("Kwame Adjei", "p-adjei", "GHA", "Foreign Minister")
DUSSEY = ("Robert Dussey", "p-dussey", "TGO", "Foreign Minister")
FAURE = ("Faure Gnassingbé", "p-faure", "TGO", "President")
TOMEGAH = ("Victoire Tomegah", "p-tomegah", "TGO", "Prime Minister")
KODJO = ("Yawa Kodjo", "p-kodjo", "TGO", "Trade Minister")
TSEGAN = ("Yawa Tsegan", "p-tsegan", "TGO", None)
ASSEMBLY = ("National Assembly", "p-assembly", None, None)  # an institution the name tagger took for a person
ENTITIES = [GHANA, TOGO, TOGOLESE, LOME]
PEOPLE = [("Adjei", *ADJEI[1:]), ADJEI, DUSSEY, FAURE, TOMEGAH, KODJO, TSEGAN, ASSEMBLY]


def meetings(sentences: list[str]) -> list[tuple[date | None, str | None, str | None]]:
    engagements, participants, _ = fuse_engagements(extract(sentences, ENTITIES, PEOPLE))
    rows = engagements.filter(engagements["engagement_type"] == "meeting")
    return sorted(
        (r["start_date"], r["date_precision"], r["counterpart"]) for r in rows.iter_rows(named=True)
    )


ARRIVAL = (
    "Ghana's Foreign Minister Kwame Adjei arrived in Lomé on Monday for a three-day official visit to Togo."
)


def test_courtesy_calls_on_two_office_holders_are_two_meetings_beside_the_dated_talks():
    assert meetings(
        [
            ARRIVAL,
            "On Tuesday, Adjei held talks with Togolese Foreign Minister Robert Dussey.",
            "Adjei also called on President Faure Gnassingbé and Prime Minister Victoire Tomegah.",
        ]
    ) == [
        (date(2022, 9, 1), "month", "Faure Gnassingbé"),
        (date(2022, 9, 1), "month", "Victoire Tomegah"),
        (date(2022, 9, 6), "day", "Robert Dussey"),
    ]


def test_meetings_in_the_plural_with_listed_ministers_are_one_meeting_each():
    rows = meetings(
        [
            ARRIVAL,
            "During the visit, Adjei will hold bilateral meetings with Foreign Minister Robert Dussey, Prime Minister"
            " Victoire Tomegah and trade minister Yawa Kodjo.",
        ]
    )
    assert [counterpart for *_, counterpart in rows] == ["Robert Dussey", "Victoire Tomegah", "Yawa Kodjo"]
    assert {(start, precision) for start, precision, _ in rows} == {(date(2022, 9, 1), "month")}


def test_a_meeting_with_both_of_two_hosts_on_one_day_is_two_meetings_on_that_day():
    assert meetings(
        [
            ARRIVAL,
            "On Tuesday, Adjei met with both his Togolese counterpart Robert Dussey and Prime Minister Victoire"
            " Tomegah.",
        ]
    ) == [
        (date(2022, 9, 6), "day", "Robert Dussey"),
        (date(2022, 9, 6), "day", "Victoire Tomegah"),
    ]


def test_a_host_met_in_a_later_sentence_is_a_meeting_of_its_own_in_the_visit_month():
    assert meetings(
        [
            ARRIVAL,
            "On Tuesday, Adjei met Togolese Foreign Minister Robert Dussey.",
            "During his visit, Adjei also met Togo's Trade Minister Yawa Kodjo.",
        ]
    ) == [
        (date(2022, 9, 1), "month", "Yawa Kodjo"),
        (date(2022, 9, 6), "day", "Robert Dussey"),
    ]


def test_references_back_to_the_talks_stay_one_meeting():
    assert meetings(
        [
            ARRIVAL,
            "On Tuesday, Adjei held talks with Togolese Foreign Minister Robert Dussey.",
            "The two ministers met for three hours, and after the meeting Robert Dussey said the talks had been fruitful.",
            "Adjei and Robert Dussey also discussed trade during the meeting.",
        ]
    ) == [(date(2022, 9, 6), "day", None)]


def test_two_people_met_together_are_one_meeting():
    assert meetings(
        [
            ARRIVAL,
            "On Tuesday, Adjei met with President Faure Gnassingbé and Foreign Minister Robert Dussey.",
        ]
    ) == [(date(2022, 9, 6), "day", None)]


def test_without_a_visit_the_people_a_pair_meets_do_not_split_its_meeting():
    assert meetings(
        [
            "Ghana's Foreign Minister Kwame Adjei met Togolese Foreign Minister Robert Dussey in Accra on Monday.",
            "Adjei also met Togo's Trade Minister Yawa Kodjo on Monday.",
        ]
    ) == [(date(2022, 9, 5), "day", None)]


def test_a_host_who_receives_the_visitor_is_told_apart_from_another_host_met():
    assert meetings(
        [
            ARRIVAL,
            "On Tuesday, President Faure Gnassingbé held talks with the visiting Kwame Adjei.",
            "During the visit, Adjei also met Togo's Trade Minister Yawa Kodjo.",
        ]
    ) == [
        (date(2022, 9, 1), "month", "Yawa Kodjo"),
        (date(2022, 9, 6), "day", "Faure Gnassingbé"),
    ]


def test_a_parliament_speaker_listed_among_the_people_met_is_a_meeting_of_its_own():
    assert meetings(
        [
            ARRIVAL,
            "On Tuesday, Adjei met with the Speaker of the National Assembly, Yawa Tsegan, and the Minister of"
            " Foreign Affairs of Togo, Robert Dussey.",
        ]
    ) == [
        (date(2022, 9, 6), "day", "Robert Dussey"),
        (date(2022, 9, 6), "day", "Yawa Tsegan"),
    ]


MENSAH = ("Kofi Mensah", "p-mensah", "GHA", "President")
HEADS = [*PEOPLE, MENSAH, ("Mensah", *MENSAH[1:])]
STATE_VISIT = "Ghana's President Kofi Mensah arrived in Lomé on Monday for a working visit to Togo."


def head_meetings(sentences: list[str]) -> list[tuple[date | None, str | None, str | None]]:
    engagements, _, _ = fuse_engagements(extract(sentences, ENTITIES, HEADS))
    rows = engagements.filter(engagements["engagement_type"] == "meeting")
    return sorted(
        (r["start_date"], r["date_precision"], r["counterpart"]) for r in rows.iter_rows(named=True)
    )


def test_a_head_of_state_and_a_head_of_government_listed_are_met_one_by_one():
    assert head_meetings(
        [
            STATE_VISIT,
            "Mensah will meet Togolese President Faure Gnassingbé and Prime Minister Victoire Tomegah.",
        ]
    ) == [
        (date(2022, 9, 1), "month", "Faure Gnassingbé"),
        (date(2022, 9, 1), "month", "Victoire Tomegah"),
    ]


def test_a_prime_minister_and_a_parliament_chairman_listed_are_met_one_by_one():
    assert head_meetings(
        [
            STATE_VISIT,
            "Mensah is also expected to meet with Prime Minister Victoire Tomegah, and Parliament Chairman Yawa"
            " Tsegan.",
        ]
    ) == [
        (date(2022, 9, 1), "month", "Victoire Tomegah"),
        (date(2022, 9, 1), "month", "Yawa Tsegan"),
    ]


def test_the_visitors_peer_keeps_the_talks_the_visit_is_dated_by():
    assert head_meetings(
        [
            "Ghana's President Kofi Mensah arrived in Lomé on Monday on a working trip, to hold talks with Togolese"
            " officials.",
            "Mensah is expected to meet with Prime Minister Victoire Tomegah and Parliament Chairman Yawa Tsegan.",
            "Mensah is in Lomé for talks with his Togolese counterpart Faure Gnassingbé.",
        ]
    ) == [
        (date(2022, 9, 1), "month", "Victoire Tomegah"),
        (date(2022, 9, 1), "month", "Yawa Tsegan"),
        (date(2022, 9, 5), "day", "Faure Gnassingbé"),
    ]


def test_a_meeting_between_two_heads_of_the_two_sides_is_one_meeting():
    assert head_meetings(
        [
            STATE_VISIT,
            "There will be a bilateral meeting between President Kofi Mensah and Prime Minister Victoire Tomegah on"
            " Tuesday.",
        ]
    ) == [(date(2022, 9, 6), "day", None)]


def test_hosts_named_by_two_reports_of_the_visit_are_two_meetings():
    """One report tells the courtesy call on the president, another (of another story) the talks with the foreign
    minister: fused as one meeting of the pair, they are two, one per host."""
    first = extract(
        [ARRIVAL, "This morning Adjei will pay a courtesy call on President Faure Gnassingbé."],
        ENTITIES,
        PEOPLE,
    )
    second = extract(
        [
            "Kwame Adjei arrived in Lomé on Monday for his first official visit.",
            "Adjei will also meet with Foreign Minister Robert Dussey.",
        ],
        ENTITIES,
        PEOPLE,
    ).with_columns(article_id=pl.lit("a2"), story_id=pl.lit("a2"))
    engagements, _, _ = fuse_engagements(pl.concat([first, second]))
    rows = engagements.filter(engagements["engagement_type"] == "meeting")
    assert sorted(
        (r["start_date"], r["date_precision"], r["counterpart"]) for r in rows.iter_rows(named=True)
    ) == [
        (date(2022, 9, 1), "month", "Robert Dussey"),
        (date(2022, 9, 6), "day", "Faure Gnassingbé"),
    ]


def test_a_meeting_two_stories_tell_from_its_two_ends_stays_one_meeting():
    """Each report's host is the other's visitor (a story of Adjei's visit to Togo, another that has Faure visit
    Ghana next year): the two "hosts" are the meeting's two sides, not two meetings."""
    first = extract([ARRIVAL, "On Tuesday, Adjei met with President Faure Gnassingbé."], ENTITIES, PEOPLE)
    second = extract(
        [
            "On Tuesday, Faure Gnassingbé held talks with Foreign Minister Kwame Adjei in Lomé.",
            "Faure Gnassingbé was invited to visit Ghana next year.",
        ],
        ENTITIES,
        PEOPLE,
    ).with_columns(article_id=pl.lit("a2"), story_id=pl.lit("a2"))
    engagements, _, _ = fuse_engagements(pl.concat([first, second]))
    rows = engagements.filter(engagements["engagement_type"] == "meeting")
    assert [(r["start_date"], r["date_precision"]) for r in rows.iter_rows(named=True)] == [
        (date(2022, 9, 6), "day")
    ]


def test_hosts_of_a_visit_whose_visitor_country_is_unnamed_are_told_apart():
    """The report names no country for the visitor ("Kwame Adjei arrived into Togo"), but every person it has
    him meet is Togolese: they are the hosts, one meeting each."""
    assert meetings(
        [
            "Kwame Adjei arrived into Togo last night for his first official visit.",
            "Adjei will pay a courtesy call on President Faure Gnassingbé this morning.",
            "He will also meet with Foreign Minister Robert Dussey.",
        ]
    ) == [
        (date(2022, 9, 1), "month", "Robert Dussey"),
        (date(2022, 9, 6), "day", "Faure Gnassingbé"),
    ]
