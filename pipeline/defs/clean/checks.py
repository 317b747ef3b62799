"""Checks on the clean stage, run by the cleaning step: each frame against its pandera model."""

from pipeline.clean import ArticlesModel, SentencesModel
from pipeline.dedup import ArticleDuplicatesModel

CLEAN_MODELS = {
    "articles": ArticlesModel,
    "sentences": SentencesModel,
    "article_duplicates": ArticleDuplicatesModel,
}
