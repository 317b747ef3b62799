"""Batches of articles on a pool of worker processes give what one process gives."""

from __future__ import annotations

import polars as pl

from pipeline.clean import clean_articles
from pipeline.entities import extract_entities
from pipeline.ingest import RAW_ARTICLES_SCHEMA
from pipeline.parallel import MIN_ARTICLES_FOR_POOL, map_article_batches, shut_down_workers


def raw_articles(count: int) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "article_id": f"{number:016x}",
                "source_file": f"{number}.txt",
                "date_source": "none",
                "raw_text": f"Kenya and Ethiopia held talks on day {number}.\nThe ministers met again in Nairobi.",
            }
            for number in range(count)
        ],
        schema=RAW_ARTICLES_SCHEMA,
    )


def test_the_pool_returns_the_same_frames_in_the_same_order_as_one_process(monkeypatch):
    monkeypatch.setenv("BILATERAL_WORKERS", "2")
    raw = raw_articles(MIN_ARTICLES_FOR_POOL + 50)
    pooled = map_article_batches(clean_articles, raw, batch_size=100)
    single = clean_articles(raw)
    assert all(p.equals(s) for p, s in zip(pooled, single, strict=True))


def test_frames_keyed_by_article_follow_their_articles_into_the_batches(monkeypatch):
    articles, sentences = clean_articles(raw_articles(MIN_ARTICLES_FOR_POOL + 50))
    monkeypatch.setenv("BILATERAL_WORKERS", "2")
    pooled = map_article_batches(extract_entities, articles, [sentences.reverse()], batch_size=100)
    single = extract_entities(articles, sentences)
    assert all(p.equals(s) for p, s in zip(pooled, single, strict=True))


def test_work_after_the_workers_are_shut_down_starts_new_ones(monkeypatch):
    monkeypatch.setenv("BILATERAL_WORKERS", "2")
    raw = raw_articles(MIN_ARTICLES_FOR_POOL + 50)
    before = map_article_batches(clean_articles, raw, batch_size=100)
    shut_down_workers()
    after = map_article_batches(clean_articles, raw, batch_size=100)
    assert all(b.equals(a) for b, a in zip(before, after, strict=True))


def _rows_given(articles: pl.DataFrame, sentences: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    return articles.select("article_id"), sentences


def test_a_batch_gets_exactly_the_rows_of_its_articles_whether_they_lie_together_or_apart():
    articles, sentences = clean_articles(raw_articles(300))
    sentences = sentences.reverse()
    for chosen in (articles.slice(40, 30), articles.gather_every(7), articles.tail(1)):
        batched, given = map_article_batches(_rows_given, chosen, [sentences], batch_size=8)
        expected = sentences.filter(pl.col("article_id").is_in(chosen["article_id"].implode()))
        assert batched["article_id"].to_list() == sorted(chosen["article_id"])
        assert given.equals(expected.sort("article_id", maintain_order=True))
