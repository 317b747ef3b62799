"""Fusion: mentions of one engagement from several sentences and articles become one row."""

from datetime import date

import polars as pl

from pipeline.engagements import MENTION_SCHEMA
from pipeline.fusion import (
    EngagementEvidenceModel,
    EngagementParticipantsModel,
    EngagementsModel,
    fuse_engagements,
)

PUBLISHED = date(2022, 9, 6)


def mention(
    article="a1",
    sentence=0,
    type_="meeting",
    fmt=None,
    status="planned",
    start=None,
    end=None,
    precision=None,
    implied=False,
    people=(),
    pair=("IND", "JPN"),
    confidence=0.6,
    city=None,
    ordinal=None,
    initiator=None,
):
    participants = [
        {"person_id": pid, "name": pid, "role": role, "country_code": code} for pid, role, code in people
    ]
    return {
        "article_id": article,
        "story_id": article,
        "sentence_index": sentence,
        "start_char": sentence * 100,
        "end_char": sentence * 100 + 10,
        "sentence": f"sentence {sentence}",
        "trigger": "x",
        "country_a": pair[0],
        "country_b": pair[1],
        "initiator_country": initiator,
        "host_country": None,
        "engagement_type": type_,
        "format": fmt,
        "status": status,
        "start_date": start,
        "end_date": end,
        "date_precision": precision or ("day" if start else None),
        "end_date_implied": implied,
        "location_city": city,
        "location_country": None,
        "ordinal": ordinal,
        "participant_person_ids": [p[0] for p in people],
        "participants": participants,
        "pair_source": "explicit",
        "confidence": confidence,
        "published_date": PUBLISHED,
    }


def fuse(*rows):
    engagements, participants, evidence = fuse_engagements(pl.DataFrame(list(rows), schema=MENTION_SCHEMA))
    EngagementsModel.validate(engagements)
    EngagementParticipantsModel.validate(participants)
    EngagementEvidenceModel.validate(evidence)
    return engagements, participants, evidence


def test_same_visit_in_two_articles_is_one_engagement_with_two_sources():
    engagements, _, evidence = fuse(
        mention("a1", type_="visit", start=date(2022, 9, 7), end=date(2022, 9, 9), implied=True),
        mention("a2", type_="visit", fmt="official visit", start=date(2022, 9, 7)),
    )
    assert engagements.height == 1
    assert engagements.row(0, named=True)["source_count"] == 2
    assert evidence.height == 2


def test_stated_end_date_wins_over_implied_and_the_conflict_stays_visible():
    (row,) = fuse(
        mention("a1", type_="visit", start=date(2022, 9, 7), end=date(2022, 9, 9), implied=True),
        mention("a2", type_="visit", start=date(2022, 9, 7), end=date(2022, 9, 10)),
    )[0].to_dicts()
    assert row["end_date"] == date(2022, 9, 10)
    assert row["conflicts"] == "end_date: 2022-09-09 vs 2022-09-10"


def test_day_precision_wins_over_month():
    (row,) = fuse(
        mention("a1", start=date(2022, 9, 1), end=date(2022, 9, 30), precision="month", fmt="summit"),
        mention("a2", start=date(2022, 9, 7), end=date(2022, 9, 7), fmt="summit"),
    )[0].to_dicts()
    assert (row["start_date"], row["date_precision"]) == (date(2022, 9, 7), "day")


def test_same_format_on_distant_dates_stays_two_engagements():
    engagements, _, _ = fuse(
        mention(
            sentence=0, fmt="2+2 ministerial meeting", status="held", start=date(2019, 11, 30), ordinal=1
        ),
        mention(sentence=1, fmt="2+2 ministerial dialogue", start=date(2022, 9, 7), ordinal=2),
    )
    assert sorted(engagements["ordinal"].to_list()) == [1, 2]


def test_undated_mention_joins_the_dated_engagement_of_its_story_that_fits_its_tense():
    engagements, _, evidence = fuse(
        mention(sentence=0, fmt="2+2 ministerial meeting", status="held", start=date(2019, 11, 30)),
        mention(sentence=1, fmt="2+2 ministerial meeting", start=date(2022, 9, 7)),
        mention(sentence=2, fmt="2+2 ministerial meeting"),
    )
    planned = engagements.filter(pl.col("status") == "planned")["engagement_id"][0]
    assert evidence.filter(pl.col("engagement_id") == planned)["sentence_index"].to_list() == [1, 2]


def defence_ministers_meeting_beside(*formats: str):
    """Fused: an undated mention of each format, and a dated generic meeting of India's defence minister."""
    return fuse(
        *(mention(sentence=0, fmt=fmt) for fmt in formats),
        mention(
            sentence=1,
            start=date(2022, 9, 7),
            end=date(2022, 9, 10),
            people=[("singh", "Defence Minister", "IND"), ("hamada", None, "JPN")],
        ),
    )


def test_generic_meeting_joins_the_formats_matching_its_participants_roles():
    engagements, participants, _ = defence_ministers_meeting_beside(
        "defence ministerial meeting", "foreign ministers' strategic dialogue"
    )
    assert engagements.height == 2
    by_format = dict(engagements.select("engagement_id", "format").iter_rows())
    defence = [
        pid
        for eid, pid in participants.select("engagement_id", "person_id").iter_rows()
        if by_format[eid] == "defence ministerial meeting"
    ]
    assert sorted(defence) == ["hamada", "singh"]
    assert participants.filter(
        pl.col("engagement_id").replace_strict(by_format) != "defence ministerial meeting"
    ).is_empty()
    dates = dict(engagements.select("format", "start_date").iter_rows())
    assert dates == {
        "defence ministerial meeting": date(2022, 9, 7),
        "foreign ministers' strategic dialogue": None,
    }


def test_visit_participants_are_the_visitors_and_the_hosts_who_receive_them():
    """The annotation guide's participants are the people of the two countries who take part: a visit's host
    who receives the visitor is one (it used to keep the visiting delegation only)."""
    _, participants, _ = fuse(
        mention(
            type_="visit",
            start=date(2022, 9, 7),
            initiator="IND",
            people=[("singh", None, "IND"), ("hayashi", None, "JPN")],
        ),
    )
    assert participants["person_id"].to_list() == ["hayashi", "singh"]


def test_confidence_combines_independent_evidence():
    (row,) = fuse(
        mention("a1", start=PUBLISHED, confidence=0.5), mention("a2", start=PUBLISHED, confidence=0.5)
    )[0].to_dicts()
    assert row["confidence"] == 0.75


def test_engagement_id_is_stable_across_runs_and_input_order():
    rows = [mention("a1", start=date(2022, 9, 7)), mention("a2", start=date(2022, 9, 7), fmt="summit")]
    assert fuse(*rows)[0]["engagement_id"].to_list() == fuse(*reversed(rows))[0]["engagement_id"].to_list()


def test_different_pairs_never_merge():
    engagements, _, _ = fuse(mention(start=PUBLISHED), mention(start=PUBLISHED, pair=("IND", "USA")))
    assert engagements.height == 2


def test_no_mentions_give_empty_frames():
    engagements, participants, evidence = fuse_engagements(pl.DataFrame(schema=MENTION_SCHEMA))
    assert (engagements.height, participants.height, evidence.height) == (0, 0, 0)


def test_a_format_written_in_title_case_matches_participants_roles_as_in_lower_case():
    engagements, _, _ = defence_ministers_meeting_beside(
        "Defence Ministerial Meeting", "Foreign Ministers' Strategic Dialogue"
    )
    assert dict(engagements.select("format", "start_date").iter_rows()) == {
        "Defence Ministerial Meeting": date(2022, 9, 7),
        "Foreign Ministers' Strategic Dialogue": None,
    }


def test_one_summit_named_more_or_less_fully_is_one_engagement():
    engagements, _, evidence = fuse(
        mention(
            "a1", 0, fmt="14th India-Japan Annual Summit", status="held", start=date(2022, 3, 19), ordinal=14
        ),
        mention("a1", 3, fmt="annual summit", status="held", start=date(2022, 3, 19)),
        mention("a2", 1, fmt="summit", status="held", start=date(2022, 3, 19)),
    )

    assert engagements.select("format", "ordinal", "source_count").rows() == [
        ("14th India-Japan Annual Summit", 14, 2)
    ]
    assert evidence.height == 3


def test_a_format_nested_in_two_unrelated_formats_keeps_them_apart():
    engagements, _, _ = fuse(
        mention("a1", 0, fmt="defence dialogue", start=date(2022, 9, 8)),
        mention("a1", 1, fmt="strategic dialogue", start=date(2022, 9, 8)),
        mention("a1", 2, fmt="dialogue", start=date(2022, 9, 8)),
    )

    assert sorted(engagements["format"]) == ["defence dialogue", "dialogue", "strategic dialogue"]


def test_a_generic_meeting_overlapping_two_formats_of_one_day_joins_neither_every_time():
    rows = [
        mention("a1", 0, fmt="defence ministerial meeting", start=date(2022, 9, 8)),
        mention("a2", 0, fmt="foreign ministers' strategic dialogue", start=date(2022, 9, 8)),
        mention("a3", 0, start=date(2022, 9, 8), end=date(2022, 9, 9)),
    ]
    outcomes = {tuple(sorted(fuse(*rows)[0]["engagement_id"])) for _ in range(20)}

    assert len(outcomes) == 1 and len(next(iter(outcomes))) == 3


def test_two_days_one_article_tells_apart_are_two_engagements_though_a_day_apart():
    engagements, _, _ = fuse(
        mention("a1", 0, start=date(2025, 3, 16)),
        mention("a1", 1, start=date(2025, 3, 17)),
        mention("a2", 0, start=date(2025, 3, 17)),
    )
    assert sorted(zip(engagements["start_date"], engagements["source_count"], strict=True)) == [
        (date(2025, 3, 16), 1),
        (date(2025, 3, 17), 2),
    ]


def test_two_reports_a_day_apart_are_one_engagement():
    engagements, _, _ = fuse(
        mention("a1", 0, start=date(2025, 3, 16)), mention("a2", 0, start=date(2025, 3, 17))
    )
    assert engagements.height == 1


def test_a_visit_one_article_dates_on_two_days_in_a_row_stays_one_visit():
    engagements, _, _ = fuse(
        mention("a1", 0, type_="visit", start=date(2025, 3, 16)),
        mention("a1", 1, type_="visit", start=date(2025, 3, 17)),
    )
    assert engagements.height == 1


def test_a_mention_dated_by_its_year_only_does_not_bridge_two_engagements_of_that_year():
    engagements, _, evidence = fuse(
        mention(
            "a1",
            0,
            type_="visit",
            status="cancelled",
            start=date(2018, 4, 1),
            end=date(2018, 4, 30),
            precision="month",
        ),
        mention("a1", 1, type_="visit", status="cancelled", start=date(2018, 12, 2)),
        mention(
            "a1",
            2,
            type_="visit",
            status="cancelled",
            start=date(2018, 1, 1),
            end=date(2018, 12, 31),
            precision="year",
        ),
    )
    assert sorted(engagements["start_date"]) == [date(2018, 4, 1), date(2018, 12, 2)]
    assert evidence.height == 3


def test_visits_of_one_pair_starting_the_same_day_are_one_trip_whatever_their_format():
    engagements, _, _ = fuse(
        mention("a1", 0, type_="visit", fmt="state visit", status="held", start=date(2022, 12, 21)),
        mention("a2", 0, type_="visit", fmt="official visit", status="held", start=date(2022, 12, 21)),
    )
    assert engagements.height == 1


def test_visits_each_way_on_the_same_day_stay_two():
    engagements, _, _ = fuse(
        mention("a1", 0, type_="visit", fmt="state visit", start=date(2022, 12, 21), initiator="IND"),
        mention("a2", 0, type_="visit", fmt="official visit", start=date(2022, 12, 21), initiator="JPN"),
    )
    assert engagements.height == 2


def test_a_visit_reported_postponed_and_cancelled_on_one_day_is_postponed():
    (row,) = fuse(
        mention("a1", type_="visit", status="cancelled", start=date(2022, 9, 12)),
        mention("a2", type_="visit", status="postponed", start=date(2022, 9, 12)),
    )[0].to_dicts()
    assert row["status"] == "postponed"
