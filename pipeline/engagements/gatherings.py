"""A gathering of many states told over several sentences (annotation guide, Not engagements: "multilateral
summits and meetings as a whole"). ``anchors._is_multilateral`` judges an anchor by the words at it ("the G20
summit", "the Summit of the Americas"); a report on a summit also names it by who came ("brought together 22
presidents", "finance ministers from the Group of 20 countries ... after a two-day meeting") and then by a bare
definite noun ("the meeting in Durban", "the heads of state meeting"). Both are the gathering, and two member
states named in such a sentence (the host's city, a leader quoted there) are no bilateral meeting.
``extract.anchored_sentences`` applies ``at_gatherings`` to an article's anchored sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from pipeline.engagements.lexicon import _NOUN_TRIGGER, MULTILATERAL

_NUMBER = (
    r"(?:\d+|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"dozens\s+of|scores\s+of|several|many|all)"
)
_MANY_SIDES = re.compile(
    r"\b(?:brought\s+together|bringing\s+together|brings\s+together|gathered|gathering|attended\s+by|drew|"
    r"participation\s+of)\s+(?:some\s+|more\s+than\s+|over\s+|nearly\s+|about\s+|around\s+|almost\s+)?"
    + _NUMBER
    + r"\s+(?:[\w'’-]+\s+){0,2}?(?:heads\s+of\s+(?:state|government)|presidents|leaders|countries|nations|states|"
    r"delegations|ministers|members|governments)\b|"
    r"\b(?:ministers|leaders|presidents|officials|delegates|bankers|governors|heads\s+of\s+(?:state|government))\s+"
    r"(?:from|of)\s+(?:the\s+|all\s+|its\s+)?(?:"
    + _NUMBER
    + r"\s+|member\s+)?(?:countries|nations|states|"
    + "(?-i:"
    + MULTILATERAL.pattern.removeprefix(r"\b").removesuffix(r"\b")
    + "))\\b|"
    r"\band\s+other\s+(?:[\w'’-]+\s+){0,2}?(?:leaders|heads\s+of\s+(?:state|government)|presidents|prime\s+ministers)\b",
    re.IGNORECASE,
)
"""Words that say who came to a gathering, and that they are many: "brought together 22 presidents", "attended
by more than 30 heads of state", "energy ministers and regulators from the Group of 20 economies",
"leaders of the member states", "Chancellor Weiss and other world leaders closing a week of summits". A
meeting a sentence names with them is that gathering."""
_PAIRED_AT = re.compile(r"\s+(?:between|with\s+(?![^.;,]{0,60}?\b\w+ing\b))", re.IGNORECASE)
"""After a meeting's noun, a pair of its own: "talks between", "a meeting with his counterpart" (but not the
absolute "the summit, with Chilean President Bachelet arguing", which names a speaker, not a counterpart)."""
_BILATERAL_BEFORE = re.compile(r"\b(?:bilateral|two(?![-‐])|both|one-on-one)\b[^.;]{0,30}$", re.I)
"""Before a meeting's noun, words that make it a meeting of two ("a two-day meeting" is not)."""
_HEADS_OF_STATE_BEFORE = re.compile(
    r"\b(?:heads\s+of\s+(?:state|government)|plenary)(?:['’]s?)?\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE
)
"""Before a meeting's noun, the many who hold it: "the heads of state meeting", "the heads of government summit",
"the plenary session" (two leaders' meeting is "the two heads of state meeting", which ``_BILATERAL_BEFORE``
keeps)."""
_DEMONSTRATIVE_BEFORE = re.compile(
    r"\b(?:[Tt]his|[Tt]hat|[Tt]hese|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w'’-]+\s+){0,2}$"
)
_DEFINITE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his)\s+(?:[\w'’-]+\s+){0,3}$")
"""A definite noun phrase ("the meeting", "the heads of state meeting", "this summit"): the reader already knows
which gathering is meant. "That" is left out: it is more often a conjunction ("said that there was no meeting")."""


_MULTINATIONAL_BEFORE = re.compile(
    r"\b(?:multinational|multi-national|multilateral|international)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE
)
_MANY_NATIONS = re.compile(
    r"\b(?:\d+|two\s+dozen|dozens\s+of|several|many|" + _NUMBER + r")\s+(?:other\s+)?(?:nations|countries|navies|militaries)\s+"
    r"(?:are\s+|will\s+)?(?:tak(?:e|es|ing)\s+part|participat\w+|join\w*)\b|"
    r"\bparticipated\s+(?:in\s+)?by\s+(?:some\s+|more\s+than\s+|over\s+)?\d+\s+(?:nations|countries)\b",
    re.IGNORECASE,
)
"""With an exercise: words that make it an exercise of many states, at the trigger ("the annual multinational
combined joint training exercise", "the world's largest international maritime exercise") or in its sentence
("participated by 25 nations", "nearly 30 nations are taking part"): Cobra Gold, RIMPAC and the like are
gatherings of many, not a joint exercise of the two states that host or lead them (annotation guide, Not
engagements: multilateral meetings as a whole)."""
_NAMES_EXERCISE_OF_MANY = re.compile(
    r"\b(?:multinational|multi-national|multilateral|international)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:exercises?|drills?|war\s*games|manoeuvres|maneuvers)\b",
    re.IGNORECASE,
)
"""A sentence that names a multinational exercise, anchored or not ("The yearly multinational naval
training exercise, Coral Shield 2021, has opened off Fiji"): the exercise the article's next mentions are."""
_OWN_PAIR_BEFORE = re.compile(
    r"(?:\b(?:bilateral|two|both)\b|\bjoint\s+[A-Z][\w.'’]*\s*[-–/]\s*[A-Z])[^;]{0,40}$"
)
_SIDES_BEFORE = re.compile(r"\b[A-Z][\w.'’-]+\s+and\s+(?:the\s+)?[A-Z][\w.'’-]+\b[^;]{0,60}$")
"""Before an exercise, words that give it a pair of its own: "a joint Thai-U.S. maritime exercise", "the two
navies' drill", "a bilateral exercise"; and, unless the trigger itself is called multinational, two sides
("India and France held their exercise", but "Thai and U.S. officials opened the multinational exercises")."""


_WITH_MANY_AFTER = re.compile(
    r"\s+with\s+(?:some\s+|more\s+than\s+|over\s+|nearly\s+|about\s+|around\s+)?" + _NUMBER
    + r"\s+(?:other\s+)?(?:[\w'’-]+\s+)?(?:countries|nations|states|navies|militaries|armies|partners)\b",
    re.IGNORECASE,
)
"""After an exercise: a partner written as many states ("drills with many countries including A and B",
"exercises with 12 nations"): the states it goes on to name are examples of the many, never a pair with each
other."""
_SIGNED_BY_MANY = re.compile(r"^[^.;,]{0,40}?\b(?:signed|adopted|endorsed|concluded)\b[^.;,]{0,30}$", re.IGNORECASE)
"""Between words that say many came (``_MANY_SIDES``: "the leaders of 11 countries") and an agreement: the many
signing it ("... of South-Eastern Europe signed the Harbour Declaration")."""


def _agreement_of_many(text: str, anchor) -> bool:
    """Whether an agreement anchor is a pact that many states sign ("the leaders of 11 countries of the region
    signed the Harbour Declaration supporting Ruritania"): the subject that signs is the many of ``_MANY_SIDES``,
    so the countries the sentence names are signatories or its topic, not the two sides of a bilateral deal
    (annotation guide, Not engagements: multilateral agreements)."""
    return any(
        m.end() <= anchor.start and _SIGNED_BY_MANY.match(text[m.end() : anchor.start])
        for m in _MANY_SIDES.finditer(text)
    )


def _exercise_of_many(text: str, anchor, gathering: bool) -> bool:
    """Whether an exercise anchor is a multinational exercise: one its words say many states hold
    (``_MULTINATIONAL_BEFORE``), or, once its sentence or an earlier one named such an exercise or many nations
    taking part (``gathering``), one that names no pair of its own (``_OWN_PAIR_BEFORE``, ``_SIDES_BEFORE``,
    "between", "with"): "Organised by
    the regional naval command, the exercise shows ...", "naval drill that will run until June 14
    is led by the Australian fleet"."""
    before = text[max(0, anchor.start - 80) : anchor.start]
    if _WITH_MANY_AFTER.match(text, anchor.end):
        return True
    if _OWN_PAIR_BEFORE.search(before) or _PAIRED_AT.match(text, anchor.end):
        return False
    if _MULTINATIONAL_BEFORE.search(before[-60:]):
        return True
    return gathering and not _SIDES_BEFORE.search(before)


def _meeting_noun(text: str, anchor) -> bool:
    """A meeting anchor that is a noun ("meeting", "summit", "talks"), which can name a gathering; not one that
    the text pairs itself ("between", "with" a counterpart, "bilateral", "the two")."""
    return (
        anchor.kind == "meeting"
        and bool(_NOUN_TRIGGER.search(text[anchor.start : anchor.end]))
        and not _PAIRED_AT.match(text, anchor.end)
        and not _BILATERAL_BEFORE.search(text[max(0, anchor.start - 40) : anchor.start])
    )


def names_exercise_of_many(head: str) -> bool:
    """Whether an article's head (headline and lead) names a multinational exercise (``_NAMES_EXERCISE_OF_MANY``,
    ``_MANY_NATIONS``): the story is about that gathering, and its later "the exercise" is that one."""
    return bool(_NAMES_EXERCISE_OF_MANY.search(head) or _MANY_NATIONS.search(head))


def at_gatherings(anchored: list[tuple], drill_story: bool | Callable[[], bool] = False) -> list[tuple]:
    """The article's anchored sentences ``(sentence, ctx, anchors)``, with the meetings that are its gathering
    of many marked multilateral: a meeting noun in a sentence that says many came (``_MANY_SIDES``) or that
    many hold ("the heads of state meeting", ``_HEADS_OF_STATE_BEFORE``), and a
    later definite "the meeting" / "the summit" while the last sentence that named meetings named only such a
    gathering. A sentence that also names a bilateral meeting ("the two leaders' meeting, held on the
    margins of the AU summit") makes that meeting what "the meeting" next refers to, so the rule never
    swallows the talks of two held at a summit; "this meeting" in a sentence that says many came is the one
    the article told before ("This meeting comes as Ramaphosa hosts the summit, bringing together leaders ...").
    Exercises likewise (``_exercise_of_many``): a multinational exercise, and the later mentions of it that name
    no pair of their own, are marked multilateral, from the start in a story whose head names one
    (``drill_story``, ``names_exercise_of_many``).

    Whether exercises of many are being told is asked only at an exercise anchor, which few articles hold:
    ``drill_story`` may be the call that reads the head, and the sentences read since it was last known are
    searched then, in order (``_drill_of_many``)."""
    out, gathering = [], False
    drill_known, unread = drill_story, []  # exercises of many are told: drill_known, or so says an unread text
    for sentence, ctx, anchors in anchored:
        text, marked = sentence["text"], []
        unread.append(text)
        many = bool(_MANY_SIDES.search(text))
        for a in anchors:
            if a.kind == "exercise" and not a.multilateral:
                drill_known, unread = _drill_of_many(drill_known, unread), []
                if _exercise_of_many(text, a, drill_known):
                    a = replace(a, multilateral=True)
            if a.kind == "agreement" and not a.multilateral and many and _agreement_of_many(text, a):
                a = replace(a, multilateral=True)
            if a.kind == "meeting" and not a.multilateral and _meeting_noun(text, a):
                before = text[max(0, a.start - 50) : a.start]
                held_by_many = many and not _DEMONSTRATIVE_BEFORE.search(before)
                if (
                    held_by_many
                    or _HEADS_OF_STATE_BEFORE.search(before)
                    or (gathering and _DEFINITE_BEFORE.search(before))
                ):
                    a = replace(a, multilateral=True)
            marked.append(a)
        meetings = [a for a in marked if a.kind == "meeting"]
        gathering = all(a.multilateral for a in meetings) if meetings else gathering
        drills = [a for a in marked if a.kind == "exercise"]
        if drills:
            drill_known, unread = all(a.multilateral for a in drills), []
        out.append((sentence, ctx, marked))
    return out


def _drill_of_many(known: bool | Callable[[], bool], unread: list[str]) -> bool:
    """Whether exercises of many are being told: ``known`` (a flag, or the call that tells it) says so as of the
    sentence before ``unread``, or one of the ``unread`` sentences names such an exercise
    (``names_exercise_of_many``). The same answer as asking every sentence as it comes, asked only when an
    exercise anchor needs it."""
    return (known() if callable(known) else known) or any(map(names_exercise_of_many, unread))
