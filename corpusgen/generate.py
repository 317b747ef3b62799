"""The corpus: which positions are originals and which syndicated copies, the articles generated in chunks
on worker processes, and the files written in the two input formats with the ground truth beside them."""

from __future__ import annotations

import json
import random
import time
from bisect import bisect_left
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from functools import partial
from pathlib import Path

from corpusgen.articles import Article, near_duplicate, original_article
from corpusgen.data import countries, pick, templates

JSONL_LINES_PER_FILE = 10_000
TXT_FILES_PER_FOLDER = 1_000
EXACT_DUP_SHARE, NEAR_DUP_SHARE = 0.10, 0.10
COPY_WINDOW = 2_000
CHUNK_SIZE = 5_000
"""A syndicated copy appears within this many articles of its original (still in memory then)."""


def article_url(article: Article, position: int) -> str:
    outlets = templates()["outlet"]
    outlet = outlets[(position * 7919) % len(outlets)]
    domain = outlet.lower().replace("the ", "").replace(" ", "") + ".example"
    slug = "-".join("".join(ch for ch in word if ch.isalnum()) for word in article.title.lower().split()[:8])
    day = article.published
    return f"https://www.{domain}/{article.category}/{day:%Y/%m/%d}/{slug}-{position}"


def engagement_rows(article: Article) -> list[dict]:
    return [
        {
            "country_a": e.country_a,
            "country_b": e.country_b,
            "type": e.engagement_type,
            "status": e.status,
            "start_date": e.dates.start.isoformat() if e.dates.start else None,
            "end_date": e.dates.end.isoformat() if e.dates.end else None,
            "date_precision": e.dates.precision,
            "date_phrase": e.dates.text or None,
            "location_city": e.location_city,
            "host_country": e.host_country,
            "evidence": e.evidence,
        }
        for e in article.engagements
    ]


def truth_rows(record: dict, source: dict) -> list[dict]:
    shared = {
        **source,
        "url": record["url"],
        "published_date": record["date"],
        "role": record["role"],
        "duplicate_of_url": record["duplicate_of_url"],
    }
    return [shared | row for row in record["engagements"]]


def generate_chunk(seed: int, mix: float, chunk: list[tuple[int, str, int | None]]) -> list[dict]:
    """The published records of a run of positions: originals, and copies of originals seen shortly before."""
    recent: dict[int, Article] = {}
    records = []
    for position, role, original_position in chunk:
        if role == "original":
            article = recent[position] = original_article(seed, position, mix)
            recent.pop(position - COPY_WINDOW, None)
            duplicate_of = None
        else:
            source = recent.get(original_position) or original_article(seed, original_position, mix)
            duplicate_of = article_url(source, original_position)
            copy_rng = random.Random(f"{seed}:copy:{position}")
            article = near_duplicate(source, copy_rng) if role == "near_dup" else source
        records.append(
            {
                "position": position,
                "role": role,
                "duplicate_of_url": duplicate_of,
                "url": article_url(article, position),
                "date": article.published.isoformat(),
                "category": article.category,
                "title": article.title,
                "text": article.text,
                "engagements": engagement_rows(article),
            }
        )
    return records


def plan_roles(n_articles: int, rng: random.Random) -> list[tuple[str, int | None]]:
    """(role, position of the original) per position; a copy follows its original closely, as syndicated."""
    n_exact = round(n_articles * EXACT_DUP_SHARE)
    n_near = round(n_articles * NEAR_DUP_SHARE)
    roles = ["exact_dup"] * n_exact + ["near_dup"] * n_near
    roles += ["original"] * (n_articles - len(roles))
    rng.shuffle(roles)
    originals = [position for position, role in enumerate(roles) if role == "original"]
    if not originals:
        return [("original", None)] * n_articles
    plan: list[tuple[str, int | None]] = []
    for position, role in enumerate(roles):
        if role == "original":
            plan.append((role, None))
            continue
        earlier = originals[bisect_left(originals, position - COPY_WINDOW) : bisect_left(originals, position)]
        plan.append((role, pick(rng, earlier or originals)))
    return plan


def generate_corpus(
    n_articles: int, out_dir: Path, seed: int, mix: float = 0.25, jsonl_share: float = 0.9, workers: int = 2
) -> dict:
    """Write a synthetic corpus and its ground truth under ``out_dir``; return summary figures.

    ``jsonl_share`` of the articles go to JSON Lines files, the rest to one .txt file each. Positions are
    generated in chunks by ``workers`` processes; the output does not depend on the number of workers.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    corpus_dir = out_dir / "articles"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    master = random.Random(seed)
    plan = plan_roles(n_articles, master)
    formats = ["jsonl" if master.random() < jsonl_share else "txt" for _ in range(n_articles)]
    chunks = [
        [(position, *plan[position]) for position in range(start, min(start + CHUNK_SIZE, n_articles))]
        for start in range(0, n_articles, CHUNK_SIZE)
    ]
    countries()
    counts = Counter()
    writer = CorpusWriter(corpus_dir)
    pool = ProcessPoolExecutor(workers) if workers > 1 else nullcontext()
    with (out_dir / "ground_truth.jsonl").open("w", encoding="utf-8") as truth, pool:
        mapper = pool.map if workers > 1 else map
        for records in mapper(partial(generate_chunk, seed, mix), chunks):
            for record in records:
                source = writer.write(record, formats[record["position"]])
                for row in truth_rows(record, source):
                    truth.write(json.dumps(row, ensure_ascii=False) + "\n")
                counts[record["role"]] += 1
                counts["diplomatic"] += record["category"] == "diplomatic"
                counts["engagements"] += len(record["engagements"])
    writer.close()
    return {
        "articles": n_articles,
        "corpus_dir": str(corpus_dir),
        "ground_truth": str(out_dir / "ground_truth.jsonl"),
        "originals": counts["original"],
        "exact_duplicates": counts["exact_dup"],
        "near_duplicates": counts["near_dup"],
        "diplomatic": counts["diplomatic"],
        "txt_files": writer.txt_files,
        "jsonl_articles": writer.jsonl_articles,
        "jsonl_files": writer.jsonl_files,
        "engagements": counts["engagements"],
        "seconds": round(time.perf_counter() - started, 2),
    }


class CorpusWriter:
    """Writes articles in the two input formats and says where each landed, as the ingest will report it."""

    def __init__(self, corpus_dir: Path):
        self.corpus_dir = corpus_dir
        self.handle = None
        self.jsonl_files = self.jsonl_articles = self.txt_files = 0
        self.lines_in_file = 0
        self.current_file = ""

    def write(self, record: dict, file_format: str) -> dict:
        if file_format == "txt":
            return self._write_txt(record)
        if self.handle is None or self.lines_in_file == JSONL_LINES_PER_FILE:
            self.close()
            (self.corpus_dir / "jsonl").mkdir(exist_ok=True)
            self.current_file = f"jsonl/part-{self.jsonl_files:05d}.jsonl"
            self.handle = (self.corpus_dir / self.current_file).open("w", encoding="utf-8")
            self.jsonl_files, self.lines_in_file = self.jsonl_files + 1, 0
        line = {
            "date": record["date"],
            "url": record["url"],
            "title": record["title"],
            "text": record["text"],
        }
        self.handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.lines_in_file += 1
        self.jsonl_articles += 1
        source = f"{self.current_file}:{self.lines_in_file}"
        return {"source": source, "source_file": self.current_file, "source_line": self.lines_in_file}

    def _write_txt(self, record: dict) -> dict:
        position = record["position"]
        relative = f"txt/{position // TXT_FILES_PER_FOLDER:03d}/{position:06d}.txt"
        path = self.corpus_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f" date {record['date']} {record['url']}\n{record['text']}\n", encoding="utf-8")
        self.txt_files += 1
        return {"source": relative, "source_file": relative, "source_line": None}

    def close(self) -> None:
        if self.handle:
            self.handle.close()
            self.handle = None
