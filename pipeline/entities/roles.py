"""Titles: the role, country and organisation a title or an apposition gives the name beside it ("then Japanese
Foreign Minister Kono Taro", "Kono Taro, the Japanese Ambassador to India,"), in one canonical spelling."""

import re
from dataclasses import dataclass

from pipeline.countries import GazetteerMatch, country_name
from pipeline.entities.lexicon import ENVOY_HEADS, FORMER_WORDS, ROLE_HEADS, ROLE_WORDS, _is_vocabulary
from pipeline.entities.places import COUNTRY_KINDS, GENERIC_ORG, _normalise_org, _organisation_country_before
from pipeline.entities.sentence import WORD, _next_word, _previous_word, _Sentence
from pipeline.person_names import HONORIFICS

LAST_WORD = re.compile(r"(?s:.*)(?<![\w.])([\w.]+)")
"""The word a text ends with, as a full match (see ``sentence.PREVIOUS_WORD``)."""
APPOSITION_START = re.compile(
    r"\s*,\s*(?:who (?:is|was|became)\s+|(?:(?:newly|recently|just)\s+)?"
    r"(?:sworn\s+in|elected|re-elected|appointed|named|inaugurated)\s+as\s+)?(?:(?:the|a|an)\s+)?"
)
"""The opening of an apposition after a name: a comma, then "who is", or the office the person took ("Jonas
Petraitis, sworn in as Lithuania's president on Friday,", "who became Chile's foreign minister"), whose title
gives the person's role and country as a plain apposition's does."""
SHORT_TITLES = {"PM": "prime minister", "PMs": "prime ministers"}
"""Abbreviated titles, read in capitals only (lowercase "pm" is a clock time): "Pakistan PM Shehbaz Sharif" is its
Prime Minister."""
ORG_AFTER_ROLE = re.compile(rf"\s+(?:in|at|of) (?:the )?({GENERIC_ORG.pattern[2:]})")


def normalise_role(words: list[str], country: str | None = None) -> str | None:
    """Canonical spelling of a title: 'Defence Minister', 'Foreign Minister', 'Secretary of Defense', ..."""
    phrase = " ".join(SHORT_TITLES.get(w.strip(",."), w.lower().strip(",.")) for w in words if w)
    phrase = re.sub(r"\bministers\b", "minister", phrase).replace("defense", "defence")
    phrase = re.sub(
        r"^(deputy |state |junior |union )?minister (?:of|for) (?:the )?(.+)$", r"\1\2 minister", phrase
    )
    phrase = phrase.replace("foreign affairs minister", "foreign minister")
    phrase = re.sub(r"^(.*)\bsecretary of defence\b", r"\1secretary of defense", phrase)
    if phrase == "defence secretary" and country == "USA":
        phrase = "secretary of defense"
    if not phrase or phrase.split()[-1] in {"counterpart", "counterparts"}:
        return None
    small = {"of", "for", "to", "the", "and"}
    return " ".join(w if w in small else w.capitalize() for w in phrase.split())


def _country_match_ending(sentence: _Sentence, pos: int) -> GazetteerMatch | None:
    """The country form of the sentence that ends at ``pos``, alone or before a possessive ("Japanese", "Japan's",
    "Philippines'"): the country of the title that follows it, or of the name after "Minister of Japan"."""
    for m in sentence.matches:
        if (
            m.entry.kind in COUNTRY_KINDS
            and m.entry.country_code
            and (
                m.end == pos
                or (
                    m.end == pos - 2
                    and sentence.text[m.end - sentence.start : pos - sentence.start] in ("'s", "’s")
                )
                or (
                    m.end == pos - 1
                    and m.text.endswith("s")
                    and sentence.text[m.end - sentence.start : pos - sentence.start] in ("'", "’")
                )
            )
        ):
            return m
    return None


def _country_match_at(sentence: _Sentence, pos: int) -> GazetteerMatch | None:
    """The country form of the sentence that starts at ``pos``: the country of an apposition ("Kono, Japan's
    ...") or the one after "of", "from" or "to"."""
    return next((m for m in sentence.matches if m.start == pos and m.entry.kind in COUNTRY_KINDS), None)


@dataclass
class _RoleParse:
    """What a title or an apposition says about the name beside it: the canonical role, whether it is a former
    one, the country and the organisation it names, whether it is a "counterpart" (who takes the role of the person
    named before), and whether it is written as the official, capitalised title."""

    role: str | None = None
    former: bool = False
    country: str | None = None
    organization: str | None = None
    counterpart: bool = False
    formal: bool = False


def _role_before(text: str, sentence: _Sentence, name_start: int) -> _RoleParse:
    """Title right before a name: '[then] [Japanese|Japan's] Foreign Minister [of Japan] NAME'. The title ends at a
    comma: in "to meet Tonga's Deputy Prime Minister, Foreign Minister Winston Peters said", the words before the
    comma are another person's title, so neither they nor their country are the name's; but "his Zambian
    counterpart, President Hakainde Hichilema" is one person's, a counterpart being no title of its own."""
    parse = _RoleParse()
    left = text[sentence.start : name_start].rstrip()
    while (word := LAST_WORD.fullmatch(left)) and word.group(1).lower().rstrip(".") in HONORIFICS:
        left = left[: word.start(1)].rstrip()
    pos = sentence.start + len(left)
    if left.endswith(","):
        pos -= 1
    qualifier = _country_match_ending(sentence, pos)
    if qualifier and re.search(r"\b(?:of|from)\s+$", text[sentence.start : qualifier.start]):
        parse.country = qualifier.entry.country_code
        pos = sentence.start + len(
            re.sub(r"\s*\b(?:of|from)\s+$", "", text[sentence.start : qualifier.start])
        )
    words = list(WORD.finditer(text, sentence.start, pos))
    role_words: list[str] = []
    index = len(words) - 1
    while index >= 0 and words[index].end() >= pos - 1 - sum(len(w) + 1 for w in role_words):
        word = words[index].group().lower().rstrip(".")
        if (
            word in ROLE_WORDS
            or words[index].group() in SHORT_TITLES
            or (role_words and word in {"of", "for"})
        ) and not (
            role_words
            and "," in text[words[index].end() : words[index + 1].start()]
            and not word.startswith("counterpart")
        ):
            role_words.insert(0, words[index].group())
            index -= 1
            continue
        break
    while role_words and role_words[0].lower() in {"of", "for"}:
        role_words.pop(0)
    if not any(_is_role_head(w) for w in role_words):
        previous = words[-1].group().lower().rstrip(".") if words and words[-1].end() >= pos - 1 else ""
        return parse if previous not in HONORIFICS else _RoleParse(country=parse.country)
    role_start = words[index + 1].start()
    former_prefix = role_words[0].lower().startswith("ex-")
    if former_prefix:
        role_words[0] = role_words[0][3:]
    parse.counterpart = role_words[-1].lower().startswith("counterpart")
    title_start = role_start
    while title_start > 0 and text[title_start - 1].isspace():
        title_start -= 1
    tenure_start, tenure = _tenure_before(text, sentence, title_start)
    before = (
        _country_match_ending(sentence, title_start)
        or _organisation_country_before(text, sentence, title_start)
        or (_country_match_ending(sentence, tenure_start) if tenure else None)
    )
    if before and not parse.country:
        parse.country = before.entry.country_code
        role_start = before.start
    previous = _previous_word(text, role_start).lower()
    parse.former = former_prefix or previous in FORMER_WORDS or bool(tenure & FORMER_WORDS)
    parse.role = normalise_role(role_words, parse.country)
    parse.formal = _is_formal(role_words)
    return parse


TENURE_WORDS = frozenset(
    {"new", "newly", "recently", "freshly", "just", "incoming", "current", "sitting", "serving", "acting", "interim"}
    | {"caretaker", "long-serving", "newly-appointed", "newly-elected", "sworn"}
    | {"elected", "re-elected", "appointed", "named", "installed", "designated", "sworn-in", "then"}
)
"""Words of a title's tenure that stand between a country and the title ("New Zealand's recently appointed Deputy
Prime Minister", "Japan's new prime minister"): the country still qualifies the title, as it does with the words
of a former tenure (``FORMER_WORDS``: "Chile's former president")."""
TENURE_WORD_BEFORE = re.compile(r"([\w-]+)\s*$")


def _tenure_before(text: str, sentence: _Sentence, title_start: int) -> tuple[int, set[str]]:
    """Where the run of tenure words (``TENURE_WORDS``, ``FORMER_WORDS``; at most three) right before a title
    starts, and its words (lowercased; empty when there are none)."""
    start, words = title_start, set()
    for _ in range(3):
        found = TENURE_WORD_BEFORE.search(text, sentence.start, start)
        word = found.group(1).lower() if found else ""
        if word not in TENURE_WORDS | FORMER_WORDS:
            break
        words.add(word)
        start = found.start(1)
        while start > sentence.start and text[start - 1].isspace():
            start -= 1
    return start, words


FRIENDLY_COUNTRY = re.compile(
    r"\s+(to|of)\s+(?:the\s+)?(?:(?:sisterly|brotherly|friendly|fraternal|neighbou?ring|sister|brother)\s+)?"
)
"""Between a title and its country: "to", "of", and the courtesy of Gulf and Arab state media ("Sultan Haitham,
Sultan of the sisterly Sultanate of Oman", "President of the brotherly State of Kuwait"): the adjective
does not stop the title from naming the country, as "of the" alone would otherwise do."""


MEMBER_AND = re.compile(r"(?:MP|MEP|lawmaker|senator|Senator)\s*(?:,|and)\s+")
"""A seat in parliament before the title of an apposition ("Daniel Mensah, MP and Senior Adviser to the President
of Ghana"): the title that follows is the one to read."""
ADVISER_TO_LEADER = re.compile(
    r"\s+to\s+(?:the\s+)?(?:Prime\s+Minister|President|King|Emir|Amir|Chancellor|Premier|Crown\s+Prince|Sultan)"
    r"\s+of\s+(?:the\s+)?"
)
"""After a title, the leader it serves, then that leader's country ("Senior Adviser to the President of
Ghana"): an adviser is of the country whose leader he advises, where "Ambassador to Japan" is not of Japan."""


def _role_after(text: str, sentence: _Sentence, name_end: int) -> _RoleParse:
    """Apposition after a name: 'NAME, the Japanese Ambassador to India,' / 'NAME, joint secretary in ...'."""
    parse = _RoleParse()
    found = APPOSITION_START.match(text, name_end, sentence.end)
    if not found:
        of_country = re.match(r"\s+(?:of|from)\s+(?:the\s+)?", text[name_end : sentence.end])
        qualifier = _country_match_at(sentence, name_end + of_country.end()) if of_country else None
        if qualifier and qualifier.entry.country_code:
            parse.country = qualifier.entry.country_code
        return parse
    pos = found.end()
    member = MEMBER_AND.match(text, pos, sentence.end)
    if member:
        pos = member.end()
    former = re.match(r"(?:then|former|ex-|erstwhile|outgoing)\s*", text[pos : sentence.end])
    if former:
        parse.former, pos = True, pos + former.end()
    qualifier = _country_match_at(sentence, pos)
    if qualifier:
        parse.country = qualifier.entry.country_code
        pos = qualifier.end + (2 if text[qualifier.end : qualifier.end + 2] in ("'s", "’s") else 0)
    role_words = []
    for word in WORD.finditer(text, pos, sentence.end):
        if text[pos : word.start()].strip():
            break
        lowered = word.group().lower().rstrip(".,")
        if (
            lowered in ROLE_WORDS
            or word.group().rstrip(",") in SHORT_TITLES
            or (role_words and lowered in {"of", "for"} and _next_is_role(text, word.end()))
        ):
            role_words.append(word.group().rstrip(","))
            pos = word.end()
            if word.group().endswith(","):
                break
            continue
        break
    if not any(_is_role_head(w) for w in role_words):
        return _RoleParse()
    to_country = FRIENDLY_COUNTRY.match(text[pos : sentence.end])
    target = _country_match_at(sentence, pos + to_country.end()) if to_country else None
    if _title_of_next_name(text, sentence, target.end if target else pos):
        return _RoleParse()
    if target and to_country.group(1) == "to" and role_words[-1].lower() in ENVOY_HEADS:
        role_words += ["to", country_name(target.entry.country_code) or target.text]
    elif target and to_country.group(1) == "of":
        parse.country = parse.country or target.entry.country_code
        if _is_plural_head(role_words[-1]):
            parse.country = _respective_country(sentence, target) or parse.country
    if not parse.country and (leader := ADVISER_TO_LEADER.match(text, pos, sentence.end)):
        served = _country_match_at(sentence, leader.end())
        parse.country = served.entry.country_code if served else None
    org = ORG_AFTER_ROLE.match(text, pos, sentence.end)
    if org:
        parse.organization = _normalise_org(org.group(1))
    parse.role = normalise_role(role_words, parse.country)
    parse.formal = _is_formal(role_words)
    parse.counterpart = role_words[-1].lower().startswith("counterpart")
    return parse


def _role_parse(text: str, sentence: _Sentence, position: int, *, before: bool) -> _RoleParse:
    """``_role_before`` (``before``) or ``_role_after`` a name's edge, computed once per sentence: the title patterns
    and the person rows both ask for it. Callers must not change the parse they get."""
    parses = sentence.role_parses
    if parses is None:
        parses = sentence.role_parses = {}
    parse = parses.get((before, position))
    if parse is None:
        parse = parses[before, position] = (_role_before if before else _role_after)(text, sentence, position)
    return parse


NEXT_NAME = re.compile(r"\s+([A-Z][\w’'\-]+)")


def _title_of_next_name(text: str, sentence: _Sentence, pos: int) -> bool:
    """Does the title that ends at ``pos`` run straight into a name ("Putin, Pakistani Prime Minister Shehbaz
    Sharif", "Mirziyoyev, President of Kazakhstan Kassym-Jomart Tokayev")? Then it is the title of that next name,
    in a list or a preposed phrase, and says nothing about the name before the comma."""
    found = NEXT_NAME.match(text, pos, sentence.end)
    if not found:
        return False
    word = found.group(1)
    return not _is_vocabulary(word) and not any(m.start == found.start(1) for m in sentence.matches)


def _respective_country(sentence: _Sentence, first: GazetteerMatch) -> str | None:
    """The last country of a list after a plural title ("A and B, the Prime Ministers of India and Pakistan"):
    the countries go respectively with the names listed, so the name right before the apposition takes the last
    one. None when no list follows the first country."""
    last = None
    pos = first.end
    while True:
        joint = re.match(r"\s*(?:,|and|,\s*and)\s+", sentence.text[pos - sentence.start :])
        if not joint:
            return last
        following = _country_match_at(sentence, pos + joint.end())
        if not following or not following.entry.country_code:
            return last
        last, pos = following.entry.country_code, following.end


def _is_plural_head(word: str) -> bool:
    """Is the word a title head in the plural ("Ministers", "Presidents", "PMs")?"""
    bare = word.rstrip(",.")
    return bare == "PMs" or (bare.lower().endswith("s") and bare[:-1].lower() in ROLE_HEADS)


def _is_role_head(word: str) -> bool:
    """Is the word the head of a title: a role head of the lexicon, or an abbreviated one ("PM")?"""
    return word.lower().rstrip(".") in ROLE_HEADS or word.rstrip(",.") in SHORT_TITLES


def _is_formal(role_words: list[str]) -> bool:
    """A capitalised title ("External Affairs Minister") is the official one; lowercase is a paraphrase."""
    return all(w[:1].isupper() for w in role_words if w.lower() not in {"of", "for", "to", "the", "and"})


def _next_is_role(text: str, pos: int) -> bool:
    """Is the word after ``pos`` a role word? Then an "of" or "for" before it continues the title ("Minister of
    State for External Affairs") rather than ending it."""
    word = _next_word(text, pos)
    return word.lower().rstrip(".,") in ROLE_WORDS
