"""The words that place a country, a place or a person in or out of an engagement, and the words that make a
sentence or a story off topic (sport, business, coercion). Split from ``lexicon`` by theme; like it, nothing here
decides anything on its own."""

from __future__ import annotations

import re

_CONTEXT_BEFORE = re.compile(
    r"\b(?:amid|amidst|against|despite|counter(?:ing)?|rival|threats?\s+(?:from|by)|tensions?\s+with|"
    r"concerns?\s+(?:about|over)|disputes?\s+with|conflict\s+with|war\s+(?:with|in|on)|such\s+as|like|unlike)"
    r"\s+(?:[\w'’-]+\s+){0,3}$|(?<!well\s)\bas\s+$|"
    r"\b(?:conflicts?|wars?|crisis|crises|fighting|violence|escalation|developments|situation|events)\s+in\s+"
    r"(?:[\w'’-]+,?\s+){0,5}$|"
    r"\b(?:rise|growth|influence|expansion|assertiveness)\s+of\s+$|\boccupied\s+$|"
    r"\b(?:tensions?|disputes?|conflicts?|wars?|row|rift|clash(?:es)?|hostilities|stand-?off|feud|hostility)\s+"
    r"between\s+(?:the\s+)?(?:(?:[\w'’-]+\s+){1,3}?and\s+(?:the\s+)?)?$|"
    r"\b(?:Latin|Central|Pan|Ibero)[\s-]+$|"
    r"\b(?:briefed|briefs|briefing|informed|informs|informing|updated|apprised)\s+(?:[\w'’-]+\s+){0,4}?(?:on|about)\s+"
    r"(?:the\s+)?$|"
    r"\b(?:universit(?:y|ies)|college|institute|academy|museum)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BENEFICIARY_BEFORE = re.compile(
    r"\b(?:support|assistance|aid|help|solidarity|backing)\s+(?:for|to|with)\s+(?:the\s+)?(?:people\s+of\s+)?$",
    re.IGNORECASE,
)
"""Before a country, the words that make it the one a meeting's sides agree to back
("underlined the need for continued support for Sudan"): what two ministers discuss, not a side
of their meeting, unless a side offers the help itself (``_OFFERED_BEFORE``). Help offered to it is a side of that
offer, so the cooperation kind reads it as a side (``attributes._pair_for``)."""
_OFFERED_BEFORE = re.compile(
    r"\b(?:offer(?:ed|s)|pledg(?:ed|es)|promis(?:ed|es)|extend(?:ed|s)|gave|gives|assur(?:ed|es)|announc(?:ed|es)|"
    r"provided|provides)\b",
    re.IGNORECASE,
)
"""Before a backed country, a side's own verb of offering ("offered the assistance to Ethiopia at a meeting"):
the country is then the other side of that offer and of the meeting it is made at."""
_INSTITUTION = (
    r"(?:university|college|institute|academy|firm|company|carmaker|automaker|(?<!policy\s)(?<!decision\s)maker|"
    r"manufacturer|conglomerate|airline|retailer|start-?up|club)"
)
"""One institution or company (singular: a particular one, as in "German auto parts maker Grammer"; "Turkish
companies will invest" names no party of its own)."""
_CONTEXT_AFTER = re.compile(
    r"^['’]s\s+(?:\w+\s+)?(?:maritime|military|growing|assertive\w*|influence|rise|aggression|expansion\w*|"
    r"activities|presence|threat|actions|provocations|attacks|shelling|blockade)\b|"
    r"^(?:['’]s)?\s+(?:(?!(?:minister|official|president|government|ambassador|envoy|delegation|leader)s?\b)[\w'’&-]+\s+){0,3}?"
    + _INSTITUTION
    + r"\b|"
    r"^(?:\s*,\s*(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2})*\s*,?\s+and\s+(?:many\s+|several\s+)?other\s+"
    r"(?:[\w-]+\s+){0,2}?(?:countries|nations|states|governments|partners|allies)\b|"
    r"^(?:\s*[-–]\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)?)?\s+(?:war|conflict|crisis|dispute|hostilities|fighting|"
    r"rivalry|standoff|stand-off|clash(?:es)?|border\s+(?:clash(?:es)?|dispute|conflict|tensions?|standoff|situation|"
    r"issues?|row|problems?))\b",
    re.IGNORECASE,
)
"""With _CONTEXT_BEFORE: a country that is only context ("amid tensions with China", "China's growing
influence", "the rise of China", "conflicts in the Middle East and Ukraine", "developments in Iraq, Libya and Yemen", what one side briefs the other on ("briefed his
counterpart on Azerbaijan's actions"), "occupied Palestine", a region's
adjective ("the Latin American bloc" names no American side), the sides of "the Russia-Ukraine conflict", "the
India-Pakistan border dispute" or "situation", or "tensions between Zambia and Zimbabwe", which name a conflict, not an engagement), or the home of an
institution or a company that is the party itself ("the University of Jordan", "the British University of Essex",
"Germany's Grohe company", "German auto parts maker Grammer"), or one of a list that ends "and other countries"
("cooperation between Brazil, Chile and other regional countries" names many, and no pair): the guide's engagements are between states'
representatives, so it is never one side of the pair. "Kenyan officials and companies" still names Kenya's side."""
_TOPIC_VERB = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)"
    r"\b(?:discuss(?:ed|es|ing)?|covered|covers|covering|touched\s+(?:up)?on|focus(?:s?ed|es|ing)?\s+on|"
    r"exchanged\s+views\s+on|talked\s+about|reviewed)\b(?P<span>[^.;\"“”]*)$",
    re.IGNORECASE,
)
_TOPIC_VERB_STEMS = ("discuss", "cover", "touched", "focus", "exchanged", "talked", "reviewed")
"""A lowercase part of every verb of ``_TOPIC_VERB``: an ASCII text that holds none holds no match, and most
windows before a country hold none (``may_hold_topic_verb``)."""


def may_hold_topic_verb(before: str) -> bool:
    """Whether ``_TOPIC_VERB`` may match in ``before``: always for a text with a character beyond ASCII (the
    case-insensitive search matches "ſ" to "s"), else only when it holds one of ``_TOPIC_VERB_STEMS``; a substring
    test is several times cheaper than the search, which tries its lookbehinds at every character."""
    if not before.isascii():
        return True
    lowered = before.lower()
    return any(stem in lowered for stem in _TOPIC_VERB_STEMS)


_TOPIC_BREAK = re.compile(
    r"\b(?:(?:with|between)\s+(?:[\w'’-]+\s+){0,4}$|and\s+(?:then\s+)?(?:met|visited|signed|held|called)\b)", re.I
)
"""With ``attributes._is_context``: a verb in the active whose object is what a meeting was about ("the meeting
also covered Switzerland's immigration policy", "they discussed the peace process, stressing the need to revive
Palestinian-Israeli negotiations"); the object ends at a quotation mark ("... will be discussed," the Nepalese
secretary said) and a passive ("will be discussed") has its topic before the verb, and the words after it that bring a side back in: "with" or "between" right before the country ("discussed
trade with Ethiopia's prime minister"; "with the Monarch stressing ..." further away is no such side), or a new
verb of engagement ("and then met ...")."""
_TRAVELLERS_TO_BEFORE = re.compile(
    r"\b(?:tourists|visitors|holidaymakers|travell?ers|pilgrims|migrants|refugees|students)\s+"
    r"(?:(?:who\s+)?(?:travel|travels|travelled|traveled|go|went|flock|flocked|head|headed|cross|crossed|come|came)"
    r"|(?:travelling|traveling|going|flocking|heading|crossing|coming))\b[^,.;]{0,60}?\b(?:to|into)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Before a country, the words that make it where private travellers go ("eight million pilgrims travel via the
border crossing to Iraq", "tourists flocking to Japan"): a flow of a country's people, not a side of what the
officials of the sentence do (the guide's engagements are between states' representatives)."""


def travellers_go_to(before: str) -> bool:
    """Whether ``before`` (the words before a country) ends as ``_TRAVELLERS_TO_BEFORE`` says private travellers
    go there. Every match ends in "to" or "the" and spaces, so only such a text is searched: the pattern is
    otherwise tried at each of its characters for every country of every sentence that names two."""
    return before.rstrip()[-3:].lower().endswith(("to", "the")) and bool(_TRAVELLERS_TO_BEFORE.search(before))


_PAIR_JOINER = re.compile(r"^\s*[-–—/]\s*$")
_AND_JOINER = re.compile(r"^\s+and\s+(?:its\s+\w+\s+(?:partner\s+)?)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
"""With _PAIR_JOINER and _AND_JOINER: what joins two countries into a stated pair ("India-Japan", "Kenya and its
neighbour Ethiopia", "between Kenya and Ethiopia")."""
_DESTINATION_BEFORE = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|to|in|arrived?\s+in|arrives\s+in|arriving\s+in|tour\s+of|trip\s+to|pay|pays|paid|"
    r"travel(?:s|led|ed|ling|ing)?\s+(?:on\s+)?to|head(?:s|ed|ing)?\s+(?:to|for)|land(?:s|ed|ing)\s+in|"
    r"(?:flew|flies|fly|flying)\s+(?:on\s+)?to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Before a place, the words that make it a visit's destination ("arrived in Tokyo", "a trip to Japan")."""
_DEPARTURE_FOR = re.compile(
    r"\b(?:depart(?:s|ed|ing)?\s+for|le(?:ft|aves?|aving)\s+for|bound\s+for|en\s+route\s+to)\s+$",
    re.IGNORECASE,
)
"""Before a place, the words of a departure that make it a visit's destination ("departed for Tokyo")."""
_PAST_PLAN = re.compile(
    r"\bhad\s+(?:been\s+)?(?:scheduled|planned|planning|due|set|expected|slated|supposed|intended|hoped)\b|"
    r"\b(?:was|were)\s+(?:supposed\s+to|to\s+have)\b",
    re.IGNORECASE,
)
"""A plan told in the past perfect ("had been scheduled to visit", "had planned to", "was supposed to"): the slot
it names is past, and the plan was not kept as made."""
_THE_SIDELINES = re.compile(
    r"\b(?:on|at)\s+the\s+(?:sidelines?|margins?|side-lines?)\s+of\s+(?:the|this|this\s+week['’]s)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:summit|meeting|conference|forum|assembly|gathering)\b",
    re.IGNORECASE,
)
"""The sidelines of the gathering a report covers ("on the sidelines of the summit"): it is that story's gathering,
which the report dates."""
_PRESENT_REPORT = re.compile(r"\b(?:says|announces|tells|confirms|pledges|offers|unveils)\b", re.IGNORECASE)
"""A verb of saying in the present: the report tells what is announced on its own day."""


_LOCATION_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:capital\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)
"""Before a place, the words that make it where an engagement happens ("in Tokyo", "at the capital")."""
_SPORT_WORDS = (
    r"match|tournament|world\s+cup|league|squad|coach|striker|olympics?|championship|qualif(?:ier|iers|ying)|"
    r"fixtures?|wickets?|innings|cricket|football|soccer|rugby|medals?|(?:semi|quarter)-?finals?|play-?offs?|"
    r"(?:in|into|reach(?:ed|es|ing)?)\s+the\s+finals?(?=\s*(?:[.,;]|on\b|in\b|at\b|against\b))"
)
"""Words of sport: a fixture ("will meet in the final on Sunday", "the semi-finals") is no meeting of states.
"The final" counts only where it is the match itself, not "the final communiqué" or "the final day"."""
_BUSINESS_WORDS = (
    r"shares|stocks|investors|takeovers?|buy-?outs?|buy\s+out|mergers?|shareholders?|per\s+share|"
    r"\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)\s+stake"
)
_OFF_TOPIC = re.compile(
    r"\b(?:" + _SPORT_WORDS + "|" + _BUSINESS_WORDS + r"|friendly|goals?|scored|quarterly|revenue|box\s+office|"
    r"concert|festival)\b",
    re.IGNORECASE,
)
_OFF_TOPIC_STORY = re.compile(r"\b(?:" + _SPORT_WORDS + "|" + _BUSINESS_WORDS + r")\b", re.IGNORECASE)
"""The sports and business words that make a whole story off topic when its head (headline and lead) holds one and
no official word: a match report or a takeover story names countries ("Brazil will meet Argentina", "the deal
marks the biggest Japanese investment in Germany") in sentences that hold no sport or business word of their own.
Words that also stand in political prose ("friendly relations", "the goal of", "tax revenue") stay sentence-level
only."""
_COERCIVE = re.compile(
    r"\b(?:impos|implement|enforc|slap|levy|levie|tighten)\w*\s+(?:[\w-]+\s+){0,4}?(?:sanctions|tariffs|duties|"
    r"levies|embargo(?:es)?|export\s+controls|penalties)\b",
    re.IGNORECASE,
)
"""A sentence that imposes or enforces coercive measures ("will continue to implement sanctions", "imposed 25%
tariffs on"): the guide's sanctions and tariffs are no engagement, and a cooperation trigger in such a sentence
("enable the regime to fund ...") is no offer of cooperation."""
_OFFICIAL = re.compile(
    r"\b(?:minister|president|prime|premier|chancellor|government|official|leader|ambassador|envoy|delegation|"
    r"ministry|secretary|king|emir|crown\s+prince|navy|army|air\s+force|military|defen[cs]e)\b",
    re.IGNORECASE,
)
"""With _OFF_TOPIC: sports and business words, and the official words that show a state takes part anyway."""
_VERBAL_INITIATOR = re.compile(
    r"^(?:(?:is|are|was|were|stands?|remains?)\s+)?(?:phoned|telephoned|dialled|dialed|called|offer|ready|agreed|pledged|promised)",
    re.IGNORECASE,
)
"""A call or an offer whose subject starts it: "India phoned Japan", "Japan is ready to help"."""
_TOKEN = re.compile(r"[\w'’+\-.]+|[^\w\s]")
_COUNTRY_LABELS = {"COUNTRY"}
"""The entity labels that name a country as one side of a pair."""
_NORMALISE_FORMAT = [
    (re.compile(r"[’‘`]"), "'"),
    (re.compile(r"\bdefense\b", re.IGNORECASE), "defence"),
    (re.compile(r"\s+"), " "),
]
"""Spellings a format name is normalised to: straight quotes, "defence", single spaces."""
