"""A failed build says why: the failing check, how many rows, up to five example rows, and where the rest are."""

from __future__ import annotations

import dagster as dg
import polars as pl

from pipeline.cli import EXAMPLES_SHOWN, _print_failed_check
from pipeline.defs.quality import markdown_table


def test_a_failed_check_is_named_with_its_count_and_at_most_five_example_rows(capsys):
    rows = pl.DataFrame(
        {
            "engagement_id": [f"e{n}" for n in range(8)],
            "reason": ["start_date 1900-01-01 before 1945-01-01"] * 8,
            "article_id": [f"a{n}" for n in range(8)],
            "sentence": [f"Sentence {n} | with a pipe\nand a line break." for n in range(8)],
        }
    )
    evaluation = dg.AssetCheckEvaluation(
        asset_key=dg.AssetKey("engagements"),
        check_name="engagement_dates_are_plausible",
        passed=False,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"violations": 8, "examples": dg.MetadataValue.md(markdown_table(rows))},
    )

    _print_failed_check(evaluation)
    output = " ".join(capsys.readouterr().err.split())

    assert "check engagement_dates_are_plausible on engagements failed (8 violations)" in output
    assert [f"e{n} " in output for n in range(8)] == [True] * EXAMPLES_SHOWN + [False] * 3
    assert "a0" in output and "Sentence 0 \\| with a pipe and a line break." in output
