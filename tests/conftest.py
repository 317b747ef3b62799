"""Shared fixtures: the seed articles and a small writer for input folders."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEED_FOLDER = PROJECT_ROOT / "data" / "raw"


@pytest.fixture
def seed_folder() -> Path:
    return SEED_FOLDER


@pytest.fixture
def write_inputs(tmp_path: Path):
    """Write {relative path: str or bytes} into a fresh input folder and return the folder."""

    def write(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "input"
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return write


def materialize_all(input_folder: Path, warehouse_file: Path, storage_folder: Path):
    """Materialise the whole asset graph (with its checks) on an input folder, as the build job does."""
    import dagster as dg

    from pipeline.definitions import defs
    from pipeline.defs.resources import (
        ArticleCacheStore,
        BuildLock,
        InputFolder,
        ParquetFrameIOManager,
        Warehouse,
    )

    definitions = defs()
    return dg.materialize(
        [*definitions.assets, *definitions.asset_checks],
        resources={
            "input_folder": InputFolder(path=str(input_folder)),
            "warehouse": Warehouse(path=str(warehouse_file)),
            "article_cache": ArticleCacheStore(path=str(storage_folder / "per_article")),
            "build_lock": BuildLock(storage_folder=str(storage_folder)),
            "io_manager": ParquetFrameIOManager(base_dir=str(storage_folder / "frames")),
        },
        raise_on_error=False,
    )


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory) -> Path:
    """The warehouse built from the two seed articles, shared by the tests that query it."""
    folder = tmp_path_factory.mktemp("seed_build")
    warehouse_file = folder / "warehouse.duckdb"
    result = materialize_all(SEED_FOLDER, warehouse_file, folder / "storage")
    assert result.success, [event.event_specific_data for event in result.all_events if event.is_step_failure]
    return warehouse_file
