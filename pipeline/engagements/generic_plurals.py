"""Engagements named as a kind, not as one: a bare plural under another noun ("the exchange of high-level visits",
"a robust schedule of joint military exercises", "the sale of weapons and joint military drills").

A plural with no article, number or possessive refers to visits or drills in general; when it is not the subject,
object or setting of a verb but hangs from another noun (through "of", "for", "to" ...; or as one item of such a
list), it names what a relation consists of or what a pact provides for, not a trip or an exercise that is held:
the annotation guide's vague relations, which make no record. "Agree to joint military exercises" (the plural is
the verb's own complement) and "held joint drills" (its object) stay engagements, and so does "a series of
meetings", since only visits and exercises are read this way: talks and documents come in sets that are held or
signed on one occasion ("held a series of meetings", "the signing of MoUs")."""

from __future__ import annotations

from pipeline.engagements.governing import _NOMINAL, DROP, _anchor_head, _pos, parse

GENERIC_KINDS = ("visit", "exercise")
"""The kinds whose bare plural under a noun is a kind of engagement, not one."""


def names_a_kind(doc, start: int, end: int) -> bool:
    """Whether the anchor at [start, end) of a parsed sentence is a bare plural that hangs from another noun (see
    the module's docstring): its head is a plural noun with no determiner, number or possessive, and climbing
    through the lists and appositions it stands in leads to the object of a preposition attached to a noun."""
    head = _anchor_head(doc, start, end)
    if head is None or head.tag_ != "NNS" or any(c.dep_ in ("det", "nummod", "poss") for c in head.children):
        return False
    node = head
    for _ in range(6):
        if node.dep_ in ("conj", "appos", "compound"):
            node = node.head
            continue
        return node.dep_ == "pobj" and node.head.dep_ == "prep" and _pos(node.head.head) in _NOMINAL
    return False


def without_kinds_named(text: str, anchors: list, statuses: list[str | None]) -> list[str | None]:
    """The statuses of a sentence's anchors with ``DROP`` for each visit or exercise that names a kind of
    engagement (``names_a_kind``), which then makes no record. The sentence's parse is the one
    ``governing.governed_statuses`` already made (prefetched for the batch), asked for only when such an anchor
    is there."""
    targets = [
        i
        for i, a in enumerate(anchors)
        if a.kind in GENERIC_KINDS and not a.multilateral and statuses[i] != DROP
    ]
    if not targets:
        return statuses
    doc = parse(text)
    return [
        DROP if i in targets and names_a_kind(doc, a.start, a.end) else s
        for i, (a, s) in enumerate(zip(anchors, statuses, strict=True))
    ]
