"""Scoring a warehouse against a gold set (pipeline/evaluate.py), as the annotation guide's "Scoring" says.

The small cases build the gold and the warehouse tables inline; the end-to-end tests build a real warehouse from
the made-up articles of tests/gold/ (our own text, no news) and run `bilateral evaluate` on it.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from pipeline import cli
from pipeline.evaluate import (
    build_and_evaluate,
    evaluate,
    gold_set,
    load_gold,
    participants_found,
    predictions_from_tables,
    stage_texts,
)

GOLD_FOLDER = Path(__file__).resolve().parent / "gold"
PROJECT_ROOT = GOLD_FOLDER.parent.parent


# ---- inline gold sets and warehouses -------------------------------------------------------------------------

def manifest(*articles: str, split: str = "dev", kind: str = "engagement") -> list[dict]:
    return [{"article": article, "split": split, "kind": kind} for article in articles]


def record(gold_id: str, articles: list[str], pair: str, kind: str, start: str | None = None,
           precision: str | None = None, **details) -> dict:
    a, b = pair.split("-")
    return {"kind": "engagement", "id": gold_id, "articles": articles, "country_a": a, "country_b": b,
            "engagement_type": kind, "status": details.pop("status", "held"), "start_date": start,
            "date_precision": precision or ("day" if start else None), **details}


def predicted(*engagements: dict, duplicates: dict[str, str] | None = None):
    """(predictions, citations) from warehouse tables holding these engagements. Each engagement gives its `id`,
    `pair`, `type`, `cites` (article ids, i.e. source file stems) and optionally `start`, `precision`, `status`,
    `city`, `ordinal`, `people`; `duplicates` maps a duplicate article to its canonical one."""
    duplicates = duplicates or {}
    stems = sorted({a for e in engagements for a in e["cites"]} | set(duplicates) | set(duplicates.values()))
    articles = pl.DataFrame({
        "article_id": [f"id-{stem}" for stem in stems], "source_file": [f"{stem}.txt" for stem in stems],
        "duplicate_of": [f"id-{duplicates[stem]}" if stem in duplicates else None for stem in stems],
    })
    rows = [{
        "engagement_id": e["id"], "country_a": e["pair"][:3], "country_b": e["pair"][4:],
        "engagement_type": e["type"], "status": e.get("status", "held"),
        "start_date": date.fromisoformat(e["start"]) if e.get("start") else None,
        "date_precision": e.get("precision", "day" if e.get("start") else None),
        "location_city": e.get("city"), "ordinal": e.get("ordinal"),
    } for e in engagements]
    engagement_table = pl.DataFrame(rows, schema={
        "engagement_id": pl.String, "country_a": pl.String, "country_b": pl.String, "engagement_type": pl.String,
        "status": pl.String, "start_date": pl.Date, "date_precision": pl.String, "location_city": pl.String,
        "ordinal": pl.Int32})
    evidence = pl.DataFrame([
        {"engagement_id": e["id"], "article_id": f"id-{article}", "sentence_index": 0,
         "sentence": e.get("sentence", f"{e['pair']} {e['type']} in {article}.")}
        for e in engagements for article in e["cites"]
    ], schema={"engagement_id": pl.String, "article_id": pl.String, "sentence_index": pl.Int32, "sentence": pl.String})
    people = pl.DataFrame([{"engagement_id": e["id"], "name": name} for e in engagements for name in e.get("people", [])],
                          schema={"engagement_id": pl.String, "name": pl.String})
    return predictions_from_tables(engagement_table, evidence, people, articles)


def score(articles: list[dict], facts: list[dict], *engagements: dict, split: str = "all", **options):
    return evaluate(gold_set(articles, facts, split), *predicted(*engagements, **options))


def counted(report, *names: str) -> tuple[int, ...]:
    return tuple(report.counts[name] for name in names)


MEETING = record("g1", ["a1"], "ARG-BRA", "meeting", "2023-01-23", "day")


# ---- matching ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("start", "matches"), [("2023-01-22", True), ("2023-01-23", True), ("2023-01-24", True),
                                                 ("2023-01-21", False), ("2023-01-25", False)])
def test_a_gold_day_accepts_its_day_and_one_day_either_side(start, matches):
    report = score(manifest("a1"), [MEETING], {"id": "p", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"], "start": start})
    assert counted(report, "true positives", "false positives") == ((1, 0) if matches else (0, 1))


@pytest.mark.parametrize(("start", "matches"), [("2023-09-01", True), ("2023-09-30", True), ("2023-08-31", False),
                                                 ("2023-10-01", False), ("2022-09-15", False)])
def test_a_gold_month_accepts_any_day_of_that_month(start, matches):
    gold = record("g1", ["a1"], "IND-JPN", "visit", "2023-09-01", "month")
    report = score(manifest("a1"), [gold], {"id": "p", "pair": "IND-JPN", "type": "visit", "cites": ["a1"], "start": start})
    assert report.counts["true positives"] == int(matches)


@pytest.mark.parametrize(("start", "matches"), [("2008-01-01", True), ("2008-12-31", True), ("2009-01-01", False)])
def test_a_gold_year_accepts_any_date_of_that_year(start, matches):
    gold = record("g1", ["a1"], "FRA-IND", "agreement", "2008-01-01", "year")
    report = score(manifest("a1"), [gold], {"id": "p", "pair": "FRA-IND", "type": "agreement", "cites": ["a1"], "start": start})
    assert report.counts["true positives"] == int(matches)


@pytest.mark.parametrize("start", ["1999-05-05", "2030-01-01", None])
def test_an_undated_gold_accepts_any_date_or_none(start):
    gold = record("g1", ["a1"], "KEN-TZA", "cooperation")
    report = score(manifest("a1"), [gold], {"id": "p", "pair": "KEN-TZA", "type": "cooperation", "cites": ["a1"], "start": start})
    assert report.counts["true positives"] == 1


def test_a_dated_gold_is_not_matched_by_an_undated_prediction():
    report = score(manifest("a1"), [MEETING], {"id": "p", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"]})
    assert counted(report, "true positives", "false positives", "missed") == (0, 1, 1)


def test_pair_type_and_a_cited_gold_article_must_all_agree():
    report = score(
        manifest("a1", "a2"), [MEETING],
        {"id": "other-type", "pair": "ARG-BRA", "type": "call", "cites": ["a1"], "start": "2023-01-23"},
        {"id": "other-pair", "pair": "ARG-CHL", "type": "meeting", "cites": ["a1"], "start": "2023-01-23"},
        {"id": "other-article", "pair": "ARG-BRA", "type": "meeting", "cites": ["a2"], "start": "2023-01-23"},
    )
    assert counted(report, "true positives", "false positives") == (0, 3)


def test_the_best_candidate_wins_the_record_and_the_other_is_a_split_duplicate():
    """Same date precision and status are preferred to a nearer date; the loser is a false positive."""
    report = score(
        manifest("a1"), [MEETING],
        {"id": "p-month", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"], "start": "2023-01-23", "precision": "month"},
        {"id": "p-day", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"], "start": "2023-01-24"},
    )
    assert report.matches["engagement_id"].to_list() == ["p-day"]
    assert counted(report, "true positives", "false positives", "split duplicates") == (1, 1, 1)
    assert report.false_rows.row(0, named=True)["reason"] == "split duplicate of g1"


def test_split_duplicates_count_as_false_positives():
    report = score(manifest("a1"), [MEETING], *[
        {"id": f"p{i}", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"], "start": "2023-01-23"} for i in range(3)
    ])
    assert counted(report, "true positives", "false positives", "split duplicates") == (1, 2, 2)
    assert report.measures["strict precision"]["value"] == pytest.approx(1 / 3)
    assert report.measures["strict recall"]["value"] == 1.0


def test_optional_records_are_neither_rewarded_nor_penalised():
    implied = record("g2", ["a1"], "ARG-BRA", "visit", "2023-01-23", "day", optional=True)
    report = score(manifest("a1"), [MEETING, implied],
                   {"id": "p1", "pair": "ARG-BRA", "type": "visit", "cites": ["a1"], "start": "2023-01-23"},
                   {"id": "p2", "pair": "ARG-BRA", "type": "visit", "cites": ["a1"], "start": "2023-01-23"})
    assert counted(report, "true positives", "false positives", "optional or ignored", "gold required") == (0, 0, 2, 1)
    assert report.measures["strict recall"]["total"] == 1
    assert report.measures["strict precision"]["value"] is None


def test_a_prediction_matching_both_prefers_the_required_record():
    optional = record("g0", ["a1"], "ARG-BRA", "meeting", "2023-01-23", "day", optional=True)
    report = score(manifest("a1"), [optional, MEETING],
                   {"id": "p", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"], "start": "2023-01-23"})
    assert report.matches.row(0) == ("p", "g1", False)


def test_only_predictions_citing_an_article_of_the_selected_split_are_scored():
    articles = manifest("a1") + manifest("t1", split="test")
    facts = [MEETING, record("g2", ["t1"], "CHL-PER", "call", "2023-02-01", "day")]
    outside = {"id": "elsewhere", "pair": "CAN-USA", "type": "call", "cites": ["not-in-gold"], "start": "2023-01-01"}
    test_call = {"id": "t", "pair": "CHL-PER", "type": "call", "cites": ["t1"], "start": "2023-02-01"}
    report = score(articles, facts, outside, test_call, split="dev")
    assert counted(report, "predictions scored", "gold required", "missed") == (0, 1, 1)
    report = score(articles, facts, outside, test_call, split="test")
    assert counted(report, "predictions scored", "true positives", "gold required") == (1, 1, 1)


# ---- negatives and duplicates --------------------------------------------------------------------------------

def test_any_pair_in_a_negative_article_and_a_not_engaged_pair_are_negative_hits():
    articles = manifest("a1") + manifest("n1", kind="negative")
    facts = [MEETING, {"kind": "not_engaged", "article": "a1", "country_a": "USA", "country_b": "CHN", "note": "tariffs"}]
    report = score(articles, facts,
                   {"id": "in-negative", "pair": "CAN-MEX", "type": "meeting", "cites": ["n1"]},
                   {"id": "not-engaged", "pair": "CHN-USA", "type": "call", "cites": ["a1"]})
    hits = report.negative_hits.sort("article")
    assert hits.select("article", "country_a", "country_b", "reason").rows() == [
        ("a1", "CHN", "USA", "not_engaged pair"), ("n1", "CAN", "MEX", "negative article")]
    assert counted(report, "negative hits", "false positives") == (2, 2)


def test_a_prediction_citing_the_canonical_article_is_credited_to_its_duplicate():
    """Evidence cites canonical articles only; the gold may come from the duplicate (another outlet's copy)."""
    gold = record("g1", ["copy"], "ARG-BRA", "meeting", "2023-01-23", "day")
    report = score(manifest("copy"), [gold],
                   {"id": "p", "pair": "ARG-BRA", "type": "meeting", "cites": ["original"], "start": "2023-01-23"},
                   duplicates={"copy": "original"})
    assert counted(report, "predictions scored", "true positives") == (1, 1)
    assert report.measures["loose recall"]["value"] == 1.0


# ---- accuracy of the matched records -------------------------------------------------------------------------

@pytest.mark.parametrize(("gold_names", "predicted_names", "found"), [
    (["Rajnath Singh"], ["Rajnath Singh"], 1),
    (["Narendra Modi"], ["Modi"], 1),
    (["Mevlüt Çavuşoğlu"], ["Mevlut Cavusoglu"], 1),
    (["Yoon Suk Yeol"], ["Yoon Suk-yeol"], 1),
    (["Fumio Kishida", "Narendra Modi"], ["Fumio Kishida"], 1),
    (["Catherine Colonna"], ["Catherine Vautrin"], 0),
])
def test_participants_are_found_by_surname(gold_names, predicted_names, found):
    assert participants_found(gold_names, predicted_names) == found


def test_a_city_is_the_same_with_case_and_diacritics_aside():
    facts = [record("g1", ["a1"], "COL-ECU", "meeting", "2023-01-23", "day", location_city="Bogotá")]
    report = score(
        manifest("a1"), facts,
        {"id": "p1", "pair": "COL-ECU", "type": "meeting", "cites": ["a1"], "start": "2023-01-23", "city": "BOGOTA"},
    )
    assert (report.measures["city accuracy"]["hits"], report.measures["city accuracy"]["total"]) == (1, 1)


def test_details_are_scored_on_matched_records_only_where_they_apply():
    """Status and date on every match; city only where the gold has one (case aside); ordinal where either has one."""
    facts = [
        record("g1", ["a1"], "ARG-BRA", "meeting", "2023-01-23", "day", location_city="Buenos Aires", ordinal=2,
               participants=[{"name": "Alberto Fernandez"}, {"name": "Luiz Inacio Lula da Silva"}]),
        record("g2", ["a1"], "ARG-BRA", "agreement", "2023-01-01", "month", status="planned"),
        record("g3", ["a1"], "ARG-BRA", "call", "2023-01-10", "day"),
    ]
    report = score(
        manifest("a1"), facts,
        {"id": "p1", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"], "start": "2023-01-23",
         "city": "buenos aires", "ordinal": 2, "people": ["Luiz Inácio Lula da Silva"]},
        {"id": "p2", "pair": "ARG-BRA", "type": "agreement", "cites": ["a1"], "start": "2023-01-24", "status": "held",
         "city": "Brasilia"},
        {"id": "p3", "pair": "ARG-BRA", "type": "call", "cites": ["a1"], "start": "2023-01-10", "ordinal": 1},
    )
    hits = {name: (m["hits"], m["total"]) for name, m in report.measures.items() if "hits" in m}
    assert hits["status accuracy"] == (2, 3)
    assert hits["date accuracy"] == (2, 3)
    assert hits["city accuracy"] == (1, 1)
    assert hits["ordinal accuracy"] == (1, 2)
    assert hits["participants recall"] == (1, 2)


def test_loose_scores_compare_pairs_per_article_whatever_the_type_and_date():
    articles = manifest("a1", "a2")
    facts = [MEETING, record("g2", ["a2"], "CHL-PER", "call", "2023-02-01", "day")]
    report = score(articles, facts,
                   {"id": "p1", "pair": "ARG-BRA", "type": "visit", "cites": ["a1"]},
                   {"id": "p2", "pair": "CHL-PER", "type": "call", "cites": ["a1"], "start": "2023-02-01"})
    assert report.measures["loose precision"] | {"value": None} == {"value": None, "hits": 1, "total": 2}
    assert report.measures["loose recall"] | {"value": None} == {"value": None, "hits": 1, "total": 2}


def test_misses_and_false_rows_name_their_article_and_an_evidence_sentence():
    report = score(manifest("a1"), [MEETING],
                   {"id": "p", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"], "start": "2023-03-01",
                    "sentence": "The leaders will meet again in March."})
    miss, false = report.misses.row(0, named=True), report.false_rows.row(0, named=True)
    assert (miss["article"], miss["gold_id"], miss["near"]) == ("a1", "g1", "meeting held 2023-03-01")
    assert (false["article"], false["engagement_id"], false["reason"]) == ("a1", "p", "no gold record")
    assert false["sentence"] == miss["sentence"] == "The leaders will meet again in March."


def test_misses_are_told_apart_by_what_was_predicted_for_their_pair():
    visit = record("g2", ["a1"], "ARG-CHL", "visit", "2023-01-20", "day")
    call = record("g3", ["a1"], "ARG-URY", "call", "2023-01-21", "day")
    report = score(manifest("a1"), [MEETING, visit, call],
                   {"id": "p1", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"]},
                   {"id": "p2", "pair": "ARG-CHL", "type": "meeting", "cites": ["a1"], "start": "2023-01-20"})
    kinds = dict(report.misses.select("gold_id", "kind").iter_rows())
    assert kinds == {"g1": "found undated", "g2": "pair found, other type", "g3": "pair not found"}
    assert report.anatomy["misses"]["found undated"] == 1


def test_false_rows_are_told_apart_by_what_the_gold_holds_for_their_pair():
    report = score(manifest("a1"), [MEETING],
                   {"id": "p1", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"], "start": "2023-01-23"},
                   {"id": "p2", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"]},
                   {"id": "p3", "pair": "ARG-BRA", "type": "visit", "cites": ["a1"]},
                   {"id": "p4", "pair": "BRA-CHL", "type": "meeting", "cites": ["a1"]},
                   {"id": "p5", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"], "start": "2023-01-24"},
                   {"id": "p6", "pair": "ARG-BRA", "type": "meeting", "cites": ["a1"], "start": "2023-05-01"})
    kinds = dict(report.false_rows.select("engagement_id", "kind").iter_rows())
    assert kinds == {"p2": "undated twin of a gold record", "p3": "other type than the gold records",
                     "p4": "no gold record for the pair", "p5": "split duplicate",
                     "p6": "other date than the gold record"}


# ---- gold files ----------------------------------------------------------------------------------------------

def write_gold_folder(folder: Path, suffix: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = manifest("a1") + manifest("t1", split="test")
    (folder / f"manifest{suffix}.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    facts = [MEETING, record("g2", ["t1"], "CHL-PER", "call", "2023-02-01", "day")]
    (folder / f"gold{suffix}.jsonl").write_text("".join(json.dumps(fact) + "\n" for fact in facts))
    return folder


def test_a_gold_folder_is_read_with_its_split(tmp_path):
    folder = write_gold_folder(tmp_path / "set")
    assert load_gold(folder, "dev").engagements["gold_id"].to_list() == ["g1"]
    assert load_gold(folder, "test").engagements["gold_id"].to_list() == ["g2"]
    assert load_gold(folder, "all").manifest.height == 2


def test_one_gold_file_takes_the_manifest_beside_it(tmp_path):
    folder = write_gold_folder(tmp_path / "set", suffix="-b")
    (folder / "manifest-a.jsonl").write_text(json.dumps({"article": "other", "split": "dev"}) + "\n")
    gold = load_gold(folder / "gold-b.jsonl", "all")
    assert sorted(gold.manifest["article"]) == ["a1", "t1"]


def test_staging_texts_reports_the_missing_ones_with_how_to_find_them(tmp_path):
    folder = write_gold_folder(tmp_path / "set")
    (folder / "texts").mkdir()
    (folder / "texts" / "a1.txt").write_text(" date 2023-01-24\nA text.\n")
    lines = [{"article": "a1", "split": "dev"}, {"article": "b2", "split": "dev", "query": "q", "rank": 3, "url": "u"}]
    (folder / "manifest.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    missing = stage_texts(load_gold(folder, "dev"), tmp_path / "input")
    assert [path.name for path in (tmp_path / "input").iterdir()] == ["a1.txt"]
    assert missing == [{"article": "b2", "query": "q", "rank": 3, "url": "u"}]


# ---- tools/realset.py ----------------------------------------------------------------------------------------

def realset():
    spec = importlib.util.spec_from_file_location("realset", PROJECT_ROOT / "tools" / "realset.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_realset_check_passes_when_every_text_matches_its_manifest(capsys):
    assert realset().check(GOLD_FOLDER) == 0
    assert "4 of 4 texts match" in capsys.readouterr().out


def test_realset_check_fails_on_missing_and_changed_texts_and_says_how_to_recollect(tmp_path, capsys):
    folder = tmp_path / "gold"
    shutil.copytree(GOLD_FOLDER, folder)
    (folder / "texts" / "ev-003.txt").unlink()
    (folder / "texts" / "ev-004.txt").write_text(" date 2024-07-02\nAnother text.\n")
    assert realset().check(folder) == 1
    out = capsys.readouterr().out
    assert "ev-003           dev   missing" in out
    assert "'made-up test article', result rank 3, url https://example.org/ev-003" in out
    assert "ev-004           dev   differs (chars, sha256, first_words)" in out


# ---- end to end ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A real build of tests/gold's texts through `build_and_evaluate`, with one more manifest line whose text is
    missing; the warehouse is kept for `bilateral evaluate`."""
    folder = tmp_path_factory.mktemp("evaluate")
    gold = folder / "gold"
    shutil.copytree(GOLD_FOLDER, gold)
    with (gold / "manifest.jsonl").open("a") as lines:
        lines.write(json.dumps({"article": "ev-005", "split": "dev", "kind": "engagement", "query": "made-up test article",
                                "rank": 5, "url": "https://example.org/ev-005"}) + "\n")
    home = folder / "dagster_home"
    home.mkdir()
    shutil.copy(PROJECT_ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DAGSTER_HOME", str(home))
        patch.delenv("BILATERAL_STORAGE", raising=False)
        report = build_and_evaluate(gold, "dev", warehouse=folder / "warehouse.duckdb")
    return report, folder / "warehouse.duckdb"


def test_build_and_evaluate_builds_the_split_and_reports_missing_texts(built):
    report, warehouse = built
    assert warehouse.is_file()
    assert report.missing_texts == [{"article": "ev-005", "query": "made-up test article", "rank": 5,
                                     "url": "https://example.org/ev-005"}]
    assert counted(report, "true positives", "missed") == (4, 1)


def test_bilateral_evaluate_scores_the_built_warehouse(built, tmp_path, capsys):
    """ev-001 and ev-002 are one article from two outlets (the build keeps one as canonical), ev-003 has a call, a
    planned visit and a past meeting the build misses, ev-004 is a negative article ("had no plans to meet": no
    record, by the annotation guide, and the build now makes none)."""
    _, warehouse = built
    out = tmp_path / "report.json"
    assert cli.main(["evaluate", "--gold", str(GOLD_FOLDER), "--warehouse", str(warehouse), "--json", str(out)]) == 0
    report = json.loads(out.read_text())
    assert report["counts"] == {
        "gold required": 5, "gold optional": 2, "predictions scored": 4, "true positives": 4, "false positives": 0,
        "missed": 1, "optional or ignored": 0, "split duplicates": 0, "negative hits": 0}
    values = {name: measure["value"] for name, measure in report["measures"].items()}
    assert values == pytest.approx({
        "strict precision": 1.0, "strict recall": 0.8, "strict F1": 8 / 9,
        "loose precision": 1.0, "loose recall": 1.0, "loose F1": 1.0,
        "status accuracy": 1.0, "date accuracy": 1.0, "city accuracy": 1.0, "ordinal accuracy": 1.0,
        "participants recall": 1.0})
    assert [miss["gold_id"] for miss in report["misses"]] == ["ev-003#3"]
    assert report["false_rows"] == []
    printed = capsys.readouterr().out
    assert "strict precision" in printed and "80.0%" in printed and "Misses (1 of 1)" in printed
