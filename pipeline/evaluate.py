"""Score a warehouse against a gold set written as docs/gold-format.md says, by the annotation guide's "Scoring".

Pure functions over polars frames: ``load_gold`` reads the manifest and gold lines, ``read_predictions`` the
warehouse's engagements with the gold articles they cite, ``evaluate`` matches and counts; ``build_and_evaluate``
builds a warehouse from the gold set's texts first. ``command`` is ``bilateral evaluate``. See docs/evaluation.md.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from pipeline.evaluate_anatomy import anatomy

SPLITS = ("dev", "check", "test", "all")
"""dev: rules may be tuned on it; check: real articles annotated after the rules, to tell whether they generalise
(look at its misses only once a change is done); test: looked at only to report."""
RECOLLECT_HINT = "re-collect them: `uv run python tools/realset.py check {folder}` prints each one's query, rank and url"
MANIFEST_SCHEMA = {"article": pl.String, "split": pl.String, "kind": pl.String, "group": pl.String,
                   "query": pl.String, "rank": pl.Int64, "url": pl.String}
GOLD_SCHEMA = {"gold_id": pl.String, "articles": pl.List(pl.String), "country_a": pl.String, "country_b": pl.String,
               "engagement_type": pl.String, "status": pl.String, "start_date": pl.Date, "date_precision": pl.String,
               "location_city": pl.String, "ordinal": pl.Int64, "participants": pl.List(pl.String),
               "optional": pl.Boolean, "note": pl.String}
NEGATIVE_SCHEMA = {"article": pl.String, "country_a": pl.String, "country_b": pl.String, "note": pl.String}
PREDICTION_COLUMNS = ["engagement_id", "country_a", "country_b", "engagement_type", "status", "start_date",
                      "date_precision", "location_city", "ordinal"]
PAIR = ["country_a", "country_b"]


class BuildFailed(RuntimeError):
    """The build of the gold texts failed (its steps' errors are printed by the build)."""


@dataclass
class GoldSet:
    """The selected split of a gold set: its articles (``manifest``), engagement records (``engagements``, whose
    ``articles`` keep only the split's articles) and ``not_engaged`` pairs."""

    manifest: pl.DataFrame
    engagements: pl.DataFrame
    not_engaged: pl.DataFrame
    folder: Path
    split: str = "all"


@dataclass
class Report:
    """The measures (value, and hits of total where counted), the counts, and the rows to look at."""

    split: str
    measures: dict[str, dict]
    counts: dict[str, int]
    misses: pl.DataFrame
    false_rows: pl.DataFrame
    negative_hits: pl.DataFrame
    matches: pl.DataFrame
    missing_texts: list[dict] = field(default_factory=list)
    anatomy: dict[str, dict[str, int]] = field(default_factory=dict)
    """Misses and false rows counted by kind (``evaluate_anatomy``)."""

    def to_dict(self) -> dict:
        return {name: value.to_dicts() if isinstance(value, pl.DataFrame) else value for name, value in vars(self).items()}


def _ordered_pair(record: dict) -> tuple[str, str]:
    a, b = str(record["country_a"]).upper(), str(record["country_b"]).upper()
    return (a, b) if a <= b else (b, a)


def _jsonl(paths: list[Path]) -> list[dict]:
    return [json.loads(line) for path in paths for line in path.read_text("utf-8").splitlines() if line.strip()]


def gold_set(manifest: list[dict], facts: list[dict], split: str = "all", folder: Path = Path(".")) -> GoldSet:
    """The gold set of manifest lines and gold lines (engagements and negatives), cut to ``split``. A manifest line
    without ``split`` counts as dev. A record keeps only its articles of the split, and is dropped when none is
    left: the split's score judges only what its own articles say."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    rows = [{key: line.get(key) for key in MANIFEST_SCHEMA} | {"split": line.get("split") or "dev"} for line in manifest]
    articles = pl.DataFrame(rows, schema=MANIFEST_SCHEMA).filter((pl.lit(split) == "all") | (pl.col("split") == split))
    selected = set(articles["article"])
    records, negatives = [], []
    for number, fact in enumerate(facts):
        if fact.get("kind") == "not_engaged":
            if fact["article"] in selected:
                a, b = _ordered_pair(fact)
                negatives.append({"article": fact["article"], "country_a": a, "country_b": b, "note": fact.get("note")})
            continue
        kept = [article for article in fact.get("articles") or [fact["article"]] if article in selected]
        if not kept:
            continue
        a, b = _ordered_pair(fact)
        start = fact.get("start_date")
        records.append({
            "gold_id": fact.get("id") or f"gold-{number + 1}", "articles": kept, "country_a": a, "country_b": b,
            "engagement_type": fact["engagement_type"], "status": fact.get("status"),
            "start_date": date.fromisoformat(start) if start else None,
            "date_precision": (fact.get("date_precision") or "day") if start else None,
            "location_city": fact.get("location_city"), "ordinal": fact.get("ordinal"),
            "participants": [p["name"] if isinstance(p, dict) else p for p in fact.get("participants") or []],
            "optional": bool(fact.get("optional")), "note": fact.get("note"),
        })
    return GoldSet(articles, pl.DataFrame(records, schema=GOLD_SCHEMA),
                   pl.DataFrame(negatives, schema=NEGATIVE_SCHEMA), folder, split)


def load_gold(path: Path, split: str = "all") -> GoldSet:
    """A gold folder (every ``manifest*.jsonl`` and ``gold*.jsonl`` in it) or one gold file, whose manifest is the
    one beside it with the same suffix (``gold-b.jsonl``: ``manifest-b.jsonl``), else every manifest beside it."""
    path = Path(path)
    if path.is_dir():
        folder, gold_files = path, sorted(path.glob("gold*.jsonl"))
        manifests = sorted(path.glob("manifest*.jsonl"))
    elif path.is_file():
        folder, gold_files = path.parent, [path]
        twin = folder / path.name.replace("gold", "manifest", 1)
        manifests = [twin] if path.name.startswith("gold") and twin.is_file() else sorted(folder.glob("manifest*.jsonl"))
    else:
        raise FileNotFoundError(f"no gold set at {path}")
    if not gold_files or not manifests:
        raise FileNotFoundError(f"{path}: a gold set needs manifest*.jsonl and gold*.jsonl files (docs/gold-format.md)")
    return gold_set(_jsonl(manifests), _jsonl(gold_files), split, folder)


def predictions_from_tables(engagements: pl.DataFrame, evidence: pl.DataFrame, participants: pl.DataFrame,
                            articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(predictions, citations) from the warehouse tables. A gold article id is the stem of the article's
    ``source_file``. Evidence cites canonical articles only, so a citation of an article also cites every article
    whose ``duplicate_of`` it is: the gold of a duplicate is credited to predictions citing its canonical copy.
    ``citations`` has one row per engagement and cited gold article, with the first evidence sentence there."""
    covered = articles.select(
        pl.coalesce("duplicate_of", "article_id").alias("article_id"),
        pl.col("source_file").map_elements(lambda name: Path(name).stem, return_dtype=pl.String).alias("article"),
    )
    citations = (
        evidence.sort("engagement_id", "article_id", "sentence_index")
        .group_by("engagement_id", "article_id", maintain_order=True).agg(pl.col("sentence").first())
        .join(covered, on="article_id").select("engagement_id", "article", "sentence").unique(maintain_order=True)
    )
    names = participants.group_by("engagement_id").agg(pl.col("name").alias("participants"))
    predictions = (engagements.select(PREDICTION_COLUMNS).join(names, on="engagement_id", how="left")
                   .with_columns(pl.col("participants").fill_null(pl.lit([], dtype=pl.List(pl.String)))))
    return predictions, citations


def read_predictions(warehouse: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The warehouse's (predictions, citations), read through a read-only connection."""
    from pipeline.warehouse import connect_read_only

    with connect_read_only(Path(warehouse)) as connection:
        tables = [connection.sql(f"SELECT * FROM {name}").pl() for name in
                  ("engagements", "engagement_evidence", "engagement_participants", "articles")]
    return predictions_from_tables(*tables)


def date_in_range(predicted: pl.Expr, gold: pl.Expr, precision: pl.Expr) -> pl.Expr:
    """Whether a predicted start date falls in the gold date's range: a day's gold allows a day either side (the
    report date and the event's day are often one apart across time zones); a month's gold that month; a year's
    that year; an undated gold accepts any date or none. A dated gold is never matched by an undated prediction:
    the date is part of what was to be found."""
    return (
        pl.when(gold.is_null()).then(True)
        .when(predicted.is_null()).then(False)
        .when(precision == "year").then(predicted.dt.year() == gold.dt.year())
        .when(precision == "month").then(predicted.dt.truncate("1mo") == gold.dt.truncate("1mo"))
        .otherwise((predicted - gold).dt.total_days().abs() <= 1)
    )


def candidates(predictions: pl.DataFrame, citations: pl.DataFrame, gold: pl.DataFrame) -> pl.DataFrame:
    """Every (prediction, gold) pair that may match: same pair and type, the prediction cites an article the gold
    comes from, its date in the gold's range. Ranked best first: a required record before an optional one (a
    prediction spent on an optional record could have been a true positive), then the same date precision, the
    same status, the nearer date, and ids (a stable order)."""
    cited = citations.join(predictions, on="engagement_id")
    return (
        cited.join(gold.explode("articles").rename({"articles": "article"}),
                   on=["article", *PAIR, "engagement_type"], suffix="_gold")
        .filter(date_in_range(pl.col("start_date"), pl.col("start_date_gold"), pl.col("date_precision_gold")))
        .unique(["engagement_id", "gold_id"])
        .with_columns(
            pl.col("optional").alias("rank_optional"),
            pl.col("date_precision").ne_missing(pl.col("date_precision_gold")).alias("rank_precision"),
            pl.col("status").ne_missing(pl.col("status_gold")).alias("rank_status"),
            (pl.col("start_date") - pl.col("start_date_gold")).dt.total_days().abs().fill_null(0).alias("rank_days"),
        )
        .sort("rank_optional", "rank_precision", "rank_status", "rank_days", "gold_id", "engagement_id")
        .select("engagement_id", "gold_id", "optional")
    )


def greedy_match(ranked: pl.DataFrame) -> pl.DataFrame:
    """One-to-one matching, best candidate first: each prediction and each gold record is used at most once.
    Greedy rather than optimal, as the guide's scoring is: a better-fitting prediction wins its record."""
    used_predictions, used_gold, rows = set(), set(), []
    for engagement_id, gold_id, optional in ranked.iter_rows():
        if engagement_id not in used_predictions and gold_id not in used_gold:
            used_predictions.add(engagement_id)
            used_gold.add(gold_id)
            rows.append((engagement_id, gold_id, optional))
    return pl.DataFrame(rows, schema={"engagement_id": pl.String, "gold_id": pl.String, "optional": pl.Boolean},
                        orient="row")


def _surname_tokens(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z]+", folded)


def participants_found(gold_names: list[str], predicted_names: list[str]) -> int:
    """How many gold participants are among the predicted ones, by surname: the last word of the gold name (accents
    and case aside) is a word of a predicted name. Articles spell given names and titles variously; the guide
    treats a surname alone as the same person."""
    predicted = {token for name in predicted_names for token in _surname_tokens(name)}
    return sum(1 for name in gold_names if (tokens := _surname_tokens(name)) and tokens[-1] in predicted)


def _ratio(hits: int, total: int) -> dict:
    return {"value": hits / total if total else None, "hits": hits, "total": total}


def _f1(precision: dict, recall: dict) -> dict:
    p, r = precision["value"], recall["value"]
    return {"value": 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)}


def _city_spelling(names: pl.Series) -> pl.Series:
    """City names with case and diacritics aside: "Bogota" and "Bogotá" are one city."""
    return names.str.strip_chars().str.normalize("NFKD").str.replace_all(r"\p{Mn}", "").str.to_lowercase()


def attribute_accuracy(matched: pl.DataFrame) -> dict[str, dict]:
    """Accuracy of the details of matched records (each prediction joined with its gold, ``_gold`` suffix): status;
    date as exact start and precision; city, with case and diacritics aside, only where the gold has one; ordinal only where
    either side has one (an invented ordinal is as wrong as a missed one); participants as the share of gold names
    found by surname."""
    city = matched.filter(pl.col("location_city_gold").is_not_null())
    ordinal = matched.filter(pl.col("ordinal").is_not_null() | pl.col("ordinal_gold").is_not_null())
    found = sum(participants_found(g, p) for g, p in zip(matched["participants_gold"], matched["participants"], strict=True))
    return {
        "status accuracy": _ratio(int(matched["status"].eq_missing(matched["status_gold"]).sum()), matched.height),
        "date accuracy": _ratio(int((matched["start_date"].eq_missing(matched["start_date_gold"])
                                     & matched["date_precision"].eq_missing(matched["date_precision_gold"])).sum()),
                                matched.height),
        "city accuracy": _ratio(int((_city_spelling(city["location_city"]) == _city_spelling(city["location_city_gold"]))
                                    .fill_null(False).sum()), city.height),
        "ordinal accuracy": _ratio(int(ordinal["ordinal"].cast(pl.Int64).eq_missing(ordinal["ordinal_gold"]).sum()),
                                   ordinal.height),
        "participants recall": _ratio(found, int(matched["participants_gold"].list.len().sum() or 0)),
    }


def loose_scores(gold: GoldSet, citations: pl.DataFrame, predictions: pl.DataFrame) -> dict[str, dict]:
    """Pair-only scores per article: a pair a prediction cites in an article against the pairs of that article's
    required records, ignoring type and date. Pairs only optional records give are left out of both sides."""
    per_article = gold.engagements.explode("articles").rename({"articles": "article"})
    wanted = per_article.filter(~pl.col("optional")).select("article", *PAIR).unique()
    optional = per_article.filter(pl.col("optional")).select("article", *PAIR).unique().join(wanted, on=["article", *PAIR], how="anti")
    found = (citations.join(predictions.select("engagement_id", *PAIR), on="engagement_id")
             .select("article", *PAIR).unique().join(optional, on=["article", *PAIR], how="anti"))
    hits = found.join(wanted, on=["article", *PAIR]).height
    precision, recall = _ratio(hits, found.height), _ratio(hits, wanted.height)
    return {"loose precision": precision, "loose recall": recall, "loose F1": _f1(precision, recall)}


def negative_hits(gold: GoldSet, citations: pl.DataFrame, predictions: pl.DataFrame) -> pl.DataFrame:
    """Predictions citing an article of kind ``negative`` (any pair there is wrong) or naming a pair the gold marks
    ``not_engaged`` in that article: errors the guide's exclusions (conflicts, multilateral meetings, vague ties)
    are meant to prevent, worth reporting apart from other false positives."""
    cited = citations.join(predictions, on="engagement_id")
    negative_articles = gold.manifest.filter(pl.col("kind") == "negative").select("article")
    in_negative = cited.join(negative_articles, on="article").with_columns(reason=pl.lit("negative article"))
    not_engaged = cited.join(gold.not_engaged.select("article", *PAIR), on=["article", *PAIR]).with_columns(
        reason=pl.lit("not_engaged pair"))
    return (pl.concat([in_negative, not_engaged]).unique(["engagement_id", "article"], keep="first", maintain_order=True)
            .select("article", *PAIR, "engagement_type", "status", "start_date", "date_precision", "engagement_id",
                    "reason", "sentence").sort("article", *PAIR, "engagement_id"))


def split_duplicates(ranked: pl.DataFrame, matches: pl.DataFrame) -> tuple[pl.DataFrame, set[str]]:
    """(split duplicates, ignored predictions). A prediction left unmatched although it fits a record has lost that
    record to a better prediction: an extra row for one engagement, which the guide counts as a false positive
    (a split duplicate) when the record is required. Predictions matched to optional records, or only fitting
    optional records already matched, are ignored: neither true nor false."""
    leftover = ranked.join(matches, on="engagement_id", how="anti")
    duplicates = (leftover.filter(~pl.col("optional")).unique("engagement_id", keep="first", maintain_order=True)
                  .select("engagement_id", reason=pl.concat_str(pl.lit("split duplicate of "), "gold_id")))
    ignored = set(matches.filter("optional")["engagement_id"]) | set(leftover["engagement_id"])
    return duplicates, ignored - set(duplicates["engagement_id"])


def _misses(required: pl.DataFrame, citations: pl.DataFrame, predictions: pl.DataFrame) -> pl.DataFrame:
    """Unmatched required records, each with what was predicted for its pair in its first article (``near``, and
    the first such prediction's evidence ``sentence``): usually the reason it was missed."""
    near = (citations.join(predictions, on="engagement_id").group_by("article", *PAIR, maintain_order=True)
            .agg(pl.concat_str("engagement_type", "status", pl.col("start_date").cast(pl.String).fill_null("undated"),
                               separator=" ").alias("near"), pl.col("sentence").first()))
    return (required.with_columns(article=pl.col("articles").list.first())
            .join(near, on=["article", *PAIR], how="left")
            .select("article", pl.col("articles").list.join(" "), *PAIR, "engagement_type", "status", "start_date",
                    "date_precision", "gold_id", "note", pl.col("near").list.join("; ").fill_null(""), "sentence")
            .sort("article", *PAIR, "gold_id"))


def evaluate(gold: GoldSet, predictions: pl.DataFrame, citations: pl.DataFrame) -> Report:
    """Score predictions against the gold set. Only predictions citing an article of the selected split are
    scored (a warehouse may hold other articles). Precision counts true positives against true and false ones,
    recall against the required records."""
    citations = citations.join(gold.manifest.select("article"), on="article")
    predictions = predictions.join(citations.select("engagement_id").unique(), on="engagement_id")
    ranked = candidates(predictions, citations, gold.engagements)
    matches = greedy_match(ranked)
    duplicates, ignored = split_duplicates(ranked, matches)
    true_matches = matches.filter(~pl.col("optional"))
    required = gold.engagements.filter(~pl.col("optional"))
    false = predictions.filter(~pl.col("engagement_id").is_in([*ignored, *true_matches["engagement_id"]]))
    tp, fp = true_matches.height, false.height
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, required.height)
    negatives = negative_hits(gold, citations, predictions)
    reasons = pl.concat([duplicates, negatives.select("engagement_id", "reason")]).unique(
        "engagement_id", keep="first", maintain_order=True)
    false_rows = (false.join(citations.unique("engagement_id", keep="first", maintain_order=True), on="engagement_id")
                  .join(reasons, on="engagement_id", how="left").with_columns(pl.col("reason").fill_null("no gold record"))
                  .select("article", *PAIR, "engagement_type", "status", "start_date", "date_precision",
                          "engagement_id", "reason", "sentence").sort("article", *PAIR, "engagement_id"))
    misses = _misses(required.join(true_matches, on="gold_id", how="anti"), citations, predictions)
    misses, false_rows, kinds = anatomy(
        misses, false_rows, gold.engagements.explode("articles").rename({"articles": "article"}),
        citations.join(predictions, on="engagement_id"))
    matched = (true_matches.drop("optional").join(predictions, on="engagement_id")
               .join(gold.engagements, on="gold_id", suffix="_gold"))
    measures = {"strict precision": precision, "strict recall": recall, "strict F1": _f1(precision, recall)}
    measures |= loose_scores(gold, citations, predictions) | attribute_accuracy(matched)
    counts = {"gold required": required.height, "gold optional": gold.engagements.height - required.height,
              "predictions scored": predictions.height, "true positives": tp, "false positives": fp,
              "missed": misses.height, "optional or ignored": len(ignored), "split duplicates": duplicates.height,
              "negative hits": negatives.select("article", *PAIR).unique().height}
    return Report(gold.split, measures, counts, misses, false_rows, negatives, matches, anatomy=kinds)


def stage_texts(gold: GoldSet, input_folder: Path) -> list[dict]:
    """Link (or copy) each split article's ``texts/<article>.txt`` into ``input_folder`` under its own name, so the
    build's ``source_file`` stem is the article id; the manifest lines of texts that are missing, returned."""
    input_folder.mkdir(parents=True, exist_ok=True)
    missing = []
    for row in gold.manifest.iter_rows(named=True):
        text = gold.folder / "texts" / f"{row['article']}.txt"
        if not text.is_file():
            missing.append({key: row[key] for key in ("article", "query", "rank", "url")})
            continue
        try:
            (input_folder / text.name).symlink_to(text.resolve())
        except OSError:
            (input_folder / text.name).write_bytes(text.read_bytes())
    return missing


def build_and_evaluate(gold_path: Path, split: str = "all", warehouse: Path | None = None) -> Report:
    """Build a warehouse from the split's texts with the real build, then score it. Without ``warehouse``, the
    warehouse and its cache live in a temporary folder. Missing texts are reported, and their records count as
    missed. The build runs as ``bilateral build`` in a process of its own: Dagster keeps the last job definition a
    process resolved (``ReconstructableJob.get_definition`` is cached), so a second build in one process would
    reuse the first one's settings and write the first one's warehouse."""
    gold = load_gold(gold_path, split)
    with tempfile.TemporaryDirectory(prefix="bilateral-evaluate-") as scratch:
        missing = stage_texts(gold, Path(scratch) / "input")
        target = Path(warehouse).resolve() if warehouse else Path(scratch) / "warehouse.duckdb"
        command = [sys.executable, "-m", "pipeline.cli", "build", "--input", str(Path(scratch) / "input"),
                   "--warehouse", str(target)]
        status = subprocess.run(command, check=False).returncode
        if status != 0:
            raise BuildFailed(f"the build of {gold.folder}'s texts failed (exit {status})")
        report = evaluate(gold, *read_predictions(target))
    report.missing_texts = missing
    return report


def _line(row: dict) -> str:
    date_text = f"{row['start_date']} ({row['date_precision']})" if row.get("start_date") else "undated"
    ident = row.get("gold_id") or row.get("engagement_id")
    return (f"{row['article']}  {row['country_a']}-{row['country_b']} {row['engagement_type']} {row.get('status') or ''} "
            f"{date_text}  [{ident}]" + (f"  {row['reason']}" if row.get("reason") else "")
            + (f"  [{row['kind']}]" if row.get("kind") else "") + (f"  near: {row['near']}" if row.get("near") else "") + (f"  ({row['note']})" if row.get("note") else ""))


def print_report(report: Report, console, show: int = 20, gold_folder: Path | None = None) -> None:
    """The rich summary: the measures, the counts, then up to ``show`` misses, false rows and negative hits, each
    with its evidence sentence (for a miss, that of a prediction of the same pair in its article, if any)."""
    from rich.markup import escape
    from rich.table import Table

    table = Table("measure", "value", "of", title=f"Evaluation ({report.split} split)")
    for name, measure in report.measures.items():
        value = "n/a" if measure["value"] is None else f"{measure['value']:.1%}"
        table.add_row(name, value, f"{measure['hits']}/{measure['total']}" if "hits" in measure else "")
    console.print(table)
    console.print(", ".join(f"{name}: {count}" for name, count in report.counts.items()))
    for title, kinds in report.anatomy.items():
        console.print(f"{title.capitalize()} by kind: " + ", ".join(f"{kind} {n}" for kind, n in kinds.items()))
    for title, frame in (("Misses", report.misses), ("False rows", report.false_rows),
                         ("Negative hits", report.negative_hits)):
        if frame.height and show > 0:
            console.print(f"\n[bold]{title}[/bold] ({min(show, frame.height)} of {frame.height})")
            for row in frame.head(show).iter_rows(named=True):
                console.print("  " + escape(_line(row)))
                if row.get("sentence"):
                    console.print(f"      [dim]{escape(row['sentence'][:300])}[/dim]")
    if report.missing_texts:
        console.print(f"[yellow]{len(report.missing_texts)} texts missing[/yellow] (their records count as missed): "
                      + ", ".join(row["article"] for row in report.missing_texts))
        console.print(RECOLLECT_HINT.format(folder=gold_folder or "<gold folder>"))


def command(args) -> int:
    """``bilateral evaluate``: score a warehouse (or, with ``--build``, a fresh build of the gold texts)."""
    from rich.console import Console

    from pipeline import settings

    errors = Console(stderr=True)
    gold_path = Path(args.gold)
    try:
        if args.build:
            report = build_and_evaluate(gold_path, args.split, Path(args.warehouse) if args.warehouse else None)
        else:
            warehouse = Path(args.warehouse).resolve() if args.warehouse else settings.warehouse_file()
            report = evaluate(load_gold(gold_path, args.split), *read_predictions(warehouse))
    except (FileNotFoundError, ValueError, BuildFailed) as error:
        errors.print(f"[red]error:[/red] {error}")
        return 1 if isinstance(error, BuildFailed) else 2
    print_report(report, Console(), args.show, gold_path if gold_path.is_dir() else gold_path.parent)
    if args.json:
        Path(args.json).write_text(json.dumps(report.to_dict(), indent=2, default=str) + "\n", "utf-8")
        errors.print(f"Report written to {args.json}")
    return 0
