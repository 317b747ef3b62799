"""Countries, places and organisations: what each gazetteer match in a sentence stands for, and the national bodies
the gazetteer does not list.

Rules:
- Country names, short forms and demonyms are COUNTRY, unless glued to an unknown capitalised word ("Chad Smith",
  "Michael Jordan"), which makes them part of a name, or, for a demonym, naming a language ("French-speaking").
- A capital or seat of government is COUNTRY when it stands for the government ("Tokyo said") and LOCATION with that
  country when named as a place: after a locative word ("in Tokyo", "visit to Beijing"), before ", <country>" or a
  capitalised word ("Tokyo Olympics").
- "Georgia" is the US state (LOCATION, USA) when the sentence names another US state or Atlanta.
- Institutions whose name identifies a country ("the Kremlin") and "<country form> <institution>" phrases ("Indian
  navy", "Japanese Ministry of Defense", "India's Ministry of External Affairs") are ORGANIZATION with that country.
  A generic national body without qualifier ("the Ministry of Defence") gets the article's home country: the country
  with most COUNTRY mentions in the article, by a margin.
- Multilateral bodies are ORGANIZATION without country; large cities, US states and regions are LOCATION.
"""

import re
from collections import Counter

from pipeline.countries import GazetteerEntry, GazetteerMatch, find_gazetteer_matches, gazetteer
from pipeline.entities.lexicon import ORG_HEADS, ROLE_MODIFIERS, _is_company_word, _is_vocabulary
from pipeline.entities.sentence import WORD_WINDOW, _mention, _next_word, _previous_word, _Sentence

COUNTRY_KINDS = {"name", "demonym", "capital"}
HOME_COUNTRY_MARGIN = 1.5
GENERIC_ORG_HEADS = "Ministry|Department|Office|Embassy"
GENERIC_ORG_HEAD = re.compile(GENERIC_ORG_HEADS)
"""Any head word, without the word boundary: a scan for these literals skips the sentences GENERIC_ORG cannot match
faster than GENERIC_ORG, whose leading boundary test runs at every position."""
GENERIC_ORG = re.compile(
    rf"\b(?:{GENERIC_ORG_HEADS}) (?:of|for) (?:the )?"
    r"[A-Z][\w’']*(?:,? (?:and |of |& )?[A-Z][\w’']*)*"
)
ORG_HEAD_AFTER = re.compile(
    r"\s+((?:[a-z]+ ){0,2}?)(?:" + "|".join(re.escape(head) for head in ORG_HEADS) + r")\b"
    r"(?!\s+(?:training\s+)?(?:exercises?|drills?|manoeuvres|maneuvers|war\s*games)\b)"
)
LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|to|into|from|near|outside|inside|across|around|towards?|via|visiting|visited|visit|reached|"
    r"pay|paid|pays|paying|city of|capital|streets of)\s+)$",
    re.IGNORECASE,
)
ORGANISATION_AFTER = re.compile(r"\s+((?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*)")


AMBIGUOUS_READINGS = {
    "Congo": ("name", ("COD", "COG")),
    "Congolese": ("demonym", ("COD", "COG")),
    "Korea": ("name", ("KOR", "PRK")),
    "Korean": ("demonym", ("KOR", "PRK")),
    "Koreans": ("demonym", ("KOR", "PRK")),
}
"""Short forms that news uses for one of two countries, with the countries they may stand for."""


def _resolve_ambiguous(matches: list[GazetteerMatch]) -> list[GazetteerMatch]:
    """An article's gazetteer matches with each short form of two countries ("Congo", "Korea", "Korean") read as
    the one of its two countries that the article's other matches name (a full name, a demonym or a capital:
    "Brazzaville" or "Republic of Congo" make "Congo" COG, "Kinshasa" or "DRC" COD; "South Korea" or "Seoul" make
    "Korea" KOR). When the article names both or neither, the match stays ambiguous: a guess would put a wrong
    country into the engagement's pair."""
    if not any(m.entry.kind == "ambiguous" and m.text in AMBIGUOUS_READINGS for m in matches):
        return matches
    named = {m.entry.country_code for m in matches if m.entry.kind in COUNTRY_KINDS | {"institution"}}
    resolved = []
    for m in matches:
        reading = AMBIGUOUS_READINGS.get(m.text) if m.entry.kind == "ambiguous" else None
        if reading:
            kind, codes = reading
            found = [code for code in codes if code in named]
            if len(found) == 1:
                m = m._replace(entry=GazetteerEntry(kind, found[0], m.entry.key))
        resolved.append(m)
    return resolved


def _ranked_countries(mentions: list[dict]) -> list[tuple[str, int]]:
    """The article's countries and their COUNTRY mention counts, most named first (ties in order of first mention):
    whom a visitor with no stated country may belong to (``visitors.visitor_country``)."""
    return Counter(m["country_code"] for m in mentions if m["label"] == "COUNTRY").most_common()


def _second_country(mentions: list[dict], home: str | None) -> str | None:
    """The country with most COUNTRY mentions after the home country, when there is a home country and one
    such runner-up: in a story of a visit, the visitor's country (``people._resolve_people``)."""
    ranked = Counter(m["country_code"] for m in mentions if m["label"] == "COUNTRY").most_common(3)
    if home is None or len(ranked) < 2 or (len(ranked) == 3 and ranked[1][1] == ranked[2][1]):
        return None
    return ranked[1][0]


def _home_country(mentions: list[dict]) -> str | None:
    """The country an article is mainly about: most COUNTRY mentions, by a margin (x1.5 the runner-up)."""
    ranked = Counter(m["country_code"] for m in mentions if m["label"] == "COUNTRY").most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < HOME_COUNTRY_MARGIN * ranked[1][1]):
        return None
    return ranked[0][0]


def _glued_to_name(text: str, match: GazetteerMatch, sentence_start: int) -> bool:
    """A one-word country form next to an unknown capitalised word is part of a person's or a brand's name, unless
    it is a demonym and the words after it name an organisation ("Vietnamese Communist Party")."""
    if " " in match.text or match.text.isupper():
        return False
    after = _next_word(text, match.end)
    if match.entry.kind == "demonym" and _names_organisation(text, match.end):
        return False
    if (
        after[:1].isupper()
        and after[1:2].islower()
        and not _is_vocabulary(after)
        and after not in gazetteer()
    ):
        return True
    before = _previous_word(text, match.start)
    return (
        match.start - len(before) - 1 > sentence_start
        and before[:1].isupper()
        and before[1:2].islower()
        and not _is_vocabulary(before)
        and before not in gazetteer()
    )


_LANGUAGE_AFTER = re.compile(r"[-\s](?:speaking|speakers?|language|languages|medium)\b", re.IGNORECASE)
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:speak|speaks|spoke|spoken|speaking|teach|teaches|teaching|taught|learn|learns|learning|learnt|learned|"
    r"study|studying|translated|translation|fluent|proficiency|courses?|classes|lessons)(?:\s+(?:of|in|into))?\s+$",
    re.IGNORECASE,
)
_PHRASE_ENDS = re.compile(r"\s*(?:[,.;:)!?]|$|\s(?:in|at|for|to|by|with|as|from|and|or)\b)")
_IN_BEFORE = re.compile(r"\b(?:in|into)\s+$", re.IGNORECASE)
_SENTENCE_PART_ENDS = re.compile(r"\s*(?:[.;:)!?]|$)")
"""A demonym alone between "in" and the end of a sentence part is the language talks are held in ("The talks were
held in French.")."""


def _names_language(text: str, match: GazetteerMatch) -> bool:
    """Whether a demonym names a language, not its country ("French-speaking countries", "Spanish-language press",
    "the teaching of Spanish in Guyana", "she speaks Russian", "held in French."): a language names no side of anything. It does when
    a word of speaking follows it, or when a word of speaking, teaching or learning stands right before it and the
    demonym qualifies no noun after it (it ends its phrase)."""
    if _LANGUAGE_AFTER.match(text, match.end):
        return True
    before = text[max(0, match.start - 40) : match.start]
    if _IN_BEFORE.search(before) and _SENTENCE_PART_ENDS.match(text, match.end):
        return True
    return bool(_LANGUAGE_BEFORE.search(before)) and bool(_PHRASE_ENDS.match(text, match.end))


def _organisation_country_before(text: str, sentence: _Sentence, end: int) -> GazetteerMatch | None:
    """The demonym of "Vietnamese Communist Party General Secretary": the title belongs to that country's body
    (``end``: where the words before the title end)."""
    for match in sentence.matches:
        if (
            match.entry.kind == "demonym"
            and match.entry.country_code
            and match.end < end
            and _organisation_run(text, match.end, end, whole=True)
        ):
            return match
    return None


def _names_organisation(text: str, pos: int) -> bool:
    """Do the next one to three capitalised words hold an organisation word ("Communist Party")?"""
    return _organisation_run(text, pos, pos + WORD_WINDOW, whole=False)


def _organisation_run(text: str, start: int, end: int, *, whole: bool) -> bool:
    """One to three capitalised words from ``start`` (filling up to ``end`` when ``whole``), one an organisation word."""
    run = (ORGANISATION_AFTER.fullmatch if whole else ORGANISATION_AFTER.match)(text, start, end)
    return bool(run) and any(_is_company_word(word) for word in run.group(1).split())


def _capital_is_place(text: str, match: GazetteerMatch, sentence_start: int) -> bool:
    """Is this capital named as a place rather than standing for its government? It is when a locative word comes
    right before it ("in Tokyo", "visit to Beijing"; within the sentence), or ", <country name>" ("Tokyo, Japan") or
    an unknown capitalised word ("Tokyo Olympics") right after it. Otherwise "Tokyo said" speaks for Japan."""
    if LOCATIVE_BEFORE.search(text[max(sentence_start, match.start - 20) : match.start]):
        return True
    after = text[match.end : match.end + 40]
    if re.match(r",\s+\S", after):
        following = find_gazetteer_matches(after[1:].lstrip())
        if following and following[0].start == 0 and following[0].entry.kind == "name":
            return True
    word = _next_word(text, match.end)
    return bool(word[:1].isupper()) and not _is_vocabulary(word) and word not in gazetteer()


def _org_phrase_after(text: str, pos: int) -> int | None:
    """End of an institution phrase ("'s defence ministry", " Ministry of Defense") after a country form. A head
    word that qualifies an exercise ("the Chile-Peru joint military training exercise", "a US naval drill") names
    no body: the country form stays a side of the exercise."""
    offset = 2 if text[pos : pos + 2].lower() in ("'s", "’s") else 0
    if not text[pos + offset : pos + offset + 1].isspace():
        return None  # both patterns start with whitespace
    rest = text[pos : pos + 80]
    lowered = rest.lower()
    found = GENERIC_ORG.match(rest, offset + 1) if rest[offset : offset + 1] == " " else None
    if found:
        return pos + found.end()
    match = ORG_HEAD_AFTER.match(lowered, offset)
    if match and all(w in ROLE_MODIFIERS for w in match.group(1).split()):
        return pos + match.end()
    return None


def _gazetteer_mentions(text: str, sentence: _Sentence) -> list[dict]:
    """The mention each gazetteer match of the sentence makes, in order. The gazetteer says what a string can be;
    its neighbours say which reading this sentence uses:

    - a one-word country form glued to an unknown capitalised word ("Chad Smith") is part of a name: no mention;
    - a demonym that names a language ("French-speaking", "the teaching of Spanish") names no country: no mention;
    - "Georgia" beside a US state or Atlanta is the US state (LOCATION, USA);
    - a country form followed by an institution phrase ("India's Ministry of External Affairs", "Indian navy") is
      that country's ORGANIZATION, and the mention spans the phrase;
    - a capital named as a place ("in Tokyo") is a LOCATION; any other country form (a capital standing for its
      government: "Tokyo said") is the COUNTRY;
    - institutions and multilateral bodies are ORGANIZATION (with the country the gazetteer gives, if any), and
      everything else (cities, states, regions) is a LOCATION.

    A match that starts inside the previous mention (a word of an institution phrase) makes none of its own."""
    mentions = []
    skip_until = -1
    for m in sentence.matches:
        if m.start < skip_until:
            continue
        kind, code = m.entry.kind, m.entry.country_code
        label, entity_id, end = None, None, m.end
        if kind in COUNTRY_KINDS and _glued_to_name(text, m, sentence.start):
            continue
        if kind == "demonym" and _names_language(text, m):
            continue
        if (
            kind in {"name", "demonym"}
            and code == "GEO"
            and m.text == "Georgia"
            and _names_us_state(sentence)
        ):
            label, entity_id, code = "LOCATION", "loc:georgia (us)", "USA"
        elif kind in {"name", "demonym", "capital"} and (org_end := _org_phrase_after(text, m.end)):
            label, end = "ORGANIZATION", org_end
            entity_id = f"org:{code}:{_normalise_org(text[m.end : org_end]).lower()}"
        elif kind == "capital" and _capital_is_place(text, m, sentence.start):
            label, entity_id = "LOCATION", f"loc:{m.entry.key}"
        elif kind in COUNTRY_KINDS:
            label, entity_id = "COUNTRY", f"country:{code}"
        elif kind in {"institution", "multilateral"}:
            label, entity_id = "ORGANIZATION", f"org:{m.entry.key}"
        else:
            label, entity_id = "LOCATION", f"loc:{m.entry.key}"
        skip_until = end
        mentions.append(_mention(sentence, m.start, end, text[m.start : end], label, entity_id, code))
    return mentions


def _names_us_state(sentence: _Sentence) -> bool:
    """Does the sentence name a US state or Atlanta (then "Georgia" is the state)?"""
    return any(m.entry.kind == "state" for m in sentence.matches) or "Atlanta" in sentence.text


def _normalise_org(text: str) -> str:
    """An institution phrase as its entity id spells it: no leading possessive, title case with "of", "for", "the"
    and "and" in lowercase, "Defense" as "Defence": "'s defence ministry" and " Defence Ministry" are one body."""
    cleaned = re.sub(r"^(?:'s|’s)?\s+", "", text).strip()
    cleaned = re.sub(
        r"\bDefense\b", "Defence", cleaned.title().replace(" Of ", " of ").replace(" For ", " for ")
    )
    return cleaned.replace(" The ", " the ").replace(" And ", " and ")


def _generic_orgs(
    text: str, sentence: _Sentence, gazetteer_mentions: list[dict], home: str | None
) -> list[dict]:
    """National bodies named by their generic title ("the Ministry of Defence", "Department of State"), which no
    gazetteer can list, as ORGANIZATION mentions; those overlapping a gazetteer mention of the sentence ("India's
    Ministry of External Affairs") are already taken. The owner is the country named right after the phrase
    ("... of <country>"), which the mention then spans, else the article's home country (None when it has none):
    a news article names its own country's ministries without saying whose they are."""
    mentions = []
    if not GENERIC_ORG_HEAD.search(sentence.text):
        return mentions
    taken = [(m["start_char"], m["end_char"]) for m in gazetteer_mentions]
    for found in GENERIC_ORG.finditer(sentence.text):
        start, end = sentence.start + found.start(), sentence.start + found.end()
        if any(s < end and start < e for s, e in taken):
            continue
        qualifier = re.match(r"\s+of\s+", text[end : end + 5])
        owner = home
        if qualifier:
            after = [
                m for m in sentence.matches if m.start == end + qualifier.end() and m.entry.kind == "name"
            ]
            if after:
                owner, end = after[0].entry.country_code, after[0].end
        name = _normalise_org(text[start:end])
        mentions.append(
            _mention(
                sentence, start, end, text[start:end], "ORGANIZATION", f"org:{owner}:{name.lower()}", owner
            )
        )
    return mentions
