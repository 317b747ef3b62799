"""The benchmark, end to end on a tiny corpus: every stage measured, numbers that make sense."""

from __future__ import annotations

from benchmarks.run import COLUMNS, benchmark_corpus, markdown, target_lines

STAGES = {
    "raw_input",
    "cleaned_articles",
    "entities",
    "fused_engagements",
    "bilateral_warehouse",
    "end to end",
    "naive baseline (sample)",
    "with prefilter (sample)",
}


def test_the_benchmark_measures_every_stage_the_baseline_and_the_reruns(tmp_path):
    result = benchmark_corpus(tmp_path, 60, mix=0.5, seed=3, sample=8, added=3)

    rows = {row["stage"]: row for row in result["rows"]}
    assert set(rows) >= STAGES
    assert rows["end to end"]["articles"] == 60
    assert 0 < rows["entities"]["articles"] < 60, "extraction sees canonical articles only"
    assert rows["naive baseline (sample)"]["articles"] == rows["with prefilter (sample)"]["articles"] == 8
    for row in rows.values():
        assert row["wall_s"] > 0 and row["words_per_s"] > row["articles_per_s"] > 0
    for stage in ["end to end", "naive baseline (sample)", "with prefilter (sample)"]:
        assert 0 <= rows[stage]["precision"] <= 1 and 0 <= rows[stage]["recall"] <= 1
    assert rows["end to end"]["recall"] > 0.3
    assert rows["end to end"]["peak_rss_mb"] > 50
    assert [rerun["run"] for rerun in result["reruns"]] == [
        "unchanged input",
        "first 3 new articles",
        "3 more new articles",
    ]
    assert [rerun["articles_cleaned"] for rerun in result["reruns"]] == [0, 3, 3]
    assert all(rerun["wall_s"] > 0 for rerun in result["reruns"])
    assert [len(rerun["attempts_wall_s"]) for rerun in result["reruns"]] == [1, 3, 3]
    for update in result["reruns"][1:]:
        assert sorted(update["attempts_wall_s"])[1] == update["wall_s"]
    assert [rerun["warehouse_write"] for rerun in result["reruns"]] == ["unchanged", "updated in place", "updated in place"]
    assert all("bilateral_warehouse" in rerun["step_seconds"] for rerun in result["reruns"])
    assert (
        "| " + " | ".join(title for _, title, _ in COLUMNS) + " |" in markdown([result], "", []).splitlines()
    )
    assert all(line.startswith(("met: ", "MISSED: ")) for line in target_lines([result, result]))


def test_a_benchmark_run_rewrites_its_tables_and_keeps_what_follows_them(tmp_path):
    from benchmarks.run import GENERATED_END, write_results

    results = tmp_path / "results.md"
    write_results(results, "# Benchmark results\n\nold tables\n")
    results.write_text(results.read_text() + "\n## History\n\nan earlier run\n")

    write_results(results, "# Benchmark results\n\nnew tables\n")

    text = results.read_text()
    assert "new tables" in text and "old tables" not in text
    assert text.index(GENERATED_END) < text.index("## History") and "an earlier run" in text
