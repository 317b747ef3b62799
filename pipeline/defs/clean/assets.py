"""Clean: repair and normalise article text, split sentences, find duplicates across the corpus."""

import dagster as dg
import polars as pl

from pipeline.dedup import find_duplicates
from pipeline.defs.clean.checks import CLEAN_MODELS
from pipeline.defs.quality import pandera_check_results, pandera_check_specs
from pipeline.defs.resources import ArticleStores, BuildLock


class DeduplicationConfig(dg.Config):
    near_duplicate_threshold: float = 0.8
    """Estimated Jaccard similarity of word shingles above which two articles are copies of one story."""


@dg.multi_asset(
    group_name="clean",
    outs={
        "articles": dg.AssetOut(
            description=(
                "Cleaned articles, each with duplicate_of and story_id; duplicates stay queryable. Their texts are"
                " kept in the clean store under text_key (the warehouse's articles table has them)."
            ),
            kinds={"polars", "parquet"},
        ),
        "sentences": dg.AssetOut(
            description="Sentences of the cleaned text, as offsets into it (the warehouse's sentences table has their text).",
            kinds={"polars", "parquet"},
        ),
        "article_duplicates": dg.AssetOut(
            description="Each duplicate article with its canonical article and their similarity.",
            kinds={"polars", "parquet"},
        ),
    },
    check_specs=pandera_check_specs(CLEAN_MODELS),
)
def cleaned_articles(
    config: DeduplicationConfig,
    article_cache: ArticleStores,
    build_lock: BuildLock,
    raw_articles: pl.DataFrame,
):
    """Clean every article not cleaned before (its raw text read from the ingest store), then mark exact and
    near-duplicate copies (MinHash LSH)."""
    articles, sentences, signatures, n_cleaned = article_cache.runner().clean(raw_articles)
    articles, duplicates = find_duplicates(
        articles, threshold=config.near_duplicate_threshold, signatures=signatures
    )
    canonical = articles.filter(pl.col("duplicate_of").is_null()).height
    yield dg.Output(
        articles,
        output_name="articles",
        metadata={
            "articles": articles.height,
            "articles_cleaned_this_run": n_cleaned,
            "canonical_articles": canonical,
            "duplicates": articles.height - canonical,
            "empty_after_cleaning": articles.filter(pl.col("n_sentences") == 0).height,
        },
    )
    yield dg.Output(sentences, output_name="sentences", metadata={"sentences": sentences.height})
    yield dg.Output(
        duplicates,
        output_name="article_duplicates",
        metadata={
            "pairs": duplicates.height,
            "by_method": dg.MetadataValue.json(dict(duplicates.group_by("method").len().iter_rows())),
        },
    )
    yield from pandera_check_results(
        CLEAN_MODELS, {"articles": articles, "sentences": sentences, "article_duplicates": duplicates}
    )
