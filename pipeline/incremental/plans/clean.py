"""The clean stage's plan: which raw articles are cleaned again, and the cleaned texts read back from the clean store.

An article is keyed by ``clean.CLEAN_CACHE_KEY`` (ingest's ``content_key`` of its title and raw text). Only the
articles whose key the clean store lacks have their raw texts read back and go through ``clean.clean_and_sign`` on
the worker pool; the store keeps each key's cleaned fields with the cleaned text and MinHash signature, and its
sentences' spans. The cleaned texts live only there: the articles frame carries their ``text_key``, and
``cleaned_texts`` reads them back for the stages that need them.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from pipeline.cache import StageStore, cached_by_article
from pipeline.clean.stage import CLEAN_CACHE_KEY, CLEAN_CACHE_SCHEMAS, clean_and_sign
from pipeline.parallel import map_article_batches

READ_BACK = {"cleaned": ["title", "content_hash", "text_key", "n_sentences", "minhash"], "sentences": None}
"""What a run reads of the clean store: each article's cleaned fields and signature (not its text, which only the
articles a later stage processes read, through ``cleaned_texts``) and its sentences."""


def clean_corpus(
    raw_articles: pl.DataFrame,
    cache: StageStore,
    read_raw_texts: Callable[[pl.DataFrame], pl.DataFrame],
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, int]:
    """(articles, sentences, MinHash signatures, articles cleaned in this call): cleaning and the per-article
    half of deduplication on every core for the raw texts not cleaned before; the others come from the clean
    store. ``read_raw_texts`` gives (article_id, raw_text) for rows of ``raw_articles`` (the runner passes the
    ingest store's; taken as a function so that this plan does not depend on ingest's code): only the articles
    to clean are read. Sentences come ordered by article and index: the store keeps each article's rows in the
    order cleaning gave them, which is by index, so no sort of the corpus is needed."""

    def compute(todo: pl.DataFrame) -> dict[str, pl.DataFrame]:
        with_text = todo.join(read_raw_texts(todo), on="article_id", how="left", maintain_order="left")
        articles, sentences, signatures = map_article_batches(clean_and_sign, with_text)
        cleaned = articles.join(signatures, on="article_id")
        return {
            "cleaned": cleaned.select("article_id", *CLEAN_CACHE_SCHEMAS["cleaned"].names()),
            "sentences": sentences,
        }

    frames, n_cleaned = cached_by_article(
        cache,
        raw_articles.select("article_id", "title", "file_key", "content_key"),
        CLEAN_CACHE_KEY,
        compute,
        read=READ_BACK,
    )
    articles = raw_articles.drop("raw_words", "file_key", "content_key").join(
        frames["cleaned"].rename({"title": "clean_title"}), on="article_id", how="left", maintain_order="left"
    )
    articles = articles.with_columns(title=pl.col("clean_title")).drop("clean_title", "minhash")
    signatures = frames["cleaned"].select("article_id", "minhash")
    return articles, frames["sentences"], signatures, n_cleaned


def cleaned_texts(cache: StageStore) -> pl.LazyFrame:
    """(text_key, text) of every cleaned text in the clean store (the cleaned texts' only home), lazily: a stage
    reads only the texts of the articles it processes (``pipeline.texts.with_article_text``)."""
    return cache.scan("cleaned").select("text_key", "text")
