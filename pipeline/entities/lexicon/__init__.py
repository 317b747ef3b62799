"""The entity rules' word lists, read from the text files beside this module, and the lookups built on them.

Each ``*.txt`` file holds one lowercase entry a line; blank lines and lines starting with ``#`` (the file's own
description) are skipped. Editing a file changes the entity stage's key (``pipeline.incremental.keys``), as editing
code does.
"""

import functools
from pathlib import Path

from pipeline.countries import gazetteer
from pipeline.person_names import HONORIFICS

LEXICON_FOLDER = Path(__file__).resolve().parent


def _entries(name: str) -> tuple[str, ...]:
    """The entries of ``<name>.txt`` in file order: a list that ends up in a regular expression keeps its order."""
    lines = (LEXICON_FOLDER / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


def _words(name: str) -> frozenset[str]:
    """The entries of ``<name>.txt`` as a set, for membership tests."""
    return frozenset(_entries(name))


ROLE_HEADS = _words("role_heads")
ROLE_MODIFIERS = _words("role_modifiers")
ROLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS
FORMER_WORDS = _words("former_words")
LEAD_WORDS = _words("lead_words")
"""Words that open a clause before a name and never belong to it ("On Thursday", "However", "Responding")."""
ENVOY_HEADS = _words("envoy_heads")
CUE_WORDS = ROLE_HEADS | _words("cue_words")
ORG_HEADS = _entries("org_heads")
MONTH_WORDS = _words("calendar_words")
ORG_WORDS = _words("org_words")
INSTITUTION_WORDS = _words("institution_words")
EVENT_WORDS = _words("event_words")
"""Words of events and headlines that end a person's name ("Donald Trump Cancels Visit") and never make one."""
COMPANY_WORDS = ORG_WORDS - {"the", "and", "joint", "special", "global", "strategic", "security"} | _words(
    "company_words"
)
"""Words that make a capitalised run an organisation's or a venue's name, never a person's: the organisation words
less seven that also stand in other runs ("the", "and", "Joint", ...), and the words of company_words.txt."""


@functools.cache
def _vocabulary() -> frozenset[str]:
    """Lowercased words never enough to make a name: country forms, institutions, titles, calendar words."""
    words = set(ROLE_WORDS) | MONTH_WORDS | ORG_WORDS | HONORIFICS | FORMER_WORDS
    for text, entry in gazetteer().items():
        if entry.kind in {"name", "demonym", "institution", "multilateral", "region", "ambiguous"}:
            words.update(w.lower() for w in text.split())
    return frozenset(words)


def _is_vocabulary(token: str) -> bool:
    """Is the token (any case, less a final period and a possessive) one of ``_vocabulary``? Such a word is
    explained by the lexicon or the gazetteer, so it neither needs the model nor makes a person's name."""
    return token.lower().rstrip(".").removesuffix("'s").removesuffix("’s").rstrip("'’") in _vocabulary()


def _is_company_word(word: str) -> bool:
    """Is the word (any case, less trailing periods and commas) one of COMPANY_WORDS? A run holding one names an
    organisation or a venue, not a person."""
    return word.lower().rstrip(".,") in COMPANY_WORDS
