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
