"""Invariants of the fused engagements: each one finds its violation, passes a clean frame, and runs as a
Dagster asset check; a failing blocking one keeps the warehouse from being written."""

from __future__ import annotations

from datetime import date

import dagster as dg
import polars as pl

from pipeline.definitions import defs
from pipeline.defs.extract.checks import INVARIANT_SPECS, engagement_invariant_results
from pipeline.defs.resources import ArticleCacheStore, InputFolder, Warehouse
from pipeline.defs.warehouse.assets import bilateral_warehouse
from pipeline.fusion import ENGAGEMENT_SCHEMA, EVIDENCE_SCHEMA
from pipeline.invariants import (
    countries_missing_from_evidence,
    duplicate_engagement_keys,
    engagements_without_evidence,
    implausible_dates,
    invariant_violations,
    unordered_country_pairs,
)

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


def test_two_engagements_with_the_same_key_are_both_violations():
    found = duplicate_engagement_keys(engagements(engagement("e1"), engagement("e2")))

    assert found["engagement_id"].to_list() == ["e1", "e2"]
    assert set(found["reason"]) == {"shares its key with 1 other engagement(s)"}


def test_missing_key_values_compare_equal():
    undated = engagement(format=None, start_date=None)

    assert duplicate_engagement_keys(engagements(undated, undated | {"engagement_id": "e2"})).height == 2


def test_undated_engagements_first_reported_on_different_days_are_distinct():
    first = engagement("e1", start_date=None, first_reported=date(2021, 6, 21))
    later = engagement("e2", start_date=None, first_reported=date(2021, 9, 13))

    assert duplicate_engagement_keys(engagements(first, later)).is_empty()


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
        ("countries_ordered", "e2"),
        ("has_evidence", "e2"),
    ]


def test_a_clean_build_has_no_violations():
    assert invariant_violations(engagements(engagement()), evidence("e1"), INDIA_AND_JAPAN, TODAY).is_empty()


def test_a_warning_check_reports_its_count_and_examples_without_failing_the_build():
    results = engagement_invariant_results(
        engagements(engagement(start_date=date(1900, 1, 1))), evidence("e1"), INDIA_AND_JAPAN
    )
    [result] = [result for result in results if not result.passed]

    assert result.check_name == "engagement_dates_are_plausible"
    assert result.severity == dg.AssetCheckSeverity.WARN
    assert result.metadata["violations"].value == 1
    assert "start_date 1900-01-01 before 1945-01-01" in result.metadata["examples"].value


def test_invariant_checks_are_registered_on_engagements_and_structural_ones_block():
    asset_graph = defs().resolve_asset_graph()
    specs = [asset_graph.get_check_spec(key) for key in asset_graph.asset_check_keys]
    blocking = {spec.name: spec.blocking for spec in specs if spec.asset_key == dg.AssetKey("engagements")}

    assert blocking == {
        "engagements_matches_EngagementsModel": True,
        "engagements_have_evidence": True,
        "engagement_countries_are_ordered": True,
        "engagement_keys_are_unique": True,
        "engagement_countries_are_named_in_evidence": False,
        "engagement_dates_are_plausible": False,
    }


def stand_in(name: str) -> dg.AssetsDefinition:
    @dg.asset(name=name)
    def empty_frame() -> pl.DataFrame:
        return pl.DataFrame()

    return empty_frame


def test_engagements_without_evidence_stop_the_warehouse_from_being_written(tmp_path):
    @dg.multi_asset(
        outs={
            "engagements": dg.AssetOut(),
            "engagement_evidence": dg.AssetOut(),
            "entity_mentions": dg.AssetOut(),
        },
        check_specs=INVARIANT_SPECS,
    )
    def fused_engagements_without_evidence():
        without_evidence = engagements(engagement())
        yield dg.Output(without_evidence, output_name="engagements")
        yield dg.Output(evidence(), output_name="engagement_evidence")
        yield dg.Output(INDIA_AND_JAPAN, output_name="entity_mentions")
        yield from engagement_invariant_results(without_evidence, evidence(), INDIA_AND_JAPAN)

    other_inputs = [
        name
        for name in bilateral_warehouse.keys_by_input_name
        if name not in {"engagements", "engagement_evidence", "entity_mentions"}
    ]
    warehouse_file = tmp_path / "warehouse.duckdb"

    result = dg.materialize(
        [
            fused_engagements_without_evidence,
            *map(stand_in, other_inputs),
            bilateral_warehouse,
        ],
        resources={
            "warehouse": Warehouse(path=str(warehouse_file)),
            "input_folder": InputFolder(path=str(tmp_path)),
            "article_cache": ArticleCacheStore(path=str(tmp_path / "cache")),
        },
        raise_on_error=False,
    )

    [evaluation] = [
        evaluation
        for evaluation in result.get_asset_check_evaluations()
        if evaluation.check_name == "engagements_have_evidence"
    ]
    assert (evaluation.passed, evaluation.severity) == (False, dg.AssetCheckSeverity.ERROR)
    assert "bilateral_warehouse" not in {event.step_key for event in result.all_events if event.is_step_start}
    assert not warehouse_file.exists()
