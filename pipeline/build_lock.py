"""One build at a time per warehouse: a file lock in the warehouse's storage folder, held for the whole run.

Everything a build reads and writes besides its input (the per-article stores, the file index, the frames passed
between steps, the warehouse file and its previous copy) lives in the storage folder beside the warehouse, so two
builds that share it (a scheduled rerun, a sensor run and a manual build of one warehouse) would mix their states.
The lock serialises them: from reading the previous state to the swap of the new file, one build holds it.

``filelock`` (a maintained library) holds an OS lock on ``build.lock``, released by the OS if the process dies. The
lock is a process-wide singleton and not per thread, so the CLI can take it before it starts the run and the run's
own acquisition (the ``build_lock`` resource, which UI, schedule and sensor runs go through) nests inside it.
A small JSON file beside it says who holds it, for the message the waiting build shows.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_FILE = "build.lock"
HOLDER_FILE = "build.lock.json"


class BuildLocked(RuntimeError):
    """Another build of the same warehouse holds the lock, and this one was asked not to wait."""


def build_lock(storage_folder: Path) -> FileLock:
    """The lock of the warehouse whose storage folder is ``storage_folder`` (the same object within a process)."""
    storage_folder.mkdir(parents=True, exist_ok=True)
    return FileLock(storage_folder / LOCK_FILE, is_singleton=True, thread_local=False, preserve_lock_file=True)


def holder(storage_folder: Path) -> str:
    """Who holds (or last held) the lock, in words: process, host, since when, building what."""
    try:
        info = json.loads((storage_folder / HOLDER_FILE).read_text())
    except (OSError, ValueError):
        return "another build"
    return f"process {info.get('pid')} on {info.get('host')}, building since {info.get('since')} ({info.get('what')})"


@contextlib.contextmanager
def holding_build_lock(
    storage_folder: Path,
    what: str,
    wait: bool = True,
    on_wait: Callable[[str], None] = lambda message: None,
) -> Iterator[None]:
    """Hold the warehouse's build lock while the block runs. When another build holds it: wait for it (telling
    ``on_wait`` whom we wait for), or, with ``wait=False``, raise ``BuildLocked`` at once."""
    lock = build_lock(storage_folder)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        message = holder(storage_folder)
        if not wait:
            raise BuildLocked(message) from None
        on_wait(message)
        started = time.monotonic()
        while True:
            try:
                lock.acquire(timeout=30)
                break
            except Timeout:
                on_wait(f"{holder(storage_folder)} (waited {time.monotonic() - started:.0f} s so far)")
    try:
        if lock.lock_counter == 1:
            _write_holder(storage_folder, what)
        yield
    finally:
        lock.release()


def _write_holder(storage_folder: Path, what: str) -> None:
    info = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "since": datetime.now(UTC).isoformat(timespec="seconds"),
        "what": what,
    }
    staging = storage_folder / f"{HOLDER_FILE}.{os.getpid()}"
    staging.write_text(json.dumps(info))
    staging.replace(storage_folder / HOLDER_FILE)
