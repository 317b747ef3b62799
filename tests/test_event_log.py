"""The project's Dagster instance keeps its SQLite event log open between events, and loses nothing by it."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import pytest

from pipeline import event_log
from pipeline.event_log import PooledSqliteEventLogStorage

STEP_SUCCESS = dg.DagsterEventType.STEP_SUCCESS
PROJECT_DAGSTER_YAML = Path(__file__).resolve().parent.parent / ".dagster_home" / "dagster.yaml"


@dg.asset(check_specs=[dg.AssetCheckSpec("has_rows", asset="numbers")])
def numbers():
    yield dg.Output([1, 2, 3], metadata={"rows": 3})
    yield dg.AssetCheckResult(check_name="has_rows", passed=True)


@pytest.fixture
def project_home(tmp_path, monkeypatch) -> Path:
    """A Dagster home configured by the project's dagster.yaml, as ``bilateral build`` and the UI use it."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(PROJECT_DAGSTER_YAML, home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return home


def test_the_project_instance_stores_events_in_the_pooled_sqlite_event_log_under_its_home(project_home):
    with dg.DagsterInstance.get() as instance:
        assert isinstance(instance.event_log_storage, PooledSqliteEventLogStorage)
        result = dg.materialize([numbers], instance=instance)

    assert (project_home / "history" / "runs" / f"{result.run_id}.db").is_file()


def test_another_instance_on_the_same_home_reads_every_event_of_a_run(project_home):
    with dg.DagsterInstance.get() as writer:
        result = dg.materialize([numbers], instance=writer)
        stored = [entry.dagster_event_type for entry in writer.all_logs(result.run_id)]

    with dg.DagsterInstance.get() as reader:
        assert [entry.dagster_event_type for entry in reader.all_logs(result.run_id)] == stored
        latest = reader.get_latest_materialization_event(dg.AssetKey("numbers"))
        check = reader.event_log_storage.get_latest_asset_check_execution_by_key(
            [dg.AssetCheckKey(dg.AssetKey("numbers"), "has_rows")]
        )
    assert latest.run_id == result.run_id
    assert latest.asset_materialization.metadata["rows"].value == 3
    assert [execution.run_id for execution in check.values()] == [result.run_id]


def test_engines_beyond_the_open_limit_are_closed_and_reopened_when_their_run_is_read(
    project_home, monkeypatch
):
    monkeypatch.setattr(event_log, "OPEN_DATABASES", 2)
    with dg.DagsterInstance.get() as instance:
        run_ids = [dg.materialize([numbers], instance=instance).run_id for _ in range(3)]
        assert len(instance.event_log_storage._engines) == 2
        assert run_ids[0] not in instance.event_log_storage._engines
        assert STEP_SUCCESS in [entry.dagster_event_type for entry in instance.all_logs(run_ids[0])]


def test_wiping_the_event_log_closes_its_engines_and_later_runs_are_still_stored(project_home):
    with dg.DagsterInstance.get() as instance:
        wiped = dg.materialize([numbers], instance=instance)
        instance.event_log_storage.wipe()
        assert wiped.run_id not in instance.event_log_storage._engines
        assert not (project_home / "history" / "runs" / f"{wiped.run_id}.db").exists()
        result = dg.materialize([numbers], instance=instance)
        assert STEP_SUCCESS in [entry.dagster_event_type for entry in instance.all_logs(result.run_id)]
        assert instance.get_latest_materialization_event(dg.AssetKey("numbers")).run_id == result.run_id
