"""Frame checks: each frame against its pandera model, the frames of one step checked in one step."""

from __future__ import annotations

import dagster as dg
import pandera.polars as pa
import polars as pl

from pipeline.defs.quality import pandera_checks


class CountsModel(pa.DataFrameModel):
    n: int = pa.Field(ge=0)


@dg.multi_asset(outs={"good_counts": dg.AssetOut(), "bad_counts": dg.AssetOut()})
def counts():
    yield dg.Output(pl.DataFrame({"n": [1, 2]}), output_name="good_counts")
    yield dg.Output(pl.DataFrame({"n": [3, -1]}), output_name="bad_counts")


@dg.asset
def total(bad_counts: pl.DataFrame) -> pl.DataFrame:
    return bad_counts.select(pl.col("n").sum())


counts_match_models = pandera_checks("counts_match_models", {"good_counts": CountsModel, "bad_counts": CountsModel})


def test_each_frame_gets_its_own_check_result():
    result = dg.materialize([counts, total, counts_match_models], raise_on_error=False)
    outcomes = {evaluation.check_name: evaluation.passed for evaluation in result.get_asset_check_evaluations()}
    assert outcomes == {"good_counts_matches_CountsModel": True, "bad_counts_matches_CountsModel": False}


def test_a_frame_failing_its_model_stops_what_reads_it():
    result = dg.materialize([counts, total, counts_match_models], raise_on_error=False)
    assert "total" not in {event.step_key for event in result.all_events if event.is_step_start}


def test_the_frames_of_one_step_are_checked_in_one_step():
    result = dg.materialize([counts, total, counts_match_models], raise_on_error=False)
    check_steps = {event.step_key for event in result.all_events if event.is_step_start} - {"counts", "total"}
    assert check_steps == {"counts_match_models"}
