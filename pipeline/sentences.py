"""Sentences are spans of their article's cleaned text: the frames carry the offsets, and the text is cut from the
article where a stage reads it. A module of its own, and light, so that the warehouse can use it without importing
the cleaning stage's dependencies."""

import polars as pl


def with_sentence_text(sentences: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """``sentences`` with a ``text`` column cut from the text of their article (in ``articles``). Lazy, so polars
    cuts each sentence as it joins: an eager join would first copy the whole article text onto every sentence row
    (28 s for the sentences of 100k articles, against under 1 s)."""
    return (
        sentences.lazy()
        .join(
            articles.lazy().select("article_id", article_text="text"), on="article_id", how="left", maintain_order="left"
        )
        .with_columns(
            text=pl.col("article_text").str.slice(pl.col("start_char"), pl.col("end_char") - pl.col("start_char"))
        )
        .drop("article_text")
        .collect()
    )
