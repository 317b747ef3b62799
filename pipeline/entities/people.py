"""People: one row per mention of a person (its spans found by ``pipeline.entities.person_spans``), and each
person's identity, role and country across the article."""

import re
from collections import Counter
from dataclasses import replace

from pipeline.countries import role_country
from pipeline.entities.known_people import acts_for_an_organisation, known_country
from pipeline.entities.lexicon import CUE_WORDS, _is_vocabulary
from pipeline.entities.offices import one_holder_per_office
from pipeline.entities.roles import _role_parse, _RoleParse
from pipeline.entities.sentence import _Sentence
from pipeline.entities.sides import sentence_sides
from pipeline.entities.visitors import settle_visitors, trip_destinations
from pipeline.person_names import key_tokens, name_parts, person_key, resolve_partial, strip_honorifics


def _longer_full_names(full_keys: list[str]) -> dict[str, str]:
    """Within one article, a full name whose words are all in exactly one longer full name of the article is that
    person named shorter ("López Obrador" and "Andrés Manuel López Obrador", "Gabriel Boric" and "Gabriel Boric
    Font"): it maps to the longest such name. With two candidates, or none, it stays as it is. The longer name's
    extra words must not be words of the lexicon: a headline run ("Donald Trump Cancels Visit") is no fuller name."""
    token_sets = {key: set(key.split()) for key in full_keys}
    mapping = {}
    for key, tokens in token_sets.items():
        supersets = [
            other
            for other, others in token_sets.items()
            if tokens < others and not any(t in CUE_WORDS or _is_vocabulary(t) for t in others - tokens)
        ]
        maximal = [k for k in supersets if not any(token_sets[k] < token_sets[o] for o in supersets)]
        if len(maximal) == 1:
            mapping[key] = maximal[0]
    return mapping


def _surname_joins_its_initials(people: list[dict]) -> None:
    """A bare surname still unresolved ("Jaishankar") joins the article's one partial name of the same tokens
    written with initials ("S Jaishankar"), in place: with no full name in the article, the two are one person,
    and the initialled form is the one a title or qualifier stands beside ("External Affairs Minister S
    Jaishankar"), so its country and role reach the bare surname (annotation guide: a surname alone later in
    the article is the same person)."""
    partial = [p for p in people if not p["is_full_name"] and "|" in p["person_key"]]
    initialled = {p["person_key"] for p in partial if key_tokens(p["person_key"])[1]}
    for person in partial:
        tokens, initials = key_tokens(person["person_key"])
        same = [k for k in initialled if key_tokens(k)[0] == tokens]
        if not initials and len(same) == 1:
            person["person_key"] = same[0]


def _resolve_people(
    text: str,
    people: list[dict],
    home: str | None,
    second: str | None = None,
    by_mentions: list[tuple[str, int]] | None = None,
    sentence_ends: dict[int, int] | None = None,
) -> None:
    """Article-level identity, role and country for every person mention (in place).

    A partial name joins the article's unique full name that contains it (``person_names.resolve_partial``). All the
    mentions of one person then share one role (a current one before a former one, the official title before a
    paraphrase, then the most frequent, then the longest), one organisation, and one country: the country of a
    well-known office holder (``known_people``: a fact, surer than any reading of the text; none for one named in
    an organisation's office, ``acts_for_an_organisation``), else an explicit qualifier
    or the country the sentence has them act for ("signed on behalf of Zimbabwe", ``sides.sentence_sides``),
    else the country a one-country title implies, else, for someone with a role or an organisation, the article's
    home country; but someone the text sends on a trip to the home country ("President Dalia Grybauskaite's
    upcoming visit to Poland", ``visitors.trip_destinations``) is a visitor there, and takes the article's most
    named country that is none of their destinations (nor of a counterpart's country: "her Zambian counterpart")
    nor has its own holder of their office named
    (``visitors.settle_visitors``, ``by_mentions`` most named first; failing it, the article's second country
    ``second``): a story of a visit names the host most, and the visitor's country next; and an
    unqualified office the home
    country's named holder already fills is the second country's (``offices.one_holder_per_office``). A "counterpart" without a role of their own takes the role of the person named before them in the
    sentence ("Jaishankar met his counterpart Wang Yi")."""
    full_keys = sorted({p["person_key"] for p in people if p["is_full_name"]})
    longer = _longer_full_names(full_keys)
    for person in people:
        if person["is_full_name"]:
            person["person_key"] = longer.get(person["person_key"], person["person_key"])
    full_keys = sorted({p["person_key"] for p in people if p["is_full_name"]})
    for person in people:
        if not person["is_full_name"]:
            person["person_key"] = resolve_partial(person["person_key"], full_keys) or person["person_key"]
    _surname_joins_its_initials(people)
    by_key: dict[str, list[dict]] = {}
    for person in people:
        by_key.setdefault(person["person_key"], []).append(person)
    visiting: dict[str, set[str]] = {}
    stated, not_of = sentence_sides(text, people, sentence_ends)
    stated_of = {id(people[index]): code for index, code in stated.items()}
    for group in by_key.values():
        roles = Counter(
            (p["parse"].role, p["parse"].former, p["parse"].formal) for p in group if p["parse"].role
        )
        role, former = (None, False)
        if roles:
            ranked = max(roles.items(), key=lambda i: (not i[0][1], i[0][2], i[1], len(i[0][0].split())))
            role, former = ranked[0][0], ranked[0][1]
        organization = next((p["parse"].organization for p in group if p["parse"].organization), None)
        explicit = Counter(
            p["parse"].country or stated_of[id(p)] for p in group if p["parse"].country or id(p) in stated_of
        )
        country, evidence = None, None
        if known := next((code for p in group if (code := known_country(p["person_key"]))), None):
            acting_for_a_body = any(acts_for_an_organisation(text, p["start_char"]) for p in group)
            country, evidence = (None, None) if acting_for_a_body else (known, "known")
        elif explicit:
            country, evidence = explicit.most_common(1)[0][0], "explicit"
        elif role_country(role):
            country, evidence = role_country(role), "role"
        elif (role or organization) and home:
            destinations = _destinations(text, group, sentence_ends) | not_of.get(group[0]["person_key"], set())
            if home in destinations and by_mentions:
                visiting[group[0]["person_key"]] = destinations
            country = second if home in destinations else home
            evidence = "article"
        for p in group:
            p.update(
                role=role,
                role_is_former=former,
                country_code=country,
                country_evidence=evidence,
                organization=organization,
            )
    settle_visitors(people, visiting, by_mentions or [])
    one_holder_per_office(people, home, second)
    for person in people:
        if person["parse"].counterpart and not person["role"]:
            before = [
                p
                for p in people
                if p["sentence_index"] == person["sentence_index"]
                and p["start_char"] < person["start_char"]
                and p["person_key"] != person["person_key"]
            ]
            if before and before[-1]["role"]:
                for p in by_key[person["person_key"]]:
                    p.update(role=before[-1]["role"], role_is_former=before[-1]["role_is_former"])


def _destinations(text: str, group: list[dict], sentence_ends: dict[int, int] | None) -> set[str]:
    """The countries any mention of one person travels to (``visitors.trip_destinations``), each read up to the
    end of the mention's sentence (the text's end when sentence ends are not given)."""
    found: set[str] = set()
    for p in group:
        end = sentence_ends[p["sentence_index"]] if sentence_ends else len(text)
        found |= trip_destinations(text, p["start_char"], p["end_char"], end)
    return found


def _person_row(text: str, sentence: _Sentence, start: int, end: int) -> dict:
    """One person mention before the article-level pass: the name without honorifics, its key, whether it is a
    full name (two tokens besides initials), and what the titles say. A title before the name that gives a role (or
    "counterpart") wins, and the apposition after the name adds its organisation and, failing one before, its
    country; without one, the apposition's parse counts, with the country from before the name if it names none."""
    name = strip_honorifics(text[start:end])
    tokens, initials = name_parts(name)
    parse = _role_parse(text, sentence, start, before=True)
    after = _role_parse(text, sentence, end, before=False)
    if not parse.role and not parse.counterpart:
        parse = _RoleParse(
            after.role,
            after.former,
            after.country or parse.country,
            after.organization,
            after.counterpart,
            after.formal,
        )
    else:
        parse = replace(
            parse,
            organization=after.organization or parse.organization,
            country=parse.country or after.country,
        )
    return {
        "sentence_index": sentence.index,
        "start_char": start,
        "end_char": end,
        "text": text[start:end],
        "name": name,
        "person_key": person_key(tokens, initials),
        "is_full_name": len(tokens) >= 2,
        "parse": parse,
    }


REFERENCE_ROLE = re.compile(
    r"(?:\s+and\s+[A-Z][\w’'-]+)?\s+(?P<role>(?i:presidents?|prime\s+ministers?|PMs?|premiers?|leaders?|"
    r"heads?\s+of\s+(?:state|government)|foreign\s+ministers?|top\s+diplomats?))\b(?!\s*,?\s+[A-Z])"
)
REFERENCE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w’'-]+\s+and\s+)?$")
HEADS_OF_STATE = {"President", "Prime Minister", "Premier", "King", "Chancellor", "Emir", "Sultan", "Leader"}
REFERENCE_ROLES = {
    "president": {"President"},
    "prime minister": {"Prime Minister", "Premier"},
    "pm": {"Prime Minister", "Premier"},
    "premier": {"Prime Minister", "Premier"},
    "leader": HEADS_OF_STATE,
    "head of state": HEADS_OF_STATE,
    "head of government": HEADS_OF_STATE,
    "foreign minister": {"Foreign Minister", "Secretary of State", "External Affairs Minister"},
    "top diplomat": {"Foreign Minister", "Secretary of State", "External Affairs Minister"},
}


def _descriptive_references(text: str, sentences: list[_Sentence], people: list[dict]) -> list[dict]:
    """Mentions of a person by country and role instead of by name: "the Chilean president", "the Togolese
    leader", "the Uzbek and Kazakh presidents" (one mention for each). Each refers to the article's person of that
    country whose current role fits ("leader" and "head of state" fit any head of state or government), when there
    is exactly one; the mention spans the role words and carries that person's name, key, role and country, so that
    the person takes part in the engagement the sentence states. Run after ``_resolve_people``, on the sentences that
    hold a demonym."""
    found = []
    for sentence in sentences:
        for match in sentence.matches:
            if match.entry.kind != "demonym" or not match.entry.country_code:
                continue
            if not REFERENCE_BEFORE.search(text[max(sentence.start, match.start - 40) : match.start]):
                continue
            role = REFERENCE_ROLE.match(text, match.end, sentence.end)
            if not role:
                continue
            wanted = (
                re.sub(r"\s+", " ", role.group("role").lower()).replace("heads of", "head of").rstrip("s")
            )
            fits = REFERENCE_ROLES.get(wanted, set())
            keys = {
                p["person_key"]
                for p in people
                if p["country_code"] == match.entry.country_code
                and p["role"] in fits
                and not p["role_is_former"]
            }
            if len(keys) != 1:
                continue
            (key,) = keys
            person = max((p for p in people if p["person_key"] == key), key=lambda p: len(p["name"]))
            start, end = role.start("role"), role.end("role")
            found.append(
                {
                    **{k: v for k, v in person.items() if k not in ("start_char", "end_char", "text")},
                    "sentence_index": sentence.index,
                    "start_char": start,
                    "end_char": end,
                    "text": text[start:end],
                    "parse": _RoleParse(),
                }
            )
    return found
