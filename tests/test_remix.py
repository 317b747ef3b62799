"""A remixed corpus (sentences of generated articles and the seeds shuffled across articles, repeated, undated,
month-only, on one line, copied) builds, and the warehouse keeps every invariant."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import materialize_all

from corpusgen import generate_corpus
from corpusgen.remix import remix_corpus
from pipeline.warehouse import connect_read_only

SEEDS = Path(__file__).resolve().parent.parent / "data" / "raw"


@pytest.fixture(scope="module")
def remixed_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("remix")
    generate_corpus(40, folder / "generated", seed=11, mix=0.6)
    kinds = remix_corpus([folder / "generated" / "articles", SEEDS], folder / "input", 60, seed=3)
    result = materialize_all(folder / "input", folder / "warehouse.duckdb", folder / "storage")
    return result, folder / "warehouse.duckdb", folder / "input", kinds


def scalar(warehouse: Path, query: str):
    with connect_read_only(warehouse) as connection:
        return connection.execute(query).fetchall()[0][0]


def test_the_remix_has_every_kind_of_mess(remixed_build):
    *_, kinds = remixed_build
    assert all(count > 0 for count in kinds.values()), kinds


def test_a_remixed_corpus_builds(remixed_build):
    result, warehouse, *_ = remixed_build
    assert result.success
    assert scalar(warehouse, "SELECT count(*) FROM engagements") > 0


def test_every_remixed_file_is_an_article_or_a_rejected_input(remixed_build):
    _, warehouse, input_folder, _ = remixed_build
    files = {path.relative_to(input_folder).as_posix() for path in input_folder.rglob("*.txt")}
    with connect_read_only(warehouse) as connection:
        accounted = {row[0] for row in connection.execute(
            "SELECT source_file FROM articles UNION SELECT source_file FROM rejected_inputs"
        ).fetchall()}  # fmt: skip
    assert accounted == files


@pytest.mark.parametrize(
    "violations",
    [
        "SELECT count(*) FROM engagements e WHERE NOT EXISTS"
        " (SELECT 1 FROM engagement_evidence v WHERE v.engagement_id = e.engagement_id)",
        "SELECT count(*) FROM engagements WHERE country_a >= country_b",
        "SELECT count(*) FROM (SELECT 1 FROM engagements GROUP BY country_a, country_b, engagement_type, format,"
        " start_date, end_date, counterpart, CASE WHEN start_date IS NULL THEN first_reported END"
        " HAVING count(*) > 1)",  # the key of invariants.ENGAGEMENT_KEY: meetings with two hosts are two
        "SELECT count(*) FROM engagements WHERE start_date > end_date OR start_date < DATE '1945-01-01'",
        "SELECT count(*) FROM engagement_evidence v WHERE NOT EXISTS"
        " (SELECT 1 FROM engagements e WHERE e.engagement_id = v.engagement_id)",
        "SELECT count(*) FROM engagement_participants p WHERE NOT EXISTS"
        " (SELECT 1 FROM engagements e WHERE e.engagement_id = p.engagement_id)",
        "SELECT count(*) FROM quarantined_engagements q JOIN engagements e USING (engagement_id)",
    ],
    ids=["evidence", "ordered", "unique_keys", "dates", "evidence_refers", "participants_refer", "quarantine_apart"],
)
def test_every_invariant_holds_in_the_remixed_warehouse(remixed_build, violations):
    _, warehouse, *_ = remixed_build
    assert scalar(warehouse, violations) == 0
