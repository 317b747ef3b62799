"""Texts are kept once, by key; frames carry keys and spans, and the texts are read back where a stage needs them."""

from __future__ import annotations

import polars as pl
import pytest

from pipeline.texts import MissingTexts, with_article_text, with_sentence_text


def test_sentence_text_is_cut_by_characters_not_bytes():
    articles = pl.DataFrame({"article_id": ["a"], "text": ["Café talks in Zürich. Kōno met Ünal 😀 later."]})
    sentences = pl.DataFrame(
        {"article_id": ["a", "a"], "sentence_index": [0, 1], "start_char": [0, 22], "end_char": [21, 44]}
    )
    assert with_sentence_text(sentences, articles)["text"].to_list() == [
        "Café talks in Zürich.",
        "Kōno met Ünal 😀 later.",
    ]


def test_each_sentence_is_cut_from_its_own_article_in_the_sentences_order():
    articles = pl.DataFrame({"article_id": ["b", "a"], "text": ["Beta spoke.", "Alpha met. Gamma left."]})
    sentences = pl.DataFrame(
        {
            "article_id": ["a", "a", "b"],
            "sentence_index": [0, 1, 0],
            "start_char": [0, 11, 0],
            "end_char": [10, 22, 11],
        }
    )
    assert with_sentence_text(sentences, articles).select("article_id", "text").rows() == [
        ("a", "Alpha met."),
        ("a", "Gamma left."),
        ("b", "Beta spoke."),
    ]


def test_articles_get_the_text_kept_under_their_key():
    texts = pl.LazyFrame({"text_key": ["k1", "k2", "k3"], "text": ["One.", "Two.", "Three."]})
    articles = pl.DataFrame({"article_id": ["b", "a", "c"], "text_key": ["k2", "k1", "k2"]})
    assert with_article_text(articles, texts).rows() == [("b", "k2", "Two."), ("a", "k1", "One."), ("c", "k2", "Two.")]


def test_an_article_whose_text_is_not_in_the_store_is_an_error_not_an_empty_text():
    texts = pl.LazyFrame({"text_key": ["k1"], "text": ["One."]})
    articles = pl.DataFrame({"article_id": ["a", "b"], "text_key": ["k1", "k9"]})
    with pytest.raises(MissingTexts, match="1 articles .e.g. b. are not in the clean store"):
        with_article_text(articles, texts)
