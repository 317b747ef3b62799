"""The linked people an article's engagement mentions depend on, and the refresh of their names and roles: pure
helpers over whole frames, used where the engagements stage is run against its store
(``pipeline.incremental.plans.engagements``)."""

from __future__ import annotations

import polars as pl

from pipeline.engagements.model import PARTICIPANT_DTYPE


def person_fingerprints(entity_mentions: pl.DataFrame, persons: pl.DataFrame) -> pl.DataFrame:
    """Per article, the linked people it names, each as its id, whether the person table has it, its country and
    its role: all an article's engagement mentions depend on besides its own text and date, since linking runs
    across the corpus. The role is part of it because extraction reads it (``salience``: "the prime minister" is
    the side's person of that role), so a role learnt from a new article sends the articles naming that person
    back through extraction, as a full build would read them. Names are not: they are filled in from the person
    table on every run (``with_current_person_details``). The set is kept as the wrapping sum of its members'
    64-bit hashes, which any change to a member changes (cheaper than sorting and joining them as strings)."""
    return (
        entity_mentions.lazy()
        .filter(pl.col("label") == "PERSON")
        .select("article_id", person_id=pl.col("entity_id").str.strip_prefix("person:"))
        .unique()
        .join(
            persons.lazy().select("person_id", "country_code", "role", known=pl.lit(True)), on="person_id", how="left"
        )
        .group_by("article_id")
        .agg(people=pl.struct("person_id", "known", "country_code", "role").hash(seed=0).sum())
        .collect()
    )


def with_current_person_details(mentions: pl.DataFrame, persons: pl.DataFrame) -> pl.DataFrame:
    """Mentions whose participants carry the name and role the person table gives them now (a participant not
    in it keeps the name it was extracted with), as a fresh extraction would give them."""
    participants = (
        mentions.select(pl.int_range(pl.len()).alias("mention"), "participants")
        .explode("participants", empty_as_null=True, keep_nulls=True)
        .unnest("participants")
        .join(
            persons.select("person_id", current_name="name", current_role="role", known=pl.lit(True)),
            on="person_id",
            how="left",
            maintain_order="left",
        )
        .group_by("mention", maintain_order=True)
        .agg(
            participants=pl.struct(
                "person_id",
                name=pl.when("known").then("current_name").otherwise("name"),
                role=pl.when("known").then("current_role").otherwise("role"),
                country_code="country_code",
            ).filter(pl.col("person_id").is_not_null())
        )
    )
    return mentions.with_columns(participants["participants"].cast(pl.List(PARTICIPANT_DTYPE)))
