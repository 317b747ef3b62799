from pipeline.clean import ArticlesModel, SentencesModel
from pipeline.dedup import ArticleDuplicatesModel
from pipeline.defs.quality import pandera_checks

clean_frames_match_models = pandera_checks(
    "clean_frames_match_models",
    {"articles": ArticlesModel, "sentences": SentencesModel, "article_duplicates": ArticleDuplicatesModel},
)
