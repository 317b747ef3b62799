"""Checks on the ingest stage, run by the step that reads the input folder: each frame against its pandera model."""

from pipeline.ingest import RawArticlesModel, RejectedInputsModel

INGEST_MODELS = {"raw_articles": RawArticlesModel, "rejected_inputs": RejectedInputsModel}
