"""Trips and lists: the pairs of a visit that goes on from the article's previous one, and of a trigger followed
by a list of countries or leaders (one engagement with each). ``extract`` tries these before ``attributes._pair_for``.
"""

from __future__ import annotations

import re

from pipeline.engagements.anchors import Anchor, Mention
from pipeline.engagements.attributes import _is_context, _SentenceContext


def _onward_leg(
    ctx: _SentenceContext,
    anchor: Anchor,
    destination: Mention | None,
    previous_visit: tuple[str, str] | None,
) -> tuple[str, str] | None:
    """The pair of a visit that is the next leg of the article's previous trip (visitor, host): the visit goes to a
    new destination, no person of another country than the visitor is named, and no country but the visitor, the
    previous host and the destination. None otherwise."""
    if anchor.kind != "visit" or destination is None or previous_visit is None:
        return None
    visitor, host = previous_visit
    code = destination.country_code
    if code in previous_visit:
        return None
    people = {m.country_code for m in ctx.people if m.country_code}
    named = {m.country_code for m in ctx.countries if not _is_context(ctx.text, m)}
    if people - {visitor} or named - {visitor, host, code}:
        return None
    return tuple(sorted((visitor, code)))


_LIST_OPENING = {
    "visit": re.compile(r"^\s*(?:to\s+)?(?:the\s+)?$", re.IGNORECASE),
    "meeting": re.compile(
        r"^(?:\s*(?:with\s+)?(?:the\s+)?(?:leaders|presidents|prime\s+ministers|heads\s+of\s+(?:state|government)|"
        r"counterparts|(?:foreign|defen[cs]e)\s+ministers)\s+(?:of|from)\s+(?:the\s+)?$|"
        r"\s*with\s+(?:his\s+|her\s+|their\s+)?$)",
        re.IGNORECASE,
    ),
}
_LIST_SEPARATOR = re.compile(r"\s*(?:,?\s*as\s+well\s+as\s+|,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)
"""With _LIST_OPENING: the words that open and join a list of destinations or counterparts right after a trigger
("visits to Germany, Denmark and Norway", "meet the presidents of China, Russia, as well as Modi", "held meetings
with his Azerbaijani counterpart Ilham Aliyev, Chinese President Xi Jinping and ...")."""
_TITLE_WORD = re.compile(
    r"(?:the|his|her|their|its|of|[A-Z][\w.'’-]*|counterparts?|prime|ministers?|presidents?|premier|chancellor|"
    r"foreign|defen[cs]e|leaders?|king|emir|crown|prince|head|state|government|['’]s)$"
)
"""A word that may stand in a list item around its country or person: a title ("Chinese President", "his
Azerbaijani counterpart"), a determiner or a possessive ("Russia's Vladimir Putin")."""


def _title_words(gap: str) -> bool:
    """Whether the text between two parts of one list item holds only title words (at most five)."""
    words = re.findall(r"[\w.'’-]+|['’]s\b|[^\w\s]", gap)
    return len(words) <= 5 and all(_TITLE_WORD.match(w) for w in words)


def _list_items(text: str, following: list[Mention]) -> tuple[list[Mention], int]:
    """The items of a list that starts at ``following[0]``, one mention per item, each standing for the country
    of the item: its first country ("Chinese President Xi Jinping" is China, whatever the person table says of
    him), else its person. An item is a country or person with the title words around it; items are joined by
    ``_LIST_SEPARATOR``, and the list ends at the first other text. Also where the list ends."""
    items: list[list[Mention]] = [[following[0]]]
    for m in following[1:]:
        gap = text[items[-1][-1].end : m.start]
        if re.fullmatch(r"(?:['’]s)?\s+", gap) or (
            items[-1][-1].label != "PERSON" and m.label == "PERSON" and _title_words(gap)
        ):
            items[-1].append(m)
            continue
        separator = _LIST_SEPARATOR.match(gap)
        if not separator or not _title_words(gap[separator.end() :]):
            break
        items.append([m])
    return [next((m for m in item if m.label != "PERSON"), item[0]) for item in items], items[-1][-1].end


_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
"""A person referred to, not named: the traveller of the article's previous visit ("he made official visits")."""


def _listed_counterparts(
    ctx: _SentenceContext, anchor: Anchor, clause: tuple[int, int], traveller: str | None = None
) -> list[tuple[str, Mention]]:
    """(one side, each counterpart) for a trigger followed by a list of two or more countries or leaders
    ("cancelled his visits to Australia and Papua New Guinea", "is likely to meet the presidents of China, Russia
    and Iran", "held meetings with his Azerbaijani counterpart Ilham Aliyev, Chinese President Xi Jinping and
    ..."): a trip to several countries is one visit to each, and meetings with several leaders one meeting with
    each; the listed countries are never a pair with each other. The one side is the single other country of the
    people the clause names, else the single other country it names; when these are several, the ``traveller``
    (the visitor of the article's previous visit: the same trip goes on) if it is one of them, or when the
    sentence names no side but refers to a person ("he made official visits to Russia and France"); none
    otherwise.
    Only for visits and meetings."""
    if anchor.kind not in ("visit", "meeting"):
        return []
    text = ctx.text
    items = sorted(
        [m for m in ctx.countries + ctx.people if m.country_code and clause[0] <= m.start < clause[1]],
        key=lambda m: m.start,
    )
    following = [m for m in items if m.start >= anchor.end]
    if not following or not _LIST_OPENING[anchor.kind].match(text[anchor.end : following[0].start]):
        return []
    listed, end = _list_items(text, following)
    codes = {m.country_code for m in listed}
    if len(codes) < 2 or len(listed) != len(codes):
        return []
    rest = [
        m
        for m in items
        if not (following[0].start <= m.start < end)
        and m.country_code not in codes
        and not _is_context(text, m)
    ]
    others = {m.country_code for m in rest if m.label == "PERSON"}
    if len(others) != 1:
        others = {m.country_code for m in rest}
    if len(others) > 1 and traveller in others:
        others = {traveller}
    if not others and traveller is not None and traveller not in codes and _PRONOUN.search(text[: anchor.start]):
        others = {traveller}
    if len(others) != 1:
        return []
    side = others.pop()
    return [(side, m) for m in listed]
