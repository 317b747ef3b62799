"""The anchored sentences of a batch of articles are parsed at once, and a sentence gets the same status whether
it was parsed in the batch or alone."""

from pipeline.engagements import governing


def test_a_prefetched_sentence_is_parsed_once_and_forgotten_after_the_batch():
    sentence = "The two ministers are likely to meet in Geneva next week."
    with governing.prefetched_parses([sentence, sentence, "Talks were held in Lima."]):
        assert governing.parse(sentence) is governing.parse(sentence)
    assert governing.parse(sentence) is not governing.parse(sentence)


def test_a_batch_parse_gives_the_parse_of_the_sentence_alone():
    sentences = [
        "The two ministers are likely to meet in Geneva next week.",
        "Talks between the two presidents took place on Monday.",
        "The visit was called off after the storm.",
    ]
    alone = [[(t.text, t.dep_, t.head.i) for t in governing.parse(s)] for s in sentences]
    with governing.prefetched_parses(sentences):
        batched = [[(t.text, t.dep_, t.head.i) for t in governing.parse(s)] for s in sentences]
    assert batched == alone
