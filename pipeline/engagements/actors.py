"""Who acts in an engagement a sentence states, read from the dependency parse: states, or companies, teams and
private people (annotation guide: a record is an engagement in which representatives of two countries take part;
companies are not states, sport and tourism are no engagement, a proposal that is declined makes no record).

A country often stands in a sentence only as the home of whoever acts: "a Greek tanker owner signed
a contract with a Chinese shipyard", "Brazil's state oil firm signs a deal with Chinese banks", "Indian tourists
travel to Mauritius", "the national football team of Ghana landed in Lima". Word lists of companies, teams or
travellers never end; the parse tells instead which noun phrases are the anchor's actors (the subject of its verb,
the one met, the one talks are held with or between) and whether each of them is a state: a country or capital
named as the actor, a person the text gives a country, a pronoun (which refers back to someone), or a phrase
headed or qualified by one of the closed class of words for a state's organs and representatives
(``_STATE_LEMMAS``). A country adjective or possessive on any other head names whose the actor is, not a state
taking part. The parse is the one ``governing`` made of the anchored sentence (no second parse).
"""

from __future__ import annotations

from pipeline.engagements.bystanders import (
    criticised_by_a_third,
    mediated_without_parties,
    meeting_of_one_body,
    pact_names_a_relation,
    sign_is_a_noun,
    speaks_of_others,
    travellers_only,
    urged_by_a_third,
)
from pipeline.engagements.governing import (
    _DECLINE,
    _PROPOSAL_NOUNS,
    DROP,
    _anchor_head,
    _governor,
    _lemma,
    _pos,
    parse,
)
from pipeline.engagements.lexicon import MULTILATERAL
from pipeline.engagements.parsing import acting_subject

_STATE_LEMMAS = frozenset(
    {
        # heads of state and government, ministers and their offices
        "president", "minister", "premier", "chancellor", "government", "ministry", "secretary", "official",
        "leader", "king", "queen", "emir", "prince", "princess", "sultan", "sheikh", "monarch", "ruler", "cabinet",
        "administration", "regime", "junta", "authority", "head", "governor", "mayor", "vice", "deputy",
        # representatives abroad
        "ambassador", "envoy", "diplomat", "embassy", "consul", "consulate", "delegation", "delegate", "emissary",
        "counterpart", "colleague", "side", "representative", "host", "dignitary", "pm", "fm",
        # legislatures
        "parliament", "parliamentarian", "lawmaker", "legislator", "senator", "mp", "speaker", "congress",
        "congressman", "congresswoman",
        # armed and police forces
        "navy", "army", "military", "force", "troop", "soldier", "sailor", "marine", "guard", "police",
        "commander", "general", "admiral", "officer", "defence", "defense", "unit", "battalion", "brigade", "regiment",
        "squadron", "fleet", "personnel", "serviceman", "ship", "warship", "vessel", "frigate", "destroyer",
        "corvette", "submarine", "jet", "aircraft", "helicopter",
        # the country itself
        "country", "nation", "republic", "kingdom",
    }
)
"""The nouns whose phrase stands for a state: its leaders, offices, envoys, legislators and forces, and the words
for a country itself ("the two countries", "the Indian side", "the navies of Peru and Ecuador"). A closed class: a
phrase with none of them, no country named as the actor and no person of a country is a company, a team, a group
of private people or an organisation's staff ("representative" stays in: "representatives of the two
governments")."""

_GROUP_HEADS = frozenset({"delegation", "team", "contingent", "squad", "group", "party", "mission"})
"""Heads that take their owner from "of": "the delegation of the Super Eagles of Nigeria" is the team's, "a
delegation of Chinese officials" the state's. Without "of", "a delegation" is a state's and "the Mexican team" is
left unplaced: a government's team or a club's."""


def _span_mentions(ctx, start: int, end: int) -> list:
    """The sentence's country, person and place mentions inside [start, end)."""
    return [m for m in (*ctx.countries, *ctx.people, *ctx.places) if start <= m.start and m.end <= end]


def _phrase(token):
    """(start, end) character span of a token's subtree, without the relative clauses that describe the actor
    rather than name it; an apposition names it ("his Argentine colleague, Alberto Fernández")."""
    tokens = [token]
    stack = [c for c in token.children if c.dep_ not in ("relcl", "acl", "punct", "cc", "conj")]
    while stack:
        node = stack.pop()
        tokens.append(node)
        stack.extend(c for c in node.children if c.dep_ not in ("relcl", "acl", "punct"))
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def _state_word(token) -> bool:
    """Whether a token is a word of ``_STATE_LEMMAS``, however tagged ("Heads of State" is tagged a name)."""
    lower = token.lower_
    return _lemma(token) in _STATE_LEMMAS or lower in _STATE_LEMMAS or lower.removesuffix("s") in _STATE_LEMMAS


def actor_kind(token, ctx) -> str:
    """The kind of the noun phrase headed by ``token``: "state" (a country or capital named as the actor, a person
    the text gives a country, a pronoun or "the two", or a phrase with a word of ``_STATE_LEMMAS``), "private" (a
    company, team or private people a country qualifies: "Chinese banks", "Brazil's Petrobras"), "other" (a common
    noun with neither a country nor a state word: "protesters", "investors") or "unknown" (a name the parse cannot
    place, such as a person the text gives no country)."""
    if token.tag_ in ("PRP", "PRP$", "WP", "DT", "CD", "EX"):
        return "state"  # "they", "who", "the two", "both": someone named before
    if _lemma(token) in _GROUP_HEADS:
        owner = next((p for p in token.children if p.dep_ == "prep" and p.lower_ == "of"), None)
        target = next((c for c in owner.children if c.dep_ == "pobj"), None) if owner is not None else None
        if target is not None:
            return actor_kind(target, ctx)
        if _lemma(token) != "delegation":
            return "unknown"  # "the Mexican team" may be a government's or a club's
    start, end = _phrase(token)
    head_start, head_end = token.idx, token.idx + len(token)
    mentions = _span_mentions(ctx, start, end)
    head_person = False
    for m in mentions:
        if m.start <= head_start and head_end <= m.end:
            if m.label == "PERSON":
                if m.country_code:
                    return "state"
                head_person = True
            elif m.country_code:
                return "state"  # "China", "Beijing", "the United States" named as the actor
    if any(_state_word(t) for t in token.subtree if start <= t.idx < end):
        return "state"
    if any(m.label == "PERSON" and m.country_code for m in mentions):
        return "state"  # "a team led by Foreign Minister X"
    countries = [m for m in mentions if m.label == "COUNTRY"]
    if not countries:
        return "unknown" if head_person or token.tag_ in ("NNP", "NNPS") else "other"
    if head_person or token.tag_ not in ("NNP", "NNPS"):
        return "private"  # "Chinese banks", "Indian tourists", a name the text gives no country
    # a name no mention covers: "Greek-Bulgarian ICGB" is a company, "Kenya's Ruto" may be a person
    owners = [t for t in token.subtree if any(m.start <= t.idx < m.end for m in countries)]
    return "unknown" if all(t.dep_ == "poss" for t in owners) else "private"


def _expanded(token) -> list:
    """A token and the tokens joined to it by "and" or "as well as"."""
    out, stack = [], [token]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children if c.dep_ == "conj")
    return out


_SUPPORT_VERBS = frozenset(
    {"hold", "pay", "make", "sign", "conduct", "have", "begin", "start", "launch", "stage", "undertake", "open",
     "resume", "host", "ink", "conclude", "seal", "attend", "join", "continue", "wrap", "complete", "end"}
)
"""Verbs that only carry an engagement noun ("held talks", "paid a visit", "signed an agreement", "opened
dialogue"): their subject acts in it and their "with" names its other side. The subject of any other verb whose
object the anchor is ("the visit follows a state visit", "a statement described the meeting") is not its actor."""
_TALK_VERBS = frozenset({"meet", "talk", "speak", "confer", "negotiate", "consult", "chat", "sign", "agree"})
"""Verb triggers whose "with" or "between" names the other side ("met with", "spoke with", "signed with")."""
_MET_OBJECT_VERBS = frozenset({"meet", "receive", "host", "welcome", "phone", "call"})
"""Verb triggers whose object is the other side ("met Ruto", "received the envoy")."""


def _clausal(token) -> bool:
    """Whether a "with" object is an absolute construction, not a party ("with a press conference expected to
    announce ...", "with migration top of the agenda")."""
    return token.dep_ == "pobj" and (
        any(c.dep_ in ("acl", "advcl", "xcomp", "ccomp") for c in token.children)
        or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children) and token.lower_ == "top"
    )


def _parties_of(holder) -> list:
    """The objects of "with" and "between" under a token, but absolute constructions."""
    return [
        c
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in ("with", "between")
        for c in prep.children
        if c.dep_ == "pobj" and not _clausal(c)
    ]


def anchor_actors(doc, anchor, ctx) -> tuple[list[str], list[str]]:
    """(the kinds of an anchor's subject, the kinds of its counterparts), by ``actor_kind``. The subject is its
    verb's when the anchor is that verb, the setting of its event ("arrived for a visit") or the object of a
    verb that only carries it ("held talks"); the counterparts are what the anchor noun is "with" or "between",
    what a verb of meeting is held with or takes as its object ("met Ruto"), and the "with" of a carrying verb."""
    head = _anchor_head(doc, anchor.start, anchor.end)
    if head is None:
        return [], []
    governed = _governor(head)
    counterparts = _parties_of(head) if _pos(head) in ("NOUN", "PROPN") else []
    if not isinstance(governed, tuple):
        return [], [actor_kind(t, ctx) for root in counterparts for t in _expanded(root)]
    verb, role = governed
    lemma = _lemma(verb)
    subjects = []
    carried = role == "dobj" and lemma in _SUPPORT_VERBS
    if role == "verb" or role.startswith("setting") or carried:
        subject = acting_subject(verb)
        if subject is not None and subject.i != head.i:
            subjects.append(subject)
    if (role == "verb" and lemma in _TALK_VERBS) or carried:
        counterparts += _parties_of(verb)
    if role == "verb" and lemma in _TALK_VERBS:  # "signed an agreement with Ghana"
        counterparts += [p for c in verb.children if c.dep_ == "dobj" for p in _parties_of(c)]
    kinds = [actor_kind(t, ctx) for root in counterparts for t in _expanded(root)]
    if role == "verb" and lemma in _MET_OBJECT_VERBS:
        objects = [t for c in verb.children if c.dep_ == "dobj" and c.i != head.i for t in _expanded(c)]
        kinds += [kind for kind in (actor_kind(t, ctx) for t in objects) if kind != "other"]
    return [actor_kind(t, ctx) for root in subjects for t in _expanded(root)], kinds


def _no_two_states(kind: str, subjects: list[str], counterparts: list[str]) -> bool:
    """Whether an anchor's actors leave no two states to be its sides: none is a state and a country qualifies
    one of them ("Brazil's Petrobras signs MOU with Chinese banks", "Indian tourists travel to Mauritius"), or,
    for the kinds whose two sides both act (all but a visit, whose other side is where it goes), every
    counterpart named is no state ("urged the authorities to open dialogue with protesters", "held talks with
    investors"), or the subject joins one state to parties that are none and no counterpart is named ("the
    government and opposition will resume their dialogue")."""
    kinds = subjects + counterparts
    if "private" in kinds and "state" not in kinds:
        return True
    if kind == "visit":
        return False
    if counterparts and all(k in ("private", "other") for k in counterparts):
        return True
    return not counterparts and len(subjects) >= 2 and subjects.count("state") == 1 and "unknown" not in subjects


def _gathering_of_many(doc, anchor, ctx) -> bool:
    """Whether the anchor is a gathering "of" office-holders named in the plural, by no country, name or number
    ("ahead of meetings of allied defence ministers", "a meeting of foreign ministers"): the office-holders of
    many states meet there (annotation guide: a multilateral meeting as a whole is no record), not "of the two
    defence ministers" nor "of the foreign ministers of Peru and Chile"."""
    head = _anchor_head(doc, anchor.start, anchor.end)
    if head is None or _pos(head) not in ("NOUN", "PROPN"):
        return False
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for owner in prep.children:
            numbered = any(c.dep_ in ("nummod", "det") and c.lower_ in ("two", "both") for c in owner.children)
            if (
                owner.dep_ == "pobj"
                and owner.tag_ in ("NNS", "NNPS")
                and _state_word(owner)
                and not numbered
                and not any(c.dep_ == "conj" for c in owner.children)
                and not _span_mentions(ctx, *_phrase(owner))
            ):
                return True
    return False

_UNILATERAL_ACTS = frozenset({"order", "decree", "law", "bill", "legislation", "ordinance", "warrant", "budget", "petition"})
"""What a state signs on its own: an order, a decree, a law, a bill, a warrant (annotation guide: an agreement is
signed between the two; domestic acts are none, whoever they concern: "signed an order for his extradition to
India")."""


def _signs_an_act(doc, anchor) -> bool:
    """Whether an agreement anchor is the signing of a state's own act ("the interior minister signed the order
    clearing the way for his extradition"): the object of "sign" is one of ``_UNILATERAL_ACTS``."""
    head = _anchor_head(doc, anchor.start, anchor.end)
    if head is None or anchor.kind != "agreement":
        return False
    verb = head if _lemma(head) in ("sign", "ink") else None
    if verb is None:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(_lemma(o) in _UNILATERAL_ACTS for o in objects)


_ATTEND_VERBS = frozenset({"attend", "participate", "join", "take"})
"""Verbs of taking part in a gathering ("to attend the summit", "to participate in the conference", "to take part
in the forum")."""


def _trip_to_a_gathering(doc, anchor) -> bool:
    """Whether a visit's stated purpose is a gathering of many states ("landed in Honiara for the Pacific Islands
    Forum", "travelled to Addis Ababa to attend the African Union summit"): the trip is to the gathering, not a
    visit to its host (annotation guide: a multilateral meeting as a whole is no record; the host of others'
    gathering is no party). A trip with a bilateral purpose besides ("for talks with ...") is not read here."""
    head = _anchor_head(doc, anchor.start, anchor.end)
    if head is None or anchor.kind != "visit":
        return False
    governed = _governor(head)
    verb = governed[0] if isinstance(governed, tuple) else head
    purposes = []
    for node in (head, verb):
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                purposes += [p for p in c.children if p.dep_ == "pobj"]
            elif (
                c.dep_ in ("xcomp", "advcl")
                and _lemma(c) in _ATTEND_VERBS
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ):  # "to attend", not "after he attended"
                purposes += [p for p in c.subtree if p.dep_ in ("dobj", "pobj")][:1]
    if not purposes:
        return False
    return all(bool(MULTILATERAL.search(doc.text[slice(*_phrase(p))])) for p in purposes)



def _declines_an_offer(doc) -> bool:
    """Whether the sentence turns an offer down: a verb of declining ("turned down", "rejected", "declined")
    whose object is the offer, invitation or request, or a pronoun for it ("the president has since turned the
    offer down", "invited him, but he declined it")."""
    for token in doc:
        lemma = _lemma(token)
        if lemma in _DECLINE or (lemma == "turn" and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children)):
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if any(_lemma(o) in _PROPOSAL_NOUNS or o.tag_ == "PRP" for o in objects):
                return True
    return False


def _bystanders_only(doc, anchor, ctx) -> bool:
    """Whether the sentence names no two parties of the anchor (``bystanders``): "sign" as a noun, a pact's
    name that only qualifies a relation, a body's own meeting, a statement or meeting that speaks of the
    countries named, an engagement urged on others by a third country, mediated with no parties of its own or
    criticised by a third."""
    head = _anchor_head(doc, anchor.start, anchor.end)
    if head is None:
        return False
    if anchor.kind == "agreement" and (sign_is_a_noun(head) or pact_names_a_relation(head)):
        return True
    if anchor.kind == "meeting" and meeting_of_one_body(head, ctx):
        return True
    if anchor.kind in ("meeting", "agreement") and speaks_of_others(head, ctx):
        return True
    return urged_by_a_third(head, ctx) or mediated_without_parties(head, ctx) or criticised_by_a_third(head, ctx)


def _makes_no_record(doc, anchor, ctx) -> bool:
    """Whether the parse says an anchor states no bilateral engagement (``_no_two_states``, ``_gathering_of_many``,
    ``_signs_an_act``, ``_trip_to_a_gathering``, ``_bystanders_only``)."""
    return (
        _no_two_states(anchor.kind, *anchor_actors(doc, anchor, ctx))
        or _gathering_of_many(doc, anchor, ctx)
        or _signs_an_act(doc, anchor)
        or _trip_to_a_gathering(doc, anchor)
        or _bystanders_only(doc, anchor, ctx)
    )


def _stands_for_its_own(doc, anchor, ctx) -> bool:
    """Whether an absorbed anchor tells an engagement of its own whose actors the parse reads: one it absorbed
    whose actors are unread ("will resume their dialogue ... with talks scheduled for Tuesday") is the same
    engagement told again and shares the verdict of the anchor that absorbed it. An anchor that absorbed others
    of its sentence ("held talks ... before a summit") makes no record only if each of them that stands for its
    own makes none."""
    return anchor_actors(doc, anchor, ctx) != ([], [])


def without_private_actors(text: str, anchors: list, statuses: list, ctx) -> list:
    """The statuses of a sentence's anchors, ``DROP`` for an anchor whose actors are no two states
    (``anchor_actors``, ``_no_two_states``), for a gathering of many office-holders (``_gathering_of_many``), a
    signing of a state's own act (``_signs_an_act``), a trip to a gathering of many (``_trip_to_a_gathering``) and for an offer the sentence says was turned down
    (``_declines_an_offer``: the proposed engagements of "Trump invited Rouhani to a meeting during his visit,
    but Rouhani turned down the offer"). Only sentences ``governing`` parsed are read (offers of cooperation,
    whose actors the cues read, are left as they are)."""
    targets = [i for i, a in enumerate(anchors) if not a.multilateral and a.kind != "cooperation" and statuses[i] != DROP]
    if not targets:
        return statuses
    doc = parse(text)
    declined = None
    result = list(statuses)

    def visit_heads():
        visits = [v for a in anchors if a.kind == "visit" and not a.multilateral for v in (a, *a.absorbed)]
        heads = [_anchor_head(doc, v.start, v.end) for v in visits]
        return [h for h in heads if h is not None]

    for i in targets:
        own = [a for a in anchors[i].absorbed if _stands_for_its_own(doc, a, ctx)]
        no_record = all(_makes_no_record(doc, a, ctx) for a in (anchors[i], *own))
        if no_record or (anchors[i].kind == "visit" and travellers_only(doc, visit_heads(), ctx)):
            result[i] = DROP
        elif result[i] == "proposed":
            declined = _declines_an_offer(doc) if declined is None else declined
            if declined:
                result[i] = DROP
    return result
