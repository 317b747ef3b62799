"""The worker pool, under the public name the plans, tests and benchmarks import it by; it lives in
``pipeline.incremental.workers``."""

from pipeline.incremental.workers import (
    MIN_ARTICLES_FOR_POOL,
    map_article_batches,
    shut_down_workers,
    worker_count,
)

__all__ = ["MIN_ARTICLES_FOR_POOL", "map_article_batches", "shut_down_workers", "worker_count"]
