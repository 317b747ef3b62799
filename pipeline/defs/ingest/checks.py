from pipeline.defs.quality import pandera_check
from pipeline.ingest import RawArticlesModel, RejectedInputsModel

raw_articles_schema = pandera_check("raw_articles", RawArticlesModel)
rejected_inputs_schema = pandera_check("rejected_inputs", RejectedInputsModel)
