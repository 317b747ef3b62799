"""One build at a time per warehouse: a second build waits for the first, or with --no-wait exits 3; either way
the warehouse is exactly one build's result. Tested with real `bilateral build` processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipeline.build_lock import BuildLocked, holding_build_lock
from pipeline.warehouse import connect_read_only

ARTICLE = " date 2024-03-0{day}\nIndia and Japan held talks in Tokyo on Monday. The {n}th round of talks ended.\n"


def inputs(folder: Path, n_files: int) -> Path:
    folder.mkdir(parents=True)
    for n in range(n_files):
        (folder / f"article_{n}.txt").write_text(ARTICLE.format(day=n + 1, n=n + 4), encoding="utf-8")
    return folder


def start_build(input_folder: Path, warehouse: Path, tmp_path: Path, *flags: str) -> subprocess.Popen:
    env = os.environ | {"DAGSTER_HOME": str(tmp_path / "dagster_home"), "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("BILATERAL_STORAGE", None)
    (tmp_path / "dagster_home").mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "build", "--input", str(input_folder), "--warehouse", str(warehouse),
         *flags],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def test_a_build_asked_not_to_wait_exits_3_while_another_build_holds_the_warehouse(tmp_path):
    warehouse = tmp_path / "w" / "warehouse.duckdb"
    with holding_build_lock(warehouse.parent / "cache", "the test's own build"):
        build = start_build(inputs(tmp_path / "a", 1), warehouse, tmp_path, "--no-wait")
        output = " ".join(build.communicate(timeout=120)[0].split())

    assert build.returncode == 3
    assert "the test's own build" in output and "--no-wait" in output
    assert not warehouse.exists()


def test_a_lock_held_elsewhere_refuses_a_build_that_will_not_wait(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from pipeline.build_lock import holding_build_lock\n"
         f"with holding_build_lock(Path({str(tmp_path / 'cache')!r}), 'a process of the test'):\n"
         "    print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        try:
            with holding_build_lock(tmp_path / "cache", "this process", wait=False):
                raise AssertionError("took a lock another process holds")
        except BuildLocked as error:
            assert "a process of the test" in str(error)
    finally:
        holder.kill()
        holder.wait()
    with holding_build_lock(tmp_path / "cache", "this process", wait=False):
        pass  # the dead holder's lock was released by the OS


def test_two_builds_of_one_warehouse_run_one_after_the_other_and_the_last_one_wins_whole(tmp_path):
    warehouse = tmp_path / "w" / "warehouse.duckdb"
    first_input, second_input = inputs(tmp_path / "first", 1), inputs(tmp_path / "second", 3)

    with holding_build_lock(warehouse.parent / "cache", "the test, so the first build starts first"):
        first = start_build(first_input, warehouse, tmp_path)
        waited = ""  # the first build's output up to its "Waiting" line (its start-up time varies with load)
        while "Waiting" not in waited and (line := first.stdout.readline()):
            waited += line
    second = start_build(second_input, warehouse, tmp_path)
    first_output, _ = first.communicate(timeout=300)
    second_output, _ = second.communicate(timeout=300)
    first_output = waited + first_output

    assert (first.returncode, second.returncode) == (0, 0), first_output + second_output
    assert "Waiting" in first_output
    with connect_read_only(warehouse) as connection:
        [(built_from,)] = connection.execute("SELECT input_folder FROM build_info").fetchall()
        sources = {row[0] for row in connection.execute("SELECT source_file FROM articles").fetchall()}
    built_folder = Path(built_from)
    assert built_folder in (first_input, second_input)
    assert sources == {path.name for path in built_folder.iterdir()}
