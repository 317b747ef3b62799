"""Which code each stage's per-article results depend on, and the version that keys each stage's store.

A stage's store is keyed by a fingerprint of the modules that stage runs (its plan, which imports its stage
module, and every module of ``pipeline/`` they import, directly or not, with the packages that hold them) and of
the data files those modules read, so that a change to an engagement rule redoes engagement extraction only, and
a change to cleaning redoes cleaning and the stages that read its results. The import graph is read from the source, not from the
interpreter: editing a module changes the keys of exactly the stages that would run it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.settings import PIPELINE_VERSION, library_fingerprint

PACKAGE = Path(__file__).resolve().parent.parent
"""The ``pipeline`` package folder, whose modules and data files the fingerprints hash."""

DATA_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})


@dataclass(frozen=True)
class Stage:
    """A stage that keeps per-article results: its plan (``pipeline.incremental.plans``), which imports the stage
    module that computes them, so that both, and the store and pool the plan runs them with, key the results; the
    stages whose results it reads beyond what its cache key says (so their code shapes its results too); and
    whether the spaCy model does."""

    module: str
    reads_results_of: tuple[str, ...] = ()
    uses_spacy_model: bool = False


STAGES: dict[str, Stage] = {
    "ingest": Stage("pipeline.incremental.plans.ingest"),
    # keyed by the title and raw text, all that cleaning reads of ingest's results
    "clean": Stage("pipeline.incremental.plans.clean"),
    # keyed by the cleaned text; also reads clean's sentence boundaries
    "entities": Stage("pipeline.incremental.plans.entities", ("clean",), uses_spacy_model=True),
    # keyed by the cleaned text, date and linked people; also reads the sentences and every entity mention
    "engagements": Stage("pipeline.incremental.plans.engagements", ("clean", "entities")),
}

DATA_OWNERS: dict[str, str] = {
    "data": "pipeline.countries",
    "engagements/data": "pipeline.engagements.lexicon",
    "entities/lexicon": "pipeline.entities.lexicon",
}
"""The module that reads the data files of each folder (relative to the package). A data file in a folder not
named here is taken to be read by every module of the package that holds it."""

_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)|import[ \t]+([^\n#]*))",
    re.MULTILINE,
)
"""An import statement, read from the source with a regular expression (a tenth of the time ``ast`` takes): a
line in a docstring that looks like an import only adds a module to a stage's dependencies, never removes one."""


def modules(package: Path | None = None) -> dict[str, Path]:
    """Every module of ``package`` (default ``PACKAGE``) by dotted name (a package by its own name, for its
    ``__init__.py``)."""
    package = package or PACKAGE
    found = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package).with_suffix("").parts
        if "__pycache__" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join((package.name, *parts))] = path
    return found


def imports(name: str, source: str, known: Iterable[str], *, is_package: bool = False) -> set[str]:
    """The modules of ``known`` that the source of module ``name`` (a package's ``__init__.py`` if
    ``is_package``) imports, with the packages that hold them."""
    known = set(known)
    found = set()
    for base, names, plain in _IMPORT.findall(source):
        if plain:
            found |= {alias.split()[0] for alias in plain.split(",") if alias.strip()}
            continue
        level = len(base) - len(base.lstrip("."))
        if level:
            anchor = name.split(".")
            anchor = anchor if is_package else anchor[:-1]
            anchor = anchor[: len(anchor) - (level - 1)]
            base = ".".join([*anchor, base.lstrip(".")]).rstrip(".")
        found.add(base)
        found |= {f"{base}.{alias.split()[0]}" for alias in names.strip("()").split(",") if alias.strip()}
    return {parent for module in found for parent in _with_parents(module) if parent in known}


def _with_parents(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def import_graph(package: Path | None = None) -> dict[str, set[str]]:
    """Each module of ``package`` (default ``PACKAGE``) with the modules of it that it imports (and the packages
    that hold them)."""
    found = modules(package)
    return {
        name: imports(name, path.read_text(encoding="utf-8"), found, is_package=path.name == "__init__.py")
        for name, path in found.items()
    }


def dependencies(roots: Iterable[str], graph: dict[str, set[str]]) -> frozenset[str]:
    """``roots``, their packages and every module they import, directly or not."""
    todo = [parent for root in roots for parent in _with_parents(root) if parent in graph]
    seen: set[str] = set()
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += graph[module] - seen
    return frozenset(seen)


def stage_modules(stage: str, graph: dict[str, set[str]]) -> frozenset[str]:
    """The modules whose code shapes ``stage``'s results: its own and those of the stages whose results it reads."""
    spec = STAGES[stage]
    return dependencies([spec.module], graph).union(
        *(stage_modules(upstream, graph) for upstream in spec.reads_results_of)
    )


def uses_spacy_model(stage: str) -> bool:
    spec = STAGES[stage]
    return spec.uses_spacy_model or any(uses_spacy_model(upstream) for upstream in spec.reads_results_of)


def data_files(names: Iterable[str], package: Path | None = None) -> list[Path]:
    """The data files under ``package`` (default ``PACKAGE``) read by the modules ``names`` (see ``DATA_OWNERS``)."""
    package = package or PACKAGE
    names = set(names)
    found = modules(package)
    files = []
    for path in package.rglob("*"):
        if (
            path.suffix not in DATA_SUFFIXES
            or not path.is_file()
            or "defs" in path.relative_to(package).parts
        ):
            continue
        folder = path.parent.relative_to(package).as_posix()
        owner = DATA_OWNERS.get(folder)
        if owner is not None:
            readers = {owner}
        else:
            home = next(parent for parent in path.parents if (parent / "__init__.py").exists())
            readers = {name for name, module in found.items() if module.parent == home}
        if readers & names:
            files.append(path)
    return files


def fingerprint(names: Iterable[str], *, spacy_model: bool, package: Path | None = None) -> str:
    """Hash of the source of the modules ``names``, the data files they read and, if ``spacy_model``, the
    configured spaCy model."""
    package = package or PACKAGE
    found = modules(package)
    model = os.environ.get("BILATERAL_SPACY_MODEL", "") if spacy_model else ""
    digest = hashlib.sha256(model.encode())
    for path in sorted({found[name] for name in names} | set(data_files(names, package))):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def stage_fingerprint(
    stage: str, package: Path | None = None, graph: dict[str, set[str]] | None = None
) -> str:
    """The fingerprint of the code and data ``stage``'s results depend on, in ``package`` (default ``PACKAGE``),
    whose import ``graph`` is read if not given."""
    graph = import_graph(package) if graph is None else graph
    return fingerprint(stage_modules(stage, graph), spacy_model=uses_spacy_model(stage), package=package)


@functools.cache
def stage_version(stage: str) -> str:
    """What ``stage``'s per-article store is keyed by: the release, the fingerprint of the code the stage depends
    on and that of the releases of the libraries that shape results. Once per process."""
    return f"{PIPELINE_VERSION}-{stage_fingerprint(stage, graph=_package_graph())}-{library_fingerprint()}"


@functools.cache
def module_version(module: str) -> str:
    """As ``stage_version``, for what one module builds and keeps (``pipeline.cache.kept_as_json``): the release,
    the fingerprint of the module, the modules it imports and their data files, and the library fingerprint."""
    code = fingerprint(dependencies([module], _package_graph()), spacy_model=False)
    return f"{PIPELINE_VERSION}-{code}-{library_fingerprint()}"


@functools.cache
def _package_graph() -> dict[str, set[str]]:
    """The import graph of ``PACKAGE``, read once per process for every stage's version."""
    return import_graph()
