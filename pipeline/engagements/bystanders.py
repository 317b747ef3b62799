"""Anchors whose sentence names no two parties, read from the dependency parse ``governing`` made of it: the
countries it names stand there as bystanders (annotation guide: a record is an engagement in which
representatives of exactly two countries take part; a third country that hosts or mediates two others' talks is
no party; a country that is only the subject of discussion, a setting or a traveller's companion is no side).

Each rule reads structure, not wording: who is the subject of the verb of urging that governs a meeting, who
owns the trips of a sentence, what a signing noun qualifies, what body a meeting is "of". Word lists are the
closed classes the guide names (verbs of urging and of mediating, the bodies of one state, the nouns of a
relation).
"""

from __future__ import annotations

from pipeline.engagements.governing import _anchor_head
from pipeline.engagements.parsing import _NOMINAL, _VERBAL, _lemma, _pos

_URGE_VERBS = frozenset({"persuade", "urge", "press", "convince", "push", "encourage", "pressure", "pressurise",
                         "pressurize", "coax", "lobby", "nudge", "prod", "prevail"})
"""Verbs of bringing someone else to an engagement ("tried to persuade Rouhani to accept the meeting", "urged
Kabul to hold talks"): their subject is a third party, not a side of the engagement they urge (unlike "invite",
whose subject is the host of what it invites to)."""

_MEDIATE_VERBS = frozenset({"facilitate", "mediate", "broker"})
"""Verbs of mediating an engagement ("facilitate dialogue", "brokered the talks"): their subject is the mediator,
no party (annotation guide)."""

_BODY_HEADS = frozenset({"committee", "council", "cabinet", "parliament", "assembly", "board", "senate",
                         "congress", "politburo", "presidium", "caucus", "legislature", "commission"})
"""The heads of a body's name ("the National Security Committee", "the Council of Ministers"): a meeting "of" it
is that body's own session."""

_BILATERAL_BODY_WORDS = frozenset({"joint", "bilateral", "intergovernmental", "inter-governmental", "mixed", "two"})
"""Words that make a body one of two states ("the Joint Commission", "the Intergovernmental Council")."""

_RELATION_NOUNS = frozenset({"ally", "alliance", "partner", "partnership", "relation", "relationship", "tie",
                             "obligation", "commitment"})
"""Nouns of a standing relation between states ("a treaty ally", "treaty obligations"), which a pact's name only
qualifies (annotation guide: vague relations are no engagement)."""


def _codes_in(ctx, tokens) -> set[str]:
    """The countries of the sentence's country and person mentions that lie within the tokens' spans."""
    spans = [(t.idx, t.idx + len(t)) for t in tokens]
    return {
        m.country_code
        for m in (*ctx.countries, *ctx.people)
        if m.country_code and any(s <= m.start < e for s, e in spans)
    }


def sides_named(ctx) -> set[str]:
    """Every country the sentence names as a country or through a person."""
    return {m.country_code for m in (*ctx.countries, *ctx.people) if m.country_code}


def _with_conjuncts(token) -> list:
    out, stack = [], [token]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children if c.dep_ in ("conj", "appos"))
    return out


def _subtrees(tokens) -> list:
    return [t for token in tokens for t in token.subtree]


def sign_is_a_noun(head) -> bool:
    """Whether an agreement anchor is the word "sign" used as a noun ("in the latest sign of souring ties",
    "signs that talks may resume"): an omen, no signing."""
    return head.lower_ in ("sign", "signs") and _pos(head) in _NOMINAL


def pact_names_a_relation(head) -> bool:
    """Whether an agreement noun only qualifies a noun of a standing relation ("its long-time treaty ally",
    "our treaty obligations"): the relation is told, no pact is signed (annotation guide: vague relations are no
    engagement)."""
    return head.dep_ in ("compound", "amod", "nmod") and _lemma(head.head) in _RELATION_NOUNS


def meeting_of_one_body(head, ctx) -> bool:
    """Whether a meeting noun is the session of one body ("after a meeting of the National Security Committee",
    "a meeting of the Council of Ministers"): its object of "of" is a body's name (``_BODY_HEADS``) that names no
    second country and is no joint body of two (``_BILATERAL_BODY_WORDS``). A body's own session has no two
    parties, whoever it discusses."""
    if _pos(head) not in _NOMINAL:
        return False
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for body in prep.children:
            if body.dep_ != "pobj" or _lemma(body) not in _BODY_HEADS or body.tag_ not in ("NNP", "NNPS"):
                continue
            words = {t.lower_ for t in body.subtree}
            hyphenated = any("-" in t.text for t in body.subtree)  # "the India-Nepal Boundary Commission"
            if words & _BILATERAL_BODY_WORDS or hyphenated or len(_codes_in(ctx, list(body.subtree))) >= 2:
                continue
            return True
    return False


def _subject_of(verb):
    """The subject of a verb, or of the verbs it completes ("had been trying to persuade": the subject of
    "trying"; "are expected in the country": the passive's)."""
    for _ in range(4):
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found:
            return found[0]
        if verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _governing_verbs(head):
    """The verbs above an anchor's head, nearest first (at most six steps)."""
    node, out = head, []
    for _ in range(6):
        if node.head is node:
            break
        node = node.head
        if _pos(node) in _VERBAL:
            out.append(node)
    return out


def urged_by_a_third(head, ctx) -> bool:
    """Whether an anchor is urged on others by a third country and the sentence names no two sides besides it
    ("Ecuador's president tried to convince Rojas to agree to the meeting", "Kenya urged the Somali
    government to resume talks"): a verb of ``_URGE_VERBS`` above the anchor, whose subject names a country the clause it
    urges does not name; without that country fewer than two sides are left. A pronoun in the urged clause
    ("persuaded him to meet her") may be the urger: then nothing is decided."""
    for verb in _governing_verbs(head):
        if _lemma(verb) not in _URGE_VERBS:
            continue
        subject = _subject_of(verb)
        urged = [t for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp", "prep") for t in c.subtree]
        if subject is None or subject.dep_ != "nsubj" or head.i not in {t.i for t in urged}:
            return False  # "the visit was pushed back": the anchor is what is acted on, not what is urged
        if any(t.tag_ == "PRP" and t.lower_ not in ("it", "they", "them") for t in urged):
            return False
        urger = _codes_in(ctx, _subtrees(_with_conjuncts(subject))) - _codes_in(ctx, urged)
        return bool(urger) and len(sides_named(ctx) - urger) < 2
    return False


def _own_parties(head) -> list:
    """What an anchor noun is "with", "between" or "among", and its possessor ("their dialogue")."""
    found = [c for c in head.children if c.dep_ == "poss"]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "between", "among", "amongst"):
            found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def mediated_without_parties(head, ctx) -> bool:
    """Whether an anchor noun is the object of a verb of mediating (``_MEDIATE_VERBS``: "to facilitate dialogue",
    "brokered the talks") and the sentence names no two parties of it but the mediator: with no parties of its own
    ("with", "between", a possessor) the sentence's countries are the mediator's and those talked about; with a
    possessor only ("facilitated their talks"), the mediator's country (the verb's subject) is left out and two
    others must remain."""
    if _pos(head) not in _NOMINAL or head.dep_ not in ("dobj", "nsubjpass") or _lemma(head.head) not in _MEDIATE_VERBS:
        return False
    parties = _own_parties(head) + [p for p in _own_parties(head.head) if p.dep_ != "poss"]
    if not parties:
        return True
    if any(p.dep_ != "poss" for p in parties):
        return False
    subject = _subject_of(head.head)
    if subject is head:  # "their talks were brokered by Qatar": the agent mediates
        agents = [c for p in head.head.children if p.dep_ == "agent" for c in p.children if c.dep_ == "pobj"]
        subject = agents[0] if agents else None
    mediator = _codes_in(ctx, _subtrees(_with_conjuncts(subject))) if subject is not None else set()
    return bool(mediator) and len(sides_named(ctx) - mediator) < 2


def _phrase_tokens(token) -> list:
    """A noun phrase's tokens: its subtree without the clauses and the prepositions other than "of" that hang
    on it (in "a trip by a Kenyan minister to Chile" the parse may hang the destination on the minister)."""
    out, stack = [], [token]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(
            c
            for c in node.children
            if c.dep_ not in ("acl", "relcl", "advcl", "ccomp", "xcomp", "punct")
            and not (c.dep_ == "prep" and c.lower_ != "of")
        )
    return out


def _visitors(head) -> list:
    """The tokens that name who makes a trip: the subject of a verb of travel, the possessor or "by" of a visit
    noun, the subject of the verb that pays or makes the visit or that the visit is the purpose or occasion of
    ("arrived for a state visit", "are in Lima on a visit")."""
    if _pos(head) in _VERBAL:
        subject = _subject_of(head)
        found = [] if subject is None else [subject]
    else:
        found = [c for c in head.children if c.dep_ == "poss"]
        for prep in head.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ == "by":
                found += [c for c in prep.children if c.dep_ == "pobj"]
        carrier = head.head.head if head.dep_ == "pobj" and head.head.lower_ in ("for", "on") else head.head
        carried = head.dep_ == "dobj" and _lemma(head.head) in ("pay", "make", "undertake", "begin", "start")
        if carried or (head.dep_ == "pobj" and carrier is not head.head and _pos(carrier) in _VERBAL):
            subject = _subject_of(carrier)  # "paid a visit", "are expected in Lima for state visits"
            found += [] if subject is None else [subject]
    return [t for f in found for c in _with_conjuncts(f) for t in _phrase_tokens(c)]


_DESTINATION_PREPS = frozenset({"to", "in", "into", "at", "for"})


def _destinations(doc) -> list:
    """The tokens of the sentence's phrases that may name where a trip goes: the objects of "to", "in",
    "into", "at" and "for", and of verbs."""
    heads = [
        t
        for t in doc
        if (t.dep_ == "pobj" and t.head.lower_ in _DESTINATION_PREPS) or (t.dep_ == "dobj" and _pos(t.head) in _VERBAL)
    ]
    return [t for h in heads for t in _phrase_tokens(h)]


def travellers_only(doc, heads: list, ctx) -> bool:
    """Whether the countries a sentence names are all travellers of its trips and no country or place is named
    for them to go to ("two US secretaries and the French president flew into the region", "after the Ghanaian
    president's state visit comes a like one by Togo's prime minister"): who travels along, or
    makes a trip of their own, is no host of the other's trip; the sentence names no host, so no pair. ``heads``
    are the parse heads of the sentence's visit anchors."""
    travelling = [t for head in heads for t in _visitors(head)]
    if not travelling:
        return False
    sides = sides_named(ctx)
    if len(sides) < 2 or not sides <= _codes_in(ctx, travelling):
        return False
    covered = {t.i for t in travelling}
    destinations = [(t.idx, t.idx + len(t)) for t in _destinations(doc) if t.i not in covered]
    return not any(
        p.country_code and any(s <= p.start < e for s, e in destinations) for p in (*ctx.places, *ctx.countries)
    )


def travel_together(doc, anchor, pair: tuple[str, str], ctx) -> bool:
    """Whether both countries of a visit's pair are its travellers ("the presidents of Ghana and Togo are due in Abuja
    on state visits"): who travel together are no host of each other, unless the sentence sends the trip to a
    place of one of them ("the Chilean minister and her Peruvian counterpart toured Cusco"). Only for a visit whose
    travellers the parse names (``_visitors``)."""
    heads = [_anchor_head(doc, a.start, a.end) for a in (anchor, *anchor.absorbed)]
    travelling = [t for h in heads if h is not None for t in _visitors(h)]
    if not travelling or not set(pair) <= _codes_in(ctx, travelling):
        return False
    covered = {t.i for t in travelling}
    destinations = [(t.idx, t.idx + len(t)) for t in _destinations(doc) if t.i not in covered]
    return not any(
        p.country_code in pair and any(s <= p.start < e for s, e in destinations)
        for p in (*ctx.places, *ctx.countries)
    )


_ADDRESS_VERBS = frozenset({"call", "urge", "ask", "demand", "press", "warn", "appeal"})
"""Verbs by which a statement or a meeting addresses someone ("the joint statement called on X to ...", "the
summit urged X to ..."): the one addressed is spoken to, not a party. Verbs that only tell the content ("the
meeting highlighted the partnership between A and B") are not among them: a meeting often tells of its own
parties."""


def speaks_of_others(head, ctx) -> bool:
    """Whether a statement or meeting is the one that addresses others in its sentence, the subject of a verb of
    ``_ADDRESS_VERBS`` (or that verb hangs on it, as the parse may have it before a quotation), and the countries
    the sentence names are in what it says, not in its own phrase ("the joint statement called on Chile to
    respect Peru's waters"): a country a text addresses or speaks of is no party to it (annotation guide: a
    country that is only the subject of discussion is no side). Its parties, named in its own phrase ("the statement by Chile and
    Peru") or elsewhere in the article, are not read here."""
    saying = head.dep_ == "nsubj" and _lemma(head.head) in _ADDRESS_VERBS
    saying = saying or any(c.dep_ in ("acl", "relcl") and _lemma(c) in _ADDRESS_VERBS for c in head.children)
    if not saying:
        return False
    said = [c for c in head.children if c.dep_ in ("acl", "relcl")]
    own = set(t.i for t in head.subtree) - {t.i for c in said for t in c.subtree}
    own_codes = _codes_in(ctx, [t for t in head.doc if t.i in own])
    spoken_of = _codes_in(ctx, [t for t in head.doc if t.i not in own])
    return len(sides_named(ctx) - (spoken_of - own_codes)) < 2


_CRITICISE_VERBS = frozenset(
    {"criticize", "criticise", "condemn", "denounce", "protest", "slam", "oppose", "decry", "blast", "deplore"}
)
"""Verbs of objecting to an engagement ("criticised the exercises", "condemned the deal"): their subject is a
critic, not a party (annotation guide: protests and accusations are no engagement)."""


def criticised_by_a_third(head, ctx) -> bool:
    """Whether an engagement is the object of a verb of objecting (``_CRITICISE_VERBS``) and, without the countries
    of its critic (the verb's subject, with what describes it), fewer than two sides are left ("a breakaway region
    of Chile with a Peruvian majority sharply criticised the exercises"): the critic's countries are no parties;
    the engagement's own phrase ("the drills of Chile and Peru") keeps its countries."""
    if head.dep_ != "dobj" or _lemma(head.head) not in _CRITICISE_VERBS:
        return False
    subject = _subject_of(head.head)
    if subject is None:
        return False
    own = _codes_in(ctx, list(head.subtree))
    critic = _codes_in(ctx, list(subject.subtree)) - own
    return bool(critic) and len(sides_named(ctx) - critic) < 2

