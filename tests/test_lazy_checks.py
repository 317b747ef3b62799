"""Checks made only when a rule needs them give the answers of checks made every time (speed, same output)."""

from pipeline.engagements.attributes import _SentenceContext
from pipeline.engagements.extract import _is_off_topic, anchored_sentences
from pipeline.engagements.gatherings import at_gatherings
from pipeline.engagements.lexicon_sides import _TRAVELLERS_TO_BEFORE, travellers_go_to
from pipeline.engagements.venues import _names_a_venue, _venue_pattern, _venues, venue_place


def _anchored(texts: list[str]) -> list[tuple]:
    sentences = [{"sentence_index": i, "start_char": 0, "text": text} for i, text in enumerate(texts)]
    return anchored_sentences(sentences, [], {})


def _marks(anchored: list[tuple]) -> list[list[tuple[str, bool]]]:
    return [[(a.kind, a.multilateral) for a in anchors] for _, _, anchors in anchored]


def test_a_drill_story_read_when_an_exercise_asks_marks_what_the_flag_marks():
    anchored = _anchored(
        [
            "The defence ministers held talks in Manila on Monday.",
            "The exercise began on Tuesday off the coast and will run until Friday.",
            "Separately, India and Japan held a joint naval exercise in the Bay of Bengal.",
        ]
    )
    for story in (False, True):
        asked = []
        lazy = at_gatherings(anchored, lambda story=story, asked=asked: asked.append(1) or story)
        assert _marks(lazy) == _marks(at_gatherings(anchored, story))
        assert len(asked) == 1


def test_a_drill_story_is_not_read_when_no_exercise_asks():
    anchored = _anchored(["The two presidents met in Nairobi on Monday.", "They signed three agreements."])
    asked = []
    assert _marks(at_gatherings(anchored, lambda: asked.append(1) or True)) == _marks(at_gatherings(anchored))
    assert asked == []


def test_an_off_topic_story_read_when_a_sentence_asks_answers_as_the_flag():
    for text in (
        "Brazil will meet Argentina on Tuesday.",
        "The minister will meet his counterpart on Tuesday.",
        "The striker will meet the coach after the match.",
    ):
        ctx = _SentenceContext(text, [], [], [], [])
        for story in (False, True):
            assert _is_off_topic(ctx, lambda story=story: story) == _is_off_topic(ctx, story)


def test_a_sentence_without_a_venue_name_holds_no_venue():
    texts = [
        "The leaders met at the White House on Monday.",
        "He was received at Hyderabad House.",
        "Talks were held at the house of the governor.",
        "The White Houses of the town were painted.",
        "No venue is named here.",
    ]
    texts += [f"The talks took place at the {name} on Friday." for name in _venues()]
    for text in texts:
        if _venue_pattern().search(text):
            assert _names_a_venue(text, 0, len(text))
        if not _names_a_venue(text, 0, len(text)):
            assert venue_place(text, (0, len(text)), None) is None
    assert venue_place(texts[0], (0, len(texts[0])), None).text == "Washington"


def test_travellers_are_read_only_before_to_or_the_as_the_pattern_reads_them():
    texts = [
        "tourists flocking to ",
        "eight million pilgrims travel via the border crossing to ",
        "students who went to the ",
        "Tourists Flocking TO\t",
        "holidaymakers going into THE \n",
        "tourists went to the capital of ",
        "refugees crossed into ",
        "visitors came, then went to ",
        "the minister travelled to ",
        "",
    ]
    for text in texts:
        assert travellers_go_to(text) == bool(_TRAVELLERS_TO_BEFORE.search(text)), text
    assert [travellers_go_to(text) for text in texts[:5]] == [True] * 5
