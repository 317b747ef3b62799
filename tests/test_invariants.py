"""Invariants of the fused engagements: each one finds its violation, passes a clean frame, and runs as a
Dagster asset check; rows breaking one are quarantined and the warehouse is still written, while a frame that
breaks its contract (a code bug) stops it."""

from __future__ import annotations

from datetime import date

import dagster as dg
import duckdb
import polars as pl

from pipeline.definitions import defs
from pipeline.defs.extract.checks import INVARIANT_SPECS, engagement_invariant_results
from pipeline.defs.quality import pandera_check_results, pandera_check_specs
from pipeline.defs.resources import ArticleCacheStore, BuildLock, InputFolder, Warehouse
from pipeline.defs.warehouse.assets import bilateral_warehouse
from pipeline.fusion import ENGAGEMENT_SCHEMA, EVIDENCE_SCHEMA, PARTICIPANT_SCHEMA, EngagementsModel
from pipeline.invariants import (
    countries_missing_from_evidence,
    duplicate_engagement_keys,
    engagements_without_evidence,
    implausible_dates,
    invariant_violations,
    unordered_country_pairs,
)
from pipeline.quarantine import QuarantinedEngagementsModel, quarantine_engagements, rows_breaking_model
from pipeline.warehouse import connect_read_only
from pipeline.warehouse_content import SCHEMA_FILE

TODAY = date(2024, 1, 15)
SENTENCE = "India and Japan held their second 2+2 dialogue in Tokyo."


def engagement(engagement_id: str = "e1", **values) -> dict:
    row = {
        "engagement_id": engagement_id,
        "country_a": "IND",
        "country_b": "JPN",
        "engagement_type": "meeting",
        "format": "2+2 dialogue",
        "status": "held",
        "start_date": date(2022, 9, 8),
        "end_date": None,
        "source_count": 1,
        "first_reported": date(2022, 9, 8),
        "last_reported": date(2022, 9, 8),
        "confidence": 0.9,
    }
    return row | values


def engagements(*rows: dict) -> pl.DataFrame:
    return pl.DataFrame(list(rows), schema=ENGAGEMENT_SCHEMA)


def evidence(*engagement_ids: str, sentence_index: int = 0) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "engagement_id": engagement_id,
                "article_id": "a1",
                "sentence_index": sentence_index,
                "start_char": 0,
                "end_char": len(SENTENCE),
                "sentence": SENTENCE,
            }
            for engagement_id in engagement_ids
        ],
        schema=EVIDENCE_SCHEMA,
    )


def mentions(*named: tuple[str, str, str], sentence_index: int = 0) -> pl.DataFrame:
    """Entity mentions in sentence `sentence_index` of article a1, given as (text, label, country_code)."""
    return pl.DataFrame(
        [
            {
                "article_id": "a1",
                "sentence_index": sentence_index,
                "text": text,
                "label": label,
                "country_code": code,
            }
            for text, label, code in named
        ],
        schema={
            "article_id": pl.String,
            "sentence_index": pl.Int64,
            "text": pl.String,
            "label": pl.String,
            "country_code": pl.String,
        },
    )


INDIA_AND_JAPAN = mentions(("India", "COUNTRY", "IND"), ("Japan", "COUNTRY", "JPN"))


def test_an_engagement_without_evidence_is_a_violation():
    found = engagements_without_evidence(engagements(engagement("e1"), engagement("e2")), evidence("e1"))

    assert found["engagement_id"].to_list() == ["e2"]
    assert found["reason"].item() == "no evidence sentence for the meeting between IND and JPN"


def test_engagements_with_evidence_pass():
    assert engagements_without_evidence(engagements(engagement("e1")), evidence("e1")).is_empty()


def test_a_pair_not_in_alphabetical_order_is_a_violation():
    found = unordered_country_pairs(engagements(engagement(country_a="JPN", country_b="IND")))

    assert found.select("engagement_id", "reason").row(0) == (
        "e1",
        "country_a JPN is not before country_b IND",
    )


def test_a_pair_of_one_country_with_itself_is_a_violation():
    assert unordered_country_pairs(engagements(engagement(country_a="IND", country_b="IND"))).height == 1


def test_ordered_pairs_pass():
    assert unordered_country_pairs(engagements(engagement())).is_empty()


def test_a_country_named_in_no_evidence_sentence_is_a_violation():
    only_india = mentions(("India", "COUNTRY", "IND"), ("Tokyo", "LOCATION", "JPN"))
    found = countries_missing_from_evidence(
        engagements(engagement(country_b="KOR")), evidence("e1"), only_india
    )

    assert found.select("engagement_id", "missing").row(0) == ("e1", "KOR")
    assert found["reason"].item() == "KOR not named in its 1 evidence sentence(s)"


def test_countries_named_by_people_organisations_and_places_count_as_named():
    named = mentions(("Rajnath Singh", "PERSON", "IND"), ("Japan Self-Defense Forces", "ORGANIZATION", "JPN"))

    assert countries_missing_from_evidence(engagements(engagement()), evidence("e1"), named).is_empty()


def test_a_country_named_only_in_a_sentence_that_is_not_evidence_is_a_violation():
    japan_elsewhere = pl.concat(
        [mentions(("India", "COUNTRY", "IND")), mentions(("Japan", "COUNTRY", "JPN"), sentence_index=1)]
    )

    found = countries_missing_from_evidence(engagements(engagement()), evidence("e1"), japan_elsewhere)

    assert found["missing"].to_list() == ["JPN"]


def test_a_date_mention_does_not_name_a_country():
    dated = mentions(("India", "COUNTRY", "IND"), ("Japanese fiscal year 2023", "DATE", "JPN"))

    assert countries_missing_from_evidence(engagements(engagement()), evidence("e1"), dated)[
        "missing"
    ].to_list() == ["JPN"]


def test_both_countries_named_in_the_evidence_pass():
    assert countries_missing_from_evidence(
        engagements(engagement()), evidence("e1"), INDIA_AND_JAPAN
    ).is_empty()


def test_a_start_after_the_end_is_a_violation():
    found = implausible_dates(engagements(engagement(end_date=date(2022, 9, 7))), TODAY)

    assert found["reason"].item() == "start_date 2022-09-08 after end_date 2022-09-07"


def test_a_date_before_1945_is_a_violation():
    found = implausible_dates(engagements(engagement(start_date=date(1919, 6, 28))), TODAY)

    assert found["reason"].item() == "start_date 1919-06-28 before 1945-01-01"


def test_a_held_engagement_starting_after_its_last_report_is_a_violation():
    found = implausible_dates(engagements(engagement(start_date=date(2022, 9, 10))), TODAY)

    assert found["reason"].item() == "held engagement starts 2022-09-10, after 2022-09-09"


def test_a_held_engagement_starting_the_day_after_its_last_report_passes():
    assert implausible_dates(engagements(engagement(start_date=date(2022, 9, 9))), TODAY).is_empty()


def test_a_plan_more_than_five_years_after_its_last_report_is_a_violation():
    found = implausible_dates(engagements(engagement(status="planned", start_date=date(2028, 1, 1))), TODAY)

    assert found["reason"].item() == "planned engagement starts 2028-01-01, after 2027-09-08"


def test_a_plan_for_next_year_passes():
    assert implausible_dates(
        engagements(engagement(status="planned", start_date=date(2023, 6, 1))), TODAY
    ).is_empty()


def test_an_engagement_without_a_report_date_is_bounded_by_today():
    unreported = engagement(start_date=date(2024, 1, 20), first_reported=None, last_reported=None)

    assert implausible_dates(engagements(unreported), TODAY)["status"].to_list() == ["held"]


def test_undated_engagements_pass_the_date_bounds():
    assert implausible_dates(engagements(engagement(start_date=None)), TODAY).is_empty()


def test_of_two_engagements_with_the_same_key_the_less_supported_is_the_violation():
    found = duplicate_engagement_keys(engagements(engagement("e1"), engagement("e2", source_count=3)))

    assert found["engagement_id"].to_list() == ["e1"]
    assert set(found["reason"]) == {"shares its key with 1 other engagement(s); e2 is kept"}


def test_of_equally_supported_duplicates_the_smallest_id_is_kept():
    found = duplicate_engagement_keys(engagements(engagement("e2"), engagement("e1"), engagement("e3")))

    assert sorted(found["engagement_id"]) == ["e2", "e3"]


def test_missing_key_values_compare_equal():
    undated = engagement(format=None, start_date=None)

    assert duplicate_engagement_keys(engagements(undated, undated | {"engagement_id": "e2"})).height == 1


def test_undated_engagements_first_reported_on_different_days_are_distinct():
    first = engagement("e1", start_date=None, first_reported=date(2021, 6, 21))
    later = engagement("e2", start_date=None, first_reported=date(2021, 9, 13))

    assert duplicate_engagement_keys(engagements(first, later)).is_empty()


def test_undated_talks_postponed_and_the_talks_now_expected_instead_are_distinct():
    postponed = engagement("e1", start_date=None, status="postponed")
    replanned = engagement("e2", start_date=None, status="planned")

    assert duplicate_engagement_keys(engagements(postponed, replanned)).is_empty()


def test_engagements_differing_in_one_key_value_pass():
    assert duplicate_engagement_keys(
        engagements(engagement("e1"), engagement("e2", engagement_type="agreement"))
    ).is_empty()


def test_all_violations_are_listed_by_invariant():
    swapped_and_unsupported = engagement("e2", country_a="KOR", country_b="CHN", start_date=date(2022, 9, 1))
    found = invariant_violations(
        engagements(engagement("e1"), swapped_and_unsupported), evidence("e1"), INDIA_AND_JAPAN, TODAY
    )

    assert found.columns == ["invariant", "engagement_id", "detail"]
    assert sorted(found.select("invariant", "engagement_id").rows()) == [
        ("engagement_countries_are_ordered", "e2"),
        ("engagements_have_evidence", "e2"),
    ]


def test_a_clean_build_has_no_violations():
    assert invariant_violations(engagements(engagement()), evidence("e1"), INDIA_AND_JAPAN, TODAY).is_empty()


def participants(*engagement_ids: str) -> pl.DataFrame:
    return pl.DataFrame(
        [{"engagement_id": e, "person_id": "p1", "name": "S Jaishankar", "role": None, "country_code": "IND"}
         for e in engagement_ids],
        schema=PARTICIPANT_SCHEMA,
    )  # fmt: skip


def quarantine(frame: pl.DataFrame, evidence_frame: pl.DataFrame):
    ids = frame["engagement_id"].to_list()
    return quarantine_engagements(
        frame, participants(*ids), evidence_frame, INDIA_AND_JAPAN, EngagementsModel, TODAY
    )


def test_an_implausible_date_is_quarantined_with_its_participants_and_evidence():
    outcome = quarantine(
        engagements(engagement("e1"), engagement("e2", start_date=date(1900, 1, 1))), evidence("e1", "e2")
    )

    assert outcome.engagements["engagement_id"].to_list() == ["e1"]
    assert set(outcome.participants["engagement_id"]) == set(outcome.evidence["engagement_id"]) == {"e1"}
    [row] = outcome.quarantined.to_dicts()
    assert (row["engagement_id"], row["check_name"]) == ("e2", "engagement_dates_are_plausible")
    assert "start_date 1900-01-01 before 1945-01-01" in row["reason"]
    assert (row["article_id"], row["sentence"]) == ("a1", SENTENCE)
    QuarantinedEngagementsModel.validate(outcome.quarantined)


def test_of_duplicated_engagements_one_stays_and_the_others_are_quarantined():
    outcome = quarantine(engagements(engagement("e1"), engagement("e2", source_count=2)), evidence("e1", "e2"))

    assert outcome.engagements["engagement_id"].to_list() == ["e2"]
    assert outcome.quarantined.select("engagement_id", "check_name").rows() == [
        ("e1", "engagement_keys_are_unique")
    ]


def test_a_row_breaking_the_model_is_quarantined_under_the_models_check():
    outcome = quarantine(engagements(engagement("e1"), engagement("e2", status="rumoured")), evidence("e1", "e2"))

    assert outcome.engagements["engagement_id"].to_list() == ["e1"]
    [row] = outcome.quarantined.to_dicts()
    assert (row["engagement_id"], row["check_name"]) == ("e2", "engagements_matches_EngagementsModel")
    assert "status" in row["reason"] and "rumoured" in row["reason"]


def test_a_frame_missing_a_column_is_not_quarantined_row_by_row():
    assert rows_breaking_model(EngagementsModel, engagements(engagement()).drop("status")) is None


def test_a_reporting_invariant_keeps_its_rows_and_warns():
    not_named = mentions(("India", "COUNTRY", "IND"))
    outcome = quarantine_engagements(
        engagements(engagement()), participants("e1"), evidence("e1"), not_named, EngagementsModel, TODAY
    )
    [result] = [result for result in engagement_invariant_results(outcome) if not result.passed]

    assert outcome.engagements.height == 1 and outcome.quarantined.is_empty()
    assert result.check_name == "engagement_countries_are_named_in_evidence"
    assert result.severity == dg.AssetCheckSeverity.WARN
    assert SENTENCE in result.metadata["examples"].value


def test_a_quarantining_check_fails_with_its_count_and_example_sentences():
    outcome = quarantine(engagements(engagement(start_date=date(1900, 1, 1))), evidence("e1"))
    [result] = [result for result in engagement_invariant_results(outcome) if not result.passed]

    assert result.check_name == "engagement_dates_are_plausible"
    assert result.severity == dg.AssetCheckSeverity.ERROR
    assert result.metadata["quarantined"].value == 1
    assert "start_date 1900-01-01 before 1945-01-01" in result.metadata["examples"].value
    assert SENTENCE in result.metadata["examples"].value


def test_no_invariant_blocks_and_every_frame_contract_does():
    asset_graph = defs().resolve_asset_graph()
    specs = [asset_graph.get_check_spec(key) for key in asset_graph.asset_check_keys]
    blocking = {spec.name: spec.blocking for spec in specs if spec.asset_key == dg.AssetKey("engagements")}

    assert blocking == {
        "engagements_matches_EngagementsModel": True,
        "engagements_have_evidence": False,
        "engagement_countries_are_ordered": False,
        "engagement_keys_are_unique": False,
        "engagement_countries_are_named_in_evidence": False,
        "engagement_dates_are_plausible": False,
    }


def empty_table_frame(name: str) -> pl.DataFrame:
    """The empty frame of table ``name`` as the pipeline hands it over (articles carry a text key, sentences no
    text)."""
    with duckdb.connect() as connection:
        connection.execute(SCHEMA_FILE.read_text())
        frame = connection.sql(f"SELECT * FROM {name}").pl()
    if name == "articles":
        return frame.drop("text").with_columns(text_key=pl.lit(None, pl.String))
    return frame.drop("text") if name == "sentences" else frame


def stand_in(name: str) -> dg.AssetsDefinition:
    @dg.asset(name=name)
    def empty_frame() -> pl.DataFrame:
        return empty_table_frame(name)

    return empty_frame


def materialize_warehouse_after(fused: dg.AssetsDefinition, tmp_path) -> dg.ExecuteInProcessResult:
    given = {spec.key.path[-1] for spec in fused.specs}
    other_inputs = [name for name in bilateral_warehouse.keys_by_input_name if name not in given]
    return dg.materialize(
        [fused, *map(stand_in, other_inputs), bilateral_warehouse],
        resources={
            "warehouse": Warehouse(path=str(tmp_path / "warehouse.duckdb")),
            "input_folder": InputFolder(path=str(tmp_path)),
            "article_cache": ArticleCacheStore(path=str(tmp_path / "cache")),
            "build_lock": BuildLock(storage_folder=str(tmp_path / "cache")),
        },
        raise_on_error=False,
    )


def test_an_engagement_without_evidence_is_quarantined_and_the_warehouse_is_still_written(tmp_path):
    @dg.multi_asset(
        outs={name: dg.AssetOut() for name in ["engagements", "engagement_participants", "engagement_evidence",
                                                 "quarantined_engagements", "entity_mentions"]},
        check_specs=INVARIANT_SPECS,
    )  # fmt: skip
    def fused_engagements_without_evidence():
        outcome = quarantine(engagements(engagement("e1"), engagement("e2", format="summit")), evidence("e1"))
        yield dg.Output(outcome.engagements, output_name="engagements")
        yield dg.Output(outcome.participants, output_name="engagement_participants")
        yield dg.Output(outcome.evidence, output_name="engagement_evidence")
        yield dg.Output(outcome.quarantined, output_name="quarantined_engagements")
        yield dg.Output(empty_table_frame("entity_mentions"), output_name="entity_mentions")
        yield from engagement_invariant_results(outcome)

    result = materialize_warehouse_after(fused_engagements_without_evidence, tmp_path)

    [evaluation] = [
        evaluation
        for evaluation in result.get_asset_check_evaluations()
        if evaluation.check_name == "engagements_have_evidence"
    ]
    assert (evaluation.passed, evaluation.severity) == (False, dg.AssetCheckSeverity.ERROR)
    with connect_read_only(tmp_path / "warehouse.duckdb") as connection:
        kept = connection.execute("SELECT engagement_id FROM engagements").fetchall()
        held = connection.execute("SELECT engagement_id, check_name FROM quarantined_engagements").fetchall()
    assert kept == [("e1",)]
    assert held == [("e2", "engagements_have_evidence")]


def test_a_frame_with_a_wrong_dtype_stops_the_warehouse_from_being_written(tmp_path):
    @dg.multi_asset(
        outs={"engagements": dg.AssetOut()},
        check_specs=pandera_check_specs({"engagements": EngagementsModel}),
    )
    def fused_engagements_with_a_code_bug():
        broken = engagements(engagement()).with_columns(pl.col("confidence").cast(pl.String) + "%")
        yield dg.Output(broken, output_name="engagements")
        yield from pandera_check_results({"engagements": EngagementsModel}, {"engagements": broken})

    result = materialize_warehouse_after(fused_engagements_with_a_code_bug, tmp_path)

    assert not result.success
    assert "bilateral_warehouse" not in {event.step_key for event in result.all_events if event.is_step_start}
    assert not (tmp_path / "warehouse.duckdb").exists()
