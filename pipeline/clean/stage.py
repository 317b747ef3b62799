"""The clean stage itself: one article cleaned by the rules of the sibling modules, the per-batch function, the
frame contracts (``ArticlesModel``, ``SentencesModel``), the cache schemas and the cache key. How it runs against
its store is decided by ``pipeline.incremental.plans.clean``.

Per-article work is the pure function `clean_article` (one article in, one result out), so the orchestrator
can run it in a process pool and cache it by content hash. `clean_articles` maps it over a raw_articles frame.
"""

import hashlib
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandera.polars as pa
import polars as pl

from pipeline.cache import content_key
from pipeline.clean.boilerplate import _has_phrase_trigger, cut_inline_credits, is_boilerplate
from pipeline.clean.sentences import (
    _ends_sentence,
    rejoin_broken_lines,
    restore_sentence_spaces,
    sentence_key,
    split_sentences,
)
from pipeline.clean.unicode import normalise_unicode, normalise_whitespace
from pipeline.contracts import polars_schema
from pipeline.dedup import MINHASH_PERMUTATIONS, minhash_frame

# --- one article: title, fragments, repeated sentences, assembly ----------------------------------------

_HEADLINE_MAX_WORDS = 15
_HEADLINE_MIN_WORDS = 3
_SHORT_FRAGMENT_WORDS = 3


def _looks_like_headline(line: str) -> bool:
    """Whether the first line of an article without a title is its headline: 3 to 15 words, starting with a
    capital, not ending in sentence or clause punctuation or a quote. Deliberately conservative: taking a first
    sentence for the title would lose it from the text, while a headline left in is only one more sentence."""
    words = line.split()
    return (
        _HEADLINE_MIN_WORDS <= len(words) <= _HEADLINE_MAX_WORDS
        and line[0].isupper()
        and line[-1] not in ".!?,;:\"'"
    )


def _is_short_fragment(line: str) -> bool:
    """Whether a line is a fragment to drop: at most three words and no sentence punctuation at the end, as a
    dateline, a section label, a lone name or language is. Such lines are no sentence, and the extraction
    stages would otherwise read them as one."""
    words = line.split(maxsplit=_SHORT_FRAGMENT_WORDS)  # one word past the limit is enough to know
    return len(words) <= _SHORT_FRAGMENT_WORDS and not _ends_sentence(line)


@dataclass(frozen=True)
class CleanedArticle:
    """One cleaned article: its title (given, or taken from the headline), its text with one paragraph per line,
    and the (start, end) offsets of its sentences in that text."""

    title: str | None
    text: str
    sentence_spans: list[tuple[int, int]]


def _is_boilerplate_line(line: str) -> bool:
    """Whether a whole line goes as boilerplate: it is furniture and one sentence at most. In a line of several
    sentences only the boilerplate sentences go (in `_assemble`), so content glued to a label survives."""
    return is_boilerplate(line) and len(split_sentences(line)) <= 1


def _clean_lines(raw_text: str) -> list[str]:
    """Normalised, boilerplate-free, re-joined lines (paragraphs) of an article. Inline credits are cut and
    boilerplate lines dropped before broken lines are re-joined, so no furniture is glued into a sentence."""
    text = normalise_whitespace(cut_inline_credits(normalise_unicode(raw_text)))
    lines = [line for line in text.split("\n") if line and not _is_boilerplate_line(line)]
    return rejoin_broken_lines(lines)


def _assemble(lines: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Split lines into sentences, keep each distinct sentence once, and rebuild the text around them: one
    line per paragraph, sentences separated by a space.

    A sentence goes when its `sentence_key` is empty (punctuation only) or was seen before in the article (feeds
    repeat paragraphs; the first appearance wins), or when it is boilerplate within a line of several sentences.
    Spaces missing after sentence ends are restored first, so glued sentences split.
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    seen: set[bytes] = set()
    offset = 0
    for line in lines:
        line = restore_sentence_spaces(line)
        line_spans = split_sentences(line)
        several = len(line_spans) > 1
        may_hold_phrase = several and _has_phrase_trigger(line)
        separator = "\n"
        for start, end in line_spans:
            sentence = line[start:end]
            key = sentence_key(sentence)
            if not key or key in seen or (several and is_boilerplate(sentence, may_hold_phrase)):
                continue
            seen.add(key)
            if parts:
                parts.append(separator)
                offset += 1
            separator = " "
            spans.append((offset, offset + len(sentence)))
            parts.append(sentence)
            offset += len(sentence)
    return "".join(parts), spans


def clean_article(raw_text: str, title: str | None = None) -> CleanedArticle:
    """Clean one article; a leading headline becomes the missing title, or goes if it repeats the title, so the
    title is never counted as a sentence of the text. Short fragments are dropped before the sentences are split."""
    lines = _clean_lines(raw_text)
    if title is None and len(lines) > 1 and _looks_like_headline(lines[0]):
        title, lines = restore_sentence_spaces(lines[0]), lines[1:]
    elif title and lines and sentence_key(lines[0]) == sentence_key(title):
        lines = lines[1:]
    lines = [line for line in lines if not _is_short_fragment(line)]
    text, spans = _assemble(lines)
    return CleanedArticle(title=title, text=text, sentence_spans=spans)


def clean_text(raw_text: str) -> str:
    """Cleaned text of one article whose title is known (no headline is taken out of the text)."""
    return clean_article(raw_text, title="").text


def content_hash(text: str) -> str:
    """Hash of the casefolded, whitespace-collapsed text: texts differing only in case or spacing match, so the
    dedup stage finds exact copies whose feeds changed only their layout."""
    normalised = " ".join(text.casefold().split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


# --- frames ----------------------------------------------------------------------------------------------


class ArticlesModel(pa.DataFrameModel):
    """Cleaned articles; duplicate_of and story_id appear once the dedup stage has run. The cleaned text is not in
    the frame: it is kept in the clean store under ``text_key`` (the ``content_key`` of the text), and the stages
    that read it get it from there (``pipeline.texts.with_article_text``), only for the articles they process. The
    extraction stages also key their caches on ``text_key``, instead of hashing every text again on every run."""

    article_id: str = pa.Field(unique=True, str_matches=r"^[0-9a-f]{16}$")
    source_file: str
    source_line: pl.Int64 = pa.Field(nullable=True)
    url: str = pa.Field(nullable=True)
    source_domain: str = pa.Field(nullable=True)
    published_date: pl.Date = pa.Field(nullable=True)
    date_precision: str = pa.Field(nullable=True, isin=["day", "month"])
    date_source: str = pa.Field(isin=["header", "text", "none"])
    title: str = pa.Field(nullable=True)
    content_hash: str = pa.Field(str_matches=r"^[0-9a-f]{16}$")
    text_key: str
    n_sentences: pl.Int64 = pa.Field(ge=0)
    duplicate_of: str | None = pa.Field(nullable=True)
    story_id: str | None

    class Config:
        strict = True


class SentencesModel(pa.DataFrameModel):
    """One row per sentence: its span of articles.text. The sentence's text is not repeated here (it would double
    the text a run moves between stages); ``pipeline.texts.with_sentence_text`` cuts it from the article where
    it is read."""

    article_id: str
    sentence_index: pl.Int64 = pa.Field(ge=0)
    start_char: pl.Int64 = pa.Field(ge=0)
    end_char: pl.Int64 = pa.Field(gt=0)

    class Config:
        strict = True

    @pa.dataframe_check
    def span_not_empty(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("end_char") > pl.col("start_char"))

    @pa.dataframe_check
    def in_article_and_index_order_without_repeats(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Each row after the previous one: a later article, or the same article's next sentence. This implies
        that no (article_id, sentence_index) repeats, and is checked in one pass over sorted rows (a hash-based
        uniqueness check is much slower on the millions of sentences of a large corpus)."""
        same_article = pl.col("article_id") == pl.col("article_id").shift(1)
        later_article = pl.col("article_id") > pl.col("article_id").shift(1)
        next_sentence = pl.col("sentence_index") > pl.col("sentence_index").shift(1)
        return data.lazyframe.select(
            (later_article | (same_article & next_sentence)).fill_null(True).alias("in_order")
        )


def clean_articles(raw_articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(articles, sentences) for a raw_articles frame; empty articles keep text "" and 0 sentences. The articles
    also have their cleaned ``text``, which the clean stage keeps in its store rather than in its frame."""
    cleaned = [
        clean_article(raw_text, title)
        for raw_text, title in zip(raw_articles["raw_text"], raw_articles["title"], strict=True)
    ]
    articles = raw_articles.drop("raw_text").with_columns(
        pl.Series("title", [article.title for article in cleaned], dtype=pl.String),
        pl.Series("text", [article.text for article in cleaned], dtype=pl.String),
        pl.Series("content_hash", [content_hash(article.text) for article in cleaned], dtype=pl.String),
        pl.Series("n_sentences", [len(article.sentence_spans) for article in cleaned], dtype=pl.Int64),
    ).with_columns(text_key=content_key("text"))
    return articles, _sentences_frame(articles, cleaned)


def _sentences_frame(articles: pl.DataFrame, cleaned: list[CleanedArticle]) -> pl.DataFrame:
    """One row per sentence span, in article order."""
    offsets = chain.from_iterable(chain.from_iterable(article.sentence_spans for article in cleaned))
    spans = np.fromiter(offsets, dtype=np.int64).reshape(-1, 2)
    return (
        articles.select("article_id", sentence_index=pl.int_ranges("n_sentences", dtype=pl.Int64))
        .explode("sentence_index")
        .drop_nulls("sentence_index")
        .with_columns(start_char=pl.Series(spans[:, 0], dtype=pl.Int64), end_char=pl.Series(spans[:, 1], dtype=pl.Int64))
    )


CLEAN_CACHE_SCHEMAS = {
    "cleaned": polars_schema(
        ArticlesModel,
        ["title", "text", "content_hash", "text_key", "n_sentences", "minhash"],
        extra={"text": pl.String, "minhash": pl.Array(pl.UInt32, MINHASH_PERMUTATIONS)},
    ),
    "sentences": polars_schema(SentencesModel, drop=["article_id"]),
}
"""Per article: its cleaned fields, with the cleaned text and the MinHash signature, which its frame does not carry
(the text is read back by ``text_key``); and its sentences' spans."""


CLEAN_CACHE_KEY = pl.col("content_key")
"""What an article's cleaning depends on: its title and raw text, as ingest's ``content_key`` of them. Copies of an
article in two files share it, and are cleaned once."""


def clean_and_sign(raw_articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The per-batch function of the clean stage: (articles, sentences, MinHash signatures) of a batch of raw
    articles (with their ``raw_text``). The per-article half of deduplication runs in the same worker as cleaning,
    while the cleaned texts are at hand, rather than reading them back."""
    articles, sentences = clean_articles(raw_articles)
    return articles, sentences, minhash_frame(articles.select("article_id", "text"), MINHASH_PERMUTATIONS)
