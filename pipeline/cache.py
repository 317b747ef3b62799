"""The per-article stores, under the public names the plans, tests and benchmarks import them by; they live in
``pipeline.incremental.store``. ``content_key`` is also how stage modules key content (ingest's ``content_key``,
clean's ``text_key``), and ``kept_as_json`` how ``countries`` and ``dedup`` keep derived data."""

from pipeline.incremental.store import (
    MAX_PARTS,
    StageStore,
    cached_by_article,
    cached_per_article,
    content_key,
    kept_as_json,
)

ArticleResultCache = StageStore
"""The name the tests and benchmarks know ``StageStore`` by."""

__all__ = [
    "MAX_PARTS",
    "ArticleResultCache",
    "StageStore",
    "cached_by_article",
    "cached_per_article",
    "content_key",
    "kept_as_json",
]
