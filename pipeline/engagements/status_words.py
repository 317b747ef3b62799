"""The closed classes of words that ``governing`` reads status from: verbs of calling off, declining, proposing
and planning, hedges and readiness, nouns of plan and proposal, verbs of effect and of saying, the prepositions
of a setting, modals and particles. Each set names a grammatical class, not the words of an article."""

_CANCEL = {"cancel", "scrap", "axe", "skip", "abandon", "drop", "nix"}
_POSTPONE = {"postpone", "defer", "delay", "reschedule"}
_DECLINE = {"decline", "reject", "refuse", "rebuff", "snub"}
_PROPOSE = {
    "invite",
    "propose",
    "suggest",
    "offer",
    "hope",
    "want",
    "wish",
    "seek",
    "request",
    "consider",
    "urge",
}
_PLAN = {
    "plan", "schedule", "expect", "anticipate", "slate", "intend", "prepare", "due", "set", "poise", "aim", "arrange",
    "agree", "decide", "resolve",
}
"""Verbs of plan: "is expected to", "is anticipated to", "scheduled for" tell an engagement still to come, and so
do the verbs of a decision taken about it ("agreed to hold a trade secretaries' meeting", "decided to hold the
next round in Lomé"): what two sides agree to hold has not been held yet."""
_HEDGE_ADJ = {"likely", "possible", "unlikely", "probable"}
_READY_ADJ = {"ready", "prepared", "willing"}
"""Adjectives of readiness: "is ready to hold drills", "stands prepared to host talks", "is willing to meet" say
that one side would take part, not that the engagement is arranged: proposed (annotation guide, Status: offered,
with no commitment)."""
_PROPOSAL_NOUNS = {
    "possibility",
    "prospect",
    "invitation",
    "proposal",
    "offer",
    "idea",
    "suggestion",
    "hope",
    "request",
}
_PLAN_NOUNS = {"plan", "schedule", "preparation", "expectation", "arrangement", "date"}
_AGENDA_NOUNS = _PLAN_NOUNS | {"agenda", "programme", "program", "itinerary"}
"""With "include": "the agenda for Wednesday includes a meeting with ..." is a plan."""
_EFFECT_VERBS = {
    "come",
    "mark",
    "provide",
    "offer",
    "send",
    "give",
    "open",
    "pave",
    "reflect",
    "underscore",
    "underline",
    "highlight",
    "show",
    "signal",
    "represent",
    "be",
    "follow",
    "help",
    "boost",
    "strengthen",
    "include",
    "focus",
    "cover",
    "intend",
    "aim",
    "seek",
    "build",
    "deepen",
    "bring",
    "allow",
    "serve",
    "demonstrate",
    "stress",
    "emphasise",
    "emphasize",
    "stem",
    "symbolise",
    "symbolize",
    "signify",
    "embody",
    "cement",
    "consolidate",
    "testify",
    "attest",
    "present",
}
"""Verbs that say what an engagement brings, means or comes from, not whether it happens: "the visit will mark a
new start", "the summit will provide an opportunity", "the visit comes after ...", "the visit stresses the
commitment to ...", "the visit stems from distinguished relations", "the meeting presents an opportunity". Their
tense says nothing of the engagement's status."""
_REPORT_VERBS = {
    "say",
    "tell",
    "announce",
    "confirm",
    "note",
    "describe",
    "welcome",
    "praise",
    "hail",
    "discuss",
    "release",
    "report",
    "state",
    "stress",
    "add",
    "call",
    "term",
    "label",
    "deny",
    "criticise",
    "criticize",
    "applaud",
    "greet",
    "mention",
    "recall",
}
"""Verbs whose object is something talked about: their tense is when it was said, not the engagement's."""
_SETTING_PREPS = {"during", "at", "in", "for", "after", "before", "on", "ahead", "following", "with", "into"}
"""Prepositions that make a trigger noun the setting of a verb's event ("offered help at a meeting", "departed
for a two-day trip"): the verb's tense is the engagement's."""
_MODAL_PROPOSED = {"may", "might", "could", "can"}
_MODAL_PLANNED = {"will", "shall", "'ll", "would", "wo"}


_PARTICLES = {"off", "back", "down"}
"""The particles of "call off", "push back", "turn down", which the parser may read as an adverb right after the
verb ("the visit was pushed back")."""
_INSTANCE_NOUNS = {"edition", "round", "session", "leg", "stage", "phase", "signing", "holding", "start", "opening"}
"""Nouns whose "of" names the engagement they are an instance, a part or the act of: "the 8th edition of the joint
exercise commenced", "the first leg of the tour", "the signing of a memorandum followed the talks". The verb above
them is the engagement's own, unlike the verb above a noun only about it ("information regarding the visit")."""


CLASS_WORDS = frozenset().union(
    _CANCEL, _POSTPONE, _DECLINE, _PROPOSE, _PLAN, _HEDGE_ADJ, _READY_ADJ, _EFFECT_VERBS, _REPORT_VERBS
)
"""The verbs and adjectives of the classes above: where the lemmatizer offers several stems for a word, the one
named here is its lemma (``parsing._named_candidate``)."""
