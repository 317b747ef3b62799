"""The ingest stage's plan: which input files are parsed again, and the raw texts read back from the ingest store.

A file is keyed by ``ingest.file_key`` (its place and bytes), found through the file index
(``pipeline.incremental.files``) when its size and modification time are unchanged, and parsed by
``ingest.read_file_batch`` only when the ingest store does not hold that key. The store keeps each file's articles,
their raw texts (apart, read back only for the articles to clean) and its rejected inputs.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipeline import ingest
from pipeline.cache import StageStore, cached_per_article
from pipeline.incremental.files import indexed_file_keys
from pipeline.texts import require_texts


def file_keys(paths: list[Path], input_dir: Path, index_file: Path) -> list[str | None]:
    """``ingest.file_key`` of every path, computed only for the files the file index in ``index_file`` does not
    know unchanged (``pipeline.incremental.files``)."""
    return indexed_file_keys(paths, input_dir, index_file, ingest.file_key)


def read_input_folder_cached(
    input_dir: Path, cache: StageStore
) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, int]]:
    """(raw_articles, rejected_inputs, counts): ``ingest.read_input_folder``, parsing only the files whose path or
    bytes are new; the rows of the others come from the store. The articles come without their raw text, with the
    ``file_key`` under which ``raw_texts`` finds it. Also returns the counts ``files_read`` and ``files_parsed``
    (in this call). Rows stay in folder order, whatever was cached, so a rerun yields the same frames as a first
    run. A file that cannot be read has no key: it is read (and rejected with its reason) on every run."""
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder {input_dir} does not exist")
    paths = ingest.input_files(input_dir)
    files = pl.DataFrame(
        {
            "file_order": range(len(paths)),
            "path": [str(path) for path in paths],
            "cache_key": file_keys(paths, input_dir, cache.root / "_file_index.parquet"),
        },
        schema={"file_order": pl.Int64, "path": pl.String, "cache_key": pl.String},
    )
    readable = files.filter(pl.col("cache_key").is_not_null())
    cached, n_parsed = cached_per_article(
        cache,
        readable,
        lambda todo: ingest.read_file_batch(todo, "cache_key", input_dir),
        read={"raw_articles": None, "rejected_inputs": None},
    )
    unreadable = files.filter(pl.col("cache_key").is_null())
    _, rejected_unreadable = ingest.read_files(
        [Path(path) for path in unreadable["path"]], input_dir, unreadable["file_order"]
    )
    in_folder_order = readable.select("cache_key", "file_order")
    raw_articles = (
        in_folder_order.join(cached["raw_articles"], on="cache_key", maintain_order="left_right")
        .sort("file_order", "source_line", nulls_last=True)
        .rename({"cache_key": "file_key"})
        .select(list(ingest.RawArticlesModel.to_schema().columns))
    )
    rejected_inputs = (
        pl.concat(
            [
                in_folder_order.join(
                    cached["rejected_inputs"], on="cache_key", maintain_order="left_right"
                ).select(rejected_unreadable.columns),
                rejected_unreadable,
            ]
        )
        .sort("file_order", "line", nulls_last=True)
        .drop("file_order")
    )
    return (
        raw_articles,
        rejected_inputs,
        {"files_read": files.height, "files_parsed": n_parsed + unreadable.height},
    )


def raw_texts(cache: StageStore, raw_articles: pl.DataFrame) -> pl.DataFrame:
    """(article_id, raw_text) of the rows of ``raw_articles``, read from the ingest store (the raw texts' only
    home) by file key: only the store's parts that hold those files are read. A text missing from the store is
    an error (``pipeline.texts.MissingTexts``), never an empty text."""
    texts = cache.load("raw_texts", raw_articles["file_key"].unique())
    found = raw_articles.select("article_id").join(
        texts.select("article_id", "raw_text"), on="article_id", how="left", maintain_order="left"
    )
    return require_texts(found, "raw_text", "raw texts", "ingest", "raw_input")
