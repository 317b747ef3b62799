"""The per-article stores, under the names the stages import them by; they live in ``pipeline.incremental.store``."""

from pipeline.incremental.store import (
    MAX_PARTS,
    StageStore,
    cached_by_article,
    cached_per_article,
    content_key,
    kept_as_json,
)

ArticleResultCache = StageStore
"""The name the stages and tests know ``StageStore`` by."""

__all__ = [
    "MAX_PARTS",
    "ArticleResultCache",
    "StageStore",
    "cached_by_article",
    "cached_per_article",
    "content_key",
    "kept_as_json",
]
