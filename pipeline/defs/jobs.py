"""The one job users run: materialise every asset, from the input folder to the warehouse file."""

import dagster as dg

build_warehouse = dg.define_asset_job(
    "build_warehouse",
    selection=dg.AssetSelection.all(),
    description="Read the input folder, clean, deduplicate, extract, fuse, and swap in a new warehouse file.",
)
