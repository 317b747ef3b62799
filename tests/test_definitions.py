"""The Dagster definitions as loaded: every asset grouped and documented, every model checked."""

from __future__ import annotations

import re
import sys

import dagster as dg
import pandera.polars as pa
import pytest

from pipeline.definitions import defs

STAGE_GROUPS = {"ingest", "clean", "extract", "warehouse"}


@pytest.fixture(scope="module")
def definitions() -> dg.Definitions:
    return defs()


@pytest.fixture(scope="module")
def asset_specs(definitions: dg.Definitions) -> list[dg.AssetSpec]:
    return definitions.resolve_all_asset_specs()


def asset_name_of_model(model: type[pa.DataFrameModel]) -> str:
    """The asset a frame model describes, by the naming rule `RawArticlesModel` -> `raw_articles`."""
    stem = model.__name__.removesuffix("Model")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", stem).lower()


def pipeline_frame_models() -> list[type[pa.DataFrameModel]]:
    """Every pandera model defined in a pipeline module that loading the definitions imported."""
    return [
        value
        for name, module in list(sys.modules.items())
        if name.startswith("pipeline.")
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, pa.DataFrameModel)
        and value is not pa.DataFrameModel
        and value.__module__ == name
    ]


def test_definitions_load_into_an_asset_graph_with_no_unproduced_inputs(definitions: dg.Definitions):
    asset_graph = definitions.resolve_asset_graph()
    unproduced = [
        key for key in asset_graph.get_all_asset_keys() if not asset_graph.get(key).is_materializable
    ]
    assert unproduced == []


def test_every_asset_belongs_to_a_pipeline_stage_group(asset_specs: list[dg.AssetSpec]):
    groups = {spec.key.to_user_string(): spec.group_name for spec in asset_specs}
    assert {asset: group for asset, group in groups.items() if group not in STAGE_GROUPS} == {}


def test_every_asset_has_a_description(asset_specs: list[dg.AssetSpec]):
    assert [spec.key.to_user_string() for spec in asset_specs if not (spec.description or "").strip()] == []


def test_every_asset_declares_its_kinds(asset_specs: list[dg.AssetSpec]):
    assert [spec.key.to_user_string() for spec in asset_specs if not spec.kinds] == []


def test_build_warehouse_job_materialises_every_asset(definitions: dg.Definitions):
    job = definitions.resolve_job_def("build_warehouse")
    asset_graph = definitions.resolve_asset_graph()
    assert job.asset_layer.selected_asset_keys == asset_graph.get_all_asset_keys()


def test_input_folder_sensor_is_declared_for_build_warehouse(definitions: dg.Definitions):
    sensor = definitions.resolve_sensor_def("input_folder_sensor")
    assert [target.job_name for target in sensor.targets] == ["build_warehouse"]


def test_daily_rebuild_schedule_is_declared_for_build_warehouse(definitions: dg.Definitions):
    assert definitions.resolve_schedule_def("daily_rebuild").job_name == "build_warehouse"


def test_resources_read_their_locations_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BILATERAL_INPUT", str(tmp_path / "in"))
    monkeypatch.setenv("BILATERAL_WAREHOUSE", str(tmp_path / "out" / "warehouse.duckdb"))
    monkeypatch.setenv("BILATERAL_STORAGE", str(tmp_path / "storage"))

    resources = defs().resources

    assert resources["input_folder"].path == str(tmp_path / "in")
    assert resources["warehouse"].path == str(tmp_path / "out" / "warehouse.duckdb")
    assert resources["io_manager"].base_dir.startswith(str(tmp_path / "storage"))
    assert resources["article_cache"].path.startswith(str(tmp_path / "storage"))


def test_the_build_job_is_resolved_once_per_settings_and_again_when_they_change(monkeypatch, tmp_path):
    from pipeline.defs.jobs import build_warehouse_job

    monkeypatch.setenv("BILATERAL_INPUT", str(tmp_path / "in"))
    first = build_warehouse_job()
    assert build_warehouse_job() is first
    monkeypatch.setenv("BILATERAL_INPUT", str(tmp_path / "other"))
    moved = build_warehouse_job()
    assert moved is not first


def test_every_asset_with_a_pandera_model_has_a_blocking_check_for_it(definitions: dg.Definitions):
    asset_graph = definitions.resolve_asset_graph()
    asset_names = {key.to_user_string() for key in asset_graph.get_all_asset_keys()}
    checked = {
        (spec.asset_key.to_user_string(), spec.name)
        for spec in (asset_graph.get_check_spec(key) for key in asset_graph.asset_check_keys)
        if spec.blocking
    }
    modelled = {
        asset_name_of_model(model): model.__name__
        for model in pipeline_frame_models()
        if asset_name_of_model(model) in asset_names
    }

    unchecked = {
        asset: model
        for asset, model in modelled.items()
        if not any(name.endswith(model) for checked_asset, name in checked if checked_asset == asset)
    }

    assert modelled.keys() >= {
        "raw_articles",
        "rejected_inputs",
        "articles",
        "sentences",
        "article_duplicates",
    }
    assert unchecked == {}


def test_the_build_job_users_run_has_the_assets_checks_and_resources_of_the_definitions(
    definitions: dg.Definitions,
):
    from pipeline.defs.jobs import build_warehouse_job

    run = build_warehouse_job()
    declared = definitions.resolve_job_def("build_warehouse")

    assert run.asset_layer.selected_asset_keys == declared.asset_layer.selected_asset_keys
    assert run.asset_layer.asset_graph.asset_check_keys == declared.asset_layer.asset_graph.asset_check_keys
    assert run.resource_defs.keys() == declared.resource_defs.keys()
    assert {
        key: run.asset_layer.asset_graph.get(key).parent_keys for key in run.asset_layer.selected_asset_keys
    } == {
        key: declared.asset_layer.asset_graph.get(key).parent_keys
        for key in declared.asset_layer.selected_asset_keys
    }
