"""Warehouse stage: write the frames into a DuckDB file whose schema and views live in ``sql/``.

A build never touches the live file: it writes a new file next to it and renames it over the old one (an atomic
``os.replace``). A build that fails half way leaves the previous warehouse intact, and a reader holding the old file
open read-only keeps reading the old, complete snapshot while the build runs.

The new file is either written from scratch or, when few articles changed, an older file with only those articles'
rows replaced (``warehouse_content.article_digests`` says what each article contributed); both give the same content. That older file
is the one the last swap replaced, kept under ``previous_file(path)`` as a hard link (no copy): it is updated in
place, a step further behind than the live file but without copying hundreds of megabytes, and becomes the live
file; the replaced live file becomes the previous one. When there is no previous file, or an old reader still has
it open, the update starts from a copy of the live file instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import duckdb
import polars as pl

from pipeline.texts import with_article_text, with_sentence_text
from pipeline.warehouse_content import (
    ARTICLE_KEYED_TABLES,
    SCHEMA_FILE,
    VIEWS_FILE,
    article_digests,
    changed_articles,
    content_fingerprint,
    frame_tables,
    layout_fingerprint,
)

TEXT_TABLES = ("articles", "sentences")
"""Tables whose text the frames do not carry: it is read from the clean store for the rows written."""
KEYED_TABLES = {"countries": "country_code", "persons": "person_id", "engagements": "engagement_id"}
"""Small tables with a one-column primary key: an update replaces only their rows that differ (emptying an indexed
table costs about a second at 100k articles, for rows that mostly come back unchanged)."""
MAX_UPDATED_SHARE = 0.25
"""Above this share of changed articles, writing a fresh file is about as fast as updating a copy, and compacts it."""
BUILD_MEMORY_LIMIT = "1GB"
"""DuckDB's memory while it writes a staging file. By default it may hold up to 80% of RAM in buffers, and a full
write at 100k articles raised the build's peak from 3.2 to 3.6 GB (measured with /usr/bin/time -v), beside the frames
that are in memory anyway; with this limit it writes its blocks out sooner, no slower (17.6 s against 20.3 s)."""


def _table_columns(connection: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = connection.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", [table]
    ).fetchall()
    return [row[0] for row in rows]


@contextlib.contextmanager
def _incoming(connection: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> Iterator[list[str]]:
    """``frame`` registered as the view ``incoming_frame`` with ``table``'s columns, which it must all have; yields
    those columns. A failed statement leaves the view to the connection, which is closed on failure: unregistering
    it in an aborted transaction would raise over the statement's own error."""
    columns = _table_columns(connection, table)
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(f"frame for table {table} lacks the columns {missing}")
    connection.register("incoming_frame", frame.select(columns).to_arrow())
    yield columns
    connection.unregister("incoming_frame")


def _column_list(columns: list[str], alias: str = "") -> str:
    return ", ".join(f'{alias}"{column}"' for column in columns)


def _article_texts(articles: pl.DataFrame, texts: pl.LazyFrame) -> pl.DataFrame:
    """(article_id, text) of ``articles``, read once from ``texts`` for both the articles and sentences tables."""
    return with_article_text(articles.select("article_id", "text_key"), texts).select("article_id", "text")


def _load_text_tables(
    connection: duckdb.DuckDBPyConnection,
    articles: pl.DataFrame,
    sentences: pl.DataFrame,
    article_texts: pl.DataFrame,
) -> None:
    """Load article and sentence rows with their texts (a sentence's cut from its article's), from
    ``article_texts``: the frames between assets do not carry texts. A rewrite loads these two tables first and
    passes every text here and nowhere else, so the texts are freed before the other tables are loaded."""
    _load_table(
        connection,
        "articles",
        articles.join(article_texts, on="article_id", how="left", maintain_order="left"),
    )
    _load_table(connection, "sentences", with_sentence_text(sentences, article_texts))


def _load_table(connection: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    with _incoming(connection, table, frame) as columns:
        connection.execute(
            f"INSERT INTO {table} ({_column_list(columns)}) SELECT {_column_list(columns)} FROM incoming_frame"
        )


def _fingerprints(path: Path) -> tuple[str, str] | None:
    """(content fingerprint, layout fingerprint) of the warehouse at ``path``; None when there is none or it cannot
    be read (an older file without these, or one open for writing)."""
    try:
        with connect_read_only(path) as connection:
            return connection.execute(
                "SELECT content_fingerprint, layout_fingerprint FROM build_info"
            ).fetchall()[0]
    except (FileNotFoundError, duckdb.Error, IndexError):
        return None


def _digests_of_this_layout(path: Path) -> pl.DataFrame | None:
    """The article digests of the warehouse at ``path`` when it has this build's layout, else None."""
    try:
        with connect_read_only(path) as connection:
            [(layout,)] = connection.execute("SELECT layout_fingerprint FROM build_info").fetchall()
            if layout != layout_fingerprint():
                return None
            return connection.sql(
                "SELECT table_name, article_id, row_count, digest FROM article_digests"
            ).pl()
    except (FileNotFoundError, duckdb.Error, ValueError):
        return None


def holds_content(path: Path, fingerprint: str) -> bool:
    """Whether the warehouse at ``path`` was written from content with this fingerprint."""
    live = _fingerprints(path)
    return live is not None and live[0] == fingerprint


def build_warehouse(
    path: Path, frames: Mapping[str, pl.DataFrame], build_info: Mapping[str, object], texts: pl.LazyFrame
) -> str:
    """Make the warehouse at ``path`` hold ``frames`` (one per frame table) with the least writing. The articles
    frame carries ``text_key``, and ``texts`` (``text_key``, ``text``) the cleaned texts, read only for the rows
    written.

    Returns what was done: "unchanged" (the live file holds this content already), "updated in place" (the
    previous file with the rows of changed articles replaced, swapped in), "updated" (the same, from a copy of the
    live file) or "rewritten" (a new file, swapped in).
    """
    digests = article_digests(frames)
    fingerprint = content_fingerprint(frames, build_info, digests)
    live = _fingerprints(path)
    if live is not None and live[0] == fingerprint:
        return "unchanged"

    if live is not None:
        n_articles = frames["articles"].height

        update = partial(
            _update,
            frames=frames,
            texts=texts,
            build_info=build_info,
            fingerprint=fingerprint,
            digests=digests,
        )
        previous = previous_file(path)
        changed = _changes_to_apply(previous, digests, n_articles)
        if changed is not None and _update_previous_in_place(
            path, previous, partial(update, changed=changed)
        ):
            return "updated in place"
        changed = _changes_to_apply(path, digests, n_articles)
        if changed is not None:
            _swap_in(path, partial(_update_copy, path, partial(update, changed=changed)))
            return "updated"
    write_warehouse(path, frames, build_info, texts, fingerprint, digests)
    return "rewritten"


def previous_file(path: Path) -> Path:
    """Where the file a swap replaced is kept, hidden beside the warehouse, for the next update to start from."""
    return path.with_name(f".{path.name}.previous")


def _changes_to_apply(path: Path, digests: pl.DataFrame, n_articles: int) -> pl.DataFrame | None:
    """The articles whose rows differ between the warehouse at ``path`` and ``digests``, or None when that file
    cannot be updated: none is readable, it has another layout, or too many articles changed for an update to pay."""
    stored = _digests_of_this_layout(path)
    if stored is None:
        return None
    changed = changed_articles(stored, digests)
    return changed if changed["article_id"].n_unique() <= MAX_UPDATED_SHARE * max(n_articles, 1) else None


def _update_previous_in_place(
    path: Path, previous: Path, apply: Callable[[duckdb.DuckDBPyConnection], None]
) -> bool:
    """Update the previous file in place and swap it in, keeping the live file as the previous one. False, with
    nothing changed, when an old reader still has the previous file open (DuckDB's lock refuses the writer)."""
    if os.path.samefile(previous, path):
        return False
    try:
        connection = _connect_for_build(previous)
    except duckdb.IOException:
        return False
    with connection:
        apply(connection)
    _swap_in(path, lambda staging: os.replace(previous, staging))
    return True


def _update_copy(path: Path, apply: Callable[[duckdb.DuckDBPyConnection], None], staging: Path) -> None:
    """Make ``staging`` a copy of the live file at ``path`` and update it with ``apply``."""
    shutil.copyfile(path, staging)
    with _connect_for_build(staging) as connection:
        apply(connection)


def write_warehouse(
    path: Path,
    frames: Mapping[str, pl.DataFrame],
    build_info: Mapping[str, object],
    texts: pl.LazyFrame,
    fingerprint: str | None = None,
    digests: pl.DataFrame | None = None,
) -> None:
    """Build a complete warehouse from ``frames`` (one per frame table) and ``texts`` (as for ``build_warehouse``)
    and swap it in atomically.

    ``fingerprint`` and ``digests`` are ``content_fingerprint(frames, build_info)`` and ``article_digests(frames)``
    when the caller has them already.
    """

    def write(staging: Path) -> None:
        with _connect_for_build(staging) as connection:
            connection.execute(SCHEMA_FILE.read_text())
            _load_text_tables(
                connection, frames["articles"], frames["sentences"], _article_texts(frames["articles"], texts)
            )
            for table in frame_tables():
                if table not in TEXT_TABLES:
                    _load_table(connection, table, frames[table])
            all_digests = article_digests(frames) if digests is None else digests
            _load_build_tables(
                connection,
                build_info,
                fingerprint or content_fingerprint(frames, build_info, all_digests),
                all_digests,
            )
            connection.execute(VIEWS_FILE.read_text())
            connection.execute("CHECKPOINT")

    _swap_in(path, write, keep_previous=_keep_copy_as_previous)


def _update(
    connection: duckdb.DuckDBPyConnection,
    frames: Mapping[str, pl.DataFrame],
    texts: pl.LazyFrame,
    build_info: Mapping[str, object],
    fingerprint: str,
    digests: pl.DataFrame,
    changed: pl.DataFrame,
) -> None:
    """Turn an older warehouse into the new one, in one transaction (a failed update leaves that file as it was,
    its digests true to its rows): the rows (and digests) of ``changed`` articles are deleted and their new ones
    inserted; the keyed small tables get their differing rows replaced, the others are replaced whole."""
    article_texts = _article_texts(
        frames["articles"].join(changed.select("article_id").unique(), on="article_id", how="semi"), texts
    )
    connection.execute("BEGIN TRANSACTION")
    connection.register("changed_articles", changed.to_arrow())
    for table in frame_tables():
        if table in ARTICLE_KEYED_TABLES:
            connection.execute(
                f"DELETE FROM {table} WHERE article_id IN"
                " (SELECT article_id FROM changed_articles WHERE table_name = ?)",
                [table],
            )
            if table not in TEXT_TABLES:
                _load_table(connection, table, _changed_rows(frames, table, changed))
        elif table in KEYED_TABLES:
            _replace_changed_rows(connection, table, KEYED_TABLES[table], frames[table])
        else:
            connection.execute(f"DELETE FROM {table}")
            _load_table(connection, table, frames[table])
    _load_text_tables(
        connection,
        _changed_rows(frames, "articles", changed),
        _changed_rows(frames, "sentences", changed),
        article_texts,
    )
    connection.execute(
        "DELETE FROM article_digests WHERE article_id IN (SELECT article_id FROM changed_articles)"
    )
    connection.unregister("changed_articles")
    connection.execute("DELETE FROM build_info")
    _load_build_tables(
        connection,
        build_info,
        fingerprint,
        digests.join(changed.select("article_id").unique(), on="article_id", how="semi"),
    )
    connection.execute("COMMIT")
    connection.execute("CHECKPOINT")


def _changed_rows(frames: Mapping[str, pl.DataFrame], table: str, changed: pl.DataFrame) -> pl.DataFrame:
    """The rows of ``table``'s frame that belong to its changed articles."""
    stale = changed.filter(pl.col("table_name") == table)
    return frames[table].join(stale, on="article_id", how="semi")


def _replace_changed_rows(
    connection: duckdb.DuckDBPyConnection, table: str, key: str, frame: pl.DataFrame
) -> None:
    """Make ``table`` hold the rows of ``frame``: rows whose key is gone or whose values differ are deleted, then the
    rows whose key is missing are inserted."""
    with _incoming(connection, table, frame) as columns:
        connection.execute(
            f'DELETE FROM {table} WHERE "{key}" NOT IN (SELECT "{key}" FROM incoming_frame) OR "{key}" IN'
            f' (SELECT "{key}" FROM incoming_frame AS incoming JOIN {table} AS live USING ("{key}")'
            f" WHERE row({_column_list(columns, 'incoming.')}) IS DISTINCT FROM row({_column_list(columns, 'live.')}))"
        )
        connection.execute(
            f"INSERT INTO {table} ({_column_list(columns)}) SELECT {_column_list(columns)} FROM incoming_frame"
            f' WHERE "{key}" NOT IN (SELECT "{key}" FROM {table})'
        )


def _load_build_tables(
    connection: duckdb.DuckDBPyConnection,
    build_info: Mapping[str, object],
    fingerprint: str,
    digests: pl.DataFrame,
) -> None:
    info = {
        "built_at": datetime.now(UTC),
        **build_info,
        "content_fingerprint": fingerprint,
        "layout_fingerprint": layout_fingerprint(),
    }
    _load_table(connection, "build_info", pl.DataFrame([info]))
    _load_table(connection, "article_digests", digests)


def _connect_for_build(staging: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(staging))
    connection.execute(f"SET memory_limit = '{BUILD_MEMORY_LIMIT}'")
    return connection


def _keep_as_previous(path: Path, staging: Path) -> None:
    """Hard-link the live file as the previous one before a swap replaces it: no copy, and the replaced file's
    blocks are not freed during the build. Where the file system has no hard links, no previous file is kept."""
    if not path.exists():
        return
    keeping = path.with_name(f".{path.name}.keeping-{os.getpid()}")
    keeping.unlink(missing_ok=True)
    try:
        os.link(path, keeping)
    except OSError:
        return
    os.replace(keeping, previous_file(path))


def _keep_copy_as_previous(path: Path, staging: Path) -> None:
    """After a full write, keep a copy of the new file as the previous one, so that the next build updates it in
    place as every later one does (the file a full write replaces has another layout or too many changes to be
    updated). The copy costs about a second at 100k articles, once per full write; the first update after it then
    saves about as much. Without room for the copy, no previous file is kept, and the next update copies the
    live file, as it would have."""
    keeping = path.with_name(f".{path.name}.keeping-{os.getpid()}")
    try:
        shutil.copyfile(staging, keeping)
    except OSError:
        keeping.unlink(missing_ok=True)
        previous_file(path).unlink(missing_ok=True)
        return
    os.replace(keeping, previous_file(path))


def _swap_in(
    path: Path, write: Callable[[Path], None], keep_previous: Callable[[Path, Path], None] = _keep_as_previous
) -> None:
    """Write the new file beside ``path`` with ``write(staging)`` and rename it over ``path``, keeping a previous
    file with ``keep_previous(path, staging)`` (by default the replaced file); on failure the live file is left as
    it was and the staging file removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.building-{os.getpid()}")
    staging.unlink(missing_ok=True)
    try:
        write(staging)
        keep_previous(path, staging)
        os.replace(staging, path)
    finally:
        staging.unlink(missing_ok=True)
        Path(f"{staging}.wal").unlink(missing_ok=True)


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
