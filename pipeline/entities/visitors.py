"""Visitors: the people a text sends on a trip, and the countries they go to. A person travelling to a country is a
guest there, not one of its officials, so the article's country that a person without a stated country falls back
on is never one of their destinations (``people._resolve_people``)."""

import re

from pipeline.countries import gazetteer
from pipeline.entities.lexicon import ROLE_HEADS
from pipeline.entities.offices import SINGLE_HOLDER_ROLES

TRIP_AFTER_NAME = re.compile(
    r"(?:['’]s\s+)?(?:[\w-]+\s+){0,6}?will\s+(?:involve|include)\s+(?:visits?|trips?|stops?)\s+(?:to|in)\s+|"
    r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\s+(?:to|of)\s+|"
    r",?\s+who\s+(?:is|was|will\s+be)\s+on\s+an?\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\s+to\s+"
)
"""Right after a person's name, a trip of theirs: "Grybauskaite's upcoming visit to Poland", "Abe, who is on a visit
to Sri Lanka", "Wong's second trip to the Pacific will involve visits to Samoa and Tonga"."""

TRAVEL_VERB = re.compile(
    r"\s*,?\s+(?:(?:will|would|is|are|was|were|has|have|had)\s+)?(?:(?:set|due|scheduled|expected|about)\s+)?"
    r"(?:to\s+)?(?:"
    r"arriv(?:e[sd]?|ing)\s+(?:in|at)|visit(?:s|ed|ing)?|"
    r"(?:travel(?:s|led|ed|ling|ing)?|fl(?:y|ies|ew|ying)|head(?:s|ed|ing)?|go(?:es|ing)?|went)"
    r"(?:\s+out)?(?:\s+(?:on|this|last|next)\s+[A-Z]?[a-z]+)?\s+(?:to|for\s+(?:an?\s+)?(?:visits?|talks)\s+(?:to|in))|"
    r"land(?:s|ed|ing)?\s+in|"
    r"(?:is|are|was|were)?\s*on\s+(?:his|her|their)\s+way\s+to|"
    r"embark(?:s|ed|ing)?\s+on\s+an?\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\s+to"
    r")\s+"
)
"""After the subject a person's name stands in, a verb of travel and its preposition: "arrived in", "visited",
"travelled to", "flew out for visits to", "is heading to", "are on their way to", "set to embark on a brief regional
tour to". The closed class of verbs of motion towards a place, with the auxiliaries and the plan words of a trip
to come."""

SUBJECT_WORDS = frozenset({"and", "as", "well", "of", "the", "for", "de", "del", "da", "bin", "al", "el"})
"""Lowercase words that may stand inside a list of people and their titles ("Jon Ark, Minister of Energy, and Ida
Brun, as well as the Prime Minister"), besides the role nouns ("Ion Tabac and the ministers"): a travel verb after
such a run has the whole list for its subject."""

SUBJECT_TOKEN = re.compile(r"\s*(?:,|[A-Z][\w'’.-]*|[a-z]+)")
DESTINATION = re.compile(r"(?:the\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3})")
AND_ANOTHER = re.compile(r"\s*(?:,|,?\s+and)\s+")
NEXT_LEG = re.compile(
    r"\s*,?\s+(?:following|after|before|then)\s+(?:(?:a|an|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:visit|trip|stop|stay)\s+(?:to|in)\s+"
)
"""After a trip's destinations, another leg of the same tour: "for visits to Palau and Nauru, following a trip to
Kiribati last month", "after a stop in Nauru"."""
SUBJECT_REACH = 300
"""How far after a name a travel verb is looked for, through the subject's list of names and titles."""


def trip_destinations(text: str, start: int, end: int, sentence_end: int) -> set[str]:
    """The countries (codes) a person named at text[start:end] travels to, as the sentence states it right after
    the name: a trip of theirs ("Holt's visit to Samoa") or a verb of travel whose subject the name is in, alone or
    listed with others and their titles ("Ana Lind, Minister of Energy, and Ivo Sarn are heading to Ukraine"). A
    destination is a country's name, demonym or capital, a list of them ("visits to Samoa and Tonga"), and the
    other legs of the tour the sentence names after them ("following a visit to Fiji"). Why: the
    subject of a trip to a country is its guest, whatever country the story is told from."""
    found = TRIP_AFTER_NAME.match(text, end)
    at = found.end() if found else _after_subject(text, end, min(sentence_end, end + SUBJECT_REACH))
    if at is None:
        return set()
    codes = set()
    while (place := DESTINATION.match(text, at, sentence_end)) is not None:
        code = _country_of(place.group("place"))
        if code is None:
            break
        codes.add(code)
        joined = NEXT_LEG.match(text, place.end(), sentence_end) or AND_ANOTHER.match(text, place.end(), sentence_end)
        if not joined:
            break
        at = joined.end()
    return codes


def _after_subject(text: str, end: int, limit: int) -> int | None:
    """Where the place after a travel verb starts, when that verb follows the name with only the rest of a list of
    people between (capitalised words, commas and the lowercase words of ``SUBJECT_WORDS``); None otherwise."""
    at = end
    while at < limit:
        verb = TRAVEL_VERB.match(text, at, limit)
        if verb:
            return verb.end()
        token = SUBJECT_TOKEN.match(text, at, limit)
        if not token:
            return None
        word = token.group().strip()
        if word[:1].islower() and word not in SUBJECT_WORDS and word.removesuffix("s") not in ROLE_HEADS:
            return None
        at = token.end()
    return None


def _country_of(place: str) -> str | None:
    """The country a place's words name (its longest opening that the gazetteer knows), if any."""
    words = place.split()
    for n in range(len(words), 0, -1):
        entry = gazetteer().get(" ".join(words[:n]))
        if entry is not None and entry.country_code:
            return entry.country_code
    return None


def visitor_country(destinations: set[str], ranked: list[tuple[str, int]]) -> str | None:
    """The country of a person the article sends to ``destinations``, with no country of their own stated: the
    article's most named country (``ranked``: codes and mention counts, most named first) that is none of the places
    they go to, if it is the article's second country or named more than once; else None. A story of a visit names
    the host most and the guest's country next, but a tour's story names each of its stops; a third country named
    once is named in passing."""
    return next(
        (code for rank, (code, count) in enumerate(ranked) if code not in destinations and (rank == 1 or count > 1)),
        None,
    )


def settle_visitors(
    people: list[dict], visiting: dict[str, set[str]], by_mentions: list[tuple[str, int]]
) -> None:
    """Give each visitor (``visiting``: person key to their destinations) the article's most named country that is
    none of their destinations and none whose holder of the visitor's office the text names with that country (in
    place): a country has one foreign minister at a time, so a guest foreign minister touring the region in a story
    that also names "Chinese Foreign Minister Wang Yi" is not Chinese (``offices.SINGLE_HOLDER_ROLES``)."""
    held = {
        (p["country_code"], p["role"].lower(), p["person_key"])
        for p in people
        if p["role"] and p["country_evidence"] in ("known", "explicit", "role") and not p["role_is_former"]
    }
    for key, destinations in visiting.items():
        group = [p for p in people if p["person_key"] == key]
        role = (group[0]["role"] or "").lower()
        taken = {code for code, held_role, holder in held if held_role == role and holder != key}
        barred = destinations | (taken if role in SINGLE_HOLDER_ROLES else set())
        country = visitor_country(barred, by_mentions)
        for p in group:
            p["country_code"] = country
