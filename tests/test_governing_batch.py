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


def test_parts_of_speech_and_lemmas_are_those_of_the_models_attribute_ruler_and_lemmatizer():
    """The parse skips the model's attribute ruler and lemmatizer (they cost more than the parse); the lemmas and
    parts of speech the rules read are computed from the model's own tables, and must agree with the components."""
    import spacy

    from pipeline.entities.stage import DEFAULT_SPACY_MODEL

    sentences = [
        "The ministers were expected to meet on Friday, but the visit was called off and talks postponed.",
        "Plans for a summit are under way; the leaders have invited him, and she'll visit Tokyo.",
        "No meeting is scheduled, the spokesperson said, though talks could resume if both sides agree.",
        "The prime minister did not attend; he has been invited to a summit that's likely to include talks.",
    ]
    full = spacy.load(DEFAULT_SPACY_MODEL, exclude=["ner"])
    verbal, nominal = ("VERB", "AUX"), ("NOUN", "PROPN")
    for sentence in sentences:
        for expected, token in zip(full(sentence), governing.parse(sentence), strict=True):
            assert governing._lemma(token) == expected.lemma_.lower(), token.text
            assert (governing._pos(token) in verbal) == (expected.pos_ in verbal), token.text
            assert (governing._pos(token) in nominal) == (expected.pos_ in nominal), token.text
