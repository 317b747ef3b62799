"""Run a per-article function over batches of articles on every core.

The plans of the stages whose work is a pure function of one article (cleaning, entity and engagement extraction)
hand their frames here; each worker process loads its heavy resources (the spaCy model, the gazetteer automaton) once and keeps them.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import numpy as np
import polars as pl

MIN_ARTICLES_FOR_POOL = 400
"""Below this, starting worker processes (and loading the model in each) costs more than it saves."""


def worker_count() -> int:
    configured = os.environ.get("BILATERAL_WORKERS")
    return max(1, int(configured)) if configured else len(os.sched_getaffinity(0))


def _batches(key_frame: pl.DataFrame, key: str, others: Sequence[pl.DataFrame], n_batches: int):
    """Split ``key_frame`` into ``n_batches`` slices, each with the rows of every frame of ``others`` that share
    its keys (rows of other keys are left out).

    Without ``others``, the slices follow ``key_frame``'s order. With them, batches (and their rows) follow key
    order, each a run of consecutive keys: each other frame, sorted by key once, then gives every batch's rows as
    one zero-copy slice when they are consecutive, else gathered by binary search, so a large frame (every
    sentence of the corpus) is never copied or scanned whole, only one batch's rows at a time.
    """
    size = -(-key_frame.height // n_batches)
    if not others:
        for start in range(0, key_frame.height, size):
            yield (key_frame.slice(start, size),)
        return
    others = [other if other[key].is_sorted() else other.sort(key, maintain_order=True) for other in others]
    sorted_keys = key_frame[key].sort()
    for start in range(0, key_frame.height, size):
        batch_keys = sorted_keys.slice(start, size)
        yield (
            key_frame.filter(pl.col(key).is_in(batch_keys.implode())).sort(key),
            *(_rows_of_keys(other, key, batch_keys) for other in others),
        )


def _rows_of_keys(frame: pl.DataFrame, key: str, keys: pl.Series) -> pl.DataFrame:
    """The rows of ``frame`` (sorted by ``key``) whose key is one of ``keys`` (sorted): a zero-copy slice when they
    are consecutive in ``frame``, as in a full build, else gathered, as for a few new articles of a large corpus
    (filtering the whole range between their first and last key took a quarter of a second at 100k)."""
    column = frame[key]
    starts = column.search_sorted(keys, side="left").to_numpy().astype(np.int64)
    lengths = column.search_sorted(keys, side="right").to_numpy().astype(np.int64) - starts
    total = int(lengths.sum())
    if int(starts[-1] + lengths[-1] - starts[0]) == total:
        return frame.slice(int(starts[0]), total)
    ends_before = np.cumsum(lengths) - lengths
    return frame[np.repeat(starts - ends_before, lengths) + np.arange(total)]


def map_article_batches(
    function: Callable[..., tuple[pl.DataFrame, ...]],
    key_frame: pl.DataFrame,
    others: Sequence[pl.DataFrame] = (),
    *,
    key: str = "article_id",
    batch_size: int = 2_000,
) -> tuple[pl.DataFrame, ...]:
    """``function(key_chunk, *other_chunks) -> frames`` over article batches; the per-batch frames are concatenated.

    Rows of ``others`` whose key is not in ``key_frame`` are left out. The batches, and so the rows of the result,
    are the same whatever the number of workers. At most two batches per worker are in flight: the inputs are
    sliced as the workers need them, not copied all at once.
    """
    workers = worker_count()
    n_batches = max(1, -(-key_frame.height // batch_size))
    if key_frame.is_empty():
        return function(key_frame, *(other.clear() for other in others))
    if key_frame.height < MIN_ARTICLES_FOR_POOL or workers == 1:
        results = [function(*batch) for batch in _batches(key_frame, key, others, n_batches)]
    else:
        results = _on_pool(function, _batches(key_frame, key, others, max(workers * 2, n_batches)), workers)
    return tuple(pl.concat(parts, how="vertical_relaxed") for parts in zip(*results, strict=True))


def _on_pool(
    function: Callable[..., tuple[pl.DataFrame, ...]], batches, workers: int
) -> list[tuple[pl.DataFrame, ...]]:
    pool = _pool(workers)
    in_flight: deque[Future] = deque()
    results = []
    try:
        for batch in batches:
            if len(in_flight) == workers * 2:
                results.append(in_flight.popleft().result())
            in_flight.append(pool.submit(function, *batch))
        results += [future.result() for future in in_flight]
    except BrokenProcessPool:
        _pools.pop(workers, None)
        raise
    return results


_pools: dict[int, ProcessPoolExecutor] = {}


def _pool(workers: int) -> ProcessPoolExecutor:
    """One pool per process, kept until shut down: the stages of a run share the workers, so the stages that need
    the spaCy model and the gazetteer load them once, not once per stage."""
    if workers not in _pools:
        _pools[workers] = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("forkserver")
        )
    return _pools[workers]


def shut_down_workers() -> None:
    """Stop the pool's workers; the next stage that needs workers starts new ones. Called once no later stage
    needs what the workers hold (the spaCy model, about 250 MB per worker)."""
    for pool in _pools.values():
        pool.shutdown()
    _pools.clear()
