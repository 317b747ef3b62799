"""Reruns on the same input keep engagement and person ids, and the warehouse content."""

from __future__ import annotations

from conftest import SEED_FOLDER, materialize_all

from pipeline.warehouse import connect_read_only

QUERIES = {
    "engagements": "SELECT * EXCLUDE (confidence) FROM engagements ORDER BY engagement_id",
    "persons": "SELECT person_id, name, country_code, role FROM persons ORDER BY person_id",
    "evidence": "SELECT * FROM engagement_evidence ORDER BY ALL",
}


def snapshot(path):
    with connect_read_only(path) as connection:
        return {name: connection.execute(query).fetchall() for name, query in QUERIES.items()}


def test_a_fresh_rebuild_of_the_same_input_keeps_ids_and_content(tmp_path, seed_warehouse):
    result = materialize_all(SEED_FOLDER, tmp_path / "again.duckdb", tmp_path / "storage")
    assert result.success
    assert snapshot(tmp_path / "again.duckdb") == snapshot(seed_warehouse)
