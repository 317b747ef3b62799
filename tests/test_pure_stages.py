"""Stage modules are pure: the incremental machinery (stores, file index, worker pool, texts read back) lives in
``pipeline.incremental``, whose plans run each stage, and an edit to a plan redoes only the stages it runs."""

from __future__ import annotations

import shutil

import pytest

from pipeline.incremental import keys
from pipeline.incremental.keys import PACKAGE, STAGES, import_graph, stage_fingerprint

STAGE_MODULES = {
    "ingest": "pipeline.ingest",
    "clean": "pipeline.clean.stage",
    "entities": "pipeline.entities.stage",
    "engagements": "pipeline.engagements.extract",
}
MACHINERY = {"pipeline.parallel"} | {
    name for name in keys.modules() if name.startswith("pipeline.incremental.")
}


@pytest.mark.parametrize("module", STAGE_MODULES.values())
def test_a_stage_module_imports_none_of_the_incremental_machinery(module):
    """Only ``content_key`` (how content is keyed) may come from ``pipeline.cache``; no store, pool or plan."""
    imported = import_graph()[module]
    assert not imported & MACHINERY, f"{module} imports {imported & MACHINERY}"
    source = keys.modules()[module].read_text(encoding="utf-8")
    cache_imports = [line for line in source.splitlines() if line.startswith("from pipeline.cache import")]
    assert cache_imports in ([], ["from pipeline.cache import content_key"])


def test_each_stage_is_keyed_by_its_plan_which_runs_its_stage_module():
    graph = import_graph()
    for stage, module in STAGE_MODULES.items():
        assert STAGES[stage].module == f"pipeline.incremental.plans.{stage}"
        assert module in keys.dependencies([STAGES[stage].module], graph)


@pytest.mark.parametrize(
    ("plan", "moved"),
    [
        ("ingest", {"ingest"}),
        ("clean", {"clean", "entities", "engagements"}),
        ("entities", {"entities", "engagements"}),
        ("engagements", {"engagements"}),
    ],
)
def test_an_edit_to_a_plan_redoes_the_stage_it_runs_and_those_that_read_its_results(tmp_path, plan, moved):
    package = tmp_path / "pipeline"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = {stage: stage_fingerprint(stage, package) for stage in STAGES}
    path = package / "incremental" / "plans" / f"{plan}.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after = {stage: stage_fingerprint(stage, package) for stage in STAGES}
    assert {stage for stage in STAGES if before[stage] != after[stage]} == moved
