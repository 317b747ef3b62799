"""Who a meeting is held with: the person or people a meeting trigger names as its object ("met Foreign Minister
X", "called on President H and Prime Minister L", "bilateral meetings with Prime Minister H, Foreign Minister M and
climate minister S"). Fusion tells the talks of one visit apart by them (``fusion_counterparts``): the annotation
guide makes the talks held during a visit one ``meeting`` record per distinct pair of counterparts.

A mention row keeps the object in its ``counterpart`` column (a person id). A list of several people is one
meeting with each when the sentence says the meetings were several (``_SEVERAL``): a courtesy call on each office
holder, "meetings" in the plural, "both A and B", "separately", or when a parliament's speaker is among them (the
legislature's head receives a visitor on their own); then the row is split into one row per person.
"Met with President M and Foreign Minister A" says no more than one meeting the two attended, and stays one row
with no counterpart.
"""

from __future__ import annotations

import re

from pipeline.engagements.anchors import Anchor, Mention

_OPENING = re.compile(r"\s*(?:(?:with|on|to)\b\s*)?", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*(?:,?\s*as\s+well\s+as\s+|,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)
_FUNCTION_WORD = re.compile(
    r"(?:the|his|her|their|its|of|for|and|both|also|then|visiting|h\.?e\.?|mr\.?|mrs\.?|ms\.?|dr\.?|['’]s|,)$",
    re.IGNORECASE,
)
_OFFICE = re.compile(
    r"(?:counterparts?|ministers?|president|premier|chancellor|speaker|secretary|governor|king|queen|prince|"
    r"emir|sultan|chairman|chairperson|chair|leader|head|envoy|ambassador|mayor)$",
    re.IGNORECASE,
)
_SEVERAL = re.compile(
    r"\bcall(?:s|ed|ing)?\s+(?:on|upon)\b|\bcourtesy\s+calls?\b|\bmeetings\b",
    re.IGNORECASE,
)
"""What says that the people a meeting trigger lists were met one by one: courtesy calls (on each office holder),
"meetings" in the plural; also "both" before the list and "separately" in the sentence (``meets_each``)."""
_BOTH = re.compile(r"\bboth\b", re.IGNORECASE)
_SPEAKER = re.compile(r"\bspeakers?\s+of\b|\bparliament(?:ary)?\s+speaker\b", re.IGNORECASE)
"""A parliament's speaker among the people met: the head of a legislature receives a visitor on their own, not
at the government's talks ("met with the Speaker of the Parliament, H, and the Minister of Foreign Affairs, T")."""
_LEGISLATURE = (
    r"(?:parliament|national\s+assembly|assembly|senate|national\s+council|congress|legislature|chamber|house|duma|"
    r"rada|majlis|knesset|sejm|diet)"
)
_OFFICES = (
    (
        "legislature",
        re.compile(
            rf"\bspeaker\b|\b(?:chair(?:man|woman|person)?|president)\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)*"
            rf"{_LEGISLATURE}\b|\b{_LEGISLATURE}(?:ary)?\s+(?:chair(?:man|woman|person)?|president)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "party",
        re.compile(
            r"\bparty\s+(?:general\s+secretary|secretary[\s-]+general|chief|leader)\b|"
            r"\b(?:general\s+secretary|secretary[\s-]+general)\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)*party\b",
            re.IGNORECASE,
        ),
    ),
    (
        "government",
        re.compile(
            r"(?<!vice\s)(?<!deputy\s)\b(?:prime\s+minister|premier|chancellor|head\s+of\s+government)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "state",
        re.compile(
            r"(?<!vice\s)(?<!vice-)(?<!deputy\s)\b(?:president|king|queen|emir|amir|sultan|head\s+of\s+state)\b",
            re.IGNORECASE,
        ),
    ),
)
"""The offices that head a state's distinct institutions, the closed class of a country's top counterparts: its
legislature (a speaker, the chairman or president of a parliament or assembly), its ruling party (a party's
general secretary), its government (a prime minister, premier, chancellor) and the state itself (a president or
monarch). Tested in this order: "President of the National Assembly" heads the legislature, not the state."""
_IN_A_TITLE = re.compile(r"\bof\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)*$")
"""What comes before a "person" that is the institution ending a title ("the Speaker of the Estonian Parliament")."""
_MAX_TITLE_WORDS = 10
_APPOSITIVE = 30
"""How far after the last person listed their title may go on (", the speaker of the Senate")."""


def _title_gap(gap: str) -> bool:
    """Whether the text between a meeting trigger (or one listed person) and the next person holds only the title
    that person is named with ("Paraguay's Vice Minister of Foreign Affairs", "the Speaker of the Estonian
    Parliament,", "his Estonian counterpart", "climate minister"): capitalised words, determiners, possessives and
    office nouns, and a lower-case word only in the two words before an office noun ("climate minister"); "who
    hosted him and his wife Ambassador" is a clause, not a title."""
    words = re.findall(r"[\w.’'-]+|[^\w\s]", gap)
    if len(words) > _MAX_TITLE_WORDS:
        return False
    for i, word in enumerate(words):
        if word[:1].isupper() or _FUNCTION_WORD.match(word) or _OFFICE.match(word):
            continue
        if not any(_OFFICE.match(w) for w in words[i + 1 : i + 3]):
            return False
    return True


def met_people(
    text: str, anchor: Anchor, people: list[Mention], clause: tuple[int, int], pair
) -> list[Mention]:
    """The linked people a meeting trigger names as its object, in order: the first person right after the
    trigger (only "with", "on", "to" and a title between), and the people listed after it, joined by "and" or
    commas with their titles; a "person" that ends a title ("of the Estonian Parliament", ``_IN_A_TITLE``) is
    none of them. Empty when no person follows the trigger so, or when one of the list is of a country outside
    the pair (a list of several countries' leaders is ``counterparts._listed_counterparts``'), or when the list
    holds people of both sides of the pair: those are the meeting's two sides."""
    if anchor.kind != "meeting":
        return []
    following = sorted(
        (
            m
            for m in people
            if anchor.end <= m.start < clause[1]
            and (m.entity_id or "").startswith("person:")
            and not _IN_A_TITLE.search(text[max(0, m.start - 60) : m.start])
        ),
        key=lambda m: m.start,
    )
    if not following:
        return []
    opening = text[anchor.end : following[0].start]
    if not _title_gap(opening[_OPENING.match(opening).end() :]):
        return []
    listed = [following[0]]
    for m in following[1:]:
        gap = text[listed[-1].end : m.start]
        separator = _SEPARATOR.match(gap)
        if not separator or not _title_gap(gap[separator.end() :]):
            break
        listed.append(m)
    if any(m.country_code is not None and m.country_code not in pair for m in listed):
        return []
    if len({m.country_code for m in listed} - {None}) > 1:
        return []  # "a meeting between Prime Minister M and President X" names its two sides, not whom one met
    return listed


def office(title: str) -> str | None:
    """Which of a state's institutions the title a listed person is named with heads (``_OFFICES``): "Prime
    Minister" the government, "Parliament Chairman" or "the Speaker of the Senate" the legislature, "Party
    General Secretary" the party, "President" or "King" the state; None for any other office ("Foreign Minister",
    "Vice President")."""
    for name, pattern in _OFFICES:
        if pattern.search(title):
            return name
    return None


def _offices(text: str, anchor: Anchor, listed: list[Mention]) -> set[str]:
    """The top offices (``office``) of the people a meeting trigger lists, each read from the title between that
    person and the trigger or the person listed before them."""
    starts = [anchor.end, *(m.end for m in listed[:-1])]
    return {name for start, m in zip(starts, listed, strict=True) if (name := office(text[start : m.start]))}


def meets_each(text: str, anchor: Anchor, listed: list[Mention]) -> bool:
    """Whether the people a meeting trigger lists (``met_people``, two or more distinct people) were each met on
    their own: the trigger or its sentence says the meetings were several (``_SEVERAL``, "separately"), "both"
    opens the list, a parliament's speaker is among them (``_SPEAKER``), or they head two or more of a state's
    distinct institutions (``_offices``: "will meet President D and Prime Minister M", "meet with Prime Minister S
    and Parliament Chairman T"): each of those receives a visitor on their own, while a minister comes along to the
    head's talks ("met with President M and Foreign Minister A" is one meeting)."""
    if len({m.entity_id for m in listed}) < 2:
        return False
    return bool(
        len(_offices(text, anchor, listed)) >= 2
        or _SEVERAL.search(text[anchor.start : listed[0].start])
        or _BOTH.search(text[anchor.end : listed[0].start])
        or _SPEAKER.search(text[anchor.end : listed[-1].end + _APPOSITIVE])
        or re.search(r"\bseparate(?:ly)?\b", text, re.IGNORECASE)
    )


def one_row_per_counterpart(row: dict, text: str, anchor: Anchor, listed: list[Mention]) -> list[dict]:
    """The mention row of a meeting anchor, with its ``counterpart``: the single person it names as its object;
    one row per person when it lists several people it meets each on their own (``meets_each``), each row with
    that person among its participants and not the others listed; the row unchanged (no counterpart) for a list
    of people met together."""
    ids = [m.entity_id.removeprefix("person:") for m in listed]
    if len(set(ids)) == 1:
        return [{**row, "counterpart": ids[0]}]
    if not meets_each(text, anchor, listed):
        return [row]
    rows = []
    for person_id in dict.fromkeys(ids):
        others = set(ids) - {person_id}
        participants = [p for p in row["participants"] if p["person_id"] not in others]
        rows.append(
            {
                **row,
                "counterpart": person_id,
                "participants": participants,
                "participant_person_ids": [p["person_id"] for p in participants],
            }
        )
    return rows
