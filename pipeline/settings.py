"""Where the pipeline reads and writes, from the environment, with defaults inside the project folder."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PIPELINE_VERSION = "0.1.0"
"""Bumped whenever a change to cleaning or extraction rules changes per-article results (it keys the cache)."""


def input_folder() -> Path:
    return Path(os.environ.get("BILATERAL_INPUT", PROJECT_ROOT / "data" / "raw")).resolve()


def warehouse_file() -> Path:
    return Path(os.environ.get("BILATERAL_WAREHOUSE", PROJECT_ROOT / "data" / "warehouse.duckdb")).resolve()


def storage_folder() -> Path:
    """Intermediate frames and the per-article cache: beside the warehouse, so that two warehouses never share one."""
    default = warehouse_file().parent / "cache"
    return Path(os.environ.get("BILATERAL_STORAGE", default)).resolve()


def dagster_home() -> Path:
    return Path(os.environ.get("DAGSTER_HOME", PROJECT_ROOT / ".dagster_home")).resolve()
