"""Warehouse stage: write the frames into a DuckDB file whose schema and views live in ``sql/``.

A build never touches the live file: it writes a new file next to it and renames it over the old one (an atomic
``os.replace``). A build that fails half way leaves the previous warehouse intact, and a reader holding the old file
open read-only keeps reading the old, complete snapshot while the build runs.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
SCHEMA_FILE = SQL_DIR / "schema.sql"
VIEWS_FILE = SQL_DIR / "views.sql"


def table_names() -> list[str]:
    """Tables declared in ``sql/schema.sql``, in declaration order."""
    return re.findall(r"^CREATE TABLE (\w+)", SCHEMA_FILE.read_text(), flags=re.MULTILINE)


def _table_columns(connection: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = connection.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", [table]
    ).fetchall()
    return [row[0] for row in rows]


def _load_table(connection: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    columns = _table_columns(connection, table)
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(f"frame for table {table} lacks the columns {missing}")
    connection.register("incoming_frame", frame.select(columns).to_arrow())
    try:
        column_list = ", ".join(f'"{column}"' for column in columns)
        connection.execute(f"INSERT INTO {table} ({column_list}) SELECT {column_list} FROM incoming_frame")
    finally:
        connection.unregister("incoming_frame")


def content_fingerprint(frames: Mapping[str, pl.DataFrame], build_info: Mapping[str, object]) -> str:
    """A digest of what a build would write: the schema and views, the build information (its time aside) and the
    rows of every frame, in any order (a table is a set of rows). It uses polars' row hash, which may change
    between polars releases: a new release then gives a new digest, and the next build rewrites the file."""
    digest = hashlib.sha256(SCHEMA_FILE.read_bytes() + VIEWS_FILE.read_bytes() + pl.__version__.encode())
    digest.update(repr(sorted((key, str(value)) for key, value in build_info.items())).encode())
    for table in table_names():
        if table in frames:
            frame = frames[table]
            digest.update(f"{table}:{frame.schema}".encode())
            digest.update(frame.hash_rows(seed=0).sort().to_numpy().tobytes())
    return digest.hexdigest()


def holds_content(path: Path, fingerprint: str) -> bool:
    """Whether the warehouse at ``path`` was written from content with this fingerprint (False when there is none
    or it cannot be read, e.g. an older file without the column, or one open for writing)."""
    try:
        with connect_read_only(path) as connection:
            stored = connection.execute("SELECT content_fingerprint FROM build_info").fetchall()
    except (FileNotFoundError, duckdb.Error):
        return False
    return stored == [(fingerprint,)]


def write_warehouse(
    path: Path,
    frames: Mapping[str, pl.DataFrame],
    build_info: Mapping[str, object],
    fingerprint: str | None = None,
) -> dict[str, int]:
    """Build a complete warehouse from ``frames`` (one per table of the schema) and swap it in atomically.

    ``fingerprint`` is ``content_fingerprint(frames, build_info)`` when the caller has it already. Returns the row
    count of every table written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.building-{os.getpid()}")
    staging.unlink(missing_ok=True)
    row_counts: dict[str, int] = {}
    try:
        with duckdb.connect(str(staging)) as connection:
            connection.execute(SCHEMA_FILE.read_text())
            for table in table_names():
                if table == "build_info":
                    continue
                _load_table(connection, table, frames[table])
                row_counts[table] = frames[table].height
            info = pl.DataFrame(
                [
                    {
                        "built_at": datetime.now(UTC),
                        **build_info,
                        "content_fingerprint": fingerprint or content_fingerprint(frames, build_info),
                    }
                ]
            )
            _load_table(connection, "build_info", info)
            connection.execute(VIEWS_FILE.read_text())
            connection.execute("CHECKPOINT")
        os.replace(staging, path)
    finally:
        staging.unlink(missing_ok=True)
        Path(f"{staging}.wal").unlink(missing_ok=True)
    return row_counts


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """Open the warehouse for queries; builds replace the file rather than write into it, so this never blocks one."""
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `bilateral build` first")
    return duckdb.connect(str(path), read_only=True)


def export_parquet(path: Path, out_dir: Path) -> dict[str, Path]:
    """Write every table of the warehouse as one Parquet file, for users of other engines."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    with connect_read_only(path) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT table_name FROM duckdb_tables() WHERE NOT internal ORDER BY table_name"
            ).fetchall()
        ]
        for table in tables:
            target = out_dir / f"{table}.parquet"
            connection.execute(f"COPY {table} TO '{target.as_posix()}' (FORMAT parquet)")
            written[table] = target
    return written
