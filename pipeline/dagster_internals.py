"""The project's only door to Dagster's private API (its ``dagster._`` modules and non-public attributes).

Dagster promises nothing about these between releases. Two speed-ups need them, and both can be done without:

- the event log keeps its SQLite connections open (``pipeline.event_log``): it subclasses Dagster's own SQLite
  event log and replaces the private method that opens a connection for every use;
- the IO manager hands a frame from memory to the later steps of the same run that read it
  (``pipeline.defs.resources.ParquetFrameIOManager``): only the run's execution plan says which steps those are.

When an upgrade has moved any of this, the project still runs: this module logs one warning naming what moved,
the event log behaves as Dagster's own (one connection per use, same files) and the IO manager reads every input
back from its Parquet file. ``tests/test_dagster_internals.py`` fails on such an upgrade and names what to update.
"""

from __future__ import annotations

import logging
import tempfile
from typing import Any

import dagster as dg

logger = logging.getLogger(__name__)

EVENT_LOG_FALLBACK = (
    "the event log is Dagster's own SqliteEventLogStorage, opening a connection for every use"
)
IO_MANAGER_FALLBACK = (
    "the IO manager holds no frame in memory and reads every input back from its Parquet file"
)

MOVED: dict[str, str] = {}
"""What an upgrade of Dagster moved, by name, with the fallback used instead of it; empty while nothing has."""
_warned: set[str] = set()


def _dagsters_own_sqlite_event_log() -> type:
    """The class of the event log Dagster gives a home with no ``event_log_storage`` setting, found through public
    API only (a throw-away ``DagsterInstance.local_temp()``; about a second). Used when the private import of
    ``SqliteEventLogStorage`` fails, so that ``.dagster_home/dagster.yaml`` still names a loadable class."""
    with tempfile.TemporaryDirectory() as home, dg.DagsterInstance.local_temp(home) as instance:
        return type(instance.event_log_storage)


# Dagster's SQLite event log (one database per run beside an index database), which pipeline.event_log subclasses.
# Private because Dagster exports no event log storage class, and a storage named in dagster.yaml must subclass its
# event log base class.
try:
    from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
except ImportError:
    MOVED["SqliteEventLogStorage"] = EVENT_LOG_FALLBACK
    SqliteEventLogStorage = _dagsters_own_sqlite_event_log()

# How long a connection of Dagster's SQLite storages waits for a locked database: the kept-open connections wait
# as long as Dagster's own.
try:
    from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS
except ImportError:
    MOVED["SQLITE_BUSY_TIMEOUT_SECONDS"] = EVENT_LOG_FALLBACK
    SQLITE_BUSY_TIMEOUT_SECONDS = 30

# The (step, output) pair by which a step input of an execution plan names the output it loads: steps_reading
# compares them with the output being stored.
try:
    from dagster._core.execution.plan.outputs import StepOutputHandle
except ImportError:
    MOVED["StepOutputHandle"] = IO_MANAGER_FALLBACK
    StepOutputHandle = None

SQLITE_EVENT_LOG_METHODS = ("_connect", "_initdb", "conn_string_for_shard")
"""The methods of ``SqliteEventLogStorage`` the pooled event log overrides or calls: ``_connect(shard)`` (a context
manager yielding a connection in a transaction), ``_initdb(engine)`` (creates a database's tables) and
``conn_string_for_shard(shard)``."""

SQLITE_EVENT_LOG_STATE = ("_db_lock", "_initialized_dbs")
"""The attributes its ``__init__`` sets that the pooled event log uses: the lock every connection is used under and
the set of databases already initialised."""

for _method in SQLITE_EVENT_LOG_METHODS:
    if not hasattr(SqliteEventLogStorage, _method):
        MOVED[f"SqliteEventLogStorage.{_method}"] = EVENT_LOG_FALLBACK

POOLED_EVENT_LOG = EVENT_LOG_FALLBACK not in MOVED.values()
"""Whether the event log may keep its connections open: every private name it needs was found."""

HOLDS_FRAMES = IO_MANAGER_FALLBACK not in MOVED.values()
"""Whether the IO manager may hold frames for the later steps of a run: ``StepOutputHandle`` was found."""


def pools_connections(storage: Any) -> bool:
    """Whether the pooled event log may replace ``storage``'s ``_connect``: the private names were found at import
    and ``SqliteEventLogStorage.__init__`` still sets the attributes named in ``SQLITE_EVENT_LOG_STATE``."""
    if not POOLED_EVENT_LOG:
        return False
    missing = [name for name in SQLITE_EVENT_LOG_STATE if not hasattr(storage, name)]
    if missing:
        _fall_back(f"SqliteEventLogStorage's {', '.join(missing)}", EVENT_LOG_FALLBACK)
    return not missing


def steps_reading(context: dg.OutputContext) -> set[str]:
    """The keys of the steps of this run that load this output; none outside a run, or when Dagster moved the
    execution plan's API (then nothing is held and every input is read back from its file).

    Walks the run's execution plan, reached through the non-public ``OutputContext.step_context``:
    ``execution_plan.get_steps_to_execute_in_topo_order()``, each step's ``key`` and ``step_inputs``, and each
    input's ``get_step_output_handle_dependencies()``, compared with ``StepOutputHandle(step_key, output name)``.
    No public API says which steps of a run read an output."""
    if StepOutputHandle is None:
        return set()
    try:
        plan = context.step_context.execution_plan
    except dg.DagsterInvariantViolationError:
        return set()
    except AttributeError as error:
        _fall_back("OutputContext.step_context.execution_plan", IO_MANAGER_FALLBACK, error)
        return set()
    try:
        handle = StepOutputHandle(context.step_key, context.name)
        return {
            step.key
            for step in plan.get_steps_to_execute_in_topo_order()
            for step_input in step.step_inputs
            if handle in step_input.get_step_output_handle_dependencies()
        }
    except (AttributeError, TypeError) as error:
        _fall_back("the execution plan's steps and inputs", IO_MANAGER_FALLBACK, error)
        return set()


def loading_run_id(context: dg.InputContext) -> str | None:
    """The id of the run loading this input; None for a context built outside a run (``dg.build_input_context``).
    Wraps the non-public ``InputContext.step_context.run_id`` (an input context has no public run id); None too
    when Dagster moved it, so that the IO manager reads the input from its file."""
    try:
        return context.step_context.run_id
    except dg.DagsterInvariantViolationError:
        return None
    except AttributeError as error:
        _fall_back("InputContext.step_context.run_id", IO_MANAGER_FALLBACK, error)
        return None


def loading_step(context: dg.InputContext) -> str | None:
    """The key of the step loading this input, as ``steps_reading`` names it. Wraps the non-public
    ``InputContext.step_context.step.key``; called only for frames ``steps_reading`` found readers of. When Dagster
    moved it, None: the frame is then held until the next run instead of until its last reader."""
    try:
        return context.step_context.step.key
    except AttributeError as error:
        _fall_back("InputContext.step_context.step.key", IO_MANAGER_FALLBACK, error)
        return None


IMMEDIATE_RUN_COORDINATOR = {"module": "dagster._core.run_coordinator", "class": "DefaultRunCoordinator"}
"""The ``run_coordinator`` setting of an instance that launches each run at once, with no daemon (the UI tests'
instance). Dagster's default is the queued coordinator, and this one has no public module."""


def _fall_back(what: str, fallback: str, error: Exception | None = None) -> None:
    """Log, once per process, that Dagster moved ``what`` (with the ``error`` that said so) and which fallback is
    used instead."""
    if what in _warned:
        return
    _warned.add(what)
    logger.warning(
        "Dagster %s moved %s%s: %s. Update pipeline/dagster_internals.py (tests/test_dagster_internals.py says what).",
        dg.__version__,
        what,
        f" ({error})" if error else "",
        fallback,
    )


if MOVED:
    _fall_back(", ".join(MOVED), "; ".join(dict.fromkeys(MOVED.values())))
