"""End to end through the Dagster webserver: a build launched over GraphQL; the asset graph in a browser."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from dagster_server import DagsterWebserver, running_webserver

from pipeline.settings import PROJECT_ROOT
from pipeline.warehouse import connect_read_only

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
@pytest.fixture(scope="module")
def build_paths(tmp_path_factory) -> dict[str, Path]:
    scratch = tmp_path_factory.mktemp("webserver")
    input_folder = scratch / "input"
    shutil.copytree(PROJECT_ROOT / "data" / "raw", input_folder)
    return {"scratch": scratch, "input": input_folder, "warehouse": scratch / "out" / "warehouse.duckdb"}


@pytest.fixture(scope="module")
def webserver(build_paths: dict[str, Path]) -> Iterator[DagsterWebserver]:
    env = {
        "BILATERAL_INPUT": str(build_paths["input"]),
        "BILATERAL_WAREHOUSE": str(build_paths["warehouse"]),
        "BILATERAL_STORAGE": str(build_paths["scratch"] / "storage"),
    }
    with running_webserver(PROJECT_ROOT / "workspace.yaml", build_paths["scratch"], env) as server:
        location = server.location("bilateral")
        assert location["__typename"] == "RepositoryLocation", location
        yield server


def test_build_warehouse_launched_through_graphql_writes_the_warehouse(
    webserver: DagsterWebserver, build_paths: dict[str, Path]
):
    run_id = webserver.launch_job("build_warehouse", location="bilateral")

    status = webserver.wait_for_run(run_id, timeout=240)

    assert status == "SUCCESS", webserver.failure_messages(run_id)
    with connect_read_only(build_paths["warehouse"]) as warehouse:
        (input_folder,) = warehouse.execute("SELECT input_folder FROM build_info").fetchone()
    assert input_folder == str(build_paths["input"])


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} to drive the UI with")
def test_asset_graph_page_shows_the_ingest_assets(webserver: DagsterWebserver, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    webserver.skip_welcome_dialog()
    screenshot = tmp_path / "ingest_asset_graph.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(f"{webserver.url}/locations/bilateral/asset-groups/ingest")
            raw_articles = page.get_by_text("raw_articles", exact=True).first
            raw_articles.wait_for(state="visible", timeout=60_000)
            articles = page.get_by_text("articles", exact=True).first
            articles.wait_for(state="visible", timeout=10_000)
            page.screenshot(path=str(screenshot))
        finally:
            browser.close()
    print(f"asset graph screenshot: {screenshot}")
    assert screenshot.stat().st_size > 0
