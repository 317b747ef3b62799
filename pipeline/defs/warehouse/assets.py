"""Warehouse: load every frame into a new DuckDB file and swap it in atomically."""

from collections.abc import Iterator

import dagster as dg
import polars as pl

from pipeline.countries import CountriesModel, country_table
from pipeline.defs.quality import markdown_table, pandera_check_results, pandera_check_specs
from pipeline.defs.resources import ArticleStores, BuildLock, InputFolder, Warehouse
from pipeline.ingest import input_files
from pipeline.settings import PIPELINE_VERSION
from pipeline.warehouse import build_warehouse

COUNTRY_MODELS = {"countries": CountriesModel}


@dg.asset(
    group_name="warehouse",
    kinds={"polars", "parquet"},
    description="Countries of the world (ISO 3166-1).",
    check_specs=pandera_check_specs(COUNTRY_MODELS),
)
def countries() -> Iterator[dg.Output | dg.AssetCheckResult]:
    table = country_table()
    yield dg.Output(table)
    yield from pandera_check_results(COUNTRY_MODELS, {"countries": table})


@dg.asset(
    group_name="warehouse",
    kinds={"duckdb"},
    description=(
        "The DuckDB file analysts query: every table and view of sql/, swapped in atomically; left as it is when the"
        " build would write the same content, and updated (the previous file in place, or a copy) when few articles"
        " changed."
    ),
)
def bilateral_warehouse(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    article_cache: ArticleStores,
    build_lock: BuildLock,
    input_folder: InputFolder,
    articles: pl.DataFrame,
    rejected_inputs: pl.DataFrame,
    article_duplicates: pl.DataFrame,
    sentences: pl.DataFrame,
    countries: pl.DataFrame,
    entity_mentions: pl.DataFrame,
    persons: pl.DataFrame,
    engagements: pl.DataFrame,
    engagement_participants: pl.DataFrame,
    engagement_evidence: pl.DataFrame,
    quarantined_engagements: pl.DataFrame,
) -> dg.MaterializeResult:
    frames = {
        "articles": articles,
        "rejected_inputs": rejected_inputs,
        "article_duplicates": article_duplicates,
        "sentences": sentences,
        "countries": countries,
        "entity_mentions": entity_mentions,
        "persons": persons,
        "engagements": engagements,
        "engagement_participants": engagement_participants,
        "engagement_evidence": engagement_evidence,
        "quarantined_engagements": quarantined_engagements,
    }
    build_info = {
        "pipeline_version": PIPELINE_VERSION,
        "input_folder": str(input_folder.folder),
        "files_read": _files_read(context, input_folder),
        "articles_accepted": articles.height,
        "inputs_rejected": rejected_inputs.height,
    }
    write = build_warehouse(warehouse.file, frames, build_info, article_cache.runner().cleaned_texts())
    newest = engagements.sort("last_reported", "start_date", descending=True, nulls_last=True).select(
        "country_a", "country_b", "engagement_type", "format", "status", "start_date", "source_count"
    )
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(warehouse.file)),
            "write": write,
            **{f"rows_{table}": frame.height for table, frame in frames.items()},
            "engagements_by_type": dg.MetadataValue.json(
                dict(engagements.group_by("engagement_type").len().sort("engagement_type").iter_rows())
            ),
            "newest_engagements": dg.MetadataValue.md(markdown_table(newest, max_rows=10)),
        }
    )


def _files_read(context: dg.AssetExecutionContext, input_folder: InputFolder) -> int:
    """The files behind ``raw_articles``: counted by the ingest step that made the frames loaded here (its
    materialisation metadata), so the count matches them even when the folder has changed since; listed again only
    when the instance has no record of that step."""
    event = context.instance.get_latest_materialization_event(dg.AssetKey("raw_articles"))
    if event is None or event.asset_materialization is None:
        return len(input_files(input_folder.folder))
    return int(event.asset_materialization.metadata["files_read"].value)
