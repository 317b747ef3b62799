"""Dagster's SQLite event log, with its database connections kept open between events.

Dagster's ``SqliteEventLogStorage`` opens and closes a SQLite engine for every event it stores, and a build stores
about 150 events (steps, inputs, outputs, materialisations, check evaluations), some of them twice. That costs
10 to 15 ms an event on this machine: 1.4 to 2.3 s of every build, however few articles it adds. Keeping one engine
per database open takes it to 0.5 to 0.9 s. The layout, tables and journal mode are Dagster's own, so the Dagster UI,
the daemon and ``dagster`` commands read and write the same files as before.

``.dagster_home/dagster.yaml`` names this class as the instance's event log storage. The Dagster internals it relies
on come from ``pipeline.dagster_internals``; when an upgrade has moved them, this class still loads and behaves as
Dagster's own event log.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from dagster import Field, StringSource
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection, Engine

from pipeline import dagster_internals
from pipeline.dagster_internals import SQLITE_BUSY_TIMEOUT_SECONDS, SqliteEventLogStorage

OPEN_DATABASES = 8
"""Engines kept open at most: the index database and the latest runs' databases (one per run). The UI reads many
runs' databases; the least recently used engine is closed beyond this."""


class PooledSqliteEventLogStorage(SqliteEventLogStorage):
    """``SqliteEventLogStorage`` that keeps an engine (a pool of connections) open per database file.

    Every use of a connection still holds the storage's lock and runs in a transaction of its own, as Dagster's
    does; only the opening and closing of the engine around each use is gone. ``base_dir`` defaults to where
    Dagster keeps event logs under ``DAGSTER_HOME`` (``history/runs``). Where ``pipeline.dagster_internals`` found
    that an upgrade moved what this relies on, no engine is kept and every connection is Dagster's own.
    """

    def __init__(self, base_dir: str | None = None, inst_data: Any = None):
        self._engines: OrderedDict[str, Engine] = OrderedDict()
        super().__init__(base_dir or _default_base_dir(), inst_data)

    @classmethod
    def config_type(cls) -> dict:
        return {"base_dir": Field(StringSource, is_required=False)}

    @classmethod
    def from_config_value(cls, inst_data: Any, config_value: dict) -> PooledSqliteEventLogStorage:
        return cls(inst_data=inst_data, **config_value)

    def _connect(self, shard: str) -> AbstractContextManager[Connection]:
        if not dagster_internals.pools_connections(self):
            return super()._connect(shard)
        return self._pooled_connection(shard)

    @contextmanager
    def _pooled_connection(self, shard: str) -> Iterator[Connection]:
        with self._db_lock, self._engine(shard).connect() as connection, connection.begin():
            yield connection

    def _engine(self, shard: str) -> Engine:
        """The open engine of ``shard``'s database, created (and the database initialised) on first use."""
        engine = self._engines.pop(shard, None)
        if engine is None:
            engine = create_engine(
                self.conn_string_for_shard(shard), connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS}
            )
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
        self._engines[shard] = engine
        while len(self._engines) > OPEN_DATABASES:
            self._engines.popitem(last=False)[1].dispose()
        return engine

    def wipe(self) -> None:
        """Close every engine before Dagster deletes the run databases, so none writes to a deleted file."""
        self._close_engines()
        super().wipe()

    def dispose(self) -> None:
        self._close_engines()
        super().dispose()

    def _close_engines(self) -> None:
        if not self._engines:  # none was opened (nothing to close, or Dagster's own connections are in use)
            return
        with self._db_lock:
            while self._engines:
                self._engines.popitem()[1].dispose()


def _default_base_dir() -> str:
    home = os.environ.get("DAGSTER_HOME")
    if not home:
        raise ValueError("PooledSqliteEventLogStorage needs base_dir in its config or DAGSTER_HOME set")
    return str(Path(home) / "history" / "runs")
