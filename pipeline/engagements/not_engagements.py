"""Phrasings that state no engagement between the two countries a sentence names (annotation guide, "Not
engagements" and "Parties"): a deal only sought, a treaty's provision, a gathering attended, three sides, a host
or mediator, an organisation's officials and trips to organisations, the site of another event. Used by
``anchors``, ``counterparts``, ``attributes`` and ``extract``; the general trigger lexicon is ``lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.engagements.lexicon_sides import (
    _COERCIVE,
    _OFF_TOPIC_STORY,
    _OFFICIAL,
)

if TYPE_CHECKING:
    from pipeline.engagements.anchors import Anchor

_SOUGHT_BEFORE = re.compile(
    r"\b(?:far\s+apart\s+on|(?:a\s+)?(?:long\s+)?way\s+(?:off\s+)?from|(?:no\s+)?(?:closer|close|near(?:er)?)\s+to|"
    r"push(?:ing|ed|es)?\s+for|press(?:ing|ed|es)?\s+for|work(?:ing|ed|s)?\s+(?:on|towards?)|talks?\s+(?:on|over|about)|"
    r"negotiat(?:ions?|ing|ed|es?)\s+(?:on|for|over|of)|"
    r"(?:talks|negotiations)\s+(?:between|with)\s+(?:[\w'’-]+\s+){1,6}?(?:on|over|about|for|around|regarding|concerning)|hopes?\s+(?:of|for)|quest\s+for|bid\s+for|"
    r"efforts?\s+(?:towards?|to\s+(?:reach|secure|clinch|strike))|stalled\s+on|divided\s+over|disagree\w*\s+(?:on|over)|"
    r"negotiating|discuss(?:es|ed|ing)?|seek(?:s|ing)?|pursu(?:es|ing)|(?:hammer|work)(?:s|ed|ing)?\s+out|"
    r"fail(?:s|ed)?\s+to\s+(?:reach|agree\s+on|conclude|clinch|strike|seal|sign))"
    r"\s+(?:(?:a|an|the|any|their|its|his|her)\s+)?"
    r"(?:(?!(?:and|or|but|sign\w*|ink\w*|conclud\w*|reach\w*|agre\w*|adopt\w*|seal\w*)\b)[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
"""Before an agreement's noun, the words that make it something sought, not signed: "still some way apart on a fishing
quota deal", "a long way from a deal", "a fresh push for the free trade agreement", "talks on a trade pact",
"negotiations for an accord", "negotiations between Sudan and South Sudan on a border agreement", "are negotiating a free trade agreement", "discussed a deal", "failed to reach a
deal". The agreement is then only a topic of talks or a hope (annotation guide: a signed agreement is the
engagement; talks about one are a meeting of their own). Used with ``search`` on the text up to the noun."""
_THREE_SIDES_BEFORE = re.compile(
    r"\b(?:together\s+with|along\s+with|alongside|joined\s+by|accompanied\s+by)\s+(?:his|her|their|its|the)\s+"
    r"[A-Z][\w'’-]+(?:\s*,\s*[A-Z][\w'’-]+)*\s+and\s+[A-Z][\w'’-]+\s+"
    r"(?:counterparts|colleagues|partners|leaders|presidents|prime\s+ministers|ministers)\b[^.;]*$"
)
"""Before an anchor, a leader joined by two others' counterparts ("the Estonian president, together with her
Latvian and Finnish counterparts, will travel to ..."): three states take part, so what follows is theirs, not
a bilateral engagement of two of them. Used with ``search`` on the text before the anchor."""
_ATTENDED_BEFORE = re.compile(
    r"\battend(?:s|ed|ing)?\s+(?:the|a|an|this|that|its|their)\s+(?!bilateral\b)(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE
)
_ATTENDED_AFTER_BILATERAL = re.compile(r"\s+(?:between|with)\b", re.IGNORECASE)
"""With _ATTENDED_BEFORE: a meeting one "attended" ("Varga, who had attended the meeting in Nairobi") is a
gathering of many, unless it is said to be bilateral or between or with named sides ("attended the bilateral
meeting", "attended the talks between ...")."""
_CONTINGENT = (
    r"(?:in\s+the\s+event\s+(?:of|that)|in\s+case\s+of|whenever|should\s+(?:either|one)\s+(?:side|party|country))"
)
_COMMITS_TO = r"(?:commit(?:s|ted)?|undertake|pledge[sd]?|oblige[sd]?|obligated|shall|agree[sd]?)\s+(?:themselves\s+)?to"
_PROVISION = re.compile(
    r"\b" + _CONTINGENT + r"\b[^.;]*\b" + _COMMITS_TO + r"\b|\b" + _COMMITS_TO + r"\b[^.;]*\b" + _CONTINGENT + r"\b",
    re.IGNORECASE,
)
"""What a treaty binds its parties to do if something happens ("in the event of aggression against one of them,
the parties commit to holding consultations"): a provision, not an engagement that is held or planned."""
_OTHER_EVENT_SITE_BEFORE = re.compile(
    r"\b(?:after|before|following|ahead\s+of|on\s+the\s+way\s+(?:to|from))\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}"
    r"(?:summit|conference|meeting|forum|gathering|games|talks)\s+(?:held\s+)?in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Before a place, the words that make it the site of another event a trip is dated by ("planned to visit the
Pacific nation after the G-20 summit in Indonesia"): not the visit's destination."""
_ORG_TITLE_AFTER = re.compile(
    r"(?:['’]s)?(?:\s*-\s*|\s+)(?:(?:[A-Z][\w.'’-]*|secretary|general|chief|director|head|president|chair\w*|envoy|"
    r"commissioner|spokes\w+|representative|the|its|of|for)(?:\s*-\s*|\s+)){0,5}$"
)
"""With ``MULTILATERAL`` before it: the title between an organisation's name and a person ("UN Secretary-General
Antonio Guterres", "IMF chief Kristalina Georgieva", "EU foreign policy chief" is not matched, "NATO Secretary
General Jens Stoltenberg"): such a person speaks for the organisation, not for the country of their birth."""
_ORG_PURPOSE_AFTER = re.compile(
    r"(?:[^.;]{0,60}?\b(?:to\s+(?:attend|meet|address|join)|for)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?|"
    r"(?:\s+to)?\s+(?:the\s+)?)"
    r"(?=(?:UN|U\.N\.|United Nations|NATO|EU|European Union|IMF|World Bank|WTO|African Union|AU|ASEAN|G-?20|G-?7|"
    r"OPEC|Commonwealth|Security Council|General Assembly)\b)"
)
"""After a visit's trigger, a purpose that is an organisation or its gathering ("will travel to New York for the
UN General Assembly", "will visit Washington to meet IMF officials", "visited the EU headquarters"): a trip to an organisation, not a bilateral
visit to the country that hosts it. Used with ``match`` at the trigger's end."""
_HOST_BEFORE = re.compile(
    r"\b(?:at\s+the\s+invitation\s+of|(?:hosted|mediated|brokered|facilitated|convened|witnessed)\s+by|"
    r"under\s+the\s+auspices\s+of|in\s+the\s+presence\s+of|with\s+the\s+mediation\s+of)\s+"
    r"(?:[\w'’.-]+\s+){0,3}$",
    re.IGNORECASE,
)
"""Before a country or person, the words that make it the host, mediator or witness of an engagement ("at the
invitation of President X", "hosted by Qatar", "brokered by the United States"): a third country in that role
is no party to two others' talks (annotation guide, Not engagements). Used with ``search`` on the text before
the mention."""


_PRIVATE_PEOPLE = (
    r"(?:tourists|visitors|holidaymakers|travell?ers|students|pupils|scholars|academics|scientists|researchers|"
    r"pilgrims|fans|supporters|migrants|refugees|workers|executives|businessmen|businesswomen|business\s+people|"
    r"business\s+leaders|entrepreneurs|investors|athletes|artists|journalists|diaspora|community|"
    r"communities|expatriates|expats|citizens|nationals|residents|passengers|holidaygoers)"
)
_PRIVATE_PEOPLE_BEFORE = re.compile(r"\b" + _PRIVATE_PEOPLE + r"(?:\s+[\w'’-]+){0,2}\s+$", re.IGNORECASE)
_PRIVATE_PEOPLE_AFTER = re.compile(
    r"\s+(?:with\s+)?(?:the\s+|a\s+group\s+of\s+|members\s+of\s+the\s+)?(?:[\w'’-]+\s+){0,2}?" + _PRIVATE_PEOPLE + r"\b",
    re.IGNORECASE,
)
_PRIVATE_VISITORS_AFTER = re.compile(
    r"\s+by\s+(?:(?:about|some|over|nearly|almost|around|more\s+than|a\s+total\s+of|the)\s+)?"
    r"(?:[\d.,]+\s+(?:(?:thousand|million|hundred|lakh)\s+)?(?:[\d.,]+\s+)?)?(?:[\w'’-]+\s+){0,2}?" + _PRIVATE_PEOPLE + r"\b",
    re.IGNORECASE,
)
"""Private people around a trigger: travellers who make the trip ("Chinese tourists visited Japan", "Indian
pilgrims visiting China", "business executives arrived in Tokyo", "whose 218 thousand citizens visited Bahrain",
"2 million Saudi nationals arrived"), signers ("Japanese and Chinese scientists signed a memorandum"), or those an
official meets ("met Chinese students", "met the Indian community in Sydney"); and, after a visit's trigger, the
agent of a passive ("Malta was visited by 52.7 thousand Polish tourists", ``_PRIVATE_VISITORS_AFTER``). The
guide's engagements are between states' representatives: no such trip, deal or meeting is one."""
_COUNTED_NATIONALS_BEFORE = re.compile(
    r"(?:\b(?!(?:19|20)\d\d\b)\d[\d,.]*|\b(?:hundreds|thousands|millions|dozens|numbers?|influx|flow|more|fewer|many))"
    r"\s+(?:of\s+)?[A-Z][a-z]+(?:s|ese)\s+$"
)
"""Before a visit's trigger, a number of a country's people ("34,648 Indians visited Japan", "the number of
Indians visiting Japan", "thousands of Chinese travelled to"): a count of travellers is a flow of private people,
not a trip that officials make. A year is no count ("in 2019 Indians ..." is left alone)."""
_NATIONALS_TRAVELLING_BEFORE = re.compile(
    r"(?<![Tt]he\s)(?<![Tt]hese\s)(?<![Tt]hose\s)\b(?!(?:Republicans|Veterans)\b)"
    r"(?:[A-Z][a-z]+(?:ans|is|ites)|Thais|Turks|Greeks|Poles|Danes|Swedes|Finns|Brits|Czechs|Kazakhs|Uzbeks|"
    r"Filipinos)\s+$"
)
"""Right before a visit's trigger, a country's people named by their plural demonym with no article ("groups of
Cambodians visiting the temple", "statistics on Jamaicans travelling to Barbados", "Thais visiting Laos"): the
travellers are the country's people, not its officials, whom a report names by title ("the Thai delegation").
"The Americans arrived" may be a negotiating team, so a demonym after "the" is left alone."""
_PRIVATE_TRIP_BEFORE = re.compile(
    r"\b(?:honeymoon|holiday|vacation|family|school|study|shopping|sightseeing|hunting|fishing|ski(?:ing)?|"
    r"backpacking|leisure)\s+$",
    re.IGNORECASE,
)
"""Right before "trip" or "visit", the words of a private journey ("during a honeymoon trip to South Africa", "a
family holiday visit", "a study trip to Japan"): crime, travel and people stories name two countries this way and no
state takes part. "Private visit" and "personal visit" are left out: a head of state's private visit is still his
trip to the country."""


def without_private_parties(text: str, anchors: list) -> list:
    """The anchors of a sentence without the visits, agreements and meetings that private people make, sign or
    hold (``_PRIVATE_PEOPLE_BEFORE`` just before the trigger: "Chinese tourists visited Japan"; a count of a
    country's people, ``_COUNTED_NATIONALS_BEFORE``: "34,648 Indians visited Japan", or its people by their
    demonym, ``_NATIONALS_TRAVELLING_BEFORE``: "groups of Cambodians visiting the temple"; a private journey,
    ``_PRIVATE_TRIP_BEFORE``: "a honeymoon trip to South Africa"), and the
    meetings an official holds with them (``_PRIVATE_PEOPLE_AFTER`` right after it: "the foreign minister met
    Chinese students"), and the visits a passive gives them as agents (``_PRIVATE_VISITORS_AFTER``: "was visited
    by 40 thousand Russian tourists"). Tourism, education and trade stories name two countries this way without any state
    taking part. A comma stops the words before the trigger, so "Modi, who met students, visited Japan" keeps
    the visit. A trigger the dropped one had absorbed stands on its own ("a meeting with Peruvian bankers, as
    well as a meeting with President Ruiz" keeps the second)."""

    def private(a) -> bool:
        before = text[max(0, a.start - 60) : a.start]
        return (
            (
                a.kind == "visit"
                and any(
                    r.search(before)
                    for r in (_COUNTED_NATIONALS_BEFORE, _NATIONALS_TRAVELLING_BEFORE, _PRIVATE_TRIP_BEFORE)
                )
            )
            or (a.kind in ("visit", "agreement", "meeting") and bool(_PRIVATE_PEOPLE_BEFORE.search(before)))
            or (a.kind == "meeting" and bool(_PRIVATE_PEOPLE_AFTER.match(text, a.end)))
            or (a.kind == "visit" and bool(_PRIVATE_VISITORS_AFTER.match(text, a.end)))
        )

    kept = []
    for a in anchors:
        if not private(a):
            kept.append(a)
            continue
        heirs = [g for g in a.absorbed if g.kind == a.kind and not private(g)]
        if heirs:
            kept.append(replace(heirs[0], absorbed=heirs[1:]))
    return sorted(kept, key=lambda a: a.start)


_PLURAL_PACTS = re.compile(r"(?:agreements|accords|pacts|treaties|deals|memoranda|mous)$", re.IGNORECASE)
_SIGNED_OR_DATED = re.compile(
    r"\b(?:sign\w*|ink\w*|enter\w*|during|conclud\w*|seal\w*|exchang\w*|adopt\w*|ratif\w*|struck|strike|reach\w*|initial\w*|"
    r"(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|December|"
    r"last\s+(?:month|year)|this\s+(?:month|year)|(?:months|years)\s+ago)\b",
    re.IGNORECASE,
)
"""A signing or a date in the sentence: "the two signed three agreements", "the accords of 1993", "agreements
reached last year". A weekday or "yesterday" dates the report of what was said ("said on Saturday that China
has disregarded the pacts"), not the pacts, and is no such date."""


def without_pacts_in_passing(text: str, anchors: list) -> list:
    """The anchors of a sentence without the agreements it names only in the plural, undated and unsigned
    ("Eritrea has ignored the border pacts with Ethiopia", "abide by the existing agreements"): a body of past
    pacts named in an argument is no record (annotation guide: a record is a signed agreement; "the two signed a
    defence pact in 2008" is one because the text signs and dates it). A sentence that signs or dates them
    (``_SIGNED_OR_DATED``) keeps them, and so does the singular ("the border pact")."""
    if _SIGNED_OR_DATED.search(text):
        return anchors
    return [a for a in anchors if not (a.kind == "agreement" and _PLURAL_PACTS.search(text[a.start : a.end]))]


def coercion_is_no_offer(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """The anchors of a sentence without its cooperation ones when the sentence imposes or enforces sanctions or
    tariffs (``lexicon_sides._COERCIVE``): what the sanctioned side is said to "fund" or "supply" there is no offer of
    cooperation, and the measures themselves are no engagement by the guide."""
    if not any(a.kind == "cooperation" for a in anchors) or not _COERCIVE.search(text):
        return anchors
    return [a for a in anchors if a.kind != "cooperation"]


def provisions_are_no_engagements(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """The anchors of a sentence without its meetings, calls, visits and exercises when the sentence states what
    a treaty binds its parties to do should something happen ("in the event of aggression, the parties commit to
    holding consultations"; ``_PROVISION``): such a provision is no engagement. The treaty itself stays."""
    if not _PROVISION.search(text):
        return anchors
    return [a for a in anchors if a.kind in ("agreement", "cooperation")]


_RELATIONS_VERB_BEFORE = re.compile(
    r"\b(?:support|strengthen|deepen|enhanc|intensif|develop|expand|promot|boost|encourag|foster|advanc|maintain|"
    r"broaden|consolidat)\w*\s+(?:of\s+)?(?:the\s+|their\s+|our\s+|its\s+|a\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_RELATIONS_NOUN = re.compile(r"(?:dialogue|talks|consultations|contacts|exchanges|visits)$", re.IGNORECASE)
"""A dialogue, talks or contacts that someone supports or strengthens ("we support the dialogue between Belgrade
and Pristina", "strengthening of the political dialogue", "to deepen contacts"): the relation is the object of a
wish, not an event that was held."""
_GENERIC_VISITS_BEFORE = re.compile(
    r"\b(?:mutual|reciprocal|regular|frequent|more|further|future|exchanges?\s+of|exchanged)\s+(?:high-level\s+)?$",
    re.IGNORECASE,
)
"""Before "visits", the words of visits as a habit of relations ("through the mutual visits of high-ranking
officials", "regular exchanges of visits"): no trip of its own."""


def relations_are_no_engagements(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """The anchors of a sentence without the meetings and visits that only name the relation between two states
    (annotation guide: vague relations are no engagement): a dialogue, talks or contacts one supports or
    strengthens (``_RELATIONS_VERB_BEFORE``: "we support the dialogue between Belgrade and Pristina",
    "deepening the political dialogue through regular mutual visits of ministers") and visits in the plural as
    a habit (``_GENERIC_VISITS_BEFORE``: "mutual visits", "exchanges of visits"). Talks that were held ("held
    talks to strengthen ties") have their verb elsewhere and stay."""

    def relation(a: Anchor) -> bool:
        if a.kind not in ("meeting", "visit") or not _RELATIONS_NOUN.search(text[a.start : a.end]):
            return False
        before = text[max(0, a.start - 60) : a.start]
        return bool(_RELATIONS_VERB_BEFORE.search(before)) or (
            text[a.start : a.end].lower() == "visits" and bool(_GENERIC_VISITS_BEFORE.search(before))
        )

    kept = []
    for a in anchors:
        if not relation(a):
            kept.append(a)
            continue
        heirs = [g for g in a.absorbed if not relation(g)]
        if heirs:
            kept.append(replace(heirs[0], absorbed=heirs[1:]))
    return sorted(kept, key=lambda a: a.start)


_JOINT_STATEMENT = re.compile(r"joint\s+(?:statement|declaration|communiqu[eé])s?$", re.IGNORECASE)
_SOURCE_OF_WORDS_BEFORE = re.compile(
    r"\b(?:in|through|via|according\s+to)\s+(?:a|an|the|their|its|his|her|a\s+new)\s+$", re.IGNORECASE
)
_DOCUMENT_MADE = re.compile(
    r"\b(?:sign(?:s|ed|ing|ature)?|ink(?:s|ed|ing)?|adopt(?:s|ed|ing|ion)?|initial(?:l?ed|l?ing|s)?)\b", re.IGNORECASE
)
"""A statement signed or adopted ("signed a joint declaration", "are to adopt a Joint Statement"); not
"significant"."""


def statements_quoted_are_no_agreements(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """The anchors of a sentence without a joint statement that is only where words were said ("Okoro and
    Lindqvist said in a joint statement", "In a joint statement, the president expressed optimism", "according to
    the joint statement"): the guide makes a joint statement an agreement only when it is signed or adopted as a
    document, and a statement quoted as the source of words is neither. A sentence that signs or adopts it
    (``_DOCUMENT_MADE``) keeps it."""
    if _DOCUMENT_MADE.search(text):
        return anchors

    def quoted(a: Anchor) -> bool:
        return (
            a.kind == "agreement"
            and bool(_JOINT_STATEMENT.search(text[a.start : a.end]))
            and bool(_SOURCE_OF_WORDS_BEFORE.search(text[max(0, a.start - 40) : a.start]))
        )

    kept = []
    for a in anchors:
        if not quoted(a):
            kept.append(a)
            continue
        heirs = [g for g in a.absorbed if not quoted(g)]
        if heirs:
            kept.append(replace(heirs[0], absorbed=heirs[1:]))
    return sorted(kept, key=lambda a: a.start)


def without_non_engagements(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """The anchors of a sentence without those that state no engagement between two states: offers inside
    coercion, treaty provisions, relations one only wishes for, joint statements quoted as the source of words,
    and what private people do (in that order)."""
    anchors = provisions_are_no_engagements(text, coercion_is_no_offer(text, anchors))
    anchors = statements_quoted_are_no_agreements(text, relations_are_no_engagements(text, anchors))
    return without_private_parties(text, anchors)


def is_off_topic_story(head: str) -> bool:
    """Whether an article is a sports or business story, from its head (headline and lead): a strong sport or
    business word ("qualifier", "wickets", "takeover", "buyout") and no official word. Its sentences then name
    countries as teams and companies' homes ("Brazil will meet Argentina on Tuesday", "the takeover is the largest
    Korean investment so far in Poland") without a word of their own that says so, and state no engagement
    unless an official takes part in them."""
    return bool(_OFF_TOPIC_STORY.search(head)) and not _OFFICIAL.search(head)


_ALTERNATIVES_OPENING = re.compile(r"^\s*(?:to\s+)?(?:the\s+)?(?:either\s+)?$", re.IGNORECASE)
_ALTERNATIVES_COMMA = re.compile(r"^\s*,\s*(?:the\s+)?$")
_ALTERNATIVES_OR = re.compile(r"^\s*,?\s*(?:and\s*/\s*)?or\s+(?:to\s+)?(?:the\s+)?$", re.IGNORECASE)
"""With ``without_alternative_destinations``: the words that open a list of countries right after a visit's
trigger ("travelled to", "been to either"), that join its items (a comma) and that close it with "or"."""


def without_alternative_destinations(text: str, anchors: list[Anchor], countries: list) -> list[Anchor]:
    """The anchors of a sentence without the visits and meetings whose countries follow them as alternatives,
    joined by "or" ("anyone who has travelled to Iran, Iraq, Syria or Sudan", "those who visited Libya or Yemen
    since 2011"): a trip to one of several countries, whichever it was, is a condition or a rule about travellers
    (visa rules, travel advice), not a trip that officials make, and none of the countries is the other's visitor
    (annotation guide: a visit is an official trip by officials of one country to the other). A list joined by
    "and" ("visited Kenya and Uganda") is left to ``counterparts``: it is one visit to each."""
    if " or " not in text:
        return anchors
    ordered = sorted(countries, key=lambda m: m.start)

    def alternatives(a: Anchor) -> bool:
        if a.kind not in ("visit", "meeting"):
            return False
        following = [m for m in ordered if m.start >= a.end]
        if len(following) < 2 or not _ALTERNATIVES_OPENING.match(text[a.end : following[0].start]):
            return False
        for previous, item in zip(following, following[1:], strict=False):
            gap = text[previous.end : item.start]
            if _ALTERNATIVES_OR.match(gap):
                return True
            if not _ALTERNATIVES_COMMA.match(gap):
                return False
        return False

    return [a for a in anchors if not alternatives(a)]


_ONGOING_DIALOGUE_BEFORE = re.compile(
    r"\b(?:continu\w*|maintain\w*|pursu\w*|keep(?:s|ing)?\s+up|readiness|ready|willing\w*)\s+"
    r"(?:to\s+)?(?:(?:continue|maintain|pursue|the|a|an|its|their|our|his|her)\s+)*"
    r"[\"“‘']?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
"""Before a "dialogue" in lower case, the words that make it the relations two sides keep up, not a meeting:
"expressed his readiness to continue constructive dialogue", "will maintain close dialogue", "ready to pursue
dialogue". A named series ("the 5th Strategic Dialogue") is capitalised and left alone."""
_DIALOGUE_SCHEDULED_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:(?:in|at)\s+(?:the\s+)?[A-Z]|next\b|later\b|on\s+[A-Z]|(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b)"
)
"""After such a dialogue, a place or a time that makes it a round the sides will hold ("agreed to continue the
dialogue in Nairobi in May", "to continue the dialogue next month"): a meeting that is planned."""


def ongoing_dialogue_is_no_meeting(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """The anchors of a sentence without the meetings that are only a "dialogue" one side is ready to continue,
    maintain or pursue (``_ONGOING_DIALOGUE_BEFORE``) with no place or time of its own
    (``_DIALOGUE_SCHEDULED_AFTER``): a statement about the relationship, as in a leader's
    message of congratulation ("Mirza voiced her readiness to continue a frank dialogue on the bilateral
    agenda"), names no meeting that is held or planned (annotation guide, Not engagements: vague relations,
    "pledged to deepen cooperation")."""
    return [
        a
        for a in anchors
        if not (
            a.kind == "meeting"
            and text[a.start : a.end] == "dialogue"
            and _ONGOING_DIALOGUE_BEFORE.search(text[max(0, a.start - 80) : a.start])
            and not _DIALOGUE_SCHEDULED_AFTER.match(text, a.end)
        )
    ]


_RECALLED_FOR_BEFORE = re.compile(
    r"\brecall(?:s|ed|ing)?\b[^.;]{0,80}?\bfor\s+(?:urgent\s+|immediate\s+|further\s+)?$", re.IGNORECASE
)
"""Before "consultations", an envoy called home for them ("Ghana recalled its ambassador from Kenya for
consultations", "recalling their envoys for urgent consultations")."""


def recalled_envoys_hold_no_consultations(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """The anchors of a sentence without the "consultations" an ambassador is recalled for
    (``_RECALLED_FOR_BEFORE``): a state that calls its envoy home from another protests against it; the
    consultations are held at home, with no one of the other state (annotation guide, Not engagements:
    protests)."""
    return [
        a
        for a in anchors
        if not (
            a.kind == "meeting"
            and text[a.start : a.end].lower() == "consultations"
            and _RECALLED_FOR_BEFORE.search(text[max(0, a.start - 120) : a.start])
        )
    ]


_COMPANY_AFTER_COUNTRY = re.compile(
    r"(?:['’]s)?\s+(?:(?!and\b|with\b)[\w&.'’-]+\s+){0,3}?(?:company|companies|firms?|giant|group|maker|carmaker|"
    r"automaker|manufacturer|operator|conglomerate|bank|lender|insurer|airline|carrier|retailer|start-?up|producer|"
    r"supplier|utility|developer|contractor|corporation)\b",
    re.IGNORECASE,
)
"""After a country, the noun of a company it is the home of ("Chinese telecoms giant Huawei", "Japan's biggest
carmaker", "a Kenyan state-owned power utility", "the Indian firm")."""

_STATE_SIDES = re.compile(r"\b(?:governments|ministers|ministries|presidents|officials|leaders|states)\b", re.I)
"""Plural official words (``lexicon._OFFICIAL`` has the singular): "the Indian and Kenyan governments signed"."""
_COUNTERPART_AFTER = re.compile(r"[^.;]{0,30}?\b(?:with|between)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
"""Between a deal and a company's country, the words that make the company its other side ("signed a deal with
Chinese firm"), not its purpose ("an agreement for Indian firms to build a dam")."""


def company_deals_are_no_agreements(text: str, anchors: list[Anchor], countries: list) -> list[Anchor]:
    """The anchors of a sentence without its agreements and offers of cooperation when one of its sides is a
    company (``_COMPANY_AFTER_COUNTRY`` after a country named before the deal or as its other side, "with" /
    "between", ``_COUNTERPART_AFTER``) and no official word shows a state taking part (``lexicon._OFFICIAL``,
    ``_STATE_SIDES``): "Chinese telecoms giant Huawei signed a deal with Kenya Power", "Japan's
    biggest carmaker agreed a joint venture with an Indian firm". A deal of companies, or of a company and a
    state, is no agreement of two states (annotation guide: representatives of exactly two countries)."""
    deals = [a for a in anchors if a.kind in ("agreement", "cooperation")]
    if not deals or _OFFICIAL.search(text) or _STATE_SIDES.search(text):
        return anchors

    def signed_by_a_company(a: Anchor) -> bool:
        return any(
            _COMPANY_AFTER_COUNTRY.match(text, m.end)
            and (m.start < a.start or _COUNTERPART_AFTER.match(text[a.end : m.start]))
            for m in countries
        )

    return [a for a in anchors if a not in deals or not signed_by_a_company(a)]


def without_sentence_level_negatives(text: str, anchors: list[Anchor], countries: list) -> list[Anchor]:
    """The anchors of a sentence after ``without_alternative_destinations``, ``ongoing_dialogue_is_no_meeting``,
    ``recalled_envoys_hold_no_consultations`` and ``company_deals_are_no_agreements`` (one call for
    ``extract.anchored_sentences``)."""
    anchors = ongoing_dialogue_is_no_meeting(text, without_alternative_destinations(text, anchors, countries))
    return company_deals_are_no_agreements(text, recalled_envoys_hold_no_consultations(text, anchors), countries)
