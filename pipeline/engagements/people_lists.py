"""Lists of office holders of several countries that a meeting trigger meets, read person by person: "held talks
with Ruritania's Chief of General Staff, A, the Borduvian Defence Minister B and Carpathia's Prime Minister and
Defence Minister C", "meetings with Tonga's acting prime minister, A, and Samoa Prime Minister B". A long list of
titled names is where the dependency parse most often breaks (it may end the sentence in the middle of it), and the
list openings ``counterparts._opened_list`` knows stop at a title worded in full; this reader needs neither.
``counterparts._listed_counterparts`` makes one meeting with each listed country."""

from __future__ import annotations

import re

from pipeline.engagements.anchors import Anchor, Mention
from pipeline.engagements.met_people import _SEPARATOR, _title_gap
from pipeline.entities.lexicon import ORG_WORDS

_MAX_TITLE_WORDS = 14
"""How many words a listed person's title may hold: a military title with its institution and country runs long
("the Commander of the Land Forces of the Republic of Ruritania,")."""


_WORD = re.compile(r"[\w.’'-]+")


def _is_title(gap: str) -> bool:
    """Whether a gap holds only a listed person's title (``met_people._title_gap``), where the words of a state's
    bodies may also stand in lower case ("the Ethiopian army's Chief of Staff", "the Chief of Staff of the
    Ruritanian armed forces,"): the organisation words of the entity lexicon."""

    def kept(word) -> str:
        bare = re.sub(r"['’]s$", "", word.group()).lower()
        return "" if bare in ORG_WORDS and word.group()[:1].islower() else word.group()

    return _title_gap(_WORD.sub(kept, gap), _MAX_TITLE_WORDS)


_WITH = re.compile(r"\s+with\s+", re.IGNORECASE)
_MEET = re.compile(r"meet|meets|met|meeting|meetings", re.IGNORECASE)
"""What opens a list of people met: "with" after any meeting trigger ("talks with", "met with"), or nothing after
the verb "meet" itself ("met the Chief of Staff of ..."); a comma there ("At their meeting, ministers A and B")
opens the trigger's subject, not what it meets."""


def _title_of_the_first(text: str, anchor: Anchor, person: Mention) -> int | None:
    """Where the title of the first person met starts (after "with", or right after the verb "meet"), or None when
    the words between the trigger and that person do not open a list of people met (``_WITH``, ``_MEET``). A comma
    may stand only at the end of the title, before the name in apposition ("the Chief of Staff of Ruritania, A")."""
    opening = text[anchor.end : person.start]
    if (found := _WITH.match(opening)) is not None:
        start = anchor.end + found.end()
    elif _MEET.fullmatch(text[anchor.start : anchor.end]) and re.match(r"\s+[^\s,]", opening):
        start = anchor.end + len(opening) - len(opening.lstrip())
    else:
        return None
    if "," in text[start : person.start].rstrip().rstrip(","):
        return None
    return start if _is_title(text[start : person.start]) else None


def _item_country(mentions: list[Mention], person: Mention) -> str | None:
    """The country a listed person stands for: the first country their title names ("Kosovo's Defence Minister",
    "the Chief of Staff of the Ethiopian army"; ``mentions`` are those of the title), else the person's own."""
    titled = [m.country_code for m in mentions if m.label != "PERSON" and m.country_code]
    return titled[0] if titled else person.country_code


def people_listed(
    text: str, anchor: Anchor, items: list[Mention], people: list[Mention]
) -> tuple[list[Mention], int, int] | None:
    """The list of people a meeting trigger names as met, one mention per country, with where the list starts and
    ends; None when there is no such list of two countries or more. The first person comes right after the trigger
    ("with" and a title between: ``_title_of_the_first``), each next one after a comma, "and" or "as well as"
    and a title (``_is_title``); a title may name the person's country (``_item_country``), which is
    then the country that person stands for; the list ends at the first gap that is more than a title. Each person
    must stand for a country, and each country be named once: two people of one country in the list are one
    delegation, not two sides. Why: a visitor who meets several countries' office holders one after the other holds
    a bilateral meeting with each (annotation guide: one record per distinct pair), and each is named with the
    title that tells their country. ``items`` are the clause's countries and people with a country, ``people`` all
    its people (with a country or not: a title may give it), both in text order."""
    if anchor.kind != "meeting":
        return None
    after = [m for m in items if m.start >= anchor.end]
    named = [m for m in people if m.start >= anchor.end]
    if len(named) < 2 or (title_start := _title_of_the_first(text, anchor, named[0])) is None:
        return None
    listed, codes, end = _titled_people(text, title_start, named, after)
    if None in codes or len(set(codes)) != len(codes) or len(codes) < 2:
        return None
    return listed, min(m.start for m in listed), end


def _titled_people(
    text: str, title_start: int, named: list[Mention], after: list[Mention]
) -> tuple[list[Mention], list[str | None], int]:
    """A list of titled people whose first title starts at ``title_start``: the people in ``named`` (in order) as
    long as commas, "and" or "as well as" and a title (``_is_title``) join them; for each, the mention that stands
    for them (their title's country, else themselves) and the country they stand for (``_item_country``, None if
    unknown); also where the list ends."""
    listed: list[Mention] = []
    codes: list[str | None] = []
    end = title_start
    for person in named:
        if listed:
            gap = text[end : person.start]
            separator = _SEPARATOR.match(gap)
            if not separator or not _is_title(gap[separator.end() :]):
                break
            title_start = end + separator.end()
        elif not _is_title(text[title_start : person.start]):
            break
        title = [m for m in after if title_start <= m.start and m.end <= person.start]
        listed.append(next((m for m in title if m.label != "PERSON" and m.country_code), person))
        codes.append(_item_country(title, person))
        end = person.end
    return listed, codes, end


_OF_VISITORS = re.compile(r"\s+(?:of|by)\s+", re.IGNORECASE)


def visitors_listed(
    text: str, destination_end: int, items: list[Mention], people: list[Mention]
) -> list[tuple[str, Mention]]:
    """The travellers of a trip named after its one destination ("the visits to Oman of Ruritanian President A,
    Borduvian Prime Minister B and Carpathian President C", "visits to Oman by ..."): (country, mention) of each
    titled person listed right after "of" or "by" (``_titled_people``), one per country; a person whose country
    neither the title nor the person table gives is left out (no side is known). Empty unless two countries or
    more are listed: one traveller is the pair rules' to find. Why: each of them makes a trip of their own to that
    destination (annotation guide: an official trip by officials of country A to country B), and none is a side
    of another's."""
    found = _OF_VISITORS.match(text, destination_end)
    if found is None:
        return []
    named = [m for m in people if m.start >= found.end()]
    if len(named) < 2:
        return []
    listed, codes, _ = _titled_people(text, found.end(), named, [m for m in items if m.start >= found.end()])
    travellers = {code: m for m, code in zip(listed, codes, strict=True) if code}
    return list(travellers.items()) if len(travellers) >= 2 else []
