"""The per-article cache: computed once per content, reused on the next run."""

from __future__ import annotations

import polars as pl

from pipeline.cache import ArticleResultCache, cached_per_article

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
