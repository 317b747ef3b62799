"""The one job users run: materialise every asset, from the input folder to the warehouse file."""

import functools
from pathlib import Path

import dagster as dg

from pipeline import settings

build_warehouse = dg.define_asset_job(
    "build_warehouse",
    selection=dg.AssetSelection.all(),
    description="Read the input folder, clean, deduplicate, extract, fuse, and swap in a new warehouse file.",
    executor_def=dg.in_process_executor,
)
"""In one process: the stages run one after another anyway (each spreads its own work over the cores), and they
then share one pool of workers that load the spaCy model once."""


def build_warehouse_job() -> dg.JobDefinition:
    """``build_warehouse`` resolved from the project's definitions, for ``dg.execute_job(dg.reconstructable(...))``.

    Scripts run the build that way, not with ``execute_in_process`` or ``materialize``: those keep every step's
    output in memory until the run ends (to offer them on the result), which at 100k articles held gigabytes of
    frames that no later step needed.
    """
    return _job_for_settings(settings.input_folder(), settings.warehouse_file(), settings.storage_folder())


@functools.cache
def _job_for_settings(input_folder: Path, warehouse_file: Path, storage_folder: Path) -> dg.JobDefinition:
    """One resolution per process and settings (``execute_job`` resolves a reconstructable job five times per run).

    The job is resolved from the assets and checks of ``pipeline.defs`` and its resources, not through
    ``load_from_defs_folder``: that call also describes every installed component type for the UI (a JSON schema
    per type, about 0.3 s of a 100-article update), which running the job never needs. A test checks that both
    give the job the same assets, checks and resources. The resources read the settings when the definitions
    are built, so the settings are the cache key."""
    import pipeline.defs
    from pipeline.defs.resources import resources

    return dg.Definitions(
        assets=dg.load_assets_from_package_module(pipeline.defs),
        asset_checks=dg.load_asset_checks_from_package_module(pipeline.defs),
        resources=resources().resources,
        jobs=[build_warehouse],
    ).resolve_job_def("build_warehouse")
