"""Specification of the dedup stage: which articles are copies of which, and who is canonical."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl
from datasketch import LeanMinHash, MinHash, MinHashLSH

from pipeline.clean import ArticlesModel, clean_articles
from pipeline.dedup import (
    MINHASH_SCHEME,
    MINHASH_SEED,
    ArticleDuplicatesModel,
    _near_duplicate_links,
    find_duplicates,
    minhash_frame,
    minhash_signatures,
    shingle_hashes,
)
from pipeline.ingest import RAW_ARTICLES_SCHEMA, parse_text_article, read_input_file

RAW_FOLDER = Path(__file__).parent.parent / "data" / "raw"

STORY = """Ministers from Norway and Chile met in Oslo on Monday to discuss cooperation on renewable energy.
The two governments agreed to set up a joint working group on offshore wind and green hydrogen.
Norway's energy minister said the group would meet twice a year and report to both cabinets.
Chile's delegation toured a floating wind farm on the west coast before the talks began.
Officials said the countries would also exchange researchers between their national universities.
A memorandum on hydrogen shipping standards is expected to be signed before the end of the year.
Trade between the two countries has grown steadily over the past decade, led by salmon and copper.
The Chilean minister invited her Norwegian counterpart to visit Santiago in the spring.
Both sides stressed that private companies would be invited to join the working group later.
The meeting was the first at ministerial level on energy since the two countries opened talks."""

SYNDICATED_COPY = """Norway and Chile team up on wind and hydrogen
Ministers from Norway and Chile met in Oslo on Monday to discuss cooperation on renewable energy.
The two governments agreed to set up a joint working group on offshore wind and green hydrogen.
Norway's energy minister said the group would meet twice a year and report to both cabinets.
Chile's delegation toured a floating wind farm on the west coast before the talks began.
Officials said the two countries would also exchange researchers between their national universities.
A memorandum on hydrogen shipping standards is expected to be signed before the end of the year.
Trade between the two countries has grown steadily over the past decade, led by salmon and copper.
Download the Example News app for the latest updates
The Chilean minister invited her Norwegian counterpart to visit Santiago in the spring.
Both sides stressed that private companies would be invited to join the working group later.
The meeting was the first at ministerial level on energy since the two countries opened talks."""

UNRELATED = """Kenya and Tanzania held a border meeting in Namanga on Thursday about cross-border trade.
Customs officers from both countries agreed to share cargo manifests electronically from next month.
Truck drivers have complained of delays of up to three days at the crossing during the harvest season.
The regional trade bloc has pushed its members to remove non-tariff barriers along the northern corridor.
Both governments said a one-stop border post would be fully staffed around the clock by the end of the year.
Traders welcomed the decision but asked for lower fees on small consignments of maize and beans."""


def cleaned(*texts: str, dates: list[date] | None = None) -> pl.DataFrame:
    rows = [
        parse_text_article(f" date 2024-03-01\n{text}", f"story_{index}.txt")
        for index, text in enumerate(texts)
    ]
    for row, published in zip(rows, dates or [date(2024, 3, 1)] * len(rows), strict=True):
        row["published_date"] = published
    articles, _ = clean_articles(pl.DataFrame(rows, schema=RAW_ARTICLES_SCHEMA))
    return articles


def duplicate_map(articles: pl.DataFrame) -> dict[str, str | None]:
    marked, _ = find_duplicates(articles)
    return dict(marked.select("article_id", "duplicate_of").iter_rows())


def test_exact_copy_points_to_the_earlier_article():
    articles = cleaned(STORY, STORY, dates=[date(2024, 3, 2), date(2024, 3, 1)])
    later, earlier = articles["article_id"].to_list()
    marked, duplicates = find_duplicates(articles)
    assert dict(marked.select("article_id", "duplicate_of").iter_rows()) == {later: earlier, earlier: None}
    assert duplicates.rows() == [(later, earlier, 1.0, "exact")]


def test_on_the_same_date_the_smallest_article_id_is_canonical():
    articles = cleaned(STORY, STORY)
    first, second = sorted(articles["article_id"].to_list())
    assert duplicate_map(articles) == {first: None, second: first}


def test_syndicated_copy_with_new_headline_edited_sentence_and_banner_is_a_near_duplicate():
    articles = cleaned(STORY, SYNDICATED_COPY, dates=[date(2024, 3, 1), date(2024, 3, 2)])
    original, copy = articles["article_id"].to_list()
    marked, duplicates = find_duplicates(articles)
    assert dict(marked.select("article_id", "story_id").iter_rows()) == {original: original, copy: original}
    assert duplicates.select("article_id", "duplicate_of", "method").rows() == [(copy, original, "minhash")]
    assert 0.8 <= duplicates["similarity"][0] < 1.0


def test_signatures_kept_from_an_earlier_run_give_the_same_result():
    articles = cleaned(STORY, SYNDICATED_COPY, "Kenya and Ethiopia signed a trade pact in Nairobi on Monday.")
    kept = minhash_frame(articles.select("article_id", "text"))
    assert find_duplicates(articles, signatures=kept)[1].equals(find_duplicates(articles)[1])


def test_threshold_is_configurable():
    articles = cleaned(STORY, SYNDICATED_COPY)
    _, duplicates = find_duplicates(articles, threshold=0.99)
    assert duplicates.height == 0


def test_unrelated_articles_are_not_duplicates():
    articles = cleaned(STORY, UNRELATED)
    assert set(duplicate_map(articles).values()) == {None}


def test_two_reports_of_the_same_event_are_not_duplicates():
    rows = [row for path in sorted(RAW_FOLDER.glob("*.txt")) for _, row in read_input_file(path, RAW_FOLDER)]
    articles, _ = clean_articles(pl.DataFrame(rows, schema=RAW_ARTICLES_SCHEMA))
    assert articles.height == 2
    assert set(duplicate_map(articles).values()) == {None}


def test_exact_copy_of_a_near_duplicate_points_to_the_cluster_canonical():
    articles = cleaned(
        STORY, SYNDICATED_COPY, SYNDICATED_COPY, dates=[date(2024, 3, 1), date(2024, 3, 2), date(2024, 3, 3)]
    )
    original = articles["article_id"][0]
    marked, duplicates = find_duplicates(articles)
    assert marked["story_id"].to_list() == [original] * 3
    assert duplicates["method"].to_list() == ["minhash", "minhash"]


def test_empty_articles_are_not_duplicates_of_each_other():
    articles = cleaned("Download the app", "Subscribe to our newsletter")
    assert articles["text"].to_list() == ["", ""]
    marked, duplicates = find_duplicates(articles)
    assert marked["duplicate_of"].to_list() == [None, None]
    assert marked["story_id"].to_list() == articles["article_id"].to_list()
    assert duplicates.height == 0


def test_frames_follow_the_contracts_and_keep_row_order():
    articles = cleaned(UNRELATED, STORY, STORY, SYNDICATED_COPY)
    marked, duplicates = find_duplicates(articles)
    ArticlesModel.validate(marked.drop("text"))
    ArticleDuplicatesModel.validate(duplicates)
    assert marked["article_id"].to_list() == articles["article_id"].to_list()
    assert marked.columns == [*articles.columns, "duplicate_of", "story_id"]


def test_batch_signatures_equal_datasketch_minhash_of_the_shingles():
    texts = [STORY, UNRELATED, "Too short", ""]
    signatures = minhash_signatures(texts, num_perm=64)
    for text, signature in zip(texts, signatures, strict=True):
        reference = MinHash(
            num_perm=64, seed=MINHASH_SEED, scheme=MINHASH_SCHEME, hashfunc=lambda value: value
        )
        reference.update_batch(shingle_hashes(text).tolist())
        assert np.array_equal(reference.hashvalues, signature)


def test_shingles_ignore_case_and_punctuation():
    assert np.array_equal(
        shingle_hashes("The talks, in Oslo, ended well."), shingle_hashes("the talks in oslo ended WELL")
    )


def _datasketch_links(signatures: np.ndarray, threshold: float) -> np.ndarray:
    """What a datasketch LSH index gives: each row, in order, queries an index of the canonical rows before it
    and links to the most similar one at or above the threshold, else joins the index."""
    index = MinHashLSH(threshold=threshold, num_perm=signatures.shape[1])
    expected = np.full(len(signatures), -1)
    for row, signature in enumerate(signatures):
        minhash = LeanMinHash(seed=MINHASH_SEED, hashvalues=signature, scheme=MINHASH_SCHEME)
        candidates = sorted(index.query(minhash))
        estimates = [(signatures[candidate] == signature).mean() for candidate in candidates]
        if estimates and max(estimates) >= threshold:
            expected[row] = candidates[int(np.argmax(estimates))]
        else:
            index.insert(row, minhash)
    return expected


def test_near_duplicate_links_equal_those_of_a_datasketch_lsh_index():
    """A copy of a copy links to the first canonical row."""
    generator = np.random.default_rng(7)
    originals = generator.integers(0, 2**32 - 1, size=(300, 128), dtype=np.uint32)
    copies = originals[generator.integers(0, 300, size=200)].copy()
    changed = generator.random(copies.shape) < generator.uniform(0.0, 0.4, size=(200, 1))
    copies[changed] = generator.integers(0, 2**32 - 1, size=int(changed.sum()), dtype=np.uint32)
    signatures = np.concatenate([originals, copies, copies[:50]])
    linked_to, similarity = _near_duplicate_links(signatures, 0.8, 128)
    assert np.array_equal(linked_to, _datasketch_links(signatures, 0.8))
    assert 50 < (linked_to >= 0).sum() < len(signatures) - 300
    assert np.all(similarity[linked_to >= 0] >= 0.8)


def test_a_long_chain_of_drifting_copies_links_as_a_datasketch_index_would():
    """Each copy edits a few values of the one before, so the chain's rows share buckets only with their
    neighbours and the whole chain is one component, settled in order."""
    generator = np.random.default_rng(11)
    chain = [generator.integers(0, 2**32 - 1, size=128, dtype=np.uint32)]
    for _ in range(60):
        copy = chain[-1].copy()
        edited = generator.choice(128, size=12, replace=False)
        copy[edited] = generator.integers(0, 2**32 - 1, size=12, dtype=np.uint32)
        chain.append(copy)
    signatures = np.stack(chain)[generator.permutation(len(chain))]
    linked_to, _ = _near_duplicate_links(signatures, 0.8, 128)
    assert np.array_equal(linked_to, _datasketch_links(signatures, 0.8))
    assert 5 < (linked_to >= 0).sum() < len(chain) - 5


KEPT_PARAMETERS_SCRIPT = """
import sys
from pipeline.dedup import _near_duplicate_links, minhash_signatures
texts = ["the two ministers met in Oslo on Monday to talk about wind power", "the two ministers met in Oslo on"
         " Monday to talk about wind power today", "a storm closed the roads of the northern coast overnight"]
linked_to, similarity = _near_duplicate_links(minhash_signatures(texts), 0.5, 128)
print(linked_to.tolist(), "datasketch" in sys.modules)
"""


def test_a_process_that_finds_the_minhash_parameters_kept_does_not_import_datasketch(tmp_path):
    def run() -> str:
        return subprocess.run(
            [sys.executable, "-c", KEPT_PARAMETERS_SCRIPT],
            env=os.environ | {"BILATERAL_STORAGE": str(tmp_path)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    first, later = run(), run()

    assert first == "[-1, 0, -1] True\n"
    assert later == "[-1, 0, -1] False\n"
