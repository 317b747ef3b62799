"""A visit's companions: the people a report names as the visitor's delegation or as the hosts who received it.

Reports of a visit name its people in sentences that hold no trigger of their own: "The Prime Minister's delegation
comprises Defence Minister ...", "Upon arrival he was welcomed by President ...", "... were also present at the
welcoming ceremony". By the annotation guide they take part in the visit (people of the two countries). Such a
sentence adds its people to the visit reported just before it.
"""

from __future__ import annotations

import re

from pipeline.engagements.lexicon import with_ascii_word_boundaries

COMPANION_CUE_PATTERN = (
    r"\b(?:accompanied\s+by|delegation\s+(?:comprises|comprising|comprised|includes|including|included|"
    r"consists\s+of|consisting\s+of|was\s+made\s+up\s+of)|(?:welcomed|received|greeted)\s+(?:[\w'’.,-]+\s+){0,6}?by|"
    r"welcome\s+by|present\s+at\s+the\s+(?:welcoming|arrival|reception)|welcoming\s+ceremony)\b"
)
"""Words that introduce the people of a visit: its delegation ("accompanied by", "the delegation includes"), or
its hosts ("was welcomed at the airport by", "accorded a warm welcome by", "present at the welcoming ceremony").
Written without look-around so that polars runs it too (``extract._candidate_sentences``)."""
_COMPANION_CUE = re.compile(COMPANION_CUE_PATTERN, re.IGNORECASE)
COMPANION_CUE_PATTERN_ASCII_BOUNDARIES = with_ascii_word_boundaries(COMPANION_CUE_PATTERN)
"""The cue for polars over lower-cased sentences (``lexicon.with_ascii_word_boundaries``)."""

REACH = 3
"""How many sentences after a visit's sentence may still name its companions."""


def holds_companion_cue(text: str) -> bool:
    """Whether a sentence introduces the people of a visit (``COMPANION_CUE_PATTERN``)."""
    return _COMPANION_CUE.search(text) is not None


def _visit_before(rows: list[dict], sentence_index: int) -> dict | None:
    """The visit a sentence's companions belong to: the last visit row in the ``REACH`` sentences up to this one,
    provided every row after it in that window has its pair (a report that has moved on to another pair's
    engagement is no longer about the visit)."""
    window = [r for r in rows if sentence_index - REACH <= r["sentence_index"] <= sentence_index]
    for position in range(len(window) - 1, -1, -1):
        row = window[position]
        if row["engagement_type"] == "visit":
            pair = (row["country_a"], row["country_b"])
            later = window[position + 1 :]
            return row if all((r["country_a"], r["country_b"]) == pair for r in later) else None
    return None


def with_visit_companions(
    rows: list[dict], sentences: list[dict], mentions: list[dict], persons: dict[str, dict]
) -> list[dict]:
    """``rows`` (an article's engagement mentions, in sentence order) where each visit also has, as participants,
    the linked people of a later sentence within ``REACH`` that introduces its delegation or hosts, when their
    country is one of the pair or unknown (as ``attributes._participants`` admits them). A person already taking
    part is not added twice. The rows are changed in place and returned."""
    if not any(r["engagement_type"] == "visit" for r in rows):
        return rows
    people_by_sentence: dict[int, list[dict]] = {}
    for m in mentions:
        if m["label"] == "PERSON" and (m["entity_id"] or "").startswith("person:"):
            people_by_sentence.setdefault(m["sentence_index"], []).append(m)
    for sentence in sentences:
        index = sentence["sentence_index"]
        if index not in people_by_sentence or not holds_companion_cue(sentence["text"]):
            continue
        visit = _visit_before(rows, index)
        if visit is None:
            continue
        pair = (visit["country_a"], visit["country_b"])
        taking_part = {p["person_id"] for p in visit["participants"]}
        for m in people_by_sentence[index]:
            person_id = m["entity_id"].removeprefix("person:")
            info = persons.get(person_id, {})
            country = m["country_code"] or info.get("country_code")
            if person_id in taking_part or (country is not None and country not in pair):
                continue
            taking_part.add(person_id)
            visit["participants"].append(
                {
                    "person_id": person_id,
                    "name": info.get("name") or m["text"],
                    "role": info.get("role"),
                    "country_code": country,
                }
            )
            visit["participant_person_ids"].append(person_id)
    return rows
