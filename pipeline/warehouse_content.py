"""What a warehouse holds, apart from writing it: its layout (the tables ``sql/schema.sql`` declares, the views of
``sql/views.sql``) and the digests of its content. ``article_digests`` says what each article contributed to the
article-keyed tables, ``changed_articles`` which articles differ between two builds, and the fingerprints which
build wrote a file (``content_fingerprint``) and with which layout (``layout_fingerprint``), so that
``pipeline.warehouse`` can leave a file that holds a build's content already, or update only the changed articles'
rows of one with the same layout."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path

import polars as pl

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
SCHEMA_FILE = SQL_DIR / "schema.sql"
VIEWS_FILE = SQL_DIR / "views.sql"

ARTICLE_KEYED_TABLES = ("articles", "sentences", "entity_mentions")
"""The large tables, whose every row belongs to one article: an update replaces the rows of changed articles only."""
BUILD_TABLES = ("build_info", "article_digests")
"""Tables the warehouse stage writes about the build itself; every other table is loaded from a frame."""


def table_names() -> list[str]:
    """Tables declared in ``sql/schema.sql``, in declaration order."""
    return re.findall(r"^CREATE TABLE (\w+)", SCHEMA_FILE.read_text(), flags=re.MULTILINE)


def frame_tables() -> list[str]:
    """Tables loaded from the pipeline's frames, in declaration order."""
    return [table for table in table_names() if table not in BUILD_TABLES]


def _layout() -> bytes:
    """The schema, the views and the polars release, whose row hash ``article_digests`` and the fingerprints use."""
    return SCHEMA_FILE.read_bytes() + VIEWS_FILE.read_bytes() + pl.__version__.encode()


def layout_fingerprint() -> str:
    """Stored in ``build_info``: a build updates the live file only when its layout is the same."""
    return hashlib.sha256(_layout()).hexdigest()


def article_digests(frames: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """One row per (table, article) of the article-keyed tables: its row count and the wrapping sum of its row
    hashes, which any change to one of its rows changes. A sentence's text is cut from its article's, so the
    sentences' digest also takes in the article's ``text_key``: a new text under the same spans changes it."""
    text_key_hashes = frames["articles"].select("article_id", text_key_hash=pl.col("text_key").hash(seed=0))
    digests = []
    for table in ARTICLE_KEYED_TABLES:
        frame = frames[table]
        digest = (
            frame.select("article_id", row_hash=frame.hash_rows(seed=0))
            .group_by("article_id")
            .agg(row_count=pl.len().cast(pl.Int64), digest=pl.col("row_hash").sum())
        )
        if table == "sentences":
            digest = digest.join(text_key_hashes, on="article_id", how="left").with_columns(
                digest=pl.col("digest") ^ pl.col("text_key_hash").fill_null(0)
            )
        digests.append(
            digest.select(
                table_name=pl.lit(table), article_id="article_id", row_count="row_count", digest="digest"
            )
        )
    return pl.concat(digests)


def changed_articles(live: pl.DataFrame, new: pl.DataFrame) -> pl.DataFrame:
    """(table_name, article_id) of every article whose rows differ between two ``article_digests`` frames: new,
    changed or gone."""
    keys = ["table_name", "article_id"]
    return pl.concat(
        [
            new.join(live, on=[*keys, "row_count", "digest"], how="anti").select(keys),
            live.join(new, on=keys, how="anti").select(keys),
        ]
    )


def content_fingerprint(
    frames: Mapping[str, pl.DataFrame], build_info: Mapping[str, object], digests: pl.DataFrame | None = None
) -> str:
    """A digest of what a build would write: the schema and views, the build information (its time aside) and the
    rows of every frame, in any order (a table is a set of rows); the article-keyed tables count through their
    ``article_digests`` (passed as ``digests`` when the caller has them), as the wrapping sum of their row hashes
    (sorting them first took 0.2 s at 100k articles). It uses polars' row hash, which may change between polars
    releases: a new release then gives a new digest, and the next build rewrites the file."""
    digests = article_digests(frames) if digests is None else digests
    digest = hashlib.sha256(_layout())
    digest.update(repr(sorted((key, str(value)) for key, value in build_info.items())).encode())
    for table in frame_tables():
        frame = frames[table]
        digest.update(f"{table}:{frame.schema}".encode())
        if table not in ARTICLE_KEYED_TABLES:
            digest.update(frame.hash_rows(seed=0).sort().to_numpy().tobytes())
    digest.update(f"{digests.height}:{digests.hash_rows(seed=0).sum()}".encode())
    return digest.hexdigest()
