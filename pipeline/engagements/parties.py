"""Parties the sentence does not name itself: the sides of an engagement read from the people in it and from the
pair the article is about. ``extract.article_engagements`` asks these before ``attributes._pair_for`` (and after
it, for a sentence that found no pair):

- ``article_pairs``: the pair an article states most often ("between Togo and France", "the Kenya–U.S.
  partnership"), which tells the side of an official the article names without a country.
- ``with_article_sides``: such officials take the side of the article's pair that their sentence does not name
  ("President Ruto ... a phone call with U.S. Secretary of State Marco Rubio" in a story of the Kenya–U.S. pair).
- ``people_over_topic``: the people who hold a call or talks name its pair when the pair the syntax states is
  only what they discussed ("spoke with Hun Manet to discuss the ceasefire between Cambodia and Thailand").
- ``without_witnesses``: the host who invites two others to meet, or in whose presence they sign, is no party
  ("a summit with Presidents Ruto and Museveni, at the invitation of President Ana Duarte").
- ``three_sides``: "the Estonian president, together with her Latvian and Finnish counterparts" is three
  countries, and no bilateral engagement.
- ``first_person_pair``: "We signed three agreements", said by one side's official after the pair was named,
  is the article's previous engagement's pair.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import polars as pl

from pipeline.engagements.anchors import Anchor, Mention, _clause_of, _clauses
from pipeline.engagements.attributes import _is_context, _is_place, _SentenceContext, _structured_pairs
from pipeline.engagements.lexicon_sides import (
    _COUNTRY_LABELS,
)


def article_pairs(sentences: pl.DataFrame, entity_mentions: pl.DataFrame) -> dict[str, tuple[str, str]]:
    """Per article, the pair it states most often by syntax ("Togo and France", "the Kenya–U.S. partnership",
    "between Cambodia and Thailand"), sorted; an article that states none, or two pairs equally often, has none.
    Read from all its sentences (``sentences`` with their text), not only those with a trigger: the pair is often
    stated where nothing happens ("both sides emphasised the Kenya–U.S. partnership"). Countries named only as
    context are left out, as in ``attributes._pair_for``."""
    if not sentences.height or not entity_mentions.height:
        return {}
    countries = entity_mentions.filter(
        pl.col("label").is_in(list(_COUNTRY_LABELS)) & pl.col("country_code").is_not_null()
    )
    several = (
        countries.group_by("article_id", "sentence_index")
        .agg(pl.col("country_code").n_unique().alias("codes"))
        .filter(pl.col("codes") >= 2)
    )
    if not several.height:
        return {}
    rows = (
        sentences.select("article_id", "sentence_index", "start_char", "text")
        .join(several.select("article_id", "sentence_index"), on=["article_id", "sentence_index"], how="semi")
        .join(
            countries.select(
                "article_id",
                "sentence_index",
                pl.struct("start_char", "end_char", "text", "label", "entity_id", "country_code").alias("m"),
            )
            .group_by("article_id", "sentence_index")
            .agg("m"),
            on=["article_id", "sentence_index"],
        )
    )
    counts: dict[str, Counter[frozenset[str]]] = {}
    for row in rows.iter_rows(named=True):
        text, base = row["text"], row["start_char"]
        mentions = [Mention.in_sentence(m, base) for m in row["m"]]
        kept = [m for m in mentions if not _is_context(text, m)]
        found = {p[2] for p in _structured_pairs(text, kept) if len(p[2]) == 2}
        counts.setdefault(row["article_id"], Counter()).update(found)
    pairs = {}
    for article_id, counter in counts.items():
        ranked = counter.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            pairs[article_id] = tuple(sorted(ranked[0][0]))
    return pairs


def with_article_sides(
    ctx: _SentenceContext,
    pair: tuple[str, str] | None,
    anchor: Anchor | None = None,
    destination: Mention | None = None,
    persons: dict[str, dict] | None = None,
) -> _SentenceContext:
    """The sentence's context with its countryless officials given a side, when the article is about one pair
    (``article_pairs``) and the sentence names one side of it but not the other. An official is a person named
    in full right after a title ("President William Ruto", "The Minister of Foreign Affairs, Robert Dussey") whom
    the people table gives no country (the article has no clear home country), or by surname after "Mr." or
    "Ms." when the people table knows the full name ("Mr. Dussey"); the title is read from the text, not the
    person table, since a person's role is not part of what this stage's cache depends on (the name is: it
    makes the person's id).

    - A side named by a country or a person ("a phone call with U.S. Secretary of State Marco Rubio"): the
      countryless officials are the other side ("President William Ruto" in a story of the Kenya–U.S. pair),
      but one introduced as a "counterpart" of another is the named side. Countries outside the pair may be
      named too ("amid ... the rise of China"): a named official is theirs only with a qualifier, which the
      people table would have read.
    - A side named only by a place ("held talks in Paris with his counterpart, Catherine Colonna"): a place says
      where, not who, so only a countryless official and a countryless counterpart make the two sides, the
      counterpart the place's ("The Minister of Foreign Affairs, Robert Dussey" is then Togo's). A lone official
      in a city of one side ("President Ruto held talks in Nairobi") is left without a side.
    - A side named as the destination of a state, official or working visit ("President Moon Jae-in began a
      three-day state visit to Hanoi"): such a visit goes abroad, so its countryless visitor is the other side.
      A plain "visit" may be a leader's tour at home and gives no side.

    Only for deciding the pair: the participants keep the person table's country."""
    if pair is None:
        return ctx
    parties = {m.country_code for m in ctx.countries if not _is_context(ctx.text, m) and not _is_place(ctx.text, m)}
    parties |= {m.country_code for m in ctx.people if m.country_code}
    places = {m.country_code for m in ctx.places if m.country_code}
    sides = parties & set(pair)
    abroad = (
        not parties
        and anchor is not None
        and anchor.format in _FOREIGN_VISITS
        and destination is not None
        and destination.country_code in pair
    )
    by_place = not parties and not abroad and len(places) == 1 and places <= set(pair)
    if not (len(sides) == 1 or by_place or abroad) or _third_side_named(ctx, pair, anchor):
        return ctx
    side = destination.country_code if abroad else next(iter(sides or places))
    other = next(code for code in pair if code != side)
    countryless = [
        m
        for m in ctx.people
        if m.country_code is None
        and (
            (len(m.text.split()) >= 2 and _TITLE_BEFORE.search(ctx.text[max(0, m.start - 60) : m.start]))
            or (
                _HONORIFIC_BEFORE.search(ctx.text[max(0, m.start - 6) : m.start])
                and len(
                    ((persons or {}).get((m.entity_id or "").removeprefix("person:")) or {}).get("name", "").split()
                )
                >= 2
            )
        )
    ]
    counterparts = [
        m for m in countryless if _COUNTERPART_BEFORE.search(ctx.text[max(0, m.start - 30) : m.start])
    ]
    if len(counterparts) == len(countryless):
        counterparts = []
    if by_place and not counterparts:
        return ctx
    given = {id(m): side if m in counterparts else other for m in countryless}
    people = [
        Mention(m.start, m.end, m.text, m.label, m.entity_id, given[id(m)]) if id(m) in given else m
        for m in ctx.people
    ]
    return replace(ctx, people=people)


def _third_side_named(ctx: _SentenceContext, pair: tuple[str, str], anchor: Anchor | None) -> bool:
    """Whether the anchor's clause names, with a country, an official of a country outside the article's pair
    ("Ruiz and his delegation, which included Foreign Minister Ana Vega, also met Chile's President Pablo Soto",
    in a story of Guyana and Jamaica): the clause then has its two sides, one of the pair and that official's,
    and a countryless official beside them is of the delegation, not the pair's other side."""
    if anchor is None:
        return False
    start, end = _clause_of(_clauses(ctx.text), anchor.start)
    return any(m.country_code and m.country_code not in pair and start <= m.start < end for m in ctx.people)


_FOREIGN_VISITS = frozenset({"state visit", "official visit", "working visit"})
"""Visit formats that go abroad: their destination is the host, their visitor the other side."""
_TITLE_BEFORE = re.compile(
    r"\b(?:[Pp]resident|[Mm]inister(?:\s+of(?:\s+(?:[A-Z][\w'’-]*|and|of|the))+)?|[Ss]ecretary(?:\s+of\s+State)?|"
    r"[Pp]remier|[Cc]hancellor|King|Emir|Amir|Sultan|Ambassador|[Cc]ounterparts?),?\s+$"
)
"""Right before a person's name, an official's title ("President", "The Minister of Foreign Affairs,", "his
counterpart,"). Each word of a title is read with the space before it, so that the pattern cannot split a run
of capitals many ways."""
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s+$")
"""Right before a surname, the honorific of a person named in full elsewhere ("Mr. Dussey")."""
_COUNTERPART_BEFORE = re.compile(r"\bcounterparts?\s*,?\s*(?:[A-Z][\w.'’-]*\s+){0,3}$")
"""Before a person, the word that makes them the other side's ("with his counterpart, Catherine Colonna")."""


_TOPIC = re.compile(
    r"\b(?:to\s+(?:discuss|exchange\s+views|review|address|talk\s+about)|discuss(?:ed|ing)|regarding|concerning|"
    r"about|on\s+the\s+(?:latest|situation|developments|progress))\b",
    re.IGNORECASE,
)
"""After a call or talks, the words that open what was discussed ("to discuss the ceasefire between Cambodia and
Thailand", "to exchange views on the Thai-Cambodian border situation")."""


def people_over_topic(
    ctx: _SentenceContext, anchor: Anchor, clause: tuple[int, int]
) -> tuple[str, str] | None:
    """The pair of a call or a meeting whose people name two countries while the pair the syntax states comes
    after a topic word and differs: the stated pair is the subject discussed ("Anwar ... spoke with Hun Manet to
    discuss the ceasefire between Cambodia and Thailand" is Malaysia and Cambodia). The people are those of the
    sentence before the topic word, in the anchor's clause when they name two countries there. None otherwise,
    and ``_pair_for`` decides."""
    if anchor.kind not in ("call", "meeting"):
        return None
    topic = _TOPIC.search(ctx.text, anchor.end)
    if topic is None:
        return None
    countries = [m for m in ctx.countries if not _is_context(ctx.text, m)]
    stated = [p for p in _structured_pairs(ctx.text, countries) if len(p[2]) == 2]
    if not stated or any(p[0] < topic.start() for p in stated):
        return None
    before = [m for m in ctx.people if m.country_code and m.start < topic.start()]
    in_clause = {m.country_code for m in before if clause[0] <= m.start < clause[1]}
    codes = in_clause if len(in_clause) == 2 else {m.country_code for m in before}
    if len(codes) != 2 or any(p[2] == codes for p in stated):
        return None
    return tuple(sorted(codes))


_FIRST_PERSON = re.compile(r"^\W*we\s+(?:have\s+|had\s+|also\s+|then\s+|just\s+)?\w+ed\b", re.IGNORECASE)
"""A sentence opened by "We" and a verb in the past ("We signed three agreements", "We also agreed")."""


def first_person_pair(ctx: _SentenceContext, previous_pair: tuple[str, str] | None) -> tuple[str, str] | None:
    """The previous engagement's pair for a sentence opened by "We" and a past verb that names no country, person
    or place: an official quoted after the pair was named ("I am glad to make this first official visit to Benin.
    We signed three agreements") speaks of what the two sides did. None when the sentence names anyone."""
    if (
        previous_pair is None
        or ctx.countries
        or ctx.people
        or ctx.places
        or not _FIRST_PERSON.match(ctx.text)
    ):
        return None
    return previous_pair


_THE_COUNTRY_AFTER = re.compile(
    r"^\s+(?:to|in)?\s*the\s+(?:country|kingdom|republic|island\s+nation|island|nation|emirate|sultanate)\b",
    re.IGNORECASE,
)
"""After a visit's trigger, its destination named as "the country" ("arrives in the country on Friday for a
two-day official visit", "a working visit to the Kingdom")."""


def unnamed_side_pair(
    ctx: _SentenceContext,
    anchor: Anchor,
    previous_pair: tuple[str, str] | None,
    stated_pair: tuple[str, str] | None = None,
) -> tuple[str, str] | None:
    """The pair the story is telling (its previous engagement's; for a visit, else the one the article states)
    for an engagement whose sentence names one side of it, no other country, and leaves the other side unnamed
    where the kind needs one:

    - a call, which has two ends ("His Majesty, in a phone call in March, congratulated Haddad on his election by
      the Lebanese parliament", in a story of the Jordan–Lebanon pair: the caller is named by his title only);
    - a visit whose destination is "the country" or "the Kingdom" ("Ghana's President arrives in the country on
      Friday for a two-day official visit", in a story of Ghana and Liberia).

    None otherwise: a meeting one side may hold alone ("Haddad met parliament's speaker"). A call takes no pair
    the article only states: "a planned visit to Fiji and Samoa" says nothing of who was called."""
    trip = anchor.kind == "visit" and any(_THE_COUNTRY_AFTER.match(ctx.text[a.end :]) for a in [anchor, *anchor.absorbed])
    pair = previous_pair if anchor.kind == "call" else (previous_pair or stated_pair) if trip else None
    if pair is None:
        return None
    named = {m.country_code for m in ctx.countries if not _is_context(ctx.text, m)}
    named |= {m.country_code for m in ctx.people if m.country_code}
    return pair if len(named) == 1 and named <= set(pair) else None


_ON_SOIL = re.compile(r"^\s+soil\b", re.IGNORECASE)
_ON_BEFORE = re.compile(r"\b(?:on|onto)\s+$", re.IGNORECASE)


def soil_destination(ctx: _SentenceContext, anchor: Anchor, clause: tuple[int, int]) -> Mention | None:
    """The destination of a visit written as a country's soil ("a working visit of a few hours on Ghanaian soil",
    "set foot on Chinese soil"): the country in the anchor's clause between "on" and "soil", which hosts the
    visit. None when the clause has no such phrase."""
    if anchor.kind != "visit":
        return None
    for m in ctx.countries:
        if (
            clause[0] <= m.start < clause[1]
            and _ON_SOIL.match(ctx.text[m.end :])
            and _ON_BEFORE.search(ctx.text[max(0, m.start - 8) : m.start])
        ):
            return m
    return None


_WITNESS_BEFORE = re.compile(
    r"\b(?:at\s+the\s+(?:\w+\s+)?invitation\s+of|in\s+the\s+presence\s+of|hosted\s+by|mediated\s+by|brokered\s+by|"
    r"witnessed\s+by)\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]*|of|and)\s+){0,6}$"
)
"""Before a person, the words that make them the host or witness of others' engagement ("at the invitation of
President Ana Duarte", "in the presence of Qatari Minister of State Khalid Nasser")."""


def without_witnesses(ctx: _SentenceContext) -> _SentenceContext:
    """The sentence's context without the people who host or witness an engagement of two others, and the
    countries named in their titles: a summit "with the participation of Presidents Ruto (Kenya) and Museveni
    (Uganda), at the invitation of President Ana Duarte" is between Kenya and Uganda. Only when the others
    name exactly two countries without the witness's: "visited Japan at the invitation of Prime Minister
    Kishida" keeps its host, who is one of the pair."""
    spans, codes = [], set()
    for m in ctx.people:
        found = _WITNESS_BEFORE.search(ctx.text[max(0, m.start - 90) : m.start])
        if found and m.country_code:
            spans.append((m.start - len(found.group()), m.end))
            codes.add(m.country_code)
    if not spans:
        return ctx

    def in_witness(m: Mention) -> bool:
        return any(start <= m.start < end for start, end in spans)

    countries = [m for m in ctx.countries if not in_witness(m)]
    people = [m for m in ctx.people if not in_witness(m)]
    others = {m.country_code for m in countries if not _is_context(ctx.text, m) and not _is_place(ctx.text, m)}
    others |= {m.country_code for m in people if m.country_code}
    if len(others) != 2 or others & codes:
        return ctx
    return replace(ctx, countries=countries, people=people)


_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their|its)\s+$", re.IGNORECASE)
_PEERS_AFTER = re.compile(
    r"^\s+(?:counterparts|colleagues|leaders|presidents|prime\s+ministers|(?:foreign|defen[cs]e)\s+ministers)\b",
    re.IGNORECASE,
)


def three_sides(ctx: _SentenceContext) -> bool:
    """Whether the sentence's engagement has three sides: a pair written as someone's peers ("her Latvian and
    Finnish counterparts") beside a third country that is a party ("The Estonian president, together with
    her Latvian and Finnish counterparts, will travel to Tartu"). The guide's engagements have exactly two
    countries, so such a sentence states none, and the pair of the peers is not to be taken for one."""
    countries = [m for m in ctx.countries if not _is_context(ctx.text, m) and not _is_place(ctx.text, m)]
    for start, end, codes in _structured_pairs(ctx.text, countries):
        if (
            _POSSESSIVE_BEFORE.search(ctx.text[max(0, start - 8) : start])
            and _PEERS_AFTER.match(ctx.text[end:])
            and {m.country_code for m in countries} - codes
        ):
            return True
    return False


_THE_ENGAGEMENT = re.compile(
    r"\b(?:the|that)\s+(?P<noun>meeting|talks|summit|visit|trip|call|phone\s+call|agreement|deal)\b", re.IGNORECASE
)
_NOUN_KIND = {"meeting": "meeting", "talks": "meeting", "summit": "meeting", "visit": "visit", "trip": "visit"}


_DOMESTIC_PARTY = re.compile(
    r"\b(?:(?:congressional|parliamentary|opposition|party|cabinet|provincial|regional|local|union|tribal|"
    r"religious)\s+(?:leaders|lawmakers|members|officials|chiefs)|lawmakers|legislators|parliamentarians|senators|"
    r"governors|the\s+cabinet|the\s+opposition)\b",
    re.IGNORECASE,
)


def is_domestic(ctx: _SentenceContext) -> bool:
    """Whether a sentence states an engagement at home: it names at most one country, by its countries and its
    people's (not as context), and a domestic party ("Harlow met with congressional leaders at the presidential palace",
    "the president met opposition lawmakers"). A sentence that names one side only may leave the other unnamed
    ("Ruto received the visiting minister"), which is no domestic meeting (``refers_to_unpaired``)."""
    codes = {m.country_code for m in ctx.countries if not _is_context(ctx.text, m)}
    codes |= {m.country_code for m in ctx.people if m.country_code}
    return len(codes) <= 1 and bool(_DOMESTIC_PARTY.search(ctx.text))


def refers_to_unpaired(text: str, unpaired: set[str]) -> bool:
    """Whether a sentence's "the meeting" ("After the meeting, Speaker Jonas said ...") points to the
    engagement of that kind the sentence before it stated without a foreign side (``is_domestic``) ("Harlow met with congressional
    leaders at the presidential palace"; ``unpaired``: the kinds of such engagements): that is a domestic meeting, and the
    sentence must not take the pair of an older engagement of the article by coreference."""
    return any(
        _NOUN_KIND.get(re.sub(r"\s+", " ", m.group("noun").lower()), m.group("noun").lower().split()[-1]) in unpaired
        for m in _THE_ENGAGEMENT.finditer(text)
    )
