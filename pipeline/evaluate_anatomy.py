"""Why each miss was missed and each false row is false: the anatomy of an evaluation's errors.

A miss or a false row is put in the first kind that fits, judged within the article it is listed under, by what
the other side holds for the same country pair there. The kinds follow how errors are fixed: a dating error needs
the temporal resolver, a pair never found needs the entity and party rules, a row with no engagement behind its
pair needs the triggers and exclusions.
"""

from __future__ import annotations

from collections import Counter

import polars as pl

MISS_KINDS = ("pair not found", "pair found, other type", "found undated", "found, other date", "other")
"""Kinds of misses: no prediction of the pair cites the article; only other types; the type undated where the gold
is dated; the type with a date outside the gold's range; else (e.g. the prediction went to another record)."""
FALSE_ROW_KINDS = (
    "split duplicate",
    "negative",
    "undated twin of a gold record",
    "other date than the gold record",
    "other type than the gold records",
    "no gold record for the pair",
)
"""Kinds of false rows: an extra row for a matched record; a pair in a negative article or a not-engaged pair; an
undated row of a pair and type the gold records dated; a dated one whose date misses it; a pair the gold has
with other types only; a pair the gold has no record of in that article."""


def _by_article_pair(frame: pl.DataFrame) -> dict[tuple, list[dict]]:
    grouped: dict[tuple, list[dict]] = {}
    for row in frame.iter_rows(named=True):
        grouped.setdefault((row["article"], row["country_a"], row["country_b"]), []).append(row)
    return grouped


def _miss_kind(miss: dict, predicted: list[dict]) -> str:
    same_type = [p for p in predicted if p["engagement_type"] == miss["engagement_type"]]
    if not predicted:
        return "pair not found"
    if not same_type:
        return "pair found, other type"
    if miss["start_date"] is not None and all(p["start_date"] is None for p in same_type):
        return "found undated"
    if miss["start_date"] is not None:
        return "found, other date"
    return "other"


def _false_row_kind(row: dict, gold: list[dict]) -> str:
    reason = row.get("reason") or ""
    if reason.startswith("split duplicate"):
        return "split duplicate"
    if reason in ("negative article", "not_engaged pair"):
        return "negative"
    same_type = [g for g in gold if g["engagement_type"] == row["engagement_type"]]
    if same_type and row["start_date"] is None:
        return "undated twin of a gold record"
    if same_type:
        return "other date than the gold record"
    if gold:
        return "other type than the gold records"
    return "no gold record for the pair"


def anatomy(
    misses: pl.DataFrame, false_rows: pl.DataFrame, gold_records: pl.DataFrame, cited_predictions: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, dict[str, int]]]:
    """(misses, false rows, counts): both lists with a ``kind`` column, and the count of each kind.

    ``gold_records`` has one row per (gold record, article it comes from) with ``article``, the pair and
    ``engagement_type``; ``cited_predictions`` one per (prediction, article it cites) with ``article``, the pair,
    ``engagement_type`` and ``start_date``."""
    predicted = _by_article_pair(cited_predictions)
    golden = _by_article_pair(gold_records)
    miss_kinds = [
        _miss_kind(m, predicted.get((m["article"], m["country_a"], m["country_b"]), []))
        for m in misses.iter_rows(named=True)
    ]
    false_kinds = [
        _false_row_kind(r, golden.get((r["article"], r["country_a"], r["country_b"]), []))
        for r in false_rows.iter_rows(named=True)
    ]
    counts = {
        "misses": {kind: Counter(miss_kinds)[kind] for kind in MISS_KINDS},
        "false rows": {kind: Counter(false_kinds)[kind] for kind in FALSE_ROW_KINDS},
    }
    return (
        misses.with_columns(kind=pl.Series(miss_kinds, dtype=pl.String)),
        false_rows.with_columns(kind=pl.Series(false_kinds, dtype=pl.String)),
        counts,
    )
