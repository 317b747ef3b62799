"""Asset checks shared by every stage: a frame's pandera model as a (blocking) Dagster asset check."""

from __future__ import annotations

import dagster as dg
import pandera.errors
import pandera.polars as pa
import polars as pl


def pandera_check(asset: str, model: type[pa.DataFrameModel], *, blocking: bool = True) -> dg.AssetChecksDefinition:
    """Validate the materialised frame against ``model``; failing cases are shown in the check's metadata."""

    @dg.asset_check(
        asset=asset,
        name=f"{asset}_matches_{model.__name__}",
        blocking=blocking,
        description=f"Every row of {asset} satisfies the pandera model {model.__name__}.",
    )
    def check(frame: pl.DataFrame) -> dg.AssetCheckResult:
        try:
            model.validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as errors:
            cases = errors.failure_cases.head(20)
            return dg.AssetCheckResult(
                passed=False,
                metadata={"failure_cases": dg.MetadataValue.md(markdown_table(cases)), "rows": frame.height},
            )
        return dg.AssetCheckResult(passed=True, metadata={"rows": frame.height})

    return check


def markdown_table(frame: pl.DataFrame, max_rows: int = 20) -> str:
    """A small markdown table for asset metadata shown in the UI."""
    shown = frame.head(max_rows)
    header = "| " + " | ".join(shown.columns) + " |\n|" + "---|" * shown.width + "\n"
    body = "".join("| " + " | ".join("" if v is None else str(v) for v in row) + " |\n" for row in shown.iter_rows())
    return header + body
