"""The sentence record every entity rule reads, the mention row the rules emit, and the words around a position."""

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.countries import GazetteerMatch

if TYPE_CHECKING:
    from pipeline.entities.roles import _RoleParse

WORD = re.compile(r"[A-Za-z][\w’'\-\.]*")
NEXT_WORD = re.compile(r"\s+([\w’'\-\.]+)")
PREVIOUS_WORD = re.compile(r"(?s:.*)(?<![\w’'\-\.])([\w’'\-\.]+)\s+")
r"""The word before trailing whitespace, as a full match: the greedy ``.*`` backtracks from the end, where a search
for ``word\s+$`` would retry from every position."""
WORD_WINDOW = 60
"""Characters looked at around a position for its neighbouring word: a slice, not the whole article, per call."""


@dataclass(slots=True)
class _Sentence:
    """One sentence of an article as the rules see it: its index, its offsets in the article and its text; the
    gazetteer matches inside it and whether it holds a cue word (both from ``prefilter._prepare``); and what the
    rules work out once and share: the names the title patterns found (``prefilter._plan_model``;
    None until they ran) and the memo of ``roles._role_parse``."""

    index: int
    start: int
    end: int
    text: str
    matches: list[GazetteerMatch] = field(default_factory=list)
    has_cue: bool = False
    pattern_people: list[tuple[int, int]] | None = None
    role_parses: dict[tuple[bool, int], "_RoleParse"] | None = None


def _mention(sentence: _Sentence, start: int, end: int, text: str, label: str, entity_id: str, code) -> dict:
    """One entity_mentions row, offsets in the article; ``stage._finish`` adds the article_id."""
    return {
        "sentence_index": sentence.index,
        "start_char": start,
        "end_char": end,
        "text": text,
        "label": label,
        "entity_id": entity_id,
        "country_code": code,
    }


def _next_word(text: str, pos: int) -> str:
    """The word after the whitespace at ``pos`` ("" when no whitespace follows, or no word within WORD_WINDOW):
    the rules read a match's neighbours to tell which of its readings a sentence uses."""
    found = NEXT_WORD.match(text, pos, pos + WORD_WINDOW)
    return found.group(1) if found else ""


def _previous_word(text: str, pos: int) -> str:
    """The word before the whitespace that ends at ``pos`` ("" when ``pos`` does not follow whitespace, or no word
    within WORD_WINDOW): a title, an honorific or a locative word before a name or a match."""
    found = PREVIOUS_WORD.fullmatch(text[max(0, pos - WORD_WINDOW) : pos])
    return found.group(1) if found else ""
