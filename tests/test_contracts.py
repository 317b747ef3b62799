"""One source per contract: each frame's pandera model declares its columns; the polars schemas and the store
schemas are derived from it, and ``sql/schema.sql`` agrees with it column by column."""

from typing import NamedTuple

import duckdb
import pandera.polars as pa
import polars as pl
import pytest

from pipeline.clean import CLEAN_CACHE_SCHEMAS, ArticlesModel, SentencesModel
from pipeline.contracts import polars_schema
from pipeline.countries import COUNTRY_SCHEMA, CountriesModel, country_table
from pipeline.dedup import ArticleDuplicatesModel
from pipeline.engagements import ENGAGEMENT_CACHE_SCHEMAS, MENTION_SCHEMA, PARTICIPANT_DTYPE
from pipeline.entities import ENTITY_CACHE_SCHEMAS, ENTITY_SCHEMA, PERSON_SCHEMA, EntityMentionsModel
from pipeline.fusion import (
    ENGAGEMENT_SCHEMA,
    EVIDENCE_SCHEMA,
    PARTICIPANT_SCHEMA,
    EngagementEvidenceModel,
    EngagementParticipantsModel,
    EngagementsModel,
)
from pipeline.ingest import (
    INGEST_CACHE_SCHEMAS,
    RAW_ARTICLES_SCHEMA,
    REJECTED_INPUTS_SCHEMA,
    RejectedInputsModel,
)
from pipeline.persons import PERSONS_SCHEMA, PersonsModel
from pipeline.quarantine import QUARANTINE_SCHEMA, QuarantinedEngagementsModel
from pipeline.warehouse_content import BUILD_TABLES, SCHEMA_FILE, frame_tables

# --- today's shapes, written out once: the derived schemas must stay exactly these ----------------------------

_ENGAGEMENT_COLUMNS = {
    "country_a": pl.String,
    "country_b": pl.String,
    "initiator_country": pl.String,
    "host_country": pl.String,
    "engagement_type": pl.String,
    "format": pl.String,
    "status": pl.String,
    "start_date": pl.Date,
    "end_date": pl.Date,
    "date_precision": pl.String,
}
OLD_MENTION_SCHEMA = {
    "article_id": pl.String,
    "story_id": pl.String,
    "sentence_index": pl.Int64,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "sentence": pl.String,
    "trigger": pl.String,
    **_ENGAGEMENT_COLUMNS,
    "end_date_implied": pl.Boolean,
    "location_city": pl.String,
    "location_country": pl.String,
    "ordinal": pl.Int64,
    "participant_person_ids": pl.List(pl.String),
    "participants": pl.List(
        pl.Struct({"person_id": pl.String, "name": pl.String, "role": pl.String, "country_code": pl.String})
    ),
    "pair_source": pl.String,
    "confidence": pl.Float64,
    "published_date": pl.Date,
    "counterpart": pl.String,
}
OLD_ENGAGEMENT_SCHEMA = {
    "engagement_id": pl.String,
    **_ENGAGEMENT_COLUMNS,
    "location_city": pl.String,
    "location_country": pl.String,
    "ordinal": pl.Int64,
    "source_count": pl.Int64,
    "first_reported": pl.Date,
    "last_reported": pl.Date,
    "confidence": pl.Float64,
    "conflicts": pl.String,
    "counterpart": pl.String,
}
OLD_PARTICIPANT_SCHEMA = {
    "engagement_id": pl.String,
    "person_id": pl.String,
    "name": pl.String,
    "role": pl.String,
    "country_code": pl.String,
}
OLD_EVIDENCE_SCHEMA = {
    "engagement_id": pl.String,
    "article_id": pl.String,
    "sentence_index": pl.Int64,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "sentence": pl.String,
}
_RAW_ARTICLE_COLUMNS = {
    "article_id": pl.String,
    "source_file": pl.String,
    "source_line": pl.Int64,
    "url": pl.String,
    "source_domain": pl.String,
    "published_date": pl.Date,
    "date_precision": pl.String,
    "date_source": pl.String,
    "title": pl.String,
}
OLD_RAW_ARTICLES_SCHEMA = {**_RAW_ARTICLE_COLUMNS, "raw_text": pl.String}
OLD_REJECTED_INPUTS_SCHEMA = {"source_file": pl.String, "line": pl.Int64, "reason": pl.String}
OLD_ENTITY_SCHEMA = {
    "article_id": pl.String,
    "sentence_index": pl.Int64,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "text": pl.String,
    "label": pl.String,
    "entity_id": pl.String,
    "country_code": pl.String,
}
OLD_PERSON_SCHEMA = {
    "article_id": pl.String,
    "sentence_index": pl.Int64,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "text": pl.String,
    "name": pl.String,
    "person_key": pl.String,
    "is_full_name": pl.Boolean,
    "role": pl.String,
    "role_is_former": pl.Boolean,
    "country_code": pl.String,
    "country_evidence": pl.String,
    "organization": pl.String,
}
OLD_PERSONS_SCHEMA = {
    "person_id": pl.String,
    "name": pl.String,
    "country_code": pl.String,
    "role": pl.String,
    "role_is_former": pl.Boolean,
    "organization": pl.String,
    "aliases": pl.List(pl.String),
}
OLD_COUNTRY_SCHEMA = {
    "country_code": pl.String,
    "alpha2": pl.String,
    "name": pl.String,
    "official_name": pl.String,
    "capital": pl.String,
    "continent": pl.String,
    "demonym": pl.String,
}
OLD_QUARANTINE_SCHEMA = {
    "engagement_id": pl.String,
    "check_name": pl.String,
    "reason": pl.String,
    **{k: v for k, v in _ENGAGEMENT_COLUMNS.items() if k not in ("initiator_country", "host_country")},
    "source_count": pl.Int64,
    "first_reported": pl.Date,
    "last_reported": pl.Date,
    "article_id": pl.String,
    "sentence_index": pl.Int64,
    "sentence": pl.String,
}
OLD_INGEST_CACHE_SCHEMAS = {
    "raw_articles": {**_RAW_ARTICLE_COLUMNS, "raw_words": pl.Int64, "content_key": pl.String},
    "raw_texts": {"article_id": pl.String, "raw_text": pl.String},
    "rejected_inputs": OLD_REJECTED_INPUTS_SCHEMA,
}
OLD_CLEAN_CACHE_SCHEMAS = {
    "cleaned": {
        "title": pl.String,
        "text": pl.String,
        "content_hash": pl.String,
        "text_key": pl.String,
        "n_sentences": pl.Int64,
        "minhash": pl.Array(pl.UInt32, 128),
    },
    "sentences": {"sentence_index": pl.Int64, "start_char": pl.Int64, "end_char": pl.Int64},
}
OLD_ENTITY_CACHE_SCHEMAS = {
    "entity_mentions": {k: v for k, v in OLD_ENTITY_SCHEMA.items() if k != "article_id"},
    "person_mentions": {k: v for k, v in OLD_PERSON_SCHEMA.items() if k != "article_id"},
}
OLD_ENGAGEMENT_CACHE_SCHEMAS = {
    "mentions": {k: v for k, v in OLD_MENTION_SCHEMA.items() if k not in ("article_id", "story_id")}
}

FRAME_SCHEMAS = {
    "MENTION_SCHEMA": (MENTION_SCHEMA, OLD_MENTION_SCHEMA),
    "ENGAGEMENT_SCHEMA": (ENGAGEMENT_SCHEMA, OLD_ENGAGEMENT_SCHEMA),
    "PARTICIPANT_SCHEMA": (PARTICIPANT_SCHEMA, OLD_PARTICIPANT_SCHEMA),
    "EVIDENCE_SCHEMA": (EVIDENCE_SCHEMA, OLD_EVIDENCE_SCHEMA),
    "RAW_ARTICLES_SCHEMA": (RAW_ARTICLES_SCHEMA, OLD_RAW_ARTICLES_SCHEMA),
    "REJECTED_INPUTS_SCHEMA": (REJECTED_INPUTS_SCHEMA, OLD_REJECTED_INPUTS_SCHEMA),
    "ENTITY_SCHEMA": (ENTITY_SCHEMA, OLD_ENTITY_SCHEMA),
    "PERSON_SCHEMA": (PERSON_SCHEMA, OLD_PERSON_SCHEMA),
    "PERSONS_SCHEMA": (PERSONS_SCHEMA, OLD_PERSONS_SCHEMA),
    "COUNTRY_SCHEMA": (COUNTRY_SCHEMA, OLD_COUNTRY_SCHEMA),
    "QUARANTINE_SCHEMA": (QUARANTINE_SCHEMA, OLD_QUARANTINE_SCHEMA),
}
CACHE_SCHEMAS = {
    "INGEST_CACHE_SCHEMAS": (INGEST_CACHE_SCHEMAS, OLD_INGEST_CACHE_SCHEMAS),
    "CLEAN_CACHE_SCHEMAS": (CLEAN_CACHE_SCHEMAS, OLD_CLEAN_CACHE_SCHEMAS),
    "ENTITY_CACHE_SCHEMAS": (ENTITY_CACHE_SCHEMAS, OLD_ENTITY_CACHE_SCHEMAS),
    "ENGAGEMENT_CACHE_SCHEMAS": (ENGAGEMENT_CACHE_SCHEMAS, OLD_ENGAGEMENT_CACHE_SCHEMAS),
}


@pytest.mark.parametrize("name", FRAME_SCHEMAS)
def test_derived_frame_schema_is_todays_shape(name):
    derived, old = FRAME_SCHEMAS[name]
    assert list(derived.items()) == list(old.items())


@pytest.mark.parametrize("name", CACHE_SCHEMAS)
def test_derived_cache_schemas_are_todays_shapes(name):
    derived, old = CACHE_SCHEMAS[name]
    assert list(derived) == list(old)
    for store, schema in derived.items():
        assert isinstance(schema, pl.Schema)
        assert list(schema.items()) == list(old[store].items()), store


def test_participant_struct_is_declared_once():
    assert MENTION_SCHEMA["participants"] == pl.List(PARTICIPANT_DTYPE)


def test_derivation_names_its_differences_explicitly():
    assert list(polars_schema(RejectedInputsModel, drop=["line"])) == ["source_file", "reason"]
    assert list(polars_schema(RejectedInputsModel, ["reason", "source_file"])) == ["reason", "source_file"]
    assert polars_schema(RejectedInputsModel, extra={"note": pl.String})["note"] == pl.String
    with pytest.raises(KeyError, match="no columns"):
        polars_schema(RejectedInputsModel, drop=["lines"])
    with pytest.raises(KeyError, match="no columns"):
        polars_schema(RejectedInputsModel, ["source_file", "file"])
    with pytest.raises(ValueError, match="already declares"):
        polars_schema(RejectedInputsModel, extra={"line": pl.Int32})


def test_country_table_matches_its_model():
    CountriesModel.validate(country_table())
    assert list(country_table().schema.items()) == list(COUNTRY_SCHEMA.items())


# --- sql/schema.sql against the models -----------------------------------------------------------------------

TABLE_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "articles": ArticlesModel,
    "rejected_inputs": RejectedInputsModel,
    "article_duplicates": ArticleDuplicatesModel,
    "sentences": SentencesModel,
    "countries": CountriesModel,
    "entity_mentions": EntityMentionsModel,
    "persons": PersonsModel,
    "engagements": EngagementsModel,
    "engagement_participants": EngagementParticipantsModel,
    "engagement_evidence": EngagementEvidenceModel,
    "quarantined_engagements": QuarantinedEngagementsModel,
}
"""The frame each table is loaded from, by its model."""


class Difference(NamedTuple):
    """Columns a frame has and its table has not, and the other way round, with the reason."""

    frame_only: tuple[str, ...]
    table_only: tuple[str, ...]
    reason: str


DIFFERENCES = {
    "articles": Difference(
        ("text_key",),
        ("text",),
        "the frame carries the key of the cleaned text in the clean store; the warehouse loads the text it keys",
    ),
    "sentences": Difference(
        (),
        ("text",),
        "the frame carries the sentence's offsets; the warehouse cuts its text from the article's",
    ),
}
"""Frames that carry a key or offsets where their table has text: the only columns allowed in one and not the
other."""

DUCKDB_TYPES = {
    "String": {"VARCHAR"},
    "Int64": {"BIGINT", "INTEGER"},  # offsets, indexes and counts are stored as INTEGER; an insert checks the range
    "Float64": {"DOUBLE"},
    "Boolean": {"BOOLEAN"},
    "Date": {"DATE"},
    "List(String)": {"VARCHAR[]"},
}
"""The DuckDB types a column of each polars dtype may be loaded into."""


@pytest.fixture(scope="module")
def declared() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    connection.execute(SCHEMA_FILE.read_text())
    return connection


def _table_columns(connection: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str, bool, str | None]]:
    return connection.execute(
        "SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns()"
        " WHERE table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()


def test_every_frame_table_has_a_model():
    assert list(TABLE_MODELS) == frame_tables()


@pytest.mark.parametrize("table", list(TABLE_MODELS))
def test_table_columns_are_the_models(declared, table):
    """Same names in the same order, NOT NULL exactly where the model forbids nulls, and a DuckDB type that takes
    the model's dtype; only a listed difference may be in one and not the other."""
    model_columns = TABLE_MODELS[table].to_schema().columns
    difference = DIFFERENCES.get(table, Difference((), (), ""))
    table_columns = _table_columns(declared, table)
    assert set(difference.frame_only) <= set(model_columns)
    assert set(difference.table_only) <= {name for name, *_ in table_columns}
    in_both = [row for row in table_columns if row[0] not in difference.table_only]
    assert [name for name, *_ in in_both] == [name for name in model_columns if name not in difference.frame_only]
    for name, data_type, is_nullable, _ in in_both:
        column = model_columns[name]
        assert is_nullable == column.nullable, f"{table}.{name}: NOT NULL in one, nullable in the other"
        assert data_type in DUCKDB_TYPES[str(column.dtype.type)], f"{table}.{name}: {data_type} vs {column.dtype}"


@pytest.mark.parametrize("table", [*TABLE_MODELS, *BUILD_TABLES])
def test_every_column_is_documented(declared, table):
    (table_comment,) = declared.execute("SELECT comment FROM duckdb_tables() WHERE table_name = ?", [table]).fetchone()
    assert table_comment
    undocumented = [name for name, _, _, comment in _table_columns(declared, table) if not comment]
    assert undocumented == []
