"""Each stage's store is keyed by the code that stage depends on: an edit redoes only the stages it touches."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from pipeline import settings
from pipeline.incremental import keys
from pipeline.incremental.keys import (
    DATA_OWNERS,
    DATA_SUFFIXES,
    PACKAGE,
    STAGES,
    import_graph,
    module_version,
    stage_fingerprint,
    stage_modules,
    stage_version,
)

EVERY_STAGE = set(STAGES)
EXTRACTION = {"entities", "engagements"}


@pytest.fixture
def package(tmp_path) -> Path:
    """A copy of the ``pipeline`` package to edit."""
    copy = tmp_path / "pipeline"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def fingerprints(package: Path) -> dict[str, str]:
    return {stage: stage_fingerprint(stage, package) for stage in STAGES}


def stages_moved_by(package: Path, relative_path: str, edit=lambda text: text + "\n# edited\n") -> set[str]:
    before = fingerprints(package)
    path = package / relative_path
    path.write_text(edit(path.read_text(encoding="utf-8") if path.exists() else ""), encoding="utf-8")
    after = fingerprints(package)
    return {stage for stage in STAGES if before[stage] != after[stage]}


@pytest.mark.parametrize(
    ("edited", "moved"),
    [
        ("engagements/anchors.py", {"engagements"}),
        ("engagements/attributes.py", {"engagements"}),
        ("engagements/lexicon.py", {"engagements"}),
        ("engagements/extract.py", {"engagements"}),
        ("engagements/__init__.py", {"engagements"}),
        ("engagements/data/heads.tsv", {"engagements"}),
        ("dates/events.py", {"ingest", *EXTRACTION}),
        ("dates/grammar.py", {"ingest", *EXTRACTION}),
        ("entities/people.py", EXTRACTION),
        ("entities/lexicon/role_heads.txt", EXTRACTION),
        ("entities/stage.py", EXTRACTION),
        ("persons.py", EXTRACTION),
        ("countries.py", EXTRACTION),
        ("data/gazetteer_additions.csv", EXTRACTION),
        ("clean/sentences.py", {"clean", *EXTRACTION}),
        ("clean/unicode.py", {"clean", *EXTRACTION}),
        ("dedup.py", {"clean", *EXTRACTION}),
        ("ingest.py", {"ingest"}),
        ("texts.py", {"ingest", *EXTRACTION}),
        ("cache.py", EVERY_STAGE),
        ("parallel.py", {"clean", *EXTRACTION}),
        ("incremental/store.py", EVERY_STAGE),
        ("incremental/keys.py", EVERY_STAGE),
        ("incremental/files.py", {"ingest"}),
        ("incremental/workers.py", {"clean", *EXTRACTION}),
        ("incremental/runner.py", set()),
        ("fusion.py", set()),
        ("warehouse.py", set()),
        ("invariants.py", set()),
        ("cli.py", set()),
        ("defs/resources.py", set()),
        ("data/README.md", set()),
    ],
)
def test_an_edit_moves_the_keys_of_exactly_the_stages_that_depend_on_it(package, edited, moved):
    assert stages_moved_by(package, edited) == moved


def test_a_new_module_counts_once_a_stage_imports_it(package):
    assert stages_moved_by(package, "engagements/rules.py", lambda _: "RULES = ()\n") == set()
    assert stages_moved_by(
        package, "engagements/anchors.py", lambda text: "from .rules import RULES\n" + text
    ) == {"engagements"}
    assert stages_moved_by(package, "engagements/rules.py", lambda text: text + "MORE = ()\n") == {
        "engagements"
    }


def test_a_new_word_list_counts_for_the_stages_whose_package_holds_it(package):
    (package / "engagements" / "extra").mkdir()
    assert stages_moved_by(package, "engagements/extra/words.txt", lambda _: "talks\n") == {"engagements"}


def test_the_spacy_model_keys_the_stages_that_read_its_results(package, monkeypatch):
    before = fingerprints(package)
    monkeypatch.setenv("BILATERAL_SPACY_MODEL", "en_core_web_md")
    after = fingerprints(package)
    assert {stage for stage in STAGES if before[stage] != after[stage]} == EXTRACTION


def test_every_stage_version_carries_the_release_and_the_library_fingerprint():
    for stage in STAGES:
        version = stage_version(stage)
        assert version.startswith(f"{settings.PIPELINE_VERSION}-")
        assert version.endswith(f"-{settings.library_fingerprint()}")
    assert len({stage_version(stage) for stage in STAGES}) == len(STAGES)


def test_the_import_graph_read_from_the_source_holds_every_import_the_parser_finds():
    """The regular expression may see more imports than there are (a docstring line), never fewer."""
    graph = import_graph()
    known = set(graph)
    for name, path in keys.modules().items():
        parsed = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                parsed |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                    base = ".".join([*anchor[: len(anchor) - node.level + 1], *filter(None, [base])])
                parsed |= {base, *(f"{base}.{alias.name}" for alias in node.names)}
        missing = {module for module in parsed if module in known} - graph[name]
        assert not missing, f"{name} imports {missing}, which the graph misses"


def test_the_stages_depend_on_the_modules_they_run_and_nothing_of_the_corpus_wide_steps():
    graph = import_graph()
    assert "pipeline.engagements.anchors" in stage_modules("engagements", graph)
    assert "pipeline.entities.people" in stage_modules("engagements", graph)
    for stage in ("ingest", "clean", "entities"):
        assert not {m for m in stage_modules(stage, graph) if m.startswith("pipeline.engagements")}
    assert "pipeline.dates" not in stage_modules("clean", graph)  # the one date grammar: ingest, entities, engagements
    for stage in STAGES:
        assert not {m for m in stage_modules(stage, graph) if m.startswith("pipeline.defs")}
        assert {"pipeline.fusion", "pipeline.warehouse", "pipeline.cli"}.isdisjoint(
            stage_modules(stage, graph)
        )


def test_every_data_file_has_a_declared_reader_that_names_its_folder():
    undeclared = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.suffix in DATA_SUFFIXES
        and "defs" not in path.relative_to(PACKAGE).parts
        and path.parent.relative_to(PACKAGE).as_posix() not in DATA_OWNERS
    ]
    assert not undeclared, (
        f"declare the module that reads {undeclared} in pipeline.incremental.keys.DATA_OWNERS"
    )
    modules = keys.modules()
    for folder, owner in DATA_OWNERS.items():
        source = modules[owner].read_text(encoding="utf-8")
        own_folder = modules[owner].parent.relative_to(PACKAGE).as_posix()
        assert folder == own_folder or Path(folder).name in source, (folder, owner)


def test_what_a_module_keeps_is_keyed_by_that_module_s_code_only(package):
    """The gazetteer and the MinHash permutations (``cache.kept_as_json``) are not built again for a rule edit."""

    def versions() -> dict[str, str]:
        graph = import_graph(package)
        return {
            module: keys.fingerprint(keys.dependencies([module], graph), spacy_model=False, package=package)
            for module in ("pipeline.countries", "pipeline.dedup")
        }

    before = versions()
    for edited in ("engagements/anchors.py", "entities/people.py", "clean/sentences.py", "dates/events.py"):
        path = package / edited
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert versions() == before
    (package / "data" / "gazetteer_additions.csv").write_text("text,kind\n", encoding="utf-8")
    assert versions()["pipeline.countries"] != before["pipeline.countries"]
    assert versions()["pipeline.dedup"] == before["pipeline.dedup"]
    assert module_version("pipeline.countries").endswith(f"-{settings.library_fingerprint()}")


def test_the_runner_keeps_each_stage_s_results_under_that_stage_s_version(tmp_path):
    from pipeline.incremental.runner import SCHEMAS, IncrementalRunner

    runner = IncrementalRunner(tmp_path)
    assert set(SCHEMAS) == set(STAGES)
    for stage in STAGES:
        assert runner.store(stage).root == tmp_path / stage / stage_version(stage)
