"""Ingest: every input file ends as an article or as a rejected input with a reason."""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import polars as pl
import pytest

import pipeline.ingest
from pipeline.cache import ArticleResultCache
from pipeline.incremental.plans.ingest import file_keys, raw_texts, read_input_folder_cached
from pipeline.ingest import (
    INGEST_CACHE_SCHEMAS,
    MAX_ARTICLE_BYTES,
    RAW_ARTICLES_SCHEMA,
    RawArticlesModel,
    RejectedInputsModel,
    input_files,
    read_input_file,
    read_input_folder,
)


def read(folder):
    """The plain read's frames, after checking that the asset's read of the same folder satisfies the models."""
    with tempfile.TemporaryDirectory() as cache_folder:
        manifest, rejected_assets, _ = read_cached(folder, cache_folder)
        RawArticlesModel.validate(manifest)
        RejectedInputsModel.validate(rejected_assets)
    articles, rejected = read_input_folder(folder)
    return articles, rejected


def test_seed_articles_are_read_with_header_date_and_url(seed_folder):
    articles, rejected = read(seed_folder)
    assert rejected.height == 0
    assert sorted(articles["source_file"]) == ["000_3f69f6ecd690c756.txt", "004_ff108281d0d11b87.txt"]
    assert set(articles["published_date"]) == {date(2022, 9, 6)}
    by_file = {row["source_file"]: row for row in articles.iter_rows(named=True)}
    assert by_file["000_3f69f6ecd690c756.txt"]["source_domain"] == "sputniknews.com"
    assert by_file["004_ff108281d0d11b87.txt"]["url"] is None


def test_text_on_the_date_line_is_part_of_the_article(write_inputs):
    folder = write_inputs({"a.txt": " date 2023-01-05 Ministers met in Paris.\nThey agreed to talk again."})
    articles, _ = read(folder)
    assert articles["raw_text"][0] == "Ministers met in Paris.\nThey agreed to talk again."


def test_url_on_the_date_line_is_split_from_text_on_the_same_line(write_inputs):
    folder = write_inputs({"a.txt": " date 2023-01-05 https://www.example.org/x Ministers met in Paris."})
    articles, _ = read(folder)
    row = articles.row(0, named=True)
    assert (row["url"], row["source_domain"], row["raw_text"]) == (
        "https://www.example.org/x",
        "example.org",
        "Ministers met in Paris.",
    )


def test_article_id_is_stable_across_reads(write_inputs):
    folder = write_inputs({"a.txt": " date 2023-01-05\nMinisters met."})
    assert read(folder)[0]["article_id"].to_list() == read(folder)[0]["article_id"].to_list()


def test_identical_files_get_distinct_article_ids(write_inputs):
    folder = write_inputs(
        {"a.txt": " date 2023-01-05\nMinisters met.", "b.txt": " date 2023-01-05\nMinisters met."}
    )
    assert read(folder)[0]["article_id"].n_unique() == 2


def test_month_only_date_line_is_accepted_with_month_precision(write_inputs):
    articles, _ = read(write_inputs({"a.txt": " date 2023-05\nThe talks resumed."}))
    row = articles.row(0, named=True)
    assert (row["published_date"], row["date_precision"], row["date_source"]) == (
        date(2023, 5, 1),
        "month",
        "header",
    )


def test_missing_date_line_takes_the_dateline_date(write_inputs):
    articles, _ = read(
        write_inputs({"a.txt": "NAIROBI, March 4, 2021 (AFP) - Kenya and Ethiopia spoke by phone."})
    )
    row = articles.row(0, named=True)
    assert (row["published_date"], row["date_source"]) == (date(2021, 3, 4), "text")


def test_missing_date_line_takes_a_timestamp(write_inputs):
    articles, _ = read(write_inputs({"a.txt": "Updated 2018-07-13T17:06:12+0530\nThe ministers met."}))
    assert articles.row(0, named=True)["published_date"] == date(2018, 7, 13)


def test_missing_date_line_without_any_date_is_accepted_undated(write_inputs):
    articles, rejected = read(write_inputs({"a.txt": "The ministers met and talked."}))
    row = articles.row(0, named=True)
    assert rejected.height == 0
    assert (row["published_date"], row["date_source"]) == (None, "none")


def test_impossible_date_is_rejected(write_inputs):
    articles, rejected = read(write_inputs({"bad.txt": " date 2022-02-30\nText."}))
    assert articles.height == 0
    assert rejected.row(0, named=True)["source_file"] == "bad.txt"
    assert "impossible date" in rejected["reason"][0]


def test_empty_body_is_rejected(write_inputs):
    _, rejected = read(write_inputs({"empty.txt": " date 2022-02-03 https://example.org/a\n   \n"}))
    assert "empty body" in rejected["reason"][0]


def test_undecodable_bytes_are_rejected(write_inputs):
    _, rejected = read(write_inputs({"latin.txt": " date 2022-02-03\nCaf\xe9 talks".encode("latin-1")}))
    assert "undecodable" in rejected["reason"][0]


def test_binary_file_is_rejected(write_inputs):
    _, rejected = read(write_inputs({"image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}))
    assert "binary" in rejected["reason"][0]


def test_file_over_the_size_limit_is_rejected(write_inputs):
    _, rejected = read(write_inputs({"huge.txt": " date 2022-02-03\n" + "a" * (MAX_ARTICLE_BYTES + 1)}))
    assert "larger than the limit" in rejected["reason"][0]


def test_unsupported_file_type_is_rejected(write_inputs):
    _, rejected = read(write_inputs({"notes.docx": "whatever"}))
    assert "unsupported file type" in rejected["reason"][0]


def test_jsonl_articles_carry_title_url_and_line(write_inputs):
    lines = [
        {
            "date": "2023-03-01",
            "text": "Brazil and Argentina held a summit.",
            "url": "https://news.example.com/1",
            "title": "Summit",
        },
        {"date": "2023-03-02", "text": "Kenya and Ethiopia spoke by phone."},
    ]
    articles, rejected = read(write_inputs({"bulk.jsonl": "\n".join(json.dumps(line) for line in lines)}))
    assert rejected.height == 0
    assert articles.select("source_file", "source_line", "title", "source_domain").rows() == [
        ("bulk.jsonl", 1, "Summit", "news.example.com"),
        ("bulk.jsonl", 2, None, None),
    ]


def test_malformed_json_line_is_rejected_with_its_line_and_the_rest_kept(write_inputs):
    content = '{"date": "2023-03-01", "text": "Talks."}\n{"date": "2023-03-01", "text": \n'
    articles, rejected = read(write_inputs({"bulk.jsonl": content}))
    assert articles.height == 1
    assert rejected.select("source_file", "line").row(0) == ("bulk.jsonl", 2)
    assert "malformed JSON" in rejected["reason"][0]


def test_json_line_without_text_is_rejected(write_inputs):
    _, rejected = read(write_inputs({"bulk.jsonl": '{"date": "2023-03-01", "url": "https://x.org"}\n'}))
    assert rejected.row(0) == ("bulk.jsonl", 1, "no article text: field 'text' is missing or empty")


def test_json_line_with_an_invalid_date_is_rejected(write_inputs):
    _, rejected = read(write_inputs({"bulk.jsonl": '{"date": "yesterday", "text": "Talks."}\n'}))
    assert "invalid date" in rejected["reason"][0]


def test_every_input_file_is_accounted_for(write_inputs):
    folder = write_inputs(
        {
            "ok.txt": " date 2022-01-01\nTalks.",
            "bad.txt": " date 2022-13-01\nTalks.",
            "x.bin": b"\x00\x01",
            "nested/more.jsonl": '{"date": "2022-01-01", "text": "Talks."}\nnot json\n',
        }
    )
    articles, rejected = read(folder)
    accounted = set(articles["source_file"]) | set(rejected["source_file"])
    assert accounted == {"ok.txt", "bad.txt", "x.bin", "nested/more.jsonl"}
    assert isinstance(rejected, pl.DataFrame) and rejected.height == 3


MIXED_INPUTS = {
    "b.txt": " date 2022-01-02\nTalks in Delhi.",
    "a.jsonl": '{"date": "2022-01-01", "text": "Talks."}\nnot json\n{"date": "2022-01-03", "text": "More."}\n',
    "c.bin": b"\x00\x01",
    "nested/d.txt": " date 2022-01-04\nA visit.",
}


def ingest_cache(cache_folder) -> ArticleResultCache:
    return ArticleResultCache(Path(cache_folder), "ingest", "v1", INGEST_CACHE_SCHEMAS)


def read_cached(folder, cache_folder):
    return read_input_folder_cached(folder, ingest_cache(cache_folder))


def with_raw_text(articles: pl.DataFrame, cache_folder) -> pl.DataFrame:
    """The cached read's articles as a plain read gives them: their raw text back from the store, no keys."""
    texts = raw_texts(ingest_cache(cache_folder), articles)
    return (
        articles.with_columns(raw_text=texts["raw_text"])
        .drop("raw_words", "file_key", "content_key")
        .select(list(RAW_ARTICLES_SCHEMA))
    )


def test_cached_read_gives_the_frames_of_a_plain_read(write_inputs, tmp_path):
    folder = write_inputs(MIXED_INPUTS)
    articles, rejected = read_input_folder(folder)
    first = read_cached(folder, tmp_path / "cache")
    again = read_cached(folder, tmp_path / "cache")
    for cached_articles, cached_rejected, _ in [first, again]:
        RawArticlesModel.validate(cached_articles)
        assert with_raw_text(cached_articles, tmp_path / "cache").equals(articles)
        assert cached_rejected.equals(rejected)


def test_cached_articles_count_their_words_and_key_their_content(write_inputs, tmp_path):
    folder = write_inputs(
        {"a.txt": " date 2022-01-02\nTalks in Delhi.", "b.txt": " date 2022-01-02\nTalks in Delhi."}
    )
    articles, _, _ = read_cached(folder, tmp_path / "cache")
    assert articles["raw_words"].to_list() == [3, 3]
    assert articles["content_key"].n_unique() == 1
    assert articles["file_key"].n_unique() == 2


def test_rerun_parses_only_new_and_changed_files(write_inputs, tmp_path):
    folder = write_inputs(MIXED_INPUTS)
    assert read_cached(folder, tmp_path / "cache")[2] == {"files_read": 4, "files_parsed": 4}
    assert read_cached(folder, tmp_path / "cache")[2] == {"files_read": 4, "files_parsed": 0}
    (folder / "b.txt").write_text(" date 2022-01-02\nTalks in Delhi ended.", encoding="utf-8")
    (folder / "0.txt").write_text(" date 2022-01-05\nA call.", encoding="utf-8")
    articles, _, files = read_cached(folder, tmp_path / "cache")
    assert files == {"files_read": 5, "files_parsed": 2}
    assert with_raw_text(articles, tmp_path / "cache").equals(read_input_folder(folder)[0])
    assert "Talks in Delhi ended." in with_raw_text(articles, tmp_path / "cache")["raw_text"].to_list()


def hashed_files(monkeypatch) -> list[str]:
    """The names of the files whose bytes ingest hashes from now on."""
    hashed: list[str] = []
    real_file_key = pipeline.ingest.file_key

    def spying_file_key(path, input_dir):
        hashed.append(path.name)
        return real_file_key(path, input_dir)

    monkeypatch.setattr(pipeline.ingest, "file_key", spying_file_key)
    return hashed


def age_files(folder, seconds: float) -> None:
    """Set every file's modification time ``seconds`` into the past, as files arrived long before a run are."""
    moment = time.time() - seconds
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (moment, moment))


def test_a_rerun_hashes_only_files_whose_size_or_modification_time_changed(
    write_inputs, tmp_path, monkeypatch
):
    folder = write_inputs(MIXED_INPUTS)
    age_files(folder, 3600)
    hashed = hashed_files(monkeypatch)
    read_cached(folder, tmp_path / "cache")
    assert sorted(hashed) == ["a.jsonl", "b.txt", "c.bin", "d.txt"]
    hashed.clear()
    (folder / "b.txt").write_text(" date 2022-01-02\nTalks in Goa.", encoding="utf-8")
    os.utime(folder / "b.txt", (time.time() - 60, time.time() - 60))
    articles, _, files = read_cached(folder, tmp_path / "cache")
    assert hashed == ["b.txt"]
    assert files["files_parsed"] == 1
    assert "Talks in Goa." in with_raw_text(articles, tmp_path / "cache")["raw_text"].to_list()


def test_a_file_modified_just_before_a_run_is_hashed_again_on_the_next(write_inputs, tmp_path, monkeypatch):
    folder = write_inputs(MIXED_INPUTS)
    hashed = hashed_files(monkeypatch)
    read_cached(folder, tmp_path / "cache")
    hashed.clear()
    read_cached(folder, tmp_path / "cache")
    assert sorted(hashed) == ["a.jsonl", "b.txt", "c.bin", "d.txt"]


def test_raw_texts_missing_from_the_store_are_an_error(write_inputs, tmp_path):
    folder = write_inputs({"a.txt": " date 2022-01-02\nTalks in Delhi."})
    articles, _, _ = read_cached(folder, tmp_path / "cache")
    with pytest.raises(LookupError, match="raw texts of 1 articles"):
        raw_texts(ingest_cache(tmp_path / "other"), articles)


def test_the_file_index_names_files_by_their_path_inside_the_input_folder(tmp_path):
    folder = tmp_path / "input"
    (folder / "2024" / ".late").mkdir(parents=True)
    (folder / "top.txt").write_text(" date 2024-01-02\nIndia and Japan met.", encoding="utf-8")
    (folder / "2024" / ".late" / "nested.txt").write_text(
        " date 2024-01-03\nIndia and Japan met.", encoding="utf-8"
    )
    index_file = tmp_path / "index.parquet"

    file_keys(input_files(folder), folder, index_file)

    assert sorted(pl.read_parquet(index_file)["relative_path"]) == ["2024/.late/nested.txt", "top.txt"]


def test_input_files_are_every_file_in_path_order_hidden_ones_too_without_following_linked_folders(tmp_path):
    folder = tmp_path / "input"
    for relative in ["a-b/x.txt", "a/x.txt", "a/.hidden/y.txt", "b.txt"]:
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(" date 2024-01-02\nIndia and Japan met.", encoding="utf-8")
    (folder / "linked").symlink_to(folder / "a", target_is_directory=True)

    listed = [path.relative_to(folder).as_posix() for path in input_files(folder)]

    assert listed == ["a/.hidden/y.txt", "a/x.txt", "a-b/x.txt", "b.txt", "linked"]


def rejection_reasons(folder) -> dict[str, str]:
    """source_file -> reason of the rejected inputs, read within 20 seconds (a read that blocks fails the test)."""
    outcome: dict = {}

    def run():
        outcome["frames"] = read(folder)

    reader = threading.Thread(target=run, daemon=True)
    reader.start()
    reader.join(20)
    assert not reader.is_alive(), "reading the input folder blocked"
    _, rejected = outcome["frames"]
    return dict(zip(rejected["source_file"], rejected["reason"], strict=True))


def test_a_dangling_link_is_rejected_with_its_target(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")

    assert rejection_reasons(tmp_path) == {"gone.txt": f"dangling symbolic link (to {tmp_path / 'nowhere.txt'})"}


def test_a_named_pipe_is_rejected_without_blocking_the_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")

    assert rejection_reasons(tmp_path) == {"pipe.txt": "not a regular file: a named pipe"}


def test_a_link_to_a_folder_is_rejected_not_followed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(" date 2024-01-02\nIndia and Japan met.", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "real", target_is_directory=True)

    assert rejection_reasons(tmp_path) == {"linked": "symbolic link to a folder (links to folders are not followed)"}


def test_a_file_that_vanishes_between_listing_and_reading_is_rejected(tmp_path):
    (tmp_path / "a.txt").write_text(" date 2024-01-02\nIndia and Japan met.", encoding="utf-8")
    listed = input_files(tmp_path)
    (tmp_path / "a.txt").unlink()

    [(kind, row)] = list(read_input_file(listed[0], tmp_path))

    assert (kind, row["reason"]) == ("rejected", "file vanished between listing and reading")


def test_a_link_to_a_regular_file_is_read_as_an_article(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text(" date 2024-01-02\nIndia and Japan met.", encoding="utf-8")
    (tmp_path / "input").mkdir()
    (tmp_path / "input" / "a.txt").symlink_to(tmp_path / "elsewhere" / "a.txt")

    articles, rejected = read(tmp_path / "input")

    assert (articles.height, rejected.height) == (1, 0)
