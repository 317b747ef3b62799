"""Engagement extraction: the bilateral interactions each sentence states, as engagement *mentions*.

Sentence-level and rule-based over the linked entities, so every mention can be explained by the words that
produced it. A sentence yields anchors (a named format such as "Foreign Ministers' Strategic Dialogue", a
known format such as "state visit" or "2+2", or a generic trigger such as "met" or "signed"); each anchor gets
the country pair from the entities of its clause (hyphenated pairs, "between X and Y", the countries of the
people named, a visit's destination), a status from the nearest tense cue, dates from pipeline.dates, a place,
an ordinal and its participants. Countries that are only context ("amid tensions with China") and multilateral
gatherings as a whole never make a pair. Sentences that name no pair but refer back ("the two sides", "during
the visit") take the pair of the article's previous engagement.

Pure per article: `extract_engagements` may be called on any batch of articles.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

import ahocorasick
import pandera.polars as pa
import polars as pl

from pipeline.cache import ArticleResultCache, cached_by_article, content_key
from pipeline.dates import DateSpan, find_date_spans
from pipeline.parallel import map_article_batches
from pipeline.texts import with_article_text, with_sentence_text

ENGAGEMENT_TYPES = ["meeting", "visit", "call", "agreement", "exercise", "cooperation"]
STATUSES = ["planned", "held", "postponed", "cancelled", "proposed"]

PARTICIPANT_DTYPE = pl.Struct(
    {"person_id": pl.String, "name": pl.String, "role": pl.String, "country_code": pl.String}
)
MENTION_SCHEMA = {
    "article_id": pl.String,
    "story_id": pl.String,
    "sentence_index": pl.Int64,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "sentence": pl.String,
    "trigger": pl.String,
    "country_a": pl.String,
    "country_b": pl.String,
    "initiator_country": pl.String,
    "host_country": pl.String,
    "engagement_type": pl.String,
    "format": pl.String,
    "status": pl.String,
    "start_date": pl.Date,
    "end_date": pl.Date,
    "date_precision": pl.String,
    "end_date_implied": pl.Boolean,
    "location_city": pl.String,
    "location_country": pl.String,
    "ordinal": pl.Int64,
    "participant_person_ids": pl.List(pl.String),
    "participants": pl.List(PARTICIPANT_DTYPE),
    "pair_source": pl.String,
    "confidence": pl.Float64,
    "published_date": pl.Date,
}


class EngagementMentionsModel(pa.DataFrameModel):
    """One engagement as stated by one sentence; fusion turns these into engagements."""

    article_id: str
    story_id: str
    sentence_index: int = pa.Field(ge=0)
    start_char: int = pa.Field(ge=0)
    end_char: int = pa.Field(ge=0)
    sentence: str
    trigger: str
    country_a: str = pa.Field(str_matches=r"^[A-Z]{3}$")
    country_b: str = pa.Field(str_matches=r"^[A-Z]{3}$")
    initiator_country: str = pa.Field(nullable=True)
    host_country: str = pa.Field(nullable=True)
    engagement_type: str = pa.Field(isin=ENGAGEMENT_TYPES)
    format: str = pa.Field(nullable=True)
    status: str = pa.Field(isin=STATUSES)
    start_date: date = pa.Field(nullable=True)
    end_date: date = pa.Field(nullable=True)
    date_precision: str = pa.Field(nullable=True, isin=["day", "month", "year"])
    end_date_implied: bool
    location_city: str = pa.Field(nullable=True)
    location_country: str = pa.Field(nullable=True)
    ordinal: int = pa.Field(nullable=True, ge=1)
    participant_person_ids: pl.List(pl.String)
    participants: pl.List(PARTICIPANT_DTYPE)
    pair_source: str = pa.Field(isin=["explicit", "coreference"])
    confidence: float = pa.Field(ge=0.0, le=1.0)
    published_date: date = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def pair_is_ordered(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("country_a") < pl.col("country_b"))


# --- lexicon ---------------------------------------------------------------------------------------------

_HEADS = {
    "meeting": "meeting",
    "meetings": "meeting",
    "dialogue": "meeting",
    "summit": "meeting",
    "consultations": "meeting",
    "talks": "meeting",
    "agreement": "agreement",
    "agreements": "agreement",
    "treaty": "agreement",
    "declaration": "agreement",
    "memorandum": "agreement",
    "mou": "agreement",
    "accord": "agreement",
    "pact": "agreement",
    "protocol": "agreement",
    "roadmap": "agreement",
}
_CAPITALISED_HEAD = re.compile(
    r"\b(?:" + "|".join(w.capitalize() for w in _HEADS) + r"|MoU|MOU|Plan|Statement)\b"
)
_LEFT_CONNECTORS = {"and", "of", "on", "for", "&"}
_RIGHT_CONNECTORS = {"on", "of", "for", "to"}
_LEADING_FUNCTION_WORDS = {
    "the",
    "a",
    "an",
    "during",
    "at",
    "after",
    "before",
    "in",
    "on",
    "as",
    "this",
    "that",
    "its",
    "their",
    "his",
    "her",
    "our",
    "notably",
    "meanwhile",
    "also",
    "both",
    "and",
    "but",
    "while",
    "when",
    "ahead",
    "following",
    "since",
    "with",
    "for",
    "from",
    "by",
    "of",
    "to",
    "under",
    "new",
    "last",
    "next",
    "upcoming",
}
_ORDINALS = {
    "first": 1,
    "inaugural": 1,
    "maiden": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_ORDINAL_BEFORE = re.compile(
    r"\b(?P<ord>first|inaugural|maiden|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d{1,2}(?:st|nd|rd|th))\b(?:\s+(?:such|annual|ever|edition\s+of\s+the|round\s+of))?(?:\s+[\w'’+\-]+){0,3}\s*$",
    re.IGNORECASE,
)
MULTILATERAL = re.compile(
    r"\b(?:Quad|ASEAN|G-?20|G-?7|G-?8|BRICS|NATO|EU|European Union|SCO|"
    r"Shanghai Cooperation Organi[sz]ation|APEC|UN|U\.N\.|United Nations|African Union|AU|OAS|"
    r"Organization of American States|Commonwealth|CHOGM|CELAC|Mercosur|GCC|Gulf Cooperation Council|"
    r"Arab League|OPEC|IBSA|SAARC|BIMSTEC|COP\s?\d+|World Economic Forum|Davos|ECOWAS|"
    r"IGAD|SADC|EAC|East African Community|Pacific Islands Forum|WTO|IMF|World Bank|East Asia Summit|"
    r"Summit of the Americas|Paris Agreement|Kyoto Protocol|Geneva Conventions?|Non-Proliferation|trilateral|"
    r"multilateral|quadrilateral|regional|Security Council|General Assembly)\b"
)
_SPECIFIC_LOWERCASE: list[tuple[str, str, re.Pattern[str]]] = [
    ("visit", "state visit", re.compile(r"\bstate\s+visits?\b", re.IGNORECASE)),
    ("visit", "official visit", re.compile(r"\bofficial\s+visits?\b", re.IGNORECASE)),
    ("visit", "working visit", re.compile(r"\bworking\s+visits?\b", re.IGNORECASE)),
    ("meeting", "summit", re.compile(r"\bsummit\b", re.IGNORECASE)),
    ("meeting", "strategic dialogue", re.compile(r"\bstrategic\s+dialogue\b", re.IGNORECASE)),
    (
        "meeting",
        "2+2 ministerial dialogue",
        re.compile(r"\b2\s?\+\s?2\b(?=\s+(?:ministerial\s+)?dialogue)", re.IGNORECASE),
    ),
    ("meeting", "2+2 ministerial meeting", re.compile(r"\b2\s?\+\s?2\b")),
    (
        "call",
        "video call",
        re.compile(
            r"\b(?:video\s*(?:call|conference|link)|videoconference|virtual\s+(?:call|talks|"
            r"meeting))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "call",
        "phone call",
        re.compile(
            r"\b(?:(?:tele)?phone\s+(?:call|conversation|talks|discussion)s?|telephonic\s+(?:talks|conversation)|"
            r"(?:spoke|speak|speaks|speaking|spoken)\s+(?:\w+\s+){0,6}?(?:by|over\s+the|on\s+the)\s+(?:tele)?phone|"
            r"phoned|telephoned|dialled|dialed)\b",
            re.IGNORECASE,
        ),
    ),
]
_GENERIC: list[tuple[str, re.Pattern[str]]] = [
    (
        "meeting",
        re.compile(
            r"\b(?:meet|meets|met|meeting|meetings|talks|dialogue|consultations|summits?|held\s+discussions|"
            r"sat\s+down\s+with|conferred\s+with|bilateral\s+discussions|"
            r"received\s+(?:his\s+|her\s+|their\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?"
            r"(?:counterpart|minister|president|premier|chancellor|secretary|delegation|envoy))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "visit",
        re.compile(
            r"\b(?:visits?|visited|visiting|trip|arrived\s+in|arrives\s+in|arrive\s+in|travel(?:s|led|ed)?\s+to|"
            r"tour\s+of)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "call",
        re.compile(
            r"\b(?:held\s+a\s+call|in\s+a\s+call|on\s+a\s+call|call\s+with|"
            r"called\s+(?:his\s+|her\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?"
            r"(?:counterpart|minister|president|premier|chancellor|secretary))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "agreement",
        re.compile(
            r"\b(?<!according to a )(?<!according to an )(?<!according to the )"
            r"(?:sign|signs|signed|signing|inked|inks|agreements?|accords?|pacts?|treaty|treaties|"
            r"memorand(?:um|a)|mous?|joint\s+declaration|joint\s+statement|action\s+plan|(?:a|the|new|trade|defen[cs]e|"
            r"arms|bilateral|energy|investment)\s+deals?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "exercise",
        re.compile(
            r"\b(?:(?i:(?:joint|bilateral|naval|military|air|army|combined|maritime)\s+(?:military\s+|naval\s+|"
            r"air\s+|maritime\s+|combat\s+)?(?:exercises?|drills?|war\s*games|manoeuvres|maneuvers)|war\s*games)|"
            r"exercises?\s+[\"“']?[A-Z][\w-]+)\b"
        ),
    ),
    (
        "cooperation",
        re.compile(
            r"\b(?:offer(?:ed|s|ing)?\s+to\s+(?:help|assist|support|provide|supply|train|build|develop|share|fund|finance)|"
            r"offer(?:ed|s|ing)?\s+(?:its|their|technical|financial|military)?\s*(?:help|assistance|support)|"
            r"(?:is|are|was|were|stands?|remains?)\s+ready\s+to\s+(?:help|assist|support|cooperate|work|provide|supply|"
            r"share|train)|(?:agreed|agree|agrees|plans?|planning|decided|pledged|vowed|promised|committed|will)\s+to\s+"
            r"(?:jointly|cooperate|co-produce|co-develop|work\s+together|set\s+up|establish|supply|train)|"
            r"(?:pledged|promised)\s+(?:to\s+)?(?:provide|supply|help|assistance|aid)|"
            r"offer(?:ed|s|ing)?\s+to\s+(?:cooperate|collaborate|partner|work\s+together)|"
            r"(?:proposed|suggested)\s+that\s+(?:[\w'’-]+\s+){1,8}?work\s+together|"
            r"(?:began|begun|begins|started|starts|continued|continues)\s+(?:delivering|providing|sending|supplying)\s+"
            r"(?:[\w-]+\s+)?(?:assistance|aid|support|help|equipment|vaccines)|"
            r"launch(?:ed|es|ing)?\s+(?:a\s+|the\s+)?joint\s+(?:programme|program|initiative|project|venture|fund))\b",
            re.IGNORECASE,
        ),
    ),
]
_TRIGGER_STEMS = (
    "meet", "met", "talk", "dialogue", "consultation", "summit", "discussion", "sat down", "conferred",
    "visit", "trip", "arriv", "travel", "tour of", "call", "sign", "ink", "conclude", "agreement", "accord",
    "pact", "treat", "memorand", "mou", "declaration", "statement", "action plan", "deal", "exercise", "drill",
    "war", "manoeuvre", "maneuver", "offer", "ready to", "jointly", "cooperate", "co-produce", "co-develop",
    "together", "set up", "establish", "suppl", "train", "provid", "deliver", "sending", "help", "assist",
    "support", "aid",
    "2+2", "2 +2", "2+ 2", "2 + 2", "video", "virtual", "phone", "spoke", "dialled", "dialed", "protocol",
    "roadmap", "joint", "receiv",
)  # fmt: skip
"""Substrings every trigger contains: one automaton pass finds sentences that cannot hold a trigger."""


@functools.cache
def _trigger_stem_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for stem in _TRIGGER_STEMS:
        automaton.add_word(stem, stem)
    automaton.make_automaton()
    return automaton


def _may_hold_trigger(lowered: str) -> bool:
    return next(_trigger_stem_automaton().iter(lowered), None) is not None


def _after_word_start(pattern: re.Pattern[str]) -> str:
    """A trigger pattern without its leading \\b: every trigger begins with a word character at a word start,
    which the search below tests once for all triggers."""
    if not pattern.pattern.startswith(r"\b"):
        raise ValueError(f"a trigger pattern must start with \\b: {pattern.pattern[:40]}")
    return "(?:" + pattern.pattern.removeprefix(r"\b") + ")"


_ANY_TRIGGER_LOWERCASE = re.compile(
    (
        r"\b(?=\w)(?:"
        + "|".join(
            [_after_word_start(p) for _, p in _GENERIC]
            + [_after_word_start(p) for _, _, p in _SPECIFIC_LOWERCASE]
            + ["(?:" + "|".join(_HEADS) + r")\b"]
        )
        + ")"
    ).replace("[A-Z]", "[a-z]")
)
"""Most sentences of a news article state no engagement: one search of the lowercased sentence rules them out
(a case-sensitive search of lowercased text is several times faster than an IGNORECASE one). Testing for a
word start once per position, not a boundary once per trigger, makes it five times faster again."""
_FORMAT_BY_NAME_22 = re.compile(r"2\s?\+\s?2")
_REFERENCE_DETERMINER = re.compile(r"\b(?:[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ss]uch)\s+(?:[a-z][\w-]*\s+)?$")
_NOUN_TRIGGER = re.compile(
    r"(?:meetings?|talks|dialogue|consultations|summits?|visits?|trip|agreements?|accords?|"
    r"pacts?|treaty|treaties|deals?|exercises?|drills?|call)$",
    re.IGNORECASE,
)

_STATUS_CUES = re.compile(
    r"(?P<postponed>\b(?=\w)(?:postpon\w*|defer(?:red|s)?\b|put\s+off\b|pushed\s+back\b|delayed\b|reschedul\w*))"
    r"|(?P<cancelled>\b(?=\w)(?:cancel\w*|call(?:ed|s)?\s+off\b|scrap(?:ped|s)?\b|axed\b))"
    r"|(?P<planned>\b(?=\w)(?:(?:will|shall|would)\s+be\s+held\b|to\s+be\s+held\b|will\b|shall\b|"
    r"(?:is|are|was|were)\s+(?:due|set|scheduled|slated|expected|going|poised)\s+to\b|(?:is|are)\s+to\b|"
    r"scheduled\b|slated\b|upcoming\b|forthcoming\b|next\s+(?:week|month|year|\w+day)\b|tomorrow\b|"
    r"later\s+this\b|plan(?:s|ning)?\s+to\b|intends?\s+to\b|ahead\s+of\b|coming\s+(?:week|month|days)\b|"
    r"(?:is|are|was|were|has\s+been|have\s+been)\s+planned\b)|\w'll\b)"
    r"|(?P<proposed>\b(?=\w)(?:propos(?:ed|es|al)\b|offer(?:ed|s|ing)?\b|ready\s+to\b|could\b|"
    r"(?<!\bin\s)(?<!\bof\s)(?<!\d\s)may\b(?!\s+\d)|might\b|invit(?:ed|ation|es)\b|suggest(?:ed|s)\b|mooted\b|"
    r"would\s+like\b|hopes?\s+to\b|wants?\s+to\b|keen\s+to\b|willing\s+to\b|considering\b|"
    r"(?:requested|requests|requesting|sought|seeks|seeking)\b|asked\s+for\b))"
    r"|(?P<held>\b(?=\w)(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:held|signed|inked|concluded|"
    r"hosted|conducted|organi[sz]ed)\b|(?:met|held|signed|inked|concluded|visited|spoke|hosted|conducted|"
    r"took\s+place|discussed|agreed|reached|paid|received|welcomed|arrived|wrapped\s+up|completed|ended|began|"
    r"kicked\s+off|participated|attended|talked|phoned|dialled|dialed|telephoned|exchanged|reviewed|launched|"
    r"forged|reaffirmed|reiterated|last|yesterday|ago|earlier)\b))",
    re.IGNORECASE,
)
"""Tense cues by status. Every cue but "we'll" starts a word: each status tests for a word start once, not
once per cue, which makes the search of a sentence three times faster."""
_FORWARD = {"planned", "proposed", "postponed", "cancelled"}
"""Statuses whose dates point forward: a cancelled meeting "for June" is the coming June."""
_CLAUSE_BREAK = re.compile(r";\s|,?\s+(?:while|whereas)\s+|,\s+but\s+")
_ATTRIBUTION_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|stated|added|reported|confirmed|noted|statement|issued|tweeted|wrote|posted|"
    r"according\s+to)\b(?:\s+[\w.'’-]+){0,4}?\s+(?:on\s+|in\s+|this\s+|last\s+)?$",
    re.IGNORECASE,
)
_ATTRIBUTION_AFTER = re.compile(r"^\s*,?\s*(?:said|told|announced|stated|confirmed)\b", re.IGNORECASE)
_COREFERENCE = re.compile(
    r"\b(?:the\s+two\s+(?:countries|nations|sides|leaders|ministers|governments|presidents|prime\s+ministers|"
    r"neighbou?rs|delegations)|both\s+(?:the\s+)?(?:countries|nations|sides|leaders|ministers|governments|"
    r"delegations)|the\s+(?:ministers|leaders)|(?:his|her|their)\s+(?:\w+\s+)?counterparts?|bilateral|"
    r"during\s+the\s+(?:visit|trip|talks|meeting|summit)|the\s+(?:visit|talks|meeting|trip|summit))\b",
    re.IGNORECASE,
)
_CONTEXT_BEFORE = re.compile(
    r"\b(?:amid|amidst|against|despite|counter(?:ing)?|rival|threats?\s+(?:from|by)|tensions?\s+with|"
    r"concerns?\s+(?:about|over)|disputes?\s+with|conflict\s+with|war\s+(?:with|in|on)|such\s+as|like|unlike)"
    r"\s+(?:[\w'’-]+\s+){0,3}$|(?<!well\s)\bas\s+$",
    re.IGNORECASE,
)
_CONTEXT_AFTER = re.compile(
    r"^['’]s\s+(?:\w+\s+)?(?:maritime|military|growing|assertive\w*|influence|rise|aggression|expansion\w*|"
    r"activities|presence|threat)\b",
    re.IGNORECASE,
)
_PAIR_JOINER = re.compile(r"^\s*[-–—/]\s*$")
_AND_JOINER = re.compile(r"^\s+and\s+(?:its\s+\w+\s+(?:partner\s+)?)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_DESTINATION_BEFORE = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|to|in|arrived?\s+in|arrives\s+in|arriving\s+in|tour\s+of|trip\s+to|pay|pays|paid|"
    r"travel(?:s|led|ed)?\s+to|heads?\s+to|headed\s+to|landed\s+in|lands\s+in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_LOCATION_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:capital\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)
_OFF_TOPIC = re.compile(
    r"\b(?:match|friendly|tournament|world\s+cup|league|squad|coach|striker|goals?|scored|olympics?|championship|"
    r"shares|stocks|investors|quarterly|revenue|box\s+office|concert|festival)\b",
    re.IGNORECASE,
)
_OFFICIAL = re.compile(
    r"\b(?:minister|president|prime|premier|chancellor|government|official|leader|ambassador|envoy|delegation|"
    r"ministry|secretary|king|emir|crown\s+prince|navy|army|air\s+force|military|defen[cs]e)\b",
    re.IGNORECASE,
)
_VERBAL_INITIATOR = re.compile(
    r"^(?:(?:is|are|was|were|stands?|remains?)\s+)?(?:phoned|telephoned|dialled|dialed|called|offer|ready|agreed|pledged|promised)",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[\w'’+\-.]+|[^\w\s]")
_COUNTRY_LABELS = {"COUNTRY"}
_NORMALISE_FORMAT = [
    (re.compile(r"[’‘`]"), "'"),
    (re.compile(r"\bdefense\b", re.IGNORECASE), "defence"),
    (re.compile(r"\s+"), " "),
]


@dataclass
class Anchor:
    """A place in a sentence where an engagement is stated."""

    kind: str
    start: int
    end: int
    format: str | None
    specific: bool
    multilateral: bool
    ordinal: int | None = None
    reference: bool = False
    absorbed: list[Anchor] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """An entity mention, with offsets relative to its sentence."""

    start: int
    end: int
    text: str
    label: str
    entity_id: str | None
    country_code: str | None


# --- anchors ---------------------------------------------------------------------------------------------


def _is_cap(token: str) -> bool:
    return (
        token[:1].isupper()
        or bool(_FORMAT_BY_NAME_22.fullmatch(token))
        or bool(re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", token))
    )


def _head_kind(tokens: list[re.Match[str]], i: int) -> str | None:
    word = tokens[i].group().rstrip(".").lower()
    if not _is_cap(tokens[i].group()):
        return None
    if word == "plan" and i > 0 and tokens[i - 1].group().lower() == "action":
        return "agreement"
    if word == "statement" and i > 0 and tokens[i - 1].group().lower() == "joint":
        return "agreement"
    return _HEADS.get(word)


def _named_anchors(text: str, countries: list[Mention]) -> list[Anchor]:
    """Title-case names ending in a format word: "Foreign Ministers' Strategic Dialogue", "Joint Declaration
    on ..."."""
    if not _CAPITALISED_HEAD.search(text):
        return []
    tokens = list(_TOKEN.finditer(text))
    anchors = []
    for h in range(len(tokens)):
        kind = _head_kind(tokens, h)
        if kind is None or (h + 1 < len(tokens) and _head_kind(tokens, h + 1)):
            continue
        left = h
        i = h - 1
        while i >= 0:
            word = tokens[i].group()
            if (
                _is_cap(word)
                and not _head_kind(tokens, i)
                or (
                    word.lower() in _LEFT_CONNECTORS
                    and i > 0
                    and _is_cap(tokens[i - 1].group())
                    and not _head_kind(tokens, i - 1)
                    and tokens[i - 1].group().lower() not in _LEADING_FUNCTION_WORDS
                )
            ):
                left = i
            else:
                break
            i -= 1
        right = _extend_right(tokens, h)
        while left < h and tokens[left].group().lower() in _LEADING_FUNCTION_WORDS | _LEFT_CONNECTORS:
            left += 1
        start, end = tokens[left].start(), tokens[right].end()
        while end > start and text[end - 1] in ".,":
            end -= 1
        tail = re.match(r"\s*\(\s*(2\s?\+\s?2)\s*\)", text[end:])
        if tail:
            end += tail.end()
        name = text[start:end]
        if left == h and kind == "meeting":
            continue
        anchors.append(
            Anchor(
                kind,
                start,
                end,
                _format_name(name, start, countries, kind == "meeting"),
                True,
                _is_multilateral(text, start, end),
            )
        )
    return anchors


def _extend_right(tokens: list[re.Match[str]], h: int) -> int:
    """Continue a name through "of Understanding", "on Security Cooperation", "to advance Security
    Cooperation"."""
    right = h
    j = h + 1
    while j < len(tokens) and tokens[j].group().lower() in _RIGHT_CONNECTORS:
        k = j + 1
        while (
            k < len(tokens) and k <= j + 2 and not _is_cap(tokens[k].group()) and tokens[k].group().isalpha()
        ):
            k += 1
        if k >= len(tokens) or not _is_cap(tokens[k].group()) or _head_kind(tokens, k):
            break
        while k < len(tokens) and (
            _is_cap(tokens[k].group())
            or (tokens[k].group().lower() == "and" and k + 1 < len(tokens) and _is_cap(tokens[k + 1].group()))
        ):
            right = k
            k += 1
        j = k
    return right


def _format_name(name: str, offset: int, countries: list[Mention], lower: bool) -> str:
    """A format name without the country names and ordinals that qualify it; meeting formats are lower-cased
    (they
    are kinds of meeting), agreement names keep their case (they are proper names)."""
    text = name
    for mention in sorted(countries, key=lambda m: -m.start):
        if offset <= mention.start and mention.end <= offset + len(name):
            text = text[: mention.start - offset] + " " + text[mention.end - offset :]
    text = re.sub(r"(?:^|\s)[-–—/]\s*(?=\s|$)", " ", text)
    text = re.sub(r"\b(?:" + "|".join(_ORDINALS) + r")\b", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"\(\s*\)", " ", text)
    lowered = text.lower() if lower else text
    for pattern, replacement in _NORMALISE_FORMAT:
        lowered = pattern.sub(replacement, lowered)
    lowered = lowered.strip(" -,")
    if _FORMAT_BY_NAME_22.search(lowered):
        return (
            "2+2 ministerial dialogue"
            if re.search(r"2\s?\+\s?2\s+(?:ministerial\s+)?dialogue", lowered, re.IGNORECASE)
            else ("2+2 ministerial meeting")
        )
    return lowered


def _is_multilateral(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 30) : end]
    return bool(MULTILATERAL.search(window))


def _find_anchors(text: str, countries: list[Mention]) -> list[Anchor]:
    named = _named_anchors(text, countries)
    anchors = list(named)

    def overlaps(s: int, e: int) -> bool:
        return any(a.start < e and s < a.end for a in anchors)

    for kind, fmt, pattern in _SPECIFIC_LOWERCASE:
        for m in pattern.finditer(text):
            if not overlaps(m.start(), m.end()):
                anchors.append(
                    Anchor(kind, m.start(), m.end(), fmt, True, _is_multilateral(text, m.start(), m.end()))
                )
    generic = []
    for kind, pattern in _GENERIC:
        for m in pattern.finditer(text):
            if overlaps(m.start(), m.end()):
                continue
            generic.append(
                Anchor(
                    kind,
                    m.start(),
                    m.end(),
                    None,
                    False,
                    bool(_NOUN_TRIGGER.search(m.group())) and _is_multilateral(text, m.start(), m.end()),
                    reference=bool(
                        _NOUN_TRIGGER.search(m.group())
                        and _REFERENCE_DETERMINER.search(text[max(0, m.start() - 30) : m.start()])
                    ),
                )
            )
    for anchor in anchors + generic:
        found = _ORDINAL_BEFORE.search(text[max(0, anchor.start - 60) : anchor.start])
        if found:
            token = found.group("ord").lower()
            anchor.ordinal = _ORDINALS.get(token) or int(re.match(r"\d+", token).group())
    clauses = _clauses(text)
    for g in sorted(generic, key=lambda a: a.start):
        same_kind = [a for a in anchors if a.kind == g.kind and a.specific and not a.multilateral]
        visit = _visit_with_purpose(text, g, anchors, clauses)
        if visit:
            visit.absorbed.append(g)
        elif same_kind:
            target = min(same_kind, key=lambda a: _gap(a.start, a.end, g.start, g.end))
            target.absorbed.append(g)
            if target.ordinal is None:
                target.ordinal = g.ordinal
            target.multilateral = target.multilateral and g.multilateral
        elif not g.reference:
            clause = _clause_of(clauses, g.start)
            earlier = [
                a
                for a in anchors
                if a.kind == g.kind and not a.specific and _clause_of(clauses, a.start) == clause
            ]
            if earlier:
                earlier[0].absorbed.append(g)
                earlier[0].ordinal = earlier[0].ordinal or g.ordinal
            else:
                anchors.append(g)
    return sorted(anchors, key=lambda a: a.start)


_PURPOSE_BEFORE = re.compile(r"\b(?:for|holding|to\s+hold)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _visit_with_purpose(
    text: str, meeting: Anchor, anchors: list[Anchor], clauses: list[tuple[int, int]]
) -> Anchor | None:
    """The visit of "will visit Oslo for talks on trade" or "visited Oslo, holding talks in Bergen": talks on a
    topic are its purpose, not a second engagement; "for talks with the Prime Minister" names a meeting of its own."""
    if (
        meeting.kind != "meeting"
        or not _PURPOSE_BEFORE.search(text[max(0, meeting.start - 25) : meeting.start])
        or re.match(r"\s+with\b", text[meeting.end :])
    ):
        return None
    clause = _clause_of(clauses, meeting.start)
    return next(
        (
            a
            for a in anchors
            if a.kind == "visit" and a.start < meeting.start and _clause_of(clauses, a.start) == clause
        ),
        None,
    )


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, b_start - a_end, a_start - b_end)


# --- per-anchor attributes -------------------------------------------------------------------------------


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds = [0]
    for m in _CLAUSE_BREAK.finditer(text):
        bounds.append(m.start())
    bounds.append(len(text))
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i + 1] > bounds[i]]


def _clause_of(clauses: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in clauses:
        if start <= position < end:
            return start, end
    return clauses[-1]


def _status_cues(text: str, anchors: list[Anchor]) -> list[tuple[int, int, str]]:
    """The tense cues of a sentence; words inside a format name ("Action Plan to ...") are not cues."""
    names = [(a.start, a.end) for a in anchors if a.specific]
    return [
        (m.start(), m.end(), m.lastgroup)
        for m in _STATUS_CUES.finditer(text)
        if not any(s <= m.start() < e for s, e in names)
    ]


def _status(anchor: Anchor, clause: tuple[int, int], cues: list[tuple[int, int, str]]) -> str | None:
    """Status from the tense cue nearest to the anchor in its clause; a postponement or cancellation there
    wins."""
    in_clause = [c for c in cues if clause[0] <= c[0] < clause[1]] or cues
    if not in_clause:
        return None
    for decisive in ("cancelled", "postponed"):
        if any(c[2] == decisive for c in in_clause):
            return decisive
    return min(in_clause, key=lambda c: _gap(c[0], c[1], anchor.start, anchor.end))[2]


def _is_attribution(text: str, span: DateSpan) -> bool:
    return bool(
        _ATTRIBUTION_BEFORE.search(text[max(0, span.start_char - 60) : span.start_char])
        or _ATTRIBUTION_AFTER.match(text[span.end_char :])
    )


def _date_fits_status(span: DateSpan, status: str | None, published: date | None) -> bool:
    if published is None or status is None:
        return True
    if status == "planned":
        return (span.end or span.start) >= published - timedelta(days=1)
    if status == "held":
        return span.start <= published
    return True


def _assign_dates(
    text: str, anchors: list[Anchor], statuses: list[str | None], published: date | None
) -> list[DateSpan | None]:
    """Each date goes to its nearest anchor; an anchor left without one takes the nearest date that fits its
    tense."""
    if published is None:
        return [None] * len(anchors)
    spans_by_tense = {
        future: find_date_spans(text, published, future) for future in {s in _FORWARD for s in statuses}
    }
    chosen: list[DateSpan | None] = [None] * len(anchors)
    for index, (anchor, status) in enumerate(zip(anchors, statuses, strict=True)):
        spans = [
            s
            for s in spans_by_tense[status in _FORWARD]
            if anchor.kind == "cooperation" or not _is_attribution(text, s)
        ]
        own = [
            s
            for s in spans
            if min(anchors, key=lambda a: _gap(a.start, a.end, s.start_char, s.end_char)) is anchor
        ]
        candidates = own or [s for s in spans if status != "proposed"]
        candidates = [s for s in candidates if _date_fits_status(s, status, published)]
        if candidates:
            chosen[index] = min(
                candidates, key=lambda s: _gap(anchor.start, anchor.end, s.start_char, s.end_char)
            )
    return chosen


def _is_context(text: str, mention: Mention) -> bool:
    return bool(
        _CONTEXT_BEFORE.search(text[max(0, mention.start - 40) : mention.start])
        or _CONTEXT_AFTER.match(text[mention.end :])
    )


def _structured_pairs(text: str, countries: list[Mention]) -> list[tuple[int, int, frozenset[str]]]:
    """Pairs the syntax states: "India-Japan", "between Kenya and Ethiopia", "India and Japan will"."""
    pairs = []
    ordered = sorted(countries, key=lambda m: m.start)
    for first, second in zip(ordered, ordered[1:], strict=False):
        if first.country_code == second.country_code:
            continue
        between = text[first.end : second.start]
        listed = re.search(r",\s*$", text[: first.start]) or re.match(r"^\s*,", text[second.end :])
        if (
            _PAIR_JOINER.match(between)
            or (_AND_JOINER.match(between) and not listed)
            or (_BETWEEN.search(text[: first.start]) and re.match(r"^\s+and\s+$", between))
        ):
            pairs.append((first.start, second.end, frozenset({first.country_code, second.country_code})))
    return pairs


def _destination(text: str, anchor: Anchor, places: list[Mention], clause: tuple[int, int]) -> Mention | None:
    for place in sorted(places, key=lambda p: _gap(anchor.start, anchor.end, p.start, p.end)):
        if not (clause[0] <= place.start < clause[1]) or place.country_code is None:
            continue
        before = text[max(0, place.start - 30) : place.start]
        if _DESTINATION_BEFORE.search(before) and (place.start >= anchor.start - 40):
            return place
    return None


def _location(
    text: str,
    index: int,
    anchors: list[Anchor],
    statuses: list[str | None],
    places: list[Mention],
    clause: tuple[int, int],
) -> Mention | None:
    """ "in Tokyo" belongs to its nearest anchor, and to the other anchors of its clause with the same
    status."""
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
    if not located:
        return None
    return min(located, key=lambda p: (p.label != "LOCATION", _gap(anchor.start, anchor.end, p.start, p.end)))


@dataclass
class _SentenceContext:
    text: str
    countries: list[Mention]
    people: list[Mention]
    places: list[Mention]
    organizations: list[Mention]


def _pair_for(
    ctx: _SentenceContext,
    anchor: Anchor,
    clause: tuple[int, int],
    destination: Mention | None,
    previous_pair: tuple[str, str] | None,
) -> tuple[tuple[str, str] | None, str]:
    text = ctx.text

    def within(m: Mention, span: tuple[int, int]) -> bool:
        return span[0] <= m.start < span[1]

    for scope in (clause, (0, len(text))):
        countries = [m for m in ctx.countries if within(m, scope) and not _is_context(text, m)]
        structured = [p for p in _structured_pairs(text, countries) if len(p[2]) == 2]
        if structured:
            nearest = min(structured, key=lambda p: _gap(p[0], p[1], anchor.start, anchor.end))
            return tuple(sorted(nearest[2])), "explicit"
        people = {m.country_code for m in ctx.people if within(m, scope) and m.country_code}
        codes = {m.country_code for m in countries} | people
        if destination is not None:
            codes.add(destination.country_code)
        if len(codes) > 2:
            codes = people | ({destination.country_code} if destination is not None else set())
        if len(codes) == 2:
            return tuple(sorted(codes)), "explicit"
        if len(codes) > 2:
            return None, "explicit"
    if previous_pair and _COREFERENCE.search(text) and codes <= set(previous_pair):
        return previous_pair, "coreference"
    return None, "explicit"


def _participants(
    ctx: _SentenceContext, clause: tuple[int, int], pair: tuple[str, str], persons: dict[str, dict]
) -> list[dict]:
    people = [m for m in ctx.people if clause[0] <= m.start < clause[1]] or ctx.people
    chosen: dict[str, dict] = {}
    for m in people:
        if not m.entity_id or not m.entity_id.startswith("person:"):
            continue
        person_id = m.entity_id.removeprefix("person:")
        info = persons.get(person_id, {})
        country = m.country_code or info.get("country_code")
        if country is not None and country not in pair:
            continue
        chosen.setdefault(
            person_id,
            {
                "person_id": person_id,
                "name": info.get("name") or m.text,
                "role": info.get("role"),
                "country_code": country,
            },
        )
    return list(chosen.values())


def _initiator(
    ctx: _SentenceContext,
    anchor: Anchor,
    pair: tuple[str, str],
    destination: Mention | None,
    trigger_text: str,
) -> tuple[str | None, str | None]:
    """(initiator, host): a visit goes from the visitor to the destination; an offer or a call comes from its
    subject."""
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
    score = 0.55 + (0.2 if anchor.specific else 0.0) - (0.15 if pair_source == "coreference" else 0.0)
    score += (0.05 if has_date else 0.0) + (0.05 if has_people else 0.0)
    return round(min(0.95, max(0.05, score)), 3)


# --- per article -----------------------------------------------------------------------------------------


def _sentence_context(text: str, mentions: list[Mention], persons: dict[str, dict]) -> _SentenceContext:
    countries, people, places, organizations = [], [], [], []
    for m in mentions:
        if m.label in _COUNTRY_LABELS and m.country_code:
            countries.append(m)
        elif m.label == "PERSON":
            info = persons.get((m.entity_id or "").removeprefix("person:"), {})
            code = m.country_code or info.get("country_code")
            people.append(Mention(m.start, m.end, m.text, m.label, m.entity_id, code))
        elif m.label == "LOCATION":
            places.append(m)
        elif m.label == "ORGANIZATION" and m.country_code and not MULTILATERAL.search(m.text):
            organizations.append(m)
    return _SentenceContext(text, countries, people, places + countries, organizations)


def _is_off_topic(ctx: _SentenceContext) -> bool:
    """Sports and business news name countries and "visits" without any state taking part."""
    return bool(_OFF_TOPIC.search(ctx.text)) and not _OFFICIAL.search(ctx.text)


def article_engagements(
    article: dict, sentences: list[dict], mentions: list[dict], persons: dict[str, dict]
) -> list[dict]:
    """The engagement mentions of one article, in sentence order (pure function of the article)."""
    published = article.get("published_date")
    by_sentence: dict[int, list[Mention]] = {}
    offsets = {s["sentence_index"]: s["start_char"] for s in sentences}
    for m in mentions:
        base = offsets.get(m["sentence_index"])
        if base is None:
            continue
        by_sentence.setdefault(m["sentence_index"], []).append(
            Mention(
                m["start_char"] - base,
                m["end_char"] - base,
                m["text"],
                m["label"],
                m["entity_id"],
                m["country_code"],
            )
        )
    rows: list[dict] = []
    previous_pair: tuple[str, str] | None = None
    previous_status: str | None = None
    for sentence in sorted(sentences, key=lambda s: s["sentence_index"]):
        text = sentence["text"]
        lowered = text.lower()
        if not (_may_hold_trigger(lowered) and _ANY_TRIGGER_LOWERCASE.search(lowered)):
            continue
        ctx = _sentence_context(text, by_sentence.get(sentence["sentence_index"], []), persons)
        if _is_off_topic(ctx):
            continue
        anchors = _find_anchors(text, ctx.countries)
        if not anchors:
            continue
        clauses = _clauses(text)
        cues = _status_cues(text, anchors)
        statuses = [_status(a, _clause_of(clauses, a.start), cues) for a in anchors]
        dates = _assign_dates(text, anchors, statuses, published)
        for index, (anchor, status, span) in enumerate(zip(anchors, statuses, dates, strict=True)):
            if anchor.multilateral:
                continue
            clause = _clause_of(clauses, anchor.start)
            destination = _destination(text, anchor, ctx.places, clause) if anchor.kind == "visit" else None
            pair, pair_source = _pair_for(ctx, anchor, clause, destination, previous_pair)
            if pair is None:
                continue
            status = (
                _status_with_dates(status, span, published)
                or previous_status
                or ("held" if anchor.kind == "agreement" else "planned")
            )
            trigger_text = text[anchor.start : anchor.end]
            initiator, host = _initiator(ctx, anchor, pair, destination, trigger_text)
            place = destination or _location(text, index, anchors, statuses, ctx.places, clause)
            if (
                host is None
                and place is not None
                and place.country_code in pair
                and anchor.kind != "cooperation"
            ):
                host = place.country_code
            participants = _participants(ctx, clause, pair, persons)
            rows.append(
                {
                    "article_id": article["article_id"],
                    "story_id": article.get("story_id") or article["article_id"],
                    "sentence_index": sentence["sentence_index"],
                    "start_char": sentence["start_char"] + anchor.start,
                    "end_char": sentence["start_char"] + anchor.end,
                    "sentence": text,
                    "trigger": trigger_text,
                    "country_a": pair[0],
                    "country_b": pair[1],
                    "initiator_country": initiator,
                    "host_country": host,
                    "engagement_type": anchor.kind,
                    "format": anchor.format,
                    "status": status,
                    "start_date": span.start if span else None,
                    "end_date": span.end if span else None,
                    "date_precision": span.precision if span else None,
                    "end_date_implied": bool(span and span.end_implied),
                    "location_city": place.text if place is not None and place.label == "LOCATION" else None,
                    "location_country": place.country_code if place is not None else None,
                    "ordinal": anchor.ordinal,
                    "participant_person_ids": [p["person_id"] for p in participants],
                    "participants": participants,
                    "pair_source": pair_source,
                    "confidence": _confidence(anchor, pair_source, span is not None, bool(participants)),
                    "published_date": published,
                }
            )
            previous_pair, previous_status = pair, status
    return rows


def _status_with_dates(status: str | None, span: DateSpan | None, published: date | None) -> str | None:
    """Tense cues are checked against the resolved dates: a "planned" event dated before publication was
    held."""
    if span is None or published is None:
        return status
    if status in (None, "planned") and (span.end or span.start) < published:
        return "held"
    if status in (None, "held") and span.start > published:
        return "planned"
    return status


def _candidate_sentences(sentences: pl.DataFrame) -> pl.DataFrame:
    """The sentences of a batch that may state an engagement (the test article_engagements makes first), so
    that only those become Python dicts: the stem automaton runs in polars over all of them at once, the
    trigger search in Python only over the third that hold a stem."""
    if not sentences.height:
        return sentences
    with_stem = sentences.filter(pl.col("text").str.to_lowercase().str.contains_any(list(_TRIGGER_STEMS)))
    return with_stem.filter(
        pl.Series(
            [_ANY_TRIGGER_LOWERCASE.search(text.lower()) is not None for text in with_stem["text"]],
            dtype=pl.Boolean,
        )
    )


def extract_engagements(
    articles: pl.DataFrame, sentences: pl.DataFrame, entity_mentions: pl.DataFrame, persons: pl.DataFrame
) -> pl.DataFrame:
    """Engagement mentions of a batch of articles (with their text, from which the sentence spans are cut);
    entity_mentions carry linked PERSON ids ('person:<person_id>')."""
    person_rows = {
        row["person_id"]: row
        for row in persons.select(
            [c for c in ("person_id", "name", "country_code", "role") if c in persons.columns]
        ).iter_rows(named=True)
    }
    article_columns = [c for c in ("article_id", "story_id", "published_date") if c in articles.columns]
    sentences = _candidate_sentences(with_sentence_text(sentences, articles))
    sentences_by_article = (
        sentences.rows_by_key("article_id", named=True, unique=False) if sentences.height else {}
    )
    mention_columns = [
        "article_id",
        "sentence_index",
        "start_char",
        "end_char",
        "text",
        "label",
        "entity_id",
        "country_code",
    ]
    mentions_by_article = (
        entity_mentions.select(mention_columns)
        .join(
            sentences.select("article_id", "sentence_index"),
            on=["article_id", "sentence_index"],
            how="semi",
            maintain_order="left",
        )
        .rows_by_key("article_id", named=True, unique=False)
        if entity_mentions.height and sentences.height
        else {}
    )
    rows: list[dict] = []
    for article in articles.select(article_columns).iter_rows(named=True):
        article_sentences = sentences_by_article.get(article["article_id"])
        if article_sentences is None:
            continue
        rows.extend(
            article_engagements(
                article,
                article_sentences,
                mentions_by_article.get(article["article_id"], []),
                person_rows,
            )
        )
    return pl.DataFrame(rows, schema=MENTION_SCHEMA)


ENGAGEMENT_CACHE_SCHEMAS = {
    "mentions": pl.Schema({k: v for k, v in MENTION_SCHEMA.items() if k not in ("article_id", "story_id")})
}


def _person_fingerprints(entity_mentions: pl.DataFrame, persons: pl.DataFrame) -> pl.DataFrame:
    """Per article, the linked people it names, each as its id, whether the person table has it, and its country:
    all an article's engagement mentions depend on besides its own text and date, since linking runs across the
    corpus. Names and roles are not part of it: they are filled in from the person table on every run
    (``_with_current_person_details``), so a person's new role, learnt from a new article, does not send every
    article naming that person back through extraction. The set is kept as the wrapping sum of its members'
    64-bit hashes, which any change to a member changes (as strings, sorted and joined, it took three times as long
    at 100k articles)."""
    return (
        entity_mentions.lazy()
        .filter(pl.col("label") == "PERSON")
        .select("article_id", person_id=pl.col("entity_id").str.strip_prefix("person:"))
        .unique()
        .join(persons.lazy().select("person_id", "country_code", known=pl.lit(True)), on="person_id", how="left")
        .group_by("article_id")
        .agg(people=pl.struct("person_id", "known", "country_code").hash(seed=0).sum())
        .collect()
    )


def _with_current_person_details(mentions: pl.DataFrame, persons: pl.DataFrame) -> pl.DataFrame:
    """Mentions whose participants carry the name and role the person table gives them now (a participant not
    in it keeps the name it was extracted with), as a fresh extraction would give them."""
    participants = (
        mentions.select(pl.int_range(pl.len()).alias("mention"), "participants")
        .explode("participants", empty_as_null=True, keep_nulls=True)
        .unnest("participants")
        .join(
            persons.select("person_id", current_name="name", current_role="role", known=pl.lit(True)),
            on="person_id",
            how="left",
            maintain_order="left",
        )
        .group_by("mention", maintain_order=True)
        .agg(
            participants=pl.struct(
                "person_id",
                name=pl.when("known").then("current_name").otherwise("name"),
                role=pl.when("known").then("current_role").otherwise("role"),
                country_code="country_code",
            ).filter(pl.col("person_id").is_not_null())
        )
    )
    return mentions.with_columns(participants["participants"].cast(pl.List(PARTICIPANT_DTYPE)))


def extract_engagements_cached(
    articles: pl.DataFrame,
    sentences: pl.DataFrame,
    entity_mentions: pl.DataFrame,
    persons: pl.DataFrame,
    texts: pl.LazyFrame,
    cache: ArticleResultCache,
) -> tuple[pl.DataFrame, int]:
    """(engagement mentions, articles extracted in this call): extract_engagements on both cores for the
    articles whose text, publication date or linked people changed; the others come from the cache.

    ``sentences`` and ``entity_mentions`` may hold rows of other articles (duplicates): they are left out. The
    texts of the articles to extract are read from ``texts`` (``text_key``, ``text``; see ``pipeline.texts``)."""

    def compute(todo: pl.DataFrame) -> dict[str, pl.DataFrame]:
        (mentions,) = map_article_batches(
            partial(_engagements_of_batch, persons=persons),
            with_article_text(todo, texts),
            [sentences, entity_mentions],
        )
        return {"mentions": mentions.drop("story_id")}

    keyed = articles.select("article_id", "story_id", "published_date", "text_key").join(
        _person_fingerprints(entity_mentions, persons), on="article_id", how="left"
    )
    frames, n_extracted = cached_by_article(
        cache, keyed, content_key("text_key", "published_date", "people"), compute
    )
    mentions = _with_current_person_details(frames["mentions"], persons).join(
        articles.select("article_id", "story_id"), on="article_id"
    )
    return mentions.select(list(MENTION_SCHEMA)).sort(
        "article_id", "sentence_index", "start_char"
    ), n_extracted


def _engagements_of_batch(
    articles: pl.DataFrame, sentences: pl.DataFrame, entity_mentions: pl.DataFrame, *, persons: pl.DataFrame
) -> tuple[pl.DataFrame]:
    return (extract_engagements(articles, sentences, entity_mentions, persons),)
