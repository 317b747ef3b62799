"""Anchors: the places in a sentence where an engagement is stated, each with its kind and, where it has one,
the name of its format.

A sentence may state one engagement several ways ("the Strategic Dialogue ... the ministers met"); the rules here
keep one anchor per engagement, and let the others' words (an ordinal, say) join it. Also the geometry that
``attributes`` shares: the clauses of a sentence and the gap between two spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline.engagements.lexicon import (
    _CAPITALISED_HEAD,
    _CLAUSE_BREAK,
    _FORMAT_BY_NAME_22,
    _GENERIC,
    _GROUP_POSSESSIVE_BEFORE,
    _HEADS,
    _LEADING_FUNCTION_WORDS,
    _LEFT_CONNECTORS,
    _MULTILATERAL_AFTER,
    _MULTILATERAL_NAME_BEFORE,
    _NOUN_TRIGGER,
    _ORDINALS,
    _PURPOSE_BEFORE,
    _REFERENCE_DETERMINER,
    _RIGHT_CONNECTORS,
    _SIDELINES_AFTER,
    _SIDELINES_OF,
    _SIGNED_BY_MANY,
    _SPECIFIC_LOWERCASE,
    MULTILATERAL,
    SPOKE_WITH,
)
from pipeline.engagements.lexicon_sides import (
    _NORMALISE_FORMAT,
    _TOKEN,
)
from pipeline.engagements.model import CALLED_OFF
from pipeline.engagements.not_engagements import (
    _ATTENDED_AFTER_BILATERAL,
    _ATTENDED_BEFORE,
    _ORG_PURPOSE_AFTER,
    _SOUGHT_BEFORE,
    _THREE_SIDES_BEFORE,
)
from pipeline.engagements.ordinals import anchor_ordinal


@dataclass
class Anchor:
    """A place in a sentence where an engagement is stated."""

    kind: str
    start: int
    end: int
    format: str | None
    specific: bool
    multilateral: bool
    ordinal: int | None = None
    reference: bool = False
    absorbed: list[Anchor] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """An entity mention, with offsets relative to its sentence."""

    start: int
    end: int
    text: str
    label: str
    entity_id: str | None
    country_code: str | None

    @classmethod
    def in_sentence(cls, row: dict, sentence_start: int) -> Mention:
        """A stored entity mention (article offsets) as a mention of the sentence that starts at
        ``sentence_start``."""
        return cls(
            row["start_char"] - sentence_start,
            row["end_char"] - sentence_start,
            row["text"],
            row["label"],
            row["entity_id"],
            row["country_code"],
        )


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """The characters between two spans (0 when they touch or overlap): "nearest" everywhere in these rules."""
    return max(0, b_start - a_end, a_start - b_end)


def _clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of a sentence, split at ";", "while", "whereas" and ", but": what one
    clause says of tense, pair or place does not carry into another ("India met Japan, but China will visit
    Korea")."""
    bounds = [0]
    for m in _CLAUSE_BREAK.finditer(text):
        bounds.append(m.start())
    bounds.append(len(text))
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i + 1] > bounds[i]]


def _clause_of(clauses: list[tuple[int, int]], position: int) -> tuple[int, int]:
    """The clause that holds a position (the last one for a position at the very end)."""
    for start, end in clauses:
        if start <= position < end:
            return start, end
    return clauses[-1]


def _is_cap(token: str) -> bool:
    """Whether a token may be part of a format's title-case name: a capitalised word, "2+2", or a numeric ordinal
    ("12th")."""
    return (
        token[:1].isupper()
        or bool(_FORMAT_BY_NAME_22.fullmatch(token))
        or bool(re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", token))
    )


def _head_kind(tokens: list[re.Match[str]], i: int) -> str | None:
    """The kind of engagement a capitalised token names when it ends a format's name ("Dialogue": meeting,
    "Treaty": agreement; "Plan" and "Statement" only in "Action Plan" and "Joint Statement"), else None."""
    word = tokens[i].group().rstrip(".").lower()
    if not _is_cap(tokens[i].group()):
        return None
    if word == "plan" and i > 0 and tokens[i - 1].group().lower() == "action":
        return "agreement"
    if word == "statement" and i > 0 and tokens[i - 1].group().lower() == "joint":
        return "agreement"
    return _HEADS.get(word)


def _named_anchors(text: str, countries: list[Mention]) -> list[Anchor]:
    """Title-case names ending in a format word: "Foreign Ministers' Strategic Dialogue", "Joint Declaration
    on ...".

    From each head word that is not followed by another, the name runs left over capitalised words (and "and",
    "of", ... between two of them) and right through "of Understanding"-like tails (``_extend_right``); function
    words at its start ("the", "during") and a trailing "." or "," are left out, and a "(2+2)" after it is taken
    in. A meeting word standing alone ("Talks began") is not a name, as sentences start with capitals. The name
    gives the anchor its format (``_format_name``); such anchors are the most specific a sentence has."""
    if not _CAPITALISED_HEAD.search(text):
        return []
    tokens = list(_TOKEN.finditer(text))
    anchors = []
    for h in range(len(tokens)):
        kind = _head_kind(tokens, h)
        if kind is None or (h + 1 < len(tokens) and _head_kind(tokens, h + 1)):
            continue
        left = h
        i = h - 1
        while i >= 0:
            word = tokens[i].group()
            if (
                _is_cap(word)
                and not _head_kind(tokens, i)
                or (
                    word.lower() in _LEFT_CONNECTORS
                    and i > 0
                    and _is_cap(tokens[i - 1].group())
                    and not _head_kind(tokens, i - 1)
                    and tokens[i - 1].group().lower() not in _LEADING_FUNCTION_WORDS
                )
            ):
                left = i
            else:
                break
            i -= 1
        right = _extend_right(tokens, h)
        while left < h and tokens[left].group().lower() in _LEADING_FUNCTION_WORDS | _LEFT_CONNECTORS:
            left += 1
        start, end = tokens[left].start(), tokens[right].end()
        while end > start and text[end - 1] in ".,":
            end -= 1
        tail = re.match(r"\s*\(\s*(2\s?\+\s?2)\s*\)", text[end:])
        if tail:
            end += tail.end()
        name = text[start:end]
        if left == h and kind == "meeting":
            continue
        anchors.append(
            Anchor(
                kind,
                start,
                end,
                _format_name(name, start, countries, kind == "meeting"),
                True,
                _is_multilateral(text, start, end),
            )
        )
    return anchors


def _extend_right(tokens: list[re.Match[str]], h: int) -> int:
    """Continue a name through "of Understanding", "on Security Cooperation", "to advance Security
    Cooperation"."""
    right = h
    j = h + 1
    while j < len(tokens) and tokens[j].group().lower() in _RIGHT_CONNECTORS:
        k = j + 1
        while (
            k < len(tokens) and k <= j + 2 and not _is_cap(tokens[k].group()) and tokens[k].group().isalpha()
        ):
            k += 1
        if k >= len(tokens) or not _is_cap(tokens[k].group()) or _head_kind(tokens, k):
            break
        while k < len(tokens) and (
            _is_cap(tokens[k].group())
            or (tokens[k].group().lower() == "and" and k + 1 < len(tokens) and _is_cap(tokens[k + 1].group()))
        ):
            right = k
            k += 1
        j = k
    return right


def _format_name(name: str, offset: int, countries: list[Mention], lower: bool) -> str:
    """A format name without the country names and ordinals that qualify it; meeting formats are lower-cased
    (they are kinds of meeting), agreement names keep their case (they are proper names)."""
    text = name
    for mention in sorted(countries, key=lambda m: -m.start):
        if offset <= mention.start and mention.end <= offset + len(name):
            text = text[: mention.start - offset] + " " + text[mention.end - offset :]
    text = re.sub(r"(?:^|\s)[-–—/]\s*(?=\s|$)", " ", text)
    text = re.sub(r"\b(?:" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\b", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"\(\s*\)", " ", text)
    lowered = text.lower() if lower else text
    for pattern, replacement in _NORMALISE_FORMAT:
        lowered = pattern.sub(replacement, lowered)
    lowered = lowered.strip(" -,")
    if _FORMAT_BY_NAME_22.search(lowered):
        return (
            "2+2 ministerial dialogue"
            if re.search(r"2\s?\+\s?2\s+(?:ministerial\s+)?dialogue", lowered, re.IGNORECASE)
            else ("2+2 ministerial meeting")
        )
    return lowered


_COORDINATED = re.compile(r"\band\b")
"""Between a gathering's name and an anchor after it, the "and" that makes them two events."""


def _is_multilateral(text: str, start: int, end: int) -> bool:
    """Whether a gathering of more than two states is named in the anchor, just before it ("the G20 summit",
    "on the sidelines of the ASEAN meeting") or right after it as what the gathering is of ("the Summit of the
    Americas", "a meeting of Japan, Australia, India and America"): such an anchor is the gathering, not a
    bilateral engagement. A bilateral meeting "on the sidelines of" a gathering names it further on, not as
    the anchor's own complement, and stays bilateral; the gathering it names ("on the sidelines of the summit")
    is multilateral even when the text does not say whose it is: sidelines are where the others meet. A deal that
    three or more parties signed ("the deal signed in July by the UN, Ghana, Kenya and Peru") is theirs, not a
    bilateral agreement of two of them, and so is what a leader does "together with her Latvian and Finnish
    counterparts" (``_THREE_SIDES_BEFORE``). The gathering's name may be long when it opens the anchor's noun phrase
    ("the second G20 Trade and Investment Working Group meeting"; ``_MULTILATERAL_NAME_BEFORE``), and a
    group's gathering ("the ministers' video conference") is that organisation's in a sentence that names one.
    A gathering named before the anchor and joined to it by "and" is another event ("her attendance at the ASEAN
    Summit and visit to Laos": the visit is the leader's own)."""
    window_start = max(0, start - 30)
    return bool(
        any(
            not _COORDINATED.search(text, m.end(), start)
            for m in MULTILATERAL.finditer(text[:end], window_start)
        )
        or _MULTILATERAL_NAME_BEFORE.search(text[max(0, start - 120) : start])
        or (_GROUP_POSSESSIVE_BEFORE.search(text[max(0, start - 60) : start]) and MULTILATERAL.search(text))
        or _MULTILATERAL_AFTER.match(text, end)
        or _SIDELINES_OF.search(text[max(0, start - 60) : start])
        or _SIDELINES_AFTER.match(text, end)
        or _SIGNED_BY_MANY.match(text, end)
        or _THREE_SIDES_BEFORE.search(text[max(0, start - 200) : start])
    )


def _find_anchors(text: str, countries: list[Mention]) -> list[Anchor]:
    """The anchors of a sentence, in the order they stand, one per engagement the sentence states.

    Anchors are found from the most to the least informative, and a later one may not overlap an earlier one:
    title-case format names ("Foreign Ministers' Strategic Dialogue", by ``_named_anchors``), then known formats
    in lower case ("state visit", "2+2", "phone call"), then generic triggers ("met", "signed", "drills"). A
    generic trigger that is a noun is marked multilateral when a gathering of more than two states is named at it
    ("the G20 summit talks"), and a reference when a word before it points back ("this meeting"). Every anchor
    takes the ordinal written up to three words before it ("the third round of talks").

    A generic trigger then becomes an anchor of its own only if it states something new, because a sentence
    often says one engagement twice ("the Strategic Dialogue, where the ministers met"). In the order they
    stand, each generic trigger is absorbed by:

    - the visit earlier in its clause, when it is talks that are the visit's purpose ("visited Oslo for talks on
      trade"; ``_visit_with_purpose``);
    - otherwise the nearest named or known format of the same kind that is not multilateral, which takes the
      trigger's ordinal if it has none and the trigger is no gathering (the 39th summit of a bloc does not number
      a sideline meeting);
    - otherwise, unless it is a reference, the first generic anchor of the same kind kept in its clause ("met
      ... and held talks" is one meeting; an agreement so joined is multilateral when the pact named is:
      "signed the CPTPP trade pact"); if there is none it is kept as an anchor.

    A reference with no format to join is dropped: it points back to an engagement already stated. Absorbed
    triggers are kept on their anchor (``Anchor.absorbed``).
    """
    named = _named_anchors(text, countries)
    anchors = list(named)

    def overlaps(s: int, e: int) -> bool:
        return any(a.start < e and s < a.end for a in anchors)

    for kind, fmt, pattern in _SPECIFIC_LOWERCASE:
        for m in pattern.finditer(text):
            if not overlaps(m.start(), m.end()):
                anchors.append(
                    Anchor(kind, m.start(), m.end(), fmt, True, _is_multilateral(text, m.start(), m.end()))
                )
    generic = []
    for kind, pattern in _GENERIC:
        for m in pattern.finditer(text):
            if overlaps(m.start(), m.end()):
                continue
            generic.append(
                Anchor(
                    kind,
                    m.start(),
                    m.end(),
                    None,
                    False,
                    (bool(_NOUN_TRIGGER.search(m.group())) and _is_multilateral(text, m.start(), m.end()))
                    or (kind == "agreement" and bool(_SIGNED_BY_MANY.match(text, m.start())))
                    or bool(_THREE_SIDES_BEFORE.search(text[max(0, m.start() - 200) : m.start()]))
                    or (kind == "meeting" and _attended_gathering(text, m.start(), m.end()))
                    or (kind == "visit" and bool(_ORG_PURPOSE_AFTER.match(text, m.end()))),
                    reference=bool(
                        _NOUN_TRIGGER.search(m.group())
                        and _REFERENCE_DETERMINER.search(text[max(0, m.start() - 30) : m.start()])
                    ),
                )
            )
    for anchor in anchors + generic:
        anchor.ordinal = anchor_ordinal(text, anchor.kind, anchor.start, anchor.end)
    anchors = [a for a in anchors if not _sought_not_signed(text, a)]
    generic = [g for g in generic if not _sought_not_signed(text, g)]
    clauses = _clauses(text)
    for g in sorted(generic, key=lambda a: a.start):
        same_kind = [a for a in anchors if a.kind == g.kind and a.specific and not a.multilateral]
        visit = _visit_with_purpose(text, g, anchors, clauses)
        if visit:
            visit.absorbed.append(g)
        elif same_kind:
            target = min(same_kind, key=lambda a: _gap(a.start, a.end, g.start, g.end))
            target.absorbed.append(g)
            if target.ordinal is None and not g.multilateral:
                target.ordinal = g.ordinal
            target.multilateral = target.multilateral and g.multilateral
        elif not g.reference:
            clause = _clause_of(clauses, g.start)
            earlier = [
                a
                for a in anchors
                if a.kind == g.kind and not a.specific and _clause_of(clauses, a.start) == clause
            ]
            if earlier:
                earlier[0].absorbed.append(g)
                # a gathering's number is not the bilateral meeting's: "met ... at the 39th regular meeting of X"
                if not g.multilateral:
                    earlier[0].ordinal = earlier[0].ordinal or g.ordinal
                # "signed the CPTPP trade pact": what was signed is the pact of many
                earlier[0].multilateral |= g.kind == "agreement" and g.multilateral
            else:
                anchors.append(g)
    return sorted(anchors, key=lambda a: a.start)


def _attended_gathering(text: str, start: int, end: int) -> bool:
    """Whether a meeting noun is something attended ("Varga, who had attended the meeting in Nairobi",
    ``lexicon._ATTENDED_BEFORE``): one attends a gathering of many, while the sides of a bilateral meeting hold
    it; unless the text says whose it is ("attended the talks between ...", "attended the bilateral meeting")."""
    return bool(_ATTENDED_BEFORE.search(text[max(0, start - 60) : start])) and not _ATTENDED_AFTER_BILATERAL.match(
        text, end
    )


def _sought_not_signed(text: str, anchor: Anchor) -> bool:
    """Whether an agreement anchor names a deal that is sought or talked about, not signed ("far apart on a
    debt limit deal", "a long way from a deal", "a push for the free trade agreement", "talks on a trade pact";
    ``lexicon._SOUGHT_BEFORE``). Such a deal is no engagement: the guide records an agreement once it is signed,
    planned to be signed or offered, and the talks about it are a meeting of their own. A trigger that says the
    signing ("signed", "inked") is never such a noun."""
    return anchor.kind == "agreement" and bool(
        _SOUGHT_BEFORE.search(text[max(0, anchor.start - 80) : anchor.start])
    )


def _visit_with_purpose(
    text: str, meeting: Anchor, anchors: list[Anchor], clauses: list[tuple[int, int]]
) -> Anchor | None:
    """The visit of "will visit Oslo for talks on trade" or "visited Oslo, holding talks in Bergen": talks on a
    topic are its purpose, not a second engagement; "for talks with the Prime Minister" names a meeting of its own,
    and so does "to hold their meeting" (whose: the two leaders')."""
    if (
        meeting.kind != "meeting"
        or not _PURPOSE_BEFORE.search(text[max(0, meeting.start - 25) : meeting.start])
        or re.match(r"\s+with\b", text[meeting.end :])
        or re.search(r"\b(?:their|his|her)\s+$", text[max(0, meeting.start - 8) : meeting.start])
    ):
        return None
    clause = _clause_of(clauses, meeting.start)
    return next(
        (
            a
            for a in anchors
            if a.kind == "visit" and a.start < meeting.start and _clause_of(clauses, a.start) == clause
        ),
        None,
    )


_CALLED_ON = re.compile(r"call(?:s|ed|ing)?\s+on\b", re.IGNORECASE)
_SPOKE_WITH = re.compile(SPOKE_WITH, re.IGNORECASE)


_SIDES_DISCUSSED = re.compile(r"(?:the\s+two|both)\s", re.IGNORECASE)


def courtesy_calls(
    text: str, anchors: list[Anchor], visiting: bool, statuses: list | None = None, previous_kind: str | None = None
) -> list[Anchor]:
    """The anchors of a sentence with each "called on Minister X" or "spoke with Minister X" a meeting (a
    courtesy call, talks in person) when the sentence or the article before it states a visit that goes ahead
    ("Sonoura, who is on a visit to Sri Lanka, called on the President"; ``visiting``), else a call: with no trip
    that brings the two together, "Pompeo called on Foreign Minister Kang" is a contact of unknown medium and
    "Vucic spoke last evening with Orban" one at a distance, not a meeting. A visit the sentence calls off ("phoned
    Okafor to tell him that she will be postponing her trip", ``statuses`` aligned with ``anchors``) brings
    nobody together. "The two leaders discussed ..." right after a call (``previous_kind``) tells what was
    said in that call, not talks of their own."""
    if previous_kind == "call":
        anchors = [
            replace(a, kind="call") if a.kind == "meeting" and _SIDES_DISCUSSED.match(text, a.start) else a
            for a in anchors
        ]
    statuses = statuses or [None] * len(anchors)
    if visiting or any(
        a.kind == "visit" and status not in CALLED_OFF for a, status in zip(anchors, statuses, strict=True)
    ):
        return anchors
    return [
        replace(a, kind="call")
        if a.kind == "meeting" and (_CALLED_ON.match(text, a.start) or _SPOKE_WITH.match(text, a.start))
        else a
        for a in anchors
    ]
