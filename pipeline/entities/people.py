"""People: the spans that name a person in a sentence (from the model, the title patterns, a quotation's speaker
and the bare surnames of people named in full), one row per mention, and each person's identity, role and country
across the article."""

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from pipeline.countries import gazetteer, role_country
from pipeline.entities.known_people import acts_for_an_organisation, known_country
from pipeline.entities.lexicon import (
    CUE_WORDS,
    EVENT_WORDS,
    INSTITUTION_WORDS,
    LEAD_WORDS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    _is_company_word,
    _is_vocabulary,
)
from pipeline.entities.offices import one_holder_per_office
from pipeline.entities.roles import SHORT_TITLES, _role_parse, _RoleParse
from pipeline.entities.sentence import WORD, _previous_word, _Sentence
from pipeline.entities.sides import sentence_sides
from pipeline.entities.visitors import settle_visitors, trip_destinations
from pipeline.person_names import (
    HONORIFICS,
    NAME_PARTICLES,
    key_tokens,
    name_parts,
    person_key,
    resolve_partial,
    strip_honorifics,
)

NAME_TOKEN = (
    r"(?:[A-Z][\w’'\-]*\.?|(?:bin|bint|ibn|al|el|de|da|van|von|der|di|du|dos|das|la|le|del)(?=\s[A-Z]))"
)
INITIAL_TOKEN = re.compile(r"^[A-Z]\.?$")
ENDS_WITH_INITIAL = re.compile(r"\b[A-Z]\.$")
NON_SPACE_RUN = re.compile(r"\S+")
NAME_RUN = re.compile(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN})*")
CAPITALISED_WORD_AFTER = re.compile(r"\s+[A-Z]")
MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
DAY_AFTER = re.compile(r"\.?\s*\d{1,2}\b")
"""With MONTH_ABBREVIATIONS: a capitalised month abbreviation before a day number is a date ("Mar 10"), though
"Jan" or "Mar" alone may be a given name."""
NAME_END_WORDS = frozenset(NAME_PARTICLES | EVENT_WORDS)
"""Words that never end a name: particles ("bin", "van") and words of events; one set, built once."""
QUOTE_ATTRIBUTION = re.compile(
    r"[,?!][\"”’']\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s+(?:said|says|told|added|stated|noted|insisted)\b"
)


def _name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim titles, country forms, honorifics and clause openers off a candidate span; None when no real name
    remains. A span is also cut before a capitalised "The" and after a possessive ("Modi's Office" is Modi's), and
    a span with a slash is a photo credit ("Jane Doe/Agency"), never a person in the story. Words of events end
    a name: a title-case headline runs the name into them ("Donald Trump Cancels Visit" is Donald Trump), and a
    span of such words alone ("Annual Consultations") is no name."""
    tokens = list(NON_SPACE_RUN.finditer(text[start:end]))
    while tokens and (_is_title_token(tokens[0].group()) or tokens[0].group()[:1].islower()):
        tokens.pop(0)
    if any("/" in t.group() for t in tokens):
        return None
    cut = next((i for i, t in enumerate(tokens) if i and t.group() == "The"), None)
    if cut is not None:
        tokens = tokens[:cut]
    owner = next((i for i, t in enumerate(tokens[:-1]) if t.group().endswith(("'s", "’s"))), None)
    if owner is not None:
        tokens = tokens[: owner + 1]
    while tokens and tokens[-1].group().lower().strip(",.") in NAME_END_WORDS:
        tokens.pop()
    if not tokens:
        return None
    span_start, span_end = start + tokens[0].start(), start + tokens[-1].end()
    span = text[span_start:span_end]
    while span and span[-1] in ",.;:" and not ENDS_WITH_INITIAL.search(span):
        span_end -= 1
        span = span[:-1]
    if span.endswith(("'s", "’s")):
        span_end -= 2
        span = span[:-2]
    words = span.split()
    if not 1 <= len(words) <= 6 or any(map(str.isdigit, span)):
        return None
    if len(words) == 1 and words[0].lower().rstrip(".") in MONTH_ABBREVIATIONS and DAY_AFTER.match(text, span_end):
        return None  # "(Mar 10)" is a date
    significant = [w for w in words if not INITIAL_TOKEN.match(w) and w.lower() not in NAME_PARTICLES]
    if not significant or not all(w[:1].isupper() for w in significant):
        return None
    if all(_is_vocabulary(w) or w in gazetteer() or w.isupper() for w in significant):
        return None
    return span_start, span_end


def _is_title_token(token: str) -> bool:
    """Does a span's first token belong before the name rather than in it: a word of the lexicon or the gazetteer,
    an abbreviated title ("PM"), or a word that opens a clause ("On Thursday", "However", "In Mumbai")? A news
    sentence often runs such words straight into a name, and the model then tags them as part of it."""
    bare = token.rstrip(",.:;")
    return _is_vocabulary(bare) or bare in SHORT_TITLES or bare.lower() in LEAD_WORDS


def _pattern_people(text: str, sentence: _Sentence) -> list[tuple[int, int]]:
    """Capitalised runs next to a title or honorific, which the model may miss ('of Japan Kono Taro'), and the
    speaker named right after a quotation ('..." Diallo said')."""
    spans = []
    for quoted in QUOTE_ATTRIBUTION.finditer(sentence.text):
        span = _name_span(text, sentence.start + quoted.start(1), sentence.start + quoted.end(1))
        if span and not any(_is_company_word(w) for w in text[span[0] : span[1]].split()):
            spans.append(span)
    for run in NAME_RUN.finditer(sentence.text):
        start, end = sentence.start + run.start(), sentence.start + run.end()
        titles = [
            w
            for w in WORD.finditer(text, start, end)
            if w.group().lower().rstrip(".") in ROLE_HEADS or w.group() in SHORT_TITLES
        ]
        if titles:
            start = titles[-1].end()
        span = _name_span(text, start, end)
        if not span:
            continue
        parse = _role_parse(text, sentence, span[0], before=True)
        previous = _previous_word(text, span[0]).lower().rstrip(".")
        if (
            parse.role
            or parse.counterpart
            or previous in HONORIFICS
            or text[start : span[0]].strip()
            or _role_parse(text, sentence, span[1], before=False).role
        ):
            spans.append(span)
    return spans


def _person_spans(text: str, sentence: _Sentence, doc) -> list[tuple[int, int]]:
    """The spans naming a person in one sentence: the model's PERSON entities (``doc``, None when the model did not
    read the sentence), trimmed by ``_name_span``, and the names the title patterns found. Overlapping spans merge
    into one; a span inside a gazetteer match is the place or body the gazetteer knows and is dropped, unless the
    match is a capital, whose name may also be a person's."""
    spans = []
    for ent in doc.ents if doc is not None else []:
        if ent.label_ == "PERSON":
            span = _name_span(text, sentence.start + ent.start_char, sentence.start + ent.end_char)
            if span:
                spans.append(span)
    spans += (
        sentence.pattern_people if sentence.pattern_people is not None else _pattern_people(text, sentence)
    )
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            if span[1] > kept[-1][1]:
                kept[-1] = (kept[-1][0], span[1])
            continue
        kept.append(span)
    covered = [(m.start, m.end) for m in sentence.matches if m.entry.kind != "capital"]
    return [
        s
        for s in kept
        if not any(cs <= s[0] and s[1] <= ce for cs, ce in covered) and not _names_no_person(text, sentence, *s)
    ]


VENUE_AFTER = re.compile(
    r"\s+(?:presidential\s+)?(?:palace|residence|press\s+service|pool\b|region\b|province\b)|\s+[A-Z][a-z]+\s+of\s+"
    r"Representatives\b"
)
VENUE_BEFORE = re.compile(r"\b(?:palace|office|residence|headquarters),\s+$")
PORTFOLIO_BEFORE = re.compile(r"\b(?:Minister|Ministry)\s+(?:of|for)\s+(?:the\s+)?(?P<word>[A-Z][\w-]*\s+)?$")
ADVERB_OPENING = re.compile(r"[A-Z][a-z]{3,}ly,")
MIXED_ABBREVIATION = re.compile(r"^[A-Z][a-z]?[A-Z]+s?$")


def _names_no_person(text: str, sentence: _Sentence, start: int, end: int) -> bool:
    """Whether a capitalised span names something other than a person, as its context shows: an institution or
    a venue (its last word, or the next, an institution noun: "Joint Border Committee", "Estonian Parliament";
    followed by the kind of place or body it is: "Miraflores presidential palace", "Akorda press service", "Great
    Lakes region"; in apposition to one: "the presidential office, Cheong Wa Dae"), a portfolio in a title
    ("Minister of European Integration", "Diaspora Affairs Minister"), an
    adverb opening the sentence ("Previously, the president ...") or an abbreviation in mixed case ("MoU"). The
    model tags such words as people; a person's name is followed by none of these."""
    words = text[start:end].split()
    if not words:
        return True  # a blank span names no one
    following = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    after = following.group() if following else ""
    if words[-1].lower() in INSTITUTION_WORDS or (after[:1].isupper() and after.lower() in INSTITUTION_WORDS):
        return True
    if VENUE_AFTER.match(text, end) or VENUE_BEFORE.search(text, sentence.start, start):
        return True
    portfolio = PORTFOLIO_BEFORE.search(text, max(sentence.start, start - 40), start)
    qualifier = (portfolio.group("word") or "").strip() if portfolio else ""
    if portfolio and (
        not qualifier  # "Minister of Integration"; "Minister of European Integration", not "of Defense Onodera"
        or (
            _is_vocabulary(qualifier)
            and qualifier.lower() not in ROLE_MODIFIERS | ROLE_HEADS
            and getattr(gazetteer().get(qualifier), "kind", None) != "name"
        )
    ):
        return True
    if len(words) == 1 and after[:1].isupper() and after.lower() in ROLE_HEADS | ROLE_MODIFIERS:
        return True
    if start == sentence.start and ADVERB_OPENING.match(text, start):
        return True
    return len(words) == 1 and MIXED_ABBREVIATION.match(words[0]) is not None


def _surname_sweep(
    text: str, sentences: list[_Sentence], people: list[dict]
) -> list[tuple[_Sentence, int, int]]:
    """Bare name tokens of the article's people named in full or with initials ("Xi", "Jaishankar") that the model
    did not see or missed; they become partial mentions, linked only when a single full name of the article contains
    them."""
    surnames = {
        token
        for p in people
        if len(p["name"].split()) >= 2
        for token in p["name"].split()
        if token[:1].isupper() and len(token) >= 2
    }
    taken = {(p["start_char"], p["end_char"]) for p in people}
    covered = [(p["start_char"], p["end_char"]) for p in people]
    starts = [s.start for s in sentences]
    found = []
    for surname in sorted(surnames):
        if _is_vocabulary(surname) or INITIAL_TOKEN.match(surname):
            continue
        for start in _bare_word_starts(text, surname):
            span = (start, start + len(surname))
            if span in taken or any(s <= span[0] < e for s, e in covered):
                continue
            index = bisect_right(starts, span[0]) - 1
            if index >= 0:
                found.append((sentences[index], *span))
    return found


def _bare_word_starts(text: str, word: str) -> list[int]:
    r"""Where ``word`` stands as a whole word not followed by a capitalised one: the matches of
    ``\bword\b(?!\s+[A-Z])``, found with str.find rather than a pattern compiled for every name."""
    starts = []
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (
            _is_word_char_at(text, start - 1) != _is_word_char_at(text, start)
            and _is_word_char_at(text, end - 1) != _is_word_char_at(text, end)
            and not CAPITALISED_WORD_AFTER.match(text, end)
        ):
            starts.append(start)
            start = text.find(word, end)
        else:
            start = text.find(word, start + 1)
    return starts


def _is_word_char_at(text: str, pos: int) -> bool:
    r"""Is text[pos] a character ``\w`` matches (nothing outside the text is), as ``\b`` decides?"""
    return 0 <= pos < len(text) and (text[pos].isalnum() or text[pos] == "_")


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

    A partial name joins the article's unique full name that contains it (``persons.resolve_partial``). All the
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
