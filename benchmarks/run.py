"""Benchmark: build synthetic corpora, run the real build on each, and measure speed, memory and accuracy.

    uv run python -m benchmarks.run [--sizes 1000 10000 100000] [--sample 2000] [--diplomatic-size 10000]
                                    [--workdir DIR] [--out benchmarks/results.md] [--seed 1]

Every corpus (``corpusgen``, default mix, plus one of diplomatic news only) is measured in a fresh process,
so one corpus's leftovers never count in the next one's memory:

* End to end is the ``build_warehouse`` job (every asset, with its checks) run as ``bilateral build`` runs it
  (``dg.execute_job``), with the input, warehouse and storage settings pointing at folders of the work
  directory. Per-stage wall times come from the run's step events. Peak memory is the resident set (RSS) of the
  process and its children (the pool workers), sampled every 0.2 s and attributed to each step's window; pages shared between processes count once per process, so it errs high.
  "Bytes/article" is the peak above the RSS just before the run, per input article: the figure that must stay
  flat as the corpus grows. Ingest, clean and checks count input articles and their raw words; the extract stages
  count canonical articles and their cleaned words.
* The naive baseline is the same functional path (ingest, clean, dedup, entities, persons, engagements, fusion)
  with the statistical model over every sentence (``prefilter=False``), run on the first ``--sample`` articles of
  the corpus in ingest order (the first lines of its JSON Lines files); the same path with the prefilter runs on
  the same sample. Both call the assets' functions (process pool; per-article cache, empty at the start), except
  for entities: ``extract_entities_with_stats`` on the pool, without a cache.
* On the largest corpus, the build is then rerun on unchanged input with the same storage (the warehouse must be
  identical, ``build_info.built_at`` aside), then after adding 100 newly generated articles (the first update after
  the full write), then after adding 100 more, as a daily feed would; each update three times from the same state
  (the median counts), each rerun in a fresh process, as a scheduled ``bilateral build`` runs. The Dagster home of
  these builds is in the run folder, configured by the project's ``dagster.yaml``.

Precision and recall of engagements against ``ground_truth.jsonl``: an engagement counts for every article of the
story its evidence comes from (``articles.story_id``), so a syndicated copy is credited with its original's
engagements, as its truth rows say, and a wrong duplicate merge costs both precision and recall. The matching key
is (article url, unordered country pair, engagement type, status), plus the start date when the truth has one
(a truth row without a date, e.g. "last week", matches whatever date was inferred). Both sides are sets of keys;
precision is the share of predicted keys matching a truth key, recall the share of truth keys matched by one.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from itertools import islice
from pathlib import Path
from unittest import mock

import dagster as dg
import duckdb
import polars as pl
import psutil

from benchmarks.report import (  # noqa: F401  (COLUMNS, GENERATED_END and write_results are read from here too)
    COLUMNS,
    GENERATED_END,
    console,
    machine,
    markdown,
    real_news_section,
    show,
    target_lines,
    write_results,
)
from corpusgen import generate_corpus
from pipeline.dedup import find_duplicates
from pipeline.definitions import defs
from pipeline.defs.jobs import build_warehouse_job
from pipeline.entities import extract_entities_with_stats
from pipeline.fusion import fuse_engagements
from pipeline.incremental.runner import IncrementalRunner
from pipeline.parallel import map_article_batches
from pipeline.persons import attach_person_ids, link_persons
from pipeline.settings import PROJECT_ROOT
from pipeline.texts import with_article_text
from pipeline.warehouse import connect_read_only, previous_file
from pipeline.warehouse_content import table_names

ADDED_ARTICLES = 100
STEP_START, STEP_SUCCESS = dg.DagsterEventType.STEP_START, dg.DagsterEventType.STEP_SUCCESS
SAMPLE_INTERVAL = 0.2
CANONICAL_STEPS = {"entities", "fused_engagements"}
"""Steps that process canonical articles only; the others see every input article."""
KEY = ["url", "country_a", "country_b", "engagement_type", "status"]


class RssSampler:
    """Samples the resident memory of this process and all its children in a background thread."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self.samples.append((time.time(), current_rss()))
            if self._stop.wait(SAMPLE_INTERVAL):
                return

    def peak(self, start: float, end: float) -> int | None:
        inside = [rss for moment, rss in self.samples if start <= moment <= end]
        return max(inside) if inside else None


def current_rss() -> int:
    process = psutil.Process()
    total = process.memory_info().rss
    for child in process.children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            total += child.memory_info().rss
    return total


def measured_row(stage: str, articles: int, words: int, wall: float, peak: int | None, idle: int) -> dict:
    return {
        "stage": stage,
        "articles": articles,
        "words": words,
        "wall_s": wall,
        "articles_per_s": articles / wall,
        "words_per_s": words / wall,
        "peak_rss_mb": peak / 2**20 if peak else None,
        "bytes_per_article": (peak - idle) / articles if peak else None,
    }


# ---------------------------------------------------------------- accuracy


def truth_keys(truth_file: Path) -> pl.DataFrame:
    truth = pl.read_ndjson(truth_file, infer_schema_length=None)
    if truth.is_empty():
        return pl.DataFrame(schema={**dict.fromkeys(KEY, pl.String), "start_date": pl.Date})
    return truth.select(
        "url",
        country_a=pl.min_horizontal("country_a", "country_b"),
        country_b=pl.max_horizontal("country_a", "country_b"),
        engagement_type="type",
        status="status",
        start_date=pl.col("start_date").str.to_date(),
    ).unique()


def predicted_keys(articles: pl.DataFrame, engagements: pl.DataFrame, evidence: pl.DataFrame) -> pl.DataFrame:
    """One key per engagement and article of every story its evidence comes from."""
    stories = (
        evidence.select("engagement_id", "article_id")
        .unique()
        .join(articles.select("article_id", "story_id"), on="article_id")
    )
    return (
        stories.join(articles.select("story_id", "url"), on="story_id")
        .join(engagements, on="engagement_id")
        .select(*KEY, "start_date")
        .unique()
    )


def precision_recall(predicted: pl.DataFrame, truth: pl.DataFrame) -> dict:
    matches = (
        predicted.with_row_index("predicted")
        .join(truth.with_row_index("truth"), on=KEY, suffix="_truth")
        .filter(pl.col("start_date_truth").is_null() | (pl.col("start_date") == pl.col("start_date_truth")))
    )
    return {
        "precision": matches["predicted"].n_unique() / predicted.height if predicted.height else None,
        "recall": matches["truth"].n_unique() / truth.height if truth.height else None,
    }


def warehouse_accuracy(warehouse_file: Path, truth: pl.DataFrame) -> dict:
    with connect_read_only(warehouse_file) as connection:
        articles = connection.sql("SELECT article_id, url, story_id FROM articles").pl()
        engagements = connection.sql(
            "SELECT engagement_id, country_a, country_b, engagement_type, status, start_date FROM engagements"
        ).pl()
        evidence = connection.sql("SELECT DISTINCT engagement_id, article_id FROM engagement_evidence").pl()
    return precision_recall(predicted_keys(articles, engagements, evidence), truth)


def differing_tables(before: Path, after: Path) -> list[str]:
    """Tables whose rows differ between two warehouse files, ignoring when each was built."""
    differing = []
    with duckdb.connect() as connection:
        connection.execute(f"ATTACH '{before}' AS before (READ_ONLY)")
        connection.execute(f"ATTACH '{after}' AS after (READ_ONLY)")
        for table in table_names():
            columns = "* EXCLUDE (built_at)" if table == "build_info" else "*"
            a, b = f"SELECT {columns} FROM before.{table}", f"SELECT {columns} FROM after.{table}"
            query = f"SELECT count(*) FROM (({a} EXCEPT ALL {b}) UNION ALL ({b} EXCEPT ALL {a}))"
            if connection.execute(query).fetchone()[0]:
                differing.append(table)
    return differing


# ---------------------------------------------------------------- the build, as users run it


def build(input_folder: Path, run_folder: Path) -> dict:
    """Run the build job as ``bilateral build`` does (``execute_job``, settings from the environment, a Dagster home
    in the run folder configured by the project's ``dagster.yaml``); return the wall time, per-step windows and
    materialisation metadata."""
    dagster_home = run_folder / "dagster_home"
    dagster_home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PROJECT_ROOT / ".dagster_home" / "dagster.yaml", dagster_home / "dagster.yaml")
    environment = {
        "BILATERAL_INPUT": str(input_folder),
        "BILATERAL_WAREHOUSE": str(run_folder / "warehouse.duckdb"),
        "BILATERAL_STORAGE": str(run_folder / "storage"),
        "DAGSTER_HOME": str(dagster_home),
    }
    with mock.patch.dict(os.environ, environment), dg.DagsterInstance.get() as instance:
        started, clock = time.time(), time.perf_counter()
        with dg.execute_job(
            dg.reconstructable(build_warehouse_job),
            instance=instance,
            run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
        ) as result:
            wall = time.perf_counter() - clock
            if not result.success:
                raise RuntimeError(f"build of {input_folder} failed")
            metadata = {
                event.asset_key.to_user_string(): {
                    key: value.value for key, value in event.materialization.metadata.items()
                }
                for event in result.get_asset_materialization_events()
            }
            moments: dict[str, dict] = {}
            for entry in instance.all_logs(result.run_id, of_type={STEP_START, STEP_SUCCESS}):
                moments.setdefault(entry.step_key, {})[entry.dagster_event_type] = entry.timestamp
    windows = {step: (moment[STEP_START], moment[STEP_SUCCESS]) for step, moment in moments.items()}
    return {"started": started, "wall": wall, "windows": windows, "metadata": metadata}


def stage_rows(run: dict, sampler: RssSampler, idle: int, counts: dict) -> list[dict]:
    """One row per asset step in run order, one for all check steps together, and one for the whole build."""
    rows, check_windows = [], []
    for step, (start, end) in sorted(run["windows"].items(), key=lambda item: item[1][0]):
        if step not in counts["asset_steps"]:
            check_windows.append((start, end))
            continue
        basis = "canonical" if step in CANONICAL_STEPS else "input"
        articles, words = counts[f"{basis}_articles"], counts[f"{basis}_words"]
        rows.append(measured_row(step, articles, words, end - start, sampler.peak(start, end), idle))
    articles, words = counts["input_articles"], counts["input_words"]
    if check_windows:
        wall = sum(end - start for start, end in check_windows)
        peak = max((sampler.peak(start, end) or 0 for start, end in check_windows), default=0) or None
        rows.append(measured_row("asset checks", articles, words, wall, peak, idle))
    peak = sampler.peak(run["started"], run["started"] + run["wall"])
    return [*rows, measured_row("end to end", articles, words, run["wall"], peak, idle)]


def build_counts(run_folder: Path, metadata: dict) -> dict:
    raw_words = (
        pl.scan_parquet(run_folder / "storage" / "frames" / "raw_articles.parquet")
        .select(pl.len(), pl.col("raw_words").sum())
        .collect()
        .row(0)
    )
    return {
        "input_articles": raw_words[0],
        "input_words": raw_words[1],
        "canonical_articles": metadata["articles"]["canonical_articles"],
        "canonical_words": metadata["entity_mentions"]["words_total"],
        "asset_steps": {assets.node_def.name for assets in defs().assets},
    }


# ---------------------------------------------------------------- the naive baseline


def functional_path(
    input_folder: Path, cache_folder: Path, prefilter: bool
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, int]:
    """The assets' steps through the same ``IncrementalRunner`` the assets call, on an empty store, but for the
    entity step, which runs the stage's batch function with the model over every sentence unless ``prefilter``
    (the runner always prefilters; the baseline is the one thing the job cannot run). Returns what accuracy needs
    and the raw word count."""
    runner = IncrementalRunner(cache_folder)
    raw_articles, _, _ = runner.ingest(input_folder)
    articles, sentences, signatures, _ = runner.clean(raw_articles)
    articles, _ = find_duplicates(articles, signatures=signatures)
    canonical = articles.filter(pl.col("duplicate_of").is_null())
    canonical_sentences = sentences.join(canonical.select("article_id"), on="article_id", how="semi")
    entity_mentions, person_mentions, _ = map_article_batches(
        partial(extract_entities_with_stats, prefilter=prefilter),
        with_article_text(canonical, runner.cleaned_texts()),
        [canonical_sentences],
    )
    persons, links = link_persons(person_mentions)
    entity_mentions = attach_person_ids(entity_mentions, links, persons)
    mentions, _ = runner.engagements(canonical, canonical_sentences, entity_mentions, persons)
    engagements, _, evidence = fuse_engagements(mentions)
    raw_words = raw_articles["raw_words"].sum()
    return articles, engagements, evidence, raw_words


def write_sample(corpus_dir: Path, sample_dir: Path, size: int) -> list[str]:
    """The first ``size`` articles in ingest order (lines of the JSON Lines parts) as one file; returns their urls."""
    (sample_dir / "articles").mkdir(parents=True, exist_ok=True)
    lines = []
    for part in sorted((corpus_dir / "jsonl").glob("*.jsonl")):
        with part.open(encoding="utf-8") as handle:
            lines += islice(handle, size - len(lines))
    (sample_dir / "articles" / "sample.jsonl").write_text("".join(lines), encoding="utf-8")
    return [json.loads(line)["url"] for line in lines]


def baseline_rows(
    corpus_dir: Path, sample_dir: Path, size: int, truth: pl.DataFrame, sampler: RssSampler
) -> list:
    urls = write_sample(corpus_dir, sample_dir, size)
    sample_truth = truth.filter(pl.col("url").is_in(urls))
    rows = []
    for stage, prefilter in [("naive baseline (sample)", False), ("with prefilter (sample)", True)]:
        shutil.rmtree(sample_dir / "cache", ignore_errors=True)
        idle, start = current_rss(), time.time()
        articles, engagements, evidence, words = functional_path(
            sample_dir / "articles", sample_dir / "cache", prefilter
        )
        end = time.time()
        engagement_keys = engagements.select("engagement_id", *KEY[1:], "start_date")
        row = measured_row(stage, articles.height, words, end - start, sampler.peak(start, end), idle)
        rows.append(row | precision_recall(predicted_keys(articles, engagement_keys, evidence), sample_truth))
    return rows


# ---------------------------------------------------------------- one corpus


def corpus(workdir: Path, n_articles: int, mix: float, seed: int) -> tuple[Path, dict]:
    """Generate the corpus once per (size, mix, seed); later benchmark runs reuse it."""
    folder = workdir / f"corpus-{n_articles}-mix{mix}-seed{seed}"
    summary_file = folder / "generated.json"
    if not summary_file.exists():
        shutil.rmtree(folder, ignore_errors=True)
        summary_file.parent.mkdir(parents=True)
        summary_file.write_text(json.dumps(generate_corpus(n_articles, folder, seed, mix=mix)))
    return folder, json.loads(summary_file.read_text())


def benchmark_corpus(
    workdir: Path, n_articles: int, mix: float, seed: int, sample: int, added: int | None = None
) -> dict:
    """Every measurement of one corpus; with ``added``, also the unchanged and incremental reruns."""
    folder, generated = corpus(workdir, n_articles, mix, seed)
    input_folder, run_folder = folder / "articles", workdir / "runs" / folder.name
    shutil.rmtree(run_folder, ignore_errors=True)
    truth = truth_keys(folder / "ground_truth.jsonl")
    console.print(f"[bold]{n_articles:,} articles, mix {mix}[/bold]: building")
    with RssSampler() as sampler:
        idle = current_rss()
        run = build(input_folder, run_folder)
        counts = build_counts(run_folder, run["metadata"])
        rows = stage_rows(run, sampler, idle, counts)
        rows[-1] |= warehouse_accuracy(run_folder / "warehouse.duckdb", truth)
        console.print("  naive baseline")
        rows += baseline_rows(input_folder, run_folder / "sample", sample, truth, sampler)
    entity_stats = run["metadata"]["entity_mentions"]
    result = {
        "title": f"{n_articles:,} articles, mix {mix}",
        "generation_s": generated["seconds"],
        "rows": rows,
        "share_of_sentences_sent_to_model": entity_stats["share_of_sentences_sent_to_model"],
        "share_of_words_sent_to_model": entity_stats["words_sent_to_model"]
        / max(entity_stats["words_total"], 1),
        "first_pass_words_per_second": entity_stats["first_pass_words_per_second"],
        "model_words_per_second": entity_stats["model_words_per_second"],
    }
    if added:
        result["reruns"] = reruns(folder, run_folder, run["wall"], seed, added)
    return result


def reruns(folder: Path, run_folder: Path, full_wall: float, seed: int, added: int) -> list[dict]:
    """Rerun on unchanged input (the warehouse must not change); then with ``added`` new articles, the first update
    after the full write (the warehouse updates the copy the full write kept); then with ``added`` more, a later
    update as a daily feed brings them (the warehouse updates the file the previous swap replaced). Each update is
    run ``INCREMENTAL_ATTEMPTS`` times from the same state."""
    input_folder, warehouse_file = folder / "articles", run_folder / "warehouse.duckdb"
    shutil.copy2(warehouse_file, run_folder / "before.duckdb")
    console.print("  rerun on unchanged input")
    unchanged = build_in_fresh_process(run_folder, str(input_folder))
    differing = differing_tables(run_folder / "before.duckdb", warehouse_file)
    batches = []
    for day in (1, 2):
        batch = run_folder / f"added-{added}-day{day}"
        shutil.rmtree(batch, ignore_errors=True)
        generate_corpus(added, batch, seed + day)
        batches.append(batch)
    kept = [run_folder / "storage", warehouse_file, previous_file(warehouse_file)]
    try:
        updates = []
        titles = [f"{added} new articles (the first update)", f"{added} more new articles"]
        for batch, title in zip(batches, titles, strict=True):
            shutil.copytree(batch / "articles", input_folder / batch.name)
            updates.append(attempts_from_same_state(kept, run_folder / "before-update", title, input_folder))
    finally:
        for batch in batches:
            shutil.rmtree(input_folder / batch.name, ignore_errors=True)
        shutil.rmtree(run_folder / "before-update", ignore_errors=True)
    warehouse = f"warehouse differs in {', '.join(differing)}" if differing else "warehouse identical"
    return [
        rerun_summary("unchanged input", [unchanged], full_wall, warehouse),
        rerun_summary(f"first {added} new articles", updates[0], full_wall, None),
        rerun_summary(f"{added} more new articles", updates[1], full_wall, None),
    ]


def attempts_from_same_state(kept: list[Path], saved: Path, title: str, input_folder: Path) -> list[dict]:
    """``INCREMENTAL_ATTEMPTS`` builds of ``input_folder``, each from the state of the ``kept`` files (a copy in
    ``saved`` is put back before each attempt after the first); the last one's state is left in place."""
    run_folder = kept[0].parent
    shutil.rmtree(saved, ignore_errors=True)
    _copy_all(kept, saved)
    attempts = []
    for attempt in range(1, INCREMENTAL_ATTEMPTS + 1):
        console.print(f"  rerun with {title} ({attempt} of {INCREMENTAL_ATTEMPTS})")
        if attempt > 1:
            _copy_all([saved / path.name for path in kept], run_folder)
        os.sync()
        attempts.append(build_in_fresh_process(run_folder, str(input_folder)))
    return attempts


def _copy_all(paths: list[Path], folder: Path) -> None:
    """Copy the files and folders that exist into ``folder``, replacing what is there: the state a rerun starts
    from. The copies are flushed to disk before a rerun (``os.sync``), as files written on an earlier day would be."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in filter(Path.exists, paths):
        target = folder / path.name
        if path.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(path, target)
        else:
            shutil.copy2(path, target)


INCREMENTAL_ATTEMPTS = 3
"""An incremental rerun is a few seconds long, so one run of it is at the mercy of this machine's speed, which moves
by a third within minutes; each update is run this many times from the same state and the median is reported."""


def rerun_summary(name: str, attempts: list[dict], full_wall: float, warehouse: str | None) -> dict:
    """The median of ``attempts`` (runs from the same state), with every attempt's wall time."""
    run = sorted(attempts, key=lambda attempt: attempt["wall"])[len(attempts) // 2]
    return {
        "run": name,
        "wall_s": run["wall"],
        "attempts_wall_s": [attempt["wall"] for attempt in attempts],
        "share_of_full_run": run["wall"] / full_wall,
        "articles_cleaned": run["metadata"]["articles"]["articles_cleaned_this_run"],
        "articles_extracted": run["metadata"]["engagements"]["articles_extracted_this_run"],
        "warehouse": warehouse,
        "warehouse_write": run["metadata"]["bilateral_warehouse"]["write"],
        "step_seconds": {step: end - start for step, (start, end) in run["windows"].items()},
    }


def in_fresh_process(function: str, workdir: Path, *args) -> dict:
    """``function`` of this module, called with ``workdir`` and ``args``, in a new interpreter whose main module is a
    one-liner; returns its JSON result.

    Pool workers re-import the main module of their parent; this one imports Dagster, which would be counted in
    every stage that uses the pool (``bilateral build`` has a light main module).
    """
    code = (
        f"import json, sys; from pathlib import Path; from benchmarks.run import {function}; "
        "workdir, *args = json.loads(sys.argv[1]); "
        f"Path(sys.argv[2]).write_text(json.dumps({function}(Path(workdir), *args), default=str))"
    )
    result_file = workdir / "result.json"
    subprocess.run([sys.executable, "-c", code, json.dumps([str(workdir), *args]), result_file], check=True)
    return json.loads(result_file.read_text())


def build_in_fresh_process(run_folder: Path, input_folder: str) -> dict:
    """``build`` in a new interpreter, as a scheduled ``bilateral build`` or a Dagster run worker runs it: a rerun
    measured in the process that built the corpus and ran the baseline took about 3 s longer (17.6 s against
    14.7 s for the same 100 new articles), a cost of that process's leftovers, not of the rerun."""
    return in_fresh_process("build_of", run_folder, input_folder)


def build_of(run_folder: Path, input_folder: str) -> dict:
    return build(Path(input_folder), run_folder)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--sample", type=int, default=2_000, help="articles in the naive baseline's sample")
    parser.add_argument(
        "--diplomatic-size", type=int, default=10_000, help="size of the diplomatic-only corpus"
    )
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bilateral-benchmark")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results.md"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--gold", type=Path, default=Path("data/real"),
        help="a real-news gold set scored beside the generator's figures (skipped when its texts are absent)",
    )
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    plan = [(size, 0.25, ADDED_ARTICLES if size == sizes[-1] else None) for size in sizes]
    plan.append((args.diplomatic_size, 1.0, None))
    console.print(f"Machine: {machine()}")
    results = []
    command = "uv run python -m benchmarks.run " + " ".join(argv if argv is not None else sys.argv[1:])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for size, mix, added in plan:
        results.append(
            in_fresh_process(
                "benchmark_corpus", args.workdir.resolve(), size, mix, args.seed, args.sample, added
            )
        )
        show(results[-1])
        write_results(args.out, markdown(results, command.strip(), []))
    targets = target_lines(results)
    for line in targets:
        console.print(line)
    real_news = real_news_section(args.gold)
    console.print(real_news)
    write_results(args.out, markdown(results, command.strip(), targets) + real_news)
    console.print(f"Results written to {args.out}")


if __name__ == "__main__":
    main()
