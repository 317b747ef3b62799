"""Frames passed between assets: stored as Parquet, handed from memory to the later steps of the same run."""

from __future__ import annotations

import time

import dagster as dg
import polars as pl

import pipeline.defs.resources
from pipeline.defs.resources import ParquetFrameIOManager


@dg.asset
def numbers() -> pl.DataFrame:
    return pl.DataFrame({"n": [1, 2, 3]})


@dg.asset
def doubled(numbers: pl.DataFrame) -> pl.DataFrame:
    return numbers.select(n=pl.col("n") * 2)


@dg.asset
def total(doubled: pl.DataFrame) -> pl.DataFrame:
    return doubled.select(pl.col("n").sum())


@dg.asset
def tripled(numbers: pl.DataFrame) -> pl.DataFrame:
    return numbers.select(n=pl.col("n") * 3)


@dg.asset
def both(doubled: pl.DataFrame, tripled: pl.DataFrame) -> pl.DataFrame:
    return pl.concat([doubled, tripled])


def files_read(monkeypatch) -> list[str]:
    """The names of the Parquet files the IO manager reads from now on."""
    read: list[str] = []
    real_read = pl.read_parquet

    def spying_read(path, *args, **kwargs):
        read.append(path.name)
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(pipeline.defs.resources.pl, "read_parquet", spying_read)
    return read


def test_a_step_gets_the_previous_steps_output_without_reading_its_file(tmp_path, monkeypatch):
    read = files_read(monkeypatch)
    io_manager = ParquetFrameIOManager(base_dir=str(tmp_path))
    result = dg.materialize([numbers, doubled, total], resources={"io_manager": io_manager})
    assert result.success
    assert read == []
    assert pl.read_parquet(tmp_path / "total.parquet")["n"].to_list() == [12]


def test_an_output_read_by_several_later_steps_reaches_each_of_them_without_a_file_read(tmp_path, monkeypatch):
    read = files_read(monkeypatch)
    io_manager = ParquetFrameIOManager(base_dir=str(tmp_path))
    result = dg.materialize([numbers, doubled, tripled, both], resources={"io_manager": io_manager})
    assert result.success
    assert read == []
    assert sorted(pl.read_parquet(tmp_path / "both.parquet")["n"].to_list()) == [2, 3, 4, 6, 6, 9]


def test_a_run_reads_the_file_of_an_asset_materialised_by_another_run(tmp_path, monkeypatch):
    io_manager = ParquetFrameIOManager(base_dir=str(tmp_path))
    assert dg.materialize([numbers, doubled], resources={"io_manager": io_manager}).success
    read = files_read(monkeypatch)
    result = dg.materialize(
        [numbers, doubled, total], selection=["total"], resources={"io_manager": io_manager}
    )
    assert result.success
    assert read == ["doubled.parquet"]
    assert result.output_for_node("total")["n"].to_list() == [12]


def slow_writes(monkeypatch, seconds: float) -> None:
    """Frames take ``seconds`` longer to be written."""
    real_write = pipeline.defs.resources._write_frame

    def slow_write(frame, path):
        time.sleep(seconds)
        real_write(frame, path)

    monkeypatch.setattr(pipeline.defs.resources, "_write_frame", slow_write)


def test_every_frame_of_a_run_is_on_disk_when_the_run_ends(tmp_path, monkeypatch):
    slow_writes(monkeypatch, 0.5)
    io_manager = ParquetFrameIOManager(base_dir=str(tmp_path))
    assert dg.materialize([numbers, doubled], resources={"io_manager": io_manager}).success
    assert pl.read_parquet(tmp_path / "doubled.parquet")["n"].to_list() == [2, 4, 6]


def test_a_step_starts_only_once_the_files_of_the_steps_before_it_are_written(tmp_path, monkeypatch):
    slow_writes(monkeypatch, 0.5)
    seen: list[bool] = []

    @dg.asset
    def looks_for_numbers(numbers: pl.DataFrame) -> None:
        seen.append((tmp_path / "numbers.parquet").exists())

    io_manager = ParquetFrameIOManager(base_dir=str(tmp_path))
    assert dg.materialize([numbers, looks_for_numbers], resources={"io_manager": io_manager}).success
    assert seen == [True]


def test_a_frame_that_cannot_be_written_fails_the_step_that_reads_it(tmp_path, monkeypatch):
    def failing_write(frame, path):
        raise OSError("No space left on device")

    monkeypatch.setattr(pipeline.defs.resources, "_write_frame", failing_write)
    io_manager = ParquetFrameIOManager(base_dir=str(tmp_path))
    result = dg.materialize([numbers, doubled], resources={"io_manager": io_manager}, raise_on_error=False)
    assert not result.success
    [failure] = [event for event in result.all_events if event.is_step_failure]
    assert failure.step_key == "doubled"
    assert "No space left on device" in failure.event_specific_data.error.to_string()
