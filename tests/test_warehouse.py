"""The warehouse file: built from sql/, swapped in atomically, readable while a build runs."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import duckdb
import polars as pl
import pytest

from pipeline.warehouse import (
    _connect_for_build,
    build_warehouse,
    connect_read_only,
    export_parquet,
    holds_content,
    previous_file,
    write_warehouse,
)
from pipeline.warehouse_content import SCHEMA_FILE, content_fingerprint, frame_tables, table_names

BUILD_INFO = {
    "pipeline_version": "test",
    "input_folder": "/in",
    "files_read": 1,
    "articles_accepted": 1,
    "inputs_rejected": 0,
}


def empty_frames() -> dict[str, pl.DataFrame]:
    """Empty frames shaped as the pipeline hands them over: the tables' columns, but no texts (the articles carry
    a ``text_key`` instead, the sentences their spans)."""
    with duckdb.connect() as connection:
        connection.execute(SCHEMA_FILE.read_text())
        frames = {table: connection.sql(f"SELECT * FROM {table}").pl() for table in frame_tables()}
    return frames | {
        "articles": frames["articles"].drop("text").with_columns(text_key=pl.lit(None, pl.String)),
        "sentences": frames["sentences"].drop("text"),
    }


def texts_of(frames: dict[str, pl.DataFrame]) -> pl.LazyFrame:
    """The texts of the test frames' articles: their ``text_key`` is the text itself."""
    return frames["articles"].select("text_key", text="text_key").lazy()


def write(path, frames: dict[str, pl.DataFrame], build_info=BUILD_INFO) -> None:
    write_warehouse(path, frames, build_info, texts_of(frames))


def build(path, frames: dict[str, pl.DataFrame], build_info=BUILD_INFO) -> str:
    return build_warehouse(path, frames, build_info, texts_of(frames))


def frames_with_rejection(reason: str) -> dict[str, pl.DataFrame]:
    frames = empty_frames()
    frames["rejected_inputs"] = pl.DataFrame(
        {"source_file": ["a.txt"], "line": [None], "reason": [reason]},
        schema=frames["rejected_inputs"].schema,
    )
    return frames


def sentence_spans(article_sentences: list[str]) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence in the sentences joined by single spaces."""
    spans, start = [], 0
    for text in article_sentences:
        spans.append((start, start + len(text)))
        start += len(text) + 1
    return spans


def corpus_frames(texts: dict[str, list[str]]) -> dict[str, pl.DataFrame]:
    """Frames of articles whose sentences are ``texts[article_id]``, each sentence also named as a place. The
    sentences frame holds spans only, as the pipeline's does."""
    frames = empty_frames()
    sentences = pl.DataFrame(
        [
            {"article_id": article_id, "sentence_index": index, "start_char": start, "end_char": end, "text": text}
            for article_id, article_sentences in texts.items()
            for index, ((start, end), text) in enumerate(
                zip(sentence_spans(article_sentences), article_sentences, strict=True)
            )
        ],
        schema={**frames["sentences"].schema, "text": pl.String},
    )
    articles = pl.DataFrame(
        [
            {
                "article_id": article_id,
                "source_file": f"{article_id}.txt",
                "date_source": "header",
                "text_key": " ".join(article_sentences),
                "content_hash": article_id,
                "n_sentences": len(article_sentences),
                "story_id": article_id,
            }
            for article_id, article_sentences in texts.items()
        ],
        schema=frames["articles"].schema,
    )
    mentions = sentences.select(
        "article_id", "sentence_index", "start_char", "end_char", "text", label=pl.lit("GPE")
    ).with_columns(entity_id=pl.col("text"), country_code=pl.lit(None, pl.String))
    return frames | {"articles": articles, "sentences": sentences.drop("text"), "entity_mentions": mentions}


def test_an_article_whose_text_changes_under_the_same_spans_gets_its_sentences_rewritten(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, corpus_frames(TWENTY_ARTICLES))
    same_spans = {"a0": ["Sentence uno of a0.", "Sentence dos of a0."]}
    assert build(path, corpus_frames(TWENTY_ARTICLES | same_spans)) == "updated in place"
    with connect_read_only(path) as connection:
        rows = connection.execute("SELECT text FROM sentences WHERE article_id = 'a0' ORDER BY ALL").fetchall()
    assert rows == [("Sentence dos of a0.",), ("Sentence uno of a0.",)]


def test_the_sentences_table_holds_each_sentence_cut_from_its_article(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, corpus_frames({"a": ["Kōno met Ünal.", "They talked."], "b": ["Café closed."]}))
    with connect_read_only(path) as connection:
        rows = connection.execute("SELECT article_id, sentence_index, text FROM sentences ORDER BY ALL").fetchall()
    assert rows == [("a", 0, "Kōno met Ünal."), ("a", 1, "They talked."), ("b", 0, "Café closed.")]


def table_contents(path) -> dict[str, list[tuple]]:
    with connect_read_only(path) as connection:
        return {
            table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in frame_tables()
        }


def rejected_reasons(connection) -> list[str]:
    return [row[0] for row in connection.execute("SELECT reason FROM rejected_inputs").fetchall()]


def test_every_table_and_column_has_a_comment(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, empty_frames())
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
    write(path, empty_frames())
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
    write(path, frames_with_rejection("first build"))
    broken = frames_with_rejection("second build")
    broken["articles"] = broken["articles"].drop("source_file")
    with pytest.raises(ValueError, match="lacks the columns"):
        write(path, broken)
    with connect_read_only(path) as connection:
        assert rejected_reasons(connection) == ["first build"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".w.duckdb.previous", "w.duckdb"]


def test_a_reader_holding_the_file_open_neither_blocks_the_build_nor_sees_it_half_written(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, frames_with_rejection("old"))
    with connect_read_only(path) as reader:
        write(path, frames_with_rejection("new"))
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
        write(tmp_path / "w.duckdb", frames)


def test_export_writes_one_parquet_file_per_table(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, frames_with_rejection("x"))
    written = export_parquet(path, tmp_path / "out")
    assert set(written) == set(table_names())
    assert pl.read_parquet(written["rejected_inputs"])["reason"].to_list() == ["x"]


def test_a_warehouse_holds_the_content_it_was_written_from(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, frames_with_rejection("old"))
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


TWENTY_ARTICLES = {f"a{i}": [f"Sentence one of a{i}.", f"Sentence two of a{i}."] for i in range(20)}


def test_a_build_with_few_changed_articles_and_no_previous_file_updates_a_copy_to_what_a_full_write_gives(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, corpus_frames(TWENTY_ARTICLES))
    previous_file(path).unlink()
    changed = {key: value for key, value in TWENTY_ARTICLES.items() if key != "a3"} | {
        "a1": ["Sentence one of a1 was edited."],
        "a20": ["A new article."],
    }
    assert build(path, corpus_frames(changed)) == "updated"
    write(tmp_path / "full.duckdb", corpus_frames(changed))
    assert table_contents(path) == table_contents(tmp_path / "full.duckdb")


def test_an_update_is_followed_by_a_build_that_finds_the_content_unchanged(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, corpus_frames(TWENTY_ARTICLES))
    added = TWENTY_ARTICLES | {"a20": ["A new article."]}
    assert build(path, corpus_frames(added)) == "updated in place"
    assert build(path, corpus_frames(added)) == "unchanged"


def test_a_build_that_changes_many_articles_writes_a_fresh_file(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, corpus_frames(TWENTY_ARTICLES))
    edited = {key: [*value, "A closing line."] for key, value in TWENTY_ARTICLES.items()}
    assert build(path, corpus_frames(edited)) == "rewritten"


def test_a_warehouse_of_another_layout_is_rewritten_not_updated(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, corpus_frames(TWENTY_ARTICLES))
    for written_before in (path, previous_file(path)):
        with duckdb.connect(str(written_before)) as connection:
            connection.execute("UPDATE build_info SET layout_fingerprint = 'an older schema'")
    assert (
        build(path, corpus_frames(TWENTY_ARTICLES | {"a20": ["New."]})) == "rewritten"
    )


def with_persons(frames: dict[str, pl.DataFrame], roles: dict[str, str | None]) -> dict[str, pl.DataFrame]:
    persons = pl.DataFrame(
        [
            {"person_id": pid, "name": pid, "role": role, "role_is_former": False, "aliases": [pid]}
            for pid, role in roles.items()
        ],
        schema=frames["persons"].schema,
    )
    return frames | {"persons": persons}


def test_an_update_replaces_changed_gone_and_new_rows_of_a_keyed_table(tmp_path):
    path = tmp_path / "w.duckdb"
    before = {"p1": "Foreign Minister", "p2": None, "p3": "Prime Minister"}
    write(path, with_persons(corpus_frames(TWENTY_ARTICLES), before))
    after = with_persons(
        corpus_frames(TWENTY_ARTICLES | {"a20": ["New."]}),
        {"p1": "Former Foreign Minister", "p3": "Prime Minister", "p4": None},
    )
    assert build(path, after) == "updated in place"
    write(tmp_path / "full.duckdb", after)
    assert table_contents(path) == table_contents(tmp_path / "full.duckdb")


def test_a_build_writes_with_duckdb_memory_bounded_not_most_of_the_ram(tmp_path):
    with _connect_for_build(tmp_path / "staging.duckdb") as connection:
        [(limit,)] = connection.execute("SELECT current_setting('memory_limit')").fetchall()

    assert limit == "953.6 MiB"


def test_an_update_keeps_the_file_it_replaces_as_the_previous_one_without_copying_it(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, corpus_frames(TWENTY_ARTICLES))
    first_file = path.stat().st_ino
    assert build(path, corpus_frames(TWENTY_ARTICLES | {"a20": ["A new article."]})) == "updated in place"
    assert previous_file(path).stat().st_ino == first_file


def test_a_full_write_keeps_a_copy_of_itself_as_the_previous_file_so_the_first_update_is_made_in_place(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, corpus_frames(TWENTY_ARTICLES))
    assert previous_file(path).stat().st_ino != path.stat().st_ino
    assert table_contents(previous_file(path)) == table_contents(path)

    assert build(path, corpus_frames(TWENTY_ARTICLES | {"a20": ["A new article."]})) == "updated in place"
    write(tmp_path / "full.duckdb", corpus_frames(TWENTY_ARTICLES | {"a20": ["A new article."]}))
    assert table_contents(path) == table_contents(tmp_path / "full.duckdb")


def test_the_next_update_rewrites_the_previous_file_in_place_to_what_a_full_write_gives(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, corpus_frames(TWENTY_ARTICLES))
    first_file = path.stat().st_ino
    build(path, corpus_frames(TWENTY_ARTICLES | {"a20": ["A new article."]}))
    second_day = {key: value for key, value in TWENTY_ARTICLES.items() if key != "a3"} | {
        "a1": ["Sentence one of a1 was edited."],
        "a20": ["A new article."],
        "a21": ["Another new article."],
    }
    assert build(path, corpus_frames(second_day)) == "updated in place"
    assert path.stat().st_ino == first_file
    write(tmp_path / "full.duckdb", corpus_frames(second_day))
    assert table_contents(path) == table_contents(tmp_path / "full.duckdb")


def test_a_previous_file_an_old_reader_still_holds_is_left_alone_and_a_copy_of_the_live_one_updated(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, corpus_frames(TWENTY_ARTICLES))
    reader = subprocess.Popen(
        [sys.executable, "-c", READER_HOLDING_THE_FILE, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert reader.stdout.readline() == b"open\n"
        build(path, corpus_frames(TWENTY_ARTICLES | {"a20": ["A new article."]}))
        assert build(path, corpus_frames(TWENTY_ARTICLES | {"a21": ["Another."]})) == "updated"
        reader.stdin.write(b"count\n")
        reader.stdin.flush()
        assert reader.stdout.readline() == b"20\n"
    finally:
        reader.kill()
    write(tmp_path / "full.duckdb", corpus_frames(TWENTY_ARTICLES | {"a21": ["Another."]}))
    assert table_contents(path) == table_contents(tmp_path / "full.duckdb")


READER_HOLDING_THE_FILE = """
import sys, duckdb
connection = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
sys.stdin.readline()
print(connection.execute("SELECT count(*) FROM articles").fetchall()[0][0], flush=True)
"""


def test_a_failed_update_leaves_the_previous_file_as_it_was(tmp_path):
    path = tmp_path / "w.duckdb"
    write(path, corpus_frames(TWENTY_ARTICLES))
    build(path, corpus_frames(TWENTY_ARTICLES | {"a20": ["A new article."]}))
    kept = table_contents(previous_file(path))
    broken = corpus_frames(TWENTY_ARTICLES | {"a21": ["Another."]})
    broken["persons"] = pl.DataFrame(
        [{"person_id": "p1", "name": None, "role": None, "role_is_former": False, "aliases": []}],
        schema=broken["persons"].schema,
    )
    with pytest.raises(duckdb.ConstraintException):
        build(path, broken)
    assert table_contents(previous_file(path)) == kept
    assert build(path, corpus_frames(TWENTY_ARTICLES | {"a21": ["Another."]})) == "updated in place"
