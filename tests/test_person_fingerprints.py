"""An article's engagement mentions depend on the linked people it names: a change to one of them that extraction
reads (country, role) sends the article back through extraction, a new spelling of a name does not."""

import polars as pl

from pipeline.engagements import person_fingerprints

MENTIONS = pl.DataFrame({"article_id": ["a1"], "label": ["PERSON"], "entity_id": ["person:p1"]})


def persons(name: str = "Gabriel Boric", country: str = "CHL", role: str = "president") -> pl.DataFrame:
    return pl.DataFrame({"person_id": ["p1"], "name": [name], "country_code": [country], "role": [role]})


def fingerprint(people: pl.DataFrame) -> int:
    return person_fingerprints(MENTIONS, people)["people"].item()


def test_a_new_role_of_a_named_person_changes_the_articles_fingerprint():
    assert fingerprint(persons(role="president")) != fingerprint(persons(role="foreign minister"))


def test_a_new_country_of_a_named_person_changes_the_articles_fingerprint():
    assert fingerprint(persons(country="CHL")) != fingerprint(persons(country="PER"))


def test_a_new_spelling_of_a_named_persons_name_leaves_the_fingerprint():
    assert fingerprint(persons(name="Gabriel Boric")) == fingerprint(persons(name="Gabriel Boric Font"))
