"""Status from the governing verb: what the dependency parse of a sentence says of an anchor's status.

The tense cues of ``lexicon._STATUS_CUES`` are read by distance, which fails when a sentence holds several verbs:
"arrived on Tuesday, beginning a visit that will last until Friday" (the "will" is about the visit's end, the visit
is under way), "offered help at a meeting in Tokyo" (the offer is a proposal, the meeting was held), "Elizabeth May
presented ..." (a name, not a modal). The parse tells which verb governs the anchor: the trigger itself when it is
a verb ("met", "will visit"), else the verb the trigger noun is the subject, object or setting of ("the meeting
took place", "held talks", "offered help at a meeting"), and the verbs above it that only add modality ("is likely
to meet", "invited him to visit", "was due to visit"). The parse runs only on the sentences that hold an anchor
(``article_engagements``), with the small English model's tagger and parser, loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.engagements.parsing import (  # noqa: F401 (parse and prefetched_parses are used through this module)
    _NOMINAL,
    _VERBAL,
    _lemma,
    _pos,
    parse,
    prefetched_parses,
)
from pipeline.engagements.status_words import (
    _AGENDA_NOUNS,
    _CANCEL,
    _DECLINE,
    _EFFECT_VERBS,
    _HEDGE_ADJ,
    _INSTANCE_NOUNS,
    _MODAL_PLANNED,
    _MODAL_PROPOSED,
    _PARTICLES,
    _PLAN,
    _PLAN_NOUNS,
    _POSTPONE,
    _PROPOSAL_NOUNS,
    _PROPOSE,
    _READY_ADJ,
    _REPORT_VERBS,
    _SETTING_PREPS,
)

DROP = "none"
"""The verdict for an engagement the sentence says does not take place: "no meeting is scheduled", "did not
meet", "turned down a request for talks". It makes no record (annotation guide, Not engagements)."""

SILENT = "silent"
"""The verdict for an anchor the sentence's tense is not about: the subject of a verb of effect ("the summit will
provide an opportunity") or the object of a verb of saying ("described the meeting as ..."). Its status is then
the article's previous status, or the default (``extract.article_engagements``), not the nearest tense cue."""

@dataclass(frozen=True)
class _Clause:
    """What one verb of the chain says: its lemma, tag, auxiliaries and negation."""

    lemma: str
    tag: str
    aux: tuple[str, ...]
    negated: bool
    particle: str


def needs_parse(anchors: list) -> bool:
    """Whether ``governed_statuses`` parses a sentence with these anchors: it does unless every anchor is at a
    multilateral gathering or an offer of cooperation."""
    return any(not a.multilateral and a.kind != "cooperation" for a in anchors)


def _clause(verb) -> _Clause:
    aux = tuple(c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass"))
    negated = any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "advmod" and c.lower_ == "never" for c in verb.children
    )
    particle = next(
        (
            c.lower_
            for c in verb.children
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in _PARTICLES)
        ),
        "",
    )
    return _Clause(_lemma(verb), verb.tag_, aux, negated, particle)


def _anchor_head(doc, start: int, end: int):
    """The token of the anchor's span whose head lies outside it (the span's syntactic head)."""
    tokens = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[0]


def _noun_negated(noun) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) or any(
        c.dep_ == "neg" for c in noun.children
    )


def _finite(verb) -> bool:
    """Whether a verb carries its own tense: a finite form, or a finite or modal auxiliary, or a past participle
    that heads the sentence with a subject and no auxiliary (the tagger's reading of a simple past such as "the
    exercise commenced Monday": a participle alone cannot head a clause with a subject)."""
    return (
        verb.tag_ in ("VBD", "VBZ", "VBP")
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in verb.children)
        or (
            verb.tag_ == "VBN"
            and verb.dep_ == "ROOT"
            and any(c.dep_ == "nsubj" for c in verb.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        )
    )


def _governor(head):
    """(the verb that governs an anchor's head token, the anchor's role there), or None when the anchor is not
    the subject, object or setting of a verb, or lies under a noun that is not one of plan or proposal (returned
    as a status, or ``DROP`` for "no plans")."""
    if _pos(head) in _VERBAL:
        return head, "verb"
    node, under_noun = head, False
    for _ in range(8):
        if _noun_negated(node) and (node is head or _lemma(node) in _PLAN_NOUNS):
            return DROP
        if node is not head and _lemma(node) in _PROPOSAL_NOUNS | _PLAN_NOUNS:
            return _through_noun(node)
        parent = node.head
        if parent is node:
            return None
        if node.dep_ == "pobj" and parent.dep_ in ("prep", "agent"):
            target = parent.head
            if _pos(target) in _VERBAL:
                if parent.lower_ in _SETTING_PREPS and not under_noun:
                    return target, "setting:" + parent.lower_
                if parent.dep_ == "agent" and not under_noun:
                    return target, "agent"
                return None
            node, under_noun = target, under_noun or not (parent.lower_ == "of" and _lemma(target) in _INSTANCE_NOUNS)
        elif node.dep_ in ("compound", "conj", "appos", "amod", "nmod", "poss"):
            node = parent
        elif node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative"):
            if _pos(parent) not in _VERBAL or under_noun:
                return None
            return parent, node.dep_
        else:
            return None
    return None


def _through_noun(noun) -> str:
    """The status a noun of proposal or plan gives the engagement it names ("an invitation to visit", "a request
    for talks", "plans for a summit"), unless the verb it is the object of declines, cancels or postpones it."""
    own = "proposed" if _lemma(noun) in _PROPOSAL_NOUNS else "planned"
    above = _governor(noun)
    if isinstance(above, tuple) and above[1] in ("dobj", "nsubjpass"):
        verdict = _verdict(above[0], _clause(above[0]), True, above[1])
        if verdict in (DROP, "cancelled", "postponed"):
            return verdict
    return own


def _hedged(verb) -> bool:
    """Whether a verb stands under a hedge: "it is possible that the talks will resume", "likely to meet"."""
    node = verb
    for _ in range(3):
        if _lemma(node) in _HEDGE_ADJ or any(
            c.dep_ == "acomp" and _lemma(c) in _HEDGE_ADJ for c in node.children
        ):
            return True
        if node.dep_ not in ("ccomp", "xcomp", "advcl") or node.head is node:
            return False
        node = node.head
    return False


_WISHES = {"hope", "wish", "propose", "proposal", "suggest", "suggestion"}
"""Verbs and nouns of wish or proposal whose content clause is what is wished for: "expressed hope he will travel
to Nicaragua", "suggested that the two leaders meet in May", "the proposal that talks be held in Geneva"."""


def _wished(verb) -> bool:
    """Whether a verb's clause is the content of a wish or proposal (``_WISHES``): "expressed hope he will travel"
    tells a hope, not a plan, whatever the tense inside the clause (annotation guide, Status: proposed is offered
    or hoped for, with no commitment). Climbs the same clausal links as ``_hedged``, and the clause a noun of
    wish takes ("hope", "proposal")."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("ccomp", "xcomp", "advcl", "acl") or node.head is node:
            return False
        parent = node.head
        if node.dep_ in ("ccomp", "acl") and _lemma(parent) in _WISHES:
            return True
        node = parent
    return False


_INTENT_VERBS = {"intend", "aim", "seek"}
"""Verbs of effect that tell a purpose ("the visit was aimed at ..."): said of a plan as readily as of a visit
made, so even in the past tense they say nothing of the engagement's status."""


def _told_as_past(verb) -> bool:
    """Whether a verb is in the simple past or the perfect, with no modal, negation or infinitive under it ("the
    visit marked his first trip", "the meeting was followed by a signing", "the talks have paved the way"):
    an engagement that had an effect has taken place, while "will mark", "comes after" or "was to mark" say
    nothing of it."""
    children = list(verb.children)
    aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in aux) or any(c.dep_ == "xcomp" for c in children) or _clause(verb).negated:
        return False
    if verb.tag_ == "VBD":
        return not aux
    return verb.tag_ == "VBN" and any(
        _lemma(a) == "have" or (a.dep_ == "auxpass" and a.tag_ == "VBD") for a in aux
    )


def _programme(verb, lemma: str, role: str) -> bool:
    """Whether the anchor is an item of a programme: the object of "include", "feature" or "involve" whose subject
    is an agenda ("the agenda for Wednesday includes a meeting with ..."), or which is told in the present ("a
    trip that includes talks at the presidential palace", "the trip involves talks with"): a programme tells
    what is to come; what a visit has held is told in the past ("the visit included talks")."""
    if role != "dobj" or lemma not in ("include", "feature", "involve"):
        return False
    if verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True
    return any(
        c.dep_ == "nsubj" and any(_lemma(t) in _AGENDA_NOUNS for t in c.subtree) for c in verb.children
    )


_ASKING = {"ask", "urge", "request", "demand", "press", "appeal", "beg"}


def _appeals(verb, lemma: str) -> bool:
    """Whether "call on" is an appeal, not a courtesy call: "called on President X to withdraw" has an infinitive
    clause under the verb, "called on Minister X and asked for her understanding" a verb of asking joined to it;
    "called on President X" alone is a visit of courtesy (a meeting)."""
    return (
        lemma == "call"
        and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)
        and any(
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "conj" and _lemma(c) in _ASKING) for c in verb.children
        )
    )


def governing_status(doc, start: int, end: int) -> str | None:
    """The status the parse gives the anchor at [start, end) of a parsed sentence: a status, ``DROP`` when the
    sentence says the engagement does not take place, or None when the parse says nothing (the tense cues then
    decide).

    From the anchor's head token, a noun climbs to the verb it is the subject or object of, or the setting of
    ("during the visit", "departed for a trip"), and speaks through a noun of plan or proposal on the way ("no
    plans for talks", "the possibility of holding a summit"). A noun only talked about ("information regarding
    the visit", "described the meeting") or the subject of a verb of effect ("the visit will mark ...") gets None.
    From that verb, the chain climbs through the non-finite verbs and adjectives whose complement it is ("likely
    to meet", "invited him to visit", "was due to visit", "beginning a visit" under "arrived"). The first clause
    of the chain that says something decides:

    - cancel, scrap, skip, call off, "is unable to hold": cancelled; postpone, delay, put off, push back: postponed;
      decline, refuse, turn down, and a negated trigger or governing verb, or "no" on the trigger noun: ``DROP``;
    - may, might, could, likely, possible, invite, propose, offer, hope, seek: proposed;
    - will, would, shall, "is to", plan, schedule, expect, due, set: planned;
    - a finite verb in the past, the perfect, or the present (the historical present of headlines, "are already
      meeting"): held.

    ``SILENT`` for the subject of a verb of effect and the object of a verb of saying. A planned or held verdict under a hedge ("it is possible that the meetings will resume") is proposed.
    """
    head = _anchor_head(doc, start, end)
    if head is None:
        return None
    if _done_without(head) or _talks_of_a_topic(head):
        return DROP
    governed = _governor(head)
    if governed is None or isinstance(governed, str):
        return governed
    verb, role = governed
    lemma = _lemma(verb)
    if _appeals(verb, lemma):
        return DROP
    decisive = _verdict(verb, _clause(verb), True, role)
    if decisive in (DROP, "cancelled", "postponed"):
        return SILENT if role.startswith("setting") else decisive
    if (called_off := _slot_of_a_call_off(verb, lemma, role)) is not None:
        return called_off
    if role in ("nsubj", "nsubjpass") and lemma in _EFFECT_VERBS:
        return "held" if lemma not in _INTENT_VERBS and _told_as_past(verb) else SILENT
    if role in ("dobj", "nsubjpass") and lemma in _REPORT_VERBS:
        return SILENT
    if _programme(verb, lemma, role):
        return "planned"
    climb = ("xcomp",) if role.startswith("setting") else ("xcomp", "advcl", "acl", "conj", "acomp", "pcomp")
    chain = [verb]
    while len(chain) < 5 and not _finite(chain[-1]) and chain[-1].dep_ in climb:
        parent = chain[-1].head
        if chain[-1].dep_ == "pcomp":
            parent = parent.head
        chain.append(parent)
    for index, node in enumerate(chain):
        if _pos(node) in _NOMINAL and _lemma(node) in _PROPOSAL_NOUNS | _PLAN_NOUNS:
            return DROP if _noun_negated(node) else _through_noun(node)
        verdict = _verdict(node, _clause(node), index == 0, role)
        if verdict is not None:
            if verdict in ("planned", "held") and (_hedged(chain[-1]) or _wished(chain[-1])):
                verdict = "proposed"
            if verdict == "proposed" and role.startswith("setting"):
                return None  # "likely to figure in the talks": the hedge is about what happens there
            return verdict
    return None


_SLOT_VERBS = {"plan", "schedule", "set", "slate"}


def _slot_of_a_call_off(verb, lemma: str, role: str) -> str | None:
    """The status of an engagement named with its slot as the object of a call-off ("had to postpone the visit
    to Russia planned this month", "scrapped the talks scheduled for Friday"), which the parse may read as the
    subject of "planned" (a clause of its own under "postpone"): a bare participle of plan or schedule with no
    auxiliary, whose head postpones or cancels, only tells the original slot; the head's verdict is the
    status."""
    if role != "nsubj" or lemma not in _SLOT_VERBS or verb.tag_ not in ("VBD", "VBN"):
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children) or verb.dep_ not in ("ccomp", "advcl", "acl", "xcomp"):
        return None
    verdict = _verdict(verb.head, _clause(verb.head), False, role)
    return verdict if verdict in ("cancelled", "postponed") else None


_DECISIONS = {"agree", "decide", "resolve"}


def _plan_of_its_infinitive(verb, lemma: str) -> bool:
    """Whether a verb of plan in the passive sets up the infinitive under it ("during the visit, he was scheduled
    to meet the president", "at the talks, the two are expected to sign"): the setting is the planned event's, so
    the plan's modality, not the passive's tense, is its status. A decision taken at a meeting ("at the meeting
    they agreed to hold drills") is the meeting's outcome: the meeting was held."""
    return (
        lemma in _PLAN
        and lemma not in _DECISIONS
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "xcomp" for c in verb.children)
    )


def _ready(verb, lemma: str) -> bool:
    """Whether a word of the chain tells readiness (``_READY_ADJ``): the adjective ("is ready to", "willing to"), or
    "prepared" read as a passive with an infinitive ("Iran is prepared to hold drills")."""
    if lemma in _READY_ADJ:
        return True
    return lemma == "prepare" and verb.tag_ == "VBN" and any(c.dep_ == "xcomp" for c in verb.children)


def _verdict(verb, clause: _Clause, first: bool, role: str) -> str | None:
    """What one verb or adjective of the chain says of the anchor's status (see ``governing_status``). A trigger
    noun that is only the setting of its verb ("offered help at a meeting") takes the verb's tense, not the
    modality of its lemma: the offer is a proposal, the meeting was held."""
    lemma = clause.lemma
    by_lemma = not (
        first
        and (role in ("verb", "agent") or role in ("setting:at", "setting:during", "setting:in", "setting:on"))
        and not (role.startswith("setting") and _plan_of_its_infinitive(verb, lemma))
    )
    if lemma in _CANCEL or (lemma == "call" and clause.particle == "off") or (lemma == "unable" and not first):
        return "cancelled"
    if lemma in _POSTPONE or (lemma in ("put", "push") and clause.particle in ("off", "back")):
        return "postponed"
    if lemma in _DECLINE or (lemma == "turn" and clause.particle == "down"):
        return DROP
    if clause.negated and (first or lemma in _PLAN):
        return DROP
    if any(a in _MODAL_PROPOSED for a in clause.aux) or lemma in _HEDGE_ADJ or _ready(verb, lemma):
        return "proposed"
    if by_lemma and (lemma in _PROPOSE or lemma in _PROPOSAL_NOUNS):
        return "proposed"
    if any(a in _MODAL_PLANNED for a in clause.aux) or (by_lemma and lemma in _PLAN):
        return "planned"
    if lemma == "be" and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in verb.children):
        return "planned"
    if _headline_infinitive(verb, clause):
        return "planned"
    if clause.tag == "VBD" or (clause.tag in ("VBN", "VBG") and _finite(verb)):
        return "held"
    if clause.tag in ("VBZ", "VBP"):
        return "held"
    return None


def _done_without(head) -> bool:
    """Whether a trigger verb is the gerund under "without" ("left Lusaka without meeting his counterpart", "went to
    summits without meeting with their peers"): the sentence says the meeting did not take place, which the guide
    records as nothing, like a negated trigger."""
    return head.tag_ == "VBG" and head.dep_ == "pcomp" and head.head.lower_ == "without"


def _talks_of_a_topic(head) -> bool:
    """Whether "talks" is the verb of one person speaking of a topic ("the premier talks of his country's ties with
    Zambia", "talks about relations with Zambia", a caption's present tense), not the noun of the guide's talks:
    "talks" read as a verb, or as a noun that heads the sentence right after a name (a caption with no other verb:
    "Premier Kofi Boateng talks of ..."; "the Accra talks of 2019 ended" has its verb), with "of" or "about" under it
    and neither "with" nor "to" (one talks with or to a counterpart, "talks to" is ``lexicon.SPOKE_WITH``)."""
    if head.lower_ != "talks":
        return False
    preps = {c.lower_ for c in head.children if c.dep_ == "prep"}
    if not preps & {"of", "about"} or preps & {"with", "to"}:
        return False
    before = head.doc[head.i - 1] if head.i > 0 else None
    return head.tag_ == "VBZ" or (
        head.dep_ == "ROOT" and before is not None and before.tag_ == "NNP" and before.head.i == head.i
    )


def _headline_infinitive(verb, clause: _Clause) -> bool:
    """Whether a verb is the bare "to"-infinitive that heads its sentence with a subject of its own: the headline's
    "is to" without the "is" ("Premier to visit Accra", "Minister to meet Zambian leaders on Sunday"). With no
    finite verb above it, the infinitive can only tell what is to come: planned (annotation guide, Status: "is to
    sign")."""
    return (
        verb.dep_ == "ROOT"
        and clause.tag == "VB"
        and "to" in clause.aux
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def governed_statuses(
    text: str, anchors: list, statuses: list[str | None]
) -> tuple[list[str | None], list[bool]]:
    """(the statuses of a sentence's anchors, each replaced by the parse's verdict where it gives one
    (``governing_status``), and which anchors the sentence's tense is not about (``SILENT``): those keep the
    cue's status for choosing their date, and take the article's previous status as their own). The sentence
    is parsed only if it holds an anchor that is neither at a multilateral gathering nor an offer of
    cooperation (whose status the cues read well: the offer is the engagement)."""
    result = list(statuses)
    silent = [False] * len(anchors)
    if not needs_parse(anchors):
        return result, silent
    targets = [i for i, a in enumerate(anchors) if not a.multilateral and a.kind != "cooperation"]
    doc = parse(text)
    for i in targets:
        verdict = governing_status(doc, anchors[i].start, anchors[i].end)
        if verdict == SILENT:
            silent[i] = True
        elif verdict is not None:
            result[i] = verdict
    return result, silent
