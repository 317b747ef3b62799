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
