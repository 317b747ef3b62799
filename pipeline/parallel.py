"""Run a per-article function over batches of articles on every core.

Stages whose work is a pure function of one article (cleaning, entity and engagement extraction) hand their frames
here; each worker process loads its heavy resources (the spaCy model, the gazetteer automaton) once and keeps them.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import polars as pl

MIN_ARTICLES_FOR_POOL = 400
"""Below this, starting worker processes (and loading the model in each) costs more than it saves."""


def worker_count() -> int:
    configured = os.environ.get("BILATERAL_WORKERS")
    return max(1, int(configured)) if configured else len(os.sched_getaffinity(0))


def _batches(key_frame: pl.DataFrame, key: str, others: Sequence[pl.DataFrame], n_batches: int):
    """Split ``key_frame`` into ``n_batches`` slices and every frame of ``others`` along the same keys.

    Each other frame is partitioned once (one join), not filtered again for every batch.
    """
    size = -(-key_frame.height // n_batches)
    batch_of = key_frame.select(key).with_row_index("batch").with_columns(pl.col("batch") // size)
    partitions = [
        other.join(batch_of, on=key, how="inner", maintain_order="left").partition_by(
            "batch", as_dict=True, include_key=False
        )
        for other in others
    ]
    for number, start in enumerate(range(0, key_frame.height, size)):
        chunk = key_frame.slice(start, size)
        yield (
            chunk,
            *(parts.get((number,), other.clear()) for parts, other in zip(partitions, others, strict=True)),
        )


def map_article_batches(
    function: Callable[..., tuple[pl.DataFrame, ...]],
    key_frame: pl.DataFrame,
    others: Sequence[pl.DataFrame] = (),
    *,
    key: str = "article_id",
    batch_size: int = 2_000,
) -> tuple[pl.DataFrame, ...]:
    """``function(key_chunk, *other_chunks) -> frames`` over article batches; the per-batch frames are concatenated.

    Results come back in batch order, so the output is the same whatever the number of workers. At most two
    batches per worker are in flight: the inputs are sliced as the workers need them, not copied all at once.
    """
    workers = worker_count()
    if key_frame.height < MIN_ARTICLES_FOR_POOL or workers == 1:
        return function(key_frame, *others)
    n_batches = max(workers * 2, -(-key_frame.height // batch_size))
    pool = _pool(workers)
    in_flight: deque[Future] = deque()
    results = []
    try:
        for batch in _batches(key_frame, key, others, n_batches):
            if len(in_flight) == workers * 2:
                results.append(in_flight.popleft().result())
            in_flight.append(pool.submit(function, *batch))
        results += [future.result() for future in in_flight]
    except BrokenProcessPool:
        _pool.cache_clear()
        raise
    return tuple(pl.concat(parts, how="vertical_relaxed") for parts in zip(*results, strict=True))


@functools.cache
def _pool(workers: int) -> ProcessPoolExecutor:
    """One pool per process, kept for its life: the stages of a run (cleaning, entities, engagements) share the
    workers, so each loads the spaCy model and the gazetteer once, not once per stage."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"))
