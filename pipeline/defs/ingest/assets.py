"""Ingest: read the input folder into raw articles and rejected inputs."""

import dagster as dg

from pipeline.defs.ingest.checks import INGEST_MODELS
from pipeline.defs.quality import markdown_table, pandera_check_results, pandera_check_specs
from pipeline.defs.resources import ArticleStores, BuildLock, InputFolder


@dg.multi_asset(
    group_name="ingest",
    outs={
        "raw_articles": dg.AssetOut(
            description="Every accepted input article, before cleaning; its raw text is kept in the ingest store.",
            kinds={"polars", "parquet"},
        ),
        "rejected_inputs": dg.AssetOut(
            description="Every input file or JSON line that is not an article, with the reason.",
            kinds={"polars", "parquet"},
        ),
    },
    check_specs=pandera_check_specs(INGEST_MODELS),
)
def raw_input(
    context: dg.AssetExecutionContext,
    input_folder: InputFolder,
    article_cache: ArticleStores,
    build_lock: BuildLock,
):
    """Read every file of the input folder; bad files become rejected rows, never a failed run.

    Only files whose path or bytes are new are parsed; the rows of the others come from the per-file cache."""
    raw_articles, rejected_inputs, files = article_cache.runner().ingest(input_folder.folder)
    reasons = rejected_inputs.group_by("reason").len().sort("len", descending=True)
    yield dg.Output(
        raw_articles,
        output_name="raw_articles",
        metadata={
            **files,
            "articles_accepted": raw_articles.height,
            "dated_by": dg.MetadataValue.json(dict(raw_articles.group_by("date_source").len().iter_rows())),
        },
    )
    yield dg.Output(
        rejected_inputs,
        output_name="rejected_inputs",
        metadata={
            "inputs_rejected": rejected_inputs.height,
            "reasons": dg.MetadataValue.md(markdown_table(reasons)),
        },
    )
    yield from pandera_check_results(
        INGEST_MODELS, {"raw_articles": raw_articles, "rejected_inputs": rejected_inputs}
    )
    context.log.info(
        f"{files['files_read']} files read, {raw_articles.height} articles, {rejected_inputs.height} rejected"
    )
