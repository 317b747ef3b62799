"""Per-article results kept between runs (each stage's store), keyed by a content hash and the stage's version.

Adding one article to a corpus of thousands then costs the work of one article: every other article's results are
read back from Parquet instead of being computed again. A new version of a stage (``keys.stage_version``:
the release, a fingerprint of the code and data files that stage depends on, and the releases of the libraries
that shape results) starts a fresh store for that stage. The stores are more than a cache: the texts (raw in the
ingest store, cleaned in the clean store) are kept only there.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import polars as pl

from pipeline import settings
from pipeline.incremental import keys

MAX_PARTS = 64
"""Each run with new articles adds a part file; past this many they are merged into one, to keep reads fast."""


class StageStore:
    """Frames of per-article results for one stage, stored as Parquet parts under ``folder/<stage>/<version>/<frame>``."""

    def __init__(self, folder: Path, stage: str, version: str, schemas: dict[str, pl.Schema]) -> None:
        self.root = folder / stage / version
        self.schemas = {
            name: pl.Schema({"cache_key": pl.String, **schema}) for name, schema in schemas.items()
        }
        self.frame_names = tuple(schemas)

    def _frame_dir(self, name: str) -> Path:
        return self.root / name

    def _keys_dir(self) -> Path:
        return self.root / "_keys"

    def cached_keys(self) -> pl.Series:
        parts = sorted(self._keys_dir().glob("*.parquet"))
        if not parts:
            return pl.Series("cache_key", [], dtype=pl.String)
        return pl.read_parquet(parts)["cache_key"]

    def read_schema(self, name: str, columns: Sequence[str] | None = None) -> pl.Schema:
        """The schema of frame ``name`` read with ``cache_key`` and ``columns`` (default all)."""
        if columns is None:
            return self.schemas[name]
        return pl.Schema(
            {"cache_key": pl.String, **{column: self.schemas[name][column] for column in columns}}
        )

    def load(
        self, name: str, keys: pl.Series, *, every_key: bool = False, columns: Sequence[str] | None = None
    ) -> pl.DataFrame:
        """The stored rows of ``keys`` (with ``cache_key`` and ``columns``, default all), read from the parts that
        hold them; ``every_key`` says they are all the keys stored, so every part is read and nothing is filtered."""
        schema = self.read_schema(name, columns)
        parts = sorted(self._frame_dir(name).glob("*.parquet"))
        if not parts or keys.is_empty():
            return pl.DataFrame(schema=schema)
        if every_key:
            return pl.read_parquet(parts, columns=schema.names())
        wanted = pl.col("cache_key").is_in(keys.implode())
        holding = (
            pl.scan_parquet(sorted(self._keys_dir().glob("*.parquet")), include_file_paths="part")
            .filter(wanted)
            .select(pl.col("part").unique())
            .collect()["part"]
        )
        holding_parts = [self._frame_dir(name) / Path(part).name for part in sorted(holding)]
        if not holding_parts:
            return pl.DataFrame(schema=schema)
        return pl.scan_parquet(holding_parts).filter(wanted).select(schema.names()).collect()

    def scan(self, name: str) -> pl.LazyFrame:
        """Every stored row of frame ``name``, lazily: a reader that filters it reads only what it keeps."""
        parts = sorted(self._frame_dir(name).glob("*.parquet"))
        return pl.scan_parquet(parts) if parts else pl.LazyFrame(schema=self.schemas[name])

    def store(self, keys: pl.Series, frames: dict[str, pl.DataFrame]) -> None:
        """Store results for ``keys``; the key list is written last, so a crash never marks a key done without rows."""
        part = f"{uuid.uuid4().hex}.parquet"
        for name in self.frame_names:
            self._frame_dir(name).mkdir(parents=True, exist_ok=True)
            frames[name].select(self.schemas[name].names()).cast(self.schemas[name]).write_parquet(
                self._frame_dir(name) / part
            )
        self._keys_dir().mkdir(parents=True, exist_ok=True)
        pl.DataFrame({"cache_key": keys}).write_parquet(self._keys_dir() / part)
        if len(list(self._keys_dir().glob("*.parquet"))) > MAX_PARTS:
            self._compact()
        self._drop_other_versions()

    def _drop_other_versions(self) -> None:
        """Results of other code versions are never read again: each code change would otherwise leave a full copy."""
        for other in self.root.parent.iterdir():
            if other.is_dir() and other != self.root:
                shutil.rmtree(other, ignore_errors=True)

    def _compact(self) -> None:
        merged = f"{uuid.uuid4().hex}.parquet"
        for directory in [self._keys_dir(), *(self._frame_dir(name) for name in self.frame_names)]:
            parts = sorted(directory.glob("*.parquet"))
            pl.read_parquet(parts).write_parquet(directory / f".{merged}")
            (directory / f".{merged}").rename(directory / merged)
            for part in parts:
                part.unlink()


def cached_per_article(
    cache: StageStore,
    keyed: pl.DataFrame,
    compute: Callable[[pl.DataFrame], dict[str, pl.DataFrame]],
    *,
    read: Mapping[str, Sequence[str] | None] | None = None,
) -> tuple[dict[str, pl.DataFrame], int]:
    """Results for every row of ``keyed`` (which has a ``cache_key`` column), computing only the keys not cached.

    ``compute`` receives the rows of ``keyed`` still to do and returns one frame per name, each with ``cache_key``.
    ``read`` names the frames to give back, each with the columns to read (None: all); by default every frame,
    whole. What is not read is only stored, for a later stage to read by key. Returns those frames (with
    ``cache_key``, the cached rows first) and the number of rows computed in this call.
    """
    cached, computed, n_computed = _cached_and_computed(cache, keyed, compute, read, lambda frame: frame)
    return {name: pl.concat([cached[name], computed[name]], how="vertical") for name in cached}, n_computed


def _cached_and_computed(
    cache: StageStore,
    keyed: pl.DataFrame,
    compute: Callable[[pl.DataFrame], dict[str, pl.DataFrame]],
    read: Mapping[str, Sequence[str] | None] | None,
    shape: Callable[[pl.DataFrame], pl.DataFrame],
) -> tuple[dict[str, pl.DataFrame], dict[str, pl.DataFrame], int]:
    """(cached rows, computed rows, number of keys computed), each frame passed through ``shape``.

    The cached rows are read and shaped on another thread while ``compute`` runs: polars reads and joins without
    holding the GIL, and a small update computes in this process, so the two overlap on two cores. New results
    are stored once that read is done, since storing may merge the parts being read.
    """
    read = dict.fromkeys(cache.frame_names) if read is None else read
    known = cache.cached_keys()
    is_known = pl.col("cache_key").is_in(known.implode())
    cached_keys = keyed.filter(is_known)["cache_key"]
    every_key = cached_keys.len() == known.len()
    todo = keyed.filter(~is_known)
    with ThreadPoolExecutor(max_workers=1) as reader:
        reading = reader.submit(
            lambda: {
                name: shape(cache.load(name, cached_keys, every_key=every_key, columns=columns))
                for name, columns in read.items()
            }
        )
        fresh = compute(todo) if todo.height else {}
        cached = reading.result()
    if fresh:
        cache.store(todo["cache_key"], fresh)
    computed = {
        name: shape(fresh[name].select(schema.names()).cast(schema) if fresh else pl.DataFrame(schema=schema))
        for name, schema in ((name, cache.read_schema(name, columns)) for name, columns in read.items())
    }
    return cached, computed, todo.height


def cached_by_article(
    cache: StageStore,
    articles: pl.DataFrame,
    cache_key: pl.Expr,
    compute: Callable[[pl.DataFrame], dict[str, pl.DataFrame]],
    *,
    read: Mapping[str, Sequence[str] | None] | None = None,
) -> tuple[dict[str, pl.DataFrame], int]:
    """Per-article frames (each with ``article_id``) for every row of ``articles``, computing only uncached content;
    ``read`` as for ``cached_per_article``.

    ``cache_key`` says what a result depends on (e.g. the text's hash). Articles that share a key are computed
    once and the results are given to each of them under its own ``article_id``; a renamed file or a copy of an
    article costs nothing. ``compute`` gets the rows still to do and returns frames with ``article_id``. The rows
    come ordered by ``article_id``, each article's rows in the order ``compute`` gave them. The cached rows are
    given their articles on the reader thread (a join that keeps this order), and the few computed ones are put
    in among them.
    """
    keyed = articles.with_columns(cache_key=cache_key)
    by_article = keyed.select("cache_key", "article_id").sort("article_id")

    def compute_keyed(todo: pl.DataFrame) -> dict[str, pl.DataFrame]:
        frames = compute(todo.drop("cache_key"))
        todo_ids = todo.select("article_id", "cache_key")
        return {
            name: frame.join(todo_ids, on="article_id", maintain_order="left").drop("article_id")
            for name, frame in frames.items()
        }

    def to_articles(frame: pl.DataFrame) -> pl.DataFrame:
        return by_article.join(frame, on="cache_key", maintain_order="left_right").select(
            "article_id", *(column for column in frame.columns if column != "cache_key")
        )

    cached, computed, n_computed = _cached_and_computed(
        cache, keyed.unique("cache_key", keep="first", maintain_order=True), compute_keyed, read, to_articles
    )
    return {name: _sorted_in(cached[name], computed[name]) for name in cached}, n_computed


def _sorted_in(cached: pl.DataFrame, computed: pl.DataFrame) -> pl.DataFrame:
    """The ``computed`` rows put in among the ``cached`` ones by ``article_id`` (both ordered by it, and no article in
    both): slices of the cached rows between the computed ones, not a copy or a sort of millions of rows."""
    if computed.is_empty():
        return cached
    runs = (
        computed.select(position=cached["article_id"].search_sorted(computed["article_id"], side="left"))
        .with_row_index("first")
        .group_by("position", maintain_order=True)
        .agg(pl.col("first").first(), length=pl.len())
    )
    pieces, start = [], 0
    for position, first, length in runs.iter_rows():
        pieces += [cached.slice(start, position - start), computed.slice(first, length)]
        start = position
    return pl.concat([*pieces, cached.slice(start)], how="vertical", rechunk=False)


def content_key(*columns: str) -> pl.Expr:
    """A key over string columns (nulls as empty): two 64-bit polars hashes of different seeds, so a collision
    between two articles' contents is as unlikely as with a 128-bit digest. Polars keeps its hash stable only
    within a release, so every stage's version includes the polars release."""
    joined = pl.concat_str([pl.col(c).cast(pl.String).fill_null("") for c in columns], separator="\x00")
    return pl.format("{}-{}", joined.hash(seed=1), joined.hash(seed=2))


def kept_as_json(
    name: str,
    build: Callable[[], Any],
    decode: Callable[[Any], Any] = lambda value: value,
    *,
    keyed_by: str | None = None,
) -> Any:
    """``decode(build())``, with ``build()``'s JSON value kept in the storage folder's ``derived/`` under a version
    that changes with the code and data files of module ``keyed_by`` (``keys.module_version``; by default,
    of the whole package) and with the releases of the libraries that shape results: for data that every
    extracting process needs and that takes longer to build than to read.
    A kept file that cannot be read or decoded is built again; a file that cannot be written is not kept. Writing
    one drops the files of other versions under the same name, as the per-article stores drop their results."""
    version = settings.cache_version() if keyed_by is None else keys.module_version(keyed_by)
    stored = settings.storage_folder() / "derived" / f"{name}-{version}.json"
    try:
        return decode(json.loads(stored.read_bytes()))
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        value = build()
    staging = stored.with_name(f".{stored.name}.{os.getpid()}")
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        staging.write_text(json.dumps(value))
        staging.replace(stored)
    except OSError:
        staging.unlink(missing_ok=True)
        return decode(value)
    for other in stored.parent.glob(f"{name}-*.json"):
        if other != stored and re.fullmatch(rf"{re.escape(name)}-[^-]+(-[0-9a-f]+)*\.json", other.name):
            other.unlink(missing_ok=True)
    return decode(value)
