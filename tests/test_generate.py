import json
import random
import re
from datetime import date
from pathlib import Path

import pytest

import corpusgen
from corpusgen import TEMPLATE_DIR, WEEKDAYS, generate_corpus, single_day_phrase, span_phrase
from pipeline import settings
from pipeline.ingest import read_input_folder

N_ARTICLES = 200


def corpus_files(corpus_dir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(corpus_dir).as_posix(): path.read_bytes()
        for path in corpus_dir.rglob("*")
        if path.is_file()
    }


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    out_dir = tmp_path_factory.mktemp("corpus")
    return out_dir, generate_corpus(N_ARTICLES, out_dir, seed=11, workers=1)


@pytest.fixture(scope="module")
def articles(corpus) -> list[dict]:
    """Every generated article as (url, text), whatever its file format."""
    out_dir, _ = corpus
    found = []
    for path in sorted((out_dir / "articles").rglob("*.jsonl")):
        found.extend({"url": row["url"], "text": row["text"]} for row in read_jsonl(path))
    for path in sorted((out_dir / "articles").rglob("*.txt")):
        header, _, text = path.read_text(encoding="utf-8").partition("\n")
        found.append({"url": header.split()[2], "text": text.strip()})
    return found


@pytest.fixture(scope="module")
def truth(corpus) -> list[dict]:
    out_dir, _ = corpus
    return read_jsonl(out_dir / "ground_truth.jsonl")


def test_same_seed_writes_the_same_files(corpus, tmp_path):
    out_dir, _ = corpus
    generate_corpus(N_ARTICLES, tmp_path, seed=11, workers=2)
    assert corpus_files(tmp_path) == corpus_files(out_dir)


def test_another_seed_writes_another_corpus(corpus, tmp_path):
    out_dir, _ = corpus
    generate_corpus(N_ARTICLES, tmp_path, seed=12, workers=1)
    assert corpus_files(tmp_path) != corpus_files(out_dir)


def test_share_of_diplomatic_news_is_near_mix(corpus):
    _, summary = corpus
    assert 0.15 <= summary["diplomatic"] / N_ARTICLES <= 0.35


def test_mix_one_gives_only_diplomatic_news(tmp_path):
    summary = generate_corpus(40, tmp_path, seed=3, mix=1.0, workers=1)
    assert summary["diplomatic"] == 40


def test_a_tenth_are_exact_and_a_tenth_near_duplicates(corpus):
    _, summary = corpus
    assert summary["exact_duplicates"] == N_ARTICLES // 10
    assert summary["near_duplicates"] == N_ARTICLES // 10


def test_exact_duplicates_repeat_the_text_of_another_article(corpus, articles, truth):
    text_by_url = {article["url"]: article["text"] for article in articles}
    exact = [row for row in truth if row["role"] == "exact_dup"]
    assert exact
    assert all(text_by_url[row["url"]] == text_by_url[row["duplicate_of_url"]] for row in exact)


def test_near_duplicates_differ_from_their_original(articles, truth):
    text_by_url = {article["url"]: article["text"] for article in articles}
    near = [row for row in truth if row["role"] == "near_dup"]
    assert near
    assert all(text_by_url[row["url"]] != text_by_url[row["duplicate_of_url"]] for row in near)


def test_ground_truth_rows_belong_to_diplomatic_articles_only(truth):
    assert truth
    assert all("/diplomatic/" in row["url"] for row in truth)


def test_every_engagement_sentence_is_in_its_article(articles, truth):
    text_by_url = {article["url"]: " ".join(article["text"].split()) for article in articles}
    for row in truth:
        evidence = " ".join(row["evidence"].split())
        assert evidence in text_by_url[row["url"]]


def test_ground_truth_pairs_are_sorted_alpha3_codes(truth):
    assert all(row["country_a"] < row["country_b"] and len(row["country_a"]) == 3 for row in truth)


def test_articles_have_300_to_900_words(articles):
    assert all(300 <= len(article["text"].split()) <= 900 for article in articles)


def test_both_input_formats_are_written(corpus):
    _, summary = corpus
    assert summary["txt_files"] > 0
    assert summary["jsonl_articles"] > summary["txt_files"]


def test_each_txt_file_starts_with_a_date_line(corpus):
    out_dir, _ = corpus
    for path in (out_dir / "articles").rglob("*.txt"):
        assert path.read_text(encoding="utf-8").startswith(" date ")


def test_ingest_reads_every_article_at_the_source_the_truth_names(corpus, truth):
    out_dir, _ = corpus
    raw_articles, rejected = read_input_folder(out_dir / "articles")
    assert rejected.height == 0
    assert raw_articles.height == N_ARTICLES
    source_by_url = {row["url"]: (row["source_file"], row["source_line"]) for row in raw_articles.to_dicts()}
    assert all(source_by_url[row["url"]] == (row["source_file"], row["source_line"]) for row in truth)


def test_weekday_in_the_future_is_the_next_such_day():
    published = date(2022, 9, 6)
    phrases = [single_day_phrase(random.Random(i), published, True, False) for i in range(50)]
    weekdays = [phrase for phrase in phrases if phrase.text.removeprefix("on ") in WEEKDAYS]
    assert weekdays
    for phrase in weekdays:
        assert 1 <= (phrase.start - published).days <= 6
        assert phrase.start.strftime("%A") == phrase.text[3:]


def test_past_spans_end_before_publication():
    published = date(2022, 9, 6)
    for seed in range(50):
        phrase = span_phrase(random.Random(seed), published, False, seed % 2 == 0)
        assert phrase.start < published
        assert phrase.end is None or phrase.start < phrase.end < published


def test_no_article_contains_an_unfilled_template_slot(articles):
    assert not [article["url"] for article in articles if re.search(r"\{[A-Za-z_0-9]+\}", article["text"])]


def test_template_sections_are_declared_once_so_slot_pools_never_mix_with_sentence_templates():
    headers = [
        line.strip()
        for path in sorted(TEMPLATE_DIR.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.fullmatch(r"\[[\w.]+\]", line.strip())
    ]
    assert len(headers) == len(set(headers))


def test_the_generator_and_its_templates_live_outside_the_package_whose_code_keys_the_cache():
    """``settings.code_fingerprint()`` hashes the files under pipeline/, so an edit to the generator must not touch
    a file there (it would throw away every per-article result); only the CLI imports the generator."""
    package = Path(settings.__file__).resolve().parent
    generator_files = [path.resolve() for path in Path(corpusgen.__file__).parent.rglob("*") if path.is_file()]
    assert TEMPLATE_DIR.resolve() in {path.parent for path in generator_files}
    assert not [path for path in generator_files if path.is_relative_to(package)]
    importers = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if "corpusgen" in path.read_text(encoding="utf-8")
    ]
    assert importers == ["cli.py"]
