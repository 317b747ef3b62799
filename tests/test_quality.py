"""Frame checks: each frame against its pandera model, checked in the step that makes it."""

from __future__ import annotations

import dagster as dg
import pandera.polars as pa
import polars as pl

from pipeline.defs.quality import pandera_check_results, pandera_check_specs


class CountsModel(pa.DataFrameModel):
    n: int = pa.Field(ge=0)


MODELS = {"good_counts": CountsModel, "bad_counts": CountsModel}


@dg.multi_asset(
    outs={"good_counts": dg.AssetOut(), "bad_counts": dg.AssetOut()}, check_specs=pandera_check_specs(MODELS)
)
def counts():
    good, bad = pl.DataFrame({"n": [1, 2]}), pl.DataFrame({"n": [3, -1]})
    yield dg.Output(good, output_name="good_counts")
    yield dg.Output(bad, output_name="bad_counts")
    yield from pandera_check_results(MODELS, {"good_counts": good, "bad_counts": bad})


@dg.asset
def total(bad_counts: pl.DataFrame) -> pl.DataFrame:
    return bad_counts.select(pl.col("n").sum())


def test_each_frame_gets_its_own_check_result():
    result = dg.materialize([counts, total], raise_on_error=False)
    outcomes = {
        evaluation.check_name: evaluation.passed for evaluation in result.get_asset_check_evaluations()
    }
    assert outcomes == {"good_counts_matches_CountsModel": True, "bad_counts_matches_CountsModel": False}


def test_a_failing_check_shows_the_failing_cases():
    result = dg.materialize([counts, total], raise_on_error=False)
    [failed] = [evaluation for evaluation in result.get_asset_check_evaluations() if not evaluation.passed]
    assert "-1" in failed.metadata["failure_cases"].value


def test_a_frame_failing_its_model_stops_what_reads_it():
    result = dg.materialize([counts, total], raise_on_error=False)
    assert "total" not in {event.step_key for event in result.all_events if event.is_step_start}


def test_the_frames_are_checked_in_the_step_that_makes_them():
    result = dg.materialize([counts, total], raise_on_error=False)
    assert {event.step_key for event in result.all_events if event.is_step_start} == {"counts"}
