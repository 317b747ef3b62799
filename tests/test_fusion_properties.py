"""Engagement ids, as properties over random mention frames: unique, reproducible, independent of row order.

The frames are drawn from small alphabets (three countries, two articles, a few days, many undated and unpublished
mentions) so that equal keys, undated twins and same-day reports, which once gave two engagements one id, are
common.
"""

from datetime import date, timedelta

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.engagements import MENTION_SCHEMA
from pipeline.fusion import EngagementsModel, fuse_engagements

DAY0 = date(2023, 5, 1)
PAIRS = [("ARG", "BRA"), ("ARG", "CHL"), ("BRA", "CHL")]


@st.composite
def mentions(draw) -> dict:
    article = draw(st.sampled_from(["a1", "a2", "a3"]))
    sentence = draw(st.integers(0, 3))
    start = draw(st.none() | st.integers(0, 6).map(lambda d: DAY0 + timedelta(days=d)))
    end = None if start is None else draw(st.none() | st.integers(0, 3).map(lambda d: start + timedelta(days=d)))
    pair = draw(st.sampled_from(PAIRS))
    person = draw(st.none() | st.sampled_from(["p1", "p2"]))
    people = [] if person is None else [{"person_id": person, "name": person, "role": "president", "country_code": pair[0]}]
    return {
        "article_id": article,
        "story_id": draw(st.sampled_from([article, "s1"])),
        "sentence_index": sentence,
        "start_char": sentence * 50 + draw(st.integers(0, 1)) * 10,
        "end_char": sentence * 50 + 40,
        "sentence": f"sentence {sentence}",
        "trigger": "met",
        "country_a": pair[0],
        "country_b": pair[1],
        "initiator_country": draw(st.none() | st.just(pair[0])),
        "host_country": None,
        "engagement_type": draw(st.sampled_from(["meeting", "call", "visit"])),
        "format": draw(st.none() | st.sampled_from(["summit", "2+2 dialogue", "state visit"])),
        "status": draw(st.sampled_from(["held", "planned", "cancelled"])),
        "start_date": start,
        "end_date": end,
        "date_precision": None if start is None else draw(st.sampled_from(["day", "month"])),
        "end_date_implied": draw(st.booleans()),
        "location_city": draw(st.none() | st.just("Brasília")),
        "location_country": None,
        "ordinal": draw(st.none() | st.integers(1, 2)),
        "participant_person_ids": [p["person_id"] for p in people],
        "participants": people,
        "pair_source": "explicit",
        "confidence": draw(st.sampled_from([0.4, 0.6, 0.9])),
        "published_date": draw(st.none() | st.integers(0, 40).map(lambda d: DAY0 + timedelta(days=d))),
    }


mention_frames = st.lists(mentions(), min_size=1, max_size=25).map(
    lambda rows: pl.DataFrame(rows, schema=MENTION_SCHEMA)
)
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(frame.columns, nulls_last=True)


@PROPERTY
@given(mention_frames)
def test_engagement_ids_are_unique(frame):
    engagements, _, _ = fuse_engagements(frame)
    assert engagements["engagement_id"].is_unique().all()
    EngagementsModel.validate(engagements)


@PROPERTY
@given(mention_frames)
def test_the_same_mentions_give_the_same_ids(frame):
    first, second = fuse_engagements(frame)[0], fuse_engagements(frame.clone())[0]
    assert sorted(first["engagement_id"]) == sorted(second["engagement_id"])


@PROPERTY
@given(mention_frames, st.randoms(use_true_random=False))
def test_row_order_changes_no_id_and_no_row(frame, random):
    order = list(range(frame.height))
    random.shuffle(order)
    shuffled = frame[order]
    for before, after in zip(fuse_engagements(frame), fuse_engagements(shuffled), strict=True):
        assert _sorted(before).equals(_sorted(after))


@PROPERTY
@given(mention_frames)
def test_every_mention_is_evidence_of_exactly_the_engagements_that_hold_it(frame):
    engagements, _, evidence = fuse_engagements(frame)
    assert set(evidence["engagement_id"]) == set(engagements["engagement_id"])
    stated = frame.select("article_id", "sentence_index").unique()
    assert stated.join(evidence, on=["article_id", "sentence_index"], how="anti").is_empty()
