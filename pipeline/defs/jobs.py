"""The one job users run: materialise every asset, from the input folder to the warehouse file."""

import dagster as dg

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
    from pipeline.definitions import defs

    return defs().resolve_job_def("build_warehouse")
