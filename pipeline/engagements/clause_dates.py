"""Which dates of a sentence the dependency parse puts in another clause than an anchor's.

A date modifies the verb of its clause. In "Abdullah also told of the release of 47 Malaysians, who were
scheduled to arrive next Monday, and of the delay in the visit of Saudi Arabia's foreign minister", "next Monday"
is when the Malaysians arrive, not the visit's day, though it stands nearest the visit in the text; in "Bouteflika,
who suffered a stroke in 2013, appears mostly for meetings with visiting dignitaries", 2013 is the stroke's.
``event_dates.assign_dates`` gives dates by nearness in the text; ``dates_of_other_clauses`` lets the parse that
``governing`` makes of the sentence anyway (anchored sentences only, no parse of its own) veto a date whose finite
clause neither holds the anchor nor is set on it. The rule reads only the tree's shape (subjects, heads,
coordination, relative clauses), no word lists: it holds for any outlet's phrasing.
"""

from __future__ import annotations

from pipeline.engagements.governing import _anchor_head, needs_parse, parse
from pipeline.engagements.parsing import FINITE_SUBJECT_LINKS, subject_clause

_VERB_TAGS = ("VB", "MD")
_CLAUSES_ON_A_NOUN = ("relcl", "acl")


def _verbal(token) -> bool:
    return token.tag_.startswith(_VERB_TAGS)


def _verb_of(token):
    """The verb whose clause a token is in: itself if verbal, else its nearest verbal ancestor; None in a text
    with no verb above it (a headline's noun phrase)."""
    while not _verbal(token):
        if token.head.i == token.i:
            return None
        token = token.head
    return token


def _finite_clause(verb):
    """The verb that heads the finite clause a verb is in (``subject_clause`` with ``FINITE_SUBJECT_LINKS``, up
    through any link to a verb): itself when it has a subject of its own ("who were scheduled to arrive":
    "scheduled"), else up through infinitives, participles and coordinated verbs ("to arrive", "starting
    tomorrow", "met on Monday and signed") to the first verb that has one. None when there is none: a participle
    set on a noun ("a visit starting tomorrow", "talks held on Monday") dates that noun's engagement, which this
    module leaves to nearness."""
    return subject_clause(verb, FINITE_SUBJECT_LINKS, lambda v: _verbal(v.head))[0]


def _in_clause_of(verb, anchor) -> bool:
    """Whether an anchor (its head token) belongs to the clause a date's verb heads: coordinated verbs share one
    time frame ("was set up under the Agreement and was signed on June 1"); the anchor is in the clause's subtree
    ("held talks on Monday"), or in the noun phrase a relative clause is set on (the parse may hang "which was
    signed on June 1" on another noun of the phrase), or is reached going up from the clause before any other
    verb ("the visit, which begins on Monday"; "will travel to Accra to sign the pact on Monday")."""
    while verb.dep_ == "conj" and _verbal(verb.head):
        verb = verb.head
    if anchor.i in {t.i for t in verb.subtree}:
        return True
    if verb.dep_ in _CLAUSES_ON_A_NOUN and anchor.i in {t.i for t in verb.head.subtree}:
        return True
    token = verb
    while token.head.i != token.i:
        token = token.head
        if token.i == anchor.i:
            return True
        if _verbal(token):
            return False
    return False


def dates_of_other_clauses(text: str, anchors: list, spans: list) -> list[set[int]]:
    """For each anchor, the indexes of ``spans`` that date another clause than the anchor's: the finite clause of
    the date's verb is not the anchor's and does not hold or describe it (``_in_clause_of``). A date with no
    finite clause above it (a headline, a participle on a noun) and an anchor with none are left to nearness.
    Only sentences ``governing`` parses anyway (``needs_parse``) are read, and only their ordinary anchors: a
    gathering's and an offer of cooperation's dates keep their own rules."""
    vetoed: list[set[int]] = [set() for _ in anchors]
    if not spans or not needs_parse(anchors):
        return vetoed
    doc = parse(text)
    clauses = []
    for span in spans:
        head = _anchor_head(doc, span.start_char, span.end_char)
        verb = _verb_of(head) if head is not None else None
        clauses.append(_finite_clause(verb) if verb is not None else None)
    for index, anchor in enumerate(anchors):
        if anchor.multilateral or anchor.kind == "cooperation":
            continue
        head = _anchor_head(doc, anchor.start, anchor.end)
        verb = _verb_of(head) if head is not None else None
        own = _finite_clause(verb) if verb is not None else None
        if own is None:
            continue
        for position, clause in enumerate(clauses):
            if clause is not None and clause.i != own.i and not _in_clause_of(clause, head):
                vetoed[index].add(position)
    return vetoed
