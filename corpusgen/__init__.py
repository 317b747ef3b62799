"""Synthetic corpus generator: a news firehose with a known answer, to measure the pipeline against.

The corpus mixes diplomatic news (bilateral engagements stated by our own sentence templates) with ordinary
news that names countries in passing, adds the noise real feeds carry (glued sentences, hard-wrapped lines,
repeated paragraphs, boilerplate) and syndicated copies (exact and near duplicates). Beside it,
``ground_truth.jsonl`` lists every engagement the templates state, one row per article and engagement, so
precision and recall can be computed by joining on ``url``.

Layout of ``out_dir``::

    articles/jsonl/part-00000.jsonl   10,000 articles per file: {"date", "url", "title", "text"}
    articles/txt/000/000123.txt       one article per file: " date YYYY-MM-DD URL", then the text
    ground_truth.jsonl                one row per (article, engagement)

Point the ingest at ``out_dir/articles``: ``source_file`` in the truth is relative to that folder, as the
ingest reports it.
Every article is a pure function of (seed, position), so the corpus is identical for the same seed.
"""

from corpusgen.data import TEMPLATE_DIR
from corpusgen.dates import WEEKDAYS, single_day_phrase, span_phrase
from corpusgen.generate import generate_corpus

__all__ = ["TEMPLATE_DIR", "WEEKDAYS", "generate_corpus", "single_day_phrase", "span_phrase"]
