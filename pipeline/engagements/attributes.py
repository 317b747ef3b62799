"""The attributes of an anchor: its country pair, destination, place, participants, initiator and host, and a
confidence (its status is ``status_cues``' and ``governing``', its dates ``event_dates``').

Each is read from the anchor's own clause first and from the rest of the sentence only when the clause says
nothing, since one sentence often states two engagements ("India met Japan on Monday, while China will visit
Korea in May").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipeline.engagements.anchors import Anchor, Mention, _gap
from pipeline.engagements.cities import site_city
from pipeline.engagements.lexicon import (
    _ANY_TRIGGER_LOWERCASE,
    _COREFERENCE,
    MULTILATERAL,
)
from pipeline.engagements.lexicon_sides import (
    _AND_JOINER,
    _BENEFICIARY_BEFORE,
    _BETWEEN,
    _CONTEXT_AFTER,
    _CONTEXT_BEFORE,
    _DEPARTURE_FOR,
    _DESTINATION_BEFORE,
    _LOCATION_BEFORE,
    _OFFERED_BEFORE,
    _PAIR_JOINER,
    _TOPIC_BREAK,
    _TOPIC_VERB,
    _VERBAL_INITIATOR,
    may_hold_topic_verb,
    travellers_go_to,
)
from pipeline.engagements.not_engagements import _OTHER_EVENT_SITE_BEFORE
from pipeline.engagements.venues import capital_place, city_with_country, modifier_place, venue_place

# --- countries and places --------------------------------------------------------------------------------


def _is_context(text: str, mention: Mention) -> bool:
    """Whether a country is named only as context ("amid tensions with China", "China's growing influence", where
    private travellers go: ``travellers_go_to``; a topic, ``_is_topic``): it is then never one side of the pair,
    nor an initiator. The answer depends on the sentence and the mention's span alone, and the rules ask it
    again for a third of the mentions they read (``_context_at``)."""
    return _context_at(text, mention.start, mention.end)


@functools.lru_cache(maxsize=4096)
def _context_at(text: str, start: int, end: int) -> bool:
    """``_is_context`` of the mention at text[start:end], kept for the mentions read last."""
    return bool(
        _CONTEXT_BEFORE.search(text[max(0, start - 40) : start])
        or _CONTEXT_AFTER.match(text[end:])
        or travellers_go_to(text[max(0, start - 100) : start])
        or _is_topic(text, start, end)
    )


def _is_topic(text: str, start: int, end: int) -> bool:
    """Whether a country (at text[start:end]) is named in the object of a verb that says what a meeting was about (``_TOPIC_VERB``:
    "the meeting also covered Switzerland's immigration policy, Britain's decision to leave the bloc", "they
    discussed the peace process, stressing the need to revive Palestinian-Israeli negotiations"): a topic of two
    others' talks is no side of them (annotation guide: a third country as topic is no party). "With" or
    "between" before it (``_TOPIC_BREAK``: "discussed trade with Ethiopia's prime minister") makes it a side
    again, and so does an engagement's own trigger before it ("discussed the state visit of the Kenyan president
    to Ethiopia": the visit named keeps its sides) or in the name the country opens ("the agenda of the coming
    Chile-Peru Joint Strategic Dialogue Forum", ``_NAME_AFTER``)."""
    before = text[max(0, start - 200) : start]
    found = _TOPIC_VERB.search(before) if may_hold_topic_verb(before) else None
    if found is None:
        return False
    span = found.group("span")
    name = _NAME_AFTER.match(text, end)
    return (
        not _TOPIC_BREAK.search(span)
        and not _ANY_TRIGGER_LOWERCASE.search(span.lower())
        and not (name and _ANY_TRIGGER_LOWERCASE.search(name.group().lower()))
    )


_NAME_AFTER = re.compile(r"(?:\s*[-–]\s*[A-Z][\w.'’-]*)*(?:\s+[A-Z][\w.'’-]*){1,5}")
"""After a country, the capitalised words of a name it opens ("Chile-Peru Joint Strategic Dialogue Forum"): when
the name is an engagement's, the country is its side, not a topic."""


_PLACE_BEFORE = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?:(?:[A-Z][\w'’.-]*\s+){1,3}\(?|(?:[A-Z][\w'’.-]*\s*){1,3},\s*)?$"
)
"""Before a country, the words that make it where something happens ("met in Japan", "in Lima, Peru")."""


_POSSESSIVE_AFTER = re.compile(r"['’]s?\s")
"""A possessive after a country: "China's president", "Ghanas' leaders" name a side, whatever stands before."""


def _is_place(text: str, mention: Mention) -> bool:
    """Whether a country is named as where something happens ("met in Japan", "the summit in Lima, Peru"),
    not as a side: a meeting's location, or a host of others' talks, is no party to them. A possessive country
    is a side even after a place: in "the summit in Kazan, China's president met ...", the comma closes the
    opening phrase, and China is not where Kazan is."""
    return bool(_PLACE_BEFORE.search(text[max(0, mention.start - 50) : mention.start])) and not (
        _POSSESSIVE_AFTER.match(text, mention.end)
    )


_EXAMPLES_BEFORE = re.compile(r"\b(?:including|includes|include|such\s+as|notably|among\s+them)\s+(?:the\s+)?$", re.I)
"""Before two countries joined by "and", the words that make them examples of a larger set ("his tour of some
countries in the region, including Nigeria and Côte d'Ivoire"): members of a set, not a pair."""


def _structured_pairs(text: str, countries: list[Mention]) -> list[tuple[int, int, frozenset[str]]]:
    """Pairs the syntax states: "India-Japan", "between Kenya and Ethiopia", "India and Japan will". Two
    neighbouring countries joined by "and" inside a longer list ("Japan, India and Australia", "Kenya, the Sudan
    and Uganda") or given as examples of a set (``_EXAMPLES_BEFORE``: "a tour of countries in the region,
    including Nigeria and Côte d'Ivoire") are not a pair.
    Each pair comes with the span it covers, so that the one nearest an anchor can be chosen."""
    pairs = []
    ordered = sorted(countries, key=lambda m: m.start)
    for first, second in zip(ordered, ordered[1:], strict=False):
        if first.country_code == second.country_code:
            continue
        between = text[first.end : second.start]
        listed = (
            re.search(r",\s*(?:the\s+)?$", text[: first.start])
            or re.match(r"^\s*,", text[second.end :])
            or _EXAMPLES_BEFORE.search(text[: first.start])
        )
        if (
            _PAIR_JOINER.match(between)
            or (_AND_JOINER.match(between) and not listed)
            or (_BETWEEN.search(text[: first.start]) and re.match(r"^\s+and\s+$", between))
        ):
            pairs.append((first.start, second.end, frozenset({first.country_code, second.country_code})))
    return pairs


def _destination(
    text: str,
    anchor: Anchor,
    places: list[Mention],
    clause: tuple[int, int],
    dateline: Mention | None = None,
) -> Mention | None:
    """A visit's destination: the place nearest the anchor in its clause that a destination word stands before
    ("visited Tokyo", "arrived in Japan", "departed for Tokyo"), not more than 40 characters before the anchor (a
    place further back belongs to something else the sentence says). Only places with a country: the destination
    takes part in the pair and becomes the host. A visit to a continent or region ("to South America") in a
    report datelined in a country goes there (``_REGION_AFTER``).

    A country is made precise where the text allows: "arrived in the Mexican capital" is Mexico City, and a
    destination in the country of the article's dateline is the dateline's city (the text says no other). Failing
    a named place, a well-known venue after a destination word ("visited the White House") is the destination."""
    for place in sorted(places, key=lambda p: _gap(anchor.start, anchor.end, p.start, p.end)):
        if not (clause[0] <= place.start < clause[1]) or place.country_code is None:
            continue
        before = text[max(0, place.start - 30) : place.start]
        if (
            (_DESTINATION_BEFORE.search(before) or _DEPARTURE_FOR.search(before))
            and place.start >= anchor.start - 40
            and not _OTHER_EVENT_SITE_BEFORE.search(text[max(0, place.start - 80) : place.start])
        ):
            if place.label == "LOCATION":
                return place
            return _city_of_destination(text, place, places, clause, dateline)
    venue = venue_place(text, clause, None)
    if venue is not None and _DESTINATION_BEFORE.search(text[max(0, venue.start - 34) : venue.start]):
        return venue
    if dateline is not None and dateline.country_code and _REGION_AFTER.match(text, anchor.end):
        return dateline
    return None


_REGION_AFTER = re.compile(
    r"\s+(?:to|of|in)\s+(?:the\s+)?(?:(?:South|North|Latin|Central|East|West|Southeast|South-East|Southern|Northern|"
    r"Eastern|Western)\s+)?(?:America|Americas|Africa|Europe|Asia|Middle\s+East|Gulf|Caribbean|Balkans|Baltics)\b"
)
"""After a visit's trigger, a continent or region as its destination ("his first official visit to South America",
"a tour of West Africa"): the text names no country, and a report datelined in one ("Asuncion [Paraguay]") is from
the country of the region the visitor is in, so the dateline's place is the destination (``_destination``)."""


def _city_of_destination(
    text: str, country: Mention, places: list[Mention], clause: tuple[int, int], dateline: Mention | None
) -> Mention:
    """The city a visit to a country goes to, where the clause or the article says it: "in the Mexican capital",
    a city of that country after a locative or departure word ("departed for Seoul for a visit to Korea") or a
    venue of it in the clause ("his visit to Canada ... on
    Parliament Hill", "a visit to Ghana at the Jubilee House in Accra"), else the dateline's city in that
    country; the country itself when none does."""
    code = country.country_code
    countries = [p for p in places if p.label != "LOCATION"]
    candidates = [
        capital_place(text, (country.start, clause[1]), countries, places),
        venue_place(text, clause, (code, code)),
        site_city(text, clause, (code,)),
        *(
            p
            for p in places
            if p.label == "LOCATION"
            and clause[0] <= p.start < clause[1]
            and (
                _LOCATION_BEFORE.search(text[max(0, p.start - 25) : p.start])
                or _DEPARTURE_FOR.search(text[max(0, p.start - 25) : p.start])
            )
        ),
        dateline,
    ]
    return next((c for c in candidates if c is not None and c.country_code == code), country)


def _location(
    text: str,
    index: int,
    anchors: list[Anchor],
    statuses: list[str | None],
    places: list[Mention],
    clause: tuple[int, int],
    pair: tuple[str, str] | None = None,
    dateline: Mention | None = None,
) -> Mention | None:
    """Where an engagement is held, by the evidence of its clause, the most precise first:

    1. "in Tokyo": a city after a locative word belongs to its nearest anchor, and to the other anchors of its
       clause with the same status (a meeting and an agreement held there), not to a planned visit stated beside
       them; the nearest such city.
    2. A place the text implies: a well-known venue ("at Hyderabad House" is New Delhi), "in the Mexican capital",
       a city the gazetteer does not know named with its country ("in Samarkand, Uzbekistan"), or a smaller city of
       one of the pair after a locative word ("the talks in Ghent"; ``cities.site_city``).
    3. "in Japan": a country after a locative word, as in 1; the dateline's city when it is in that country.
    4. A capital as the engagement's modifier ("the Paris summit"); the city a visit stated in the same clause
       goes to ("will visit Tokyo for a summit"): the talks are held where the visitor goes.
    5. The article's dateline city, when its country is one of the pair: where the text says nothing else, the
       story is told from where it happened. A dateline in a third country is not taken on its own (the report
       may be filed from anywhere)."""
    anchor = anchors[index]
    located = []
    for place in places:
        if not (clause[0] <= place.start < clause[1]) or not _LOCATION_BEFORE.search(
            text[max(0, place.start - 25) : place.start]
        ):
            continue
        owner = min(
            range(len(anchors)), key=lambda i: _gap(anchors[i].start, anchors[i].end, place.start, place.end)
        )
        if owner == index or statuses[owner] == statuses[index]:
            located.append(place)
    nearest = sorted(
        located, key=lambda p: (p.label != "LOCATION", _gap(anchor.start, anchor.end, p.start, p.end))
    )
    if nearest and nearest[0].label == "LOCATION":
        return nearest[0]
    countries = [p for p in places if p.label != "LOCATION"]
    implied = (
        venue_place(text, clause, pair)
        or capital_place(text, clause, countries, places)
        or city_with_country(text, clause, countries)
        or (site_city(text, clause, pair) if pair else None)
    )
    if implied is not None:
        return implied
    if nearest:
        if dateline is not None and dateline.country_code == nearest[0].country_code:
            return dateline
        return nearest[0]
    modifier = modifier_place(text, anchor.start, [c for c in countries if clause[0] <= c.start < clause[1]])
    if modifier is not None:
        return modifier
    for other, status in zip(anchors, statuses, strict=True):
        if (
            other is not anchor
            and other.kind == "visit"
            and status == statuses[index]
            and clause[0] <= other.start < clause[1]
        ):
            visited = _destination(text, other, places, clause)
            if visited is not None and visited.label == "LOCATION":
                return visited
    if dateline is not None and pair is not None and dateline.country_code in pair:
        return dateline
    return None


# --- pair, people and confidence -------------------------------------------------------------------------


@dataclass
class _SentenceContext:
    """The linked entities of one sentence by role (``extract._sentence_context``), offsets relative to it. People
    carry the country the person table gives them when their mention has none; ``places`` are the locations and
    the countries."""

    text: str
    countries: list[Mention]
    people: list[Mention]
    places: list[Mention]
    organizations: list[Mention]


_WITH_AFTER = re.compile(r"\s+with\s+(?:(?:his|her|their|the)\s+)?$", re.IGNORECASE)
"""Between a meeting or call trigger and the mention that names its counterpart ("a meeting with Brazilian
President Rafael Mendes", "talks with his Chinese counterpart")."""


def _met_outside(text: str, anchor: Anchor, mentions: list[Mention], codes: frozenset[str]) -> bool:
    """Whether the anchor names its counterpart right after "with" ("during a meeting with Brazilian President
    Rafael Mendes") and that counterpart's country is not one of a pair the syntax states elsewhere ("Tensions
    between Chad and Niger rose after X remarked during a meeting with Brazilian President Mendes"): a
    side of the engagement is named, so that pair is the topic, not the engagement's sides."""
    if anchor.kind not in ("meeting", "call"):
        return False
    following = [m for m in mentions if m.start >= anchor.end and m.country_code]
    if not following:
        return False
    first = min(following, key=lambda m: m.start)
    return bool(_WITH_AFTER.fullmatch(text[anchor.end : first.start])) and first.country_code not in codes


def _pair_for(
    ctx: _SentenceContext,
    anchor: Anchor,
    clause: tuple[int, int],
    destination: Mention | None,
    previous_pair: tuple[str, str] | None,
) -> tuple[tuple[str, str] | None, str]:
    """The country pair of an anchor, sorted, and how it was found ("explicit" or "coreference"); None when the
    sentence names no pair, or too many countries to tell which.

    The anchor's clause is tried first, then the whole sentence, since a sentence may name the pairs of two
    engagements. Countries named only as context ("amid tensions with China") are left out, and so, for all but
    cooperation, is a country the sides back ("stressed the importance of support for Ukraine"). In each scope:

    1. A pair the syntax states ("India-Japan", "between India and Japan"; ``_structured_pairs``) wins, the one
       nearest the anchor when there are several, unless the anchor names a counterpart of another country
       right after "with" (``_met_outside``).
    2. Otherwise the countries named, those of the people named and a visit's destination are pooled. A
       country named as a place ("met in Japan", "in Lima, Peru"; ``_is_place``) joins the pool only to make
       a pair with the one side it holds, and never in a sentence that names a multilateral gathering (the
       host of a summit is no party to the meetings on its sidelines). When they
       are more than two, only the people's countries and the destination are kept, as the officials who take
       part name the sides better than countries named in passing. Two make the pair; more than two are
       ambiguous and yield no pair at all rather than a guess; fewer send the search to the next scope.

    A sentence that names no pair but refers back ("the two sides", "during the visit") takes the pair of the
    article's previous engagement ("coreference"), provided the countries and people's countries it names (not as
    context or place) all belong to that pair: "signed an agreement with Italy and the UAE ... linking the two countries"
    names three sides, and refers to no pair of two.
    Anchors at a multilateral gathering never reach here: ``extract.article_engagements`` skips them.
    """
    text = ctx.text
    gathering = bool(MULTILATERAL.search(text))

    def within(m: Mention, span: tuple[int, int]) -> bool:
        return span[0] <= m.start < span[1]

    def backed(m: Mention) -> bool:  # "support for Ukraine": a topic of talks, a side of an offer
        before = text[max(0, m.start - 50) : m.start]
        offered = _OFFERED_BEFORE.search(text[max(0, m.start - 80) : m.start])
        return anchor.kind != "cooperation" and bool(_BENEFICIARY_BEFORE.search(before)) and not offered

    for scope in (clause, (0, len(text))):
        named = [m for m in ctx.countries if within(m, scope) and not _is_context(text, m) and not backed(m)]
        countries = [m for m in named if not _is_place(text, m)]
        structured = [
            p
            for p in _structured_pairs(text, countries)
            if len(p[2]) == 2 and not _met_outside(text, anchor, ctx.countries + ctx.people, p[2])
        ]
        if structured:
            nearest = min(structured, key=lambda p: _gap(p[0], p[1], anchor.start, anchor.end))
            return tuple(sorted(nearest[2])), "explicit"
        people = {m.country_code for m in ctx.people if within(m, scope) and m.country_code}
        codes = {m.country_code for m in countries} | people
        if destination is not None:
            codes.add(destination.country_code)
        places = {m.country_code for m in named} - codes
        if len(codes) == 1 and len(places) == 1 and not gathering:
            codes |= places
        if len(codes) > 2:
            codes = people | ({destination.country_code} if destination is not None else set())
        if len(codes) == 2:
            return tuple(sorted(codes)), "explicit"
        if len(codes) > 2:
            return None, "explicit"
    named_sides = {m.country_code for m in ctx.countries if not _is_context(text, m) and not _is_place(text, m)} | {
        m.country_code for m in ctx.people if m.country_code
    }
    if previous_pair and _COREFERENCE.search(text) and named_sides <= set(previous_pair):
        return previous_pair, "coreference"
    return None, "explicit"


def _participants(
    ctx: _SentenceContext, clause: tuple[int, int], pair: tuple[str, str], persons: dict[str, dict]
) -> list[dict]:
    """The linked people who take part: those named in the anchor's clause (in the sentence when the clause names
    none) whose country is one of the pair or unknown, each once. When the clause names people of one side only,
    the people of the other side named elsewhere in the sentence take part too ("Kenyatta and Mnangagwa addressed
    the media during Mnangagwa's visit to Kenya": the host is in the main clause, the visit in another). Name and
    role come from the person table (the surface text when the person is not in it). Unlinked people are left out:
    a participant is a person the warehouse can name."""
    in_clause = [m for m in ctx.people if clause[0] <= m.start < clause[1]]
    people = in_clause or ctx.people
    chosen: dict[str, dict] = {}

    def add(m: Mention) -> None:
        if not m.entity_id or not m.entity_id.startswith("person:"):
            return
        person_id = m.entity_id.removeprefix("person:")
        info = persons.get(person_id, {})
        country = m.country_code or info.get("country_code")
        if country is not None and country not in pair:
            return
        chosen.setdefault(
            person_id,
            {
                "person_id": person_id,
                "name": info.get("name") or m.text,
                "role": info.get("role"),
                "country_code": country,
            },
        )

    for m in people:
        add(m)
    sides = {p["country_code"] for p in chosen.values()}
    if in_clause and len(sides & set(pair)) == 1:
        for m in ctx.people:
            if m not in in_clause and m.country_code in set(pair) - sides:
                add(m)
    return list(chosen.values())


def _initiator(
    ctx: _SentenceContext,
    anchor: Anchor,
    pair: tuple[str, str],
    destination: Mention | None,
    trigger_text: str,
) -> tuple[str | None, str | None]:
    """(initiator, host): a visit goes from the visitor to the destination; an offer or a call comes from its
    subject, the last country or person of the pair named before a trigger that starts with its verb ("India
    phoned Japan", "Japan is ready to help"). (None, None) when the sentence does not say who started it."""
    if anchor.kind == "visit" and destination is not None and destination.country_code in pair:
        host = destination.country_code
        return next(c for c in pair if c != host), host
    if anchor.kind in ("cooperation", "call") and _VERBAL_INITIATOR.match(trigger_text):
        before = [
            m
            for m in ctx.countries + ctx.people
            if m.end <= anchor.start and m.country_code in pair and not _is_context(ctx.text, m)
        ]
        if before:
            initiator = max(before, key=lambda m: m.end).country_code
            return initiator, next(c for c in pair if c != initiator)
    return None, None


def _confidence(anchor: Anchor, pair_source: str, has_date: bool, has_people: bool) -> float:
    """A score in [0.05, 0.95]: a named format raises it (few false positives), a pair taken from the previous
    sentence lowers it (the reference may be wrong), and a date and named participants raise it a little."""
    score = 0.55 + (0.2 if anchor.specific else 0.0) - (0.15 if pair_source == "coreference" else 0.0)
    score += (0.05 if has_date else 0.0) + (0.05 if has_people else 0.0)
    return round(min(0.95, max(0.05, score)), 3)
