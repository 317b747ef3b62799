"""Reruns: the same input keeps ids and warehouse content; new articles are the only work done."""

from __future__ import annotations

import shutil

from conftest import SEED_FOLDER, materialize_all

from pipeline.warehouse import connect_read_only

QUERIES = {
    "articles": "SELECT * FROM articles ORDER BY article_id",
    "sentences": "SELECT * FROM sentences ORDER BY article_id, sentence_index",
    "entity_mentions": "SELECT * FROM entity_mentions ORDER BY ALL",
    "engagements": "SELECT * EXCLUDE (confidence) FROM engagements ORDER BY engagement_id",
    "persons": "SELECT person_id, name, country_code, role FROM persons ORDER BY person_id",
    "evidence": "SELECT * FROM engagement_evidence ORDER BY ALL",
}

NEW_ARTICLE = (
    " date 2024-03-05\n"
    "Kenyan President William Ruto held a phone call with Ethiopian Prime Minister Abiy Ahmed on Monday, "
    "the two governments said.\n"
)


def snapshot(path):
    with connect_read_only(path) as connection:
        return {name: connection.execute(query).fetchall() for name, query in QUERIES.items()}


def work_done(result) -> dict[str, int]:
    """How many articles each cached stage processed in a run, from the assets' metadata."""
    counters = {}
    for event in result.get_asset_materialization_events():
        metadata = event.materialization.metadata
        for key in (
            "files_parsed",
            "articles_cleaned_this_run",
            "articles_extracted",
            "articles_extracted_this_run",
        ):
            if key in metadata:
                counters[f"{event.asset_key.to_user_string()}.{key}"] = metadata[key].value
    return counters


def test_a_fresh_rebuild_of_the_same_input_keeps_ids_and_content(tmp_path, seed_warehouse):
    result = materialize_all(SEED_FOLDER, tmp_path / "again.duckdb", tmp_path / "storage")
    assert result.success
    assert snapshot(tmp_path / "again.duckdb") == snapshot(seed_warehouse)


def test_a_rerun_on_unchanged_input_recomputes_nothing_and_leaves_the_content_identical(tmp_path):
    first = materialize_all(SEED_FOLDER, tmp_path / "first.duckdb", tmp_path / "storage")
    second = materialize_all(SEED_FOLDER, tmp_path / "second.duckdb", tmp_path / "storage")
    assert first.success and second.success
    assert set(work_done(second).values()) == {0}
    assert snapshot(tmp_path / "second.duckdb") == snapshot(tmp_path / "first.duckdb")


def test_a_rerun_on_unchanged_input_leaves_the_warehouse_file_as_it_is(tmp_path):
    assert materialize_all(SEED_FOLDER, tmp_path / "w.duckdb", tmp_path / "storage").success
    written = (tmp_path / "w.duckdb").stat()
    result = materialize_all(SEED_FOLDER, tmp_path / "w.duckdb", tmp_path / "storage")
    assert result.success
    (event,) = [
        e for e in result.get_asset_materialization_events() if e.asset_key.path == ["bilateral_warehouse"]
    ]
    assert event.materialization.metadata["write"].value == "unchanged"
    assert (tmp_path / "w.duckdb").stat().st_mtime_ns == written.st_mtime_ns


def test_adding_one_article_processes_only_that_article(tmp_path):
    folder = tmp_path / "input"
    shutil.copytree(SEED_FOLDER, folder)
    assert materialize_all(folder, tmp_path / "w.duckdb", tmp_path / "storage").success
    (folder / "kenya_ethiopia.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    result = materialize_all(folder, tmp_path / "w.duckdb", tmp_path / "storage")
    assert result.success
    assert work_done(result) == {
        "raw_articles.files_parsed": 1,
        "entity_mentions.articles_extracted": 1,
        "articles.articles_cleaned_this_run": 1,
        "engagements.articles_extracted_this_run": 1,
    }
    with connect_read_only(tmp_path / "w.duckdb") as connection:
        pairs = connection.execute("SELECT country_a, country_b, engagement_type FROM engagements").fetchall()
    assert ("ETH", "KEN", "call") in pairs


def test_the_warehouse_counts_the_files_of_the_ingest_that_made_its_frames(tmp_path):
    import dagster as dg

    from pipeline.definitions import defs
    from pipeline.defs.resources import (
        ArticleCacheStore,
        BuildLock,
        InputFolder,
        ParquetFrameIOManager,
        Warehouse,
    )

    folder = tmp_path / "input"
    shutil.copytree(SEED_FOLDER, folder)
    resources = {
        "input_folder": InputFolder(path=str(folder)),
        "warehouse": Warehouse(path=str(tmp_path / "w.duckdb")),
        "article_cache": ArticleCacheStore(path=str(tmp_path / "storage" / "per_article")),
        "build_lock": BuildLock(storage_folder=str(tmp_path / "storage")),
        "io_manager": ParquetFrameIOManager(base_dir=str(tmp_path / "storage" / "frames")),
    }
    assets = defs().assets
    with dg.instance_for_test() as instance:
        assert dg.materialize(assets, resources=resources, instance=instance).success
        (folder / "kenya_ethiopia.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        assert dg.materialize(
            assets, selection=["bilateral_warehouse"], resources=resources, instance=instance
        ).success
    with connect_read_only(tmp_path / "w.duckdb") as connection:
        files_read, articles = connection.execute("SELECT files_read, articles_accepted FROM build_info").fetchall()[0]
    assert (files_read, articles) == (2, 2)


def test_an_edit_to_an_engagement_rule_redoes_engagement_extraction_only(tmp_path, monkeypatch):
    """The stores are keyed by the code each stage depends on (``pipeline.incremental.keys``): the versions are read
    from a copy of the package, edited between the builds as a rule change would edit it."""
    from pipeline.incremental import keys

    package = tmp_path / "pipeline"
    shutil.copytree(keys.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))

    def build(name: str):
        monkeypatch.setattr(keys, "PACKAGE", package)
        keys.stage_version.cache_clear()
        keys._package_graph.cache_clear()
        try:
            return materialize_all(SEED_FOLDER, tmp_path / f"{name}.duckdb", tmp_path / "storage")
        finally:
            monkeypatch.undo()
            keys.stage_version.cache_clear()
            keys._package_graph.cache_clear()

    first = build("first")
    assert first.success
    anchors = package / "engagements" / "anchors.py"
    anchors.write_text(anchors.read_text(encoding="utf-8") + "\n# a rule edited\n", encoding="utf-8")
    second = build("second")
    assert second.success
    n_articles = work_done(first)["engagements.articles_extracted_this_run"]
    assert n_articles > 0
    assert work_done(second) == {
        "raw_articles.files_parsed": 0,
        "articles.articles_cleaned_this_run": 0,
        "entity_mentions.articles_extracted": 0,
        "engagements.articles_extracted_this_run": n_articles,
    }
    assert snapshot(tmp_path / "second.duckdb") == snapshot(tmp_path / "first.duckdb")
    cleaning = package / "clean" / "sentences.py"
    cleaning.write_text(cleaning.read_text(encoding="utf-8") + "\n# a rule edited\n", encoding="utf-8")
    third = build("third")
    assert third.success
    assert work_done(third) == {
        "raw_articles.files_parsed": 0,
        "articles.articles_cleaned_this_run": work_done(first)["articles.articles_cleaned_this_run"],
        "entity_mentions.articles_extracted": work_done(first)["entity_mentions.articles_extracted"],
        "engagements.articles_extracted_this_run": n_articles,
    }
    assert snapshot(tmp_path / "third.duckdb") == snapshot(tmp_path / "first.duckdb")
