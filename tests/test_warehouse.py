"""The warehouse file: built from sql/, swapped in atomically, readable while a build runs."""

from __future__ import annotations

from datetime import date

import duckdb
import polars as pl
import pytest

from pipeline.warehouse import (
    SCHEMA_FILE,
    connect_read_only,
    content_fingerprint,
    export_parquet,
    holds_content,
    table_names,
    write_warehouse,
)

BUILD_INFO = {
    "pipeline_version": "test",
    "input_folder": "/in",
    "files_read": 1,
    "articles_accepted": 1,
    "inputs_rejected": 0,
}


def empty_frames() -> dict[str, pl.DataFrame]:
    with duckdb.connect() as connection:
        connection.execute(SCHEMA_FILE.read_text())
        return {
            table: connection.sql(f"SELECT * FROM {table}").pl()
            for table in table_names()
            if table != "build_info"
        }


def frames_with_rejection(reason: str) -> dict[str, pl.DataFrame]:
    frames = empty_frames()
    frames["rejected_inputs"] = pl.DataFrame(
        {"source_file": ["a.txt"], "line": [None], "reason": [reason]},
        schema=frames["rejected_inputs"].schema,
    )
    return frames


def rejected_reasons(connection) -> list[str]:
    return [row[0] for row in connection.execute("SELECT reason FROM rejected_inputs").fetchall()]


def test_every_table_and_column_has_a_comment(tmp_path):
    path = tmp_path / "w.duckdb"
    write_warehouse(path, empty_frames(), BUILD_INFO)
    with connect_read_only(path) as connection:
        uncommented = connection.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND comment IS NULL"
        ).fetchall()
        tables_without = connection.execute(
            "SELECT table_name FROM duckdb_tables() WHERE comment IS NULL"
        ).fetchall()
    assert uncommented == []
    assert tables_without == []


def test_views_are_created(tmp_path):
    path = tmp_path / "w.duckdb"
    write_warehouse(path, empty_frames(), BUILD_INFO)
    with connect_read_only(path) as connection:
        views = {
            row[0]
            for row in connection.execute(
                "SELECT view_name FROM duckdb_views() WHERE NOT internal"
            ).fetchall()
        }
    assert {"dyad_summary", "country_timeline", "person_activity"} <= views


def test_a_failed_build_leaves_the_previous_warehouse_intact(tmp_path):
    path = tmp_path / "w.duckdb"
    write_warehouse(path, frames_with_rejection("first build"), BUILD_INFO)
    broken = frames_with_rejection("second build")
    broken["articles"] = broken["articles"].drop("text")
    with pytest.raises(ValueError, match="lacks the columns"):
        write_warehouse(path, broken, BUILD_INFO)
    with connect_read_only(path) as connection:
        assert rejected_reasons(connection) == ["first build"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb"]


def test_a_reader_holding_the_file_open_neither_blocks_the_build_nor_sees_it_half_written(tmp_path):
    path = tmp_path / "w.duckdb"
    write_warehouse(path, frames_with_rejection("old"), BUILD_INFO)
    with connect_read_only(path) as reader:
        write_warehouse(path, frames_with_rejection("new"), BUILD_INFO)
        assert rejected_reasons(reader) == ["old"]
    with connect_read_only(path) as fresh_reader:
        assert rejected_reasons(fresh_reader) == ["new"]


def test_engagements_reject_an_unordered_country_pair(tmp_path):
    frames = empty_frames()
    row = {column: None for column in frames["engagements"].columns} | {
        "engagement_id": "e1",
        "country_a": "JPN",
        "country_b": "IND",
        "engagement_type": "meeting",
        "status": "held",
        "source_count": 1,
        "confidence": 0.9,
        "start_date": date(2022, 1, 1),
    }
    frames["engagements"] = pl.DataFrame([row], schema=frames["engagements"].schema)
    with pytest.raises(duckdb.ConstraintException):
        write_warehouse(tmp_path / "w.duckdb", frames, BUILD_INFO)


def test_export_writes_one_parquet_file_per_table(tmp_path):
    path = tmp_path / "w.duckdb"
    write_warehouse(path, frames_with_rejection("x"), BUILD_INFO)
    written = export_parquet(path, tmp_path / "out")
    assert set(written) == set(table_names())
    assert pl.read_parquet(written["rejected_inputs"])["reason"].to_list() == ["x"]


def test_a_warehouse_holds_the_content_it_was_written_from(tmp_path):
    path = tmp_path / "w.duckdb"
    write_warehouse(path, frames_with_rejection("old"), BUILD_INFO)
    assert holds_content(path, content_fingerprint(frames_with_rejection("old"), BUILD_INFO))
    assert not holds_content(path, content_fingerprint(frames_with_rejection("new"), BUILD_INFO))
    assert not holds_content(
        path, content_fingerprint(frames_with_rejection("old"), BUILD_INFO | {"files_read": 2})
    )
    assert not holds_content(tmp_path / "missing.duckdb", content_fingerprint(empty_frames(), BUILD_INFO))


def test_the_content_fingerprint_ignores_row_order():
    frames = frames_with_rejection("x")
    two_rows = pl.concat(
        [frames["rejected_inputs"], frames["rejected_inputs"].with_columns(reason=pl.lit("y"))]
    )
    assert content_fingerprint(frames | {"rejected_inputs": two_rows}, BUILD_INFO) == content_fingerprint(
        frames | {"rejected_inputs": two_rows.reverse()}, BUILD_INFO
    )
