"""The `bilateral` command: build the warehouse, query it, export it, generate test corpora."""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
import uuid
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline import settings

console = Console(stderr=True)


def _build(args: argparse.Namespace) -> int:
    if args.input:
        os.environ["BILATERAL_INPUT"] = str(Path(args.input).resolve())
    if args.warehouse:
        os.environ["BILATERAL_WAREHOUSE"] = str(Path(args.warehouse).resolve())
    os.environ.setdefault("DAGSTER_HOME", str(settings.PROJECT_ROOT / ".dagster_home"))
    Path(os.environ["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
    input_folder, warehouse_file = settings.input_folder(), settings.warehouse_file()
    if not input_folder.is_dir():
        console.print(f"[red]error:[/red] input folder {input_folder} does not exist")
        return 2

    import dagster as dg

    from pipeline.build_lock import BuildLocked, holding_build_lock

    try:
        with holding_build_lock(
            settings.storage_folder(),
            f"bilateral build of {warehouse_file} from {input_folder}",
            wait=not args.no_wait,
            on_wait=lambda holder: console.print(
                f"[yellow]Waiting:[/yellow] {warehouse_file} is being built by {holder}; this build starts when"
                " it ends (or use --no-wait)."
            ),
        ):
            return _build_holding_lock(dg, input_folder, warehouse_file)
    except BuildLocked as holder:
        console.print(
            f"[red]error:[/red] {warehouse_file} is being built by {holder}; not waiting (--no-wait). Nothing was"
            " changed."
        )
        return 3


def _build_holding_lock(dg, input_folder: Path, warehouse_file: Path) -> int:
    from pipeline.defs.jobs import build_warehouse_job

    step_count = len(build_warehouse_job().graph.node_defs)
    build_tag = {"bilateral/build": str(uuid.uuid4())}
    console.print(f"Building [bold]{warehouse_file}[/bold] from [bold]{input_folder}[/bold]")
    with dg.DagsterInstance.get() as instance, _progress() as progress:
        task = progress.add_task("starting", total=step_count)
        outcome: dict[str, object] = {}

        def run() -> None:
            with dg.execute_job(
                dg.reconstructable(build_warehouse_job),
                instance=instance,
                tags=build_tag,
                run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
            ) as result:
                outcome["run_id"] = result.run_id
                outcome["failures"] = [
                    (event.step_key, event.event_specific_data.error.message)
                    for event in result.all_events
                    if event.is_step_failure
                ]
                outcome["failed_checks"] = [
                    event.event_specific_data
                    for event in result.all_events
                    if event.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION
                    and not event.event_specific_data.passed
                ]
                outcome["success"] = result.success

        steps = _StepProgress(instance, build_tag, progress, task)
        worker = threading.Thread(target=run)
        worker.start()
        while worker.is_alive():
            worker.join(0.5)
            steps.show()
        steps.show()
    run_id = outcome.get("run_id", "(not started)")
    console.print(f"Dagster run {run_id}")
    if not outcome.get("success"):
        for step_key, message in outcome.get("failures", []):
            console.print(f"[red]step {step_key} failed:[/red] {message.strip()}")
        for evaluation in outcome.get("failed_checks", []):
            if evaluation.severity == dg.AssetCheckSeverity.ERROR:
                _print_failed_check(evaluation)
        console.print(
            "[red]Build failed; the previous warehouse, if any, is unchanged.[/red] Every check's failing rows are"
            f" in its metadata: `dagster dev`, then Runs → {run_id}."
        )
        return 1
    _print_summary(warehouse_file)
    return 0


EXAMPLES_SHOWN = 5


def _print_failed_check(evaluation) -> None:
    """A failed check in words: its name and asset, how many rows, and up to ``EXAMPLES_SHOWN`` example rows
    (from the markdown table the check put in its metadata)."""
    metadata = {key: getattr(value, "value", value) for key, value in evaluation.metadata.items()}
    counts = ", ".join(
        f"{metadata[key]} {key}" for key in ("violations", "quarantined", "rows") if key in metadata
    )
    asset = "/".join(evaluation.asset_key.path)
    console.print(f"[red]check {evaluation.check_name} on {asset} failed[/red]" + (f" ({counts})" if counts else ""))
    table = metadata.get("examples") or metadata.get("failure_cases")
    if isinstance(table, str):
        lines = [line for line in table.splitlines() if line.strip() and not set(line) <= set("|-")]
        for line in lines[: EXAMPLES_SHOWN + 1]:
            console.print("  " + line, markup=False, highlight=False)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total} steps"),
        TimeElapsedColumn(), console=console, transient=False,
    )


class _StepProgress:
    """Step starts and successes of the build run, read from the instance after a cursor: reading the whole log
    on every poll took several seconds of the build thread's time on a long run."""

    def __init__(self, instance, build_tag: dict[str, str], progress: Progress, task) -> None:
        self.instance, self.build_tag, self.progress, self.task = instance, build_tag, progress, task
        self.run_id: str | None = None
        self.cursor: str | None = None
        self.started: list[str] = []
        self.finished: set[str] = set()

    def show(self) -> None:
        from dagster import DagsterEventType, RunsFilter

        if self.run_id is None:
            runs = self.instance.get_runs(filters=RunsFilter(tags=self.build_tag), limit=1)
            if not runs:
                return
            self.run_id = runs[0].run_id
        connection = self.instance.get_records_for_run(
            self.run_id, cursor=self.cursor, of_type={DagsterEventType.STEP_START, DagsterEventType.STEP_SUCCESS}
        )
        self.cursor = connection.cursor
        for record in connection.records:
            event = record.event_log_entry
            if event.dagster_event_type == DagsterEventType.STEP_START:
                self.started.append(event.step_key)
            else:
                self.finished.add(event.step_key)
        running = [step for step in self.started if step not in self.finished]
        description = f"running {', '.join(running)}" if running else ("done" if self.finished else "starting")
        self.progress.update(self.task, completed=len(self.finished), description=description)


def _print_summary(warehouse_file: Path) -> None:
    from pipeline.warehouse import connect_read_only

    with connect_read_only(warehouse_file) as connection:
        files_read, accepted, rejected = connection.execute(
            "SELECT files_read, articles_accepted, inputs_rejected FROM build_info"
        ).fetchall()[0]
        tables = connection.execute(
            "SELECT table_name, estimated_size FROM duckdb_tables() ORDER BY table_name"
        ).fetchall()
        counts = {name: connection.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0] for name, _ in tables}
        quarantined = connection.execute(
            "SELECT check_name, count(*) AS n FROM quarantined_engagements GROUP BY check_name ORDER BY n DESC"
        ).fetchall()
        examples = connection.execute(
            f"SELECT check_name, reason, article_id, sentence FROM quarantined_engagements"
            f" ORDER BY check_name, engagement_id LIMIT {EXAMPLES_SHOWN}"
        ).fetchall()
    console.print(
        f"[green]Built {warehouse_file}[/green]: {files_read} files read, {accepted} articles accepted, "
        f"{rejected} inputs rejected (see table rejected_inputs)."
    )
    console.print("Tables written: " + ", ".join(f"{name} ({rows})" for name, rows in counts.items()))
    if quarantined:
        by_check = ", ".join(f"{check} {n}" for check, n in quarantined)
        console.print(
            f"[yellow]Quarantined {sum(n for _, n in quarantined)} engagement row(s)[/yellow] that break a row-level"
            f" rule ({by_check}); they are in table quarantined_engagements, for example:"
        )
        for check, reason, article_id, sentence in examples:
            shown = " ".join((sentence or "").split())[:160]
            console.print(f"  {check}: {reason} — article {article_id}: {shown}", markup=False, highlight=False)


def _sql(args: argparse.Namespace) -> int:
    from pipeline.warehouse import connect_read_only

    query = _query_text(args.query)
    warehouse_file = Path(args.warehouse).resolve() if args.warehouse else settings.warehouse_file()
    try:
        connection = connect_read_only(warehouse_file)
    except FileNotFoundError as error:
        console.print(f"[red]error:[/red] {error}")
        return 2
    with connection:
        try:
            for name, value in (param.split("=", 1) for param in args.param):
                connection.execute(f"SET VARIABLE {name} = ?", [value])
            frame = connection.sql(query).pl()
        except Exception as error:  # any DuckDB error is the user's query to fix: say it, exit non-zero
            console.print(f"[red]query failed:[/red] {error}")
            return 1
    if args.csv:
        frame.write_csv(args.csv)
        console.print(f"{frame.height} rows written to {args.csv}")
    if args.parquet:
        frame.write_parquet(args.parquet)
        console.print(f"{frame.height} rows written to {args.parquet}")
    if not (args.csv or args.parquet):
        _print_table(frame)
    return 0


def _query_text(query: str) -> str:
    """The SQL of ``query``: the contents of the file it names, or the text itself. A long query is no file name
    (the file system refuses names over 255 bytes, and the test for a file would raise)."""
    try:
        return Path(query).read_text() if Path(query).is_file() else query
    except OSError:
        return query


def _print_table(frame) -> None:
    out = Console()
    if not out.is_terminal:
        sys.stdout.write(frame.write_csv(separator="\t"))
        return
    table = Table(*frame.columns, show_lines=False)
    for row in frame.iter_rows():
        table.add_row(*("" if value is None else str(value) for value in row))
    out.print(table)
    out.print(f"{frame.height} rows")


def _export(args: argparse.Namespace) -> int:
    from pipeline.warehouse import export_parquet

    warehouse_file = Path(args.warehouse).resolve() if args.warehouse else settings.warehouse_file()
    try:
        written = export_parquet(warehouse_file, Path(args.directory))
    except FileNotFoundError as error:
        console.print(f"[red]error:[/red] {error}")
        return 2
    console.print(f"Exported {len(written)} tables to {args.directory}: " + ", ".join(sorted(written)))
    return 0


def _generate(args: argparse.Namespace) -> int:
    from corpusgen import generate_corpus

    started = time.perf_counter()
    summary = generate_corpus(args.articles, Path(args.out), seed=args.seed, mix=args.mix)
    console.print(f"Generated in {time.perf_counter() - started:.1f} s: {summary}")
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="bilateral", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="read the input folder and (re)build the warehouse")
    build.add_argument("--input", help="folder of .txt/.jsonl articles (env BILATERAL_INPUT; default data/raw)")
    build.add_argument("--warehouse", help="DuckDB file to write (env BILATERAL_WAREHOUSE; default data/warehouse.duckdb)")
    build.add_argument(
        "--no-wait", action="store_true",
        help="if another build of the same warehouse is running, exit with status 3 instead of waiting for it",
    )
    build.set_defaults(handler=_build)

    sql = commands.add_parser("sql", help="run a read-only SQL query (or a file of SQL) against the warehouse")
    sql.add_argument("query", help="the SQL text, or the path of a .sql file")
    sql.add_argument("--warehouse", help="DuckDB file to read (env BILATERAL_WAREHOUSE)")
    sql.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE",
        help="set a variable the query reads with getvariable('NAME'); repeatable",
    )
    sql.add_argument("--csv", help="write the result to this CSV file")
    sql.add_argument("--parquet", help="write the result to this Parquet file")
    sql.set_defaults(handler=_sql)

    export = commands.add_parser("export", help="write every warehouse table as a Parquet file")
    export.add_argument("directory")
    export.add_argument("--warehouse", help="DuckDB file to read (env BILATERAL_WAREHOUSE)")
    export.set_defaults(handler=_export)

    generate = commands.add_parser("generate", help="write a synthetic corpus with its ground truth")
    generate.add_argument("--articles", type=int, required=True)
    generate.add_argument("--out", required=True)
    generate.add_argument("--seed", type=int, default=0)
    generate.add_argument("--mix", type=float, default=0.25, help="share of diplomatic news (default 0.25)")
    generate.set_defaults(handler=_generate)

    evaluate = commands.add_parser("evaluate", help="score a warehouse against a gold set (docs/evaluation.md)")
    evaluate.add_argument("--gold", required=True, help="gold folder (manifest*.jsonl, gold*.jsonl) or one gold file")
    evaluate.add_argument("--warehouse", help="DuckDB file to score (env BILATERAL_WAREHOUSE); with --build, to write")
    evaluate.add_argument("--split", choices=["dev", "check", "test", "all"], default="dev", help="articles to score (default dev)")
    evaluate.add_argument("--build", action="store_true", help="first build a warehouse from the gold set's texts/")
    evaluate.add_argument("--json", help="also write the whole report to this JSON file")
    evaluate.add_argument("--show", type=int, default=20, help="misses and false rows to list (default 20)")
    evaluate.set_defaults(handler=lambda args: __import__("pipeline.evaluate").evaluate.command(args))
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
