"""Dedup stage: mark exact and near-duplicate articles so a story reported by many outlets counts once.

Exact duplicates share a content_hash. Near duplicates (syndicated copies with another headline, an edited
sentence, an extra line) are found with MinHash over word 5-shingles and a MinHashLSH index, so each article
is compared only with its LSH candidates, never with every other article.

Canonical article of a cluster: earliest published_date (unknown dates last), then smallest article_id.
Articles are visited in that order; an article joins the cluster of the most similar canonical article
already indexed (estimated Jaccard >= threshold) or becomes canonical itself. Every duplicate points
straight at its canonical article, so clusters never chain through intermediate articles.
"""

from collections.abc import Sequence
from functools import cache

import numpy as np
import pandera.polars as pa
import polars as pl

from pipeline.cache import kept_as_json

SHINGLE_SIZE = 5
MINHASH_PERMUTATIONS = 128
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"
_SHINGLES_PER_CHUNK = 8_000
# The LSH index only proposes candidates and the estimated similarity decides, so a threshold too high for
# datasketch to split the signature into two or more bands is lowered for the index alone.
_MAX_INDEX_THRESHOLD = 0.9
_EMPTY_SLOT = np.uint32(0xFFFFFFFF)
_FNV_PRIME = np.uint64(0x100000001B3)


@cache
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) affine permutations datasketch would use, so our signatures are datasketch MinHashes.

    Importing datasketch takes about 0.9 s (it imports scipy), in every build and every pool worker, for a few
    hundred numbers: they are kept in the storage folder, and datasketch is imported only to make them."""

    def build() -> list[list[int]]:
        from datasketch import MinHash

        return [
            part.tolist()
            for part in MinHash(num_perm=num_perm, seed=seed, scheme=MINHASH_SCHEME).permutations
        ]

    def decode(kept: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        a, b = (np.array(part, dtype=np.uint32) for part in kept)
        return a, b

    return kept_as_json(
        f"minhash-permutations-{MINHASH_SCHEME}-{num_perm}-{seed}", build, decode, keyed_by=__name__
    )


@cache
def _band_ranges(threshold: float, num_perm: int) -> list[tuple[int, int]]:
    """The (start, end) of each band of a signature, as datasketch's ``MinHashLSH`` chooses them for the threshold
    (kept in the storage folder, as the permutations are)."""

    def build() -> list[tuple[int, int]]:
        from datasketch import MinHashLSH

        return MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges

    return kept_as_json(
        f"lsh-bands-{threshold}-{num_perm}",
        build,
        lambda kept: [(start, end) for start, end in kept],
        keyed_by=__name__,
    )


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3 32-bit finalizer, the pre-mix datasketch applies in its affine32 scheme."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def _shingle_table(texts: Sequence[str], shingle_size: int) -> tuple[np.ndarray, np.ndarray]:
    """(document index, 32-bit shingle hash) of every word shingle of every text, grouped by document.

    Words are lowercased \\w+ runs hashed by polars (deterministic for one polars version), combined over
    `shingle_size` consecutive words of one document; a text shorter than that is a single shingle.
    """
    words = (
        pl.DataFrame({"text": list(texts)}, schema={"text": pl.String})
        .with_row_index("document")
        .select("document", word=pl.col("text").str.to_lowercase().str.extract_all(r"\w+"))
        .explode("word")
        .drop_nulls("word")
        .select("document", word_hash=pl.col("word").hash(seed=MINHASH_SEED))
    )
    documents = words["document"].to_numpy().astype(np.int64)
    word_hashes = words["word_hash"].to_numpy()
    word_counts = np.bincount(documents, minlength=len(texts))
    shingle_documents, combined = _combine_windows(documents, word_hashes, shingle_size)
    short = np.flatnonzero((word_counts > 0) & (word_counts < shingle_size))
    if len(short):
        starts = np.concatenate(([0], np.cumsum(word_counts)))
        whole = [
            _combine_windows(
                documents[starts[i] : starts[i + 1]],
                word_hashes[starts[i] : starts[i + 1]],
                int(word_counts[i]),
            )
            for i in short
        ]
        shingle_documents = np.concatenate([shingle_documents, *(pair[0] for pair in whole)])
        combined = np.concatenate([combined, *(pair[1] for pair in whole)])
        order = np.argsort(shingle_documents, kind="stable")
        shingle_documents, combined = shingle_documents[order], combined[order]
    return shingle_documents, (combined ^ (combined >> np.uint64(32))).astype(np.uint32)


def _combine_windows(
    documents: np.ndarray, word_hashes: np.ndarray, width: int
) -> tuple[np.ndarray, np.ndarray]:
    """Polynomial hash of every run of `width` consecutive words that stays inside one document."""
    count = len(word_hashes) - width + 1
    if count <= 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.uint64)
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        combined = combined * _FNV_PRIME + word_hashes[offset : offset + count]
    inside = documents[width - 1 :] == documents[:count]
    return documents[:count][inside], combined[inside]


def shingle_hashes(text: str, shingle_size: int = SHINGLE_SIZE) -> np.ndarray:
    """Distinct 32-bit hashes of the word shingles of one text."""
    return np.unique(_shingle_table([text], shingle_size)[1])


def minhash_signatures(
    texts: Sequence[str], num_perm: int = 128, seed: int = MINHASH_SEED, shingle_size: int = SHINGLE_SIZE
) -> np.ndarray:
    """MinHash signatures (n x num_perm, uint32) of a batch of texts; a pure function, safe to parallelise.

    Equal to datasketch's MinHash(scheme="affine32") fed the shingle hashes, but computed for many texts
    at once: hashing is vectorised in polars/numpy and the permutations are applied to cache-sized chunks
    of shingles with one min-reduction per chunk. Empty texts get an all-empty signature.
    """
    a, b = _permutations(num_perm, seed)
    signatures = np.full((len(texts), num_perm), _EMPTY_SLOT, dtype=np.uint32)
    documents, hashes = _shingle_table(texts, shingle_size)
    if not len(hashes):
        return signatures
    mixed = _fmix32(hashes)
    starts = np.flatnonzero(np.concatenate(([True], documents[1:] != documents[:-1])))
    bounds = np.append(starts, len(mixed))
    first = 0
    while first < len(starts):
        last = max(
            int(np.searchsorted(bounds, bounds[first] + _SHINGLES_PER_CHUNK, side="right")) - 1, first + 1
        )
        low, high = bounds[first], bounds[last]
        permuted = a[:, np.newaxis] * mixed[np.newaxis, low:high] + b[:, np.newaxis]
        signatures[documents[starts[first:last]]] = np.minimum.reduceat(
            permuted, starts[first:last] - low, axis=1
        ).T
        first = last
    return signatures


class ArticleDuplicatesModel(pa.DataFrameModel):
    """One row per duplicate article, pointing at the canonical article of its cluster."""

    article_id: str = pa.Field(unique=True)
    duplicate_of: str
    similarity: pl.Float64 = pa.Field(ge=0.0, le=1.0)
    method: str = pa.Field(isin=["exact", "minhash"])

    class Config:
        strict = True

    @pa.dataframe_check
    def not_own_duplicate(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("article_id") != pl.col("duplicate_of"))


def _canonical_order(articles: pl.DataFrame) -> pl.DataFrame:
    """Articles with text (an article's text is made of its sentences, so it has text exactly when it has
    sentences), earliest first, ties broken by article_id, with their exact-duplicate canonical."""
    return (
        articles.select("article_id", "published_date", "n_sentences", "content_hash")
        .filter(pl.col("n_sentences") > 0)
        .sort(["published_date", "article_id"], nulls_last=True)
        .with_columns(exact_of=pl.col("article_id").first().over("content_hash"))
    )


def _band_keys(signatures: np.ndarray, hashranges: list[tuple[int, int]]) -> np.ndarray:
    """(rows, bands) of 64-bit bucket keys: rows with equal values in a band get the same key (a polynomial hash
    of the band's values, each band with its own start). Two different band values sharing a key (odds about
    1e-9 in a 100k corpus) only add one candidate pair, whose estimated similarity still decides."""
    keys = np.empty((len(signatures), len(hashranges)), dtype=np.uint64)
    for band, (start, end) in enumerate(hashranges):
        key = np.full(len(signatures), band, dtype=np.uint64)
        for column in range(start, end):
            key = key * _FNV_PRIME + signatures[:, column]
        keys[:, band] = key
    return keys


def _near_duplicate_links(
    signatures: np.ndarray, threshold: float, num_perm: int
) -> tuple[np.ndarray, np.ndarray]:
    """For signatures in canonical order: index of the canonical row each one duplicates (-1 if none), and
    the estimated Jaccard similarity to it.

    MinHash LSH with datasketch's banding for the threshold, as its ``MinHashLSH`` index would do it (each row
    queries the canonical rows before it, links to the most similar one at or above the threshold, else joins
    the index), but with the bands of all rows compared at once. Rows only ever meet rows of their own
    component (rows joined by shared buckets), so components are settled one by one: a row sharing no bucket
    is canonical, a pair links its later row to the earlier one when they are similar enough, and only larger
    components (a few percent of the rows) go through the sequential loop.
    """
    band_ranges = _band_ranges(min(threshold, _MAX_INDEX_THRESHOLD), num_perm)
    linked_to = np.full(len(signatures), -1, dtype=np.int64)
    similarity = np.zeros(len(signatures), dtype=np.float64)
    if len(signatures) == 0:
        return linked_to, similarity
    band_keys = _band_keys(signatures, band_ranges)
    shared = np.column_stack(
        [pl.Series(band_keys[:, band]).is_duplicated().to_numpy() for band in range(len(band_ranges))]
    )
    if not shared.any():
        return linked_to, similarity
    members = _bucket_components(band_keys, shared).with_columns(size=pl.len().over("component"))
    pairs = members.filter(pl.col("size") == 2).sort("component", "row")
    earlier, later = (pairs["row"].gather_every(2, offset).to_numpy() for offset in (0, 1))
    estimates = np.count_nonzero(signatures[earlier] == signatures[later], axis=1) / num_perm
    similar = estimates >= threshold
    linked_to[later[similar]], similarity[later[similar]] = earlier[similar], estimates[similar]
    buckets: dict[int, list[int]] = {}
    for row in members.filter(pl.col("size") > 2)["row"].sort().to_list():
        row_buckets = band_keys[row][shared[row]].tolist()
        candidates = sorted({member for bucket in row_buckets for member in buckets.get(bucket, ())})
        if candidates:
            estimates = np.count_nonzero(signatures[candidates] == signatures[row], axis=1) / num_perm
            best = int(np.argmax(estimates))
            if estimates[best] >= threshold:
                linked_to[row] = candidates[best]
                similarity[row] = estimates[best]
                continue
        for bucket in row_buckets:
            buckets.setdefault(bucket, []).append(row)
    return linked_to, similarity


def _bucket_components(band_keys: np.ndarray, shared: np.ndarray) -> pl.DataFrame:
    """(row, component) of every row that shares a bucket (a bucket is a key, as in the sequential loop): rows
    linked through shared buckets, transitively, get the smallest row of their component as its label.

    Labels spread through buckets, each root takes the smallest label of its members (hooking) and every row
    then follows its label to the root (pointer jumping), so a long chain of buckets settles in a few rounds,
    not one round per link."""
    rows, bands = np.nonzero(shared)
    members = np.unique(rows)
    row_index = np.searchsorted(members, rows)
    bucket_index = (pl.Series(band_keys[rows, bands]).rank("dense") - 1).to_numpy()
    label = np.arange(len(members))
    while True:
        bucket_smallest = np.full(int(bucket_index.max()) + 1, len(members))
        np.minimum.at(bucket_smallest, bucket_index, label[row_index])
        spread = label.copy()
        np.minimum.at(spread, row_index, bucket_smallest[bucket_index])
        np.minimum.at(spread, label, spread)
        while not np.array_equal(jumped := spread[spread], spread):
            spread = jumped
        if np.array_equal(spread, label):
            return pl.DataFrame({"row": members, "component": members[label]})
        label = spread


def minhash_frame(articles: pl.DataFrame, num_perm: int = MINHASH_PERMUTATIONS) -> pl.DataFrame:
    """(article_id, minhash) for a batch of articles: the per-article half of deduplication, cacheable."""
    signatures = minhash_signatures(articles["text"].to_list(), num_perm=num_perm)
    return pl.DataFrame(
        {"article_id": articles["article_id"], "minhash": signatures},
        schema={"article_id": pl.String, "minhash": pl.Array(pl.UInt32, num_perm)},
    )


def find_duplicates(
    articles: pl.DataFrame,
    threshold: float = 0.8,
    num_perm: int = MINHASH_PERMUTATIONS,
    signatures: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(articles with duplicate_of and story_id, article_duplicates); empty articles are their own story.

    ``signatures`` (from minhash_frame, e.g. kept from an earlier run) saves computing them again; without them,
    ``articles`` needs its ``text``.
    """
    if signatures is None:
        signatures = minhash_frame(articles.select("article_id", "text"), num_perm)
    ordered = _canonical_order(articles)
    exact_canonical = ordered.filter(pl.col("article_id") == pl.col("exact_of"))
    signatures = (
        exact_canonical.select("article_id")
        .join(signatures, on="article_id", how="left", maintain_order="left")["minhash"]
        .to_numpy()
    )
    linked_to, similarity = _near_duplicate_links(signatures, threshold, num_perm)
    canonical_ids = exact_canonical["article_id"].to_list()
    story_ids = [
        canonical_ids[link] if link >= 0 else own for link, own in zip(linked_to, canonical_ids, strict=True)
    ]
    near = pl.DataFrame(
        {"exact_of": canonical_ids, "story_id": story_ids, "near_similarity": similarity},
        schema={"exact_of": pl.String, "story_id": pl.String, "near_similarity": pl.Float64},
    )
    links = (
        ordered.join(near, on="exact_of", how="left")
        .filter(pl.col("article_id") != pl.col("story_id"))
        .select(
            "article_id",
            duplicate_of=pl.col("story_id"),
            similarity=pl.when(pl.col("story_id") == pl.col("exact_of"))
            .then(1.0)
            .otherwise(pl.col("near_similarity")),
            method=pl.when(pl.col("story_id") == pl.col("exact_of"))
            .then(pl.lit("exact"))
            .otherwise(pl.lit("minhash")),
        )
    )
    marked = articles.join(
        links.select("article_id", "duplicate_of"), on="article_id", how="left", maintain_order="left"
    ).with_columns(story_id=pl.coalesce("duplicate_of", "article_id"))
    return marked, links.sort("article_id")
