"""The benchmark's report: its tables on the terminal and in ``benchmarks/results.md``, the targets it checks, and
the real-news section scored by ``bilateral evaluate``."""

from __future__ import annotations

import os
import platform
import sys
from datetime import date
from importlib.metadata import version
from pathlib import Path

import psutil
from rich.console import Console
from rich.table import Table

console = Console(width=None if sys.stdout.isatty() else 160)

COLUMNS = [
    ("stage", "stage", "{}"),
    ("articles", "articles", "{:,}"),
    ("words", "words", "{:,}"),
    ("wall_s", "wall s", "{:.2f}"),
    ("articles_per_s", "articles/s", "{:,.0f}"),
    ("words_per_s", "words/s", "{:,.0f}"),
    ("peak_rss_mb", "peak RSS MB", "{:,.0f}"),
    ("bytes_per_article", "bytes/article", "{:,.0f}"),
    ("precision", "precision", "{:.1%}"),
    ("recall", "recall", "{:.1%}"),
]



def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    versions = ", ".join(
        f"{package} {version(package)}" for package in ["dagster", "duckdb", "polars", "spacy"]
    )
    return (
        f"{len(os.sched_getaffinity(0))} cores ({cpu}), {psutil.virtual_memory().total / 2**30:.0f} GB RAM; "
        f"Python {platform.python_version()}, {versions}; {date.today().isoformat()}"
    )


def formatted(row: dict) -> list[str]:
    return ["" if row.get(key) is None else fmt.format(row[key]) for key, _, fmt in COLUMNS]


def show(result: dict) -> None:
    table = Table(title=f"{result['title']} (generated in {result['generation_s']:.0f} s, not counted)")
    for _, header, _ in COLUMNS:
        table.add_column(header, justify="left" if header == "stage" else "right")
    for row in result["rows"]:
        table.add_row(*formatted(row))
    console.print(table)
    for line in summary_lines(result):
        console.print(line)


def by_stage(result: dict) -> dict[str, dict]:
    return {row["stage"]: row for row in result["rows"]}


def speedup(result: dict) -> float:
    rows = by_stage(result)
    return rows["end to end"]["articles_per_s"] / rows["naive baseline (sample)"]["articles_per_s"]


def target_lines(results: list[dict]) -> list[str]:
    """The issue's targets, each with what this run measured; the last result is the diplomatic-only corpus."""
    *default, diplomatic = results
    largest = default[-1]
    end_to_end = by_stage(largest)["end to end"]
    peak_gb = max(by_stage(result)["end to end"]["peak_rss_mb"] for result in results) / 1024
    drop = max(
        100
        * (
            by_stage(result)["naive baseline (sample)"][measure]
            - by_stage(result)["with prefilter (sample)"][measure]
        )
        for result in results
        for measure in ["precision", "recall"]
    )
    unchanged, first_update, incremental = largest["reruns"]
    checks = [
        (
            f"{largest['title']}: end to end {speedup(largest):.1f}x the naive baseline (20x)",
            speedup(largest) >= 20,
        ),
        (
            f"{largest['title']}: end to end {end_to_end['articles_per_s']:,.0f} articles/s (300)",
            end_to_end["articles_per_s"] >= 300,
        ),
        (
            f"{diplomatic['title']}: end to end {speedup(diplomatic):.1f}x the naive baseline (5x)",
            speedup(diplomatic) >= 5,
        ),
        (f"peak memory {peak_gb:.2f} GB (under 4 GB)", peak_gb < 4),
        (
            f"precision or recall at most {drop:.1f} points below the naive baseline on its sample (1 point)",
            drop <= 1,
        ),
        (
            f"{incremental['run']} in {incremental['share_of_full_run']:.1%} of the full run's time (5%)",
            incremental["share_of_full_run"] < 0.05,
        ),
        (
            f"{first_update['run']}, the first update after the full write, in"
            f" {first_update['share_of_full_run']:.1%} of the full run's time (5%)",
            first_update["share_of_full_run"] < 0.05,
        ),
        (
            f"rerun on unchanged input: {unchanged['warehouse']}",
            unchanged["warehouse"] == "warehouse identical",
        ),
    ]
    if len(default) > 1:
        smaller = default[-2]
        ratio = end_to_end["bytes_per_article"] / by_stage(smaller)["end to end"]["bytes_per_article"]
        checks.append(
            (
                f"memory per article {ratio:.2f}x from {smaller['title']} to {largest['title']} (flat: within 1.25x)",
                ratio <= 1.25,
            )
        )
    return [f"{'met' if ok else 'MISSED'}: {text}" for text, ok in checks]


def summary_lines(result: dict) -> list[str]:
    rows = by_stage(result)
    naive, prefiltered = rows["naive baseline (sample)"], rows["with prefilter (sample)"]
    lines = [
        f"End to end: {speedup(result):.1f}x the naive baseline's articles/s; on the sample, the prefilter alone "
        f"gives {prefiltered['articles_per_s'] / naive['articles_per_s']:.1f}x.",
        f"Sentences sent to the model: {result['share_of_sentences_sent_to_model']:.1%} "
        f"({result['share_of_words_sent_to_model']:.1%} of the words).",
        f"Entity passes, per worker: the cheap first pass (gazetteer, patterns, rules) over all text "
        f"{result['first_pass_words_per_second']:,} words/s; the model on its share {result['model_words_per_second']:,} "
        "words/s.",
    ]
    for rerun in result.get("reruns", []):
        attempts = rerun["attempts_wall_s"]
        median_of = (
            f" (median of {', '.join(f'{wall:.1f}' for wall in attempts)} s)" if len(attempts) > 1 else ""
        )
        slowest = sorted(rerun["step_seconds"].items(), key=lambda item: -item[1])[:6]
        lines.append(
            f"Rerun, {rerun['run']}: {rerun['wall_s']:.1f} s, {rerun['share_of_full_run']:.1%} of the full run"
            f"{median_of}; {rerun['articles_cleaned']} articles cleaned and {rerun['articles_extracted']} extracted "
            f"again; warehouse {rerun['warehouse_write']}"
            + (f" ({rerun['warehouse']})" if rerun["warehouse"] else "")
            + "; slowest steps: "
            + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in slowest)
            + "."
        )
    return lines


def markdown(results: list[dict], command: str, targets: list[str]) -> str:
    parts = [f"# Benchmark results\n\nMachine: {machine()}.\n\nCommand: `{command}`\n"]
    if targets:
        parts.append("## Targets\n\n" + "\n".join(f"- {line}" for line in targets) + "\n")
    for result in results:
        header = "| " + " | ".join(header for _, header, _ in COLUMNS) + " |"
        rule = "|" + "|".join("---" if key == "stage" else "---:" for key, _, _ in COLUMNS) + "|"
        body = ["| " + " | ".join(formatted(row)) + " |" for row in result["rows"]]
        parts.append(
            f"## {result['title']}\n\nCorpus generated in {result['generation_s']:.0f} s (not counted).\n\n"
            + "\n".join([header, rule, *body])
            + "\n\n"
            + "\n".join(f"- {line}" for line in summary_lines(result))
            + "\n"
        )
    return "\n".join(parts)


def real_news_section(gold: Path) -> str:
    """The real-news scores (``bilateral evaluate``'s build and score) of the gold set's dev, check and test splits,
    as a markdown section; the check and test splits are reported, never tuned on."""
    from pipeline.evaluate import build_and_evaluate

    if not any((gold / "texts").glob("*.txt")):
        return f"\n## Real news\n\nNot measured: no texts under {gold}/texts (re-collect them, docs/evaluation.md).\n"
    names = ["strict precision", "strict recall", "strict F1", "status accuracy", "date accuracy", "city accuracy",
             "participants recall"]  # fmt: skip
    rows = []
    for split in ("dev", "check", "test"):
        report = build_and_evaluate(gold, split)
        values = [
            "–" if report.measures[name]["value"] is None else f"{report.measures[name]['value']:.1%}"
            for name in names
        ]
        counts = report.counts
        rows.append(f"| {split} | " + " | ".join(values)
                    + f" | {counts['split duplicates']} | {counts['negative hits']} |")  # fmt: skip
    header = "| split | " + " | ".join(names) + " | split duplicates | negative hits |"
    rule = "|---|" + "---:|" * (len(names) + 2)
    return (
        f"\n## Real news\n\n`uv run bilateral evaluate --gold {gold} --build --split dev` (and `check`, annotated after"
        " the rules were written, and `test`: reported only):\n\n"
        + "\n".join([header, rule, *rows])
        + "\n"
    )


GENERATED_END = "<!-- end of the generated results: what follows is kept by every run -->"


def write_results(path: Path, generated: str) -> None:
    """Write this run's tables at the top of ``path``, keeping what follows ``GENERATED_END`` there (the history
    of earlier runs, the real-news and remix sections, which other commands write)."""
    kept = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if GENERATED_END in old:
            kept = old.split(GENERATED_END, 1)[1]
        elif "\n## History" in old:
            kept = "\n" + old[old.index("\n## History") :]
    path.write_text(generated.rstrip("\n") + "\n\n" + GENERATED_END + "\n" + kept.lstrip("\n"), encoding="utf-8")
