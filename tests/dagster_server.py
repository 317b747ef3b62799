"""A real Dagster webserver for end-to-end tests: started on a free port, driven through its GraphQL API.

The instance lives in a throw-away DAGSTER_HOME whose runs are launched at once (DefaultRunCoordinator), so no
daemon is needed, and whose event log is the project's (pipeline.event_log), so the UI is tested on it. The server
runs in a scratch working directory because Dagster loads the `.env` of its working directory over the
environment, and the project's `.env` would point DAGSTER_HOME back at the project.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from pipeline.dagster_internals import IMMEDIATE_RUN_COORDINATOR

IMMEDIATE_LAUNCH_INSTANCE = f"""\
telemetry:
  enabled: false
run_coordinator:
  module: {IMMEDIATE_RUN_COORDINATOR["module"]}
  class: {IMMEDIATE_RUN_COORDINATOR["class"]}
event_log_storage:
  module: pipeline.event_log
  class: PooledSqliteEventLogStorage
"""

LAUNCH_RUN = """
mutation LaunchRun($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) {
    __typename
    ... on LaunchRunSuccess { run { runId status } }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on PythonError { message stack }
    ... on Error { message }
  }
}
"""

RUN_STATUS = """
query RunStatus($runId: ID!) {
  runOrError(runId: $runId) {
    __typename
    ... on Run { status }
    ... on PythonError { message }
    ... on Error { message }
  }
}
"""

RUN_FAILURES = """
query RunFailures($runId: ID!) {
  logsForRun(runId: $runId) {
    ... on EventConnection {
      events {
        __typename
        ... on MessageEvent { message stepKey }
        ... on ExecutionStepFailureEvent { error { message cause { message } } }
        ... on RunFailureEvent { error { message } }
      }
    }
  }
}
"""

LOCATION_STATUS = """
query LocationStatus {
  workspaceOrError {
    ... on Workspace {
      locationEntries {
        name
        loadStatus
        locationOrLoadError {
          __typename
          ... on RepositoryLocation { repositories { name jobs { name } } }
          ... on PythonError { message }
        }
      }
    }
  }
}
"""

FINISHED_STATUSES = {"SUCCESS", "FAILURE", "CANCELED"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class DagsterWebserver:
    url: str
    log_file: Path

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        request = urllib.request.Request(
            f"{self.url}/graphql",
            data=json.dumps({"query": query, "variables": variables or {}}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
        assert not answer.get("errors"), answer["errors"]
        return answer["data"]

    def location(self, name: str) -> dict:
        """The code location ``name`` as the webserver loaded it (its repositories, or its load error)."""
        entries = self.graphql(LOCATION_STATUS)["workspaceOrError"]["locationEntries"]
        (entry,) = [entry for entry in entries if entry["name"] == name]
        return entry["locationOrLoadError"]

    def skip_welcome_dialog(self) -> None:
        """Mark the instance's community sign-up dialog as seen, so it does not cover the UI."""
        assert self.graphql("mutation { setNuxSeen }")["setNuxSeen"]

    def launch_job(self, job_name: str, location: str, run_config: dict | None = None) -> str:
        """Launch a run of ``job_name`` and return its run id."""
        params = {
            "selector": {
                "repositoryLocationName": location,
                "repositoryName": "__repository__",
                "jobName": job_name,
            },
            "runConfigData": run_config or {},
        }
        launched = self.graphql(LAUNCH_RUN, {"executionParams": params})["launchRun"]
        assert launched["__typename"] == "LaunchRunSuccess", launched
        return launched["run"]["runId"]

    def wait_for_run(self, run_id: str, timeout: float) -> str:
        """Poll the run until it finishes; return its final status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            run = self.graphql(RUN_STATUS, {"runId": run_id})["runOrError"]
            assert run["__typename"] == "Run", run
            if run["status"] in FINISHED_STATUSES:
                return run["status"]
            time.sleep(2)
        raise TimeoutError(f"run {run_id} did not finish within {timeout} s")

    def failure_messages(self, run_id: str) -> list[str]:
        """Error messages of a failed run, for assertion output."""
        events = self.graphql(RUN_FAILURES, {"runId": run_id})["logsForRun"].get("events", [])
        return [
            f"{event.get('stepKey')}: {event['message']} {event.get('error') or ''}"
            for event in events
            if event["__typename"] in {"ExecutionStepFailureEvent", "RunFailureEvent"}
        ]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@contextmanager
def running_webserver(
    workspace: Path, scratch: Path, env: dict[str, str], startup_timeout: float = 120
) -> Iterator[DagsterWebserver]:
    """Serve ``workspace`` with a fresh instance under ``scratch``; ``env`` adds to the environment."""
    home = scratch / "dagster_home"
    home.mkdir(parents=True)
    (home / "dagster.yaml").write_text(IMMEDIATE_LAUNCH_INSTANCE)
    workdir = scratch / "workdir"
    workdir.mkdir()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_file = scratch / "webserver.log"
    command = [
        sys.executable,
        "-m",
        "dagster_webserver",
        "-h",
        "127.0.0.1",
        "-p",
        str(port),
        "-w",
        str(workspace),
    ]
    environment = {**os.environ, **env, "DAGSTER_HOME": str(home), "PWD": str(workdir)}
    with log_file.open("wb") as log:
        server = subprocess.Popen(
            command,
            cwd=workdir,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + startup_timeout
        while not _answers(f"{url}/server_info"):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"webserver did not start; log:\n{log_file.read_text()[-4000:]}")
            time.sleep(1)
        yield DagsterWebserver(url=url, log_file=log_file)
    finally:
        _stop(server)


def _stop(server: subprocess.Popen) -> None:
    """Stop the webserver and whatever it started (code server, run workers): they share its process group."""
    try:
        os.killpg(server.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    with suppress(subprocess.TimeoutExpired):
        server.wait(timeout=15)
    with suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=5)
