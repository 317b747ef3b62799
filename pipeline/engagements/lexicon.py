"""The engagement rules' words: trigger patterns, format heads, tense cues and the phrases that place a date in or
out of an engagement (those that place a country, a place or a person, and the off-topic words, are in
``lexicon_sides``). Lists of plain words are data files in ``data/``; what needs a pattern is a regex here. Nothing
in this module decides anything on its own: ``anchors`` and ``attributes`` do."""

from __future__ import annotations

import re
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def _data_lines(name: str) -> list[str]:
    """The lines of a data file, in file order, without blank lines and ``#`` notes."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _data_pairs(name: str) -> list[tuple[str, str]]:
    """The rows of a two-column, tab-separated data file, in file order."""
    return [tuple(line.split("\t")) for line in _data_lines(name)]


# --- format names and triggers --------------------------------------------------------------------------

_HEADS = dict(_data_pairs("heads.tsv"))
"""Head word of a format's name -> the kind of engagement it names; the order is the file's."""
_CAPITALISED_HEAD = re.compile(
    r"\b(?:" + "|".join(w.capitalize() for w in _HEADS) + r"|MoU|MOU|Plan|Statement)\b"
)
_LEFT_CONNECTORS = {"and", "of", "on", "for", "&"}
"""Lower-case words a format's name may hold before its head ("Trade and Investment Dialogue")."""
_RIGHT_CONNECTORS = {"on", "of", "for", "to"}
"""Lower-case words that continue a name after its head ("Memorandum of Understanding")."""
_LEADING_FUNCTION_WORDS = set(_data_lines("leading_function_words.txt"))
_ORDINALS = {word: int(number) for word, number in _data_pairs("ordinals.tsv")}
_ORDINAL_BEFORE = re.compile(
    r"\b(?P<ord>first|inaugural|maiden|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d{1,3}(?:st|nd|rd|th))\b(?:\s+(?:such|annual|ever|edition\s+of\s+the|round\s+of))?(?:\s+[\w'’+\-]+){0,3}\s*$",
    re.IGNORECASE,
)
"""An ordinal up to three words before an anchor: "the third such meeting", "the 12th round of talks"."""
_ORDINAL_OPENING = re.compile(
    r"(?P<ord>first|inaugural|maiden|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d{1,3}(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
"""An ordinal that opens a format's own name: "the 14th India-Japan Annual Summit" numbers the summit."""
_RECENCY_AFTER = re.compile(
    r"^[^.;:]{0,50}?\b(?:as\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:prime\s+minister|president|"
    r"chancellor|premier|minister|leader|head\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:state|government)|secretary)|since\b|"
    r"after\s+(?:(?:his|her|their|the)\s+)?(?:re-?election|election|inauguration|swearing-in|"
    r"(?:taking|assuming)\s+(?:office|power))\b|"
    r"(?:in|for)\s+(?:over\s+|more\s+than\s+|less\s+than\s+|nearly\s+|almost\s+)?(?:a|an|\w+|\d+)\s+"
    r"(?:years?|decades?|months?|weeks?)\b|"
    r"(?:of|during|in)\s+(?:his|her|their|its)\s+(?:term|tenure|presidency|premiership|mandate))",
    re.IGNORECASE,
)
"""What makes "first" recency, not a rank in a series (the guide's Ordinals): "her first trip as defence minister",
"the first summit in a decade", "his first trip to Lima for almost four years", "his first visit since taking
office", "the first call he took after his re-election" (a count from a person's accession)."""
_TWO_WORD_COUNTRY = (
    r"(?:United|South|North|New|Saudi|Sri|Costa|El|Papua|Sierra|Burkina|Cape|Czech|Dominican|East|San|Solomon|"
    r"Marshall|Central|Ivory|Puerto|Hong|Timor|Equatorial|Trinidad)"
)
"""The first words of two-word country names ("United States", "South Africa", "Sri Lanka"), which may stand in a
chain of three states joined by hyphens ("the Canada-United States-Mexico Agreement")."""
MULTILATERAL = re.compile(
    r"\b(?:Quad|ASEAN|Asean|G-?20|G-?7|G-?8|BRICS|NATO|EU|European Union|SCO|"
    r"Shanghai Cooperation Organi[sz]ation|APEC|UN|U\.N\.|United Nations|African Union|AU|OAS|"
    r"Organization of American States|Commonwealth|CHOGM|CELAC|Mercosur|GCC|Gulf Cooperation Council|"
    r"Arab League|OPEC|IBSA|SAARC|BIMSTEC|COP\s?\d+|World Economic Forum|Davos|ECOWAS|"
    r"IGAD|SADC|EAC|East African Community|Pacific Islands Forum|WTO|IMF|World Bank|East Asia Summit|"
    r"Summit of the Americas|(?:Arab|Ibero-American|Pan-African|African|Asian|European|Nordic|Baltic|Islamic|Arab-Islamic|"
    r"Caribbean|Central\s+American|Latin\s+American)\s+(?:[Ll]eaders['’]?\s+)?[Ss]ummit|Paris Agreement|Kyoto Protocol|Geneva Conventions?|Non-Proliferation|trilateral|"
    r"multilateral|quadrilateral|tripartite|quadripartite|trilateral|regional|Security Council|General Assembly|"
    r"CPTPP|RCEP|TPP|Trans-Pacific Partnership|Regional Comprehensive Economic Partnership|NAFTA|USMCA|"
    r"among others|one of (?:\d+|[a-z]+) (?:countries|members|nations|signatories|states)|"
    r"(?:" + _TWO_WORD_COUNTRY + r"\s+)?[A-Z][\w.]*(?:[-–](?:" + _TWO_WORD_COUNTRY + r"\s+)?[A-Z][\w.]*){2,}|"
    r"(?:Organi[sz]ation|Community|Union|Association|League|Conference)\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+|and\s+){0,5}"
    r"(?:Countries|States|Nations|Co-?operation)|"
    r"Group\s+of\s+(?:Seven|Eight|Twenty|20|7|8|77))\b"
)
"""Gatherings of more than two states: an engagement held there as a whole is not bilateral. "Asean" is the
spelling of several outlets; "tripartite" and "quadripartite" name meetings of three and four states. Trade pacts
of many members (CPTPP, RCEP) and the words that say a party is one of many ("one of 11 members", "among others")
make a pact named with two of its members no bilateral agreement, and so do three states joined by hyphens
("the US-Mexico-Canada pact", "the Canada-United States-Mexico Agreement", ``_TWO_WORD_COUNTRY``); "the
Spain-Morocco High-Level Council" is no such chain. An organisation of many states may be spelled out ("the Organization of the
Petroleum Exporting Countries", "the Organisation of Islamic Cooperation", "the Group of 20"), and so may a
community, union, association or league of them ("the Community of Sahel-Saharan States", "the
Association of Southeast Asian Nations", "the League of Arab States"). A summit named by a region or a people of
many states ("the 33rd Arab Summit", "the Ibero-American Summit", "the Nordic summit") is a gathering of them:
its host is no party to what a guest does on the way there."""
_SIGNED_BY_MANY = re.compile(
    r"[^.;]{0,40}?\b(?:signed|agreed|concluded|brokered|inked)\s+(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?"
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,\s*(?:the\s+)?){2,}[A-Z]"
)
"""After an agreement's noun, the three or more parties that signed it ("the deal signed in July by the UN,
Ghana, Kenya and Peru"): a deal of several parties, not a bilateral agreement. Used with ``match(text, end)``."""
_MULTILATERAL_AFTER = re.compile(
    r"\s+(?:of|between|among|with)\s+(?:the\s+)?(?:Americas\b|"
    + MULTILATERAL.pattern.removeprefix(r"\b")
    + r"|(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,\s*){2,}[A-Z])"
)
"""After a trigger, a gathering named by its organisation ("the Summit of the Americas", "a meeting of ASEAN
foreign ministers") or by three or more states ("a meeting of Japan, Australia, India and America"): the anchor
is that gathering. Used with ``match(text, end)``, so it has no "^"."""
_MULTILATERAL_NAME_BEFORE = re.compile(
    r"\b(?i:the|a|an|its|their|this|next|last)\s+(?:(?i:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|"
    r"annual|new|inaugural|latest|upcoming|next|last)\s+)?(?:" + MULTILATERAL.pattern.removeprefix(r"\b").removesuffix(r"\b")
    + r")(?:[\s-]+(?!(?i:summit|meeting|conference|forum|assembly|gathering)\b)[\w'’.&+]+){0,7}\s+$"
)
"""Before a trigger noun, a noun phrase that opens with a gathering's or a pact's organisation after its determiner
("the second G20 Trade and Investment Working Group meeting", "the trilateral US-Mexico-Canada free trade
pact"): the trigger is that gathering or pact, however long its name. The phrase ends at a gathering's own head
noun, so a trigger after "the G20 summit" is not swallowed by it. Used with ``search`` on the text before the
trigger."""
_GROUP_POSSESSIVE_BEFORE = re.compile(
    r"\b(?i:the)\s+(?:(?!two\b|both\b)[\w-]+\s+)?(?:ministers|leaders|members|delegates|participants)['’]\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
"""Before a trigger noun, a group's plural possessive ("the ministers' video conference", "the oil ministers'
meeting", not "the two ministers' call"): in a sentence that names an organisation of many states ("OPEC oil
ministers agreed ... at the ministers' video conference"), it is that organisation's gathering."""
_SIDELINES_OF = re.compile(
    r"\b(?:sidelines?|margins?|side-lines?)\s+of\s+(?:the\s+|a\s+|this\s+|that\s+|last\s+\w+['’]s\s+)?"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
_SIDELINES_AFTER = re.compile(r"['’]s?\s+(?:sidelines?|margins?|side-lines?|fringes?)\b", re.IGNORECASE)
"""After a gathering's noun, its sidelines in the possessive ("on the summit's sidelines", "on the forum's margins"):
the noun is the gathering, whose sidelines hold the bilateral meetings."""
"""Before a trigger, the words that name it as the gathering on whose sidelines others meet ("on the sidelines of
the summit"): that trigger is the gathering, not a bilateral engagement."""
_SPECIFIC_LOWERCASE: list[tuple[str, str, re.Pattern[str]]] = [
    ("visit", "state visit", re.compile(r"\bstate\s+visits?\b", re.IGNORECASE)),
    ("visit", "official visit", re.compile(r"\bofficial\s+visits?\b", re.IGNORECASE)),
    ("visit", "working visit", re.compile(r"\bworking\s+visits?\b", re.IGNORECASE)),
    ("meeting", "summit", re.compile(r"\bsummit\b", re.IGNORECASE)),
    ("meeting", "strategic dialogue", re.compile(r"\bstrategic\s+dialogue\b", re.IGNORECASE)),
    (
        "meeting",
        "joint commission session",
        re.compile(
            r"\b(?:sessions?|sittings?|meetings?|rounds?)\s+of\s+(?:the|their|its)\s+(?:(?!of\b)[\w'’-]+\s+){0,4}?"
            r"(?:joint|bi-?national|mixed|intergovernmental)\s+(?:[\w-]+\s+){0,2}?commission\b",
            re.IGNORECASE,
        ),
    ),
    ("meeting", "binational cabinet", re.compile(r"\bbi-?national\s+cabinets?\b", re.IGNORECASE)),
    (
        "meeting",
        "high-level cooperation council",
        re.compile(
            r"\b(?:high[-\s]level\s+(?:strategic\s+)?(?:cooperation\s+)?|strategic\s+(?:cooperation\s+)?|"
            r"intergovernmental\s+|joint\s+(?:cooperation\s+)?)council\b",
            re.IGNORECASE,
        ),
    ),
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
            r"\b(?:(?:talks|meeting|conversation|discussions)\s+(?:via|by|over|through)\s+(?:a\s+)?"
            r"(?:video[\s-]*(?:call|conference|link)|videoconference)|"
            r"(?:video[\s-]*(?:call|conference|link)|videoconference|virtual\s+(?:call|talks|meeting))"
            r"(?:\s+(?:talks|meeting|discussions?|conversation))?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "call",
        "phone call",
        re.compile(
            r"\b(?:(?:tele)?phone\s+(?:call|conversation|talks|discussion)s?|telephonic\s+(?:talks|conversation)|"
            r"(?:talks|meeting|conversation|discussions?)\s+(?:(?:was|were)\s+)?(?:held\s+)?(?:via|by|over|on)\s+"
            r"(?:the\s+)?(?:tele)?phone\b|"
            r"(?:spoke|speak|speaks|speaking|spoken)\s+(?:\w+\s+){0,6}?(?:by|over\s+the|on\s+the)\s+(?:tele)?phone|"
            r"phoned|telephoned|dialled|dialed)\b",
            re.IGNORECASE,
        ),
    ),
]
"""(kind, format, pattern): known formats written in lower case ("state visit", "2+2", "phone call"). A council
that two governments hold ("the Greece-Turkey High-Level Cooperation Council", "an intergovernmental council")
is a meeting (annotation guide, meeting: "councils"); the organisations' councils ("Gulf Cooperation Council",
"Security Council", China's "State Council") are not matched. A session of a commission two governments hold together
("co-chaired the 8th session of the Joint High Commission", "the 10th Session of the Bi-National Commission", "the
inaugural sitting of their joint permanent commission") is their meeting as well, and so is a binational cabinet
(the joint sitting of two governments' ministers); a commission alone ("the European Commission", "to elevate the Joint Commission") is none. Talks held by video are a call (guide: "a phone or
video call"), the talks noun with it ("held videoconference talks", "talks via video link"), so that no meeting
is read beside the call; so are talks held by telephone ("the meeting held via telephone")."""
SPOKE_WITH = (
    r"(?:spoke|speaks|speak|speaking|spoken|talked|talks(?=\s+to\s))\s+(?:[\w-]+\s+){0,2}?(?:with|to)\s+"
    r"(?:(?:his|her|their|the|acting|deputy|vice|foreign|prime|visiting|new|newly[\s-]elected|incoming)\s+|"
    r"(?-i:[A-Z])[\w'’.-]*,?\s+){0,5}?"
    r"(?:counterparts?|ministers?|presidents?|premiers?|chancellors?|secretary|king|emir|amir|prince|leaders?|pm|"
    r"(?:mr|mrs|ms|dr)\.?\s+(?-i:[A-Z])[\w'’-]+)"
)
"""Speaking with an official of the other side ("spoke last night with Estonian Prime Minister Liina Kask",
"I spoke with Tomas Reyes, the Prime Minister of Belize"): between the words, only titles, names and a few title
words, so that "spoke to reporters about the minister" is no contact. The official may be new in office ("has
spoken to the newly elected Peruvian Prime Minister Ana Soto"), a "PM", or named with an honorific ("spoke to Ms Soto");
a headline's "talks to" is the verb ("Lindqvist talks to new Peruvian PM Soto"), not talks held. It is a meeting when the two are together
(a visit, a summit) and a call otherwise (``anchors.remote_contacts``)."""
JOINT_TALK_VERBS = r"discuss(?:ed|es|ing)?|tackl(?:e[sd]?|ing)|review(?:s|ed|ing)?|exchang(?:e|es|ed|ing)\s+views"
"""Talks the two leaders or sides hold ("the two presidents will tackle concrete topics"): a meeting."""
RECEIVED_AS_GUEST = (
    r"(?:be|been|was|were|is|are)\s+(?:to\s+be\s+)?received\s+(?:(?:officially|formally|warmly|ceremonially)\s+"
    r"|(?:[\w'’-]+\s+){0,4}?(?:at|in)\s+(?:the\s+)?(?:State\s+House|(?:[\w'’-]+\s+){0,2}?Palace|airport))"
)
"""A guest received officially, or at a palace, State House or airport, made a trip there: a visit (guide)."""
DOCUMENTS_ADOPTED = (
    r"(?:adopt(?:s|ed|ing)?|exchang(?:e|es|ed|ing)(?:\s+of)?)\s+(?:(?!and\b|or\b)[\w-]+\s+){0,3}?(?:documents|papers)|"
    r"(?:documents|papers)\s+(?:[\w-]+\s+){0,8}?(?:will\s+be|is\s+to\s+be|are\s+to\s+be|to\s+be|were|was|are|"
    r"have\s+been|had\s+been)\s+(?:adopted|exchanged)"
)
"""Documents the two sides adopt or exchange ("a series of documents ... will be adopted", "witnessing the exchange
of many cooperation documents"): the guide's agreement is a document signed "or adopted", and papers exchanged at
a ceremony are signed ones. Documents named with other things exchanged ("the exchange of information and
documents", what a memorandum provides for) are none."""
_NOUN_AFTER_TALK_ADJECTIVE = r"meetings?|talks|sessions?|discussions?|summits?|interviews?|dinners?|lunch(?:es)?"
"""A noun after "one-on-one", "tête-à-tête" or "sit-down": the noun is then the trigger ("a one-on-one meeting"), or
no engagement at all ("a sit-down interview" with a broadcaster); alone, the word is the meeting of the guide's
class of talks ("held a tête-à-tête with his counterpart", "a sit-down with the premier")."""
_GENERIC: list[tuple[str, re.Pattern[str]]] = [
    (
        "meeting",
        re.compile(
            r"\b(?:meet|meets|met|meeting|meetings|talks|dialogue|consultations|summits?|"
            r"(?:held|hold|holds|holding|had|have|has|having)\s+(?:[\w-]+\s+){0,2}?discussions|"
            r"(?:held|hold|holds|holding|had)\s+a\s+(?:[\w-]+\s+){0,2}?talk|(?:a|the)\s+(?:[\w-]+\s+){0,2}?talk(?=\s+between)|"
            r"sat\s+down\s+with|conferred\s+with|interacted\s+with|bilateral\s+discussions|courtesy\s+calls?|"
            r"(?:t[eê]te[-\s][aà][-\s]t[eê]te|sit-down|one-on-one)s?(?!\s+(?:" + _NOUN_AFTER_TALK_ADJECTIVE + r"))|"
            r"discussions?(?=\s+between\s)|"
            r"(?:the\s+two|both)\s+(?:[\w-]+\s+)?(?:leaders|ministers|presidents|premiers|sides|delegations)\s+"
            r"(?:[a-z]+\s+){0,3}?(?:" + JOINT_TALK_VERBS + r")|"
            r"receiv(?:e|es|ed|ing)\s+(?:his\s+|her\s+|their\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?"
            r"(?:counterpart|minister|president|premier|chancellor|secretary|delegation|envoy)|"
            r"call(?:s|ed|ing)?\s+on\s+(?:his\s+|her\s+|their\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?"
            r"(?:counterpart|minister|president|premier|chancellor|secretary|king|emir|prince)|"
            + SPOKE_WITH
            + r")\b",
            re.IGNORECASE,
        ),
    ),
    (
        "visit",
        re.compile(
            r"\b(?:visits?|visited|visiting|trip|arrived\s+in|arrives\s+in|arrive\s+in|arriving\s+in|"
            r"travel(?:s|led|ed|ling|ing)?\s+(?:on\s+)?to|tour\s+of|(?:flew|flies|fly|flying)\s+(?:on\s+)?to|"
            r"land(?:s|ed|ing)\s+(?:in|at)|arriv(?:e|es|ed|ing)\s+at\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?airport|"
            r"arriv(?:e|es|ed|ing)\s+at\s+(?:the\s+)?(?:White\s+House|Kremlin|[ÉE]lys[ée]e|State\s+House|"
            r"Government\s+House|Blue\s+House|Chancellery|(?:Presidential|Royal|Government)\s+Palace)|"
            r"depart(?:s|ed|ing)?\s+for|(?:head(?:s|ed|ing)?\s+(?:to|for)|le(?:ft|aves?|aving)\s+for|en\s+route\s+to|"
            r"(?<!\bit\s)c(?:ame|omes?|oming)\s+to|arriv(?:e|es|ed|ing)\s+to)"
            r"(?=\s+(?:the\s+)?(?-i:[A-Z]))|" + RECEIVED_AS_GUEST + r")\b",
            re.IGNORECASE,
        ),
    ),
    (
        "call",
        re.compile(
            r"\b(?:held\s+a\s+call|in\s+a\s+call|on\s+a\s+call|call\s+with|"
            r"called\s+(?!on\b)(?:his\s+|her\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?"
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
            r"arms|bilateral|energy|investment)\s+deals?|" + DOCUMENTS_ADOPTED + r")\b",
            re.IGNORECASE,
        ),
    ),
    (
        "exercise",
        re.compile(
            r"\b(?:(?i:(?:joint|bilateral|naval|military|air|army|combined|maritime)\s+(?:military\s+|naval\s+|"
            r"air\s+|maritime\s+|combat\s+)?(?:training\s+)?(?:exercises?|drills?|war\s*games|manoeuvres?|maneuvers?)|war\s*games)|"
            r"exercises?\s+[\"“']?[A-Z][\w-]+|[A-Z][\w-]*+(?:\s+[\w-]+){0,3}+[\"”’']\s+(?:exercises?|drills?))\b"
        ),
    ),
    (
        "cooperation",
        re.compile(
            r"\b(?:offer(?:ed|s|ing)?\s+to\s+(?:help|assist|support|provide|supply|train|build|develop|share|fund|"
            r"finance|send|deploy|donate|give|sell|deliver)|"
            r"offer(?:ed|s|ing)?\s+(?:its|their|the|technical|financial|military)?\s*(?:help|assistance|support)|"
            r"(?:will|would|to|agreed\s+to|pledged\s+to)\s+(?:help\s+)?(?:fund|finance|co-?finance|bankroll)\b|"
            r"contribut(?:e|es|ed|ing)\s+(?:[£$€]|US\$|\d)|"
            r"(?:announc|unveil|approv)(?:e|es|ed|ing)\s+(?:a|an)\s+(?:new\s+)?(?:[\w£$€.-]+\s+){0,3}?"
            r"(?:funding|aid|assistance|financial|support|loan)\s+package|"
            r"(?:is|are|was|were|stands?|remains?)\s+ready\s+to\s+(?:help|assist|support|cooperate|work|provide|supply|"
            r"share|train)|(?:agreed|agree|agrees|plans?|planning|decided|pledged|vowed|promised|committed|will)\s+to\s+"
            r"(?:jointly|cooperate|co-produce|co-develop|work\s+together|set\s+up|establish|supply|train)|"
            r"(?:pledged|promised)\s+(?:to\s+)?(?:provide|supply|help|assistance|aid)|"
            r"offer(?:ed|s|ing)?\s+to\s+(?:cooperate|collaborate|partner|work\s+together)|"
            r"(?:proposed|suggested)\s+that\s+(?:[\w'’-]+\s+){1,8}?work\s+together|"
            r"(?:began|begun|begins|started|starts|continued|continues)\s+(?:delivering|providing|sending|supplying)\s+"
            r"(?:[\w-]+\s+)?(?:assistance|aid|support|help|equipment|vaccines)|"
            r"launch(?:ed|es|ing)?\s+(?:a\s+|the\s+)?joint\s+(?:programme|program|initiative|project|venture|fund)|"
            r"(?:gift(?:s|ed|ing)?|donat(?:e|es|ed|ing)|hand(?:s|ed|ing)?\s+over|provid(?:e|es|ed|ing)|give|gives|gave|"
            r"giving)\s+(?:a|an|the|its|two|three|four|five|six|\d+)\s+(?:[\w-]+\s+){0,3}?(?:ships?|vessels?|boats?|"
            r"aircraft|planes?|helicopters?|patrol\s+craft|radars?|ambulances))\b",
            re.IGNORECASE,
        ),
    ),
]
"""(kind, pattern): the words that state an engagement of a kind without naming a format ("met", "signed").
Translated news writes talks in the singular ("held a talk with", "during a talk between the top leaders"): a
talk held or between two is a meeting, where "a talk at the university" is none. A trip is also told by its
landing ("minutes after landing at the Simón Bolívar airport", "arrived at Entebbe airport"), or by the arrival
at a seat of government ("arrived at the Kremlin and was greeted by", "arrived at State House"), or by its
departure for a named place ("before heading to Dhaka", "left for Hanoi", "en route to Beijing"; a capital letter
after it, so "heading to the polls" is none), or by the coming to one ("he was coming to Belgrade", "came to the
White House"; not "when it comes to China", an idiom, nor "came to power"); "arrived to Abu Dhabi", as translated
news writes it, is "arrived in".
A host who receives an official of the other side meets them, in any tense ("will formally receive Prime
Minister Okafor on Tuesday", "received his Tunisian counterpart"): the guide's "X received Y", whose meeting is
the required record. "The two leaders will discuss trade" states talks of the two sides the article names (the talks held during a
visit, often): their discussion is a meeting, where "to discuss trade" alone is only a purpose. A gift of ships,
boats, aircraft or the like to the other side ("agreed to gift a survey vessel to Fiji", "took steps to provide
a transport aircraft for the air wing") is cooperation: an announced transfer between the two, as an offer is."""
TRIGGER_STEM_PATTERN = "(?:" + "|".join(
    line.removeprefix("re:") if line.startswith("re:") else re.escape(line)
    for line in _data_lines("trigger_stems.txt")
) + ")"
"""What every trigger holds, as one regular expression (for polars over a batch, and for ``_may_hold_trigger``):
a stem as a substring, or where the substring also stands in common words ("said" holds "aid", "warned" "war",
"according" "accord"), at a word start or as a whole word. A sentence without one cannot state an engagement,
so it is ruled out before the trigger search runs in Python on each sentence left."""
_TRIGGER_STEM = re.compile(TRIGGER_STEM_PATTERN)


def with_ascii_word_boundaries(pattern: str) -> str:
    """A pattern for polars with ASCII word boundaries, which its regex engine runs several times faster. Where
    every ``\\b`` stands next to an ASCII letter of the pattern, an ASCII boundary stands wherever a Unicode one
    does, so the pattern rules out no sentence the Unicode one keeps."""
    return pattern.replace(r"\b", r"(?-u:\b)")


TRIGGER_STEM_PATTERN_ASCII_BOUNDARIES = with_ascii_word_boundaries(TRIGGER_STEM_PATTERN)


def _may_hold_trigger(lowered: str) -> bool:
    """Whether a lower-cased sentence holds a trigger stem (``TRIGGER_STEM_PATTERN``)."""
    return _TRIGGER_STEM.search(lowered) is not None


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
"""Every trigger and format head as one pattern over the lower-cased sentence: most sentences of a news article
state no engagement, and one search rules them out. The text is lower-cased rather than searched IGNORECASE, and a
word start is tested once per position rather than a boundary once per trigger, both because they are faster."""
_FORMAT_BY_NAME_22 = re.compile(r"2\s?\+\s?2")
_REFERENCE_DETERMINER = re.compile(
    r"\b(?:[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ss]uch)\s+(?:[a-z][\w-]*\s+)?$|"
    r"\b[Tt]he\s+(?:(?:afore|above[\s-]?)?mentioned|said)\s+$"
)
"""Before a trigger noun, words that refer back ("this meeting", "such talks", "the mentioned agreement", "the
said treaty"): not a new engagement."""
_NOUN_TRIGGER = re.compile(
    r"(?:meetings?|talks|dialogue|consultations|summits?|visits?|trip|agreements?|accords?|"
    r"pacts?|treaty|treaties|deals?|exercises?|drills?|call)$",
    re.IGNORECASE,
)
"""A trigger that is a noun (it can be the subject of "this ..." or a multilateral gathering's name)."""
_PURPOSE_BEFORE = re.compile(r"\b(?:for|holding|to\s+hold)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
"""Before talks, the words that make them a visit's purpose: "for talks", "holding talks"."""

# --- tense, clauses and attribution ----------------------------------------------------------------------

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
once per cue, which is faster."""
_FORWARD = {"planned", "proposed", "postponed", "cancelled"}
"""Statuses whose dates point forward: a cancelled meeting "for June" is the coming June."""
_CLAUSE_BREAK = re.compile(r";\s|,?\s+(?:while|whereas)\s+|,\s+but\s+")
"""Where one clause of a sentence ends and the next begins: a status, a pair or a place stays in its clause."""
_ATTRIBUTION_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|stated|added|reported|confirmed|noted|statement|issued|tweeted|wrote|posted|"
    r"according\s+to)\b(?:\s+[\w.'’-]+){0,4}?\s+(?:on\s+|in\s+|this\s+|last\s+)?$",
    re.IGNORECASE,
)
_ATTRIBUTION_AFTER = re.compile(r"^\s*,?\s*(?:said|told|announced|stated|confirmed)\b", re.IGNORECASE)
"""With _ATTRIBUTION_BEFORE: a date that says when something was said ("said on Monday"), not when it happens."""
_SIDES_ADJECTIVES = r"(?:(?:(?-i:[A-Z])[\w-]*|neighbou?ring|friendly|brotherly|sisterly|fraternal)\s+){0,2}"
"""Adjectives the two sides may be named with ("both Latin American leaders", "the two neighbouring countries")."""
_COREFERENCE = re.compile(
    r"\b(?:the\s+two\s+" + _SIDES_ADJECTIVES + r"(?:countries|nations|sides|leaders|ministers|governments|presidents|prime\s+ministers|"
    r"neighbou?rs|delegations|heads\s+of\s+(?:state|government))|both\s+(?:the\s+)?" + _SIDES_ADJECTIVES + r"(?:countries|nations|sides|"
    r"leaders|ministers|governments|presidents|prime\s+ministers|delegations|heads\s+of\s+(?:state|government))|the\s+(?:ministers|leaders)|(?:his|her|their)\s+(?:\w+\s+)?counterparts?|bilateral|"
    r"during\s+the\s+(?:visit|trip|talks|meeting|summit)|the\s+(?:visit|talks|meeting|trip|summit)|"
    r"their\s+(?:[\w-]+\s+){0,2}?(?:visit|talks|meeting|trip|summit)|today['’]s\s+(?:[\w-]+\s+)?(?:visit|talks|meeting)|"
    r"^\s*(?:he|she)\s|the\s+two\s+(?=(?:also\s+|last\s+|first\s+|had\s+|have\s+)?(?:met|held|spoke|signed|talked|"
    r"discussed)\b)|(?:both|the\s+two)\s+parties|(?:this|that|the)\s+(?:[\w-]+\s+)?(?:session|sitting))\b",
    re.IGNORECASE,
)
"""Words that refer back to an engagement already named ("the two sides", "during the visit", "their closed-door
meeting", "today's visit": the one under way on the publication day), or to its person: a sentence opened by "He" or "She" goes on about the one just named ("He is
scheduled to meet Yoon in the afternoon"), and "the two" as the subject of a meeting ("The two met in Finland on
Monday": the two just named, the meeting another of theirs). The parties of an engagement ("a signing ceremony
between both parties") are its two sides, and "this session" or "the plenary sitting" is the session of a joint
body just named ("the session saw nine agreements signed"): what is signed there is the two
sides' agreement."""
