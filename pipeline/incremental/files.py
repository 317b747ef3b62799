"""The file index: each input file's key, from its bytes, computed again only for files that changed.

As git and make do, a file whose size and modification time are unchanged since it was indexed keeps the key
recorded for it, so a rerun reads only new or changed files.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl

RACY_WINDOW_NS = 2_000_000_000
"""A file modified this close before it was indexed may change again within the file system's time granularity
without a new modification time (git's "racily clean" files): its recorded key is not trusted."""


def indexed_file_keys(
    paths: list[Path], input_dir: Path, index_file: Path, file_key: Callable[[Path, Path], str | None]
) -> list[str | None]:
    """``file_key(path, input_dir)`` of every path, reusing the key recorded in ``index_file`` for a file whose size
    and modification time (in nanoseconds) are unchanged since it was indexed. The index is rewritten with this
    call's keys."""
    indexed_at = time.time_ns()
    stats = []
    for path, relative_path in zip(paths, relative_paths(paths, input_dir), strict=True):
        try:
            stat = path.stat()
            stats.append((relative_path, stat.st_size, stat.st_mtime_ns))
        except OSError:
            stats.append((relative_path, None, None))
    stat_columns = {"relative_path": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64}
    current = pl.DataFrame(stats, schema=stat_columns, orient="row")
    recorded = (
        pl.read_parquet(index_file)
        .filter(pl.col("indexed_at_ns") - pl.col("mtime_ns") > RACY_WINDOW_NS)
        .select(*stat_columns, "cache_key")
        if index_file.exists()
        else pl.DataFrame(schema={**stat_columns, "cache_key": pl.String})
    )
    known = current.join(recorded, on=list(stat_columns), how="left", maintain_order="left")["cache_key"]
    keys = [
        key if key is not None else file_key(path, input_dir) for path, key in zip(paths, known, strict=True)
    ]
    index_file.parent.mkdir(parents=True, exist_ok=True)
    current.with_columns(cache_key=pl.Series(keys, dtype=pl.String), indexed_at_ns=pl.lit(indexed_at)).filter(
        pl.col("cache_key").is_not_null() & pl.col("size").is_not_null()
    ).write_parquet(index_file)
    return keys


def relative_paths(paths: list[Path], input_dir: Path) -> list[str]:
    """Each path (all under ``input_dir``, as ``input_files`` lists them) relative to it, in POSIX form: cut from
    the text, because ``Path.relative_to`` took a third of a second for 10k files on every run."""
    prefix = len(os.path.join(str(input_dir), ""))
    return [str(path)[prefix:].replace(os.sep, "/") for path in paths]
