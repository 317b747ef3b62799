"""Frames passed between assets: stored as Parquet, handed from memory to the later steps of the same run."""

from __future__ import annotations

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
