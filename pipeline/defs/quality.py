"""Asset checks shared by every stage: each frame's pandera model as a blocking Dagster asset check."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import dagster as dg
import pandera.errors
import pandera.polars as pa
import polars as pl


def pandera_checks(name: str, models: Mapping[str, type[pa.DataFrameModel]]) -> dg.AssetChecksDefinition:
    """One blocking check per frame (asset name -> model), named ``<asset>_matches_<Model>``: every row of the
    materialised frame satisfies its pandera model; failing cases are shown in the check's metadata.

    The frames of one step are checked in one step: the UI still shows one check per frame, and a run spends
    one step's overhead, not one per frame (about 0.1 s each, a tenth of a small incremental run's checks)."""
    specs = [
        dg.AssetCheckSpec(
            f"{asset}_matches_{model.__name__}",
            asset=asset,
            blocking=True,
            description=f"Every row of {asset} satisfies the pandera model {model.__name__}.",
        )
        for asset, model in models.items()
    ]

    @dg.multi_asset_check(name=name, specs=specs, ins={asset: dg.AssetIn(asset) for asset in models})
    def check(**frames: pl.DataFrame) -> Iterator[dg.AssetCheckResult]:
        for spec, (asset, model) in zip(specs, models.items(), strict=True):
            yield _validation_result(spec, model, frames[asset])

    return check


def _validation_result(
    spec: dg.AssetCheckSpec, model: type[pa.DataFrameModel], frame: pl.DataFrame
) -> dg.AssetCheckResult:
    try:
        model.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases.head(20)
        return dg.AssetCheckResult(
            asset_key=spec.asset_key,
            check_name=spec.name,
            passed=False,
            metadata={"failure_cases": dg.MetadataValue.md(markdown_table(cases)), "rows": frame.height},
        )
    return dg.AssetCheckResult(
        asset_key=spec.asset_key, check_name=spec.name, passed=True, metadata={"rows": frame.height}
    )


def markdown_table(frame: pl.DataFrame, max_rows: int = 20) -> str:
    """A small markdown table for asset metadata shown in the UI."""
    shown = frame.head(max_rows)
    header = "| " + " | ".join(shown.columns) + " |\n|" + "---|" * shown.width + "\n"
    body = "".join("| " + " | ".join("" if v is None else str(v) for v in row) + " |\n" for row in shown.iter_rows())
    return header + body
