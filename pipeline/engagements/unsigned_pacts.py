"""Agreements a sentence names without the two sides signing one (annotation guide, "Not engagements"): a pact
suspended, left or breached (a measure of a conflict), a pact that a meeting only discussed (its topic), and one
pact of three or more states. Used by ``extract.anchored_sentences`` after ``not_engagements``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.engagements.lexicon_sides import _TOPIC_VERB
from pipeline.engagements.not_engagements import _PLURAL_PACTS

if TYPE_CHECKING:
    from pipeline.engagements.anchors import Anchor

_ENDED_PACT_BEFORE = re.compile(
    r"\b(?:suspend\w*|suspension\s+of|abrogat\w*|revok\w*|revocation\s+of|annul\w*|terminat\w*|renounc\w*|"
    r"scrap(?:s|ped|ping)?|tear(?:s|ing)?\s+up|tore\s+up|torn\s+up|abandon\w*|"
    r"withdr(?:aw|aws|ew|awn|awing|awal)\s+from|(?:pull|back|walk|opt)(?:s|ed|ing)?\s+out\s+of|exit(?:s|ed|ing)?\s+from|"
    r"breach(?:es|ed|ing)?|(?:in\s+)?breach\s+of|violat\w*|violations?\s+of)\s+"
    r"(?:(?:[\w'’-]+\s+){0,5}?(?:in|of|from)\s+)?(?:(?:the|a|an|its|their|his|her|this|that)\s+)?(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
_ENDED_PACT_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:(?:backed|pulled|walked|opted)\s+out\b|withdr(?:ew|awn)\s+from\s+it\b|"
    r"(?:is|was|were|has\s+been|have\s+been|had\s+been)\s+(?:suspended|scrapped|abrogated|revoked|annulled|"
    r"terminated|torn\s+up|breached|violated))",
    re.IGNORECASE,
)
"""Around an agreement's noun, the words that end, leave or break it: before it, "suspended the Indus Waters
Treaty", "suspending its involvement in a water-sharing treaty", "withdrew from the accord", "in breach of the
2015 agreement"; after it, in the same sentence, "even though Paraguay has since backed out", "the pact was
suspended". Used with ``search`` on the clause before the noun and ``match`` at its end."""
_SIGNING = re.compile(r"\b(?:sign\w*|ink\w*|seal\w*|conclud\w*|entered|struck|reached)\b", re.IGNORECASE)
"""A signing in the sentence ("signed", "entered into", "reached"): what it names is an agreement made."""


def ended_pacts_are_no_agreements(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """The anchors of a sentence without the agreements it names only as suspended, left, scrapped or breached
    (``_ENDED_PACT_BEFORE``, ``_ENDED_PACT_AFTER``): a treaty one side suspends or walks out of is a measure of a
    conflict or a protest, which the guide lists among what is no engagement; the sentence states no signing
    between the two. A sentence that signs an agreement (``_SIGNING``: "signed a new treaty after the old one was
    suspended") keeps it: the pact signed is not the one ended."""
    if not any(a.kind == "agreement" for a in anchors) or _SIGNING.search(text):
        return anchors

    def ended(a: Anchor) -> bool:
        before = re.split(r"[,;:]", text[max(0, a.start - 100) : a.start])[-1]
        return bool(_ENDED_PACT_BEFORE.search(before) or _ENDED_PACT_AFTER.match(text, a.end))

    return [a for a in anchors if a.kind != "agreement" or not ended(a)]


def discussed_pacts_are_no_agreements(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """The anchors of a sentence without the agreements it names in the object of a verb that says what a meeting
    was about (``lexicon_sides._TOPIC_VERB``: "the meeting also covered ... and an international climate accord",
    "they reviewed the border treaty"), when the sentence signs nothing (``_SIGNING``): a pact that two sides talk
    about is a topic of their meeting, not an agreement they signed (annotation guide: a record is a signed
    agreement)."""
    if not any(a.kind == "agreement" for a in anchors) or _SIGNING.search(text):
        return anchors

    def topic(a: Anchor) -> bool:
        found = _TOPIC_VERB.search(text[max(0, a.start - 200) : a.start])
        if found is None:
            return False
        verb_end = a.start - len(found.group("span"))  # another engagement named after the verb owns the pact
        return not any(verb_end <= b.start < a.start for b in anchors)

    return [a for a in anchors if a.kind != "agreement" or not topic(a)]


_WITH_LIST_GAP = re.compile(r"^\s+(?:with|to)\s+(?:the\s+)?$", re.IGNORECASE)
_LIST_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|,?\s+and\s+)(?:the\s+)?$", re.IGNORECASE)


def pacts_with_two_listed_states_are_multilateral(
    text: str, anchors: list[Anchor], countries: list
) -> list[Anchor]:
    """The anchors of a sentence without the agreements named in the singular whose other side is a list of two or
    more states ("Chile's PACIFICA pact with New Zealand and South Korea", "a deal with Ethiopia and
    South Sudan"): one pact of three or more states, which no pair of them makes bilateral (annotation guide:
    representatives of exactly two countries). Agreements in the plural ("agreements with Ethiopia and South
    Sudan") may be one with each and are left to the pair rules."""
    if not any(a.kind == "agreement" for a in anchors):
        return anchors
    ordered = sorted(countries, key=lambda m: m.start)

    def with_several(a: Anchor) -> bool:
        if _PLURAL_PACTS.search(text[a.start : a.end]):
            return False
        following = [m for m in ordered if m.start >= a.end]
        if len(following) < 2 or not _WITH_LIST_GAP.match(text[a.end : following[0].start]):
            return False
        codes = {following[0].country_code}
        for previous, item in zip(following, following[1:], strict=False):
            if not _LIST_JOIN.match(text[previous.end : item.start]):
                break
            codes.add(item.country_code)
        return len(codes) >= 2

    return [a for a in anchors if a.kind != "agreement" or not with_several(a)]


def without_unsigned_pacts(text: str, anchors: list[Anchor], countries: list) -> list[Anchor]:
    """The anchors of a sentence without the agreements it names ended, discussed or shared by three or more
    states (``ended_pacts_are_no_agreements``, ``discussed_pacts_are_no_agreements``,
    ``pacts_with_two_listed_states_are_multilateral``): one call for ``extract.anchored_sentences``."""
    anchors = discussed_pacts_are_no_agreements(text, ended_pacts_are_no_agreements(text, anchors))
    return pacts_with_two_listed_states_are_multilateral(text, anchors, countries)
