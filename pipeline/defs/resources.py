"""Resources keyed by role: the input folder, the warehouse file, and the store for frames passed between assets."""

from __future__ import annotations

import contextlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import dagster as dg
import polars as pl
from pydantic import PrivateAttr

from pipeline import settings
from pipeline.build_lock import holding_build_lock
from pipeline.dagster_internals import loading_run_id, loading_step, steps_reading
from pipeline.incremental.runner import IncrementalRunner
from pipeline.memory import release_freed_memory


class InputFolder(dg.ConfigurableResource):
    """The folder of raw articles (.txt and .jsonl files) that the pipeline reads."""

    path: str

    @property
    def folder(self) -> Path:
        return Path(self.path)


class Warehouse(dg.ConfigurableResource):
    """The DuckDB file analysts query; builds replace it atomically."""

    path: str

    @property
    def file(self) -> Path:
        return Path(self.path)


class ArticleStores(dg.ConfigurableResource):
    """The per-article stores, kept between runs: each stage's results, keyed by content hash and by the version
    of the code that stage depends on, and the texts, which live only there (``pipeline.incremental``)."""

    path: str

    def runner(self) -> IncrementalRunner:
        """The stages, each run against its store; what the assets call."""
        return IncrementalRunner(Path(self.path))


ArticleCacheStore = ArticleStores
"""The name the tests' resource dictionaries know ``ArticleStores`` by."""


class BuildLock(dg.ConfigurableResource):
    """The warehouse's build lock (``pipeline.build_lock``), held from the run's start to its end: every step
    that reads or writes the warehouse's state requires it, and in the one-process build job a resource is set
    up once per run, before the first step, and torn down after the last. A run started while another build of
    the same warehouse runs waits for it (saying so in its log)."""

    storage_folder: str
    _held: contextlib.ExitStack | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        stack = contextlib.ExitStack()
        run = context.run.run_id if context.run else "no run"
        log = context.log.warning if context.log else (lambda message: None)
        stack.enter_context(
            holding_build_lock(
                Path(self.storage_folder),
                f"Dagster run {run}",
                on_wait=lambda holder: log(f"waiting for the warehouse's build lock, held by {holder}"),
            )
        )
        self._held = stack

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._held is not None:
            self._held.close()
            self._held = None


class ParquetFrameIOManager(dg.ConfigurableIOManager):
    """Stores each polars frame an asset returns as one Parquet file (the dagster-polars package does not support polars 2).

    LZ4, not the default zstd: these files are written and read once per run, and at 100k articles zstd's
    compression took twice as long for the text-heavy frames, to save disk space a rerun overwrites anyway. Row
    groups of 100,000 rows (polars compresses row groups on both cores; the frames no longer carry article texts,
    so a frame of 100k articles compresses as fast in one group as in ten), and no column statistics, since
    nothing filters these files. At 100k articles the entity mentions (4M rows) and sentences (3.9M) are written
    in 0.71 s, against 0.93 s with groups of 10,000 rows, and read as fast.

    An output is also kept in memory until every step of the same run that reads it (the asset checks, the later
    assets) has loaded it, and handed to them without reading the file back. Those steps are the ones that hold the
    frame anyway, as their input, so this costs almost no memory; it spares a run a read of the large frames (about
    1.5 s of a 100-article update of a 100k corpus). Another run, or another process, reads the file. Only Dagster's
    private API says which steps read an output (``pipeline.dagster_internals.steps_reading``): where an upgrade has
    moved it, nothing is held and every input is read from its file.

    The files are written on a thread of their own while the step goes on with its checks and its other outputs
    (about 0.5 s of a 100-article update at 100k). Every write is waited for before the next step loads its inputs,
    so a step never starts before the files of the steps before it are complete and a failed write fails it; the
    end of the run waits for the writes of its last step (a failure there is reported by Dagster as a failed
    resource teardown).
    """

    base_dir: str
    _held: dict[Path, pl.DataFrame] = PrivateAttr(default_factory=dict)
    _readers_left: dict[Path, set[str]] = PrivateAttr(default_factory=dict)
    _run_id: str | None = PrivateAttr(default=None)
    _writes: list[Future] = PrivateAttr(default_factory=list)

    def _path(self, context: dg.InputContext | dg.OutputContext) -> Path:
        return Path(self.base_dir).joinpath(*context.asset_key.path).with_suffix(".parquet")

    def handle_output(self, context: dg.OutputContext, obj: pl.DataFrame | None) -> None:
        if obj is None:
            return
        path = self._path(context)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._writes.append(_FRAME_WRITER.submit(_write_frame, obj, path))
        context.add_output_metadata({"rows": obj.height, "path": dg.MetadataValue.path(str(path))})
        if context.run_id != self._run_id:
            self._held.clear()
            self._readers_left.clear()
            self._run_id = context.run_id
        readers = steps_reading(context)
        if readers:
            self._held[path] = obj
            self._readers_left[path] = readers
        release_freed_memory()

    def load_input(self, context: dg.InputContext) -> pl.DataFrame:
        self._finish_writes()
        path = self._path(context)
        held = self._held.get(path)
        if held is None or self._run_id != loading_run_id(context):
            return pl.read_parquet(path)
        readers = self._readers_left[path]
        readers.discard(loading_step(context))
        if not readers:
            del self._held[path], self._readers_left[path]
        return held

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        self._finish_writes()

    def _finish_writes(self) -> None:
        """Wait until every frame handed over so far is written; raise the error of the first write that failed."""
        writes, self._writes = self._writes, []
        for write in writes:
            write.result()


_FRAME_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="write-frame")
"""One thread for the process: frames are written in the order they were handed over."""


def _write_frame(frame: pl.DataFrame, path: Path) -> None:
    staging = path.with_suffix(".parquet.tmp")
    frame.write_parquet(staging, compression="lz4", row_group_size=100_000, statistics=False)
    staging.replace(path)


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(
        resources={
            "input_folder": InputFolder(path=str(settings.input_folder())),
            "warehouse": Warehouse(path=str(settings.warehouse_file())),
            "article_cache": ArticleStores(path=str(settings.storage_folder() / "per_article")),
            "build_lock": BuildLock(storage_folder=str(settings.storage_folder())),
            "io_manager": ParquetFrameIOManager(base_dir=str(settings.storage_folder() / "frames")),
        }
    )
