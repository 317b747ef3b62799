"""Remix: a corpus whose articles are made of sentences drawn at random from other corpora, to shake the build.

The generator writes tidy articles about one engagement each; real feeds are messier. A remix keeps the sentences
(so the extraction still finds countries, people and engagements) but breaks everything around them: sentences of
many articles shuffled into one, some repeated, headers that are day-precise, month-only or missing, bodies on one
long line, exact copies of other remixed articles, and files in nested folders. A build must survive any of it:
every invariant holds, every file is accounted for, and nothing stops the warehouse.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_DATE_LINE = re.compile(r"^\s?date\s+\S+\s*(?:\S+://\S+)?\s*")


def source_sentences(folders: list[Path]) -> list[str]:
    """Every sentence of the articles under ``folders`` (.txt files without their date line, and the texts of
    .jsonl lines), split at sentence ends, in a stable order."""
    texts: list[str] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix == ".txt":
                texts.append(_DATE_LINE.sub("", path.read_text(encoding="utf-8"), count=1))
            elif path.suffix == ".jsonl":
                texts.extend(json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip())
    sentences = [s.strip() for text in texts for s in _SENTENCE_END.split(text) if len(s.split()) >= 3]
    return sentences


def remix_corpus(folders: list[Path], out: Path, n_articles: int, seed: int = 0) -> dict[str, int]:
    """Write ``n_articles`` remixed articles under ``out`` from the sentences of ``folders``; returns what kinds
    of article were written."""
    rng = random.Random(seed)
    pool = source_sentences(folders)
    if not pool:
        raise ValueError(f"no sentences under {folders}")
    out.mkdir(parents=True, exist_ok=True)
    kinds = {"day": 0, "month": 0, "undated": 0, "one_line": 0, "repeated_sentence": 0, "copy": 0}
    written: list[str] = []
    for number in range(n_articles):
        if written and rng.random() < 0.05:
            body = rng.choice(written)
            kinds["copy"] += 1
        else:
            sentences = [rng.choice(pool) for _ in range(rng.randint(2, 24))]
            if rng.random() < 0.3:
                sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(sentences))
                kinds["repeated_sentence"] += 1
            if rng.random() < 0.15:
                body = " ".join(sentences)
                kinds["one_line"] += 1
            else:
                body = "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))
            written.append(body)
        day = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
        roll = rng.random()
        if roll < 0.6:
            header, kind = f" date {day.isoformat()}\n", "day"
        elif roll < 0.8:
            header, kind = f" date {day.isoformat()[:7]}\n", "month"
        else:
            header, kind = "", "undated"
        kinds[kind] += 1
        folder = out / f"part{number % 7}" if number % 3 == 0 else out
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"remix_{number:05d}.txt").write_text(header + body + "\n", encoding="utf-8")
    return kinds
