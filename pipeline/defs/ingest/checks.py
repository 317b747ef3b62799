from pipeline.defs.quality import pandera_checks
from pipeline.ingest import RawArticlesModel, RejectedInputsModel

ingest_frames_match_models = pandera_checks(
    "ingest_frames_match_models", {"raw_articles": RawArticlesModel, "rejected_inputs": RejectedInputsModel}
)
