"""The engagement stage's contract with the rest of the pipeline: the engagement types and statuses, the
participant struct, and the mention frame (``EngagementMentionsModel``, ``MENTION_SCHEMA``) that fusion reads."""

from __future__ import annotations

from datetime import date

import pandera.polars as pa
import polars as pl

from pipeline.contracts import polars_schema

ENGAGEMENT_TYPES = ["meeting", "visit", "call", "agreement", "exercise", "cooperation"]
STATUSES = ["planned", "held", "postponed", "cancelled", "proposed"]
CALLED_OFF = ["cancelled", "postponed"]
"""The statuses of an engagement that was called off: it keeps its original slot (the guide)."""
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
"""Date precisions from the most to the least precise: the more precise of two dates wins."""
PARTICIPANT_DTYPE = pl.Struct(
    {"person_id": pl.String, "name": pl.String, "role": pl.String, "country_code": pl.String}
)


class EngagementMentionsModel(pa.DataFrameModel):
    """One engagement as stated by one sentence; fusion turns these into engagements."""

    article_id: str
    story_id: str
    sentence_index: int = pa.Field(ge=0)
    start_char: int = pa.Field(ge=0)
    end_char: int = pa.Field(ge=0)
    sentence: str
    trigger: str
    country_a: str = pa.Field(str_matches=r"^[A-Z]{3}$")
    country_b: str = pa.Field(str_matches=r"^[A-Z]{3}$")
    initiator_country: str = pa.Field(nullable=True)
    host_country: str = pa.Field(nullable=True)
    engagement_type: str = pa.Field(isin=ENGAGEMENT_TYPES)
    format: str = pa.Field(nullable=True)
    status: str = pa.Field(isin=STATUSES)
    start_date: date = pa.Field(nullable=True)
    end_date: date = pa.Field(nullable=True)
    date_precision: str = pa.Field(nullable=True, isin=["day", "month", "year"])
    end_date_implied: bool
    location_city: str = pa.Field(nullable=True)
    location_country: str = pa.Field(nullable=True)
    ordinal: int = pa.Field(nullable=True, ge=1)
    participant_person_ids: pl.List(pl.String)
    participants: pl.List(PARTICIPANT_DTYPE)
    pair_source: str = pa.Field(isin=["explicit", "coreference"])
    confidence: float = pa.Field(ge=0.0, le=1.0)
    published_date: date = pa.Field(nullable=True)
    counterpart: str = pa.Field(nullable=True)
    """The person (id) the meeting is held with, as its trigger names them ("met Foreign Minister X"; one row per
    person met on their own, ``met_people``): fusion tells a visit's talks apart by it."""

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def pair_is_ordered(cls, data) -> pl.LazyFrame:
        """country_a sorts before country_b, so that a pair is one value whichever country a sentence names first."""
        return data.lazyframe.select(pl.col("country_a") < pl.col("country_b"))


MENTION_SCHEMA = polars_schema(EngagementMentionsModel)
