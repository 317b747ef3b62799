"""Dates an article gives an engagement in a sentence other than the one that names its pair: a later sentence
that refers to the drill by its noun and dates it, the original slot of a cancelled visit told in the next
sentence, the day a statement reports a drill held. Articles made up for these tests (published Tuesday
6 September 2022)."""

from datetime import date

import pytest
from test_engagements import extract
from test_fusion import fuse, mention

from pipeline.dates import find_date_spans, publication_date_in_text

GHANA, TOGO, BENIN = ("Ghana", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO"), ("Benin", "COUNTRY", "BEN")
GHANAIAN, TOGOLESE = ("Ghanaian", "COUNTRY", "GHA"), ("Togolese", "COUNTRY", "TGO")


def rows_of(rows) -> list[tuple]:
    return sorted(
        (
            r["sentence_index"],
            r["country_a"],
            r["country_b"],
            r["engagement_type"],
            r["status"],
            r["start_date"],
        )
        for r in rows.to_dicts()
    )


def test_a_dated_definite_reference_that_names_no_pair_dates_the_article_one_exercise():
    rows = extract(
        [
            "Officers of the Ghanaian army arrived in Kara for the annual exercise with their hosts.",
            "The five-day exercise was inaugurated on Monday by the Togolese chief of staff.",
            "The joint exercise between Ghana and Togo is meant to show that the shared border is watched.",
        ],
        [GHANAIAN, TOGOLESE, GHANA, TOGO],
    )
    assert (1, "GHA", "TGO", "exercise", "held", date(2022, 9, 5)) in rows_of(rows)
    engagements, _, evidence = fuse(*rows.to_dicts())
    exercises = engagements.filter(engagements["engagement_type"] == "exercise")
    # the undated echo joins the dated reference: one record, with both sentences as evidence
    assert exercises.height == 1
    assert exercises["start_date"].to_list() == [date(2022, 9, 5)]


def test_a_definite_reference_means_nothing_when_the_article_has_two_pairs_of_its_type():
    rows = extract(
        [
            "Ghana and Togo held a joint exercise in the north.",
            "Benin and Togo also staged joint drills at sea.",
            "The exercise was inaugurated on Monday.",
        ],
        [GHANA, TOGO, BENIN],
    )
    assert 2 not in {r["sentence_index"] for r in rows.to_dicts()}


def test_a_cancelled_visit_keeps_the_slot_the_next_sentence_gives_its_plan():
    rows = extract(
        [
            "Ghana's president has cancelled his planned visit to Togo following a death in the family.",
            "He was scheduled to open the trade fair in Lomé, to be held from September 12 to 16.",
        ],
        [GHANA, TOGO],
    )
    assert rows_of(rows) == [(0, "GHA", "TGO", "visit", "cancelled", date(2022, 9, 12))]


def test_a_drill_reported_as_held_takes_the_day_of_the_statement():
    rows = extract(
        [
            "Ghana and Togo have launched a joint military exercise near the border, the army announced yesterday."
        ],
        [GHANA, TOGO],
    )
    assert rows_of(rows) == [(0, "GHA", "TGO", "exercise", "held", date(2022, 9, 5))]


def test_a_passive_infinitive_is_no_past_tense_for_the_date_after_it():
    (span,) = [
        s
        for s in find_date_spans("The fair, to be held on September 12, was cancelled.", date(2022, 9, 6))
        if s.precision == "day"
    ]
    assert span.start == date(2022, 9, 12)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Ghana and Togo sign a partnership\n\n08. Sep 2021.\nThe prime ministers signed it today.",
            date(2021, 9, 8),
        ),
        (
            "Togo visit called off\nAugust 21st, 2019 8:19 am| by A Writer\nThe visit was cancelled.",
            date(2019, 8, 21),
        ),
        (
            "Togo visit called off\nPosted on the 3rd of March 2021\nThe visit was cancelled.",
            date(2021, 3, 3),
        ),
    ],
)
def test_a_printed_date_with_an_ordinal_day_is_the_publication_date(text, day):
    assert publication_date_in_text(text) == day


def test_documents_signed_on_one_occasion_are_one_agreement_whatever_their_names():
    engagements, _, evidence = fuse(
        # "The prime ministers of Ghana and Togo signed an Agreement on strategic partnership in Lomé today."
        mention(
            sentence=0,
            type_="agreement",
            fmt="agreement on strategic partnership",
            status="held",
            start=date(2022, 9, 6),
            pair=("GHA", "TGO"),
        ),
        # "The foreign ministers signed a Memorandum of Cooperation on young farmers."
        mention(
            sentence=2, type_="agreement", fmt="memorandum of cooperation", status="held", pair=("GHA", "TGO")
        ),
    )
    assert engagements["start_date"].to_list() == [date(2022, 9, 6)]
    assert evidence.height == 2


def test_a_meeting_held_at_a_signing_the_story_dates_takes_the_signing_day():
    engagements, _, _ = fuse(
        # "Ghana and Togo signed an agreement on strategic partnership in Lomé today."
        mention(sentence=0, type_="agreement", status="held", start=date(2022, 9, 6), pair=("GHA", "TGO")),
        # "The two cabinets then sat together in a joint session, after separate bilateral talks."
        mention(sentence=3, status="held", pair=("GHA", "TGO")),
    )
    assert sorted(zip(engagements["engagement_type"], engagements["start_date"], strict=True)) == [
        ("agreement", date(2022, 9, 6)),
        ("meeting", date(2022, 9, 6)),
    ]


def test_a_meeting_takes_no_signing_day_when_the_story_dates_a_visit_of_the_pair():
    engagements, _, _ = fuse(
        mention(sentence=0, type_="visit", status="held", start=date(2022, 8, 20), pair=("GHA", "TGO")),
        mention(sentence=1, type_="agreement", status="held", start=date(2022, 9, 6), pair=("GHA", "TGO")),
        mention(sentence=2, status="held", pair=("GHA", "TGO")),
    )
    meeting = engagements.filter(engagements["engagement_type"] == "meeting")
    assert meeting["start_date"].to_list() != [date(2022, 9, 6)]
