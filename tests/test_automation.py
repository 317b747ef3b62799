"""When builds start by themselves: the input folder sensor and the daily schedule."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from pipeline.defs.resources import InputFolder
from pipeline.defs.warehouse.schedules import daily_rebuild
from pipeline.defs.warehouse.sensors import input_folder_sensor

ARTICLE = " date 2024-03-01\nThe foreign ministers of Chile and Kenya met in Nairobi on Thursday.\n"


@pytest.fixture
def input_folder(write_inputs) -> Path:
    return write_inputs({"a.txt": ARTICLE})


def evaluate(folder: Path, cursor: str | None) -> tuple[dg.RunRequest | dg.SkipReason, str | None]:
    """One sensor tick over ``folder``: what it asks for and the cursor it leaves for the next tick."""
    context = dg.build_sensor_context(
        cursor=cursor, resources={"input_folder": InputFolder(path=str(folder))}
    )
    return input_folder_sensor(context), context.cursor


def test_sensor_requests_a_build_on_its_first_evaluation(input_folder: Path):
    result, cursor = evaluate(input_folder, cursor=None)

    assert isinstance(result, dg.RunRequest)
    assert cursor is not None


def test_sensor_skips_when_no_input_file_changed(input_folder: Path):
    _, cursor = evaluate(input_folder, cursor=None)

    result, next_cursor = evaluate(input_folder, cursor)

    assert isinstance(result, dg.SkipReason)
    assert next_cursor == cursor


def test_sensor_requests_a_new_build_after_a_file_is_added(input_folder: Path):
    first, cursor = evaluate(input_folder, cursor=None)
    (input_folder / "b.txt").write_text(
        " date 2024-03-02\nIndia and Brazil signed a pact.\n", encoding="utf-8"
    )

    result, _ = evaluate(input_folder, cursor)

    assert isinstance(result, dg.RunRequest)
    assert result.run_key != first.run_key


def test_sensor_requests_a_new_build_after_a_file_content_changes(input_folder: Path):
    first, cursor = evaluate(input_folder, cursor=None)
    (input_folder / "a.txt").write_text(ARTICLE.replace("Chile", "Ghana"), encoding="utf-8")

    result, _ = evaluate(input_folder, cursor)

    assert isinstance(result, dg.RunRequest)
    assert result.run_key != first.run_key


def test_sensor_requests_a_new_build_after_a_file_is_removed(write_inputs):
    folder = write_inputs({"a.txt": ARTICLE, "b.txt": ARTICLE})
    _, cursor = evaluate(folder, cursor=None)
    (folder / "b.txt").unlink()

    result, _ = evaluate(folder, cursor)

    assert isinstance(result, dg.RunRequest)


def test_sensor_requests_a_build_with_an_unused_run_key_when_the_folder_returns_to_an_earlier_state(
    input_folder: Path,
):
    """Dagster launches one run per run key and sensor, so a reused key would silently drop the rebuild."""
    first, cursor = evaluate(input_folder, cursor=None)
    extra = input_folder / "b.txt"
    extra.write_text(ARTICLE, encoding="utf-8")
    second, cursor = evaluate(input_folder, cursor)
    extra.unlink()

    result, _ = evaluate(input_folder, cursor)

    assert isinstance(result, dg.RunRequest)
    assert result.run_key is None or result.run_key not in {first.run_key, second.run_key}


def test_sensor_skips_while_the_input_folder_is_missing(tmp_path: Path):
    result, cursor = evaluate(tmp_path / "absent", cursor=None)

    assert isinstance(result, dg.SkipReason)
    assert cursor is None


def test_schedule_tick_requests_one_build_warehouse_run():
    tick = daily_rebuild.evaluate_tick(dg.build_schedule_context())

    (request,) = tick.run_requests
    assert (request.job_name or daily_rebuild.job_name) == "build_warehouse"


def test_schedule_runs_once_a_day():
    minute, hour, day_of_month, month, day_of_week = daily_rebuild.cron_schedule.split()

    assert minute.isdigit()
    assert hour.isdigit()
    assert (day_of_month, month, day_of_week) == ("*", "*", "*")
