"""Sides: what a sentence says of a person's country away from their title. Signing "on behalf of" a country
states the signer's country; "his Zambian counterpart" says that the person it refers to is not Zambian."""

import re

from pipeline.entities.visitors import _country_of

BEHALF = re.compile(
    r"\bon\s+behalf\s+of\s+(?:the\s+)?(?:(?:[Gg]overnment|[Pp]eople|[Rr]epublic)\s+of\s+(?:the\s+)?)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3})"
)
"""A country an act is done for ("signed the MoU on behalf of Zimbabwe", "on behalf of the Government of
Ghana")."""
COUNTERPART = re.compile(r"\b(?:his|her|their)\s+(?P<form>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+counterparts?\b")
"""A counterpart of a country, owned by a pronoun ("and her Zambian counterpart", "met his Kenyan counterparts")."""
INTERVENING = re.compile(r"\bwith\b")
"""Between a person and "on behalf of": a second party ("signed with X on behalf of ...") may be the one acting."""


def sentence_sides(
    text: str, people: list[dict], sentence_ends: dict[int, int] | None
) -> tuple[dict[int, str], dict[str, set[str]]]:
    """Per person mention (by its index in ``people``) the country the sentence says it acts for, and per person
    key the countries the sentence says they are not of. Each phrase belongs to the nearest person named before it
    in its sentence, with no other person between: the subject of "signed ... on behalf of Zimbabwe", the owner
    of "her Zambian counterpart". Why: the guide's sides are countries, and these phrases state them as plainly as
    a title does, in sentences where the title names none ("Industry Minister Ndlovu signed on behalf of
    Zimbabwe")."""
    stated: dict[int, str] = {}
    not_of: dict[str, set[str]] = {}
    if not sentence_ends:
        return stated, not_of
    by_sentence: dict[int, list[int]] = {}
    for index, person in enumerate(people):
        by_sentence.setdefault(person["sentence_index"], []).append(index)
    for sentence_index, indices in by_sentence.items():
        indices.sort(key=lambda i: people[i]["start_char"])
        start, end = people[indices[0]]["start_char"], sentence_ends[sentence_index]
        for found in BEHALF.finditer(text, start, end):
            owner = _owner(text, people, indices, found.start(), check_with=True)
            code = _country_of(found.group("place"))
            if owner is not None and code:
                stated[owner] = code
        for found in COUNTERPART.finditer(text, start, end):
            owner = _owner(text, people, indices, found.start(), check_with=False)
            code = _country_of(found.group("form"))
            if owner is not None and code:
                not_of.setdefault(people[owner]["person_key"], set()).add(code)
    return stated, not_of


def _owner(text: str, people: list[dict], indices: list[int], at: int, check_with: bool) -> int | None:
    """The index of the last person mention that ends before ``at`` in the sentence (``indices``, in order), or
    None when there is none or, with ``check_with``, when "with" stands between it and ``at``."""
    before = [i for i in indices if people[i]["end_char"] <= at]
    if not before:
        return None
    owner = before[-1]
    if check_with and INTERVENING.search(text, people[owner]["end_char"], at):
        return None
    return owner
