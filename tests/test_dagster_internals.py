"""Dagster's private API as pipeline/dagster_internals.py uses it: every name still where it was and shaped as it is
used (an upgrade that moves one fails here, saying which and what the project falls back to), and a project whose
Dagster moved them still builds."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import dagster as dg
import pytest
import sqlalchemy

from pipeline import dagster_internals
from pipeline.dagster_internals import EVENT_LOG_FALLBACK, IO_MANAGER_FALLBACK

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INTERNALS = PROJECT_ROOT / "pipeline" / "dagster_internals.py"

PRIVATE_IMPORTS = {
    ("dagster._core.storage.event_log.sqlite.sqlite_event_log", "SqliteEventLogStorage"): EVENT_LOG_FALLBACK,
    ("dagster._core.storage.sqlite", "SQLITE_BUSY_TIMEOUT_SECONDS"): EVENT_LOG_FALLBACK,
    ("dagster._core.execution.plan.outputs", "StepOutputHandle"): IO_MANAGER_FALLBACK,
}
"""Each private name pipeline/dagster_internals.py imports, with what the project does without it."""


def moved(name: str, fallback: str) -> str:
    return (
        f"dagster {dg.__version__} moved {name}: update pipeline/dagster_internals.py (fallback: {fallback})"
    )


def private(module: str, name: str):
    """``module.name``, or a failure saying that Dagster moved it."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        pytest.fail(moved(f"{module}.{name}", PRIVATE_IMPORTS[(module, name)]), pytrace=False)


def attribute(value, path: str, fallback: str):
    """The attribute of ``value`` at the dotted ``path``, or a failure naming the step of it that moved."""
    for name in path.split("."):
        if not hasattr(value, name):
            where = f" (of .{path})" if "." in path else ""
            pytest.fail(moved(f"{type(value).__name__}.{name}{where}", fallback), pytrace=False)
        value = getattr(value, name)
    return value


def callable_as(function, name: str, fallback: str, *args) -> None:
    """Fail unless ``function`` accepts the positional ``args`` the project passes it."""
    try:
        inspect.signature(function).bind(*args)
    except TypeError as error:
        pytest.fail(moved(f"{name}{inspect.signature(function)} ({error})", fallback), pytrace=False)


def private_imports_of(path: Path) -> set[tuple[str, str]]:
    """The ``(module, name)`` pairs ``path`` imports from Dagster's private modules."""
    imports: set[tuple[str, str]] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dagster._"):
            imports |= {(node.module, alias.name) for alias in node.names}
        elif isinstance(node, ast.Import):
            imports |= {(alias.name, "") for alias in node.names if alias.name.startswith("dagster._")}
    return imports


def test_the_private_names_dagster_internals_imports_are_the_ones_checked_here():
    assert private_imports_of(INTERNALS) == set(PRIVATE_IMPORTS)


def test_no_other_module_of_the_project_imports_dagsters_private_api():
    elsewhere = {
        str(path.relative_to(PROJECT_ROOT)): imports
        for folder in ("pipeline", "corpusgen", "tools", "tests", "benchmarks")
        for path in (PROJECT_ROOT / folder).rglob("*.py")
        if path not in (INTERNALS, Path(__file__).resolve()) and (imports := private_imports_of(path))
    }
    assert elsewhere == {}, "import Dagster's private API through pipeline/dagster_internals.py only"


def test_sqlite_event_log_storage_is_built_and_connected_as_the_pooled_event_log_does(tmp_path):
    storage_class = private(
        "dagster._core.storage.event_log.sqlite.sqlite_event_log", "SqliteEventLogStorage"
    )
    name = "SqliteEventLogStorage"
    callable_as(storage_class, name, EVENT_LOG_FALLBACK, str(tmp_path), None)
    for method in dagster_internals.SQLITE_EVENT_LOG_METHODS:
        attribute(storage_class, method, EVENT_LOG_FALLBACK)
    callable_as(storage_class._connect, f"{name}._connect", EVENT_LOG_FALLBACK, None, "index")
    callable_as(storage_class._initdb, f"{name}._initdb", EVENT_LOG_FALLBACK, None, "engine")
    callable_as(
        storage_class.conn_string_for_shard,
        f"{name}.conn_string_for_shard",
        EVENT_LOG_FALLBACK,
        None,
        "index",
    )

    storage = storage_class(str(tmp_path), None)
    try:
        lock = attribute(storage, "_db_lock", EVENT_LOG_FALLBACK)
        initialized = attribute(storage, "_initialized_dbs", EVENT_LOG_FALLBACK)
        assert hasattr(lock, "__enter__") and hasattr(lock, "__exit__"), moved(
            f"{name}._db_lock", EVENT_LOG_FALLBACK
        )
        assert isinstance(initialized, set), moved(f"{name}._initialized_dbs", EVENT_LOG_FALLBACK)
        assert storage.conn_string_for_shard("index").startswith("sqlite:///"), moved(
            f"{name}.conn_string_for_shard", EVENT_LOG_FALLBACK
        )
        with storage._connect("index") as connection:
            assert isinstance(connection, sqlalchemy.Connection), moved(
                f"{name}._connect", EVENT_LOG_FALLBACK
            )
            assert connection.in_transaction(), moved(f"{name}._connect", EVENT_LOG_FALLBACK)
        assert "index" in initialized, moved(f"{name}._initialized_dbs", EVENT_LOG_FALLBACK)
    finally:
        storage.dispose()


def test_sqlite_busy_timeout_is_a_number_of_seconds():
    timeout = private("dagster._core.storage.sqlite", "SQLITE_BUSY_TIMEOUT_SECONDS")
    assert isinstance(timeout, int | float) and timeout > 0, moved(
        "SQLITE_BUSY_TIMEOUT_SECONDS", EVENT_LOG_FALLBACK
    )


class RecordingIOManager(dg.IOManager):
    """Keeps what it stores in memory, and the contexts Dagster hands it."""

    def __init__(self):
        self.outputs: dict[str, dg.OutputContext] = {}
        self.inputs: list[dg.InputContext] = []
        self.values: dict[str, object] = {}

    def handle_output(self, context: dg.OutputContext, obj) -> None:
        self.outputs[context.step_key] = context
        self.values[context.step_key] = obj

    def load_input(self, context: dg.InputContext):
        self.inputs.append(context)
        return self.values[context.upstream_output.step_key]


@dg.asset
def numbers() -> list[int]:
    return [1, 2, 3]


@dg.asset
def doubled(numbers: list[int]) -> list[int]:
    return [n * 2 for n in numbers]


@dg.asset
def tripled(numbers: list[int]) -> list[int]:
    return [n * 3 for n in numbers]


def test_the_execution_plan_says_which_steps_of_the_run_read_an_output():
    step_output_handle = private("dagster._core.execution.plan.outputs", "StepOutputHandle")
    callable_as(step_output_handle, "StepOutputHandle", IO_MANAGER_FALLBACK, "numbers", "result")
    io_manager = RecordingIOManager()
    result = dg.materialize(
        [numbers, doubled, tripled],
        resources={"io_manager": dg.IOManagerDefinition.hardcoded_io_manager(io_manager)},
    )
    assert result.success

    output = io_manager.outputs["numbers"]
    plan = attribute(output, "step_context.execution_plan", IO_MANAGER_FALLBACK)
    steps = attribute(plan, "get_steps_to_execute_in_topo_order", IO_MANAGER_FALLBACK)()
    handle = step_output_handle("numbers", "result")
    readers = {
        attribute(step, "key", IO_MANAGER_FALLBACK)
        for step in steps
        for step_input in attribute(step, "step_inputs", IO_MANAGER_FALLBACK)
        if handle in attribute(step_input, "get_step_output_handle_dependencies", IO_MANAGER_FALLBACK)()
    }
    assert readers == {"doubled", "tripled"}, moved("the execution plan's step inputs", IO_MANAGER_FALLBACK)
    assert dagster_internals.steps_reading(output) == {"doubled", "tripled"}

    loading = {
        attribute(context, "step_context.step.key", IO_MANAGER_FALLBACK) for context in io_manager.inputs
    }
    assert loading == {"doubled", "tripled"}, moved("InputContext.step_context.step.key", IO_MANAGER_FALLBACK)
    assert {dagster_internals.loading_step(context) for context in io_manager.inputs} == loading
    for context in io_manager.inputs:
        assert attribute(context, "step_context.run_id", IO_MANAGER_FALLBACK) == result.run_id
        assert dagster_internals.loading_run_id(context) == result.run_id


def test_outside_a_run_no_step_reads_an_output_and_no_run_loads_an_input():
    assert (
        dagster_internals.steps_reading(dg.build_output_context(step_key="numbers", name="result")) == set()
    )
    assert dagster_internals.loading_run_id(dg.build_input_context()) is None


def test_the_ui_tests_run_coordinator_is_where_their_instance_names_it():
    coordinator = dagster_internals.IMMEDIATE_RUN_COORDINATOR
    try:
        getattr(importlib.import_module(coordinator["module"]), coordinator["class"])
    except (ImportError, AttributeError):
        pytest.fail(
            moved(
                f"{coordinator['module']}.{coordinator['class']}",
                "none; the UI tests cannot start their instance",
            ),
            pytrace=False,
        )


def test_nothing_dagster_internals_relies_on_has_moved():
    assert dagster_internals.MOVED == {}, moved(
        ", ".join(dagster_internals.MOVED), "; ".join(set(dagster_internals.MOVED.values()))
    )
    assert dagster_internals.POOLED_EVENT_LOG and dagster_internals.HOLDS_FRAMES


def project_home(tmp_path: Path) -> Path:
    """A fresh Dagster home configured by the project's dagster.yaml."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(PROJECT_ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    return home


@pytest.fixture
def fresh_warnings(monkeypatch) -> None:
    """Each fallback warns again, as in a new process."""
    monkeypatch.setattr(dagster_internals, "_warned", set())


def fallback_warnings(caplog) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == dagster_internals.__name__]


def test_an_execution_plan_that_moved_makes_the_io_manager_read_files_with_one_warning(
    fresh_warnings, caplog
):
    context = SimpleNamespace(step_context=SimpleNamespace(), step_key="numbers", name="result")
    with caplog.at_level(logging.WARNING):
        assert dagster_internals.steps_reading(context) == set()
        assert dagster_internals.steps_reading(context) == set()
    [warning] = fallback_warnings(caplog)
    assert "execution_plan" in warning and IO_MANAGER_FALLBACK in warning


def test_an_event_log_whose_state_moved_uses_dagsters_own_connections_with_one_warning(
    tmp_path, monkeypatch, fresh_warnings, caplog
):
    monkeypatch.setenv("DAGSTER_HOME", str(project_home(tmp_path)))
    monkeypatch.setattr(dagster_internals, "SQLITE_EVENT_LOG_STATE", ("_db_lock", "_connections_by_shard"))
    with caplog.at_level(logging.WARNING), dg.DagsterInstance.get() as instance:
        result = dg.materialize([numbers, doubled], instance=instance)
        assert result.success
        assert instance.event_log_storage._engines == {}
        assert dg.DagsterEventType.STEP_SUCCESS in [
            entry.dagster_event_type for entry in instance.all_logs(result.run_id)
        ]
    [warning] = fallback_warnings(caplog)
    assert "_connections_by_shard" in warning and EVENT_LOG_FALLBACK in warning


MOVED_DAGSTER_BUILD = """
import builtins, json, logging, sys

real_import = builtins.__import__

def import_as_if_dagster_moved_it(name, globals=None, locals=None, fromlist=(), level=0):
    if name.startswith("dagster._") and (globals or {}).get("__name__") == "pipeline.dagster_internals":
        raise ModuleNotFoundError(f"No module named {name!r} (a Dagster upgrade moved it)")
    return real_import(name, globals, locals, fromlist, level)

builtins.__import__ = import_as_if_dagster_moved_it
warnings = []
handler = logging.Handler()
handler.emit = lambda record: warnings.append(record.getMessage())
logging.getLogger("pipeline.dagster_internals").addHandler(handler)

import dagster as dg
import polars as pl
from pipeline.defs.resources import ParquetFrameIOManager

read = []
real_read_parquet = pl.read_parquet
def spying_read_parquet(path, *args, **kwargs):
    read.append(path.name)
    return real_read_parquet(path, *args, **kwargs)
pl.read_parquet = spying_read_parquet

sys.path.insert(0, sys.argv[2])
from test_frame_storage import doubled, numbers

with dg.DagsterInstance.get() as instance:
    result = dg.materialize(
        [numbers, doubled], instance=instance, resources={"io_manager": ParquetFrameIOManager(base_dir=sys.argv[1])}
    )
    storage = instance.event_log_storage
    print(json.dumps({
        "success": result.success,
        "run_id": result.run_id,
        "storage": type(storage).__name__,
        "engines": len(storage._engines),
        "events": [entry.dagster_event_type.value for entry in instance.all_logs(result.run_id) if entry.dagster_event_type],
        "read": read,
        "doubled": real_read_parquet(f"{sys.argv[1]}/doubled.parquet")["n"].to_list(),
        "warnings": warnings,
    }))
"""
"""A build of two assets (test_frame_storage's) with the project's instance and IO manager, in a process where
every private import of pipeline/dagster_internals.py fails as it would after a Dagster upgrade that moved them."""


def test_a_project_whose_dagster_moved_every_private_name_still_builds_on_dagsters_own_storage(tmp_path):
    home = project_home(tmp_path)
    frames = tmp_path / "frames"
    completed = subprocess.run(
        [sys.executable, "-c", MOVED_DAGSTER_BUILD, str(frames), str(Path(__file__).parent)],
        env={**os.environ, "DAGSTER_HOME": str(home)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-4000:]
    build = json.loads(completed.stdout.splitlines()[-1])

    assert build["success"]
    assert build["storage"] == "PooledSqliteEventLogStorage" and build["engines"] == 0
    assert (home / "history" / "runs" / f"{build['run_id']}.db").is_file()
    assert "STEP_SUCCESS" in build["events"] and "ASSET_MATERIALIZATION" in build["events"]
    assert build["read"] == ["numbers.parquet"]
    assert build["doubled"] == [2, 4, 6]
    [warning] = build["warnings"]
    for name in ("SqliteEventLogStorage", "SQLITE_BUSY_TIMEOUT_SECONDS", "StepOutputHandle"):
        assert name in warning
    assert EVENT_LOG_FALLBACK in warning and IO_MANAGER_FALLBACK in warning
