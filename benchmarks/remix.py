"""Robustness benchmark: build a large remixed corpus (``corpusgen.remix``) with ``bilateral build`` and report
whether it built, what was quarantined by which check, and what inputs were rejected, by reason.

    uv run python -m benchmarks.remix --articles 2000 --workdir /tmp/bilateral-remix

The sources are a generated corpus of half as many articles (half of them diplomatic) plus the seed articles. The
result is printed and appended to ``benchmarks/results.md`` under "Remix".
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from corpusgen import generate_corpus
from corpusgen.remix import remix_corpus
from pipeline.warehouse import connect_read_only

SEEDS = Path(__file__).resolve().parent.parent / "data" / "raw"


def remix_build(workdir: Path, n_articles: int, seed: int = 1) -> dict:
    """Generate, remix and build in ``workdir`` (emptied first); the build runs as a user runs it, in its own
    process."""
    shutil.rmtree(workdir, ignore_errors=True)
    generate_corpus(max(n_articles // 2, 10), workdir / "sources", seed=seed, mix=0.5)
    kinds = remix_corpus([workdir / "sources" / "articles", SEEDS], workdir / "input", n_articles, seed=seed)
    started = time.perf_counter()
    build = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "build", "--input", str(workdir / "input"),
         "--warehouse", str(workdir / "warehouse.duckdb")],
        env=os.environ | {"DAGSTER_HOME": str(workdir / "dagster_home")}, capture_output=True, text=True,
    )  # fmt: skip
    result = {"articles": n_articles, "kinds": kinds, "exit_code": build.returncode,
              "seconds": round(time.perf_counter() - started, 1)}  # fmt: skip
    if build.returncode != 0:
        return result | {"output": build.stderr[-2000:]}
    with connect_read_only(workdir / "warehouse.duckdb") as connection:
        queries = {
            "engagements": "SELECT count(*) FROM engagements",
            "quarantined_by_check": "SELECT check_name, count(*) FROM quarantined_engagements GROUP BY 1 ORDER BY 1",
            "rejected_by_reason": "SELECT reason, count(*) FROM rejected_inputs GROUP BY 1 ORDER BY 2 DESC LIMIT 10",
            "files_accounted": "SELECT (SELECT count(DISTINCT source_file) FROM articles)"
            " + (SELECT count(DISTINCT source_file) FROM rejected_inputs)",
        }
        found = {name: connection.execute(query).fetchall() for name, query in queries.items()}
    return result | {
        "engagements": found["engagements"][0][0],
        "quarantined_by_check": dict(found["quarantined_by_check"]),
        "rejected_by_reason": dict(found["rejected_by_reason"]),
        "files_accounted": found["files_accounted"][0][0],
    }


def markdown(result: dict) -> str:
    lines = [
        f"## Remix ({result['articles']:,} articles)",
        "",
        "Command: `uv run python -m benchmarks.remix --articles " + str(result["articles"]) + "`",
        "",
        f"- Exit code {result['exit_code']} in {result['seconds']} s; the remix: {result['kinds']}.",
    ]
    if result["exit_code"] == 0:
        lines += [
            f"- {result['engagements']} engagements; quarantined by check: {result['quarantined_by_check'] or 'none'};"
            f" rejected inputs by reason: {result['rejected_by_reason'] or 'none'}; files accounted for:"
            f" {result['files_accounted']} of {result['articles']}.",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bilateral-remix"))
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results.md"))
    args = parser.parse_args(argv)
    result = remix_build(args.workdir.resolve(), args.articles, args.seed)
    text = markdown(result)
    print(text)
    if args.out.exists():
        args.out.write_text(args.out.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
