"""CPU seconds per build step on a generated corpus: a profile that a busy machine does not distort much.

Wall time moves by a third when other work shares the cores; CPU time (user + sys, of this process and every
worker) moves far less. The steps run as their assets run them (the stage through ``IncrementalRunner`` on an empty
store, then the corpus-wide work and the frame checks), without Dagster, so each one's CPU is its own::

    uv run python -m benchmarks.stage_cpu --articles 8000 --workers 1
    uv run python -m benchmarks.stage_cpu --articles 8000 --workers 1 --profile /tmp/stages  # cProfile per step

The corpus is generated once per size and seed (the default mix of ``benchmarks.run``, 25% diplomatic news) under
``--workdir``; each run gets a fresh store and warehouse there. ``--workers 1`` runs every batch in this process
(no pool), which ``--profile`` needs; with more workers, a worker's CPU counts while the pool holds it.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import polars as pl
import psutil

from corpusgen import generate_corpus


def tree_cpu() -> float:
    """CPU seconds (user + sys) of this process, its finished children and every live descendant."""
    me = psutil.Process()
    total = sum(me.cpu_times()[:4])
    for child in me.children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess):  # a worker that has just finished
            total += sum(child.cpu_times()[:4])
    return total


def run_steps(input_folder: Path, folder: Path, profile: Path | None) -> dict[str, tuple[float, float]]:
    """(CPU s, wall s) of each step of a build of ``input_folder`` with its store and warehouse in ``folder``."""
    from pipeline.countries import country_table
    from pipeline.dedup import find_duplicates
    from pipeline.defs.clean.checks import CLEAN_MODELS
    from pipeline.defs.extract.checks import (
        ENGAGEMENT_MODELS,
        ENTITY_MODELS,
        engagement_invariant_results,
        model_row_failures,
    )
    from pipeline.defs.quality import pandera_check_results
    from pipeline.fusion import EngagementsModel, fuse_engagements
    from pipeline.incremental.runner import IncrementalRunner
    from pipeline.persons import attach_person_ids, link_persons
    from pipeline.quarantine import quarantine_engagements
    from pipeline.warehouse import build_warehouse

    runner, steps = IncrementalRunner(folder / "storage"), {}

    def step(name: str, work: Callable):
        profiler = cProfile.Profile() if profile else None
        cpu, wall = tree_cpu(), time.perf_counter()
        if profiler:
            profiler.enable()
        result = work()
        if profiler:
            profiler.disable()
            profiler.dump_stats(f"{profile}.{name}.prof")
        steps[name] = (tree_cpu() - cpu, time.perf_counter() - wall)
        print(f"{name:22s} CPU {steps[name][0]:7.2f} s   wall {steps[name][1]:7.2f} s", flush=True)
        return result

    def clean():
        articles, sentences, signatures, _ = runner.clean(raw_articles)
        articles, duplicates = find_duplicates(articles, signatures=signatures)
        frames = {"articles": articles, "sentences": sentences, "article_duplicates": duplicates}
        list(pandera_check_results(CLEAN_MODELS, frames))
        return articles, sentences, duplicates

    def entities():
        entity_mentions, person_mentions, _ = runner.entities(canonical, sentences)
        persons, links = link_persons(person_mentions)
        entity_mentions = attach_person_ids(entity_mentions, links, persons)
        list(pandera_check_results(ENTITY_MODELS, {"entity_mentions": entity_mentions, "persons": persons}))
        return entity_mentions, persons

    def engagements():
        mentions, _ = runner.engagements(canonical, sentences, entity_mentions, persons)
        outcome = quarantine_engagements(
            *fuse_engagements(mentions), entity_mentions, EngagementsModel, date.today()
        )
        frames = {
            "engagements": outcome.engagements,
            "engagement_participants": outcome.participants,
            "engagement_evidence": outcome.evidence,
            "quarantined_engagements": outcome.quarantined,
        }
        quarantined = {"engagements": model_row_failures(outcome)}
        list(pandera_check_results(ENGAGEMENT_MODELS, frames, quarantined=quarantined))
        list(engagement_invariant_results(outcome))
        return frames

    def warehouse():
        frames = {
            "articles": articles,
            "rejected_inputs": rejected,
            "article_duplicates": duplicates,
            "sentences": sentences,
            "countries": country_table(),
            "entity_mentions": entity_mentions,
            "persons": persons,
            **fused,
        }
        info = {
            "pipeline_version": "profile",
            "input_folder": str(input_folder),
            "files_read": 0,
            "articles_accepted": articles.height,
            "inputs_rejected": rejected.height,
        }
        return build_warehouse(folder / "warehouse.duckdb", frames, info, runner.cleaned_texts())

    raw_articles, rejected, _ = step("raw_input", lambda: runner.ingest(input_folder))
    articles, sentences, duplicates = step("cleaned_articles", clean)
    canonical = articles.filter(pl.col("duplicate_of").is_null())
    entity_mentions, persons = step("entities", entities)
    fused = step("fused_engagements", engagements)
    step("bilateral_warehouse", warehouse)
    return steps


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=8_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=None, help="BILATERAL_WORKERS (default: every core)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bilateral-stage-cpu")
    parser.add_argument("--profile", type=Path, default=None, help="write <PROFILE>.<step>.prof (cProfile)")
    args = parser.parse_args(argv)
    if args.workers:
        os.environ["BILATERAL_WORKERS"] = str(args.workers)
    corpus = args.workdir / f"corpus-{args.articles}-mix0.25-seed{args.seed}"
    if not (corpus / "generated.json").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        corpus.mkdir(parents=True)
        summary = generate_corpus(args.articles, corpus, args.seed, mix=0.25)
        (corpus / "generated.json").write_text(json.dumps(summary))
    run_folder = args.workdir / "run"
    shutil.rmtree(run_folder, ignore_errors=True)
    steps = run_steps(corpus / "articles", run_folder, args.profile)
    cpu, wall = (sum(values) for values in zip(*steps.values(), strict=True))
    print(f"{'total':22s} CPU {cpu:7.2f} s   wall {wall:7.2f} s")


if __name__ == "__main__":
    main()
