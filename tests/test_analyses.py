"""The example analyses in sql/analyses/ answer their questions on the warehouse built from the seeds."""

from __future__ import annotations

import datetime as dt

from pipeline.warehouse import connect_read_only
from pipeline.warehouse_content import SQL_DIR


def run(warehouse, name: str, **params):
    with connect_read_only(warehouse) as connection:
        for key, value in params.items():
            connection.execute(f"SET VARIABLE {key} = ?", [value])
        return connection.sql((SQL_DIR / "analyses" / f"{name}.sql").read_text()).fetchall()


def test_two_plus_two_dialogues_have_their_ordinals(seed_warehouse):
    rows = run(seed_warehouse, "two_plus_two_dialogues")
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("IND", "JPN", 1, "held", dt.date(2019, 11, 30)),
        ("IND", "JPN", 2, "planned", dt.date(2022, 9, 7)),
        ("IND", "USA", None, "held", dt.date(2022, 4, 11)),
    ]


def test_planned_engagements_in_the_next_30_days(seed_warehouse):
    rows = run(seed_warehouse, "planned_next_30_days", after="2022-09-01")
    assert sorted((r[4], r[5]) for r in rows) == [
        ("meeting", "2+2 ministerial meeting"),
        ("meeting", "defence ministerial meeting"),
        ("meeting", "foreign ministers' strategic dialogue"),
        ("visit", "official visit"),
    ]


def test_most_active_pairs_of_2022(seed_warehouse):
    rows = run(seed_warehouse, "most_active_pairs", year="2022")
    assert [(r[0], r[1]) for r in rows] == [("IND", "JPN"), ("IND", "USA")]


def test_partners_ranked_puts_japan_first_for_india(seed_warehouse):
    rows = [r for r in run(seed_warehouse, "partners_ranked") if r[0] == "IND"]
    assert [(r[1], r[3]) for r in rows] == [("JPN", 1), ("USA", 2)]


def test_people_who_met_most_are_the_counterparts(seed_warehouse):
    top = run(seed_warehouse, "people_who_met_most")[:2]
    assert {(r[0], r[2], r[4]) for r in top} == {
        ("Rajnath Singh", "Yasukazu Hamada", 2),
        ("Subrahmanyam Jaishankar", "Yoshimasa Hayashi", 3),  # the two meetings and the visit Hayashi hosts
    }


def test_engagements_between_india_and_japan_are_dated_with_participants(seed_warehouse):
    rows = run(seed_warehouse, "engagements_between", country_1="JPN", country_2="IND")
    held_2019 = [r for r in rows if r[0] == dt.date(2019, 11, 30)]
    assert len(held_2019) == 1 and "Rajnath Singh" in held_2019[0][7]


def test_single_source_engagements_come_with_their_evidence(seed_warehouse):
    rows = run(seed_warehouse, "single_source")
    assert ("IND", "USA", "meeting") in {(r[0], r[1], r[2]) for r in rows}
    assert all(r[8] for r in rows)


def test_rejected_inputs_by_reason_is_empty_for_clean_seeds(seed_warehouse):
    assert run(seed_warehouse, "rejected_inputs_by_reason") == []


def test_engagements_by_status_and_year_counts_the_planned_2022_meetings(seed_warehouse):
    rows = run(seed_warehouse, "engagements_by_status_and_year")
    assert (2022, "planned", "meeting", 3) in rows


def test_a_query_longer_than_a_file_name_runs_as_sql(seed_warehouse, capsys):
    from pipeline.cli import main

    columns = ", ".join(f"engagement_id AS column_{n}" for n in range(30))
    assert main(["sql", f"SELECT {columns} FROM engagements LIMIT 1", "--warehouse", str(seed_warehouse)]) == 0
    assert "column_29" in capsys.readouterr().out
