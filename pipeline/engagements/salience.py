"""People an engagement's sentence refers to without naming them: by a pronoun ("He arrived in Lome on Monday"),
by their office ("the foreign minister is expected to visit Niger", "The UAE president arrived in Pakistan",
"Qatar's emir visited Jordan") or by the offices of both sides ("The two leaders will discuss bilateral
relations", "both heads of state are expected to sign"). By the annotation guide the people of the two countries
take part, and a report names them once and then refers to them. Each reference resolves by salience: to the
person of the article that fits it and was named last before it; an office none of whose holders the article
gives the side's country may mean a holder whose country it does not tell (``_unknown_holders``). Only a side of
the pair that the row does not already have a participant of is filled, and never with a person of a third
country.
"""

from __future__ import annotations

import re

import polars as pl

PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
"""A third-person singular pronoun: it refers to the person named last before it."""
PRONOUN_REACH = 2
"""How many sentences before a pronoun its person may be named: further back, another may have become salient
in sentences that name nobody (an official quoted without a name, a country)."""

_ROLE = (
    r"heads?\s+of\s+(?:state|government)|leaders?|presidents?|prime\s+ministers?|premiers?|foreign\s+ministers?|"
    r"ministers?\s+of\s+foreign\s+affairs|"
    r"top\s+diplomats?|ministers?|kings?|emirs?|amirs?|sultans?|chancellors?"
)
BOTH_SIDES = re.compile(
    rf"\b(?:(?:[Tt]he|[Tt]heir)\s+two|[Bb]oth(?:\s+the)?|[Tt]he)\s+(?P<role>(?i:{_ROLE}))\b"
    rf"|^(?P<opening>(?i:{_ROLE}))\s+of\b"
)
"""A reference to the office-holders of both sides: "the two leaders", "both heads of state", "the presidents",
"Presidents of Kazakhstan and Uzbekistan ..." opening a sentence. Only a plural office counts."""
_OF_PLACE = r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?(?:the\s+)?[A-Z][\w'’-]*)*)?"
"""The "of" phrase of an office ("of the Republic of Guatemala"): capitalised words only."""
ONE_SIDE = re.compile(
    rf"\b(?P<role>(?i:{_ROLE}))\b(?!\s*,?\s+[A-Z][a-z]|{_OF_PLACE}\s*,\s+(?:[A-Z][a-z]*\.\s+)*(?!(?:His|Her)\b)[A-Z][a-z])"
)
"""An office not followed by the name of its holder, before it or in apposition ("the prime minister", not
"Prime Minister Sharif" nor "the Minister of Foreign Affairs of Latvia, Krisjanis Karins")."""
_DEFINITE = re.compile(r"\b[Tt]he\s+$")
_POSSESSIVE_OR_SPACE = re.compile(r"^(?:['’]s)?\s+(?:(?:[Tt]he)\s+)?$")
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")

HEADS = {
    "president",
    "prime minister",
    "premier",
    "king",
    "queen",
    "emir",
    "amir",
    "sultan",
    "chancellor",
    "leader",
}
"""Offices a "leader" or "head of state/government" may hold."""
FOREIGN_MINISTERS = {
    "foreign minister",
    "foreign affairs minister",
    "minister of foreign affairs",
    "external affairs minister",
    "secretary of state",
}


def _is_plural(words: str) -> bool:
    """Whether a role phrase names several holders: its head word, before any "of", is plural."""
    return words.split()[0].lower().endswith("s") if " of" in words.lower() else words.lower().endswith("s")


def _office(words: str) -> str:
    """The singular office of a role phrase: "heads of state" -> "head of state", "Presidents" -> "president"."""
    office = re.sub(r"\s+", " ", words.lower()).replace("heads of", "head of")
    if office.endswith("of foreign affairs"):
        office = "foreign minister"
    return office[:-1] if office.endswith("s") and not office.endswith("ss") else office


def fits(office: str, role: str | None) -> bool:
    """Whether a person of this role may be referred to by this office: "leader" and "head of state" fit any head
    of state or government, "minister" any minister but the prime minister, "top diplomat" a foreign minister;
    otherwise the role is the office ("emir" and "amir" are one). A vice, deputy or former holder does not fit."""
    role = (role or "").lower()
    if not role or re.search(r"\b(?:vice|deputy|former|ex|acting)\b", role):
        return False
    if office in ("leader", "head of state", "head of government"):
        return role in HEADS
    if office in ("foreign minister", "top diplomat"):
        return role in FOREIGN_MINISTERS
    if office == "minister":
        return "minister" in role and "prime" not in role or role in FOREIGN_MINISTERS
    if office == "premier":
        return role in ("premier", "prime minister")
    if office in ("emir", "amir"):
        return role in ("emir", "amir")
    return role == office


def _references(text: str, countries: list[dict], start: int) -> list[tuple[int, str, str | None, bool]]:
    """The references to people in a sentence (``text``, starting at article offset ``start``), each as (article
    offset, office or "" for a pronoun, the country qualifying the office or None, whether it names both sides).
    A single office counts only with a determiner or a country before it ("the president", "Qatar's emir",
    "The Mexican president") or "of" a country after it ("the President of Guatemala")."""
    found = [(start + m.start(), "", None, False) for m in PRONOUN.finditer(text)]
    for m in BOTH_SIDES.finditer(text):
        words = m.group("role") or m.group("opening")
        if _is_plural(words):
            found.append((start + m.start(), _office(words), None, True))
    for m in ONE_SIDE.finditer(text):
        if _is_plural(m.group("role")):
            continue
        before = [c for c in countries if c["end_char"] <= start + m.start()]
        qualifier = next(
            (
                c["country_code"]
                for c in reversed(before)
                if _POSSESSIVE_OR_SPACE.match(text[c["end_char"] - start : m.start()])
            ),
            None,
        )
        after = _OF_AFTER.match(text, m.end())
        if qualifier is None and after:
            qualifier = next(
                (c["country_code"] for c in countries if c["start_char"] == start + after.end()), None
            )
        if qualifier is not None or _DEFINITE.search(text[max(0, m.start() - 4) : m.start()]):
            found.append((start + m.start(), _office(m.group("role")), qualifier, False))
    offices = sorted(f[0] for f in found if f[1])
    return [f for f in found if f[1] or not _follows_office(f[0], offices, start)]


def _follows_office(position: int, offices: list[int], start: int) -> bool:
    """Whether an office reference comes before a pronoun in its sentence: the pronoun then refers to the person
    of that office ("Eritrean President arrived ... amid rumours of his death"), who is resolved as the office."""
    return any(start <= office < position for office in offices)


def _salient(people: list[dict], position: int, office: str, sides: set[str], sentence: int) -> dict | None:
    """The person a reference at ``position`` (in sentence number ``sentence``) means: for a pronoun (``office``
    empty), the person named last before it, if of one of ``sides`` and named at most ``PRONOUN_REACH`` sentences
    before; for an office, the person of one of ``sides`` holding it who was named last before
    it, else the only such person of the article. "Minister" alone fits many people of one side: it means the
    side's only minister."""
    before = [p for p in people if p["start_char"] < position]
    if not office:
        last = before[-1] if before else None
        if last is None or sentence - last["sentence_index"] > PRONOUN_REACH:
            return None
        return last if last["country_code"] in sides else None
    fitting = [p for p in people if p["country_code"] in sides and fits(office, p["role"])]
    if office == "minister" and len({p["person_id"] for p in fitting}) > 1:
        return None  # "both the Ministers" may be two of one side: a side's one minister only
    earlier = [p for p in fitting if p["start_char"] < position]
    if earlier:
        return earlier[-1]
    return fitting[0] if len({p["person_id"] for p in fitting}) == 1 else None


def with_referred_people(
    rows: list[dict],
    starts: dict[int, int],
    mentions: list[dict],
    people: list[dict],
    persons: dict[str, dict],
) -> list[dict]:
    """``rows`` (one article's engagement mentions) where a side of the pair without a participant takes the
    person its sentence refers to by a pronoun or an office (module docstring). ``starts`` gives each sentence's
    article offset, ``mentions`` the country mentions of the rows' sentences, ``people`` the article's linked
    person mentions (all its sentences: the person may be named well before). Changed in place and returned."""
    if not rows or not people:
        return rows
    named = sorted(
        (
            {
                "person_id": m["entity_id"].removeprefix("person:"),
                "start_char": m["start_char"],
                "sentence_index": m["sentence_index"],
                "country_code": m["country_code"] or persons.get(m["entity_id"][7:], {}).get("country_code"),
                "role": persons.get(m["entity_id"][7:], {}).get("role"),
                "text": m["text"],
            }
            for m in people
            if (m["entity_id"] or "").startswith("person:")
        ),
        key=lambda p: p["start_char"],
    )
    countries: dict[int, list[dict]] = {}
    for m in mentions:
        if m["label"] == "COUNTRY" and m["country_code"]:
            countries.setdefault(m["sentence_index"], []).append(m)
    for row in rows:
        pair = {row["country_a"], row["country_b"]}
        start = starts.get(row["sentence_index"])
        if start is None or _named_in_passing(row):
            continue
        for position, office, qualifier, both in _references(
            row["sentence"], countries.get(row["sentence_index"], []), start
        ):
            missing = pair - {p["country_code"] for p in row["participants"]}
            sides = missing & ({qualifier} if qualifier else pair)
            for side in sorted(sides) if both else [None]:
                person = _salient(named, position, office, {side} if side else sides, row["sentence_index"])
                if person is not None:
                    _take_part(row, person, persons)
            left = sides - {p["country_code"] for p in row["participants"]}
            unknown = _unknown_holders(named, office, row) if office and left else []
            if unknown and len(unknown) == (len(left) if both else 1):
                for person in unknown:
                    _take_part(row, person, persons)
    return rows


def _named_in_passing(row: dict) -> bool:
    """Whether a row is an engagement its sentence names in passing by the year alone, a year before its report
    ("reiterated their commitment based on the 2008 Joint Declaration"): the people the sentence refers to act in
    what it reports, not in that engagement."""
    published, start = row.get("published_date"), row.get("start_date")
    return bool(row.get("date_precision") == "year" and published and start and start.year < published.year)


def _unknown_holders(people: list[dict], office: str, row: dict) -> list[dict]:
    """The article's holders of an office whose country it does not tell, not yet taking part in ``row``, one
    mention each. When a side has no holder of the office that the reference names, and the article names just
    as many holders of it without a country as there are such sides, they are the ones ("Youssef Karimi, Minister of
    Foreign Affairs of the Tunisian Republic" and "his counterpart Omar Belkacem" are "the two ministers")."""
    found: dict[str, dict] = {}
    for p in people:
        if (
            p["country_code"] is None
            and p["person_id"] not in row["participant_person_ids"]
            and fits(office, p["role"])
        ):
            found.setdefault(p["person_id"], p)
    return list(found.values())


def _take_part(row: dict, person: dict, persons: dict[str, dict]) -> None:
    """Add a person to a row's participants, once."""
    if person["person_id"] in row["participant_person_ids"]:
        return
    info = persons.get(person["person_id"], {})
    row["participants"].append(
        {
            "person_id": person["person_id"],
            "name": info.get("name") or person["text"],
            "role": info.get("role"),
            "country_code": person["country_code"],
        }
    )
    row["participant_person_ids"].append(person["person_id"])


def people_by_article(entity_mentions: pl.DataFrame, articles: pl.DataFrame) -> dict[str, list[dict]]:
    """The linked person mentions of each of ``articles`` (all its sentences), for ``with_referred_people``."""
    if not entity_mentions.height or not articles.height:
        return {}
    return (
        entity_mentions.filter((pl.col("label") == "PERSON") & pl.col("entity_id").str.starts_with("person:"))
        .join(articles.select("article_id").unique(), on="article_id", how="semi")
        .select("article_id", "sentence_index", "start_char", "text", "entity_id", "country_code")
        .rows_by_key("article_id", named=True, unique=False)
    )
