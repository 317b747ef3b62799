"""Trips and lists: the pairs of a visit that goes on from the article's previous one, and of a trigger followed
by a list of countries or leaders (one engagement with each). ``extract`` tries these before ``attributes._pair_for``.
"""

from __future__ import annotations

import re

from pipeline.engagements.anchors import Anchor, Mention
from pipeline.engagements.attributes import _is_context, _SentenceContext
from pipeline.engagements.governing import _anchor_head, parse
from pipeline.engagements.lexicon import MULTILATERAL
from pipeline.engagements.not_engagements import _HOST_BEFORE, _ORG_TITLE_AFTER
from pipeline.engagements.parsing import SUBJECT_LINKS, subject_clause


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
        r"^(?:\s*(?:with\s+)?(?:the\s+)?(?:(?:senior|top|high-ranking|high-level|government)\s+)?"
        r"(?:leaders|presidents|prime\s+ministers|heads\s+of\s+(?:state|government)|counterparts|"
        r"(?:foreign|defen[cs]e)\s+ministers|officials|authorities)\s+(?:of|from)\s+(?:the\s+)?$|"
        r"\s*(?:with\s+)?(?:his\s+|her\s+|their\s+)?$)",
        re.IGNORECASE,
    ),
}
_BARE_OPENING = re.compile(r"^\s*(?:with\s+)?(?:his\s+|her\s+|their\s+)?$", re.IGNORECASE)
_MEET_VERB = re.compile(r"(?:meet|meets|met)", re.IGNORECASE)
"""The verb "meet" in its finite forms: a transitive verb, whose objects follow it with no preposition ("the
chancellor met Ruritanian Premier Ana Vel and Borduvian Premier Jan Holt"), so that a list opening right after
it is a list of those met, as one after "met with" is."""
_COUNTERPARTS_AFTER = re.compile(r"^\s+counterparts\b", re.IGNORECASE)
"""A meeting trigger's bare list of countries that the word "counterparts" closes ("meets Tonga and Samoa
counterparts")."""
_LIST_SEPARATOR = re.compile(r"\s*(?:,?\s*as\s+well\s+as\s+|,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)
"""With _LIST_OPENING: the words that open and join a list of destinations or counterparts right after a trigger
("visits to Germany, Denmark and Norway", "meet the presidents of China, Russia, as well as Modi", "talks with
senior officials from Chile, Peru and Ecuador": a country's officials are its side, as its leaders are; "held talks
with his Kazakh counterpart Arman Seitov, Mongolian President Bold Dorj and ...")."""
_TITLE_WORD = re.compile(
    r"(?:the|his|her|their|its|of|[A-Z][\w.'’-]*|counterparts?|prime|ministers?|presidents?|premier|chancellor|"
    r"foreign|defen[cs]e|leaders?|king|emir|crown|prince|head|state|government|['’]s)$"
)
"""A word that may stand in a list item around its country or person: a title ("Chinese President", "his
Azerbaijani counterpart"), a determiner or a possessive ("Russia's Vladimir Putin")."""


_AT_GATHERING_AFTER = re.compile(
    r"[^.;]{0,40}?\bat\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?(?=" + MULTILATERAL.pattern + ")"
)
"""After a list of counterparts, the gathering of many where they are all met ("meet her South African
counterpart and the Brazilian foreign minister at the 8th India-Brazil-South Africa Trilateral Commission"): meeting
two or more states' officials together there is attending that gathering, not one bilateral meeting with each.
"On the sidelines of" a summit is not "at" it: talks held there with one counterpart stay bilateral. Used with
``match(text, end)`` at the list's end, so it has no "^"."""


_OTHER_LEG_BEFORE = re.compile(
    r"\b(?:visits?|trips?|tours?|stops?|stopovers?|legs?)\s+(?:to|in|of)\s+(?:the\s+)?$", re.IGNORECASE
)
"""Before a country, the words that make it the destination of another leg of a trip ("set off on trips to
Palau and Nauru after a stop in Tuvalu the week before"): a place the traveller went, never the traveller's side."""


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


def _coordinated(text: str, listed: list[Mention]) -> bool:
    """Whether a list is of countries whose last two are joined by "and" or "as well as" ("to Chile and
    Ecuador"), as a list of destinations or counterparts is; "to Chile, the Peruvian president ..." is no list,
    nor "a visit to Sri Lanka, and President X" (a person closes the clause, whatever country he is linked to)."""
    return all(m.label != "PERSON" for m in listed) and bool(
        re.search(r"\band\b|\bas\s+well\s+as\b", text[listed[-2].end : listed[-1].start])
    )


def _objects_of_meet(text: str, trigger: Anchor, gap: str) -> bool:
    """Whether the mentions after a trigger are the direct objects of the verb "meet" (``_MEET_VERB``): the trigger
    is that verb and only spaces, or "the", stand between it and the first of them. "Modi will meet Russian
    President Putin and Afghan President Ghani" is a meeting with each, as "will meet with" is."""
    return bool(_MEET_VERB.fullmatch(text[trigger.start : trigger.end])) and bool(
        re.fullmatch(r"\s+(?:the\s+)?", gap, re.IGNORECASE)
    )


def _opened_list(text: str, anchor: Anchor, mentions: list[Mention]) -> tuple[list[Mention], int, int] | None:
    """The items of the list that opens right after the trigger, or a trigger it absorbed ("Island summit: Harlow
    meets Tonga and Samoa counterparts"), with where the list starts and ends, else None; ``mentions`` are the
    clause's, in text order. The list opens as ``_LIST_OPENING`` says; a meeting's list may also stand bare before
    the word "counterparts" ("meets Tonga and Samoa counterparts", "talks with his Kenyan and Ugandan
    counterparts"): the listed countries are each the other side of one meeting, never a pair with each other. After
    the verb "meet" the list needs no opening word (``_objects_of_meet``)."""
    for trigger in (anchor, *anchor.absorbed):
        following = [m for m in mentions if m.start >= trigger.end]
        if not following:
            continue
        gap = text[trigger.end : following[0].start]
        if _LIST_OPENING[anchor.kind].match(gap) or _objects_of_meet(text, trigger, gap):
            listed, end = _list_items(text, following)
            return listed, following[0].start, end
        if anchor.kind == "meeting" and _BARE_OPENING.match(gap):
            listed, end = _list_items(text, following)
            if _COUNTERPARTS_AFTER.match(text[end:]):
                return listed, following[0].start, end
    return None


_CLAUSES = frozenset({"relcl", "acl", "advcl"})
"""Dependents of a noun met that say something else of it ("Xi, who had spoken with Biden"): its clauses."""


def _object_phrases(head) -> list:
    """The noun phrases a meeting trigger has for what is met, in the dependency parse: the direct objects of a
    verb ("met the Prime Minister of Thailand, X, and Y"), and the objects of its "with" ("talks with ...",
    "meet with ...")."""
    phrases = [c for c in head.children if c.dep_ == "dobj"]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            phrases += [c for c in prep.children if c.dep_ == "pobj"]
    return phrases


def _phrase_tokens(token, settled: bool = False) -> list[tuple[object, bool]]:
    """The tokens of the phrase a noun heads, with its conjuncts and appositions, without its clauses
    (``_CLAUSES``); each with whether a preposition other than "of" stands above it in the phrase ("at the
    summit in Kathmandu", "during the visit"): a place there is the setting, not whom one meets, while a person
    there is still one met ("the chief of the army government in Bolivia, General K", as the parser reads it)."""
    found = [(token, settled)]
    for child in token.children:
        if child.dep_ in _CLAUSES:
            continue
        found += _phrase_tokens(child, settled or (child.dep_ == "prep" and child.lower_ != "of"))
    return found


def _objects_met(text: str, anchor: Anchor, items: list[Mention]) -> tuple[list[Mention], int, int] | None:
    """The items of what a meeting trigger meets, read from the dependency parse when the words after it open no
    list ``_opened_list`` knows: "Sharma then met the President of Ghana, X, the Prime Minister of Togo, Y,
    and Z, foreign minister of the Benin government", "may also meet the president of Peru and the chief of the
    army government in Bolivia". Each country in the object phrases (``_object_phrases``, ``_phrase_tokens``: a
    person of it, or its name where no preposition but "of" stands above it) is one item, the first mention of it
    standing for it; None unless they are of two or more countries (one country's people met are
    ``met_people``'s), and unless a person is among them: the objects of "meet" are the people one meets, however
    their titles are worded, and the guide makes a visitor's meetings one record per distinct pair; countries
    alone after a trigger ("holds consultations with its neighbours Germany and France") are a list
    ``_opened_list`` reads or none. Parsed only when the clause names three countries or more (a side and two
    met)."""
    if anchor.kind != "meeting" or len({m.country_code for m in items}) < 3:
        return None
    head = _anchor_head(parse(text), anchor.start, anchor.end)
    if head is None:
        return None
    tokens = [found for phrase in _object_phrases(head) for found in _phrase_tokens(phrase)]

    def met(m: Mention) -> bool:
        return any(
            t.idx < m.end and m.start < t.idx + len(t) and (m.label == "PERSON" or not settled)
            for t, settled in tokens
        ) and not _is_context(text, m)

    inside = [m for m in items if met(m)]
    listed = list({m.country_code: m for m in reversed(inside)}.values())[::-1]
    if len(listed) < 2 or not any(m.label == "PERSON" for m in inside):
        return None
    return listed, min(m.start for m in inside), max(m.end for m in inside)


_RAISING = frozenset({"xcomp", "acomp", "conj"})
"""The links a trigger verb climbs to find its subject: "is likely to meet" (meet is the xcomp of "likely", the
acomp of "is"), "arrived and met" (met is a conjunct of "arrived"). All the subjects found are kept (a dateline
may be parsed as a second subject: "Bangkok: Prime Minister M will hold ...")."""


def subject_and_object_pair(ctx: _SentenceContext, anchor: Anchor) -> tuple[str, str] | None:
    """The pair of a meeting or call that a sentence naming three countries or more states by its syntax: the
    country of the trigger's subject (the verb's, or that of the verb a trigger noun is the object of: "X held
    talks with Y") and the country of what it meets (``_object_phrases``): "Ruto is to meet with Trump on Friday,
    before the American leader's talks with the Chinese President" is Kenya and the United States, whatever the
    rest of the sentence names. Each side must name one country: its people's, else its
    countries' (a country's name that no preposition but "of" sets in a setting); None otherwise, and the other
    rules decide. Why: the guide's engagement has exactly two countries, and subject and object are the two
    that take part."""
    if anchor.kind not in ("meeting", "call"):
        return None
    countries = {m.country_code for m in ctx.countries + ctx.people if m.country_code}
    if len(countries) < 3:
        return None
    head = _anchor_head(parse(ctx.text), anchor.start, anchor.end)
    if head is None:
        return None
    phrases = _object_phrases(head)
    verb = head
    if not head.tag_.startswith("VB"):
        if head.dep_ != "dobj" or not head.head.tag_.startswith("VB"):
            return None
        verb = head.head
        phrases += [c for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for c in p.children
                    if c.dep_ == "pobj"]
    _, subjects = subject_clause(verb, SUBJECT_LINKS, lambda v: v.dep_ in _RAISING)
    if not subjects or not phrases:
        return None
    sides = []
    for heads in (subjects, phrases):
        tokens = [found for phrase in heads for found in _phrase_tokens(phrase)]
        named = [
            m
            for m in ctx.countries + ctx.people
            if m.country_code
            and not _is_context(ctx.text, m)
            and any(
                t.idx < m.end and m.start < t.idx + len(t) and (m.label == "PERSON" or not settled)
                for t, settled in tokens
            )
        ]
        people = {m.country_code for m in named if m.label == "PERSON"}
        codes = people or {m.country_code for m in named}
        if len(codes) != 1:
            return None
        sides.append(codes.pop())
    return tuple(sorted(sides)) if sides[0] != sides[1] else None


def listed_countries(ctx: _SentenceContext, anchor: Anchor, clause: tuple[int, int]) -> set[str]:
    """The countries of a coordinated list of destinations or counterparts right after a visit or meeting trigger
    ("cancelled his visit to Togo and Benin"), whatever its other side; empty when none follows."""
    if anchor.kind not in ("visit", "meeting"):
        return set()
    following = sorted(
        [m for m in ctx.countries + ctx.people if m.country_code and clause[0] <= m.start < clause[1]],
        key=lambda m: m.start,
    )
    if (opened := _opened_list(ctx.text, anchor, following)) is None:
        return set()
    listed, *_ = opened
    codes = {m.country_code for m in listed}
    return (
        codes if len(codes) >= 2 and len(listed) == len(codes) and _coordinated(ctx.text, listed) else set()
    )


def _listed_counterparts(
    ctx: _SentenceContext, anchor: Anchor, clause: tuple[int, int], traveller: str | None = None
) -> list[tuple[str, Mention]] | None:
    """(one side, each counterpart) for a trigger followed by a list of two or more countries or leaders
    ("cancelled his visits to Australia and Papua New Guinea", "is expected to meet the presidents of Chile, Peru
    and Bolivia", "held talks with his Kazakh counterpart Arman Seitov, Mongolian President Bold Dorj and
    ..."): a trip to several countries is one visit to each, and meetings with several leaders one meeting with
    each; the listed countries are never a pair with each other. The one side is the single other country of the
    people the clause names, else the single other country it names that is not another leg's destination
    (``_OTHER_LEG_BEFORE``: "trips to Palau and Nauru after a stop in Tuvalu" has no side in Tuvalu); when these
    are several, the ``traveller``
    (the visitor of the article's previous visit: the same trip goes on) if it is one of them, or if the clause
    names no other side at all ("before coming to Lima, he made visits to Chile and Ecuador"). A list whose one
    side is still unknown gives None: the anchor has no pair, since the listed countries are no pair with each
    other. So does a meeting with the listed counterparts at a gathering of many (``_AT_GATHERING_AFTER``). []
    when no list follows the trigger. Only for visits and meetings."""
    if anchor.kind not in ("visit", "meeting"):
        return []
    text = ctx.text
    items = sorted(
        [m for m in ctx.countries + ctx.people if m.country_code and clause[0] <= m.start < clause[1]],
        key=lambda m: m.start,
    )
    if (opened := _opened_list(text, anchor, items) or _objects_met(text, anchor, items)) is None:
        return []
    listed, start, end = opened
    codes = {m.country_code for m in listed}
    if len(codes) < 2 or len(listed) != len(codes):
        return []
    rest = [
        m
        for m in items
        if not (start <= m.start < end)
        and m.country_code not in codes
        and not _is_context(text, m)
        and not (m.label != "PERSON" and _OTHER_LEG_BEFORE.search(text[max(0, m.start - 40) : m.start]))
    ]
    others = {m.country_code for m in rest if m.label == "PERSON"}
    if len(others) != 1:
        others = {m.country_code for m in rest}
    if len(others) > 1 and traveller in others:
        others = {traveller}
    if not others and traveller is not None and traveller not in codes:
        others = {traveller}
    if len(others) != 1:
        return None if _coordinated(text, listed) else []
    if anchor.kind == "meeting" and _AT_GATHERING_AFTER.match(text, end):
        return None
    side = others.pop()
    return [(side, m) for m in listed]


def without_hosts(ctx: _SentenceContext) -> _SentenceContext:
    """The sentence's context without the countries and people named as the host, mediator or witness of the
    engagement ("a summit at the White House with Presidents X (Kenya) and Y (Ethiopia), at the invitation of
    President Z", "talks hosted by Qatar"; ``lexicon._HOST_BEFORE``), when two other countries are named as
    the sides: a third country that hosts or mediates two others' talks is no party to them (annotation guide).
    A host who is one of the two sides ("will visit Japan at the invitation of Prime Minister K", who is
    Japan's) stays, and so does any host named as a place (``places``)."""
    sides = ctx.countries + ctx.people
    hosts = {
        m.country_code
        for m in sides
        if m.country_code and _HOST_BEFORE.search(ctx.text[max(0, m.start - 80) : m.start])
    }
    if not hosts:
        return ctx
    others = {
        m.country_code
        for m in sides
        if m.country_code
        and m.country_code not in hosts
        and not _HOST_BEFORE.search(ctx.text[max(0, m.start - 80) : m.start])
        and not _is_context(ctx.text, m)
    }
    if len(others) < 2:
        return ctx
    return _SentenceContext(
        ctx.text,
        [m for m in ctx.countries if m.country_code not in hosts],
        [m for m in ctx.people if m.country_code not in hosts],
        ctx.places,
        ctx.organizations,
    )


def _speaks_for_an_organisation(text: str, person: Mention) -> bool:
    """Whether a person is named with an organisation's title ("UN Secretary-General Antonio Guterres", "IMF chief
    Kristalina Georgieva"): the name of a multilateral organisation (capitalised) ends at most five title words
    before the person."""
    window = text[max(0, person.start - 60) : person.start]
    return any(
        m.group()[:1].isupper() and _ORG_TITLE_AFTER.fullmatch(window, m.end())
        for m in MULTILATERAL.finditer(window)
    )


def organisation_officials(contexts: list[_SentenceContext]) -> set[str]:
    """The people (entity ids) an article names anywhere with an organisation's title ("UN Secretary General
    Ines Varga landed in Oslo"): the same person named bare later ("Varga will meet the king") still speaks
    for the organisation (annotation guide: a surname alone later in the article is the same person)."""
    return {
        m.entity_id
        for ctx in contexts
        for m in ctx.people
        if m.entity_id and _speaks_for_an_organisation(ctx.text, m)
    }


def without_organisation_officials(
    ctx: _SentenceContext, officials: set[str] = frozenset()
) -> _SentenceContext:
    """The sentence's context without the people who speak for a multilateral organisation ("UN Secretary-General
    Antonio Guterres will meet Putin", "IMF chief Kristalina Georgieva"), there or elsewhere in the article
    (``officials``, from ``organisation_officials``): meetings with organisations are no bilateral engagements
    (annotation guide), and the person table's country of such a person (their birth) is no side of one."""
    people = [
        m for m in ctx.people if not _speaks_for_an_organisation(ctx.text, m) and m.entity_id not in officials
    ]
    if len(people) == len(ctx.people):
        return ctx
    return _SentenceContext(ctx.text, ctx.countries, people, ctx.places, ctx.organizations)
