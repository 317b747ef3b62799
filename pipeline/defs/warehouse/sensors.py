"""Rebuild when the input folder changes: a new, changed or removed file requests one run."""

import hashlib
import time

import dagster as dg

from pipeline.defs.jobs import build_warehouse
from pipeline.defs.resources import InputFolder
from pipeline.ingest import input_files


def folder_fingerprint(input_folder: InputFolder) -> str:
    """Names, sizes and modification times of every input file: cheap, and changes whenever a file does."""
    digest = hashlib.sha256()
    for path in input_files(input_folder.folder):
        status = path.stat()
        digest.update(f"{path.relative_to(input_folder.folder)}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


@dg.sensor(
    job=build_warehouse,
    minimum_interval_seconds=60,
    description="Requests a build when files in the input folder are added, changed or removed.",
    default_status=dg.DefaultSensorStatus.STOPPED,
)
def input_folder_sensor(context: dg.SensorEvaluationContext, input_folder: InputFolder):
    if not input_folder.folder.is_dir():
        return dg.SkipReason(f"input folder {input_folder.folder} does not exist")
    fingerprint = folder_fingerprint(input_folder)
    if fingerprint == context.cursor:
        return dg.SkipReason("no input file changed since the last build request")
    context.update_cursor(fingerprint)
    # The key names this change, not the folder state: a folder that returns to an earlier state still rebuilds.
    return dg.RunRequest(run_key=f"{fingerprint}-{time.time_ns()}")
