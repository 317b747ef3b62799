"""Asset checks shared by every stage: each frame's pandera model as a blocking Dagster asset check, run in
the step that makes the frame."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import dagster as dg
import pandera.errors
import pandera.polars as pa
import polars as pl


def pandera_check_specs(models: Mapping[str, type[pa.DataFrameModel]]) -> list[dg.AssetCheckSpec]:
    """One blocking check per frame (asset name -> model), named ``<asset>_matches_<Model>``, for the
    ``check_specs`` of the step that makes the frames: every row of the frame satisfies its pandera model.

    The check runs in that step (``pandera_check_results``), not in a step of its own: the UI still shows one check
    per frame, a failing one still stops what reads the frame, and a run spends no step overhead on checks (about
    0.15 s per check step, most of what the checks of a 100-article update cost)."""
    return [
        dg.AssetCheckSpec(
            f"{asset}_matches_{model.__name__}",
            asset=asset,
            blocking=True,
            description=f"Every row of {asset} satisfies the pandera model {model.__name__}.",
        )
        for asset, model in models.items()
    ]


def pandera_check_results(
    models: Mapping[str, type[pa.DataFrameModel]],
    frames: Mapping[str, pl.DataFrame],
    quarantined: Mapping[str, pl.DataFrame] | None = None,
) -> Iterator[dg.AssetCheckResult]:
    """The results of ``pandera_check_specs(models)`` for the step's ``frames`` (asset name -> frame); failing
    cases are shown in the check's metadata. ``quarantined`` (asset name -> rows) are rows the step took out of
    the frame because they broke the model's row checks: the check then fails as a warning, which does not block,
    and shows them."""
    quarantined = quarantined or {}
    for spec, (asset, model) in zip(pandera_check_specs(models), models.items(), strict=True):
        yield _validation_result(spec, model, frames[asset], quarantined.get(asset))


def _validation_result(
    spec: dg.AssetCheckSpec,
    model: type[pa.DataFrameModel],
    frame: pl.DataFrame,
    quarantined: pl.DataFrame | None = None,
) -> dg.AssetCheckResult:
    if quarantined is not None and quarantined.height:
        return dg.AssetCheckResult(
            asset_key=spec.asset_key,
            check_name=spec.name,
            passed=False,
            severity=dg.AssetCheckSeverity.WARN,
            metadata={
                "rows": frame.height,
                "quarantined": quarantined.height,
                "see": "table quarantined_engagements",
                "examples": dg.MetadataValue.md(markdown_table(quarantined)),
            },
        )
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
    body = "".join(
        "| " + " | ".join(_cell(value) for value in row) + " |\n" for row in shown.iter_rows()
    )
    return header + body


def _cell(value: object) -> str:
    """A value as one markdown table cell: no line breaks, pipes escaped, long texts shortened."""
    if value is None:
        return ""
    text = " ".join(str(value).split()).replace("|", "\\|")
    return text if len(text) <= 200 else text[:199] + "…"
