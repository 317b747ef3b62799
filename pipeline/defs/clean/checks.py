from pipeline.clean import ArticlesModel, SentencesModel
from pipeline.dedup import ArticleDuplicatesModel
from pipeline.defs.quality import pandera_check

articles_schema = pandera_check("articles", ArticlesModel)
sentences_schema = pandera_check("sentences", SentencesModel)
article_duplicates_schema = pandera_check("article_duplicates", ArticleDuplicatesModel)
